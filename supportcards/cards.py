"""Cards to what the exporter needs: each normalized, rendered, and given its identity and tags.

`render_card` does one card; `render_project` and `iter_rendered` do a whole project in source
order, taking what the render cache has and handing large amounts to worker processes (`workers`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace

from .anchors import source_link
from .cache import RenderCache, Rendered, with_text
from .cloze import MODES, mark_items
from .errors import ParseError, SourceError
from .identity import card_key, guid_for_key
from .model import Card, Change, Chapter, MediaFile, Project, RenderedCard, Settings
from .normalize import Normalizer, normalize_card, project_normalizer
from .render import check_brackets, check_nesting, check_tex, collect_media, render_inline, render_markdown

TAG_ROOT = "supportcards"

PARALLEL_FROM = 1500
"""Below this many cards, starting worker processes costs more than it saves."""

Progress = Callable[[int, int], None]
"""Called as cards are done: (cards done since the last call, total cards)."""

Outcome = tuple["RenderedCard | SourceError", tuple[Change, ...]]
Work = tuple[Card, "str | None", "str | None", tuple[MediaFile, ...], "SourceError | None", tuple[Change, ...]]
"""What rendering a card gives, small enough to come back from a worker process: the normalized
card, its HTML and images, or its error, and the normalizer's changes."""


def card_tags(card: Card, chapter: Chapter) -> tuple[str, ...]:
    """Anki's tag tree: `supportcards::chapitre::02` and one `supportcards::theme::<slug>` per topic."""
    return (f"{TAG_ROOT}::chapitre::{chapter.slug}", *(f"{TAG_ROOT}::theme::{topic}" for topic in card.topics))


def render_card(card: Card, chapter: Chapter, settings: Settings) -> RenderedCard:
    """One normalized card to what the exporter needs: HTML fields, GUID, tags, labels and images."""
    card = with_cloze_mode(card, settings)
    front_html, back_html, media = card_html(card)
    return assemble_card(card, chapter, settings, front_html, back_html, media)


def with_cloze_mode(card: Card, settings: Settings) -> Card:
    """The card with the way its list is hidden settled: its own `@cloze:`, else its file's, else the
    settings' `[cards] cloze`; "" for a basic card."""
    mode = card.cloze or settings.cloze
    mode = mode if mode in MODES else ""
    return card if mode == card.cloze else replace(card, cloze=mode)


def card_html(card: Card) -> tuple[str, str, tuple[MediaFile, ...]]:
    """A normalized card's front and back as sanitized HTML, and its images (SourceError if missing).

    A list card's items are marked for cloze numbers (`cloze.mark_items`); a list card without a
    list stays basic.
    """
    front, front_media = collect_media(card.front, card.location.path, card.location.line)
    back, back_media = collect_media(card.back, card.location.path, card.back_line)
    check_nesting(back, card.location.path, card.back_line)
    check_brackets(front, card.location.path, card.location.line)
    check_brackets(back, card.location.path, card.back_line)
    front_html, back_html = render_inline(front), render_markdown(back)
    check_tex(front_html, card.front, card.location.path, card.location.line)
    check_tex(back_html, card.back, card.location.path, card.back_line)
    if card.cloze in MODES:
        back_html = mark_items(back_html, card.location)[0]
    return front_html, back_html, front_media + back_media


def card_work(card: Card, normalizer: Normalizer) -> Work:
    """The expensive part of a card: normalize, resolve images, render and sanitize."""
    fixed, changes = normalize_card(card, normalizer)
    try:
        front_html, back_html, media = card_html(fixed)
    except SourceError as error:
        return fixed, None, None, (), error, changes
    return fixed, front_html, back_html, media, None, changes


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
    cloze = card.cloze if is_list_card(back_html) else ""
    return RenderedCard(
        card=card,
        chapter=chapter,
        front_html=front_html,
        back_html=back_html,
        key=key,
        guid=guid_for_key(key, "cloze" if cloze else "basic"),
        tags=card_tags(card, chapter),
        topic_labels=tuple(labels.get(topic, topic) for topic in card.topics),
        media=media,
        cloze=cloze,
        link=source_link(settings.source_url, card.location.path, card.anchor) if settings.source_url else "",
    )


def is_list_card(back_html: str) -> bool:
    """Whether a rendered back holds cloze placeholders (see `cloze.mark_items`)."""
    return "{{c#" in back_html


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
        (with_cloze_mode(card, project.settings), light)
        for chapter in project.chapters
        for light in [replace(chapter, cards=())]
        for card in chapter.cards
    ]
    total = len(units)
    count = workers if workers is not None else (os.cpu_count() or 1)
    hits = [cache.get(card) if cache is not None else None for card, _ in units]
    pending = [card for (card, _), hit in zip(units, hits, strict=True) if hit is None]
    report(total - len(pending), total)
    computed: Iterator[Work]
    if count > 1 and len(pending) >= PARALLEL_FROM:
        from .workers import render_in_parallel  # process pools load only for a large build

        computed = render_in_parallel(pending, project.settings, count, lambda done: report(done, total))
    else:
        normalizer = project_normalizer(project)
        computed = (_reported(card_work(card, normalizer), report, total) for card in pending)
    for (card, chapter), hit in zip(units, hits, strict=True):
        if hit is not None:
            fixed = assemble_card(with_text(card, hit), chapter, project.settings, hit.front_html, hit.back_html)
            yield fixed, hit.changes
            continue
        outcome = _outcome(next(computed), chapter, project.settings)
        rendered_card, found = outcome
        if cache is not None and isinstance(rendered_card, RenderedCard):
            fixed_card = rendered_card.card
            cache.put(
                card,
                Rendered(fixed_card.front, fixed_card.back, found, rendered_card.front_html, rendered_card.back_html),
            )
        yield outcome


def _reported(work: Work, report: Progress, total: int) -> Work:
    report(1, total)
    return work


def _outcome(work: Work, chapter: Chapter, settings: Settings) -> Outcome:
    fixed, front_html, back_html, media, error, changes = work
    if error is not None or front_html is None or back_html is None:
        return error or SourceError(fixed.location, "could not render this card"), changes
    return assemble_card(fixed, chapter, settings, front_html, back_html, media), changes
