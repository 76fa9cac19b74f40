"""Spelling: which words no dictionary knows, and the likely word for each, first.

A word is known when pyspellchecker's French list or Grammalecte's dictionary (when installed) has
it, or the glossary lists it; elisions (l’, qu’, jusqu’), compounds and inverted pronouns
("détermine-t-on") are split first. Suggestions pool both engines' candidates and are ranked by a
weighted edit distance, where the slips these notes are made of cost less than other edits (a
missing or wrong accent, a doubled or undoubled letter, letters that sound alike, a neighbouring
key, two swapped letters), then by how frequent the word is in French (pyspellchecker's counts); a
word typed with a plural mark prefers a plural.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spellchecker import SpellChecker

ELISIONS = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu")
INVERTED_PRONOUNS = ("je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce", "t")
SUGGESTIONS = 5

_AZERTY = ("azertyuiop", "qsdfghjklm", "wxcvbn")


@lru_cache(maxsize=1)
def _english() -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


def english_word(word: str) -> bool:
    """Whether `word` is an English word (pyspellchecker's English list): in IT notes, a term
    ("reset", "root") more often than a French word mistyped."""
    return word.casefold() in _english()


_QWERTY = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


@lru_cache(maxsize=1)
def dictionary() -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker(language="fr", distance=2)


def _neighbours() -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {}
    for layout in (_AZERTY, _QWERTY):
        for row_number, row in enumerate(layout):
            for column, key in enumerate(row):
                near = keys.setdefault(key, set())
                for other_row in range(max(0, row_number - 1), min(len(layout), row_number + 2)):
                    other = layout[other_row]
                    near.update(other[max(0, column - 1) : column + 2])
                near.discard(key)
    return keys


NEIGHBOURS = _neighbours()


def strip_accents(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char))


def _substitution_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if strip_accents(a) == strip_accents(b):
        return 0.2
    if b in NEIGHBOURS.get(strip_accents(a), ()):
        return 0.6
    return 1.0


def slip_distance(typed: str, word: str) -> float:
    """Edit distance where likely slips cost less: accents 0.2, doubling 0.3, "an"/"en" and "i"/"y"
    0.4, neighbour keys and swapped letters 0.6, anything else 1."""
    a, b = typed.casefold(), word.casefold()
    rows = len(a) + 1
    cols = len(b) + 1
    table = [[0.0] * cols for _ in range(rows)]
    for i in range(rows):
        table[i][0] = float(i)
    for j in range(cols):
        table[0][j] = float(j)
    for i in range(1, rows):
        for j in range(1, cols):
            delete = 0.3 if i > 1 and a[i - 1] == a[i - 2] else 1.0
            insert = 0.3 if (j > 1 and b[j - 1] == b[j - 2]) or (j < cols - 1 and b[j - 1] == b[j]) else 1.0
            substitute = _substitution_cost(a[i - 1], b[j - 1])
            if {a[i - 1], b[j - 1]} == {"a", "e"} and a[i : i + 1] == b[j : j + 1] and a[i : i + 1] in ("n", "m"):
                substitute = 0.4  # "an" and "en" sound alike: précédante, suivents
            elif {a[i - 1], b[j - 1]} == {"i", "y"}:
                substitute = 0.4  # so do "i" and "y": voyent
            best = min(
                table[i - 1][j] + delete,
                table[i][j - 1] + insert,
                table[i - 1][j - 1] + substitute,
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, table[i - 2][j - 2] + 0.6)
            table[i][j] = best
    return table[-1][-1]


def score(typed: str, candidate: str, frequency: Callable[[str], int]) -> float:
    """How far `candidate` is from what was typed (lower is likelier): slip distance, less for a
    frequent word (a rare word needs a closer spelling)."""
    distance = slip_distance(typed, candidate) - 0.15 * math.log10(1 + frequency(candidate.casefold()))
    if typed.endswith(("s", "x")) and not candidate.endswith(("s", "x")):
        distance += 0.5  # a word typed with a plural mark most likely stays plural: inutils
    return distance


def rank(typed: str, candidates: Iterable[str], frequency: Callable[[str], int]) -> list[str]:
    """Candidates best first by `score`."""
    unique = {candidate for candidate in candidates if candidate and candidate.casefold() != typed.casefold()}
    return sorted(unique, key=lambda candidate: (score(typed, candidate, frequency), candidate))


def frequency(word: str) -> int:
    """How frequent `word` is in French (pyspellchecker's counts; 0: not in its list)."""
    return int(dictionary()[word.casefold()])


MISSING_LETTER_MARGIN = 0.5
"""How much likelier (in `score`) the word with one letter added must be than any other suggestion
of the same number for `missing_letter` to take it (measured: bench/README, "Spelling")."""


def missing_letter(word: str, suggestions: Iterable[str]) -> str | None:
    """The suggestion that only adds one letter to `word`, when nothing else is close: 'inutils' ->
    'inutiles', 'cartouhe' -> 'cartouche'. None unless `word` has at least 5 letters and is no
    English word, and the first suggestion that keeps its plural mark is `word` with one letter
    added (not a capitalised name), better by `MISSING_LETTER_MARGIN` than every other suggestion
    but the same word in the other number ('inutile' does not stand against 'inutiles'; 'comprit'
    does against 'compris')."""
    lower = word.casefold()
    if len(lower) < 5 or english_word(lower):
        return None
    plural = lower.endswith(("s", "x"))
    same = [suggestion for suggestion in suggestions if suggestion.casefold().endswith(("s", "x")) == plural]
    if not same:
        return None
    if same[0][:1].isupper() and not word[:1].isupper():
        return None  # a name is no fix of a lowercase word: 'anacron' (a command) is not 'Anacréon'
    first = same[0].casefold()
    if len(first) != len(lower) + 1 or not any(first[:i] + first[i + 1 :] == lower for i in range(len(first))):
        return None
    best = score(lower, first, frequency)
    rivals = [other.casefold() for other in suggestions if _number_stem(other) != _number_stem(first)]
    if any(score(lower, other, frequency) < best + MISSING_LETTER_MARGIN for other in rivals):
        return None
    return same[0]


def _number_stem(word: str) -> str:
    """A word without its plural mark: 'inutiles' and 'inutile' are one word in two numbers."""
    lower = word.casefold()
    return lower[:-1] if lower.endswith(("s", "x")) else lower


class Speller:
    """French dictionary look-ups that understand elisions, compounds and inverted pronouns.

    `engine` is Grammalecte's spell checker when it is installed (see `grammar.engine`), else None.
    """

    def __init__(self, known: Iterable[str] = (), engine: object | None = None):
        self.dictionary = dictionary()
        self.engine = engine
        self.known = {word.casefold() for word in known}

    def _in_dictionaries(self, word: str) -> bool:
        lower = word.casefold()
        if lower in self.known or lower in self.dictionary:
            return True
        return self.engine is not None and bool(self.engine.isValid(word))  # type: ignore[attr-defined]

    def is_known(self, word: str) -> bool:
        plain = word.replace("’", "'")
        if self._in_dictionaries(plain):
            return True
        lower = plain.casefold()
        if "'" in lower:
            head, _, rest = lower.partition("'")
            if head in ELISIONS:
                return not rest or self.is_known(plain[len(head) + 1 :])
            return False
        if "-" in lower:
            parts = plain.split("-")
            while len(parts) > 1 and parts[-1].casefold() in INVERTED_PRONOUNS:
                parts.pop()
            return all(self.is_known(part) for part in parts if part)
        return False

    def frequency(self, word: str) -> int:
        return int(self.dictionary[word])

    def candidates(self, word: str) -> list[str]:
        """Both engines' candidates for `word` (lowercase), ranked."""
        lower = word.casefold()
        found = set(self.dictionary.candidates(lower) or ())
        if self.engine is not None:
            for group in self.engine.suggest(lower):  # type: ignore[attr-defined]
                found.update(candidate for candidate in group if " " not in candidate)
        found.discard(lower)
        return rank(lower, found, self.frequency)

    def suggestions(self, word: str) -> list[str]:
        """Likely words for `word`, best first, in its case; an elision's head is kept."""
        head, apostrophe, rest = word.replace("’", "'").rpartition("'")
        target = rest if apostrophe and head.casefold() in ELISIONS else word
        prefix = word[: len(word) - len(target)]
        ranked = self.candidates(target)[:SUGGESTIONS]
        if target[:1].isupper():
            ranked = [candidate[:1].upper() + candidate[1:] for candidate in ranked]
        return [prefix + candidate for candidate in ranked]

    def suggest(self, word: str) -> str | None:
        found = self.suggestions(word)
        return found[0] if found else None
