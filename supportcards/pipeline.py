"""The whole build: source folder -> parse -> normalize -> render -> export, and the lockfile.

This is what `supportcards build` calls, and what a Python user calls to build a deck in code.
`build` reads as the outline of a build; the stages it runs are elsewhere: `batches` (each
chapter's notes, from the cache or rendered a batch at a time), `cards` (one card rendered and
given its identity; `workers` for large builds), `lock` (each note's `mod`) and `export` (the
`.apkg`). `write_deck` packages cards made in code.
"""

from __future__ import annotations

import gc
import os
import re
import time
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path

from .anchors import is_web_address
from .batches import ChapterNotes, chapter_notes, chapter_sources
from .cache import CACHE_DIR, BuildCache, fingerprint
from .cards import Progress, render_card, render_project
from .checks import Paths, checked_timestamp
from .cloze import number_note
from .errors import LockfileError, ParseError, SourceError, UsageError
from .export import PackageWriter, chapter_deck_name
from .files import remove_stale_temporaries, replacing
from .identity import duplicate_key
from .lock import LOCK_FILE, Plan, Planner, changes_report, note_row, read_lockfile, write_lockfile
from .model import Location, NoteRow, RenderedCard, Settings
from .parse import SETTINGS_FILE, chapter_files_in, chapter_slug, project_files

__all__ = ["BuildResult", "ChapterSummary", "build", "render_card", "render_project", "write_deck"]


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


def build(
    sources: Paths = ("source",),
    outdir: str | Path = "build",
    *,
    timestamp: float | None = None,
    per_chapter: bool = False,
    locked: bool = False,
    baseline: str | Path | None = None,
    progress: Progress | None = None,
    changes: str | Path | None = None,
    source_url: str | None = None,
) -> BuildResult:
    """Build every chapter of `sources` into one `.apkg` in `outdir` (or one per chapter).

    The lockfile beside the notes gives each note its `mod` and is brought up to date afterwards.
    With `locked`, an out-of-date lockfile is a `LockfileError` and nothing is written.
    `summary` lists the cards added, changed and removed since the lockfile, or since `baseline`
    (another lockfile, e.g. the previous release's) when given. `progress` hears how many cards
    are done as the build goes (see `render_project`). What the build made of each chapter is
    cached in `outdir/.cache/` (see `cache`), so that a rebuild redoes only what changed.
    `changes`, if given, is a file to write the summary to, with the packages. `source_url`
    replaces `[source] url`, the address of the notes the cards link to (a release's tag).

    Building some chapters of a folder only (`build(["source/chapitre-10.md"])`) writes
    `<deck>-10.apkg`, never the full deck, and only adds and updates lockfile entries.
    """
    with _collector_paused():
        return _build(sources, outdir, timestamp, per_chapter, locked, baseline, progress, changes, source_url)


def _build(
    sources: Paths,
    outdir: str | Path,
    timestamp: float | None,
    per_chapter: bool,
    locked: bool,
    baseline: str | Path | None,
    progress: Progress | None,
    changes: str | Path | None,
    source_url: str | None = None,
) -> BuildResult:
    """Stream each chapter's notes, from the cache or the renderer, into the packages.

    Every file is written beside its target first and renamed into place only once all are
    written: a failure or an interruption leaves the previous decks and lockfile as they were (and
    no output folder, if it did not exist).
    """
    root, settings, files = project_files(sources)
    if changes is not None:
        _check_changes_target(Path(changes), root, settings, files, Path(outdir))
    if source_url is not None:
        if not is_web_address(source_url):
            raise UsageError(f"--source-url must be an http:// or https:// address, not {source_url!r}")
        settings = replace(settings, source_url=source_url)
    partial = _leaves_out_chapters(root, files)
    cache = BuildCache.open(outdir, fingerprint(settings))
    chapters = chapter_sources(files, settings, cache)  # a ParseError here stops all before rendering
    stamp = build_timestamp() if timestamp is None else checked_timestamp(timestamp)
    lock_path = root / LOCK_FILE
    planner = Planner(read_lockfile(lock_path), stamp, settings.deck_name)
    against = None if baseline is None else Planner(read_lockfile(Path(baseline), False), stamp, settings.deck_name)
    checks = _NoteChecks()
    summaries: list[ChapterSummary] = []
    corrections = 0
    with _removed_if_left_empty(Path(outdir)), ExitStack() as stack:
        report = stack.enter_context(replacing(Path(changes))) if changes is not None else None  # fails first
        stack.push(lambda failed, *_: cache.discard() if failed else None)
        titles = [chapter.title for chapter in chapters]
        part = "-".join(chapter_slug(str(file)) for file in files) if partial else None
        packages = _Packages(stack, Path(outdir), settings.deck_name, titles, stamp, per_chapter, part)
        for chapter in chapter_notes(chapters, settings, str(root), cache, progress):
            corrections += chapter.corrections
            summaries.append(ChapterSummary(chapter.title, chapter.path, len(chapter.notes)))
            if not checks.passed(chapter.notes):
                continue  # keep going to report every error, but write nothing more
            writer = packages.writer_for(chapter)
            for note in chapter.notes:
                assert isinstance(note, NoteRow)
                numbered, mod = planner.place(note)
                writer.add(numbered, chapter.deck, mod)
                if against is not None:
                    against.add(note)
        checks.raise_errors()
        plan = planner.plan(partial)
        if locked and not plan.up_to_date:
            raise _out_of_date(lock_path, plan)
        packages.finish()
        # Renamed with the decks even when unchanged (same bytes): simpler than a second path.
        lock_changed = write_lockfile(lock_path, plan.lockfile, stack.enter_context(replacing(lock_path)))
        summary = (against.plan(partial) if against is not None else plan).summary()
        if report is not None:
            report.write_text(changes_report(summary), encoding="utf-8")
    cache.save(forget_others=not partial)
    remove_stale_temporaries(Path(outdir))  # what killed builds left behind
    remove_stale_temporaries(lock_path.parent, f".{LOCK_FILE}.")
    return BuildResult(
        outputs=tuple(packages.outputs),
        chapters=tuple(summaries),
        corrections=corrections,
        summary=tuple(summary),
        lockfile=lock_path,
        lockfile_written=lock_changed,
    )


def _check_changes_target(target: Path, root: Path, settings: Settings, files: Sequence[Path], outdir: Path) -> None:
    """Refuse, before anything is built, a changes file that would replace one of the build's own
    files (a chapter, the settings, the corrections table, the lockfile, a deck) or land in the
    source folder, or whose folder does not exist (it is not created: a typo would go unseen), unless
    that folder is the output folder, which the build makes (`--changes build/CHANGES.md`, as the
    release workflow writes it on a fresh checkout)."""
    if not target.parent.is_dir() and target.parent.resolve() != outdir.resolve():  # the build makes outdir
        raise UsageError(f"--changes {target}: the folder {target.parent} does not exist")
    resolved = target.resolve()
    inputs = [*files, root / SETTINGS_FILE, root / LOCK_FILE]
    if settings.corrections_path:
        inputs.append(Path(settings.corrections_path))
    if any(resolved == path.resolve() for path in inputs):
        raise UsageError(f"--changes {target}: this is one of the build's own files; choose another file")
    if resolved.is_relative_to(root.resolve()):
        raise UsageError(f"--changes {target}: this is inside the source folder {root}; write it elsewhere")
    built = outdir.resolve()
    if (resolved.parent == built and resolved.suffix == ".apkg") or resolved.is_relative_to(built / CACHE_DIR.parts[0]):
        raise UsageError(f"--changes {target}: a deck or the cache of this build is written there; choose another file")


def build_timestamp() -> float:
    """`SOURCE_DATE_EPOCH` when set (reproducible builds), else the current time."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or not value.strip():
        return time.time()
    try:
        seconds = int(value)
    except ValueError:
        raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {value!r}") from None
    return float(checked_timestamp(seconds, "SOURCE_DATE_EPOCH"))


def slugify(name: str) -> str:
    """A name without accents, lowercase, words joined by '-' (for file names)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower() or "deck"


def output_name(deck_name: str, chapter_slug: str | None = None) -> str:
    """`<deck>.apkg`, or `<deck>-<chapter slug>.apkg` for one chapter's own package."""
    suffix = f"-{chapter_slug}" if chapter_slug else ""
    return f"{slugify(deck_name)}{suffix}.apkg"


def _leaves_out_chapters(root: Path, files: Sequence[Path]) -> bool:
    """Whether `files` are only some of the chapter files of the project's folder."""
    built = {file.resolve() for file in files}
    try:
        return any(file.resolve() not in built for file in chapter_files_in(root))
    except OSError:
        return True  # cannot tell: take it as partial, which removes nothing


class _NoteChecks:
    """The errors found in the notes so far: a chapter's errors, and keys already taken."""

    def __init__(self) -> None:
        self.errors: list[SourceError] = []
        self.seen: dict[str, Location] = {}

    def passed(self, notes: Sequence[NoteRow | SourceError]) -> bool:
        """Check a chapter's notes; True while no chapter so far had an error."""
        for note in notes:
            problem = note if isinstance(note, SourceError) else duplicate_key(note, self.seen)
            if problem is not None:
                self.errors.append(problem)
        return not self.errors

    def raise_errors(self) -> None:
        if self.errors:
            raise ParseError(self.errors)


class _Packages:
    """The packages a build writes, each beside its target until the build's `stack` closes:
    one for every chapter (named after the chapters built, `part`, when not all are), or one
    per chapter."""

    def __init__(
        self,
        stack: ExitStack,
        outdir: Path,
        deck_name: str,
        titles: Sequence[str],
        stamp: float,
        per_chapter: bool,
        part: str | None,
    ) -> None:
        self.stack, self.outdir, self.deck_name, self.stamp = stack, outdir, deck_name, stamp
        self.per_chapter, self.part = per_chapter, part
        self.all_decks = [chapter_deck_name(deck_name, title) for title in titles]
        self.outputs: list[Path] = []
        self.writer: PackageWriter | None = None

    def writer_for(self, chapter: ChapterNotes) -> PackageWriter:
        """The open package for `chapter`'s notes (closing the previous chapter's, per chapter)."""
        if self.writer is not None and not self.per_chapter:
            return self.writer
        self.finish()
        target = self.outdir / output_name(self.deck_name, chapter.slug if self.per_chapter else self.part)
        archive = self.stack.enter_context(replacing(target))
        decks = [chapter.deck] if self.per_chapter else self.all_decks
        self.writer = PackageWriter(archive, decks, self.stamp, target)
        self.stack.callback(self.writer.discard)
        self.outputs.append(target)
        return self.writer

    def finish(self) -> None:
        if self.writer is not None:
            self.writer.finish()


def _out_of_date(lock_path: Path, plan: Plan) -> LockfileError:
    details = "\n".join(f"  {line}" for line in plan.summary())
    return LockfileError(
        f"{lock_path}: out of date with the notes (build --locked writes nothing):\n{details}\n"
        "  hint: run 'supportcards build' (or make deck) and commit the lockfile"
    )


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


def write_deck(
    cards: Sequence[RenderedCard],
    deck_name: str,
    target: str | Path,
    timestamp: float,
    note_mods: Mapping[str, int] | None = None,
) -> Path:
    """Export rendered cards (any chapters) as one `.apkg` at `target`, atomically.

    Each note is stamped with `note_mods[guid]` when given, else `timestamp`. List cards' items
    are numbered in order (no lockfile here).
    """
    target = Path(target)
    checked_timestamp(timestamp)
    mods = dict(note_mods or {})
    for guid, mod in mods.items():
        if isinstance(mod, bool) or not isinstance(mod, int):
            raise TypeError(f"note_mods[{guid!r}] must be a whole number of seconds, not {type(mod).__name__}")
        checked_timestamp(mod, f"note_mods[{guid!r}]")
    decks = [decks_of(card, deck_name) for card in cards]
    with replacing(target) as archive:
        writer = PackageWriter(archive, decks, timestamp, target)
        try:
            for card, deck in zip(cards, decks, strict=True):
                note = note_row(card, deck_name)
                if note.kind == "cloze":
                    note = number_note(note, {}, 0, lambda fields: "").note
                writer.add(note, deck, mods.get(card.guid, int(timestamp)))
            writer.finish()
        finally:
            writer.discard()
    return target


def decks_of(card: RenderedCard, deck_name: str) -> str:
    """The subdeck a card goes to: its chapter's, under the parent deck."""
    return chapter_deck_name(deck_name, card.chapter.title)
