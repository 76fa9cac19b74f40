"""Conjugation slips: a verb form that does not exist, and the form a verb's place asks for.

After spelling, these are the slips unseen chapters lose most. Like `agreement.py` (whose tokens,
noun groups and conjugator they share), the checks fire on a pattern of word classes
(Grammalecte's `getMorph` tags) and derive each fix from Grammalecte's conjugation table
(`fr.conj`), never from a list of known wrong forms; without Grammalecte they return nothing,
and they run at lint and review time only (`build` never runs a checker):

- `invented-form`: a word no dictionary knows, made of a verb's stem (one the table gives that
  verb in some form: "envoi" of envoie, "recev" of recevons, "apparaiss" of apparaissent) and a
  regular ending that says its person and tense ("-t", "-ent", "-era", "-rait"…): "envoit" ->
  "envoie", "recevent" -> "reçoivent", "échoura" -> "échouera", "fairait" -> "ferait",
  "apparaissera" -> "apparaîtra". The verb must be the only one with that stem, and the word no
  English word, name (capitalised) nor code;
- `subject-infinitive`: a subject pronoun or a noun group that opens the clause, then ("ne" and
  object pronouns maybe between) an infinitive that is nothing else, where the clause's verb
  belongs ("le technicien vérifier les câbles" -> "vérifie"): the present of the subject's person;
- `infinitive-coordination`: of two verbs joined by "et", "ou" or "puis" with only their first
  one's complement between, the second takes the form of the first: an infinitive's partner
  written as a past participle before its own complement ("Ouvrir le portail et tapé son code" ->
  "taper"), and a participle after "avoir"'s partner written as an infinitive ("a redémarré le
  poste et vérifier les journaux" -> "vérifié");
- `instruction-infinitive`: a list item ("1.", "-") that opens with a past participle and its
  direct object, or "que", where another item of the list opens with an infinitive ("2. Supprimé
  les fichiers" -> "Supprimer"), or before "que" ("- Vérifié que le câble…"); and a sentence of
  steps opened by "Ensuite,"/"Puis"/"Enfin," the same way. A participle before a date ("Livré le
  12 mars") or before a comma and a new subject ("Installé la veille, le poste…") is a state;
- `à-infinitive`: "à" after a verb or an adjective, "pour", "sans", "afin de", "avant de", and "de"
  after a verb, an adjective or a noun, then a past participle (object pronouns maybe between)
  where the infinitive belongs ("pour réinstallé le poste" -> "réinstaller"); a participle that is
  also a noun or before no object ("rien de cassé", "sans prévu") is left. The other way round,
  "avoir" after its subject (or the infinitive "avoir" after "après", "sans"…) then an infinitive
  in "-er" takes the past participle ("Le commercial a envoyer le devis" -> "a envoyé", "Après
  avoir brancher" -> "branché"); "a" after no subject may be "à" ("les fichiers a envoyer").
- `invented-form` also reads an invented "-e" form after a conjunction that asks for the
  subjunctive ("sans qu’il peuve" -> "puisse", "pour qu’on faise" -> "fasse"), where elsewhere
  the present and the subjunctive both fit;
- `participle-for-present`: a past participle whose verb's present differs only by its silent
  "-t" ("choisi"/"choisit", "rempli"/"remplit"), with no auxiliary, right after "il", "elle",
  "on" (object pronouns maybe between), after "qui" following a singular noun, or after a noun
  group that opens the clause and before its direct object with no other verb in the clause
  ("L’agent saisi la demande"): the present, the tense of the notes;
- `clitic-infinitive`: a verb that takes a bare infinitive (falloir, pouvoir, devoir, vouloir,
  aller, savoir), adverbs maybe, an object pronoun, then a past participle in "-é" that sounds
  like the infinitive ("il faut ensuite les archivé" -> "archiver"); a participle that is also a
  noun agreeing with "le"/"la"/"les" ("il faut le résumé") is a noun group, unless the noun names
  a person in either gender ("le déplacé", "la déplacée") with no complement ("l’employé du mois");
- `être-infinitive`: "être" (or a modal and "être", or "été" after "avoir") then an infinitive in
  "-er" that is nothing else, after a subject of one gender (a noun of either, "chaque badge",
  takes the masculine): the past participle agreeing with it ("Le contrat doit être signer" ->
  "signé", "jusqu’à ce que la panne soit réparer." -> "réparée"); not after "ce" ("Le mieux,
  c’est redémarrer").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from ..model import Card, Location
from .agreement import (
    _DE,
    _NEGATION,
    _OBJECT_PRONOUNS,
    _PERSONAL,
    _SUBJECT_PRONOUNS,
    Token,
    _asks_subjunctive,
    _auxiliary,
    _case_like,
    _engine_modules,
    _issue,
    _opening,
    noun_group,
    tokens,
)
from .inflection import _infinitives_of, _list_of, _present
from .spelling import Speller, english_word
from .text import _LIST_MARKER, NAMING_NOUNS, CardText, Issue

_READINGS = (
    ("eraient", "K", "3p"),
    ("raient", "K", "3p"),
    ("erait", "K", "3s"),
    ("rait", "K", "3s"),
    ("eront", "If", "3p"),
    ("ront", "If", "3p"),
    ("era", "If", "3s"),
    ("ra", "If", "3s"),
    ("aient", "Iq", "3p"),
    ("ait", "Iq", "3s"),
    ("ent", "Ip", "3p"),
    ("e", "Ip", "3s"),
    ("t", "Ip", "3s"),
    ("d", "Ip", "3s"),
)
"""The regular endings of the third persons (the persons of the notes), longest first, with the
tense and person each says; a stem written before one of them is read in that tense and person."""

_STEM_ENDINGS = ("", "e", "es", "ent", "s", "t", "d", "x", "ons", "ez", "ais", "ait", "aient", "ra", "er", "ir", "re")
"""What is cut off a real form to give a stem a student may build on ("recev" of "recevons", the
future's "préviend" of "préviendra", the participle "conclu" itself)."""

_TENSES = (":Ip", ":Iq", ":Is", ":If", ":K", ":Sp", ":Sq", ":E", ":P", ":Q")
_WHO = (":1s", ":2s", ":3s", ":1p", ":2p", ":3p", ":m:s", ":m:p", ":f:s", ":f:p", ":")
_VOWELS = frozenset("aeiouyéèêëîïôûùü")
_CODE_NEIGHBOURS = frozenset("._/\\=@#$<>{}[]|`~*-+")
_MIN_LENGTH = 4
_THIRD_PERSONS = {"il": "3s", "elle": "3s", "on": "3s", "ils": "3p", "elles": "3p"}


@lru_cache(maxsize=1)
def _stems() -> dict[str, frozenset[str]]:
    """Each stem the conjugation table gives (see `_STEM_ENDINGS`), with the verbs it belongs to."""
    modules = _engine_modules()
    if modules is None:
        return {}
    conj = modules[0]
    found: dict[str, set[str]] = {}
    for verb in conj._dVerb:
        forms = {verb}
        for tense in _TENSES:
            for who in _WHO:
                if conj.hasConj(verb, tense, who):
                    forms.add(conj.getConj(verb, tense, who))
        for form in forms:
            for ending in _STEM_ENDINGS:
                if form == verb and not ending:
                    continue  # "tracer" + "t" is no verb's form: "tracert" is a command
                if form.endswith(ending) and len(form) > len(ending) + 1:
                    found.setdefault(form[: len(form) - len(ending)], set()).add(verb)
    return {stem: frozenset(verbs) for stem, verbs in found.items()}


def real_form(word: str, subjunctive: bool = False) -> str | None:
    """The real form of an invented one: the verb whose stem `word` is built on (the only one),
    in the tense and person its ending says; None where no reading or more than one verb fits.
    `subjunctive`: the clause asks for it, so an ending "-e" or "-ent" is read in that mood."""
    conj_modules = _engine_modules()
    if conj_modules is None:
        return None
    conj = conj_modules[0]
    lower = word.casefold()
    for ending, tense, person in _READINGS:
        stem = lower[: len(lower) - len(ending)]
        if not lower.endswith(ending) or len(stem) < 2:
            continue
        if len(ending) == 1 and ending not in "e" and stem[-1] not in _VOWELS:
            continue  # a silent "-t", "-d" follows a vowel: "envoit", "résoud"
        verbs = _stems().get(stem, frozenset())
        if any(_third_person_form(conj, verb, stem) for verb in verbs):
            continue  # "passente", "contat": a whole form ("passent", "conta") and more, no stem
        if ending in ("e", "ent") and subjunctive:
            tense = "Sp"
        elif ending in ("e", "ent") and any(_moods_differ(conj, verb, person) for verb in verbs):
            continue  # "disparaise": "disparaît" or "disparaisse", as the clause asks
        forms = {conj.getConj(verb, ":" + tense, ":" + person) for verb in verbs}
        forms.discard("")
        if not forms or len({_reformed(form) for form in forms}) != 1:
            continue  # no verb, or more than one (not one verb in both spellings: apparaître, apparaitre)
        form = max(forms, key=lambda one: one != _reformed(one))
        return _case_like(form, word) if form != lower else None
    return None


def _third_person_form(conj: Any, verb: str, stem: str) -> bool:
    """Whether `stem` is itself a third person of `verb` in some tense: a word built on it adds
    letters to a whole form ("passente" on "passent"), the slip of another word ("passante")."""
    return any(
        conj.hasConj(verb, tense, person) and conj.getConj(verb, tense, person) == stem
        for tense in (":Ip", ":Iq", ":Is", ":If", ":K", ":Sp", ":Sq")
        for person in (":3s", ":3p")
    )


def _moods_differ(conj: Any, verb: str, person: str) -> bool:
    """Whether the present indicative and subjunctive of `verb` differ in `person`: an ending
    "-e" or "-ent" may be either."""
    return conj.getConj(verb, ":Ip", ":" + person) != conj.getConj(verb, ":Sp", ":" + person)


def _reformed(form: str) -> str:
    """A form as the 1990 spelling writes it ("apparaitra"): the same verb as "apparaîtra"."""
    return form.replace("î", "i").replace("û", "u")


def _paragraphs(card: CardText, speller: Speller) -> Iterator[tuple[str, int, str, str, list[Token]]]:
    """(part, offset, text, blanked text, tokens) of each paragraph: a glossary term is blanked."""
    for paragraph in card.paragraphs():
        blanked = card.blanked_terms[paragraph.part][paragraph.offset : paragraph.offset + len(paragraph.text)]
        yield paragraph.part, paragraph.offset, paragraph.text, blanked, tokens(paragraph.text, speller, blanked)


def _plain_word(token: Token, text: str, blanked: str) -> bool:
    """A lowercase word of letters in prose: no glossary term, no name, no piece of code."""
    if not token.text.isalpha() or not token.text.islower() or not blanked[token.start : token.end].strip():
        return False
    before = text[token.start - 1] if token.start > 0 else " "
    after = text[token.end] if token.end < len(text) else " "
    if after == "." and not text[token.end + 1 : token.end + 2].strip():
        after = " "  # the full stop of a sentence ("… soit corriger."), not a name's ("journal.txt")
    return before not in _CODE_NEIGHBOURS and after not in _CODE_NEIGHBOURS and after not in "'’("


def invented_form(card: CardText, speller: Speller) -> list[Issue]:
    """A verb form no dictionary knows, built on a real verb's stem (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, text, blanked, found in _paragraphs(card, speller):
        for index, token in enumerate(found):
            if token.known or len(token.text) < _MIN_LENGTH or not _plain_word(token, text, blanked):
                continue
            if english_word(token.text) or speller.is_known(token.text):
                continue
            form = real_form(token.text) or real_form(token.text, subjunctive=_subjunctive_clause(found, index))
            if form is not None:
                message = f"« {token.text} » n’existe pas : « {form} » ?"
                issues.append(_issue(part, offset, token, "invented-form", message, [form]))
    return issues


_SUBJECT_SPAN = 6
"""How many words a subject between "que" and its verb may have ("que le poste du client")."""


def _subjunctive_clause(found: list[Token], verb: int) -> bool:
    """Whether tokens[verb] follows a "que" that asks for the subjunctive ("sans qu’il", "pour que
    le poste") with only its subject between: no punctuation, no verb."""
    for index in range(verb - 1, max(-1, verb - 2 - _SUBJECT_SPAN), -1):
        token = found[index]
        if token.lower in ("que", "qu’"):
            return index < verb - 1 and _asks_subjunctive(found, index)
        if token.is_punctuation or token.finite():
            return False
    return False


def _subject_person(found: list[Token], end: int) -> str | None:
    """The person of a subject pronoun or a noun group that ends right before tokens[end] and
    opens its clause (or follows "et"/"ou" there)."""
    if end == 0:
        return None
    pronoun = found[end - 1]
    if pronoun.lower in _THIRD_PERSONS:
        return _THIRD_PERSONS[pronoun.lower] if _opening(found, end - 1) is not None else None
    for first in range(end - 1, max(-1, end - 8), -1):
        determiner = found[first]
        if not determiner.is_determiner or determiner.lower in _DE or determiner.has(":Di"):
            continue  # "Quel câble choisir ?": a question
        group = noun_group(found, first)
        if group is None or group.end != end or group.number is None or not _opening(found, first):
            continue
        if not _auxiliary(found[group.head]):
            return "3" + group.number  # not "C’est": "est" is no noun there
    return None


def _verb_later(found: list[Token], start: int, prepositions: bool = True) -> bool:
    """A word that can only be a conjugated verb stands in the clause from tokens[start];
    `prepositions`: one that is also a preposition ("entre") counts."""
    for token in found[start:]:
        if token.text in _STOPS or token.lower in ("que", "qu’", "qui", "si", "quand", "lorsque", "car", "mais"):
            return False
        if not prepositions and token.has(":R"):
            continue
        if (token.only_verb() and not token.has(":Q")) or _auxiliary(token):
            return True
    return False


def _bare_infinitive(token: Token) -> bool:
    """An infinitive and nothing else: no noun ("le dîner"), no conjugated form."""
    return token.has(":Y") and not token.finite() and not token.has(":N") and not token.has(":Q")


def subject_infinitive(card: CardText, speller: Speller) -> list[Issue]:
    """An infinitive right after a subject, where the clause's verb belongs (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, text, blanked, found in _paragraphs(card, speller):
        for index, token in enumerate(found):
            if not _bare_infinitive(token) or index == 0 or not _plain_word(token, text, blanked):
                continue
            if found[index - 1].lower in NAMING_NOUNS:
                continue  # "le fichier user": a name
            start = index
            while start > 0 and found[start - 1].lower in _OBJECT_PRONOUNS | {"en", "y"}:
                start -= 1
            if start > 0 and found[start - 1].lower in _NEGATION:
                start -= 1
            if start == index and found[index - 1].lower in _OBJECT_PRONOUNS:
                continue
            person = _subject_person(found, start)
            if person is None or start == 0 or _verb_later(found, index + 1):
                continue  # "un message envoyer à cette adresse est transmis": a participle's slip
            fixes = _present(token, person)
            if len(fixes) == 1:
                message = "un infinitif après le sujet : le verbe conjugué ?"
                issues.append(_issue(part, offset, token, "subject-infinitive", message, fixes))
    return issues


_JOINERS = frozenset({"et", "ou", "puis"})
_STOPS = frozenset('.;:!?()[]«»"—–,')
_BETWEEN = 8


def _participle(token: Token) -> bool:
    """A past participle that is no conjugated form, infinitive, preposition nor noun."""
    return token.has(":Q") and not token.finite() and not token.has(":Y") and not token.has(":G:R")


def _object_at(found: list[Token], index: int) -> bool:
    """A direct object, or a complement a verb takes, opens at tokens[index]."""
    if index >= len(found):
        return False
    token = found[index]
    if token.is_determiner and token.lower not in ("de", "d’"):
        return not token.text.isdigit()
    return token.lower in ("que", "qu’") or (token.lower in _OBJECT_PRONOUNS and index + 1 < len(found))


def _determiner_object(found: list[Token], index: int) -> bool:
    """A determiner (not "de", "du", "des") opens a direct object at tokens[index]."""
    return index < len(found) and found[index].is_determiner and found[index].lower not in _DE


def _partner(found: list[Token], joiner: int) -> int | None:
    """The verb before the "et" at tokens[joiner] whose complement only stands between them."""
    for index in range(joiner - 1, max(-1, joiner - _BETWEEN), -1):
        token = found[index]
        if token.text in _STOPS or token.lower in ("que", "qu’", "qui", "dont", "où"):
            return None
        if token.has(":Y") and not token.finite():
            return index
        if token.has(":N") and not token.only_verb():
            continue  # "le poste": a noun, maybe also a verb
        if token.finite() or token.has(":Q"):
            return index if token.has(":Q") else None
    return None


def _after_avoir(found: list[Token], index: int) -> bool:
    before = index - 1
    while before >= 0 and found[before].has(":W") and not found[before].finite():
        before -= 1
    return before >= 0 and any(lemma == "avoir" for lemma, _, _ in found[before].finite())


def _past_participle(verb: str) -> list[str]:
    modules = _engine_modules()
    if modules is None or not modules[0].hasConj(verb, ":Q", ":m:s"):
        return []
    return [modules[0].getConj(verb, ":Q", ":m:s")]


def infinitive_coordination(card: CardText, speller: Speller) -> list[Issue]:
    """Of two verbs joined by "et", the second in another form than the first (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, _, _, found in _paragraphs(card, speller):
        for joiner, token in enumerate(found):
            if token.lower not in _JOINERS or joiner + 1 >= len(found):
                continue
            first = _partner(found, joiner)
            second = found[joiner + 1]
            if first is None or first == joiner - 1 or not _object_at(found, joiner + 2):
                continue  # "installé et configuré": two states, no complement
            noun = second.has(":N") and not _determiner_object(found, joiner + 2)
            if found[first].has(":Y") and _participle(second) and not noun:  # "et envoyé une alerte"
                fixes = _infinitives_of(second, speller)
                message = f"joint à l’infinitif « {found[first].text} » : l’infinitif ?"
            elif _participle(found[first]) and _after_avoir(found, first) and _bare_infinitive(second):
                lemmas = {morph[1 : morph.index("/")] for morph in second.morphs if ":Y" in morph}
                fixes = [_case_like(form, second.text) for lemma in sorted(lemmas) for form in _past_participle(lemma)]
                message = f"joint au participe « {found[first].text} » : le participe ?"
            else:
                continue
            if len(fixes) == 1:
                issues.append(_issue(part, offset, second, "infinitive-coordination", message, fixes))
    return issues


_STEP_OPENERS = frozenset({"ensuite", "puis", "enfin", "après", "d’abord"})


def _lines(card: CardText, speller: Speller) -> Iterator[tuple[str, int, list[Token], list[str] | None]]:
    """(part, offset, tokens, the other items of its list, None when no list item) of each paragraph."""
    for part, offset, _, _, found in _paragraphs(card, speller):
        text = card.text(part)
        line_start = text.rfind("\n", 0, offset) + 1
        if not _LIST_MARKER.match(text[line_start : offset + 1]):
            yield part, offset, found, None
            continue
        lines = text[_list_of(text, line_start) :].split("\n")
        items = list(itertools.takewhile(_LIST_MARKER.match, lines))
        mine = text[line_start:].split("\n", 1)[0]
        yield part, offset, found, [line for line in items if line != mine]


def _steps(items: list[str], speller: Speller) -> bool:
    """Whether the other items of a list are steps: one opens with an infinitive at least, and
    none with another verb form ("- Ouvert de 8 h à 18 h" lists states, "- Fermé le week-end" too)."""
    openers = []
    for line in items:
        marker = _LIST_MARKER.match(line)
        words = tokens(line[marker.end() :], speller) if marker else []
        if words:
            openers.append(words[0])
    infinitives = [word for word in openers if word.has(":Y") and not word.finite()]
    others = [word for word in openers if word not in infinitives and (word.has(":Q") or word.finite())]
    return bool(infinitives) and not [word for word in others if not word.has(":N")]


def _step_participle(found: list[Token], index: int) -> bool:
    """A participle opening a step before its object (see the module): not a state dated or
    detached before a new subject ("Installé la veille, le poste…")."""
    word = found[index]
    if not _participle(word) or word.has(":N") or not _object_at(found, index + 1):
        return False
    if found[index + 1].lower in _OBJECT_PRONOUNS and found[index + 1].lower not in ("le", "la", "les", "l’"):
        return False
    if index + 2 < len(found) and found[index + 2].text[:1].isdigit():
        return False  # "Livré le 12 mars"
    for at in range(index + 1, len(found)):
        if found[at].text == "," and at + 1 < len(found):
            after = found[at + 1]
            return not (after.is_determiner or after.lower in _SUBJECT_PRONOUNS)
        if found[at].finite() and found[at].lower not in ("que", "qu’") and found[at].only_verb():
            return found[index + 1].lower in ("que", "qu’")
    return True


def instruction_infinitive(card: CardText, speller: Speller) -> list[Issue]:
    """A step of instructions written with a participle for the infinitive (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found, items in _lines(card, speller):
        if not found:
            continue
        opening = 0
        if items is None:
            if len(found) < 3 or found[0].lower not in _STEP_OPENERS or found[1].text != ",":
                continue
            opening = 2
        elif not (found[1:2] and found[1].lower in ("que", "qu’")) and not _steps(items, speller):
            continue
        if not _step_participle(found, opening):
            continue
        fixes = _infinitives_of(found[opening], speller)
        if len(fixes) == 1:
            message = "une étape : l’infinitif ?"
            issues.append(_issue(part, offset, found[opening], "instruction-infinitive", message, fixes))
    return issues


_INFINITIVE_PREPOSITIONS = frozenset({"pour", "sans"})
_SINGULAR_PARTICIPLE = re.compile(r"[^\W\d_]+é")
"""A participle in "-é" sounds like the infinitive in "-er" a preposition asks for."""


def _asks_infinitive(found: list[Token], index: int) -> bool:
    """Whether the preposition at tokens[index] takes an infinitive here: "pour", "sans", "afin
    de", "avant de"; "à" after a verb or an adjective ("sert à", "prêt à"); "de" after a verb, an
    adjective or a noun ("interdit de", "le droit de"), not after a pronoun ("rien de cassé")."""
    word = found[index].lower
    before = found[index - 1] if index > 0 else None
    if word in _INFINITIVE_PREPOSITIONS:
        return True
    if before is None or not before.known:
        return False
    if word in ("de", "d’"):
        if before.lower in ("afin", "avant"):
            return True
        return (
            not before.has(":G:O")
            and not before.has(":W")
            and not before.is_determiner
            and (bool(before.finite()) or before.is_adjective or before.has(":N"))
        )
    if word == "à":
        return (bool(before.finite()) and before.only_verb()) or (before.has(":A") and not before.has(":N"))
    return False


_PAST_INFINITIVE_AFTER = frozenset({"après", "sans", "pour", "de", "d’", "pas", "jamais"})
"""What opens a past infinitive ("après avoir branché", "sans avoir vérifié"): "avoir" there is
the auxiliary, not the noun ("un avoir")."""


def _avoir_then_infinitive(found: list[Token], index: int) -> bool:
    """tokens[index] is an infinitive in "-er" right after "avoir" that follows its subject."""
    word = found[index]
    if not _bare_infinitive(word) or not word.lower.endswith("er") or index < 2:
        return False
    auxiliary = found[index - 1]
    if auxiliary.lower == "avoir":
        return found[index - 2].lower in _PAST_INFINITIVE_AFTER  # "Après avoir brancher le téléphone"
    if not any(lemma == "avoir" for lemma, _, _ in auxiliary.finite()):
        return False
    start = index - 1
    if found[start - 1].lower in _NEGATION:
        start -= 1
    if found[start - 1].lower == "qui":
        return True
    person = _subject_person(found, start)
    return person is not None and person in auxiliary.persons() and not _verb_later(found, index + 1)


def a_infinitive(card: CardText, speller: Speller) -> list[Issue]:
    """A participle after a preposition that takes the infinitive, and an infinitive after
    "avoir" (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, _, _, found in _paragraphs(card, speller):
        for index, token in enumerate(found):
            if _avoir_then_infinitive(found, index):
                lemmas = {morph[1 : morph.index("/")] for morph in token.morphs if ":Y" in morph}
                fixes = [_case_like(form, token.text) for lemma in sorted(lemmas) for form in _past_participle(lemma)]
                if len(fixes) == 1:
                    message = f"après « {found[index - 1].text} », le participe passé ?"
                    issues.append(_issue(part, offset, token, "à-infinitive", message, fixes))
                continue
            if token.lower not in {"à", "pour", "sans", "de", "d’"} or not _asks_infinitive(found, index):
                continue
            at = index + 1
            while at < len(found) and found[at].lower in _OBJECT_PRONOUNS | _NEGATION | {"pas"}:
                at += 1
            if at >= len(found) or not _participle(found[at]):
                continue
            participle = found[at]
            if participle.has(":N") and not (at == index + 1 and token.lower in _INFINITIVE_PREPOSITIONS):
                continue  # "de données", "point de vue", "d’arrivée": a noun
            if participle.has(":N") and not _determiner_object(found, at + 1):
                continue  # "sans prévenu" may be the noun; "sans prévenu l’utilisateur" is not
            if not _object_at(found, at + 1) and not _SINGULAR_PARTICIPLE.fullmatch(participle.lower):
                continue
            fixes = _infinitives_of(participle, speller)
            if len(fixes) == 1:
                message = f"après « {token.text} », l’infinitif ?"
                issues.append(_issue(part, offset, participle, "à-infinitive", message, fixes))
    return issues


_CLITICS = _OBJECT_PRONOUNS | {"en", "y", "nous", "vous"}


def _before_clitics(found: list[Token], index: int) -> int:
    """The index before which tokens[index] and its object pronouns (and "ne") stand."""
    start = index
    while start > 0 and found[start - 1].lower in _CLITICS:
        start -= 1
    if start > 0 and found[start - 1].lower in _NEGATION:
        start -= 1
    return start


def _silent_t_present(token: Token) -> str | None:
    """The present (3rd person singular) of the participle's verb where only a silent "-t" tells
    them apart ("choisi" / "choisit"); None for any other participle."""
    modules = _engine_modules()
    if modules is None:
        return None
    conj = modules[0]
    forms = {
        conj.getConj(lemma, ":Ip", ":3s")
        for lemma in {morph[1 : morph.index("/")] for morph in token.morphs if ":Q" in morph}
        if conj.hasConj(lemma, ":Ip", ":3s")
    }
    wanted = token.lower + "t"
    return _case_like(wanted, token.text) if forms == {wanted} else None


def _singular_antecedent(found: list[Token], qui: int) -> bool:
    """Whether the word before the "qui" at tokens[qui] is a singular noun: its verb is singular."""
    if qui == 0:
        return False
    noun = found[qui - 1]
    return noun.has(":N") and "s" in noun.numbers((":N",)) and "p" not in noun.numbers((":N",))


def _singular_group_before(found: list[Token], index: int) -> bool:
    """Whether a singular noun group opens the clause and ends at tokens[index], or would with
    tokens[index] read as its epithet ("L’agent saisi")."""
    for first in range(index - 1, max(-1, index - 8), -1):
        if not found[first].is_determiner or found[first].lower in _DE or not _opening(found, first):
            continue
        group = noun_group(found, first)
        if group is not None and group.end in (index, index + 1) and group.head < index and group.number == "s":
            return True
    return False


def participle_for_present(card: CardText, speller: Speller) -> list[Issue]:
    """A participle written for the present it sounds like, after its subject (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, text, blanked, found in _paragraphs(card, speller):
        for index, token in enumerate(found):
            if not _participle(token) or token.has(":G") or not _plain_word(token, text, blanked):
                continue  # "On lui donne": a pronoun, also the participle of "luire"
            fix = _silent_t_present(token)
            start = _before_clitics(found, index)
            if fix is None or start == 0:
                continue
            before = found[start - 1]
            if before.lower in ("qui",):
                subject = _singular_antecedent(found, start - 1)
            elif before.lower in _THIRD_PERSONS:
                subject = _subject_person(found, start) == "3s"
            else:  # a noun group: the participle may be its epithet, unless an object follows it
                subject = (
                    not token.has(":N")
                    and start == index
                    and _singular_group_before(found, index)
                    and _determiner_object(found, index + 1)
                    and not _verb_later(found, index + 1, prepositions=False)
                )
            if subject:
                message = f"après son sujet, « {fix} » (présent) ?"
                issues.append(_issue(part, offset, token, "participle-for-present", message, [fix]))
    return issues


_BARE_INFINITIVE_VERBS = frozenset({"falloir", "pouvoir", "devoir", "vouloir", "aller", "savoir"})
"""Verbs whose complement is an infinitive with no preposition: "il faut le déplacer"."""


def _adverb(token: Token) -> bool:
    """An adverb or a negation's word ("ensuite", "pas", "jamais") and no verb."""
    return (token.has(":W") or token.has(":G:X")) and not token.finite()


def _takes_infinitive(found: list[Token], index: int) -> bool:
    """Whether an object pronoun at tokens[index] follows (adverbs maybe between) a conjugated
    verb of `_BARE_INFINITIVE_VERBS`."""
    at = index - 1
    while at >= 0 and _adverb(found[at]):
        at -= 1
    return at >= 0 and any(lemma in _BARE_INFINITIVE_VERBS for lemma, _, _ in found[at].finite())


def _noun_after_determiner(clitic: Token, word: Token, morph: Callable[[str], list[str]]) -> bool:
    """Whether "le"/"la"/"les"/"l’" and a word that is also a noun agree as a determiner and its noun.
    A participle that names the person it describes, in either gender ("un déplacé", "une
    déplacée", `_person_participle`), is no thing one needs: "il faut le déplacé" is the verb."""
    if not word.has(":N") or _person_participle(word, morph):
        return False
    genders, numbers = word.genders((":N",)), word.numbers((":N",))
    wanted = {"le": ("m", "s"), "la": ("f", "s"), "les": ("", "p"), "l’": ("", "s")}.get(clitic.lower)
    if wanted is None:
        return True
    gender, number = wanted
    gender_fits = not gender or bool(genders & {gender, "e"})
    return gender_fits and bool(numbers & {number, "i"})


def _person_participle(word: Token, morph: Callable[[str], list[str]]) -> bool:
    """Whether the noun `word` (a masculine singular participle in "-é") is its participle named as
    a person, the lexicon giving the feminine participle as the same noun ("déplacée": the noun
    "déplacé"), where a thing's name has one gender ("résumé": "résumée" is the participle only)."""
    nouns = {morph[1 : morph.index("/")] for morph in word.morphs if ":N" in morph}
    feminine = morph(word.lower + "e") if nouns else []
    return any(reading.startswith(f">{noun}/:N:f") for noun in nouns for reading in feminine)


def clitic_infinitive(card: CardText, speller: Speller) -> list[Issue]:
    """A participle in "-é" for the infinitive after a modal and an object pronoun (see the module)."""
    if speller.engine is None:
        return []
    morph = speller.engine.getMorph  # type: ignore[attr-defined]
    issues = []
    for part, offset, text, blanked, found in _paragraphs(card, speller):
        for index in range(2, len(found)):
            token, clitic = found[index], found[index - 1]
            if clitic.lower not in _CLITICS or not _participle(token) or not _plain_word(token, text, blanked):
                continue
            if not _SINGULAR_PARTICIPLE.fullmatch(token.lower) or _noun_after_determiner(clitic, token, morph):
                continue
            if _person_participle(token, morph) and index + 1 < len(found) and found[index + 1].lower in _DE:
                continue  # "il faut l’employé du mois": the person, with a noun's complement
            if not _takes_infinitive(found, _before_clitics(found, index)):
                continue
            fixes = [fix for fix in _infinitives_of(token, speller) if fix.casefold() == token.lower[:-1] + "er"]
            if len(fixes) == 1:
                message = f"après « {clitic.text} », l’infinitif ?"
                issues.append(_issue(part, offset, token, "clitic-infinitive", message, fixes))
    return issues


def _subject_features(found: list[Token], end: int) -> tuple[str, str] | None:
    """(gender, number) of a subject pronoun or a noun group of one gender that ends right before
    tokens[end] and opens its clause; None otherwise."""
    if end == 0:
        return None
    pronoun = found[end - 1]
    if pronoun.lower in _PERSONAL or pronoun.lower == "on":
        number, gender = _PERSONAL.get(pronoun.lower, ("s", "m"))
        return (gender, number) if _opening(found, end - 1) is not None and gender in "mf" else None
    for first in range(end - 1, max(-1, end - 8), -1):
        if not found[first].is_determiner or found[first].lower in _DE:
            continue
        group = noun_group(found, first)
        if group is None or group.end != end or group.number is None or not _opening(found, first):
            continue
        genders = group.genders - {"e"} or ({"m"} if found[group.head].genders((":N",)) == {"e"} else set())
        return (next(iter(genders)), group.number) if len(genders) == 1 and not group.plural_complement else None
    return None


def _etre_subject(found: list[Token], etre: int) -> tuple[str, str] | None:
    """The subject's (gender, number) of the "être" at tokens[etre]: before it, or before the
    modal whose infinitive it is ("doit être")."""
    token = found[etre]
    if token.lower in ("être", "été"):
        at = _before_clitics(found, etre)
        while at > 0 and _adverb(found[at - 1]):
            at -= 1
        if at == 0 or not found[at - 1].finite():
            return None
        if token.lower == "été" and not any(lemma == "avoir" for lemma, _, _ in found[at - 1].finite()):
            return None  # "été" is the participle of "être" after "avoir" only: "le compte a été"
        return _subject_features(found, _before_clitics(found, at - 1))
    if not any(lemma == "être" for lemma, _, _ in token.finite()):
        return None
    start = _before_clitics(found, etre)
    if start > 0 and found[start - 1].lower in ("ce", "c’", "ça", "cela"):
        return None  # "Le mieux, c’est redémarrer": an infinitive as attribute
    return _subject_features(found, start)


def etre_infinitive(card: CardText, speller: Speller) -> list[Issue]:
    """An infinitive in "-er" after "être" where its past participle belongs (see the module)."""
    if speller.engine is None:
        return []
    modules = _engine_modules()
    issues = []
    for part, offset, text, blanked, found in _paragraphs(card, speller):
        for index in range(1, len(found)):
            token = found[index]
            if not _bare_infinitive(token) or not token.lower.endswith("er") or not _plain_word(token, text, blanked):
                continue
            etre = index - 1
            while etre > 0 and _adverb(found[etre]):
                etre -= 1
            subject = _etre_subject(found, etre)
            if subject is None or modules is None:
                continue
            gender, number = subject
            lemmas = {morph[1 : morph.index("/")] for morph in token.morphs if ":Y" in morph}
            fixes = [
                _case_like(modules[0].getConj(lemma, ":Q", f":{gender}:{number}"), token.text)
                for lemma in sorted(lemmas)
                if modules[0].hasConj(lemma, ":Q", f":{gender}:{number}")
            ]
            if len(fixes) == 1:
                message = f"après « {found[etre].text} », le participe passé ?"
                issues.append(_issue(part, offset, token, "être-infinitive", message, fixes))
    return issues


def line_readings(engine: Any, line: str) -> list[Issue]:
    """What this module's checks find in one line of text as a card's back: `review` asks it
    whether one of them makes the fix a finding of Grammalecte makes ("Le commercial a envoyer":
    'envoyé', not 'à'), which the proofreader keeps in their place when both make it."""
    source = Card(front="", back=line, location=Location("", 1), back_line=1)
    text = CardText(source, "", line)
    speller = Speller(engine=engine)
    return [issue for _, check in CHECKS for issue in check(text, speller)]


CHECKS = (
    ("invented-form", invented_form),
    ("subject-infinitive", subject_infinitive),
    ("infinitive-coordination", infinitive_coordination),
    ("instruction-infinitive", instruction_infinitive),
    ("à-infinitive", a_infinitive),
    ("participle-for-present", participle_for_present),
    ("clitic-infinitive", clitic_infinitive),
    ("être-infinitive", etre_infinitive),
)
"""This module's checks, by rule name, for `rules.OWN_CHECKS`."""
