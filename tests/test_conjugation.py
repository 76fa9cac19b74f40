"""supportcards' conjugation checks (`proofread/conjugation.py`), on sentences written for these
tests: each slip a rule must mend, with its fix, and correct look-alikes it must leave alone."""

from __future__ import annotations

import pytest
from proofread_helpers import flagged

from supportcards.policy import CERTAIN
from supportcards.proofread.agreement import subjunctive
from supportcards.proofread.conjugation import (
    CHECKS,
    a_infinitive,
    clitic_infinitive,
    etre_infinitive,
    infinitive_coordination,
    instruction_infinitive,
    invented_form,
    participle_for_present,
    real_form,
    subject_infinitive,
)
from supportcards.proofread.grammar import engine_available
from supportcards.proofread.rules import OWN_CHECKS, et_est

pytestmark = pytest.mark.skipif(
    not engine_available(), reason="Grammalecte is not installed (apt install python3-grammalecte, then make)"
)


def test_the_checks_are_registered_and_certain() -> None:
    assert set(dict(CHECKS)) <= set(dict(OWN_CHECKS))
    assert set(dict(CHECKS)) <= CERTAIN


@pytest.mark.parametrize(
    ("invented", "real"),
    [
        ("envoit", "envoie"),
        ("publit", "publie"),
        ("préviendent", "préviennent"),
        ("recevent", "reçoivent"),
        ("échoura", "échouera"),  # the future read from "-ra"
        ("fairait", "ferait"),  # the conditional read from "-rait"
        ("apparaissera", "apparaîtra"),  # one verb, whichever of its two spellings
        ("voyent", "voient"),
        ("résoud", "résout"),
        ("concluera", "conclura"),
        ("surveillaient", None),  # a real form
        ("tracert", None),  # a command: "tracer" + "t" is no stem and a silent ending
        ("disparaise", None),  # "disparaît" or "disparaisse": the clause decides
        ("chantente", None),  # a whole form ("chantent") and more: the slip of another word
        ("parlat", None),  # "parla" + "t"
        ("spooler", None),
        ("ansible", None),
    ],
)
def test_an_invented_form_is_read_in_the_tense_and_person_of_its_ending(invented: str, real: str | None) -> None:
    assert real_form(invented) == real


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Le script envoit un rapport chaque matin.", [("envoit", ("envoie",))]),
        ("Les sondes préviendent l’équipe.", [("préviendent", ("préviennent",))]),
        ("Sans réseau, la sauvegarde échoura cette nuit.", [("échoura", ("échouera",))]),
        ("Le tuteur fairait une démonstration.", [("fairait", ("ferait",))]),
        # English words, names, code and glossary-like terms stay
        ("Le développeur fait un commit puis un push.", []),
        ("La commande tracert montre chaque routeur.", []),
        ("Le fichier deploit.yml contient les étapes.", []),
        ("Le serveur Jenkins lance le build.", []),
    ],
)
def test_invented_form(back: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert flagged(invented_form, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Le technicien vérifier les câbles.", [("vérifier", ("vérifie",))]),
        ("Les administrateurs surveiller l’espace libre.", [("surveiller", ("surveillent",))]),
        ("Si rien ne fonctionne, on recréer le profil.", [("recréer", ("recrée",))]),
        ("Le technicien doit vérifier les câbles.", []),  # a modal verb between
        ("Le but du technicien : réparer vite.", []),  # a colon: no subject
        ("Quel câble choisir ? Le câble blindé.", []),  # a question
        ("C’est répéter avec ses mots ce que l’utilisateur a dit.", []),  # "est" is no noun
        ("Le fichier user.config contient les réglages.", []),  # a name, code
        ("Un message envoyer à cette adresse est transmis à tous.", []),  # a participle's slip
        ("Le dîner est servi à midi.", []),  # also a noun
    ],
)
def test_subject_infinitive(back: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert flagged(subject_infinitive, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Ouvrir le portail et tapé son identifiant.", [("tapé", ("taper",))]),
        ("Il faut déballer le poste et branché l’écran.", [("branché", ("brancher",))]),
        ("Il a redémarré le poste et vérifier les journaux.", [("vérifier", ("vérifié",))]),
        # also a noun ("un envoyé"), but before its object
        ("L’EDR peut isoler le poste et envoyé une alerte.", [("envoyé", ("envoyer",))]),
        ("Il faut réunir les chefs et employés du service.", []),
        ("Un poste déballé et branché attend sur le bureau.", []),  # two states
        ("Il faut un poste installé et configuré avant l’arrivée.", []),
        ("Vérifier la connexion et l’accès au partage.", []),  # a noun after "et"
        ("Il faut redémarrer le poste installé et configuré hier.", []),  # a participle between
        ("Il a pu redémarrer le poste et vérifier les journaux.", []),  # two infinitives
    ],
)
def test_infinitive_coordination(back: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert flagged(infinitive_coordination, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("1. Supprimé les fichiers temporaires\n2. Vider la corbeille", [("Supprimé", ("Supprimer",))]),
        ("- Redémarré le serveur\n- Contrôler les journaux", [("Redémarré", ("Redémarrer",))]),
        ("- Vérifié que le câble est branché", [("Vérifié", ("Vérifier",))]),
        ("Ensuite, réinstallé les barrettes de RAM.", [("réinstallé", ("réinstaller",))]),
        ("- Testé et validé par le fournisseur\n- Livré avec son chargeur", []),  # states
        ("- Commander le poste\n- Livré le 12 mars", []),  # a date
        ("- Ouvert de 8 h à 18 h\n- Fermé le week-end\n- Penser à l’inventaire", []),  # states
        ("- Supprimé les fichiers temporaires\n- Corbeille vidée", []),  # no infinitive beside it
        ("Ensuite, installé la veille, le poste démarre vite.", []),  # detached before a subject
    ],
)
def test_instruction_infinitive(back: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert flagged(instruction_infinitive, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Le technicien vient pour réinstallé le poste.", [("réinstallé", ("réinstaller",))]),
        ("Il est interdit de téléchargé des logiciels.", [("téléchargé", ("télécharger",))]),
        ("Le logiciel se met à jour sans prévenu l’utilisateur.", [("prévenu", ("prévenir",))]),
        ("Il permet de terminé une application.", [("terminé", ("terminer",))]),
        ("Ce logiciel est facile à installé.", [("installé", ("installer",))]),
        ("Le commercial a envoyer le devis hier.", [("envoyer", ("envoyé",))]),
        ("Quand le poste aura redémarrer, tester.", [("redémarrer", ("redémarré",))]),
        ("Après avoir brancher le câble, tester.", [("brancher", ("branché",))]),
        ("Le client reçoit un avoir à utiliser.", []),
        ("Les fichiers à envoyer sont rangés.", []),  # after a noun
        ("Les fichiers a envoyer sont rangés.", []),  # no subject: "a" may be "à"
        ("Il n’y a rien de changé dans la configuration.", []),
        ("Quantité de données qu’une connexion transporte.", []),  # a noun
        ("Au point de vue du coût, la solution libre l’emporte.", []),
        ("Les RH envoient la fiche d’arrivée une semaine avant.", []),
        ("Le client a beau redémarrer, rien ne change.", []),
        ("Elle a pu redémarrer le poste.", []),
    ],
)
def test_a_infinitive(back: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert flagged(a_infinitive, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Il faut que le technicien fait une sauvegarde.", [("fait", ("fasse",))]),
        ("Le technicien appelle pour que l’utilisateur voit l’écran.", [("voit", ("voie",))]),
        ("Les serveurs s’arrêtent avant que l’onduleur est vide.", [("est", ("soit",))]),
        ("Il faut que le technicien fasse une copie.", []),
        ("Le technicien sait que l’onduleur est vide.", []),
        ("Il faut donc que le badge est activé.", [("est", ("soit",))]),  # an adverb between
        ("Il faudra aussi que le client a son code.", [("a", ("ait",))]),
        ("Le technicien sait donc que l’onduleur est vide.", []),
    ],
)
def test_the_subjunctive_after_il_faut_que_pour_que_avant_que(
    back: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert flagged(subjunctive, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Ouvrir le portail et tapé son identifiant.", []),  # a second step: `infinitive-coordination`
        ("Le changement et validé par le responsable.", [("et", ("est",))]),
    ],
)
def test_et_est_leaves_a_second_step_after_an_infinitive(
    back: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert flagged(et_est, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Il faut qu’on prévienne le client pour qu’il peuve sauvegarder.", [("peuve", ("puisse",))]),
        ("Le poste redémarre sans que l’agent faise quoi que ce soit.", [("faise", ("fasse",))]),
        ("Le technicien ferme la fenêtre avant que le client voye le code.", [("voye", ("voie",))]),
        ("Le client voye le code.", []),  # no conjunction: "voit" or "voie", a person reads it
    ],
)
def test_an_invented_form_after_a_conjunction_of_the_subjunctive(
    back: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert flagged(invented_form, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Au démarrage, on choisi la langue du clavier.", [("choisi", ("choisit",))]),
        ("Elle le rempli avant la réunion.", [("rempli", ("remplit",))]),
        ("C’est le client qui la choisi, pas le vendeur.", [("choisi", ("choisit",))]),
        ("Le script rempli le journal chaque nuit.", [("rempli", ("remplit",))]),  # before its object
        ("Le logiciel réparti la charge entre deux serveurs.", [("réparti", ("répartit",))]),
        ("Il a choisi la langue du clavier.", []),  # "avoir" before it
        ("Le formulaire rempli part chez le responsable.", []),  # an epithet, "part" is the verb
        ("Le disque rempli à moitié ralentit le poste.", []),
        ("Les utilisateurs qui choisi ce forfait paient moins.", []),  # plural: a person decides
        ("Le modèle choisi la semaine dernière arrive demain.", []),  # a verb later
        ("On lui donne un badge à l’accueil.", []),  # a pronoun, also the participle of "luire"
    ],
)
def test_participle_for_present(back: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert flagged(participle_for_present, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Pour le vieux portable, il faut ensuite le formaté avant la vente.", [("formaté", ("formater",))]),
        ("Les fichiers, on peut les copié sur la clé.", [("copié", ("copier",))]),
        ("Il ne faut pas la débranché pendant la mise à jour.", [("débranché", ("débrancher",))]),
        ("Il faut le formater avant la vente.", []),
        ("Il faut le résumé de la réunion.", []),  # a noun after its article
        ("Le dossier est mal rangé, il faut ensuite le déplacé vers l’archive.", [("déplacé", ("déplacer",))]),
        ("Le colis est prêt, on peut maintenant l’envoyé au client.", [("envoyé", ("envoyer",))]),
        ("Il faut aussi l’employé du mois pour la photo.", []),  # a person, with a noun's complement
        ("Il faut aussi le résumé pour le client.", []),
        ("Le poste, on l’a formaté hier.", []),  # "avoir": the participle is right
    ],
)
def test_clitic_infinitive(back: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert flagged(clitic_infinitive, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Le badge doit être activer par l’accueil.", [("activer", ("activé",))]),
        ("La licence sera renouveler en janvier.", [("renouveler", ("renouvelée",))]),
        ("Les écrans seront livrer lundi.", [("livrer", ("livrés",))]),
        ("Elle est souvent oublier dans la salle.", [("oublier", ("oubliée",))]),
        ("On attend que la mise à jour soit terminer.", [("terminer", ("terminée",))]),  # before a full stop
        ("Il faut que les postes soient nettoyer avant lundi.", [("nettoyer", ("nettoyés",))]),
        ("Le mot de passe a été changer hier.", [("changer", ("changé",))]),  # "été" after "avoir"
        ("Les alertes avaient été envoyer trop tard.", [("envoyer", ("envoyées",))]),
        ("Chaque badge doit être activer par l’accueil.", [("activer", ("activé",))]),  # either gender: masculine
        ("Le plus dur, c’était rassurer l’utilisateur.", []),
        ("Le poste a été redémarré hier.", []),
        ("Lancez le script puis ouvrez le fichier backup.sh pour voir.", []),
        ("Le plus simple, c’est redémarrer la box.", []),  # an infinitive as attribute
        ("Le badge doit être activé par l’accueil.", []),
        ("Le but est de redémarrer la box.", []),
    ],
)
def test_etre_infinitive(back: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert flagged(etre_infinitive, back) == expected
