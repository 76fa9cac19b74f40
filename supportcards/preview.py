"""Preview: every card as Anki will show it, in one self-contained HTML page.

Cards are rendered with the note type's own templates and CSS (`templates/`), grouped by chapter
and topic, with a light/dark switch, a search box and, under each card, the normalizer's
corrections (rule, line, before and after). The page loads nothing from the network: images are
embedded, and its small script only filters and switches the theme.
"""

from __future__ import annotations

import base64
import bisect
import html
import mimetypes
import re
from collections import defaultdict
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from .cloze import cloze_numbers, number_note, reveal
from .errors import LockfileError, SourceError
from .export import CLOZE_FIELDS, FIELDS, note_fields
from .lock import LOCK_FILE, Lockfile, note_row, read_lockfile
from .media import image_bytes
from .model import Change, Project, RenderedCard

_SECTION = re.compile(r"\{\{#(\w+)\}\}(.*?)\{\{/\1\}\}", re.DOTALL)
_FIELD = re.compile(r"\{\{(?:cloze:)?(\w+)\}\}")
_PLACE = re.compile(r"\{\{(CSS|TITLE|COUNT|CORRECTIONS|CARDS)\}\}")


def fill_template(template: str, fields: Mapping[str, str]) -> str:
    """Fill an Anki template the way Anki does for what ours use: `{{Field}}`, `{{#Field}}...{{/Field}}`
    and `{{cloze:Field}}` (given here already revealed for one card, see `cloze.reveal`)."""
    template = _SECTION.sub(lambda match: match.group(2) if fields.get(match.group(1), "").strip() else "", template)
    return _FIELD.sub(lambda match: fields.get(match.group(1), ""), template)


def _resource(name: str) -> str:
    return resources.files("supportcards").joinpath("templates", name).read_text(encoding="utf-8")


def card_panels(card: RenderedCard, lockfile: Lockfile | None = None) -> list[tuple[int, str, str]]:
    """Each Anki card of a note as (card number, front, back): one for a basic card (its "Recto"),
    one per item for a list card, numbered as the lockfile numbers them."""
    if not card.cloze:
        return [(1, *card_sides(card))]
    entry = (lockfile or Lockfile()).by_key().get(card.key)
    known = entry if entry is not None and entry.kind == "cloze" else None
    note = number_note(
        note_row(card, ""), dict(known.items) if known else {}, known.last if known else 0, lambda _: ""
    ).note
    fields = dict(zip(CLOZE_FIELDS, note.fields, strict=True))
    text = fields["Text"]
    panels = []
    for number in cloze_numbers(text):
        front = fill_template(_resource("cloze-front.html"), {**fields, "Text": reveal(text, number, question=True)})
        back = fill_template(_resource("cloze-back.html"), {**fields, "Text": reveal(text, number, question=False)})
        panels.append((number, _embed_media(front, card), _embed_media(back, card)))
    return panels


def card_sides(card: RenderedCard) -> tuple[str, str]:
    """The front and back of a card's first ("Recto") card, as Anki renders them."""
    fields = dict(zip(FIELDS, note_fields(card), strict=True))
    front = fill_template(_resource("recto-front.html"), fields)
    back = fill_template(_resource("recto-back.html"), {**fields, "FrontSide": front})
    return _embed_media(front, card), _embed_media(back, card)


def _embed_media(fragment: str, card: RenderedCard) -> str:
    for media in card.media:
        kind = mimetypes.guess_type(media.path)[0] or "application/octet-stream"
        try:
            data = base64.b64encode(image_bytes(media)).decode()
        except OSError as error:
            raise SourceError(
                card.card.location, f"cannot use the image {media.path} ({error.strerror or error})"
            ) from None
        fragment = fragment.replace(f'src="{media.name}"', f'src="data:{kind};base64,{data}"')
    return fragment


def _change_item(change: Change) -> str:
    where = f'<span class="where">ligne {change.location.line}</span>'
    rule = f'<span class="rule">{html.escape(change.rule)}</span>'
    return f"<li>{where} {rule} <del>{html.escape(change.before)}</del> → <ins>{html.escape(change.after)}</ins></li>"


def preview_page(project: Project, cards: list[RenderedCard], changes: list[Change]) -> str:
    """The whole preview page for rendered cards and the normalizer's changes."""
    try:
        lockfile = read_lockfile(Path(project.root) / LOCK_FILE)
    except LockfileError:
        lockfile = Lockfile()  # the preview numbers list items afresh; build reports the lockfile
    labels = {topic.slug: topic.label for topic in project.settings.topics}
    by_card: dict[tuple[str, int], list[Change]] = defaultdict(list)
    starts: dict[str, list[int]] = defaultdict(list)
    for card in cards:
        starts[card.card.location.path].append(card.card.location.line)
    for lines in starts.values():
        lines.sort()
    for change in changes:
        lines = starts.get(change.location.path, [])
        index = bisect.bisect_right(lines, change.location.line) - 1
        if index >= 0:
            by_card[(change.location.path, lines[index])].append(change)
    sections: list[str] = []
    chapters: dict[str, list[RenderedCard]] = {}
    for card in cards:
        chapters.setdefault(card.chapter.title, []).append(card)
    for title, chapter_cards in chapters.items():
        topics: dict[str, list[RenderedCard]] = {}
        for card in chapter_cards:
            topic = card.card.topics[0] if card.card.topics else ""
            topics.setdefault(topic, []).append(card)
        parts = [f'<section class="chapter"><h2>{html.escape(title)}</h2>']
        for topic, topic_cards in topics.items():
            label = labels.get(topic, topic) or "Sans thème"
            parts.append(f'<section class="topic"><h3>{html.escape(label)}</h3>')
            for card in topic_cards:
                sides = "".join(
                    f'<div class="sides"{f" data-cloze={number}" if card.cloze else ""}>'
                    f'<div class="card side">{front}</div><div class="card side">{back}</div></div>'
                    for number, front, back in card_panels(card, lockfile)
                )
                found = by_card.get((card.card.location.path, card.card.location.line), [])
                corrections = (
                    f'<details class="corrections"><summary>{len(found)} correction{"s" if len(found) > 1 else ""}'
                    f"</summary><ul>{''.join(_change_item(change) for change in found)}</ul></details>"
                    if found
                    else '<p class="corrections none">Aucune correction</p>'
                )
                searchable = html.escape(
                    " ".join([card.card.front, card.card.back, card.chapter.title, *card.topic_labels]).lower()
                )
                parts.append(
                    f'<article class="entry" data-search="{searchable}">'
                    f'<p class="source">{html.escape(str(card.card.location))}</p>'
                    f"{sides}{corrections}</article>"
                )
            parts.append("</section>")
        parts.append("</section>")
        sections.append("".join(parts))
    places = {
        "CSS": _resource("card.css"),
        "TITLE": html.escape(project.settings.deck_name),
        "COUNT": str(len(cards)),
        "CORRECTIONS": str(len(changes)),
        "CARDS": "\n".join(sections),
    }
    # One pass: a deck name or a card that reads "{{CARDS}}" is text, not a place to fill.
    return _PLACE.sub(lambda match: places[match.group(1)], _resource("preview.html"))


def build_preview(sources: list[str] | tuple[str, ...], output: str | Path) -> tuple[Path, int, int]:
    """Write the preview of `sources` to `output` atomically; return the path, cards and corrections."""
    from .files import write_atomically
    from .parse import load_project
    from .pipeline import render_project

    project = load_project(list(sources) or ["source"])
    cards, changes = render_project(project)
    target = Path(output)
    write_atomically(target, preview_page(project, cards, changes).encode("utf-8"))
    return target, len(cards), len(changes)
