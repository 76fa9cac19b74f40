"""supportcards' agreement checks across what stands between a plural subject and its verb
(`proofread/distant.py`), on sentences written for these tests: each slip they must flag, with its
fix, and correct look-alikes they must leave alone."""

from __future__ import annotations

import pytest
from proofread_helpers import flagged

from supportcards.proofread.distant import (
    adjective_chain,
    distant_participle,
    distant_verb,
    name_participle,
    relative_singular_verb,
)
from supportcards.proofread.grammar import engine_available

pytestmark = pytest.mark.skipif(
    not engine_available(), reason="Grammalecte is not installed (apt install python3-grammalecte, then make)"
)


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Les serveurs qui hébergent la base redémarre chaque nuit.", [("redémarre", ("redémarrent",))]),
        ("Les postes que le technicien a configurés fonctionne bien.", [("fonctionne", ("fonctionnent",))]),
        ("Les comptes dont le mot de passe expire est bloqués.", [("est", ("sont",))]),
        ("Les techniciens de l’équipe réseau travaille de nuit.", [("travaille", ("travaillent",))]),
        ("Les disques d’un RAID 5 contient les mêmes blocs.", [("contient", ("contiennent",))]),
        ("Les clients de toutes les VM perd la connexion.", [("perd", ("perdent",))]),
        ("Les fichiers de chaque utilisateur s’affiche dans son dossier.", [("affiche", ("affichent",))]),
        ("Les machines (serveurs et postes) redémarre la nuit.", [("redémarre", ("redémarrent",))]),
        ("Les paramètres de `config.yml` est relus au démarrage.", [("est", ("sont",))]),
        ("Les outils qui servent à surveiller le réseau prévient le technicien.", [("prévient", ("préviennent",))]),
        # "grandit" is present and past simple: the present of the notes
        ("Les disques de toutes les VM grandit chaque jour.", [("grandit", ("grandissent",))]),
        # a capitalised name no lexicon has, after its noun, adds to it
        ("Les claviers Logitech de l’accueil s’use vite.", [("use", ("usent",))]),
        ("Les bornes Ubiquiti, qui sont au plafond, perd le signal.", [("perd", ("perdent",))]),
        # an adverb of quantity and its plural noun are a plural subject too
        ("Peu d’utilisateurs, même parmi les techniciens, connaît ce raccourci.", [("connaît", ("connaissent",))]),
        # a relative between commas whose complements make a list of their own
        (
            "Les alertes, qui viennent du pare-feu, des serveurs et des postes, arrive le matin.",
            [("arrive", ("arrivent",))],
        ),
        (
            "Les journaux, qui viennent du noyau, des pilotes et du gestionnaire de services, concerne la machine.",
            [("concerne", ("concernent",))],
        ),
    ],
)
def test_a_singular_verb_after_a_plural_subject_and_what_stands_between_takes_the_plural(
    back: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert flagged(distant_verb, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "Les serveurs qui hébergent la base que le client consulte redémarrent.",
        "Les postes dont l’écran clignote sont changés.",
        "Les droits de l’utilisateur qui se connecte sont vérifiés.",  # "qui" agrees with "utilisateur"
        "Les messages que reçoit le serveur sont filtrés.",  # the relative's subject after its verb
        "Les utilisateurs qui pensent que le réseau est lent appellent le support.",
        "Les serveurs qui hébergent la base et le site reste en ligne.",  # "le site" has its own verb
        "Les mêmes règles que le pare-feu s’appliquent au proxy.",
        "Les serveurs ainsi que le routeur redémarrent la nuit.",
        "Les postes, comme le serveur, redémarrent la nuit.",
        "La plupart des postes qui tombent en panne est réparée le jour même.",  # a singular head
        "Une dizaine de postes (les plus vieux) sont concernés.",
        "Les serveurs qui hébergent la base ferme à minuit.",  # "ferme" may be an adjective: not sure
        "Les outils qui servent à surveiller le réseau alerte le technicien.",  # "alerte", a noun too
        "Les techniciens qui connaissent le réseau le réparent vite.",
        "Les comptes qu’il a créés lui permettent de tester.",
        "Un NAS dans la même salle que les disques de secours ne protège pas.",  # compared
        "Dans les paramètres Zoom propose un fond flou.",  # after a preposition: no subject
        "Trois fois par jour Veeam copie les fichiers du serveur.",  # a name before its verb is its subject
        "Beaucoup de temps, en pratique, est perdu au téléphone.",  # a singular noun counted
    ],
)
def test_correct_look_alikes_and_unsure_readings_are_left_alone(back: str) -> None:
    assert flagged(distant_verb, back) == []
    assert flagged(distant_participle, back) == []


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Les sauvegardes qu’il lance sont vérifié le lundi.", [("vérifié", ("vérifiées",))]),
        ("Les images du disque système sont compressé puis copiées.", [("compressé", ("compressées",))]),
        ("Les VM que le cluster héberge sont touché.", [("touché", ("touchés",))]),  # its own gender
        ("En panne, toutes les VM qu’il héberge sont touchés.", [("touchés", ("touchées",))]),  # "toutes"
        ("Les VM qu’il héberge sont touchées.", []),
        ("Les postes qu’il se sont partagé restent là.", []),  # not after "être" alone
    ],
)
def test_a_participle_after_a_distant_plural_subject_and_etre_agrees_with_it(
    back: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert flagged(distant_participle, back) == expected


def test_a_singular_participle_after_a_plural_name_or_acronym_takes_the_plural() -> None:
    # "toutes" gives the gender; without it, both genders are offered, the one written first
    assert flagged(name_participle, "Il peut toucher toutes les VM hébergé sur l’hôte.") == [
        ("hébergé", ("hébergées",))
    ]
    assert flagged(name_participle, "Tous les NAS testé ont tenu.") == [("testé", ("testés",))]
    assert flagged(name_participle, "Les GPO appliqué au domaine.") == [("appliqué", ("appliqués", "appliquées"))]
    assert flagged(name_participle, "Les VM hébergées sur le cluster migrent.") == []
    assert flagged(name_participle, "Les PC portable sont livrés.") == []  # "portable", a noun too
    assert flagged(name_participle, "Le VPN chiffré protège le trafic.") == []


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Il faut brancher des disques durs externe.", [("externe", ("externes",))]),
        ("Les ordinateurs portables récent sont rapides.", [("récent", ("récents",))]),
        ("Les disques durs externes sont chiffrés.", []),
        ("Des écrans plats bon marché.", []),  # a phrase of its own before a noun
        ("Des procédures claires simple à suivre.", []),  # "simple à suivre", a phrase of its own
        ("Des chemises bleu clair.", []),  # the first does not agree: a colour's shade
        ("Les câbles réseau blindé sont chers.", []),  # a noun between: not this pattern
        ("Les serveurs distants limite l’accès.", []),  # a verb before its object
        ("Les droits administrateurs local restent.", []),  # "local" after a noun that is no adjective
    ],
)
def test_a_second_adjective_after_a_plural_noun_and_its_adjective_agrees(
    back: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert flagged(adjective_chain, back) == expected


def test_a_persons_name_after_a_plural_time_complement_is_a_subject_of_its_own() -> None:
    assert flagged(distant_verb, "Tous les lundis Marc vérifie les sauvegardes.") == []
    assert flagged(distant_verb, "Les jours fériés Paul assure l’astreinte.") == []


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        # an incise between commas that opens with a relative, whatever its attribute
        ("Les switchs, qui ne sont pas administrables, transmet tout le trafic.", [("transmet", ("transmettent",))]),
        # a plural time complement with no preposition
        ("Les journaux exportés tous les soirs s’affiche dans la console.", [("affiche", ("affichent",))]),
        (
            "Les rapports créés par l’outil sur chaque site toutes les 12 heures arrive par courriel.",
            [("arrive", ("arrivent",))],
        ),
        # a name and an adjective after the relative's object
        ("Les agents qui ont le droit Lecture seule sur le dossier le voit.", [("voit", ("voient",))]),
        # after ", et": a clause of its own
        (
            "Le support prévient la direction, et les clients de toutes les agences reçoit un SMS.",
            [("reçoit", ("reçoivent",))],
        ),
        # a sentence whose full stop a URL took
        (
            "On ouvre https://portail.example.com\nLes comptes du domaine se bloque après cinq essais.",
            [("bloque", ("bloquent",))],
        ),
    ],
)
def test_a_verb_after_an_extended_plural_subject_takes_the_plural(
    back: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert flagged(distant_verb, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "Le technicien qui gère les serveurs et les postes du site intervient.",
        "La liste des serveurs, qui est tenue à jour, contient les adresses.",
        "L’un des serveurs redémarre chaque nuit.",
        "Les utilisateurs dont le compte expire reçoivent un courriel.",
        "Le script des serveurs et des postes tourne la nuit.",
    ],
)
def test_singular_verbs_of_singular_subjects_are_left_alone(back: str) -> None:
    assert flagged(distant_verb, back) == []


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        (
            "Les agents que la société met à disposition de ses clients répond au téléphone.",
            [("répond", ("répondent",))],
        ),
        ("Les scripts que le technicien a écrits pour ses collègues vide le cache.", [("vide", ("vident",))]),
    ],
)
def test_distant_verb_reads_a_verb_that_is_also_a_noun_before_its_object(back: str, expected: list) -> None:
    assert flagged(distant_verb, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Le journal des serveurs qui tournent la nuit contiennent chaque erreur.", [("contiennent", ("contient",))]),
        ("La file des tickets qui attendent une réponse grossissent le lundi.", [("grossissent", ("grossit",))]),
        ("Le dossier des utilisateurs qui ont quitté l’entreprise sont archivés.", [("sont", ("est",))]),
    ],
)
def test_relative_singular_verb_gives_the_head_its_verb_after_a_relative_of_the_complement(
    back: str, expected: list
) -> None:
    assert flagged(relative_singular_verb, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "La plupart des postes qui ont reçu le script redémarrent.",  # a noun of quantity
        "Un grand nombre de postes qui ont reçu le script redémarrent.",
        "La moitié des comptes qui expirent sont des comptes de stagiaires.",
        "Les utilisateurs de la liste qui reçoivent l’alerte doivent répondre.",  # a plural head
        "La liste des postes qui reçoivent le script est rangée dans l’OU.",
        "Le fichier des comptes qui expirent contient leur date.",
    ],
)
def test_relative_singular_verb_leaves_plurals_that_may_be_meant(back: str) -> None:
    assert flagged(relative_singular_verb, back) == []


def test_a_number_and_a_name_no_lexicon_reads_are_no_plural_subject() -> None:
    assert flagged(distant_verb, "Exemple : 0101 AND 0011 donne 0001, et 0101 OR 0011 redonne 0111.") == []


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        # an aside of any kind between commas, after a plural subject that opens its sentence
        ("Les onduleurs du local, deux par baie, tient vingt minutes.", [("tient", ("tiennent",))]),
        ("Les disques, une fois chiffrés, rejoint le stock.", [("rejoint", ("rejoignent",))]),
        ("Les scripts, même ceux qu’on lance à la main, doit écrire dans le journal.", [("doit", ("doivent",))]),
        ("Les imprimantes, lorsqu’elles manquent de papier, envoie une alerte.", [("envoie", ("envoient",))]),
        ("En général, les routeurs, comme le pare-feu, se configure en ligne.", [("configure", ("configurent",))]),
        # an aside that opens with a participle which is also "je répartis"
        ("Les câbles, classés par couleur, se range dans le tiroir.", [("range", ("rangent",))]),
        # examples after "comme", a number after a complement's noun
        ("Les éditeurs comme Notepad++ ou Visual Studio Code le colore.", [("colore", ("colorent",))]),
        ("Les agents du support 2 reprend les tickets escaladés.", [("reprend", ("reprennent",))]),
        # a word that is also a noun, right after the comma that closes the aside
        ("Les badges, une fois imprimés, reste à l’accueil.", [("reste", ("restent",))]),
        ("Les rapports, qui partent le soir, passe par le relais SMTP.", [("passe", ("passent",))]),
        # an elided "ne" comes back in full before a consonant
        ("Les anciens NAS, trop lents pour la sauvegarde, n’est plus utilisés.", [("n’est", ("ne sont",))]),
    ],
)
def test_a_singular_verb_after_a_plural_subject_and_an_aside_between_commas_takes_the_plural(
    back: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert flagged(distant_verb, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "Il nettoie les claviers, les écrans, la tour, range le câble puis part.",  # a list of verbs
        "Les badges, le gardien, lui, les distribue le matin.",  # a subject of its own
        "Tous les vendredis, à midi, démarre la sauvegarde complète.",  # a time complement, the subject after
        "Les nuits, vers deux heures, tourne la sauvegarde.",
        "Les onduleurs, ou plutôt la batterie, tient vingt minutes.",  # a correction
        "Les écrans, le technicien les change, ferme le ticket.",  # a clause in the aside
        "Le serveur, comme les postes, redémarre la nuit.",  # a singular subject
        "Les agents du support 2 techniciens reprend le ticket.",  # a number that counts a noun
        "Les postes comme on l’a vu redémarre la nuit.",  # "comme" opens a clause
        "Les disques, la carte mère, alimentation et ventilateurs sont testés.",  # a list of nouns
        "Les disques, une fois chiffrés, rejoignent le stock.",
    ],
)
def test_asides_that_hold_a_subject_of_their_own_or_follow_no_subject_are_left_alone(back: str) -> None:
    assert flagged(distant_verb, back) == []
    assert flagged(distant_participle, back) == []


def test_a_capitalised_article_after_a_line_with_no_stop_opens_a_sentence() -> None:
    back = (
        "- Sauvegarde : les copies qui partent chaque soir\n"
        "Les copies du serveur, qui sont chiffrées, quitte le site le soir."
    )
    assert flagged(distant_verb, back) == [("quitte", ("quittent",))]
    assert flagged(distant_verb, "Il range les copies du serveur Les Échos.") == []
