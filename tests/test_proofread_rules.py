"""supportcards' own proofreading checks, each on notes written for it: the slip and its traps."""

from __future__ import annotations

import pytest

from supportcards.model import Card, Location
from supportcards.proofread.grammar import engine, engine_available
from supportcards.proofread.rules import et_est, lead_in_noun, list_count, une_part, verb_start
from supportcards.proofread.spelling import Speller
from supportcards.proofread.text import CardText, card_terms, front_terms

needs_grammalecte = pytest.mark.skipif(
    not engine_available(), reason="Grammalecte is not installed (apt install python3-grammalecte, then make)"
)


def card(front: str, back: str) -> CardText:
    source = Card(front=front, back=back, location=Location("n.md", 3), back_line=4)
    return CardText(source, front, back, (), front_terms(front))


def speller(with_engine: bool = False) -> Speller:
    checker = engine() if with_engine else None
    return Speller(engine=checker.getSpellChecker() if checker is not None else None)


def flagged(check, front: str, back: str, with_engine: bool = False) -> list[tuple[str, tuple[str, ...]]]:
    text = card(front, back)
    return [
        (text.text(issue.part)[issue.start : issue.end], issue.suggestions)
        for issue in check(text, speller(with_engine))
    ]


def test_list_count_compares_the_number_asked_with_the_items() -> None:
    assert flagged(list_count, "Citez 3 outils", "Les outils sont :\n- a\n- b") == [("3", ("2",))]
    assert flagged(list_count, "Nommez deux rôles", "- a\n- b\n- c") == [("deux", ("trois",))]
    assert flagged(list_count, "Citez 2 outils", "- a\n- b") == []
    assert flagged(list_count, "Citez 2 outils", "Le marteau et la pince.") == []  # no list: nothing to count
    assert flagged(list_count, "Qu’est-ce qu’un outil ?", "- a\n- b\n- c") == []


def test_list_count_is_certain_over_one_list_only() -> None:
    def rules(front: str, back: str) -> list[str]:
        return [issue.rule for issue in list_count(card(front, back), speller())]

    assert rules("Citez 3 outils", "Les outils sont :\n- a\n- b\n\n- c\n  (le plus courant)\n- d") == ["list-count"]
    assert rules("Citez 2 avantages", "Av:\n- a\n- b\nDésav:\n- c\n- d") == ["list-count-ambigu"]
    assert rules("Citez 2 avantages et 2 limites", "- a\n- b\n- c\n- d") == ["list-count-ambigu"]
    assert flagged(list_count, "Nommez trois rôles", "- a\n- b") == [("trois", ("deux",))]  # in words, as written


def test_lead_in_noun_catches_another_noun_or_adjective_than_asked() -> None:
    assert flagged(lead_in_noun, "Citez 2 avantages du cloud", "Les inconvénients sont :\n- a\n- b") == [
        ("avantages", ("inconvénients",))
    ]
    assert flagged(lead_in_noun, "Citez 2 compétences techniques", "Les compétences sociales sont :\n- a") == [
        ("techniques", ("sociales",))
    ]
    assert flagged(lead_in_noun, "Citez 2 avantages du cloud", "Les avantages sont :\n- a\n- b") == []
    assert flagged(lead_in_noun, "Citez 3 compétences d’un technicien", "Les compétences techniques sont :") == []
    assert flagged(lead_in_noun, "Citez 2 avantage", "Ses avantages :\n- a") == []  # singular/plural alike


def test_une_part_flags_the_second_one_only() -> None:
    back = "D’une part, il répond.\nD’une part, il documente."
    assert flagged(une_part, "Rôle", back) == [("D’une part", ("D’autre part",))]
    assert flagged(une_part, "Rôle", "D’une part, il répond.\nD’autre part, il documente.") == []
    assert flagged(une_part, "Rôle", "- D’une part il répond.\n- D’une part il documente.") == [
        ("D’une part", ("D’autre part",))
    ]
    assert flagged(une_part, "Rôle", "Il répond d’une part, et il documente d’une part, le soir.") == [
        ("d’une part", ("d’autre part",))
    ]


def test_une_part_after_et_is_the_second_connector() -> None:
    back = "D’une part le flux est chiffré, et d’une part le poste reçoit une adresse interne."
    assert flagged(une_part, "VPN", back) == [("d’une part", ("d’autre part",))]
    back = "Il protège d’une part les données, et d’une part il respecte le RGPD."
    assert flagged(une_part, "Chiffrement", back) == [("d’une part", ("d’autre part",))]
    back = "Il s’agit d’une part importante du budget, et d’une part il faut la justifier."
    assert flagged(une_part, "Coût", back) == []


def test_une_part_that_is_a_share_is_no_connector() -> None:
    back = (
        "D’une part, les licences coûtent cher ; d’autre part, elles sont annuelles.\n"
        "Il s’agit d’une part importante du budget."
    )
    assert flagged(une_part, "Coût", back) == []


def test_et_est_between_a_noun_and_a_participle() -> None:
    assert flagged(et_est, "Ticket", "Le ticket et fermé par le technicien.") == [("et", ("est",))]
    assert flagged(et_est, "Pièce", "Le changement de pièce et noté.") == [("et", ("est",))]
    assert flagged(et_est, "Ticket", "Les tickets et fermés par le technicien.") == [("et", ("sont",))]
    assert flagged(et_est, "Ticket", "Le nombre de tickets ouverts et fermés.") == []
    assert flagged(et_est, "Ticket", "Le ticket est ouvert et fermé le jour même.") == []
    assert flagged(et_est, "Ticket", "La sécurité et la disponibilité du service.") == []


@needs_grammalecte
def test_et_est_with_the_lexicon_knows_nouns_from_participles() -> None:
    assert flagged(et_est, "C", "La demande et traitée en une heure.", with_engine=True) == [("et", ("est",))]
    assert flagged(et_est, "C", "Le serveur redémarré et configuré.", with_engine=True) == []
    assert flagged(et_est, "C", "Le coût et durée du projet.", with_engine=True) == []


@needs_grammalecte
def test_et_est_takes_every_past_participle_the_lexicon_knows_not_only_those_in_e() -> None:
    """ "transmis", "fourni", "mis": a singular noun group + et + participle."""
    for back in (
        "Le paquet et transmis vers le routeur.",
        "Le rapport et fourni chaque mois.",
        "Le logiciel et mis à jour.",
    ):
        assert flagged(et_est, "C", back, with_engine=True) == [("et", ("est",))], back
    assert flagged(et_est, "C", "Les règles et appliquées par le pare-feu.", with_engine=True) == [("et", ("sont",))]
    correct = (
        "Le filtre et le pare-feu protègent le réseau.",
        "Le client et lui se parlent.",  # "lui" is a pronoun before it is a participle of luire
        "Le ticket et suivi de près.",  # "suivi" is also a noun: the lexicon cannot tell, so no finding
        "Le poste et tout son matériel.",
        "Le serveur et puis le routeur.",
        "Un accès rapide et sécurisé.",
        "C’est un fichier enregistré sur le disque et copié chaque nuit.",  # two participles joined
    )
    for back in correct:
        assert flagged(et_est, "C", back, with_engine=True) == [], back


@needs_grammalecte
def test_et_est_leaves_a_noun_group_that_a_preposition_puts_aside() -> None:
    """After a comma and a preposition, the noun group is no subject: "et" adds an attribute to
    the verb before the comma. A noun group that opens its part of the sentence is still one."""
    correct = (
        "Le poste doit être prêt à redémarrer, près de sa prise et branché sur le secteur.",
        "Le portable est rendu au support, avec son chargeur et nettoyé.",
        "Le serveur reste allumé, dans la salle et surveillé par la sonde.",
    )
    for back in correct:
        assert flagged(et_est, "C", back, with_engine=True) == [], back
    slips = (
        "Le poste est prêt, le câble et branché.",
        "Dans la salle, le serveur et branché.",
        "Après la mise à jour, la session et ouverte.",
        "La configuration de la borne et terminée.",
    )
    for back in slips:
        assert flagged(et_est, "C", back, with_engine=True) == [("et", ("est",))], back


@needs_grammalecte
def test_verb_start_needs_a_third_person_verb_and_nothing_else() -> None:
    assert flagged(verb_start, "Incident Management", "Permet de rétablir le service.", with_engine=True) == [
        ("Permet", ("Il permet", "Elle permet", "Cela permet"))
    ]
    assert flagged(verb_start, "Audit", "Désigne un contrôle.", with_engine=True)[0][0] == "Désigne"
    for back in ("Point de contact unique.", "Il permet de gérer.", "Est-ce utile ?", "Copie de sécurité."):
        assert flagged(verb_start, "X", back, with_engine=True) == [], back


@needs_grammalecte
@pytest.mark.parametrize(
    ("front", "back", "fix"),
    [
        ("Passerelle", "Permet aux postes de sortir du réseau local.", "Elle permet"),
        ("Pare-feu (firewall)", "Bloque les ports que la politique ferme.", "Il bloque"),
        ("Les journaux d’événements", "Gardent la trace des erreurs du système.", "Ils gardent"),
        ("La DMZ", "Sépare les serveurs publics du réseau interne.", "Elle sépare"),
        ("Clé USB", "Permet de transporter des fichiers.", "Elle permet"),
        ("L’annuaire", "Contient les comptes et les groupes.", "Il contient"),
        ("Données personnelles", "Permettent d’identifier une personne.", "Elles permettent"),
    ],
)
def test_verb_start_offers_the_one_pronoun_of_a_front_the_lexicon_genders(front: str, back: str, fix: str) -> None:
    (issue,) = verb_start(card(front, back), speller(with_engine=True))
    assert (issue.rule, issue.suggestions) == ("front-pronoun", (fix,))


@needs_grammalecte
@pytest.mark.parametrize(
    ("front", "back"),
    [
        ("Poste de travail", "Permet de travailler."),  # "poste" is of either gender
        ("Incident Management", "Permet de rétablir le service."),  # an English title: its head is last
        ("Le VPN se coupe toutes les heures", "Arrive quand le bail DHCP expire."),  # a case, not a thing
        ("Pourquoi chiffrer le disque ?", "Permet de protéger les données."),  # a question
        ("Disque bruyant", "Peut être un disque qui fatigue : lancez un test SMART."),  # "peut-être" reads too
        ("Power-User", "Appelle les utilisateurs avancés en renfort."),  # also an instruction ("appelle !")
        ("Consignes au stagiaire", "Envoie le ticket à l’équipe réseau."),  # the number differs
    ],
)
def test_verb_start_leaves_the_pronoun_to_a_person_where_the_front_does_not_tell_it(front: str, back: str) -> None:
    (issue,) = verb_start(card(front, back), speller(with_engine=True))
    assert issue.rule == "verb-start" and len(issue.suggestions) > 1


@needs_grammalecte
@pytest.mark.parametrize(
    ("front", "back", "fix"),
    [
        ("Ping", "Permet de tester si un hôte répond.", "Il permet"),
        ("NTP (Network Time Protocol)", "Fournit l’heure exacte aux postes.", "Il fournit"),
        ("rsync", "Transmet seulement les fichiers modifiés.", "Il transmet"),
        ("SSD (disque à mémoire flash)", "Contient des puces de mémoire.", "Il contient"),
        ("RAM (mémoire vive)", "Perd son contenu à l’arrêt.", "Elle perd"),
        ("DMZ (zone démilitarisée)", "Contient les serveurs publics.", "Elle contient"),
    ],
)
def test_verb_start_under_a_term_the_lexicon_does_not_know_offers_il(front: str, back: str, fix: str) -> None:
    """A borrowed term, an acronym or a command is masculine in French unless a French gloss in
    parentheses says otherwise ("le ping", "le NTP", but "la DMZ (zone démilitarisée)")."""
    (issue,) = verb_start(card(front, back), speller(with_engine=True))
    assert (issue.rule, issue.suggestions) == ("term-pronoun", (fix,))


@needs_grammalecte
def test_a_name_before_a_comma_is_no_verb_starting_an_answer() -> None:
    assert flagged(verb_start, "Accès en retard", "Marie, que le responsable a appelée hier, attend.", True) == []


@needs_grammalecte
def test_verb_start_takes_a_verb_that_is_also_a_noun_when_an_object_follows() -> None:
    found = flagged(verb_start, "Pare-feu", "Filtre les connexions entrantes.", with_engine=True)
    assert found == [("Filtre", ("Il filtre",))]
    assert flagged(verb_start, "Proxy", "Contrôle l’accès au web.", with_engine=True)[0][0] == "Contrôle"
    assert flagged(verb_start, "Routeur", "Relie plusieurs réseaux.", with_engine=True)[0][0] == "Relie"
    for back in (
        "Filtre anti-spam installé sur le serveur.",
        "Filtre de contenu du proxy.",
        "Contrôle des accès au réseau.",
        "Sauvegarde quotidienne des données.",
        "Copie de sécurité.",
        "Travail à distance.",
    ):
        assert flagged(verb_start, "X", back, with_engine=True) == [], back


def test_front_terms_are_the_parenthesised_expansion_and_capitalised_runs() -> None:
    assert front_terms("RFC (Request for Change)") == {"request", "for", "change"}
    assert front_terms("Change Advisory Board") == {"change", "advisory", "board"}
    assert front_terms("Qu’est-ce qu’un incident ?") == frozenset()


def test_capitalised_runs_in_an_answer_are_terms_too() -> None:
    terms = card_terms("Qu’est-ce qu’un incident ?", "Il est transmis au Service Desk.\nLe Desk répond.")
    assert {"service", "desk"} <= terms and "transmis" not in terms
    assert card_terms("Maintenance", "La Mantenance du poste. Le Ticket System sert.") == {"ticket", "system"}


@needs_grammalecte
def test_et_before_a_present_that_is_also_a_participle_joins_a_second_verb() -> None:
    """ "ferme les fichiers et éteint le poste": the clause has its verb, "éteint" is a second one."""
    for back in (
        "Le technicien ferme les fichiers et éteint le poste.",
        "Le contrôleur remplace le disque et reconstruit la grappe.",
        "Le technicien ouvre le ticket et décrit le problème.",
        "L’antivirus isole le virus et détruit le fichier infecté.",
        "La sonde dépasse le seuil et atteint 60 °C.",
    ):
        assert flagged(et_est, "C", back, with_engine=True) == [], back
    # no verb before the noun group: the slip is still found, for a participle that is also a present
    assert flagged(et_est, "C", "Le problème et résolu.", with_engine=True) == [("et", ("est",))]
    assert flagged(et_est, "C", "Le fichier et détruit chaque nuit.", with_engine=True) == [("et", ("est",))]
    # a participle only, after a verb: still "est"
    assert flagged(et_est, "C", "Après la panne, le serveur et redémarré.", with_engine=True) == [("et", ("est",))]
