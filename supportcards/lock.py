"""The lockfile: what the last build gave each note, so that a re-import updates only what changed.

Anki updates an existing note (matched by GUID) only when the imported note's `mod` is strictly
newer. `source/supportcards.lock`, committed with the notes, records for each note its key, GUID,
front, a hash of its content and its `mod`. A build keeps the `mod` of a note whose content did not
change and gives a changed note a strictly newer one, so importing the new deck updates exactly the
changed notes and leaves the student's own edits of the others alone.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .checks import timestamp_problem
from .errors import LockfileError
from .export import note_fields
from .model import NoteRow, RenderedCard

LOCK_FILE = "supportcards.lock"
LOCK_VERSION = 1


@dataclass(frozen=True, slots=True)
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

    def lines(self) -> Iterator[str]:
        """Stable JSON text, line by line: sorted by key, one note per line, so that a diff in git
        shows one line per changed card. Each line is what `json.dumps(..., ensure_ascii=False)`
        writes, put together from its C string encoder (ten times faster than a dumps per note)."""
        entries = sorted(self.entries, key=lambda entry: entry.key)
        yield "{\n"
        yield f'  "version": {LOCK_VERSION},\n'
        if not entries:
            yield '  "notes": {}\n'
        else:
            yield '  "notes": {\n'
            last = len(entries)
            for number, entry in enumerate(entries, start=1):
                comma = "," if number < last else ""
                yield (
                    f'    {_string(entry.key)}: {{"guid": {_string(entry.guid)}, "front": {_string(entry.front)}, '
                    f'"hash": {_string(entry.hash)}, "mod": {entry.mod}}}{comma}\n'
                )
            yield "  }\n"
        yield "}\n"

    def dumps(self) -> str:
        return "".join(self.lines())


_string: Callable[[str], str] = json.encoder.encode_basestring


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
        entries = tuple(_entry(key, note) for key, note in data["notes"].items())
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise LockfileError(
            f"{path}: the lockfile is damaged ({error}); restore it from git, or delete it to start anew "
            "(the next import then updates every card)"
        ) from None
    return Lockfile(entries)


_HASH = re.compile(r"[0-9a-f]{64}")


def _entry(key: str, note: dict[str, object]) -> LockEntry:
    """One note of the lockfile, every value checked (ValueError or TypeError saying which is wrong):
    a `mod` out of range would crash SQLite, a wrong type would be written back as it is."""
    guid, front, digest, mod = note["guid"], note["front"], note["hash"], note["mod"]
    if not key or not isinstance(guid, str) or not guid or not guid.isprintable() or " " in guid:
        raise ValueError(f"note {key!r}: the guid must be a word of printable characters, not {guid!r}")
    if not isinstance(front, str):
        raise ValueError(f"note {key!r}: the front must be text, not {front!r}")
    if not isinstance(digest, str) or not _HASH.fullmatch(digest):
        raise ValueError(f"note {key!r}: the hash must be 64 hexadecimal digits, not {digest!r}")
    problem = timestamp_problem(mod)
    if problem is not None or not isinstance(mod, int):
        raise ValueError(f"note {key!r}: mod {problem or f'must be a whole number, not {mod!r}'}")
    return LockEntry(key, guid, front, digest, mod)


def content_hash(fields: Sequence[str], tags: Sequence[str], deck_name: str) -> str:
    """What Anki would see of a note: its fields and tags (and its deck name, for a new note)."""
    payload = json.dumps([list(fields), sorted(tags), deck_name], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def note_row(card: RenderedCard, deck_name: str) -> NoteRow:
    """A rendered card as the package and the lockfile take it (see `model.NoteRow`)."""
    fields = tuple(note_fields(card))
    return NoteRow(
        key=card.key,
        guid=card.guid,
        front=card.card.front,
        location=card.card.location,
        fields=fields,
        tags=card.tags,
        hash=content_hash(fields, card.tags, deck_name),
        has_id=card.card.id is not None,
        media=card.media,
    )


@dataclass(frozen=True)
class Plan:
    """A build compared with the lockfile: what was added, changed and removed, and the new lockfile.

    `added` and `changed` are "path:line: front" descriptions of the cards.
    """

    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[LockEntry, ...]
    lockfile: Lockfile

    @property
    def up_to_date(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def summary(self) -> list[str]:
        """One line per added, changed and removed card, for the build report and release notes."""
        lines = [f"added:   {card}" for card in self.added]
        lines += [f"changed: {card}" for card in self.changed]
        lines += [
            f"removed: {entry.front} (key {entry.key}): an import cannot delete it, delete it in Anki"
            for entry in self.removed
        ]
        return lines


class Planner:
    """Compares cards with the previous lockfile one at a time, so a build can stream its cards.

    Unchanged notes keep their previous `mod`, changed ones get a strictly newer one, new ones the
    build's timestamp.
    """

    def __init__(self, previous: Lockfile, timestamp: float, deck_name: str):
        self.previous = previous
        self.known = previous.by_key()
        self.now = int(timestamp)
        self.deck_name = deck_name
        self.entries: list[LockEntry] = []
        self.added: list[str] = []
        self.changed: list[str] = []

    def add(self, note: NoteRow) -> int:
        """Record one note; return the `mod` it gets."""
        before = self.known.get(note.key)
        if before is None:
            mod = self.now
            self.added.append(f"{note.location}: {note.front}")
        elif before.hash == note.hash and before.guid == note.guid:
            mod = before.mod
        else:
            mod = max(self.now, before.mod + 1)
            self.changed.append(f"{note.location}: {note.front}")
        self.entries.append(LockEntry(note.key, note.guid, note.front, note.hash, mod))
        return mod

    def plan(self, partial: bool = False) -> Plan:
        """The plan for the notes added so far. A `partial` build (some chapters only) removes
        nothing: the entries it did not see stay as they were, whatever chapter they belong to
        (the key of a card with its own `@id` does not name its chapter)."""
        present = {entry.key for entry in self.entries}
        unseen = tuple(entry for entry in self.previous.entries if entry.key not in present)
        if partial:
            return Plan(tuple(self.added), tuple(self.changed), (), Lockfile((*self.entries, *unseen)))
        return Plan(tuple(self.added), tuple(self.changed), unseen, Lockfile(tuple(self.entries)))


def summary_counts(summary: Sequence[str]) -> str:
    """ "3 added, 1 changed, 0 removed" for the lines of `Plan.summary`."""
    kinds = ("added", "changed", "removed")
    return ", ".join(f"{sum(line.startswith(kind) for line in summary)} {kind}" for kind in kinds)


def changes_report(summary: Sequence[str]) -> str:
    """The changes file of `build --changes` (and of the release notes): counts, then one line each."""
    return f"Cards: {summary_counts(summary)}\n\n" + "".join(f"- {line}\n" for line in summary)


def plan_build(cards: Sequence[RenderedCard], previous: Lockfile, timestamp: float, deck_name: str) -> Plan:
    """The plan for all `cards` at once (see `Planner`)."""
    planner = Planner(previous, timestamp, deck_name)
    for card in cards:
        planner.add(note_row(card, deck_name))
    return planner.plan()


def write_lockfile(path: Path, lockfile: Lockfile, temporary: Path) -> bool:
    """Write `lockfile` to `temporary` (beside `path`); return whether it differs from `path`.

    Written a thousand lines at a time and compared by hash, so a large lockfile is never held as
    one string.
    """
    digest = hashlib.sha256()
    lines = lockfile.lines()
    with temporary.open("wb") as stream:
        while chunk := "".join(itertools.islice(lines, 1000)).encode("utf-8"):
            stream.write(chunk)
            digest.update(chunk)
    try:
        with path.open("rb") as current:
            return hashlib.file_digest(current, "sha256").digest() != digest.digest()
    except OSError:
        return True
