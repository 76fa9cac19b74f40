"""`supportcards review`: the keys, what they record, and what a second review and build say.

Most tests use a checker of their own, registered in place of the default ones, so that the
findings are known and no grammar engine is needed; the end-to-end tests at the bottom use the
real proofreader (and Grammalecte where they say so).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from supportcards import proofread
from supportcards.cli import main
from supportcards.proofread import Checker, Registry
from supportcards.proofread.spelling import Speller
from supportcards.proofread.text import CardText, Issue

NOTES = """# Chapitre 4 — Gestion des changements

## Change Management
Les employés ouvre un ticket.
La demande et validé par le CAB.
Le tiket est fermé.

## Rôle du CAB
Le CAB ouvre la séance.
"""

FAKE_FIXES = {
    r"(?<=employés )ouvre\b": ("grammar", "fake-conj", ("ouvrent", "ouvrirent")),
    r"\bet(?= validé)": ("grammar", "fake-et", ("est",)),
    r"\btiket\b": ("spelling", "fake-spelling", ("ticket", "tickets")),
    r"\bCAB\b": ("spelling", "fake-term", ()),
}


def fake_check(card: CardText, speller: Speller) -> list[Issue]:
    """Flags what `FAKE_FIXES` lists in every part of every card, and, like the real checkers,
    never a word of the glossary."""
    issues = []
    for part in ("front", "back"):
        for pattern, (kind, rule, fixes) in FAKE_FIXES.items():
            for match in re.finditer(pattern, card.text(part)):
                if match.group().casefold() not in speller.known:
                    issues.append(Issue(part, match.start(), match.end(), kind, rule, f"{rule} message", fixes))
    return issues


@pytest.fixture
def notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project in a fresh working folder, proofread by the fake checker only."""
    registry: Registry[Checker] = Registry()
    registry.register(Checker("fake", fake_check), "fake", 1)
    monkeypatch.setattr(proofread, "default_checkers", lambda: registry)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    folder = tmp_path / "source"
    folder.mkdir()
    (folder / "chapitre-04.md").write_text(NOTES, encoding="utf-8")
    return folder


def review(*args: str, keys: str = "", color: bool = False) -> str:
    result = CliRunner().invoke(main, ["review", "source", *args], input=keys, color=color)
    assert result.exit_code == 0, result.output
    return result.output


def table(folder: Path) -> str:
    return (folder / "corrections.toml").read_text(encoding="utf-8")


def built_backs(folder: Path) -> str:
    from supportcards.normalize import normalize_project
    from supportcards.parse import load_project

    return "\n".join(card.back for card in normalize_project(load_project([folder]))[0].chapters[0].cards)


def test_each_key_records_its_decision_and_a_second_review_asks_nothing(notes: Path) -> None:
    # ouvre: accept; et: "2" is no suggestion, then skip; CAB: glossary (all three); tiket: 2nd suggestion
    output = review(keys="a\n2\ns\ng\n2\n")
    assert "[1/6]" in output and "Les employés [ouvre → ouvrent] un ticket." in output
    assert "no such suggestion" in output and "'CAB' added to the glossary" in output
    assert "[5/6]" not in output  # the other two CAB findings were decided by the glossary
    text = table(notes)
    assert '"Les employés ouvre un ticket." = "Les employés ouvrent un ticket."' in text
    assert '"^Le tiket est fermé." = "Le tickets est fermé."' in text
    assert 'words = [\n    "CAB",\n]' in text
    backs = built_backs(notes)
    assert "Les employés ouvrent un ticket." in backs and "Le CAB ouvre la séance." in backs
    again = review(keys="q\n")
    assert "[1/1]" in again and "La demande [et → est] validé par le CAB." in again


def test_typed_fix_and_ignore(notes: Path) -> None:
    output = review(keys="e\nouvrent bien\ni\nq\n")
    assert "replace 'ouvre' with [ouvrent]" in output
    text = table(notes)
    assert '"Les employés ouvre un ticket." = "Les employés ouvrent bien un ticket."' in text
    assert '"fake-et: La demande [et] validé par le"' in text
    again = review(keys="q\n")
    assert "[1/4]" in again and "[et → est]" not in again


def test_quit_keeps_what_was_decided(notes: Path) -> None:
    output = review(keys="a\nq\n")
    assert "quit: the decisions made so far are kept" in output
    assert "ouvrent" in table(notes) and "[2/6]" in output and "[3/6]" not in output
    again = review(keys="q\n")
    assert "[1/5]" in again and "[et → est]" in again


def test_piped_input_that_ends_is_a_quit(notes: Path) -> None:
    output = review(keys="")
    assert "quit" in output and not (notes / "corrections.toml").exists()


def test_an_unknown_key_shows_the_keys_and_asks_again(notes: Path) -> None:
    output = review(keys="x\nq\n")
    assert "keys: a accept" in output and output.count("a accept · 1-9 pick") == 3


def test_the_fix_is_highlighted_in_colour_unless_no_color(notes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" in review(keys="q\n", color=True)
    monkeypatch.setenv("NO_COLOR", "1")
    plain = review(keys="q\n", color=True)
    assert "\x1b[" not in plain and "[ouvre → ouvrent]" in plain


def test_review_yes_accepts_only_what_the_policy_calls_certain(notes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from supportcards import policy

    monkeypatch.setattr(policy, "CERTAIN", frozenset({"fake-et", "fake-term"}))
    output = review("--yes")
    assert "'et' -> 'est'" in output and "ouvrent" not in output
    text = table(notes)
    assert "La demande est validé par" in text and "ouvrent" not in text
    assert "CAB" not in text  # a certain rule without a suggestion: nothing to accept
    assert "[1/5]" in review(keys="q\n")


def test_build_counts_the_findings_left_to_review_from_the_cache(notes: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["build", "source"])
    assert first.exit_code == 0 and "to review" not in first.output  # nothing cached: nothing said
    review(keys="a\ns\nq\n")
    built = runner.invoke(main, ["build", "source"])
    assert "source/chapitre-04.md: 5 findings to review: supportcards review" in built.output


KINDS_NOTES = """# Chapitre 5 — Réseaux

## Citez 3 rôles du DNS
- Traduit les noms en adresses.
- Met en cache les réponses.

## Fermeture
Le tiket est fermé.
"""

KINDS = {
    r"(?<=Citez )3\b": ("consistency", "list-count", "la question en demande 3, la réponse en liste 2", ()),
    r"^- Traduit\b": ("subject", "back-subject", "un verbe sans sujet", ("Il traduit",)),
    r"\btiket\b": ("spelling", "unknown-word", "unknown word", ("ticket",)),
}


def kinds_check(card: CardText, speller: Speller) -> list[Issue]:
    """Like the real checkers: only the spelling check leaves out the glossary's words."""
    issues = []
    for part in ("front", "back"):
        for pattern, (kind, rule, message, fixes) in KINDS.items():
            for match in re.finditer(pattern, card.text(part), re.MULTILINE):
                start = match.start() + 2 if match.group().startswith("- ") else match.start()
                if kind == "spelling" and match.group().casefold() in speller.known:
                    continue
                issues.append(Issue(part, start, match.end(), kind, rule, message, fixes))
    return issues


def test_the_glossary_key_applies_to_unknown_words_only_and_the_summary_counts_what_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry: Registry[Checker] = Registry()
    registry.register(Checker("kinds", kinds_check), "kinds", 1)
    monkeypatch.setattr(proofread, "default_checkers", lambda: registry)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "chapitre-05.md").write_text(KINDS_NOTES, encoding="utf-8")
    runner = CliRunner()
    # "3" (consistency) and "Traduit" (subject): g does not apply, then skip; "tiket": g.
    result = runner.invoke(main, ["review", "source"], input="g\ns\ng\ns\ng\n")
    assert result.exit_code == 0, result.output
    output = result.output
    assert output.count("g does not apply") == 2 and "'tiket' added to the glossary" in output
    prompts = [line for line in output.splitlines() if "a accept · 1-9 pick" in line]
    assert ["g glossary" in line for line in prompts] == [False, False, False, False, True]
    text = (tmp_path / "source" / "corrections.toml").read_text(encoding="utf-8")
    assert 'words = [\n    "tiket",\n]' in text and '"3"' not in text and '"Traduit"' not in text
    assert "1 words added to the glossary" in output and "2 findings left to review" in output
    again = runner.invoke(main, ["review", "source"], input="s\ns\n").output
    assert "[1/2]" in again and "[2/2]" in again and "[3/" not in again
    assert "Citez [3 → ?] rôles" in again and "[Traduit → Il traduit]" in again


def test_a_word_put_in_the_glossary_by_hand_hides_no_other_finding_and_the_summary_agrees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older review may have recorded `words = ["3"]`: the consistency finding on "3" is still
    asked, and the summary counts it."""
    registry: Registry[Checker] = Registry()
    registry.register(Checker("kinds", kinds_check), "kinds", 1)
    monkeypatch.setattr(proofread, "default_checkers", lambda: registry)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "chapitre-05.md").write_text(KINDS_NOTES, encoding="utf-8")
    (tmp_path / "source" / "corrections.toml").write_text('[glossary]\nwords = ["3", "Traduit"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["review", "source"], input="s\ns\ns\n")
    assert result.exit_code == 0, result.output
    assert "[1/3]" in result.output and "Citez [3 → ?] rôles" in result.output
    assert "3 findings left to review" in result.output


needs_grammalecte = pytest.mark.skipif(
    not proofread.engine_available(), reason="Grammalecte is not installed (apt install python3-grammalecte, then make)"
)

SLIPS = """# Chapitre 6 — Sauvegardes

## Sauvegarde incrémentale
Elle copie les fichiers modifiés depuis la précédente sauvegarde.
Les administrateurs vérifie chaque soir que la copie est complète.
Les données sont restaurées à partir de la bande, en cas de panne.

## Plan de reprise
C’est le document qui décrit comment on redémarre les services après un sinistre.
Il est testé régulierement par l’équipe.
"""


@needs_grammalecte
def test_review_yes_then_build_with_the_real_proofreader_fixes_the_deck_anki_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from anki_helpers import import_package, notes, open_collection

    monkeypatch.chdir(tmp_path)
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "chapitre-06.md").write_text(SLIPS, encoding="utf-8")
    runner = CliRunner()
    reviewed = runner.invoke(main, ["review", "--yes", "source"])
    assert reviewed.exit_code == 0, reviewed.output
    assert "'vérifie' -> 'vérifient'" in reviewed.output and "'régulierement' -> 'régulièrement'" in reviewed.output
    built = runner.invoke(main, ["build", "source"])
    assert built.exit_code == 0, built.output
    collection = open_collection(tmp_path / "anki")
    import_package(collection, tmp_path / "build" / "supportcards.apkg")
    backs = " ".join(note.fields["Back"] for note in notes(collection))
    collection.close()
    assert "Les administrateurs vérifient chaque soir" in backs and "testé régulièrement" in backs
    assert "à partir de la bande, en cas de panne" in backs  # a noun without article, left alone
    assert (tmp_path / "source" / "chapitre-06.md").read_text(encoding="utf-8") == SLIPS
    again = runner.invoke(main, ["review", "source"], input="q\n")
    assert "vérifie →" not in again.output and "régulierement →" not in again.output
