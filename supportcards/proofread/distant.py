"""Agreement across what stands between a plural subject and its verb, by Grammalecte's morphology.

`agreement.subject_verb` reads a noun group with its complements ("Les journaux du pare-feu") and
the verb right after it; Grammalecte links a subject to its verb over a few words only. These
checks follow a plural noun group that opens its clause over what may come between it and its
verb, read from word classes (`getMorph` tags), never from a list of words, and return nothing
without Grammalecte:

- what they step over: a relative clause whose own verb agrees with its own subject ("qui
  hébergent la base", "que le technicien a configurés", "qu’il héberge", "dont le compte
  expire") and its complements; a parenthesis; a bare noun or a name after a noun ("l’équipe
  réseau", "le disque système", "un RAID 5"); a complement whose noun is a code span or is
  preceded by "tous"/"toutes" ("de toutes les VM"); a participle and its complements ("achetées
  par l’entreprise") and adverbs ("ouverts directement sur Internet"); a relative set off by
  commas (", qui ne sont pas contrôleurs de domaine,"); a plural time complement with no
  preposition ("toutes les 24 heures"); a name or an adjective after the relative's object
  ("l’autorisation Accès total"); a superlative ("les plus actifs"); examples after "comme"
  ("Les clients comme FileZilla ou WinSCP"); a number after a complement's noun ("du niveau 1").
  A plural group after ", et" opens a clause of its own. A group that opens its sentence (or a
  line of the card, or follows an opening complement: "Par défaut, les écrans") steps over any
  aside between commas ("Les vidages, un fichier par plantage, se trouvent"), unless the aside
  opens with a coordinator, ends on a stressed pronoun, or holds a verb or a subject pronoun no
  subordinating word opens (a list of verbs: "Il vérifie les câbles, la RAM, redémarre"); not a
  group of time ("Tous les mardis, à 22 heures, commence la maintenance": the subject follows);
- `distant-verb`: "Les serveurs qui hébergent la base redémarre": the verb after all this, when
  it can only be a conjugated verb (or stands after "se", "ne"), takes the third person plural in
  its own tense ("redémarrent"; the present where the form is also a past simple: "grandit");
- `distant-participle`: "Les sauvegardes qu’il lance sont vérifié": after such a subject and a
  plural "être", the participle takes the subject's number and the head noun's gender (the
  participle's own where the noun does not say it: "les VM", or that of "toutes" before it);
- `name-participle`: "toutes les VM hébergé": a singular participle or adjective (nothing else)
  right after a plural determiner and a name or acronym the dictionary does not know takes the
  plural, in the gender of "tous"/"toutes" or of the determiner; where nothing gives it, both
  genders are offered (the written one first) and a person chooses.
- `adjective-chain`: "des disques durs externe": after a plural determiner, its noun and an
  adjective agreeing with it, a singular-only adjective (no noun) takes their gender and number.

Only a plural subject with a singular verb is taken: a singular head with a plural verb is often
right ("la plupart des postes sont", "une dizaine de postes sont"); and never a noun group after
"que", which may be compared rather than the subject ("la même salle que les serveurs ne protège").
"""

from __future__ import annotations

from dataclasses import replace

from .agreement import (
    _ADJECTIVE_TAGS,
    _CONTRACTED,
    _DE,
    _DETERMINER_TAGS,
    _NEGATION,
    _NOUN_TAGS,
    _OBJECT_PRONOUNS,
    _PREPOSITIONS,
    _SUBJECT_PRONOUNS,
    NounGroup,
    Token,
    _adjective_here,
    _agreeing,
    _agrees,
    _auxiliary,
    _issue,
    _one_gender,
    _opening,
    _participles,
    _quantity_group,
    _sentences,
    _simple_group,
    _verb_after,
    conjugate,
    coordination,
    inflect,
    noun_group,
)
from .homophones import _TIME_NOUNS
from .spelling import Speller
from .text import CardText, Issue

_RELATIVE_OBJECT = frozenset({"que", "qu’", "dont"})
_ALL = frozenset({"tous", "toutes", "tout", "toute"})


def _gap_before(found: list[Token], index: int) -> bool:
    """Whether a blanked span (inline code, a URL) stands right before tokens[index]."""
    return 0 < index < len(found) and found[index].start - found[index - 1].end > 1


def _complement_end(found: list[Token], preposition: int) -> int | None:
    """The end of "preposition [tous/toutes] [determiner] noun adjective*" at `preposition`, or of
    a preposition before a code span; None when no noun group follows."""
    start = preposition + 1
    if start >= len(found):
        return None
    if _gap_before(found, start):
        return start  # "de `config.yml`": the code span is the complement
    if found[start].lower in ("plus", "moins") and start + 1 < len(found) and found[start + 1].lower in _DE:
        start += 2
    if found[start].lower in _ALL and start + 1 < len(found) and found[start + 1].is_determiner:
        start += 1  # "de toutes les VM"
    if found[preposition].lower in _CONTRACTED:
        inner = _simple_group(found, start, contracted=found[preposition])
    else:
        inner = _simple_group(found, start) or _simple_group(found, start, bare=True)
    return inner.end if inner is not None else None


def _name_or_bare_noun(found: list[Token], index: int) -> bool:
    """A word that adds to the noun before it: a number after a name ("RAID 5"), a name written
    in capitals ("DNS") or capitalised and no lexicon's after a noun, where no verb follows it
    ("Thunderbolt"), or a noun with no verb reading ("réseau", "système")."""
    token = found[index]
    before = found[index - 1]
    if before.is_punctuation:
        return False
    if token.text.isdigit():
        following = found[index + 1] if index + 1 < len(found) else None
        numbered = before.has(":N") and "p" not in before.numbers(_NOUN_TAGS) and not before.has(":G")
        return not before.known or before.text.isupper() or (numbered and not (following and following.is_noun))
    if not token.known:  # "DNS"; a product's name after its noun ("les stations d’accueil Thunderbolt")
        following = found[index + 1] if index + 1 < len(found) else None
        named = (
            token.text[:1].isupper()
            and before.known
            and before.is_noun
            and not before.has(":G")
            and following is not None
            and not following.finite()  # "Trois fois par jour Veeam copie": the name is the verb's subject
        )
        return token.text[:1].isupper() and (token.text[1:2].isupper() or named)
    if token.text[:1].isupper() and token.has(":M"):
        return False  # "Tous les lundis Marc vérifie": a person's name, the subject of its own verb
    return token.has(":N") and not token.finite() and not token.has(":G") and not token.is_adjective


def _pronoun_or_group_end(found: list[Token], index: int) -> tuple[int, str] | None:
    """The end of the subject of a relative clause at `index` and its person."""
    if index >= len(found):
        return None
    if found[index].lower in _SUBJECT_PRONOUNS:
        return index + 1, _SUBJECT_PRONOUNS[found[index].lower]
    group = noun_group(found, index)
    if group is None or group.number is None:
        return None
    return group.end, "3" + group.number


def _verb_chain_end(found: list[Token], index: int, person: str) -> int | None:
    """The end of a conjugated verb in `person` at `index` (after "ne" and object pronouns) and the
    participles or infinitives after it; None where the word there is no such verb."""
    verb = _verb_after(found, index)
    if verb >= len(found) or person not in found[verb].persons():
        return None
    end = verb + 1
    while end < len(found) and found[end].lower in ("pas", "plus", "jamais"):
        end += 1
    while end < len(found) and (found[end].has(":Q") or found[end].has(":Y")) and not found[end].finite():
        end += 1
    return end


def _relative_end(found: list[Token], index: int) -> int | None:
    """The end of a relative clause opening at tokens[index] (qui, que, dont) after a plural noun
    group, where its verb agrees with its own subject; None where it cannot be read so."""
    if found[index].lower == "qui":
        end = _verb_chain_end(found, index + 1, "3p")
    else:
        subject = _pronoun_or_group_end(found, index + 1)
        end = _verb_chain_end(found, subject[0], subject[1]) if subject is not None else None
    if end is None:
        return None
    return _complements_end(found, end)


def _complements_end(found: list[Token], end: int) -> int:
    """The end of the objects, complements, adverbs and numbers of a verb from `end`."""
    while end < len(found):
        token = found[end]
        if token.lower in _PREPOSITIONS:
            after = _complement_end(found, end)
            if after is None:
                if end + 1 < len(found) and found[end + 1].has(":Y") and not found[end + 1].finite():
                    end += 2  # "de sauvegarder"
                    continue
                return end
            end = after
        elif token.is_determiner and token.lower not in _DE:
            group = noun_group(found, end)
            if group is None:
                return end
            end = group.end
        elif token.text.isdigit() or (token.has(":W") and not token.is_adjective and not token.finite()):
            end += 1
        elif end > 0 and found[end - 1].is_noun and (_name_or_bare_noun(found, end) or _adjective_here(token)):
            end += 1  # "l’autorisation Accès total": a name and an adjective after the object's noun
        else:
            return end
    return end


def _subject_end(found: list[Token], group: NounGroup, *, opens_sentence: bool = False) -> tuple[int, bool]:
    """Where the plural subject `group` ends once what stands before its verb is stepped over, and
    whether anything was stepped over. Only a group that opens its sentence (`_opens_sentence`)
    steps over any aside between commas (`_aside_end`), and its verb must follow that aside."""
    end = group.end
    if end - 1 > group.head and found[end - 1].has(":G:R"):
        end -= 1  # "l’agent sur chaque poste": "sur" read as an adjective opens a complement
    stepped = False
    while end < len(found):
        token = found[end]
        if token.text == "(":
            close = next((i for i in range(end + 1, len(found)) if found[i].text in ").;:!?"), None)
            if close is None or found[close].text != ")":
                break
            end = close + 1
        elif token.lower in _PREPOSITIONS:
            after = _complement_end(found, end)
            if after is None:
                break
            end = after
        elif token.lower == "qui" or token.lower in _RELATIVE_OBJECT:
            after = _relative_end(found, end)
            if after is None:
                break
            end = after
        elif token.text == ",":
            after = _incise_end(found, end)
            if after is None:
                aside = _aside_end(found, end) if opens_sentence else None
                return (aside, True) if aside is not None else (end, stepped)
            end = after
        elif token.lower == "comme" and _examples_end(found, end) is not None:
            end = _examples_end(found, end) or end  # "Les clients comme FileZilla ou WinSCP"
        elif token.lower in _ALL and end + 1 < len(found) and found[end + 1].is_determiner:
            inner = noun_group(found, end + 1)
            if inner is None and end + 2 < len(found) and found[end + 2].is_determiner:
                inner = noun_group(found, end + 2)  # "toutes les cinq minutes", "tous les 3 mois"
            if inner is None or inner.number != "p":
                break
            end = inner.end  # "toutes les 24 heures": plural, so the plural verb fits either way
        elif _name_or_bare_noun(found, end) or (
            _adjective_here(token) and any(_agrees(token, gender, "p") for gender in "mf")
        ):
            end += 1  # "l'équipe réseau", "un RAID 5", "achetées (par …)"
        elif stepped and _adverb(token):
            end += 1  # "ouverts directement sur Internet"
        elif _superlative_end(found, end) is not None:
            end = _superlative_end(found, end) or end  # "les groupes de ransomware les plus actifs"
        else:
            break
        stepped = True
    return end, stepped


def _incise_end(found: list[Token], comma: int) -> int | None:
    """The end of ", qui/que/dont … ," at the comma tokens[comma]: a relative set off by commas
    whose own verb agrees with its own subject (`_relative_end` reads its opening), whatever its
    attribute ("qui ne sont pas contrôleurs de domaine,"); None where no such incise closes with a
    comma before the sentence ends."""
    start = comma + 1
    if start >= len(found) or not (found[start].lower == "qui" or found[start].lower in _RELATIVE_OBJECT):
        return None
    if found[start].lower == "qui":
        opened = _verb_chain_end(found, start + 1, "3p")
    else:
        subject = _pronoun_or_group_end(found, start + 1)
        opened = _verb_chain_end(found, subject[0], subject[1]) if subject is not None else None
    if opened is None:
        return None
    index = opened
    while index < len(found):
        if found[index].text == ",":
            listed = _listed_complements_end(found, index)
            if listed is None:
                return index + 1
            index = listed
            continue
        if found[index].is_punctuation or found[index].lower in ("qui", "que", "qu’", "dont", "et", "ou"):
            return None
        index += 1
    return None


def _listed_complements_end(found: list[Token], comma: int) -> int | None:
    """Where a list of complements that the comma tokens[comma] continues ends ("qui viennent du
    noyau, des pilotes et du gestionnaire,"): complements of the same preposition after each comma
    and a last "et" or "ou", up to the comma after the last one; None where no such list
    follows, or it does not close with a comma."""
    at = comma + 1
    while at < len(found) and found[at].lower in _DE:
        end = _chained_complements_end(found, at)
        if end is None or end + 1 >= len(found) or found[end + 1].lower not in _DE:
            return None
        if found[end].lower in ("et", "ou"):
            last = _chained_complements_end(found, end + 1)
            return last if last is not None and found[last].text == "," else None
        if found[end].text != ",":
            return None
        at = end + 1
    return None


def _chained_complements_end(found: list[Token], at: int) -> int | None:
    """The end of a complement at tokens[at] and of the complements of "de" that hang on it ("du
    gestionnaire de contrôle des services"), None where none opens there or the line ends."""
    end = _complement_end(found, at)
    while end is not None and end < len(found) and found[end].lower in _DE:
        end = _complement_end(found, end)
    return end if end is not None and end < len(found) else None


_SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";"})
_NOT_AN_ASIDE = frozenset({"et", "ou", "ni", "mais", "donc", "or", "car", "puis", "sinon", "voire", "plutôt", "non"})
"""Words that open no aside but a clause, a correction or a second subject ("Les postes, ou plutôt
le serveur, redémarre"), whose verb may agree with what follows them."""


def _aside_end(found: list[Token], comma: int) -> int | None:
    """The end of any aside ", … ," at the comma tokens[comma] ("Les vidages, un fichier par
    plantage, se trouvent", "Les touches, qui sont plus solides, possèdent"): the word after its
    closing comma. Not an aside that opens with a coordinator (`_NOT_AN_ASIDE`), that ends on a
    stressed pronoun ("Les logs, le serveur, lui, les garde": a subject of its own), that holds a
    conjugated verb or a subject pronoun no subordinating word or relative pronoun opens ("Il vérifie
    les câbles, la RAM, redémarre": a list of verbs), or that holds a mark other than words."""
    start = comma + 1
    if start >= len(found) or found[start].lower in _NOT_AN_ASIDE:
        return None
    subordinated = False
    for index in range(start, len(found)):
        token = found[index]
        if token.text == ",":
            if index == start or found[index - 1].has(":G:Os"):
                return None
            return index + 1
        if token.is_punctuation:
            return None
        if token.has(":Cs") or token.has(":Or"):
            subordinated = True
        elif not subordinated and (token.lower in _SUBJECT_PRONOUNS or _third_person_verb(found, index)):
            return None
    return None


def _conjugated_here(found: list[Token], index: int) -> bool:
    """Whether tokens[index] reads as a conjugated verb: a word that can be nothing else, "être" or
    "avoir", or a conjugated word after "ne" or an object pronoun."""
    token = found[index]
    if not token.finite():
        return False
    before = found[index - 1].lower if index > 0 else ""
    after_noun = index > 1 and found[index - 2].is_noun and not found[index - 2].has(":G")
    article = before in ("le", "la", "les", "l’") and token.has(":N") and not after_noun
    after_clitic = before in (_NEGATION | _OBJECT_PRONOUNS) and not article  # "pour la sauvegarde": an article
    return token.only_verb() or _auxiliary(token) or after_clitic


def _third_person_verb(found: list[Token], index: int) -> bool:
    """`_conjugated_here` in the third person: "répartis en quatre octets" is a participle, not
    "je répartis", in an aside with no "je" nor "tu"."""
    return _conjugated_here(found, index) and bool(found[index].persons() & {"3s", "3p"})


def _opens_a_line(found: list[Token], index: int) -> bool:
    """Whether tokens[index] is a capitalised determiner right after a word: no sentence writes one
    there, so it opens a line of the card after one with no final stop (a list item before it)."""
    token = found[index]
    return index > 0 and token.text[:1].isupper() and token.is_determiner and found[index - 1].text[:1].isalpha()


def _opens_sentence(found: list[Token], index: int) -> bool:
    """Whether the word at tokens[index] opens its sentence, or follows a comma after an opening
    complement alone ("Par défaut, les écrans", "Dans un clavier mécanique, les touches"): one that
    starts with no determiner and holds no verb, no subject pronoun, no other comma."""
    if index == 0 or found[index - 1].text in _SENTENCE_ENDS or _opens_a_line(found, index):
        return True
    if found[index - 1].text != ",":
        return False
    start = index - 1
    while start > 0 and found[start - 1].text not in _SENTENCE_ENDS:
        start -= 1
    opening = range(start, index - 1)
    if not opening or len(opening) > 8 or found[start].is_determiner:
        return False
    return not any(
        found[at].is_punctuation or found[at].lower in _SUBJECT_PRONOUNS or _conjugated_here(found, at)
        for at in opening
    )


def _time_complement(found: list[Token], index: int, group: NounGroup) -> bool:
    """Whether the group at tokens[index] may be a time complement rather than a subject: "tous"
    or "toutes" before it, or a noun of time at its head ("Tous les mardis, à 22 heures, commence
    la maintenance": the subject follows its verb)."""
    head = found[group.head]
    lemmas = {morph[1 : morph.index("/")] for morph in head.morphs if ":N" in morph}
    return found[index].lower in _ALL or bool(lemmas & _TIME_NOUNS)


def _example_end(found: list[Token], index: int) -> int | None:
    """The end of one example at tokens[index]: a name (capitalised words, words no dictionary
    knows: "Visual Studio Code"), or a noun group."""
    end = index
    while (
        end < len(found) and not found[end].is_punctuation and (found[end].text[:1].isupper() or not found[end].known)
    ):
        end += 1
    while index < end < len(found) and _adjective_here(found[end]):
        end += 1  # "Assistance rapide"
    if end > index:
        return end
    group = noun_group(found, index) or _simple_group(found, index, bare=True)
    return group.end if group is not None else None


def _examples_end(found: list[Token], comme: int) -> int | None:
    """The end of "comme" and the examples it lists after a noun ("Les outils comme TeamViewer ou
    Assistance rapide"): names or noun groups joined by commas, the last by "et" or "ou". None
    where no such list follows (a clause: "comme on l’a vu")."""
    end = _example_end(found, comme + 1) if comme + 1 < len(found) else None
    while end is not None and end + 1 < len(found) and found[end].lower in (",", "et", "ou"):
        following = _example_end(found, end + 1)
        if following is None or (
            found[end].text == "," and following < len(found) and found[following].lower not in (",", "et", "ou")
        ):
            break  # the comma closes the examples: an aside or the verb follows
        last = found[end].lower in ("et", "ou")
        end = following
        if last:
            break
    return end


def _superlative_end(found: list[Token], index: int) -> int | None:
    """The end of "les plus/moins adjective" at tokens[index], the adjective plural; or None."""
    if index + 2 >= len(found) or found[index].lower not in ("les", "le", "la"):
        return None
    if found[index + 1].lower not in ("plus", "moins"):
        return None
    adjective = found[index + 2]
    if not _adjective_here(adjective) or not any(_agrees(adjective, gender, "p") for gender in "mf"):
        return None
    return index + 3


def _adverb(token: Token) -> bool:
    """An adverb that is no adjective, verb nor noun ("directement", "souvent")."""
    return token.has(":W") and not token.is_adjective and not token.finite() and not token.has(":N")


def _plural_subjects(found: list[Token]) -> list[tuple[NounGroup, int, bool]]:
    """Plural noun groups that open their clause (not after "et", "ou" but for ", et"), each with the index of
    the word after what stands between them and their verb, and whether anything does."""
    subjects = []
    for index in range(len(found)):
        opening = "start" if _opens_a_line(found, index) else _opening(found, index)
        after_comma_et = opening == "coordinated" and index >= 2 and found[index - 2].text == ","
        if (opening != "start" and not after_comma_et) or found[index].has(":De"):
            continue  # ", et les utilisateurs …": after a comma, "et" opens a clause of its own
        if index > 0 and found[index - 1].lower in ("que", "qu’"):
            continue  # "la même salle que les serveurs ne protège pas": compared, not the subject
        group = (
            coordination(found, index)
            or _predetermined_group(found, index)
            or noun_group(found, index)
            or _quantity_group(found, index)  # "Beaucoup d’administrateurs, par prudence, le désactive"
        )
        if group is None or group.number != "p":
            continue
        head = found[group.head]
        if found[index].text[:1].isdigit() and (not head.known or head.text.isupper()):
            continue  # "1101 XOR 0110 redonne 1011": a number and a name no lexicon reads are no count of things
        code = next((i for i in range(group.head + 1, group.end) if _gap_before(found, i)), None)
        if code is not None and found[code - 1].lower in _PREPOSITIONS:
            group = replace(group, end=code - 1)  # "de `config.yml` est": the code span ends the complement
        opens_sentence = _opens_sentence(found, index) and not _time_complement(found, index, group)
        end, stepped = _subject_end(found, group, opens_sentence=opens_sentence)
        if end < len(found):
            subjects.append((group, end, stepped))
    return subjects


def _predetermined_group(found: list[Token], index: int) -> NounGroup | None:
    """ "toutes les VM": the noun group after "tous"/"toutes", which gives the gender a name or an
    acronym does not."""
    if found[index].lower not in _ALL or index + 1 >= len(found) or not found[index + 1].is_determiner:
        return None
    group = noun_group(found, index + 1)
    if group is None or group.genders - {"e"}:
        return group
    return replace(group, genders=found[index].genders(_DETERMINER_TAGS))


def _verb_after_an_aside(found: list[Token], end: int, verb: int) -> bool:
    """Whether tokens[verb], a conjugated word that is also a noun, is the verb right after the
    comma that closes an aside ("Les filtres, qui lisent le texte, analyse mal les images"): a
    sentence's subject and its aside call for their verb there, and no noun follows a comma with
    no article but in a list, which "et", "ou" or a mark after it would show."""
    token = found[verb]
    if verb != end or found[end - 1].text != "," or not token.finite() or token.has(":G"):
        return False
    following = found[verb + 1] if verb + 1 < len(found) else None
    return (
        token.text[:1].islower()
        and following is not None
        and not following.is_punctuation
        and following.lower not in ("et", "ou", "ni")
    )


def _clearly_a_verb(found: list[Token], end: int, verb: int) -> bool:
    """Whether tokens[verb] reads as the conjugated verb: a word that can be nothing else, "être"
    or "avoir", or a word after "ne" or an object pronoun ("s’affiche")."""
    token = found[verb]
    if not token.finite() or token.has(":G:R"):
        return False
    after_clitic = verb > end and found[verb - 1].lower in (_NEGATION | _OBJECT_PRONOUNS)
    return (
        (token.only_verb() and not token.has(":Q")) or _auxiliary(token) or after_clitic or _object_after(found, verb)
    )


def _object_after(found: list[Token], verb: int) -> bool:
    """Whether an article other than "de", "du", "des" follows tokens[verb] ("de leurs clients
    garde l’ancienne réponse"): a noun is not followed by a noun group of its own, a verb is, by its
    object. Not after a singular noun, whose apposition the word may be ("le réseau alerte")."""
    following = found[verb + 1] if verb + 1 < len(found) else None
    if following is None or not following.is_determiner or following.lower in (_DE | _CONTRACTED):
        return False
    before = found[verb - 1]
    return not (before.has(":N") and "p" not in before.numbers(_NOUN_TAGS))


def distant_verb(card: CardText, speller: Speller) -> list[Issue]:
    """A singular verb after a plural subject and what stands between them (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        verbs = set()
        for group, end, stepped in _plural_subjects(found):
            verb = _verb_after(found, end)
            if (
                verb in verbs
                or verb >= len(found)
                or not (_clearly_a_verb(found, end, verb) or _verb_after_an_aside(found, end, verb))
            ):
                continue  # a verb that two groups lead to is flagged once
            if not stepped and verb == end:
                continue  # nothing between, no "se" nor "ne": `agreement.subject_verb`'s case
            persons = found[verb].persons()
            if "3p" in persons or "3s" not in persons:
                continue
            fixes = conjugate(found[verb], "3p")
            if fixes:
                message = f"accord du verbe avec « {found[group.head].text} »"
                issue = _verb_issue(part, offset, found, verb, "distant-verb", message, fixes)
                issues.extend([issue] if issue is not None else [])
                verbs.add(verb)
    return issues


_UNELIDED = {"n’": "ne", "s’": "se"}
"""The full form of an elided "ne" or "se", for a plural that starts with a consonant."""
_VOWELS = "aeiouyàâéèêëîïôûh"


def _verb_issue(
    part: str, offset: int, found: list[Token], verb: int, rule: str, message: str, fixes: list[str]
) -> Issue | None:
    """The issue of a verb's new form; after an elided "ne" or "se" ("n’est"), a form that starts
    with a consonant takes the clitic back in full with it ("ne sont", never "n’sont")."""
    clitic = found[verb - 1] if verb > 0 else None
    if clitic is None or not clitic.text.endswith(("’", "'")) or all(fix[:1].lower() in _VOWELS for fix in fixes):
        return _issue(part, offset, found[verb], rule, message, fixes)
    full = _UNELIDED.get(clitic.lower)
    if full is None:
        return None
    full = full.capitalize() if clitic.text[:1].isupper() else full
    whole = tuple(clitic.text + fix if fix[:1].lower() in _VOWELS else f"{full} {fix}" for fix in fixes)
    return Issue(part, offset + clitic.start, offset + found[verb].end, "grammar", rule, message, whole)


def distant_participle(card: CardText, speller: Speller) -> list[Issue]:
    """A participle after a plural "être" that disagrees with the plural subject before what stands
    between them (see the module)."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for group, end, stepped in _plural_subjects(found):
            verb = _verb_after(found, end)
            if not stepped or verb >= len(found) or verb > end:
                continue  # "se" or "ne" before it: a reflexive verb agrees otherwise
            if not any(lemma == "être" and "3p" in persons for lemma, _, persons in found[verb].finite()):
                continue
            at = verb + 1
            while at < len(found) and (found[at].has(":W") or found[at].has(":G:X")) and not found[at].is_adjective:
                at += 1
            for participle in _participles(found, at):
                gender = _one_gender(group.genders) or _one_gender(participle.genders((":Q",)))
                if gender is None or _agrees(participle, gender, "p"):
                    continue
                fixes = inflect(participle, gender, "p", speller)
                if len(fixes) == 1:
                    message = f"accord du participe avec « {found[group.head].text} »"
                    issues.append(_issue(part, offset, participle, "distant-participle", message, fixes))
    return issues


def name_participle(card: CardText, speller: Speller) -> list[Issue]:
    """ "Les VM hébergé sur l’hôte": after a plural determiner and a name or an acronym that the
    dictionary does not know (Grammalecte reads no noun group there), a singular participle or
    adjective that is nothing else takes the plural; in the gender "tous"/"toutes" or the
    determiner gives, else in both, for a person to choose."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index in range(1, len(found) - 1):
            name, word = found[index], found[index + 1]
            if name.known or not name.text[:1].isupper():
                continue
            determiner = found[index - 1]
            if not determiner.is_determiner or determiner.numbers(_DETERMINER_TAGS) != frozenset({"p"}):
                continue
            if not word.is_adjective or word.has(":N") or word.finite() or "s" not in word.numbers(_ADJECTIVE_TAGS):
                continue
            if any(_agrees(word, gender, "p") for gender in "mf"):
                continue
            genders = determiner.genders(_DETERMINER_TAGS) - {"e"}
            if index > 1 and found[index - 2].lower in _ALL:
                genders = found[index - 2].genders(_DETERMINER_TAGS) - {"e"}
            written = word.genders(_ADJECTIVE_TAGS)
            order = sorted(genders or {"m", "f"}, key=lambda gender: gender not in written)  # the written one first
            fixes = [fix for gender in order for fix in inflect(word, gender, "p", speller)]
            if fixes:
                message = f"accord avec « {determiner.text} {name.text} »"
                issues.append(_issue(part, offset, word, "name-participle", message, list(dict.fromkeys(fixes))))
    return issues


def adjective_chain(card: CardText, speller: Speller) -> list[Issue]:
    """ "des disques durs externe": after a plural determiner, its noun and an adjective that agrees
    with it, a second adjective that is only singular and no noun takes the noun's gender and
    number (not before "de"/"à" or a noun, where it may head a phrase of its own: "des écrans plats
    bon marché"; nor a verb before its object: "Les serveurs distants limite l'accès")."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for index in range(len(found) - 3):
            determiner, noun, first, second = found[index : index + 4]
            if not determiner.is_determiner or determiner.numbers(_DETERMINER_TAGS) != frozenset({"p"}):
                continue
            if not (noun.known and noun.has(":N") and "p" in noun.numbers(_NOUN_TAGS)):
                continue
            if not first.is_adjective or first.finite() or second.has(":G") or not second.has(":A"):
                continue
            if any(":N" in morph and ":A" not in morph for morph in second.morphs) or second.only_verb():
                continue  # a noun ("les droits administrateur") or a verb: not this slip
            if second.numbers(_ADJECTIVE_TAGS) != frozenset({"s"}):
                continue
            after = found[index + 4] if index + 4 < len(found) else None
            if after is not None and not after.is_punctuation and (after.lower in (*_DE, "à") or after.is_noun):
                continue
            if after is not None and (after.is_determiner or after.lower in _OBJECT_PRONOUNS) and second.finite():
                continue  # "Les serveurs distants limite l'accès": the verb's slip, not the adjective's
            gender = _one_gender(_agreeing(noun.genders(_NOUN_TAGS), first.genders(_ADJECTIVE_TAGS)))
            if gender is None or not _agrees(first, gender, "p") or _agrees(second, gender, "p"):
                continue
            fixes = inflect(second, gender, "p", speller)
            if len(fixes) == 1:
                message = f"accord avec « {noun.text} », comme « {first.text} »"
                issues.append(_issue(part, offset, second, "adjective-chain", message, fixes))
    return issues


_QUANTITY_NOUNS = frozenset(
    {"plupart", "majorité", "minorité", "moitié", "totalité", "partie", "ensemble", "reste", "quart", "tiers"}
    | {"dizaine", "douzaine", "vingtaine", "trentaine", "centaine", "millier", "foule", "multitude", "série"}
)
"""Nouns of a quantity or a share, whose verb may take the number of their plural complement ("la
plupart des postes qui ont reçu le script redémarrent", "la moitié des comptes … sont")."""
_INDEFINITE = frozenset({"un", "une"})


def relative_singular_verb(card: CardText, speller: Speller) -> list[Issue]:
    """ "La liste des postes qui reçoivent le script dépendent de l’OU": a singular noun group that
    opens its clause, a plural complement, a relative clause with "qui" whose plural verb agrees
    with that complement, then a verb that can only be the plural third person: the verb takes
    the head's singular, the relative took the complement's number. Not after a noun of quantity
    or share (`_QUANTITY_NOUNS`) nor an indefinite article ("un grand nombre de"), where the
    plural may be meant."""
    if speller.engine is None:
        return []
    issues = []
    for part, offset, found in _sentences(card, speller):
        for first in range(len(found)):
            if _opening(found, first) != "start" or found[first].lower in _INDEFINITE:
                continue
            group = noun_group(found, first)
            if group is None or group.number != "s" or not group.plural_complement:
                continue
            if found[group.head].lower in _QUANTITY_NOUNS or group.end >= len(found) or found[group.end].lower != "qui":
                continue
            end = _relative_end(found, group.end)
            if end is None or end >= len(found):
                continue
            verb = _verb_after(found, end)
            if verb >= len(found) or not _clearly_a_verb(found, end, verb):
                continue
            persons = found[verb].persons()
            if "3s" in persons or "3p" not in persons:
                continue
            tenses = frozenset(tense for _, tense, _ in found[verb].finite())
            if not (first > 0 and found[first - 1].lower in ("que", "qu’")):
                tenses = tenses - {"Sp", "Sq"} or tenses  # a main clause: the indicative the notes write
            fixes = conjugate(found[verb], "3s", tenses)
            if fixes:
                message = f"accord du verbe avec « {found[group.head].text} », pas avec la relative"
                issues.append(_issue(part, offset, found[verb], "relative-singular-verb", message, fixes))
    return issues


CHECKS = (
    ("distant-verb", distant_verb),
    ("distant-participle", distant_participle),
    ("name-participle", name_participle),
    ("adjective-chain", adjective_chain),
    ("relative-singular-verb", relative_singular_verb),
)
"""This module's checks, by rule name, for `rules.OWN_CHECKS`."""
