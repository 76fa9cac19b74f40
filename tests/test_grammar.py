"""Tests of the grammar checker's wrapper: what Grammalecte is given and what is cut."""

from __future__ import annotations

import pytest

from supportcards.proofread.grammar import engine_available, line_errors, undotted


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("envoyées à 8.8.8.8 sont refusées", "envoyées à 8080808 sont refusées"),
        ("de 192.168.10.1 à 192.168.10.254.", "de 192016801001 à 19201680100254."),
        ("le réseau 10.0.0.0/24 est privé", "le réseau 10000000/24 est privé"),
        ("Windows 10.0.19045 est installé", "Windows 1000019045 est installé"),
    ],
)
def test_a_number_of_three_dotted_parts_is_given_without_its_dots(text: str, given: str) -> None:
    assert undotted(text) == given
    assert len(undotted(text)) == len(text)


@pytest.mark.parametrize(
    "text", ["la version 1.2 corrige", "le fichier v1.2.3 manque", "srv.10.0.0 répond", "169.254.x.x"]
)
def test_versions_of_two_parts_and_names_keep_their_dots(text: str) -> None:
    assert undotted(text) == text


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
@pytest.mark.parametrize(
    "line",
    [
        "Les requêtes envoyées à 8.8.8.8 sont refusées par le pare-feu.",
        "Les postes de 10.0.0.1 à 10.0.0.9 sont dans le même réseau.",
        "Les postes reliés à 10.0.0.9 ont redémarré cette nuit.",
        "Les requêtes envoyées au 8.8.8.8 sont bloquées.",
    ],
)
def test_the_word_after_an_address_is_read_in_its_sentence(line: str) -> None:
    """The address is one number: the verb after it is not read as the start of a sentence or a
    word right after "à" ("à sont" -> "à son")."""
    assert line_errors(line) == []


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_slip_beside_an_address_is_still_found() -> None:
    errors = line_errors("Le poste envoie ces requêtes à 10.0.0.9 et attend sont tour.") or []
    assert ("g2__conf_son_sont__b4_a1_1", "sont") in errors
