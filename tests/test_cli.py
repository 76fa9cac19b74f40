"""The command line, through click's CliRunner: output, exit codes, no tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from supportcards import __version__
from supportcards.cli import main


def test_build_reports_what_it_wrote(tmp_path: Path, source_dir: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(source_dir), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "chapitre-02.md: 13 cards (Chapitre 2 — Organisation du support)" in result.output
    assert f"wrote {tmp_path / 'support-informatique.apkg'}" in result.output
    assert (tmp_path / "support-informatique.apkg").stat().st_size > 0


def test_bad_input_is_path_line_message_and_exit_1(write_source, tmp_path: Path) -> None:
    folder = write_source({"a.md": "# A\n## F\n"})
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert (
        result.output.strip() == f"{folder / 'a.md'}:2: the card 'F' has no answer\n"
        "  hint: write its answer on the lines below the '## ' heading"
    )
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_a_missing_source_is_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.output == f"{tmp_path / 'nope'}:1: no such file or folder\n"


def test_usage_errors_are_exit_2() -> None:
    result = CliRunner().invoke(main, ["build", "--no-such-option"])
    assert result.exit_code == 2
    assert "No such option" in result.output


def test_bad_source_date_epoch_is_a_usage_error(tmp_path: Path, source_dir: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(source_dir), "-o", str(tmp_path)], env={"SOURCE_DATE_EPOCH": "soon"}
    )
    assert result.exit_code == 2
    assert result.output == "SOURCE_DATE_EPOCH must be a whole number of seconds, not 'soon'\n"


def test_version_and_help() -> None:
    assert CliRunner().invoke(main, ["--version"]).output == f"supportcards, version {__version__}\n"
    assert "build" in CliRunner().invoke(main, ["--help"]).output


def test_python_dash_m_runs_the_cli() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "supportcards", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("supportcards, version")


def test_a_changes_file_that_cannot_be_written_stops_the_build_before_it_writes(
    tmp_path: Path, source_dir: Path
) -> None:
    notes = source_dir / "chapitre-02.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\n## Nouvelle carte\nUne réponse.\n", encoding="utf-8")
    lockfile = (source_dir / "supportcards.lock").read_bytes()
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    arguments = ["build", str(source_dir), "-o", str(tmp_path / "out"), "--changes", str(not_a_folder / "x.md")]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 2
    assert result.output == f"--changes {not_a_folder / 'x.md'}: the folder {not_a_folder} does not exist\n"
    assert not (tmp_path / "out").exists()
    assert (source_dir / "supportcards.lock").read_bytes() == lockfile


def test_the_changes_file_is_written_with_the_deck(tmp_path: Path, source_dir: Path) -> None:
    changes = tmp_path / "notes" / "CHANGES.md"
    changes.parent.mkdir()
    (source_dir / "supportcards.lock").unlink()
    result = CliRunner().invoke(main, ["build", str(source_dir), "-o", str(tmp_path), "--changes", str(changes)])
    assert result.exit_code == 0, result.output
    text = changes.read_text(encoding="utf-8")
    assert text.startswith("Cards: 13 added, 0 changed, 0 removed\n\n- added:   ")
    assert text.count("\n- added: ") == 13


def test_a_changes_file_in_a_missing_folder_is_refused_before_anything_is_built(
    tmp_path: Path, source_dir: Path
) -> None:
    """The folder was created (a typo in the path went unseen)."""
    changes = tmp_path / "no" / "such" / "x.md"
    arguments = ["build", str(source_dir), "-o", str(tmp_path / "out"), "--changes", str(changes)]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 2, result.output
    assert "does not exist" in result.output
    assert not (tmp_path / "no").exists() and not (tmp_path / "out").exists()


def test_a_changes_file_in_the_output_folder_the_build_makes_is_written(tmp_path: Path, source_dir: Path) -> None:
    """The release workflow runs `make deck` with `--changes build/CHANGES.md` on a fresh checkout."""
    changes = tmp_path / "build" / "CHANGES.md"
    arguments = ["build", str(source_dir), "-o", str(tmp_path / "build"), "--changes", str(changes)]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert changes.read_text(encoding="utf-8").startswith("Cards: ")


@pytest.mark.parametrize(
    "target",
    [
        "source/chapitre-02.md",
        "source/supportcards.lock",
        "source/supportcards.toml",
        "source/corrections.toml",
        "source/CHANGES.md",
        "out/deck.apkg",
        "out/.cache/x.md",
    ],
)
def test_a_changes_file_that_is_one_of_the_builds_files_is_refused(
    tmp_path: Path, source_dir: Path, target: str
) -> None:
    """`--changes source/chapitre-01.md` replaced the notes with the summary, `--changes
    source/supportcards.lock` the lockfile."""
    assert source_dir == tmp_path / "source"
    (tmp_path / "out" / ".cache").mkdir(parents=True)
    before = {path: path.read_bytes() for path in source_dir.iterdir() if path.is_file()}
    changes = tmp_path / target
    if changes.suffix == ".apkg":
        CliRunner().invoke(main, ["build", str(source_dir), "-o", str(tmp_path / "out")])
        changes = next((tmp_path / "out").glob("*.apkg"))
    deck = changes.read_bytes() if changes.exists() and changes.parent.name == "out" else None
    arguments = ["build", str(source_dir), "-o", str(tmp_path / "out"), "--changes", str(changes)]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"--changes {changes}: ")
    assert {path: path.read_bytes() for path in source_dir.iterdir() if path.is_file()} == before
    if deck is not None:
        assert changes.read_bytes() == deck


@pytest.mark.parametrize("epoch", ["253402300800", "-1", "0", "9" * 400])
def test_a_source_date_epoch_out_of_range_is_a_usage_error(tmp_path: Path, source_dir: Path, epoch: str) -> None:
    """Year 10000 crashed zip (struct.error); a negative time gave negative note ids."""
    result = CliRunner().invoke(
        main, ["build", str(source_dir), "-o", str(tmp_path / "out")], env={"SOURCE_DATE_EPOCH": epoch}
    )
    assert result.exit_code == 2, result.output
    assert result.output == f"SOURCE_DATE_EPOCH must be between 1 and 4354819199 (the year 2107), not {epoch}\n"
    assert not (tmp_path / "out").exists()
