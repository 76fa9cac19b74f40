"""Lint: what the normalizer changes, and what the proofreader finds in the normalized cards.

The corrections tables only fix slips someone has seen before. To catch fresh ones, every card
goes through the proofreader (`proofread`): Grammalecte's grammar checks when it is installed,
the French dictionaries (pyspellchecker's word list, plus Grammalecte's), and supportcards' own
checks. An unknown word is reported as such, with the likely word; every other finding as
`path:line:col: kind: 'text' -> 'fix' (message)`. Glossary terms are never flagged.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .model import Change, Finding, Location, Project
from .normalize import normalize_project, project_normalizer
from .proofread import proofread_normalized
from .proofread.spelling import ELISIONS, Speller

__all__ = ["ELISIONS", "LintReport", "LintWarning", "Speller", "UnknownWord", "lint_project", "renamed_cards"]

RENAME_SIMILARITY = 0.6


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
    """Everything `supportcards lint` prints, in source order.

    `findings` are the proofreader's, unknown words included; `unknown_words` are those same
    words, as lint has always reported them.
    """

    changes: tuple[Change, ...]
    unknown_words: tuple[UnknownWord, ...]
    warnings: tuple[LintWarning, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def review(self) -> tuple[Finding, ...]:
        """The findings other than unknown words: grammar and supportcards' own checks."""
        return tuple(finding for finding in self.findings if finding.kind != "spelling")

    def lines(self) -> list[str]:
        """One line per finding, sorted by file and line (changes, words, findings, then warnings)."""
        entries: list[tuple[Location, int, int, str]] = []
        entries += [(change.location, 0, 0, str(change)) for change in self.changes]
        entries += [(word.location, 1, 0, str(word)) for word in self.unknown_words]
        entries += [(finding.location, 2, finding.column, str(finding)) for finding in self.review]
        entries += [(warning.location, 3, 0, str(warning)) for warning in self.warnings]
        entries.sort(key=lambda entry: (entry[0].path, entry[0].line, entry[1], entry[2]))
        return [text for *_, text in entries]


def lint_project(project: Project, *, cache_dir: Path | None = None) -> LintReport:
    """The normalizer's changes, the proofreader's findings and the warnings of a project.

    `cache_dir` keeps the proofreader's findings per card (the CLI uses `build/.cache/proofread`).
    """
    normalizer = project_normalizer(project)
    normalized, changes = normalize_project(project, normalizer)
    findings = proofread_normalized(project, normalized, normalizer, cache_dir=cache_dir)
    unknown = [
        UnknownWord(finding.location, finding.text, finding.suggestions[0] if finding.suggestions else None)
        for finding in findings
        if finding.kind == "spelling"
    ]
    warnings = [
        LintWarning(card.location, "this card has no topic: add '@topics: ...' under it or its title")
        for chapter in normalized.chapters
        for card in chapter.cards
        if not card.topics
    ]
    warnings.extend(renamed_cards(normalized))
    return LintReport(changes=changes, unknown_words=tuple(unknown), warnings=tuple(warnings), findings=tuple(findings))


def renamed_cards(normalized: Project) -> list[LintWarning]:
    """New cards that look like a card gone from the lockfile: probably a rewritten front.

    The new front gives a new key, so Anki would add a new note and the old one's review history
    would stay behind; giving the card the old key as its `@id` keeps it.
    """
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
