"""supportcards' check of verbs joined to a verb whose subject is known (`proofread/coordination.py`),
on sentences written for these tests: each slip it must flag, with its fix, and correct look-alikes
it must leave alone."""

from __future__ import annotations

import pytest
from proofread_helpers import flagged

from supportcards.policy import CERTAIN
from supportcards.proofread.coordination import (
    CHECKS,
    attribute_coordination,
    coordinated_participle,
    coordinated_verb,
)
from supportcards.proofread.grammar import engine_available
from supportcards.proofread.rules import OWN_CHECKS

pytestmark = pytest.mark.skipif(
    not engine_available(), reason="Grammalecte is not installed (apt install python3-grammalecte, then make)"
)


def test_the_check_is_registered_and_certain() -> None:
    assert set(dict(CHECKS)) <= set(dict(OWN_CHECKS))
    assert {"coordinated-verb", "coordinated-noun-verb"} <= CERTAIN


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Le client appelle le support et attendent une réponse.", [("attendent", ("attend",))]),
        ("Les techniciens vérifient le câble puis remplace la carte réseau.", [("remplace", ("remplacent",))]),
        ("Ils installent le logiciel et le configure.", [("configure", ("configurent",))]),  # an object pronoun
        ("Les utilisateurs ouvrent un ticket et ne sait pas quoi faire.", [("sait", ("savent",))]),
        ("Les disques sont pleins et ralentit le serveur.", [("ralentit", ("ralentissent",))]),
        ("Nous ouvrons le ticket et attend la réponse.", [("attend", ("attendons",))]),
        # over the first verb's object and a participle clause
        (
            "Les employés remplissent un formulaire, ressemblant à un courriel et envoie une copie.",
            [("envoie", ("envoient",))],
        ),
        # a list of verbs closed by "et": the comma's verb too
        ("Le technicien installe Windows, configure le réseau et testent la connexion.", [("testent", ("teste",))]),
        ("L’équipe de nuit surveille les liens et réagissent aux alertes.", [("réagissent", ("réagit",))]),
        # also a noun, but in the third person and before its object
        ("Les agents rappellent le client et note sa demande.", [("note", ("notent",))]),
        # what stands between a noun group and its verb (`distant.py`): a name
        ("Le serveur DHCP attribue les adresses et renouvellent les baux.", [("renouvellent", ("renouvelle",))]),
        # a noun for the verb it sounds like, right after the verb and its "et", before an object
        ("Le service reçoit et tris les demandes.", [("tris", ("trie",))]),
        ("Les agents écoutent et appuis les clients.", [("appuis", ("appuient",))]),
        # the whole chain shares the subject
        (
            "La hotline reçoit et tris les appels et transmettent les cas urgents.",
            [("tris", ("trie",)), ("transmettent", ("transmet",))],
        ),
    ],
)
def test_a_verb_joined_to_a_verb_with_a_known_subject_takes_its_person(
    back: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert flagged(coordinated_verb, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "Le technicien ouvre le ticket et les utilisateurs attendent.",  # a subject of its own
        "L’équipe gère et les autres interviennent.",
        "Les utilisateurs ouvrent un ticket et le technicien le traite.",
        "Le technicien installe le logiciel, puis les utilisateurs le testent.",
        "Le technicien ouvre le ticket, les utilisateurs attendent et relancent.",
        "Elle reçoit ses appels et les transmet aux instances concernées.",
        "Le technicien gère les incidents et demandes les plus urgentes.",  # a noun listed after a noun
        "Les techniciens installent les postes et écrans les plus récents.",
        "Le technicien répare le poste que les utilisateurs ouvrent et ferment.",  # the relative's subject
        "L’équipe gère les tickets qui arrivent et interviennent vite.",
        "Le technicien vérifie que les câbles sont branchés et fonctionnent.",
        "Le technicien ferme les programmes que les utilisateurs ont ouverts et supprime les fichiers.",
        "Les postes redémarrent, explique le technicien.",  # a comma's verb, no list closed by "et"
        "Le serveur (et les postes) redémarrent la nuit.",
        "Le câble et le port fonctionnent et clignotent.",  # coordinated subjects: no known person
        "La plupart des postes redémarrent et installent les mises à jour.",
        "Le réseau est lent et instable.",
        "Les fichiers sont copiés et compressés chaque nuit.",
        "Le technicien a ouvert le ticket et fermé l’incident.",
        "Les postes sont configurés et choisis par le technicien.",
        "Les techniciens réparent ou remplacent les disques.",
        "Sélectionner et acheter du matériel.",  # infinitives, no subject
    ],
)
def test_correct_look_alikes_are_left_alone(back: str) -> None:
    assert flagged(coordinated_verb, back) == []


def test_the_participle_checks_are_registered_and_certain() -> None:
    assert {"coordinated-participle", "attribute-coordination"} <= set(dict(OWN_CHECKS)) & CERTAIN


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        # a subject of two groups joined by "et", after a complement that opens the sentence
        (
            "Avec le partage d’écran, le client et le technicien voient la console et lance le test.",
            [("lance", ("lancent",))],
        ),
        ("Les deux serveurs tournent la nuit et copie les bases.", [("copie", ("copient",))]),  # a number
        ("Les sondes envoient des alertes et tombe souvent en panne.", [("tombe", ("tombent",))]),  # an adverb after
        ("Les postes sont vérifiés par le support et finisse en stock.", [("finisse", ("finissent",))]),  # no "que"
        ("Les imprimantes consomment quand même peu et redémarre seules.", [("redémarre", ("redémarrent",))]),
        # a verb and a noun after "et", a verb before it, "de" and an infinitive after it
        ("Les escrocs volent les codes pour les revendre et menaces de les diffuser.", [("menaces", ("menacent",))]),
        # a superlative after the subject's complement
        ("Les postes du siège les plus récents démarrent vite et installe tout.", [("installe", ("installent",))]),
    ],
)
def test_a_far_verb_joined_to_a_plural_subject_takes_its_person(
    back: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert flagged(coordinated_verb, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Les comptes restent actifs et ne doivent pas être supprimé.", [("supprimé", ("supprimés",))]),
        ("Les licences arrivent par courriel et sont activé le jour même.", [("activé", ("activées",))]),
        ("La carte démarre et va être testé demain.", [("testé", ("testée",))]),
    ],
)
def test_a_joined_passive_participle_agrees_with_the_subject(
    back: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert flagged(coordinated_participle, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("La clé est livrée avec le poste et activé par le support.", [("activé", ("activée",))]),
        ("Les VM sont créées sur l’hôte et sauvegardé chaque nuit.", [("sauvegardé", ("sauvegardées",))]),
        ("Elle est vendue avec le matériel et lié à lui.", [("lié", ("liée",))]),
    ],
)
def test_a_second_attribute_after_a_complement_agrees_with_the_subject(
    back: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert flagged(attribute_coordination, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "Les techniciens se sont parlé puis se sont rendu compte de l’erreur.",
        "Les comptes restent actifs et ne doivent pas être supprimés.",
        "La tablette est vendue avec le clavier et livrée en deux jours.",
        "La tablette est livrée avec le câble neuf et testé.",  # two adjectives of "câble", maybe
        "Le technicien consulte les journaux du service et redémarre la machine.",
        "Les utilisateurs ouvrent un ticket et le technicien le prend en charge.",
        "Les antivirus détectent les virus et menaces connues.",
        "Les attaquants lancent des scans et tentatives de se connecter.",  # two nouns
    ],
)
def test_correct_participles_and_verbs_are_left_alone(back: str) -> None:
    for check in (coordinated_verb, coordinated_participle, attribute_coordination):
        assert flagged(check, back) == [], check.__name__
