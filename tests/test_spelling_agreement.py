"""Spelling suggestions ranked by agreement with the noun the unknown word qualifies
(`spelling.qualified_noun`, `agreeing_first`, `sole_edit`'s `agrees`), on sentences written for
these tests: the slip's agreeing fix, and look-alikes where no noun decides."""

from __future__ import annotations

from typing import Any

import pytest

from supportcards.model import Finding, Location
from supportcards.policy import certain_fix
from supportcards.proofread import engine_available
from supportcards.proofread.grammar import engine
from supportcards.proofread.spelling import Speller, qualified_noun

pytestmark = pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")


def lexicon() -> Any:
    checker = engine()
    assert checker is not None
    return checker.getSpellChecker()


def finding(line: str, word: str) -> Finding:
    """The unknown-word finding the checker makes on `word` in `line`, with its ranked suggestions."""
    start = line.index(word)
    return Finding(
        location=Location("n.md", 4),
        column=start + 1,
        kind="spelling",
        rule="unknown-word",
        message="unknown word",
        text=word,
        suggestions=tuple(Speller(engine=lexicon()).suggestions(word, line[:start])),
        context=line,
        context_column=start + 1,
    )


@pytest.mark.parametrize(
    ("line", "word", "fixed"),
    [
        # 'précis' is commoner, but "réponses" is feminine plural
        ("Des réponses moins précies au client.", "précies", "précises"),
        ("Des valeurs trop basss.", "basss", "basses"),  # 'bas' is commoner
    ],
)
def test_the_word_one_slip_away_that_agrees_with_the_noun_it_qualifies_is_taken(
    line: str, word: str, fixed: str
) -> None:
    found = finding(line, word)
    assert found.suggestions[0] == fixed
    assert certain_fix(found) == fixed


@pytest.mark.parametrize(
    ("line", "word", "fixed"),
    [
        ("Les consignes restent assez précies.", "précies", "précises"),  # after a verb: its subject
        ("Une mesure très précie du débit.", "précie", "précise"),  # "mesure" is a verb too
    ],
)
def test_without_a_noun_before_it_the_sentence_decides(line: str, word: str, fixed: str) -> None:
    # no noun the word qualifies right before it, but 'précis' would not agree: Grammalecte says so
    assert certain_fix(finding(line, word)) == fixed


def test_the_qualified_noun_is_read_over_adverbs_and_within_its_clause() -> None:
    morph = lexicon().getMorph
    assert qualified_noun("Réponses possiblement moins ", morph) == [">réponse/:N:f:p/*"]
    assert qualified_noun("Les réponses, moins ", morph) == []  # a comma ends the clause
    assert qualified_noun("Les réponses sont ", morph) == []  # a verb
    assert qualified_noun("des ", morph) == []  # a determiner
    assert qualified_noun("Les données que l’entreprise ", morph) == []  # no adverb: its verb may follow


def test_a_candidate_moves_first_only_if_it_keeps_the_typed_plural_mark() -> None:
    # "jour", a complement's noun, does not make 'critique' the fix of a word typed with its "s"
    assert finding("Des mises à jour très critiqes.", "critiqes").suggestions[0] == "critiques"


def test_right_after_a_noun_the_word_may_be_its_verb() -> None:
    # 'adepte' agrees with "entreprise", but the subject's verb 'accepte' is meant
    assert certain_fix(finding("La perte que l’entreprise acepte de subir.", "acepte")) != "adepte"
