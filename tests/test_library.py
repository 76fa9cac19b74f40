"""supportcards as a library: the README's examples run, the public API is complete, the wheel works."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, copy_of_source

import supportcards

README_EXAMPLES = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)


def test_the_readme_has_examples() -> None:
    assert len(README_EXAMPLES) >= 3


@pytest.mark.parametrize("code", README_EXAMPLES, ids=[f"example-{n}" for n in range(len(README_EXAMPLES))])
def test_every_readme_python_example_runs(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    copy_of_source(tmp_path)
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {"__name__": "readme_example"})
    assert capsys.readouterr().out.strip()


def test_every_public_name_is_documented_and_importable() -> None:
    for name in supportcards.__all__:
        value = getattr(supportcards, name)
        if callable(value):
            assert value.__doc__, name


def test_the_version_lives_in_one_place() -> None:
    setup = (ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert "version = attr: supportcards.__version__" in setup
    assert re.fullmatch(r"\d+\.\d+\.\d+", supportcards.__version__)
    assert f"## {supportcards.__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], check=True, capture_output=True)
    return out


def test_wheel_and_sdist_carry_the_package_data(dists: Path) -> None:
    (wheel,) = dists.glob("*.whl")
    (sdist,) = dists.glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    init = ["data/init/supportcards.toml", "data/init/chapitre-01.md", "data/init/decks.yml", "data/init/gitignore"]
    for data in ["data/corrections.toml", "templates/card.css", "templates/recto-front.html", "py.typed", *init]:
        assert f"supportcards/{data}" in names
    with tarfile.open(sdist) as archive:
        members = archive.getnames()
    assert any(name.endswith("supportcards/data/corrections.toml") for name in members)
    assert any(name.endswith("supportcards/templates/card.css") for name in members)


def test_the_installed_wheel_builds_a_deck_outside_the_repository(dists: Path, tmp_path: Path) -> None:
    (wheel,) = dists.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    subprocess.run([venv / "bin" / "pip", "install", "--quiet", str(wheel)], check=True, env=env, capture_output=True)
    notes = tmp_path / "elsewhere" / "notes"
    notes.mkdir(parents=True)
    (notes / "chapitre-01.md").write_text("# Chapitre 1\n\n## SPOC\nPoint de contact unique.\n", encoding="utf-8")
    result = subprocess.run(
        [venv / "bin" / "supportcards", "build", "notes", "-o", "out"],
        cwd=tmp_path / "elsewhere", env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "elsewhere" / "out" / "supportcards.apkg").stat().st_size > 0
    version = subprocess.run([venv / "bin" / "supportcards", "--version"], capture_output=True, text=True, env=env)
    assert version.stdout == f"supportcards, version {supportcards.__version__}\n"
