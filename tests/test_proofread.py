"""The proofreader: findings on the normalized cards, mapped to the source lines and columns."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from supportcards.cli import main
from supportcards.model import Finding
from supportcards.parse import load_project
from supportcards.proofread import Checker, Registry, cached_findings, default_checkers, proofread_project
from supportcards.proofread.spelling import Speller, rank, slip_distance
from supportcards.proofread.text import BACK, CardText, Issue

needs_grammalecte = pytest.mark.skipif(
    not __import__("supportcards.proofread", fromlist=["engine_available"]).engine_available(),
    reason="Grammalecte is not installed (apt install python3-grammalecte, then make)",
)

NOTES = """# Chapitre 7 — Gestion des changements

## RFC (Request for Change)

C'est une demande formelle, le Request est suivi dans le `changelog` et sur https://exemple.org/rfcs.

## Gestion des versions

Av:
- Mantenance plus simple
- Version précédante conservée
"""


def test_spelling_findings_rank_the_likely_word_first(write_source) -> None:
    folder = write_source({"chapitre-07.md": NOTES})
    findings = proofread_project(load_project([folder]))
    spelling = [(finding.text, finding.suggestions[0]) for finding in findings if finding.kind == "spelling"]
    assert spelling == [("Mantenance", "Maintenance"), ("précédante", "précédente")]


def test_findings_carry_the_source_line_and_column_and_the_normalized_line(write_source) -> None:
    folder = write_source({"chapitre-07.md": NOTES})
    path = str(folder / "chapitre-07.md")
    finding = next(f for f in proofread_project(load_project([folder])) if f.text == "précédante")
    assert (finding.location.path, finding.location.line, finding.column) == (path, 11, 11)
    assert finding.context == "- Version précédante conservée"
    assert str(finding).startswith(f"{path}:11:11: spelling: 'précédante' -> 'précédente'")


def test_front_terms_code_and_urls_are_never_flagged(write_source) -> None:
    folder = write_source({"chapitre-07.md": NOTES})
    flagged = {finding.text for finding in proofread_project(load_project([folder]))}
    assert not flagged & {"Request", "changelog", "rfcs", "exemple"}


def test_slip_distance_makes_accents_and_doubled_letters_cheap() -> None:
    assert slip_distance("precedente", "précédente") < slip_distance("precedente", "procedente")
    assert slip_distance("conaissance", "connaissance") < 1
    assert rank("mantenance", ["antennes", "maintenance", "attenance"], lambda word: 0)[0] == "maintenance"


def test_the_registry_runs_checkers_by_priority_and_replaces_by_name() -> None:
    registry: Registry[str] = Registry()
    registry.register("b", "second", 10)
    registry.register("a", "first", 20)
    registry.register("c", "third", 5)
    registry.register("B", "second", 10)
    registry.deregister("third")
    assert list(registry) == ["a", "B"] and registry.names() == ["first", "second"]
    assert "spelling" in default_checkers() and default_checkers().names()[0] == "grammalecte"


def test_a_second_run_takes_the_findings_from_the_cache(write_source, tmp_path: Path) -> None:
    folder = write_source({"chapitre-07.md": NOTES})
    calls: list[str] = []

    def counting(card: CardText, speller: Speller) -> list[Issue]:
        calls.append(card.source.front)
        return [Issue(BACK, 0, 1, "test", "counting", "counted")]

    registry: Registry[Checker] = Registry()
    registry.register(Checker("counting", counting), "counting", 1)
    cache = tmp_path / "build" / ".cache" / "proofread"
    first = proofread_project(load_project([folder]), cache_dir=cache, checkers=registry)
    second = proofread_project(load_project([folder]), cache_dir=cache, checkers=registry)
    assert len(calls) == 2 and first == second and len(first) == 2
    (folder / "chapitre-07.md").write_text(NOTES.replace("plus simple", "plus facile"), encoding="utf-8")
    proofread_project(load_project([folder]), cache_dir=cache, checkers=registry)
    assert calls == ["RFC (Request for Change)", "Gestion des versions", "Gestion des versions"]


def test_cached_findings_need_no_checker(write_source, tmp_path: Path) -> None:
    folder = write_source({"chapitre-07.md": NOTES})
    project = load_project([folder])
    assert cached_findings(project, tmp_path / "build") is None
    found = proofread_project(project, cache_dir=tmp_path / "build" / ".cache" / "proofread")
    cached = cached_findings(project, tmp_path / "build")
    assert cached == {str(folder / "chapitre-07.md"): found}
    script = (
        "import sys; from supportcards.parse import load_project; from supportcards.proofread import cached_findings;"
        f"cached_findings(load_project([{str(folder)!r}]), {str(tmp_path / 'build')!r});"
        "assert 'grammalecte' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_the_seed_chapter_has_no_finding_left(source_dir: Path) -> None:
    assert proofread_project(load_project([source_dir])) == []


@needs_grammalecte
def test_grammar_findings_join_the_lint_report(write_source) -> None:
    folder = write_source({"chapitre-07.md": "# C\n\n## Tickets\nLes employés ouvre un ticket.\n"})
    result = CliRunner().invoke(main, ["lint", str(folder)])
    path = folder / "chapitre-07.md"
    assert f"{path}:4:14: grammar: 'ouvre' -> 'ouvrent' (" in result.stdout
    assert "Accord avec « Les employés" in result.stdout
    assert CliRunner().invoke(main, ["lint", "--strict", str(folder)]).exit_code == 1


@needs_grammalecte
def test_correct_french_is_known_with_grammalecte() -> None:
    from supportcards.proofread.grammar import engine

    checker = engine()
    assert checker is not None
    speller = Speller(engine=checker.getSpellChecker())
    for word in ["priorisation", "détermine-t-on", "Détermine-t-il", "l’équipe", "jusqu’à"]:
        assert speller.is_known(word), word


def test_without_grammalecte_lint_says_how_to_get_it_once(write_source, monkeypatch) -> None:
    import supportcards.proofread as proofread
    import supportcards.proofread.grammar as grammar

    monkeypatch.setattr(proofread, "engine_available", lambda: False)
    monkeypatch.setattr(grammar, "engine_available", lambda: False)
    folder = write_source({"chapitre-07.md": NOTES})
    result = CliRunner().invoke(main, ["lint", str(folder)])
    assert result.exit_code == 0
    assert result.stderr.count("Grammalecte is not installed") == 1
    assert "unknown word 'Mantenance' (did you mean 'Maintenance'?)" in result.stdout


def test_finding_is_the_shared_type() -> None:
    assert Finding.__dataclass_fields__.keys() >= {"location", "column", "kind", "rule", "suggestions", "context"}


def test_a_large_project_is_checked_in_worker_processes_with_the_same_findings(write_source, monkeypatch) -> None:
    import supportcards.proofread as proofread

    cards = "".join(
        f"## Carte {number}\nLa {'Mantenance' if number % 7 == 0 else 'maintenance'} du poste.\n\n"
        for number in range(60)
    )
    folder = write_source({"chapitre-07.md": f"# C\n\n{cards}"})
    project = load_project([folder])
    alone = proofread_project(project)
    monkeypatch.setattr(proofread, "PARALLEL_FROM", 10)
    assert proofread_project(project) == alone and len(alone) == 9


def test_columns_are_those_of_the_source_line_when_the_normalizer_changed_it_before(write_source) -> None:
    back = 'Dit  "bonjour" a la Mantenance.\nPuis "au revoir" : la Mantenance.'
    folder = write_source({"chapitre-07.md": f"# C\n\n## Accueil\n{back}\n"})
    found = [f for f in proofread_project(load_project([folder])) if f.text == "Mantenance"]
    assert [(f.location.line, f.column) for f in found] == [(4, back.index("Mantenance") + 1), (5, 23)]
    assert found[1].context == "Puis «\u00a0au revoir\u00a0»\u00a0: la Mantenance."


def test_correct_french_is_known_without_grammalecte_too() -> None:
    from supportcards.normalize import default_normalizer

    speller = Speller(default_normalizer().words)
    words = ["priorisation", "détermine-t-on", "Détermine-t-il", "va-t-elle", "l’équipe"]
    for word in [*words, "internet", "Internet", "wifi", "Wi-Fi", "e-mails", "l’intranet", "cybersécurité"]:
        assert speller.is_known(word), word
    assert not speller.is_known("détermine-t-onn")


def test_letters_that_sound_alike_are_cheap_slips() -> None:
    assert slip_distance("voyent", "voient") < slip_distance("voyent", "votent")
    assert slip_distance("suivents", "suivants") < slip_distance("suivents", "suivent")


def test_two_checkers_that_flag_the_same_text_with_the_same_fix_make_one_finding(tmp_path: Path) -> None:
    """Grammalecte and an own check both see "Les serveurs répond": one finding, the first's."""
    (tmp_path / "chapitre-01.md").write_text("# Chapitre 1 — X\n\n## Carte\nLes serveurs répond.\n", encoding="utf-8")

    def verb(rule: str, fix: str):
        def check(card: CardText, speller: Speller) -> list[Issue]:
            start = card.back.index("répond")
            return [Issue(BACK, start, start + 6, "grammar", rule, "accord", (fix,))]

        return check

    registry: Registry[Checker] = Registry()
    registry.register(Checker("first", verb("first", "répondent")), "first", 3)
    registry.register(Checker("second", verb("second", "répondent")), "second", 2)
    registry.register(Checker("third", verb("third", "répondit")), "third", 1)
    found = proofread_project(load_project([tmp_path]), checkers=registry)
    assert [(item.rule, item.suggestions) for item in found] == [
        ("first", ("répondent",)),
        ("third", ("répondit",)),
    ]


def test_an_email_address_or_its_pattern_is_never_flagged(write_source) -> None:
    notes = (
        "# Chapitre 7\n\n## Adresse de messagerie\n\n"
        "Elle a la forme utilisateur@domaine, par exemple jdupont@societe.fr.\n"
    )
    folder = write_source({"chapitre-07.md": notes})
    flagged = {finding.text for finding in proofread_project(load_project([folder]))}
    assert not flagged & {"utilisateur", "domaine", "jdupont", "societe"}, flagged


def test_a_windows_or_unc_path_is_never_flagged(write_source) -> None:
    """A path names files as they are, accents or not: "deploiement" in a share is no slip."""
    notes = (
        "# Chapitre 7\n\n## Déploiement\n\n"
        "On dépose le paquet sur \\\\\\\\srv-fichiers\\\\deploiement$\\\\7zip.msi, puis on le copie "
        "dans C:\\Programmes\\Outills avant l'instalation.\n"
    )
    folder = write_source({"chapitre-07.md": notes})
    flagged = {finding.text for finding in proofread_project(load_project([folder]))}
    assert not flagged & {"deploiement", "srv-fichiers", "msi", "Outills"}, flagged
    assert flagged == {"l’instalation"}, flagged  # the slip outside the paths is still found


def test_a_host_name_is_never_flagged_nor_changed(write_source) -> None:
    """ "srv-web02.lycee.local" names a machine as it is: "lycee" in it is no slip."""
    from supportcards.normalize import split_protected

    notes = (
        "# Chapitre 7\n\n## FQDN\n\n"
        "Le serveur srv-web02.lycee.local répond, comme intranet.exemple.ch, sans probleme.\n"
    )
    folder = write_source({"chapitre-07.md": notes})
    flagged = {finding.text for finding in proofread_project(load_project([folder]))}
    assert flagged == {"probleme"}, flagged
    assert ("srv-web02.lycee.local", True) in split_protected("Le serveur srv-web02.lycee.local répond.")
    assert split_protected("Il est 10.5 fois plus lent.") == [("Il est 10.5 fois plus lent.", False)]
    pushed = "On pousse vers registre.exemple.ch/equipe/app:1.0 puis on tague."
    assert ("registre.exemple.ch/equipe/app:1.0", True) in split_protected(pushed)  # its path and tag too
    assert ("exemple.ch", True) in split_protected("Le site exemple.ch: rien à signaler.")
    assert ("a2ensite", True) in split_protected("On lance a2ensite puis on recharge.")  # not "a", "2", "ensite"
    # a letter's combining accent is part of the word: the same word once composed ("Á") is no command's name
    assert not any(protected for _, protected in split_protected("A\u0301A0A fin"))
    assert ("-l 1472", True) in split_protected("On teste avec ping -f -l 1472 suivi de l’adresse.")  # its argument
    assert ("Z:", True) in split_protected("On tape net use Z: puis Entrée.")
    assert split_protected("Le Wi-Fi 6 et USB3.") == [("Le Wi-Fi 6 et USB3.", False)]
