"""Link words written as their homophones (`proofread/link_homophones.py`), each check on sentences
written for it: the slips it must flag, and correct look-alikes it must leave alone."""

from __future__ import annotations

import pytest

from supportcards.model import Card, Location
from supportcards.proofread.grammar import engine, engine_available
from supportcards.proofread.homophones import line_readings
from supportcards.proofread.link_homophones import (
    CHECKS,
    a_a_debut,
    est_et_liste,
    est_et_pronom,
    et_est_attribut,
    et_est_pronom_sujet,
    et_est_sujet,
    mes_mais,
)
from supportcards.proofread.rules import Check
from supportcards.proofread.spelling import Speller
from supportcards.proofread.text import CardText

pytestmark = pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")


def flagged(check: Check, back: str) -> list[tuple[str, str, tuple[str, ...]]]:
    source = Card(front="Question", back=back, location=Location("n.md", 3), back_line=4)
    text = CardText(source, "Question", back)
    checker = engine()
    assert checker is not None
    found = check(text, Speller(engine=checker.getSpellChecker()))
    return [(issue.rule, text.text(issue.part)[issue.start : issue.end], issue.suggestions) for issue in found]


@pytest.mark.parametrize(
    "back",
    [
        "Le correctif ne demande pas de redémarrage est il s’applique tout de suite.",
        "Le NAS garde trois copies est elle peut en restaurer une en quelques minutes.",
        "Le pilote est installé par la GPO est on ne touche plus au poste.",
    ],
)
def test_est_before_a_subject_and_its_verb_is_et(back: str) -> None:
    assert [found for found in flagged(est_et_pronom, back) if found[1] == "est"][-1:] == [
        ("est-et-pronom", "est", ("et",))
    ]


@pytest.mark.parametrize(
    "back",
    [
        "Le serveur est il encore sous garantie ?",
        "La carte est elle active sur ce poste ?",
        "La dernière copie est il y a deux jours.",
        "C’est il y a trois semaines que le disque a lâché.",
        "Le compte est-il bloqué ?",
        "Le poste est prêt et il peut partir chez l’utilisateur.",
    ],
)
def test_est_before_a_question_or_a_time_is_left(back: str) -> None:
    assert flagged(est_et_pronom, back) == []


@pytest.mark.parametrize(
    ("back", "word"),
    [
        ("Elle copie les fichiers du profil est les favoris du navigateur.", "est"),
        ("On note le numéro de série (S/N) est la date d’achat dans la fiche.", "est"),
        ("C’est l’outil qui gère les tickets est les demandes de changement.", "est"),
        ("Il faut un script qui sauvegarde les boîtes mail est les agendas.", "est"),
    ],
)
def test_est_joining_a_second_object_is_et(back: str, word: str) -> None:
    assert flagged(est_et_liste, back) == [("est-et-liste", word, ("et",))]


@pytest.mark.parametrize(
    "back",
    [
        "Le fichier que l’on copie est le bon.",
        "Il sait que le serveur est le maître du domaine.",
        "On voit vite quel disque est le plus lent.",
        "Le rapport est le document que le responsable lit en premier.",
        "Elle vérifie si le câble est le bon.",
        "On redémarre le poste, le problème est la mise à jour.",
        "Le serveur qui héberge les fichiers est le NAS du deuxième étage.",
        "Il dit que l’outil qui gère les tickets est le plus simple.",
        "Le technicien qui remplace les disques est la personne à appeler.",
    ],
)
def test_est_as_the_verb_of_its_own_clause_is_left(back: str) -> None:
    assert flagged(est_et_liste, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Le poste démarre, mes il reste lent au démarrage de session.",
        "Le Wi-Fi fonctionne mes ça coupe souvent.",
        "On peut réparer l’écran, mes n’oubliez pas la garantie.",
    ],
)
def test_mes_before_a_clause_is_mais(back: str) -> None:
    assert flagged(mes_mais, back) == [("mes-mais", "mes", ("mais",))]


@pytest.mark.parametrize(
    "back",
    ["Mes documents sont sauvegardés chaque soir.", "Il range mes anciens câbles.", "J’ai copié mes fichiers."],
)
def test_mes_before_a_noun_is_left(back: str) -> None:
    assert flagged(mes_mais, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Voyant vert : la copie et en cours.",
        "Depuis hier, le scanner et en panne.",
        "Le serveur de secours et hors service.",
    ],
)
def test_et_before_a_state_is_est(back: str) -> None:
    assert flagged(et_est_attribut, back) == [("et-est-attribut", "et", ("est",))]


@pytest.mark.parametrize(
    "back",
    [
        "Les droits en lecture et en écriture.",
        "Le partage des fichiers et en particulier des photos.",
        "Un disque dur et en option un SSD.",
        "Le serveur redémarre et en panne on appelle le support.",
        "Accès distant et en ligne.",
    ],
)
def test_et_joining_two_groups_is_left(back: str) -> None:
    assert flagged(et_est_attribut, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Le contrat court sur deux ans ; a la fin on le renouvelle.",
        "La batterie perd 20 % par an. a partir de là on la change.",
        "On garde les journaux un an ; a noter : pas plus.",
    ],
)
def test_a_opening_a_sentence_inside_a_line_is_a(back: str) -> None:
    assert flagged(a_a_debut, back) == [("a-à-début", "a", ("à",))]


@pytest.mark.parametrize(
    "back",
    [
        "Le ticket urgent a la priorité ; le technicien a la charge de le traiter.",
        "On ne sait pas ; a priori le disque est sain.",
        "a la fin de la journée, on ferme.",
        "Le lien 1 :\na la priorité la plus haute.",
    ],
)
def test_a_with_its_subject_or_at_a_line_start_is_left(back: str) -> None:
    assert flagged(a_a_debut, back) == []


def test_every_check_has_a_name() -> None:
    assert [name for name, _ in CHECKS] == [
        *("est-et-pronom", "est-et-liste", "mes-mais", "et-est-attribut", "a-à-début", "et-est-sujet"),
        "et-est-pronom-sujet",
    ]


def test_a_reading_these_checks_make_decides_grammalectes_rival_readings() -> None:
    """Grammalecte reads "mes elle" two ways ("mais elle" or "mes ailes"): `review` keeps the reading
    one of our checks makes too (`homophones.line_readings`)."""
    checker = engine()
    assert checker is not None
    line = "Le filtre bloque les pièces jointes, mes elle laisse passer les liens."
    found = line_readings(checker.getSpellChecker(), line)
    assert ("mes-mais", ("mais",)) in [(issue.rule, issue.suggestions) for issue in found]


@pytest.mark.parametrize(
    "back",
    [
        "Si l’enregistrement SPF et mal rédigé, les mails partent en spam.",
        "Quand le câble du poste et souvent débranché, la sauvegarde échoue.",
        "On voit que le certificat du serveur et expiré depuis hier.",
        "La corbeille est vidée chaque soir, un fichier supprimé et perdu définitivement.",
    ],
)
def test_et_between_a_subject_and_its_participle_in_a_clause_with_no_verb_is_est(back: str) -> None:
    assert flagged(et_est_sujet, back) == [("et-est-sujet", "et", ("est",))]


def test_et_after_a_comma_before_a_participle_and_a_complement_is_for_a_person() -> None:
    back = "Il reste une étape, un poste installé et configuré selon le modèle."
    assert flagged(et_est_sujet, back) == [("et-est-sujet-ambigu", "et", ("est",))]


@pytest.mark.parametrize(
    "back",
    [
        "Un fichier supprimé et restauré garde ses droits d’origine.",
        "Si un fichier supprimé et restauré garde ses droits, tout va bien.",
        "Les fichiers copiés et vérifiés sont archivés chaque soir.",
        "L’outil restaure les données perdues, les fichiers effacés et corrompus.",
        "On vérifie deux choses, un câble branché et testé.",
        "Si le câble est branché et le voyant allumé, la carte fonctionne.",
        "Comme le disque chiffré et protégé par un mot de passe reste illisible, on garde la clé.",
        "Il se présente comme le support de Microsoft et lui demande d’installer un outil.",
    ],
)
def test_coordinated_participles_are_left_alone(back: str) -> None:
    assert flagged(et_est_sujet, back) == []


@pytest.mark.parametrize(
    ("back", "fix"),
    [
        ("Il et connu par tous les techniciens.", "est"),
        ("Elles et souvent bloquées par le pare-feu.", "sont"),
        ("On voit qu’il et installé sur chaque poste.", "est"),
        ("Le lecteur est vieux : il et lent.", "est"),
    ],
)
def test_et_after_a_subject_pronoun_before_an_attribute_is_est(back: str, fix: str) -> None:
    assert flagged(et_est_pronom_sujet, back) == [("et-est-pronom-sujet", "et", (fix,))]


@pytest.mark.parametrize(
    "back",
    [
        "Je travaille avec elle et ses collègues.",
        "Il parle à elle et reconnu.",
        "Elle et son collègue arrivent.",
        "Il et elle sont partis.",
        "Il et chef.",
        "Le poste et il et lent.",
    ],
)
def test_et_after_a_pronoun_that_joins_or_no_attribute_is_left_alone(back: str) -> None:
    assert flagged(et_est_pronom_sujet, back) == []


def test_et_after_a_subject_pronoun_then_an_adverb_and_an_adjective_that_is_also_a_noun_is_est() -> None:
    """ "Elle et totalement silencieuse": after an adverb the adjective is the attribute, no noun partner."""
    back = "Elle et totalement silencieuse, mais il faut un bon flux d’air."
    assert flagged(et_est_pronom_sujet, back) == [("et-est-pronom-sujet", "et", ("est",))]
    assert flagged(et_est_pronom_sujet, "Avec elle et souvent ses collègues.") == []
    assert flagged(et_est_pronom_sujet, "Elle et souvent la seule.") == []
