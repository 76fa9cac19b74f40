"""Agreement and conjugation slips Grammalecte misses, found with Grammalecte's own morphology.

Each check reads a sentence as tokens tagged by Grammalecte's lexicon (`getMorph`: `:N` noun, `:A`
adjective, `:V…:Ip:3s` a conjugated verb, `:G:D` a determiner, …) and fires on a pattern of word
classes, never on a list of words; the fix is made by Grammalecte's conjugator (`fr.conj`) and
inflections (`fr.gc_functions`), and keeps the tense the student wrote. Without Grammalecte each
check returns nothing.

- `subject-verb`: a noun group that opens a clause ("Les procédures de secours", "Deux appareils
  avec la même adresse", "le routeur") and the conjugated verb right after it (past "ne" and object
  pronouns) in another person: the verb takes the noun group's head's person, in its own tense
  ("dépend" -> "dépendent", "choisis" -> "choisit"); two singular groups joined by "et" take the
  plural ("Le câble et le port fonctionne", and a list: "Le nom, la fonction et le numéro y
  figure"), unless each is "chaque …"; a group after "et"/"ou" is a subject only where the group
  before it opens the clause; an adjective after the
  complement that agrees with the head only belongs to the group ("Les mises à jour critiques
  doit"). An unknown verb takes the dictionary's form of the subject's person that sounds like it
  (`unknown-verb`: "voyent", "résoud" with its silent final consonant), unless the head is a noun
  a name follows (`text.NAMING_NOUNS`: "Le paramètre resource indique"). A singular head with a
  plural verb is left alone after "et"/"ou" (coordinated subjects) or before a plural complement
  ("la plupart des utilisateurs pensent"). A noun group opens its clause after punctuation, a
  conjunction, or a complement that opens it with no comma ("Par défaut les messages",
  "Pendant le déplacement les utilisateurs"); a word right after a group that ends with an
  adjective is its verb ("Les fichiers supprimés reste"), no noun's complement. An unknown word
  after "et" takes the person of its clause's subject ("Il télécharge … et résoud"). An adverb of
  degree before an adjective of the group stays in it ("des copieurs un peu anciens", "assez
  récents"), and an adverb of quantity with "de" and a plural noun opens a plural subject
  ("beaucoup de copieurs n’arrive" -> "n’arrivent");
- `qui-verb`: "des appareils voisins qui utilise": after "qui", the verb agrees with the plural
  noun group right before it (or "ceux", "celles"), unless that group is itself a noun's complement
  ("la liste des utilisateurs qui change": the list may be what changes);
- `noun-for-verb`: "le technicien essai un autre câble": after a subject, a noun that only differs
  from the verb meant by its silent ending (essai/essaie, envoi/envoie), before the verb's object;
- `adjective-coordination`: "une communication claire et régulier": of two adjectives joined by
  "et"/"ou" after a noun (adverbs maybe between: "déjà installée et configuré"), the first agrees
  with it and the second does not, and is no invariable colour ("noirs et marron", "rouges et bleu
  foncé"); after a bare complement ("des mots de passe courts et prévisible") the noun is the head
  the first agrees with when it does not agree with the complement;
- `adjective-complement`: "les mots de passe trop court": an adjective after "noun de noun" that
  agrees with the second noun only. Left to a person ("des tickets de niveau supérieur" is right);
- `subjunctive`: "avant que la situation ne devient critique": after a conjunction that asks for
  the subjunctive (avant que, pour que, afin que, sans que, bien que opening a clause, jusqu'à ce
  que, à moins que, il faut que), a verb in the indicative takes the present subjunctive, and so do
  the verbs joined to it ("qu’il retire la carte et la remet");
- `si-conditional`: "Si le client voudrait être rappelé, …": no conditional or future after a
  "si" that opens a condition: the present, or the imperfect when the other verb is a conditional;
- `participle-agreement`: "Ils sont hérité du dossier": a past participle after "être" agrees with
  the pronoun or noun group that opens the clause, or the groups joined by "et" (plural, feminine
  when each is: "La capacité et la vitesse … sont mesurées"), and so does an adjective that is
  no noun ("sont accessibles"); not after "se" ("ils se sont parlé"); and so do
  the participles joined to it ("téléchargés puis supprimé"); not where "être" takes another number
  than the group ("Une dizaine de postes sont concernés").

How often each is right is measured by `bench/review_policy.py` and `bench/proofread_rules.py`;
those that are right every time are in `policy.CERTAIN`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .spelling import Speller
from .text import NAMING_NOUNS, CardText, Issue

_CODE = r"\w*(?:\d[^\W\d_]|[^\W\d_]\d)\w*(?:[.-]\w+)*|\d+(?:[.,]\d+)+[^\W\d_]\w*"
_TOKEN = re.compile(
    r"(?P<elided>\b(?:jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst])['’])(?=[^\W\d_])"
    rf"|(?P<code>{_CODE})"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)"
    r"|(?P<number>\d+)"
    r"|(?P<punct>[.,;:!?()\[\]«»\"—–])",
    re.IGNORECASE,
)
"""A sentence's tokens. Letters and digits glued together ("802.11a", "IPv6", "x86") are one
`code`, a name no lexicon knows: never a number that counts a noun ("11") and the letter "a"."""
_FINITE = re.compile(r":(I[pqsf]|K|S[pq])\b")
_PERSON = re.compile(r":([123][sp])\b")
_CLAUSE_OPENERS = frozenset(
    {"et", "ou", "mais", "car", "donc", "puis", "ensuite", "alors", "sinon", "que", "qu’", "si", "lorsque"}
    | {"lorsqu’", "quand", "puisque", "puisqu’", "comme", "où", "dès", "ni"}
)
_COORDINATORS = frozenset({"et", "ou", "ni"})
_PREPOSITIONS = frozenset(
    {"de", "d’", "du", "des", "à", "au", "aux", "avec", "sans", "pour", "en", "sur", "dans", "par", "entre", "sous"}
    | {"chez", "vers", "contre", "selon", "depuis", "pendant"}
)
_DE = frozenset({"de", "d’", "du", "des"})
_OBJECT_PRONOUNS = frozenset({"le", "la", "les", "l’", "lui", "leur", "se", "s’", "y", "en", "me", "m’", "te", "t’"})
_NEGATION = frozenset({"ne", "n’"})
_SUBJECT_PRONOUNS = {
    "il": "3s",
    "elle": "3s",
    "on": "3s",
    "ils": "3p",
    "elles": "3p",
    "je": "1s",
    "j’": "1s",
    "tu": "2s",
    "nous": "1p",
    "vous": "2p",
}
_SUBJUNCTIVE_AFTER = (
    ("avant",),
    ("pour",),
    ("afin",),
    ("sans",),
    ("faut",),
    ("jusqu’", "à", "ce"),
    ("à", "moins"),
    ("à", "condition"),
)
_NOT_CONCESSIVE = frozenset({"si", "aussi", "tant", "ou"})
_INDEFINITE_SUBJECTS = frozenset({"personne", "chacun", "chacune", "quelqu’un", "rien", "nul"})
"""Pronouns of the third person singular that may be a subject after "que": "pour que personne ne
le lise", "afin que chacun puisse"."""


@dataclass(frozen=True)
class Token:
    """A word (or an elided word, a number, a punctuation mark) of a sentence with its tags."""

    text: str
    start: int
    end: int
    morphs: tuple[str, ...]
    known: bool

    @property
    def lower(self) -> str:
        return self.text.casefold().replace("'", "’")

    def has(self, tag: str) -> bool:
        return any(tag in morph for morph in self.morphs)

    @property
    def is_code(self) -> bool:
        """Letters and digits glued together: a name ("802.11ac", "IPv6"), see `_TOKEN`."""
        return re.fullmatch(_CODE, self.text) is not None

    @property
    def is_punctuation(self) -> bool:
        return not self.text[:1].isalnum()

    @property
    def is_determiner(self) -> bool:
        return self.has(":G:D") or self.has(":B") or (self.text.isdigit() and self.text != "1")

    @property
    def is_noun(self) -> bool:
        """A noun, or a word no dictionary knows (an English term, a name) where a noun stands."""
        return self.has(":N") or (not self.known and self.text[:1].isalpha())

    @property
    def is_adjective(self) -> bool:
        return self.has(":A") or self.has(":Q")

    def finite(self) -> list[tuple[str, str, frozenset[str]]]:
        """(lemma, tense, persons) of each conjugated reading of the word."""
        readings = []
        for morph in self.morphs:
            if ":V" not in morph:
                continue
            lemma = morph[1 : morph.index("/")]
            persons = frozenset(_PERSON.findall(morph))
            for tense in _FINITE.findall(morph):
                readings.append((lemma, tense, persons))
        return readings

    def persons(self) -> frozenset[str]:
        return frozenset(person for _, _, persons in self.finite() for person in persons)

    def only_verb(self) -> bool:
        """Conjugated, and no noun nor adjective but maybe a past participle ('choisis')."""
        if not self.finite():
            return False
        return all(":V" in morph or not (":N" in morph or ":A" in morph or ":W" in morph) for morph in self.morphs)

    def genders(self, classes: tuple[str, ...]) -> frozenset[str]:
        """The genders ('m', 'f', 'e': either) of the readings of a word class (':N', ':A')."""
        found = set()
        for morph in self.morphs:
            if any(tag in morph for tag in classes):
                match = re.search(r":([mfe]):[spi]", morph)
                if match:
                    found.add(match.group(1))
        return frozenset(found)

    def numbers(self, classes: tuple[str, ...]) -> frozenset[str]:
        """The numbers ('s', 'p', 'i': invariable) of the readings of a word class."""
        found = set()
        for morph in self.morphs:
            if any(tag in morph for tag in classes):
                match = re.search(r":[mfe]:([spi])", morph)
                if match:
                    found.add(match.group(1))
        return frozenset(found)


def _engine_modules() -> tuple[Any, Any] | None:
    """Grammalecte's conjugator and inflection helpers (loaded with the engine), or None."""
    from .grammar import engine

    if engine() is None:
        return None
    from grammalecte.fr import conj, gc_functions

    return conj, gc_functions


def tokens(text: str, speller: Speller, blanked: str | None = None) -> list[Token]:
    """The tokens of `text`, tagged; a word blanked out in `blanked` (a glossary term) is unknown."""
    return list(_tagged(text, blanked, speller.engine))


@lru_cache(maxsize=512)
def _tagged(text: str, blanked: str | None, engine: Any) -> tuple[Token, ...]:
    """`tokens`, kept for the next check: each of this module's checks reads the same sentences."""
    found = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        term = blanked is not None and not blanked[match.start() : match.end()].strip()
        morphs: tuple[str, ...] = ()
        if engine is not None and not term and match.lastgroup in ("elided", "word"):
            lookup = word.replace("'", "’")
            morphs = tuple(engine.getMorph(lookup) or engine.getMorph(lookup.casefold()))
        found.append(Token(word, match.start(), match.end(), morphs, bool(morphs)))
    return tuple(found)


def _sentences(card: CardText, speller: Speller) -> Iterator[tuple[str, int, list[Token]]]:
    for paragraph in card.paragraphs():
        blanked = card.blanked_terms[paragraph.part][paragraph.offset : paragraph.offset + len(paragraph.text)]
        yield paragraph.part, paragraph.offset, tokens(paragraph.text, speller, blanked)


# --- noun groups ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NounGroup:
    """tokens[first:end]: a determiner (or a contracted article, or nothing for a bare noun), an
    adjective maybe, the head noun, adjectives, and complements; `number` is the head's."""

    first: int
    head: int
    end: int
    number: str | None
    genders: frozenset[str]
    plural_complement: bool = False


_DETERMINER_TAGS = (":G:D", ":G:R:D", ":B")  # ":G:R:D": "au", "aux", a preposition and its article
_NOUN_TAGS = (":N",)
_ADJECTIVE_TAGS = (":A", ":Q")
_CONTRACTED = frozenset({"du", "des", "au", "aux"})


def _simple_group(
    found: list[Token], first: int, *, contracted: Token | None = None, bare: bool = False
) -> NounGroup | None:
    """ "determiner [adjective] noun adjective*" at `first`; `contracted`: the article (du, des, au,
    aux) stands before `first`; `bare`: a noun without determiner ("de secours")."""
    determiner: Token | None = contracted
    index = first
    if determiner is None and not bare:
        if first >= len(found) or not found[first].is_determiner or found[first].lower in ("de", "d’"):
            return None
        determiner = found[first]
        index += 1
    before: Token | None = None
    if (
        determiner is not None
        and index + 1 < len(found)
        and (found[index].has(":B") or found[index].text.isdigit())
        and found[index + 1].has(":N")
        and not found[index + 1].finite()
    ):
        index += 1  # "les deux techniciens", "les 3 serveurs": a number between determiner and noun
    if index + 1 < len(found) and found[index].has(":A") and not found[index].has(":N") and found[index + 1].is_noun:
        index += 1  # "la même adresse", "un autre câble": after these, a noun, not a verb
    elif (
        determiner is not None
        and index + 1 < len(found)
        and _adjective_before_noun(found[index], found[index + 1], _in_complement(found, first, contracted))
    ):
        before = found[index]  # "le deuxième étage", "les anciennes sauvegardes"
        index += 1
    if index >= len(found) or not found[index].is_noun or found[index].is_punctuation or found[index].has(":G"):
        return None
    head = found[index]
    if head.known and head.finite() and not bare and not _noun_reading_fits(head, determiner):
        return None
    noun_numbers = head.numbers(_NOUN_TAGS) if head.known else frozenset()
    if determiner is not None:
        number = _one(determiner.numbers(_DETERMINER_TAGS) | _digit_number(determiner))
        if number is None or (noun_numbers and not noun_numbers & {number, "i"}):
            return None
        genders = _agreeing(determiner.genders(_DETERMINER_TAGS), head.genders(_NOUN_TAGS))
        if before is not None:
            genders = _agreeing(genders, before.genders(_ADJECTIVE_TAGS))
    else:
        number = _one(noun_numbers)
        genders = head.genders(_NOUN_TAGS)
    end = index + 1
    if end < len(found) and found[end].is_code:
        end += 1  # "la norme 802.11ac": the name that follows the noun is of its group
    while end < len(found):
        if _adjective_here(found[end]) or _agreeing_adjective(found[end], genders, number):
            end += 1
            continue
        adverbs = _degree_adverbs(found, end)
        if adverbs and end + adverbs < len(found) and _agreeing_adjective(found[end + adverbs], genders, number):
            end += adverbs + 1  # "des copieurs un peu anciens", "des portables assez récents"
            continue
        break
    return NounGroup(first, index, end, number, genders)


def _degree_adverbs(found: list[Token], index: int) -> int:
    """How many tokens at `index` make an adverb of degree before an adjective: one adverb that is
    no adjective, preposition nor negation ("assez", "plutôt", "très"), or "un peu"; 0 if none."""
    token = found[index]
    if token.lower == "un" and index + 1 < len(found) and found[index + 1].lower == "peu":
        return 2
    if token.has(":W") and not token.is_adjective and not token.has(":G:R") and token.lower not in ("ne", "n’", "pas"):
        return 1
    return 0


def _in_complement(found: list[Token], first: int, contracted: Token | None) -> bool:
    """Whether the group at tokens[first] follows a preposition (or is after "du", "aux")."""
    return contracted is not None or (first > 0 and found[first - 1].lower in _PREPOSITIONS)


def _adjective_before_noun(word: Token, noun: Token, complement: bool) -> bool:
    """In a complement ("du deuxième étage", "de l’ancien bâtiment"), a word that is an adjective or
    a noun before a noun that is no adjective, agreeing with it: the adjective before its noun.
    Read as "le technicien réseau" (a noun and its complement) the group has the same number, and
    the genders both words share (`_agreeing`) are the group's either way. Not where the group may
    be a subject: "le technicien essai un autre câble" is a noun and the slip for its verb."""
    if not (word.known and word.has(":A") and word.has(":N") and noun.known) or word.finite():
        return False
    if not noun.has(":N") or noun.is_adjective or noun.has(":G"):
        return False
    if not complement:
        return False  # "le technicien essai un autre câble": a noun and the slip for its verb, maybe
    numbers = noun.numbers(_NOUN_TAGS) - {"i"}
    return (
        bool(numbers)
        and numbers <= word.numbers(_ADJECTIVE_TAGS)
        and bool(_agreeing(word.genders(_ADJECTIVE_TAGS), noun.genders(_NOUN_TAGS)))
    )


def _agreeing_adjective(token: Token, genders: frozenset[str], number: str | None) -> bool:
    """An adjective that is also a verb form, but of no third person ("inactives": "tu inactives"),
    and agrees with the noun: after a noun, it is the adjective."""
    if not token.is_adjective or token.persons() & {"3s", "3p"} or number is None:
        return False
    return any(_agrees(token, gender, number) for gender in (genders - {"e"} or {"m", "f"}))


def _noun_reading_fits(head: Token, determiner: Token | None) -> bool:
    """A word that is also a verb ("adresse") is the noun after a determiner it agrees with."""
    return head.has(":N") and determiner is not None


def _digit_number(token: Token) -> frozenset[str]:
    return frozenset({"p"}) if token.text.isdigit() and token.text != "1" else frozenset()


def _one(values: frozenset[str]) -> str | None:
    """The one number a word's readings give ('i', invariable, says nothing)."""
    found = values - {"i"}
    return next(iter(found)) if len(found) == 1 else None


def _agreeing(first: frozenset[str], second: frozenset[str]) -> frozenset[str]:
    """The genders two words may share ('e': either)."""
    if not first or "e" in first:
        return second - {"e"} if second - {"e"} else frozenset()
    if not second or "e" in second:
        return first
    return first & second


def _adjective_here(token: Token) -> bool:
    """An adjective or a participle after a noun, that cannot be read as a conjugated verb nor as
    a preposition ("perdus pendant le transfert": 'pendant' opens a complement)."""
    return token.is_adjective and not token.finite() and not token.is_determiner and not token.has(":G:R")


def noun_group(found: list[Token], first: int, *, bare: bool = False) -> NounGroup | None:
    """The noun group at `first` with its complements ("prep [det] noun adjective*"); `bare`: a
    noun with no determiner opens it."""
    group = _simple_group(found, first, bare=bare)
    if group is None:
        return None
    end = group.end
    plural_complement = False
    while end < len(found) and found[end].lower in _PREPOSITIONS:
        preposition = found[end]
        start = end + 1
        if start + 1 < len(found) and found[start].lower in ("plus", "moins") and found[start + 1].lower in _DE:
            start += 2  # "depuis plus de 60 jours"
        if preposition.lower in _CONTRACTED:
            inner = _simple_group(found, start, contracted=preposition)
        else:
            inner = _simple_group(found, start) or _simple_group(found, start, bare=True)
        if inner is None:
            break
        plural_complement = plural_complement or inner.number == "p"
        end = _between_end(found, preposition, inner.end)
        while end < len(found) and _head_adjective(found[end], group, inner):
            end += 1  # "les mises à jour critiques": an adjective of the head after its complement
    return NounGroup(group.first, group.head, end, group.number, group.genders, plural_complement)


def _between_end(found: list[Token], preposition: Token, end: int) -> int:
    """Where the complement of "entre" ends: "entre le navigateur et le serveur" names two
    things, and its "et" joins them, never a second subject to the group the complement hangs on."""
    if preposition.lower != "entre" or end >= len(found) or found[end].lower != "et":
        return end
    second = _simple_group(found, end + 1) or _simple_group(found, end + 1, bare=True)
    return second.end if second is not None else end


def _head_adjective(token: Token, head: NounGroup, complement: NounGroup) -> bool:
    """An adjective after a complement that agrees with the group's head and not with the
    complement ("les mises à jour critiques"): it ends the head's group, not the complement's."""
    if not _agreeing_adjective(token, head.genders, head.number) or complement.number is None:
        return False
    return not any(_agrees(token, gender, complement.number) for gender in (complement.genders - {"e"} or {"m", "f"}))


def _opening(found: list[Token], index: int) -> str | None:
    """How tokens[index] opens a clause: 'start', 'coordinated' (after et, ou, ni), or None. A
    determiner right after a complement of place, time or manner that opens the clause with no
    comma ("Par défaut les messages", "Pendant le déplacement les utilisateurs") opens it too: a
    noun group cannot follow another with nothing between them but as the clause's subject. A
    capitalised word after a blanked span (a URL, inline code) opens a sentence whose full stop the
    span took."""
    if index == 0:
        return "start"
    before = found[index - 1]
    if found[index].text[:1].isupper() and found[index].start - before.end > 1:
        return "start"  # after a blanked span ending a line ("… à l’adresse https://… .", then "Les …")
    if before.is_punctuation:
        return "start" if before.text in ',;:.!?(«"—–' else None
    if before.lower in _COORDINATORS:
        return "coordinated"
    if before.lower in _TOUT and _opening(found, index - 1) == "start":
        return "start"  # "Toute la communication … est chiffrée": "tout" before the determiner
    if before.lower in _CLAUSE_OPENERS and not _examples_of_a_noun(found, index - 1):
        return "start"
    return "start" if _after_opening_complement(found, index) else None


_TEL = frozenset({"tel", "tels", "telle", "telles"})
_TOUT = frozenset({"tout", "toute", "tous", "toutes"})


def _examples_of_a_noun(found: list[Token], que: int) -> bool:
    """Whether the "que" at tokens[que] follows "tel" right after a noun ("Les fichiers tels que les
    photos ne sont pas sauvegardés"): it lists examples of that noun, and the noun group after it is
    no clause's subject. After a verb ("Le débit est tel que le serveur sature") it opens one."""
    return que >= 2 and found[que].lower in ("que", "qu’") and found[que - 1].lower in _TEL and found[que - 2].is_noun


def _after_opening_complement(found: list[Token], index: int) -> bool:
    """Whether tokens[index] is a determiner (not "de", "des": a complement goes on) right after
    "preposition noun group" that opens its clause ("Par défaut", "Dans la plupart des cas")."""
    token = found[index]
    if not token.is_determiner or token.lower in _DE or token.lower in _CONTRACTED or token.text.isdigit():
        return False
    before = found[index - 1]
    if not before.known or not (before.is_noun or before.is_adjective):
        return False
    for start in range(index - 2, max(-1, index - 10), -1):
        preposition = found[start]
        if preposition.lower not in _PREPOSITIONS or preposition.lower in _DE:
            continue
        if _complement_group_end(found, start) == index and _opening(found, start) == "start":
            return True
    return False


def _complement_group_end(found: list[Token], preposition: int) -> int | None:
    """The end of "preposition noun group" at tokens[preposition] (the group with its own
    complements), or None."""
    start = preposition + 1
    if found[preposition].lower in _CONTRACTED:
        group = _simple_group(found, start, contracted=found[preposition])
    else:
        group = noun_group(found, start) or _simple_group(found, start, bare=True)
    if group is None:
        return None
    end = group.end
    while end < len(found) and found[end].lower in _DE:
        inner = (
            _simple_group(found, end + 1, contracted=found[end])
            if found[end].lower in _CONTRACTED
            else _simple_group(found, end + 1)
        )
        if inner is None:
            break
        end = inner.end
    return end


def _verb_after(found: list[Token], index: int) -> int:
    """The index of the word after "ne" and object pronouns from `index`."""
    negated = index < len(found) and found[index].lower in _NEGATION
    if negated:
        index += 1
    for _ in range(2):
        if index < len(found) and found[index].lower in _OBJECT_PRONOUNS:
            if (
                not negated  # "ne les lit": after "ne", "les" is the pronoun
                and found[index].lower in ("le", "la", "les", "l’")
                and index + 1 < len(found)
                and found[index + 1].has(":N")
            ):
                break  # "les postes": an article before a noun, not an object pronoun before a verb
            index += 1
    return index


def _object_follows(found: list[Token], index: int) -> bool:
    """A direct object (a determiner, not "de") right after tokens[index]."""
    following = found[index + 1] if index + 1 < len(found) else None
    return following is not None and following.is_determiner and following.lower not in _DE


def _is_verb_here(found: list[Token], index: int) -> bool:
    """Whether tokens[index] reads as a conjugated verb: only a verb or an auxiliary (a participle
    too only before its object: "choisis le meilleur"), or also a noun or adjective but before its
    object."""
    token = found[index]
    if not token.finite() or token.has(":G:R"):
        return False  # also a preposition: "les relations entre eux", "une protection contre le vol"
    if (token.only_verb() and not token.has(":Q")) or _auxiliary(token):
        return True
    return _object_follows(found, index)


def _after_adjective(found: list[Token], group: NounGroup, index: int) -> bool:
    """Whether tokens[index], right after a noun group that ends with an adjective of its head
    ("Les fichiers supprimés reste"), reads as its verb: a noun may follow a noun as its
    complement ("les câbles réseau"), not an adjective; a word that can be an adjective or a
    preposition too ("dure", "contre") is left alone."""
    token = found[index]
    last = found[index - 1]
    if index != group.end or index - 1 <= group.head or not last.is_adjective or last.has(":N"):
        return False  # "de l’ancien poste": "ancien", a noun there, may be followed by one
    return bool(token.finite()) and not token.is_adjective and not token.has(":G:R")


def _auxiliary(token: Token) -> bool:
    """A form of "être" or "avoir": their homographs ("est", the east; "a", the letter) are nouns
    too rare in these notes to stand for them."""
    return any(lemma in ("être", "avoir") for lemma, _, _ in token.finite())


def conjugate(token: Token, person: str, tenses: frozenset[str] | None = None) -> list[str]:
    """`token`'s verb in `person` ('3p'), in each tense it was written in (or in `tenses`); a form
    that is both present and past simple ("grandit", "finit") is the present of the notes."""
    modules = _engine_modules()
    if modules is None:
        return []
    conj = modules[0]
    forms: list[str] = []
    readings = token.finite()
    if any(tense == "Ip" for _, tense, _ in readings):
        readings = [reading for reading in readings if reading[1] != "Is"]
    for lemma, tense, _ in readings:
        for wanted in sorted(tenses) if tenses is not None else (tense,):
            if conj.hasConj(lemma, ":" + wanted, ":" + person):
                form = _case_like(conj.getConj(lemma, ":" + wanted, ":" + person), token.text)
                if form and form not in forms:
                    forms.append(form)
    return forms


def _case_like(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _issue(part: str, offset: int, token: Token, rule: str, message: str, fixes: list[str]) -> Issue:
    return Issue(part, offset + token.start, offset + token.end, "grammar", rule, message, tuple(fixes))


# --- the checks -----------------------------------------------------------------------------------


def _subjects(found: list[Token]) -> Iterator[tuple[NounGroup, str]]:
    """Noun groups that open a clause, with how they open it."""
    for index in range(len(found)):
        opening = _opening(found, index)
        if opening is None:
            continue
        if found[index].has(":De"):
            continue  # "Quels ports utilise un serveur": in a question the subject may follow the verb
        if opening == "coordinated" and _joined_in_complement(found, index - 1):
            continue  # "Le câble entre le switch et les serveurs est": both are the complement's
        group = noun_group(found, index) or _quantity_group(found, index)
        if group is not None and group.number is not None:
            yield group, opening


def _quantity_group(found: list[Token], first: int) -> NounGroup | None:
    """ "beaucoup de copieurs un peu anciens": an adverb of quantity (":G:W": "beaucoup", "peu",
    "trop"), "de" and a plural noun with no article, whose number is the verb's."""
    if first + 2 >= len(found) or found[first + 1].lower not in ("de", "d’"):
        return None
    adverb = found[first]
    if not adverb.has(":G:W") or adverb.is_adjective or adverb.is_noun:
        return None
    inner = noun_group(found, first + 2, bare=True)
    if inner is None or inner.number != "p":
        return None
    return NounGroup(first, inner.head, inner.end, inner.number, inner.genders, inner.plural_complement)


def _joined_in_complement(found: list[Token], conjunction: int) -> bool:
    """Whether what "et" (tokens[conjunction]) joins the next group to is no subject: a group that
    follows a preposition or a verb ("entre le switch", "des postes", "qui configure les
    serveurs"), which makes the next one a complement or an object too, or a pronoun ("Toi et ton
    collègue gérez": the person is the pronoun's)."""
    if conjunction > 0 and (found[conjunction - 1].has(":O1") or found[conjunction - 1].has(":O2")):
        return True
    before = _group_ending_at(found, conjunction)
    if before is None:
        return False
    first = found[before.first]
    if first.lower in _CONTRACTED or (before.first > 0 and found[before.first - 1].lower in _PREPOSITIONS):
        return True
    return _opening(found, before.first) is None


def subject_verb(card: CardText, speller: Speller) -> list[Issue]:
    """A verb in another person than the noun group that opens its clause (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for group, opening in _subjects(found):
            if opening == "start" and coordination(found, group.first) is not None:
                issues.extend(_coordinated_subjects(part, offset, found, group))
                continue
            index = _verb_after(found, group.end)
            if index >= len(found):
                continue
            verb = found[index]
            person = "3" + str(group.number)
            if not verb.known and found[group.head].lower not in NAMING_NOUNS:
                following = found[index + 1] if index + 1 < len(found) else None
                if following is not None and following.only_verb() and person in following.persons():
                    continue  # "Le droit execute permet": the verb follows, the word is a term's
                fixes = _sound_alike_verbs(verb, person, speller)
                if len(fixes) == 1:
                    message = f"verbe inconnu : « {fixes[0]} » s’accorde avec « {found[group.head].text} »"
                    issues.append(_issue(part, offset, verb, "unknown-verb", message, fixes))
                continue
            if not (_is_verb_here(found, index) or _after_adjective(found, group, index)) or person in verb.persons():
                continue
            if verb.has(":N") and verb_later(found, index + 1, person):
                continue  # "Des câbles longue distance relient": a noun of the group, its verb follows
            if verb.has(":N") and not verb.persons() & {"3s", "3p"}:
                continue  # "des CA racines son …": a noun whose verb readings ("tu racines") no noun subject takes
            if group.number == "s" and "3p" in verb.persons() and (opening == "coordinated" or group.plural_complement):
                continue  # "le câble et le port sont", "la plupart des postes sont"
            if opening == "coordinated" and not _joined_to_a_subject(found, group.first - 1):
                continue  # "qui configure les serveurs et les switchs vérifie": an object's second half
            fixes = conjugate(verb, person)
            if fixes:
                message = f"accord du verbe avec « {found[group.head].text} »"
                issues.append(_issue(part, offset, verb, "subject-verb", message, fixes))
        issues.extend(_unknown_joined_verbs(part, offset, found, speller))
    return issues


_CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?"})
_RELATIVES = frozenset({"qui", "que", "qu’", "dont", "où"})


def verb_later(found: list[Token], start: int, person: str) -> bool:
    """Whether the clause goes on, from tokens[start], to a verb of `person` that has no subject
    of its own: the verb of the subject before `start`. A relative clause's verb ("qu’on a
    choisis"), a verb after its own pronoun or after "et"/"puis", and participles are passed over
    ("Les postes pilotes, qu’on a choisis dans chaque service, reçoivent"): a word that is also a
    noun before that verb is the noun of the subject's group ("les postes pilotes"), not its verb."""
    relative = False
    for index in range(start, len(found)):
        token = found[index]
        if token.lower in _CLAUSE_ENDS:
            return False
        if token.lower in _RELATIVES:
            relative = True
            continue
        if token.has(":Q") or not (token.only_verb() or _auxiliary(token)):
            continue
        if not any(tense != "Is" for _, tense, _ in token.finite()):
            continue
        if relative:
            relative = False  # the relative clause's own verb
            continue
        before = index - 1
        while before >= start and found[before].lower in _NEGATION | _OBJECT_PRONOUNS:
            before -= 1
        if before >= start and (found[before].lower in _SUBJECT_PRONOUNS or found[before].lower in _CLAUSE_OPENERS):
            continue
        return person in token.persons()
    return False


def noun_before_its_verb(line: str, column: int, word: str) -> bool:
    """Whether the word at `column` (1-based) of `line` is a noun right after the noun group that
    opens its clause, whose own verb comes later (`verb_later`): "Les fichiers source du dépôt
    sont relus", "Le menu options de l’application permet" — an apposition or a complement, not
    the verb Grammalecte takes it for. False without Grammalecte."""
    from .grammar import engine

    checker = engine()
    if checker is None:
        return False
    found = tokens(line, Speller(engine=checker.getSpellChecker()))
    at = next((i for i, token in enumerate(found) if token.start == column - 1 and token.text == word), None)
    if at is None or not found[at].has(":N"):
        return False
    for group, _ in _subjects(found):
        if group.end == at and group.number is not None:
            return verb_later(found, at + 1, "3" + group.number)
    return False


def _unknown_joined_verbs(part: str, offset: int, found: list[Token], speller: Speller) -> list[Issue]:
    """ "Il télécharge les paquets et résoud les dépendances": an unknown word right after "et",
    "puis" or "ou" in a clause whose subject (a pronoun or a noun group that opens it) is followed by
    its conjugated verb shares that subject: the dictionary's form of its person that sounds like
    it (`_sound_alike_verbs`); so does an unknown word right after a subject pronoun that opens its
    clause ("nous déployont" -> 'déployons')."""
    issues = []
    for index in range(1, len(found)):
        token = found[index]
        if token.known or token.is_punctuation:
            continue
        pronoun = _SUBJECT_PRONOUNS.get(found[index - 1].lower)
        if pronoun is not None and _opening(found, index - 1) == "start":
            fixes = _sound_alike_verbs(token, pronoun, speller)  # "nous déployont" -> 'déployons'
            if len(fixes) == 1:
                message = f"verbe inconnu : « {fixes[0]} », après « {found[index - 1].text} »"
                issues.append(_issue(part, offset, token, "unknown-verb", message, fixes))
            continue
        if found[index - 1].lower not in ("et", "puis", "ou"):
            continue
        person = _clause_person(found, index - 1)
        if person is None:
            continue
        fixes = _sound_alike_verbs(token, person, speller)
        if len(fixes) == 1:
            message = f"verbe inconnu : « {fixes[0]} », du même sujet que le verbe avant « {found[index - 1].text} »"
            issues.append(_issue(part, offset, token, "unknown-verb", message, fixes))
    return issues


def _clause_person(found: list[Token], end: int) -> str | None:
    """The person of the clause that tokens[end] is in, where it opens with a subject (a pronoun or
    a noun group) and its conjugated verb in that person; None otherwise."""
    start = end
    while start > 0 and not found[start - 1].is_punctuation and found[start - 1].lower not in ("que", "qu’", "qui"):
        start -= 1
    if _opening(found, start) != "start":
        return None
    pronoun = _SUBJECT_PRONOUNS.get(found[start].lower)
    if pronoun is not None:
        person, subject_end = pronoun, start + 1
    else:
        group = noun_group(found, start)
        if group is None or group.number is None:
            return None
        person, subject_end = "3" + group.number, group.end
    verb = _verb_after(found, subject_end)
    if verb >= end or person not in found[verb].persons() or not _is_verb_here(found, verb):
        return None
    return person


_EACH = frozenset({"chaque", "aucun", "aucune", "nul", "nulle", "tout", "toute"})


def coordination(found: list[Token], index: int) -> NounGroup | None:
    """ "Le nom, la fonction et le numéro de téléphone du collaborateur": noun groups joined by
    commas and a last "et" from tokens[index], as one plural group, feminine only when each group
    is ("La capacité et la vitesse"), masculine when one is, unknown when a group's gender is.
    None where tokens[index] does not start such a list, or is inside one (its groups before it
    decide the gender); not for "chaque poste et chaque écran" (each one), nor heads that are also
    adverbs ("le plus simple et le plus rapide")."""
    if index >= 2 and found[index - 1].text == "," and _group_ending_before(found, index - 1):
        return None
    groups = []
    at = index
    while True:
        group = noun_group(found, at)
        if group is None or group.number is None or found[group.first].lower in _EACH or found[group.head].has(":W"):
            return None
        if group.end != getattr(_simple_group(found, at), "end", None):
            return None  # "L’installation des postes et des imprimantes": "et" may join complements
        end = group.end
        while end < len(found) and _bare_noun(found[end]):
            end += 1  # "les journaux système"
        groups.append(NounGroup(group.first, group.head, end, group.number, group.genders))
        if end >= len(found) or found[end].lower not in (",", "et") or len(groups) > 6:
            return None
        at = end + 1
        if found[end].lower == "et":
            last = noun_group(found, at)
            if last is None or last.number is None or found[last.first].lower in _EACH or found[last.head].has(":W"):
                return None
            groups.append(last)
            break
    genders = [_one_gender(group.genders) for group in groups]
    gender = frozenset() if None in genders else frozenset({"f"} if set(genders) == {"f"} else {"m"})
    return NounGroup(index, groups[-1].head, groups[-1].end, "p", gender)


def _bare_noun(token: Token) -> bool:
    """A noun after a noun that no verb nor adjective reading lets be more ("réseau", "système")."""
    return token.known and token.has(":N") and not token.finite() and not token.is_adjective and not token.has(":G")


def _group_ending_before(found: list[Token], end: int) -> bool:
    """Whether a noun group ends right before tokens[end], one that no preposition opening the
    clause holds ("Avec l’Assistance rapide, le technicien et …" opens with a complement, not a
    list)."""
    for first in range(end - 1, max(-1, end - 10), -1):
        group = noun_group(found, first)
        if group is not None and group.end == end:
            opener = first - 1
            if opener >= 0 and found[opener].lower in _PREPOSITIONS and _opening(found, opener) == "start":
                continue
            return True
    return False


def _coordinated_subjects(part: str, offset: int, found: list[Token], first: NounGroup) -> list[Issue]:
    """ "Le câble et le port fonctionne", "Le nom, la fonction et le numéro y figure": singular
    noun groups joined by "et" (`coordination`) take a plural verb; a plural group among them is
    `subject_verb`'s own case. After "y", "ne" or an object pronoun, a word that can be a
    conjugated verb is one."""
    joined = coordination(found, first.first)
    if joined is None:
        return []
    groups = [group for group, _ in _subjects(found) if first.first <= group.first < joined.end]
    if any(group.number != "s" for group in groups):
        return []
    end = joined.end
    index = _verb_after(found, end)
    if index >= len(found):
        return []
    verb = found[index]
    after_clitic = index > end and verb.finite() and not verb.has(":G:R")
    if not (_is_verb_here(found, index) or after_clitic):
        return []
    if "3p" in verb.persons() or "3s" not in verb.persons():
        return []
    fixes = conjugate(verb, "3p")
    if not fixes:
        return []
    message = f"accord du verbe avec « {found[first.head].text} … {found[joined.head].text} »"
    return [_issue(part, offset, verb, "subject-verb", message, fixes)]


def _joined_to_a_subject(found: list[Token], coordinator: int) -> bool:
    """Whether the noun group right before tokens[coordinator] ("et", "ou") opens its clause, so
    that the group after it is a subject's second half ("Le câble et les ports fonctionnent"), not
    an object's ("qui configure les serveurs et les switchs"), a complement's ("Le parc de trente
    postes et deux serveurs coûte") or a pronoun's ("Toi et ton collègue gérez")."""
    before = _group_ending_at(found, coordinator)
    return before is not None and _opening(found, before.first) == "start"


def _sound_alike_verbs(token: Token, person: str, speller: Speller) -> list[str]:
    """The dictionary's words for an unknown `token` that are conjugated in `person` and sound
    like it (slips of accent, doubled letter, an/en, i/y: "voyent" -> "voient"; a silent final
    consonant: "résoud" -> "résout"). An English word ("reference", "resource") is a term, a
    field's or a setting's name, not a French verb misspelt."""
    from .spelling import english_word, slip_distance

    if not token.text[:1].islower() or "-" in token.text or english_word(token.text):
        return []
    if re.search(r"é(?:e|s|es)?$", token.text):
        return []  # a participle's ending ("le module appellé"): no conjugated verb
    fixes = []
    for candidate in speller.suggestions(token.text):
        tagged = tokens(candidate, speller)
        if len(tagged) != 1 or person not in tagged[0].persons():
            continue
        if slip_distance(token.text, candidate) < 0.5 or _silent_ending(token.text, candidate):
            fixes.append(candidate)
    return fixes


_SILENT_FINALS = frozenset("dtsx")


def _silent_ending(typed: str, word: str) -> bool:
    """Whether two words differ only in a final consonant that is not heard ("résoud", "résout";
    "prent", "prend"): the verb's ending written by ear."""
    return (
        len(typed) == len(word)
        and typed[:-1].casefold() == word[:-1].casefold()
        and {typed[-1:].casefold(), word[-1:].casefold()} <= _SILENT_FINALS
    )


def qui_verb(card: CardText, speller: Speller) -> list[Issue]:
    """After "qui", a singular verb where the noun group right before is plural (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index, token in enumerate(found):
            if token.lower != "qui" or index == 0:
                continue
            antecedent = _group_ending_at(found, index)
            if found[index - 1].lower in ("ceux", "celles"):
                antecedent = NounGroup(index - 1, index - 1, index, "p", frozenset())  # "ceux qui"
            elif antecedent is None or antecedent.number != "p" or _is_complement(found, antecedent.first):
                continue
            elif found[antecedent.first].lower == "aux" or found[antecedent.first - 1].lower == "à":
                continue  # "Il demande aux utilisateurs qui utilise le poste": an indirect question
            elif _after_a_participle_and_preposition(found, antecedent.first):
                continue
            elif antecedent.first > 0 and found[antecedent.first].text[:1].isdigit() and _is_measure(found, antecedent):
                continue  # "une armoire au format 19 pouces qui regroupe": a measure, not what "qui" is
            verb_index = _verb_after(found, index + 1)
            if verb_index >= len(found) or not found[verb_index].finite():
                continue  # a word after "qui" that can be a verb is one ("qui reste", not "le reste")
            verb = found[verb_index]
            if "3p" in verb.persons() or "3s" not in verb.persons():
                continue
            fixes = conjugate(verb, "3p")
            if fixes:
                message = f"après « qui », accord avec « {found[antecedent.head].text} »"
                issues.append(_issue(part, offset, verb, "qui-verb", message, fixes))
    return issues


def _is_measure(found: list[Token], group: NounGroup) -> bool:
    """Whether a group that a number opens completes a noun before it ("au format 19 pouces", "un
    disque de 2 To"): a measure of that noun, which "qui" may be about as well."""
    before = found[group.first - 1]
    if group.first < 2:
        return False
    introduced = found[group.first - 2].has(":G:R") or found[group.first - 2].has(":G:D")
    noun = before.has(":N") and (not before.finite() or introduced)  # "de baie 19 pouces": 'baie' is no verb there
    return noun or before.has(":G:R")


def _after_a_participle_and_preposition(found: list[Token], first: int) -> bool:
    """Whether the group starting at tokens[first], or the first of the groups joined to it by
    et/ou, follows a participle and its preposition ("une solution installée sur les postes et les
    serveurs qui enregistre"): "qui" may then be about the noun the participle describes."""
    while first > 1 and found[first - 1].lower in ("et", "ou"):
        joined = _group_ending_at(found, first - 1)
        if joined is None:
            return False
        first = joined.first
    if first < 2:
        return False
    preposition, participle = found[first - 1], found[first - 2]
    return preposition.has(":G:R") and preposition.lower not in _DE and participle.has(":Q")


def _group_ending_at(found: list[Token], end: int) -> NounGroup | None:
    """The simple noun group (no complement) that ends right before tokens[end]."""
    for first in range(end - 1, max(-1, end - 6), -1):
        token = found[first]
        if token.lower in _CONTRACTED:
            group = _simple_group(found, first + 1, contracted=token)
        elif token.is_determiner:
            group = _simple_group(found, first)
        else:
            continue
        if group is not None and group.end == end:
            if first > 0 and found[first - 1].lower in ("tous", "toutes") and token.lower not in _CONTRACTED:
                first -= 1  # "tous les postes": the predeterminer belongs to the group
            if first > 0 and found[first - 1].lower in _DE and token.lower not in _CONTRACTED:
                first -= 1  # "des deux disques", "de ces postes": the group hangs on what is before "de"
            return NounGroup(first, group.head, group.end, group.number, group.genders)
        return None
    return None


def _is_complement(found: list[Token], first: int) -> bool:
    """Whether the group starting at tokens[first] may hang on a noun or a pronoun before it ("la
    liste des utilisateurs", "l’un des postes"): then "qui" may be about that one. Only a group
    that starts with "de" (des, du, d’) can: "les", "ces"… never follow the noun they complete."""
    if first == 0 or found[first].lower not in _DE:
        return False
    before = found[first - 1]
    return before.known and (before.is_noun or before.is_adjective or before.has(":G:O"))


def noun_for_verb(card: CardText, speller: Speller) -> list[Issue]:
    """A noun where its sound-alike verb is meant, after a subject and before an object."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for group, _ in _subjects(found):
            index = _verb_after(found, group.end)
            if index >= len(found):
                continue
            token = found[index]
            if not token.known or token.finite() or not token.has(":N") or token.lower[-1:] not in "aeiouéy":
                continue
            if not _object_follows(found, index):
                continue
            person = "3" + str(group.number)
            candidate = token.text + ("e" if group.number == "s" else "ent")
            tagged = tokens(candidate, speller)
            if len(tagged) != 1 or not any(
                tense == "Ip" and person in persons for _, tense, persons in tagged[0].finite()
            ):
                continue
            message = f"« {token.text} » est un nom : le verbe « {candidate} » ?"
            issues.append(_issue(part, offset, token, "noun-for-verb", message, [candidate]))
    return issues


def adjective_coordination(card: CardText, speller: Speller) -> list[Issue]:
    """ "une communication claire et régulier": the second of two coordinated adjectives disagrees."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index in range(2, len(found) - 1):
            if found[index].lower not in ("et", "ou"):
                continue
            before = index - 2
            while before > 0 and found[before].has(":W") and not found[before].is_adjective:
                before -= 1  # "une console déjà installée et paramétré"
            noun, first, second = found[before], found[index - 1], found[index + 1]
            if not (noun.known and noun.has(":N") and first.is_adjective and second.is_adjective):
                continue
            if any(lemma in ("être", "avoir") for lemma, _, _ in noun.finite()):
                continue  # "la salle est libre ou occupée": 'est' is the verb, no noun
            if second.finite() or second.is_determiner or any(":A:e:i" in morph for morph in second.morphs):
                continue  # an invariable reading: "noirs et marron", a colour named by a noun
            after = found[index + 2] if index + 2 < len(found) else None
            if after is not None and after.is_noun and not after.is_punctuation and not after.has(":G"):
                continue  # "claire et simple explication": another group may start ("dans" is no noun "dan")
            infinitive = index + 3 < len(found) and found[index + 3].has(":Y") and not found[index + 3].finite()
            if after is not None and (after.lower in _DE or (after.lower == "à" and not infinitive)):
                continue  # "neuve et haut de gamme", "simple et facile à l’œil": a phrase of its own
                # ("longues et faciles à retenir": before "à" and an infinitive, the adjective still agrees)
            if after is not None and after.is_adjective and not after.is_punctuation:
                continue  # "rouges et bleu foncé": a colour with its shade, invariable
            if second.has(":R"):
                continue  # "connues et sur les comportements": a preposition, not the adjective "sur"
            if second.is_noun and after is not None and after.has(":W"):
                continue  # "mal serti ou paires trop détorsadées": a noun its adverb and adjective follow
            if _after_a_preposition(found, before):
                continue  # "pour une durée limitée et enregistré", "au règlement intérieur et signée":
                # the second may describe the sentence's subject, which the complement hangs on
            if (
                before > 0
                and found[before - 1].lower in ("de", "d’")
                and not second.numbers(_ADJECTIVE_TAGS) & (noun.numbers(_NOUN_TAGS) | {"i"})
            ):
                continue  # "effacés de manière sécurisée ou détruits": a plural after a bare singular
                # noun describes what the clause is about ("de taille égale ou supérieur" agrees)
            group = _group_ending_at(found, before + 1)
            genders = group.genders if group is not None else noun.genders(_NOUN_TAGS)
            number = group.number if group is not None else _one(noun.numbers(_NOUN_TAGS))
            gender = _one_gender(_agreeing(genders, first.genders(_ADJECTIVE_TAGS)))
            if number is None or gender is None or not _agrees(first, gender, number):
                head = _head_of_bare_complement(found, before)
                if head is None:
                    continue
                number = head.number
                gender = _one_gender(_agreeing(head.genders, first.genders(_ADJECTIVE_TAGS)))
                if number is None or gender is None or not _agrees(first, gender, number):
                    continue
            if number == "p" and "p" not in first.numbers(_ADJECTIVE_TAGS):
                continue  # "les claviers anglais et allemand": one of each, unless the first says plural
            if _agrees(second, gender, number) or _invariable_colour(second, after):
                continue
            fixes = inflect(second, gender, number, speller)
            if fixes:
                message = f"accord avec « {noun.text} », comme « {first.text} »"
                issues.append(_issue(part, offset, second, "adjective-coordination", message, fixes))
    return issues


def _head_of_bare_complement(found: list[Token], noun: int) -> NounGroup | None:
    """The noun group whose bare complement tokens[noun] is ("des mots de passe", "les câbles
    d’alimentation"): "de" with no article makes one noun of the two, and the adjectives after the
    complement may be the head's ("des mots de passe courts et prévisibles"), as the first of
    two coordinated adjectives shows when it agrees with the head and not the complement."""
    if noun < 2 or found[noun - 1].lower not in ("de", "d’") or found[noun].is_determiner:
        return None
    return _group_ending_at(found, noun - 1)


def _after_a_preposition(found: list[Token], noun: int) -> bool:
    """Whether the noun at tokens[noun] heads a preposition's complement ("pour une durée", "au
    règlement", "dans le fichier"): its determiner is a contracted article or follows a preposition."""
    determiner = noun - 1
    if determiner < 0:
        return False
    if found[determiner].lower in ("au", "aux", "du"):
        return True
    preposition = determiner - 1
    return found[determiner].is_determiner and preposition >= 0 and found[preposition].has(":R")


def _invariable_colour(adjective: Token, after: Token | None) -> bool:
    """A colour that does not agree: a noun made a colour ("marron", "orange": the lexicon's
    invariable reading) or a colour with a shade after it ("bleu foncé", "vert clair")."""
    if any(":A" in morph and ":i" in morph for morph in adjective.morphs):
        return True
    return after is not None and after.is_adjective and not after.is_noun and any(";C" in m for m in adjective.morphs)


def adjective_complement(card: CardText, speller: Speller) -> list[Issue]:
    """ "les mots de passe trop court": an adjective after "noun de noun" agreeing with the second
    noun only, where the first is plural. A person decides: it may be the second that it describes."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for first in range(len(found)):
            group = _simple_group(found, first)
            if group is None or group.number != "p" or group.end + 2 >= len(found):
                continue
            if found[group.end].lower not in ("de", "d’"):
                continue
            inner = _simple_group(found, group.end + 1, bare=True)
            if inner is None or inner.number != "s":
                continue
            index = inner.head + 1
            while index < len(found) and found[index].has(":W") and not found[index].is_adjective:
                index += 1
            if index >= len(found) or not found[index].is_adjective:
                continue  # also a verb maybe ("court"): only a finding, a person reads it
            adjective = found[index]
            gender = _one_gender(group.genders)
            if gender is None or _agrees(adjective, gender, "p") or not _agrees(adjective, gender, "s"):
                continue
            fixes = inflect(adjective, gender, "p", speller)
            if fixes:
                message = f"accord avec « {found[group.head].text} » ou avec « {found[inner.head].text} » ?"
                issues.append(_issue(part, offset, adjective, "adjective-complement", message, fixes))
    return issues


def _one_gender(genders: frozenset[str]) -> str | None:
    found = genders - {"e"}
    return next(iter(found)) if len(found) == 1 else None


def _agrees(token: Token, gender: str, number: str) -> bool:
    """Whether one adjective reading of `token` agrees with gender and number. A reading that fits
    any ("hérité", the invariable participle of "hériter de") counts only where no other does."""
    features = [
        (match.group(1), match.group(2))
        for morph in token.morphs
        if any(tag in morph for tag in _ADJECTIVE_TAGS) and (match := re.search(r":([mfe]):([spi])", morph))
    ]
    specific = [feature for feature in features if feature != ("e", "i")] or features
    return any(found in (gender, "e") and count in (number, "i") for found, count in specific)


def inflect(token: Token, gender: str, number: str, speller: Speller) -> list[str]:
    """`token` (an adjective or a participle) in `gender` and `number`, by Grammalecte."""
    modules = _engine_modules()
    if modules is None:
        return []
    functions = modules[1]
    name = {"m": "suggMas", "f": "suggFem"}[gender] + {"s": "Sing", "p": "Plur"}[number]
    lemmas = {morph[1 : morph.index("/")] for morph in token.morphs if any(t in morph for t in _ADJECTIVE_TAGS)}
    fixes = []
    for candidate in str(getattr(functions, name)(token.text.casefold()) or "").split("|"):
        tagged = tokens(candidate, speller) if candidate else []
        if len(tagged) != 1 or not _agrees(tagged[0], gender, number):
            continue
        if lemmas & {morph[1 : morph.index("/")] for morph in tagged[0].morphs} and candidate not in fixes:
            fixes.append(_case_like(candidate, token.text))
    return fixes


def _subject_and_verb(found: list[Token], subject: int) -> tuple[str, int] | None:
    """The person of the subject (a pronoun or a noun group) at tokens[subject] and the index of
    the verb after it, for the clause a conjunction opens; None when there is neither."""
    if subject >= len(found):
        return None
    pronoun = _SUBJECT_PRONOUNS.get(found[subject].lower)
    if found[subject].lower in _INDEFINITE_SUBJECTS:
        person, end = "3s", subject + 1
        if [token.lower for token in found[end : end + 2]] in (["d’", "autre"], ["de", "plus"]):
            end += 2  # "pour que personne d’autre ne les lise"
    elif pronoun is not None:
        person, end = pronoun, subject + 1
    else:
        if found[subject].lower in _TOUT and subject + 1 < len(found):
            subject += 1  # "pour que tous les employés", "toute l’équipe": the group after the predeterminer
        group = noun_group(found, subject)
        if group is None or group.number is None:
            return None
        person, end = "3" + group.number, group.end
    verb_index = _verb_after(found, end)
    return (person, verb_index) if verb_index < len(found) else None


def subjunctive(card: CardText, speller: Speller) -> list[Issue]:
    """An indicative after a conjunction that asks for the subjunctive (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index, token in enumerate(found):
            if token.lower not in ("que", "qu’") or not _asks_subjunctive(found, index):
                continue
            clause = _subject_and_verb(found, index + 1)
            if clause is None or not found[clause[1]].finite():
                continue  # after "que" and its subject, a word that can be a verb is one
            person, verb_index = clause
            conjunction = " ".join(token.text for token in found[max(0, index - 1) : index + 1])
            for verb in (found[verb_index], *_coordinated_verbs(found, verb_index)):
                readings = [(tense, persons) for _, tense, persons in verb.finite() if person in persons]
                if not readings or any(tense in ("Sp", "Sq") for tense, _ in readings):
                    continue
                fixes = conjugate(verb, person, frozenset({"Sp"}))
                if len(fixes) == 1:
                    message = f"subjonctif après « {conjunction} »"
                    issues.append(_issue(part, offset, verb, "subjunctive", message, fixes))
    return issues


def _coordinated_verbs(found: list[Token], verb: int) -> Iterator[Token]:
    """Verbs joined to tokens[verb] by "et"/"ou" with the same subject, in the same clause: "que
    l’utilisateur retire la carte et la remet". A pronoun or "ne" after "et" marks the verb;
    a new subject or a punctuation mark ends the search."""
    for index in range(verb + 1, len(found)):
        token = found[index]
        if token.is_punctuation or token.lower in ("que", "qu’", "qui", "si", "s’"):
            return
        if token.lower not in ("et", "ou"):
            continue
        after = _verb_after(found, index + 1)
        if after == index + 1 or after >= len(found):
            continue  # no pronoun: "et les câbles", a noun group, may be an object
        if found[after].finite() and not found[after].has(":N"):
            yield found[after]  # after a pronoun, a participle reading is no option: "le reconstruit"


def _asks_subjunctive(found: list[Token], que: int) -> bool:
    """Whether the "que" at tokens[que] closes a conjunction that asks for the subjunctive."""
    before = [token.lower for token in found[max(0, que - 3) : que]]
    for words in _SUBJUNCTIVE_AFTER:
        if tuple(before[-len(words) :]) == words:
            return True
    if before and before[-1] == "bien":
        # "bien que" opens a clause; "il sait bien que", "si bien que" take the indicative
        opener = found[que - 2] if que >= 2 else None
        return opener is None or opener.is_punctuation or opener.lower in ("et", "mais")
    verb = que - 1
    while verb > 0 and (found[verb].has(":W") or found[verb].lower == "donc") and not found[verb].finite():
        verb -= 1  # "il faut donc que", "il faudra aussi que": adverbs between
    if verb >= 0 and _impersonal_falloir(found, verb):
        return True
    joined = que - 1 if que >= 1 and found[que - 1].lower in ("et", "ou") else None
    if joined is None and que >= 2 and found[que - 1].text == "," and found[que - 2].lower in ("et", "ou"):
        joined = que - 2
    return joined is not None and any(
        token.lower in ("que", "qu’") and _asks_subjunctive(found, at)
        for at, token in enumerate(found[:joined])
        if not any(mark.text in ".;:!?" for mark in found[at:joined] if mark.is_punctuation)
    )  # "il faut qu’il donne … ou qu’elle fasse": a "que" repeated after "et", "ou"


def _impersonal_falloir(found: list[Token], index: int) -> bool:
    """Whether tokens[index] is "falloir" ("il faut que", "faudrait que"): a form that is also a noun
    ("Faille qu’un attaquant peut exploiter", a flaw) is the verb only after its impersonal "il"
    (past "ne", "y": "il n’y faudra")."""
    token = found[index]
    if not any(">falloir/" in morph for morph in token.morphs):
        return False
    if not token.has(":N"):
        return True
    before = [t.lower for t in found[max(0, index - 3) : index] if t.lower not in ("ne", "n’", "y")]
    return bool(before) and before[-1] == "il"


def si_conditional(card: CardText, speller: Speller) -> list[Issue]:
    """ "Si l’utilisateur oublierait son mot de passe, …": after a "si" that opens a condition, the
    conditional takes the present ("oublie"), or the imperfect when the sentence's other verb is
    in the conditional; a future takes the present ("Si le disque sera plein" -> "est"). A "si"
    after a verb ("il demande si le client voudrait") asks a question, where the conditional is
    right: left alone."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index, token in enumerate(found):
            if token.lower not in ("si", "s’") or not _opens_condition(found, index):
                continue
            if _after_indirect_question(found, index):
                continue
            clause = _subject_and_verb(found, index + 1)
            if clause is None:
                continue
            person, verb_index = clause
            if token.lower == "s’" and _SUBJECT_PRONOUNS.get(found[index + 1].lower) not in ("3s", "3p"):
                continue
            verb = found[verb_index]
            readings = {tense for _, tense, persons in verb.finite() if person in persons}
            if readings not in ({"K"}, {"If"}):
                continue
            main_conditional = any(
                "K" in {tense for _, tense, _ in other.finite()} and other.only_verb()
                for other in found[verb_index + 1 :]
            )
            fixes = conjugate(verb, person, frozenset({"Iq" if main_conditional and readings == {"K"} else "Ip"}))
            if len(fixes) == 1:
                said = "conditionnel" if readings == {"K"} else "futur"
                message = f"pas de {said} après « si »"
                issues.append(_issue(part, offset, verb, "si-conditional", message, fixes))
    return issues


_QUESTION_WORDS = frozenset(
    {"si", "s’", "combien", "comment", "pourquoi", "où", "quel", "quelle", "quels", "quelles", "lequel", "laquelle"}
    | {"lesquels", "lesquelles", "qui"}
)
"""Words that open an indirect question right after a verb: "il demande si", "on ignore combien"."""


def _after_indirect_question(found: list[Token], index: int) -> bool:
    """Whether the "si" at tokens[index], after "et" or "ou", joins a second indirect question to
    one the sentence asked before it: "il demande combien durerait la panne et si elle serait
    facturée", "on se demande si X suffirait ou s’il faudrait Y". A question word right after a
    verb (conjugated or infinitive: "savoir quels postes"), or after the verb's preposition ("se
    demande à quelle heure"), opens the first; the conditional is right in both."""
    if index == 0 or found[index - 1].lower not in _COORDINATORS:
        return False
    for at in range(1, index - 1):
        verb = found[at - 2] if at > 1 and found[at - 1].lower in _PREPOSITIONS else found[at - 1]
        if found[at].lower in _QUESTION_WORDS and (verb.finite() or verb.has(":Y")):
            return True
    return False


def _opens_condition(found: list[Token], index: int) -> bool:
    if index == 0:
        return True
    before = found[index - 1]
    return before.is_punctuation or before.lower in ("et", "mais", "même", "sauf", "ou")


_PERSONAL = {"il": ("s", "m"), "elle": ("s", "f"), "ils": ("p", "m"), "elles": ("p", "f")}


@dataclass(frozen=True)
class _AfterEtre:
    """The word right after "être" (past "ne … pas" and adverbs) and the clause subject of "être"."""

    index: int
    head: Token
    genders: frozenset[str]
    number: str


def _after_etre(found: list[Token]) -> Iterator[_AfterEtre]:
    """Each word after a form of "être" whose subject opens the clause: il, elle, ils, elles, a
    noun group (not one after "et": "Le téléphone et ses applications sont …" has two) whose number
    "être" takes, or noun groups joined by "et" (`coordination`: plural); and no "se" before "être"
    (a reflexive verb, "ils se sont parlé", agrees otherwise)."""
    for index, token in enumerate(found):
        opening = _opening(found, index)
        if opening is None:
            continue
        if token.lower in _PERSONAL:
            number, gender = _PERSONAL[token.lower]
            genders, end, head = frozenset({gender}), index + 1, token
        else:
            group = coordination(found, index) or noun_group(found, index) if opening != "coordinated" else None
            if group is None or group.number is None:
                continue  # "La capacité et la vitesse … sont": `coordination`
            number, genders, end, head = group.number, group.genders, group.end, found[group.head]
        verb = _verb_after(found, end)
        if verb >= len(found) or any(t.lower in ("se", "s’") for t in found[end:verb]):
            continue
        if not any(lemma == "être" for lemma, _, _ in found[verb].finite()):
            continue
        if "3" + number not in found[verb].persons() and head is not token:
            continue  # "Une dizaine de postes sont concernés": "être" agrees elsewhere, or is the slip
        at = verb + 1
        while at < len(found) and (found[at].has(":W") or found[at].has(":G:X")) and _an_adverb_here(found, at):
            at += 1  # ne … pas, jamais, souvent, automatiquement
        if at < len(found):
            yield _AfterEtre(at, head, genders, number)


def _an_adverb_here(found: list[Token], at: int) -> bool:
    """Whether a word that may be an adverb is one after "être": it is no adjective, or a
    participle follows it ("sont vite bouchées": "vite" qualifies the participle)."""
    return not found[at].is_adjective or (at + 1 < len(found) and found[at + 1].has(":Q"))


def participle_agreement(card: CardText, speller: Speller) -> list[Issue]:
    """ "Ils sont hérité du dossier": a past participle after "être" agrees with the subject that
    opens the clause (see `_after_etre`)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for place in _after_etre(found):
            for participle in _participles(found, place.index):  # "mis" is the participle, not the past
                chosen = _one_gender(place.genders) or _one_gender(participle.genders((":Q",)))
                if chosen is None or _agrees(participle, chosen, place.number):
                    continue
                fixes = inflect(participle, chosen, place.number, speller)
                if len(fixes) == 1:
                    message = f"accord du participe avec « {place.head.text} »"
                    issues.append(_issue(part, offset, participle, "participle-agreement", message, fixes))
    return issues


def _participles(found: list[Token], index: int) -> Iterator[Token]:
    """The participle (or adjective, no noun: "sont accessibles") at `index` and those joined to
    it by "et", "ou", "puis" ("sont téléchargés puis supprimés"): each agrees with the subject of
    "être"."""
    while index < len(found) and (found[index].has(":Q") or _plain_attribute(found[index])):
        if _noun_with_adjective(found, index):
            return  # "sont partie prenante": a noun and its adjective, no participle
        yield found[index]
        if index + 2 >= len(found) or found[index + 1].lower not in ("et", "ou", "puis"):
            return
        index += 2


def _noun_with_adjective(found: list[Token], index: int) -> bool:
    """Whether tokens[index] is also a noun that the adjective after it agrees with ("partie
    prenante"), and the adjective is no participle: the noun reading is the one meant."""
    word = found[index]
    if not word.has(":N") or index + 1 >= len(found):
        return False
    following = found[index + 1]
    if not following.has(":A") or following.has(":Q") or following.has(":N") or following.finite():
        return False
    gender, number = _one_gender(word.genders(_NOUN_TAGS)), _one(word.numbers(_NOUN_TAGS))
    return gender is not None and number is not None and _agrees(following, gender, number)


def _plain_attribute(token: Token) -> bool:
    """An adjective that is no noun, no verb and no determiner ("lent", "accessible")."""
    return token.has(":A") and not token.has(":N") and not token.finite() and not token.has(":G")


def subject_choice(line: str, column: int, word: str, suggestions: tuple[str, ...]) -> str | None:
    """Of several agreements offered for the word after "être" at `column` (1-based) of `line`
    ("sont désactiver": 'désactivés' or 'désactivées'), the only one that agrees with the clause
    subject (`_after_etre`: "Les comptes inactifs depuis plus de 60 jours"); None otherwise."""
    from .grammar import engine

    checker = engine()
    if checker is None:
        return None
    speller = Speller(engine=checker.getSpellChecker())
    found = tokens(line, speller)
    for place in _after_etre(found):
        token = found[place.index]
        if token.start != column - 1 or token.text != word:
            continue
        gender = _one_gender(place.genders)
        if gender is None:
            return None
        agreeing = [
            fix
            for fix in suggestions
            if len(tagged := tokens(fix, speller)) == 1 and _agrees_only(tagged[0], gender, place.number)
        ]
        return agreeing[0] if len(agreeing) == 1 else None
    return None


def against_subject(line: str, column: int, word: str, fix: str) -> bool:
    """Whether a fix of the participle at `column` (1-based) of `line` takes a number that the
    clause's subject does not have: in "Les mises à jour critiques doit être installées" the
    participle agrees with the subject, and the verb "doit" is the slip, so making the participle
    agree with "doit" ('installée') would only spread it. False without Grammalecte, or where no
    subject that opens the clause leads to the participle through its verb and "être"."""
    from .grammar import engine

    checker = engine()
    if checker is None:
        return False
    speller = Speller(engine=checker.getSpellChecker())
    found = tokens(line, speller)
    at = next((i for i, token in enumerate(found) if token.start == column - 1 and token.text == word), None)
    fixed = tokens(fix, speller)
    if at is None or len(fixed) != 1:
        return False
    for group, opening in _subjects(found):
        if opening == "coordinated":
            continue  # "Le clavier et la souris sont livrés": the subject is both (`coordination`)
        group = coordination(found, group.first) or group
        verb = _verb_after(found, group.end)
        if verb >= at or not found[verb].finite() or not _through_etre(found[verb + 1 : at]):
            continue
        if group.number is None:
            return False
        numbers = fixed[0].numbers(_ADJECTIVE_TAGS) - {"i"}
        return bool(numbers) and group.number not in numbers
    return False


def _through_etre(between: list[Token]) -> bool:
    """Whether the words between a verb and a participle are "être" (its infinitive after a modal
    verb: "doit être") and adverbs only ("ne … pas", "jamais"), or nothing; or an attribute that
    "et" or "ou" joins the participle to ("sont toujours contigus et placés")."""
    for index, token in enumerate(between):
        if token.has(":W") or token.has(":G:X"):
            continue
        if token.lower in ("et", "ou") and index == len(between) - 1 and index > 0 and between[index - 1].is_adjective:
            continue
        if token.is_adjective and index + 2 == len(between) and between[-1].lower in ("et", "ou"):
            continue
        if not any(morph.startswith(">être/") for morph in token.morphs):
            return False
    return True


def _agrees_only(token: Token, gender: str, number: str) -> bool:
    """Whether `token` agrees with gender and number, and with no other gender."""
    other = "f" if gender == "m" else "m"
    return _agrees(token, gender, number) and not _agrees(token, other, number)


def verb_tenses(word: str) -> frozenset[str]:
    """The tenses ('Ip', 'If', 'K', 'Sp'…) `word` is a conjugated form in; empty without Grammalecte."""
    from .grammar import engine

    checker = engine()
    if checker is None or not word.strip():
        return frozenset()
    morphs = checker.getSpellChecker().getMorph(word.strip())
    return frozenset(tense for morph in morphs if ":V" in morph for tense in _FINITE.findall(morph))


def line_readings(engine: Any, line: str) -> list[Issue]:
    """What the agreement checks (this module's, `distant.py`'s and `inflection.py`'s) find in one
    line of text as a card's back: `review` asks it whether one of them makes the fix a finding of
    Grammalecte makes, which the proofreader keeps in their place when both make it."""
    from ..model import Card, Location
    from .distant import CHECKS as DISTANT_CHECKS
    from .inflection import CHECKS as INFLECTION_CHECKS

    source = Card(front="", back=line, location=Location("", 1), back_line=1)
    text = CardText(source, "", line)
    speller = Speller(engine=engine)
    return [issue for _, check in (*CHECKS, *DISTANT_CHECKS, *INFLECTION_CHECKS) for issue in check(text, speller)]


CHECKS = (
    ("subject-verb", subject_verb),
    ("qui-verb", qui_verb),
    ("noun-for-verb", noun_for_verb),
    ("adjective-coordination", adjective_coordination),
    ("adjective-complement", adjective_complement),
    ("subjunctive", subjunctive),
    ("si-conditional", si_conditional),
    ("participle-agreement", participle_agreement),
)
"""This module's checks, by rule name, for `rules.OWN_CHECKS`."""
