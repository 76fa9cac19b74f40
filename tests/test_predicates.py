"""The checks of `proofread/predicates.py` on sentences written for them: the slips they must flag
(a verb written as its homophone after a name, a number or a subject) and correct look-alikes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from proofread_helpers import flagged

from supportcards.cli import main
from supportcards.policy import CERTAIN
from supportcards.proofread.grammar import engine_available
from supportcards.proofread.predicates import (
    CHECKS,
    a_avoir,
    et_est_nom,
    et_est_superlatif,
    infinitive_participle,
    on_ont_participe,
    qui_ce_se,
    sont_son,
    unknown_conjugation,
)
from supportcards.proofread.rules import OWN_CHECKS

pytestmark = pytest.mark.skipif(
    not engine_available(), reason="Grammalecte is not installed (apt install python3-grammalecte, then make)"
)


def test_the_checks_are_registered_and_certain() -> None:
    assert set(dict(CHECKS)) <= set(dict(OWN_CHECKS))
    assert set(dict(CHECKS)) <= CERTAIN


@pytest.mark.parametrize(
    ("back", "fix"),
    [
        ("Le port 8080 et ouvert uniquement pour le proxy.", "est"),
        ("Le NTP et rarement configuré sur les imprimantes.", "est"),
        ("L’adresse 192.168.1.1 et attribuée à la box.", "est"),
        ("Le SIEM et indispensable pour tracer les accès.", "est"),
        ("Les serveurs DNS et souvent doublés par sécurité.", "sont"),
        ("Thunderbird et gratuit pour tous les usages.", "est"),
    ],
)
def test_et_after_a_name_or_number_before_an_adjective_is_est(back: str, fix: str) -> None:
    assert flagged(et_est_nom, back) == [("et", (fix,))]


@pytest.mark.parametrize(
    "back",
    [
        "Les ports 80 et 443 sont ouverts.",
        "Windows 11 et ultérieur.",
        "Les versions 2019 et ultérieures sont prises en charge.",
        "Le port 22 et le port 23 sont fermés.",
        "Les ports 20 et 21 et réservés au FTP.",
        "Un écran 24 pouces et réglable en hauteur.",
        "Le serveur rapide et fiable de la salle.",
        "- Le NAS et indispensable pour les sauvegardes.",
        "Le poste de Julie et celui de Marc sont prêts.",
    ],
)
def test_names_joined_by_et_and_fragments_are_left(back: str) -> None:
    assert flagged(et_est_nom, back) == []


def test_a_name_and_a_ranked_noun_group_with_no_verb_is_est() -> None:
    assert flagged(et_est_superlatif, "Firefox et le navigateur le plus installé sous Linux.") == [("et", ("est",))]
    assert flagged(et_est_superlatif, "Zabbix et l’outil de supervision la plus simple à installer.") == [
        ("et", ("est",))
    ]


@pytest.mark.parametrize(
    "back",
    [
        "Chrome et le navigateur de Microsoft.",
        "Chrome et le navigateur le plus installé sont comparés.",
        "Excel et Word, les outils les plus utilisés.",
        "- Chrome et le navigateur le plus rapide.",
    ],
)
def test_a_list_of_two_things_is_left(back: str) -> None:
    assert flagged(et_est_superlatif, back) == []


def test_an_answer_to_a_front_that_asks_for_several_things_is_a_list() -> None:
    back = "Firefox et la version la plus récente de Chrome."
    assert flagged(et_est_superlatif, back, front="Quels navigateurs sont installés ?") == []
    assert flagged(et_est_superlatif, back, front="Citez 2 navigateurs") == []
    assert flagged(et_est_superlatif, back, front="Navigateur conseillé") == [("et", ("est",))]


@pytest.mark.parametrize(
    "back",
    [
        "Le stagiaire à supprimé le dossier par erreur.",
        "Elle à réinstallé le pilote de la carte.",
        "C’est lui qui à configuré le routeur.",
        "Zabbix à détecté une panne du disque.",
    ],
)
def test_a_between_a_subject_and_a_participle_is_the_auxiliary(back: str) -> None:
    assert flagged(a_avoir, back) == [("à", ("a",))]


@pytest.mark.parametrize(
    "back",
    [
        "Le technicien à besoin d’un accès administrateur.",
        "La réunion à lieu chaque lundi.",
        "Windows demande une confirmation quand un programme à besoin de droits élevés.",
        "Si le serveur à besoin de redémarrer, on prévient les utilisateurs.",
    ],
)
def test_a_before_a_noun_that_avoir_takes_without_article_is_the_verb(back: str) -> None:
    """ "avoir besoin", "avoir lieu": no "à" comes before these nouns, after a singular subject."""
    assert flagged(a_avoir, back) == [("à", ("a",))]


@pytest.mark.parametrize(
    "back",
    [
        "Les postes à besoin de mémoire sont lents.",
        "Il ouvre un dossier à accès restreint.",
        "Au besoin, on redémarre.",
    ],
)
def test_a_before_such_a_noun_with_no_singular_subject_is_left(back: str) -> None:
    assert flagged(a_avoir, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "C’est tout à fait normal.",
        "Il reste deux postes à réinstaller.",
        "Le passage à niveau est fermé.",
        "Il pense à l’ordinateur installé hier.",
        "On envoie le colis à Paris.",
        "Les clés à usage unique expirent.",
        "Ces postes sont neufs ; ses postes à lui sont anciens.",  # "lui", a pronoun, not luire's participle
    ],
)
def test_a_preposition_before_an_infinitive_or_a_noun_is_left(back: str) -> None:
    assert flagged(a_avoir, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Les stagiaires on configuré les imprimantes.",
        "Les licences que les écoles on achetées expirent en juin.",
    ],
)
def test_on_before_a_participle_after_a_plural_subject_is_ont(back: str) -> None:
    assert flagged(on_ont_participe, back) == [("on", ("ont",))]


@pytest.mark.parametrize(
    "back",
    [
        "Dans les bureaux on installé des écrans.",
        "Les boutons on et off sont à l’arrière.",
        "Les licences qu’on a achetées expirent.",
        "Les utilisateurs on les prévient par e-mail.",
        "Le technicien on configuré le poste.",
    ],
)
def test_on_after_a_complement_or_before_other_words_is_left(back: str) -> None:
    assert flagged(on_ont_participe, back) == []


@pytest.mark.parametrize(
    ("back", "wrong", "right"),
    [
        # Grammalecte offers 'à' -> 'a' and 'supprimé' -> 'supprimer' as two actions of one rule
        ("Le stagiaire à supprimé le dossier par erreur.", "à supprimé", "a supprimé"),
        # Grammalecte's rule of this "on" is no certain family; `on-ont-participe` confirms its fix
        ("Les stagiaires on configuré les imprimantes.", "on configuré", "ont configuré"),
    ],
)
def test_review_yes_takes_the_reading_a_check_confirms(
    back: str, wrong: str, right: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "chapitre-01.md").write_text(f"# Chapitre 1 — Notes\n\n## Question\n{back}\n")
    result = CliRunner().invoke(main, ["review", "--yes", "source"])
    assert result.exit_code == 0, result.output
    table = tomllib.loads((tmp_path / "source" / "corrections.toml").read_text(encoding="utf-8"))
    fixed = table.get("reviewed", {})
    assert any(wrong in before and right in after for before, after in fixed.items()), (fixed, result.output)


@pytest.mark.parametrize(
    ("back", "fix"),
    [
        ("Les serveurs recevent les journaux de tous les postes.", "reçoivent"),
        ("Ils metent les fichiers suspects à part.", "mettent"),
        ("Elles apprenent à verrouiller leur session.", "apprennent"),
        ("Ils devent redémarrer le poste après la mise à jour.", "doivent"),
    ],
)
def test_a_form_no_verb_has_after_its_subject_takes_the_verb_of_its_stem(back: str, fix: str) -> None:
    assert [fixes for _, fixes in flagged(unknown_conjugation, back)] == [(fix,)]


@pytest.mark.parametrize(
    "back",
    [
        "Les utilisateurs forwardent les mails.",  # no French verb "forwarder"
        "Les postes redémarrent la nuit.",
        "Le routeur ping les adresses.",
        "Les scripts Bash tournent la nuit.",
        "La commande groups mdupont affiche les groupes du compte.",  # the command's name
    ],
)
def test_known_forms_and_borrowed_words_are_left(back: str) -> None:
    assert flagged(unknown_conjugation, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Le technicien choisit sont numéro de poste.",
        "Il faut vérifier sont identifiant avant la connexion.",
        "Pour sont accès distant, il installe le client VPN.",
        "Le NAS est lent, sont débit maximal est faible.",
        "Il se connecte en tapant sont propre code.",
    ],
)
def test_sont_before_a_noun_when_the_clause_has_its_verb_is_son(back: str) -> None:
    assert [fixes for _, fixes in flagged(sont_son, back)] == [("son",)]


@pytest.mark.parametrize(
    "back",
    [
        "Les pannes sont source de retards.",
        "Il pense que les disques sont pleins.",
        "Les serveurs sont Dell et HP.",
        "Ils vérifient que les câbles sont branchés.",
        "Les postes qui sont prêts partent demain.",
        "Il faut que les comptes sont désactivés.",
        "Les données sont propre à chaque poste.",
        "Les câbles sont propre et rangés.",
        "Les disques sont cause de pannes qui arrivent souvent.",
    ],
)
def test_sont_as_the_verb_of_its_clause_is_left(back: str) -> None:
    assert flagged(sont_son, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "La sauvegarde échoue, ce qui ce voit dans les journaux.",
        "Il ce déconnecte à chaque mise en veille.",
        "Elles ce trouvent dans le dossier partagé.",
    ],
)
def test_ce_between_a_subject_and_its_verb_is_se(back: str) -> None:
    assert [fixes for _, fixes in flagged(qui_ce_se, back)] == [("se",)]


@pytest.mark.parametrize(
    "back",
    [
        "Ce sont des serveurs de fichiers.",
        "Celui qui ce matin a appelé attend encore.",
        "Il a compris, ce qui change tout.",
        "C’est ce qui ce doit d’être fait.",
        "Qui ce jour-là était d’astreinte ?",
        "Il se demande à qui ce poste appartient.",  # a preposition's "qui": "ce poste" is the subject
        "Le technicien vérifie pour qui ce compte travaille.",
    ],
)
def test_ce_as_a_pronoun_or_a_determiner_is_left(back: str) -> None:
    assert flagged(qui_ce_se, back) == []


@pytest.mark.parametrize(
    ("back", "fix"),
    [
        ("Un colis livrer par le transporteur attend à l’accueil.", "livré"),
        ("Les comptes créer pendant le week-end sont vérifiés lundi.", "créés"),
        ("La facture envoyer au client est archivée.", "envoyée"),
    ],
)
def test_an_infinitive_between_the_subject_and_its_complement_is_the_participle(back: str, fix: str) -> None:
    assert [fixes for _, fixes in flagged(infinitive_participle, back)] == [(fix,)]


@pytest.mark.parametrize(
    "back",
    [
        "Le bouton envoyer est grisé.",
        "Le technicien doit envoyer un mail au client.",
        "Pour envoyer un mail, il clique sur le bouton.",
        "Le dîner de fin d’année est annulé.",
        "Un message envoyé par le client arrive dans la file.",
        "Les postes installer dans la salle.",
        "Le menu exporter en CSV se trouve en haut à droite.",  # a menu's, a button's name
        "Le bouton réinitialiser en bas de la page efface le formulaire.",
    ],
)
def test_an_infinitive_in_its_place_or_a_noun_is_left(back: str) -> None:
    assert flagged(infinitive_participle, back) == []


def test_et_between_a_whole_subject_and_an_agreeing_participle_is_est() -> None:
    from supportcards.proofread.predicates import et_est_participe

    assert flagged(et_est_participe, "Mais la moitié de l’espace disque et occupée.") == [("et", ("est",))]
    assert flagged(et_est_participe, "Les deux serveurs de fichiers et arrêtés depuis ce matin.") == [("et", ("sont",))]
    for back in (
        "Le réseau local et sécurisé.",
        "Le directeur et fondateur de l’entreprise signe le contrat.",
        "La taille des pièces jointes et des messages est limitée.",
        "Les fichiers effacés et récupérés sont placés à part.",
        "Le dossier du service comptable et partagé.",
        "Le gérant et associé de la société valide les achats.",  # a participle that names a person
    ):
        assert flagged(et_est_participe, back) == [], back
