"""Fix: the normalizer's corrections written back into the source files, on request only.

The source stays the student's own text unless they ask: `supportcards fix` shows a unified diff,
`supportcards fix --write` applies it. Only the lines a correction changes are rewritten: every
other byte of the file (each line's own ending, a byte-order mark) stays as it was. The files are
written all or none, only if none changed since it was read (an editor may save meanwhile), through
a symbolic link to its target, with the file's permissions (see `write_fixes`).
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import OutputError, SourceError
from .files import replace_together
from .model import Chapter, Location, Project
from .normalize import normalize_project, project_normalizer
from .parse import decode_source, parse_chapter
from .reading import read_regular_file

# A heading's closing sequence of '#' counts only after a space, as in the parser ("## C#" is "C#").
_HEADING = re.compile(r"^(?P<mark>##\s*)(?P<text>.*?)(?P<tail>(?:\s+#+)?\s*)$")
_ENDING = re.compile(r"(\r\n|\r|\n)")
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class SourceFix:
    """One source file before and after the corrections: as text for the diff, and as the bytes
    that were read (and parsed) and the bytes to write."""

    path: str
    before: str
    after: str
    original: bytes
    fixed: bytes

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=self.path,
                tofile=self.path,
            )
        )


def corrected_bytes(original: bytes, written: Chapter, normalized: Chapter) -> bytes:
    """`original` (a source file's bytes, as parsed into `written`) with each card's front and back
    replaced by its normalized form; lines no correction changes keep their bytes and endings."""
    bom = _BOM if original.startswith(_BOM) else b""
    parts = _ENDING.split(original[len(bom) :].decode("utf-8"))
    lines, endings = parts[0::2], [*parts[1::2], ""]
    usual = Counter(ending for ending in endings if ending).most_common(1)
    fill = usual[0][0] if usual else "\n"
    for card, fixed in reversed(list(zip(written.cards, normalized.cards, strict=True))):
        first = card.back_line - 1
        count = len(card.back.split("\n"))
        new = fixed.back.split("\n")
        if new != lines[first : first + count]:
            endings[first : first + count] = _endings(len(new), endings[first : first + count], fill)
            lines[first : first + count] = new
        heading = _HEADING.match(lines[card.location.line - 1])
        if heading and heading.group("text") != fixed.front:
            lines[card.location.line - 1] = heading.group("mark") + fixed.front + heading.group("tail")
    return bom + "".join(line + ending for line, ending in zip(lines, endings, strict=True)).encode("utf-8")


def _endings(count: int, old: list[str], fill: str) -> list[str]:
    """Line endings for `count` lines that replace lines ending with `old`: theirs, in order, as far
    as they go; then the block's own (or the file's usual) ending; the last keeps the last one's."""
    inner = old[:-1]
    more = inner[-1] if inner else fill
    within = [*inner, *[more] * count][: count - 1]
    return [*within, old[-1]]


def source_fixes(project: Project) -> list[SourceFix]:
    """The files of `project` the normalizer would change, with their text before and after.

    Each file is read once, here, and parsed from those bytes: the fix is made from exactly what
    it will be checked against before writing (see `write_fixes`).
    """
    normalizer = project_normalizer(project)
    known = [topic.slug for topic in project.settings.topics]
    fixes = []
    for chapter in project.chapters:
        original = _read(chapter.path)
        before = decode_source(original, chapter.path)
        written = parse_chapter(before, chapter.path, known)
        normalized, _ = normalize_project(replace(project, chapters=(written,)), normalizer)
        fixed = corrected_bytes(original, written, normalized.chapters[0])
        if fixed != original:
            fixes.append(SourceFix(chapter.path, before, decode_source(fixed, chapter.path), original, fixed))
    return fixes


def write_fixes(fixes: Sequence[SourceFix]) -> None:
    """Write every fix, or none: an `OutputError` leaves every file as it was.

    A file that changed since `source_fixes` read it is not written (nor any other). A symbolic
    link is written through, to its target. A file with several hard links is refused: replacing
    it would cut it from its other names, and writing it in place could leave it half-written.
    """
    targets = [_target(fix.path) for fix in fixes]

    def unchanged() -> None:
        for fix, target in zip(fixes, targets, strict=True):
            if _read(target) != fix.original:
                raise OutputError(
                    f"{fix.path}: changed since supportcards read it (saved in an editor?); nothing was "
                    "written: run 'supportcards fix --write' again"
                )

    replace_together([(target, fix.fixed) for fix, target in zip(fixes, targets, strict=True)], unchanged)


def write_fix(fix: SourceFix) -> None:
    """Apply one fix to its file atomically (see `write_fixes`)."""
    write_fixes([fix])


def _target(path: str) -> Path:
    """The file to replace for `path`: a symbolic link's target; refused if it has other names."""
    target = Path(os.path.realpath(path))
    try:
        links = target.stat().st_nlink
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror})") from None
    if links > 1:
        raise OutputError(
            f"{path}: this file has {links} hard links, which fix --write would break; nothing was written "
            "(apply the diff of 'supportcards fix' with patch, or give the file a single name)"
        )
    return target


def _read(path: str | Path) -> bytes:
    """The file's bytes, read as the parser reads notes: a regular file within the size limit."""
    try:
        return read_regular_file(path)
    except OSError as error:
        raise SourceError(Location(str(path), 1), f"cannot read this file ({error.strerror})") from None
