"""A cache of normalized and rendered cards, so that a rebuild after an edit redoes only that card.

Normalizing and rendering (Python-Markdown, nh3) are most of a build's time. A card's result
depends only on its own text, the rules and the code, so it is stored under the output folder
(`build/.cache/cards.json`) keyed by a hash of those; deleting `build/` gives a cold build again.
Changes are stored with lines relative to the card, so a card that only moved is still a hit.
Cards with images are never cached: their media names come from the images' current content.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TextIO

from . import __version__
from .model import Card, Change, Location

CACHE_FILE = Path(".cache") / "cards.json"
_CODE = ("normalize.py", "render.py", "data/corrections.toml")


@dataclass(frozen=True)
class Rendered:
    """What the cache keeps of a card: its normalized text, the changes, and its HTML."""

    front: str
    back: str
    changes: tuple[Change, ...]
    front_html: str
    back_html: str


def fingerprint(corrections_path: str | None) -> str:
    """What every cached entry depends on: supportcards' version and code, and the project's table."""
    digest = hashlib.sha256(__version__.encode())
    package = resources.files("supportcards")
    for name in _CODE:
        digest.update(package.joinpath(name).read_bytes())
    if corrections_path:
        digest.update(Path(corrections_path).read_bytes())
    return digest.hexdigest()


def card_digest(card: Card) -> str:
    """What a cached entry depends on in the card itself: its text and its file (images' folder)."""
    return hashlib.sha256("\x1f".join((card.front, card.back, card.location.path)).encode()).hexdigest()


def cacheable(card: Card) -> bool:
    return not any("![" in text or "<img" in text.lower() for text in (card.front, card.back))


class RenderCache:
    """The cache of one output folder: `get` and `put` by card, then `save` (or `discard`).

    It is a file of JSON lines, a header then one card a line, written as the build goes, so the
    build never holds a second copy of every card's HTML.
    """

    def __init__(self, path: Path, fingerprint: str, entries: dict[str, list[object]] | None = None):
        self.path = path
        self.fingerprint = fingerprint
        self.entries = entries or {}
        self.written: set[str] = set()
        self.fresh = 0
        self.stream: TextIO | None = None
        self.temporary: Path | None = None

    @classmethod
    def load(cls, outdir: str | Path, fingerprint: str) -> RenderCache:
        path = Path(outdir) / CACHE_FILE
        entries: dict[str, list[object]] = {}
        try:
            with path.open(encoding="utf-8") as stream:
                if json.loads(stream.readline()).get("fingerprint") == fingerprint:
                    for line in stream:
                        digest, entry = json.loads(line)
                        entries[digest] = entry
        except (OSError, ValueError, AttributeError, TypeError):
            entries = {}
        return cls(path, fingerprint, entries)

    def get(self, card: Card) -> Rendered | None:
        if not cacheable(card):
            return None
        digest = card_digest(card)
        entry = self.entries.get(digest)
        if entry is None:
            return None
        try:
            front, back, changes, front_html, back_html = entry
            rebased = tuple(
                Change(Location(card.location.path, (card.location.line if on_front else card.back_line) + offset),
                       rule, before, after)
                for on_front, offset, rule, before, after in changes  # type: ignore[attr-defined]
            )  # fmt: skip
        except (TypeError, ValueError):
            return None
        self._write(digest, entry)
        return Rendered(str(front), str(back), rebased, str(front_html), str(back_html))

    def put(self, card: Card, rendered: Rendered) -> None:
        if not cacheable(card):
            return
        changes = []
        for change in rendered.changes:
            on_front = change.location.line < card.back_line
            base = card.location.line if on_front else card.back_line
            changes.append([on_front, change.location.line - base, change.rule, change.before, change.after])
        self.fresh += 1
        self._write(
            card_digest(card), [rendered.front, rendered.back, changes, rendered.front_html, rendered.back_html]
        )

    def _write(self, digest: str, entry: list[object]) -> None:
        if digest in self.written:
            return
        self.written.add(digest)
        try:
            if self.stream is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                handle, name = tempfile.mkstemp(prefix=".cards.", suffix=".part", dir=self.path.parent)
                self.temporary = Path(name)
                self.stream = os.fdopen(handle, "w", encoding="utf-8")
                self.stream.write(json.dumps({"fingerprint": self.fingerprint}) + "\n")
            self.stream.write(json.dumps([digest, entry], ensure_ascii=False) + "\n")
        except OSError:
            self.discard()

    def save(self) -> None:
        """Keep the entries this build used (older ones are dropped); a failure only costs speed."""
        if self.stream is None or self.temporary is None:
            return
        try:
            self.stream.close()
            if self.fresh or self.written != self.entries.keys():
                os.replace(self.temporary, self.path)
        except OSError:
            pass
        finally:
            self.discard()

    def discard(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)
            self.temporary = None


def with_text(card: Card, rendered: Rendered) -> Card:
    return replace(card, front=rendered.front, back=rendered.back)
