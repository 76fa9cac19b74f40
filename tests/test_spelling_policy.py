"""Which spelling fixes `review --yes` takes unasked: a missing letter when nothing else is close,
never a word shorter than 5 letters nor an English word."""

from __future__ import annotations

from supportcards.model import Finding, Location
from supportcards.proofread.spelling import english_word, missing_letter
from supportcards.review import certain_fix, policy_key


def unknown(word: str, *suggestions: str) -> Finding:
    return Finding(
        location=Location("n.md", 4),
        column=1,
        kind="spelling",
        rule="unknown-word",
        message="unknown word",
        text=word,
        suggestions=suggestions,
        context=f"Il voit {word} ici.",
        context_column=9,
    )


def test_a_missing_letter_is_taken_when_nothing_else_is_close() -> None:
    assert missing_letter("ordinteur", ["ordinateur", "ordinateurs", "orbiteur"]) == "ordinateur"
    assert missing_letter("sauvgarde", ["sauvegarde", "sauvegardé"]) is None  # an accent away from another word
    assert missing_letter("carnt", ["carnet", "carat", "caret"]) is None  # "carat" is close too
    assert missing_letter("compri", ["comprit", "compris"]) is None  # "compris" is no plural of "comprit"
    assert missing_letter("anacron", ["Anacréon"]) is None  # a command is not a misspelt name


def test_a_word_typed_plural_keeps_its_plural_mark() -> None:
    """ "inutils": "inutile" ranks first (frequent, one key away), but the plural mark was typed."""
    assert missing_letter("inutils", ["inutile", "inutiles", "inutilisé"]) == "inutiles"
    finding = unknown("inutils", "inutile", "inutiles", "inutilisé")
    assert policy_key(finding) == "spelling:missing-letter"
    assert certain_fix(finding) == "inutiles"


def test_an_elided_article_is_kept() -> None:
    assert certain_fix(unknown("l’automatiqument", "l’automatiquement", "l’automatisent")) == "l’automatiquement"


def test_short_words_and_english_words_get_no_missing_letter() -> None:
    assert missing_letter("tabe", ["table"]) is None  # commands and abbreviations are short: msc, ipcs
    assert english_word("start")
    assert missing_letter("start", ["stars", "stare"]) is None


def test_english_words_get_no_missing_letter_either() -> None:
    assert policy_key(unknown("spooler", "spoolers")) != "spelling:missing-letter"
    assert certain_fix(unknown("spooler", "spoolers")) is None


def test_short_words_are_never_fixed_unasked() -> None:
    assert policy_key(unknown("proc", "porc")) == "spelling:swap"
    assert certain_fix(unknown("proc", "porc")) is None
    assert certain_fix(unknown("locla", "local", "locale")) == "local"


def test_a_doubled_letter_is_not_made_single_unasked() -> None:
    """ "pixellisée" is a spelling beside "pixelisée"; a doubling left out is the usual slip."""
    assert policy_key(unknown("pixellisée", "pixelisée")) == "spelling:undoubled"
    assert certain_fix(unknown("pixellisée", "pixelisée")) is None
    assert certain_fix(unknown("instalée", "installée")) == "installée"
