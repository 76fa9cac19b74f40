"""The lockfile: what the last build gave each note, so that a re-import updates only what changed.

Anki updates an existing note (matched by GUID) only when the imported note's `mod` is strictly
newer. `source/supportcards.lock`, committed with the notes, records for each note its key, GUID,
front, a hash of its content and its `mod`. A build keeps the `mod` of a note whose content did not
change and gives a changed note a strictly newer one, so importing the new deck updates exactly the
changed notes and leaves the student's own edits of the others alone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import LockfileError
from .export import note_fields
from .model import RenderedCard

LOCK_FILE = "supportcards.lock"
LOCK_VERSION = 1


@dataclass(frozen=True)
class LockEntry:
    """One note as the last build wrote it."""

    key: str
    guid: str
    front: str
    hash: str
    mod: int


@dataclass(frozen=True)
class Lockfile:
    """Every note of the last build, sorted by key."""

    entries: tuple[LockEntry, ...] = ()

    def by_key(self) -> dict[str, LockEntry]:
        return {entry.key: entry for entry in self.entries}

    def dumps(self) -> str:
        """Stable JSON text: sorted by key, one note per line, so that a diff in git shows one line per
        changed card (and the C encoder writes it, where indented JSON would take the slow one)."""
        lines = [
            f"    {json.dumps(entry.key, ensure_ascii=False)}: "
            + json.dumps({"guid": entry.guid, "front": entry.front, "hash": entry.hash, "mod": entry.mod},
                         ensure_ascii=False)
            for entry in sorted(self.entries, key=lambda entry: entry.key)
        ]  # fmt: skip
        body = ",\n".join(lines)
        return (
            f'{{\n  "version": {LOCK_VERSION},\n  "notes": {{\n{body}\n  }}\n}}\n'
            if lines
            else (f'{{\n  "version": {LOCK_VERSION},\n  "notes": {{}}\n}}\n')
        )


def read_lockfile(path: Path) -> Lockfile:
    """The lockfile at `path`; none yet means an empty one."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Lockfile()
    except (OSError, UnicodeDecodeError) as error:
        raise LockfileError(f"{path}: cannot read the lockfile ({error})") from None
    try:
        data = json.loads(text)
        if data.get("version") != LOCK_VERSION:
            raise ValueError(f"unknown version {data.get('version')!r}")
        entries = tuple(
            LockEntry(key, str(note["guid"]), str(note["front"]), str(note["hash"]), int(note["mod"]))
            for key, note in data["notes"].items()
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise LockfileError(
            f"{path}: the lockfile is damaged ({error}); restore it from git, or delete it to start anew "
            "(the next import then updates every card)"
        ) from None
    return Lockfile(entries)


def content_hash(card: RenderedCard, deck_name: str) -> str:
    """What Anki would see of a note: its fields and tags (and its deck name, for a new note)."""
    payload = json.dumps([note_fields(card), sorted(card.tags), deck_name], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Plan:
    """A build compared with the lockfile: each note's `mod`, what changed, and the new lockfile."""

    mods: dict[str, int]
    added: tuple[RenderedCard, ...]
    changed: tuple[RenderedCard, ...]
    removed: tuple[LockEntry, ...]
    lockfile: Lockfile

    @property
    def up_to_date(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def summary(self) -> list[str]:
        """One line per added, changed and removed card, for the build report and release notes."""
        lines = [f"added:   {card.card.location}: {card.card.front}" for card in self.added]
        lines += [f"changed: {card.card.location}: {card.card.front}" for card in self.changed]
        lines += [
            f"removed: {entry.front} (key {entry.key}): an import cannot delete it, delete it in Anki"
            for entry in self.removed
        ]
        return lines


def plan_build(cards: Sequence[RenderedCard], previous: Lockfile, timestamp: float, deck_name: str) -> Plan:
    """Give unchanged notes their previous `mod`, changed ones a strictly newer one, new ones `timestamp`."""
    known = previous.by_key()
    now = int(timestamp)
    mods: dict[str, int] = {}
    entries: list[LockEntry] = []
    added: list[RenderedCard] = []
    changed: list[RenderedCard] = []
    for card in cards:
        digest = content_hash(card, deck_name)
        before = known.get(card.key)
        if before is None:
            mod = now
            added.append(card)
        elif before.hash == digest and before.guid == card.guid:
            mod = before.mod
        else:
            mod = max(now, before.mod + 1)
            changed.append(card)
        mods[card.guid] = mod
        entries.append(LockEntry(card.key, card.guid, card.card.front, digest, mod))
    present = {card.key for card in cards}
    removed = tuple(entry for entry in previous.entries if entry.key not in present)
    return Plan(mods, tuple(added), tuple(changed), removed, Lockfile(tuple(entries)))
