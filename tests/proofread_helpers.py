"""Shared by the tests of our own word-class checks: run one check on one card."""

from __future__ import annotations

from supportcards.model import Card, Location
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
