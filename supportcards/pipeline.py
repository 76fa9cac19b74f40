"""The whole pipeline: source folder -> parse -> normalize -> render -> export.

This is what `supportcards build` calls, and what a Python user calls to build a deck in code.
"""

from __future__ import annotations

import os
import re
import time
import unicodedata
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from .errors import LockfileError, ParseError, SourceError, UsageError
from .export import build_package, package_media, write_apkg_file
from .files import replacing
from .identity import card_key, check_unique, guid_for_key
from .lock import LOCK_FILE, plan_build, read_lockfile
from .model import Card, Change, Chapter, Project, RenderedCard, Settings
from .normalize import normalize_project
from .parse import load_project
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
    """What a build wrote and did: the packages, cards per chapter, the normalizer's changes, and
    what changed since the lockfile (`summary`: cards added, changed and removed)."""

    outputs: tuple[Path, ...]
    chapters: tuple[ChapterSummary, ...]
    changes: tuple[Change, ...]
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


def output_name(deck_name: str, chapter: Chapter | None = None) -> str:
    """`<deck>.apkg`, or `<deck>-<chapter>.apkg` for one chapter's own package."""
    suffix = f"-{chapter.slug}" if chapter else ""
    return f"{slugify(deck_name)}{suffix}.apkg"


def card_tags(card: Card, chapter: Chapter) -> tuple[str, ...]:
    """Anki's tag tree: `supportcards::chapitre::02` and one `supportcards::theme::<slug>` per topic."""
    return (f"{TAG_ROOT}::chapitre::{chapter.slug}", *(f"{TAG_ROOT}::theme::{topic}" for topic in card.topics))


def render_card(card: Card, chapter: Chapter, settings: Settings) -> RenderedCard:
    """One normalized card to what the exporter needs: HTML fields, GUID, tags, labels and images."""
    front, front_media = collect_media(card.front, card.location.path, card.location.line)
    back, back_media = collect_media(card.back, card.location.path, card.back_line)
    labels = {topic.slug: topic.label for topic in settings.topics}
    key = card_key(card, chapter)
    return RenderedCard(
        card=card,
        chapter=chapter,
        front_html=render_inline(front),
        back_html=render_markdown(back),
        key=key,
        guid=guid_for_key(key),
        tags=card_tags(card, chapter),
        topic_labels=tuple(labels.get(topic, topic) for topic in card.topics),
        media=front_media + back_media,
    )


def render_project(project: Project) -> tuple[list[RenderedCard], list[Change]]:
    """Normalize and render every card of a project, in source order; report every missing image."""
    normalized, changes = normalize_project(project)
    rendered: list[RenderedCard] = []
    errors: list[SourceError] = []
    for chapter in normalized.chapters:
        for card in chapter.cards:
            try:
                rendered.append(render_card(card, chapter, project.settings))
            except SourceError as error:
                errors.append(error)
    if errors:
        raise ParseError(errors)
    return rendered, list(changes)


def _has_text(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def write_deck(
    cards: Sequence[RenderedCard],
    deck_name: str,
    target: Path,
    timestamp: float,
    note_mods: Mapping[str, int] | None = None,
) -> Path:
    """Export rendered cards (any chapters) as one `.apkg` at `target`, atomically."""
    with replacing(target) as archive:
        _write_deck_file(cards, deck_name, archive, target, timestamp, note_mods)
    return target


def _write_deck_file(
    cards: Sequence[RenderedCard],
    deck_name: str,
    archive: Path,
    target: Path,
    timestamp: float,
    note_mods: Mapping[str, int] | None,
) -> None:
    package = build_package(cards, deck_name)
    write_apkg_file(package, archive, timestamp, note_mods, package_media(cards), name=target)


def build(
    sources: Sequence[str | Path] = ("source",),
    outdir: str | Path = "build",
    *,
    timestamp: float | None = None,
    per_chapter: bool = False,
    locked: bool = False,
    baseline: str | Path | None = None,
) -> BuildResult:
    """Build every chapter of `sources` into one `.apkg` in `outdir` (or one per chapter).

    The lockfile beside the notes gives each note its `mod` and is brought up to date afterwards.
    With `locked`, an out-of-date lockfile is a `LockfileError` and nothing is written.
    `summary` lists the cards added, changed and removed since the lockfile, or since `baseline`
    (another lockfile, e.g. the previous release's) when given.
    """
    project = load_project(sources)
    rendered, changes = render_project(project)
    check_unique(rendered)
    stamp = build_timestamp() if timestamp is None else timestamp
    deck_name = project.settings.deck_name
    lock_path = Path(project.root) / LOCK_FILE
    plan = plan_build(rendered, read_lockfile(lock_path), stamp, deck_name)
    if locked and not plan.up_to_date:
        details = "\n".join(f"  {line}" for line in plan.summary())
        raise LockfileError(
            f"{lock_path}: out of date with the notes (build --locked writes nothing):\n{details}\n"
            "  hint: run 'supportcards build' (or make deck) and commit the lockfile"
        )
    jobs = [(Path(outdir) / output_name(deck_name), rendered)]
    if per_chapter:
        by_chapter: dict[str, list[RenderedCard]] = {}
        for card in rendered:
            by_chapter.setdefault(card.chapter.path, []).append(card)
        jobs = [(Path(outdir) / output_name(deck_name, cards[0].chapter), cards) for cards in by_chapter.values()]
    lock_text = plan.lockfile.dumps()
    lock_changed = not _has_text(lock_path, lock_text)
    # Every file is written beside its target first and renamed into place only once all are
    # written: a failure or an interruption leaves the previous decks and lockfile as they were.
    with ExitStack() as stack:
        if lock_changed:
            stack.enter_context(replacing(lock_path)).write_text(lock_text, encoding="utf-8")
        for target, cards in jobs:
            _write_deck_file(cards, deck_name, stack.enter_context(replacing(target)), target, stamp, plan.mods)
    outputs = [target for target, _ in jobs]
    if baseline is not None:
        plan = plan_build(rendered, read_lockfile(Path(baseline)), stamp, deck_name)
    summaries = tuple(ChapterSummary(chapter.title, chapter.path, len(chapter.cards)) for chapter in project.chapters)
    return BuildResult(
        outputs=tuple(outputs),
        chapters=summaries,
        changes=tuple(changes),
        summary=tuple(plan.summary()),
        lockfile=lock_path,
        lockfile_written=lock_changed,
    )
