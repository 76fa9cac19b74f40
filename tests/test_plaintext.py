"""Plain text to Markdown: what the student wrote in a plain editor is what Anki shows."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from supportcards.importer import detect_cards
from supportcards.parse import parse_chapter
from supportcards.plaintext import as_markdown
from supportcards.render import render_inline, render_markdown

_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|br|h\d|pre|blockquote|table|thead|tbody|tr|td|th|hr)\b[^>]*>")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}\.)\s+")
"""A list item as Markdown reads it ("1)" is no list marker there)."""
_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def visible(fragment: str) -> str:
    """The text a reader sees in an HTML fragment, runs of white space as one space."""
    text = re.sub(r"<[^>]+>", "", _BLOCK_TAG.sub(" ", fragment))
    return " ".join(html.unescape(text).split())


def as_read(line: str) -> str:
    """A plain line as a reader takes it: a list item's marker is a bullet, a code span its code."""
    line = _LIST_ITEM.sub("", line, count=1)
    return " ".join(_CODE.sub(lambda code: code.group(2).strip(), line).split())


def shown(lines: list[str]) -> str:
    return visible(render_markdown("\n".join(as_markdown(lines))))


@pytest.mark.parametrize(
    "line",
    [
        r"On passe par l’adresse \\srv-fichiers\commun en attendant le DNS.",
        r"Le dossier C:\Users\marc\AppData est caché.",
        "On supprime *.tmp et *.log dans le dossier temporaire.",
        "La variable __pycache__ et le fichier _config_ sont créés seuls.",
        "On tape net use Z: <chemin du partage> dans l’invite.",
        "Le caractère &eacute; s’écrit ainsi dans une page HTML, &#233; aussi.",
        "#1 des incidents : le mot de passe oublié.",
        "> commande tapée à l’invite",
        "[Urgent](à traiter dans l’heure) est la mention du ticket.",
        "a * b * c reste une multiplication.",
        "1.",
    ],
)
def test_a_line_of_plain_notes_shows_as_written(line: str) -> None:
    assert shown([line]) == " ".join(line.split())


def test_only_what_markdown_would_read_is_escaped() -> None:
    untouched = [
        r"Defender les range dans C:\ProgramData\Microsoft\Windows Defender\Quarantine.",
        "On retire le cavalier CLR_CMOS, puis on ponte PS_ON et COM.",
        "SELECT * FROM Win32_OperatingSystem",
        "Si le débit < 10 Mbit/s, on appelle le fournisseur.",
        "R&D et AT&T gardent leur esperluette.",
        "- une liste reste une liste",
        "On lance `ipconfig /all` puis `ping 8.8.8.8`.",
    ]
    assert as_markdown(untouched) == tuple(untouched)


def test_a_unc_path_keeps_both_backslashes_and_reads_plainly() -> None:
    (escaped,) = as_markdown([r"l’adresse \\10.0.5.20\partage"])
    assert escaped == r"l’adresse \\\\10.0.5.20\partage"
    assert shown([r"l’adresse \\10.0.5.20\partage"]) == r"l’adresse \\10.0.5.20\partage"


def test_a_code_span_is_kept_as_code_and_its_text_untouched() -> None:
    line = r"On tape `dir \\serveur\*_old_*` dans l’invite."
    assert as_markdown([line]) == (line,)
    assert "<code>dir \\\\serveur\\*_old_*</code>" in render_markdown(line)


def test_marks_that_pair_across_lines_are_escaped_on_both() -> None:
    lines = ["Les fichiers *.bak", "et les fichiers *.old sont supprimés."]
    assert shown(lines) == " ".join(lines)
    assert (
        shown(["Une apostrophe ` seule", "puis une autre ` plus loin"])
        == "Une apostrophe ` seule puis une autre ` plus loin"
    )


def test_an_answer_line_that_looks_like_a_card_heading_stays_in_its_card() -> None:
    notes = "Chapitre 3 : réseau\nQuel port pour le DNS ?\n## 53 en UDP et en TCP\nLe port 53.\n"
    chapter = parse_chapter(detect_cards(notes, "notes.txt").to_source(), "chapitre-03.md")
    assert [card.front for card in chapter.cards] == ["Quel port pour le DNS ?"]


_ALPHABET = st.sampled_from(
    [*"ab1 \\*_`<>[]()#&!=-+|.:;/", "&amp;", "<b>", "](url)", "&#61;", "  ", "http://a.fr", "nom@site.fr"]
)
_LINE = st.lists(_ALPHABET, min_size=1, max_size=12).map("".join)


def _no_math(lines: list[str]) -> bool:
    """MathJax's delimiters `\\(` and `\\[` make math in any card, plain or not."""
    return not any(re.search(r"\\[(\[]", line) for line in lines)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=4))
def test_any_plain_text_shows_as_written(lines: list[str]) -> None:
    lines = [line.rstrip() for line in lines if line.strip()]
    assume(lines and _no_math(lines))
    assert shown(lines) == " ".join(as_read(line) for line in lines)


@settings(max_examples=200, deadline=None)
@given(_LINE)
def test_any_plain_front_shows_as_written(line: str) -> None:
    line = line.strip()
    assume(line and not _LIST_ITEM.match(line) and _no_math([line]))
    (escaped,) = as_markdown([line])
    assert visible(render_inline(escaped)) == as_read(line)
