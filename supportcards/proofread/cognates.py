"""French words a French student writes the English or the accentless way, and their certain fix.

Each rule decides on an unknown word (a spelling finding) from the words around it, for
`review --yes` (`policy._spelling`):

- `cognate`: a word no French dictionary knows that is its French cognate but for the regular
  spelling changes between the two languages (`skeleton`: accents, doubled letters, "ction" for
  "xion", "o" for "au", "ment" for "ement", a final mute "e"): "la connection" -> "connexion",
  "les mêmes resources" -> "ressources", "une address" -> "adresse", "le developement" ->
  "développement". Only one common French word may fit, in the number typed, and only in a French
  phrase: the word before is French (an English word only if it is a determiner or a preposition),
  the word after is no English word ("connection string", "resource group" are English terms), nor
  is the word it is coordinated with ("Sans limits ni requests": two English terms, named as such),
  and the word is lowercase and outside code, which the checker never sees;
- `short-accents`: a word of three or four letters that lacks only its accents, right after an
  elided article or preposition or after a determiner that agrees with it ("l'etat", "une cle"):
  there a short unknown word is a noun, not a command or an abbreviation;
- `attribute-accents`: an English word that is a French adjective but for its accents, after a form
  of "être" ("doit être present" -> "présent"): an English term is a noun, never the attribute.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from .spelling import (
    ELISIONS,
    dominant,
    english_word,
    epithet_of,
    fits_after,
    strip_accents,
)

COGNATE_MIN_LENGTH = 6
"""Shorter English words ("mouse", "reset", "email") are terms French IT notes use as such."""
INTRODUCED_COGNATE_MIN_LENGTH = 5
"""A five-letter word is taken for its cognate only where the word before introduces the French
one ("un group de sécurité" -> 'groupe', "une opération logic" -> 'logique', "le model" ->
'modèle'), never for accents alone ("un email" stays: "émail" is another word)."""

_ENDINGS = (("ification", "ication"), ("xion", "ction"), ("ement", "ment"), ("ique", "ic"), ("aul", "au"), ("au", "o"))
"""French spelling -> the English one (authentification / authentication, connexion / connection,
développement / development, automatique / automatic, défaut / default, restauration /
restoration); doubled letters, accents and a final "e" are dropped besides."""

_SOUNDS = (
    (r"z", "s"),
    (r"nc(?=e)", "ns"),
    (r"a(?=[nm](?!ts?$)(?:[^aeiouy]|$))", "e"),
    (r"n(?=f)", "m"),
    (r"(?<=\w{3})abl(?=es?$)", "ibl"),
)
"""Letters the two languages write apart for one sound: "z" and "s" (virtualization /
virtualisation), "nce" and "nse" (license / licence), "an" and "en" (example / exemple,
recommendation / recommandation), but in a final "-ant" or "-ent", which tells a participle from a
verb ('voyant', "ils voient"); "n" and "m" before "f" (comfort / confort); a final "-able" the
English write "-ible" (responsible / responsable)."""


def skeleton(word: str) -> str:
    """`word` without what tells a French word from its English cognate: accents, case, doubled
    letters, a final mute "e" (before a plural "s" too), and with "ication", "ction", "ment", "ic",
    "o" for the French "ification", "xion", "ement", "ique", "au", "g" for a "gu" before "a" or "o",
    one spelling of the sounds of `_SOUNDS`. 'connexion' and 'connection', 'ressources' and
    'resources', 'adresse' and 'address', 'exemple' and 'example' share one."""
    plain = strip_accents(word.casefold())
    for french, english in _ENDINGS:
        plain = plain.replace(french, english)
    plain = re.sub(r"gu(?=[ao])", "g", plain)  # "gu" sounds "g" before "a" in French: language / langage
    for spelling, sound in _SOUNDS:
        plain = re.sub(spelling, sound, plain)
    plain = re.sub(r"e(s?)$", r"\1", plain)
    return re.sub(r"(.)\1+", r"\1", plain)


def plural_mark(word: str) -> bool:
    """Whether `word` ends with a plural mark: an "s", not a doubled "ss" (address), or the "x" of
    "-aux", "-eux", "-oux" (not that of 'syntax')."""
    lower = word.casefold()
    return (lower.endswith("s") and not lower.endswith("ss")) or lower.endswith(("aux", "eux", "oux"))


def cognate(
    word: str,
    candidates: Iterable[str],
    known: Callable[[str], bool],
    fits: Callable[[str], bool] | None = None,
    min_length: int = COGNATE_MIN_LENGTH,
) -> str | None:
    """The one common French word among `candidates` (and the words "ement" or a doubled letter
    makes of `word`: 'environment' -> 'environnement', 'automatic' -> 'automatique') that `word`
    is the cognate of (`skeleton`), in the number typed; None when none is, when several are of
    like frequency ('comande': 'commande' and 'commandé'), or when `word` is shorter than
    `min_length`. Where some `fits` the word before, only those count (a noun after "une":
    'adresse', not 'adressé')."""
    lower = word.casefold()
    if len(lower) < min_length or (len(lower) < COGNATE_MIN_LENGTH and not english_word(lower)):
        return None  # a short word is taken only as written in English: 'group', not 'côtée'
    pool = {candidate.casefold() for candidate in candidates} | _respelt(lower, known)
    if english_word(lower) and any(strip_accents(other) == lower != other and known(other) for other in pool):
        return None  # "les events": 'évents' is as near as an English word gets to French, 'éventés' no cognate
    target = skeleton(lower)
    found = [
        candidate
        for candidate in pool
        if strip_accents(candidate) != lower  # accents alone: "present" may be the English term
        and skeleton(candidate) == target
        and plural_mark(candidate) == plural_mark(lower)
        and known(candidate)
    ]
    if fits is not None:
        found = [candidate for candidate in found if fits(candidate)]
    if len(lower) < COGNATE_MIN_LENGTH:  # only the final mute "e" and accents: not 'traps' -> 'trappes'
        found = [candidate for candidate in found if strip_accents(candidate) in (lower + "e", lower[:-1] + "es")]
    if len(found) == 1:
        return found[0]  # the only French word of that skeleton, however rare: 'virtualisation'
    return dominant(found)


def _respelt(word: str, known: Callable[[str], bool]) -> set[str]:
    """French spellings of an English `word` that spell-checkers do not suggest, being two edits
    away: "ment" -> "ement" with one consonant doubled ('environment' -> 'environnement'), "ic" ->
    "ique" with accents added ('specific' -> 'spécifique'), a final mute "e" with accents added
    ('model' -> 'modèle')."""
    bases = {word}
    if word.endswith(("ment", "ments")) and not word.endswith(("ement", "ements")):
        bases.add(re.sub(r"ment(s?)$", r"ement\1", word))
    if word.endswith(("ic", "ics")):
        bases.add(re.sub(r"ic(s?)$", r"ique\1", word))
    elif not re.search(r"[aeiouy]s?$", word):
        bases.add(re.sub(r"(s?)$", r"e\1", word, count=1))  # a final mute "e": 'model' -> 'modèle', 'syntax'
    found: set[str] = set()
    for base in bases:
        doubled = {base[: i + 1] + base[i:] for i in range(1, len(base) - 1) if base[i] not in "aeiouy"}
        found.update(candidate for candidate in doubled | {base} if known(candidate))
        if base != word:
            found |= accented_forms(base, known)  # 'specific' -> 'spécifique'
    return found


def french_phrase(
    before: str | None, after: str | None, french: Callable[[str], bool], morph: Callable[[str], list[str]]
) -> bool:
    """Whether the words around a word make it part of a French phrase: the word `before` is French
    (an English one too only as a determiner, a preposition or a conjunction: "de", "a", "et"), and the word `after`, if
    any, is no English word ("connection string", "resource group"), unless a French grammatical
    word ("de", "et"), an elided one ("d’"), an accented one ("réseau", which English lists hold)
    or an acronym ("l’address MAC")."""
    if before is None or not (before.casefold() in ELISIONS or french(before)):
        return False
    if (
        before.casefold() not in ELISIONS
        and english_word(before)
        and not any(re.search(":G:[DRC]", reading) for reading in morph(before.casefold()))
    ):
        return False
    if after is None or after.casefold() in ELISIONS or not after.isascii() or after.isupper() or after.istitle():
        return True  # an elided word ("la period d’essai"), an accented one ("réseau"), an acronym ("MAC"), a name
    return not english_word(after) or any(":G:" in reading for reading in morph(after.casefold()))


def _a_verb(word: str | None, morph: Callable[[str], list[str]]) -> bool:
    """Whether `word` is a conjugated verb and nothing else ("résume", "génère"): a capitalised word opening a
    sentence before it is the verb's subject, which a French noun never is without a determiner,
    so a name ("Copilot", a product), not an English spelling of a French noun."""
    readings = morph(word.casefold()) if word else []
    return bool(readings) and all(re.search(r":V.*:(?:Ip|Iq|Is|If|K|Sp|Sq|E)", reading) for reading in readings)


def english_term(word: str | None, french: Callable[[str], bool]) -> bool:
    """Whether `word` is English and no French word: a term ("requests"), whose neighbours joined
    to it by "et", "ou" or "ni" are English terms too ("limits")."""
    return word is not None and english_word(word) and not french(word)


def short_accents(word: str, fix: str, before: str | None, morph: Callable[[str], list[str]]) -> bool:
    """Whether `fix`, `word` with its accents (a word of three or four letters), is certain: it is a
    noun the word before introduces, an elided article or preposition ("l'etat", "d'ete") or an
    agreeing determiner ("une cle") (`spelling.fits_after`)."""
    lower = word.casefold()
    if not 3 <= len(lower) <= 4 or not lower.isalpha() or english_word(lower):
        return False
    if strip_accents(fix.casefold()) != lower or fix.casefold() == lower:
        return False
    return before is not None and fits_after(before, fix.casefold(), morph)


def attribute_accents(word: str, fix: str, before: str | None, morph: Callable[[str], list[str]]) -> bool:
    """Whether `fix`, `word` with its accents, is an adjective after a form of "être" ("être
    present", "est complete"): an English word there is the French adjective unaccented."""
    if before is None or strip_accents(fix.casefold()) != word.casefold() or fix.casefold() == word.casefold():
        return False
    after_etre = any(reading.startswith(">être/") for reading in morph(before.casefold()))
    return after_etre and any(":A" in reading for reading in morph(fix.casefold()))


def french_fix(
    word: str,
    suggestions: list[str],
    before: str | None,
    after: str | None,
    lexicon: Any,
    known: Callable[[str], bool],
    partner: str | None = None,
    opening: bool = False,
) -> tuple[str, str] | None:
    """The rule of this module that fixes `word`, an unknown lowercase word, and its fix (see the
    module), or None. `before` and `after` are the words beside it in its sentence (None at a
    punctuation mark), `partner` the word "et", "ou" or "ni" joins it to, `lexicon` Grammalecte's
    spell checker, `known` whether a word is French. A word `opening` a French sentence (read in
    lowercase) has no word before it: only a noun cognate is taken there, when no English word
    follows ("Example : on redémarre" -> 'exemple')."""
    if not word.isalpha() or not word.islower() or not suggestions:
        return None
    morph = lexicon.getMorph
    if opening:
        if not french_phrase("de", after, known, morph) or english_term(partner, known) or _a_verb(after, morph):
            return None  # "Copilot résume les réunions": a subject without determiner is a name
        fix = cognate(word, suggestions, known, lambda candidate: any(":N" in reading for reading in morph(candidate)))
        return ("cognate", fix) if fix is not None else None
    first = suggestions[0]
    if short_accents(word, first, before, morph):
        return "short-accents", first
    if english_word(word) and attribute_accents(word, first, before, morph):
        return "attribute-accents", first
    if not french_phrase(before, after, known, morph) or english_term(partner, known):
        return None
    fix = cognate(
        word, suggestions, known, lambda candidate: _introduced(before, candidate, morph), INTRODUCED_COGNATE_MIN_LENGTH
    )
    if fix is not None:
        return "cognate", fix
    after_noun = before is not None and before.casefold() not in ELISIONS and _only_a_noun(before, morph)
    accented = english_accents(
        word, suggestions, known, lambda candidate: _introduced(before, candidate, morph), after_noun
    )
    return ("english-accents", accented) if accented is not None else None


ENGLISH_ACCENTS_MIN_LENGTH = 5
"""Shorter English words ("role", "cafe") are left to `short-accents`, after their article."""


def english_accents(
    word: str,
    candidates: Iterable[str],
    known: Callable[[str], bool],
    fits: Callable[[str], bool],
    after_noun: bool = False,
) -> str | None:
    """The one common French word among `candidates` that is `word`, an English word of a French
    phrase, but for its accents: "conservés grace à" -> 'grâce', "le cable est" -> 'câble'. Where
    some of those accented forms `fits` the word before (a noun after "le"), only they count; the
    commonest must be far ahead of the others (`spelling.dominant`): 'câble', not 'câblé'. Right
    `after_noun`, only a fitting form (an epithet) counts: an English word there names something
    ("la commande resume", "le mode debug"), it is no French word unaccented."""
    lower = word.casefold()
    if len(lower) < ENGLISH_ACCENTS_MIN_LENGTH or not english_word(lower) or known(lower):
        return None
    pool = {candidate.casefold() for candidate in candidates} | accented_forms(lower, known)
    found = [
        candidate for candidate in pool if candidate != lower and strip_accents(candidate) == lower and known(candidate)
    ]
    fitting = [candidate for candidate in found if fits(candidate)]
    return dominant(fitting if fitting or after_noun else found)


_ACCENTED = {"a": "aàâ", "c": "cç", "e": "eéèê", "i": "iîï", "o": "oô", "u": "uùû"}
ACCENTED_FORMS_MAX = 6
"""Letters that may take an accent beyond this many make too many spellings to try: the
suggestions alone are weighed."""


def accented_forms(word: str, known: Callable[[str], bool]) -> set[str]:
    """The words `known` accepts that are `word` (lowercase, unaccented) with accents added: every
    accented form, not only those a spell-checker suggests ('resume': 'résume' and 'résumé')."""
    places = [index for index, letter in enumerate(word) if letter in _ACCENTED]
    if len(places) > ACCENTED_FORMS_MAX:
        return set()
    forms = {word}
    for index in places:
        forms = {form[:index] + letter + form[index + 1 :] for form in forms for letter in _ACCENTED[word[index]]}
    return {form for form in forms if form != word and known(form)}


def _only_a_noun(word: str, morph: Callable[[str], list[str]]) -> bool:
    """Whether the lexicon reads `word` as a noun and as nothing else."""
    readings = morph(word.casefold())
    return bool(readings) and all(":N" in reading for reading in readings)


def _introduced(before: str | None, noun: str, morph: Callable[[str], list[str]]) -> bool:
    """Whether `noun` may stand after `before` as a noun: `before` introduces it (a determiner or
    a preposition, `spelling.fits_after`) or is an adjective before it ("les mêmes ressources")."""
    if before is None:
        return False
    if before.casefold() not in ELISIONS and epithet_of(before, noun, morph):
        return True
    if not any(":N" in reading for reading in morph(noun)):
        return False
    if fits_after(before, noun, morph):
        return True
    return before.casefold() not in ELISIONS and any(":A" in reading for reading in morph(before.casefold()))
