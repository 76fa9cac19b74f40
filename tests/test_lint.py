"""Lint: the normalizer's changes with their lines, and fresh typos caught by the French dictionary."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from supportcards.cli import main
from supportcards.lint import Speller, lint_project
from supportcards.parse import load_project

FRESH_TYPOS = """# Chapitre 3 — Nouvelles notes

## Compétences du tecnicien
Les connaisances du spécialiste sont importantes.
Il répond aux demandes des utilisateurs.

## Help-Desk et SLA
L’équipe du Help-Desk respecte le SLA jusqu’à la fin, c’est la règle d’aujourd’hui.
"""


def test_fresh_typos_are_flagged_with_line_and_suggestion(write_source) -> None:
    folder = write_source({"chapitre-03.md": FRESH_TYPOS})
    report = lint_project(load_project([folder]))
    path = str(folder / "chapitre-03.md")
    assert [str(word) for word in report.unknown_words] == [
        f"{path}:3: unknown word 'tecnicien' (did you mean 'technicien'?)",
        f"{path}:4: unknown word 'connaisances' (did you mean 'connaissances'?)",
    ]


def test_elisions_compounds_and_glossary_terms_are_known() -> None:
    speller = Speller()
    for word in ["l’équipe", "jusqu’à", "c’est", "qu’il", "aujourd’hui", "quelqu’un", "celles-ci", "d’urgence"]:
        assert speller.is_known(word), word
    assert not speller.is_known("l’équippe")


def test_the_chapter_2_notes_have_no_unknown_word_left(source_dir: Path) -> None:
    report = lint_project(load_project([source_dir]))
    assert report.unknown_words == ()
    assert len(report.changes) >= 45


def test_lint_lists_every_change_with_its_line(source_dir: Path) -> None:
    result = CliRunner().invoke(main, ["lint", str(source_dir)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert f"{source_dir}/chapitre-02.md:10: spelling: 'solicités' -> 'sollicités'" in lines
    reviewed = "'Les compétences soaicles sont' -> 'Les compétences sociales sont'"
    assert f"{source_dir}/chapitre-02.md:105: reviewed: {reviewed}" in lines
    assert (
        f"{source_dir}/chapitre-02.md:102: copy-paste: 'Citez 2 compétences techniques' -> "
        "'Citez 2 compétences sociales'" in lines
    )
    assert "0 unknown words" in result.stderr


def test_plain_lint_exits_0_and_strict_exits_1_on_unknown_words(write_source) -> None:
    folder = write_source({"chapitre-03.md": FRESH_TYPOS})
    plain = CliRunner().invoke(main, ["lint", str(folder)])
    strict = CliRunner().invoke(main, ["lint", "--strict", str(folder)])
    assert plain.exit_code == 0
    assert strict.exit_code == 1
    assert "unknown word 'connaisances' (did you mean 'connaissances'?)" in strict.stdout


def test_strict_lint_passes_on_clean_notes(write_source) -> None:
    folder = write_source({"a.md": "# A\n\n## Le Help-Desk\nIl répond aux demandes.\n"})
    assert CliRunner().invoke(main, ["lint", "--strict", str(folder)]).exit_code == 0


def test_lint_of_unreadable_source_exits_1(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes("# Qualité\n".encode("latin-1"))
    result = CliRunner().invoke(main, ["lint", str(tmp_path)])
    assert result.exit_code == 1
    assert "not UTF-8" in result.stderr


def test_lint_lists_the_rules_in_order_and_filters_by_rule(source_dir: Path) -> None:
    listed = CliRunner().invoke(main, ["lint", "--list-rules", str(source_dir)]).stdout.splitlines()
    names = [line.split(":")[0] for line in listed]
    assert names[:3] == ["unicode-nfc", "whitespace", "abbreviations"] and names[-1] == "french-spacing"
    assert "grammar" in names and "grammar (project)" in names and len(names) == len(set(names))
    only = CliRunner().invoke(main, ["lint", "--rule", "copy-paste", str(source_dir)]).stdout.splitlines()
    assert only == [f"{source_dir}/chapitre-02.md:102: copy-paste: 'Citez 2 compétences techniques' -> "
                    "'Citez 2 compétences sociales'"]  # fmt: skip
