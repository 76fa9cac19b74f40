"""A build's notes, chapter by chapter: from the cache when a chapter is unchanged, else parsed and
rendered a batch of chapters at a time, so that memory holds about one batch (`BATCH_CARDS`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .cache import BuildCache, CachedChapter, RenderCache
from .cards import Progress, iter_rendered
from .errors import SourceError
from .export import chapter_deck_name
from .lock import note_row
from .model import Chapter, NoteRow, Project, Settings
from .parse import each_file, parse_chapter, read_source

BATCH_CARDS = 5000
"""How many cards a build parses and renders at a time (memory holds about one batch)."""


@dataclass(frozen=True)
class ChapterSource:
    """A chapter file to build, and what the cache has of it, if anything."""

    path: str
    title: str
    cards: int
    cached: CachedChapter | None


@dataclass(frozen=True)
class ChapterNotes:
    """One chapter's notes (or errors), in order, ready for the lockfile and the package."""

    path: str
    title: str
    slug: str
    deck: str
    corrections: int
    notes: list[NoteRow | SourceError]


def chapter_sources(files: Sequence[Path], settings: Settings, cache: BuildCache) -> list[ChapterSource]:
    """Each chapter file with what the cache has of it; the others parsed whole, so that every
    error in them is reported (as one `ParseError`) before anything is rendered."""
    known = [topic.slug for topic in settings.topics]

    def source(path: str) -> ChapterSource:
        text = read_source(path)
        cached = cache.chapter(path, cache.digest(path, text))
        if cached is not None:
            return ChapterSource(path, cached.title, cached.cards, cached)
        parsed = parse_chapter(text, path, known)
        return ChapterSource(path, parsed.title, len(parsed.cards), None)

    return each_file(files, source)


def chapter_notes(
    chapters: Sequence[ChapterSource], settings: Settings, root: str, cache: BuildCache, progress: Progress | None
) -> Iterator[ChapterNotes]:
    """Each chapter's notes in source order: a cached chapter's as they are, the others parsed
    again and rendered a batch of chapters at a time (cached cards are not rendered again)."""
    total = sum(chapter.cards for chapter in chapters)
    report = progress or (lambda done, total: None)
    known = [topic.slug for topic in settings.topics]
    batch: list[tuple[str, Chapter]] = []
    size = 0
    for index, source in enumerate(chapters):
        cached = source.cached
        notes = cache.notes(cached) if cached is not None else None
        if cached is not None and notes is not None:
            yield from _rendered_batch(batch, settings, root, cache, lambda done: report(done, total))
            batch, size = [], 0
            report(source.cards, total)
            deck = chapter_deck_name(settings.deck_name, cached.title)
            yield ChapterNotes(source.path, cached.title, cached.slug, deck, cached.corrections, list(notes))
            continue
        text = read_source(source.path)
        batch.append((cache.digest(source.path, text), parse_chapter(text, source.path, known)))
        size += source.cards
        if size >= BATCH_CARDS or index == len(chapters) - 1:
            yield from _rendered_batch(batch, settings, root, cache, lambda done: report(done, total))
            batch, size = [], 0


def _rendered_batch(
    batch: Sequence[tuple[str, Chapter]],
    settings: Settings,
    root: str,
    cache: BuildCache,
    report: Callable[[int], None],
) -> Iterator[ChapterNotes]:
    """Render a batch of chapters (with the cards the cache has of them), and store each in the cache
    under the digest of the text it was parsed from."""
    if not batch:
        return
    render_cache = RenderCache({})
    for _, chapter in batch:
        render_cache.entries.update(cache.cards(chapter.path))
    project = Project(settings, tuple(chapter for _, chapter in batch), root)
    outcomes = iter_rendered(project, cache=render_cache, progress=lambda done, _: report(done))
    for digest, chapter in batch:
        deck = chapter_deck_name(settings.deck_name, chapter.title)
        notes: list[NoteRow | SourceError] = []
        corrections = 0
        for _ in chapter.cards:
            outcome, changes = next(outcomes)
            corrections += len(changes)
            notes.append(outcome if isinstance(outcome, SourceError) else note_row(outcome, settings.deck_name))
        if not any(isinstance(note, SourceError) for note in notes):
            rows = [note for note in notes if isinstance(note, NoteRow)]
            cache.store(
                chapter.path, digest, chapter.title, chapter.slug, chapter.cards, rows, render_cache, corrections
            )
        yield ChapterNotes(chapter.path, chapter.title, chapter.slug, deck, corrections, notes)
