"""Topics as tags, chapters as subdecks, images as media: checked in real Anki."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from anki_helpers import import_package, notes, open_collection
from click.testing import CliRunner
from conftest import copy_of_source

from supportcards.cli import main
from supportcards.errors import ParseError
from supportcards.lint import lint_project
from supportcards.parse import load_project
from supportcards.pipeline import build

SETTINGS = """
[deck]
name = "Cours"
[topics.sla]
label = "SLA"
[topics.outils]
label = "Outils"
"""
# A 1x1 PNG.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture(scope="module")
def chapter_2_in_anki(tmp_path_factory: pytest.TempPathFactory):
    result = build(
        [copy_of_source(tmp_path_factory.mktemp("notes"))], tmp_path_factory.mktemp("build"), timestamp=1_700_000_000
    )
    collection = open_collection(tmp_path_factory.mktemp("anki"))
    import_package(collection, result.outputs[0])
    yield collection
    collection.close()


def test_searching_the_sla_tag_finds_exactly_the_sla_cards(chapter_2_in_anki) -> None:
    collection = chapter_2_in_anki
    found = [collection.get_note(nid)["Front"] for nid in collection.find_notes("tag:supportcards::theme::sla")]
    assert sorted(found) == [
        "Indiquez 4 indicateurs servant à mesurer la qualité de service du FLS",
        "Service Level Agreement (Accord de niveau de service)",
    ]


def test_every_chapter_2_card_has_a_topic_and_the_chapter_tag(chapter_2_in_anki) -> None:
    for note in notes(chapter_2_in_anki):
        assert "supportcards::chapitre::02" in note.tags
        assert any(tag.startswith("supportcards::theme::") for tag in note.tags), note.fields["Front"]
        assert note.fields["Topics"]


def test_the_topic_tree_holds_every_declared_topic(chapter_2_in_anki) -> None:
    tags = set(chapter_2_in_anki.tags.all())
    themes = {"organisation", "sla", "competences", "outils", "piquet"}
    assert {f"supportcards::theme::{theme}" for theme in themes} <= tags


def test_an_image_reaches_anki_media_folder(write_source, tmp_path: Path) -> None:
    folder = write_source(
        {"chapitre-01.md": "# Un\n@topics: outils\n\n## Schéma\nVoici :\n![schéma du SPOC](images/spoc.png)\n"},
        SETTINGS,
    )
    (folder / "images").mkdir()
    (folder / "images" / "spoc.png").write_bytes(PIXEL)
    result = build([folder], tmp_path / "build", timestamp=1_700_000_000)
    collection = open_collection(tmp_path / "anki")
    import_package(collection, result.outputs[0])
    (note,) = notes(collection)
    media = sorted(path.name for path in Path(collection.media.dir()).iterdir())
    collection.close()
    assert len(media) == 1 and media[0].startswith("supportcards-") and media[0].endswith(".png")
    assert f'<img alt="schéma du SPOC" src="{media[0]}">' in note.fields["Back"]
    assert (Path(collection.media.dir()) / media[0]).read_bytes() == PIXEL
    assert note.decks == ("Cours::Un",)


def test_a_missing_image_is_an_error_at_its_line(write_source, tmp_path: Path) -> None:
    folder = write_source({"a.md": "# A\n\n## F\nTexte\n\n![x](absent.png)\n"})
    with pytest.raises(ParseError) as raised:
        build([folder], tmp_path / "out", timestamp=1)
    assert str(raised.value).startswith(f"{folder / 'a.md'}:6: image not found: absent.png")
    assert not (tmp_path / "out").exists()


def test_an_unknown_topic_is_an_error_with_a_suggestion(write_source) -> None:
    folder = write_source({"a.md": "# A\n\n## F\n@topics: outil\nTexte\n"}, SETTINGS)
    with pytest.raises(ParseError) as raised:
        load_project([folder])
    message = str(raised.value)
    assert message.startswith(f"{folder / 'a.md'}:4: unknown topic 'outil'")
    assert "did you mean 'outils'?" in message


def test_a_card_without_topic_is_a_lint_warning_not_a_failure(write_source, tmp_path: Path) -> None:
    folder = write_source({"a.md": "# A\n\n## Sans thème\nTexte\n\n## Avec\n@topics: sla\nTexte\n"}, SETTINGS)
    report = lint_project(load_project([folder]))
    assert [str(warning) for warning in report.warnings] == [
        f"{folder / 'a.md'}:3: warning: this card has no topic: add '@topics: ...' under it or its title"
    ]
    assert build([folder], tmp_path, timestamp=1).card_count == 2


def test_per_chapter_writes_one_package_per_chapter(write_source, tmp_path: Path) -> None:
    folder = write_source({"chapitre-01.md": "# Un\n## F\nA\n", "chapitre-02.md": "# Deux\n## G\nB\n"}, SETTINGS)
    result = CliRunner().invoke(main, ["build", "--per-chapter", str(folder), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in tmp_path.glob("*.apkg")) == ["cours-01.apkg", "cours-02.apkg"]
    collection = open_collection(tmp_path / "anki")
    import_package(collection, tmp_path / "cours-02.apkg")
    assert [note.decks for note in notes(collection)] == [("Cours::Deux",)]
    collection.close()


def test_stats_prints_cards_per_chapter_and_topic(source_dir: Path) -> None:
    result = CliRunner().invoke(main, ["stats", str(source_dir)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(line.startswith("Chapitre 2 — Organisation du support") and line.endswith(" 13") for line in lines)
    assert any(line.startswith("organisation (Formes d’organisation)") and line.endswith(" 7") for line in lines)
    assert any(line.startswith("sla (SLA et qualité de service)") and line.endswith(" 2") for line in lines)


def test_stats_counts_list_cards_and_their_items(source_dir: Path) -> None:
    result = CliRunner().invoke(main, ["stats", str(source_dir)])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1].split() == [
        "listes",
        "7",
        "(32",
        "éléments,",
        "une",
        "carte",
        "Anki",
        "chacun)",
    ]
