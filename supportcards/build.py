"""The whole pipeline: source folder -> parse -> normalize -> render -> export.

This is what `supportcards build` calls, and what a Python user calls to build a deck in code.
"""

from __future__ import annotations

import os
import re
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError
from .export import build_package, write_apkg
from .identity import card_key, guid_for_key
from .model import Change, Project, RenderedCard
from .normalize import normalize_project
from .parse import load_project
from .render import render_inline, render_markdown


@dataclass(frozen=True)
class ChapterSummary:
    """How many cards a chapter gave, for the build report."""

    title: str
    path: str
    cards: int


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote and did: the packages, cards per chapter, and the normalizer's changes."""

    outputs: tuple[Path, ...]
    chapters: tuple[ChapterSummary, ...]
    changes: tuple[Change, ...]

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


def output_name(deck_name: str) -> str:
    """A file name for a deck: its name without accents, lowercase, words joined by '-'."""
    plain = unicodedata.normalize("NFKD", deck_name).encode("ascii", "ignore").decode()
    return (re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower() or "deck") + ".apkg"


def render_project(project: Project) -> tuple[list[RenderedCard], list[Change]]:
    """Normalize and render every card of a project, in source order."""
    normalized, changes = normalize_project(project)
    rendered: list[RenderedCard] = []
    for chapter in normalized.chapters:
        for card in chapter.cards:
            rendered.append(
                RenderedCard(
                    card=card,
                    chapter=chapter,
                    front_html=render_inline(card.front),
                    back_html=render_markdown(card.back),
                    key=guid_for_key(card_key(card, chapter)),
                )
            )
    return rendered, list(changes)


def build(
    sources: Sequence[str | Path] = ("source",),
    outdir: str | Path = "build",
    *,
    timestamp: float | None = None,
) -> BuildResult:
    """Build one `.apkg` holding every chapter of `sources` into `outdir`."""
    project = load_project(sources)
    rendered, changes = render_project(project)
    stamp = build_timestamp() if timestamp is None else timestamp
    package = build_package(rendered, project.settings.deck_name)
    target = write_apkg(package, Path(outdir) / output_name(project.settings.deck_name), stamp)
    summaries = tuple(ChapterSummary(chapter.title, chapter.path, len(chapter.cards)) for chapter in project.chapters)
    return BuildResult(outputs=(target,), chapters=summaries, changes=tuple(changes))
