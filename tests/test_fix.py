"""Fix: corrections shown as a diff, and written back atomically only with --write."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from supportcards import files
from supportcards import fix as fix_module
from supportcards.cli import main
from supportcards.errors import OutputError
from supportcards.fix import corrected_bytes, source_fixes, write_fix
from supportcards.normalize import normalize_project
from supportcards.parse import decode_source, load_project, parse_chapter


@pytest.fixture
def copied_source(source_dir: Path) -> Path:
    return source_dir


def test_fix_shows_a_diff_and_changes_nothing(copied_source: Path) -> None:
    before = (copied_source / "chapitre-02.md").read_bytes()
    result = CliRunner().invoke(main, ["fix", str(copied_source)])
    assert result.exit_code == 0
    assert f"--- {copied_source}/chapitre-02.md\n+++ {copied_source}/chapitre-02.md\n" in result.stdout
    assert "\n-1. Les spécialistes sont moins solicités\n" in result.stdout
    assert "\n+1. Les spécialistes sont moins sollicités\n" in result.stdout
    assert "+## Qu’est-ce qu’un Ticket System\u202f?\n" in result.stdout
    assert (copied_source / "chapitre-02.md").read_bytes() == before


def test_fix_write_applies_every_correction(copied_source: Path) -> None:
    result = CliRunner().invoke(main, ["fix", "--write", str(copied_source)])
    assert result.exit_code == 0, result.output
    project = load_project([copied_source])
    assert normalize_project(project)[1] == ()
    assert [card.front for card in project.chapters[0].cards][-4] == "Qu’est-ce qu’un Ticket System\u202f?"
    again = CliRunner().invoke(main, ["fix", str(copied_source)])
    assert again.stdout == "" and "nothing to fix" in again.stderr


def test_fix_keeps_line_endings_and_bom(write_source) -> None:
    folder = write_source({})
    (folder / "a.md").write_bytes("\ufeff# A\r\n\r\n## Front\r\nMoins solicités\r\n".encode())
    for fix in source_fixes(load_project([folder])):
        write_fix(fix)
    assert (folder / "a.md").read_bytes() == "\ufeff# A\r\n\r\n## Front\r\nMoins sollicités\r\n".encode()


def test_a_failed_write_leaves_the_source_as_it_was(copied_source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = copied_source / "chapitre-02.md"
    before = target.read_bytes()
    files_before = sorted(path.name for path in copied_source.iterdir())

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", full_disk)
    with pytest.raises(OutputError, match="No space left on device"):
        for fix in source_fixes(load_project([copied_source])):
            write_fix(fix)
    assert target.read_bytes() == before
    assert sorted(path.name for path in copied_source.iterdir()) == files_before


def _fix_write(folder: Path) -> Result:
    return CliRunner().invoke(main, ["fix", "--write", str(folder)])


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".part"))


def test_a_file_saved_while_fix_runs_is_left_as_saved(write_source, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fix was made from the text read first: splicing it into newer text would rewrite the
    wrong lines, so nothing is written."""
    folder = write_source({"chapitre-01.md": "# A\n\n## Front\nMoins solicités\n"})
    notes = folder / "chapitre-01.md"
    saved = "# A\n\n## Nouvelle carte\nEn tête.\n\n## Front\nMoins solicités\n"
    real = fix_module.normalize_project

    def editor_saves_meanwhile(*args: Any) -> Any:
        notes.write_text(saved, encoding="utf-8")
        return real(*args)

    monkeypatch.setattr(fix_module, "normalize_project", editor_saves_meanwhile)
    result = _fix_write(folder)
    assert result.exit_code == 1
    assert "chapitre-01.md: changed since supportcards read it" in result.stderr
    assert notes.read_text(encoding="utf-8") == saved
    assert _leftovers(folder) == []


@pytest.mark.parametrize(
    "original",
    [
        b"# A\n\n## Front\nMoins solicit\xc3\xa9s\nligne un\rligne deux\n",  # a stray CR in an LF file
        b"# A\r\n\r\n## Front\nMoins solicit\xc3\xa9s\r\nligne un\rligne deux\n\n## Autre\nRien\r\n",  # mixed
        b"\xef\xbb\xbf# A\r\n\r\n## Front\r\nMoins solicit\xc3\xa9s\r\nligne un\r\n",  # CRLF and a BOM
        b"# A\n\n## Front\nMoins solicit\xc3\xa9s",  # no final line ending
    ],
)
def test_fix_write_keeps_every_byte_no_fix_touches(write_source, original: bytes) -> None:
    folder = write_source({})
    (folder / "a.md").write_bytes(original)
    result = _fix_write(folder)
    assert result.exit_code == 0, result.output
    assert (folder / "a.md").read_bytes() == original.replace(b"solicit", b"sollicit")


def test_a_back_that_gains_or_loses_lines_keeps_the_endings_around_it() -> None:
    original = b"# A\r\n\r\n## Front\r\nun\r\ndeux\n\n## Autre\rRien\r\n"
    written = parse_chapter(decode_source(original, "a.md"), "a.md")
    front, other = written.cards
    longer = replace(written, cards=(replace(front, back="un\ndeux\ntrois"), other))
    shorter = replace(written, cards=(replace(front, back="un deux"), other))
    assert (
        corrected_bytes(original, written, longer)
        == b"# A\r\n\r\n## Front\r\nun\r\ndeux\r\ntrois\n\n## Autre\rRien\r\n"
    )
    assert corrected_bytes(original, written, shorter) == b"# A\r\n\r\n## Front\r\nun deux\n\n## Autre\rRien\r\n"


def test_fix_write_writes_through_a_symlink_and_keeps_the_mode(write_source, tmp_path: Path) -> None:
    real = tmp_path / "notes" / "chapitre-01.md"
    real.parent.mkdir()
    real.write_text("# A\n\n## Front\nMoins solicités\n", encoding="utf-8")
    real.chmod(0o600)
    owner = (4321, 4321) if os.geteuid() == 0 else (os.getuid(), os.getgid())  # only root may give a file away
    os.chown(real, *owner)
    folder = write_source({})
    (folder / "chapitre-01.md").symlink_to(real)
    result = _fix_write(folder)
    assert result.exit_code == 0, result.output
    assert (folder / "chapitre-01.md").is_symlink()
    assert real.read_text(encoding="utf-8") == "# A\n\n## Front\nMoins sollicités\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert (real.stat().st_uid, real.stat().st_gid) == owner
    assert _leftovers(folder) == [] and _leftovers(real.parent) == []


def test_fix_write_refuses_a_file_with_hard_links(write_source, tmp_path: Path) -> None:
    """Replacing it would cut it from its other name; writing in place is not crash-safe."""
    folder = write_source({"chapitre-01.md": "# A\n\n## Front\nMoins solicités\n"})
    other = tmp_path / "copie.md"
    os.link(folder / "chapitre-01.md", other)
    result = _fix_write(folder)
    assert result.exit_code == 1
    assert "chapitre-01.md: this file has 2 hard links" in result.stderr
    assert other.read_text(encoding="utf-8") == "# A\n\n## Front\nMoins solicités\n"
    assert os.path.samefile(other, folder / "chapitre-01.md")


FULL_DISK_FIX = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (8000, 8000))
from supportcards.cli import main
sys.argv = ["supportcards", "fix", "--write", {folder!r}]
main()
"""


def test_fix_write_writes_all_files_or_none(write_source) -> None:
    """The second file does not fit (a file size limit stands in for a full disk): the first,
    which did, must not be written either."""
    long = "".join(f"## Carte {number}\nRéponse {number}.\n\n" for number in range(600))
    folder = write_source(
        {
            "chapitre-01.md": "# A\n\n## Front\nMoins solicités\n",
            "chapitre-02.md": f"# B\n\n{long}## Front\nsolicités\n",
        }
    )
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    result = subprocess.run([sys.executable, "-c", FULL_DISK_FIX.format(folder=str(folder))], capture_output=True)
    assert result.returncode == 1, result.stderr
    assert b"cannot write (File too large); no file was changed" in result.stderr
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


def test_fix_write_keeps_a_trailing_hash_that_is_part_of_the_front(write_source) -> None:
    """Only '#'s after a space close a heading: "C#" is a language, not "C" and a closing '#'."""
    notes = "# A\n\n## Qu'est-ce que C#\nUn langage.\n\n## Le langage C ##\nUn autre.\n"
    folder = write_source({"chapitre-01.md": notes})
    result = _fix_write(folder)
    assert result.exit_code == 0, result.output
    text = (folder / "chapitre-01.md").read_text(encoding="utf-8")
    assert text == "# A\n\n## Qu’est-ce que C#\u202f?\nUn langage.\n\n## Le langage C ##\nUn autre.\n"
