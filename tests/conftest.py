from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the properties run the same examples every time, so that a run passes or fails by the code
# alone; on a developer's machine they keep exploring (and keep what failed in .hypothesis/).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


def copy_of_source(folder: Path) -> Path:
    """A copy of the repository's notes: a build writes its lockfile beside them."""
    return Path(shutil.copytree(ROOT / "source", folder / "source"))


@pytest.fixture
def source_dir(tmp_path: Path) -> Path:
    """The real notes of the repository, copied so that no test writes into the repository."""
    return copy_of_source(tmp_path)


@pytest.fixture
def write_source(tmp_path: Path):
    """Write a throwaway source folder: {file name: text}; returns the folder."""

    def write(files: dict[str, str], settings: str | None = None) -> Path:
        folder = tmp_path / "source"
        folder.mkdir(exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        if settings is not None:
            (folder / "supportcards.toml").write_text(settings, encoding="utf-8")
        return folder

    return write
