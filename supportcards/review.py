"""Review: the proofreader's findings turned into decisions that every build applies.

The notes stay the student's own text, so an accepted fix is not written into the notes: it becomes
an entry of `[reviewed]` in the project's corrections table, `"wrong words" = "right words"`, with
enough neighbouring words to match that one place only. The entry is found in the text as the
table step sees it (before typography: straight apostrophes, no non-breaking spaces, no accents on
capitals yet), checked to match nowhere else in the project, and checked to give the fix and
nothing else, also when the notes are normalized twice. A fix that cannot be recorded that way is
refused (the student edits the note instead). Ignored findings and correct words are remembered in
the same table (see `corrections`), so a second review asks nothing already decided.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .corrections import REVIEWED, CorrectionsFile, corrections_file
from .model import Card, Finding, Project
from .normalize import Corrections, entry_pattern, make_normalizer, table_stage
from .policy import certain_fix, contested

_CONTEXT_WORDS = (2, 3, 4, 6, 8)
"""How many words around the flagged ones an entry tries, fewest first."""

_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])")


@dataclass(frozen=True)
class Entry:
    """A corrections-table entry that applies one accepted fix."""

    wrong: str
    right: str

    def __str__(self) -> str:
        return f"{self.wrong!r} = {self.right!r}"


@dataclass(frozen=True)
class _Place:
    """Where a finding stands now: its card, front or back, and its offset in the normalized text."""

    card: Card
    front: bool
    offset: int


class Review:
    """A review of a project's findings: what is left to decide, and each decision recorded at once.

    Every decision is saved as it is made (atomically), so quitting, or an interruption, keeps
    what was decided before.
    """

    def __init__(self, project: Project, findings: Iterable[Finding]):
        self.project = project
        self.table = CorrectionsFile(corrections_file(project))
        self.findings = list(findings)
        self.recorded: list[Entry] = []
        self.ignored: list[str] = []
        self.words: list[str] = []
        self._cards: dict[str, list[Card]] = {}
        for chapter in project.chapters:
            for card in chapter.cards:
                self._cards.setdefault(card.location.path, []).append(card)
        self._texts: dict[tuple[int, bool], tuple[str, str]] = {}
        self._load_normalizer()

    def _load_normalizer(self) -> None:
        self.normalizer = make_normalizer(self.table.corrections)
        self.stage = table_stage(self.normalizer)

    # --- what is left ----------------------------------------------------------------------

    def decided(self, finding: Finding) -> bool:
        """Whether a finding was ignored for good, or is an unknown word now in the glossary.

        The glossary decides word findings only: a grammar or consistency finding on a glossary
        word ("3", "Traduit") still stands, as the proofreader reports it again.
        """
        table = self.table.corrections
        if finding.fingerprint in table.ignored:
            return True
        known = {word.casefold() for word in (*table.words, *table.glossary)}
        return about_a_word(finding) and finding.text.casefold() in known

    def pending(self) -> Iterator[Finding]:
        """The findings still to decide, each as it stands now (earlier fixes may have moved it).

        A finding whose text an accepted fix has changed is dropped: the next review's proofreading
        says whether anything is still wrong there.
        """
        for finding in self.findings:
            if self.decided(finding):
                continue
            current = self.current(finding)
            if current is not None:
                yield current

    def current(self, finding: Finding) -> Finding | None:
        """The finding with its column and line as the notes normalize now; None if its text is gone."""
        place = self._locate(finding)
        if place is None:
            return None
        normalized = self._text(place.card, place.front)[1]
        start = normalized.rfind("\n", 0, place.offset) + 1
        end = normalized.find("\n", place.offset)
        context = normalized[start : end if end >= 0 else len(normalized)]
        return replace(finding, context=context, context_column=place.offset - start + 1)

    def accept_certain(self) -> list[tuple[Finding, Entry]]:
        """`review --yes`: record the first suggestion of every finding the policy calls `certain`.

        A finding on a line that an earlier fix of this round changed is left for the next round:
        its suggestion was made for the line as it was, so the proofreader must see the line again.
        """
        accepted = []
        rivals = contested(self.findings)
        for finding in self.findings:
            if self.decided(finding) or finding in rivals:
                continue
            fix = certain_fix(finding)
            if fix is None:
                continue
            now = self.current(finding)
            if now is None or now.context != finding.context:
                continue
            entry = self.accept(now, fix)
            if entry is not None:
                accepted.append((now, entry))
        return accepted

    def front(self, finding: Finding) -> str:
        """The front of the finding's card, as the card shows it (normalized)."""
        place = self._locate(finding)
        return self._text(place.card, True)[1] if place else ""

    # --- decisions -------------------------------------------------------------------------

    def accept(self, finding: Finding, replacement: str) -> Entry | None:
        """Record `replacement` for the flagged text as a `[reviewed]` entry; None if no entry can do it."""
        place = self._locate(finding)
        if place is None or replacement == finding.text:
            return None
        entry = self.entry_for(place, finding.text, replacement)
        if entry is None:
            return None
        self.table.add_fix(entry.wrong, entry.right)
        self.table.save()
        self._load_normalizer()
        self._forget(place.card)
        self.recorded.append(entry)
        return entry

    def ignore(self, finding: Finding) -> str:
        """Never show this finding again (its fingerprint goes to `[review] ignore`)."""
        self.table.ignore(finding.fingerprint)
        self.table.save()
        self.ignored.append(finding.fingerprint)
        return finding.fingerprint

    def add_word(self, finding: Finding) -> str | None:
        """The flagged word is correct: it joins `[glossary] words`, and no finding flags it again.

        None, and nothing recorded, for a finding that is not about an unknown word (`about_a_word`):
        a grammar or consistency finding is not decided by calling its text a word.
        """
        if not about_a_word(finding):
            return None
        self.table.add_word(finding.text)
        self.table.save()
        self._load_normalizer()
        self._texts.clear()
        self.words.append(finding.text)
        return finding.text

    # --- placing an entry ------------------------------------------------------------------

    def entry_for(self, place: _Place, flagged: str, replacement: str) -> Entry | None:
        """The shortest entry (flagged words plus neighbours) that gives this fix at this place only."""
        table_text, normalized = self._text(place.card, place.front)
        start, end = _map_span(table_text, normalized, place.offset, place.offset + len(flagged))
        if start == end:
            return None
        line_start = table_text.rfind("\n", 0, start) + 1
        line_end = table_text.find("\n", end - 1)
        line_end = len(table_text) if line_end < 0 else line_end
        tokens = [
            (line_start + m.start(), line_start + m.end()) for m in re.finditer(r"\S+", table_text[line_start:line_end])
        ]
        marker = bool(tokens) and _LIST_MARKER.fullmatch(table_text[tokens[0][0] : tokens[0][1]]) is not None
        if marker:
            tokens = tokens[1:]
        covered = [i for i, (a, b) in enumerate(tokens) if a < end and start < b]
        if not covered:
            return None
        expected = normalized[: place.offset] + replacement + normalized[place.offset + len(flagged) :]
        for low, high, anchored in _windows(covered[0], covered[-1], len(tokens)):
            a, b = tokens[low][0], tokens[high][1]
            wrong = " ".join(table_text[a:b].split())
            right = table_text[a:start] + replacement + table_text[end:b]
            if not right.strip():
                continue  # a table refuses an entry that deletes words: take a neighbour in
            candidates = [wrong]
            if anchored:
                candidates.insert(0, "^" + wrong)
            for candidate in candidates:
                entry = Entry(candidate, right)
                if self._unique(entry, place, (a, b)) and self._gives(entry, place, expected):
                    return entry
        return None

    def _unique(self, entry: Entry, place: _Place, span: tuple[int, int]) -> bool:
        """Whether the entry matches this place and no other in the whole project."""
        pattern = entry_pattern(entry.wrong)
        found = 0
        for cards in self._cards.values():
            for card in cards:
                for front in (True, False):
                    for match in pattern.finditer(self._text(card, front)[0]):
                        found += 1
                        mine = card is place.card and front == place.front and match.span("word") == span
                        if found > 1 or not mine:
                            return False
        return found == 1

    def _gives(self, entry: Entry, place: _Place, expected: str) -> bool:
        """Whether the notes normalized with the entry read as expected, and stay so when normalized again."""
        if entry.wrong in dict(_reviewed_pairs(self.table.corrections)):
            return False
        normalizer = make_normalizer(_with_entry(self.table.corrections, entry))
        card = place.card
        text, first_line = (card.front, card.location.line) if place.front else (card.back, card.back_line)
        once = normalizer.text(text, card.location.path, first_line, front=place.front)[0]
        if _loose(once) != _loose(expected):
            return False
        return normalizer.text(once, card.location.path, first_line, front=place.front)[0] == once

    # --- texts -----------------------------------------------------------------------------

    def _text(self, card: Card, front: bool) -> tuple[str, str]:
        """A card's front or back at the table step and fully normalized (cached until it changes)."""
        key = (id(card), front)
        if key not in self._texts:
            text, first_line = (card.front, card.location.line) if front else (card.back, card.back_line)
            path = card.location.path
            table_text = self.stage.text(text, path, first_line, front=front)[0]
            normalized = self.normalizer.text(text, path, first_line, front=front)[0]
            self._texts[key] = (table_text, normalized)
        return self._texts[key]

    def _forget(self, card: Card) -> None:
        self._texts.pop((id(card), True), None)
        self._texts.pop((id(card), False), None)

    def _locate(self, finding: Finding) -> _Place | None:
        """The finding's card and its flagged text in the normalized text, nearest to where it was."""
        line = finding.location.line
        for card in self._cards.get(finding.location.path, ()):
            if card.location.line == line:
                front, first_line = True, card.location.line
            elif card.back_line <= line <= card.back_line + card.back.count("\n"):
                front, first_line = False, card.back_line
            else:
                continue
            normalized = self._text(card, front)[1]
            lines = normalized.split("\n")
            expected_line = line - first_line
            column = finding.context_column or finding.context.find(finding.text) + 1
            before, after = _neighbours(finding.context, column - 1, finding.text)
            best: tuple[tuple[bool, int, int], int] | None = None
            for match in _whole(finding.text).finditer(normalized):
                offset = match.start()
                index = normalized.count("\n", 0, offset)
                found_column = offset - (normalized.rfind("\n", 0, offset) + 1) + 1
                around = _neighbours(lines[index], found_column - 1, finding.text)
                if around[0] != before and around[1] != after:
                    continue
                score = (lines[index] != finding.context, abs(index - expected_line), abs(found_column - column))
                if best is None or score < best[0]:
                    best = (score, offset)
            return _Place(card, front, best[1]) if best else None
        return None


def _windows(first: int, last: int, count: int) -> Iterator[tuple[int, int, bool]]:
    """The token spans an entry tries around tokens `first`..`last` of a line of `count` tokens:
    as many words on each side (`_CONTEXT_WORDS`), then words on one side only, for a place next
    to inline code or a link ("la commande `history` affiche le historique"), which no table entry
    can match across. The flag: the span wanted more words before than the line has, so the entry
    may be anchored to the line's start."""
    tried: set[tuple[int, int]] = set()
    sides = [(words, words) for words in _CONTEXT_WORDS]
    sides += [(0, words) for words in _CONTEXT_WORDS] + [(words, 0) for words in _CONTEXT_WORDS]
    for before, after in sides:
        window = (max(first - before, 0), min(last + after, count - 1))
        if window not in tried:
            tried.add(window)
            yield (*window, first - before < 0)


def about_a_word(finding: Finding) -> bool:
    """Whether a finding says a single word is unknown: the only kind the glossary can decide."""
    spelling = finding.kind == "spelling" or finding.rule == "unknown-word"
    return spelling and len(finding.text.split()) == 1


def _whole(text: str) -> re.Pattern[str]:
    """`text` where it is not part of a longer word."""
    start = r"(?<!\w)" if text[:1].isalnum() else ""
    end = r"(?!\w)" if text[-1:].isalnum() else ""
    return re.compile(start + re.escape(text) + end)


def _neighbours(line: str, start: int, text: str) -> tuple[str, str]:
    """The word before and the word after `text` at `start` of `line` (what tells two places apart)."""
    before = line[:start].split()[-1:]
    after = line[start + len(text) :].split()[:1]
    return (before[0] if before else ""), (after[0] if after else "")


def _reviewed_pairs(corrections: Corrections) -> tuple[tuple[str, str], ...]:
    return next((pairs for name, pairs in corrections.sections if name == REVIEWED), ())


def _with_entry(corrections: Corrections, entry: Entry) -> Corrections:
    """The table with `entry` at the end of `[reviewed]`, as `CorrectionsFile.add_fix` writes it."""
    sections = list(corrections.sections)
    names = [name for name, _ in sections]
    if REVIEWED in names:
        index = names.index(REVIEWED)
        sections[index] = (REVIEWED, (*sections[index][1], (entry.wrong, entry.right)))
    else:
        sections.append((REVIEWED, ((entry.wrong, entry.right),)))
    return replace(corrections, sections=tuple(sections))


def _map_span(table_text: str, normalized: str, start: int, end: int) -> tuple[int, int]:
    """The span of `table_text` that became `normalized[start:end]` (typography changes little)."""
    matcher = difflib.SequenceMatcher(None, table_text, normalized, autojunk=False)
    mapped_start, mapped_end = 0, len(table_text)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if j1 <= start < j2 or (start == j2 == j1):
            mapped_start = i1 + (start - j1) if tag == "equal" else i1
        if j1 < end <= j2:
            mapped_end = i1 + (end - j1) if tag == "equal" else i2
    return mapped_start, mapped_end


_LOOSE = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " "})


def _loose(text: str) -> str:
    """Text compared without the typography the last rules add (apostrophes, non-breaking spaces)."""
    return re.sub(r" +", " ", text.translate(_LOOSE))


def findings_to_review(sources: Sequence[str | Path], outdir: str | Path = "build") -> dict[str, int]:
    """How many findings of each chapter file wait for a review, from what lint and review cached
    in `outdir` (they cache in build/).

    The proofreader is not run (nor Grammalecte imported): `build` reports this, and the same
    notes and tables must give the same deck whatever is installed. Nothing cached, nothing said.
    """
    from .parse import load_project
    from .proofread import CACHE_FOLDER, cached_findings

    if not (Path(outdir) / CACHE_FOLDER).is_dir():
        return {}
    found = cached_findings(load_project(sources), outdir) or {}
    return {path: len(findings) for path, findings in found.items() if findings}
