"""`supportcards init`: a new notes project that builds at once, from templates shipped in the package.

The templates live in `supportcards/data/init/` (in the wheel, so `init` works from an installed
package with no checkout around). A project is written all at once or not at all: a folder that
already holds notes is refused before anything is written.
"""

from __future__ import annotations

import json
from contextlib import ExitStack, suppress
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import __version__
from .errors import OutputError, UsageError
from .files import replacing

SOURCE_DIR = "source"
CHAPTER_FILE = f"{SOURCE_DIR}/chapitre-01.md"
WORKFLOW_FILE = ".github/workflows/decks.yml"
IGNORED = "build/"


@dataclass(frozen=True)
class NewFile:
    """One file of the new project: its path inside the project and its content."""

    path: str
    text: str


def _template(name: str) -> str:
    return resources.files("supportcards").joinpath("data", "init", name).read_text(encoding="utf-8")


def _toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are valid TOML ones)."""
    return json.dumps(value, ensure_ascii=False)


def project_files(deck_name: str, github: bool = False, gitignore: str | None = None) -> tuple[NewFile, ...]:
    """The files of a new project, for a deck named `deck_name`.

    `gitignore` is the project's current `.gitignore`, if it has one: `build/` is added to it
    rather than replacing it. With `github`, the workflow that attaches the decks to each release,
    pinned to this version of supportcards.
    """
    name = " ".join(deck_name.split())
    if not name:
        raise UsageError("the deck name must not be empty")
    settings = _template("supportcards.toml").replace("@DECK_NAME@", _toml_string(name))
    files = [
        NewFile(f"{SOURCE_DIR}/supportcards.toml", settings),
        NewFile(CHAPTER_FILE, _template("chapitre-01.md")),
        NewFile(f"{SOURCE_DIR}/corrections.toml", _template("corrections.toml")),
    ]
    if gitignore is None:
        files.append(NewFile(".gitignore", _template("gitignore")))
    elif IGNORED not in gitignore.splitlines() and "/" + IGNORED not in gitignore.splitlines():
        separator = "" if not gitignore or gitignore.endswith("\n") else "\n"
        files.append(NewFile(".gitignore", f"{gitignore}{separator}{IGNORED}\n"))
    if github:
        files.append(NewFile(WORKFLOW_FILE, _template("decks.yml").replace("@VERSION@", __version__)))
    return tuple(files)


def existing_notes(directory: Path, github: bool = False) -> list[Path]:
    """What in `directory` a new project would clash with: notes, settings or the workflow."""
    source = directory / SOURCE_DIR
    found = sorted(source.glob("*.md")) if source.is_dir() else []
    found += [path for path in (source / "supportcards.toml", source / "corrections.toml") if path.exists()]
    if github and (directory / WORKFLOW_FILE).exists():
        found.append(directory / WORKFLOW_FILE)
    return found


def refuse_existing_notes(directory: Path, github: bool = False) -> None:
    """Raise `OutputError`, naming them, if `directory` holds what a new project would overwrite."""
    if directory.exists() and not directory.is_dir():
        raise OutputError(f"{directory}: not a folder")
    clashes = existing_notes(directory, github)
    if clashes:
        listed = ", ".join(str(path) for path in clashes)
        raise OutputError(f"{directory}: already holds notes ({listed}); init only starts a new project")


def create_project(directory: str | Path, deck_name: str, github: bool = False) -> tuple[Path, ...]:
    """Write a new notes project into `directory` (made if missing); return the files written.

    Refuses, writing nothing, a folder that already holds notes. Every file is written beside its
    target and renamed into place only once all of them are complete.
    """
    root = Path(directory)
    refuse_existing_notes(root, github)
    gitignore_path = root / ".gitignore"
    try:
        gitignore = gitignore_path.read_text(encoding="utf-8") if gitignore_path.is_file() else None
    except (OSError, UnicodeDecodeError) as error:
        raise OutputError(f"{gitignore_path}: cannot read it ({error})") from None
    files = project_files(deck_name, github, gitignore)
    targets = [root / new_file.path for new_file in files]
    new_folders = [folder for folder in _folders(root, targets) if not folder.exists()]
    new_targets = [target for target in targets if not target.exists()]
    try:
        with ExitStack() as stack:
            for new_file, target in zip(files, targets, strict=True):
                stack.enter_context(replacing(target)).write_text(new_file.text, encoding="utf-8")
    except OutputError:
        for target in new_targets:
            with suppress(OSError):
                target.unlink()
        for folder in reversed(new_folders):
            with suppress(OSError):
                folder.rmdir()
        raise
    return tuple(targets)


def _folders(root: Path, targets: list[Path]) -> list[Path]:
    """Every folder from `root` down to the targets' folders, parents first."""
    folders = {root}
    for target in targets:
        folders.update(parent for parent in target.parents if parent == root or root in parent.parents)
    return sorted(folders, key=lambda folder: len(folder.parts))
