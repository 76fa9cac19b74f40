"""What a checker sees of a card, and how its findings get back to the source file.

Checkers read the *normalized* text (after the corrections tables and typography), since an
accepted fix becomes a table entry applied on top of it. A checker reports `Issue`s as offsets in
that text; `locate` maps them back to the source file's line and column through an alignment of
the normalized text with the card as written, computed only for cards that have findings.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Card, Finding, Location
from ..normalize import split_protected

FRONT, BACK = "front", "back"

NAMING_NOUNS = frozenset(
    {"bouton", "menu", "onglet", "option", "commande", "lien", "champ", "paramètre", "colonne", "touche"}
    | {"case", "rubrique", "icône", "variable", "attribut", "propriété", "clé", "valeur", "mot-clé"}
    | {"droit", "permission", "drapeau", "fichier", "dossier", "script", "programme", "service"}
)
"""Nouns that the name of the thing follows, as the student writes it: a button's or a menu's
label ("le bouton enregistrer sous", "le menu exporter"), a field's or a setting's name in English
("le champ reference", "le paramètre resource"). The word after them is that name, of no class
French grammar rules: no verb to conjugate, no participle to agree."""

_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+|[ \t]*#{1,6}[ \t]+|[ \t]*>[ \t]?")
_ENDS_SENTENCE = frozenset(".:!?…;")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_PARENTHESES = re.compile(r"\(([^()]*)\)")
_TITLE_CASE_RUN = re.compile(
    r"(?:\b[A-Z][\w-]*(?:[ \t]+(?:of|for|and|the|to|in|on|de)(?=[ \t]+[A-Z]))?[ \t]+)+[A-Z][\w-]*"
)


@dataclass(frozen=True)
class Issue:
    """A checker's finding as offsets `[start, end)` in the normalized front or back of a card."""

    part: str
    start: int
    end: int
    kind: str
    rule: str
    message: str
    suggestions: tuple[str, ...] = ()

    def as_json(self) -> list[object]:
        return [self.part, self.start, self.end, self.kind, self.rule, self.message, list(self.suggestions)]

    @classmethod
    def from_json(cls, data: list[object]) -> Issue:
        part, start, end, kind, rule, message, suggestions = data
        assert isinstance(suggestions, list)
        return cls(str(part), int(str(start)), int(str(end)), str(kind), str(rule), str(message), tuple(suggestions))


@dataclass(frozen=True)
class Paragraph:
    """A stretch of prose for the grammar checker: its offset in the part and its text.

    Protected spans (code, URLs, math) are blanked out, list markers and heading marks are cut off,
    and the lines of a wrapped sentence are joined with a space (same length, same offsets).
    """

    part: str
    offset: int
    text: str


@dataclass(frozen=True)
class CardText:
    """A card as written (`source`) and as normalized, with the words never to flag in it."""

    source: Card
    front: str
    back: str
    terms: tuple[str, ...] = ()
    skip_words: frozenset[str] = field(default_factory=frozenset)

    def text(self, part: str) -> str:
        return self.front if part == FRONT else self.back

    def paragraphs(self) -> list[Paragraph]:
        return [*_paragraphs(FRONT, self.front), *_paragraphs(BACK, self.back)]

    @cached_property
    def blanked_terms(self) -> dict[str, str]:
        """Each part with glossary terms and protected spans blanked out (for word checks)."""
        return {part: blank_terms(self.text(part), self.terms) for part in (FRONT, BACK)}

    def locate(self, issue: Issue) -> Finding:
        """The issue as a `Finding` at its source line and column; `context` is the normalized line."""
        normalized = self.text(issue.part)
        written = self.source.front if issue.part == FRONT else self.source.back
        first_line = self.source.location.line if issue.part == FRONT else self.source.back_line
        offset = _map_offset(written, normalized, issue.start)
        line_start = written.rfind("\n", 0, offset) + 1
        context_start = normalized.rfind("\n", 0, issue.start) + 1
        context_end = normalized.find("\n", issue.start)
        context = normalized[context_start : context_end if context_end >= 0 else len(normalized)]
        return Finding(
            location=Location(self.source.location.path, first_line + written.count("\n", 0, offset)),
            column=offset - line_start + 1,
            kind=issue.kind,
            rule=issue.rule,
            message=issue.message,
            text=normalized[issue.start : issue.end],
            suggestions=issue.suggestions,
            context=context,
            context_column=issue.start - context_start + 1,
        )


def _map_offset(written: str, normalized: str, offset: int) -> int:
    """Where `offset` of the normalized text falls in the text as written (start of a changed run).

    The normalizer keeps a text's lines in nearly every case, so only the line that holds the offset
    is aligned (a short diff); the whole texts are aligned only when their lines differ in number.
    """
    if written == normalized:
        return offset
    if written.count("\n") == normalized.count("\n"):
        number = normalized.count("\n", 0, offset)
        normalized_start = normalized.rfind("\n", 0, offset) + 1
        written_lines = written.split("\n")
        written_start = sum(len(line) + 1 for line in written_lines[:number])
        normalized_line = normalized[normalized_start:].split("\n", 1)[0]
        return written_start + _align(written_lines[number], normalized_line, offset - normalized_start)
    return _align(written, normalized, offset)


def _align(written: str, normalized: str, offset: int) -> int:
    if written == normalized:
        return offset
    matcher = difflib.SequenceMatcher(None, written, normalized, autojunk=False)
    for tag, i1, _, j1, j2 in matcher.get_opcodes():
        if j1 <= offset < j2 or (offset == j2 and tag == "equal" and j2 == len(normalized)):
            return i1 + (offset - j1 if tag == "equal" else 0)
    return len(written)


def _paragraphs(part: str, text: str) -> list[Paragraph]:
    masked = "".join(re.sub(r"[^\n]", " ", piece) if protected else piece for piece, protected in split_protected(text))
    paragraphs = []
    start = 0
    lines = masked.split("\n")
    pieces: list[str] = []
    offset = 0
    for number, line in enumerate(lines):
        marker = _LIST_MARKER.match(line)
        if marker and pieces:
            paragraphs.append(Paragraph(part, start, " ".join(pieces)))
            pieces = []
        if not pieces:
            start = offset + (marker.end() if marker else 0)
            pieces.append(line[marker.end() :] if marker else line)
        else:
            pieces.append(line)
        stripped = line.rstrip()
        next_is_item = number + 1 < len(lines) and _LIST_MARKER.match(lines[number + 1])
        if not stripped or stripped[-1] in _ENDS_SENTENCE or next_is_item:
            paragraphs.append(Paragraph(part, start, " ".join(pieces)))
            pieces = []
        offset += len(line) + 1
    if pieces:
        paragraphs.append(Paragraph(part, start, " ".join(pieces)))
    return [paragraph for paragraph in paragraphs if paragraph.text.strip()]


def blank_terms(text: str, terms: tuple[str, ...]) -> str:
    """`text` with protected spans and glossary terms replaced by spaces (offsets unchanged)."""
    masked = "".join(re.sub(r"[^\n]", " ", piece) if protected else piece for piece, protected in split_protected(text))
    if not terms:
        return masked
    pattern = _terms_pattern(terms)
    return pattern.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), masked)


_TERMS_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    pattern = _TERMS_CACHE.get(terms)
    if pattern is None:
        alternatives = "|".join(re.escape(term).replace(r"\ ", r"\s+") for term in sorted(terms, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
        _TERMS_CACHE[terms] = pattern
    return pattern


def card_terms(front: str, back: str) -> frozenset[str]:
    """The words never to flag as misspelt in a card: its front's terms, and every run of two or
    more capitalised words in its back ("le Service Desk", "Root Cause Analysis"), which French
    prose does not write but English names do."""
    return front_terms(front) | _capitalised_runs(back)


_FUNCTION_WORDS = frozenset(
    {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette", "ces", "son", "sa", "ses"}
    | {"leur", "leurs", "il", "elle", "ils", "elles", "on", "en", "au", "aux", "pour", "par", "avec", "dans", "sur"}
    | {"et", "ou", "mais", "si", "que", "qui", "c", "chaque", "tout", "tous", "toute", "toutes", "à", "est"}
)


def _capitalised_runs(text: str) -> frozenset[str]:
    """Words of runs of two or more capitalised words, not counting a French word that opens a
    sentence ("La Mantenance" is one capitalised word after "La", not a name)."""
    words: set[str] = set()
    for run in _TITLE_CASE_RUN.findall(text):
        found = [word.casefold() for word in _WORD.findall(run)]
        while found and found[0] in _FUNCTION_WORDS:
            found.pop(0)
        if len(found) >= 2:
            words.update(found)
    return frozenset(words)


def front_terms(front: str) -> frozenset[str]:
    """The words a front gives as a term's expansion or translation, never to flag in its card.

    In "SPOC (Single Point of Contact)" the words in parentheses, and in "Service Level Agreement
    (accord de niveau de service)" or "Change Advisory Board" a run of capitalised words: these are
    names in another language (English, mostly), which the card may use again.
    """
    words: set[str] = set()
    for inside in _PARENTHESES.findall(front):
        words.update(word.casefold() for word in _WORD.findall(inside))
    return frozenset(words) | _capitalised_runs(_PARENTHESES.sub(" ", front))


def front_expansions(front: str) -> tuple[str, ...]:
    """The phrases in a front's parentheses written as a name, with two capitalised words or more
    ("Infrastructure as a Service", "Request for Change"): English, mostly; never proofread, in the
    front or where the card repeats them ("as a" is no French "a")."""
    found = []
    for inside in _PARENTHESES.findall(front):
        names = _WORD.findall(inside)
        if len(names) >= 2 and sum(word[:1].isupper() for word in names) >= 2:
            found.append(inside.strip())
    return tuple(found)


def words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))
