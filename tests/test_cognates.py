"""English and accentless spellings of French words (`proofread.cognates`): what `review --yes`
fixes unasked, and the English terms and correct look-alikes it leaves."""

from __future__ import annotations

from typing import Any

import pytest

from supportcards.model import Finding, Location
from supportcards.policy import certain_fix, policy_key
from supportcards.proofread import engine_available
from supportcards.proofread.cognates import accented_forms, cognate, skeleton
from supportcards.proofread.grammar import engine
from supportcards.proofread.spelling import Speller

needs_grammalecte = pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")


def test_a_french_word_and_its_english_cognate_share_a_skeleton() -> None:
    assert skeleton("connexion") == skeleton("connection")
    assert skeleton("ressources") == skeleton("resources")
    assert skeleton("adresse") == skeleton("address")
    assert skeleton("restauration") == skeleton("restoration")
    assert skeleton("développement") == skeleton("developement")
    assert skeleton("datacentre") != skeleton("datacenter")  # "-er" for "-re" is no slip of ours


def test_the_cognate_keeps_the_number_typed() -> None:
    def known(word: str) -> bool:
        return word in {"adresse", "adresses", "ressource", "ressources"}

    assert cognate("address", ["adresses", "adresse"], known) == "adresse"
    assert cognate("addresses", ["adresse", "adresses"], known) == "adresses"
    assert cognate("resources", ["ressource", "ressources"], known) == "ressources"
    assert cognate("reset", ["reste"], known) is None  # too short: a term


def test_an_english_word_that_is_french_but_for_its_accents_has_no_farther_cognate() -> None:
    """ "les events": 'évents' is French but for its accents (left: the English term may be meant),
    so 'éventés', a mute "e" farther, is no cognate either."""

    def known(word: str) -> bool:
        return word in {"évents", "éventés", "adresse"}

    assert cognate("events", ["évents", "vents", "éventés"], known) is None
    assert cognate("address", ["adresse"], known) == "adresse"


def lexicon() -> Any:
    checker = engine()
    assert checker is not None
    return checker.getSpellChecker()


def in_line(line: str, word: str) -> Finding:
    """An unknown-word finding on `word` as it stands in `line`, with the speller's suggestions."""
    column = line.index(word) + 1
    suggestions = tuple(Speller(engine=lexicon()).suggestions(word))
    return Finding(
        location=Location("n.md", 3),
        column=column,
        kind="spelling",
        rule="unknown-word",
        message="unknown word",
        text=word,
        suggestions=suggestions,
        context=line,
        context_column=column,
    )


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word", "fixed", "rule"),
    [
        ("Le routeur coupe la connection après une minute.", "connection", "connexion", "cognate"),
        ("Chaque poste partage ses resources avec le serveur.", "resources", "ressources", "cognate"),
        ("Notez une address valide dans le formulaire.", "address", "adresse", "cognate"),
        ("Les addresses des imprimantes sont fixes.", "addresses", "adresses", "cognate"),
        ("Le developement du script prend une semaine.", "developement", "développement", "cognate"),
        ("Le routeur coupe la connection et la session.", "connection", "connexion", "cognate"),
        ("Après la restoration du disque, on redémarre.", "restoration", "restauration", "cognate"),
        ("On vérifie l'environment de test avant la mise en service.", "l'environment", "l'environnement", "cognate"),
        ("Le rapport décrit l'etat du parc.", "l'etat", "l'état", "short-accents"),
        ("Il range la cle dans le tiroir.", "cle", "clé", "short-accents"),
        ("Le câble doit rester present pendant le test.", "present", "présent", None),
        ("Le technicien est present pendant la migration.", "present", "présent", "attribute-accents"),
    ],
)
def test_a_french_word_spelt_the_english_or_accentless_way_is_fixed(
    line: str, word: str, fixed: str, rule: str | None
) -> None:
    finding = in_line(line, word)
    if rule is None:
        assert certain_fix(finding) is None  # not after "être": a person chooses
        return
    assert policy_key(finding) == "spelling:" + rule
    assert certain_fix(finding) == fixed


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Copiez la connection string dans le fichier.", "connection"),  # an English term: next word English
        ("Le pool (connection pooling) est réglé.", "connection"),  # an English name in parentheses
        ("Open the connection and wait.", "connection"),  # an English sentence
        ("Le resource group contient les machines.", "resource"),  # an English term, and short
        ("On monte un datacenter en Suisse.", "datacenter"),  # "-er" for "-re" is no cognate slip
        ("Il envoie un email au client.", "email"),  # a short English term
        ("La commande cle affiche la clé.", "cle"),  # not after an article: a command
        ("Le fichier etat.json décrit le parc.", "etat"),  # a file name's part
        ("Sans limits ni requests, un pod prend toute la mémoire.", "limits"),  # joined to an English term
        ("Les requests et les limits du pod sont fixées.", "limits"),
    ],
)
def test_english_terms_and_look_alikes_are_left(line: str, word: str) -> None:
    assert certain_fix(in_line(line, word)) is None


def test_the_english_ic_is_the_french_ique() -> None:
    assert skeleton("automatique") == skeleton("automatic")
    assert skeleton("spécifique") == skeleton("specific")


def test_every_accented_form_is_weighed() -> None:
    def known(word: str) -> bool:
        return word in {"résume", "résumé", "début"}

    assert accented_forms("resume", known) == {"résume", "résumé"}
    assert accented_forms("debut", known) == {"début"}


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word", "fixed", "rule"),
    [
        ("Le debut de la migration est prévu lundi.", "debut", "début", "english-accents"),
        ("Chaque service a un besoin specific pour ses postes.", "specific", "spécifique", "cognate"),
        ("Un calcul numeric précis demande du temps.", "numeric", "numérique", "cognate"),
        ("La period d’essai se termine demain.", "period", "période", "cognate"),  # an elided word after
        # five letters, the French word introduced by the word before, a final mute "e"
        ("On crée un group pour la compta.", "group", "groupe", "cognate"),
        ("Le model du copieur est sur l’étiquette.", "model", "modèle", "cognate"),
        ("Vérifiez la syntax avant de valider.", "syntax", "syntaxe", "cognate"),
        ("Un écran mat améliore le comfort de lecture.", "comfort", "confort", "cognate"),  # "n" before "f"
    ],
)
def test_english_spellings_and_accentless_english_words_in_french(line: str, word: str, fixed: str, rule: str) -> None:
    finding = in_line(line, word)
    assert policy_key(finding) == "spelling:" + rule
    assert certain_fix(finding) == fixed


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("La commande resume relance la machine virtuelle.", "resume"),  # two accented forms
        ("Le dossier media contient les images.", "media"),  # after a noun: the folder's name
        ("Le mode graphic design est activé.", "graphic"),  # two English words
        ("On envoie un email au client.", "email"),  # five letters, accents alone: 'émail' is another word
        ("On dessine un chart des ventes.", "chart"),  # 'charte' is feminine: "un" does not introduce it
        ("Le patch corrige la faille.", "patch"),  # no French noun of that skeleton
        ("Le switch envoie des traps au serveur.", "traps"),  # five letters: only a final "e" may differ
        ("Le scope du projet est validé.", "scope"),
    ],
)
def test_english_words_that_name_something_keep_their_spelling(line: str, word: str) -> None:
    assert certain_fix(in_line(line, word)) is None


def test_gu_before_a_sounds_g() -> None:
    assert skeleton("fatigant") == skeleton("fatiguant")


def test_letters_the_two_languages_write_apart_for_one_sound_share_a_skeleton() -> None:
    assert skeleton("organisation") == skeleton("organization")  # "z" and "s"
    assert skeleton("défense") == skeleton("defence")  # "nse" and "nce"
    assert skeleton("exemplaire") == skeleton("examplaire")  # "em" and "am"
    assert skeleton("identification") == skeleton("identication")  # "ification" and "ication"
    assert skeleton("assaut") == skeleton("assault")  # "au" and "aul"
    assert skeleton("voyant") != skeleton("voyent")  # a final "-ant" is no "-ent": participle and verb


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word", "fixed"),
    [
        ("Le poste garde par default la dernière imprimante.", "default", "défaut"),
        ("On range les licenses du parc dans l’inventaire.", "licenses", "licences"),
        ("La standardization des postes simplifie le support.", "standardization", "standardisation"),
        ("On cite un example dans la fiche de procédure.", "example", "exemple"),
    ],
)
def test_an_english_spelling_one_sound_away_from_its_french_cognate_is_fixed(line: str, word: str, fixed: str) -> None:
    finding = in_line(line, word)
    assert policy_key(finding) == "spelling:cognate"
    assert certain_fix(finding) == fixed


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Le default gateway est noté sur l’étiquette.", "default"),  # an English term: next word English
        ("Le mode (license server) reste actif.", "license"),  # an English name in parentheses
    ],
)
def test_look_alikes_of_a_cognate_one_sound_away_are_left(line: str, word: str) -> None:
    assert certain_fix(in_line(line, word)) is None


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word", "fixed"),
    [
        ("Example : on relance le service après la mise à jour.", "Example", "Exemple"),
        ("- Licenses : une par poste", "Licenses", "Licences"),  # a list item
    ],
)
def test_a_sentence_opened_by_an_english_spelling_of_a_french_noun(line: str, word: str, fixed: str) -> None:
    assert certain_fix(in_line(line, word)) == fixed


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Copilot résume les réunions du matin.", "Copilot"),  # a product: 'Copilote' is no fix
        ("Monitor génère un rapport chaque nuit.", "Monitor"),
    ],
)
def test_a_sentence_opened_by_a_name_before_its_verb_is_left(line: str, word: str) -> None:
    """A French noun opens a sentence with its determiner; a word before a verb without one is a name."""
    assert certain_fix(in_line(line, word)) is None


@needs_grammalecte
@pytest.mark.parametrize(
    "line",
    [
        "Example string: a value the script reads.",  # an English word follows: an English sentence
        "Rollback : on revient à la version précédente.",  # no French cognate
    ],
)
def test_an_english_word_opening_an_english_phrase_is_left(line: str) -> None:
    assert certain_fix(in_line(line, line.split()[0])) is None
