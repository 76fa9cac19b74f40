"""Shared by the tests of the proofreader and the review: one check run on one card, a finding
placed in a small project."""

from __future__ import annotations

from supportcards.model import Card, Finding, Location, Project
from supportcards.normalize import normalize_project
from supportcards.proofread.grammar import engine
from supportcards.proofread.spelling import Speller
from supportcards.proofread.text import CardText, front_terms


def flagged(check, back: str, front: str = "Carte") -> list[tuple[str, tuple[str, ...]]]:
    """The words `check` flags in a card with this back, each with its suggestions."""
    source = Card(front=front, back=back, location=Location("n.md", 3), back_line=4)
    text = CardText(source, front, back, (), front_terms(front))
    checker = engine()
    assert checker is not None
    speller = Speller(engine=checker.getSpellChecker())
    return [(text.text(issue.part)[issue.start : issue.end], issue.suggestions) for issue in check(text, speller)]


NOTES = """# Chapitre 4 — Gestion des changements

## Change Management
Encadre les changements de l'entreprise.
Les employés ouvre un ticket et indique leur problème.
Av:
- Jusqu'a la fin, le changement et validé.

## Qu'est-ce qu'un CAB
Le CAB ouvre la réunion. Les employés ouvre un ticket.
Editer des documentation techniques.
"""


def finding(
    project: Project, line: int, text: str, *suggestions: str, rule: str = "conj", nth: int = 0, kind: str = "grammar"
) -> Finding:
    """A finding as the proofreader reports it: on the normalized text, at the source line."""
    normalized, _ = normalize_project(project)
    for card in normalized.chapters[0].cards:
        for first, part in ((card.location.line, card.front), (card.back_line, card.back)):
            lines = part.split("\n")
            if first <= line < first + len(lines):
                context = lines[line - first]
                column = -1
                for _ in range(nth + 1):
                    column = context.index(text, column + 1)
                where = Location(card.location.path, line)
                return Finding(where, column + 1, kind, rule, "msg", text, suggestions, context, column + 1)
    raise AssertionError(f"no line {line}")
