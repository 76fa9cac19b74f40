"""Verbs joined to a verb whose subject is known: they share that subject, and so its person.

"L’équipe gère les tickets et interviennent selon l’urgence": the verb after "et" has no subject of
its own, so it is the subject of "gère" that "interviennent" takes ("intervient"). The checks read
Grammalecte's morphology (`agreement.py`'s tokens, noun groups and conjugator), never a list of
words, and return nothing without Grammalecte:

- the subject: a noun group or a subject pronoun that opens a main clause (not one after "que",
  "qui", "lorsque"…: "les programmes qu’il a ouverts et supprime" joins "supprime" to the main
  verb, maybe of another subject), with its verb right after it
  ("ne" and object pronouns maybe between; after a noun group, what `distant.py` steps over too:
  "le serveur WSUS", a relative clause), and that verb agrees with it: the reading is confirmed
  by the student's own agreement (a clause whose first verb disagrees is `subject-verb`'s);
- the chain: from that verb to the end of the clause, each verb right after "et", "ou", "puis" or
  a comma (object pronouns and "ne" maybe between) shares the subject. The chain ends at a
  sentence's end, a parenthesis, a word that opens another clause (que, qui, dont, où, si, car,
  mais, lorsque…), a subject pronoun, a noun group right after "et", "ou" or a comma (a subject of
  its own may follow: "et les utilisateurs attendent"), and any other conjugated verb;
- `coordinated-verb`: a verb of the chain in another person takes the subject's, in its own tense
  (the indicative: no "que" stands in the chain). A word that is also a noun counts as a verb
  before its object (a determiner, not "de" nor a superlative's "les plus"): right after the
  chain's last verb and its "et" ("gère et note les demandes"), or elsewhere when it has a verb
  reading in the third person ("écoutent le client et note sa demande"; "les incidents et
  demandes les plus urgentes" lists nouns);
- `coordinated-noun-verb`: "gère et tris les tickets": right after the chain's last verb and its
  "et", a noun before a direct object, where the verb it sounds like (its singular + "e", or
  "ent" for a plural subject) is conjugated in the subject's person ("trie");
- `coordinated-participle`: "ses paramètres passent et ne peuvent pas être écrasé": the participle
  after a joined "être", or a joined pouvoir/devoir/aller and "être", agrees with the subject (its
  gender, or the participle's own where the subject does not tell it); not after "se";
- `attribute-coordination`: "Elle est vendue avec le matériel et lié à lui": after "être", a
  participle agreeing with the subject, its complements and "et", a second participle is a second
  attribute of the subject and takes the first one's gender and number.

The subject may be two groups joined by "et" ("le technicien et l’utilisateur partagent … et
voit"); a word that is a verb and a noun joins the chain before an adverb that is nothing else
("et tombe souvent"), or after a verb and "et", before "de" and an infinitive ("avant de les
chiffrer et menaces de les publier"); a verb with only a subjunctive reading takes the present
("et finisse").
"""

from __future__ import annotations

from collections.abc import Iterator

from .agreement import (
    _SUBJECT_PRONOUNS,
    Token,
    _after_etre,
    _agrees,
    _is_verb_here,
    _issue,
    _object_follows,
    _one_gender,
    _opening,
    _participles,
    _sentences,
    _verb_after,
    conjugate,
    coordination,
    inflect,
    noun_group,
    tokens,
)
from .distant import _complements_end, _subject_end
from .spelling import Speller
from .text import CardText, Issue

_JOINERS = frozenset({"et", "ou", "puis", ","})
_ENDS = frozenset('.;:!?()[]«»"—–')
_OTHER_CLAUSE = frozenset(
    {"que", "qu’", "qui", "dont", "où", "si", "s’", "lorsque", "lorsqu’", "quand", "car", "mais", "donc", "parce"}
    | {"puisque", "puisqu’", "comme", "tandis", "quoique", "quoiqu’", "sinon", "ni"}
)
_INDICATIVE = frozenset({"Ip", "Iq", "Is", "If", "K"})


_PRONOUN_GENDERS = {"il": "m", "ils": "m", "elle": "f", "elles": "f"}


def _subject_verbs(found: list[Token]) -> Iterator[tuple[str, int, frozenset[str]]]:
    """(person, index of the verb, genders of the subject) of each clause whose opening subject
    its verb agrees with."""
    for index, token in enumerate(found):
        if _opening(found, index) is None or (index > 0 and found[index - 1].lower in _OTHER_CLAUSE):
            continue  # a relative or subordinate clause: "et" may join the next verb to the main one
        if token.lower in _SUBJECT_PRONOUNS:
            person, end = _SUBJECT_PRONOUNS[token.lower], index + 1
            genders = frozenset(_PRONOUN_GENDERS.get(token.lower, ""))
        else:
            if token.has(":De"):
                continue  # a question: the subject may follow its verb
            group = coordination(found, index) or noun_group(found, index)
            if group is None or group.number is None:
                continue
            person, end, genders = "3" + group.number, _subject_end(found, group)[0], group.genders
        verb = _verb_after(found, end)
        if verb < len(found) and _is_verb_here(found, verb) and person in found[verb].persons():
            yield person, verb, genders


def _joined(found: list[Token], verb: int) -> Iterator[tuple[int, bool, bool]]:
    """(index, is a noun, after a comma) of each word the chain from tokens[verb] joins to it."""
    last = verb
    index = verb + 1
    while index < len(found):
        token = found[index]
        quand_meme = token.lower == "quand" and index + 1 < len(found) and found[index + 1].lower == "même"
        if token.text in _ENDS or (token.lower in _OTHER_CLAUSE and not quand_meme) or token.lower in _SUBJECT_PRONOUNS:
            return  # "quand même" is an adverb, no clause
        if token.lower not in _JOINERS and token.text not in _JOINERS:
            if _is_verb_here(found, index):
                return  # another clause's verb
            index += 1
            continue
        start = index + 1
        if start < len(found) and found[start].lower == "puis" and token.lower != "puis":
            start += 1
        after = _verb_after(found, start)
        if after >= len(found):
            return
        word = found[after]
        right_after = last == index - 1 and token.lower in ("et", "ou", "puis")
        if after > start:
            joined = bool(word.finite()) and not word.has(":N")  # after a pronoun: "et les transmet"
        elif word.only_verb():
            joined = _is_verb_here(found, after)
        else:
            joined = bool(word.finite()) and (_is_verb_here(found, after) or _adverb_follows(found, after))
            if joined and not right_after:
                joined = bool(word.persons() & {"3s", "3p"}) and not _superlative(found, after + 1)
            if not joined and token.lower == "et" and word.finite() and _verb_before_infinitive(found, index, after):
                joined = True  # "avant de les chiffrer et menaces de les publier"
        if joined:
            yield after, False, token.text == ","
        elif right_after and _noun_for_verb(found, after):
            yield after, True, False
            joined = True
        elif noun_group(found, start) is not None:
            return  # "et les utilisateurs attendent": a subject of its own may follow
        if joined:
            last = after
            index = after + 1
        else:
            index = start
    return


def _verb_before_infinitive(found: list[Token], et: int, index: int) -> bool:
    """Whether the word at tokens[index], after "et", is followed by "de" and an infinitive (object
    pronouns maybe between: "menaces de les publier") while the word before "et" is a verb (an
    infinitive, a participle, no noun): "et" joins two verbs, not two nouns ("des scans et
    tentatives de se connecter" lists nouns)."""
    before = found[et - 1] if et > 0 else None
    if before is None or before.has(":N") or not (before.has(":Y") or before.finite() or before.has(":Q")):
        return False
    at = index + 1
    if at >= len(found) or found[at].lower not in ("de", "d’"):
        return False
    at = _verb_after(found, at + 1)
    return at < len(found) and found[at].has(":Y") and not found[at].has(":N")


def _adverb_follows(found: list[Token], index: int) -> bool:
    """An adverb that is nothing else right after tokens[index] ("et tombe souvent en panne"):
    a noun after "et" takes an adjective or a complement, a verb the adverb."""
    following = found[index + 1] if index + 1 < len(found) else None
    return (
        following is not None
        and following.has(":W")
        and not (following.is_adjective or following.has(":N") or following.finite() or following.has(":G"))
    )


def _superlative(found: list[Token], index: int) -> bool:
    """ "les plus urgentes": a determiner that opens no object but a superlative."""
    return index + 1 < len(found) and found[index + 1].lower in ("plus", "moins")


def _noun_for_verb(found: list[Token], index: int) -> bool:
    word = found[index]
    return word.known and not word.finite() and word.has(":N") and _object_follows(found, index)


def _sound_alike_verb(word: Token, person: str, speller: Speller) -> list[str]:
    """The verb a noun sounds like in `person` (3s or 3p): its singular + "e" / "ent" ("tri", "trie")."""
    if person not in ("3s", "3p"):
        return []
    ending = "e" if person == "3s" else "ent"
    fixes = []
    for morph in word.morphs:
        if ":N" not in morph:
            continue
        lemma = morph[1 : morph.index("/")]
        if lemma[-1:] not in ("i", "u", "a", "é", "o", "y") or lemma + ending in fixes:
            continue  # "tri" + "e": a noun ending in a vowel, whose verb's ending is silent
        candidate = lemma + ending
        tagged = tokens(candidate, speller)
        if len(tagged) == 1 and any(tense == "Ip" and person in persons for _, tense, persons in tagged[0].finite()):
            fixes.append(candidate)
    return fixes


def coordinated_verb(card: CardText, speller: Speller) -> list[Issue]:
    """A verb joined to a verb whose subject is known, in another person (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        seen: set[int] = set()
        for person, verb, _ in _subject_verbs(found):
            subject_verb = found[verb].text
            chain = list(_joined(found, verb))
            closed = [index for index, _, comma in chain if not comma]
            for index, noun, comma in chain:
                word = found[index]
                if index in seen or (comma and not any(other > index for other in closed)):
                    continue  # a comma's verb only before the "et" that closes a list of verbs
                seen.add(index)
                if noun:
                    fixes = _sound_alike_verb(word, person, speller)
                    rule = "coordinated-noun-verb"
                    message = f"« {word.text} » est un nom : le verbe joint à « {subject_verb} » ?"
                else:
                    if person in word.persons():
                        continue
                    tenses = frozenset(tense for _, tense, _ in word.finite() if tense in _INDICATIVE)
                    if not tenses and {tense for _, tense, _ in word.finite()} <= {"Sp", "Sq"}:
                        tenses = frozenset({"Ip"})  # "et finisse": no "que" in the chain, the present
                    if "Ip" in tenses:
                        tenses = frozenset({"Ip"})  # "finit": the present of the notes, not the past
                    fixes = conjugate(word, person, tenses) if tenses else []
                    rule = "coordinated-verb"
                    message = f"même sujet que « {subject_verb} » : même personne"
                if len(fixes) == 1:
                    issues.append(_issue(part, offset, word, rule, message, fixes))
    return issues


_MODALS = frozenset({"pouvoir", "devoir", "aller"})


def _participle_after(found: list[Token], verb: int) -> int | None:
    """Where the participle of a passive stands after tokens[verb]: after a conjugated "être", or
    after pouvoir, devoir, aller and the infinitive "être" ("ne peuvent pas être écrasés"), with
    "pas" and adverbs between; None where the verb is neither."""
    lemmas = {lemma for lemma, _, _ in found[verb].finite()}
    if verb > 0 and found[verb - 1].lower in ("se", "s’"):
        return None  # "se sont rendu compte": a reflexive verb agrees otherwise
    at = _skip_adverbs(found, verb + 1)
    if "être" not in lemmas:
        if not lemmas & _MODALS or at >= len(found) or found[at].lower != "être":
            return None
        at = _skip_adverbs(found, at + 1)
    return at if at < len(found) else None


def _skip_adverbs(found: list[Token], index: int) -> int:
    while index < len(found) and (found[index].has(":W") or found[index].has(":G:X")) and not found[index].is_adjective:
        index += 1
    return index


def coordinated_participle(card: CardText, speller: Speller) -> list[Issue]:
    """ "Ses paramètres passent et ne peuvent pas être écrasé": the participle of a passive whose
    verb is joined to a verb whose subject is known (`_joined`) agrees with that subject, in its
    gender (the participle's own where the subject does not tell it) and number. The first verb's
    own participle is `agreement.participle_agreement`'s."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        seen: set[int] = set()
        for person, verb, genders in _subject_verbs(found):
            if person not in ("3s", "3p"):
                continue
            number = person[1]
            for index, noun, _ in _joined(found, verb):
                at = None if noun else _participle_after(found, index)
                if at is None:
                    continue
                for participle in _participles(found, at):
                    if participle.start in seen:
                        continue
                    seen.add(participle.start)
                    gender = _one_gender(genders) or _one_gender(participle.genders((":Q",)))
                    if gender is None or _agrees(participle, gender, number):
                        continue
                    fixes = inflect(participle, gender, number, speller)
                    if len(fixes) == 1:
                        message = f"même sujet que « {found[verb].text} » : accord du participe"
                        issues.append(_issue(part, offset, participle, "coordinated-participle", message, fixes))
    return issues


def attribute_coordination(card: CardText, speller: Speller) -> list[Issue]:
    """ "Elle est vendue avec le matériel et lié à lui": after "être", a participle that agrees
    with the subject (`agreement._after_etre`), its complements ("avec le matériel", "à un
    utilisateur") and "et", a second participle is a second attribute of the same subject, not an
    adjective of the complement's noun ("et" keeps it from it): it takes the first one's gender and
    number. Not after a complement that ends with an adjective ("avec le câble neuf et testé" may
    join two adjectives of "câble")."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for place in _after_etre(found):
            first = list(_participles(found, place.index))
            if not first or not first[-1].has(":Q"):
                continue
            gender = _one_gender(place.genders) or _one_gender(first[-1].genders((":Q",)))
            if gender is None:
                continue
            if not all(_agrees(participle, gender, place.number) for participle in first):
                continue
            last = found.index(first[-1])
            end = _complements_end(found, last + 1)
            if end == last + 1 or end + 1 >= len(found) or found[end].lower != "et" or not found[end - 1].has(":N"):
                continue
            if found[end - 1].is_adjective and not found[end - 2].is_determiner:
                continue  # "le câble neuf et testé"; "le matériel et lié": a noun after its determiner
            second = found[_skip_adverbs(found, end + 1)] if _skip_adverbs(found, end + 1) < len(found) else None
            if second is None or not second.has(":Q") or second.finite() or second.has(":N"):
                continue
            if _agrees(second, gender, place.number):
                continue
            fixes = inflect(second, gender, place.number, speller)
            if len(fixes) == 1:
                message = f"second attribut de « {place.head.text} », comme « {first[-1].text} »"
                issues.append(_issue(part, offset, second, "attribute-coordination", message, fixes))
    return issues


CHECKS = (
    ("coordinated-verb", coordinated_verb),
    ("coordinated-participle", coordinated_participle),
    ("attribute-coordination", attribute_coordination),
)
