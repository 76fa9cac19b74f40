"""List cards: a cloze note per list card, one Anki card per item, numbers that never move."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from anki.collection import Collection
from anki_helpers import import_package, open_collection
from hypothesis import given
from hypothesis import strategies as st

from supportcards import export
from supportcards.cloze import Item, assign_numbers, mark_items, reveal
from supportcards.errors import LockfileError, ParseError, SettingsError
from supportcards.lock import LockEntry, Lockfile, read_lockfile
from supportcards.model import Location
from supportcards.pipeline import build
from supportcards.render import render_markdown

if TYPE_CHECKING:
    from anki.cards import Card

V1 = 1_700_000_000
V2 = 1_700_086_400
V3 = 1_700_172_800

HERE = Location("n.md", 3)

COMPETENCES = """# Chapitre 4 — Compétences
@topics: competences

## Citez 4 compétences techniques d’un spécialiste
@cloze: oui
Les compétences techniques sont
- Compétence dans l’informatique
- Compétence avec les outils physiques
- Compétence dans la gestion des cas de support
- Compétence dans son domaine de spécialisation
Elles s’apprennent.

## Service de piquet
Quelqu’un doit être atteignable.
"""
SETTINGS = '[deck]\nname = "Cours"\n[topics.competences]\nlabel = "Compétences"\n'


def test_the_cloze_note_type_is_pinned() -> None:
    """Like the basic note type: changing any of these after an import makes Anki refuse updates."""
    model = export.cloze_note_type()
    assert model.model_id == 1811284467
    assert model.name == "supportcards Cloze"
    assert model.model_type == 1  # Anki's cloze kind
    assert [field["name"] for field in model.fields] == ["Front", "Text", "Chapter", "Topics", "Source", "Overlapping"]
    assert [template["name"] for template in model.templates] == ["Cloze"]
    assert "{{cloze:Text}}" in model.templates[0]["qfmt"] and "{{cloze:Text}}" in model.templates[0]["afmt"]
    assert model.css == export.note_type().css


def test_only_the_items_are_hidden_and_both_lists_are_numbered() -> None:
    back = render_markdown("Avantages :\n1. Moins sollicités\n2. Coûts\nDésavantages :\n- Charge élevée\nVoilà.")
    text, items = mark_items(back, HERE)
    assert [item.key for item in items] == ["moins-sollicites", "couts", "charge-elevee"]
    assert re.findall(r"\{\{c#(\d*)#([a-z-]+)::", text) == [
        ("", "moins-sollicites"),
        ("", "couts"),
        ("", "charge-elevee"),
    ]
    assert "<p>Avantages&nbsp;:</p>" in text or "<p>Avantages :</p>" in text
    assert "<p>Voilà.</p>" in text and "Voilà" not in "".join(re.findall(r"\{\{c#\d*#[a-z-]+::(.*?)\}\}", text))


def test_braces_and_colons_of_the_notes_never_become_cloze_markup() -> None:
    text, items = mark_items(render_markdown("Voir {{c1::piège}} :\n- a::b }\n- {x}"), HERE)
    assert "{{c1::" not in text and "a:&#58;b &#125;" in text and len(items) == 2
    assert re.findall(r"\{\{c#[^:]*::", text) == ["{{c##a-b::", "{{c##x::"]


def test_an_item_asks_for_its_number_with_braces_and_hash() -> None:
    _, items = mark_items(render_markdown("- Réponse reformulée {#3}\n- Autre"), HERE)
    assert items == (Item("reponse-reformulee", 3), Item("autre", None))
    with pytest.raises(Exception, match="same"):
        mark_items(render_markdown("- Un\n- un"), HERE)
    with pytest.raises(Exception, match=r"\{#2\}"):
        mark_items(render_markdown("- Un {#2}\n- Deux {#2}"), HERE)


@given(
    st.lists(st.sampled_from("abcdefghij"), unique=True, max_size=10),
    st.lists(st.sampled_from("abcdefghijklmnop"), unique=True, max_size=12),
)
def test_a_kept_item_keeps_its_number_and_a_new_one_never_reuses_one(first: list[str], second: list[str]) -> None:
    numbers, last = assign_numbers([Item(key) for key in first], {}, 0)
    assert numbers == list(range(1, len(first) + 1))
    before = dict(zip(first, numbers, strict=True))
    again, last_again = assign_numbers([Item(key) for key in second], before, last)
    assert len(set(again)) == len(again)
    for key, number in zip(second, again, strict=True):
        assert number == before[key] if key in before else number > last
    assert last_again == max([last, *again])


def _cards(collection: Collection, front: str) -> dict[int, Card]:
    (note_id,) = collection.find_notes(f'"Front:{front}"')
    return {card.ord + 1: card for card in collection.get_note(note_id).cards()}


def _asked(card: Card) -> str:
    """The text of the item a card asks for, as its answer reveals it."""
    found = re.search(r'<span class="cloze" data-ordinal="\d+">(.*?)</span>', card.answer())
    assert found is not None
    return found.group(1)


def test_a_list_card_is_one_cloze_note_with_a_card_per_item(write_source, tmp_path: Path) -> None:
    source = write_source({"chapitre-04.md": COMPETENCES}, SETTINGS)
    package = build([source], tmp_path / "out", timestamp=V1).outputs[0]
    collection = open_collection(tmp_path / "anki")
    import_package(collection, package)
    (note_id,) = collection.find_notes('"note:supportcards Cloze"')
    note = collection.get_note(note_id)
    assert (note.note_type() or {})["name"] == "supportcards Cloze"
    cards = {card.ord: card for card in note.cards()}
    assert sorted(cards) == [0, 1, 2, 3]
    question, answer = cards[1].question(), cards[1].answer()
    assert re.search(r'<span class="cloze" data-cloze="[^"]+" data-ordinal="2">\[\.\.\.\]</span>', question)
    assert "Compétence dans l’informatique" in question and "outils physiques</span>" not in question
    assert "Les compétences techniques sont" in question and "Elles s’apprennent." in question
    assert 'lang="fr"' in question and "Citez 4 compétences techniques" in question
    assert '<span class="cloze" data-ordinal="2">Compétence avec les outils physiques</span>' in answer
    assert "Chapitre 4 — Compétences" in answer and "Compétences" in answer
    # The other card of the file stays basic.
    assert len(collection.find_notes('"note:supportcards"')) == 1
    collection.close()


def test_an_item_keeps_its_card_and_history_when_the_list_is_edited(write_source, tmp_path: Path) -> None:
    """Review item 3, insert an item before it: after a rebuild and an import, the card that holds
    item 3's text is the reviewed card; a removed item's card is empty, and the build says so."""
    source = write_source({"chapitre-04.md": COMPETENCES}, SETTINGS)
    collection = open_collection(tmp_path / "anki")
    import_package(collection, build([source], tmp_path / "v1", timestamp=V1).outputs[0])
    third = _cards(collection, "Citez 4 compétences techniques d’un spécialiste")[3]
    assert _asked(third) == "Compétence dans la gestion des cas de support"
    third.start_timer()
    collection.sched.answerCard(third, 3)
    history = (collection.get_card(third.id).reps, collection.get_card(third.id).ivl)
    assert history[0] == 1

    notes = source / "chapitre-04.md"
    text = notes.read_text(encoding="utf-8")
    text = text.replace("- Compétence avec les outils", "- Compétence en communication\n- Compétence avec les outils")
    text = text.replace("- Compétence dans l’informatique\n", "")
    notes.write_text(text, encoding="utf-8")
    result = build([source], tmp_path / "v2", timestamp=V2)
    assert any("Tools > Empty Cards" in line and "Cloze 1" in line for line in result.summary)
    log = import_package(collection, result.outputs[0]).log
    assert (len(log.updated), len(log.conflicting)) == (1, 0)

    cards = _cards(collection, "Citez 4 compétences techniques d’un spécialiste")
    assert sorted(cards) == [1, 2, 3, 4, 5]
    assert _asked(cards[3]) == "Compétence dans la gestion des cas de support"
    assert cards[3].id == third.id and (cards[3].reps, cards[3].ivl) == history
    assert _asked(cards[5]) == "Compétence en communication" and cards[5].reps == 0
    assert "Please either add a cloze deletion" in cards[1].question()  # the removed item: empty
    assert collection.get_empty_cards().notes[0].card_ids == [cards[1].id]
    entry = read_lockfile(source / "supportcards.lock").by_key()["04/citez-4-competences-techniques-d-un-specialiste"]
    assert entry.kind == "cloze" and entry.last == 5 and dict(entry.items)["competence-en-communication"] == 5

    # A reworded item keeps its number with {#N}.
    notes.write_text(
        notes.read_text(encoding="utf-8").replace(
            "- Compétence dans la gestion des cas de support", "- Gérer les cas {#3}"
        ),
        encoding="utf-8",
    )
    import_package(collection, build([source], tmp_path / "v3", timestamp=V3).outputs[0])
    cards = _cards(collection, "Citez 4 compétences techniques d’un spécialiste")
    assert _asked(cards[3]) == "Gérer les cas" and cards[3].id == third.id and cards[3].reps == 1
    collection.close()


def test_a_reworded_item_without_its_number_gets_a_hint(write_source, tmp_path: Path) -> None:
    source = write_source({"chapitre-04.md": COMPETENCES}, SETTINGS)
    build([source], tmp_path / "v1", timestamp=V1)
    notes = source / "chapitre-04.md"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("outils physiques", "outils matériels"), encoding="utf-8"
    )
    summary = build([source], tmp_path / "v2", timestamp=V2).summary
    assert any("end it with {#2} to keep its history" in line for line in summary)


def test_a_card_that_becomes_a_list_card_is_a_new_note_and_the_build_says_so(write_source, tmp_path: Path) -> None:
    """Anki skips a note whose GUID is that of a note of another note type: the list card has its own."""
    basic = COMPETENCES.replace("@cloze: oui\n", "")
    source = write_source({"chapitre-04.md": basic}, SETTINGS)
    collection = open_collection(tmp_path / "anki")
    import_package(collection, build([source], tmp_path / "v1", timestamp=V1).outputs[0])
    (source / "chapitre-04.md").write_text(COMPETENCES, encoding="utf-8")
    result = build([source], tmp_path / "v2", timestamp=V2)
    assert any("now a list card, a new note in Anki: delete its old note" in line for line in result.summary)
    log = import_package(collection, result.outputs[0]).log
    assert (len(log.new), len(log.conflicting)) == (1, 0)
    assert len(collection.find_notes('"note:supportcards Cloze"')) == 1
    lock = read_lockfile(source / "supportcards.lock").by_key()
    assert "04/citez-4-competences-techniques-d-un-specialiste" in lock
    collection.close()


def test_settings_make_every_list_card_a_cloze_card_unless_it_opts_out(write_source, tmp_path: Path) -> None:
    text = COMPETENCES.replace("@cloze: oui\n", "") + "\n## Deux choses\n@cloze: non\n- a\n- b\n"
    source = write_source({"chapitre-04.md": text}, SETTINGS + '[cards]\ncloze = "lists"\n')
    build([source], tmp_path / "out", timestamp=V1)
    kinds = {entry.front: entry.kind for entry in read_lockfile(source / "supportcards.lock").entries}
    assert kinds == {
        "Citez 4 compétences techniques d’un spécialiste": "cloze",
        "Service de piquet": "basic",
        "Deux choses": "basic",
    }


def test_bad_cloze_values_are_errors_at_their_line(write_source, tmp_path: Path) -> None:
    source = write_source({"chapitre-04.md": COMPETENCES.replace("@cloze: oui", "@cloze: peut-être")}, SETTINGS)
    with pytest.raises(ParseError, match=r"chapitre-04.md:5: @cloze takes oui, non, chaque or chevauchant"):
        build([source], tmp_path / "out", timestamp=V1)
    write_source({"chapitre-04.md": COMPETENCES}, SETTINGS + '[cards]\ncloze = "toutes"\n')
    with pytest.raises(SettingsError, match="cloze"):
        build([source], tmp_path / "out", timestamp=V1)


def test_the_overlapping_way_marks_the_text_for_the_css() -> None:
    text = "{{c1::a}} {{c2::b}}"
    assert reveal(text, 2, question=True) == (
        '<span class="cloze-inactive" data-ordinal="1">a</span> '
        '<span class="cloze" data-cloze="b" data-ordinal="2">[...]</span>'
    )


def test_an_item_that_gives_up_its_number_to_a_marked_one_is_named(write_source, tmp_path: Path) -> None:
    source = write_source({"chapitre-04.md": COMPETENCES}, SETTINGS)
    build([source], tmp_path / "v1", timestamp=V1)
    notes = source / "chapitre-04.md"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("- Compétence avec les outils physiques", "- Autre {#1}")
    )
    summary = build([source], tmp_path / "v2", timestamp=V2).summary
    assert any("'competence-dans-l-informatique' gave its number 1" in line and "Cloze 5" in line for line in summary)


def test_version_1_lockfiles_are_still_read_and_list_card_lines_are_what_json_writes(tmp_path: Path) -> None:
    old = tmp_path / "v1.lock"
    old.write_text(
        '{\n  "version": 1,\n  "notes": {\n    "02/a": {"guid": "g", "front": "A", "hash": "' + "0" * 64
        + '", "mod": 1700000000}\n  }\n}\n',
        encoding="utf-8",
    )  # fmt: skip
    (entry,) = read_lockfile(old).entries
    assert (entry.kind, entry.items, entry.last) == ("basic", (), 0)
    listed = LockEntry("02/l", "h", "L", "1" * 64, 1_700_000_000, "cloze", (("un", 1), ("deux", 3)), 4)
    text = Lockfile((entry, listed)).dumps()
    assert text.startswith('{\n  "version": 2,\n')
    note = {"guid": "h", "front": "L", "hash": "1" * 64, "mod": 1_700_000_000, "kind": "cloze",
            "items": {"un": 1, "deux": 3}, "last": 4}  # fmt: skip
    assert f'    "02/l": {json.dumps(note, ensure_ascii=False)}\n' in text
    again = tmp_path / "again.lock"
    again.write_text(text, encoding="utf-8")
    assert read_lockfile(again).entries == (entry, listed)
    again.write_text(text.replace('"deux": 3', '"deux": 9'), encoding="utf-8")
    with pytest.raises(LockfileError, match="from 1 to last"):
        read_lockfile(again)


def test_the_build_cache_follows_a_card_that_becomes_a_list_card_and_back(write_source, tmp_path: Path) -> None:
    """The cache keeps each card's HTML by its text: a card whose text is unchanged but whose
    '@cloze:' changed must be rendered again (its items marked, or not)."""
    basic = COMPETENCES.replace("@cloze: oui\n", "")
    source = write_source({"chapitre-04.md": basic}, SETTINGS)
    key = "04/citez-4-competences-techniques-d-un-specialiste"
    kinds = []
    for text in (basic, COMPETENCES, basic):
        (source / "chapitre-04.md").write_text(text, encoding="utf-8")
        build([source], tmp_path / "out", timestamp=V1)
        kinds.append(read_lockfile(source / "supportcards.lock").by_key()[key].kind)
    assert kinds == ["basic", "cloze", "basic"]


def test_a_card_that_asks_to_be_a_list_card_needs_a_list(write_source, tmp_path: Path) -> None:
    text = COMPETENCES.replace("## Service de piquet\n", "## Service de piquet\n@cloze: chevauchant\n")
    source = write_source({"chapitre-04.md": text}, SETTINGS)
    with pytest.raises(ParseError, match=r"chapitre-04.md:14: @cloze: chevauchant makes a list card, but this answer"):
        build([source], tmp_path / "out", timestamp=V1)


def test_only_a_package_with_list_cards_brings_their_note_type(write_source, tmp_path: Path) -> None:
    import sqlite3
    import zipfile

    def note_types(text: str, out: str) -> list[str]:
        source = write_source({"chapitre-04.md": text}, SETTINGS)
        package = build([source], tmp_path / out, timestamp=V1).outputs[0]
        with zipfile.ZipFile(package) as bundle:
            bundle.extract("collection.anki2", tmp_path / out)
        connection = sqlite3.connect(tmp_path / out / "collection.anki2")
        (models,) = connection.execute("SELECT models FROM col").fetchone()
        connection.close()
        return sorted(model["name"] for model in json.loads(models).values())

    assert note_types(COMPETENCES.replace("@cloze: oui\n", ""), "basic") == ["supportcards"]
    assert note_types(COMPETENCES, "lists") == ["supportcards", "supportcards Cloze"]
