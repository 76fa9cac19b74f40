"""Real Anki in tests: import a built .apkg into a fresh collection and look at what Anki sees."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageOptions


@dataclass(frozen=True)
class AnkiNote:
    guid: str
    fields: dict[str, str]
    tags: tuple[str, ...]
    decks: tuple[str, ...]
    mod: int
    notetype: str


def open_collection(folder: Path) -> Collection:
    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / "collection.anki2"))


def import_package(collection: Collection, package: Path):
    """Import like Anki's desktop importer with its default options (update notes if newer)."""
    request = ImportAnkiPackageRequest(
        package_path=str(package),
        options=ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=False),
    )
    return collection.import_anki_package(request)


def notes(collection: Collection) -> list[AnkiNote]:
    result = []
    for note_id in sorted(collection.find_notes("")):
        note = collection.get_note(note_id)
        result.append(
            AnkiNote(
                guid=note.guid,
                fields=dict(note.items()),
                tags=tuple(note.tags),
                decks=tuple(sorted({collection.decks.name(card.did) for card in note.cards()})),
                mod=note.mod,
                notetype=(note.note_type() or {})["name"],
            )
        )
    return result
