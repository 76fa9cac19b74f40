"""Homophones told apart by what their clause already holds: a subject, a verb, or neither.

`homophones.py` reads a determiner and its noun; these checks ask of a small word whether the
clause around it can still take a subject, a verb or a noun, from Grammalecte's lexicon (word
classes, gender and number, finite forms) through `homophones.Lexicon`, never from a list of known
sentences, and return [] without Grammalecte:

- `sa-ça`: "sa" opening a clause, before a conjugated verb (object pronouns between maybe) that no
  feminine noun reading can make its noun ("sa peut", "et sa prend", "sa ne marche pas"): the
  subject "ça". A noun that is a verb too stays ("sa marche", "sa sauvegarde"); after a subject,
  "sa" before a verb is "se", Grammalecte's other reading, and left to it;
- `ça-sa`: "ça" after a preposition before a feminine noun ("une copie de ça carte"), or before
  "propre" and a feminine noun ("ça propre adresse"): the possessive "sa";
- `près-prêt`: "près" after a form of "être", before "à" or "pour" and what one gets ready for (an
  infinitive, or a determiner and its noun): "Le script est près pour la production", "est près à
  être déployé": the adjective "prêt", agreed with the subject (a noun group or a pronoun; where
  its gender is unsure, each form is offered, for a person). "près de" is the place; so is a
  "près" that an adverb of degree qualifies ("tout près", "très près"), and "c’est près pour…" (a
  distance for someone); one of time may stand between ("n’est pas encore près pour…");
- `ce-se-sujet`: "ce" after a subject that opens the clause (a noun group, or a name opening the
  sentence) or after "ne", before a conjugated verb that no masculine noun reading can make the
  noun of "ce" ("Windows ce lance", "le service d’impression ce lance"): the reflexive "se". Not
  before "être", "pouvoir", "devoir", "sembler" ("ce doit être", "ce sont"): there "ce" is a
  subject; `predicates.ce-se` takes "ce" after a subject pronoun or "qui". A subject group may
  follow "si", "quand", "que"; and a verb that is a masculine noun too ("passe") is the verb when
  the clause has no other ("Si la mise à jour ce passe mal");
- `où-ou-liste`: "où" right after a noun group, before another (a preposition maybe first) with no
  word that can be a conjugated verb up to the end of the clause ("un câble HDMI où un adaptateur",
  "sur un tapis où dans son sachet", "sur un partage où dans OneDrive": a preposition and a name; or
  the same preposition repeated, "par mail où par Teams"; or two numbers, "en 40, 80 où 160 MHz"): a
  relative "où" opens a clause with its verb ("le dossier où les fichiers sont stockés"), a list
  joins two noun groups with "ou"; so after a bare complement ("en performance, en sécurité où
  les deux") or before an attribute alone ("écrasé sous un meuble où trop plié"), with no verb
  nor infinitive after it;
- `a-à-sans-sujet`: "a" after bare nouns and adjectives that open the sentence (or a list item)
  with no determiner (two joined by "et" or "ou" too), before a determiner or a noun ("Accès a la
  console réservé", "Retour a la normale", "Verrouillage et effacement a distance"): nothing there
  can be the subject of the verb "avoir", so the preposition "à"; a name can ("Orange a une
  offre"), and "a" before a past participle is the auxiliary;
- `à-a-propre`: "à" + a possessive + "propre" after a subject (a noun group, a name, a subject
  pronoun) in a clause with no verb ("Chaque équipe à son propre site"): "avoir son propre …", the
  verb "a"; `à-a-ambigu`, for a person, the same after "Chaque <noun>" before any determiner
  ("Chaque technicien à une astreinte"), where a fragment may also name a thing ("Chaque accès à un
  dossier."), and after a comma that ends a clause with its verb, in a clause a definite
  determiner opens ("…, le lien numéro 1 à la priorité la plus haute"; "…, le passage à la fibre"
  is an apposition);
- `peut-être-sans-sujet`: "peut être" that has no subject to agree with, before a preposition or a
  determiner: after a comma that ends a clause with its verb ("…, peut être à cause d’une
  coupure"), or right after a conjugated verb ("La lenteur vient peut être du switch"); and
  "peut être que" anywhere ("ce ne peut être que le câble" excepted): the adverb "peut-être".
  "Il peut être lent", "Ce qui, dans certains cas, peut être un problème" keep the verb;
- `ces-ses-ambigu`, for a person: "ces" coordinated with a noun group of a possessive ("son code et
  de ces données"): the same owner's "ses" is likely, though "ces" may point back to something;
  `ces-ses-liste` when the list goes on with a possessive after it too ("son compte, ces droits,
  son matériel"): one owner's things;
- `ces-ses-compris`: "y compris ces" + a noun group after a possessive in the sentence ("récupère
  ses fichiers, y compris ces photos"): "y compris" picks among what the owner has, "ses" ("leurs"
  after "leurs"); or before a noun (no adjective) that nothing in the card named before, with no
  plural owner ("tout ce que l’utilisateur tape, y compris ces mots de passe"): a demonstrative
  points back at something. Not before a relative or "-là", which point at the things;
- `qui-à-a`: "qui à" + a determiner and a noun group with no word that can be a verb after it in
  the clause ("on sait qui à quel matériel"): the verb "a" of "qui"; "qui, à midi, appelle", "qui
  à la fin du mois sauvegarde…" (a verb follows), "n’importe qui à l’aide de" and a plural
  antecedent ("ont") are left alone.

Measured on bench/proofread/families/chapter-86 (tuned) and chapter-87 (unseen), and on correct
text (bench/proofread_clean.py); the certain ones are in `policy.CERTAIN`.
"""

from __future__ import annotations

from .homophones import (
    _CLAUSE_PUNCTUATION,
    _COORDINATORS,
    _DETERMINERS,
    _PLURAL_DETERMINERS,
    _SENTENCE_END,
    _SUBJECT_OPENERS,
    _SUBORDINATORS,
    Lexicon,
    Sentence,
    Token,
    _clause_start,
    _issue,
    _same_case,
    _verb_after,
    _verb_at,
    _walk,
    _word,
)
from .spelling import Speller
from .text import BACK, CardText, Issue

_OBJECT_CLITICS = frozenset(
    {"ne", "n’", "y", "en", "me", "m’", "te", "t’", "lui", "leur", "nous", "vous", "le", "la", "les", "l’"}
)
_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "ton", "ta", "tes"})
_PREPOSITIONS = frozenset({"dans", "sur", "sous", "par", "pour", "avec", "chez", "vers", "via", "en", "à", "au", "aux"})
_DEGREE_ADVERBS = frozenset({"tout", "très", "assez", "trop", "si", "plus", "moins", "aussi", "bien", "peu", "pas"})
_SUBJECT_VERBS = (">être/", ">pouvoir/", ">devoir/", ">sembler/")
"""Verbs that "ce" is the subject of ("ce sont", "ce doit être", "ce peut être", "ce semble")."""
_PRONOUN_FORMS = {
    "il": ("m", "s"),
    "elle": ("f", "s"),
    "ils": ("m", "p"),
    "elles": ("f", "p"),
    "on": ("m", "s"),
    "tout": ("m", "s"),
}
_UNSURE_PRONOUNS = {"je": "s", "j’": "s", "tu": "s", "nous": "p", "vous": "p"}
"""Subject pronouns that do not say their gender: each form of their number is offered."""
_PRET_FORMS = {("m", "s"): "prêt", ("f", "s"): "prête", ("m", "p"): "prêts", ("f", "p"): "prêtes"}


def _opens_clause(sentence: list[Token], index: int) -> bool:
    """Whether the word at `index` opens a clause: first of its sentence, or after punctuation, a
    coordinating conjunction or a word that opens a subordinate clause ("si", "que", "quand")."""
    if index == 0:
        return True
    previous = sentence[index - 1]
    return previous.text in _CLAUSE_PUNCTUATION or previous.lower in _COORDINATORS | _SUBORDINATORS


def _feminine_noun(lexicon: Lexicon, word: str) -> bool:
    """A singular noun or adjective that may be feminine: what "sa" may stand before."""
    return any(
        (":N" in morph or ":A" in morph) and (":f" in morph or ":e" in morph) and (":s" in morph or ":i" in morph)
        for morph in lexicon.morphs(word)
    )


def _masculine_noun(lexicon: Lexicon, word: str) -> bool:
    """A singular noun or adjective that may be masculine: what "ce" may stand before."""
    return any(
        (":N" in morph or ":A" in morph) and (":m" in morph or ":e" in morph) and (":s" in morph or ":i" in morph)
        for morph in lexicon.morphs(word)
    )


def _third_person(lexicon: Lexicon, word: str) -> bool:
    return any(":3s" in morph or ":3p" in morph for morph in lexicon.morphs(word))


def _after_clitics(sentence: list[Token], index: int) -> int:
    """The position of the first word from `index` that is no object pronoun nor "ne"."""
    while (word := _word(sentence, index)) is not None and word.lower in _OBJECT_CLITICS:
        index += 1
    return index


def sa_ca(card: CardText, speller: Speller) -> list[Issue]:
    """ "Débranchez la box : sa suffit souvent": "sa" opening a clause before a verb is "ça"."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "sa" or not _opens_clause(sentence, index):
                continue
            position = _after_clitics(sentence, index + 1)
            verb = _word(sentence, position)
            if verb is None or not lexicon.finite(verb.text) or not _third_person(lexicon, verb.text):
                continue
            if position == index + 1 and _feminine_noun(lexicon, verb.text):
                continue  # "sa marche", "sa sauvegarde": the noun, maybe ("sa ne marche" is none)
            message = "« sa » ouvre la proposition devant un verbe : le sujet « ça » ?"
            issues.append(_issue(part, offset, token, token, "sa-ça", message, _same_case("ça", token.text)))
    return issues


def ca_sa(card: CardText, speller: Speller) -> list[Issue]:
    """ "Il envoie une copie de ça carte", "ça propre adresse": "ça" before a noun is "sa". The
    pronoun after a preposition is its object ("avec ça", "de ça") and ends there: no noun joins
    it; before "propre" and a noun it is the possessive of "one's own". A noun that is also a
    conjugated verb is left alone before an object ("Une copie de ça demande du temps"); a
    masculine one takes "son", which is no homophone, and is left alone too."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "ça" or index == 0:
                continue
            noun = _word(sentence, index + 1)
            if noun is None:
                continue
            if noun.lower == "propre":
                noun = _word(sentence, index + 2)
                if noun is None or not _feminine_only_noun(lexicon, noun.text):
                    continue
            elif (
                not lexicon.has(sentence[index - 1].text, ":G:R")
                or sentence[index - 1].lower in _DEGREE_ADVERBS
                or not _feminine_only_noun(lexicon, noun.text)
                or lexicon.has(noun.text, ":A")
            ):
                continue
            elif lexicon.finite(noun.text) and _object_follows(sentence, index + 2):
                continue  # "Une copie de ça demande du temps": the verb of a subject "… de ça"
            message = "« ça » devant un nom : le possessif « sa » ?"
            issues.append(_issue(part, offset, token, token, "ça-sa", message, _same_case("sa", token.text)))
    return issues


def _object_follows(sentence: list[Token], index: int) -> bool:
    """A determiner at `index`, or "de"/"d’" and a determiner ("demande de l’aide"): what a verb takes."""
    word = _word(sentence, index)
    if word is not None and word.lower in ("de", "d’"):
        word = _word(sentence, index + 1)
    return word is not None and word.lower in _DETERMINERS


def _feminine_only_noun(lexicon: Lexicon, word: str) -> bool:
    """A feminine singular noun (no masculine, no plural reading) that is no adverb nor preposition."""
    morphs = lexicon.morphs(word)
    nouns = [morph for morph in morphs if ":N" in morph]
    if not nouns or any(":W" in morph or ":G" in morph for morph in morphs):
        return False
    return all(":f" in morph and ":s" in morph for morph in nouns)


def pres_pret(card: CardText, speller: Speller) -> list[Issue]:
    """ "Le script est près pour la production": after "être", "prêt" before what one is ready for."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "près" or index == 0 or not _readiness_follows(lexicon, sentence, index + 1):
                continue
            verb = index - 1
            if sentence[verb].lower in _DEGREE_ADVERBS:
                continue  # "tout près pour…", "très près": a distance
            while verb > 0 and (sentence[verb].lower == "pas" or _time_adverb(lexicon, sentence[verb].text)):
                verb -= 1  # "n’est pas encore près pour…"
            if not any(morph.startswith(">être/") for morph in lexicon.morphs(sentence[verb].text)):
                continue
            forms = _agreed_forms(lexicon, sentence, verb)
            if not forms:
                continue
            message = "« près » après « être », devant ce à quoi l’on se prépare : « prêt » ?"
            start, end = offset + token.start, offset + token.end
            issues.append(Issue(part, start, end, "grammar", "près-prêt", message, tuple(forms)))
    return issues


def _time_adverb(lexicon: Lexicon, word: str) -> bool:
    """An adverb that says when, not how much ("encore", "enfin", "bientôt"): it may stand between
    "être" and "prêt"; one of degree ("tout", "très") says a distance."""
    return lexicon.adverb(word) and word.casefold() not in _DEGREE_ADVERBS and not lexicon.nominal(word)


def _readiness_follows(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """ "à" or "pour" and then an infinitive or a determiner: "à être déployé", "pour la recette"."""
    preposition = _word(sentence, index)
    following = _word(sentence, index + 1)
    if preposition is None or following is None or preposition.lower not in ("à", "pour"):
        return False
    return following.lower in _DETERMINERS or lexicon.has(following.text, ":Y")


def _agreed_forms(lexicon: Lexicon, sentence: list[Token], verb: int) -> list[str]:
    """ "prêt" agreed with the subject of the verb at `verb`: one form where the subject (a noun
    group opening the clause, a subject pronoun, a name) says its gender and number, each form
    of its number where it does not; none where the subject is "c’" or "ça" (a distance)."""
    start = _clause_start(sentence, verb)
    subject = sentence[start:verb]
    plural = any(":3p" in morph for morph in lexicon.morphs(sentence[verb].text))
    if not subject or subject[0].lower in ("c’", "ce", "ça", "cela", "ceci"):
        return []
    if len(subject) == 1 and subject[0].lower in _PRONOUN_FORMS:
        return [_PRET_FORMS[_PRONOUN_FORMS[subject[0].lower]]]
    if len(subject) == 1 and subject[0].lower in _UNSURE_PRONOUNS:
        number = _UNSURE_PRONOUNS[subject[0].lower]
        return [_PRET_FORMS[("m", number)], _PRET_FORMS[("f", number)]]
    gender = None
    if subject[0].lower in _DETERMINERS and len(subject) > 1:
        gender = _gender(lexicon, subject[0].lower, subject[1].text)
        plural = plural or subject[0].lower in _PLURAL_DETERMINERS
    elif len(subject) == 1 and subject[0].text[:1].isupper() and not lexicon.known(subject[0].text):
        gender = "m"  # a name of software or a machine: "Windows est prêt"
    else:
        return []
    number = "p" if plural else "s"
    if gender is None:
        return [_PRET_FORMS[("m", number)], _PRET_FORMS[("f", number)]]
    return [_PRET_FORMS[(gender, number)]]


_MASCULINE_DETERMINERS = frozenset({"le", "un", "ce", "cet", "du", "au", "mon", "ton"})
_FEMININE_DETERMINERS = frozenset({"la", "une", "cette", "ma", "ta", "sa"})


def _gender(lexicon: Lexicon, determiner: str, noun: str) -> str | None:
    """ "m" or "f" from the determiner, else from every noun reading of `noun`; None when unsure."""
    if determiner in _MASCULINE_DETERMINERS:
        return "m"
    if determiner in _FEMININE_DETERMINERS:
        return "f"
    nouns = [morph for morph in lexicon.morphs(noun) if ":N" in morph]
    genders = {gender for gender in ("m", "f") if nouns and all(f":{gender}" in morph for morph in nouns)}
    return genders.pop() if len(genders) == 1 else None


def ce_se_sujet(card: CardText, speller: Speller) -> list[Issue]:
    """ "Windows ce lance", "le service d’impression ce lance": "ce" between a subject and its verb."""
    from .predicates import _subject_group

    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "ce" or index == 0:
                continue
            verb = _word(sentence, index + 1)
            if verb is None or not lexicon.finite(verb.text) or not _third_person(lexicon, verb.text):
                continue
            if any(morph.startswith(_SUBJECT_VERBS) for morph in lexicon.morphs(verb.text)):
                continue  # "ce sont", "ce doit être": "ce" is the subject
            start = _clause_start(sentence, index)
            after_ne = sentence[index - 1].lower == "ne"
            opening_name = start == 0 and index == 1 and _name(lexicon, sentence[0])
            subject = _subject_group(lexicon, sentence, start, index)
            if subject is None and index > start + 1 and sentence[start].lower in _SUBJECT_OPENERS:
                subject = _subject_group(lexicon, sentence[start + 1 :], 0, index - start - 1)
            if not (after_ne or opening_name or subject):
                continue
            if _masculine_noun(lexicon, verb.text) and not (subject and _no_verb_after(lexicon, sentence, index + 2)):
                continue  # "ce contrôle", "ce poste": the determiner and its noun, the verb after them
            message = "« ce » entre le sujet et son verbe : le pronom « se » ?"
            issues.append(_issue(part, offset, token, token, "ce-se-sujet", message, _same_case("se", token.text)))
    return issues


def _no_verb_after(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Whether no word from `index` to the end of the clause can be a finite verb: after a subject
    group, "ce" and a word that is a verb and a masculine noun ("la mise à jour ce passe mal") are
    the pronoun and the verb, since the clause has no other verb for the determiner's reading."""
    for word in sentence[index:]:
        if word.text in _CLAUSE_PUNCTUATION or word.lower in _COORDINATORS | _SUBORDINATORS:
            return True
        if lexicon.finite(word.text):
            return False
    return True


def _name(lexicon: Lexicon, token: Token) -> bool:
    """A capitalised word the lexicon does not know, or knows as a proper noun ("Windows", "Orange")."""
    if not token.text[:1].isupper() or not token.text.replace("-", "").isalpha():
        return False
    return not lexicon.known(token.text) or _proper_noun(lexicon, token.text)


def _proper_noun(lexicon: Lexicon, word: str) -> bool:
    """Whether the lexicon knows `word`, as written (capitalised), as a proper noun ("Orange",
    "Julien"); `Lexicon.morphs` reads the lower-case word, the common noun."""
    return any(":M" in morph for morph in lexicon.engine.getMorph(word))  # type: ignore[attr-defined]


def ou_liste(card: CardText, speller: Speller) -> list[Issue]:
    """ "un câble HDMI où un adaptateur USB-C": "où" between two noun groups, no verb after it."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "où" or index < 2:
                continue
            if _between_numbers(lexicon, sentence, index):
                message = "« où » entre deux nombres, sans verbe après lui : « ou » ?"
                issues.append(_issue(part, offset, token, token, "où-ou-liste", message, _same_case("ou", token.text)))
                continue
            position = index + 1
            preposition = _word(sentence, position)
            repeated = named = False
            if preposition is not None and preposition.lower in _PREPOSITIONS:
                repeated = _repeats_preposition(lexicon, sentence, index, preposition.lower)
                position += 1
                following = _word(sentence, position)
                named = following is not None and _name(lexicon, following)  # "où dans OneDrive"
            determiner = _word(sentence, position)
            attribute = False
            if determiner is not None and determiner.lower in _DETERMINERS:
                position += 1
            elif not (repeated or named):
                attribute = _attribute_alone(lexicon, sentence, position)
                if not attribute:
                    continue
            after_group = _ends_noun_group(lexicon, sentence, index - 1) or _bare_complement(
                lexicon, sentence, index - 1
            )
            if not (repeated or after_group):
                continue
            if _word(sentence, position) is None or _may_hold_a_verb(lexicon, sentence, position):
                continue  # "le dossier où les fichiers sont stockés": a relative
            if (attribute or not _ends_noun_group(lexicon, sentence, index - 1)) and _infinitive_in_clause(
                lexicon, sentence, position
            ):
                continue  # "en cas de panne où les trouver": a question
            message = "« où » entre deux groupes nominaux, sans verbe après lui : « ou » ?"
            issues.append(_issue(part, offset, token, token, "où-ou-liste", message, _same_case("ou", token.text)))
    return issues


def _bare_complement(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A noun right after a preposition, with no determiner ("en sécurité", "par mail"): one item of
    a list of complements ("en performance, en sécurité où les deux")."""
    word, before = sentence[index], _word(sentence, index - 1)
    if before is None or before.lower not in _PREPOSITIONS or not lexicon.has(word.text, ":N"):
        return False
    return not _verb_at(lexicon, sentence, index) and not lexicon.has(word.text, ":G")


def _attribute_alone(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Adverbs maybe, then a past participle or an adjective that is no noun, at `index` ("où trop
    plié"): a second attribute of a list, which no relative "où" opens without its verb. Not
    after "là", where "là où nécessaire" is elliptic."""
    if sentence[index - 2].lower == "là":
        return False
    position = index
    while (word := _word(sentence, position)) is not None and lexicon.adverb(word.text):
        position += 1
    word = _word(sentence, position)
    if word is None or lexicon.finite(word.text):
        return False
    morphs = lexicon.morphs(word.text)
    return any(":Q" in m or ":A" in m for m in morphs) and not any(":N" in m and ":A" not in m for m in morphs)


def _infinitive_in_clause(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """An infinitive from `index` to the end of the clause ("où le trouver"): a question's verb."""
    for word in sentence[index:]:
        if word.text in _CLAUSE_PUNCTUATION:
            return False
        if lexicon.has(word.text, ":Y"):
            return True
    return False


def _between_numbers(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """ "en 40, 80 où 160 MHz": "où" between two numbers with no verb after them in the clause (a
    relative after a year has its verb: "en 2019 où 30 postes ont été remplacés")."""
    following = _word(sentence, index + 1)
    if following is None or not following.text.isdigit() or not sentence[index - 1].text.isdigit():
        return False
    return not _may_hold_a_verb(lexicon, sentence, index + 1)


def _repeats_preposition(lexicon: Lexicon, sentence: list[Token], index: int, preposition: str) -> bool:
    """Whether the same preposition opens the noun group right before "où" at `index` ("par mail
    où par téléphone", "en Wi-Fi où en Ethernet"): a list repeats it, a relative does not."""
    for position in range(index - 1, max(-1, index - 5), -1):
        word = sentence[position]
        if word.lower == preposition:
            return position < index - 1
        if word.text in _CLAUSE_PUNCTUATION or _verb_at(lexicon, sentence, position):
            return False
        if word.lower not in _DETERMINERS and not (lexicon.nominal(word.text) or not lexicon.known(word.text)):
            return False
    return False


def _ends_noun_group(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A noun, adjective or name at `index` in a group that a determiner opens, a few words back,
    with nothing but nouns, adjectives, names and their complements between."""
    word = sentence[index]
    if word.text in _CLAUSE_PUNCTUATION or lexicon.has(word.text, ":G") or _verb_at(lexicon, sentence, index):
        return False
    if not (lexicon.nominal(word.text) or not lexicon.known(word.text)):
        return False
    for position in range(index - 1, max(-1, index - 6), -1):
        before = sentence[position]
        if before.lower in _DETERMINERS:
            return True
        if before.text in _CLAUSE_PUNCTUATION or _verb_at(lexicon, sentence, position):
            return False
        if before.lower in ("de", "d’", "-"):
            continue
        if lexicon.has(before.text, ":G") or not (lexicon.nominal(before.text) or not lexicon.known(before.text)):
            return False
    return False


def _may_hold_a_verb(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Whether a word that may be a conjugated verb stands from `index` (the noun after "où",
    skipped) to the end of the clause (a comma, a full stop, "et"/"ou" end it, but before a
    determiner, which joins a second noun to the subject: "où un téléphone et un PC sont branchés";
    an aside between two commas or in parentheses does not, `_incise_end`); a word after a
    determiner or a preposition is skipped too ("d’origine": a noun, not "originer")."""
    position = index
    while position < len(sentence):
        word = sentence[position]
        closing = _incise_end(sentence, position)
        if closing is not None:
            position = closing + 1
            continue
        following = _word(sentence, position + 1)
        if word.lower in _COORDINATORS and following is not None and following.lower in _DETERMINERS:
            position += 2  # "où un téléphone et un PC sont branchés": a second noun of one subject
            continue
        if word.text in _CLAUSE_PUNCTUATION or word.lower in _COORDINATORS:
            return False
        if word.lower in _SUBORDINATORS or word.lower in ("ne", "n’", "se", "s’"):
            return True
        previous = sentence[position - 1].lower
        after_link = previous in _DETERMINERS or previous in _PREPOSITIONS or previous in ("de", "d’")
        if position > index and not after_link and lexicon.finite(word.text):
            return True
        position += 1
    return False


def _incise_end(sentence: list[Token], position: int) -> int | None:
    """Where the aside opened at `position` closes: a comma closed by a later comma of the sentence
    ("le pirate, qui a déjà le mot de passe, envoie"), a parenthesis by its own; None when no aside
    opens there. The clause goes on after it, with its verb maybe."""
    opening = sentence[position].text
    closer = {",": ",", "(": ")", "—": "—"}.get(opening)
    if closer is None:
        return None
    for later in range(position + 1, len(sentence)):
        if sentence[later].text == closer:
            return later
        if sentence[later].text in _SENTENCE_END:
            return None
    return None


def a_sans_sujet(card: CardText, speller: Speller) -> list[Issue]:
    """ "Accès a la console réservé aux administrateurs": no subject for the verb "a"."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.text != "a" or index == 0:
                continue
            following = _word(sentence, index + 1)
            if following is None or not _noun_group_follows(lexicon, following):
                continue
            if not _bare_nouns_open_sentence(lexicon, sentence, index):
                continue
            message = "« a » sans sujet possible (des noms sans déterminant avant lui) : « à » ?"
            issues.append(_issue(part, offset, token, token, "a-à-sans-sujet", message, "à"))
    return issues


def _noun_group_follows(lexicon: Lexicon, word: Token) -> bool:
    """A determiner, or a noun or adjective that is no past participle nor infinitive: what follows
    the preposition "à" ("à la demande", "à distance"); "a" before a participle is the auxiliary."""
    if word.lower in _DETERMINERS:
        return True
    if lexicon.has(word.text, ":Q") or lexicon.has(word.text, ":Y"):
        return False
    return lexicon.nominal(word.text)


def _bare_nouns_open_sentence(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Whether `sentence[:index]` is nouns and adjectives with no determiner, pronoun, name nor
    verb, and complements "de …": "Accès", "Interface graphique utilisable", "Retour". The first
    word opens the sentence (or the item after a colon or a dash); not in parentheses, where an
    acronym's English name may stand ("(Infrastructure as a Service)")."""
    start = index
    while start > 0 and sentence[start - 1].text not in (":", "—", "–"):
        start -= 1
    words = sentence[start:index]
    if not words or not lexicon.has(words[0].text, ":N"):
        return False
    for position, word in enumerate(words):
        if position > 0 and word.lower in ("de", "d’", "du", "des"):
            continue
        if 0 < position < len(words) - 1 and word.lower in ("et", "ou"):
            continue  # "Verrouillage et effacement a distance": two bare nouns, no subject still
        if word.lower in _DETERMINERS or lexicon.has(word.text, ":G") or not word.text.isalpha():
            return False
        if not lexicon.known(word.text) or _proper_noun(lexicon, word.text):
            return False  # a name may be a subject: "Orange a une offre", "Windows a un pare-feu"
        if position > 0 and word.text[:1].isupper():
            return False
        if not (lexicon.nominal(word.text) or lexicon.adverb(word.text)):
            return False
        if lexicon.only_finite(word.text):
            return False
    return True


def a_possessif(card: CardText, speller: Speller) -> list[Issue]:
    """ "Chaque équipe à son propre site": "à" where the clause's verb "a" is missing."""
    from .predicates import _subject_before

    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "à" or index == 0:
                continue
            determiner, own = _word(sentence, index + 1), _word(sentence, index + 2)
            if determiner is None or determiner.lower not in _DETERMINERS:
                continue
            if not _subject_before(lexicon, sentence, index) or _verb_after(lexicon, sentence, index + 1):
                continue  # "Le technicien à l’accueil répond": the clause has its verb
            fix = "A" if token.text == "À" else "a"
            if determiner.lower in _POSSESSIVES and own is not None and own.lower in ("propre", "propres"):
                message = "« à son propre » après le sujet, sans verbe : « a son propre » ?"
                issues.append(_issue(part, offset, token, token, "à-a-propre", message, fix))
            elif (
                sentence[_clause_start(sentence, index)].lower == "chaque"
                and not found.in_list
                and not _verb_in_sentence(lexicon, sentence, index + 1)
            ):
                message = "« Chaque … à » sans verbe : le verbe « a » ?"
                issues.append(_issue(part, offset, token, token, "à-a-ambigu", message, fix))
            elif _after_a_clause(lexicon, sentence, _clause_start(sentence, index)) and not _verb_in_sentence(
                lexicon, sentence, index + 1
            ):
                message = "« à » après un sujet, dans une proposition sans verbe après une virgule : le verbe « a » ?"
                issues.append(_issue(part, offset, token, token, "à-a-ambigu", message, fix))
    return issues


_QUESTION_DETERMINERS = frozenset({"quel", "quelle", "quels", "quelles"})
_LOCUTION_NOUNS = frozenset(
    {"aide", "cause", "place", "suite", "issue", "fin", "intérieur", "extérieur", "occasion", "instar"}
    | {"manière", "façon", "image", "exception", "demande", "moment", "heure", "veille", "lieu"}
)
"""Nouns of the locutions "à l’aide de", "à la place de", "à la fin", "à la demande"…: after "qui
à" they open a complement, not the object of "a"."""


def qui_a(card: CardText, speller: Speller) -> list[Issue]:
    """ "on sait qui à quel matériel": "qui" before "à" and a noun group, no verb after them."""
    from .homophones import _plural_antecedent

    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "à" or index == 0 or sentence[index - 1].lower != "qui":
                continue
            determiner = _word(sentence, index + 1)
            if determiner is None or determiner.lower not in _DETERMINERS | _QUESTION_DETERMINERS:
                continue
            before = sentence[index - 2].lower if index > 1 else ""
            if before in _PREPOSITIONS | {"de", "d’", "importe"}:
                continue  # "à qui", "n’importe qui à l’aide…": "qui" is no subject
            noun = _word(sentence, index + 2)
            if noun is not None and noun.lower in _LOCUTION_NOUNS:
                continue  # "à l’aide de", "à la place de": a locution
            if index > 1 and _plural_antecedent(lexicon, sentence, index - 1):
                continue  # "les comptes qui à des droits": "ont", not "a"
            if _may_be_a_verb_after(lexicon, sentence, index + 2):
                continue  # "qui à la fin du mois sauvegarde les fichiers": "à" opens a complement
            message = "« qui à » suivi d’un groupe nominal, sans verbe : « qui a » ?"
            issues.append(_issue(part, offset, token, token, "qui-à-a", message, "a"))
    return issues


def _may_be_a_verb_after(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Whether a word that can be a conjugated verb (in any reading) stands from `index` to the end
    of the clause, besides a noun right after a determiner or a preposition: the verb of "qui"."""
    for position in range(index, len(sentence)):
        word = sentence[position]
        if word.text in _CLAUSE_PUNCTUATION or word.lower in _COORDINATORS or word.lower in _SUBORDINATORS:
            return False
        previous = sentence[position - 1].lower
        if previous in _DETERMINERS or previous in _QUESTION_DETERMINERS or previous in _PREPOSITIONS | {"de", "d’"}:
            continue
        if lexicon.finite(word.text) or word.lower in _OBJECT_CLITICS:
            return True
    return False


def _after_a_clause(lexicon: Lexicon, sentence: list[Token], start: int) -> bool:
    """Whether the clause at `start` follows a comma after a clause with its verb, and opens with a
    definite determiner ("…, c’est l’ordre qui décide, le lien numéro 1 à la priorité"): a second
    clause whose verb may be the "a" written "à"; or a noun group in apposition ("…, le passage à
    la fibre"), so a person decides."""
    if start < 2 or sentence[start - 1].text != "," or sentence[start].lower not in ("le", "la", "l’", "les"):
        return False
    return any(_verb_at(lexicon, sentence, position) for position in range(start - 1))


def _verb_in_sentence(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Whether a conjugated verb stands from `index` to the end of the sentence, or a relative
    pronoun that may hold one."""
    return any(
        sentence[position].lower in _SUBORDINATORS or _verb_at(lexicon, sentence, position)
        for position in range(index, len(sentence))
    )


def peut_etre_sans_sujet(card: CardText, speller: Speller) -> list[Issue]:
    """ "…, peut être à cause d’une coupure", "vient peut être du switch": no subject for "peut"."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index in range(len(sentence) - 2):
            token, etre = sentence[index], sentence[index + 1]
            if token.lower != "peut" or etre.lower != "être" or etre.start != token.end + 1:
                continue
            if not _no_subject_for_peut(lexicon, sentence, index):
                continue
            fix = _same_case("peut-être", token.text)
            message = "« peut être » sans sujet qui s’accorde avec lui : l’adverbe « peut-être »"
            issues.append(_issue(part, offset, token, etre, "peut-être-sans-sujet", message, fix))
    return issues


def _no_subject_for_peut(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Whether "peut" at `index` (before "être") has no subject: before "que" ("peut être que ça
    suffit", but not "ce ne peut être que le câble"), or before a determiner or a preposition
    after a comma that ends a whole clause or right after a conjugated verb. At the start of a
    sentence ("Peut être un câble") Grammalecte's g3__conf takes it."""
    following = sentence[index + 2].lower
    previous = sentence[index - 1].lower if index > 0 else ""
    if following in ("que", "qu’"):
        return previous not in ("ne", "n’")
    if index == 0 or following not in _DETERMINERS | _PREPOSITIONS | {"de", "d’", "du", "des"}:
        return False  # "peut être utile", "peut être remplacé": the verb and its attribute
    return _after_a_whole_clause(lexicon, sentence, index) or _right_after_a_verb(lexicon, sentence, index)


def _after_a_whole_clause(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A comma right before `index` that ends a clause holding its own verb ("Le PC a redémarré
    seul, peut être …"); after an inserted phrase with no verb ("Ce qui, dans certains cas, peut
    être …") the subject before it is still waiting for its verb, "peut"."""
    if index < 2 or sentence[index - 1].text != ",":
        return False
    start = _clause_start(sentence, index - 2)
    return any(_verb_at(lexicon, sentence, position) for position in range(start, index - 1))


def _right_after_a_verb(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A word that can only be a conjugated verb right before "peut", in a clause that no relative
    or subordinate opened: "La lenteur vient peut être du switch" (in "Ce qui compte peut être…"
    "peut" is the main verb after the relative's)."""
    previous = sentence[index - 1]
    if not lexicon.only_finite(previous.text) or lexicon.has(previous.text, ":Q"):
        return False
    start = _clause_start(sentence, index - 1)
    return not any(sentence[position].lower in _SUBORDINATORS for position in range(start, index - 1))


def ces_possessif(card: CardText, speller: Speller) -> list[Issue]:
    """ "son code et de ces données": "ces" beside a possessive of the same list, "ses" maybe."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "ces" or index < 3:
                continue
            joined = index - 1 if sentence[index - 1].lower not in ("de", "à", "pour", "sur", "dans") else index - 2
            if joined < 2 or sentence[joined].lower not in ("et", "ou", ","):
                continue
            before = sentence[max(0, joined - 5) : joined]
            if not any(word.lower in ("son", "sa", "ses") for word in before):
                continue
            following = _word(sentence, index + 1)
            if following is None or following.lower in ("propre", "propres"):
                continue  # "ces propres …": `homophones.ces-ses` takes it
            if _verb_after(lexicon, sentence, index + 2):
                continue  # "son imprimante et ces imprimantes sont en réseau": a clause of its own
            if _possessive_item_follows(sentence, index + 2):
                message = "« ces » entre deux groupes au possessif d’une même liste : « ses »"
                rule = "ces-ses-liste"
            else:
                message = "« ces » joint à un groupe au possessif : « ses » ?"
                rule = "ces-ses-ambigu"
            issues.append(_issue(part, offset, token, token, rule, message, _same_case("ses", token.text)))
    return issues


_OWNER_POSSESSIVES = frozenset({"son", "sa", "ses"})


def _possessive_item_follows(sentence: list[Token], index: int) -> bool:
    """Whether the next item of the list, after a comma or "et"/"ou" a few words on, opens with
    "son", "sa" or "ses" ("son compte, ces droits, son matériel"): "ces" sits among one owner's things."""
    for position in range(index, min(len(sentence) - 1, index + 5)):
        word = sentence[position]
        if word.text == "," or word.lower in ("et", "ou"):
            return sentence[position + 1].lower in _OWNER_POSSESSIVES
        if word.text in _CLAUSE_PUNCTUATION:
            return False
    return False


def ces_compris(card: CardText, speller: Speller) -> list[Issue]:
    """ "Il récupère ses fichiers, y compris ces photos": "y compris" picks among the owner's things."""
    issues = []
    for found in _walk(card, speller):
        part, offset, sentence = found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "ces" or index < 3 or [w.lower for w in sentence[index - 2 : index]] != ["y", "compris"]:
                continue
            if any(word.lower in _SUBORDINATORS or word.text in ("-", "là") for word in sentence[index + 1 :]):
                continue  # "y compris ces fichiers qui…", "ces fichiers-là": they point at things
            owner = [word.lower for word in sentence[: index - 2] if word.lower in _OWNER_POSSESSIVES | {"leurs"}]
            if owner:
                fix = "leurs" if owner[-1] == "leurs" else "ses"
            elif _no_referent(card, found, index) and not _plural_owner(sentence[: index - 2]):
                fix = "ses"
            else:
                continue
            message = f"« y compris ces », sans rien à montrer avant : « y compris {fix} »"
            issues.append(_issue(part, offset, token, token, "ces-ses-compris", message, _same_case(fix, token.text)))
    return issues


def _no_referent(card: CardText, found: Sentence, index: int) -> bool:
    """Whether the noun after "ces" at `index` names nothing the card said before (its front, and
    its back up to there): a demonstrative points back at something, a possessive need not."""
    from .homophones import _singular, tokens

    noun = _word(found.tokens, index + 1)
    if noun is None or not found.lexicon.has(noun.text, ":N") or found.lexicon.has(noun.text, ":A"):
        return False  # "y compris ces anciens fichiers": an adjective first points at known things
    before = card.front + "\n" + (card.back[: found.offset + found.tokens[index].start] if found.part == BACK else "")
    return _singular(noun.lower) not in {_singular(word.lower) for word in tokens(before)}


def _plural_owner(words: list[Token]) -> bool:
    """A plural subject that would own the things ("les utilisateurs", "ils"): "leurs", not "ses"."""
    return any(word.lower in ("ils", "elles", "les", "des", "leurs", "leur") for word in words)


def leur_leurs(card: CardText, speller: Speller) -> list[Issue]:
    """ "ce qui leurs donne", "Microsoft sauvegarde leur données": the number of "leur" told by the
    word after it. The pronoun "leur" never takes an "s", and the determiner "leurs" takes a plural
    noun: before a word that may be a conjugated verb or an infinitive and has no plural reading,
    "leurs" is "leur" whichever it was meant as. The determiner "leur" takes a singular noun: before a
    noun or adjective that is plural in every reading and can be no conjugated verb nor infinitive
    ("leur demandes" may be "tu leur demandes"), "leurs"."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower not in ("leur", "leurs"):
                continue
            following = _word(sentence, index + 1)
            if following is None or not following.text.islower() or not lexicon.known(following.text):
                continue
            verbal = lexicon.finite(following.text) or lexicon.has(following.text, ":Y")
            if token.lower == "leurs":
                plural = [
                    m for m in lexicon.morphs(following.text) if (":N" in m or ":A" in m) and (":p" in m or ":i" in m)
                ]
                if not verbal or plural:
                    continue
                fix, message = "leur", "« leurs » devant un verbe ou un nom au singulier : « leur »"
            else:
                if verbal or not lexicon.plural_only(following.text):
                    continue
                fix, message = "leurs", "« leur » devant un nom au pluriel : « leurs »"
            rule = f"{token.lower}-{fix}"
            issues.append(_issue(part, offset, token, token, rule, message, _same_case(fix, token.text)))
    return issues


CHECKS = (
    ("sa-ça", sa_ca),
    ("ça-sa", ca_sa),
    ("près-prêt", pres_pret),
    ("ce-se-sujet", ce_se_sujet),
    ("où-ou-liste", ou_liste),
    ("a-à-sans-sujet", a_sans_sujet),
    ("à-a-propre", a_possessif),
    ("peut-être-sans-sujet", peut_etre_sans_sujet),
    ("ces-ses-ambigu", ces_possessif),
    ("qui-à-a", qui_a),
    ("ces-ses-compris", ces_compris),
    ("leur-leurs", leur_leurs),
)
"""This module's checks, by rule name, for `rules.OWN_CHECKS` (and `homophones.line_readings`)."""
