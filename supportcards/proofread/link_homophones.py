"""Link words written as their homophones: "et"/"est", "mais"/"mes", "à"/"a", told apart by what
can stand right after them and what their clause already holds.

A link word joins two things of a kind; its homophone is a verb or a determiner, which takes its
own kind of word after it. Where only one reading fits what follows, the fix is certain. Each
check reads Grammalecte's lexicon through `homophones.Lexicon` and returns [] without it:

- `est-et-pronom`: "est" before a subject pronoun and its verb ("pas besoin d’un fichier hôte est
  il peut infecter"): "être" takes no clause after it, "et" joins one. The word after the pronoun
  (object pronouns and "ne" aside) must be a conjugated verb and nothing else: "Le serveur est il
  encore sous garantie ?" or "La carte est elle active ?" ask a question, "active" being an
  adjective too; "c’est il y a deux ans" is a time;
- `est-et-liste`: "est" before a determiner, right after a noun group, in a clause whose verb
  already stands with its subject before that group: a subject pronoun ("elle recense les éléments
  (CI) est les relations"), or "qui" after a clause that has its own verb ("C’est la base qui
  contient les éléments de configuration (CI) est les relations"): a clause has one verb, so "et"
  joins a second object. A subordinate word between ("que", "où", "si", …) opens a clause of its
  own, whose verb may be "est" ("Le fichier que l’on copie est le bon"); so does "qui" after a
  subject with no verb yet ("Le serveur qui héberge les fichiers est le NAS");
- `mes-mais`: "mes" before a subject pronoun, "ça", "ne" or a word that can only be a conjugated
  verb ("…, mes elle donne plus de faux positifs"): a possessive takes a noun, so "mais";
- `et-est-attribut`: "et" before "en" + a noun without determiner that ends the clause ("la
  synchronisation et en cours", "l’imprimante et en panne"), after a noun group that opens the
  clause, in a clause with no verb and no other "en" group ("en lecture et en écriture" joins two):
  the state the subject is in, "est";
- `a-à-début`: a lowercase "a" that opens a sentence after ";" or "." inside a line, before a
  noun group or an infinitive ("par an ; a la fin il vaut 0", "; a partir de là"): "avoir" has no
  subject there, the preposition "à" opens the sentence. "a priori" stays;
- `et-est-sujet`: "et" between a subject noun group (with its adjectives, names and complements:
  "l’enregistrement MX", "un fichier supprimé") and a past participle it agrees with (adverbs
  maybe before it), in a clause where no word can be a verb: after a word that opens a clause with
  its verb ("si", "quand", "comme", "que"), or after a comma that ends a clause with its verb when
  the group is singular and only adverbs end the sentence ("…, un fichier supprimé et perdu
  définitivement."); before a complement there ("…, un poste installé et configuré selon le
  modèle") the group may be an apposition: `et-est-sujet-ambigu`, for a person. Coordinated
  participles in a clause with a verb ("Un fichier supprimé et restauré garde ses droits") stay.

- `et-est-pronom-sujet`: "il", "elle", "on" (or "ils", "elles") opening a clause, then "et", then
  a past participle or an adjective that is no noun ("Il et reconnu par…"): "est" ("sont").

Measured on bench/proofread/families/chapter-88/89 (homophones3) and on correct text
(bench/proofread_clean.py); the certain ones are in `policy.CERTAIN`.
"""

from __future__ import annotations

from .homophones import (
    _CLAUSE_PUNCTUATION,
    _DETERMINERS,
    _SENTENCE_END,
    _SUBJECT_PRONOUNS,
    _SUBORDINATORS,
    Lexicon,
    Token,
    _clause_start,
    _issue,
    _lines,
    _main_verb_before,
    _same_case,
    _sentences,
    _verb_at,
    _walk,
    _word,
)
from .spelling import Speller
from .text import CardText, Issue

_THIRD_PERSON_PRONOUNS = frozenset({"il", "elle", "on", "ils", "elles"})
_CLITICS = frozenset(
    {"ne", "n’", "se", "s’", "le", "la", "les", "l’", "lui", "leur", "y", "en", "me", "m’", "te", "t’", "nous", "vous"}
)
"""What stands between a subject and its verb: "ne" and the object pronouns."""
_BEFORE_A_CLAUSE = _SUBJECT_PRONOUNS | {"ça", "cela", "ceci", "c’", "ne", "n’", "j’"}
"""What opens a clause, never a noun group: a subject pronoun, "ça", "c’", "ne"."""
_STATE_PREPOSITIONS = frozenset({"en", "hors"})


def _only_verb(lexicon: Lexicon, word: str) -> bool:
    """A conjugated verb and nothing else: no noun, adjective, participle nor infinitive reading."""
    return lexicon.only_finite(word) and not lexicon.has(word, ":Q") and not lexicon.has(word, ":Y")


def _verb_after_pronoun(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Whether, after the pronoun at `index`, object pronouns and "ne" aside, comes a word that can
    only be a conjugated verb ("il peut"); after "se" or "ne" any conjugated verb ("il
    s’applique", "on ne touche": no noun stands there)."""
    verbal = False
    for position in range(index + 1, min(len(sentence), index + 5)):
        word = sentence[position]
        if word.lower in _CLITICS:
            verbal = verbal or word.lower in ("ne", "n’", "se", "s’")
            continue
        return lexicon.finite(word.text) if verbal else _only_verb(lexicon, word.text)
    return False


def est_et_pronom(card: CardText, speller: Speller) -> list[Issue]:
    """ "un fichier hôte est il peut infecter": "est" before a clause of its own."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "est" or index == 0:
                continue
            previous, pronoun = sentence[index - 1], _word(sentence, index + 1)
            if pronoun is None or pronoun.lower not in _THIRD_PERSON_PRONOUNS:
                continue
            if previous.lower in ("c’", "ce", "n’", "qui") or previous.text in _CLAUSE_PUNCTUATION:
                continue
            following = _word(sentence, index + 2)
            if following is not None and following.lower == "y":
                continue  # "c’est il y a deux ans", "la sauvegarde est il y a une heure"
            if not _verb_after_pronoun(lexicon, sentence, index + 1):
                continue
            message = "« est » devant un sujet et son verbe : « et » ?"
            issues.append(_issue(part, offset, token, token, "est-et-pronom", message, _same_case("et", token.text)))
    return issues


_CLAUSE_OPENERS = frozenset({"que", "qu’", "si", "quand", "lorsque", "lorsqu’", "comme", "puisque", "puisqu’"})
"""Words after which a subject pronoun opens its clause: "qu’il", "si elle"."""


def et_est_pronom_sujet(card: CardText, speller: Speller) -> list[Issue]:
    """ "Il et reconnu par tous les postes": a subject pronoun that opens its clause, then "et",
    then a past participle or an adjective (adverbs maybe before it) is "est" ("sont" after "ils",
    "elles"). "il", "ils", "on" are only ever subjects, and join nothing with "et"; "elle(s)" may be
    a stressed pronoun ("avec elle et ses collègues"), but not where it opens a clause before an
    attribute ("Elle et connectée au réseau"): a person is no attribute's partner."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "et" or index == 0 or sentence[index - 1].lower not in _THIRD_PERSON_PRONOUNS:
                continue
            before = _word(sentence, index - 2)
            opens = before is None or before.text in _CLAUSE_PUNCTUATION or before.lower in _CLAUSE_OPENERS
            if not opens:
                continue
            position = index + 1
            while (word := _word(sentence, position)) is not None and _plain_adverb(lexicon, word.text):
                position += 1
            attribute = _word(sentence, position)
            if attribute is None:
                continue
            after_adverb = (
                position > index + 1 and lexicon.has(attribute.text, ":A") and not lexicon.finite(attribute.text)
            )
            if not (_attribute_only(lexicon, attribute.text) or after_adverb):
                continue  # after an adverb, an adjective that is a noun too is the attribute: "et totalement sûre"
            fix = "sont" if sentence[index - 1].lower in ("ils", "elles") else "est"
            message = f"un pronom sujet, « et », puis un attribut : « {fix} » ?"
            issues.append(_issue(part, offset, token, token, "et-est-pronom-sujet", message, fix))
    return issues


def _plain_adverb(lexicon: Lexicon, word: str) -> bool:
    """An adverb that is nothing else: "souvent", "toujours", "bien" not ("le bien")."""
    morphs = lexicon.morphs(word)
    return bool(morphs) and all(":W" in morph for morph in morphs)


def _attribute_only(lexicon: Lexicon, word: str) -> bool:
    """A past participle or an adjective that is no noun, no conjugated verb, no infinitive: what
    only a verb such as "être" brings after a subject ("reconnu", "compatible")."""
    morphs = lexicon.morphs(word)
    participle = any(":Q" in morph for morph in morphs)
    if not participle and not (morphs and all(":A" in morph and ":N" not in morph for morph in morphs)):
        return False
    return not lexicon.finite(word) and not lexicon.has(word, ":Y")


def _object_start(sentence: list[Token], index: int) -> int:
    """Where the clause of `sentence[index]` starts, read backwards over a group in parentheses
    ("les éléments de configuration (CI) est …"): the parentheses hold a name, not a new clause."""
    start = index
    while start > 0:
        previous = sentence[start - 1]
        if previous.text == ")":
            opening = next((at for at in range(start - 2, -1, -1) if sentence[at].text == "("), None)
            if opening is None:
                return start
            start = opening
            continue
        if previous.text in _CLAUSE_PUNCTUATION or previous.lower in ("et", "ou", "mais", "car", "donc", "puis"):
            return start
        start -= 1
    return start


def est_et_liste(card: CardText, speller: Speller) -> list[Issue]:
    """ "elle recense les éléments (CI) est les relations": a second verb in a clause that has one."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "est" or index < 3:
                continue
            determiner, noun = _word(sentence, index + 1), _word(sentence, index + 2)
            if determiner is None or determiner.lower not in _DETERMINERS or noun is None:
                continue
            if not lexicon.nominal(noun.text) or _verb_at(lexicon, sentence, index + 2):
                continue
            before = sentence[index - 1]
            if before.text != ")" and (lexicon.has(before.text, ":G") or not lexicon.nominal(before.text)):
                continue
            if not _verb_with_subject_then_object(lexicon, sentence, _object_start(sentence, index), index):
                continue
            message = "« est » après le verbe de la proposition et son complément : « et » ?"
            issues.append(_issue(part, offset, token, token, "est-et-liste", message, _same_case("et", token.text)))
    return issues


def _verb_with_subject_then_object(lexicon: Lexicon, sentence: list[Token], start: int, end: int) -> bool:
    """Whether `sentence[start:end]` holds a verb with its subject, then a determiner and its noun
    group up to `end`, with nothing that opens another clause after the verb: a subject pronoun
    and its verb ("elle recense les éléments"), or "qui" and its verb after a clause that has its
    own ("C’est la base qui contient les éléments"; not "Le serveur qui héberge les fichiers est
    le NAS", where "est" is the main clause's verb)."""
    if end - start < 4:
        return False
    subjects = [start] if sentence[start].lower in _SUBJECT_PRONOUNS else []
    relatives = [at for at in range(start + 1, end) if sentence[at].lower == "qui"]
    if relatives and _main_verb_before(lexicon, sentence, start, relatives[-1]):
        subjects.append(relatives[-1])
    return any(_object_up_to(lexicon, sentence, subject, end) for subject in subjects)


def _object_up_to(lexicon: Lexicon, sentence: list[Token], subject: int, end: int) -> bool:
    """Whether the subject at `subject` is followed by its verb (object pronouns aside), then a
    determiner and a noun group up to `end` with no other verb nor subordinate word."""
    verb = subject + 1
    while verb < end and sentence[verb].lower in _CLITICS:
        verb += 1
    if verb >= end - 2 or not lexicon.finite(sentence[verb].text) or sentence[verb + 1].lower not in _DETERMINERS:
        return False
    return not any(
        token.lower in _SUBORDINATORS or _verb_at(lexicon, sentence, position)
        for position, token in enumerate(sentence[verb + 1 : end], start=verb + 1)
    )


def mes_mais(card: CardText, speller: Speller) -> list[Issue]:
    """ "…, mes elle donne plus de faux positifs": a possessive before what opens a clause."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "mes":
                continue
            following = _word(sentence, index + 1)
            if following is None:
                continue
            if following.lower not in _BEFORE_A_CLAUSE and not _only_verb(lexicon, following.text):
                continue
            message = "« mes » devant un sujet ou un verbe : « mais » ?"
            issues.append(_issue(part, offset, token, token, "mes-mais", message, _same_case("mais", token.text)))
    return issues


def et_est_attribut(card: CardText, speller: Speller) -> list[Issue]:
    """ "la synchronisation et en cours": the subject's state after "et", no verb in the clause."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "et" or index < 2:
                continue
            preposition, noun = _word(sentence, index + 1), _word(sentence, index + 2)
            if preposition is None or preposition.lower not in _STATE_PREPOSITIONS or noun is None:
                continue
            if noun.lower in _DETERMINERS or not lexicon.has(noun.text, ":N") or not noun.text.islower():
                continue
            after = _word(sentence, index + 3)
            if after is not None and after.text not in _CLAUSE_PUNCTUATION:
                continue  # "et en particulier des photos": the group goes on
            if not _subject_alone(lexicon, sentence, _clause_start(sentence, index), index):
                continue
            message = "« et » entre le sujet et son état (« en cours », « en panne ») : « est » ?"
            issues.append(_issue(part, offset, token, token, "et-est-attribut", message, _same_case("est", token.text)))
    return issues


def _subject_alone(lexicon: Lexicon, sentence: list[Token], start: int, end: int) -> bool:
    """Whether `sentence[start:end]` is a noun group that a determiner opens, with no verb and no
    "en"/"hors" group: a subject waiting for its verb."""
    if end - start < 2 or sentence[start].lower not in _DETERMINERS:
        return False
    return not any(
        token.lower in _STATE_PREPOSITIONS or token.lower in _SUBORDINATORS or _verb_at(lexicon, sentence, position)
        for position, token in enumerate(sentence[start:end], start=start)
    )


_VERB_OPENERS = frozenset(
    {"si", "s’", "quand", "lorsque", "lorsqu’", "comme", "puisque", "puisqu’", "que", "qu’", "car"}
)
"""Words that open a clause which must hold its conjugated verb ("si l’enregistrement … est …")."""
_SINGULAR_DETERMINERS = frozenset({"le", "la", "l’", "un", "une", "ce", "cet", "cette"})
_NOUN_LINKS = frozenset({"de", "d’", "du", "des"})


def et_est_sujet(card: CardText, speller: Speller) -> list[Issue]:
    """ "si l’enregistrement MX et mal configuré,", "…, un fichier supprimé et perdu définitivement.":
    "et" between a subject noun group and the participle it is, in a clause with no verb."""
    from .clause_homophones import _may_hold_a_verb
    from .homophones import _PLURAL_DETERMINERS, _agree

    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "et" or index < 2:
                continue
            position = index + 1
            while (word := _word(sentence, position)) is not None and lexicon.adverb(word.text):
                position += 1
            adverbs = position - index - 1
            participle = _word(sentence, position)
            if participle is None or participle.lower in _CLITICS or not _participle(lexicon, participle.text):
                continue
            if _may_hold_a_verb(lexicon, sentence, position):
                continue  # "un fichier supprimé et restauré garde ses droits": the clause has its verb
            determiner = _subject_group_start(lexicon, sentence, index)
            if determiner is None or not _agree(lexicon, sentence[determiner + 1].text, participle.text):
                continue
            opener = sentence[determiner - 1].lower if determiner > 0 else ""
            fix = "sont" if sentence[determiner].lower in _PLURAL_DETERMINERS else "est"
            if opener in _VERB_OPENERS:
                message = f"« et » entre le sujet et son participe, dans une proposition sans verbe : « {fix} » ?"
                rule = "et-est-sujet"
            elif (
                opener == ","
                and sentence[determiner].lower in _SINGULAR_DETERMINERS
                and _clause_before_comma(lexicon, sentence, determiner - 1)
                and _ends_sentence(sentence, position + 1)
                and (adverbs or _complement_follows(lexicon, sentence, position + 1))
            ):
                message = f"« et » entre un sujet et son participe, après une virgule, sans verbe : « {fix} » ?"
                certain = adverbs or _adverb_only_follows(lexicon, sentence, position + 1)
                rule = "et-est-sujet" if certain else "et-est-sujet-ambigu"
            else:
                continue
            issues.append(_issue(part, offset, token, token, rule, message, _same_case(fix, token.text)))
    return issues


def _subject_group_start(lexicon: Lexicon, sentence: list[Token], index: int) -> int | None:
    """Where the determiner of the noun group that ends right before `index` stands, when it is
    nouns, adjectives, participles, names and their "de" complements with no conjugated verb
    ("l’enregistrement MX", "le certificat du serveur", "un fichier supprimé"); None otherwise."""
    for position in range(index - 1, max(-1, index - 8), -1):
        word = sentence[position]
        if word.lower in _DETERMINERS and position + 1 < index and word.lower not in ("du", "des"):
            head = sentence[position + 1]
            return position if lexicon.has(head.text, ":N") or not lexicon.known(head.text) else None
        if word.text in _CLAUSE_PUNCTUATION or _verb_at(lexicon, sentence, position):
            return None
        if word.lower in _NOUN_LINKS or word.lower in _DETERMINERS:
            continue
        if not (lexicon.nominal(word.text) or lexicon.has(word.text, ":Q") or not lexicon.known(word.text)):
            return None
    return None


def _clause_before_comma(lexicon: Lexicon, sentence: list[Token], comma: int) -> bool:
    """Whether the words before the comma at `comma` hold a conjugated verb: a clause of its own."""
    return any(_verb_at(lexicon, sentence, position) for position in range(comma))


def _ends_sentence(sentence: list[Token], index: int) -> bool:
    """Whether no comma, semicolon nor "et"/"ou" stands from `index` to the end of the sentence."""
    return not any(token.text in (",", ";", ":") or token.lower in ("et", "ou") for token in sentence[index:])


def _participle(lexicon: Lexicon, word: str) -> bool:
    """A past participle that is no infinitive ("perdu", "configuré")."""
    return lexicon.has(word, ":Q") and not lexicon.has(word, ":Y")


def _adverb_only_follows(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Adverbs alone from `index` to the end of the sentence ("perdu définitivement."): a statement
    about the subject; a complement ("configuré selon le modèle") may describe a noun in apposition."""
    rest = [token for token in sentence[index:] if token.text not in _SENTENCE_END]
    return bool(rest) and all(lexicon.adverb(token.text) and not lexicon.nominal(token.text) for token in rest)


def _complement_follows(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """An adverb or a preposition right after the participle: "perdu définitivement", "effacé pour
    de bon"; a bare pair of participles ends a noun group ("les fichiers effacés et corrompus")."""
    word = _word(sentence, index)
    if word is None or word.text in _CLAUSE_PUNCTUATION:
        return False
    return lexicon.adverb(word.text) or lexicon.has(word.text, ":R")


_LATIN = frozenset({"priori", "posteriori", "fortiori", "minima", "maxima", "contrario"})


def a_a_debut(card: CardText, speller: Speller) -> list[Issue]:
    """ "par an ; a la fin il vaut 0": "a" opening a sentence inside a line, no subject before it."""
    if speller.engine is None:
        return []
    lexicon = Lexicon(speller.engine)
    issues = []
    for part, offset, line, _ in _lines(card):
        previous: list[Token] = []
        for sentence in _sentences(line):
            token = sentence[0]
            after_end = bool(previous) and previous[-1].text in (";", ".") and previous[-1].text in _SENTENCE_END
            if token.text == "a" and after_end and _opens_a_group(lexicon, _word(sentence, 1)):
                message = "« a » en tête de phrase, sans sujet : « à » ?"
                issues.append(_issue(part, offset, token, token, "a-à-début", message, "à"))
            previous = sentence
    return issues


def _opens_a_group(lexicon: Lexicon, word: Token | None) -> bool:
    """A determiner, a noun, or an infinitive: what the preposition "à" takes ("à la fin", "à
    partir de", "à noter"); not a past participle, which the auxiliary "a" takes."""
    if word is None or word.lower in _LATIN:
        return False
    if word.lower in _DETERMINERS:
        return True
    if lexicon.has(word.text, ":Q") and not lexicon.has(word.text, ":Y"):
        return False
    return lexicon.has(word.text, ":Y") or lexicon.has(word.text, ":N")


CHECKS = (
    ("est-et-pronom", est_et_pronom),
    ("est-et-liste", est_et_liste),
    ("mes-mais", mes_mais),
    ("et-est-attribut", et_est_attribut),
    ("a-à-début", a_a_debut),
    ("et-est-sujet", et_est_sujet),
    ("et-est-pronom-sujet", et_est_pronom_sujet),
)
"""This module's checks, by rule name, for `rules.OWN_CHECKS`."""
