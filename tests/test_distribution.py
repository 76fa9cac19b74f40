"""The package as PyPI gets it: sdist and wheel, reproducible, checked by twine, and a wheel that works
alone, installed in a new virtual environment far from this checkout, up to a deck that Anki imports."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from anki_helpers import import_package, notes, open_collection
from conftest import ROOT

import supportcards

BIN = Path(sys.executable).parent
SOURCE_DATE_EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC
PLAIN_NOTES = """Chapitre 2 — Réseaux
Qu'est-ce qu'un routeur ?
Un appareil qui relie des réseaux et achemine les paquets de l'un à l'autre.
Citez deux protocoles de transport
- TCP
- UDP
"""


def build_dists(outdir: Path, *flags: str) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH)}
    result = subprocess.run(
        [sys.executable, "-m", "build", *flags, "--outdir", str(outdir), str(ROOT)],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    build_dists(out)
    return out


def wheel_of(dists: Path) -> Path:
    (wheel,) = dists.glob("*.whl")
    return wheel


def test_the_dists_carry_the_version(dists: Path) -> None:
    assert wheel_of(dists).name == f"supportcards-{supportcards.__version__}-py3-none-any.whl"
    assert (dists / f"supportcards-{supportcards.__version__}.tar.gz").is_file()


def test_wheel_and_sdist_carry_the_package_data(dists: Path) -> None:
    with zipfile.ZipFile(wheel_of(dists)) as archive:
        names = archive.namelist()
    init = ["data/init/supportcards.toml", "data/init/chapitre-01.md", "data/init/decks.yml", "data/init/gitignore"]
    for data in ["data/corrections.toml", "templates/card.css", "templates/recto-front.html", "py.typed", *init]:
        assert f"supportcards/{data}" in names
    (sdist,) = dists.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        members = archive.getnames()
    for data in ["data/corrections.toml", "templates/card.css", "data/init/decks.yml", "data/init/gitignore"]:
        assert any(name.endswith(f"supportcards/{data}") for name in members), data


def test_the_wheel_is_reproducible(dists: Path, tmp_path: Path) -> None:
    """Stamped with SOURCE_DATE_EPOCH, not the files' times: a second build gives the same bytes."""
    with zipfile.ZipFile(wheel_of(dists)) as archive:
        stamps = {info.date_time for info in archive.infolist()}
    assert stamps == {datetime.fromtimestamp(SOURCE_DATE_EPOCH, UTC).timetuple()[:6]}
    build_dists(tmp_path, "--wheel")
    assert wheel_of(tmp_path).read_bytes() == wheel_of(dists).read_bytes()


def test_twine_accepts_the_dists(dists: Path) -> None:
    result = subprocess.run(
        [BIN / "twine", "check", "--strict", *sorted(dists.iterdir())], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2


def test_the_readme_renders_as_pypi_shows_it() -> None:
    """Every section is a heading, not text swallowed by an unclosed code block."""
    from readme_renderer.markdown import render

    html = render((ROOT / "README.md").read_text(encoding="utf-8"), variant="GFM")
    assert html is not None
    headings = [re.sub(r"<[^>]+>", "", heading) for heading in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]
    for section in ["Quick start", "Your own notes", "Development", "Releases"]:
        assert section in headings, section
    assert "## " not in "".join(re.findall(r"<pre>.*?</pre>", html, re.DOTALL))


def run(command: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
    return result.stdout


def test_the_installed_wheel_makes_a_project_that_anki_imports(dists: Path, tmp_path: Path) -> None:
    """From an empty venv outside the checkout: --version, init, import, lint, build, then real Anki."""
    venv = tmp_path / "venv"
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    run([sys.executable, "-m", "venv", venv], tmp_path, env)
    run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel_of(dists)],
        tmp_path, env)  # fmt: skip
    command = venv / "bin" / "supportcards"
    where = run([venv / "bin" / "python", "-c", "import supportcards; print(supportcards.__file__)"], tmp_path, env)
    assert Path(where.strip()).is_relative_to(venv) and not Path(where.strip()).is_relative_to(ROOT)

    assert run([command, "--version"], tmp_path, env) == f"supportcards, version {supportcards.__version__}\n"
    run([command, "init", "cours", "--deck", "Réseaux"], tmp_path, env)
    project = tmp_path / "cours"
    (tmp_path / "notes.txt").write_text(PLAIN_NOTES, encoding="utf-8")
    imported = run([command, "import", "../notes.txt"], project, env)
    assert "wrote source/chapitre-02.md (2 cards" in imported
    run([command, "lint", "--strict"], project, env)
    built = run([command, "build"], project, env)
    assert "wrote build/reseaux.apkg" in built

    collection = open_collection(tmp_path / "anki")
    try:
        import_package(collection, project / "build" / "reseaux.apkg")
        cards = notes(collection)
    finally:
        collection.close()
    assert [card.fields["Front"] for card in cards] == [
        "Répétition espacée",
        "Citez les trois parties d’une carte",
        "Qu’est-ce qu’un routeur\u202f?",
        "Citez deux protocoles de transport",
    ]
    assert {deck for card in cards for deck in card.decks} == {
        "Réseaux::Chapitre 1 — Premiers pas",
        "Réseaux::Chapitre 2 — Réseaux",
    }
