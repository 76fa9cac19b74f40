"""Links back to the notes: each card's heading as GitHub anchors it, and the card's link to it.

With `[source] url` in `supportcards.toml` (e.g. `https://github.com/OWNER/REPO/blob/main/source/`),
every card's back ends with a discreet link to its chapter file at its heading, so that a student
who doubts an answer opens the notes in one tap. GitHub gives each heading of a rendered Markdown
file an anchor (its `id`, the same algorithm in GitHub's own renderer and in `github-slugger`):

- the heading's text (without its Markdown), in lowercase;
- every character that is not a letter, a mark, a digit, `_`, `-` or a space removed (accents are
  letters: they stay; `’`, `—`, `(`, `?` go);
- each space turned into `-` (so " — " becomes "--");
- an anchor met before in the same file gets `-1`, then `-2`, ... (skipping any that a heading
  already has), counting every heading of the file: the title, the cards' and those inside backs.

Headings in fenced code are not headings; setext headings (underlined) are not read.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import quote

_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_TAG = re.compile(r"<[^>]*>")
_KEPT = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "Pc"})


def github_slug(text: str) -> str:
    """A heading's anchor before duplicates are numbered (see the module's docstring)."""
    kept = (char for char in text.lower() if char in "- " or unicodedata.category(char) in _KEPT)
    return "".join(kept).replace(" ", "-")


class Slugger:
    """Numbers the anchors of one file as GitHub does: `x`, `x-1`, `x-2`, ..."""

    def __init__(self) -> None:
        self.occurrences: dict[str, int] = {}

    def slug(self, text: str) -> str:
        original = result = github_slug(text)
        while result in self.occurrences:
            self.occurrences[original] += 1
            result = f"{original}-{self.occurrences[original]}"
        self.occurrences[result] = 0
        return result


def heading_text(markdown_text: str) -> str:
    """A heading's text as GitHub reads it for its anchor: its Markdown rendered, tags removed."""
    from .render import render_inline

    return html.unescape(_TAG.sub("", render_inline(markdown_text.strip())))


def heading_anchors(lines: Sequence[str]) -> dict[int, str]:
    """The anchor of every ATX heading (`#` to `######`) of a file, by line index (from 0)."""
    slugger = Slugger()
    anchors: dict[int, str] = {}
    fence: str | None = None
    for index, line in enumerate(lines):
        opened = _FENCE.match(line)
        if opened:
            marker = opened.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is not None or "#" not in line[:4]:
            continue
        match = _HEADING.match(line)
        if match:
            anchors[index] = slugger.slug(heading_text(match.group("text") or ""))
    return anchors


def is_web_address(url: str) -> bool:
    """Whether `url` may start a card's link: http or https only (what the sanitizer keeps too)."""
    return re.fullmatch(r"https?://[^\s\"'<>\x00-\x1f\x7f-\x9f]+", url) is not None


def source_link(base: str, path: str, anchor: str) -> str:
    """The address of a heading in the notes: `base` (the source folder's address), the chapter's
    file name and `#anchor`, percent-encoded (the file alone for a heading GitHub does not see as
    one, such as `##Front` without a space)."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    joined = base if base.endswith("/") else base + "/"
    fragment = f"#{quote(anchor, safe='-_')}" if anchor else ""
    return f"{joined}{quote(name)}{fragment}"
