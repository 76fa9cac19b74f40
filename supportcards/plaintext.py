"""Plain text to the Markdown that shows it as written.

Notes written in a plain editor are not Markdown: a UNC path `\\\\serveur\\partage` loses a
backslash, `a*b*c` turns italic, `<nom>` vanishes as an unknown tag. The importer writes the
supportcards source format, which is Markdown, so each character Markdown would read is escaped,
and only that one: a student edits the imported file afterwards and should find his text in it.

What the notes already mean as Markdown stays so: a list item (`- `, `1. `) is kept as a list, and
a code span (`` `ipconfig /all` ``) is kept untouched, since a student who writes backticks means code.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!|")
"""The characters a backslash escapes in Python-Markdown (the renderer's engine); before any other
character a backslash is shown as it is."""

_TICKS = re.compile(r"`+")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,9}[.)])\s+")
_RULE_LINE = re.compile(r"^\s*([-*_=])(?:\s*\1)*\s*$")
"""A line of dashes, stars, underscores or equal signs: a rule, or the underline of a heading."""
_BARE_MARKER = re.compile(r"^(?:[-*+]|\d{1,9}[.)])$")
"""A list marker alone on its line: Markdown makes it an empty list item."""
_ENTITY = re.compile(r"&(?:#\d|#[xX][0-9a-fA-F]|[A-Za-z][A-Za-z0-9]*;)")
"""An HTML entity (`&eacute;`), or a numeric one, which a browser reads even without its ';'."""
_LINK = re.compile(r"\]\s*[(\[]|^\s*\[[^\]]*\]:", re.MULTILINE)
"""What turns brackets into a link: `[texte](url)`, `[texte][ref]`, a definition `[ref]: url`."""
_CODE_INDENT = re.compile(r"^(?: {4}|\s*\t)")
"""An indentation Markdown reads as a code block: the notes' indentation shows nothing, so it goes."""
_TABLE_RULE = re.compile(r"^[\s:-]*\|[\s|:-]*$")
_ALNUM = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class _Marks:
    """What Markdown could read in a card's text as a whole: which emphasis characters pair up
    (`*`, `_`: how many could open or close), a link, a table, a '>' that a '<' could close."""

    emphasis: dict[str, int]
    link: bool
    table: bool
    tag: bool


def _code_spans(line: str) -> list[tuple[int, int]]:
    """The code spans of a line as Python-Markdown pairs them when it can: a run of backticks closed
    by the next run of as many. A run with no such closer on its line is not taken for code (its
    backticks get escaped: Markdown would look for a closer on the next lines, or settle for a shorter one)."""
    spans: list[tuple[int, int]] = []
    runs = list(_TICKS.finditer(line))
    at = 0
    while at < len(runs):
        opener = runs[at]
        closer = next(
            (later for later in range(at + 1, len(runs)) if len(runs[later].group()) == len(opener.group())), None
        )
        if closer is None:
            at += 1
            continue
        spans.append((opener.start(), runs[closer].end()))
        at = closer + 1
    return spans


def _pieces(line: str) -> list[tuple[int, int, bool]]:
    """`line` cut into (start, end, is a code span) pieces."""
    pieces: list[tuple[int, int, bool]] = []
    last = 0
    for start, end in _code_spans(line):
        pieces += [(last, start, False), (start, end, True)]
        last = end
    return [*pieces, (last, len(line), False)]


def _flanked(text: str, at: int) -> bool:
    """Whether the character at `at` stands between two letters or digits (`CLR_CMOS`), or between
    two spaces (`2 * 3`): there Markdown cannot open or close emphasis with it."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    between_words = bool(_ALNUM.match(before) and _ALNUM.match(after))
    return between_words if text[at] == "_" else before.isspace() and after.isspace()


def _emphasis_marks(lines: Sequence[str]) -> dict[str, int]:
    """How many `*` and `_` of the text could open or close emphasis, outside code and list markers."""
    counts = {"*": 0, "_": 0}
    for line in lines:
        body = line[len(marker.group()) :] if (marker := _LIST_MARKER.match(line)) else line
        for start, end, code in _pieces(body):
            for at in range(start, end):
                if body[at] in counts and not code and not _flanked(body, at):
                    counts[body[at]] += 1
    return counts


def _table(lines: Sequence[str]) -> bool:
    """Whether Markdown would read a table: a line of pipes and dashes under a line with a pipe."""
    return any("|" in above and _TABLE_RULE.match(line) for above, line in itertools.pairwise(lines))


def _doubled_backslashes(text: str) -> set[int]:
    """Where a backslash must be doubled: in a run before a character Markdown escapes (`\\*`),
    and in any run of two or more (a UNC path `\\\\serveur`, doubled whole to read plainly)."""
    doubled: set[int] = set()
    for run in re.finditer(r"\\+", text):
        following = text[run.end() : run.end() + 1]
        if len(run.group()) > 1 or (following and following in ESCAPABLE):
            doubled.update(range(run.start(), run.end()))
    return doubled


def _escape_text(body: str, start: int, end: int, marks: _Marks) -> str:
    """`body[start:end]`, a piece of a line outside code, escaped (its neighbours read in `body`)."""
    doubled = _doubled_backslashes(body) if "\\" in body else set()
    out = []
    for at in range(start, end):
        char = body[at]
        if at in doubled:
            out.append("\\\\")
        elif char in "*_" and marks.emphasis[char] > 1 and not _flanked(body, at):
            out.append("\\" + char)
        elif char == "`":
            out.append("\\`")
        elif char == "[" and marks.link:
            out.append("&#91;")
        elif char == "|" and marks.table:
            out.append("\\|")
        elif char == "<" and marks.tag:
            out.append("&lt;")
        elif char == "&" and _ENTITY.match(body, at):
            out.append("&amp;")
        else:
            out.append(char)
    return "".join(out)


def _block_start(body: str, in_item: bool) -> tuple[str, str]:
    """The escaped start of a line's text, if Markdown would read it as a block, and the rest:
    a heading `#`, a quote `>`, a rule or heading underline (`---`, `===`), and inside a list item
    a list marker alone (`1.`), and inside a list item a second list marker (`- - x`, `- 1. x`)."""
    indent = body[: len(body) - len(body.lstrip())]
    text = body[len(indent) :]
    if _RULE_LINE.match(text) or text[:1] in ("#", ">"):
        first = "&#61;" if text[0] == "=" else "\\" + text[0]
        return indent + first, text[1:]
    nested = _LIST_MARKER.match(text) if in_item else _BARE_MARKER.match(text)
    if nested is not None:
        digits = len(text) - len(text.lstrip("0123456789"))
        if digits:
            return indent + text[:digits] + "\\" + text[digits], text[digits + 1 :]
        return indent + "\\" + text[0], text[1:]
    return indent, text


def _escape_line(line: str, marks: _Marks, first: bool) -> str:
    """One line escaped. An indent shows nothing and Markdown reads it (code, a line going on), so
    it goes; but an indented list item nests under the item above, except on the first line."""
    marker = _LIST_MARKER.match(line)
    if marker is None or (first and _CODE_INDENT.match(line)):
        line = line.lstrip()
        marker = _LIST_MARKER.match(line)
    lead = marker.group() if marker else ""
    opening, body = _block_start(line[len(lead) :], marker is not None)
    if ">" in body:
        marks = dataclasses.replace(marks, tag=True)
    escaped = "".join(
        body[start:end] if code else _escape_text(body, start, end, marks) for start, end, code in _pieces(body)
    )
    return lead + opening + escaped


def as_markdown(lines: Sequence[str]) -> tuple[str, ...]:
    """The lines of one card's text, escaped so that Markdown shows each as written (list items and
    code spans kept as Markdown). Emphasis, links, tables and tags pair across lines, so the lines
    are escaped together."""
    emphasis = _emphasis_marks(lines)
    link = bool(_LINK.search("\n".join(lines)))
    table = _table(lines)
    return tuple(
        _escape_line(line, _Marks(emphasis, link, table, ">" in "".join(lines[at + 1 :])), at == 0)
        for at, line in enumerate(lines)
    )
