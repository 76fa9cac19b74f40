"""Links back to the notes: GitHub's heading anchors, and each card's link on its back in Anki."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki.collection import Collection
from anki_helpers import import_package, open_collection
from click.testing import CliRunner

from supportcards.anchors import github_slug, heading_anchors
from supportcards.cli import main
from supportcards.errors import SettingsError
from supportcards.pipeline import build

V1 = 1_700_000_000
URL = "https://github.com/etudiant/notes/blob/main/source/"


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Chapitre 2 — Organisation du support", "chapitre-2--organisation-du-support"),
        ("SPOC (Single Point of Contact)", "spoc-single-point-of-contact"),
        ("Qu’est-ce qu’un Ticket System ?", "quest-ce-quun-ticket-system-"),
        ("Citez 4 compétences techniques d’un spécialiste", "citez-4-compétences-techniques-dun-spécialiste"),
        ("Éléments à connaître : l’État, la Qualité", "éléments-à-connaître--létat-la-qualité"),
        ("Hot-Line, call-center, …", "hot-line-call-center-"),
        ("snake_case et 50 % des œuvres", "snake_case-et-50--des-œuvres"),
        ("Taux\u00a0de demande", "tauxde-demande"),
    ],
)
def test_anchors_are_github_s_lowercase_accents_kept_punctuation_removed(heading: str, anchor: str) -> None:
    assert github_slug(heading) == anchor


def test_every_heading_of_the_file_counts_and_duplicates_get_a_number() -> None:
    lines = [
        "# Chapitre 2",
        "## Hotline",
        "### Tâches",
        "```",
        "## Hotline",  # in a fence: not a heading
        "```",
        "## Hotline",
        "## Tâches",
        "## Hotline-1",  # taken by the second Hotline: GitHub moves on to the next free one
        "## *Hotline*",  # Markdown removed first
    ]
    anchors = heading_anchors(lines)
    assert anchors == {
        0: "chapitre-2",
        1: "hotline",
        2: "tâches",
        6: "hotline-1",
        7: "tâches-1",
        8: "hotline-1-1",
        9: "hotline-2",
    }


NOTES = """# Chapitre 4 — Compétences

## Citez 4 compétences techniques d’un spécialiste
@cloze: oui
- Compétence dans l’informatique
- Compétence avec les outils

## Qu’est-ce qu’un Ticket System ?
Un outil.

## Qu’est-ce qu’un Ticket System ?
@id: ticket-2
Le même, une seconde fois.
"""


def _sources(collection: Collection) -> list[str]:
    return sorted(collection.get_note(note_id)["Source"] for note_id in collection.find_notes(""))


def test_each_card_links_to_its_heading_on_its_back_only(write_source, tmp_path: Path) -> None:
    source = write_source({"chapitre-04.md": NOTES}, f'[source]\nurl = "{URL}"\n')
    package = build([source], tmp_path / "out", timestamp=V1).outputs[0]
    collection = open_collection(tmp_path / "anki")
    import_package(collection, package)
    link = '<a href="' + URL + 'chapitre-04.md#{}" rel="noopener noreferrer">chapitre-04.md</a>'
    assert _sources(collection) == [
        link.format("citez-4-comp%C3%A9tences-techniques-dun-sp%C3%A9cialiste"),
        link.format("quest-ce-quun-ticket-system-"),
        link.format("quest-ce-quun-ticket-system--1"),
    ]
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        assert URL in card.answer() and URL not in card.question()
    collection.close()


def test_without_the_setting_no_card_has_a_link(write_source, tmp_path: Path) -> None:
    source = write_source({"chapitre-04.md": NOTES})
    collection = open_collection(tmp_path / "anki")
    import_package(collection, build([source], tmp_path / "out", timestamp=V1).outputs[0])
    assert set(_sources(collection)) == {"chapitre-04.md"}
    assert all("<a " not in collection.get_card(card).answer() for card in collection.find_cards(""))
    collection.close()


def test_a_release_points_the_links_at_its_tag_without_changing_any_card(write_source, tmp_path: Path) -> None:
    source = write_source({"chapitre-04.md": NOTES}, f'[source]\nurl = "{URL}"\n')
    build([source], tmp_path / "a", timestamp=V1)
    lockfile = (source / "supportcards.lock").read_bytes()
    tag = "https://github.com/etudiant/notes/blob/v1.2.0/source/"
    result = CliRunner().invoke(
        main, ["build", "--locked", "--source-url", tag, str(source), "-o", str(tmp_path / "b")]
    )
    assert result.exit_code == 0, result.output
    assert (source / "supportcards.lock").read_bytes() == lockfile
    collection = open_collection(tmp_path / "anki")
    (package,) = (tmp_path / "b").glob("*.apkg")
    import_package(collection, package)
    assert all(tag + "chapitre-04.md#" in link for link in _sources(collection))
    collection.close()


def test_only_web_addresses_are_links(write_source, tmp_path: Path) -> None:
    source = write_source({"chapitre-04.md": NOTES}, '[source]\nurl = "javascript:alert(1)//"\n')
    with pytest.raises(SettingsError, match="http:// or https://"):
        build([source], tmp_path / "out", timestamp=V1)
    (source / "supportcards.toml").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--source-url", "data:text/html,x", str(source), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "--source-url must be an http:// or https:// address" in result.output


def test_a_card_heading_github_does_not_read_links_to_the_file() -> None:
    from supportcards.anchors import source_link

    assert source_link("https://x.org/s", "source/c.md", "") == "https://x.org/s/c.md"
    assert source_link("https://x.org/s/", "c.md", "été") == "https://x.org/s/c.md#%C3%A9t%C3%A9"


@pytest.mark.parametrize("escape", ["\\u001f", "\\u007f", "\\u0000", "\\u0085", "\\t"])
def test_a_control_character_in_the_source_url_is_an_error_at_its_line(
    write_source, tmp_path: Path, escape: str
) -> None:
    """U+001F vanished (stripped as a space), U+007F stayed inside the href, U+0000 became U+FFFD."""
    settings = f'[deck]\nname = "Support"\n\n[source]\n# where the notes are\nurl = "https://x.org/s{escape}/"\n'
    source = write_source({"chapitre-04.md": NOTES}, settings)
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"{source / 'supportcards.toml'}:6: source.url holds the control character U+")
    assert not (tmp_path / "out").exists()
    (source / "supportcards.toml").write_text("", encoding="utf-8")
    url = "https://x.org/s" + escape.encode().decode("unicode_escape") + "/"
    result = CliRunner().invoke(main, ["build", "--source-url", url, str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "--source-url must be an http:// or https:// address" in result.output
