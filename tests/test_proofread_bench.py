"""The proofreading benchmark's answer keys fit their chapters, so that its figures mean something.

Each test chapter of bench/proofread/ is imported as `supportcards import` would; every slip of its
key must be in the card it names (and its correction must not contain it), every trap phrase must
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
