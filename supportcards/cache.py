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
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

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


@dataclass
class RenderCache:
    """The cache of one output folder; `get` and `put` by card, `save` when done."""

    path: Path
    fingerprint: str
    entries: dict[str, list[object]] = field(default_factory=dict)
    used: dict[str, list[object]] = field(default_factory=dict)

    @classmethod
    def load(cls, outdir: str | Path, fingerprint: str) -> RenderCache:
        path = Path(outdir) / CACHE_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["entries"] if data.get("fingerprint") == fingerprint else {}
        except (OSError, ValueError, KeyError, TypeError):
            entries = {}
        return cls(path, fingerprint, entries if isinstance(entries, dict) else {})

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
        self.used[digest] = entry
        return Rendered(str(front), str(back), rebased, str(front_html), str(back_html))

    def put(self, card: Card, rendered: Rendered) -> None:
        if not cacheable(card):
            return
        changes = []
        for change in rendered.changes:
            on_front = change.location.line < card.back_line
            base = card.location.line if on_front else card.back_line
            changes.append([on_front, change.location.line - base, change.rule, change.before, change.after])
        self.used[card_digest(card)] = [rendered.front, rendered.back, changes, rendered.front_html, rendered.back_html]

    def save(self) -> None:
        """Write the entries this build used (older ones are dropped); a failure only costs speed."""
        from .errors import SupportcardsError
        from .files import replacing

        if self.used == self.entries:
            return
        try:
            with replacing(self.path) as temporary, temporary.open("w", encoding="utf-8") as stream:
                json.dump({"fingerprint": self.fingerprint, "entries": self.used}, stream, ensure_ascii=False)
        except (SupportcardsError, OSError):
            pass


def with_text(card: Card, rendered: Rendered) -> Card:
    return replace(card, front=rendered.front, back=rendered.back)
