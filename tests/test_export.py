"""Exporter: the frozen note type, and packages written reproducibly and atomically."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from supportcards import export
from supportcards.errors import OutputError
from supportcards.pipeline import build


def test_the_note_type_is_pinned() -> None:
    """Changing any of these after users imported a deck makes Anki refuse to update their notes."""
    model = export.note_type()
    assert model.model_id == 1811283945
    assert model.name == "supportcards"
    assert [field["name"] for field in model.fields] == ["Front", "Back", "Chapter", "Topics", "Source", "Reverse"]
    assert [template["name"] for template in model.templates] == ["Recto", "Verso"]


def test_the_reversed_card_exists_only_when_asked_for() -> None:
    model = export.note_type()
    assert model._req == [[0, "all", [0]], [1, "all", [1, 5]]]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_same_input_gives_the_same_bytes(tmp_path: Path, source_dir: Path) -> None:
    first = build([source_dir], tmp_path / "a", timestamp=1_700_000_000).outputs[0]
    second = build([source_dir], tmp_path / "b", timestamp=1_700_000_000).outputs[0]
    assert sha256(first) == sha256(second)
    with zipfile.ZipFile(first) as bundle:
        assert bundle.namelist() == ["collection.anki2", "media"]
        assert {info.date_time for info in bundle.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_nothing_is_left_behind_in_the_output_or_temp_folder(
    tmp_path: Path, source_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    # A temporary folder of this test's own: the machine's /tmp is shared with other programs.
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    build([source_dir], tmp_path / "out", timestamp=1_700_000_000)
    assert sorted(os.listdir(tmp_path / "out")) == [".cache", "support-informatique.apkg"]
    assert os.listdir(tmp_path / "out" / ".cache") == ["chapters"]
    assert [name.endswith(".json") for name in os.listdir(tmp_path / "out" / ".cache" / "chapters")] == [True]
    assert os.listdir(temporary) == []


def test_a_failed_write_keeps_the_previous_package(
    tmp_path: Path, source_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = build([source_dir], tmp_path / "out", timestamp=1_700_000_000).outputs[0]
    previous = target.read_bytes()
    lockfile = (source_dir / "supportcards.lock").read_bytes()

    def broken_zip(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "_write_zip", broken_zip)
    (source_dir / "chapitre-02.md").write_text(
        (source_dir / "chapitre-02.md").read_text(encoding="utf-8").replace("Gain de temps", "Gain de temps précieux"),
        encoding="utf-8",
    )
    with pytest.raises(OutputError, match="No space left on device"):
        build([source_dir], tmp_path / "out", timestamp=1_800_000_000)
    assert target.read_bytes() == previous
    assert (source_dir / "supportcards.lock").read_bytes() == lockfile
    assert sorted(os.listdir(tmp_path / "out")) == [".cache", "support-informatique.apkg"]


def test_an_output_folder_that_cannot_be_written_is_an_error(tmp_path: Path, source_dir: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="cannot write"):
        build([source_dir], blocker / "build", timestamp=1_700_000_000)


def _rows(package: Path, folder: Path) -> dict[str, list[tuple[object, ...]]]:
    import sqlite3

    with zipfile.ZipFile(package) as bundle:
        bundle.extract("collection.anki2", folder)
    connection = sqlite3.connect(folder / "collection.anki2")
    try:
        rows = {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("notes", "cards", "col")
        }
    finally:
        connection.close()
    # The note types as Anki reads them: a JSON object, whose keys' order means nothing.
    rows["col"] = [tuple(_parsed(value) for value in row) for row in rows["col"]]
    return rows


def _parsed(value: object) -> object:
    if isinstance(value, str) and value.startswith("{"):
        return json.loads(value)
    return value


def test_the_writer_writes_the_rows_genanki_writes(tmp_path: Path, source_dir: Path) -> None:
    """`PackageWriter` writes notes with one executemany per batch: the rows must be genanki's own."""
    from dataclasses import replace

    from supportcards.cards import render_card
    from supportcards.parse import load_project
    from supportcards.pipeline import render_project, write_deck

    project = load_project([source_dir])
    cards, _ = render_project(project)
    cards[3] = replace(cards[3], card=replace(cards[3].card, reverse=True))  # a note with two cards
    factors = cards[2]  # a list card: a cloze note with a card per item
    cards[2] = render_card(replace(factors.card, cloze="each"), factors.chapter, project.settings)
    assert cards[2].cloze == "each"
    ours = write_deck(cards, "Support", tmp_path / "ours.apkg", 1_700_000_000, {cards[0].guid: 1_650_000_000})
    theirs = export.write_apkg(
        export.build_package(cards, "Support"), tmp_path / "theirs.apkg", 1_700_000_000, {cards[0].guid: 1_650_000_000}
    )
    written, expected = _rows(ours, tmp_path / "a"), _rows(theirs, tmp_path / "b")
    assert len(written["notes"]) == 13 and len(written["cards"]) == 39  # 7 list cards: 32 items
    assert written == expected


FULL_DISK_BUILD = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
from supportcards.cli import main
sys.argv = ["supportcards", "build", {source!r}, "-o", {out!r}]
main()
"""


@pytest.mark.parametrize("limit", [20_000, 60_000])
def test_a_full_disk_while_sqlite_writes_is_an_error_that_keeps_the_previous_deck(
    tmp_path: Path, source_dir: Path, limit: int
) -> None:
    """SQLite reports a full disk as sqlite3.OperationalError: it was a traceback, and the
    temporary `.part.anki2` stayed in the output folder."""
    out = tmp_path / "out"
    target = build([source_dir], out, timestamp=1_700_000_000).outputs[0]
    previous, lockfile = target.read_bytes(), (source_dir / "supportcards.lock").read_bytes()
    notes = source_dir / "chapitre-02.md"
    extra = "".join(f"\n## Carte {number}\n{'Une réponse assez longue. ' * 20}\n" for number in range(200))
    notes.write_text(notes.read_text(encoding="utf-8") + extra, encoding="utf-8")
    code = FULL_DISK_BUILD.format(limit=limit, source=str(source_dir), out=str(out))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"{target}: cannot write the package (") and "Traceback" not in result.stderr
    assert target.read_bytes() == previous
    assert (source_dir / "supportcards.lock").read_bytes() == lockfile
    assert sorted(os.listdir(out)) == [".cache", target.name]
