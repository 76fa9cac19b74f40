"""Lint: what the normalizer changes, and the words it does not know.

The corrections tables only fix slips someone has seen before. To catch fresh ones, every word of
the normalized text is looked up in a French dictionary: pyspellchecker's French word list. It is
pure Python and ships its dictionary inside the wheel, so `make test` needs nothing from the system,
where hunspell-fr would need a Debian package and a compiled binding on every machine and in CI.
Words in the glossary (technical terms such as "Help-Desk") are never flagged.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .model import Change, Location, Project
from .normalize import normalize_project, project_normalizer, split_protected

if TYPE_CHECKING:
    from spellchecker import SpellChecker

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
RENAME_SIMILARITY = 0.6
ELISIONS = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu")


@dataclass(frozen=True)
class UnknownWord:
    """A word of a card that is in no French dictionary nor in the glossary."""

    location: Location
    word: str
    suggestion: str | None

    def __str__(self) -> str:
        hint = f" (did you mean {self.suggestion!r}?)" if self.suggestion else ""
        return f"{self.location}: unknown word {self.word!r}{hint}"


@dataclass(frozen=True)
class LintWarning:
    """Something worth a look that does not stop a build (a card without a topic, a renamed card)."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: warning: {self.message}"


@dataclass(frozen=True)
class LintReport:
    """Everything `supportcards lint` prints, in source order."""

    changes: tuple[Change, ...]
    unknown_words: tuple[UnknownWord, ...]
    warnings: tuple[LintWarning, ...] = ()

    def lines(self) -> list[str]:
        """One line per finding, sorted by file and line (changes first, then words, then warnings)."""
        entries: list[tuple[Location, int, str]] = []
        entries += [(change.location, 0, str(change)) for change in self.changes]
        entries += [(word.location, 1, str(word)) for word in self.unknown_words]
        entries += [(warning.location, 2, str(warning)) for warning in self.warnings]
        entries.sort(key=lambda entry: (entry[0].path, entry[0].line, entry[1]))
        return [text for _, _, text in entries]


@lru_cache(maxsize=1)
def _dictionary() -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker(language="fr", distance=2)


class Speller:
    """French dictionary look-ups that understand elisions (l’, qu’, jusqu’) and compound words."""

    def __init__(self, known: Iterable[str] = ()):
        self.dictionary = _dictionary()
        self.known = {word.casefold() for word in known}

    def is_known(self, word: str) -> bool:
        plain = word.replace("’", "'")
        lower = plain.casefold()
        if lower in self.known or lower in self.dictionary:
            return True
        if "'" in lower:
            head, _, rest = lower.partition("'")
            if head in ELISIONS:
                return not rest or self.is_known(rest)
            return False
        if "-" in lower:
            return all(self.is_known(part) for part in lower.split("-") if part)
        return False

    def suggest(self, word: str) -> str | None:
        head, apostrophe, rest = word.replace("’", "'").rpartition("'")
        target = rest if apostrophe and head.casefold() in ELISIONS else word
        suggestion = self.dictionary.correction(target.casefold())
        if not suggestion or suggestion == target.casefold():
            return None
        if target[:1].isupper():
            suggestion = suggestion[:1].upper() + suggestion[1:]
        return word[: len(word) - len(target)] + suggestion


def _skippable(word: str) -> bool:
    """Acronyms and one-letter words are not dictionary words."""
    return len(word) < 2 or sum(char.isupper() for char in word) > 1


def unknown_words(
    text: str, path: str, first_line: int, speller: Speller, glossary: Iterable[str]
) -> list[UnknownWord]:
    """The words of `text` (Markdown) that the dictionary does not know, with their line."""
    terms = sorted(glossary, key=len, reverse=True)
    alternatives = "|".join(re.escape(term).replace(r"\ ", r"\s+") for term in terms)
    term_pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    found = []
    line = first_line
    for piece, protected in split_protected(text):
        if not protected:
            prose = term_pattern.sub(lambda match: re.sub(r"\S", " ", match.group()), piece) if terms else piece
            for match in _WORD.finditer(prose):
                word = match.group()
                if _skippable(word) or speller.is_known(word):
                    continue
                where = Location(path, line + piece.count("\n", 0, match.start()))
                found.append(UnknownWord(where, word, speller.suggest(word)))
        line += piece.count("\n")
    return found


def lint_project(project: Project) -> LintReport:
    """The normalizer's changes and the unknown words of a project, card by card."""
    normalizer = project_normalizer(project)
    normalized, changes = normalize_project(project, normalizer)
    speller = Speller(normalizer.words)
    unknown: list[UnknownWord] = []
    warnings: list[LintWarning] = []
    for chapter in normalized.chapters:
        for card in chapter.cards:
            path = card.location.path
            unknown.extend(unknown_words(card.front, path, card.location.line, speller, normalizer.glossary))
            unknown.extend(unknown_words(card.back, path, card.back_line, speller, normalizer.glossary))
            if not card.topics:
                warnings.append(
                    LintWarning(card.location, "this card has no topic: add '@topics: ...' under it or its title")
                )
    warnings.extend(renamed_cards(normalized))
    return LintReport(changes=changes, unknown_words=tuple(unknown), warnings=tuple(warnings))


def renamed_cards(normalized: Project) -> list[LintWarning]:
    """New cards that look like a card gone from the lockfile: probably a rewritten front.

    The new front gives a new key, so Anki would add a new note and the old one's review history
    would stay behind; giving the card the old key as its `@id` keeps it.
    """
    from pathlib import Path

    from .identity import card_key
    from .lock import LOCK_FILE, read_lockfile

    entries = read_lockfile(Path(normalized.root) / LOCK_FILE).by_key()
    cards = [(card, card_key(card, chapter)) for chapter in normalized.chapters for card in chapter.cards]
    current = {key for _, key in cards}
    gone = [entry for key, entry in entries.items() if key not in current]
    warnings = []
    for card, key in cards:
        if key in entries or not gone:
            continue
        best = max(gone, key=lambda entry: difflib.SequenceMatcher(None, entry.front, card.front).ratio())
        similarity = difflib.SequenceMatcher(None, best.front, card.front).ratio()
        if similarity >= RENAME_SIMILARITY:
            warnings.append(
                LintWarning(
                    card.location,
                    f"this new card looks like the removed card {best.front!r} ({similarity:.0%} alike); "
                    f"to keep its review history, add '@id: {best.key}' under its heading",
                )
            )
    return warnings
