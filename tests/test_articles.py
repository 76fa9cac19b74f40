"""`missing-article` (supportcards/proofread/articles.py): bare nouns where French needs a
determiner, and the bare nouns that are correct French, on sentences written for these tests."""

from __future__ import annotations

import pytest

from supportcards.model import Card, Location
from supportcards.proofread.articles import missing_article
from supportcards.proofread.grammar import engine, engine_available, grammar_issues
from supportcards.proofread.spelling import Speller
from supportcards.proofread.text import CardText, Paragraph, front_terms

needs_grammalecte = pytest.mark.skipif(
    not engine_available(), reason="Grammalecte is not installed (apt install python3-grammalecte, then make)"
)


def found(back: str, front: str = "Carte", glossary: tuple[str, ...] = ()) -> list[tuple[str, str, tuple[str, ...]]]:
    checker = engine()
    speller = Speller(engine=checker.getSpellChecker() if checker is not None else None)
    source = Card(front=front, back=back, location=Location("n.md", 3), back_line=4)
    card = CardText(source, front, back, glossary, front_terms(front))
    return [(card.text(i.part)[i.start : i.end], i.rule, i.suggestions) for i in missing_article(card, speller)]


def test_without_grammalecte_nothing_is_reported() -> None:
    source = Card(front="Carte", back="Il range la clé dans armoire.", location=Location("n.md", 3), back_line=4)
    card = CardText(source, "Carte", "Il range la clé dans armoire.")
    assert missing_article(card, Speller()) == []


@needs_grammalecte
def test_a_preposition_that_never_takes_a_bare_noun() -> None:
    assert found("Le technicien range la clé dans armoire fermée.") == [
        ("dans armoire", "article-dans", ("dans l’armoire", "dans une armoire"))
    ]
    assert found("Il se rend chez client pour changer le clavier.") == [
        ("chez client", "article-preposition", ("chez le client", "chez un client"))
    ]
    assert found("Le technicien reste joignable pendant intervention.")[0][:2] == (
        "pendant intervention",
        "article-preposition",
    )


@needs_grammalecte
def test_a_bare_subject_after_a_subordinator_takes_the_definite_article() -> None:
    """si, quand, lorsque, puisque, and "que" after a verb or a conjunction's head, then a bare noun
    and its verb: the clause's subject, which French never leaves bare."""
    assert found("Il faut contrôler si ventilateur tourne encore.") == [
        ("si ventilateur", "article-subject", ("si le ventilateur", "si un ventilateur"))
    ]
    assert found("On vérifie que imprimante de l’accueil ne bourre plus.")[0][:2] == (
        "que imprimante",
        "article-subject",
    )
    assert found("Lorsque serveur DNS du site est injoignable, rien ne marche.")[0][2][0] == "Lorsque le serveur"
    assert found("Le poste redémarre pour que modification soit appliquée.")[0][2][0] == "que la modification"
    assert found("Il rappelle plus tard, car serveur de fichiers a redémarré.")[0][2][0] == "car le serveur"
    assert found("On ouvre le dossier où fichier de configuration est rangé.")[0][2][0] == "où le fichier"


@needs_grammalecte
def test_dans_opening_a_sentence_whose_clause_follows_a_comma() -> None:
    assert found("Dans onglet Sécurité, on coche la case.")[0][:2] == ("Dans onglet", "article-dans")
    assert found("Copie dans armoire forte, chaque semaine.") == []


@needs_grammalecte
@pytest.mark.parametrize(
    "back",
    [
        "On redémarre si besoin est, et si nécessaire on rappelle.",
        "Le disque est plus rapide que câble réseau.",
        "On utilise des outils tels que navigateur ou terminal.",
        "Il ne reste que batterie faible.",
        "On filtre par groupe pour que seuls ses membres reçoivent la GPO.",
        "On vérifie que seul root peut écrire.",
        "On utilise la formule 2^n - 2, où n est le nombre de bits.",
        "On vérifie si Windows démarre, puis si le poste répond.",
    ],
)
def test_a_bare_noun_after_que_or_si_that_is_no_subject_is_left_alone(back: str) -> None:
    assert [rule for _, rule, _ in found(back) if rule == "article-subject"] == []


@needs_grammalecte
def test_the_object_of_a_verb_acting_on_a_thing_there_takes_the_definite_article() -> None:
    assert found("Il faut débrancher câble avant de nettoyer écran.") == [
        ("câble", "article-acting-verb", ("le câble", "un câble")),
        ("écran", "article-acting-verb", ("l’écran", "un écran")),
    ]
    assert found("Le technicien vérifie état de la batterie.")[0][1:] == (
        "article-acting-verb",
        ("l’état", "un état"),
    )
    # a verb that makes or adds a thing takes the indefinite article: not read as acting
    assert found("Il faut créer compte de service.") == []
    assert found("Le script crée fichier de sauvegarde chaque soir.")[0][1] == "article-verb"


@needs_grammalecte
def test_a_noun_the_card_writes_as_a_name_in_code_is_left_alone() -> None:
    """ "nom=valeur" makes "nom" a variable's name: "Bash croit que nom est une commande"."""
    assert found("On écrit nom=valeur, sinon Bash croit que nom est une commande.") == []
    assert found("La variable $chemin est vide si chemin est mal écrit.") == []


@needs_grammalecte
@pytest.mark.parametrize(
    "back",
    [
        "Vérifier câble réseau et prise.",
        "- Redémarrer service\n- Sauvegarder base",
        "Il faut vérifier Windows Update, puis supprimer Teams.",
        "Il faut fermer session à distance, puis vérifier par téléphone.",
        "Le poste qui redémarre seul perd le réseau.",
        "On préfère sauvegarder la machine entière plutôt que de sauvegarder fichier par fichier.",
    ],
)
def test_telegraphic_infinitives_and_names_are_left_alone(back: str) -> None:
    assert [rule for _, rule, _ in found(back) if rule == "article-acting-verb"] == []


@needs_grammalecte
def test_a_coordinated_noun_gives_the_kind_of_article() -> None:
    assert found("Le pare-feu protège contre intrusion ou une attaque.") == [
        ("contre intrusion", "article-preposition", ("contre une intrusion", "contre l’intrusion"))
    ]
    assert found("Il protège le réseau contre intrusion et la fuite de données.")[0][2][0] == "contre l’intrusion"


@needs_grammalecte
def test_a_verb_whose_object_has_no_article() -> None:
    assert found("Le script crée fichier de sauvegarde chaque soir.") == [
        ("fichier", "article-verb", ("un fichier", "le fichier"))
    ]
    # "copie" is also a verb: a noun when an adjective follows it, a verb before a determiner
    assert found("Il envoie copie complète au client.") == [("copie", "article-verb", ("une copie", "la copie"))]
    assert found("L’exemple qui suit illustre un cas simple.") == []


@needs_grammalecte
def test_a_noun_a_relative_completes_after_cest_takes_an_indefinite_article() -> None:
    """ "C’est outil qui …" defines a thing: "un outil"; the noun's one gender gives one article."""
    assert found("C’est logiciel qui chiffre les disques.") == [("logiciel", "article-cest", ("un logiciel",))]
    assert found("C’est imprimante dont le bac est vide.") == [("imprimante", "article-cest", ("une imprimante",))]
    assert found("C’est armoire de brassage 42 unités qui accueille les switchs.")[0][1:] == (
        "article-cest",
        ("une armoire",),
    )


@needs_grammalecte
def test_a_noun_named_before_in_the_sentence_after_a_preposition_that_allows_locutions() -> None:
    assert found("Chaque routeur transmet le paquet à routeur suivant.") == [
        ("à routeur", "article-repeated", ("au routeur", "à un routeur"))
    ]
    assert found("Le serveur envoie sa réponse au client, puis une copie sur serveur de secours.")[0][:2] == (
        "sur serveur",
        "article-repeated",
    )


@needs_grammalecte
@pytest.mark.parametrize(
    "back",
    [
        "Il intervient en cas de panne, sans délai, à distance.",
        "Il répond par téléphone ou par e-mail, avec accord du responsable.",
        "Il faut prendre contact avec le support, avoir accès au portail et faire partie du groupe.",
        "Le poste rend service aux collègues ; le responsable met fin à la session.",
        "Il tient compte de l’avis de l’utilisateur et porte plainte en cas de vol.",
        "Ouvrez le message dans Outlook, puis dans Teams.",
        "Les données sont stockées dans le cloud, dans un dossier à part.",
        "Il intervient sur site avec succès, à temps plein, sur rendez-vous.",
        "On appelle incident toute interruption du service.",
        "Il se déclare responsable du parc.",
        "Vérifie câble réseau et prise.",
        "Le service est ouvert depuis janvier, du lundi au vendredi, vers midi.",
        "Dans nombre de cas, il répond depuis chez lui.",
        "Le mot de passe est envoyé par SMS, étape par étape.",
        "Les guillemets simples se placent entre guillemets doubles.",
        "Le client reçoit son mot de passe ; il change le mot de passe à nouveau.",
        "Il consulte le journal dans fichier_journal.",
        "Le contrat implique inspection et validation du matériel.",
        "Le jour de la panne, on vérifie que les postes sont à jour.",
        "Sauvegarde complète vers disque externe chaque semaine.",
        "Dans ce cas, dans certains services et dans chaque agence, il note dans lequel il travaille.",
        "C’est dommage qu’il parte, c’est grâce à lui, c’est bon signe et c’est moi qui gère.",
        "C’est une baie qui range le clavier ; c’est Windows qui décide.",
    ],
)
def test_correct_bare_nouns_are_not_reported(back: str) -> None:
    assert found(back) == []


@needs_grammalecte
def test_front_terms_and_glossary_terms_are_left_alone() -> None:
    assert found("Le fichier est rangé dans ticket.", front="Ticket (ticket)") == []
    assert found("Le fichier est rangé dans ticket.", glossary=("ticket",)) == []


@needs_grammalecte
def test_list_items_and_fronts_as_noun_phrases_are_not_reported() -> None:
    assert found("- Sauvegarde complète\n- Copie vers serveur distant\n- Test de restauration") == []
    assert found("Le technicien range la clé.", front="Copie vers serveur dans armoire") == []


@needs_grammalecte
def test_the_grammar_check_reads_the_same_parse() -> None:
    """The grammar check and missing-article share one parse: the grammar findings are those of a
    plain parse."""
    text = "Les techniciens la consulte avant de fermer le ticket."
    checker = engine()
    assert checker is not None
    plain = checker.getGCEngine().parse(text, "FR", bDebug=False, bContext=False)
    assert {(issue.start, issue.end) for issue in grammar_issues(Paragraph("back", 0, text))} == {
        (int(error["nStart"]), int(error["nEnd"])) for error in plain
    }
