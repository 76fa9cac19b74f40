"""Review as a library: a finding's fix recorded as a table entry that fixes that place only."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from proofread_helpers import NOTES, finding

from supportcards.errors import OutputError, SettingsError
from supportcards.lint import lint_project
from supportcards.model import Finding, Location, Project
from supportcards.normalize import (
    NBSP,
    make_normalizer,
    normalize_project,
    parse_corrections,
    project_normalizer,
    table_stage,
)
from supportcards.parse import load_project
from supportcards.proofread import proofread_project
from supportcards.review import Review


@pytest.fixture
def project(write_source) -> Project:
    folder = write_source({"chapitre-04.md": NOTES})
    return load_project([folder])


def backs(project: Project) -> list[str]:
    reloaded = load_project([project.root])
    return [card.back for card in normalize_project(reloaded)[0].chapters[0].cards]


def test_an_accepted_fix_is_an_entry_the_build_applies_to_that_place_only(project: Project) -> None:
    review = Review(project, [finding(project, 5, "ouvre", "ouvrent")])
    entry = review.accept(next(review.pending()), "ouvrent")
    assert entry is not None
    text = (Path(project.root) / "corrections.toml").read_text(encoding="utf-8")
    assert "[reviewed]" in text and f'"{entry.wrong}" = "{entry.right}"' in text
    first, second = backs(project)
    assert "Les employés ouvrent un ticket et indique" in first
    assert "Les employés ouvre un ticket." in second  # the same words elsewhere are not touched
    assert "ouvre" in entry.wrong and len(entry.wrong.split()) > 1


def test_the_same_words_in_two_places_get_one_entry_each(project: Project) -> None:
    findings = [finding(project, 5, "ouvre", "ouvrent"), finding(project, 10, "ouvre", "ouvrent", nth=1)]
    review = Review(project, findings)
    entries = [review.accept(item, "ouvrent") for item in review.pending()]
    assert all(entries) and entries[0] != entries[1]
    assert all("ouvrent un ticket" in back for back in backs(project))
    assert "Le CAB ouvre la réunion" in backs(project)[1]


def test_entries_match_the_text_before_typography(project: Project) -> None:
    """The source has a straight apostrophe and no accent on 'Editer'; the finding sees ’ and É."""
    findings = [
        finding(project, 4, "l’entreprise", "l’organisation"),
        finding(project, 11, "documentation", "documentations"),
        finding(project, 7, "Jusqu’a", "Jusqu’à"),
    ]
    assert "Éditer" in findings[1].context and "l’entreprise" in findings[0].context
    review = Review(project, findings)
    assert all(review.accept(item, item.suggestions[0]) for item in review.pending())
    first, second = backs(project)
    assert "changements de l’organisation." in first
    assert "- Jusqu’à la fin" in first
    assert "Éditer des documentations techniques." in second


def test_a_second_review_asks_nothing_already_decided(project: Project) -> None:
    findings = [
        finding(project, 5, "ouvre", "ouvrent"),
        finding(project, 4, "Encadre", "Il encadre"),
        finding(project, 10, "CAB", rule="unknown-word", kind="spelling"),
    ]
    review = Review(project, findings)
    fix, ignored, skipped = review.pending()
    review.accept(fix, "ouvrent")
    review.ignore(ignored)
    review.add_word(skipped)
    again = load_project([project.root])
    # The proofreader runs again over the fixed notes: the fixed finding is gone from its findings.
    fresh = [
        finding(again, 4, "Encadre", "Il encadre"),
        finding(again, 10, "CAB", rule="unknown-word", kind="spelling"),
    ]
    assert list(Review(again, fresh).pending()) == []
    assert list(Review(again, findings).pending()) == []


def test_normalizing_twice_changes_nothing_after_a_review(project: Project) -> None:
    review = Review(project, [finding(project, 4, "Encadre", "Il encadre"), finding(project, 7, "et", "est", nth=0)])
    for item in review.pending():
        assert review.accept(item, item.suggestions[0])
    reloaded = load_project([project.root])
    once, _ = normalize_project(reloaded)
    twice, changes = normalize_project(once, project_normalizer(reloaded))
    assert twice == once and changes == ()
    assert once.chapters[0].cards[0].back.startswith("Il encadre les changements")
    assert "le changement est validé" in once.chapters[0].cards[0].back


def test_the_right_side_of_a_recorded_entry_does_not_match_it_again(write_source) -> None:
    """Adding a word after the flagged one: the entry needs the word that follows, or it would grow."""
    folder = write_source(
        {"chapitre-04.md": "# Chapitre 4 — X\n\n## Sauvegarde\nIl faut sauvegarder données chaque soir.\n"}
    )
    project = load_project([folder])
    review = Review(project, [finding(project, 4, "sauvegarder", "sauvegarder les")])
    entry = review.accept(next(review.pending()), "sauvegarder les")
    assert entry is not None
    normalizer = project_normalizer(load_project([folder]))
    rule = next(rule for rule in normalizer.rules if rule.name == "reviewed")
    fixed = rule.apply(entry.wrong)[0]
    assert fixed == entry.right and rule.apply(fixed)[0] == fixed
    assert backs(project) == ["Il faut sauvegarder les données chaque soir."]


def test_a_fix_no_entry_can_place_is_refused_and_nothing_is_written(write_source) -> None:
    """Two cards with the very same line: no context tells them apart."""
    same = "# Chapitre 4 — X\n\n## Un\nLes employés ouvre un ticket.\n\n## Deux\nLes employés ouvre un ticket.\n"
    folder = write_source({"chapitre-04.md": same})
    project = load_project([folder])
    review = Review(project, [finding(project, 4, "ouvre", "ouvrent")])
    assert review.accept(next(review.pending()), "ouvrent") is None
    assert not (folder / "corrections.toml").exists()


def test_decisions_keep_the_students_comments_and_layout(project: Project) -> None:
    table = Path(project.root) / "corrections.toml"
    table.write_text('# Mes corrections\n\n[grammar]\n# un commentaire\n"réunion" = "réunion"\n', encoding="utf-8")
    project = load_project([project.root])
    review = Review(
        project,
        [finding(project, 5, "ouvre", "ouvrent"), finding(project, 10, "CAB", rule="unknown-word", kind="spelling")],
    )
    fix, word = review.pending()
    review.accept(fix, "ouvrent")
    review.add_word(word)
    review.ignore(word)
    text = table.read_text(encoding="utf-8")
    assert text.startswith('# Mes corrections\n\n[grammar]\n# un commentaire\n"réunion" = "réunion"\n')
    assert '[glossary]\nwords = [\n    "CAB",\n]' in text
    assert "[review]" in text and f'"{word.fingerprint}"' in text


def test_a_failed_save_leaves_the_table_as_it_was(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    table = Path(project.root) / "corrections.toml"
    table.write_text("# before\n", encoding="utf-8")
    review = Review(load_project([project.root]), [finding(project, 5, "ouvre", "ouvrent")])

    def fail(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError):
        review.accept(next(review.pending()), "ouvrent")
    assert table.read_text(encoding="utf-8") == "# before\n"
    assert [path.name for path in table.parent.iterdir() if path.name.endswith(".part")] == []


def test_the_fingerprint_names_the_rule_the_words_and_their_neighbours(project: Project) -> None:
    item = finding(project, 5, "indique", "indiquent")
    assert item.fingerprint == "conj: un ticket et [indique] leur problème."


OTHER = "le ticket est ouvert par l'équipe du support\nA vite Editer le ticket"


def loose(text: str) -> str:
    return text.replace("’", "'").replace(NBSP, " ").replace("\u202f", " ")


words = st.sampled_from(["le", "ticket", "est", "ouvert", "par", "l'équipe", "du", "support", "Editer", "A", "vite"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.lists(words, min_size=1, max_size=8), min_size=1, max_size=4),
    st.data(),
    st.sampled_from(["tickets", "l'aide", "est-il", "ouvert :", "Vite", "le ticket"]),
)
def test_a_recorded_fix_changes_that_place_and_normalizing_twice_changes_nothing(
    tmp_path_factory: pytest.TempPathFactory, lines: list[list[str]], data: st.DataObject, replacement: str
) -> None:
    folder = tmp_path_factory.mktemp("notes")
    back = "\n".join(" ".join(line) for line in lines)
    (folder / "chapitre-04.md").write_text(
        f"# Chapitre 4 — X\n\n## Carte\n{back}\n\n## Autre\n{OTHER}\n", encoding="utf-8"
    )
    project = load_project([folder])
    normalized = normalize_project(project)[0].chapters[0].cards[0].back
    index = data.draw(st.integers(0, len(lines) - 1))
    context = normalized.split("\n")[index]
    tokens = context.split()
    position = data.draw(st.integers(0, len(tokens) - 1))
    flagged = tokens[position]
    column = sum(len(token) + 1 for token in tokens[:position]) + 1
    assert context[column - 1 : column - 1 + len(flagged)] == flagged
    item = Finding(
        Location(str(folder / "chapitre-04.md"), 4 + index),
        column,
        "grammar",
        "r",
        "m",
        flagged,
        (replacement,),
        context,
    )
    before = normalize_project(project)[0]
    entry = Review(project, [item]).accept(item, replacement)
    after = normalize_project(load_project([folder]))[0]
    twice, changes = normalize_project(after, project_normalizer(load_project([folder])))
    assert changes == () and twice == after
    first, other = after.chapters[0].cards
    assert other == before.chapters[0].cards[1]  # the same words in another card are never touched
    event("recorded" if entry else "refused")
    if entry is None:
        assert first == before.chapters[0].cards[0]
    else:
        assert loose(replacement) in loose(first.back.split("\n")[index])


def test_the_table_keeps_ignored_findings_apart_from_its_rules() -> None:
    table = parse_corrections('[review]\nignore = ["conj: a [b] c"]\n[x]\n"a" = "b"\n', "c.toml")
    assert table.ignored == ("conj: a [b] c",) and [name for name, _ in table.sections] == ["x"]
    with pytest.raises(SettingsError, match=r"review\.ignore must be a list of strings"):
        parse_corrections("[review]\nignore = [1]\n", "c.toml")


def test_the_table_stage_stops_before_typography() -> None:
    stage = table_stage(make_normalizer())
    assert stage.text('Av:\nl\'aide "x" Editer', "n.md", 1)[0] == 'Avantages :\nl\'aide "x" Editer'


def test_an_ignored_finding_is_gone_from_proofreading_and_lint(write_source) -> None:
    """The dictionary check needs no grammar engine: an unknown word is a finding to ignore."""
    folder = write_source({"chapitre-04.md": "# Chapitre 4 — X\n\n## Priorités\nLa priorisaton des tickets.\n"})
    project = load_project([folder])
    (flagged,) = [item for item in proofread_project(project) if item.text == "priorisaton"]
    Review(project, [flagged]).ignore(flagged)
    again = load_project([folder])
    assert [item.text for item in proofread_project(again) if item.text == "priorisaton"] == []
    assert all(item.text != "priorisaton" for item in lint_project(again).findings)


def test_review_yes_leaves_a_finding_whose_line_an_earlier_fix_changed(project: Project) -> None:
    """Both findings are certain, but the second was made for the line as it was."""
    first = replace(finding(project, 5, "ouvre", "ouvrent"), rule="gv2__conj_les_nom")
    second = replace(finding(project, 5, "indique", "indiquent"), rule="gv2__conj_les_nom")
    other = replace(finding(project, 11, "documentation", "documentations"), rule="g3__gn_des_2m")
    accepted = Review(project, [first, second, other]).accept_certain()
    assert [item.text for item, _ in accepted] == ["ouvre", "documentation"]


def test_a_fix_that_only_capitalises_is_not_undone_by_the_apostrophe_rule(tmp_path: Path) -> None:
    """A recorded "^vite l'équipe" = "Vite l'équipe" met the normalized "Vite l’équipe" on a second
    pass: the table put the straight apostrophe back and the apostrophe rule curled it again."""
    (tmp_path / "chapitre-04.md").write_text("# Chapitre 4 — X\n\n## Carte\nvite l'équipe\n", encoding="utf-8")
    project = load_project([tmp_path])
    context = normalize_project(project)[0].chapters[0].cards[0].back
    item = Finding(Location(str(tmp_path / "chapitre-04.md"), 4), 1, "grammar", "r", "m", "vite", ("Vite",), context)
    assert Review(project, [item]).accept(item, "Vite") is not None
    after = normalize_project(load_project([tmp_path]))[0]
    assert after.chapters[0].cards[0].back == "Vite l’équipe"
    assert normalize_project(after, project_normalizer(load_project([tmp_path]))) == (after, ())


def test_a_fix_next_to_inline_code_gets_an_entry_of_the_words_on_its_other_side(write_source) -> None:
    """No table entry matches across inline code: "`history` affiche le historique" takes its
    words after the slip."""
    notes = "# Chapitre 4 — X\n\n## Historique\nLa commande `hist` affiche le historique des commandes.\n"
    project = load_project([write_source({"chapitre-04.md": notes})])
    review = Review(project, [finding(project, 4, "le ", "l’", rule="g2__eleu_élisions_manquantes__b1_a1_1")])
    entry = review.accept(next(review.pending()), "l’")
    assert entry is not None and "`" not in entry.wrong
    assert backs(project) == ["La commande `hist` affiche l’historique des commandes."]
