"""The data that flows between the pipeline stages.

Every stage is a pure function from these frozen values to new ones, so a card can be traced back to
the file and line it came from at any point of the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a source file, for error messages and reports (`path:line`)."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Card:
    """One note as written in the source: a front, a Markdown back, and where they came from.

    `back_line` is the line of the back's first line, so that line `i` of `back` (counting from 0)
    is line `back_line + i` of the file. `cloze` is what `@cloze:` asks for (see `cloze.VALUES`:
    `each`, `overlapping`, `off`, or "" when neither the card nor its file says), `anchor` the
    heading's anchor in the file as GitHub makes it (see `anchors`).
    """

    front: str
    back: str
    location: Location
    back_line: int
    topics: tuple[str, ...] = ()
    id: str | None = None
    reverse: bool = False
    cloze: str = ""
    anchor: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.topics, tuple):  # one topic alone, or a list: a tuple, as the stages expect
            topics = (self.topics,) if isinstance(self.topics, str) else tuple(self.topics)
            object.__setattr__(self, "topics", topics)


@dataclass(frozen=True, slots=True)
class Chapter:
    """One source file: a title (the chapter's subdeck) and its cards, in source order."""

    title: str
    slug: str
    path: str
    cards: tuple[Card, ...]
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Topic:
    """A theme a card can belong to; it becomes the tag `supportcards::theme::<slug>`."""

    slug: str
    label: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Settings:
    """Project-wide settings from `source/supportcards.toml`.

    `cloze` is the way list cards are hidden when no `@cloze:` says otherwise ("" keeps them basic);
    `source_url` the address the cards' links to the notes start with ("" for no link).
    """

    deck_name: str = "supportcards"
    topics: tuple[Topic, ...] = ()
    corrections_path: str | None = None
    cloze: str = ""
    source_url: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    """One edit the normalizer made: which rule, where, and the text before and after."""

    location: Location
    rule: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.location}: {self.rule}: {self.before!r} -> {self.after!r}"


@dataclass(frozen=True, slots=True)
class Finding:
    """Something the proofreader suggests a person look at; `build` never applies it.

    `kind` is what the report shows (`grammar`, `spelling`, or one of supportcards' own checks),
    `rule` the checker's own rule id (for filtering and for remembering an ignored finding).
    `text` is the flagged text as it stands at `location` and `column` (1-based) of the source
    file, `context` the whole line it stands in, and `suggestions` the fixes, best first.
    `context_column` is where `text` starts in `context` (1-based; 0 when not known), which can
    differ from `column` where the normalizer changed the line before it.
    """

    location: Location
    column: int
    kind: str
    rule: str
    message: str
    text: str
    suggestions: tuple[str, ...] = ()
    context: str = ""
    context_column: int = 0

    def __str__(self) -> str:
        fix = f" -> {self.suggestions[0]!r}" if self.suggestions else ""
        return f"{self.location}:{self.column}: {self.kind}: {self.text!r}{fix} ({self.message})"

    @property
    def fingerprint(self) -> str:
        """What identifies this finding when `review` is told to ignore it for good.

        The rule, the flagged text and up to three words on each side, e.g.
        `spelling: la [priorisation] des tickets`: not the line number, so that the finding stays
        ignored when lines are added above it, and readable in `source/corrections.toml`.
        """
        start = self.context_column - 1 if self.context_column else self.context.find(self.text)
        if start < 0 or self.context[start : start + len(self.text)] != self.text:
            return f"{self.rule}: [{self.text}]"
        before = self.context[:start].split()[-3:]
        after = self.context[start + len(self.text) :].split()[:3]
        return " ".join([f"{self.rule}:", *before, f"[{self.text}]", *after])


@dataclass(frozen=True, slots=True)
class MediaFile:
    """An image of a card: its stable name inside the package, and the file it comes from."""

    name: str
    path: str


@dataclass(frozen=True, slots=True)
class RenderedCard:
    """A card ready for Anki: HTML fields plus everything the exporter needs to place and tag it.

    `key` is the card's identity (see `identity.card_key`); `guid` is Anki's GUID made from it.
    `cloze` is "" for a basic note, else the way its items are hidden (`cloze.EACH`,
    `cloze.OVERLAPPING`; `back_html` then holds the items' placeholders). `link` is the address of
    the card's heading in the notes, or "" (see `anchors.source_link`).
    """

    card: Card
    chapter: Chapter
    front_html: str
    back_html: str
    key: str
    guid: str
    tags: tuple[str, ...] = ()
    topic_labels: tuple[str, ...] = ()
    media: tuple[MediaFile, ...] = ()
    cloze: str = ""
    link: str = ""


@dataclass(frozen=True, slots=True)
class Project:
    """All chapters of a source folder with its settings: the input of a build."""

    settings: Settings
    chapters: tuple[Chapter, ...]
    root: str = "."


@dataclass(frozen=True, slots=True)
class NoteRow:
    """A rendered card as the package and the lockfile take it: its Anki note, ready to write.

    A build turns each `RenderedCard` into one; the build cache keeps them, so that a chapter whose
    file did not change goes into the package without being parsed or rendered again.
    `hash` is the note's content hash (see `lock.content_hash`), `front` the normalized front text.
    `kind` is its note type, `basic` or `cloze`; a cloze note's items are numbered by the lockfile
    (`lock.Planner`, `cloze.number_note`).
    """

    key: str
    guid: str
    front: str
    location: Location
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    hash: str
    has_id: bool = False
    media: tuple[MediaFile, ...] = ()
    kind: str = "basic"
