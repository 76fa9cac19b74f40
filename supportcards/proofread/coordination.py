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
  "ent" for a plural subject) is conjugated in the subject's person ("trie").
"""

from __future__ import annotations

from collections.abc import Iterator

from .agreement import (
    _SUBJECT_PRONOUNS,
    Token,
    _is_verb_here,
    _issue,
    _object_follows,
    _opening,
    _sentences,
    _verb_after,
    conjugate,
    noun_group,
    tokens,
)
from .distant import _subject_end
from .spelling import Speller
from .text import CardText, Issue

_JOINERS = frozenset({"et", "ou", "puis", ","})
_ENDS = frozenset('.;:!?()[]«»"—–')
_OTHER_CLAUSE = frozenset(
    {"que", "qu’", "qui", "dont", "où", "si", "s’", "lorsque", "lorsqu’", "quand", "car", "mais", "donc", "parce"}
    | {"puisque", "puisqu’", "comme", "tandis", "quoique", "quoiqu’", "sinon", "ni"}
)
_INDICATIVE = frozenset({"Ip", "Iq", "Is", "If", "K"})


def _subject_verbs(found: list[Token]) -> Iterator[tuple[str, int]]:
    """(person, index of the verb) of each clause whose opening subject its verb agrees with."""
    for index, token in enumerate(found):
        if _opening(found, index) is None or (index > 0 and found[index - 1].lower in _OTHER_CLAUSE):
            continue  # a relative or subordinate clause: "et" may join the next verb to the main one
        if token.lower in _SUBJECT_PRONOUNS:
            person, end = _SUBJECT_PRONOUNS[token.lower], index + 1
        else:
            if token.has(":De"):
                continue  # a question: the subject may follow its verb
            group = noun_group(found, index)
            if group is None or group.number is None:
                continue
            person, end = "3" + group.number, _subject_end(found, group)[0]
        verb = _verb_after(found, end)
        if verb < len(found) and _is_verb_here(found, verb) and person in found[verb].persons():
            yield person, verb


def _joined(found: list[Token], verb: int) -> Iterator[tuple[int, bool, bool]]:
    """(index, is a noun, after a comma) of each word the chain from tokens[verb] joins to it."""
    last = verb
    index = verb + 1
    while index < len(found):
        token = found[index]
        if token.text in _ENDS or token.lower in _OTHER_CLAUSE or token.lower in _SUBJECT_PRONOUNS:
            return
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
            joined = bool(word.finite()) and _is_verb_here(found, after)
            if joined and not right_after:
                joined = bool(word.persons() & {"3s", "3p"}) and not _superlative(found, after + 1)
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
        for person, verb in _subject_verbs(found):
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
                    if "Ip" in tenses:
                        tenses = frozenset({"Ip"})  # "finit": the present of the notes, not the past
                    fixes = conjugate(word, person, tenses) if tenses else []
                    rule = "coordinated-verb"
                    message = f"même sujet que « {subject_verb} » : même personne"
                if len(fixes) == 1:
                    issues.append(_issue(part, offset, word, rule, message, fixes))
    return issues


CHECKS = (("coordinated-verb", coordinated_verb),)
