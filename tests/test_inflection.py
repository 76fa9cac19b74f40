"""supportcards' word-class checks (`proofread/inflection.py`), on sentences written for these
tests: each slip they must flag, with its fix, and correct look-alikes they must leave alone."""

from __future__ import annotations

import pytest
from proofread_helpers import flagged

from supportcards.proofread.grammar import engine_available
from supportcards.proofread.inflection import (
    adjective_between,
    attribute_subject,
    causative_infinitive,
    clitic_participle,
    complement_adjective,
    determiner_adjective,
    list_infinitive,
    locution_adjective,
    noun_adjective,
    plural_adjective,
    plural_participle,
    se_infinitive,
    tout_adjective,
)

pytestmark = pytest.mark.skipif(
    not engine_available(), reason="Grammalecte is not installed (apt install python3-grammalecte, then make)"
)


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("- copies hebdomadaires gardés 4 semaines", [("gardés", ("gardées",))]),
        ("- Tiroir trop remplis", [("remplis", ("rempli",))]),
        ("- Disques presque saturé", [("saturé", ("saturés",))]),
        ("- Connexion très lents", [("lents", ("lente",))]),
        ("Les clés trop court sont cassées vite.", [("court", ("courtes",))]),
        ("Les archives annuelles stockés au sous-sol sont rarement lues.", [("stockés", ("stockées",))]),
        ("Le serveur est lent, les sauvegardes mensuelles gardés 12 mois.", [("gardés", ("gardées",))]),
    ],
)
def test_noun_adjective_agrees_an_adjective_with_the_noun_group_that_opens_the_clause(
    back: str, expected: list
) -> None:
    assert flagged(noun_adjective, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "- Tiroir trop rempli",
        "- Nombre de postes trop élevé",  # the adjective is the head's, after a complement
        "- La liste des postes mise à jour chaque soir",  # not the nearest noun
        "Le nombre de sessions ouvertes dépend du serveur.",
        "Ils arrivent le matin fatigués.",  # the noun is no subject: the adjective may be the pronoun's
        "Les données sont traitées chaque nuit.",
        "Il a identifié le fichier.",
        "- Installé, configuré, testé",
        "- Le câble et le port testés",  # two coordinated nouns
        "- Mode invité activé",  # a noun after a noun ("invité") keeps its own agreement
        "Le poste ferme la session.",  # a verb of the noun's person
        "Les droits administrateur accordés par erreur sont retirés.",
        "- Les comptes de service désactivés",
        # after a comma, "une fois", "la nuit" say when: the participle is the subject's
        "Le disque, une fois formaté, est rendu au service.",
        "Les cartes, une fois installées, sont testées.",
        "Le poste, la nuit venue, redémarre.",
        "Le disque, une fois formatés, est rendu.",  # an incise: whose number is wrong, a person reads
    ],
)
def test_noun_adjective_leaves_correct_look_alikes(back: str) -> None:
    assert flagged(noun_adjective, back) == []


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Il se créer en une seconde.", [("créer", ("crée",))]),
        ("Ensuite, elles se synchroniser chaque nuit.", [("synchroniser", ("synchronisent",))]),
        ("Le poste ne se connecter plus au domaine.", [("connecter", ("connecte",))]),
        ("Les sessions se fermer seules après une heure.", [("fermer", ("ferment",))]),
    ],
)
def test_se_infinitive_gives_the_subject_its_present(back: str, expected: list) -> None:
    assert flagged(se_infinitive, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "Il peut se créer un compte seul.",  # after a modal
        "Il va se connecter plus tard.",
        "Pour se connecter, il tape son code.",
        "Il faut se déconnecter avant de partir.",
        "Il se crée en une seconde.",
        "Comment se connecter au VPN ?",
        "Il demande à l’utilisateur de se déconnecter.",
    ],
)
def test_se_infinitive_leaves_infinitives_something_asks_for(back: str) -> None:
    assert flagged(se_infinitive, back) == []


def test_list_infinitive_takes_the_infinitive_of_the_other_steps() -> None:
    back = "1. Identifié le poste\n2. Choisir la sauvegarde\n3. Restaurer les fichiers\n4. Vérifier le résultat"
    assert flagged(list_infinitive, back) == [("Identifié", ("Identifier",))]
    assert flagged(list_infinitive, back.replace("Identifié", "Identifier")) == []


@pytest.mark.parametrize(
    "back",
    [
        "- Installé, configuré, testé\n- Documenté\n- Livré",  # states, no infinitive beside them
        "- Installé le poste\n- Configuré le réseau\n- Testé la connexion",  # all participles: a style
        "1. Installé le poste\n2. Configurer le réseau",  # two items say too little
        "- Mis à jour le soir\n- Vérifier les journaux\n- Redémarrer le service",  # no object: a state
        "Il a identifié le fichier.\nPuis il le restaure.",
        "1. Excepté les serveurs, éteindre tous les postes\n2. Couper le courant\n3. Fermer la salle",  # a preposition
    ],
)
def test_list_infinitive_leaves_lists_that_do_not_ask_for_it(back: str) -> None:
    assert flagged(list_infinitive, back) == []


def test_causative_infinitive_offers_the_infinitive_after_faire_or_laisser() -> None:
    assert flagged(causative_infinitive, "Il laisse l’appelant patienté.") == [("patienté", ("patienter",))]
    assert flagged(causative_infinitive, "Il fait le poste redémarré.") == [("redémarré", ("redémarrer",))]
    # after laisser, a verb that may take an object: its participle may be the noun's state
    assert flagged(causative_infinitive, "Il laisse le serveur branché le week-end.") == []
    assert flagged(causative_infinitive, "Laissez la clé connectée pendant la copie.") == []
    assert flagged(causative_infinitive, "Le technicien fait le client patienté.") == [("patienté", ("patienter",))]
    # a verb that always takes an object: its participle is the noun's state
    assert flagged(causative_infinitive, "Il laisse la session verrouillée la nuit.") == []
    assert flagged(causative_infinitive, "Il a laissé le poste allumé.") == []
    assert flagged(causative_infinitive, "Il laisse parler le client.") == []


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Si elle est corrompue, Outlook la recréé à partir du serveur.", [("recréé", ("recrée",))]),
        ("Si le fichier manque, Windows le recréé au démarrage.", [("recréé", ("recrée",))]),
        ("Le service la créé à la première connexion.", [("créé", ("crée",))]),
        ("Le technicien l’a créé hier soir.", []),  # with "avoir": the participle is right
        ("Windows le recrée au démarrage.", []),
        ("Les services la créé chaque lundi.", []),  # "créent" does not sound like it: a person reads it
        ("Le dossier créé par le script est vide.", []),
        ("Le technicien le supprimé.", []),  # "l’a supprimé" with "a" left out, maybe
    ],
)
def test_clitic_participle_takes_the_present_of_a_verb_in_eer(back: str, expected: list) -> None:
    assert flagged(clitic_participle, back) == expected


@pytest.mark.parametrize(
    ("check", "back", "expected"),
    [
        # complement-adjective: two nouns of one gender and number, an adjective agreeing with neither
        (complement_adjective, "On remplit une fiche de panne complet.", [("complet", ("complète",))]),
        (complement_adjective, "Il garde un journal de contrôle détaillée.", [("détaillée", ("détaillé",))]),
        # a head of either gender in the lexicon ("page", "poste") takes its determiner's
        (complement_adjective, "Il crée une page de connexion simplifié.", [("simplifié", ("simplifiée",))]),
        (complement_adjective, "Le poste de travail installée hier démarre.", [("installée", ("installé",))]),
        # adjective-between: between a noun and an adjective that agree, the other number
        (adjective_between, "Liste : serveurs prioritaire concernés, postes.", [("prioritaire", ("prioritaires",))]),
        (adjective_between, "On appelle les clients important touchés.", [("important", ("importants",))]),
        # tout-adjective: "tout" before a feminine adjective takes its gender and number
        (tout_adjective, "Les alertes se ferment toute seules.", [("toute", ("toutes",))]),
        (tout_adjective, "La session se verrouille tout seule.", [("tout", ("toute",))]),
        # plural-participle: a plural group and a singular participle before its complement
        (plural_participle, "On liste des comptes créé par le script.", [("créé", ("créés",))]),
        (plural_participle, "Il relance les services désactivé pendant la nuit.", [("désactivé", ("désactivés",))]),
        # determiner-adjective: the adjective takes the gender of the determiner and its noun
        (determiner_adjective, "Le chiffrement reste la meilleur protection.", [("meilleur", ("meilleure",))]),
        (determiner_adjective, "Un redémarrage est une bon idée.", [("bon", ("bonne",))]),
    ],
)
def test_an_adjective_takes_the_agreement_its_neighbours_share(
    check: object, back: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert flagged(check, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "On remplit une note de résolution claire et complète.",
        "Le mode de connexion choisie par le client dépend du réseau.",  # "mode" (m) and "connexion" (f): either
        "On imprime une page de garde colorée.",
        "Le nombre de tickets ouverts augmente.",
        "Écran de la salle de réunion cassé",  # the first noun's adjective
        "Les tickets de niveau supérieur sont transmis.",  # adjective-complement's case, for a person
        "Les comptes utilisateur créés hier sont actifs.",  # a noun complementing a noun
        "Les câbles réseau branchés au switch clignotent.",
        "Citez 3 codecs audio utilisés en VoIP.",  # invariable
        "Des câbles blindés bon marché suffisent.",
        "Les correctifs sont d’abord installés sur un groupe pilote.",
        "Le poste redémarre tout seul.",
        "Ils sont tous seuls au bureau.",
        "Elle n’est pas du tout sûre du résultat.",
        "La salle tout entière est privée de réseau.",
        "Le fichier des logiciels installé sur le serveur est à jour.",  # the file may be installed
        "Les paramètres de la carte réseau installée sur le poste sont enregistrés.",
        "C’est la mémoire qui est le vrai problème.",
        "La date limite est dépassée.",
        "L’utilisateur donne le code affiché.",
        "On attend une demi heure.",
    ],
)
def test_adjectives_that_agree_as_written_are_left_alone(back: str) -> None:
    for check in (complement_adjective, adjective_between, tout_adjective, plural_participle, determiner_adjective):
        assert flagged(check, back) == [], check.__name__


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        (
            "Une mise en place rapid a été faite. Une mise à niveau complet du parc est prévue.",
            [("complet", ("complète",))],
        ),
        ("La prise en compte tardif des alertes coûte cher.", [("tardif", ("tardive",))]),
        ("Une mise à jour mineur corrige le bug.", [("mineur", ("mineure",))]),
        ("Les prises en charge rapide rassurent les utilisateurs.", [("rapide", ("rapides",))]),
    ],
)
def test_locution_adjective_agrees_an_adjective_with_the_head_of_a_locution_noun(back: str, expected: list) -> None:
    assert flagged(locution_adjective, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "La mise à jour du pilote graphique corrige le bug.",  # a complement with its article
        "Les mises à jour majeures sont testées.",
        "La mise à jour Windows est installée la nuit.",
        "Une mise à jour client est nécessaire.",  # a noun that serves as an adjective
        "Un accès en lecture seule suffit.",  # no locution head
        "La prise en charge matérielle s’arrête en juin.",
    ],
)
def test_locution_adjective_leaves_correct_locutions(back: str) -> None:
    assert flagged(locution_adjective, back) == []


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Quand le câble est abîmé, la connexion devient vite lent.", [("lent", ("lente",))]),
        ("La sauvegarde du serveur de fichiers reste incomplet depuis lundi.", [("incomplet", ("incomplète",))]),
        ("La migration d’un gros serveur peut être très coûteux.", [("coûteux", ("coûteuse",))]),
        ("La console, qui tourne sur le serveur, doit rester fermé la nuit.", [("fermé", ("fermée",))]),
        ("Sans pilote, l’imprimante paraît bloqué.", [("bloqué", ("bloquée",))]),
        ("Le poste démarre et la carte réseau devient inactif.", [("inactif", ("inactive",))]),
        ("Le VPN est coupé (« délai dépassé ») et la session reste ouvert.", [("ouvert", ("ouverte",))]),
        ("Toute la configuration reste stocké sur le serveur.", [("stocké", ("stockée",))]),  # "tout" before it
        # an incise that opens with an adjective describes the subject before it
        ("La procédure, simple à suivre pour un poste, devient vite long.", [("long", ("longue",))]),
        ("La clé, installée sur le poste, reste actif.", [("actif", ("active",))]),
        ("Cette solution, souvent moins coûteuse, reste peu fiables.", [("fiables", ("fiable",))]),
    ],
)
def test_attribute_subject_agrees_an_attribute_with_the_head_of_its_subject(back: str, expected: list) -> None:
    assert flagged(attribute_subject, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "Le mot de passe du compte doit rester secret.",
        "Le disque de la machine virtuelle peut être très lent.",
        "Le contenu de la page devient flou au zoom.",
        "La plupart des postes sont lents le lundi.",  # the verb's number is not the head's
        "Le disque, une fois formaté, est rendu au service.",  # no subject before the comma
        "En pratique, simple à poser, le câble devient vite rigide.",  # what stands first is no subject
        "Le serveur, client du domaine, reste actif.",  # a noun in apposition, no incise of an adjective
        "Les utilisateurs sont partie prenante du projet.",  # a noun attribute
        "Cette offre reste bon marché.",
        "Quand le réseau est chargé, la voix reste prioritaire.",
        "Il devient lent.",
        "Le câble et la prise restent branchés.",  # one subject of two nouns
        "Le câble neuf et la prise sont branchés.",
        "La liaison entre le client et le serveur est chiffrée.",  # 'entre' is no verb
    ],
)
def test_attribute_subject_leaves_attributes_that_agree_or_have_another_subject(back: str) -> None:
    assert flagged(attribute_subject, back) == []


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Sur ce poste, les données personnel sont séparées du reste.", [("personnel", ("personnelles",))]),
        ("Les dossiers local ne sont pas sauvegardés.", [("local", ("locaux",))]),
        ("On publie les horaires sur les réseaux social de la mairie.", [("social", ("sociaux",))]),
    ],
)
def test_plural_adjective_gives_an_adjective_entry_the_plural_noun_s_agreement(back: str, expected: list) -> None:
    assert flagged(plural_adjective, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "Les données client sont chiffrées.",  # a noun that serves as an adjective
        "Les sessions utilisateur expirent après une heure.",
        "Les options réseau sont dans le panneau.",  # no adjective entry
        "Les éditions familiale et professionnelle de Windows diffèrent.",  # one each
        "Des câbles longue distance relient les bâtiments.",  # the word opens a noun of its own
        "On demande deux semaines minimum.",  # a number, no determiner
        "Les câbles standard suffisent.",  # an invariable reading
    ],
)
def test_plural_adjective_leaves_appositions_and_shared_out_adjectives(back: str) -> None:
    assert flagged(plural_adjective, back) == []
