"""Grammalecte's lexicon as the review policy and its guards read words; without Grammalecte, a
word has no reading and no lemma.
"""

from __future__ import annotations

import re
from typing import Any


def speller_lexicon() -> Any | None:
    """Grammalecte's spell checker and lexicon, None without Grammalecte."""
    from .proofread.grammar import engine, engine_available

    checker = engine() if engine_available() else None
    return checker.getSpellChecker() if checker is not None else None


def without_elision(word: str) -> str:
    """A word without its elided article or pronoun (l’aparition -> aparition)."""
    return re.sub(r"^\w{1,6}['’]", "", word)


def lemmas_of(word: str) -> set[str]:
    """The lemmas the lexicon reads `word` as ('passante': 'passant'); none without Grammalecte."""
    lexicon = speller_lexicon()
    readings = lexicon.getMorph(without_elision(word).casefold()) if lexicon is not None else []
    return {reading[1 : reading.index("/")] for reading in readings if reading.startswith(">") and "/" in reading}


def number_stem(word: str) -> str:
    return re.sub(r"[sx]$", "", word.casefold())


def has_reading(word: str, tag: str) -> bool:
    """Whether Grammalecte's lexicon has a reading of `word` with `tag` (":N", a noun)."""
    from .proofread.grammar import engine

    checker = engine()
    return checker is not None and any(tag in morph for morph in checker.getSpellChecker().getMorph(word.casefold()))


def ends_like_plural(word: str) -> bool:
    """Whether a word ends like a plural: a spelling fix that changes it ('précies' -> 'précise'
    where 'précises' was meant) is a choice of agreement, which the sentence makes, not the word."""
    return word.casefold().endswith(("s", "x"))
