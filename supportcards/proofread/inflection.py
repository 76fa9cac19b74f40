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
  of a verb in -éer that only its final accent tells from the present takes the present;
- `complement-adjective`: "une note de résolution clair": after "noun de noun" of one gender and
  number, an adjective that agrees with neither takes theirs (not where that group complements a
  noun before it: "Écran de la salle de réunion cassé"); a head of either gender in the lexicon
  takes its determiner's ("une page d’erreur personnalisé");
- `adjective-between`: "services critique concernés": between a noun and an adjective that agree,
  an adjective of the noun's gender in the other number (no noun that complements another:
  "les comptes utilisateur créés", "les câbles réseau branchés"; no invariable one: "audio");
- `tout-adjective`: "s’ouvrent toute seules": "tout" before a feminine adjective that begins with
  a consonant takes its gender and number ("tous seuls", "pas du tout sûre" are right);
- `plural-participle`: "des logiciels installé sur les postes": a plural determiner and noun, then
  a singular participle of the noun's gender before a preposition or the clause's end (not where
  a noun that group complements agrees with it: "le fichier des logiciels installé");
- `determiner-adjective`: "la vrai limite": between a determiner and a noun that agree, an
  adjective in another gender or number takes theirs (Grammalecte's other reading, "le vrai
  limite", changes the determiner and makes a new slip; `review.contested` keeps the one a check
  of ours confirms). Not "demi" and the other prefixes that stay invariable before their noun.
- `locution-adjective`: "une mise à jour majeur", "la prise en charge complet": a noun that is
  also its verb's feminine participle ("mise", "prise", "remise": a locution made from "mettre à
  jour", "prendre en charge"), "à" or "en", a noun with no determiner, then an adjective that
  agrees with that inner noun and not with the head: the locution is one noun, whose head is
  the first word, and the adjective takes its gender and number;
- `attribute-subject`: "l’image devient flou", "La restauration d’un gros volume peut être très
  lent": an adjective or a participle after être, devenir, rester, sembler or paraître (or after
  pouvoir or devoir and one of them), whose subject is a noun group that opens the clause, of one
  gender and one number that the verb shares, takes the head noun's gender and number, however far
  the group's complements or an incise between commas put it ("La clé privée, qui reste sur le
  poste, doit rester secret"), also after "et" that joins it to a clause with its own verb ("…
  est détecté et la définition maximale est limité"); not a word that a noun follows ("reste bon
  marché").
"""

from __future__ import annotations

import re

from .agreement import (
    _ADJECTIVE_TAGS,
    _DETERMINER_TAGS,
    _NOUN_TAGS,
    _PREPOSITIONS,
    Token,
    _agrees,
    _auxiliary,
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


def _shared(token: Token, classes: tuple[str, ...]) -> tuple[str, str] | None:
    """The one gender and number (no epicene nor invariable) of a word's readings of `classes`."""
    gender, number = _one_gender(token.genders(classes)), _one(token.numbers(classes))
    return (gender, number) if gender is not None and number is not None else None


def _determined(determiner: Token, noun: Token) -> tuple[str, str] | None:
    """The gender and number of a noun of either gender in the lexicon ("page", "poste", "mode":
    "le page", "la page") that its determiner tells ("une page", "le poste"): the determiner,
    written as meant, says which of the two nouns it is."""
    genders, number = noun.genders(_NOUN_TAGS), _one(noun.numbers(_NOUN_TAGS))
    told = _one_gender(determiner.genders(_DETERMINER_TAGS))
    if genders != {"e"} or number is None or told is None or not determiner.numbers(_DETERMINER_TAGS) & {number}:
        return None
    return told, number


def _free_adjective(token: Token) -> bool:
    """An adjective or participle that is no verb, number, determiner nor noun that complements
    another ("utilisateur", "client": `grammar.agent_noun`; "réseau" has no adjective reading)."""
    from .grammar import agent_noun

    if not token.known or (not token.has(":A") and not token.has(":Q")) or "i" in token.numbers(_ADJECTIVE_TAGS):
        return False  # "codecs audio": an adjective that may stay invariable
    return not (token.finite() or token.has(":G") or token.has(":B") or agent_noun(token.text))


def complement_adjective(card: CardText, speller: Speller) -> list[Issue]:
    """ "une note de résolution clair": after "noun de [determiner] noun" whose two nouns share one
    gender and one number, an adjective (adverbs maybe before it) that agrees with neither takes
    theirs: whichever it describes, the fix is the same."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index in range(1, len(found) - 3):
            determiner, head = found[index - 1], found[index]
            if not determiner.is_determiner or determiner.lower in ("de", "d’") or not head.has(":N"):
                continue
            if found[index + 1].lower not in ("de", "d’") or _complement_of_noun(found, index - 1):
                continue
            inner = index + 2
            if inner < len(found) and found[inner].is_determiner and found[inner].lower not in ("de", "d’"):
                inner += 1
            if inner + 1 >= len(found) or not found[inner].has(":N") or found[inner].has(":G"):
                continue
            features = _shared(head, _NOUN_TAGS) or _determined(determiner, head)
            if features is None or features != _shared(found[inner], _NOUN_TAGS):
                continue
            at = inner + 1
            while at < len(found) and _adverb(found[at]):
                at += 1
            if at >= len(found) or not _free_adjective(found[at]) or (found[at].has(":N") and found[at].has(":Q")):
                continue
            gender, number = features
            word = found[at]
            if not determiner.numbers(_DETERMINER_TAGS) & {number, "i"} or _agrees(word, gender, number):
                continue
            fixes = inflect(word, gender, number, speller)
            if len(fixes) == 1:
                message = f"accord avec « {head.text} de {found[inner].text} »"
                issues.append(_issue(part, offset, word, "complement-adjective", message, fixes))
    return issues


def _complement_of_noun(found: list[Token], determiner: int) -> bool:
    """Whether the group at tokens[determiner] complements a noun before it ("Écran de la salle de
    réunion cassé": the adjective may be the first noun's)."""
    before = found[determiner - 1] if determiner > 0 else None
    if before is None:
        return False
    if before.lower in ("de", "d’", "à"):
        return True
    return found[determiner].lower in ("des", "du", "au", "aux") and (before.is_noun or before.is_adjective)


def adjective_between(card: CardText, speller: Speller) -> list[Issue]:
    """ "services critique concernés": between a noun and an adjective that agree in gender and
    number, an adjective of the noun's gender in the other number takes the noun's number: both
    adjectives describe it. A noun that complements another ("les comptes utilisateur créés",
    "les câbles réseau branchés") keeps its own number and is left alone."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index in range(len(found) - 2):
            noun, word, after = found[index : index + 3]
            if noun.has(":Q") or after.has(":G") or not _group_opens(found, index):
                continue  # "câbles blindés bon marché"; "d’abord installés sur"
            features = _shared(noun, _NOUN_TAGS) if noun.known and not noun.has(":G") else None
            if features is None or (not _free_adjective(word) and not _noun_adjective_verb(word)):
                continue
            gender, number = features
            if (after.has(":N") and not after.has(":Q")) or not after.is_adjective or after.finite():
                continue
            if not _agrees(after, gender, number) or _agrees(word, gender, number):
                continue
            other = "s" if number == "p" else "p"
            if not _agrees(word, gender, other):
                continue
            fixes = inflect(word, gender, number, speller)
            if len(fixes) == 1:
                message = f"accord avec « {noun.text} », comme « {after.text} »"
                issues.append(_issue(part, offset, word, "adjective-between", message, fixes))
    return issues


def _group_opens(found: list[Token], index: int) -> bool:
    """Whether the noun at tokens[index] follows its determiner (not "de"), or opens a list item,
    a sentence or what follows a comma with no determiner ("services critique concernés")."""
    if index == 0:
        return True
    before = found[index - 1]
    return before.text in ",;:(" or (before.is_determiner and before.lower not in ("de", "d’"))


def _noun_adjective_verb(token: Token) -> bool:
    """A word that is an adjective and a noun in one entry and a verb besides ("critique"): between
    a noun and its adjective, the adjective."""
    from .grammar import agent_noun

    return (
        token.known
        and any(":N:A" in morph for morph in token.morphs)
        and "i" not in token.numbers(_ADJECTIVE_TAGS)
        and not agent_noun(token.text)
    )


_TOUT = {"tout": ("m", "s"), "toute": ("f", "s"), "toutes": ("f", "p")}
_TOUT_FORMS = {("m", "s"): "tout", ("m", "p"): "tout", ("f", "s"): "toute", ("f", "p"): "toutes"}


def tout_adjective(card: CardText, speller: Speller) -> list[Issue]:
    """ "s’ouvrent toute seules": "tout" before an adjective is an adverb that takes the gender and
    number of a feminine adjective that begins with a consonant ("toute seule", "toutes seules"),
    and stays "tout" before a masculine one ("tout seul", "tout neufs"). Only "toute"/"toutes"
    written against their adjective, or "tout" before a feminine one, are taken; "tous seuls" (all
    of them, alone) and "pas du tout sûre" (the locution) are right."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index in range(len(found) - 1):
            token, word = found[index], found[index + 1]
            if token.lower not in _TOUT or not word.known or not word.has(":A") or word.has(":Q") or word.finite():
                continue
            if index > 0 and (
                found[index - 1].lower in ("du", "en", "de", "après", "à") or found[index - 1].is_determiner
            ):
                continue
            if index + 2 < len(found) and found[index + 2].has(":N") and not found[index + 2].is_adjective:
                continue  # "toute petite entreprise": "toute" may be the determiner's slip; a person reads it
            features = _shared(word, _ADJECTIVE_TAGS)
            if features is None or word.lower[:1] in "aeiouyhéèêâàîôû":
                continue
            wanted = _TOUT_FORMS[features]
            if features == ("m", "p") and token.lower == "toutes":
                continue  # "toutes neufs": which word is the slip is unsure
            if wanted == token.lower or (token.lower == "tout" and features[0] == "m"):
                continue
            fix = _case_like(wanted, token.text)
            message = f"« tout » devant « {word.text} » s’accorde avec lui"
            issues.append(_issue(part, offset, token, "tout-adjective", message, [fix]))
    return issues


def plural_participle(card: CardText, speller: Speller) -> list[Issue]:
    """ "des logiciels installé sur les postes": a plural determiner, a plural noun, then a past
    participle of its gender in the singular, before its complement (a preposition) or the end of
    the clause, takes the plural: no noun of the group is singular. A noun this group complements
    ("le fichier des logiciels installé": the file may be what is installed) that the participle
    agrees with leaves it to a person."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index in range(len(found) - 3):
            determiner, noun, word, after = found[index : index + 4]
            if not determiner.is_determiner or determiner.numbers(_DETERMINER_TAGS) - {"i"} != {"p"}:
                continue
            features = _shared(noun, _NOUN_TAGS) if noun.known else None
            gender = _one_gender(noun.genders(_NOUN_TAGS)) or _one_gender(word.genders((":Q",)))
            if noun.numbers(_NOUN_TAGS) != frozenset({"p"}) or gender is None or (features is None and noun.has(":G")):
                continue
            if not word.has(":Q") or word.has(":N") or word.finite() or not _agrees(word, gender, "s"):
                continue
            if not (after.lower in _PREPOSITIONS or after.text in ",.;:)"):
                continue
            if _complements_agreeing(found, index, word):
                continue
            fixes = inflect(word, gender, "p", speller)
            if len(fixes) == 1:
                message = f"accord avec « {determiner.text} {noun.text} »"
                issues.append(_issue(part, offset, word, "plural-participle", message, fixes))
    return issues


def _complements_agreeing(found: list[Token], determiner: int, word: Token) -> bool:
    """Whether the group at tokens[determiner] complements a noun ("des", "de les", "aux") that
    `word` agrees with: that noun may be the one it describes."""
    before = determiner - 1 if found[determiner].lower in ("des", "aux", "du") else determiner - 2
    if before >= 0 and found[before].lower in ("de", "d’", "à"):
        before -= 1
    if (
        determiner - 1 >= 0
        and found[determiner].lower not in ("des", "aux")
        and found[determiner - 1].lower not in ("de", "d’", "à")
    ):
        return False
    while before >= 0 and (found[before].is_adjective and not found[before].has(":N")):
        before -= 1
    if before < 0 or not found[before].has(":N"):
        return False
    return any(
        _agrees(word, gender, number)
        for gender in found[before].genders(_NOUN_TAGS) - {"e"} or {"m", "f"}
        for number in found[before].numbers(_NOUN_TAGS) - {"i"} or {"s", "p"}
    )


_PREFIXES = frozenset({"demi", "mi", "semi", "nu"})
"""Adjectives that stay invariable before their noun, to which a hyphen joins them ("une demi-heure")."""


def determiner_adjective(card: CardText, speller: Speller) -> list[Issue]:
    """ "la vrai limite", "une bon solution": a determiner, an adjective before its noun, and a
    noun of one gender that the determiner agrees with: the adjective takes the gender and number
    of the two that agree (Grammalecte offers to change the determiner too, "le vrai limite",
    which makes a new slip). The word between them must be no noun the determiner fits."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index in range(len(found) - 2):
            determiner, word, noun = found[index : index + 3]
            if not determiner.has(":G:D") or determiner.lower in ("de", "d’", "des", "du") or determiner.lower in _TOUT:
                continue
            if determiner.lower == "tous":
                continue  # "la salle tout entière": an adverb, no determiner of what follows
            if not word.known or not word.has(":A") or word.finite() or word.has(":G") or word.has(":B"):
                continue
            if "i" in word.numbers(_ADJECTIVE_TAGS) or word.lower in _PREFIXES:
                continue
            features = _shared(noun, _NOUN_TAGS) if noun.known and not noun.has(":G") else None
            if features is None:
                continue  # after a determiner and an adjective, a word that is a verb too is the noun
            gender, number = features
            determiner_genders = determiner.genders((":G:D",))
            if not determiner_genders & {gender, "e"} or not determiner.numbers((":G:D",)) & {number, "i"}:
                continue
            word_genders = word.genders(_NOUN_TAGS)
            if word.has(":N") and ("e" in determiner_genders | word_genders or word_genders & determiner_genders):
                continue  # "la date limite", "l’utilisateur donne": a noun the determiner fits
            if _auxiliary(noun):
                continue  # "est", the east, is the verb
            if _agrees(word, gender, number):
                continue
            fixes = inflect(word, gender, number, speller)
            if len(fixes) == 1:
                message = f"accord avec « {determiner.text} … {noun.text} »"
                issues.append(_issue(part, offset, word, "determiner-adjective", message, fixes))
    return issues


_LOCUTION_LINKS = frozenset({"à", "en"})


def locution_adjective(card: CardText, speller: Speller) -> list[Issue]:
    """An adjective after a locution noun ("mise à jour") agreeing with its inner noun (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index in range(1, len(found) - 3):
            head, link, inner = found[index : index + 3]
            if not found[index - 1].is_determiner or not _locution_head(head) or link.lower not in _LOCUTION_LINKS:
                continue
            features = _shared(head, _NOUN_TAGS)
            inner_features = _shared(inner, _NOUN_TAGS) if inner.known and not inner.has(":G") else None
            if features is None or inner_features is None:
                continue
            at = index + 3
            while at < len(found) and _adverb(found[at]):
                at += 1
            if at >= len(found) or not _attribute_word(found[at]):
                continue
            word = found[at]
            gender, number = features
            if _agrees(word, gender, number) or (inner_features != features and not _agrees(word, *inner_features)):
                continue
            fixes = _adjective_fixes(word, gender, number, speller)
            if len(fixes) == 1:
                message = f"accord avec « {head.text} {link.text} {inner.text} », dont « {head.text} » est le nom"
                issues.append(_issue(part, offset, word, "locution-adjective", message, fixes))
    return issues


def _attribute_word(token: Token) -> bool:
    """An adjective or a participle, no verb, number nor determiner, that varies in gender or number."""
    if not token.known or not token.is_adjective or any(":e:i" in morph for morph in token.morphs):
        return False  # "audio": an adjective that stays as it is ("coûteux", ":m:i", has a feminine)
    return not (token.finite() or token.has(":G") or token.has(":B"))


def _adjective_fixes(word: Token, gender: str, number: str, speller: Speller) -> list[str]:
    """`inflect`, except for a noun that serves as an adjective ("client", "utilisateur":
    `grammar.agent_noun`), whose feminine names another person; the adjectives in -eur whose
    feminine adds an e ("majeur", "supérieur") are kept."""
    from .grammar import agent_noun

    fixes = inflect(word, gender, number, speller)
    if agent_noun(word.text) and not all(fix.casefold().endswith(("eure", "eures")) for fix in fixes):
        return []
    return fixes


def _locution_head(token: Token) -> bool:
    """A noun that is also the feminine past participle of a verb ("mise", "prise", "remise",
    "montée"): the head of a locution made from that verb and its complement ("mettre à jour")."""
    return token.known and token.has(":N:f") and any(":Q" in morph and ":f:" in morph for morph in token.morphs)


def plural_adjective(card: CardText, speller: Speller) -> list[Issue]:
    """ "les données personnel sont": after a plural determiner and its plural noun, a singular
    word that the lexicon has as an adjective of its own ("personnel", "local", "public": an entry
    with no noun in it, beside the noun's) takes the noun's gender and plural. Grammalecte leaves
    it, or asks for it beside another reading that changes the noun; a noun that serves as an
    adjective in one entry ("client", "utilisateur": "les données client") or that has no adjective
    entry ("réseau", "système") is left, and so is a word a noun follows ("des câbles longue
    distance") or that "et" joins to another ("les éditions familiale et professionnelle": one each)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index in range(1, len(found) - 1):
            determiner, noun, word = found[index - 1], found[index], found[index + 1]
            if not determiner.has(":G:D") or determiner.lower in ("de", "d’"):
                continue  # not a number: "deux semaines minimum"
            if "p" not in determiner.numbers(_DETERMINER_TAGS):
                continue
            features = _shared(noun, _NOUN_TAGS) if noun.known and not noun.has(":G") else None
            if features is None or features[1] != "p" or not _adjective_entry(word):
                continue
            following = found[index + 2] if index + 2 < len(found) else None
            if following is not None and (
                following.lower in ("et", "ou") or (following.has(":N") and not following.has(":G"))
            ):
                continue  # "Les éditions familiale et professionnelle" share out; "claviers pleine taille"
            gender, number = features
            if _agrees(word, gender, number):
                continue
            fixes = _adjective_fixes(word, gender, number, speller)
            if len(fixes) == 1:
                message = f"accord avec « {noun.text} »"
                issues.append(_issue(part, offset, word, "plural-adjective", message, fixes))
    return issues


def _adjective_entry(token: Token) -> bool:
    """A singular word with an adjective entry of its own (":A" with no ":N" in it), that varies,
    and no verb nor grammatical reading."""
    if not _attribute_word(token) or token.numbers(_ADJECTIVE_TAGS) != {"s"}:
        return False
    return any(":A" in morph and ":N" not in morph and ":Q" not in morph for morph in token.morphs)


_COPULAS = frozenset({"être", "devenir", "rester", "sembler", "paraître", "demeurer"})
_MODALS = frozenset({"pouvoir", "devoir"})


def attribute_subject(card: CardText, speller: Speller) -> list[Issue]:
    """An attribute that agrees with no reading of its clause's subject noun group (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index, verb in enumerate(found):
            subject = _copula_subject(found, index)
            if subject is None:
                continue
            gender, number = subject
            at = index + 1
            while at + 1 < len(found) and (_adverb(found[at]) or (found[at].has(":W") and found[at + 1].is_adjective)):
                at += 1  # "devient vite chaud": an adverb that is also an adjective, before another
            if at >= len(found) or not _attribute_word(found[at]) or _agrees(found[at], gender, number):
                continue
            word = found[at]
            if any(":N" in morph and ":A" not in morph for morph in word.morphs):
                continue  # "sont partie prenante": a noun attribute keeps its own agreement
            if at + 1 < len(found) and found[at + 1].has(":N") and not found[at + 1].has(":G"):
                continue  # "reste bon marché": the word may open a noun of its own
            fixes = _adjective_fixes(word, gender, number, speller)
            if len(fixes) == 1:
                message = f"accord avec le sujet de « {verb.text} »"
                issues.append(_issue(part, offset, word, "attribute-subject", message, fixes))
    return issues


def _lemmas(token: Token) -> set[str]:
    return {morph[1 : morph.index("/")] for morph in token.morphs if ":V" in morph}


def _copula_subject(found: list[Token], index: int) -> tuple[str, str] | None:
    """The gender and number of the subject of the copula at tokens[index] (finite, or an
    infinitive after a finite pouvoir or devoir), when a noun group of one gender and number that
    opens the clause is it and the finite verb's person agrees; None otherwise."""
    verb = found[index]
    if not _lemmas(verb) & _COPULAS:
        return None
    finite = index
    if not verb.finite():
        finite = index - 1
        while finite > 0 and _adverb(found[finite]):
            finite -= 1
        if finite < 0 or not _lemmas(found[finite]) & _MODALS or not found[finite].finite():
            return None
    end = finite
    while end > 0 and (found[end - 1].lower in ("ne", "n’") or _adverb(found[end - 1])):
        end -= 1
    if end > 0 and found[end - 1].text == ",":
        opening = _incise_start(found, end - 1)
        if opening is None:
            return None  # "Le disque, une fois formaté, est rendu": what stands before the comma is no subject
        end = opening
    for first in range(end):
        how = _opening(found, first)
        if how == "coordinated" and _after_a_clause(found, first - 1):
            how = "start"
        if how != "start" or not found[first].is_determiner or found[first].lower in ("de", "d’"):
            continue
        group = noun_group(found, first)
        if group is None or not all(_complement_word(found[at], found[at - 1]) for at in range(group.end, end)):
            continue
        head = found[group.head]
        gender = _one_gender(group.genders)
        if not head.known or head.has(":G") or gender is None or group.number is None:
            return None
        return (gender, group.number) if ("3" + group.number) in found[finite].persons() else None
    return None


def _after_a_clause(found: list[Token], conjunction: int) -> bool:
    """Whether the words before the "et" (or "ou") at tokens[conjunction], back to the sentence's
    last punctuation, hold a word that can only be a conjugated verb ("L’écran est détecté et la
    définition …"): the conjunction then joins a second clause, and the noun group after it is that
    clause's subject, not the second half of one ("Le câble et la prise sont …")."""
    for token in reversed(found[:conjunction]):
        if token.text in (",", ";", ":", ".", "!", "?"):
            return False  # quotes and brackets close no clause: "… comme « Écran générique » et la …"
        if token.has(":G:R"):
            continue  # "entre le client et le serveur": 'entre' is the preposition, no verb
        if token.finite() and (_lemmas(token) & {"être", "avoir"} or not (token.is_noun or token.is_adjective)):
            return True  # "est", "a" are nouns too (l’est, un a), but a verb first
    return False


def _complement_word(token: Token, previous: Token) -> bool:
    """A word of a noun's complements that the noun-group reader may leave out ("d’un gros
    dossier sur le réseau"): a preposition, a determiner, a noun, an adjective or a name, never
    punctuation, a conjunction, a pronoun, nor a word that may be a verb ("le réseau est chargé")
    unless a determiner or a preposition comes before it."""
    if token.lower in _PREPOSITIONS or token.is_determiner:
        return True
    if token.is_punctuation or token.has(":G:C") or token.has(":G:O"):
        return False
    if token.finite() and not (previous.is_determiner or previous.lower in _PREPOSITIONS):
        return False
    return token.is_noun or token.is_adjective


def _incise_start(found: list[Token], closing: int) -> int | None:
    """Where an incise between commas that ends at the comma tokens[closing] starts (its opening
    comma), when it opens with "qui", or with an adjective (adverbs maybe before it) that describes
    what stands before it ("Cette méthode, simple à mettre en place, devient…"), and holds no
    other comma; None otherwise ("Le disque, une fois formaté, est rendu": a noun group may be
    the subject)."""
    at = closing - 1
    while at > 0 and found[at].text != ",":
        at -= 1
    if at <= 0 or at + 1 >= closing:
        return None
    first = at + 1
    while first + 1 < closing and _adverb(found[first]):
        first += 1
    return at if found[at + 1].lower == "qui" or _apposed_adjective(found[first]) else None


def _apposed_adjective(token: Token) -> bool:
    """An adjective or a participle that is no noun of its own (an adjective used as a noun,
    ":N:A", is one), no verb and no grammatical word: set off by commas, it describes a noun."""
    if not token.known or not token.is_adjective or token.finite() or token.has(":G"):
        return False
    return not any(":N:" in morph and ":N:A" not in morph for morph in token.morphs)


CHECKS = (
    ("noun-adjective", noun_adjective),
    ("se-infinitive", se_infinitive),
    ("list-infinitive", list_infinitive),
    ("causative-infinitive", causative_infinitive),
    ("clitic-participle", clitic_participle),
    ("complement-adjective", complement_adjective),
    ("adjective-between", adjective_between),
    ("tout-adjective", tout_adjective),
    ("plural-participle", plural_participle),
    ("determiner-adjective", determiner_adjective),
    ("locution-adjective", locution_adjective),
    ("attribute-subject", attribute_subject),
    ("plural-adjective", plural_adjective),
)
"""This module's checks, by rule name, for `rules.OWN_CHECKS`."""
