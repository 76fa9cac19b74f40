"""The lockfile: what the last build gave each note, so that a re-import updates only what changed.

Anki updates an existing note (matched by GUID) only when the imported note's `mod` is strictly
newer. `source/supportcards.lock`, committed with the notes, records for each note its key, GUID,
front, a hash of its content and its `mod`. A build keeps the `mod` of a note whose content did not
change and gives a changed note a strictly newer one, so importing the new deck updates exactly the
changed notes and leaves the student's own edits of the others alone.

A list card's entry also records its items' cloze numbers (`items`, by item key) and the highest
number it ever gave (`last`), so that an item keeps its number, and its card's history, for good
(see `cloze`). Version 1 files (before list cards) are still read.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .checks import mod_problem
from .cloze import number_note
from .errors import LockfileError
from .export import SOURCE_FIELD, note_fields
from .model import NoteRow, RenderedCard
from .reading import read_regular_file

LOCK_FILE = "supportcards.lock"
LOCK_VERSION = 2
READABLE_VERSIONS = (1, 2)


@dataclass(frozen=True, slots=True)
class LockEntry:
    """One note as the last build wrote it."""

    key: str
    guid: str
    front: str
    hash: str
    mod: int
    kind: str = "basic"
    items: tuple[tuple[str, int], ...] = ()
    last: int = 0


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
                cloze = ""
                if entry.kind != "basic":
                    items = ", ".join(f"{_string(key)}: {number}" for key, number in entry.items)
                    cloze = f', "kind": {_string(entry.kind)}, "items": {{{items}}}, "last": {entry.last}'
                yield (
                    f'    {_string(entry.key)}: {{"guid": {_string(entry.guid)}, "front": {_string(entry.front)}, '
                    f'"hash": {_string(entry.hash)}, "mod": {entry.mod}{cloze}}}{comma}\n'
                )
            yield "  }\n"
        yield "}\n"

    def dumps(self) -> str:
        return "".join(self.lines())


_string: Callable[[str], str] = json.encoder.encode_basestring


def read_lockfile(path: Path, missing_ok: bool = True) -> Lockfile:
    """The lockfile at `path`; none yet means an empty one (unless not `missing_ok`: an error)."""
    try:
        text = read_regular_file(path).decode("utf-8")
    except FileNotFoundError:
        if not missing_ok:
            raise LockfileError(f"{path}: no such lockfile") from None
        return Lockfile()
    except OSError as error:
        raise LockfileError(f"{path}: cannot read the lockfile ({error.strerror or error})") from None
    except UnicodeDecodeError as error:
        raise LockfileError(f"{path}: cannot read the lockfile (it is not UTF-8 text: {error.reason})") from None
    try:
        data = json.loads(text, parse_int=_whole_number)
        if data.get("version") not in READABLE_VERSIONS:
            raise ValueError(f"unknown version {data.get('version')!r}")
        entries = tuple(_entry(key, note) for key, note in data["notes"].items())
    except RecursionError:
        raise LockfileError(
            f"{path}: the lockfile is damaged (nested too deeply); restore it from git, or delete it to start anew"
        ) from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise LockfileError(
            f"{path}: the lockfile is damaged ({error}); restore it from git, or delete it to start anew "
            "(the next import then updates every card)"
        ) from None
    return Lockfile(entries)


_HASH = re.compile(r"[0-9a-f]{64}")
MAX_GUID_LENGTH = 64
"""Ours are 10 or 11 characters (64 bits in base 91, see `identity.guid_for_key`); Anki's own as short."""
MAX_NUMBER_DIGITS = 30


def _whole_number(text: str) -> int:
    """A whole number of the lockfile; a huge one is refused before Python's own digit limit is hit."""
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number of {len(text)} digits is not a valid number")
    return int(text)


def _entry(key: str, note: dict[str, object]) -> LockEntry:
    """One note of the lockfile, every value checked (ValueError or TypeError saying which is wrong):
    a `mod` out of range would crash SQLite, a wrong type would be written back as it is."""
    guid, front, digest, mod = note["guid"], note["front"], note["hash"], note["mod"]
    if not isinstance(guid, str) or len(guid) > MAX_GUID_LENGTH:
        raise ValueError(f"note {key!r}: the guid must be text of at most {MAX_GUID_LENGTH} characters")
    if not key or not guid or not guid.isprintable() or " " in guid:
        raise ValueError(f"note {key!r}: the guid must be a word of printable characters, not {guid!r}")
    if not isinstance(front, str):
        raise ValueError(f"note {key!r}: the front must be text, not {front!r}")
    if not isinstance(digest, str) or not _HASH.fullmatch(digest):
        raise ValueError(f"note {key!r}: the hash must be 64 hexadecimal digits, not {digest!r}")
    problem = mod_problem(mod)
    if problem is not None or not isinstance(mod, int):  # the isinstance is for mypy
        raise ValueError(f"note {key!r}: mod {problem}")
    kind, items, last = note.get("kind", "basic"), note.get("items", {}), note.get("last", 0)
    if kind not in ("basic", "cloze") or not isinstance(items, dict) or not isinstance(last, int):
        raise ValueError(f"note {key!r}: kind, items or last is not what a list card records")
    numbers = tuple((str(item), number) for item, number in items.items())
    if any(not isinstance(number, int) or not 0 < number <= last for _, number in numbers):
        raise ValueError(f"note {key!r}: an item's number must be a whole number from 1 to last ({last})")
    return LockEntry(key, guid, front, digest, mod, str(kind), numbers, last)


def content_hash(fields: Sequence[str], tags: Sequence[str], deck_name: str) -> str:
    """What Anki would see of a note: its fields and tags (and its deck name, for a new note)."""
    payload = json.dumps([list(fields), sorted(tags), deck_name], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def without_link(fields: Sequence[str]) -> list[str]:
    """The fields with `Source` as the file's name only, whether or not it links to the notes."""
    return [_TAGS.sub("", field) if index == SOURCE_FIELD else field for index, field in enumerate(fields)]


_TAGS = re.compile(r"<[^>]*>")


def note_row(card: RenderedCard, deck_name: str) -> NoteRow:
    """A rendered card as the package and the lockfile take it (see `model.NoteRow`).

    The hash does not see the link to the notes (`[source] url`, `build --source-url`): a release
    that points the links at its own tag changes no card and passes `build --locked` with the
    committed lockfile. A card gets a new link when it is added or changed.
    """
    fields = tuple(note_fields(card))
    return NoteRow(
        key=card.key,
        guid=card.guid,
        front=card.card.front,
        location=card.card.location,
        fields=fields,
        tags=card.tags,
        hash=content_hash(without_link(fields), card.tags, deck_name),
        has_id=card.card.id is not None,
        media=card.media,
        kind="cloze" if card.cloze else "basic",
    )


@dataclass(frozen=True)
class Plan:
    """A build compared with the lockfile: what was added, changed and removed, and the new lockfile.

    `added` and `changed` are "path:line: front" descriptions of the cards; `notices` what Anki
    cannot do by itself on import (a card that became a list card or stopped being one is a new
    note; a removed item leaves an empty card).
    """

    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[LockEntry, ...]
    lockfile: Lockfile
    notices: tuple[str, ...] = ()

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
        lines += [f"notice:  {notice}" for notice in self.notices]
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
        self.notices: list[str] = []

    def add(self, note: NoteRow) -> int:
        """Record one note; return the `mod` it gets."""
        return self.place(note)[1]

    def place(self, note: NoteRow) -> tuple[NoteRow, int]:
        """Record one note; return it as the package takes it (a list card's items numbered) and the
        `mod` it gets."""
        before = self.known.get(note.key)
        items: tuple[tuple[str, int], ...] = ()
        last = 0
        if note.kind == "cloze":
            same_kind = before is not None and before.kind == note.kind
            numbered = number_note(
                note,
                dict(before.items) if same_kind and before else {},
                before.last if same_kind and before else 0,
                lambda fields: content_hash(without_link(fields), note.tags, self.deck_name),
            )
            note, last = numbered.note, numbered.last
            items = tuple(sorted(numbered.items.items(), key=lambda item: item[1]))
            if same_kind and before:
                self._removed_items(note, before, numbered.items)
        if before is None:
            mod = self.now
            self.added.append(f"{note.location}: {note.front}")
        elif before.hash == note.hash and before.guid == note.guid:
            mod = before.mod
        else:
            mod = max(self.now, before.mod + 1)
            self.changed.append(f"{note.location}: {note.front}")
            if before.kind != note.kind:
                self._changed_kind(note, before)
        self.entries.append(LockEntry(note.key, note.guid, note.front, note.hash, mod, note.kind, items, last))
        return note, mod

    def _changed_kind(self, note: NoteRow, before: LockEntry) -> None:
        now = "a list card" if note.kind == "cloze" else "a basic card"
        old = "supportcards Cloze" if before.kind == "cloze" else "supportcards"
        self.notices.append(
            f"{note.location}: {note.front}: now {now}, a new note in Anki: delete its old note there "
            f"(note type {old!r})"
        )

    def _removed_items(self, note: NoteRow, before: LockEntry, now: dict[str, int]) -> None:
        for key, number in before.items:
            if key in now and now[key] != number:
                self.notices.append(
                    f"{note.location}: {note.front}: the item {key!r} gave its number {number} to an item "
                    f"marked {{#{number}}}: it is now Cloze {now[key]}, a new card in Anki"
                )
        gone = [(key, number) for key, number in before.items if key not in now]
        new = [(key, number) for key, number in now.items() if number > before.last]
        for key, number in gone:
            hint = ""
            if len(gone) == 1 and len(new) == 1:
                hint = f"; if {new[0][0]!r} is that item reworded, end it with {{#{number}}} to keep its history"
            self.notices.append(
                f"{note.location}: {note.front}: the item {key!r} is gone: its card (Cloze {number}) is now "
                f"empty in Anki; Tools > Empty Cards deletes it{hint}"
            )

    def plan(self, partial: bool = False) -> Plan:
        """The plan for the notes added so far. A `partial` build (some chapters only) removes
        nothing: the entries it did not see stay as they were, whatever chapter they belong to
        (the key of a card with its own `@id` does not name its chapter)."""
        present = {entry.key for entry in self.entries}
        unseen = tuple(entry for entry in self.previous.entries if entry.key not in present)
        notices = tuple(self.notices)
        if partial:
            return Plan(tuple(self.added), tuple(self.changed), (), Lockfile((*self.entries, *unseen)), notices)
        return Plan(tuple(self.added), tuple(self.changed), unseen, Lockfile(tuple(self.entries)), notices)


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
        planner.place(note_row(card, deck_name))
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
