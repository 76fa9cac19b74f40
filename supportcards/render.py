"""Renderer: a card's Markdown to safe HTML for Anki.

Notes are written the way students write, not the way Python-Markdown reads: a list starts right after
a line of text ("Av:" then "1. ..."), and a paragraph may run straight into a list or out of one.
`separate_blocks` adds the blank lines Markdown needs; wrapped lines stay one paragraph.

Every field goes through nh3 (Ammonia) with an allowlist fit for flashcards, since Anki shows cards in
a web view with JavaScript on and shared decks must not carry active content. MathJax delimiters
(`\\(...\\)`, `\\[...\\]`) are set aside before Markdown so that its escaping does not eat them.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .errors import SourceError
from .model import Location, MediaFile

if TYPE_CHECKING:
    import markdown

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ENDS_STATEMENT = re.compile(r"^(?![ \t]*[#|]).*[.:!?…]$")
_ORDERED = re.compile(r"^\s{0,3}\d{1,9}[.)]\s+\S")
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+\S")
_MATH = re.compile(r"\\\(.{0,4000}?\\\)|\\\[.{0,4000}?\\\]|\$\$.{0,4000}?\$\$", re.DOTALL)
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
    r"(?P<md>!\[[^\]\n]*\]\(\s*<?)(?P<md_url>[^)\s>]+)"
    r"|(?P<tag><img\b[^>]*?\bsrc\s*=\s*[\"']?)(?P<tag_url>[^\"'\s>]+)",
    re.IGNORECASE,
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def media_name(path: Path) -> str:
    """A name for an image inside the package: from its content, so it is unique and stable."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return f"supportcards-{digest}{path.suffix.lower()}"


def collect_media(text: str, source: str, first_line: int) -> tuple[str, tuple[MediaFile, ...]]:
    """Point each local image of `text` at its name inside the package, and list the files.

    Paths are relative to the source file. A missing image is a `SourceError` at its line.
    Remote and data URLs are left for the sanitizer, which drops them.
    """
    if "!" not in text and "<img" not in text.lower():
        return text, ()
    code = [match.span() for match in _CODE.finditer(text)]
    found: dict[str, MediaFile] = {}
    folder = Path(source).parent

    def point(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in code):
            return match.group()
        prefix = match.group("md") or match.group("tag")
        url = match.group("md_url") or match.group("tag_url")
        if _SCHEME.match(url) or url.startswith("//"):
            return match.group()
        image = folder / unquote(url)
        if not image.is_file():
            line = first_line + text.count("\n", 0, match.start())
            raise SourceError(
                Location(source, line),
                f"image not found: {url}",
                f"image paths are relative to {Path(source).name}; looked for {image}",
            )
        name = media_name(image)
        found[name] = MediaFile(name, str(image))
        return prefix + name

    rewritten = _IMAGE.sub(point, text)
    return rewritten, tuple(found[name] for name in sorted(found))


def render_markdown(text: str) -> str:
    """A card back (Markdown as students write it) to sanitized HTML."""
    text, math = _set_math_aside(text.replace("\ufeff", ""))
    engine = _markdown()
    engine.reset()
    fragment = engine.convert(separate_blocks(text))
    return sanitize(_put_math_back(fragment, math))


def render_inline(text: str) -> str:
    """A card front (one line) to sanitized inline HTML: emphasis and code, never a block.

    Most fronts are plain words: with no character Markdown or HTML gives a meaning to, escaping
    them is what Markdown and the sanitizer would produce, at a fraction of the cost.
    """
    text = text.replace("\ufeff", "")
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
    return sanitize(_put_math_back(fragment, math))
