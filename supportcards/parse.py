"""Parser: source files (`source/*.md`) to `Chapter` and `Card` values.

A source file is Markdown with a few conventions:

- line 1 is `# Title`, the chapter's title (its subdeck in Anki);
- each `## Heading` starts a card: the heading is the front, everything up to the next `##` the back;
- metadata lines `@key: value` may follow the title (defaults for the whole file) or a card's heading
  (that card only). They never reach a card. Keys: `topics` and `cloze` (file or card), `id` and
  `reverse` (card).

The parser keeps the student's text exactly as written (only line endings and a BOM are undone);
fixing it is the normalizer's job. It reports every problem of a file at once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from .anchors import heading_anchors, is_web_address
from .checks import Paths, path_list, toml_table
from .cloze import MODES as CLOZE_MODES
from .cloze import VALUES as CLOZE_VALUES
from .errors import ParseError, SettingsError, SourceError
from .model import Card, Chapter, Location, Project, Settings, Topic
from .reading import check_regular_file, read_regular_file

SETTINGS_FILE = "supportcards.toml"
CORRECTIONS_FILE = "corrections.toml"

# CommonMark's ATX closing sequence: '#'s after a space (or the heading's only text), so that
# "## Le langage C#" keeps its '#' and "## Titre ##" loses them.
_TITLE = re.compile(r"^#\s+(?P<text>.*?)\s*(?:(?<=\s)#+)?\s*$")
_CARD = re.compile(r"^##(?!#)\s*(?P<text>.*?)\s*(?:(?<=\s)#+)?\s*$")
_FENCE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})")
_META = re.compile(r"^@(?P<key>[\w-]+)\s*:\s*(?P<value>.*?)\s*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)?$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+\S")

FILE_KEYS = ("topics", "cloze")
CARD_KEYS = ("topics", "id", "reverse", "cloze")
_YES = {"yes": True, "oui": True, "true": True, "no": False, "non": False, "false": False}


def decode_source(data: bytes, path: str) -> str:
    """Bytes of a source file to text with `\\n` line endings, or a `SourceError` saying why not."""
    if b"\x00" in data:
        raise SourceError(Location(path, 1), "this is a binary file, not a text file of notes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise SourceError(
            Location(path, line),
            "this file is not UTF-8 text",
            hint="re-save it as UTF-8 (in most editors: Save As, encoding UTF-8)",
            column=column,
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = CONTROL_CHARACTER.search(text)
    if control:
        raise control_character_error(text, control.start(), path)
    return text


CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
"""Characters no note may hold: C0 controls but tab and line breaks, DEL, C1 controls, the
noncharacters U+FFFE and U+FFFF, lone surrogates. Anki separates a note's fields with U+001F, so one
in a card makes a note Anki refuses (`note has 9 fields, expected 6`); the others are invisible in
an editor and mean a damaged copy-paste."""


def control_character_error(text: str, offset: int, path: str) -> SourceError:
    """A `SourceError` at the control character at `offset` of a file's `text`, counting the others."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    others = len(CONTROL_CHARACTER.findall(text)) - 1
    more = f" (and {others} more in this file)" if others else ""
    return SourceError(
        Location(path, line),
        f"control character U+{ord(text[offset]):04X} in the text{more}",
        hint=CONTROL_HINT,
        column=column,
    )


CONTROL_HINT = "delete it (a damaged copy-paste?): Anki refuses notes that hold control characters"


def check_setting_text(value: str, what: str, location: Location) -> str:
    """`value` (a deck name, a label) if it holds no control character, else a `SettingsError`
    (TOML lets one in as an escape, e.g. "\\u001f")."""
    control = CONTROL_CHARACTER.search(value)
    if control:
        raise SettingsError(location, f"{what} holds the control character U+{ord(control.group()):04X}", CONTROL_HINT)
    return value


_NAME_CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
"""`CONTROL_CHARACTER`, and also tab and line breaks, which no file name needs."""


def file_name_problem(path: str | Path) -> SourceError | None:
    """The error to raise if a chapter file's name holds a control character (a newline would break
    every `path:line` message and the card's tags), else None."""
    control = _NAME_CONTROL_CHARACTER.search(Path(path).name)
    if not control:
        return None
    message = f"this file's name holds the control character U+{ord(control.group()):04X}"
    # The name is shown with its control characters spelled out: printed as they are, a newline
    # would split the message and an escape sequence would drive the terminal.
    shown = _NAME_CONTROL_CHARACTER.sub(lambda found: f"\\u{ord(found.group()):04x}", str(path))
    return SourceError(Location(shown, 1), message, "rename it: its name is part of every card")


def read_source(path: str | Path) -> str:
    """Read one source file as text, turning OS errors into a `SourceError` at line 1.

    Only a regular file of at most `reading.MAX_FILE_BYTES` is read (a FIFO would hang the build,
    `/dev/zero` fill the memory: see `reading`).
    """
    name_problem = file_name_problem(path)
    if name_problem:
        raise name_problem
    try:
        data = read_regular_file(path)
    except OSError as error:
        raise SourceError(Location(str(path), 1), f"cannot read this file ({error.strerror})") from None
    return decode_source(data, str(path))


def chapter_slug(path: str) -> str:
    """A chapter's short, stable name: its number padded to two digits, else its file name.

    It is part of every card's identity and tag, so it depends on nothing a user edits in the text.
    """
    stem = Path(path).stem
    number = re.search(r"\d+", stem)
    if number:
        return f"{int(number.group()):02d}"
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "chapitre"


def parse_chapter(text: str, path: str, known_topics: Collection[str] | None = None) -> Chapter:
    """Parse one source file's text into a `Chapter`; raise `ParseError` listing every problem.

    With `known_topics`, a topic that is not among them is an error (with a "did you mean").
    """
    lines = text.split("\n")
    errors: list[SourceError] = []

    def error(line: int, message: str, hint: str | None = None) -> None:
        errors.append(SourceError(Location(path, line), message, hint))

    if not text.strip():
        raise ParseError([SourceError(Location(path, 1), "empty file: expected '# Title' then '## ' cards")])

    title_match = _TITLE.match(lines[0])
    title = title_match.group("text") if title_match else ""
    if not title_match or _CARD.match(lines[0]):
        error(1, "the first line must be the chapter title, written '# Title'")
    elif not title:
        error(1, "the chapter title is empty")

    index = 1
    file_meta, index = _read_metadata(lines, index, path, FILE_KEYS, errors)
    file_topics = _topics(file_meta.get("topics"), known_topics, path, errors)
    file_cloze = _cloze(file_meta.get("cloze"), path, errors)
    anchors = heading_anchors(lines)

    cards: list[Card] = []
    blocks = list(_card_blocks(lines, index))
    stray = [n for n in range(index, blocks[0][0] if blocks else len(lines)) if lines[n].strip()]
    if stray:
        error(
            stray[0] + 1,
            "text before the first card belongs to no card",
            "start each card with a '## ' heading (its front)",
        )
    if not blocks:
        error(1, "no card in this file", "start each card with a '## ' heading (its front)")

    for start, end in blocks:
        front = _CARD.match(lines[start]).group("text")  # type: ignore[union-attr]
        line = start + 1
        if not front:
            error(line, "a card heading '##' has no front text")
        elif len(front) > MAX_FRONT_CHARS:
            error(
                line,
                f"this card's front is {len(front):,} characters long; a front holds at most {MAX_FRONT_CHARS:,}",
                "a front is a term or a question: put the rest in the answer",
            )
        meta, body_start = _read_metadata(lines, start + 1, path, CARD_KEYS, errors)
        body = lines[body_start:end]
        while body and not body[0].strip():
            body.pop(0)
            body_start += 1
        while body and not body[-1].strip():
            body.pop()
        back_length = sum(len(text) + 1 for text in body) - 1
        if back_length > MAX_BACK_CHARS:
            error(
                body_start + 1,
                f"this card's answer is {back_length:,} characters long; an answer holds at most {MAX_BACK_CHARS:,}",
                "split it into several cards",
            )
        if not body:
            error(line, f"the card {front!r} has no answer", "write its answer on the lines below the '## ' heading")
        card_id = meta.get("id")
        if card_id is not None and not _ID.match(card_id[0]):
            error(card_id[1], f"invalid id {card_id[0]!r}", "use lowercase ASCII letters, digits, '-' and '_'")
            card_id = None
        reverse = meta.get("reverse")
        reverse_value = False
        if reverse is not None:
            if reverse[0].lower() not in _YES:
                error(reverse[1], f"@reverse takes yes or no, not {reverse[0]!r}")
            else:
                reverse_value = _YES[reverse[0].lower()]
        topics = _topics(meta.get("topics"), known_topics, path, errors)
        cloze = _cloze(meta.get("cloze"), path, errors)
        if cloze in CLOZE_MODES and body and not any(_LIST_ITEM.match(text) for text in body):
            error(
                meta["cloze"][1],
                f"@cloze: {meta['cloze'][0]} makes a list card, but this answer has no list",
                "write its items as '- item' or '1. item' lines, or remove the @cloze line",
            )
        cards.append(
            Card(
                front=front,
                back="\n".join(body),
                location=Location(path, line),
                back_line=body_start + 1,
                topics=topics if topics else file_topics,
                id=card_id[0] if card_id else None,
                reverse=reverse_value,
                cloze=cloze or file_cloze,
                anchor=anchors.get(start, ""),
            )
        )

    if errors:
        raise ParseError(errors)
    return Chapter(title=title, slug=chapter_slug(path), path=path, cards=tuple(cards), topics=file_topics)


MAX_FRONT_CHARS = 500
"""The longest front (its heading's text). The student's fronts hold up to 95 characters, the
benchmark's 61; a longer one is a paragraph lost in a heading. Past a few thousand characters the
proofreader takes minutes over one line (100,000 hung `lint`)."""
MAX_BACK_CHARS = 20_000
"""The longest answer, in characters: the student's longest holds 772, the benchmark's 274. Python-Markdown
takes seconds over one long line (1 MB: 13 s), and a card is read on a phone screen."""


def _card_blocks(lines: list[str], start: int) -> Iterable[tuple[int, int]]:
    """(first, end) line indexes of each card; a '##' inside a fenced code block starts none."""
    heads = []
    fence: str | None = None
    for n in range(start, len(lines)):
        opened = _FENCE.match(lines[n])
        if opened:
            marker = opened.group("fence")
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is None and _CARD.match(lines[n]):
            heads.append(n)
    for i, head in enumerate(heads):
        yield head, heads[i + 1] if i + 1 < len(heads) else len(lines)


def _read_metadata(
    lines: list[str], index: int, path: str, allowed: Sequence[str], errors: list[SourceError]
) -> tuple[dict[str, tuple[str, int]], int]:
    """Read the `@key: value` lines starting at `index`; return them (value, line) and the next index."""
    found: dict[str, tuple[str, int]] = {}
    while index < len(lines):
        match = _META.match(lines[index].strip())
        if not match:
            break
        key, value, line = match.group("key").lower(), match.group("value"), index + 1
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"did you mean '@{close[0]}'?" if close else f"known keys here: {', '.join(allowed)}"
            errors.append(SourceError(Location(path, line), f"unknown metadata key '@{key}'", hint))
        elif key in found:
            errors.append(SourceError(Location(path, line), f"'@{key}' is given twice (first on line {found[key][1]})"))
        else:
            found[key] = (value, line)
        index += 1
    return found, index


def _cloze(entry: tuple[str, int] | None, path: str, errors: list[SourceError]) -> str:
    """What `@cloze:` asks for (`cloze.VALUES`), or "" when it is not given."""
    if entry is None:
        return ""
    value, line = entry
    mode = CLOZE_VALUES.get(value.strip().lower())
    if mode is None:
        errors.append(
            SourceError(
                Location(path, line),
                f"@cloze takes oui, non, chaque or chevauchant, not {value!r}",
                "oui (or chaque): one card per item, the others shown; chevauchant: the item before shown, "
                "the rest hidden; non: a basic card",
            )
        )
        return ""
    return mode


def _topics(
    entry: tuple[str, int] | None, known: Collection[str] | None, path: str, errors: list[SourceError]
) -> tuple[str, ...]:
    if entry is None:
        return ()
    value, line = entry
    topics = tuple(dict.fromkeys(part for part in re.split(r"[,\s]+", value) if part))
    for topic in topics:
        if known is not None and topic not in known:
            close = difflib.get_close_matches(topic, sorted(known), n=1, cutoff=0.5)
            hint = f"did you mean '{close[0]}'?" if close else None
            listed = ", ".join(sorted(known)) or "none yet"
            errors.append(
                SourceError(
                    Location(path, line),
                    f"unknown topic '{topic}' (topics of {SETTINGS_FILE}: {listed})",
                    hint or f"declare it in {SETTINGS_FILE} as [topics.{topic}] with a label",
                )
            )
    return topics


def load_settings(directory: str | Path) -> Settings:
    """Read `supportcards.toml` from a source folder; a missing file means the defaults."""
    path = Path(directory) / SETTINGS_FILE
    if not path.exists():
        return Settings(corrections_path=_corrections_table(Path(directory) / CORRECTIONS_FILE))
    text = read_source(path)
    data = toml_table(text, str(path))
    location = Location(str(path), 1)
    deck = data.get("deck", {})
    if not isinstance(deck, dict):
        raise SettingsError(location, "[deck] must be a table")
    name = deck.get("name", Settings().deck_name)
    if not isinstance(name, str) or not name.strip():
        raise SettingsError(location, "deck.name must be a non-empty string")
    check_setting_text(name, "deck.name", location)
    topics = []
    raw_topics = data.get("topics", {})
    if not isinstance(raw_topics, dict):
        raise SettingsError(location, "[topics] must be a table of [topics.<slug>] tables")
    for slug, entry in raw_topics.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("label"), str):
            raise SettingsError(location, f'topic {slug!r} needs a label, e.g. label = "Service Level Agreement"')
        if not _SLUG.match(slug):
            raise SettingsError(location, f"topic slug {slug!r} must use lowercase letters, digits, '-' and '_'")
        label = check_setting_text(entry["label"], f"topics.{slug}.label", location)
        description = check_setting_text(str(entry.get("description", "")), f"topics.{slug}.description", location)
        topics.append(Topic(slug=slug, label=label, description=description))
    corrections = data.get("corrections")
    if corrections is not None and not isinstance(corrections, str):
        raise SettingsError(location, 'corrections must be a file name, e.g. corrections = "corrections.toml"')
    table = Path(directory) / (corrections or CORRECTIONS_FILE)
    if corrections and not table.exists():
        raise SettingsError(location, f"corrections file {str(table)!r} does not exist")
    return Settings(
        deck_name=name.strip(),
        topics=tuple(topics),
        corrections_path=_corrections_table(table),
        cloze=_settings_cloze(data.get("cards", {}), location),
        source_url=_settings_source_url(
            data.get("source", {}), Location(str(path), _line_of_key(text, "source", "url"))
        ),
    )


def _settings_cloze(cards: object, location: Location) -> str:
    """`[cards] cloze`: how list cards are hidden when no `@cloze:` says ("lists" or "oui": one card
    per item; "chevauchant": overlapping; "non" or nothing: list cards stay basic)."""
    if not isinstance(cards, dict):
        raise SettingsError(location, "[cards] must be a table")
    value = cards.get("cloze", "non")
    mode = CLOZE_VALUES.get(value.strip().lower()) if isinstance(value, str) else None
    if isinstance(value, str) and value.strip().lower() in ("lists", "listes"):
        mode = CLOZE_VALUES["oui"]
    if mode is None:
        raise SettingsError(location, f'[cards] cloze takes "lists", "chevauchant" or "non", not {value!r}')
    return "" if mode == CLOZE_VALUES["non"] else mode


def _line_of_key(text: str, table: str, key: str) -> int:
    """The line of `key = ...` in `[table]` of a TOML text (1 if not found: a dotted or inline form)."""
    in_table = False
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = re.fullmatch(rf"\[\s*{re.escape(table)}\s*\](\s*#.*)?", stripped) is not None
        elif in_table and re.match(rf"{re.escape(key)}\s*=", stripped):
            return number
    return 1


def _settings_source_url(source: object, location: Location) -> str:
    """`[source] url`: where the notes are online, e.g. https://github.com/OWNER/REPO/blob/main/source/"""
    if not isinstance(source, dict):
        raise SettingsError(location, "[source] must be a table")
    url = source.get("url", "")
    if not isinstance(url, str):
        raise SettingsError(
            location, 'source.url must be a string, e.g. "https://github.com/OWNER/REPO/blob/main/source/"'
        )
    control = _NAME_CONTROL_CHARACTER.search(url)
    if control:
        raise SettingsError(
            location, f"source.url holds the control character U+{ord(control.group()):04X}", CONTROL_HINT
        )
    if url.strip() and not is_web_address(url.strip()):
        raise SettingsError(location, f"source.url must be an http:// or https:// address, not {url!r}")
    return url.strip()


def _corrections_table(table: Path) -> str | None:
    """The corrections table's path if there is one; one that is not a regular file of at most
    `reading.MAX_FILE_BYTES` (a FIFO, a device) is a `SettingsError` before anything reads it."""
    if not table.exists():
        return None
    try:
        check_regular_file(table)
    except OSError as error:
        raise SettingsError(Location(str(table), 1), f"cannot read this file ({error.strerror})") from None
    return str(table)


def chapter_files_in(folder: Path) -> list[Path]:
    """A folder's chapter files: its `*.md` files in name order, hidden ones left out (an editor's
    lock or backup, `.#chapitre-01.md`, is not a chapter). Raises `OSError` if it cannot be listed."""
    return sorted(path for path in folder.glob("*.md") if not path.name.startswith("."))


def source_files(sources: Sequence[str | Path]) -> list[Path]:
    """The chapter files named by `sources` (folders give their chapter files, see `chapter_files_in`)."""
    files: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            try:
                files.extend(chapter_files_in(path))
            except OSError as error:
                raise SourceError(Location(str(path), 1), f"cannot list this folder ({error.strerror})") from None
        elif path.exists():
            files.append(path)
        else:
            raise SourceError(Location(str(path), 1), "no such file or folder")
    bad_names = [problem for file in files if (problem := file_name_problem(file))]
    if bad_names:
        raise ParseError(bad_names)
    return files


def project_files(sources: Paths) -> tuple[Path, Settings, list[Path]]:
    """The root folder, settings and chapter files named by `sources` (default: `source`); one
    path alone is taken as a sequence of one."""
    sources = path_list(sources, "sources") or ["source"]
    files = source_files(sources)
    first = Path(sources[0])
    root = first if first.is_dir() else first.parent
    settings = load_settings(root)
    if not files:
        raise ParseError([SourceError(Location(str(root), 1), "no chapter file (*.md) in this folder")])
    first_with: dict[str, Path] = {}
    clashes = []
    for file in files:
        slug = chapter_slug(str(file))
        if slug in first_with:
            message = f"this chapter's number ({slug}) is also that of {first_with[slug]}"
            hint = "rename one of the files: the number is part of every card's key and tags"
            clashes.append(SourceError(Location(str(file), 1), message, hint))
        else:
            first_with[slug] = file
    if clashes:
        raise ParseError(clashes)
    return root, settings, files


def load_project(sources: Paths) -> Project:
    """Parse every chapter named by `sources`, with the settings of the first source's folder.

    Errors of all files are collected and raised together as `ParseError`.
    """
    root, settings, files = project_files(sources)
    known = [topic.slug for topic in settings.topics]
    chapters = each_file(files, lambda path: parse_chapter(read_source(path), path, known))
    return Project(settings=settings, chapters=tuple(chapters), root=str(root))


T = TypeVar("T")


def each_file(files: Sequence[Path], work: Callable[[str], T]) -> list[T]:
    """`work` done on each file's path, in order; every file's errors raised together as one
    `ParseError`, so that a user sees all of them at once."""
    results: list[T] = []
    errors: list[SourceError] = []
    for file in files:
        try:
            results.append(work(str(file)))
        except ParseError as failure:
            errors.extend(failure.errors)
        except SourceError as failure:
            errors.append(failure)
    if errors:
        raise ParseError(errors)
    return results
