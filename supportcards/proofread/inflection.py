"""Word-class checks on what follows a noun or a subject, by Grammalecte's morphology.

Like `agreement.py` (whose tokens, noun groups and inflections they share), these checks fire on a
pattern of word classes (`getMorph` tags), never on a list of words, and return nothing without
Grammalecte:

- `noun-adjective`: "sauvegardes mensuelles gardés 12 mois", "Bac trop remplis": a noun group that
  opens its clause or list item (not a noun's complement, not one of two coordinated nouns), the
  adjectives that agree with it, adverbs maybe, then an adjective or a past participle that
  agrees with it in neither gender nor number: it takes the noun's. Grammalecte reads a determiner
  and its noun, so a bare noun (a list item) and an adverb in between are what it misses; a word
  that can also be a noun ("le privé"), or a verb of the noun's person ("Le poste ferme"), is left
  alone, and so is one after a group that follows a comma when it agrees with a subject before
  that comma, or closes an incise ("Le disque, une fois formaté, est rendu");
- `se-infinitive`: "Il se créer en quelques secondes": a subject (pronoun or noun group that opens
  the clause), "se", and an infinitive where nothing asks for one (no modal verb, no preposition):
  the present of the subject's person, the tense of the notes ("Il peut se créer un compte" and
  "pour se connecter" are right);
- `list-infinitive`: "1. Identifié le fichier" among "2. Choisir la sauvegarde", "3. Restaurer le
  fichier": a list item opening with a past participle and its object, where every other item of
  the list opens with an infinitive: the infinitive (a list of states, "Installé, configuré, testé",
  has no object and no infinitive beside it; "Excepté les serveurs", a preposition too, is left);
- `causative-infinitive`: "Il fait le client patienté": after faire and a noun group, or after
  laisser before the participle of a verb that never takes a direct object, the infinitive. A
  finding for a person. "Il laisse le client raccroché" is not flagged: "raccrocher" takes an object
  too, and "Il laisse le poste branché" is right; the lexicon cannot tell them apart.
- `clitic-participle`: "Outlook la recréé": after a subject and an object pronoun, the participle
  of a verb in -éer that only its final accent tells from the present takes the present.
"""

from __future__ import annotations

import re

from .agreement import (
    _ADJECTIVE_TAGS,
    _NOUN_TAGS,
    _PREPOSITIONS,
    Token,
    _agrees,
    _case_like,
    _engine_modules,
    _issue,
    _one,
    _one_gender,
    _opening,
    _sentences,
    inflect,
    noun_group,
    tokens,
)
from .spelling import Speller
from .text import _LIST_MARKER, CardText, Issue

_ADVERB_TAGS = (":W", ":G:X")
_SE = frozenset({"se", "s’"})
_THIRD_PERSON = {"il": "3s", "elle": "3s", "on": "3s", "ils": "3p", "elles": "3p"}


def _adverb(token: Token) -> bool:
    return any(token.has(tag) for tag in _ADVERB_TAGS) and not token.is_adjective


def noun_adjective(card: CardText, speller: Speller) -> list[Issue]:
    """An adjective after a clause-opening noun group that agrees with it in nothing (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index, noun in enumerate(found):
            first = _group_start(found, index)
            if first is None or _opening(found, first) != "start":
                continue
            gender = _one_gender(noun.genders(_NOUN_TAGS))
            number = _one(noun.numbers(_NOUN_TAGS))
            if number is None:
                continue
            at = index + 1
            while at < len(found) and found[at].is_adjective and _agrees_with(found[at], gender, number):
                at += 1
            while at < len(found) and _adverb(found[at]):
                at += 1
            if at >= len(found) or not _plain_adjective(found[at], number):
                continue
            word = found[at]
            chosen = gender or _one_gender(word.genders(_ADJECTIVE_TAGS))
            if chosen is None or _agrees_with(word, gender, number) or _subject_before_comma(found, first, at):
                continue
            fixes = inflect(word, chosen, number, speller)
            if len(fixes) == 1:
                message = f"accord avec « {noun.text} »"
                issues.append(_issue(part, offset, word, "noun-adjective", message, fixes))
    return issues


def _group_start(found: list[Token], index: int) -> int | None:
    """Where the noun group whose head is tokens[index] starts: at its determiner, or at the noun
    itself when it has none (a list item: "Bac trop remplis"); None where tokens[index] is no noun
    of one number, or its group is not one whose number the noun decides."""
    noun = found[index]
    if not noun.known or not noun.has(":N") or noun.has(":G"):
        return None
    if index > 0 and found[index - 1].is_determiner and found[index - 1].lower not in ("de", "d’"):
        group = noun_group(found, index - 1)
        return index - 1 if group is not None and group.head == index else None
    if noun.finite() and index + 1 < len(found) and not found[index + 1].is_adjective:
        return None  # "Copie les fichiers": a verb may open the item
    return index


def _subject_before_comma(found: list[Token], first: int, at: int) -> bool:
    """Whether the group at tokens[first] follows a comma, and a noun group that opens a clause
    before it may own the word at tokens[at]: the word agrees with it, or closes an incise with a
    comma ("Le disque, une fois formaté, est rendu": "une fois", "la nuit" there say when, and the
    participle is the subject's, whose number the student may have mistyped)."""
    if first == 0 or found[first - 1].text != ",":
        return False
    incise = at + 1 < len(found) and found[at + 1].text == ","
    for start in range(first - 1):
        group = noun_group(found, start) if _opening(found, start) == "start" else None
        if group is None or group.number is None:
            continue
        if incise or _agrees_with(found[at], _one_gender(group.genders), group.number):
            return True
    return False


def _agrees_with(token: Token, gender: str | None, number: str) -> bool:
    genders = (gender,) if gender else ("m", "f")
    return any(_agrees(token, one, number) for one in genders)


def _plain_adjective(token: Token, number: str) -> bool:
    """An adjective or a participle that is neither a noun ("privés", "invité") nor a verb the
    noun could be the subject of ("Le poste ferme", "Les clés court" stay a person's reading)."""
    if not token.known or not token.is_adjective or token.has(":N") or token.lower in _PREPOSITIONS:
        return False
    return ("3" + number) not in token.persons()


def se_infinitive(card: CardText, speller: Speller) -> list[Issue]:
    """ "Il se créer": an infinitive right after a subject and "se" takes the present."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index, token in enumerate(found):
            if token.lower not in _SE or index + 1 >= len(found):
                continue
            verb = found[index + 1]
            if not verb.has(":Y") or verb.finite():
                continue
            start = index - 1 if index > 0 and found[index - 1].lower in ("ne", "n’") else index
            person = _subject_person(found, start)
            if person is None:
                continue
            fixes = _present(verb, person)
            if len(fixes) == 1:
                message = "un infinitif après le sujet : le verbe conjugué ?"
                issues.append(_issue(part, offset, verb, "se-infinitive", message, fixes))
    return issues


def _subject_person(found: list[Token], end: int) -> str | None:
    """The person of the subject that ends right before tokens[end] and opens its clause."""
    if end == 0:
        return None
    pronoun = _THIRD_PERSON.get(found[end - 1].lower)
    if pronoun is not None:
        return pronoun if _opening(found, end - 1) == "start" else None
    for first in range(end - 1, max(-1, end - 8), -1):
        group = noun_group(found, first)
        if group is not None and group.end == end and group.number is not None and _opening(found, first) == "start":
            return "3" + group.number
    return None


def _present(verb: Token, person: str) -> list[str]:
    """The infinitive `verb` in the present indicative of `person`, by Grammalecte's conjugator."""
    modules = _engine_modules()
    if modules is None:
        return []
    conj = modules[0]
    forms = []
    for lemma in sorted({morph[1 : morph.index("/")] for morph in verb.morphs if ":Y" in morph}):
        if conj.hasConj(lemma, ":Ip", ":" + person):
            form = _case_like(conj.getConj(lemma, ":Ip", ":" + person), verb.text)
            if form and form not in forms:
                forms.append(form)
    return forms


def list_infinitive(card: CardText, speller: Speller) -> list[Issue]:
    """A past participle and its object opening one list item among items that open with an
    infinitive (see the module)."""
    if speller.engine is None:
        return []
    items: dict[tuple[str, int], list[tuple[int, list[Token]]]] = {}
    for part, offset, found in _sentences(card, speller):
        if not found:
            continue
        text = card.text(part)
        line_start = text.rfind("\n", 0, offset) + 1
        if not _LIST_MARKER.match(text[line_start : offset + 1]):
            continue  # not a list item: no marker ("1.", "-") was cut off before the paragraph
        items.setdefault((part, _list_of(text, line_start)), []).append((offset, found))
    issues = []
    for (part, _), listed in items.items():
        if len(listed) < 3:
            continue
        openers = [found[0] for _, found in listed]
        for position, (offset, found) in enumerate(listed):
            others = openers[:position] + openers[position + 1 :]
            if not all(_infinitive(word) for word in others):
                continue
            first = found[0]
            if not first.has(":Q") or first.finite() or first.has(":N") or first.has(":G:R") or len(found) < 2:
                continue
            if not (found[1].is_determiner and found[1].lower not in ("de", "d’")):
                continue  # "Installé, configuré": a state, no object after it
            fixes = _infinitives_of(first, speller)
            if len(fixes) == 1:
                message = "les autres étapes commencent par un infinitif"
                issues.append(_issue(part, offset, first, "list-infinitive", message, fixes))
    return issues


def _list_of(text: str, line_start: int) -> int:
    """The offset of the first item of the list that holds the item line at `line_start`."""
    start = line_start
    for line in reversed(text[:line_start].split("\n")[:-1]):
        if not _LIST_MARKER.match(line):
            break
        start -= len(line) + 1
    return start


def _infinitive(token: Token) -> bool:
    return token.has(":Y")


def _infinitives_of(token: Token, speller: Speller) -> list[str]:
    """The infinitive of the verb a participle belongs to, spelt like it."""
    lemmas = {morph[1 : morph.index("/")] for morph in token.morphs if ":Q" in morph}
    fixes = []
    for lemma in sorted(lemmas):
        tagged = tokens(lemma, speller)
        if len(tagged) == 1 and tagged[0].has(":Y"):
            fixes.append(_case_like(lemma, token.text))
    return fixes


_CAUSATIVE = frozenset({"faire", "laisser"})
_DIRECT_OBJECT = re.compile(r":V\d_.t")
"""The lexicon's flag of a verb that may take a direct object ("brancher": `:V1_it_q_zz`)."""


def _no_object(token: Token) -> bool:
    """A participle of a verb that never takes a direct object ("patienté"): no noun's state."""
    verbs = [morph for morph in token.morphs if ":V" in morph]
    return bool(verbs) and not any(_DIRECT_OBJECT.search(morph) for morph in verbs)


def causative_infinitive(card: CardText, speller: Speller) -> list[Issue]:
    """ "Il fait le client patienté": after faire, or laisser before the participle of a verb that
    takes no direct object, and a noun group, the infinitive. A finding for a person."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index in range(len(found) - 3):
            verb, determiner, noun, participle = found[index : index + 4]
            if not any(lemma in _CAUSATIVE for lemma, _, _ in verb.finite()):
                continue
            if not (determiner.is_determiner and determiner.lower not in ("de", "d’")) or not noun.has(":N"):
                continue
            if not participle.has(":Q") or participle.finite() or participle.has(":N"):
                continue
            if not _no_object(participle) and not any(lemma == "faire" for lemma, _, _ in verb.finite()):
                continue  # after laisser, the participle of a verb that takes an object is a state ("branché")
            fixes = _infinitives_of(participle, speller)
            if len(fixes) == 1:
                message = f"après « {verb.text} », l’infinitif ?"
                issues.append(_issue(part, offset, participle, "causative-infinitive", message, fixes))
    return issues


_OBJECT_CLITICS = frozenset(
    {"le", "la", "les", "l’", "lui", "leur", "se", "s’", "me", "m’", "te", "t’", "nous", "vous"}
)


def clitic_participle(card: CardText, speller: Speller) -> list[Issue]:
    """ "Outlook la recréé à partir du serveur": after a subject and an object pronoun, where a
    conjugated verb belongs, the past participle of a verb in -éer ("créé", "recréé") that only
    its final accent tells from the present ("crée", "recrée"): the present of the subject's
    person, the tense of the notes. With "avoir" ("l’a recréé") or "être" between, the participle
    is right; and a participle of another verb ("le supprimé") may be "l’a supprimé" with "a" left
    out: a person reads those."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index in range(1, len(found)):
            word, pronoun = found[index], found[index - 1]
            if pronoun.lower not in _OBJECT_CLITICS or not word.lower.endswith("éé"):
                continue
            if not word.has(":Q") or word.finite() or word.has(":N"):
                continue
            start = index - 1
            if start > 0 and found[start - 1].lower in ("ne", "n’"):
                start -= 1
            person = _subject_person(found, start) or _name_subject(found, start)
            if person != "3s":
                continue
            fixes = [form for form in _present(_as_infinitive(word, speller), person) if form == word.text[:-1] + "e"]
            if len(fixes) == 1:
                message = "après le sujet et le pronom, le verbe conjugué ?"
                issues.append(_issue(part, offset, word, "clitic-participle", message, fixes))
    return issues


def _name_subject(found: list[Token], end: int) -> str | None:
    """A name ("Outlook", which the dictionary does not know; "Windows", a proper noun of its own),
    alone before tokens[end] where it opens the clause: a third person singular subject."""
    if end == 0:
        return None
    name = found[end - 1]
    proper = name.known and all(":M" in morph for morph in name.morphs)
    if not (proper or not name.known) or not name.text[:1].isupper() or _opening(found, end - 1) != "start":
        return None
    return "3s"


def _as_infinitive(token: Token, speller: Speller) -> Token:
    """The infinitive of a participle, tagged, for `_present`; the participle itself if none."""
    infinitives = _infinitives_of(token, speller)
    if len(infinitives) != 1:
        return token
    tagged = tokens(infinitives[0].casefold(), speller)
    return tagged[0] if len(tagged) == 1 else token


CHECKS = (
    ("noun-adjective", noun_adjective),
    ("se-infinitive", se_infinitive),
    ("list-infinitive", list_infinitive),
    ("causative-infinitive", causative_infinitive),
    ("clitic-participle", clitic_participle),
)
"""This module's checks, by rule name, for `rules.OWN_CHECKS`."""
