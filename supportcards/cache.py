"""The build cache: what a build made of each chapter, so that a rebuild redoes only what changed.

Normalizing and rendering (Python-Markdown, nh3) are most of a cold build's time; parsing,
identifying and hashing every card are most of the rest. The cache keeps, under the output folder
(`build/.cache/chapters/`, one file per chapter: a JSON header, notes and cards, a line each), each
chapter's notes as the package takes them (`NoteRow`s) and each card's normalized text, changes
and HTML:

- a chapter whose text, settings, corrections tables and supportcards code are all unchanged is
  a *hit*: its notes go into the package as they are, without being parsed again;
- in any other chapter, a card whose own text is unchanged takes its normalized text and HTML from
  the cache (its changes follow it if it moved); only new or edited cards are rendered again.

Deleting `build/` gives a cold build again. A failure to read or write the cache only costs speed.
Cards with images are never cached (their media names come from the images' current content), and
a chapter with one is never a hit.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from . import __version__
from .model import Card, Change, Location, NoteRow, Settings
from .reading import read_regular_file

CACHE_DIR = Path(".cache") / "chapters"
FORMAT = 3


@dataclass(frozen=True)
class Rendered:
    """What the cache keeps of a card: its normalized text, the changes, and its HTML."""

    front: str
    back: str
    changes: tuple[Change, ...]
    front_html: str
    back_html: str


@dataclass(frozen=True)
class CachedChapter:
    """What the cache knows of a chapter without reading its notes: title, cards, corrections."""

    path: str
    digest: str
    title: str
    slug: str
    cards: int
    corrections: int


def fingerprint(settings: Settings) -> str:
    """What every cached entry depends on besides its own text: supportcards' version and code,
    the settings and both corrections tables."""
    digest = hashlib.sha256(f"{__version__}\x1f{FORMAT}\x1f{settings!r}".encode())
    package = resources.files("supportcards")
    for name in sorted(entry.name for entry in package.iterdir() if entry.name.endswith(".py")):
        digest.update(package.joinpath(name).read_bytes())
    digest.update(package.joinpath("data", "corrections.toml").read_bytes())
    if settings.corrections_path:
        digest.update(read_regular_file(settings.corrections_path))
    return digest.hexdigest()


def card_digest(card: Card) -> str:
    """What a cached card depends on in the card itself: its text, its file (images' folder) and
    whether its list is hidden (a list card's back holds its items' placeholders)."""
    return hashlib.sha256("\x1f".join((card.front, card.back, card.location.path, card.cloze)).encode()).hexdigest()


def cacheable(card: Card) -> bool:
    return not any("![" in text or "<img" in text.lower() for text in (card.front, card.back))


class RenderCache:
    """Cards' normalized text, changes and HTML, by the digest of their source text (in memory)."""

    def __init__(self, entries: dict[str, list[object]] | None = None):
        self.entries = entries if entries is not None else {}

    def get(self, card: Card) -> Rendered | None:
        if not cacheable(card):
            return None
        entry = self.entries.get(card_digest(card))
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
        return Rendered(str(front), str(back), rebased, str(front_html), str(back_html))

    def put(self, card: Card, rendered: Rendered) -> None:
        if not cacheable(card):
            return
        changes = []
        for change in rendered.changes:
            on_front = change.location.line < card.back_line
            base = card.location.line if on_front else card.back_line
            changes.append([on_front, change.location.line - base, change.rule, change.before, change.after])
        self.entries[card_digest(card)] = [
            rendered.front, rendered.back, changes, rendered.front_html, rendered.back_html
        ]  # fmt: skip


class BuildCache:
    """The cache of one output folder: ask for a chapter by path and text; store what a build made
    of it; `save` at the end of a successful build (or `discard`).

    Each chapter's file is written while the build goes on and renamed into place by `save`.
    """

    def __init__(self, folder: Path, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint
        self.kept: set[str] = set()
        self.written: dict[Path, Path] = {}

    @classmethod
    def open(cls, outdir: str | Path, fingerprint: str) -> BuildCache:
        return cls(Path(outdir) / CACHE_DIR, fingerprint)

    def digest(self, path: str, text: str) -> str:
        """What a chapter's entry depends on: the fingerprint, the chapter's path and its text."""
        return hashlib.sha256(f"{self.fingerprint}\x1f{path}\x1f{text}".encode()).hexdigest()

    def _file(self, path: str) -> Path:
        return self.folder / f"{hashlib.sha256(path.encode()).hexdigest()[:32]}.json"

    def chapter(self, path: str, digest: str) -> CachedChapter | None:
        """The chapter at `path` as the last build made it, if its digest is still `digest`."""
        try:
            with self._file(path).open(encoding="utf-8") as stream:
                header = json.loads(stream.readline())
            if header.get("digest") != digest or not header.get("complete"):
                return None
            chapter = CachedChapter(
                path, digest, str(header["title"]), str(header["slug"]), int(header["cards"]),
                int(header["corrections"]),
            )  # fmt: skip
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        self.kept.add(self._file(path).name)
        return chapter

    def notes(self, chapter: CachedChapter) -> tuple[NoteRow, ...] | None:
        """The notes of `chapter` (as `chapter()` found it); None if its file changed or broke since."""
        path = chapter.path
        try:
            with self._file(path).open(encoding="utf-8") as stream:
                if json.loads(stream.readline()).get("digest") != chapter.digest:
                    return None
                notes = tuple(
                    NoteRow(key, guid, front, Location(path, line), tuple(fields), tuple(tags), content, has_id,
                            kind=kind)
                    for line, key, guid, front, content, has_id, fields, tags, kind in json.loads(stream.readline())
                )  # fmt: skip
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return notes if len(notes) == chapter.cards else None

    def cards(self, path: str) -> dict[str, list[object]]:
        """The cached cards of the last version of the chapter at `path` (see `RenderCache`)."""
        entries: dict[str, list[object]] = {}
        try:
            with self._file(path).open(encoding="utf-8") as stream:
                if json.loads(stream.readline()).get("fingerprint") != self.fingerprint:
                    return {}
                notes, cards = json.loads(stream.readline()), json.loads(stream.readline())
                for (_, _, _, front, _, _, fields, _, _), (digest, back, changes) in zip(notes, cards, strict=True):
                    if digest is not None:
                        entries[digest] = [front, back, changes, fields[0], fields[1]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return {}
        return entries

    def store(
        self,
        path: str,
        digest: str,
        title: str,
        slug: str,
        cards: Sequence[Card],
        notes: Sequence[NoteRow],
        render_cache: RenderCache,
        corrections: int,
    ) -> None:
        """Write what this build made of a chapter: its notes, and its cards' entries in `render_cache`.

        `cards` are the chapter's source cards, in the order of `notes`.
        """
        target = self._file(path)
        temporary: Path | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=".chapter.", suffix=".part", dir=self.folder)
            temporary = Path(name)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                complete = all(cacheable(card) for card in cards)
                header = {"fingerprint": self.fingerprint, "digest": digest, "complete": complete,
                          "title": title, "slug": slug, "cards": len(notes), "corrections": corrections}  # fmt: skip
                stream.write(json.dumps(header, ensure_ascii=False) + "\n")
                # The notes line alone is read when the chapter is unchanged, both when it was edited.
                # (json.dumps, not json.dump: only the former uses the C encoder.)
                note_rows = [[note.location.line, note.key, note.guid, note.front, note.hash, note.has_id,
                              note.fields, note.tags, note.kind] for note in notes]  # fmt: skip
                card_rows = [_card_row(card, render_cache) for card in cards]
                stream.write(json.dumps(note_rows, ensure_ascii=False) + "\n")
                stream.write(json.dumps(card_rows, ensure_ascii=False) + "\n")
        except OSError:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
            return
        previous = self.written.pop(target, None)
        if previous is not None:
            previous.unlink(missing_ok=True)
        self.written[target] = temporary
        self.kept.add(target.name)

    def save(self, forget_others: bool = True) -> None:
        """Put the chapters written by this build in place; forget chapters no longer built (and
        files an interrupted build left behind), unless the build was of some chapters only."""
        try:
            for target, temporary in self.written.items():
                os.replace(temporary, target)
            self.written.clear()
            for entry in os.scandir(self.folder) if forget_others else ():
                if entry.name not in self.kept and entry.name.endswith((".json", ".part")):
                    os.unlink(entry.path)
        except OSError:
            pass
        finally:
            self.discard()

    def discard(self) -> None:
        for temporary in self.written.values():
            temporary.unlink(missing_ok=True)
        self.written.clear()


def _card_row(card: Card, render_cache: RenderCache) -> list[object]:
    """What `RenderCache` keeps of a card (its digest, normalized back and changes), if it may."""
    digest = card_digest(card) if cacheable(card) else None
    entry = render_cache.entries.get(digest) if digest is not None else None
    return [digest, entry[1], entry[2]] if entry is not None else [None, "", []]


def with_text(card: Card, rendered: Rendered) -> Card:
    return replace(card, front=rendered.front, back=rendered.back)
