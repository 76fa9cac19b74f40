"""Fix: corrections shown as a diff, and written back atomically only with --write."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from supportcards import files
from supportcards.cli import main
from supportcards.errors import OutputError
from supportcards.fix import source_fixes, write_fix
from supportcards.normalize import normalize_project
from supportcards.parse import load_project


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
