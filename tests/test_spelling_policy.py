"""Which spelling fixes `review --yes` takes unasked: a missing letter when nothing else is close,
never a word shorter than 5 letters nor an English word."""

from __future__ import annotations

from typing import Any

import pytest

from supportcards.model import Card, Finding, Location
from supportcards.policy import certain_fix, policy_key
from supportcards.proofread import engine_available, spelling
from supportcards.proofread.grammar import engine
from supportcards.proofread.spelling import (
    Speller,
    english_word,
    fits_after,
    fits_neighbours,
    likely_slip,
    missing_letter,
    slip_distance,
    sole_edit,
    sound_step_words,
    verb_for_noun_check,
)
from supportcards.proofread.text import CardText


def unknown(word: str, *suggestions: str) -> Finding:
    return Finding(
        location=Location("n.md", 4),
        column=1,
        kind="spelling",
        rule="unknown-word",
        message="unknown word",
        text=word,
        suggestions=suggestions,
        context=f"Il voit {word} ici.",
        context_column=9,
    )


def test_a_missing_letter_is_taken_when_nothing_else_is_close() -> None:
    assert missing_letter("ordinteur", ["ordinateur", "ordinateurs", "orbiteur"]) == "ordinateur"
    assert missing_letter("sauvgarde", ["sauvegarde", "sauvegardé"]) is None  # an accent away from another word
    assert missing_letter("carnt", ["carnet", "carat", "caret"]) is None  # "carat" is close too
    assert missing_letter("compri", ["comprit", "compris"]) is None  # "compris" is no plural of "comprit"
    assert missing_letter("anacron", ["Anacréon"]) is None  # a command is not a misspelt name


def test_a_word_typed_plural_keeps_its_plural_mark() -> None:
    """ "inutils": "inutile" ranks first (frequent, one key away), but the plural mark was typed."""
    assert missing_letter("inutils", ["inutile", "inutiles", "inutilisé"]) == "inutiles"
    finding = unknown("inutils", "inutile", "inutiles", "inutilisé")
    assert policy_key(finding) == "spelling:missing-letter"
    assert certain_fix(finding) == "inutiles"


def test_an_elided_article_is_kept() -> None:
    assert certain_fix(unknown("l’automatiqument", "l’automatiquement", "l’automatisent")) == "l’automatiquement"


def test_short_words_and_english_words_get_no_missing_letter() -> None:
    assert missing_letter("tabe", ["table"]) is None  # commands and abbreviations are short: msc, ipcs
    assert english_word("start")
    assert missing_letter("start", ["stars", "stare"]) is None


def test_english_words_get_no_missing_letter_either() -> None:
    assert policy_key(unknown("spooler", "spoolers")) != "spelling:missing-letter"
    assert certain_fix(unknown("spooler", "spoolers")) is None


def test_short_words_are_never_fixed_unasked() -> None:
    assert policy_key(unknown("proc", "porc")) == "spelling:swap"
    assert certain_fix(unknown("proc", "porc")) is None
    assert certain_fix(unknown("locla", "local", "locale")) == "local"


def test_a_doubled_letter_is_not_made_single_unasked() -> None:
    """ "pixellisée" is a spelling beside "pixelisée"; a doubling left out is the usual slip."""
    assert policy_key(unknown("pixellisée", "pixelisée")) == "spelling:undoubled"
    assert certain_fix(unknown("pixellisée", "pixelisée")) is None
    assert certain_fix(unknown("instalée", "installée")) == "installée"


needs_grammalecte = pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")


def lexicon() -> Any:
    checker = engine()
    assert checker is not None
    return checker.getSpellChecker()


def in_line(line: str, word: str, *suggestions: str) -> Finding:
    """An unknown-word finding on `word` as it stands in `line`."""
    return Finding(
        location=Location("n.md", 4),
        column=line.index(word) + 1,
        kind="spelling",
        rule="unknown-word",
        message="unknown word",
        text=word,
        suggestions=suggestions,
        context=line,
        context_column=line.index(word) + 1,
    )


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word", "fixed"),
    [
        ("Il vérifie chaque serbeur avant la mise à jour.", "serbeur", "serveur"),  # a neighbouring key
        ("On lance des sauvegsrdes le soir.", "sauvegsrdes", "sauvegardes"),
        ("Il ouvre la procédire de secours.", "procédire", "procédure"),
        ("Un souci de configuratiom réseau.", "configuratiom", "configuration"),  # m/n sound alike
        ("Le pilote de l’imprimamte est ancien.", "l’imprimamte", "l’imprimante"),  # an elided article
        ("Il lit la pollitique de sécurité.", "pollitique", "politique"),  # a consonant doubled inside
        ("Il tape une addresse IP.", "addresse", "adresse"),
        ("On suit la méthde du support.", "méthde", "méthode"),  # a letter left out
    ],
)
def test_the_only_common_word_one_slip_away_is_taken_after_a_word_that_introduces_it(
    line: str, word: str, fixed: str
) -> None:
    speller = Speller(engine=lexicon())
    finding = in_line(line, word, *speller.suggestions(word))
    assert policy_key(finding) in ("spelling:one-edit", "spelling:missing-letter")
    assert certain_fix(finding) == fixed


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Il faut faire un reset du mot de passe.", "reset"),  # English terms keep their spelling
        ("On se connecte avec le compte root.", "root"),
        ("Il envoie l’email au client.", "l’email"),
        ("Le firewall bloque le port.", "firewall"),
        ("Il déclare la struct dans le code.", "struct"),  # "strict" is no noun agreeing with "la"
        ("On lit les traces de procps ici.", "procps"),  # p -> è is no typist's slip
        ("Le service journald garde les traces.", "journald"),  # a daemon's final letter
        ("Il faut réétablir la connexion.", "réétablir"),  # a doubled vowel is French: réécrire
        ("Une image pixellisée est floue.", "pixellisée"),  # a rare word's variant
        ("Il remplace les fichers du poste.", "fichers"),  # fichiers or fiches, both fit: a person chooses
        ("Il lance ctime puis quitte.", "ctime"),  # no word before that introduces a noun
        ("Le champ (tname) est vide.", "tname"),
        ("Le tableau affiche l’uptime du serveur.", "l’uptime"),  # "ultime" is no noun
    ],
)
def test_look_alikes_of_a_one_letter_slip_are_left(line: str, word: str) -> None:
    speller = Speller(engine=lexicon())
    finding = in_line(line, word, *speller.suggestions(word))
    assert certain_fix(finding) is None


@needs_grammalecte
def test_a_final_letter_that_marks_no_plural_may_be_added() -> None:
    """ "toujours" ends in "s" but is no plural (an adverb): adding it changes no number."""
    line = "Il faut toujour redémarrer le poste."
    speller = Speller(engine=lexicon())
    finding = in_line(line, "toujour", *speller.suggestions("toujour"))
    assert certain_fix(finding) == "toujours"
    assert certain_fix(in_line("Il reste deux précies ici.", "précies", "précise", "précises")) is None


def test_a_slip_is_told_from_a_name_by_the_edit() -> None:
    assert likely_slip("matun", "matin") and likely_slip("parolle", "parole") and likely_slip("empatie", "empathie")
    assert not likely_slip("stime", "estime")  # a first letter left out: rare
    assert not likely_slip("buildd", "build") and not likely_slip("ddate", "date")  # the ends of a name
    assert not likely_slip("journald", "journal") and not likely_slip("réétablir", "rétablir")
    assert not likely_slip("procps", "procès")


def test_a_determiner_must_agree_with_the_noun_it_introduces() -> None:
    def morph(word: str) -> list[str]:
        return {
            "la": [">la/:G:D:f:s/*"],
            "des": [">des/:G:D:e:p/*"],
            "de": [">de/:G:R:Rv/*"],
            "strict": [">strict/:A:m:s/*"],
            "table": [">table/:N:f:s/*"],
            "tables": [">table/:N:f:p/*"],
            "voit": [">voir/:V3:Ip:3s/*"],
            "ultime": [">ultime/:A:e:s/*"],
        }.get(word, [])

    assert fits_after("la", "table", morph) and fits_after("des", "tables", morph) and fits_after("de", "table", morph)
    assert not fits_after("la", "strict", morph) and not fits_after("la", "tables", morph)
    assert not fits_after("voit", "table", morph)
    assert fits_after("l", "table", morph)  # l’ stands for le or la
    assert not fits_after("l", "ultime", morph)  # an adjective: "l’uptime" is an English noun


def test_an_english_er_ending_is_no_swapped_re() -> None:
    """A verb made from a command ("Pinger") or an English compound ("datacenter") ends in "-er"."""
    assert certain_fix(in_line("Pinger : tester la réponse d’une machine.", "Pinger", "Pingre")) is None
    assert certain_fix(in_line("Le serveur est dans le bureauter.", "bureauter", "bureautre")) is None
    assert certain_fix(in_line("Les serveurs sont dans des clusters.", "clusters", "clustres")) is None  # plural
    assert certain_fix(in_line("Le câble est locla.", "locla", "local")) == "local"


def test_a_clipped_word_gets_no_last_letter() -> None:
    """Speech clips French words after an "o" or an "i": "la dispo", "une appli"."""
    assert missing_letter("promo", ["promos", "prome"]) is None
    assert likely_slip("empatie", "empathie") and not likely_slip("dispo", "dispos")
    assert certain_fix(in_line("On lance la visio depuis la salle.", "visio", "vision", "visions")) is None
    assert certain_fix(in_line("Le micro coupe pendant les démos.", "démos", "démons")) is None
    assert not likely_slip("applis", "applies") and likely_slip("fichers", "fichiers")


def test_a_word_among_english_words_in_parentheses_is_english() -> None:
    line = "La suppression des doublons (data deduplication) libère de la place."
    finding = in_line(line, "deduplication", "déduplication")
    assert policy_key(finding) == "spelling:english" and certain_fix(finding) is None
    french = in_line("Il lance la copie (voir la reponse).", "reponse", "réponse")
    assert certain_fix(french) == "réponse"


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word", "fixed"),
    [
        ("Le fichier est souvent ouvret par erreur le matin.", "ouvret", "ouvert"),  # two letters swapped
        ("La mise à jour prend enciore du temps ce soir.", "enciore", "encore"),  # an adverb after a verb
        ("Le poste redémarre, puis il devient tres lent ensuite.", "tres", None),  # four letters: never
        ("Le mot de passe est demmandé à chaque connexion.", "demmandé", "demandé"),  # a participle after "être"
        ("Le rapport reste le plus souvent confidenteil pour tous.", "confidenteil", "confidentiel"),  # an adjective
        ("Il nettoie les pièces (ventilateuts, filtres) chaque mois.", "ventilateuts", "ventilateurs"),  # a list item
        ("Le serveur gère plusieur sites en même temps.", "plusieur", "plusieurs"),  # an only-plural determiner
        ("On garde toujours les identifiamts dans le coffre.", "identifiamts", "identifiants"),  # rare, no rival
        ("Il faut évidament redémarrer le service après la sauvegarde.", "évidament", "évidemment"),  # by ear
        ("Heureusemant, le disque était sauvegardé.", "Heureusemant", "Heureusement"),  # an adverb before a comma
        ("La tension sortente (output) reste stable.", "sortente", "sortante"),  # an English aside is no neighbour
        ("On mesure la tension sortente, surtout sur les vieux onduleurs.", "sortente", "sortante"),  # no 'sortent'
    ],
)
def test_the_only_likely_word_one_slip_away_fits_its_neighbours_by_its_class(
    line: str, word: str, fixed: str | None
) -> None:
    speller = Speller(engine=lexicon())
    finding = in_line(line, word, *speller.suggestions(word))
    assert certain_fix(finding) == fixed


@needs_grammalecte
def test_an_english_ible_is_the_french_able() -> None:
    speller = Speller(engine=lexicon())
    line = "Il faut prévenir le responsible réseau avant la coupure."
    finding = in_line(line, "responsible", *speller.suggestions("responsible"))
    assert (policy_key(finding), certain_fix(finding)) == ("spelling:cognate", "responsable")


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Le serveur affiche son uptime chaque matin.", "uptime"),  # "ultime" is no noun after "son"
        ("Il relance kubelet sur le nœud, puis attend.", "kubelet"),
        ("Les valeurs (limits, requests) sont fixées dans le fichier.", "limits"),  # English terms listed
        ("Le script tourne très bien en cron la nuit.", "cron"),  # short: a command
        ("La commande renvoie stdin vers le fichier.", "stdin"),
        ("Le backlog reste plein depuis la semaine dernière.", "backlog"),
        ("On lance chkdsk avant de redémarrer le poste.", "chkdsk"),
        ("Le disque n’a presque plus d’inodes libres.", "d’inodes"),  # "inondes" is a verb, not after "de"
        ("Une image pixellisée reste floue à l’écran.", "pixellisée"),
    ],
)
def test_look_alikes_of_a_slip_of_any_class_are_left(line: str, word: str) -> None:
    speller = Speller(engine=lexicon())
    if speller.is_known(word):
        return  # a word the dictionaries know is no spelling finding at all
    finding = in_line(line, word, *speller.suggestions(word))
    assert certain_fix(finding) is None


def test_a_word_fits_its_neighbours_by_its_class() -> None:
    def morph(word: str) -> list[str]:
        return {
            "plusieurs": [">plusieurs/:G:Di:e:p/*"],
            "disques": [">disque/:N:m:p/*"],
            "beaucoup": [">beaucoup/:G:W/*"],
            "prend": [">prendre/:V3_itnq__a:Ip:3s/*"],
            "souvent": [">souvent/:W/*"],
            "confidentiel": [">confidentiel/:A:m:s/*"],
            "le": [">le/:G:D:m:s/*", ">le/:G:Oo:m:s/*"],
            "ultime": [">ultime/:A:e:s/*"],
        }.get(word, [])

    assert fits_neighbours(None, "plusieurs", "disques", morph)  # a determiner before its noun
    assert fits_neighbours("prend", "beaucoup", None, morph)  # an adverb after a verb
    assert fits_neighbours("souvent", "confidentiel", None, morph)  # an adjective after an adverb
    assert not fits_neighbours("le", "ultime", None, morph)  # an adjective with no noun after its article
    assert not fits_neighbours(None, "ultime", None, morph)


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word", "noun"),
    [
        ("Le support donne un conseille avant chaque intervention.", "conseille", "conseil"),
        ("On règle la molette de la souri avant la réunion.", "souri", "souris"),
        ("Il note tout dans le rapporte du mois.", "rapporte", "rapport"),
        ("Il attend un envoie du fournisseur.", "envoie", "envoi"),
        ("C’est le commité de direction qui décide.", "commité", "comité"),  # a consonant doubled
    ],
)
def test_a_verb_form_after_a_determiner_is_the_noun_that_sounds_alike(line: str, word: str, noun: str) -> None:
    speller = Speller(engine=lexicon())
    card = CardText(Card("Carte", line, Location("n.md", 1), 2), "Carte", line)
    issues = verb_for_noun_check(card, speller)
    assert [(line[issue.start : issue.end], issue.suggestions) for issue in issues] == [(word, (noun,))]


@needs_grammalecte
@pytest.mark.parametrize(
    "line",
    [
        "Le support conseille de redémarrer le poste.",  # a verb after its subject
        "On la conseille toujours avant un achat.",  # "la" an object pronoun
        "Il les travaille tous les jours.",
        "L’un contacte l’autre par téléphone.",  # "un" a pronoun after "l’"
        "Pour la travailler, il faut du temps.",  # an infinitive
        "L’utilisateur a souri en voyant son poste réparé.",
        "Tout fonctionne après le redémarrage.",
        "Quelqu’un regarde par-dessus l’épaule du technicien.",  # "quelqu’un", one word: a pronoun
        "Si quelqu'un contacte le support, on ouvre un ticket.",
        "Le correctif est commité dans la branche principale.",  # a participle after "être"
        "Je les veux installés avant lundi.",
    ],
)
def test_a_verb_where_a_verb_belongs_is_left(line: str) -> None:
    speller = Speller(engine=lexicon())
    card = CardText(Card("Carte", line, Location("n.md", 1), 2), "Carte", line)
    assert verb_for_noun_check(card, speller) == []


# --- the certain-fix policy: one step by ear, rivals far behind, a sentence's first word ----------


def test_one_spelling_of_a_sound_for_another_is_nearer_than_a_letter_added() -> None:
    assert slip_distance("hebdomadères", "hebdomadaires") < slip_distance("hebdomadères", "hebdomadières")
    assert slip_distance("nécessère", "nécessaire") < slip_distance("nécessère", "nécessite")
    assert slip_distance("otonomie", "autonomie") < 1


def test_one_spelling_of_a_sound_for_another_is_one_step() -> None:
    known = {"pharmacie", "autonomie", "remarque", "bocal"}.__contains__
    assert sound_step_words("farmacie", known) == {"pharmacie"}  # "f" for "ph"
    assert sound_step_words("otonomie", known) == {"autonomie"}  # "o" for "au"
    assert sound_step_words("remarke", known) == {"remarque"}  # "k" for "qu"
    assert sound_step_words("bokal", known) == {"bocal"}
    assert sound_step_words("temporère", {"temporaire"}.__contains__) == {"temporaire"}  # "è" for "ai"
    assert sound_step_words("pharmacie", known) == set()  # a known word stays what it is


def _counts(monkeypatch: pytest.MonkeyPatch, counts: dict[str, int]) -> Any:
    monkeypatch.setattr(spelling, "frequency", lambda word: counts.get(word, 0))
    return counts.__contains__


def test_a_rival_no_slip_makes_weighs_less(monkeypatch: pytest.MonkeyPatch) -> None:
    """'carance': 'carence' (an "a" for the "e" it sounds like) against 'garance' (a "g" for a "c",
    keys apart): 7 times as frequent is enough; against a rival a slip makes, 20 times are needed."""
    known = _counts(monkeypatch, {"carence": 350, "garance": 50})
    assert sole_edit("carance", known, lambda word: False) == "carence"
    known = _counts(monkeypatch, {"carence": 350, "caramce": 50})  # an "m" for the "n" beside it
    assert sole_edit("carance", known, lambda word: False) is None


def test_a_rival_the_counts_lack_does_not_stop_a_rare_key_slip(monkeypatch: pytest.MonkeyPatch) -> None:
    known = _counts(monkeypatch, {"balise": 60, "baliste": 0})
    assert sole_edit("bamise", known, lambda word: False) == "balise"  # "m" beside "l"
    known = _counts(monkeypatch, {"balise": 60, "banise": 3})
    assert sole_edit("bamise", known, lambda word: False) is None  # a counted rival: the rare word waits


def test_a_sound_step_is_a_slip_sole_edit_takes(monkeypatch: pytest.MonkeyPatch) -> None:
    known = _counts(monkeypatch, {"pharmacie": 900})
    assert sole_edit("farmacie", known, lambda word: False) == "pharmacie"


def test_invariable_compounds_with_a_typographic_apostrophe_are_known() -> None:
    speller = Speller(engine=lexicon()) if engine_available() else None
    if speller is None:
        pytest.skip("Grammalecte is not installed")
    for word in ("main-d’œuvre", "main-d'œuvre", "chef-d’œuvre", "hors-d’œuvre"):
        assert speller.is_known(word), word


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word", "fixed"),
    [
        ("Les clients attendent une réponse pertinante du support.", "pertinante", "pertinente"),  # epithet
        ("Le routeur garde une configuration statike pour ce poste.", "statike", "statique"),  # by ear
        ("- Télécharher le pilote sur le site du fabricant", "Télécharher", "Télécharger"),  # a list item
        ("Le poste redémarre. Malheureusemnt, la session est perdue.", "Malheureusemnt", "Malheureusement"),
    ],
)
def test_certain_slips_by_ear_after_a_noun_and_opening_a_sentence(line: str, word: str, fixed: str) -> None:
    assert certain_fix(suggested(line, word)) == fixed


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Le contat de l’utilisateur figure dans la fiche.", "contat"),  # 'contact' or 'contrat', not 'contât'
        ("Le serveur Gaspart répond aux requêtes.", "Gaspart"),  # a name inside a sentence
        ("La commande resume relance la machine virtuelle.", "resume"),  # 'résume' or 'résumé'
        ("Le dossier media contient les images.", "media"),  # an English word after a noun names it
    ],
)
def test_look_alikes_of_a_certain_slip_are_left(line: str, word: str) -> None:
    assert certain_fix(suggested(line, word)) is None


def suggested(line: str, word: str) -> Finding:
    """`in_line` with the speller's suggestions, as `lint` gives them."""
    return in_line(line, word, *Speller(engine=lexicon()).suggestions(word))


def test_an_e_accent_before_a_single_consonant_is_one_step_from_the_doubled_consonant() -> None:
    def known(word: str) -> bool:
        return word in {"verrouillé", "effectuer", "erreur"}

    assert sound_step_words("vérouillé", known) == {"verrouillé"}
    assert sound_step_words("éfectuer", known) == {"effectuer"}
    assert sound_step_words("érreur", known) == set()  # the consonant is doubled already


def test_a_verb_made_of_an_english_term_has_an_english_stem() -> None:
    assert spelling.english_stem("hashé")
    assert spelling.english_stem("pingée")
    assert not spelling.english_stem("vérouillé")
    assert not spelling.english_stem("chifré")


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word", "fixed"),
    [
        ("Un compte inactif et vérouillé reste dans l’annuaire.", "vérouillé", "verrouillé"),  # "é" for "err"
        ("Le fichier sera chifré pendant tout le transfert.", "chifré", "chiffré"),  # a rare word, "f" left single
        ("Le poste est lent et trop bruiyant pour la salle.", "bruiyant", "bruyant"),  # coordinated adjectives
        ("Un serveur distent répond plus lentement.", "distent", "distant"),  # 'distend' makes the line wrong
        ("Il range les fichers abîmés à part.", "fichers", "fichiers"),  # 'fiches' would not agree
    ],
)
def test_slips_by_ear_coordinated_or_of_a_rare_word_are_fixed(line: str, word: str, fixed: str) -> None:
    assert certain_fix(suggested(line, word)) == fixed


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Le mot de passe est salé et hashé avant le stockage.", "hashé"),  # a verb made of "hash", not 'haché'
        ("Le serveur est redémarré et pingé toutes les heures.", "pingé"),
    ],
)
def test_verbs_made_of_english_terms_are_left(line: str, word: str) -> None:
    assert certain_fix(suggested(line, word)) is None


@needs_grammalecte
def test_a_swap_keeps_the_letters_typed_and_so_the_number() -> None:
    line = "La copie prend longtemsp sur un vieux disque."
    assert certain_fix(suggested(line, "longtemsp")) == "longtemps"


def test_english_asides_are_the_fronts_lowercase_english_names() -> None:
    from supportcards.proofread.spelling import english_asides

    assert english_asides("Page d’accueil obligatoire (captive portal)") == ("captive portal",)
    assert english_asides("Étendue pleine (épuisement des adresses)") == ()
    assert english_asides("Clé (key)") == ()


def test_a_front_written_in_english_gives_its_words_as_the_cards_terms() -> None:
    from supportcards.proofread.spelling import english_front

    french = {"warnings", "alertes", "journal", "switch", "principal"}.__contains__
    assert english_front("Events et alerts", french) == {"events", "alerts"}
    assert english_front("Secure boot and TPM", french) == {"secure", "boot"}  # an acronym aside
    assert english_front("Errors et warnings", french) == frozenset()  # "warnings" is French too
    assert english_front("Switch principal", french) == frozenset()
    assert english_front("Alerts", french) == frozenset()  # one word: a misspelt French word as often


def _morph(readings: dict[str, list[str]]) -> Any:
    return lambda word: readings.get(word, [])


def test_the_only_word_one_slip_away_is_taken_whatever_the_slip(monkeypatch: pytest.MonkeyPatch) -> None:
    """'indispensible': an "i" for an "a" is no typist's slip (`likely_slip`), but no other word
    of the dictionaries is one edit away: the student meant that one."""
    known = _counts(monkeypatch, {"indispensable": 900, "indispensables": 300})
    assert spelling.only_word("indispensible", known, _morph({})) == "indispensable"
    known = _counts(monkeypatch, {"accessible": 900})
    assert spelling.only_word("accessibble", known, _morph({})) == "accessible"


def test_the_only_word_needs_no_rival_the_same_ending_and_a_common_word(monkeypatch: pytest.MonkeyPatch) -> None:
    known = _counts(monkeypatch, {"indispensable": 900, "indispensibles": 5})
    assert spelling.only_word("indispensible", known, _morph({})) is None  # a rival, however rare
    known = _counts(monkeypatch, {"agrégater": 900})
    assert spelling.only_word("agrégateur", known, _morph({})) is None  # an ending changed: another word
    known = _counts(monkeypatch, {"pixelisée": 0})
    assert spelling.only_word("pixellisée", known, _morph({})) is None  # a rare word: a variant, maybe
    known = _counts(monkeypatch, {"transmirent": 900})
    assert spelling.only_word("transmivent", known, _morph({"transmirent": [">transmettre/:V3:Is:3p"]})) is None
    known = _counts(monkeypatch, {"ultime": 2000})
    assert spelling.only_word("uptme", known, _morph({})) is None  # shorter than six letters


def test_two_common_english_words_run_together_are_a_term() -> None:
    assert spelling.english_compound("uptime")
    assert spelling.english_compound("failover")
    assert not spelling.english_compound("indispensible")
    assert not spelling.english_compound("passente")  # "sente" is a rare English word


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word", "fixed"),
    [
        ("Une connexion filaire reste indispensible pour les serveurs.", "indispensible", "indispensable"),
        ("Le partage reste accessibble depuis le site distant.", "accessibble", "accessible"),
    ],
)
def test_the_only_word_one_slip_away_is_fixed_unasked(line: str, word: str, fixed: str) -> None:
    finding = suggested(line, word)
    assert policy_key(finding) == "spelling:only-word"
    assert certain_fix(finding) == fixed


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Le cluster bascule en failover quand un nœud tombe.", "failover"),
        ("Le switch est stackable avec les autres modèles du rack.", "stackable"),
        ("La commande uptime indique depuis quand le poste tourne.", "uptime"),
    ],
)
def test_english_terms_with_one_french_word_near_are_left(line: str, word: str) -> None:
    assert certain_fix(suggested(line, word)) is None


@needs_grammalecte
def test_an_english_word_a_doubled_letter_from_another_english_word_is_no_cognate() -> None:
    """ "le striping" (RAID) is no English spelling of 'stripping', itself an English term."""
    assert certain_fix(suggested("On gagne la vitesse du striping sans la sécurité.", "striping")) is None
    assert certain_fix(suggested("La connection au serveur échoue souvent.", "connection")) == "connexion"


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word", "fixed"),
    [
        ("La passerelle donne accés au réseau interne.", "accés", "accès"),  # a grave accent for an acute one
        ("Le progrés du déploiement est suivi chaque jour.", "progrés", "progrès"),
        ("Le fichier est rappellé par le script de sauvegarde.", "rappellé", None),  # 'rappelle' drops the participle
    ],
)
def test_a_participles_ending_is_kept_but_a_grave_accent_is_taken(line: str, word: str, fixed: str | None) -> None:
    speller = Speller(engine=lexicon())
    finding = in_line(line, word, *speller.suggestions(word))
    assert certain_fix(finding) == fixed


@needs_grammalecte
@pytest.mark.parametrize(
    ("line", "word", "fixed"),
    [
        ("Il faut la permition du responsable pour installer.", "permition", "permission"),  # "-tion" for "-ssion"
        ("La connection Ethernet du bureau est coupée.", "connection", "connexion"),  # a name after it
        ("On donne les droits de lecture et execution au groupe.", "execution", "exécution"),  # after "et"
        ("Il faut penser à enregister le document avant de fermer.", "enregister", "enregistrer"),  # no English -er
        ("Le datacenter principal est à Genève.", "datacenter", None),  # the English ending stays
    ],
)
def test_spellings_by_ear_and_english_ones_in_a_french_phrase(line: str, word: str, fixed: str | None) -> None:
    speller = Speller(engine=lexicon())
    finding = in_line(line, word, *speller.suggestions(word))
    assert certain_fix(finding) == fixed
