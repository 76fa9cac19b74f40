"""Exporter: rendered cards to an Anki package (`.apkg`) with genanki.

The note types are fixed for good: once a student has imported a deck, a change of their fields or
templates (names or count) makes Anki treat them as other note types and refuse to update the notes.
CSS and template *text* may change; the ids, names, fields and template names may not (a test pins
them). `supportcards` is the basic note type, `supportcards Cloze` the list cards' (see `cloze`).

genanki lays out the collection, but does not write the file: its `write_to_file` stamps zip entries
with the wall clock, gives every note the same `mod` and leaves its temporary database behind.
Here the database is written next to the target, each note gets its own `mod`, the zip has fixed
timestamps and a fixed order, and the result is renamed into place (`files.replacing`), so a failed
build leaves the previous package untouched and the same input gives the same bytes.
`PackageWriter` does this note by note (the build streams through it); `write_apkg` does it for a
whole `genanki.Package` built in memory (`build_package`), for library users who want one.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import os
import shutil
import sqlite3
import sys
import zipfile
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .cloze import TEXT_FIELD, cloze_numbers, number_note
from .errors import OutputError
from .files import replacing
from .media import image_bytes
from .model import MediaFile, NoteRow, RenderedCard

if TYPE_CHECKING:
    import genanki

NOTE_TYPE_ID = 1811283945
NOTE_TYPE_NAME = "supportcards"
FIELDS = ("Front", "Back", "Chapter", "Topics", "Source", "Reverse")
TEMPLATE_NAMES = ("Recto", "Verso")

CLOZE_NOTE_TYPE_ID = 1811284467
CLOZE_NOTE_TYPE_NAME = "supportcards Cloze"
CLOZE_FIELDS = ("Front", "Text", "Chapter", "Topics", "Source", "Overlapping")
CLOZE_TEMPLATE_NAMES = ("Cloze",)
SOURCE_FIELD = 4
"""`Source` has the same place in both note types: the file's name, or the link to the card's heading."""


def _template(name: str) -> str:
    return resources.files("supportcards").joinpath("templates", name).read_text(encoding="utf-8")


def note_type() -> genanki.Model:
    """The one note type of every supportcards deck (fields and template names are frozen)."""
    import genanki

    return genanki.Model(
        NOTE_TYPE_ID,
        NOTE_TYPE_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[
            {"name": TEMPLATE_NAMES[0], "qfmt": _template("recto-front.html"), "afmt": _template("recto-back.html")},
            {"name": TEMPLATE_NAMES[1], "qfmt": _template("verso-front.html"), "afmt": _template("verso-back.html")},
        ],
        css=_template("card.css"),
        sort_field_index=0,
    )


def cloze_note_type() -> genanki.Model:
    """The list cards' note type (Anki's cloze kind: a card per cloze number of `Text`), frozen too."""
    import genanki

    return genanki.Model(
        CLOZE_NOTE_TYPE_ID,
        CLOZE_NOTE_TYPE_NAME,
        fields=[{"name": name} for name in CLOZE_FIELDS],
        templates=[
            {
                "name": CLOZE_TEMPLATE_NAMES[0],
                "qfmt": _template("cloze-front.html"),
                "afmt": _template("cloze-back.html"),
            }
        ],
        css=_template("card.css"),
        model_type=genanki.Model.CLOZE,
        sort_field_index=0,
    )


def note_type_of(kind: str) -> genanki.Model:
    return cloze_note_type() if kind == "cloze" else note_type()


def deck_id(name: str) -> int:
    """A stable deck id from the deck's name (Anki matches decks by name; the id only has to be stable)."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:6], "big") + (1 << 40)


def chapter_deck_name(deck_name: str, chapter_title: str) -> str:
    """`Parent::Chapter`: Anki makes the parent deck and nests each chapter's subdeck in it."""
    return f"{deck_name}::{chapter_title.replace('::', ':')}"


def note_fields(rendered: RenderedCard, link: str | None = None) -> list[str]:
    """The note's fields, in the order of `FIELDS` (a list card's: `CLOZE_FIELDS`): every one of
    them HTML that Anki can show as is.

    Front and back are sanitized HTML already; the chapter title, topic labels and file name are
    plain text, escaped here (Anki shows fields as HTML with JavaScript on: a title
    `<svg onload=...>` must show as those characters, not run). `Source` is the file name without a
    line number: inserting a card would otherwise change every card below it, and a re-import
    would overwrite them all. With a link to the notes (`[source] url`) it is that link, on the
    file's name; `link` replaces the card's own address ("": none, as the lockfile hashes it).
    """
    name = plain_text_html(os.path.basename(rendered.card.location.path))
    address = rendered.link if link is None else link
    if address:
        from .render import sanitize

        source = sanitize(f'<a href="{html.escape(address)}">{name}</a>')
    else:
        source = name
    # The last field: `Reverse` of a basic note, `Overlapping` of a list card's.
    last = rendered.cloze == "overlapping" if rendered.cloze else rendered.card.reverse
    return [
        rendered.front_html,
        rendered.back_html,
        plain_text_html(rendered.chapter.title),
        plain_text_html(", ".join(rendered.topic_labels)),
        source,
        "1" if last else "",
    ]


def plain_text_html(text: str) -> str:
    """Plain text as HTML that shows exactly that text (`&`, `<` and `>` escaped)."""
    return html.escape(text, quote=False)


def build_package(cards: Sequence[RenderedCard], deck_name: str) -> genanki.Package:
    """A genanki package: one subdeck per chapter under `deck_name`, notes in source order."""
    import genanki

    models = {"basic": note_type(), "cloze": cloze_note_type()}
    decks: dict[str, genanki.Deck] = {}
    for position, rendered in enumerate(cards):
        name = chapter_deck_name(deck_name, rendered.chapter.title)
        deck = decks.get(name)
        if deck is None:
            deck = decks[name] = genanki.Deck(deck_id(name), name)
        fields = note_fields(rendered)
        kind = "cloze" if rendered.cloze else "basic"
        if rendered.cloze:
            row = NoteRow(rendered.key, rendered.guid, "", rendered.card.location, tuple(fields), (), "", kind=kind)
            fields = list(number_note(row, {}, 0, lambda fields: "").note.fields)
        deck.add_note(
            genanki.Note(model=models[kind], fields=fields, tags=list(rendered.tags), guid=rendered.guid, due=position)
        )
    return genanki.Package(list(decks.values()))


def package_media(cards: Sequence[RenderedCard]) -> list[MediaFile]:
    """The images of `cards`, each once, sorted by name (so the package's bytes are stable)."""
    unique = {media.name: media for card in cards for media in card.media}
    return [unique[name] for name in sorted(unique)]


def write_apkg(
    package: genanki.Package,
    path: str | Path,
    timestamp: float,
    note_mods: Mapping[str, int] | None = None,
    media: Sequence[MediaFile] = (),
) -> Path:
    """Write `package` and its `media` to `path` atomically and reproducibly.

    `timestamp` stamps the collection, the zip entries and every note whose GUID is not in
    `note_mods`; `note_mods` gives the others their own modification time (from the lockfile).
    """
    target = Path(path)
    with replacing(target) as archive:
        write_apkg_file(package, archive, timestamp, note_mods, media, name=target)
    return target


def write_apkg_file(
    package: genanki.Package,
    archive: Path,
    timestamp: float,
    note_mods: Mapping[str, int] | None = None,
    media: Sequence[MediaFile] = (),
    name: Path | None = None,
) -> None:
    """Write the package straight into `archive` (a temporary file: see `files.replacing`).

    Errors are `OutputError`s naming `name`, the file the user asked for.
    """
    database = archive.with_name(archive.name + ".anki2")
    try:
        _write_database(package, database, timestamp, note_mods or {})
        _write_zip(database, media, archive, timestamp)
    except WRITE_ERRORS as error:
        raise OutputError(f"{name or archive}: cannot write the package ({_reason(error)})") from None
    finally:
        database.unlink(missing_ok=True)


def _write_database(package: genanki.Package, database: Path, timestamp: float, note_mods: Mapping[str, int]) -> None:
    database.unlink(missing_ok=True)
    connection = sqlite3.connect(database)
    try:
        cursor = connection.cursor()
        package.write_to_db(cursor, timestamp, itertools.count(int(timestamp) * 1000))
        if note_mods:
            ids = dict(cursor.execute("SELECT guid, id FROM notes"))
            cursor.executemany(
                "UPDATE notes SET mod = ? WHERE id = ?",
                [(mod, ids[guid]) for guid, mod in note_mods.items() if guid in ids],
            )
            cursor.execute("UPDATE cards SET mod = (SELECT mod FROM notes WHERE notes.id = cards.nid)")
        connection.commit()
    finally:
        connection.close()


WRITE_ERRORS = (OSError, sqlite3.Error)
"""What writing a package can raise: SQLite reports a full disk as `sqlite3.OperationalError`."""


def _reason(error: OSError | sqlite3.Error) -> str:
    return (error.strerror if isinstance(error, OSError) else None) or str(error)


class PackageWriter:
    """Writes a package note by note, so a build never holds all its notes at once.

    genanki writes the collection, the note type and every deck; the notes follow in batches, with
    each its own `mod`. A note's rows are the ones genanki's `Note.write_to_db` writes (same ids,
    fields, sort field, tags and cards; a test compares them), but one `executemany` per batch
    instead of a genanki `Note` and two statements per note: that was a third of a rebuild's time.
    `finish` zips the collection and the media into `archive`. Notes must come in order.
    """

    BATCH = 2000

    def __init__(self, archive: Path, deck_names: Sequence[str], timestamp: float, name: Path | None = None):
        import genanki

        self.archive = archive
        self.name = name or archive
        self.timestamp = timestamp
        self.database = archive.with_name(archive.name + ".anki2")
        self.model = note_type()
        self.cloze_model = cloze_note_type()
        self.cloze_decks: list[int] = []
        self.media: dict[str, MediaFile] = {}
        self.position = 0
        self.ids = itertools.count(int(timestamp) * 1000)
        self.notes: list[tuple[object, ...]] = []
        self.cards: list[tuple[object, ...]] = []
        self.card_ords: dict[tuple[bool, ...], list[int]] = {}
        self.deck_ids: dict[str, int] = {}
        self.sort_field = self.model.sort_field_index
        decks = [genanki.Deck(deck_id(deck_name), deck_name) for deck_name in dict.fromkeys(deck_names)]
        self.deck_order = [deck.deck_id for deck in decks]
        for deck in decks:
            deck.add_model(self.model)
        try:
            self.database.unlink(missing_ok=True)
            self.connection: sqlite3.Connection | None = sqlite3.connect(self.database)
            # A scratch file, discarded on any failure: no journal, no waiting for the disk.
            self.connection.execute("PRAGMA journal_mode = OFF")
            self.connection.execute("PRAGMA synchronous = OFF")
            self.cursor = self.connection.cursor()
            genanki.Package(decks).write_to_db(self.cursor, timestamp, self.ids)
        except WRITE_ERRORS as error:
            self.discard()
            raise OutputError(f"{self.name}: cannot write the package ({_reason(error)})") from None

    def add(self, note: NoteRow, deck_name: str, mod: int) -> None:
        """Write one note (and its cards) into the deck `deck_name`, stamped `mod`.

        A list card's note (`kind` "cloze") must come numbered (`cloze.number_note`): it has a card
        per cloze number, as genanki's `_cloze_cards` finds them.
        """
        note_id = next(self.ids)
        fields = note.fields
        cloze = note.kind == "cloze"
        self.notes.append(
            (note_id, note.guid, CLOZE_NOTE_TYPE_ID if cloze else NOTE_TYPE_ID, mod, -1, f" {' '.join(note.tags)} ",
             "\x1f".join(fields), fields[self.sort_field], 0, 0, "")
        )  # fmt: skip
        deck = self.deck_ids.get(deck_name) or self.deck_ids.setdefault(deck_name, deck_id(deck_name))
        if cloze:
            ords = [number - 1 for number in cloze_numbers(fields[TEXT_FIELD])] or [0]
            if deck not in self.cloze_decks:
                self.cloze_decks.append(deck)
        else:
            ords = self.card_ords.get(tuple(map(bool, fields))) or self._card_ords(fields)
        for card_ord in ords:
            self.cards.append(
                (next(self.ids), note_id, deck, card_ord, mod, -1, 0, 0, self.position, 0, 0, 0, 0, 0, 0, 0, 0, "")
            )
        self.position += 1
        for media in note.media:
            self.media[media.name] = media
        if len(self.notes) >= self.BATCH:
            try:
                self._flush()
            except WRITE_ERRORS as error:
                self.discard()
                raise OutputError(f"{self.name}: cannot write the package ({_reason(error)})") from None

    def _card_ords(self, fields: Sequence[str]) -> list[int]:
        """Which templates give this note a card: genanki's own answer, for each pattern of filled fields."""
        import genanki

        filled = tuple(map(bool, fields))
        probe = genanki.Note(model=self.model, fields=["x" if full else "" for full in filled])
        ords = self.card_ords[filled] = sorted(card.ord for card in probe.cards)
        return ords

    def _flush(self) -> None:
        self.cursor.executemany("INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)", self.notes)
        self.cursor.executemany("INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", self.cards)
        self.notes.clear()
        self.cards.clear()

    def finish(self) -> None:
        """Zip the collection and the media (sorted by name) into the archive."""
        assert self.connection is not None
        try:
            self._flush()
            self._add_cloze_model()
            self.connection.commit()
            self.connection.close()
            self.connection = None
            media = [self.media[name] for name in sorted(self.media)]
            _write_zip(self.database, media, self.archive, self.timestamp)
        except WRITE_ERRORS as error:
            raise OutputError(f"{self.name}: cannot write the package ({_reason(error)})") from None
        finally:
            self.discard()

    def _add_cloze_model(self) -> None:
        """The list cards' note type, only in a package that has list cards (in its last deck that
        has one, as genanki records it)."""
        if not self.cloze_decks:
            return
        last = max(self.cloze_decks, key=self.deck_order.index)
        (models_json,) = self.cursor.execute("SELECT models FROM col").fetchone()
        models = json.loads(models_json)
        models[str(CLOZE_NOTE_TYPE_ID)] = self.cloze_model.to_json(self.timestamp, last)
        self.cursor.execute("UPDATE col SET models = ?", (json.dumps(models),))

    def discard(self) -> None:
        """Drop the temporary database (after `finish`, or when the build fails)."""
        if getattr(self, "connection", None) is not None:
            self.connection.close()  # type: ignore[union-attr]
            self.connection = None
        self.database.unlink(missing_ok=True)


COMPRESS_LEVEL = 1
"""zlib's fastest level, as git uses for loose objects: on 10,000 cards, a package 14 % larger
than at the default level 6, written in a third of the time (30 ms instead of 100)."""


def _zip_entry(name: str, timestamp: float) -> zipfile.ZipInfo:
    import time

    stamp = max(timestamp, 315532800)  # zip cannot store dates before 1980
    info = zipfile.ZipInfo(name, date_time=time.gmtime(stamp)[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    # Public as `compress_level` from Python 3.13, where `_compresslevel` remains as its alias.
    setattr(info, "compress_level" if sys.version_info >= (3, 13) else "_compresslevel", COMPRESS_LEVEL)
    info.external_attr = 0o644 << 16
    info.create_system = 3
    return info


def _write_zip(database: Path, media: Sequence[MediaFile], archive: Path, timestamp: float) -> None:
    """Zip the collection and the media, with fixed names, times and order. The collection is
    streamed from disk; each image is read whole (it is small: see `media.image_bytes`)."""
    with zipfile.ZipFile(archive, "w") as bundle:
        _copy_into(bundle, _zip_entry("collection.anki2", timestamp), database)
        index = {str(number): file.name for number, file in enumerate(media)}
        bundle.writestr(_zip_entry("media", timestamp), json.dumps(index))
        for number, file in enumerate(media):
            try:
                data = image_bytes(file)
            except OSError as error:
                raise OSError(error.errno, f"image {file.path}: {error.strerror or error}") from None
            bundle.writestr(_zip_entry(str(number), timestamp), data)


def _copy_into(bundle: zipfile.ZipFile, entry: zipfile.ZipInfo, source: Path) -> None:
    with source.open("rb") as reader, bundle.open(entry, "w", force_zip64=source.stat().st_size > 1 << 30) as writer:
        shutil.copyfileobj(reader, writer, 1 << 20)
