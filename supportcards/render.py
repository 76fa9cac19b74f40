"""Renderer: a card's Markdown to safe HTML for Anki.

Notes are written the way students write, not the way Python-Markdown reads: a list starts right after
a line of text ("Av:" then "1. ..."), and a paragraph may run straight into a list or out of one.
`separate_blocks` adds the blank lines Markdown needs; wrapped lines stay one paragraph.

Every field goes through nh3 (Ammonia) with an allowlist fit for flashcards, since Anki shows cards in
a web view with JavaScript on and shared decks must not carry active content. MathJax delimiters
(`\\(...\\)`, `\\[...\\]`) are set aside before Markdown so that its escaping does not eat them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .checks import of_type
from .errors import SourceError
from .media import find_image
from .model import Location, MediaFile

if TYPE_CHECKING:
    import markdown

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ENDS_STATEMENT = re.compile(r"^(?![ \t]*[#|]).*[.:!?…]$")
_ORDERED = re.compile(r"^\s{0,3}\d{1,9}[.)]\s+\S")
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+\S")
MATH = (
    r"\\\((?:(?!(?<!\\)\\\().){0,4000}?\\\)"
    r"|\\\[(?:(?!(?<!\\)\\\[).){0,4000}?\\\]"
    r"|\$\$(?:(?!\$\$).){0,4000}?\$\$"
)
"""MathJax's delimiters and what they hold (up to 4,000 characters): the first closing delimiter
ends the math, and an opening one cannot be inside it (`\\\\[2pt]`, a line break, can). So an
unclosed opener is read only up to the next one: 20,000 of them cost a linear time, not 20,000
times 4,000 characters."""
_MATH = re.compile(MATH, re.DOTALL)
_MARKUP = re.compile(r"[\\`*_\[\]<>&!#|~$]|^\s*(?:[-+=]|\d+[.)])(?:\s|$)|https?:|www\.|@|  ")
_MATH_TOKEN = "SUPPORTCARDSMATH{}END"
_MATH_TOKEN_RE = re.compile(r"SUPPORTCARDSMATH(\d+)END")

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "div", "span",
        "ul", "ol", "li", "dl", "dt", "dd",
        "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small", "abbr",
        "code", "pre", "kbd", "samp", "blockquote",
        "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
        "img", "a",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "img": {"src", "alt", "title", "width", "height"},
    "a": {"href", "title"},
    "th": {"style", "colspan", "rowspan"},
    "td": {"style", "colspan", "rowspan"},
    "ol": {"start"},
    "abbr": {"title"},
    "code": {"class"},
}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
ALLOWED_STYLE_PROPERTIES = frozenset({"text-align"})


def _line_kind(line: str) -> str:
    if not line.strip():
        return "blank"
    if _ORDERED.match(line):
        return "ordered"
    if _BULLET.match(line):
        return "bullet"
    if line.startswith((" ", "\t")):
        return "indented"
    return "text"


def separate_blocks(text: str) -> str:
    """Insert the blank lines Python-Markdown needs between paragraphs and lists.

    A blank line goes before a list item that follows text or an item of the other list kind, and
    before text that follows a list item (else Markdown would glue it to the item). A line of text
    that ends a sentence (. : ! ? …) and is followed by more text keeps its line break (Markdown's
    two trailing spaces): in notes, a new line after a full stop is a new statement, while a line
    cut mid-sentence ("Le" / "ticket system est ...") joins the next. Indented lines (an item's
    continuation, a nested list) and fenced code are left alone.
    """
    out: list[str] = []
    previous = "blank"
    fence: str | None = None
    for line in text.split("\n"):
        opened = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if opened and opened.group(1).startswith(fence):
                fence = None
                previous = "text"
            continue
        if opened:
            fence = opened.group(1)[0] * 3
            if previous != "blank":
                out.append("")
            out.append(line)
            previous = "text"
            continue
        kind = _line_kind(line)
        out.append(line)
        if kind == "indented":
            # An item's continuation or nested list keeps the list going; after text it is wrapped text.
            if previous == "blank":
                previous = "indented"
            continue
        starts_list = kind in ("ordered", "bullet") and previous not in (kind, "blank", "indented")
        leaves_list = kind == "text" and previous in ("ordered", "bullet", "indented")
        if starts_list or leaves_list:
            out.insert(len(out) - 1, "")
        elif kind == "text" and previous == "text" and _ENDS_STATEMENT.search(out[-2]):
            out[-2] = out[-2].rstrip() + "  "
        previous = kind
    return "\n".join(out)


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    import markdown

    return markdown.Markdown(extensions=["sane_lists", "tables", "fenced_code"], output_format="html")


@lru_cache(maxsize=1)
def _cleaner() -> Callable[[str], str]:
    """One nh3 Cleaner for every field: building Ammonia's rules once, not per call."""
    import nh3

    cleaner = nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        filter_style_properties=set(ALLOWED_STYLE_PROPERTIES),
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_only_own_media,
    )
    return cleaner.clean


def _only_own_media(tag: str, attribute: str, value: str) -> str | None:
    """An image must come from the deck's own media (a plain file name): no remote or data URL."""
    if tag == "img" and attribute == "src" and ("/" in value or ":" in value or "\\" in value):
        return None
    return value


def sanitize(fragment: str) -> str:
    """Keep only the tags, attributes and URL schemes a flashcard needs; drop all active content."""
    return _cleaner()(fragment)


ACTIVE_TEX_COMMANDS = (
    "href",
    "url",
    "class",
    "cssId",
    "style",
    "data",
    "mmlToken",
    "require",
    "unicode",
    "bbox",
    "includegraphics",
    "htmlClass",
    "htmlId",
    "htmlStyle",
    "htmlData",
)
"""TeX commands that Anki's MathJax 3 (with `autoload` and `require`, and no `safe` extension) turns
into links, HTML attributes, CSS or loaded code: `\\href{javascript:...}{x}` would run script on a
click, `\\style` and `\\bbox` take CSS (which may fetch a URL), `\\class`, `\\cssId`, `\\data` and
`\\mmlToken` set attributes, `\\require` and `\\unicode` load code or fonts. Any `\\html...` counts too."""

_ACTIVE_TEX = re.compile(
    r"(?<!\\)(?P<pairs>(?:\\\\)*)\\\u200b?(?P<name>"
    + "|".join(sorted(ACTIVE_TEX_COMMANDS, key=len, reverse=True))
    + r"|html[A-Za-z]*)(?![A-Za-z])"
)
_SKIPPED_BY_MATHJAX = re.compile(r"<(pre|code)\b[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE)


def _read_by_mathjax(fragment: str) -> list[tuple[str, bool]]:
    """`fragment` cut into (piece, read) pairs: MathJax skips what is inside code and pre."""
    pieces = []
    last = 0
    for skipped in _SKIPPED_BY_MATHJAX.finditer(fragment):
        pieces += [(fragment[last : skipped.start()], True), (skipped.group(), False)]
        last = skipped.end()
    return [*pieces, (fragment[last:], True)]


def active_tex(fragment: str) -> list[str]:
    """The active TeX commands (`ACTIVE_TEX_COMMANDS`) MathJax would read in an HTML fragment,
    neutralized by `neutralize_tex` or not, in order."""
    if "\\" not in fragment:
        return []
    return [
        "\\" + match.group("name")
        for piece, read in _read_by_mathjax(fragment)
        if read
        for match in _ACTIVE_TEX.finditer(piece)
    ]


def neutralize_tex(fragment: str) -> str:
    """Break each active TeX command with a zero-width space after its backslash: MathJax then reads
    an undefined control symbol (shown in red) and letters, never a link or a style. This works on
    the final HTML, so it catches the command however it got there (`&#92;href` in the notes, or
    Markdown's `\\\\href`, are `\\href` in HTML)."""
    if "\\" not in fragment:
        return fragment
    return "".join(
        _ACTIVE_TEX.sub(lambda match: match.group("pairs") + "\\\u200b" + match.group("name"), piece) if read else piece
        for piece, read in _read_by_mathjax(fragment)
    )


def check_tex(fragment: str, text: str, source: str, first_line: int) -> None:
    """Refuse a rendered text (`fragment`, from `text`, which starts at `first_line` of `source`)
    in which MathJax would read an active TeX command: a `SourceError` at its line."""
    found = active_tex(fragment)
    if not found:
        return
    command = found[0]
    offset = next((at for at in (text.find(command), text.find(command[1:])) if at >= 0), 0)
    raise SourceError(
        Location(source, first_line + text.count("\n", 0, offset)),
        f"the TeX command {command} is not allowed: in Anki it could run script or load from the network",
        "use Markdown for links ([texte](https://...)), and \\color or \\boxed for emphasis in math",
    )


def _set_math_aside(text: str) -> tuple[str, list[str]]:
    found: list[str] = []

    def stash(match: re.Match[str]) -> str:
        found.append(match.group())
        return _MATH_TOKEN.format(len(found) - 1)

    return _MATH.sub(stash, text), found


def _put_math_back(fragment: str, found: list[str]) -> str:
    if not found:
        return fragment
    return _MATH_TOKEN_RE.sub(lambda m: html.escape(found[int(m.group(1))], quote=False), fragment)


_CODE = re.compile(r"(?ms:^[ \t]{0,3}(`{3,}|~{3,}).*?(?:^[ \t]{0,3}\1[ \t]*$|\Z))|(`+).+?\2")
_IMAGE = re.compile(
    r"(?P<md>!\[[^\]\n]*\]\(\s*)(?:<(?P<md_angle>[^>\n]+)>|(?P<md_url>[^)\s>]+))"
    r"|(?P<tag><img\b[^>]*?\bsrc\s*=\s*[\"']?)(?P<tag_url>[^\"'\s>]+)",
    re.IGNORECASE,
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_IMAGE_REFERENCE = re.compile(r"!\[(?P<text>[^\]\n]*)\](?:\[(?P<label>[^\]\n]*)\])?(?!\()")
_DEFINITION = re.compile(
    r"(?m)^(?P<lead>[ \t]{0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*)(?:<(?P<angle>[^>\n]*)>|(?P<url>\S+))"
)


def _label(text: str) -> str:
    """A reference label as Markdown matches it: without case, runs of spaces as one."""
    return " ".join(text.split()).casefold()


def collect_media(text: str, source: str, first_line: int) -> tuple[str, tuple[MediaFile, ...]]:
    """Point each local image of `text` at its name inside the package, and list the files.

    Images are `![alt](path)`, `![alt](<path with spaces>)`, `<img src="path">` and reference images
    (`![alt][ref]` with `[ref]: path`). Paths are relative to the source file, and must stay inside
    its folder (see `media.find_image`): a missing, outside or unreadable image is a `SourceError` at
    its line. Remote and data URLs are left for the sanitizer, which drops them.
    """
    if "!" not in text and "<img" not in text.lower():
        return text, ()
    code = [match.span() for match in _CODE.finditer(text)]
    found: dict[str, MediaFile] = {}

    def in_code(match: re.Match[str]) -> bool:
        return any(start <= match.start() < end for start, end in code)

    def local(url: str, match: re.Match[str]) -> str | None:
        """The package name of the image `url` (None for a remote one)."""
        if _SCHEME.match(url) or url.startswith("//"):
            return None
        location = Location(source, first_line + text.count("\n", 0, match.start()))
        media = find_image(unquote(url), source, location)
        found[media.name] = media
        return media.name

    def point(match: re.Match[str]) -> str:
        if in_code(match):
            return match.group()
        name = local(match.group("md_angle") or match.group("md_url") or match.group("tag_url"), match)
        return match.group() if name is None else (match.group("md") or match.group("tag")) + name

    rewritten = _IMAGE.sub(point, text)
    if "]:" not in rewritten:
        return rewritten, tuple(found[name] for name in sorted(found))
    images = {
        _label(match.group("label") or match.group("text"))
        for match in _IMAGE_REFERENCE.finditer(rewritten)
        if not in_code(match)
    }

    def define(match: re.Match[str]) -> str:
        if in_code(match) or _label(match.group("label")) not in images:
            return match.group()
        name = local(match.group("angle") or match.group("url"), match)
        return match.group() if name is None else match.group("lead") + name

    rewritten = _DEFINITION.sub(define, rewritten) if images else rewritten
    return rewritten, tuple(found[name] for name in sorted(found))


MAX_NESTING = 20
"""The deepest nesting of lists and block quotes a card may have. Python-Markdown recurses once per
level (and re-reads the text each time): 250 levels are a `RecursionError`, 2,000 take minutes and
gigabytes before it. Notes nest three or four levels."""

_QUOTES = re.compile(r"[ \t]{0,3}>")
_ITEM = re.compile(r"(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def _outside_fences(text: str) -> Iterator[tuple[int, str]]:
    """Each line of `text` with its index (from 0), but the lines of fenced code and their fences."""
    fence: str | None = None
    for number, line in enumerate(text.split("\n")):
        opened = _FENCE.match(line)
        if fence is not None or opened:
            if opened and (fence is None or opened.group(1).startswith(fence)):
                fence = None if fence is not None else opened.group(1)[0] * 3
            continue
        yield number, line


def check_nesting(text: str, source: str, first_line: int) -> None:
    """A `SourceError` at the first line of `text` nested deeper than `MAX_NESTING` lists and block
    quotes, found in one pass over the lines (so that the deepest text fails at once). A list item
    counts one level more than the items it is indented under; fenced code counts nothing."""
    open_items: list[int] = []  # the indentation of each list item the current line may be inside
    for number, line in _outside_fences(text):
        quotes = 0
        position = 0
        while quote := _QUOTES.match(line, position):
            quotes += 1
            position = quote.end()
        item = _ITEM.match(line, position)
        if item:
            indent = len(item.group("indent").expandtabs(4))
            while open_items and open_items[-1] >= indent:
                open_items.pop()
            open_items.append(indent)
        elif line[position:].strip() and not line[position : position + 1].isspace():
            open_items.clear()  # text at the margin: the lists above are over
        if quotes + len(open_items) > MAX_NESTING:
            raise SourceError(
                Location(source, first_line + number),
                f"lists and quotes nested more than {MAX_NESTING} levels deep",
                "a card reads best with two or three levels: split the list, or indent less",
            )


MAX_BRACKETS = 1000
"""The most '[' a card's front or back may hold. Python-Markdown looks for the end of a link from
every '[' (and '![', and '](' without its ')'): a thousand unclosed ones cost half a second,
4,000 ten seconds, 20,000 minutes. A card with links and images holds a few dozen."""


MAX_BRACKET_NESTING = 20
"""The deepest nesting of '[' and of '(' outside code. For every '[' Python-Markdown scans the
parentheses of a link target after it: 999 '[' around 9,000 nested '(' took 3 s, 10,000 nested
'[' a minute. Text nests them two or three deep."""

_BRACKET_TOKENS = re.compile(r"\\.|`+|[\[\]()]")


def check_bracket_nesting(text: str, source: str, first_line: int) -> None:
    """A `SourceError` at the line where '[' or '(' nest deeper than `MAX_BRACKET_NESTING` (escaped
    brackets, code spans and fenced code do not count)."""
    depth = {"[": 0, "(": 0}
    closing = {"]": "[", ")": "("}
    for number, line in _outside_fences(text):
        code: str | None = None
        for token in _BRACKET_TOKENS.finditer(line):
            mark = token.group()
            if mark.startswith("`"):
                code = None if code == mark else (mark if code is None else code)
            elif code is not None or mark.startswith("\\"):
                continue
            elif mark in depth:
                depth[mark] += 1
                if depth[mark] > MAX_BRACKET_NESTING:
                    raise SourceError(
                        Location(source, first_line + number),
                        f"'{mark}' nested more than {MAX_BRACKET_NESTING} levels deep: Markdown would take minutes",
                        "close the brackets sooner, or put the text in a code block (```)",
                    )
            else:
                depth[closing[mark]] = max(depth[closing[mark]] - 1, 0)


def check_brackets(text: str, source: str, first_line: int) -> None:
    """A `SourceError` at the line of the first '[' past `MAX_BRACKETS` in `text`, or where brackets
    nest too deeply (`check_bracket_nesting`)."""
    if text.count("[") <= MAX_BRACKETS:
        check_bracket_nesting(text, source, first_line)
        return
    offset = -1
    for _ in range(MAX_BRACKETS + 1):
        offset = text.index("[", offset + 1)
    raise SourceError(
        Location(source, first_line + text.count("\n", 0, offset)),
        f"more than {MAX_BRACKETS} '[' in one card: Markdown would take minutes to read them",
        "split the card, or put the text in a code block (```)",
    )


def render_markdown(text: str) -> str:
    """A card back (Markdown as students write it) to sanitized HTML.

    Nesting deeper than `MAX_NESTING`, or more than `MAX_BRACKETS` '[', is a `SourceError` (at
    `<markdown>:line` when called directly: a build checks each card first, at its file and line).
    """
    check_nesting(of_type(text, str, "text"), "<markdown>", 1)
    check_brackets(text, "<markdown>", 1)
    text, math = _set_math_aside(text.replace("\ufeff", ""))
    engine = _markdown()
    engine.reset()
    fragment = engine.convert(separate_blocks(text))
    return neutralize_tex(sanitize(_put_math_back(fragment, math)))


def render_inline(text: str) -> str:
    """A card front (one line) to sanitized inline HTML: emphasis and code, never a block.

    Most fronts are plain words: with no character Markdown or HTML gives a meaning to, escaping
    them is what Markdown and the sanitizer would produce, at a fraction of the cost.
    """
    text = text.replace("\ufeff", "")
    check_brackets(text, "<markdown>", 1)
    if not _MARKUP.search(text) and text == text.strip():
        return html.escape(text, quote=False).replace("\u00a0", "&nbsp;")  # as html5ever serializes it
    text, math = _set_math_aside(text)
    engine = _markdown()
    engine.reset()
    fragment = engine.convert(text)
    if fragment.startswith("<p>") and fragment.endswith("</p>") and "<p>" not in fragment[3:]:
        fragment = fragment[3:-4]
    else:
        fragment = html.escape(text, quote=False)
    return neutralize_tex(sanitize(_put_math_back(fragment, math)))
