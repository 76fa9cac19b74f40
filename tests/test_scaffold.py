"""`supportcards init`: a new project that lints, builds and imports into Anki at once, written all or nothing."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from anki_helpers import import_package, notes, open_collection
from click.testing import CliRunner
from conftest import ROOT

from supportcards import __version__, load_settings
from supportcards.cli import main
from supportcards.scaffold import project_files

BIN = Path(sys.executable).parent


def tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_new_project_lints_builds_and_imports_into_anki(tmp_path: Path) -> None:
    project = tmp_path / "cours"
    result = CliRunner().invoke(main, ["init", str(project), "--deck", "Réseaux — L2"])
    assert result.exit_code == 0, result.output
    assert sorted(tree(project)) == [
        ".gitignore",
        "source/chapitre-01.md",
        "source/corrections.toml",
        "source/supportcards.toml",
    ]
    assert (project / ".gitignore").read_text(encoding="utf-8") == "build/\n"
    assert f"cd {project}" in result.output
    assert "edit source/chapitre-01.md" in result.output
    assert "supportcards build" in result.output
    assert "import build/reseaux-l2.apkg in Anki" in result.output

    lint = CliRunner().invoke(main, ["lint", "--strict", str(project / "source")])
    assert lint.exit_code == 0, lint.output
    counts = lint.output.splitlines()[-1]
    assert "0 unknown words" in counts and "0 warnings" in counts
    assert not re.search(r"\b[1-9]\d* (unknown|finding|warning)", counts), counts
    build = CliRunner().invoke(main, ["build", str(project / "source"), "-o", str(project / "build")])
    assert build.exit_code == 0, build.output

    collection = open_collection(tmp_path / "anki")
    try:
        import_package(collection, project / "build" / "reseaux-l2.apkg")
        imported = notes(collection)
    finally:
        collection.close()
    assert [note.fields["Front"] for note in imported] == ["Répétition espacée", "Citez les trois parties d’une carte"]
    assert {note.decks for note in imported} == {("Réseaux — L2::Chapitre 1 — Premiers pas",)}
    assert all("supportcards::theme::exemple" in note.tags for note in imported)
    assert "<ol>" in imported[1].fields["Back"]


def test_the_deck_name_is_asked_when_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "cours-de-maths"
    project.mkdir()
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["init"], input="Algèbre linéaire\n")
    assert result.exit_code == 0, result.output
    assert "Deck name [Cours de maths]: " in result.output
    assert "cd " not in result.output
    assert load_settings(project / "source").deck_name == "Algèbre linéaire"


def test_the_prompt_offers_the_folder_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "cours_de-maths"
    project.mkdir()
    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["init"], input="\n").exit_code == 0
    assert load_settings(project / "source").deck_name == "Cours de maths"


def test_any_deck_name_survives_the_toml(tmp_path: Path) -> None:
    name = 'Cours "réseaux" \\ L2\tété'
    assert CliRunner().invoke(main, ["init", str(tmp_path), "--deck", name]).exit_code == 0
    assert load_settings(tmp_path / "source").deck_name == 'Cours "réseaux" \\ L2 été'


def test_an_empty_deck_name_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "p"), "--deck", "  "])
    assert result.exit_code == 2
    assert result.output == "the deck name must not be empty\n"
    assert not (tmp_path / "p").exists()


@pytest.mark.parametrize("existing", ["source/chapitre-02.md", "source/supportcards.toml", "source/corrections.toml"])
def test_a_folder_with_notes_is_refused_and_nothing_is_written(tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).parent.mkdir(parents=True)
    (tmp_path / existing).write_text("# Chapitre 2\n", encoding="utf-8")
    before = tree(tmp_path)
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--github"], input="never asked\n")
    assert result.exit_code == 1
    assert result.output == (
        f"{tmp_path}: already holds notes ({tmp_path / existing}); init only starts a new project\n"
    )
    assert "Traceback" not in result.output
    assert tree(tmp_path) == before


def test_an_existing_workflow_is_refused_with_github(tmp_path: Path) -> None:
    workflow = tmp_path / ".github" / "workflows" / "decks.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("name: mine\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--deck", "D", "--github"])
    assert result.exit_code == 1
    assert str(workflow) in result.output
    assert tree(tmp_path) == {".github/workflows/decks.yml": b"name: mine\n"}
    assert CliRunner().invoke(main, ["init", str(tmp_path), "--deck", "D"]).exit_code == 0


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    (tmp_path / ".github").write_text("a file where the workflow's folder would go\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--deck", "D", "--github"])
    assert result.exit_code == 1
    assert "cannot write here" in result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == [".github"]


def test_a_file_is_not_a_project_folder(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path / "notes"), "--deck", "D"])
    assert result.exit_code != 0
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "x"


def test_an_existing_gitignore_gets_build_added_once(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.pyc", encoding="utf-8")
    assert CliRunner().invoke(main, ["init", str(tmp_path), "--deck", "D"]).exit_code == 0
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.pyc\nbuild/\n"
    already = [new_file.path for new_file in project_files("D", gitignore="/build/\n")]
    assert ".gitignore" not in already


def test_github_adds_a_pinned_release_workflow_that_passes_the_audits(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--deck", "D", "--github"])
    assert result.exit_code == 0, result.output
    workflow = tmp_path / ".github" / "workflows" / "decks.yml"
    text = workflow.read_text(encoding="utf-8")
    assert f'pip install "supportcards=={__version__}"' in text
    assert "supportcards build source -o build $flags" in text
    schema = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert schema.returncode == 0, schema.stdout + schema.stderr
    audit = subprocess.run(
        [BIN / "zizmor", "--offline", "--config", str(ROOT / ".github" / "zizmor.yml"), str(workflow)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert audit.returncode == 0, audit.stdout + audit.stderr


def test_the_workflow_builds_the_decks_as_the_repository_release_does() -> None:
    """The template is a copy of the release workflow's decks job, with an installed supportcards."""
    template = (ROOT / "supportcards" / "data" / "init" / "decks.yml").read_text(encoding="utf-8").splitlines()
    release = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8").splitlines()
    start = release.index("  decks:")
    end = next((n for n in range(start + 1, len(release)) if re.match(r"  \S", release[n])), len(release))
    copied = re.compile(r"uses: actions/(checkout|setup-python)|previous=|flags=|--baseline|ref: ")
    shared = [line for line in release[start:end] if copied.search(line)]
    assert len(shared) >= 6
    for line in shared:
        assert line in template, line


def test_the_deck_name_is_asked_in_a_real_terminal(tmp_path: Path) -> None:
    """The prompt as a student meets it: a tmux terminal, an answer typed, the project written."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    server = ["tmux", "-L", f"supportcards-init-{os.getpid()}"]
    command = f"{shlex.quote(str(BIN / 'supportcards'))} init cours-de-chimie; sleep 60"
    subprocess.run([*server, "new-session", "-d", "-x", "120", "-y", "30", "-c", str(tmp_path), command], check=True)
    try:
        screen = wait_for_screen(server, "Deck name [Cours de chimie]:")
        subprocess.run([*server, "send-keys", "Chimie organique", "Enter"], check=True)
        screen = wait_for_screen(server, "import build/chimie-organique.apkg in Anki")
    finally:
        subprocess.run([*server, "kill-server"], check=False)
    assert "wrote cours-de-chimie/source/chapitre-01.md" in screen
    assert load_settings(tmp_path / "cours-de-chimie" / "source").deck_name == "Chimie organique"


def wait_for_screen(server: list[str], text: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while True:
        screen = subprocess.run([*server, "capture-pane", "-p"], capture_output=True, text=True).stdout
        if text in screen or time.monotonic() > deadline:
            assert text in screen, screen
            return screen
        time.sleep(0.1)
