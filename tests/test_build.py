"""The whole pipeline on the real notes, checked by importing the .apkg into real Anki."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from anki_helpers import import_package, notes, open_collection

from supportcards.build import build
from supportcards.normalize import normalize_card
from supportcards.parse import load_project

CHAPTER_DECK = "Support informatique::Chapitre 2 — Organisation du support"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory):
    root = Path(__file__).resolve().parent.parent
    outdir = tmp_path_factory.mktemp("build")
    result = build([root / "source"], outdir, timestamp=1_700_000_000)
    collection = open_collection(tmp_path_factory.mktemp("anki"))
    import_package(collection, result.outputs[0])
    yield result, notes(collection)
    collection.close()


def by_front(anki_notes, start: str):
    found = [note for note in anki_notes if note.fields["Front"].startswith(start)]
    assert len(found) == 1, [note.fields["Front"] for note in anki_notes]
    return found[0]


def test_anki_sees_one_note_per_card_of_chapter_2(imported) -> None:
    result, anki_notes = imported
    assert result.card_count == 13
    assert len(anki_notes) == 13
    assert {note.notetype for note in anki_notes} == {"supportcards"}


def test_every_card_sits_in_the_chapter_subdeck(imported) -> None:
    _, anki_notes = imported
    assert {note.decks for note in anki_notes} == {(CHAPTER_DECK,)}


def test_fronts_are_the_headings_of_the_source(imported, source_dir: Path) -> None:
    _, anki_notes = imported
    project = load_project([source_dir])
    expected = [normalize_card(card)[0].front for card in project.chapters[0].cards]
    shown = [html.unescape(re.sub(r"<[^>]+>", "", note.fields["Front"])) for note in anki_notes]
    assert sorted(shown) == sorted(expected)


def test_spoc_back_holds_real_lists(imported) -> None:
    _, anki_notes = imported
    back = by_front(anki_notes, "SPOC").fields["Back"]
    assert back.count("<ol>") == 2
    assert back.count("<ul>") == 1
    assert back.count("<li>") == 7
    assert "Av" in back.split("<ol>")[0]


def test_ticket_system_back_is_one_paragraph(imported) -> None:
    _, anki_notes = imported
    back = next(note for note in anki_notes if "Ticket System" in note.fields["Front"]).fields["Back"]
    assert back.count("<p>") == 1
    assert back.startswith("<p>Le")
    assert "<li>" not in back


def test_source_field_says_where_each_card_came_from(imported) -> None:
    _, anki_notes = imported
    assert all(re.fullmatch(r".*chapitre-02\.md:\d+", note.fields["Source"]) for note in anki_notes)
