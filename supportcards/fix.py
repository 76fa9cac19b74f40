"""Fix: the normalizer's corrections written back into the source files, on request only.

The source stays the student's own text unless they ask: `supportcards fix` shows a unified diff,
`supportcards fix --write` applies it, each file replaced in one atomic step. Line endings and a
byte-order mark are kept as the file had them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .files import write_atomically
from .model import Chapter, Project
from .normalize import normalize_project, project_normalizer

_HEADING = re.compile(r"^(?P<mark>##\s*)(?P<text>.*?)(?P<tail>\s*#*\s*)$")


@dataclass(frozen=True)
class SourceFix:
    """One source file before and after the corrections."""

    path: str
    before: str
    after: str

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=self.path,
                tofile=self.path,
            )
        )


def corrected_text(text: str, written: Chapter, normalized: Chapter) -> str:
    """`text` (one source file) with each card's front and back replaced by its normalized form."""
    lines = text.split("\n")
    for card, fixed in reversed(list(zip(written.cards, normalized.cards, strict=True))):
        first = card.back_line - 1
        lines[first : first + len(card.back.split("\n"))] = fixed.back.split("\n")
        heading = _HEADING.match(lines[card.location.line - 1])
        if heading:
            lines[card.location.line - 1] = heading.group("mark") + fixed.front + heading.group("tail")
    return "\n".join(lines)


def source_fixes(project: Project) -> list[SourceFix]:
    """The files the normalizer would change, with their text before and after."""
    from .parse import read_source

    normalized, _ = normalize_project(project, project_normalizer(project))
    fixes = []
    for written, fixed in zip(project.chapters, normalized.chapters, strict=True):
        before = read_source(written.path)
        after = corrected_text(before, written, fixed)
        if after != before:
            fixes.append(SourceFix(written.path, before, after))
    return fixes


def write_fix(fix: SourceFix) -> None:
    """Apply one fix to its file atomically, keeping its line endings and byte-order mark."""
    path = Path(fix.path)
    raw = path.read_bytes()
    newline = "\r\n" if b"\r\n" in raw else "\r" if b"\r" in raw else "\n"
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    write_atomically(path, (bom + fix.after.replace("\n", newline)).encode("utf-8"))
