"""List cards: each item of a card's list(s) hidden on its own Anki card, with a number that never moves.

A card with a list breaks SuperMemo's "avoid sets and enumerations": as a basic card, forgetting
one item fails them all. A list card becomes one Anki *cloze* note: the front is the prompt, the
back stays as written, and each item of its list(s) is a cloze deletion `{{cN::item}}` with a card of
its own (Anki's card `N - 1`). Two ways to hide (`@cloze:` value, README "List cards"):

- `each` (`chaque`, the default): the item asked is hidden, the other items stay visible;
- `overlapping` (`chevauchant`): only the item just before the one asked stays visible, the rest is
  hidden (Cloze Overlapper's way, for sequences). Anki shows inactive clozes as
  `<span class="cloze-inactive">`; the note type's CSS hides those that are not right before the
  active one (`templates/card.css`), so one `Text` field serves both ways.

**Numbers.** Anki ties a card's review history to its cloze number, so an item keeps its number for
good: the lockfile records each list card's numbers by the item's key (its text reduced as a front
is, `identity.front_slug`) and the highest number it ever gave (`last`); a new item gets the next
one, a removed one leaves its number unused (its Anki card is empty: Tools > Empty Cards). An item
reworded keeps its number when it ends with `{#N}`.

Rendering marks the items with placeholders, `{{c#N#key::item}}` (`N` empty unless `{#N}`), which
do not depend on the lockfile (so the build cache can keep them, keys included: reducing every
item's text again on each build was most of a rebuild's time); `number_note` gives each its number
when the build meets the lockfile (`lock.Planner`). Braces of the text itself are written as
character references, so that nothing a student writes is read by Anki as cloze markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from html.parser import HTMLParser

from .errors import SourceError
from .identity import front_slug
from .model import Location, NoteRow

EACH = "each"
OVERLAPPING = "overlapping"
MODES = (EACH, OVERLAPPING)

OFF = "off"
"""`@cloze: non`: this card (or file) stays basic even when the settings make list cards cloze cards."""

VALUES = {
    "oui": EACH, "yes": EACH, "true": EACH,
    "chaque": EACH, "each": EACH,
    "chevauchant": OVERLAPPING, "overlapping": OVERLAPPING,
    "non": OFF, "no": OFF, "false": OFF,
}  # fmt: skip
"""What `@cloze:` (and `[cards] cloze`) accept, in French or English."""

_EXPLICIT = re.compile(r"\s*\{#(\d{1,4})\}\s*$")
_PLACEHOLDER = re.compile(r"\{\{c#(\d*)#([a-z0-9-]+)::(.*?)\}\}", re.DOTALL)
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)\}\}", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_LISTS = ("ul", "ol")


@dataclass(frozen=True, slots=True)
class Item:
    """One item of a list card: its key (the text reduced), and the number `{#N}` asks for."""

    key: str
    explicit: int | None = None


class _ItemFinder(HTMLParser):
    """The (start, end) offsets of each top-level list item's own content: after `<li>`, up to a
    nested list or `</li>`. A list inside an item is part of that item."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.lines = [0]
        for line in text.split("\n")[:-1]:
            self.lines.append(self.lines[-1] + len(line) + 1)
        self.stack: list[str] = []
        self.spans: list[list[int]] = []
        self.open_item: list[int] | None = None
        self.feed(text)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "li" and self.stack and self.stack[-1] in _LISTS and "li" not in self.stack:
            start = self._offset() + len(self.get_starttag_text() or "")
            self.open_item = [start, -1]
            self.spans.append(self.open_item)
        elif tag in _LISTS and self.open_item is not None and self.open_item[1] < 0 and self.stack[-1:] == ["li"]:
            self.open_item[1] = self._offset()
        if tag not in ("br", "img", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self.stack.count("li") == 1 and self.open_item is not None:
            if self.open_item[1] < 0:
                self.open_item[1] = self._offset()
            self.open_item = None
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass


def _inner(fragment: str) -> tuple[int, int]:
    """Where an item's text is within its content: inside a first `<p>` (a loose list), trimmed."""
    start, end = 0, len(fragment)
    if fragment.lstrip().startswith("<p>"):
        start = fragment.index("<p>") + 3
        close = fragment.find("</p>", start)
        end = close if close >= 0 else end
    while start < end and fragment[start].isspace():
        start += 1
    while end > start and fragment[end - 1].isspace():
        end -= 1
    return start, end


def item_key(item_html: str) -> str:
    """An item's identity in the lockfile: its text without markup, reduced as a front is."""
    return front_slug(html.unescape(_TAG.sub(" ", item_html)))


def _escape_braces(fragment: str) -> str:
    return fragment.replace("{", "&#123;").replace("}", "&#125;")


def mark_items(back_html: str, location: Location) -> tuple[str, tuple[Item, ...]]:
    """Mark each top-level list item of a rendered back as a numbered-later cloze placeholder.

    Returns the marked HTML and the items in order; no list gives `(back_html, ())`. Two items
    with one text, or two asking for one number, are a `SourceError` at the card.
    """
    spans = [(start, end) for start, end in _ItemFinder(back_html).spans if end >= start]
    if not spans:
        return back_html, ()
    pieces: list[str] = []
    items: list[Item] = []
    position = 0
    for start, end in spans:
        inner_start, inner_end = _inner(back_html[start:end])
        text = back_html[start + inner_start : start + inner_end]
        explicit = _EXPLICIT.search(text)
        number = int(explicit.group(1)) if explicit else None
        if explicit:
            text = text[: explicit.start()]
        if number == 0:
            raise SourceError(location, "an item's number {#N} starts at 1, not 0")
        if not _TAG.sub("", text).strip():
            continue
        items.append(Item(item_key(text), number))
        pieces.append(_escape_braces(back_html[position : start + inner_start]))
        cloze = _escape_braces(text).replace("::", ":&#58;")
        pieces.append(f"{{{{c#{number if number is not None else ''}#{items[-1].key}::{cloze}}}}}")
        position = start + inner_end
    pieces.append(_escape_braces(back_html[position:]))
    _check(items, location)
    return "".join(pieces), tuple(items)


def _check(items: Sequence[Item], location: Location) -> None:
    keys: set[str] = set()
    numbers: set[int] = set()
    for item in items:
        if item.key in keys:
            raise SourceError(
                location, f"two items of this list read the same ({item.key!r})", "each item must be its own card"
            )
        keys.add(item.key)
        if item.explicit is not None:
            if item.explicit in numbers:
                raise SourceError(location, f"two items of this list ask for the number {{#{item.explicit}}}")
            numbers.add(item.explicit)


def placeholder_items(text: str) -> tuple[Item, ...]:
    """The items of a marked `Text` field (see `mark_items`), in order."""
    return tuple(
        Item(match.group(2), int(match.group(1)) if match.group(1) else None) for match in _PLACEHOLDER.finditer(text)
    )


def assign_numbers(items: Sequence[Item], previous: Mapping[str, int], last: int) -> tuple[list[int], int]:
    """Each item's cloze number, and the new highest number ever given.

    `{#N}` wins; an item the lockfile knows keeps its number; a new item gets the next unused one,
    after every number this card ever gave (`last`), so that it never inherits a removed item's card.
    """
    taken = {item.explicit for item in items if item.explicit is not None}
    numbers: list[int | None] = []
    for item in items:
        if item.explicit is not None:
            numbers.append(item.explicit)
        elif item.key in previous and previous[item.key] not in taken:
            numbers.append(previous[item.key])
            taken.add(previous[item.key])
        else:
            numbers.append(None)
    highest = max([last, *taken])
    result: list[int] = []
    for number in numbers:
        if number is None:
            highest += 1
            number = highest
        result.append(number)
    return result, max([highest, *result])


def fill_numbers(text: str, numbers: Sequence[int]) -> str:
    """The marked `Text` field with Anki's cloze markup, the items numbered in order."""
    given = iter(numbers)
    return _PLACEHOLDER.sub(lambda match: f"{{{{c{next(given)}::{match.group(3)}}}}}", text)


@dataclass(frozen=True, slots=True)
class Numbered:
    """A list card's note with its numbers: the note as Anki gets it, item key -> number, and the
    highest number it ever gave."""

    note: NoteRow
    items: dict[str, int]
    last: int


TEXT_FIELD = 1
"""The index of `Text` in the cloze note type's fields (`export.CLOZE_FIELDS`)."""


def number_note(
    note: NoteRow, previous: Mapping[str, int], last: int, content_hash: Callable[[Sequence[str]], str]
) -> Numbered:
    """Give a list card's items their numbers (see `assign_numbers`); `content_hash(fields)` hashes
    the numbered fields for the lockfile."""
    text = note.fields[TEXT_FIELD]
    items = placeholder_items(text)
    numbers, highest = assign_numbers(items, previous, last)
    fields = (*note.fields[:TEXT_FIELD], fill_numbers(text, numbers), *note.fields[TEXT_FIELD + 1 :])
    numbered = replace(note, fields=fields, hash=content_hash(fields))
    return Numbered(numbered, {item.key: number for item, number in zip(items, numbers, strict=True)}, highest)


def cloze_numbers(text: str) -> list[int]:
    """The cloze numbers of a numbered `Text` field, each once, in increasing order."""
    return sorted({int(match.group(1)) for match in _CLOZE.finditer(text) if int(match.group(1)) > 0})


def reveal(text: str, number: int, question: bool) -> str:
    """A numbered `Text` field as Anki's `{{cloze:Text}}` shows card `number` (for the preview).

    The same markup as Anki's: the active item as `<span class="cloze">` (`[...]` on the question),
    the others as `<span class="cloze-inactive">`.
    """

    def one(match: re.Match[str]) -> str:
        ordinal, content = int(match.group(1)), match.group(2)
        if ordinal != number:
            return f'<span class="cloze-inactive" data-ordinal="{ordinal}">{content}</span>'
        if question:
            hidden = "".join(char if char.isascii() and char.isalnum() else f"&#x{ord(char):X};" for char in content)
            return f'<span class="cloze" data-cloze="{hidden}" data-ordinal="{ordinal}">[...]</span>'
        return f'<span class="cloze" data-ordinal="{ordinal}">{content}</span>'

    return _CLOZE.sub(one, text)
