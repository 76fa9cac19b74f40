"""Homophones the grammar checker misses, told apart by the words around them.

Each check reads Grammalecte's lexicon (`speller.engine.getMorph`: word classes, number, finite
verb forms) and returns [] without Grammalecte. A check looks at one clause at a time: a stretch
of a sentence between punctuation and coordinating conjunctions (`_clause_start`), and decides
from what the clause can and cannot hold, never from a list of known sentences:

- `ou-où`: "ou" between a noun and a clause of its own, in a clause that already has its verb: a
  relative "où". The conjunction joins like with like ("un incendie ou un vol", "redémarrer ou
  réinstaller"), but also two clauses, of one subject or two ("Le poste démarre sur le disque ou se
  bloque au logo", "Il se déplace dans le bureau ou l’utilisateur apporte son portable"), which
  word classes cannot tell from a relative ("vers un faux site ou l’utilisateur saisit…"). So
  `ou-où` is only a pronominal verb whose subject follows it and ends the clause ("au port ou se
  trouve le destinataire."), "au cas ou" + a clause, or a question's "Ou se <verb>" ("Ou se
  trouve le fichier ?"); and `ou-où-ambigu` every other clause after "ou" (a subject noun group
  or pronoun and its verb; even after a noun of time: "à un autre moment ou l’utilisateur prend
  un poste de prêt" is an alternative), and "Ou" + another verb ("Ou est-ce la carte réseau ?"),
  for a person to choose; a pronoun that repeats the clause's own subject is an alternative ("Il
  réinitialise le mot de passe ou il installe…") and left alone; after an infinitive, "ou" before
  a pronominal verb and its subject is also `ou-où` ("savoir ou se trouve le serveur."): "ou"
  would join the infinitive to another infinitive, never to a conjugated verb with its subject;
  so is "ou" before a clause right after a noun that a relative must say which of: "l’endroit",
  "l’emplacement" after something ("voir l’endroit ou il se trouve"), a noun of time after "au",
  "du" or a preposition ("au moment ou", "dès le jour ou") or opening the sentence before a comma
  ("Le jour ou la licence expire, …"), "le cas" after something ("dans le cas ou"); and "et ou"
  before a pronominal verb or a subject pronoun and its verb ("… et ou se trouvent les
  sauvegardes"). A second noun of time or place after "ou" joins like with like ("le jour ou
  l’heure"). So is "ou" before a clause after "là" that a comma, "c’est" or nothing puts first
  ("la salle distante, là ou le son repart"), and before a clause whose verb says where a thing
  lies and is left without that place ("le dossier ou il se trouve.", "les serveurs ou elle est
  déposée"): "se trouver", "se situer", "être situé" need a place, which only the relative gives;
  a subject may be a number ("une situation ou deux routeurs se renvoient");
- `ou-où-inversion`: "ou" after a noun group or "là", before a verb whose subject follows and
  agrees with it: a pronominal verb of where things are ("ou se trouvent les serveurs qui…"), or
  "être" and a participle ("le partage ou sont stockés les disques"), or a verb that takes no
  direct object ("le point ou arrivent toutes les requêtes"): French inverts a noun
  subject in a relative, not in an alternative, whose verb shares the subject before "ou";
- `et-est-verbe`: "et" after a determiner and its noun that open a clause, before an adjective
  (after an adverb, or an adjective that cannot be a noun) that no noun nor verb follows in the
  clause ("Le switch et donc plus rapide"; not "Les comptes et surtout administrateurs ont…"): the
  clause lacks its verb, "est" (or "sont") was meant. Lists and fragments ("Gain
  de temps et meilleure qualité", "Le switch et le routeur") keep their "et";
  "qui et" before an adjective or a participle ("c’est elle qui et usée"), and "ce qui et" before
  anything ("ce qui et souvent peu"), are also "qui est"; so is
  "et" after a clause opener that demands a verb ("si", "quand", "que" with no comparison before,
  a sentence's "Plus"/"Moins" of a correlation and its second half) + determiner + noun, before
  an adjective ending the clause ("Plus le délai et long, plus…"); "que" after a negated verb
  opens such a clause ("il ne prouve pas que le site et honnête"), "ne … que" does not; so is
  "et" + an adverb + a noun group with no verb in the main clause after "Si …," ("la cause et
  probablement un pilote"), and "tout et" + a participle ("tout et autorisé");
- `et-est-définition`: a sentence of prose (not a list item) "Un/Une <noun> et le/la <noun> de …."
  with no verb at all ("Un problème et la cause de…"): a definition's "est"; `et-est-terme` when
  the card's question names the first noun and not the second (the answer defines what is asked;
  "Une sauvegarde et la restauration des données" may be a fragment naming two things; so may
  an answer under its question's noun: "Un onduleur et le câble USB." — both for a person);
- `son-sont`: "son" after a plural subject (two noun groups joined by "et" too, or "ne"; "que",
  "si", "quand" and "tous"/"toutes" may come first) and
  before what no possessive determiner can take: an adverb, a preposition, a plural adjective
  ("Les serveurs son souvent surchargés"); before a verb or "et" it is the noun ("les cartes son
  sont");
- `son-sont-adverbe`: "son", an adverb that is nothing else ("donc", "rarement"), then a plural
  past participle ("qui son rarement connectés"): no possessive takes that, whatever the subject;
- `ces-ses`: "ces propres …": "propre" before a noun is "own", which takes a possessive;
- `a-à`: "a" in a clause that already has a finite verb ("Il envoie le ticket a l’équipe", "pour se
  connecter a un poste"): a clause has one verb, so "a" is the preposition; or after adjectives
  with nothing that could be its subject ("Rapide et économique a la page"); never before a past
  participle, where "a" is the auxiliary ("Orange a installé"); or in an infinitive joined to
  another that a conjugated verb governs ("On peut annoter un document et envoyer les notes a
  tous"); an aside between commas after
  "qui" does not end the relative ("Le client qui, à son retour, rappelle le support a la
  priorité": "a" is the main verb);
- `on-ont`: "on" after a plural subject that opens the clause, before a word that is not a verb
  (nor "et", "/": "les boutons on/off"), in a clause with no other verb ("Les techniciens on
  accès"): "ont"; so is "qui on" after a plural noun group when no verb follows ("les comptes qui
  on accès"; not "à qui on parle");
- `on-ont-sujet`: "on" right after a plural noun group that opens a subordinate ("quand deux
  appareils on la même adresse", "que les comptes on accès"), with no verb after it: "ont";
- `c-est-s-est`: "<det> <noun> c’est <participle>" where the participle agrees with the noun
  ("Le technicien c’est trompé"), the group opening the clause or following "que", "si", "quand"
  ("que le poste c’est attribué une adresse"), or "tout" after one of them ("si tout c’est bien
  passé"): "s’est" (the normalizer's `s-est` takes "il
  c’est", "qui c’est");
- `peu-peut`: "peu" right after a subject (a subject pronoun, or a noun group that opens the
  clause with no verb) and before an infinitive ("on peu déléguer", "Les techniciens peu
  intervenir"): the verb "peut" ("peuvent", "peux" by the subject); the adverb takes adjectives,
  participles and "de" ("peu coûteux", "peu de temps"). Where Grammalecte reads the slip two ways
  ("on peu": "on peut" or "ont peu"), `review.neighbour_rivals` keeps the reading one of these
  checks makes too (`line_readings`);
- `peut-être`: "peut être" after a form of "être" or "avoir" ("le problème est peut être
  matériel"): a verb does not follow them, the adverb "peut-être" does; save "avoir" at the end of
  a relative ("L’expérience qu’il a peut être utile").

Grammalecte already flags "peu"/"peut", "ce"/"se" and most "on"/"ont"; these checks fill its gaps.
How often each is right is measured on the development chapters (bench/review_policy.py) and on
correct look-alikes (bench/proofread_eval.py --clean); the ones right every time and harmless on
correct text are in `policy.CERTAIN` (bench/README.md, "Homophone checks").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..model import Card, Location
from .spelling import Speller
from .text import BACK, FRONT, CardText, Issue

_TOKEN = re.compile(r"[^\W\d_]+['’]|[^\W\d_]+(?:-[^\W\d_]+)*|\d+|[^\w\s]")
_FINITE = re.compile(r":(?:I[psqf]|K|S[pq])(?::|/|$)")
_CLAUSE_PUNCTUATION = frozenset(',;:.!?()[]«»"…—–')
_SENTENCE_END = frozenset(".!?;:")
_COORDINATORS = frozenset({"et", "ou", "mais", "car", "donc", "puis", "or", "ni"})
_SUBORDINATORS = frozenset(
    {"qui", "que", "qu’", "dont", "où", "si", "quand", "lorsque", "lorsqu’", "comme", "puisque", "puisqu’"}
    | {"parce", "quoi", "combien", "comment", "pourquoi", "quel", "quelle", "quels", "quelles", "lequel"}
    | {"laquelle", "lesquels", "lesquelles", "quoique", "quoiqu’"}
)
"""Words that open another clause (a relative, a subordinate, a question): a finite verb before
one of them is not the verb of the clause that follows ("Un incident qui touche tous les postes a
un impact élevé")."""
_SUBJECT_PRONOUNS = frozenset({"il", "elle", "on", "ils", "elles", "je", "tu", "nous", "vous"})
_BEFORE_VERB = _SUBJECT_PRONOUNS | {"c’", "ne", "n’", "se", "s’", "y"}
"""Words after which a word that can be a finite verb is one ("c’est", "il ne ferme", "se rend")."""
_CLITICS = frozenset(
    {"le", "la", "les", "l’", "l'", "y", "en", "ne", "n’", "n'", "se", "s’", "s'", "lui", "leur", "me", "m’", "m'"}
    | {"te", "t’", "t'", "nous", "vous"}
)
_PLURAL_DETERMINERS = frozenset({"les", "des", "ces", "ses", "leurs", "nos", "vos", "mes", "tes", "plusieurs"})
_DETERMINERS = frozenset(
    {"le", "la", "l’", "l'", "les", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces", "son", "sa"}
    | {"ses", "leur", "leurs", "notre", "votre", "nos", "vos", "mon", "ma", "mes", "chaque", "plusieurs"}
)
_DEFINITE = frozenset({"le", "la", "l’", "l'"})
_AUXILIARIES = (">être/", ">avoir/")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.casefold().replace("'", "’")


class Lexicon:
    """Word classes from Grammalecte's dictionary, for the words of a clause."""

    def __init__(self, engine: object):
        self.engine = engine

    def morphs(self, word: str) -> tuple[str, ...]:
        return _morphs(self.engine, word.casefold().replace("’", "'").rstrip("'"))

    def has(self, word: str, tag: str) -> bool:
        return any(tag in morph for morph in self.morphs(word))

    def known(self, word: str) -> bool:
        return bool(self.morphs(word))

    def finite(self, word: str) -> bool:
        return any(_FINITE.search(morph) for morph in self.morphs(word))

    def only_finite(self, word: str) -> bool:
        """A conjugated verb and nothing else ("utilise", "suit"; not "touche", a noun too)."""
        morphs = self.morphs(word)
        return bool(morphs) and all(":V" in morph for morph in morphs) and self.finite(word)

    def nominal(self, word: str) -> bool:
        """A noun or an adjective: what may follow a determiner."""
        return any(":N" in morph or ":A" in morph for morph in self.morphs(word))

    def plural_only(self, word: str) -> bool:
        """A noun or adjective that is plural in every reading (":p", never ":s" nor ":i")."""
        nominal = [morph for morph in self.morphs(word) if ":N" in morph or ":A" in morph]
        return bool(nominal) and all(":p" in morph for morph in nominal)

    def adverb(self, word: str) -> bool:
        return any(":W" in morph for morph in self.morphs(word))


@lru_cache(maxsize=4096)
def _morph_cache(engine_id: int, word: str) -> tuple[str, ...]:
    engine = _ENGINES[engine_id]
    return tuple(engine.getMorph(word))  # type: ignore[attr-defined]


_ENGINES: dict[int, object] = {}


def _morphs(engine: object, word: str) -> tuple[str, ...]:
    _ENGINES.setdefault(id(engine), engine)
    return _morph_cache(id(engine), word)


def tokens(text: str) -> list[Token]:
    return [Token(match.group(), match.start(), match.end()) for match in _TOKEN.finditer(text)]


_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")


def _lines(card: CardText) -> Iterator[tuple[str, int, str, bool]]:
    """Each line of each part with protected spans, glossary terms and its list marker blanked
    (offsets kept), and whether it is a list item."""
    for part in (FRONT, BACK):
        text = card.blanked_terms[part]
        offset = 0
        for line in text.split("\n"):
            marker = _LIST_MARKER.match(line)
            blanked = " " * marker.end() + line[marker.end() :] if marker else line
            yield part, offset, blanked, marker is not None
            offset += len(line) + 1


def _sentences(line: str) -> Iterator[list[Token]]:
    sentence: list[Token] = []
    for token in tokens(line):
        sentence.append(token)
        if token.text in _SENTENCE_END:
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def _clause_start(sentence: list[Token], index: int) -> int:
    """Where the clause that holds `sentence[index]` starts: after the last punctuation mark or
    coordinating conjunction before it."""
    start = index
    while start > 0:
        previous = sentence[start - 1]
        if previous.text in _CLAUSE_PUNCTUATION or previous.lower in _COORDINATORS:
            break
        start -= 1
    return start


def _verb_at(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Whether the word at `index` is a finite verb here: it is nothing else ("utilise", "sont");
    or it follows a subject pronoun or "ne" ("il ferme", "c’est"); or it is a form of "être" or
    "avoir" whose other readings are nouns, after a noun ("le service est", but "l’est"). Any other
    verb that is also a noun may name the noun before it ("le mode veille", "le port console")."""
    word = sentence[index].text
    if not lexicon.finite(word):
        return False
    if lexicon.only_finite(word):
        return True
    previous = sentence[index - 1] if index > 0 else None
    if previous is None:
        return False
    if previous.lower in _BEFORE_VERB:
        return True
    morphs = lexicon.morphs(word)
    if not any(morph.startswith(_AUXILIARIES) and _FINITE.search(morph) for morph in morphs):
        return False
    others = [morph for morph in morphs if ":V" not in morph]
    if not all(":N" in morph and ":A" not in morph for morph in others):
        return False
    if previous.lower in _DETERMINERS or previous.text in _CLAUSE_PUNCTUATION or lexicon.has(previous.text, ":G"):
        return False
    return lexicon.nominal(previous.text) or not lexicon.known(previous.text)


def _relative_goes_on(lexicon: Lexicon, sentence: list[Token], start: int) -> bool:
    """Whether the clause starting at `start` follows "et"/"ou" after a relative pronoun: the verb
    there may be the relative's second one ("Le poste qui redémarre et perd le réseau a …"), so
    the main verb "a" may still come; not when the sentence's main verb came before the relative
    ("C’est un serveur, qui reçoit les requêtes et les transmet a un autre")."""
    if start == 0 or sentence[start - 1].lower not in ("et", "ou"):
        return False
    relative = next(
        (at for at in range(start - 2, -1, -1) if sentence[at].lower in ("qui", "que", "qu’", "dont")), None
    )
    return relative is not None and not _main_verb_before(lexicon, sentence, 0, relative)


def _main_verb_before(lexicon: Lexicon, sentence: list[Token], start: int, end: int) -> bool:
    """Whether `sentence[start:end]` holds a finite verb and nothing that opens another clause
    (then that verb is the clause's own: "Il envoie le ticket", not "qui touche tous les postes")."""
    verb = False
    for position in range(start, end):
        if sentence[position].lower in _SUBORDINATORS:
            return False
        verb = verb or _verb_at(lexicon, sentence, position)
    return verb


def _issue(part: str, offset: int, first: Token, last: Token, rule: str, message: str, fix: str) -> Issue:
    return Issue(part, offset + first.start, offset + last.end, "grammar", rule, message, (fix,))


def _same_case(fix: str, written: str) -> str:
    return fix[:1].upper() + fix[1:] if written[:1].isupper() else fix


@dataclass(frozen=True)
class Sentence:
    """A sentence of one line of a card, as tokens with offsets in the line."""

    lexicon: Lexicon
    part: str
    offset: int
    tokens: list[Token]
    in_list: bool


def _walk(card: CardText, speller: Speller) -> Iterator[Sentence]:
    if speller.engine is None:
        return
    lexicon = Lexicon(speller.engine)
    for part, offset, line, in_list in _lines(card):
        for sentence in _sentences(line):
            yield Sentence(lexicon, part, offset, sentence, in_list)


def _word(sentence: list[Token], index: int) -> Token | None:
    return sentence[index] if 0 <= index < len(sentence) else None


def ou_ou(card: CardText, speller: Speller) -> list[Issue]:
    """ "le port ou se trouve le destinataire": "ou" opening a clause after a noun."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "ou":
                continue
            if index == 0 and _question_verb(lexicon, sentence, 1):
                pronominal = sentence[1].lower in ("se", "s’")  # "Ou se trouve…": "Ou est-ce…" may be "or"
                message = "« Ou » devant un verbe ouvre une question : « Où » ?"
                rule = "ou-où" if pronominal else "ou-où-ambigu"
                issues.append(_issue(part, offset, token, token, rule, message, _same_case("où", token.text)))
                continue
            inverted = _opens_clause(lexicon, sentence, index + 1) == "inverted"
            if inverted and _infinitive_before(lexicon, sentence, index):
                message = "« ou » après un infinitif ouvre une proposition au sujet inversé : « où » ?"
                issues.append(_issue(part, offset, token, token, "ou-où", message, _same_case("où", token.text)))
                continue
            if _relative_after_place(lexicon, sentence, index) or _relative_after_named(lexicon, sentence, index):
                message = "« ou » ouvre une relative après un nom de lieu ou de situation : « où » ?"
                issues.append(_issue(part, offset, token, token, "ou-où", message, _same_case("où", token.text)))
                continue
            if _after_there(sentence, index) and _clause_after(lexicon, sentence, index + 1):
                message = "« là ou » devant une proposition : « là où » ?"
                issues.append(_issue(part, offset, token, token, "ou-où", message, _same_case("où", token.text)))
                continue
            if _after_noun_or_there(lexicon, sentence, index) and _place_left_open(lexicon, sentence, index + 1):
                message = "« ou » devant « se trouver » sans complément de lieu : la relative « où » ?"
                issues.append(_issue(part, offset, token, token, "ou-où", message, _same_case("où", token.text)))
                continue
            noun_at = index - 1
            if noun_at >= 0 and sentence[noun_at].text == ",":
                noun_at -= 1
            noun = _word(sentence, noun_at)
            if noun is None or not _noun_like(lexicon, sentence, noun_at):
                continue
            start = _clause_start(sentence, noun_at)
            in_case = noun.lower == "cas" and noun_at > 0 and sentence[noun_at - 1].lower == "au"  # au cas où
            if not in_case and not _main_verb_before(lexicon, sentence, start, noun_at):
                continue
            opened = _opens_clause(lexicon, sentence, index + 1)
            if not opened or (opened == "pronoun" and sentence[index + 1].lower == sentence[start].lower):
                continue  # "Il réinitialise le mot de passe ou il installe…": one subject, two clauses
            fix = _same_case("où", token.text)
            if opened == "inverted" or in_case:
                message = "« ou » ouvre ici une relative : « où » ?"
                issues.append(_issue(part, offset, token, token, "ou-où", message, fix))
            else:
                message = "« ou » ouvre une proposition après un nom : « où » (relative) ou « ou » (alternative) ?"
                issues.append(_issue(part, offset, token, token, "ou-où-ambigu", message, fix))
    return issues


def ou_ou_inversion(card: CardText, speller: Speller) -> list[Issue]:
    """ "le partage ou sont stockés les profils", "là ou se trouve le fichier": "ou" after a noun
    group (or "là") before a verb whose subject comes after it, agreeing with it (`_inverted_clause`).
    French puts a noun subject after its verb in a relative, not in a clause that "ou" joins: an
    alternative's verb shares the subject before "ou" ("Le poste démarre ou se bloque au logo") and
    what follows it is a complement, which the verb need not agree with."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "ou" or not _after_noun_or_there(lexicon, sentence, index):
                continue
            if not _inverted_clause(lexicon, sentence, index + 1):
                continue
            message = "« ou » devant un verbe suivi de son sujet ouvre une relative : « où » ?"
            issues.append(_issue(part, offset, token, token, "ou-où-inversion", message, _same_case("où", token.text)))
    return issues


def _after_there(sentence: list[Token], index: int) -> bool:
    """Whether "ou" at `index` follows the adverb "là" opening the sentence, after a comma or after
    "c’est" ("la salle distante, là ou le son repart dans le micro"; "C’est là ou…"): "là" names
    a place the clause after it says, "là où". After another verb "là" may be its attribute, and
    "ou" an alternative ("Le câble est là ou il est débranché")."""
    if index == 0 or sentence[index - 1].lower != "là":
        return False
    if index == 1 or sentence[index - 2].text == ",":
        return True
    return index >= 3 and sentence[index - 2].lower == "est" and sentence[index - 3].lower == "c’"


_WHERE_PARTICIPLES = frozenset({"situé", "située", "situés", "situées", "localisé", "localisée", "localisés"})
_WHERE_PARTICIPLES |= frozenset({"localisées", "déposé", "déposée", "déposés", "déposées"})
"""Participles of where a thing lies, which say nothing without that place; not "stocké" or
"installé", which also say a state ("les journaux sont stockés" rather than deleted)."""
_OPEN_PLACE_VERBS = frozenset({"trouver", "situer"})
_PLACE_ADVERBS = frozenset({"là", "ici", "ailleurs", "dessous", "dessus", "dedans", "dehors", "partout", "y", "loin"})


def _place_left_open(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """ "le dossier ou il se trouve.", "l’adresse ou la ressource se trouve maintenant", "les
    serveurs ou elle est déposée": a clause from `index` (a subject pronoun or noun group, its
    verb) whose verb says where a thing is ("se trouver", "se situer", "être situé/déposé/stocké")
    and ends with no place said, adverbs of time aside. Such a verb needs its place: the relative
    "où" gives it; an alternative "ou il se trouve" would leave it unsaid ("il se trouve bloqué"
    says a state, and stays for a person)."""
    position = index
    first = _word(sentence, position)
    if first is None:
        return False
    if first.lower in _SUBJECT_PRONOUNS:
        position += 1
    elif first.lower in _DETERMINERS:
        position += 1
        while (word := _word(sentence, position)) is not None and (
            word.lower in _GROUP_LINKS or word.lower in _DETERMINERS or lexicon.nominal(word.text)
        ):
            if word.lower in ("se", "s’") or _verb_at(lexicon, sentence, position):
                break
            position += 1
        if position == index + 1:
            return False
    else:
        return False
    word = _word(sentence, position)
    if word is None:
        return False
    if word.lower in ("se", "s’"):
        verb = _word(sentence, position + 1)
        if (
            verb is None
            or not lexicon.finite(verb.text)
            or not _lemma_of_verb_in(lexicon, verb.text, _OPEN_PLACE_VERBS)
        ):
            return False
        position += 2
    elif any(m.startswith(">être/") and _FINITE.search(m) for m in lexicon.morphs(word.text)):
        participle = _word(sentence, position + 1)
        if participle is None or participle.lower not in _WHERE_PARTICIPLES:
            return False
        position += 2
    else:
        return False
    while (word := _word(sentence, position)) is not None and word.text not in _CLAUSE_PUNCTUATION:
        if word.lower in ("que", "qu’"):
            return False  # "ou il se trouve que le disque est plein": the impersonal "it happens that"
        if word.lower in _COORDINATORS or word.lower in _SUBORDINATORS:
            break
        if word.lower in _PLACE_ADVERBS or not lexicon.adverb(word.text) or lexicon.nominal(word.text):
            return False
        position += 1
    return True


def _after_noun_or_there(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Whether "ou" at `index` follows "là", or a noun group (`_noun_like`), past a comma or an
    aside in parentheses ("le premier secteur (512 octets) ou…")."""
    position = index - 1
    if position >= 0 and sentence[position].text == ",":
        position -= 1
    if position >= 0 and sentence[position].text == ")":
        opening = next((p for p in range(position - 1, -1, -1) if sentence[p].text == "("), None)
        if opening is None:
            return False
        position = opening - 1
    if position < 0:
        return False
    if sentence[position].lower == "là":
        return position == 0 or sentence[position - 1].lower not in ("ou", "et", "ici")
    return _noun_like(lexicon, sentence, position)


def _inverted_clause(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A verb then its subject from `index`: "se/s’" and a finite verb, or a finite "être" and a
    past participle, then a noun group (`_inverted_subject`) whose number the verb (and the
    participle) shares: a plural verb for a plural group or two groups joined by "et"."""
    first = _word(sentence, index)
    if first is None:
        return False
    participle = None
    if first.lower in ("se", "s’"):
        verb = _word(sentence, index + 1)
        if (
            verb is None
            or not lexicon.only_finite(verb.text)
            or not _lemma_of_verb_in(lexicon, verb.text, _WHERE_VERBS)
        ):
            return False
        subject = index + 2
    elif any(m.startswith(">être/") and _FINITE.search(m) for m in lexicon.morphs(first.text)):
        verb, participle = first, _word(sentence, index + 1)
        if participle is None or not lexicon.has(participle.text, ":Q") or lexicon.finite(participle.text):
            return False
        subject = index + 2
    elif _intransitive_only(lexicon, first.text):
        verb, subject = first, index + 1  # "le point ou arrivent toutes les requêtes"
    else:
        return False
    group = _inverted_subject(lexicon, sentence, subject)
    if group is None:
        return False
    plural_verb = any(re.search(r":3p", m) for m in lexicon.morphs(verb.text) if _FINITE.search(m))
    singular_verb = any(re.search(r":3s", m) for m in lexicon.morphs(verb.text) if _FINITE.search(m))
    if plural_verb == singular_verb or (plural_verb and group == "singular") or (singular_verb and group != "singular"):
        return False
    if participle is None:
        return True
    return lexicon.plural_only(participle.text) == plural_verb


def _intransitive_only(lexicon: Lexicon, word: str) -> bool:
    """A finite verb and nothing else, that takes no direct object ("arrivent", "circulent",
    "aboutissent"; not "passent", "sortent"): a noun group right after it is its subject."""
    morphs = lexicon.morphs(word)
    if not morphs or not all(":V" in morph and _FINITE.search(morph) for morph in morphs):
        return False
    flags = [re.search(r":V\d(\w{2})(\w)", morph) for morph in morphs]
    return all(flag is not None and flag.group(1)[1] == "i" and flag.group(2) != "t" for flag in flags)


_WHERE_VERBS = frozenset(
    {"trouver", "situer", "loger", "cacher", "nicher", "tenir", "produire", "passer", "dérouler", "ranger"}
    | {"stocker", "placer", "afficher", "connecter", "enregistrer", "installer"}
)
"""Pronominal verbs of where a thing is or what happens there ("se trouve", "se produit"): their
subject follows them in a relative of place, and no object does ("se crée un compte" has one)."""


def _lemma_of_verb_in(lexicon: Lexicon, word: str, lemmas: frozenset[str]) -> bool:
    return any(morph.split("/", 1)[0].lstrip(">") in lemmas for morph in lexicon.morphs(word) if ":V" in morph)


def _preposition(lexicon: Lexicon, word: Token) -> bool:
    """A preposition ("avant", "pour", "dans"; not "de" nor "à", which link a noun's complement)."""
    return word.lower not in _GROUP_LINKS and lexicon.has(word.text, ":G:R")


_ADVERBIAL_NOUNS = frozenset({"fois", "cas", "plupart", "heure", "minute", "seconde", "an", "temps", "reste"})
"""Nouns of groups that say when or how often, not who ("une fois par jour", "le cas échéant", "la
plupart du temps"): after a verb they are complements, and "ou" may join that verb to another."""


def _inverted_subject(lexicon: Lexicon, sentence: list[Token], index: int) -> str | None:
    """A subject noun group at `index` that ends the clause, or a relative on it ("qui", "que",
    "dont"), or the main verb after the relative, or a preposition and its complement ("avant
    de…"), or joins another group by "et": "singular", "plural" (its determiner), or
    "several" (groups joined by "et"); None for anything else, and for a group of time or
    frequency ("le matin", "une fois par jour", "le cas échéant"), which may be an alternative's
    complement."""
    groups: list[str] = []
    position = index
    while True:
        first = _word(sentence, position)
        if first is not None and first.lower in ("tous", "toutes"):
            position += 1  # "toutes les requêtes"
            first = _word(sentence, position)
        if first is None or first.lower not in _DETERMINERS or first.lower in ("au", "aux", "du", "des"):
            return None
        noun = _word(sentence, position + 1)
        if noun is None or _lemma_in(lexicon, noun.text, _TIME_NOUNS | _ADVERBIAL_NOUNS):
            return None
        groups.append("plural" if first.lower in _PLURAL_DETERMINERS else "singular")
        position += 1
        while (word := _word(sentence, position)) is not None:
            ends = word.text in _CLAUSE_PUNCTUATION or word.lower in ("qui", "que", "qu’", "dont")
            if ends or (position > index + 1 and (lexicon.only_finite(word.text) or _preposition(lexicon, word))):
                return "several" if len(groups) > 1 else groups[0]  # the main verb after a relative
            if word.lower == "et":
                break
            if word.lower in ("de", "d’", "du", "des") or word.lower in _DETERMINERS:
                position += 1
                continue
            if not (lexicon.nominal(word.text) or not lexicon.known(word.text)) or _verb_at(
                lexicon, sentence, position
            ):
                return None
            position += 1
        if word is None:
            return "several" if len(groups) > 1 else groups[0]
        position += 1  # past "et": another group of the subject


_PLACE_NOUNS = frozenset(
    {"endroit", "lieu", "emplacement", "site", "zone", "salle", "local", "pièce", "bâtiment", "étage", "espace"}
    | {"page", "répertoire", "dossier", "réseau", "environnement", "plateforme", "base", "annuaire", "portail"}
    | {"situation", "état", "mode", "contexte", "processus", "procédure", "phase", "période", "moment", "instant"}
)
"""Nouns of a place, a container, a state or a process: what a relative "où" takes ("un dossier où
les fichiers sont stockés", "un état où seuls les pilotes de base sont chargés"). Not the things
and people of a clause of its own ("le poste", "le serveur", "le bureau" a person works at), nor
days and dates, which an alternative names as often ("un autre jour ou le client rappelle")."""
_SPECIFIED_NOUNS = frozenset({"endroit", "lieu", "emplacement"})
"""Nouns of place that say nothing until a relative says which ("montre l’endroit où…"): after
"le", "la" too."""
_GROUP_LINKS = frozenset({"de", "d’", "du", "des", "au", "aux", "à"})


def _relative_after_place(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """ "Le lien mène vers un faux site ou l’utilisateur saisit…", "C’est une zone du réseau, ou les
    serveurs sont placés": "ou" after the complement or attribute of the clause's verb, a noun of
    `_PLACE_NOUNS` (indefinite: a new place, the relative says which; or "l’endroit"), before a
    clause of another kind than the first: an impersonal one ("il faut"), or a state ("les étapes
    sont connues") after a clause that is no such state itself ("Le ticket est fermé dans l’heure
    ou le client est rappelé" offers two outcomes), or any clause after a definition ("X est un
    site interne ou les salariés…") or a direction ("vers une page ou…"). An alternative joins
    two clauses of one kind, or follows a complement of place or time ("dans le bureau ou
    l’utilisateur…", "à un autre moment ou…"), and stays for a person (`ou-où-ambigu`)."""
    end = index - 1 if index > 0 and sentence[index - 1].text == "," else index
    group = _complement_group(lexicon, sentence, end)
    if group is None:
        return False
    determiner, head, link = group
    if head.lower not in _PLACE_NOUNS and not _lemma_in(lexicon, head.text, _PLACE_NOUNS):
        return False
    specified = head.lower in _SPECIFIED_NOUNS and sentence[determiner].lower in _DEFINITE
    if sentence[determiner].lower not in ("un", "une") and not specified:
        return False
    opened = _opens_clause(lexicon, sentence, index + 1)
    if opened == "pronoun":
        return _impersonal(lexicon, sentence, index + 1)
    if opened != "subject":
        return False
    if link in ("être", "vers"):
        return True
    start = _clause_start(sentence, determiner)
    return _states(lexicon, sentence, index + 1) and not _states(lexicon, sentence, start)


_NAMED_TIMES = frozenset({"moment", "instant", "jour", "soir", "matin", "nuit", "semaine", "mois", "année"})
"""Nouns of time that a relative "où" says which of ("le jour où la licence expire")."""
_TIME_PREPOSITIONS = frozenset({"à", "dès", "depuis", "jusqu’", "jusqu'", "partir", "pendant", "après", "avant"})


def _relative_after_named(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """ "voir l’endroit ou il se trouve", "au moment ou l’utilisateur se connecte", "dans le cas ou
    le disque est plein", "… et ou se trouvent les sauvegardes": "ou" before a clause with its
    subject and verb, right after a noun group that names a place, a time or a case to be said
    (`_SPECIFIED_NOUNS` after a definite determiner; a noun of time after "au"/"du" or a
    preposition and "le", or opening the sentence with a comma after the clause; "cas" after any
    determiner), or right after "et" before a pronominal verb or a subject pronoun and its verb
    (an indirect question joined to a list: "et/ou" joins noun groups, not clauses). A noun group
    after "ou" with no verb is the alternative ("le lieu ou la date de l’incident")."""
    if index < 2 or not _clause_after(lexicon, sentence, index + 1):
        return False
    noun, determiner = sentence[index - 1], sentence[index - 2]
    if noun.lower == "et":
        return _opens_clause(lexicon, sentence, index + 1) in ("inverted", "pronoun") or _pronoun_clause(
            lexicon, sentence, index + 1
        )
    if noun.lower == "cas":
        return determiner.lower in _DETERMINERS and index >= 3  # "dans le cas ou…"; "Le cas ou la…" may list
    if determiner.lower in ("au", "du"):
        return noun.lower in _SPECIFIED_NOUNS | _NAMED_TIMES
    if determiner.lower not in _DEFINITE:
        return False
    if noun.lower in _SPECIFIED_NOUNS and index >= 3:
        return True  # "voir l’endroit ou…"; opening the sentence it may be a subject: "Le lieu ou la date manquent"
    if noun.lower not in _NAMED_TIMES:
        return False
    if index >= 3 and sentence[index - 3].lower in _TIME_PREPOSITIONS:
        return True
    if index != 2 or _like_noun_after(lexicon, sentence, index + 1):
        return False  # "Le jour ou l’heure de l’incident est noté": two subjects
    return any(token.text == "," for token in sentence[index + 2 :])


def _like_noun_after(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A noun of time, place or date after the determiner at `index`: "ou" joins like with like."""
    noun = _word(sentence, index + 1)
    likes = _NAMED_TIMES | _TIME_NOUNS | _PLACE_NOUNS | {"date", "heure", "durée", "lieu"}
    return noun is not None and (noun.lower in likes or _lemma_in(lexicon, noun.text, likes))


def _clause_after(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A clause with its subject and finite verb at `index` (`_opens_clause`, or a subject pronoun,
    object pronouns and its verb: "il se trouve")."""
    if _opens_clause(lexicon, sentence, index) is not None or _pronoun_clause(lexicon, sentence, index):
        return True
    return _group_then_verb(lexicon, sentence, index)


def _group_then_verb(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A determiner, a noun group with its complements ("la mise à jour", "le mot de passe"), then
    "ne" or a finite verb, before any punctuation: "le mot de passe a expiré"."""
    if (first := _word(sentence, index)) is None or first.lower not in _DETERMINERS:
        return False
    position = index + 1
    while (word := _word(sentence, position)) is not None and position < index + 9:
        previous = sentence[position - 1].lower
        if word.text in _CLAUSE_PUNCTUATION or word.lower in _COORDINATORS | _SUBORDINATORS:
            return False
        linked = previous in _DETERMINERS or previous in _GROUP_LINKS
        if word.lower in ("ne", "n’") or (not linked and _verb_at(lexicon, sentence, position)):
            return position > index + 1
        link = word.lower in _DETERMINERS or word.lower in _GROUP_LINKS
        if not (link or lexicon.nominal(word.text) or not lexicon.known(word.text)):
            return False
        position += 1
    return False


def _pronoun_clause(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A subject pronoun, object pronouns or "ne", then a finite verb: "il se trouve", "on y va"."""
    pronoun = _word(sentence, index)
    if pronoun is None or pronoun.lower not in _SUBJECT_PRONOUNS:
        return False
    position = index + 1
    while (word := _word(sentence, position)) is not None and word.lower in _CLITICS:
        position += 1
    verb = _word(sentence, position)
    return position > index + 1 and verb is not None and lexicon.finite(verb.text)


def _complement_group(lexicon: Lexicon, sentence: list[Token], end: int) -> tuple[int, Token, str] | None:
    """The noun group that ends right before `end` and follows the clause's verb, as (index of its
    determiner, its noun, what links it to the verb: "être" for an attribute, "vers", or "verbe"
    for a direct complement); None when no verb comes right before its determiner."""
    for determiner in range(end - 2, max(-1, end - 9), -1):
        word = sentence[determiner]
        if word.text in _CLAUSE_PUNCTUATION or word.lower in _COORDINATORS or word.lower in _SUBORDINATORS:
            return None
        if word.lower not in ("un", "une", "le", "la", "l’"):
            continue
        before = _word(sentence, determiner - 1)
        if before is None:
            return None
        if before.lower == "vers":
            link = "vers"
        elif _verb_at(lexicon, sentence, determiner - 1) or _verb_between_nouns(lexicon, sentence, determiner - 1):
            link = "être" if any(m.startswith(">être/") for m in lexicon.morphs(before.text)) else "verbe"
        else:
            continue
        head = _place_head(lexicon, sentence, determiner + 1, end)
        return (determiner, head, link) if head is not None else None
    return None


def _place_head(lexicon: Lexicon, sentence: list[Token], start: int, end: int) -> Token | None:
    """The noun of `_PLACE_NOUNS` among the words before a complement ("un faux site", "une zone
    du réseau"), when they are all nouns, adjectives or participles."""
    head = None
    for position in range(start, end):
        word = sentence[position]
        if word.lower in _GROUP_LINKS:
            break
        if not lexicon.nominal(word.text) or _verb_at(lexicon, sentence, position):
            return None
        if head is None and (word.lower in _PLACE_NOUNS or _lemma_in(lexicon, word.text, _PLACE_NOUNS)):
            head = word
    for position in range(start, end):  # the complement: nouns, adjectives, participles, links
        word = sentence[position]
        if word.lower in _GROUP_LINKS or word.lower in _DETERMINERS:
            continue
        if not (lexicon.nominal(word.text) or not lexicon.known(word.text)) or _verb_at(lexicon, sentence, position):
            return None
    return head


def _verb_between_nouns(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A finite verb that is a noun too ("montre", "compte") right after a noun and before a
    determiner: "L’écran montre l’endroit"; a noun does not follow a noun and open a noun group."""
    word, before = sentence[index], _word(sentence, index - 1)
    if before is None or not lexicon.finite(word.text) or not lexicon.has(before.text, ":N"):
        return False
    return before.lower not in _DETERMINERS and not lexicon.has(before.text, ":G")


def _impersonal(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """ "il faut", "il y a": a clause with the impersonal "il", no alternative to a noun's clause."""
    if sentence[index].lower != "il":
        return False
    verb = _word(sentence, index + 1)
    if verb is not None and verb.lower == "y":
        verb = _word(sentence, index + 2)
        return verb is not None and any(m.startswith(">avoir/") for m in lexicon.morphs(verb.text))
    return verb is not None and any(m.startswith(">falloir/") for m in lexicon.morphs(verb.text))


def _states(lexicon: Lexicon, sentence: list[Token], start: int) -> bool:
    """Whether the clause from `start` says a state: its first verb is "être" before a participle
    or an adjective ("les étapes sont connues", "le site est indisponible")."""
    for position in range(start, len(sentence)):
        word = sentence[position]
        if word.text in _CLAUSE_PUNCTUATION or (position > start and word.lower in _COORDINATORS):
            return False
        if _verb_at(lexicon, sentence, position):
            if not any(m.startswith(">être/") for m in lexicon.morphs(word.text)):
                return False
            following = _word(sentence, position + 1)
            while following is not None and lexicon.adverb(following.text) and not lexicon.nominal(following.text):
                position += 1
                following = _word(sentence, position + 1)
            return following is not None and (lexicon.has(following.text, ":Q") or lexicon.has(following.text, ":A"))
    return False


def _infinitive_before(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """An infinitive right before `index` ("savoir", "vérifier"; not the noun "le savoir"): a
    conjunction would join it to another infinitive, never to a conjugated verb and its subject."""
    word = _word(sentence, index - 1)
    if word is None or not lexicon.has(word.text, ":Y"):
        return False
    before = _word(sentence, index - 2)
    return before is None or before.lower not in _DETERMINERS


_TIME_NOUNS = frozenset(
    {"matin", "soir", "midi", "nuit", "jour", "lendemain", "veille", "semaine", "mois", "année", "week-end"}
    | {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "après-midi", "moment", "instant"}
)
"""Nouns of time, which follow a verb as a complement with no preposition ("se fige le matin")."""


def _lemma_in(lexicon: Lexicon, word: str, lemmas: frozenset[str]) -> bool:
    return any(morph.split("/", 1)[0].lstrip(">") in lemmas for morph in lexicon.morphs(word) if ":N" in morph)


def _question_verb(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A finite verb (after "se"/"s’") right at `index`: "Ou se trouve le serveur", "Ou est-il"."""
    word = _word(sentence, index)
    if word is not None and word.lower in ("se", "s’"):
        index += 1
        word = _word(sentence, index)
    if word is None:
        return False
    head = word.text.split("-")[0]
    return lexicon.only_finite(head) or any(
        morph.startswith(_AUXILIARIES) and _FINITE.search(morph) for morph in lexicon.morphs(head)
    )


def _noun_like(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A noun or adjective that ends a noun group opened by a determiner ("au port", "un processus
    standard"; not "redémarre tout seul"); a word the dictionary does not know counts right after
    a determiner ("le switch")."""
    word = sentence[index]
    if word.text in _CLAUSE_PUNCTUATION or word.lower in _SUBJECT_PRONOUNS or _verb_at(lexicon, sentence, index):
        return False
    if not lexicon.known(word.text):
        return index > 0 and sentence[index - 1].lower in _DETERMINERS
    if not (lexicon.has(word.text, ":N") or lexicon.has(word.text, ":A")):
        return False
    for position in range(index - 1, max(-1, index - 4), -1):
        before = sentence[position]
        if before.lower in _DETERMINERS:
            return True  # a determiner opens the noun group: "au port", "un processus standard"
        if before.text in _CLAUSE_PUNCTUATION or not (lexicon.nominal(before.text) or not lexicon.known(before.text)):
            return False
        if lexicon.has(before.text, ":G") or _verb_at(lexicon, sentence, position):
            return False
    return False


def _opens_clause(lexicon: Lexicon, sentence: list[Token], index: int) -> str | None:
    """Whether a clause with a subject and a finite verb starts at `index`: "inverted" for "se/s’
    <verb> <det>" (a pronominal verb, its subject after it), "subject" for "<det> <noun>
    [adjective] <verb>", "pronoun" for "<pronoun> <verb>"; None otherwise."""
    first = _word(sentence, index)
    if first is None:
        return None
    if first.lower in ("se", "s’"):
        verb = _word(sentence, index + 1)
        if verb is None or not lexicon.finite(verb.text):
            return None
        return "inverted" if _subject_ends_clause(lexicon, sentence, index + 2) else None
    if first.lower in _SUBJECT_PRONOUNS:
        verb = _word(sentence, index + 1)
        return "pronoun" if verb is not None and _verb_at(lexicon, sentence, index + 1) else None
    following = _word(sentence, index + 1)
    if first.lower in ("tous", "toutes") and following is not None and following.lower in _PLURAL_DETERMINERS:
        return _opens_clause(lexicon, sentence, index + 1)  # "toutes les requêtes arrivent"
    if first.lower not in _DETERMINERS and first.lower not in _NUMBERS and not first.text.isdigit():
        return None  # a determiner, or a number: "deux routeurs se renvoient"
    position = index + 1
    noun = _word(sentence, position)
    if noun is None or noun.text in _CLAUSE_PUNCTUATION:
        return None
    position += 1
    while (word := _word(sentence, position)) is not None and position <= index + 3:
        if word.text in _CLAUSE_PUNCTUATION:
            return None
        if _verb_at(lexicon, sentence, position) or (position == index + 2 and _noun_or_verb(lexicon, word.text)):
            return "subject"
        if word.lower in ("ne", "n’", "se", "s’") and (verb := _word(sentence, position + 1)) is not None:
            return "subject" if lexicon.finite(verb.text) else None  # "deux routeurs se renvoient"
        if not lexicon.nominal(word.text):
            return None
        position += 1
    return None


def _noun_or_verb(lexicon: Lexicon, word: str) -> bool:
    """A finite verb whose other readings are nouns ("tombe", "marche"): right after the subject's
    determiner and noun, the verb."""
    morphs = lexicon.morphs(word)
    others = [morph for morph in morphs if ":V" not in morph]
    return lexicon.finite(word) and all(":N" in morph and ":A" not in morph for morph in others)


def _subject_ends_clause(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Whether a noun group that can be a subject starts at `index` and ends the clause: "… se trouve
    le destinataire." An alternative's verb goes on with its complements ("ou se présente le matin à
    l’accueil", "ou se bloque au logo")."""
    first = _word(sentence, index)
    if first is None or first.lower not in _DETERMINERS or first.lower in ("au", "aux", "du"):
        return False
    noun = _word(sentence, index + 1)
    if noun is not None and _lemma_in(lexicon, noun.text, _TIME_NOUNS):
        return False  # "ou se présente le lendemain": a time complement, not a subject
    position = index + 1
    while (word := _word(sentence, position)) is not None and word.text not in _CLAUSE_PUNCTUATION:
        if word.lower in ("de", "d’", "du", "des"):
            position += 1  # a complement of the noun: "les journaux du serveur"
            continue
        if not (lexicon.nominal(word.text) or not lexicon.known(word.text)) or _verb_at(lexicon, sentence, position):
            return False
        position += 1
    return position > index + 1


_LINK_ADVERBS = frozenset({"donc", "alors", "ainsi"})


def et_est_verbe(card: CardText, speller: Speller) -> list[Issue]:
    """ "Le switch et donc plus rapide", "Un problème et la cause de…": a clause with no verb."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "et" or index == 0:
                continue
            if sentence[index - 1].lower == "qui":
                adjective = _adjective_after(lexicon, sentence, index + 1)
                after_ce = index > 1 and sentence[index - 2].lower == "ce"  # "ce qui" waits for its verb
                if adjective is not None or after_ce:
                    fix = "sont" if adjective is not None and lexicon.plural_only(adjective.text) else "est"
                    message = f"« qui » demande un verbe : « {fix} » ?"
                    issues.append(_issue(part, offset, token, token, "et-est-verbe", message, fix))
                continue
            noun = sentence[index - 1]
            start = _clause_start(sentence, index - 1)
            ranked = _ranked_pronoun(sentence, index + 1)
            if (
                ranked is not None
                and start == 0
                and _verbless_group(lexicon, sentence, 0, index)
                and not any(_plural_verb(lexicon, word.text) for word in sentence[index + 3 :])
            ):  # "Le poste et le seul qui reste allumé sont éteints": the two, a plural subject
                message = f"« et » entre un sujet et « {ranked} » qui le classe, sans verbe : « est » ?"
                issues.append(_issue(part, offset, token, token, "et-est-verbe", message, "est"))
                continue
            if noun.lower == "tout" and start == index - 1 and _participle_follows(lexicon, sentence, index + 1):
                message = "« tout » sujet, devant un participe : « est » ?"
                issues.append(_issue(part, offset, token, token, "et-est-verbe", message, "est"))
                continue
            subordinate = index >= 3 and _opens_a_verb_clause(sentence, start, index - 3)
            if (start != index - 2 and not subordinate) or sentence[index - 2].lower not in _DETERMINERS:
                continue  # a determiner and its noun open the clause: "Le switch et …", "Si le switch et …"
            if not _noun_after_determiner(lexicon, sentence, index - 1):
                continue
            plural = sentence[index - 2].lower in _PLURAL_DETERMINERS or lexicon.plural_only(noun.text)
            fix = "sont" if plural else "est"
            message = f"la phrase n’a pas de verbe : « {fix} » ?"
            if _verb_after(lexicon, sentence, index + 1):
                continue  # "Les comptes et surtout administrateurs ont …": the clause has its verb
            if (
                _adjective_follows(lexicon, sentence, index + 1)
                or (subordinate and _adjective_ends_clause(lexicon, sentence, index + 1))
                or (_main_clause_after_subordinate(sentence, start) and _adverb_then_group(lexicon, sentence, index))
            ):
                issues.append(_issue(part, offset, token, token, "et-est-verbe", message, fix))
            elif not found.in_list and start == 0 and _parallel_definition(card, found, index):
                message = f"la phrase n’a pas de verbe, comme la définition voisine en « {fix} » : « {fix} » ?"
                issues.append(_issue(part, offset, token, token, "et-est-parallèle", message, fix))
            elif not found.in_list and _definition(lexicon, sentence, start, index):
                rule = (
                    "et-est-terme"
                    if _defines_the_front(card, found, noun, sentence[index + 2])
                    else "et-est-définition"
                )
                issues.append(_issue(part, offset, token, token, rule, message, fix))
    return issues


_VERB_OPENERS = frozenset({"si", "quand", "lorsque", "lorsqu’", "comme", "puisque", "puisqu’", "que", "qu’"})
_CORRELATIVES = frozenset({"plus", "moins"})


def _demands_a_verb(sentence: list[Token], start: int) -> bool:
    """Whether the word at `start` opens a clause that must hold a conjugated verb: a subordinating
    conjunction ("si", "quand", "que"…), or "Plus"/"Moins" opening a sentence ("Plus le délai est
    court, plus…": each half of the correlation has its verb)."""
    word = sentence[start].lower
    return word in _VERB_OPENERS or (start == 0 and word in _CORRELATIVES)


_COMPARATIVES = frozenset({"plus", "moins", "aussi", "autant", "même", "tel", "telle", "si", "tant"})


def _opens_a_verb_clause(sentence: list[Token], start: int, at: int) -> bool:
    """Whether the word at `at` opens a clause that must hold a conjugated verb: `_demands_a_verb`
    where the clause starts; "que" inside a clause with no comparison before it ("il vérifie que
    le lien …"; not "aussi rapide que le SSD et …", where "que" compares, nor "ne … qu’au noir et
    blanc", where it restricts, nor before "au", "du"); "plus"/"moins" after a
    comma, in a sentence that opens with one (the correlation's second half: "…, plus le délai
    …")."""
    word = sentence[at].lower
    if at == start and _demands_a_verb(sentence, start):
        return True
    if word in ("que", "qu’"):
        subject = sentence[at + 1].lower not in ("au", "aux", "du", "des")
        restrictive = _restrictive_que(sentence, at)  # "n’ont droit qu’au noir"
        return subject and not restrictive and not any(token.lower in _COMPARATIVES for token in sentence[:at])
    return at == start and word in _CORRELATIVES and sentence[0].lower in _CORRELATIVES


_RANKS = frozenset({"seul", "seule", "unique", "premier", "première", "dernier", "dernière"})


def _ranked_pronoun(sentence: list[Token], index: int) -> str | None:
    """ "le seul", "la seule", "l’unique", "le premier" at `index` standing for a noun, a relative
    right after it ("le seul que l’utilisateur doit connaître"); None otherwise."""
    article, rank, relative = _word(sentence, index), _word(sentence, index + 1), _word(sentence, index + 2)
    if article is None or rank is None or relative is None or article.lower not in ("le", "la", "l’"):
        return None
    if rank.lower not in _RANKS or relative.lower not in ("qui", "que", "qu’"):
        return None
    return f"{article.text} {rank.text}" if article.lower != "l’" else article.text + rank.text


def _plural_verb(lexicon: Lexicon, word: str) -> bool:
    """A conjugated verb of the third person plural and nothing else ("sont", "restent")."""
    return lexicon.only_finite(word) and all(":3p" in morph for morph in lexicon.morphs(word) if _FINITE.search(morph))


def _verbless_group(lexicon: Lexicon, sentence: list[Token], start: int, end: int) -> bool:
    """Whether `sentence[start:end]` is one noun group that opens with a singular determiner and
    holds no verb: nouns, adjectives, names and "de"/"à" complements ("Le mot de passe maître")."""
    if end - start < 2 or sentence[start].lower not in _DETERMINERS or sentence[start].lower in _PLURAL_DETERMINERS:
        return False
    for position in range(start + 1, end):
        word = sentence[position]
        if word.lower in _GROUP_LINKS or word.lower in _DETERMINERS:
            continue
        if _verb_at(lexicon, sentence, position) or not (lexicon.nominal(word.text) or not lexicon.known(word.text)):
            return False
    return True


def _participle_follows(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A past participle at `index` that is no noun, infinitive nor conjugated verb ("autorisé",
    "interdit"): "tout et autorisé" lists nothing, "tout" is the subject of "est"."""
    word = _word(sentence, index)
    return word is not None and _participle_only(lexicon, word.text) and not lexicon.has(word.text, ":N")


_MAIN_OPENERS = frozenset({"si", "quand", "lorsque", "lorsqu’", "puisque", "puisqu’", "dès"})


def _main_clause_after_subordinate(sentence: list[Token], start: int) -> bool:
    """Whether the clause at `start` follows the comma that closes a subordinate opening the
    sentence ("Si le problème disparaît en mode sans échec, la cause …"): the main clause, which
    must hold a verb."""
    return start > 1 and sentence[start - 1].text == "," and sentence[0].lower in _MAIN_OPENERS


def _adverb_then_group(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """After "et" at `index`: an adverb that is nothing else ("probablement", "souvent"), then a
    determiner, and no word that can be a conjugated verb up to the end of the sentence: "la
    cause et probablement un pilote", a clause that wants its "est"."""
    adverb, determiner = _word(sentence, index + 1), _word(sentence, index + 2)
    if adverb is None or determiner is None or determiner.lower not in _DETERMINERS:
        return False
    if not lexicon.adverb(adverb.text) or lexicon.nominal(adverb.text) or lexicon.finite(adverb.text):
        return False
    return not any(_verb_at(lexicon, sentence, position) for position in range(index + 3, len(sentence)))


_NEGATIONS = frozenset({"pas", "plus", "jamais", "rien", "personne", "guère", "aucun", "aucune", "point"})


def _restrictive_que(sentence: list[Token], at: int) -> bool:
    """Whether "que" at `at` closes a "ne … que" ("n’ont droit qu’au noir et blanc"): a "ne" before
    it with no word of negation between them ("il ne prouve pas que le site…" opens a clause)."""
    negative = next((p for p in range(at - 1, -1, -1) if sentence[p].lower in ("ne", "n’")), None)
    return negative is not None and not any(token.lower in _NEGATIONS for token in sentence[negative + 1 : at])


def _adjective_ends_clause(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """An adjective (a noun too, maybe: "rapide") that is no participle and ends the clause."""
    word, after = _word(sentence, index), _word(sentence, index + 1)
    if word is None or after is None or after.text not in _CLAUSE_PUNCTUATION:
        return False
    return lexicon.has(word.text, ":A") and not lexicon.has(word.text, ":Q")


def _noun_after_determiner(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A noun after its determiner (or an unknown word there: "le switch")."""
    word = sentence[index]
    if not lexicon.known(word.text):
        return index > 0 and sentence[index - 1].lower in _DETERMINERS and word.text.isalpha()
    return lexicon.has(word.text, ":N")


def _adjective_follows(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """After "et": adverbs (or "donc"), then an adjective that no noun follows; with no adverb,
    an adjective that is no noun nor past participle (the `et-est` check takes participles)."""
    position = index
    adverbs = 0
    while (word := _word(sentence, position)) is not None and (
        word.lower in _LINK_ADVERBS or lexicon.adverb(word.text)
    ):
        adverbs += 1
        position += 1
    adjective = _word(sentence, position)
    if adjective is None or not lexicon.has(adjective.text, ":A"):
        return False
    if not adverbs and (lexicon.has(adjective.text, ":N") or lexicon.has(adjective.text, ":Q")):
        return False
    after = _word(sentence, position + 1)
    if after is None:
        return True
    if after.lower in ("de", "d’", "du", "des"):
        return False  # "Le meilleur et plus rapide des serveurs"
    return not (lexicon.nominal(after.text) or not lexicon.known(after.text))


def _adjective_after(lexicon: Lexicon, sentence: list[Token], index: int) -> Token | None:
    """The adjective or past participle after any adverbs at `index`, when it is no noun."""
    position = index
    while (word := _word(sentence, position)) is not None and lexicon.adverb(word.text):
        position += 1
    word = _word(sentence, position)
    if word is None or not lexicon.has(word.text, ":A") or lexicon.has(word.text, ":N"):
        return None
    return word


def _definition(lexicon: Lexicon, sentence: list[Token], start: int, index: int) -> bool:
    """ "Un problème et la cause inconnue d’un incident.": a sentence "Un/Une <noun> et le/la
    <noun> de …" with no finite verb anywhere, where a definition's "est" is missing (a list would
    not join an indefinite and a definite noun)."""
    if start != 0 or sentence[0].lower not in ("un", "une") or index != 2:
        return False
    article, noun = _word(sentence, index + 1), _word(sentence, index + 2)
    if article is None or noun is None or article.lower not in _DEFINITE or not lexicon.has(noun.text, ":N"):
        return False
    rest = sentence[index + 3 :]
    if sentence[-1].text != "." or not any(word.lower in ("de", "d’", "du", "des") for word in rest):
        return False
    return not any(_verb_at(lexicon, sentence, position) for position in range(len(sentence)))


_INDEFINITE = frozenset({"un", "une"})


def _parallel_definition(card: CardText, found: Sentence, index: int) -> bool:
    """ "Un incident est la manifestation d’une panne. Un problème et la cause de…": a sentence
    "<det> <noun> et <det> <noun> …" with no verb before its relatives, that goes on after the
    second noun, in a card where another sentence opens "<det> <noun> est <det> …" with a
    determiner of the same kind (both indefinite, or both definite): the card defines its terms one
    sentence each, and this one lost its "est". A list joins two things and ends there ("Un
    onduleur et le câble USB."), or has a verb ("Un routeur et le câble sont fournis")."""
    lexicon, sentence = found.lexicon, found.tokens
    if index != 2 or sentence[-1].text != "." or len(sentence) < 7:
        return False
    article, noun = sentence[3], sentence[4]
    if article.lower not in _DETERMINERS or not (lexicon.has(noun.text, ":N") or not lexicon.known(noun.text)):
        return False
    for position in range(len(sentence)):
        if sentence[position].lower in _SUBORDINATORS:
            break
        if _verb_at(lexicon, sentence, position):
            return False
    indefinite = sentence[0].lower in _INDEFINITE
    for other in _walk_card_sentences(card, found):
        if len(other) < 5 or other[2].lower != "est" or other[3].lower not in _DETERMINERS:
            continue
        if other[0].lower not in _DETERMINERS or (other[0].lower in _INDEFINITE) != indefinite:
            continue
        if lexicon.has(other[1].text, ":N") or not lexicon.known(other[1].text):
            return True
    return False


def _walk_card_sentences(card: CardText, found: Sentence) -> Iterator[list[Token]]:
    """The other sentences of the card's part that holds `found`."""
    for part, _, line, in_list in _lines(card):
        if part != found.part or in_list:
            continue
        for sentence in _sentences(line):
            if [token.text for token in sentence] != [token.text for token in found.tokens]:
                yield sentence


def _defines_the_front(card: CardText, found: Sentence, noun: Token, other: Token) -> bool:
    """Whether an answer's "Un <noun> et la <other> de …" defines a noun its question asks about:
    the question names the first noun and not the second (a question about both, "Sauvegarde et
    restauration", may be answered by a fragment naming both)."""
    if found.part != BACK:
        return False
    asked = {_singular(token.lower) for token in tokens(card.front)}
    return _singular(noun.lower) in asked and _singular(other.lower) not in asked


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def son_sont(card: CardText, speller: Speller) -> list[Issue]:
    """ "Les serveurs son souvent surchargés": "son" where no possessive can stand."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "son" or index == 0:
                continue
            after_ne = sentence[index - 1].lower == "ne"
            if not after_ne and not _ends_subject(lexicon, sentence, index - 1):
                continue  # "les réglages du son", "les problèmes de son": the noun
            if not after_ne and not _plural_subject_before(lexicon, sentence, index):
                continue
            if not after_ne and not _no_noun_can_follow(lexicon, sentence, index + 1):
                continue
            if _verb_after(lexicon, sentence, _after_attribute(lexicon, sentence, index + 1)):
                continue  # "les cartes son sur les postes fixes sont…": the clause has its verb
            message = "« son » ne peut pas être un déterminant ici : « sont » ?"
            issues.append(_issue(part, offset, token, token, "son-sont", message, "sont"))
    return issues


_COMPOUND_HEADS = frozenset({"carte", "cartes", "prise", "prises"})
"""Nouns that "son" names the kind of ("les cartes son"): the noun, not the verb, may follow them."""


def son_sont_adverbe(card: CardText, speller: Speller) -> list[Issue]:
    """ "Les postes son donc toujours alimentés", "qui son rarement connectés": "son", then an
    adverb, then a plural past participle is "sont", whatever the subject. A possessive takes a
    noun or an adjective of its own number, never an adverb such as "donc", "rarement" or
    "souvent" and a plural participle after it; the noun "son" after a preposition or a determiner
    ("le réglage du son", "de son") or naming a kind ("les cartes son") is left alone, and so is a
    clause whose verb follows ("… son souvent intégrées sont …")."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "son" or index == 0:
                continue
            previous = sentence[index - 1]
            if previous.text in _CLAUSE_PUNCTUATION or previous.lower in _DETERMINERS | _GROUP_LINKS:
                continue
            if lexicon.has(previous.text, ":G:R") or previous.lower in _COMPOUND_HEADS:
                continue
            position = index + 1
            while (word := _word(sentence, position)) is not None and _plain_adverb(lexicon, word):
                position += 1
            participle = _word(sentence, position)
            if position == index + 1 or participle is None:
                continue
            if not (lexicon.has(participle.text, ":Q") and lexicon.plural_only(participle.text)):
                continue
            if _verb_after(lexicon, sentence, position + 1):
                continue
            message = "« son » devant un adverbe et un participe pluriel : « sont » ?"
            issues.append(_issue(part, offset, token, token, "son-sont-adverbe", message, "sont"))
    return issues


def _plain_adverb(lexicon: Lexicon, word: Token) -> bool:
    """An adverb that is nothing else ("rarement", "toujours"), or "donc", "alors", "ainsi": no
    noun group goes on through it."""
    if word.lower in _LINK_ADVERBS:
        return True
    morphs = lexicon.morphs(word.text)
    return bool(morphs) and all(":W" in morph for morph in morphs)


def _after_attribute(lexicon: Lexicon, sentence: list[Token], index: int) -> int:
    """Past the adverbs and the plural past participle at `index` ("son définis"): the attribute
    of the missing "sont", which the lexicon also reads as a conjugated verb ("je définis")."""
    position = index
    while (word := _word(sentence, position)) is not None and lexicon.adverb(word.text):
        position += 1
    word = _word(sentence, position)
    if word is not None and lexicon.has(word.text, ":Q") and lexicon.plural_only(word.text):
        return position + 1
    return index


def _verb_after(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Whether a finite verb comes from `index` to the end of the clause (a relative excepted)."""
    for position in range(index, len(sentence)):
        word = sentence[position]
        if word.text in _CLAUSE_PUNCTUATION or word.lower in _COORDINATORS or word.lower in _SUBORDINATORS:
            return False
        if _verb_at(lexicon, sentence, position):
            return True
    return False


def _ends_subject(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """Whether the word at `index` may end a subject: "ils", "elles", or a noun or adjective that is
    no determiner nor preposition (after "du", "de", "son" is the noun or a possessive)."""
    word = sentence[index]
    if word.lower in ("ils", "elles"):
        return True
    if word.lower in _DETERMINERS or lexicon.has(word.text, ":G"):
        return False
    return lexicon.nominal(word.text) or not lexicon.known(word.text)


def _plural_subject_before(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A plural noun group (or "ils", "elles") that opens the clause and ends right before `index`."""
    previous = sentence[index - 1]
    if previous.lower in ("ils", "elles"):
        return True
    start = _clause_start(sentence, index - 1)
    if start < index - 2 and sentence[start].lower in _SUBJECT_OPENERS:
        start += 1  # "… et que les lignes suivantes son aussi des étoiles"
    if start < index - 2 and sentence[start].lower in ("tous", "toutes"):
        start += 1  # "toutes les lignes"
    opener = sentence[start]
    if start == index - 1 or opener.lower not in _DETERMINERS:
        return False
    if any(_verb_at(lexicon, sentence, position) for position in range(start, index)):
        return False
    if opener.lower in _PLURAL_DETERMINERS:
        return True
    # "Le serveur et le routeur son …": two noun groups joined by "et" open the sentence
    if start < 2 or sentence[start - 1].lower != "et":
        return False
    first = _clause_start(sentence, start - 2)
    return (
        first == 0
        and sentence[0].lower in _DETERMINERS
        and not any(_verb_at(lexicon, sentence, position) for position in range(0, start - 1))
    )


def _no_noun_can_follow(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """What follows cannot be the noun group of a possessive "son": after any adverbs, a word
    that is no noun or adjective, or a plural one; but not a verb nor "et"/"ou", after which
    "son" is the noun ("les cartes son sont")."""
    position = index
    while (word := _word(sentence, position)) is not None and lexicon.adverb(word.text):
        position += 1
    word = _word(sentence, position)
    if word is None or word.text in _CLAUSE_PUNCTUATION or not lexicon.known(word.text):
        return False
    if word.lower in _COORDINATORS or (lexicon.finite(word.text) and not lexicon.nominal(word.text)):
        return False  # "les cartes son sont", "les réglages son et vidéo": the noun "son"
    if lexicon.has(word.text, ":G:R"):
        return True  # a preposition ("sur", "dans": also an adjective and a noun, rarely)
    return not lexicon.nominal(word.text) or lexicon.plural_only(word.text)


def ces_ses(card: CardText, speller: Speller) -> list[Issue]:
    """ "chaque poste a ces propres paramètres": "propre(s)" before a noun means "own"."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence[:-2]):
            if token.lower != "ces" or sentence[index + 1].lower not in ("propres", "propre"):
                continue
            if not lexicon.has(sentence[index + 2].text, ":N"):
                continue
            fix = _same_case("ses", token.text)
            message = "« propres » devant un nom demande un possessif : « ses » (ou « leurs ») ?"
            issues.append(_issue(part, offset, token, token, "ces-ses", message, fix))
    return issues


def a_a(card: CardText, speller: Speller) -> list[Issue]:
    """ "Il envoie le ticket a l’équipe": a second verb in one clause, "à" meant."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.text != "a" or index == 0:
                continue
            start = _before_aside(lexicon, sentence, _clause_start(sentence, index))
            if sentence[index - 1].lower in _SUBJECT_PRONOUNS | {"y", "en", "n’", "l’", "m’", "t’"}:
                continue
            following = _word(sentence, index + 1)
            if following is not None and _participle_only(lexicon, following.text):
                continue  # "Orange a installé": the auxiliary, whatever the subject
            if _main_verb_before(lexicon, sentence, start, index) and not _relative_goes_on(lexicon, sentence, start):
                message = "la proposition a déjà son verbe : « à » ?"
            elif _only_adjectives(lexicon, sentence, start, index):
                message = "« a » sans sujet, après un adjectif : « à » ?"
            elif _after_object_relative(lexicon, sentence, index):
                message = "« a » après une relative complément du verbe, qui n’a pas de sujet : « à » ?"
            elif _in_infinitive_list(lexicon, sentence, start, index):
                message = "« a » dans un infinitif joint à un autre, sans sujet : « à » ?"
            else:
                continue
            issues.append(_issue(part, offset, token, token, "a-à", message, "à"))
    return issues


def _in_infinitive_list(lexicon: Lexicon, sentence: list[Token], start: int, index: int) -> bool:
    """Whether the clause from `start` to "a" at `index` is an infinitive and its complements,
    joined by "et", "ou" or a comma to an earlier infinitive that a conjugated verb governs ("On
    peut écrire dessus, annoter un document et envoyer les notes a tous"): the infinitives share
    that verb and its subject, so no subject is left for a verb "a". An infinitive that opens the
    sentence may be a subject ("Redémarrer le poste a un coût")."""
    if start < 2 or sentence[start - 1].lower not in ("et", "ou", ","):
        return False
    following = _word(sentence, index + 1)
    if following is None or not (following.lower in _DETERMINERS or following.lower in ("tous", "toutes")):
        return False
    if not _bare_infinitive(lexicon, sentence, start):
        return False
    if any(_verb_at(lexicon, sentence, position) for position in range(start + 1, index)):
        return False
    for position in range(start - 2, 0, -1):
        if _bare_infinitive(lexicon, sentence, position):
            return any(_verb_at(lexicon, sentence, before) for before in range(position))
    return False


def _bare_infinitive(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """An infinitive at `index` that is no noun after a determiner ("envoyer"; not "le savoir")."""
    word = sentence[index]
    if not lexicon.has(word.text, ":Y"):
        return False
    return index == 0 or sentence[index - 1].lower not in _DETERMINERS


def _before_aside(lexicon: Lexicon, sentence: list[Token], start: int) -> int:
    """Where the clause of `start` starts when the comma before it closes an aside with no verb
    that "qui" or "que" opened the clause before ("Le client qui, à son retour, rappelle le support
    a la priorité"): the relative goes on after the aside, and the main verb may still come."""
    if start < 3 or sentence[start - 1].text != ",":
        return start
    opening = next((at for at in range(start - 2, -1, -1) if sentence[at].text in _CLAUSE_PUNCTUATION), None)
    if opening is None or sentence[opening].text != "," or sentence[opening - 1].lower not in ("qui", "que", "qu’"):
        return start
    if any(_verb_at(lexicon, sentence, at) for at in range(opening + 1, start - 1)):
        return start
    return _clause_start(sentence, opening - 1)


def _after_object_relative(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """ "Il contient le code et ce qui est utile a son exécution": "a" after "qui" + "être" + an
    adjective or participle, whose antecedent ("ce", a noun group) follows the verb of the
    sentence's first clause: the relative ends a complement, so "a" has no subject left and is
    the preposition. "Le serveur qui est lent a un problème" opens its sentence: "a" is its verb;
    after "et" only "ce qui" goes on with the complements (a noun group there may open a clause)."""
    following = _word(sentence, index + 1)
    if following is None or not (following.lower in _DETERMINERS or lexicon.has(following.text, ":Y")):
        return False
    position = index - 1
    while position > 0 and lexicon.adverb(sentence[position].text) and not lexicon.nominal(sentence[position].text):
        position -= 1
    if position < 3 or not (lexicon.has(sentence[position].text, ":A") or lexicon.has(sentence[position].text, ":Q")):
        return False
    verb, relative = sentence[position - 1], sentence[position - 2]
    if relative.lower != "qui" or not any(m.startswith(">être/") for m in lexicon.morphs(verb.text)):
        return False
    pronoun = sentence[position - 3].lower == "ce"
    for before in range(position - 3, -1, -1):
        word = sentence[before]
        if word.text in _CLAUSE_PUNCTUATION or word.lower in _SUBORDINATORS:
            return False
        if word.lower in _COORDINATORS and not pronoun:
            return False  # "Il appelle et le poste qui est neuf a un problème": a clause of its own
        if _verb_at(lexicon, sentence, before):
            return True
    return False


def _participle_only(lexicon: Lexicon, word: str) -> bool:
    """A past participle that is no noun nor infinitive ("installé", "été"; "à" never comes before one)."""
    morphs = lexicon.morphs(word)
    return any(":Q" in morph for morph in morphs) and not any(":Y" in morph for morph in morphs)


def _only_adjectives(lexicon: Lexicon, sentence: list[Token], start: int, end: int) -> bool:
    """Whether `sentence[start:end]` is adjectives (and adverbs) with no determiner, pronoun or name
    before them: no subject for a verb "a" ("Rapide et économique a la page")."""
    words = sentence[start:end]
    if not words or not lexicon.has(words[-1].text, ":A"):
        return False
    for word in words:
        if word.lower in _DETERMINERS or word.lower in _SUBJECT_PRONOUNS or lexicon.has(word.text, ":G"):
            return False
        if word.text[:1].isupper():
            return False  # a name may be an adjective too: "Orange a une offre"
        if not (lexicon.has(word.text, ":A") or lexicon.adverb(word.text)):
            return False
    return True


def on_ont(card: CardText, speller: Speller) -> list[Issue]:
    """ "Les techniciens on accès": "on" after a plural subject, before what is not a verb."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower == "on" and index > 1 and sentence[index - 1].lower == "qui":
                if _plural_antecedent(lexicon, sentence, index - 1) and _no_verb_follows_on(lexicon, sentence, index):
                    message = "« qui » est le sujet, après un nom pluriel : « ont » ?"
                    issues.append(_issue(part, offset, token, token, "on-ont", message, "ont"))
                continue
            if token.lower != "on" or index == 0 or not _plural_subject_before(lexicon, sentence, index):
                continue
            if sentence[index - 1].lower in ("ils", "elles"):
                continue  # Grammalecte flags "ils on"
            following = _word(sentence, index + 1)
            if following is None or not following.text.isalpha() or following.lower in _CLITICS | _COORDINATORS:
                continue  # "les boutons on/off", "les boutons on et off": a name, not a verb
            if lexicon.finite(following.text) or not lexicon.known(following.text):
                continue
            if _verb_after(lexicon, sentence, index + 1):
                continue  # "Les voyants on … sont verts": the clause has its verb
            message = "« on » après un sujet pluriel : « ont » ?"
            issues.append(_issue(part, offset, token, token, "on-ont", message, "ont"))
    return issues


_NUMBERS = frozenset({"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "plusieurs", "quelques"})


def on_ont_sujet(card: CardText, speller: Speller) -> list[Issue]:
    """ "quand deux appareils on la même adresse", "vérifier que les applications on accès": "on"
    right after a plural noun group that opens a subordinate clause ("que", "quand", "si"…), before
    no conjugated verb (`_no_verb_follows_on`): the group is the subject, "on" its verb "ont". A
    noun group a comma does not close is no topic that "on" could take up ("Les postes, on les
    redémarre")."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "on" or index < 3 or not _subordinate_plural_group(lexicon, sentence, index):
                continue
            if not _no_verb_follows_on(lexicon, sentence, index) or _verb_after(lexicon, sentence, index + 1):
                continue
            message = "« on » après le sujet pluriel d’une subordonnée : « ont » ?"
            issues.append(_issue(part, offset, token, token, "on-ont-sujet", message, "ont"))
    return issues


def _subordinate_plural_group(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A plural determiner (or a number: "deux", "plusieurs"), then plural nouns and adjectives up
    to `index`, right after "que", "quand", "si", "lorsque" or "comme"."""
    position = index - 1
    while position > 0 and sentence[position].lower not in _PLURAL_DETERMINERS | _NUMBERS:
        word = sentence[position]
        if not lexicon.nominal(word.text) or not lexicon.plural_only(word.text):
            return False
        position -= 1
    if position < 1 or position == index - 1:
        return False
    return sentence[position - 1].lower in _VERB_OPENERS


def _plural_antecedent(lexicon: Lexicon, sentence: list[Token], qui: int) -> bool:
    """Whether the relative "qui" at `qui` follows a plural noun group ("les utilisateurs qui",
    "ceux qui"); after a preposition ("à qui on parle") "qui" is no subject."""
    previous = sentence[qui - 1]
    if previous.lower in ("ceux", "celles"):
        return True
    if not lexicon.has(previous.text, ":N") or lexicon.has(previous.text, ":G"):
        return False
    if lexicon.plural_only(previous.text):
        return True
    for position in range(qui - 2, max(-1, qui - 5), -1):
        word = sentence[position]
        if word.lower in _DETERMINERS:
            return word.lower in _PLURAL_DETERMINERS
        if not lexicon.nominal(word.text):
            return False
    return False


def _no_verb_follows_on(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """After "qui on", object pronouns and then no conjugated verb: "on" has no verb to be the subject
    of ("les utilisateurs qui on le droit"); "on" then is the verb "ont"."""
    position = index + 1
    while (word := _word(sentence, position)) is not None and word.lower in _CLITICS:
        position += 1
    word = _word(sentence, position)
    if word is None or not word.text.isalpha() or not lexicon.known(word.text) or word.lower in _COORDINATORS:
        return False
    return not lexicon.finite(word.text)


def peut_etre(card: CardText, speller: Speller) -> list[Issue]:
    """ "Le problème est peut être matériel": after "être" or "avoir", the adverb "peut-être"."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index in range(1, len(sentence) - 1):
            token, following = sentence[index], sentence[index + 1]
            if token.lower != "peut" or following.lower != "être" or following.start != token.end + 1:
                continue
            previous = sentence[index - 1].text
            morphs = lexicon.morphs(previous)
            if not any(morph.startswith(_AUXILIARIES) and _FINITE.search(morph) for morph in morphs):
                continue
            start = _clause_start(sentence, index - 1)
            if any(morph.startswith(">avoir/") for morph in morphs) and any(
                word.lower in ("que", "qu’") for word in sentence[start : index - 1]
            ):
                continue  # "L’expérience qu’il a peut être utile": "a" ends a relative, "peut" is the verb
            fix = _same_case("peut-être", token.text)
            message = "après « être » ou « avoir », l’adverbe « peut-être »"
            issues.append(_issue(part, offset, token, following, "peut-être", message, fix))
    return issues


def c_est_s_est(card: CardText, speller: Speller) -> list[Issue]:
    """ "Le technicien c’est trompé": after a subject noun group, "s’est" before a participle."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index in range(2, len(sentence) - 2):
            token, verb = sentence[index], sentence[index + 1]
            if token.lower != "c’" or verb.lower != "est":
                continue
            if _indefinite_subject(sentence, index):
                subject = "tout"  # "si tout c’est bien passé": "tout" agrees as a masculine singular
            else:
                determiner = _subject_determiner(lexicon, sentence, index)
                if determiner is None:
                    continue  # "<det> <noun> c’est": the noun group is the subject
                subject = sentence[determiner + 1].text
                if not lexicon.has(subject, ":N") or lexicon.has(subject, ":G"):
                    continue
            participle = (
                _adjective_after(lexicon, sentence, index + 2)
                or _participle_before_object(lexicon, sentence, index + 2)
                or _participle_after_adverb(lexicon, sentence, index + 2)
            )
            if participle is None or not _participle_only(lexicon, participle.text):
                continue
            if subject == "tout" and not lexicon.has(participle.text, ":m:s"):
                continue
            if subject != "tout" and not _agree(lexicon, subject, participle.text):
                continue  # "La sauvegarde, c’est fait": "fait" does not agree with "sauvegarde"
            fix = _same_case("s’est", token.text)
            message = "« c’est » après un sujet, devant un participe : « s’est » ?"
            issues.append(_issue(part, offset, token, verb, "c-est-s-est", message, fix))
    return issues


_OBJECT_OPENERS = frozenset({"sans", "du", "au", "aux", "de", "d’", "à", "avec", "sur", "dans", "pendant"})


def _participle_before_object(lexicon: Lexicon, sentence: list[Token], index: int) -> Token | None:
    """A past participle that is a noun too ("arrêté", "connecté") at `index`, when an object, a
    complement or an adverb follows it ("arrêté sans message", "retiré du domaine", "arrêté
    hier", "arrêté pour protéger"): the verb's participle."""
    word, following = _word(sentence, index), _word(sentence, index + 1)
    if word is None or following is None or not lexicon.has(word.text, ":Q"):
        return None
    if following.lower in _DETERMINERS | _OBJECT_OPENERS or lexicon.has(following.text, ":G:R"):
        return word
    return word if lexicon.adverb(following.text) and not lexicon.nominal(following.text) else None


def _participle_after_adverb(lexicon: Lexicon, sentence: list[Token], index: int) -> Token | None:
    """An adverb at `index` ("mal", "bien", "déjà"), then a past participle that is a noun too
    ("passée", "arrêté"): "c’est mal passé" after a subject is the pronominal verb's "s’est"."""
    adverb, word = _word(sentence, index), _word(sentence, index + 1)
    if adverb is None or word is None or not lexicon.adverb(adverb.text) or adverb.lower in _DETERMINERS:
        return None
    return word if lexicon.has(word.text, ":Q") else None


_SUBJECT_OPENERS = frozenset({"que", "qu’", "si", "quand", "lorsque", "lorsqu’", "comme", "puisque", "puisqu’", "car"})
"""Words after which a clause opens with its subject: "…que le poste c’est attribué…"."""


def _subject_determiner(lexicon: Lexicon, sentence: list[Token], index: int) -> int | None:
    """Where the determiner of a subject noun group right before "c’" at `index` stands: "<det>
    <noun>" or "<det> <noun> <name or adjective>" ("le service DHCP") opening the clause, or after
    a word that opens a clause with its subject ("que", "si", "quand"); None otherwise."""
    for determiner in (index - 2, index - 3):
        if determiner < 0 or sentence[determiner].lower not in _DETERMINERS:
            continue
        if determiner == index - 3:
            between = sentence[index - 1]
            if _verb_at(lexicon, sentence, index - 1) or not (
                lexicon.has(between.text, ":A") or not lexicon.known(between.text)
            ):
                return None
        opens = determiner == _clause_start(sentence, determiner)
        if opens or sentence[determiner - 1].lower in _SUBJECT_OPENERS:
            return determiner
        return None
    return None


def _indefinite_subject(sentence: list[Token], index: int) -> bool:
    """Whether the pronoun "tout" is the subject right before "c’" at `index`: after a word that
    opens a clause with its subject ("si tout c’est bien passé"); "tout, c’est…" puts a comma
    between them ("rien" would want "ne" too: a person writes that one)."""
    return sentence[index - 1].lower == "tout" and sentence[index - 2].lower in _SUBJECT_OPENERS


def _agree(lexicon: Lexicon, noun: str, participle: str) -> bool:
    """Whether some reading of `noun` and of `participle` share gender and number (":e" and ":i"
    match either)."""

    def readings(word: str, tag: str) -> set[tuple[str, str]]:
        found = set()
        for morph in lexicon.morphs(word):
            if tag not in morph:
                continue
            gender = next((g for g in ("m", "f", "e") if f":{g}" in morph.split(tag, 1)[1]), "e")
            number = next((n for n in ("s", "p", "i") if f":{n}" in morph.split(tag, 1)[1]), "i")
            found.add((gender, number))
        return found

    for gender, number in readings(noun, ":N"):
        for other_gender, other_number in readings(participle, ":Q"):
            if "e" not in (gender, other_gender) and gender != other_gender:
                continue
            if "i" not in (number, other_number) and number != other_number:
                continue
            return True
    return False


_PEUT_BY_SUBJECT = {"je": "peux", "tu": "peux", "ils": "peuvent", "elles": "peuvent"}


def peu_peut(card: CardText, speller: Speller) -> list[Issue]:
    """ "on peu déléguer", "Les techniciens peu intervenir": "peu" between a subject and an infinitive."""
    issues = []
    for found in _walk(card, speller):
        lexicon, part, offset, sentence = found.lexicon, found.part, found.offset, found.tokens
        for index, token in enumerate(sentence):
            if token.lower != "peu" or index == 0 or not _infinitive_after(lexicon, sentence, index + 1):
                continue
            previous = sentence[index - 1].lower
            if previous in _SUBJECT_PRONOUNS - {"nous", "vous"}:
                fix = _PEUT_BY_SUBJECT.get(previous, "peut")
            elif _subject_group_before(lexicon, sentence, index):
                plural = sentence[_clause_start(sentence, index - 1)].lower in _PLURAL_DETERMINERS
                fix = "peuvent" if plural or lexicon.plural_only(sentence[index - 1].text) else "peut"
            else:
                continue
            message = f"« peu » entre un sujet et un infinitif : « {fix} » ?"
            issues.append(_issue(part, offset, token, token, "peu-peut", message, fix))
    return issues


def _infinitive_after(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """An infinitive at `index`, after any object pronouns ("se connecter", "le faire"), that is no
    adjective nor participle ("peu coûteux", "peu utilisé" take the adverb)."""
    position = index
    while (word := _word(sentence, position)) is not None and word.lower in _CLITICS - {"ne", "n’", "n'"}:
        position += 1
    word = _word(sentence, position)
    if word is None or not lexicon.has(word.text, ":Y"):
        return False
    return not (lexicon.has(word.text, ":A") or lexicon.has(word.text, ":Q"))


def _subject_group_before(lexicon: Lexicon, sentence: list[Token], index: int) -> bool:
    """A noun group with no verb that opens the clause and ends right before `index` ("Le
    technicien", "Les postes du service"): the subject of the verb that should follow it."""
    start = _clause_start(sentence, index - 1)
    if start == index - 1 or sentence[start].lower not in _DETERMINERS:
        return False
    if not _ends_subject(lexicon, sentence, index - 1):
        return False
    return not any(_verb_at(lexicon, sentence, position) for position in range(start, index))


def line_readings(engine: object, line: str) -> list[Issue]:
    """What the checks of this module find in one line of text (as a card's back): `review` asks
    it which of two rival readings of Grammalecte the word classes confirm."""
    source = Card(front="", back=line, location=Location("", 1), back_line=1)
    text = CardText(source, "", line)
    speller = Speller(engine=engine)
    from .clause_homophones import CHECKS as CLAUSE_CHECKS  # they read this module's word classes
    from .link_homophones import CHECKS as LINK_CHECKS
    from .predicates import CHECKS as PREDICATE_CHECKS

    checks = (*HOMOPHONE_CHECKS, *PREDICATE_CHECKS, *CLAUSE_CHECKS, *LINK_CHECKS)
    return [issue for _, check in checks for issue in check(text, speller)]


HOMOPHONE_CHECKS = (
    ("ou-où", ou_ou),
    ("ou-où-inversion", ou_ou_inversion),
    ("et-est-verbe", et_est_verbe),
    ("son-sont", son_sont),
    ("son-sont-adverbe", son_sont_adverbe),
    ("ces-ses", ces_ses),
    ("a-à", a_a),
    ("on-ont", on_ont),
    ("on-ont-sujet", on_ont_sujet),
    ("peut-être", peut_etre),
    ("c-est-s-est", c_est_s_est),
    ("peu-peut", peu_peut),
)
"""The checks of this module, by rule name, in the order they run (appended to `rules.OWN_CHECKS`)."""
