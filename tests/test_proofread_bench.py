"""The proofreading benchmark's answer keys fit their chapters, so that its figures mean something.

Each test chapter of bench/proofread/ is imported as `supportcards import` would; every slip of its
key must be in the card it names (and differ from its correction), every trap phrase must
be there, and the counts are the ones the benchmark reports against (25 slips, 10 traps).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from supportcards.importer import detect_cards

ROOT = Path(__file__).resolve().parent.parent
KEYS = sorted((ROOT / "bench" / "proofread").rglob("chapter-*-key.toml"))


def _evaluator():
    spec = importlib.util.spec_from_file_location("proofread_eval", ROOT / "bench" / "proofread_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["proofread_eval"] = module
    spec.loader.exec_module(module)
    return module


def test_there_are_development_chapters() -> None:
    assert len(KEYS) >= 3


@pytest.mark.parametrize("key_path", KEYS, ids=lambda path: path.name)
def test_key_fits_its_chapter(key_path: Path) -> None:
    evaluator = _evaluator()
    key = evaluator.read_key(key_path)
    imported = detect_cards(key.chapter.read_text(encoding="utf-8"), str(key.chapter))
    cards = evaluator.source_cards(imported.to_source())
    assert evaluator.check_key(key, cards) == []
    if key_path.parent.name == "seed":  # the student's own chapter: its slips are as many as it has
        return
    assert len(key.slips) == 25
    assert len(key.traps) == 10
    assert 25 <= len(cards) <= 40


def test_a_slip_is_matched_as_whole_words() -> None:
    evaluator = _evaluator()
    text = evaluator.comparable("C’est un contrat. Les employés ouvrent un ticket\u00a0: « oui »…")
    assert not evaluator.contains(text, "Est un contrat")
    assert not evaluator.contains(text, "Les employés ouvre")
    assert evaluator.contains(text, "c'est un contrat")
    assert evaluator.contains(text, 'ticket: "oui"...')


def test_a_slip_inside_its_own_fix_counts_as_fixed_once_the_fix_is_there() -> None:
    """A subjectless "Permet de …" is put right by adding a subject: the wrong words stay inside the fix."""
    evaluator = _evaluator()
    slip = evaluator.Slip("Ping", "Permet de tester", ("Il permet de tester",), "subjectless")
    assert evaluator.slip_state(evaluator.comparable("Ping Permet de tester la connexion."), slip) == "left"
    assert evaluator.slip_state(evaluator.comparable("Ping Il permet de tester la connexion."), slip) == "fixed"
    twice = evaluator.comparable("Il permet de tester. Permet de tester aussi.")
    assert evaluator.slip_state(twice, slip) == "left"


def test_an_edit_away_from_the_slips_is_reported_apart() -> None:
    evaluator = _evaluator()
    before = "le technicien le informe. les postes du réseau."
    after = "le technicien l'informe. les postes de réseau."
    at_slip = [match.span() for match in evaluator.phrase_pattern("technicien le informe").finditer(before)]
    found = [
        (evaluator.excerpt(before, old, 0), evaluator.excerpt(after, new, 0))
        for old, new in evaluator.edits(before, after)
        if not evaluator.overlaps(old, at_slip)
    ]
    assert found == [("[du]", "[de]")]


def test_a_list_card_is_compared_with_its_items_revealed() -> None:
    evaluator = _evaluator()
    text = "<ol><li>{{c1::Haute efficacité}}</li><li>{{c2::Temps de réaction::délai}}</li></ol>"
    assert evaluator.comparable(evaluator.shown(evaluator.uncloze(text))) == "haute efficacité temps de réaction"


def _clean_measure():
    _evaluator()
    spec = importlib.util.spec_from_file_location("proofread_clean", ROOT / "bench" / "proofread_clean.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["proofread_clean"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("key_path", KEYS, ids=lambda path: path.name)
def test_every_slip_of_a_key_can_be_put_right(key_path: Path) -> None:
    """The clean measure's chapters hold no slip: each one is replaced by its first expected phrase."""
    clean, evaluator = _clean_measure(), sys.modules["proofread_eval"]
    key = evaluator.read_key(key_path)
    corrected = clean.corrected_chapter(key)
    assert corrected.problems == ()
    cards = evaluator.source_cards(detect_cards(corrected.text, str(key.chapter)).to_source())
    for slip in key.slips:  # in its own card: another card may rightly hold the same words
        own = [card for card in cards if evaluator.comparable(card.front) == evaluator.comparable(slip.front)]
        assert not any(evaluator.stands_alone(card.text, slip.wrong, slip.expected) for card in own), slip.wrong
    for front, expected in corrected.expected:  # the card named by its front as corrected ("Citez 4 …")
        (card,) = [card for card in cards if evaluator.comparable(card.front) == evaluator.comparable(front)]
        assert evaluator.contains(card.text, expected), (front, expected)


def test_a_slip_is_found_whatever_its_typography_and_capital() -> None:
    clean = _clean_measure()
    notes = "Titre\nQu’est-ce qu’un SLA\nEst un contrat : il fixe  les délais…\n"
    assert clean.loose_pattern("est un contrat: il fixe les délais...").search(notes)
    assert not clean.loose_pattern("est un").search("C’est un contrat")
    assert clean._cased("Est un", "c'est un") == "C'est un"


def test_only_words_count_as_changes() -> None:
    """Typography and punctuation are not compared; a word added, removed or replaced is, with its context."""
    clean, evaluator = _clean_measure(), sys.modules["proofread_eval"]
    written = evaluator.comparable("Le poste où l’erreur apparaît : redémarrer ou réinstaller.")
    assert (
        clean.word_changes(
            written, evaluator.comparable("Le poste où l'erreur apparaît\u00a0: redémarrer ou réinstaller")
        )
        == []
    )
    changed = clean.word_changes(
        written, evaluator.comparable("Le poste où l’erreur apparaît : redémarrer où réinstaller.")
    )
    assert changed == [("erreur apparaît: redémarrer [ou] réinstaller", "erreur apparaît: redémarrer [où] réinstaller")]


def test_list_markers_are_not_words_of_the_card() -> None:
    clean, evaluator = _clean_measure(), sys.modules["proofread_eval"]
    (card,) = evaluator.source_cards("# T\n\n## Citez 2 outils\n1. Wireshark\n- tracert, pour voir par où\n")
    assert clean.plain(card) == "Citez 2 outils\nWireshark\ntracert, pour voir par où"


def test_the_clean_corpus_is_about_eighty_cards_with_the_fronts_meant() -> None:
    """Each file imports into cards whose fronts are its headings, not a sentence of an answer."""
    evaluator = _evaluator()
    files = sorted((ROOT / "bench" / "proofread" / "clean").glob("*.txt"))
    cards = [
        card
        for path in files
        for card in evaluator.source_cards(detect_cards(path.read_text(encoding="utf-8"), str(path)).to_source())
    ]
    assert len(cards) >= 80
    assert not [card.front for card in cards if card.front.endswith(".")]


def test_the_clean_measure_sees_a_word_changed_in_anki(tmp_path: Path) -> None:
    """Through the real import, review --yes, build and Anki: the shorthand rule's change is seen, by design."""
    clean = _clean_measure()
    result = clean.measure_text("notes-1.txt", "Notes\nCitez 2 avantages du Wi-Fi\nAv:\n1. Mobilité\n2. Pas de câble\n")
    assert result.cards == 1
    assert result.damage == []
    assert [(change.written, change.shown, change.rules) for change in result.by_design] == [
        ("du wi-fi [av]: mobilité pas de", "du wi-fi [avantages]: mobilité pas de", ["abbreviations"])
    ]


def test_a_shorthand_expansion_is_by_design_even_where_a_finding_touches_it() -> None:
    """ "Désav:" spelled out is the project's choice; a grammar finding on the next word must not make it damage."""
    clean = _clean_measure()
    grammar = "source/chapitre-08.md:30:3: grammar: 'Prend' -> 'Prends' (S’il s’agit d’un impératif, ajoutez un « s ».)"
    shorthand = "source/chapitre-08.md:29: abbreviations: 'Désav:' -> 'Désavantages :'"
    expanded = clean.Damage(
        "Sauvegarde", 25, "suffit [désav]: prend", "suffit [désavantages]: prend", [shorthand, grammar]
    )
    assert expanded.by_design
    other = clean.Damage("Sauvegarde", 25, "[prend] beaucoup", "[prends] beaucoup", [shorthand, grammar])
    assert not other.by_design
