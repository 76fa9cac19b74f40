"""A clause's verb written as its homophone, after a subject the other checks do not read.

`homophones.py` reads a determiner and its noun; these checks read the subjects it leaves: a name,
an acronym or a number ("Outlook", "le RSSI", "le port 22"), and a subject and "à" before a past
participle. They fire on word classes (Grammalecte's lexicon, `homophones.Lexicon`), never on a
list of words, and return [] without Grammalecte:

- `et-est-nom`: a subject that opens the clause and ends with a name, an acronym or a number (a
  word the lexicon does not know, or digits: "Le port 22", "Le VPN", "L’adresse 127.0.0.1"; a
  name alone only at the start of a sentence), no preposition nor verb in it, then "et", adverbs
  maybe, and an adjective or past participle that is no noun (or a noun too, before a
  preposition: "indispensable pour") with a complement after it and no verb in the rest of the
  clause ("Le port 22 et ouvert seulement depuis le réseau interne"): two names or numbers are
  joined by "et", an adjective is not, so the clause's missing verb is "est" ("sont" after a
  plural determiner). An adjective that ends the clause is left ("Windows 10 et ultérieur." may
  be a range), a past participle is not ("Outlook et fermé, la synchronisation…"); a list item
  is left (a fragment);
- `et-est-superlatif`: a name or acronym alone opening a sentence with no verb, "et", a determiner,
  a noun and, in the same clause, a superlative ("le plus", "la moins"): "Outlook et le client le
  plus répandu" defines the name ("est"); a list of two things does not rank the second, nor does
  an answer to a front that asks for several ("Quels navigateurs sont installés ?");
- `à-a`: "à" right before a past participle that is no infinitive, after a subject pronoun, "qui",
  or a subject noun group or name that opens the clause with no verb ("Le technicien à
  réinitialisé le code"): the auxiliary "a". A preposition takes an infinitive ("à réinitialiser")
  or a noun, not a participle. Grammalecte flags "à" and the participle as rival readings ("a
  réinitialisé", "à réinitialiser"); `review.contested` keeps the one a check here confirms; so is
  "à" before a noun that "avoir" takes with no article ("besoin", "lieu"), after a singular subject
  or one that "quand", "si", "que" open ("quand un programme à besoin de droits");
- `on-ont-participe`: "on" right before a past participle (no infinitive, no conjugated verb), after
  a plural noun group ("Les administrateurs on créé", "les règles que les agents on créées"): no
  participle follows the pronoun "on" without its auxiliary; "ont". Unlike `homophones.on_ont` it
  holds in a relative whose main clause has its verb ("… on créées s’appliquent");
- `unknown-conjugation`: a word the lexicon does not know right after a subject (a noun group that
  opens its clause, or il/elle/on/ils/elles), which, its person's ending cut ("-ent", "-e", "-t"…),
  is the stem of one infinitive in the lexicon: "Les techniciens recevent" (recevoir) ->
  "reçoivent", "ils prenent" (prendre) -> "prennent"; the present of the subject's person. Where
  `agreement.unknown-verb` finds the one sound-alike verb of a noun group's person, it decides; after
  a noun that a name follows (`text.NAMING_NOUNS`: "La commande groups mdupont affiche") the word is
  that name;
- `sont-son`: "sont" before a singular noun that takes "son" (masculine, or with a vowel first) and
  is no past participle, adverb nor conjugated verb, where the clause already has its verb or a
  preposition stands right before ("on vérifie sont nom", "pour sont adresse"), or a verb follows
  in the clause ("…, sont délai est court"), or "propre" and a noun follow ("sont propre code"):
  the possessive. A clause with no other verb keeps "sont" ("Les pannes sont source de stress");
- `ce-se`: "ce" right after a subject pronoun or "qui" and before a conjugated verb (not être,
  pouvoir, devoir: "ce sont", "ce doit être"), one that is no noun or may be pronominal: "ce qui
  ce produit", "il ce connecte": the reflexive "se". Not after a preposition's "qui" ("à qui ce
  poste appartient": "ce poste" is the subject);
- `infinitive-participle`: a determiner and a noun that open the clause, then an infinitive in
  "-er" that is nothing else, a preposition, and the clause's conjugated verb later ("Un
  formulaire envoyer par le client arrive dans la file"): the past participle agreeing with the
  noun ("envoyé"). A name of a button keeps its verb ("Le bouton envoyer est grisé": no
  preposition after it; "Le menu exporter en CSV se trouve en haut": after a noun that a name
  follows, `text.NAMING_NOUNS`); a noun of unsure gender is left.
"""

from __future__ import annotations

import re

from . import agreement
from .homophones import (
    _CLAUSE_PUNCTUATION,
    _DETERMINERS,
    _PLURAL_DETERMINERS,
    _SENTENCE_END,
    _SUBJECT_OPENERS,
    Lexicon,
    Sentence,
    Token,
    _clause_start,
    _issue,
    _lines,
    _main_verb_before,
    _plural_antecedent,
    _verb_after,
    _verb_at,
    _walk,
    _word,
    tokens,
)
from .spelling import Speller
from .text import FRONT, NAMING_NOUNS, CardText, Issue

_SUBJECT_PRONOUNS = frozenset({"il", "elle", "on", "qui"})
_NAME_DETERMINERS = _DETERMINERS - {"un", "une", "des", "du", "au", "aux", "chaque", "plusieurs"}
"""Determiners of a subject that names one thing (a list item "Un écran 24 pouces et réglable"
describes, it does not state)."""
_SUPERLATIVES = frozenset({"plus", "moins"})
_ASKS_SEVERAL = re.compile(
    r"\b(?:quels|quelles|lesquels|lesquelles|citez|nommez|énumérez|listez)\b|\b(?:[2-9]|deux|trois|quatre)\s+\w",
    re.IGNORECASE,
)
"""A front that asks for several things: its answer "A et B" lists them, it defines nothing."""
_SUPERLATIVE_ARTICLES = frozenset({"le", "la", "les"})


def _name(lexicon: Lexicon, token: Token) -> bool:
    """A name, an acronym or a number: digits (and dots), a word the lexicon does not know, or a
    capitalised word that is no common word ("Outlook", "RSSI", "22", "127.0.0.1")."""
    text = token.text
    if text.replace(".", "").isdigit():
        return True
    if not text.replace("-", "").isalpha():
        return False
    return not lexicon.known(text)


def _subject_with_name(lexicon: Lexicon, sentence: list[Token], start: int, end: int) -> bool | None:
    """Whether `sentence[start:end]` is a subject that ends with a name or a number: a determiner of
    one thing, nouns, names, numbers (no preposition, no verb); or a name alone. Its number (True
    for plural) or None when it is no such subject."""
    words = sentence[start:end]
    if not words or not _name(lexicon, words[-1]):
        return None
    first = words[0]
    if len(words) == 1:  # a name alone opens its sentence ("… 20 et 21 et …" is a list)
        return False if start == 0 and first.text[:1].isupper() else None
    if first.lower not in _NAME_DETERMINERS:
        return None
    for position in range(start + 1, end):
        word = sentence[position]
        if _name(lexicon, word):
            continue
        if not lexicon.has(word.text, ":N") or lexicon.has(word.text, ":G") or _verb_at(lexicon, sentence, position):
            return None
    return first.lower in _PLURAL_DETERMINERS


def _numbers(sentence: list[Token]) -> list[Token]:
    """The tokens with a number and its dots as one ("127.0.0.1", "2.4"), for `_name`."""
    merged: list[Token] = []
    for token in sentence:
        if merged and token.start == merged[-1].end:
            last = merged[-1]
            joins = (token.text == "." and last.text[-1:].isdigit()) or (
                token.text.isdigit() and last.text.endswith(".") and last.text[:1].isdigit()
            )
            if joins:
                merged[-1] = Token(last.text + token.text, last.start, token.end)
                continue
        merged.append(token)
    return merged


def _walk_numbers(card: CardText, speller: Speller) -> list[Sentence]:
    """`homophones._walk`, with a number's dots kept inside it ("L’adresse 127.0.0.1 et …" is one
    sentence, not four)."""
    if speller.engine is None:
        return []
    lexicon = Lexicon(speller.engine)
    found = []
    for part, offset, line, in_list in _lines(card):
        sentence: list[Token] = []
        for token in _numbers(tokens(line)):
            sentence.append(token)
            if token.text in _SENTENCE_END:
                found.append(Sentence(lexicon, part, offset, sentence, in_list))
                sentence = []
        if sentence:
            found.append(Sentence(lexicon, part, offset, sentence, in_list))
    return found


def _predicate_adjective(lexicon: Lexicon, sentence: list[Token], index: int) -> Token | None:
    """After "et" at `index`: adverbs maybe, then an adjective or participle that is no noun, no
    conjugated verb, and no word of the clause's end (a complement follows it)."""
    position = index + 1
    while (
        (word := _word(sentence, position)) is not None
        and lexicon.adverb(word.text)
        and not lexicon.has(word.text, ":A")
    ):
        position += 1
    word = _word(sentence, position)
    if word is None or not (lexicon.has(word.text, ":A") or lexicon.has(word.text, ":Q")):
        return None
    if lexicon.finite(word.text) or lexicon.has(word.text, ":G"):
        return None
    after = _word(sentence, position + 1)
    if lexicon.has(word.text, ":N") and (after is None or not lexicon.has(after.text, ":G:R")):
        return None  # "indispensable", "responsable" are nouns too, adjectives before a preposition
    if after is None or after.text in _CLAUSE_PUNCTUATION:
        # "Windows 10 et ultérieur.": maybe a range of versions; a past participle names no
        # version ("Outlook et fermé, la synchronisation reprendra…")
        return word if after is not None and lexicon.has(word.text, ":Q") else None
    if _verb_after(lexicon, sentence, position + 1):
        return None  # "Les versions 2019 et ultérieures sont prises en charge"
    return word


def et_est_nom(card: CardText, speller: Speller) -> list[Issue]:
    """ "Le port 22 et ouvert depuis le réseau interne": "et" after a name or number, before an adjective."""
    issues = []
    for found in _walk_numbers(card, speller):
        if found.in_list:
            continue
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "et" or index == 0:
                continue
            start = _clause_start(sentence, index - 1)
            plural = _subject_with_name(lexicon, sentence, start, index)
            if plural is None or _predicate_adjective(lexicon, sentence, index) is None:
                continue
            fix = "sont" if plural else "est"
            message = f"« et » entre un sujet et un adjectif, sans verbe : « {fix} » ?"
            issues.append(_issue(part, offset, token, token, "et-est-nom", message, fix))
    return issues


def et_est_superlatif(card: CardText, speller: Speller) -> list[Issue]:
    """ "Outlook et le client le plus répandu": a name, "et", and a noun group ranked by a superlative."""
    issues = []
    for found in _walk(card, speller):
        if found.in_list:
            continue
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        if len(sentence) < 6 or sentence[1].lower != "et" or not sentence[0].text[:1].isupper():
            continue
        if part != FRONT and _ASKS_SEVERAL.search(card.text(FRONT)):
            continue  # "Quels navigateurs sont installés ?" "Firefox et la version la plus récente de Chrome."
        if not _name(lexicon, sentence[0]) or sentence[2].lower not in _NAME_DETERMINERS:
            continue
        if not lexicon.has(sentence[3].text, ":N"):
            continue
        if any(_verb_at(lexicon, sentence, position) for position in range(len(sentence))):
            continue
        clause_end = next(
            (position for position in range(2, len(sentence)) if sentence[position].text in _CLAUSE_PUNCTUATION),
            len(sentence),
        )
        ranked = any(
            sentence[position].lower in _SUPERLATIVE_ARTICLES and sentence[position + 1].lower in _SUPERLATIVES
            for position in range(4, clause_end - 1)
        )
        if ranked:
            message = "« et » entre un nom et le groupe qui le définit, sans verbe : « est » ?"
            issues.append(_issue(part, offset, sentence[1], sentence[1], "et-est-superlatif", message, "est"))
    return issues


def a_avoir(card: CardText, speller: Speller) -> list[Issue]:
    """ "Le technicien à réinitialisé le code": "à" between a subject and a past participle."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "à" or index == 0:
                continue
            following = _word(sentence, index + 1)
            if following is None:
                continue
            if following.lower in _AVOIR_NOUNS:
                if not (_subject_before(lexicon, sentence, index) or _subject_after_opener(lexicon, sentence, index)):
                    continue
                subject = sentence[_clause_start(sentence, index - 1) : index]
                if any(word.lower in _PLURAL_DETERMINERS | {"ils", "elles"} for word in subject):
                    continue  # "Les postes à besoin": "ont besoin", which a person writes
                fix = "A" if token.text == "À" else "a"
                message = f"« {following.text} » sans article après le sujet : « avoir {following.text} » ?"
                issues.append(_issue(part, offset, token, token, "à-a", message, fix))
                continue
            if not _participle(lexicon, following.text):
                continue
            if not _subject_before(lexicon, sentence, index):
                continue
            fix = "A" if token.text == "À" else "a"
            message = "« à » devant un participe passé, après le sujet : l’auxiliaire « a » ?"
            issues.append(_issue(part, offset, token, token, "à-a", message, fix))
    return issues


def _participle(lexicon: Lexicon, word: str) -> bool:
    """A past participle that is no infinitive, no conjugated verb and no adjective of its own."""
    morphs = lexicon.morphs(word)
    return (
        any(":Q" in morph for morph in morphs)
        and not any(":Y" in morph or ":G" in morph for morph in morphs)  # "à lui": a pronoun, not "lui" of luire
        and not (lexicon.finite(word))
    )


_AVOIR_NOUNS = frozenset({"besoin", "lieu", "recours", "hâte", "envie", "peur"})
"""Nouns that "avoir" takes with no article ("avoir besoin", "avoir lieu") and no "à" ever comes
before: "un programme à besoin de droits" is "a besoin"."""


def _subject_after_opener(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A singular noun group right before `index` that a word opening a clause with its subject
    ("quand", "si", "que") puts first: "quand un programme à besoin de droits"."""
    position = index - 1
    while position > 0 and sentence[position].lower not in _DETERMINERS:
        word = sentence[position]
        if lexicon.has(word.text, ":G") or not (lexicon.nominal(word.text) or _name(lexicon, word)):
            return False
        if _verb_at(lexicon, sentence, position):
            return False
        position -= 1
    if position < 1 or position == index - 1 or sentence[position].lower in _PLURAL_DETERMINERS:
        return False
    return sentence[position - 1].lower in _SUBJECT_OPENERS


def _subject_before(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A subject right before `index`: "il", "elle", "on", "qui", or a noun group or name that opens
    the clause, with no verb in it ("Le technicien", "Outlook")."""
    previous = sentence[index - 1]
    if previous.lower in _SUBJECT_PRONOUNS:
        return True
    start = _clause_start(sentence, index - 1)
    words = sentence[start:index]
    if any(_verb_at(lexicon, sentence, position) for position in range(start, index)):
        return False
    if len(words) == 1:
        return words[0].text[:1].isupper() and _name(lexicon, words[0])
    if words[0].lower not in _DETERMINERS:
        return False
    for word in words[1:]:
        if lexicon.has(word.text, ":G") or not (lexicon.nominal(word.text) or _name(lexicon, word)):
            return False
    return True


def on_ont_participe(card: CardText, speller: Speller) -> list[Issue]:
    """ "Les agents on créé un groupe", "les règles que les agents on créées": "on" + a participle."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "on" or index == 0:
                continue
            participle = _word(sentence, index + 1)
            if participle is None or participle.start != token.end + 1 or not _participle(lexicon, participle.text):
                continue
            if not _plural_antecedent(lexicon, sentence, index) or not _group_is_subject(sentence, index):
                continue
            message = "« on » devant un participe passé, après un sujet pluriel : « ont » ?"
            issues.append(_issue(part, offset, token, token, "on-ont-participe", message, "ont"))
    return issues


_BEFORE_SUBJECT = frozenset({"que", "qu’", "et", "mais", "ou", "donc", "car", "puis", "si", "quand", "lorsque"})


def _group_is_subject(sentence: list[Token], index: int) -> bool:
    """Whether the noun group before `index` opens the sentence or follows a punctuation mark or a
    conjunction ("que les agents"): after a preposition ("Dans les bureaux on …") it is no subject."""
    position = index - 1
    while position >= 0 and sentence[position].lower not in _DETERMINERS:
        position -= 1
    if position < 0:
        return False
    before = _word(sentence, position - 1)
    return before is None or before.text in _CLAUSE_PUNCTUATION or before.lower in _BEFORE_SUBJECT


def sont_son(card: CardText, speller: Speller) -> list[Issue]:
    """ "on vérifie sont nom", "pour sont mot de passe": "sont" before a singular noun, where the
    clause already has its verb (before it, or after the noun: "sont temps d’accès est court"), a
    preposition comes right before, or "propre" and a noun follow: the possessive "son"."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "sont" or index == 0:
                continue
            noun = _word(sentence, index + 1)
            if noun is None or not _masculine_or_vowel_noun(lexicon, noun.text):
                continue
            previous = sentence[index - 1]
            after_preposition = lexicon.has(previous.text, ":G:R")
            if (
                not after_preposition
                and not _own_noun_follows(lexicon, sentence, index + 1)
                and not _main_verb_before(lexicon, sentence, _clause_start(sentence, index), index)
                and not _verb_after(lexicon, sentence, index + 2)
            ):
                continue  # "Les pannes sont source de stress": "sont" is the clause's verb
            fix = "Son" if token.text[:1].isupper() else "son"
            message = "« sont » devant un nom, la proposition a déjà son verbe : « son » ?"
            issues.append(_issue(part, offset, token, token, "sont-son", message, fix))
    return issues


def _own_noun_follows(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """ "propre" at `index` before a noun that is no conjugated verb: "own", which takes a possessive
    ("sont propre mot de passe"); "propre" as an attribute ends the clause or takes "à", "et"."""
    own, noun = _word(sentence, index), _word(sentence, index + 1)
    if own is None or own.lower != "propre" or noun is None:
        return False
    return lexicon.has(noun.text, ":N") and not lexicon.finite(noun.text)


def _masculine_or_vowel_noun(lexicon: Lexicon, word: str) -> bool:
    """A singular noun that takes "son": masculine, or starting with a vowel ("son adresse"); no
    past participle, adverb nor conjugated verb ("sont installés", "sont bien"), and not plural
    only ("sont prêts")."""
    morphs = lexicon.morphs(word)
    if not any(":N" in morph for morph in morphs) or lexicon.finite(word):
        return False
    if any(tag in morph for morph in morphs for tag in (":Q", ":Y", ":W", ":G")):
        return False
    singular = [morph for morph in morphs if ":s" in morph or ":i" in morph]
    if not singular:
        return False
    return word[:1].casefold() in "aeiouyéèêh" or any(":m" in morph or ":e" in morph for morph in singular)


_CE_SUBJECTS = frozenset({"il", "elle", "on", "ils", "elles", "qui"})


def qui_ce_se(card: CardText, speller: Speller) -> list[Issue]:
    """ "ce qui ce produit", "il ce connecte": "ce" between a subject and a conjugated verb is "se"."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "ce" or index == 0 or sentence[index - 1].lower not in _CE_SUBJECTS:
                continue
            if index > 1 and sentence[index - 1].lower == "qui" and lexicon.has(sentence[index - 2].text, ":G:R"):
                continue  # "à qui ce poste appartient": "qui" is the object, "ce poste" the subject
            verb = _word(sentence, index + 1)
            if (
                verb is None
                or not lexicon.finite(verb.text)
                or (
                    lexicon.has(verb.text, ":N")
                    and not (lexicon.only_finite(verb.text) or _reflexive_verb(lexicon, verb.text))
                )
            ):
                continue
            if any(morph.startswith((">être/", ">pouvoir/", ">devoir/")) for morph in lexicon.morphs(verb.text)):
                continue  # "ce sont", "ce doit être": "ce" is the subject
            fix = "Se" if token.text[:1].isupper() else "se"
            message = "« ce » entre le sujet et son verbe : le pronom « se » ?"
            issues.append(_issue(part, offset, token, token, "ce-se", message, fix))
    return issues


def _reflexive_verb(lexicon: Lexicon, word: str) -> bool:
    """A conjugated verb the lexicon says may be pronominal (its flags hold "q": "produire",
    "trouver"): "ce" before it is the reflexive pronoun."""
    return any(":V" in morph and "q" in morph.split(":V", 1)[1].split(":", 1)[0] for morph in lexicon.morphs(word))


def infinitive_participle(card: CardText, speller: Speller) -> list[Issue]:
    """ "Un formulaire envoyer par le client arrive…": an infinitive in "-er" right after the
    determiner and noun that open the clause, before a preposition, the clause's verb after it."""
    if speller.engine is None:
        return []
    conj = agreement._engine_modules()
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index in range(2, len(sentence) - 1):
            verb, noun, determiner = sentence[index], sentence[index - 1], sentence[index - 2]
            if not _bare_infinitive(lexicon, verb.text) or _clause_start(sentence, index - 1) != index - 2:
                continue
            if determiner.lower not in _DETERMINERS or not lexicon.has(noun.text, ":N") or lexicon.has(noun.text, ":G"):
                continue
            if noun.lower in NAMING_NOUNS:
                continue  # "Le menu exporter en CSV se trouve en haut": the menu's name
            following = sentence[index + 1]
            preposition = lexicon.has(following.text, ":G:R") or following.lower in ("au", "aux")
            if not preposition or not _verb_after(lexicon, sentence, index + 1):
                continue  # "Le bouton envoyer est grisé": a name; the participle's complement must follow
            agreement_tags = _gender_number(lexicon, noun.text, determiner.lower)
            if agreement_tags is None or conj is None:
                continue
            fix = conj[0].getConj(verb.text, ":Q", agreement_tags)
            if fix:
                message = f"un infinitif après le sujet, le verbe de la phrase plus loin : le participe « {fix} » ?"
                issues.append(_issue(part, offset, verb, verb, "infinitive-participle", message, fix))
    return issues


def _bare_infinitive(lexicon: Lexicon, word: str) -> bool:
    """An infinitive in "-er" (it sounds like its participle) that is nothing else ("envoyer", not
    "le dîner")."""
    morphs = lexicon.morphs(word)
    return word.islower() and word.endswith("er") and bool(morphs) and all(":Y" in morph for morph in morphs)


def _gender_number(lexicon: Lexicon, noun: str, determiner: str) -> str | None:
    """The participle's tags (":m:s"…) for a noun after its determiner, None where its gender is unsure."""
    nouns = [morph for morph in lexicon.morphs(noun) if ":N" in morph]
    genders = {gender for gender in ("m", "f") if all(f":{gender}" in morph for morph in nouns)}
    if len(genders) != 1:
        return None
    plural = determiner in _PLURAL_DETERMINERS or lexicon.plural_only(noun)
    return f":{genders.pop()}:{'p' if plural else 's'}"


_PERSON_ENDINGS = {"3p": ("ent",), "3s": ("e", "t", "d", "s")}
_INFINITIVE_ENDINGS = ("er", "ir", "re", "oir", "dre", "tre")
_PRONOUN_PERSONS = {"il": "3s", "elle": "3s", "on": "3s", "ils": "3p", "elles": "3p"}


def unknown_conjugation(card: CardText, speller: Speller) -> list[Issue]:
    """ "Les techniciens recevent", "ils prenent": a form no verb has, built on a real verb's stem."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in agreement._sentences(card, speller):
        subjects = [
            (group.end, "3" + str(group.number), True)
            for group, _ in agreement._subjects(found)
            if found[group.head].lower not in NAMING_NOUNS  # "La commande groups mdupont affiche": its name
        ]
        subjects += [
            (index + 1, _PRONOUN_PERSONS[token.lower], False)
            for index, token in enumerate(found)
            if token.lower in _PRONOUN_PERSONS and agreement._opening(found, index) is not None
        ]
        for end, person, noun_group in subjects:
            index = agreement._verb_after(found, end)
            if index >= len(found):
                continue
            verb = found[index]
            if verb.known or not verb.text.isalpha() or not verb.text.islower():
                continue
            if noun_group and len(agreement._sound_alike_verbs(verb, person, speller)) == 1:
                continue  # `unknown-verb` (agreement.py) flags it: "voyent", "résoud"
            fixes = same_verb_forms(verb.text, person)
            if len(fixes) == 1:
                message = f"forme inconnue du verbe : « {fixes[0]} » ?"
                issues.append(agreement._issue(part, offset, verb, "unknown-conjugation", message, fixes))
    return issues


def same_verb_forms(word: str, person: str) -> list[str]:
    """The present of `person` of each verb whose infinitive is the stem of `word` (its person's
    ending cut) and an infinitive ending: "recevent" -> recevoir -> "reçoivent", "prenent" ->
    prendre -> "prennent"."""
    modules = agreement._engine_modules()
    if modules is None:
        return []
    conj = modules[0]
    forms: list[str] = []
    for ending in _PERSON_ENDINGS.get(person, ()):
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[: -len(ending)]
        for stem_form in dict.fromkeys((stem, stem.replace("ç", "c"))):
            for infinitive in _INFINITIVE_ENDINGS:
                lemma = stem_form + infinitive
                if not conj.isVerb(lemma) or not conj.hasConj(lemma, ":Ip", ":" + person):
                    continue
                form = conj.getConj(lemma, ":Ip", ":" + person)
                if form and form != word and form not in forms:
                    forms.append(form)
    return forms


_OPENING_COORDINATORS = frozenset({"mais", "et", "puis", "donc", "car", "or"})
_GROUP_LINKS = frozenset({"de", "d’", "du", "des", "à", "au", "aux"})
_PREDETERMINERS = frozenset({"tout", "toute", "tous", "toutes"})


def et_est_participe(card: CardText, speller: Speller) -> list[Issue]:
    """ "la moitié de la capacité et perdue": "et" after a whole subject noun group, before a
    participle or an adjective that agrees with it, and no verb in the clause."""
    if speller.engine is None:
        return []
    from .rules import et_est  # its narrower pattern flags the same "et": one finding is enough

    taken = {(issue.part, issue.start) for issue in et_est(card, speller)}
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "et" or index < 2 or (part, offset + token.start) in taken:
                continue
            start = _clause_start(sentence, index - 1)
            heads = _subject_group(lexicon, sentence, start, index)
            if heads is None:
                continue
            predicate = _agreeing_predicate(lexicon, sentence, index + 1, heads)
            if predicate is None or _verb_after(lexicon, sentence, sentence.index(predicate) + 1):
                continue
            if lexicon.has(predicate.text, ":N") and _may_be_verb_after(
                lexicon, sentence, sentence.index(predicate) + 1
            ):
                continue  # "Le gérant et associé de la société valide …": a second noun, then the verb
            plural = sentence[start].lower in _PLURAL_DETERMINERS or lexicon.plural_only(predicate.text)
            fix = "sont" if plural else "est"
            message = f"« et » entre le sujet et un participe ou un adjectif qui s’accorde avec lui : « {fix} » ?"
            issues.append(_issue(part, offset, token, token, "et-est-participe", message, fix))
    return issues


def _may_be_verb_after(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Whether a word after `index`, before the clause ends, may be a conjugated verb ("valide")."""
    for token in sentence[index:]:
        if token.text in ",;:.!?":
            return False
        if lexicon.finite(token.text):
            return True
    return False


def _subject_group(lexicon: Lexicon, sentence: list[Token], start: int, end: int) -> list[Token] | None:
    """The nouns of a noun group that fills `sentence[start:end]` and can be a clause's subject:
    it opens the sentence or follows a conjunction, starts with a determiner ("tout" before it
    maybe), holds nouns, adjectives, names and their complements with "de"/"à" only, no verb, and
    ends with a noun that is no adjective nor participle (after one, "et" joins two of them:
    "le réseau local et sécurisé"). None when it is no such group."""
    if start > 0 and sentence[start - 1].lower not in _OPENING_COORDINATORS and sentence[start - 1].text != ",":
        return None
    position = start + (sentence[start].lower in _PREDETERMINERS)
    if position >= end or sentence[position].lower not in _DETERMINERS:
        return None
    last, before = sentence[end - 1], sentence[end - 2]
    if not (lexicon.has(last.text, ":N") or (_name(lexicon, last) and last.text.isalpha())):
        return None
    after_noun = before.lower not in _DETERMINERS and before.lower not in _GROUP_LINKS
    if after_noun and (lexicon.has(last.text, ":A") or lexicon.has(last.text, ":Q")):
        return None  # "le réseau local et sécurisé": two adjectives of one noun
    heads = []
    for at in range(position + 1, end):
        word = sentence[at]
        if word.lower in _GROUP_LINKS or word.lower in _DETERMINERS:
            continue
        if (_name(lexicon, word) and word.text.isalpha()) or lexicon.has(word.text, ":B"):
            continue  # a name, or a number: "Le tunnel VPN", "Les deux serveurs"
        if _verb_at(lexicon, sentence, at) or lexicon.has(word.text, ":G") or not lexicon.nominal(word.text):
            return None
        if lexicon.has(word.text, ":N"):
            heads.append(word)
    return heads or None


def _agreeing_predicate(lexicon: Lexicon, sentence: list[Token], index: int, heads: list[Token]) -> Token | None:
    """After "et", adverbs maybe, then a past participle or an adjective that is no noun, no
    infinitive nor conjugated verb, and agrees with the group's first or last noun: the
    attribute of a missing "est"."""
    position = index
    while (
        (word := _word(sentence, position)) is not None and lexicon.adverb(word.text) and not lexicon.nominal(word.text)
    ):
        position += 1
    word = _word(sentence, position)
    if word is None or not word.text.isalpha() or not word.text.islower():
        return None
    participle = lexicon.has(word.text, ":Q")
    if not participle and (not lexicon.has(word.text, ":A") or lexicon.has(word.text, ":N")):
        return None
    if lexicon.has(word.text, ":Y") or lexicon.finite(word.text) or lexicon.has(word.text, ":G"):
        return None
    if not any(_attribute_agrees(lexicon, head.text, word.text) for head in (heads[0], heads[-1])):
        return None
    return word


def _attribute_agrees(lexicon: Lexicon, noun: str, attribute: str) -> bool:
    """Whether some reading of `noun` and of `attribute` (as participle or adjective) share gender
    and number (":e" and ":i" match either)."""
    nouns = [_gender_number_of(morph, ":N") for morph in lexicon.morphs(noun) if ":N" in morph]
    attributes = [
        _gender_number_of(morph, ":Q" if ":Q" in morph else ":A")
        for morph in lexicon.morphs(attribute)
        if ":Q" in morph or ":A" in morph
    ]
    return any(
        (gender == other_gender or "e" in (gender, other_gender))
        and (number == other_number or "i" in (number, other_number))
        for gender, number in nouns
        for other_gender, other_number in attributes
    )


def _gender_number_of(morph: str, tag: str) -> tuple[str, str]:
    tail = morph.split(tag, 1)[1]
    gender = next((g for g in ("m", "f", "e") if f":{g}" in tail), "e")
    number = next((n for n in ("s", "p", "i") if f":{n}" in tail), "i")
    return gender, number


CHECKS = (
    ("et-est-nom", et_est_nom),
    ("et-est-superlatif", et_est_superlatif),
    ("à-a", a_avoir),
    ("on-ont-participe", on_ont_participe),
    ("unknown-conjugation", unknown_conjugation),
    ("sont-son", sont_son),
    ("ce-se", qui_ce_se),
    ("infinitive-participle", infinitive_participle),
    ("et-est-participe", et_est_participe),
)
"""This module's checks, by rule name, for `rules.OWN_CHECKS` (and `homophones.line_readings`)."""
