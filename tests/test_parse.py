"""Parser: golden files for what it reads, and one test per input it must refuse."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from supportcards.errors import ParseError, SourceError
from supportcards.parse import chapter_slug, decode_source, load_project, parse_chapter

GOLDEN = Path(__file__).parent / "golden" / "parse"


def as_json(value: object) -> str:
    return json.dumps(dataclasses.asdict(value), ensure_ascii=False, indent=2) + "\n"  # type: ignore[call-overload]


@pytest.mark.parametrize("source", sorted(GOLDEN.glob("*.md")), ids=lambda path: path.stem)
def test_golden(source: Path) -> None:
    chapter = parse_chapter(source.read_text(encoding="utf-8"), source.name)
    expected = source.with_suffix(".json")
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(as_json(chapter), encoding="utf-8")
    assert as_json(chapter) == expected.read_text(encoding="utf-8")


def test_a_card_remembers_its_file_and_lines() -> None:
    chapter = parse_chapter("# T\n\n## Front\nline one\nline two\n", "notes.md")
    card = chapter.cards[0]
    assert (card.location.path, card.location.line, card.back_line) == ("notes.md", 3, 4)
    assert card.back == "line one\nline two"


def test_metadata_never_reaches_the_back() -> None:
    chapter = parse_chapter("# T\n@topics: a\n## F\n@id: x\n@topics: b c\nAnswer\n", "n.md")
    card = chapter.cards[0]
    assert (card.back, card.id, card.topics, chapter.topics) == ("Answer", "x", ("b", "c"), ("a",))


def test_cards_inherit_the_file_topics() -> None:
    chapter = parse_chapter("# T\n@topics: sla\n## F\nAnswer\n", "n.md")
    assert chapter.cards[0].topics == ("sla",)


def test_chapter_slug_is_the_number_of_the_file() -> None:
    assert chapter_slug("source/chapitre-2.md") == "02"
    assert chapter_slug("source/chapitre-02.md") == "02"
    assert chapter_slug("source/Annexe A.md") == "annexe-a"


def errors_of(text: str) -> list[str]:
    with pytest.raises(ParseError) as raised:
        parse_chapter(text, "n.md")
    return [str(error) for error in raised.value.errors]


def test_every_error_of_a_file_is_reported_with_its_line() -> None:
    found = errors_of("# T\nstray text\n## \n## Empty\n## Ok\n@topcs: x\nAnswer\n")
    assert found[0].startswith("n.md:2: text before the first card")
    assert any(line.startswith("n.md:3: a card heading '##' has no front text") for line in found)
    assert any(line.startswith("n.md:4: the card 'Empty' has no answer") for line in found)
    assert any("n.md:6: unknown metadata key '@topcs'" in line and "did you mean '@topics'?" in line for line in found)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "n.md:1: empty file"),
        ("   \n\n", "n.md:1: empty file"),
        ("Title without hash\n## F\nA\n", "n.md:1: the first line must be the chapter title"),
        ("## F\nA\n", "n.md:1: the first line must be the chapter title"),
        ("# Title only\n", "n.md:1: no card in this file"),
        ("# T\n## F\n@id: Not Valid\nA\n", "n.md:3: invalid id 'Not Valid'"),
        ("# T\n## F\n@reverse: maybe\nA\n", "n.md:3: @reverse takes yes or no"),
        ("# T\n## F\n@id: a\n@id: b\nA\n", "n.md:4: '@id' is given twice"),
    ],
)
def test_bad_input_is_a_source_error(text: str, message: str) -> None:
    assert errors_of(text)[0].startswith(message)


def test_decoding_undoes_bom_and_line_endings() -> None:
    assert decode_source("\ufeff# T\r\n## F\rA\n".encode(), "n.md") == "# T\n## F\nA\n"


def test_text_that_is_not_utf8_says_so_with_a_hint() -> None:
    with pytest.raises(SourceError) as raised:
        decode_source("# T\n## Qualité\n".encode("latin-1"), "n.md")
    assert str(raised.value).startswith("n.md:2:10: this file is not UTF-8 text")
    assert "UTF-8" in (raised.value.hint or "")


def test_a_binary_file_is_refused() -> None:
    with pytest.raises(SourceError, match="binary file"):
        decode_source(b"\x89PNG\r\n\x1a\n\x00\x00", "image.md")


def test_a_missing_source_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file or folder"):
        load_project([tmp_path / "missing"])


def test_errors_of_all_files_are_collected(write_source) -> None:
    folder = write_source({"a.md": "# A\n## F\n", "b.md": "no title\n"})
    with pytest.raises(ParseError) as raised:
        load_project([folder])
    paths = [Path(error.location.path).name for error in raised.value.errors]
    assert sorted(set(paths)) == ["a.md", "b.md"]
    assert paths == sorted(paths)


def test_files_are_read_in_name_order(write_source) -> None:
    folder = write_source({"b.md": "# B\n## F\nA\n", "a.md": "# A\n## F\nA\n"})
    assert [chapter.title for chapter in load_project([folder]).chapters] == ["A", "B"]


def test_two_files_with_one_chapter_number_are_an_error(write_source) -> None:
    folder = write_source({"chapitre-2.md": "# Un\n\n## A\nx\n", "chapitre-02.md": "# Deux\n\n## B\ny\n"})
    with pytest.raises(ParseError) as raised:
        load_project([folder])
    assert str(raised.value).startswith(
        f"{folder / 'chapitre-2.md'}:1: this chapter's number (02) is also that of {folder / 'chapitre-02.md'}"
    )


HEADINGS = [
    ("# F#\n## Le langage C#\nA\n", "F#", "Le langage C#"),
    ("# Le langage C# ##\n## C++ #\nA\n", "Le langage C#", "C++"),
    ("# Titre #\n## Qu'est-ce que C# ?  ###  \nA\n", "Titre", "Qu'est-ce que C# ?"),
    ("# A#B #C\n## x#y\nA\n", "A#B #C", "x#y"),
    ("# Titre\t#\n## \\#1 #\nA\n", "Titre", "\\#1"),
    ("# T\n## C##\nA\n", "T", "C##"),
]


@pytest.mark.parametrize(("text", "title", "front"), HEADINGS)
def test_only_hashes_after_a_space_close_a_heading(text: str, title: str, front: str) -> None:
    """CommonMark's ATX rule: a closing sequence of '#'s must follow a space, so "C#" keeps its '#'."""
    chapter = parse_chapter(text, "a.md")
    assert (chapter.title, chapter.cards[0].front) == (title, front)


def test_a_heading_of_hashes_only_is_empty() -> None:
    with pytest.raises(ParseError) as raised:
        parse_chapter("# #\n## ##\nA\n", "a.md")
    assert [error.message for error in raised.value.errors] == [
        "the chapter title is empty",
        "a card heading '##' has no front text",
    ]
