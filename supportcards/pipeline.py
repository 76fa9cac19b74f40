"""The whole pipeline: source folder -> parse -> normalize -> render -> export.

This is what `supportcards build` calls, and what a Python user calls to build a deck in code.
"""

from __future__ import annotations

import gc
import os
import re
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path

from .cache import CACHE_DIR, BuildCache, CachedChapter, RenderCache, Rendered, fingerprint, with_text
from .errors import LockfileError, ParseError, SourceError, UsageError
from .export import PackageWriter, chapter_deck_name
from .files import replacing
from .identity import card_key, duplicate_key, guid_for_key
from .lock import LOCK_FILE, Planner, note_row, read_lockfile, write_lockfile
from .model import Card, Change, Chapter, Location, MediaFile, NoteRow, Project, RenderedCard, Settings
from .normalize import Normalizer, normalize_card, project_normalizer
from .parse import each_file, parse_chapter, project_files, read_source
from .render import collect_media, render_inline, render_markdown

TAG_ROOT = "supportcards"


@dataclass(frozen=True)
class ChapterSummary:
    """How many cards a chapter gave, for the build report."""

    title: str
    path: str
    cards: int


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote and did: the packages, cards per chapter, how many corrections the
    normalizer made (`supportcards lint` lists them), and what changed since the lockfile
    (`summary`: cards added, changed and removed)."""

    outputs: tuple[Path, ...]
    chapters: tuple[ChapterSummary, ...]
    corrections: int
    summary: tuple[str, ...] = ()
    lockfile: Path | None = None
    lockfile_written: bool = False

    @property
    def card_count(self) -> int:
        return sum(chapter.cards for chapter in self.chapters)


def build_timestamp() -> float:
    """`SOURCE_DATE_EPOCH` when set (reproducible builds), else the current time."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or not value.strip():
        return time.time()
    try:
        return float(int(value))
    except ValueError:
        raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {value!r}") from None


def slugify(name: str) -> str:
    """A name without accents, lowercase, words joined by '-' (for file names)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower() or "deck"


def output_name(deck_name: str, chapter_slug: str | None = None) -> str:
    """`<deck>.apkg`, or `<deck>-<chapter slug>.apkg` for one chapter's own package."""
    suffix = f"-{chapter_slug}" if chapter_slug else ""
    return f"{slugify(deck_name)}{suffix}.apkg"


def card_tags(card: Card, chapter: Chapter) -> tuple[str, ...]:
    """Anki's tag tree: `supportcards::chapitre::02` and one `supportcards::theme::<slug>` per topic."""
    return (f"{TAG_ROOT}::chapitre::{chapter.slug}", *(f"{TAG_ROOT}::theme::{topic}" for topic in card.topics))


def render_card(card: Card, chapter: Chapter, settings: Settings) -> RenderedCard:
    """One normalized card to what the exporter needs: HTML fields, GUID, tags, labels and images."""
    front_html, back_html, media = _render_html(card)
    return assemble_card(card, chapter, settings, front_html, back_html, media)


def _render_html(card: Card) -> tuple[str, str, tuple[MediaFile, ...]]:
    """A normalized card's front and back as sanitized HTML, and its images (SourceError if missing)."""
    front, front_media = collect_media(card.front, card.location.path, card.location.line)
    back, back_media = collect_media(card.back, card.location.path, card.back_line)
    return render_inline(front), render_markdown(back), front_media + back_media


def assemble_card(
    card: Card,
    chapter: Chapter,
    settings: Settings,
    front_html: str,
    back_html: str,
    media: tuple[MediaFile, ...] = (),
) -> RenderedCard:
    """A card with its HTML fields, completed with its identity, tags and topic labels."""
    labels = {topic.slug: topic.label for topic in settings.topics}
    key = card_key(card, chapter)
    return RenderedCard(
        card=card,
        chapter=chapter,
        front_html=front_html,
        back_html=back_html,
        key=key,
        guid=guid_for_key(key),
        tags=card_tags(card, chapter),
        topic_labels=tuple(labels.get(topic, topic) for topic in card.topics),
        media=media,
    )


PARALLEL_FROM = 1500
"""Below this many cards, starting worker processes costs more than it saves."""


Progress = Callable[[int, int], None]
"""Called as cards are done: (cards done since the last call, total cards)."""


def render_project(
    project: Project,
    *,
    workers: int | None = None,
    cache: RenderCache | None = None,
    progress: Progress | None = None,
) -> tuple[list[RenderedCard], list[Change]]:
    """Normalize and render every card of a project, in source order; report every missing image.

    Cards found in `cache` are not rendered again. Large projects are spread over the machine's
    cores (`workers`, default: all of them), in chunks that keep source order. Each
    `RenderedCard.chapter` carries the chapter's title, slug and path, not its cards again.
    `progress`, if given, hears how many cards are done as the work goes.
    """
    rendered: list[RenderedCard] = []
    changes: list[Change] = []
    errors: list[SourceError] = []
    for outcome, found in iter_rendered(project, workers=workers, cache=cache, progress=progress):
        changes.extend(found)
        if isinstance(outcome, SourceError):
            errors.append(outcome)
        else:
            rendered.append(outcome)
    if errors:
        raise ParseError(errors)
    return rendered, changes


def iter_rendered(
    project: Project,
    *,
    workers: int | None = None,
    cache: RenderCache | None = None,
    progress: Progress | None = None,
) -> Iterator[Outcome]:
    """Each card of a project rendered (or its `SourceError`), with its changes, in source order.

    A generator, so that a build can write each card and let it go (see `render_project`).
    """
    report = progress or (lambda done, total: None)
    units = [
        (card, light)
        for chapter in project.chapters
        for light in [replace(chapter, cards=())]
        for card in chapter.cards
    ]
    total = len(units)
    count = workers if workers is not None else (os.cpu_count() or 1)
    hits = [cache.get(card) if cache is not None else None for card, _ in units]
    pending = [unit for unit, hit in zip(units, hits, strict=True) if hit is None]
    report(total - len(pending), total)
    if count > 1 and len(pending) >= PARALLEL_FROM:
        computed = _render_in_parallel(pending, project.settings, count, lambda done: report(done, total))
    else:
        normalizer = project_normalizer(project)
        computed = (_reported(_render_unit(card, chapter, project.settings, normalizer), report, total)
                    for card, chapter in pending)  # fmt: skip
    for (card, chapter), hit in zip(units, hits, strict=True):
        if hit is not None:
            fixed = assemble_card(with_text(card, hit), chapter, project.settings, hit.front_html, hit.back_html)
            yield fixed, hit.changes
            continue
        outcome = next(computed)
        rendered_card, found = outcome
        if cache is not None and isinstance(rendered_card, RenderedCard):
            fixed_card = rendered_card.card
            cache.put(
                card,
                Rendered(fixed_card.front, fixed_card.back, found, rendered_card.front_html, rendered_card.back_html),
            )
        yield outcome


def _reported(outcome: Outcome, report: Progress, total: int) -> Outcome:
    report(1, total)
    return outcome


Outcome = tuple["RenderedCard | SourceError", tuple[Change, ...]]
Work = tuple[Card, "str | None", "str | None", tuple[MediaFile, ...], "SourceError | None", tuple[Change, ...]]
"""What a worker sends back for a card: the normalized card, its HTML and images, or its error."""


def _render_unit(card: Card, chapter: Chapter, settings: Settings, normalizer: Normalizer) -> Outcome:
    fixed, front_html, back_html, media, error, changes = _work(card, normalizer)
    if error is not None:
        return error, changes
    assert front_html is not None and back_html is not None
    return assemble_card(fixed, chapter, settings, front_html, back_html, media), changes


def _work(card: Card, normalizer: Normalizer) -> Work:
    """The expensive part of a card: normalize, resolve images, render and sanitize."""
    fixed, changes = normalize_card(card, normalizer)
    try:
        front_html, back_html, media = _render_html(fixed)
    except SourceError as error:
        return fixed, None, None, (), error, changes
    return fixed, front_html, back_html, media, None, changes


_worker_normalizer: Normalizer | None = None


def _start_worker(settings: Settings) -> None:
    global _worker_normalizer
    gc.disable()  # short-lived and free of reference cycles: collections would only cost time
    if _worker_normalizer is None:  # forked workers inherit the parent's
        _worker_normalizer = project_normalizer(Project(settings, ()))


def _work_chunk(cards: list[Card]) -> list[Work]:
    assert _worker_normalizer is not None
    return [_work(card, _worker_normalizer) for card in cards]


def _render_in_parallel(
    units: list[tuple[Card, Chapter]], settings: Settings, workers: int, progress: Callable[[int], None]
) -> Iterator[Outcome]:
    """Render in worker processes, in source order, chunk by chunk as they come back. Where the OS
    can fork, the workers start warm: Markdown, nh3 and the rules are loaded once, here."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _worker_normalizer
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    if "fork" in methods:
        _worker_normalizer = project_normalizer(Project(settings, ()))
        render_markdown("*warm*")
    size = max(50, min(500, len(units) // (workers * 4)))
    chunks = [units[start : start + size] for start in range(0, len(units), size)]
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(settings,)) as pool:
            done = pool.map(_work_chunk, [[card for card, _ in chunk] for chunk in chunks])
            _worker_normalizer = None
            for chunk, results in zip(chunks, done, strict=True):
                progress(len(results))
                for (_, chapter), (fixed, front_html, back_html, media, error, changes) in zip(
                    chunk, results, strict=True
                ):
                    if error is not None or front_html is None or back_html is None:
                        yield error or SourceError(fixed.location, "could not render this card"), changes
                    else:
                        yield assemble_card(fixed, chapter, settings, front_html, back_html, media), changes
    finally:
        _worker_normalizer = None


def write_deck(
    cards: Sequence[RenderedCard],
    deck_name: str,
    target: Path,
    timestamp: float,
    note_mods: Mapping[str, int] | None = None,
) -> Path:
    """Export rendered cards (any chapters) as one `.apkg` at `target`, atomically.

    Each note is stamped with `note_mods[guid]` when given, else `timestamp`.
    """
    mods = note_mods or {}
    decks = [decks_of(card, deck_name) for card in cards]
    with replacing(target) as archive:
        writer = PackageWriter(archive, decks, timestamp, target)
        try:
            for card, deck in zip(cards, decks, strict=True):
                writer.add(note_row(card, deck_name), deck, mods.get(card.guid, int(timestamp)))
            writer.finish()
        finally:
            writer.discard()
    return target


def build(
    sources: Sequence[str | Path] = ("source",),
    outdir: str | Path = "build",
    *,
    timestamp: float | None = None,
    per_chapter: bool = False,
    locked: bool = False,
    baseline: str | Path | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Build every chapter of `sources` into one `.apkg` in `outdir` (or one per chapter).

    The lockfile beside the notes gives each note its `mod` and is brought up to date afterwards.
    With `locked`, an out-of-date lockfile is a `LockfileError` and nothing is written.
    `summary` lists the cards added, changed and removed since the lockfile, or since `baseline`
    (another lockfile, e.g. the previous release's) when given. `progress` hears how many cards
    are done as the build goes (see `render_project`). What the build made of each chapter is
    cached in `outdir/.cache/` (see `cache`), so that a rebuild redoes only what changed.
    """
    with _collector_paused():
        return _build(sources, outdir, timestamp, per_chapter, locked, baseline, progress)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A build allocates a great many small objects and frees them all at once: pausing Python's
    cycle collector meanwhile saves up to a third of the time (measured on 10,000 cards)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class _Source:
    """A chapter file to build, and what the cache has of it, if anything."""

    path: str
    title: str
    cards: int
    cached: CachedChapter | None


@dataclass(frozen=True)
class _ChapterNotes:
    """One chapter's notes (or errors), in order, ready for the lockfile and the package."""

    path: str
    title: str
    slug: str
    deck: str
    corrections: int
    notes: list[NoteRow | SourceError]


def _build(
    sources: Sequence[str | Path],
    outdir: str | Path,
    timestamp: float | None,
    per_chapter: bool,
    locked: bool,
    baseline: str | Path | None,
    progress: Progress | None,
) -> BuildResult:
    """Stream the notes of each chapter, from the cache or the renderer, into the packages.

    Chapters the cache does not have are parsed twice: once whole first, so that any error stops
    the build before it renders anything, then a batch at a time, so that memory holds one batch.
    """
    root, settings, files = project_files(sources)
    cache = BuildCache.open(outdir, fingerprint(settings))
    chapters = _sources(files, settings, cache)
    stamp = build_timestamp() if timestamp is None else timestamp
    deck_name = settings.deck_name
    lock_path = root / LOCK_FILE
    planner = Planner(read_lockfile(lock_path), stamp, deck_name)
    against = Planner(read_lockfile(Path(baseline)), stamp, deck_name) if baseline is not None else None
    seen: dict[str, Location] = {}
    errors: list[SourceError] = []
    corrections = 0
    outputs: list[Path] = []
    summaries: list[ChapterSummary] = []
    writer: PackageWriter | None = None
    # Every file is written beside its target first and renamed into place only once all are
    # written: a failure or an interruption leaves the previous decks and lockfile as they were
    # (and no output folder, if it did not exist).
    with _removed_if_left_empty(Path(outdir)), ExitStack() as stack:
        stack.push(lambda failed, *_: cache.discard() if failed else None)
        all_decks = [chapter_deck_name(deck_name, chapter.title) for chapter in chapters]
        for chapter in _chapter_notes(chapters, settings, str(root), cache, progress):
            corrections += chapter.corrections
            summaries.append(ChapterSummary(chapter.title, chapter.path, len(chapter.notes)))
            for note in chapter.notes:
                if isinstance(note, SourceError):
                    errors.append(note)
                    continue
                duplicate = duplicate_key(note, seen)
                if duplicate is not None:
                    errors.append(duplicate)
            if errors:
                continue  # keep going to report every error, but write nothing more
            if writer is None or per_chapter:
                if writer is not None:
                    writer.finish()
                target = Path(outdir) / output_name(deck_name, chapter.slug if per_chapter else None)
                archive = stack.enter_context(replacing(target))
                writer = PackageWriter(archive, [chapter.deck] if per_chapter else all_decks, stamp, target)
                stack.callback(writer.discard)
                outputs.append(target)
            for note in chapter.notes:
                assert isinstance(note, NoteRow)
                mod = planner.add(note)
                if against is not None:
                    against.add(note)
                writer.add(note, chapter.deck, mod)
        if errors:
            raise ParseError(errors)
        plan = planner.plan()
        if locked and not plan.up_to_date:
            details = "\n".join(f"  {line}" for line in plan.summary())
            raise LockfileError(
                f"{lock_path}: out of date with the notes (build --locked writes nothing):\n{details}\n"
                "  hint: run 'supportcards build' (or make deck) and commit the lockfile"
            )
        if writer is not None:
            writer.finish()
        # Renamed with the decks even when unchanged (same bytes): simpler than a second path.
        lock_changed = write_lockfile(lock_path, plan.lockfile, stack.enter_context(replacing(lock_path)))
    cache.save()
    summary = (against.plan() if against is not None else plan).summary()
    return BuildResult(
        outputs=tuple(outputs),
        chapters=tuple(summaries),
        corrections=corrections,
        summary=tuple(summary),
        lockfile=lock_path,
        lockfile_written=lock_changed,
    )


def _sources(files: Sequence[Path], settings: Settings, cache: BuildCache) -> list[_Source]:
    """Each chapter file with what the cache has of it; the others parsed whole, so that every
    error in them is reported (as one `ParseError`) before anything is rendered."""
    known = [topic.slug for topic in settings.topics]

    def source(path: str) -> _Source:
        text = read_source(path)
        cached = cache.chapter(path, cache.digest(path, text))
        if cached is not None:
            return _Source(path, cached.title, cached.cards, cached)
        parsed = parse_chapter(text, path, known)
        return _Source(path, parsed.title, len(parsed.cards), None)

    return each_file(files, source)


BATCH_CARDS = 5000
"""How many cards a build parses and renders at a time (memory holds about one batch)."""


def _chapter_notes(
    chapters: Sequence[_Source], settings: Settings, root: str, cache: BuildCache, progress: Progress | None
) -> Iterator[_ChapterNotes]:
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
            yield _ChapterNotes(source.path, cached.title, cached.slug, deck, cached.corrections, list(notes))
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
) -> Iterator[_ChapterNotes]:
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
        yield _ChapterNotes(chapter.path, chapter.title, chapter.slug, deck, corrections, notes)


@contextmanager
def _removed_if_left_empty(folder: Path) -> Iterator[None]:
    """If the block fails, remove `folder` (and the cache folders) when the block created it empty."""
    existed = folder.exists()
    try:
        yield
    except BaseException:
        if not existed:
            for empty in (folder / CACHE_DIR, folder / CACHE_DIR.parent, folder):
                with suppress(OSError):
                    empty.rmdir()
        raise


def decks_of(card: RenderedCard, deck_name: str) -> str:
    """The subdeck a card goes to: its chapter's, under the parent deck."""
    return chapter_deck_name(deck_name, card.chapter.title)
