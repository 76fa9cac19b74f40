"""Spelling: which words no dictionary knows, and the likely word for each, first.

A word is known when pyspellchecker's French list or Grammalecte's dictionary (when installed) has
it, or the glossary lists it; elisions (l’, qu’, jusqu’), compounds and inverted pronouns
("détermine-t-on") are split first. Suggestions pool both engines' candidates and are ranked by a
weighted edit distance, where the slips these notes are made of cost less than other edits (a
missing or wrong accent, a doubled or undoubled letter, letters that sound alike, a neighbouring
key, two swapped letters), then by how frequent the word is in French (pyspellchecker's counts); a
word typed with a plural mark prefers a plural; after a noun it may qualify, the adjectives that
agree with that noun come first (`qualified_noun`, `agreeing_first`).

For `review --yes` (`policy.py`): `missing_letter` (one letter left out, nothing else close) and
`sole_edit` (the only common word one typist's slip away, `likely_slip`, taken where the word
before introduces it as a noun, `fits_after`, or, in a French sentence, where the word's class fits
its neighbours, `fits_neighbours`, and Grammalecte finds the line no worse) name fixes that are
certain; English words, an English "-er" ending, a word clipped after "o" or "i" are never "fixed".

`verb_for_noun_check` (the own check `verb-for-noun`) flags a real word of the wrong class: a verb
form after a determiner that only differs by its silent ending from the noun meant ("de la souri",
"un conseille").
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from .text import CardText, Issue, words

if TYPE_CHECKING:
    from spellchecker import SpellChecker

ELISIONS = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu")
INVERTED_PRONOUNS = ("je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce", "t")
SUGGESTIONS = 5

_AZERTY = ("azertyuiop", "qsdfghjklm", "wxcvbn")


@lru_cache(maxsize=1)
def _english() -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


def english_word(word: str) -> bool:
    """Whether `word` is an English word (pyspellchecker's English list): in IT notes, a term
    ("reset", "root") more often than a French word mistyped."""
    return word.casefold() in _english()


def english_asides(front: str) -> tuple[str, ...]:
    """The phrases of two words or more in a front's parentheses made of English words only
    ("captive portal"): a term's English name, lowercase, never to proofread as French ("captive"
    is also a French adjective, which made "portal" agree with it)."""
    return tuple(
        inside.strip()
        for inside in re.findall(r"\(([^()]*)\)", front)
        if len(found := re.findall(r"[^\W\d_]+", inside)) >= 2 and all(english_word(word) for word in found)
    )


_FRONT_JOINTS = frozenset({"et", "ou", "and", "or", "vs"})
"""The words that join the parts of a front written in English ("Requests et limits")."""


def english_front(front: str, french: Callable[[str], bool]) -> frozenset[str]:
    """The words of a front written in English, lowercase or not ("Requests et limits", "Rolling
    update"): two words or more, each an English word that French does not have (`french`; the
    English list holds many French words), joined by "et", "ou" or "and" at most, acronyms aside.
    The front names a term in English, which the answer uses again as written: "les limits
    plafonnent" is no 'limites' misspelt."""
    found = [word for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", front) if not word.isupper()]
    terms = [word.casefold() for word in found if word.casefold() not in _FRONT_JOINTS]
    if len(terms) < 2 or not all(english_word(word) and not french(word) for word in terms):
        return frozenset()
    return frozenset(terms)


_FRENCH_VERB_ENDINGS = ("ées", "és", "ée", "é", "er", "ez", "ait", "ant")


def english_stem(word: str) -> bool:
    """Whether `word` is an English word with a French verb's ending ("hashé", "pingé"): a verb
    made of an English term, not a French word misspelt ('haché')."""
    lower = word.casefold()
    return any(
        lower.endswith(ending) and len(lower) - len(ending) >= 3 and english_word(lower[: -len(ending)])
        for ending in _FRENCH_VERB_ENDINGS
    )


_QWERTY = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


@lru_cache(maxsize=1)
def dictionary() -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker(language="fr", distance=2)


def _neighbours() -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {}
    for layout in (_AZERTY, _QWERTY):
        for row_number, row in enumerate(layout):
            for column, key in enumerate(row):
                near = keys.setdefault(key, set())
                for other_row in range(max(0, row_number - 1), min(len(layout), row_number + 2)):
                    other = layout[other_row]
                    near.update(other[max(0, column - 1) : column + 2])
                near.discard(key)
    return keys


NEIGHBOURS = _neighbours()


SOUND_SPELLINGS = (
    ("c", "k", "qu", "ck"),
    ("f", "ph"),
    ("t", "th"),
    ("o", "au", "eau"),
    ("è", "ai", "ei"),
    ("ament", "amment", "emment"),
    ("tion", "ssion"),
)
"""Spellings of one sound, of which a student who writes by ear puts one for another: "stoqué"
('stocké'), "termique" ('thermique'), "fotocopie" ('photocopie'), "nécessère" ('nécessaire'),
"fréquament" ('fréquemment': the adverbs of "-ant" and "-ent" adjectives sound alike),
"transmition" ('transmission').
Each is one slip, not two edits."""

SOUND_COST = 0.4
"""What `slip_distance` counts for one spelling of a sound written for another, as for "an"/"en"."""

_SOUND_PAIRS = tuple(
    (typed, meant) for group in SOUND_SPELLINGS for typed in group for meant in group if typed != meant
)


def strip_accents(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char))


def _substitution_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if strip_accents(a) == strip_accents(b):
        return 0.2
    if b in NEIGHBOURS.get(strip_accents(a), ()):
        return 0.6
    return 1.0


def slip_distance(typed: str, word: str) -> float:
    """Edit distance where likely slips cost less: accents 0.2, doubling 0.3, "an"/"en", "i"/"y"
    and one spelling of a sound for another (`SOUND_SPELLINGS`: "è"/"ai", "qu"/"c") 0.4, neighbour
    keys and swapped letters 0.6, anything else 1: 'hebdomadères' is nearer 'hebdomadaires' than
    'hebdomadières', a letter inserted."""
    a, b = typed.casefold(), word.casefold()
    rows = len(a) + 1
    cols = len(b) + 1
    table = [[0.0] * cols for _ in range(rows)]
    for i in range(rows):
        table[i][0] = float(i)
    for j in range(cols):
        table[0][j] = float(j)
    for i in range(1, rows):
        for j in range(1, cols):
            delete = 0.3 if i > 1 and a[i - 1] == a[i - 2] else 1.0
            insert = 0.3 if (j > 1 and b[j - 1] == b[j - 2]) or (j < cols - 1 and b[j - 1] == b[j]) else 1.0
            substitute = _substitution_cost(a[i - 1], b[j - 1])
            if {a[i - 1], b[j - 1]} == {"a", "e"} and a[i : i + 1] == b[j : j + 1] and a[i : i + 1] in ("n", "m"):
                substitute = 0.4  # "an" and "en" sound alike: précédante, suivents
            elif {a[i - 1], b[j - 1]} == {"i", "y"}:
                substitute = 0.4  # so do "i" and "y": voyent
            best = min(
                table[i - 1][j] + delete,
                table[i][j - 1] + insert,
                table[i - 1][j - 1] + substitute,
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, table[i - 2][j - 2] + 0.6)
            for typed_spelling, spelling in _SOUND_PAIRS:
                if a.endswith(typed_spelling, 0, i) and b.endswith(spelling, 0, j):
                    best = min(best, table[i - len(typed_spelling)][j - len(spelling)] + SOUND_COST)
            table[i][j] = best
    return table[-1][-1]


def score(typed: str, candidate: str, frequency: Callable[[str], int]) -> float:
    """How far `candidate` is from what was typed (lower is likelier): slip distance, less for a
    frequent word (a rare word needs a closer spelling)."""
    distance = slip_distance(typed, candidate) - 0.15 * math.log10(1 + frequency(candidate.casefold()))
    if typed.endswith(("s", "x")) and not candidate.endswith(("s", "x")):
        distance += 0.5  # a word typed with a plural mark most likely stays plural: inutils
    return distance


def rank(typed: str, candidates: Iterable[str], frequency: Callable[[str], int]) -> list[str]:
    """Candidates best first by `score`."""
    unique = {candidate for candidate in candidates if candidate and candidate.casefold() != typed.casefold()}
    return sorted(unique, key=lambda candidate: (score(typed, candidate, frequency), candidate))


def frequency(word: str) -> int:
    """How frequent `word` is in French (pyspellchecker's counts; 0: not in its list)."""
    return int(dictionary()[word.casefold()])


MISSING_LETTER_MARGIN = 0.5
"""How much likelier (in `score`) the word with one letter added must be than any other suggestion
of the same number for `missing_letter` to take it (measured: bench/README, "Spelling")."""


def missing_letter(word: str, suggestions: Iterable[str], plural: Callable[[str], bool] | None = None) -> str | None:
    """The suggestion that only adds one letter to `word`, when nothing else is close: 'inutils' ->
    'inutiles', 'cartouhe' -> 'cartouche'. None unless `word` has at least 5 letters and is no
    English word, and the first suggestion that keeps its plural mark is `word` with one letter
    added (not a capitalised name), better by `MISSING_LETTER_MARGIN` than every other suggestion
    but the same word in the other number ('inutile' does not stand against 'inutiles'; 'comprit'
    does against 'compris'). A final "s" that marks no plural (`plural`, from the lexicon, says
    which words are plurals) keeps the number: 'longtemp' -> 'longtemps'."""
    lower = word.casefold()
    if len(lower) < 5 or english_word(lower):
        return None
    suggestions = list(suggestions)
    typed_plural = lower.endswith(("s", "x"))

    def keeps_number(suggestion: str) -> bool:
        candidate = suggestion.casefold()
        if candidate.endswith(("s", "x")) == typed_plural:
            return True
        return plural is not None and candidate == lower + "s" and not plural(candidate)

    same = [suggestion for suggestion in suggestions if keeps_number(suggestion)]
    if not same:
        return None
    if same[0][:1].isupper() and not word[:1].isupper():
        return None  # a name is no fix of a lowercase word: 'anacron' (a command) is not 'Anacréon'
    first = same[0].casefold()
    if clipped(lower, first):
        return None
    if len(first) != len(lower) + 1 or not any(first[:i] + first[i + 1 :] == lower for i in range(len(first))):
        return None
    best = score(lower, first, frequency)
    rivals = [other.casefold() for other in suggestions if _number_stem(other) != _number_stem(first)]
    if any(score(lower, other, frequency) < best + MISSING_LETTER_MARGIN for other in rivals):
        return None
    return same[0]


def _number_stem(word: str) -> str:
    """A word without its plural mark: 'inutiles' and 'inutile' are one word in two numbers."""
    lower = word.casefold()
    return lower[:-1] if lower.endswith(("s", "x")) else lower


class Speller:
    """French dictionary look-ups that understand elisions, compounds and inverted pronouns.

    `engine` is Grammalecte's spell checker when it is installed (see `grammar.engine`), else None.
    """

    def __init__(self, known: Iterable[str] = (), engine: object | None = None):
        self.dictionary = dictionary()
        self.engine = engine
        self.known = {word.casefold() for word in known}

    def _in_dictionaries(self, word: str) -> bool:
        lower = word.casefold()
        if lower in self.known or lower in self.dictionary:
            return True
        return self.engine is not None and bool(self.engine.isValid(word))  # type: ignore[attr-defined]

    def is_known(self, word: str) -> bool:
        """Whether the dictionaries know `word`, with either apostrophe: Grammalecte lists
        compounds with the typographic one only ("main-d’œuvre", "chef-d’œuvre"), whose parts
        ("main-d") are no words."""
        plain = word.replace("’", "'")
        if self._in_dictionaries(plain) or ("'" in plain and self._in_dictionaries(plain.replace("'", "’"))):
            return True
        lower = plain.casefold()
        if "'" in lower:
            head, _, rest = lower.partition("'")
            if head in ELISIONS:
                return not rest or self.is_known(plain[len(head) + 1 :])
            return False
        if "-" in lower:
            parts = plain.split("-")
            while len(parts) > 1 and parts[-1].casefold() in INVERTED_PRONOUNS:
                parts.pop()
            return all(self.is_known(part) for part in parts if part)
        return False

    def frequency(self, word: str) -> int:
        return int(self.dictionary[word])

    def candidates(self, word: str) -> list[str]:
        """Both engines' candidates for `word` (lowercase), ranked."""
        lower = word.casefold()
        found = set(self.dictionary.candidates(lower) or ())
        if self.engine is not None:
            for group in self.engine.suggest(lower):  # type: ignore[attr-defined]
                found.update(candidate for candidate in group if " " not in candidate)
        found.discard(lower)
        return rank(lower, found, self.frequency)

    def suggestions(self, word: str, before: str = "") -> list[str]:
        """Likely words for `word`, best first, in its case; an elision's head is kept. `before`,
        the text before the word, may name a noun the word qualifies: the suggestions that agree
        with it come first (`agreeing_first`)."""
        head, apostrophe, rest = word.replace("’", "'").rpartition("'")
        target = rest if apostrophe and head.casefold() in ELISIONS else word
        prefix = word[: len(word) - len(target)]
        ranked = self.candidates(target)[:SUGGESTIONS]
        if before and self.engine is not None:
            morph = self.engine.getMorph  # type: ignore[attr-defined]
            ranked = agreeing_first(target, ranked, qualified_noun(before, morph), morph)
        if target[:1].isupper():
            ranked = [candidate[:1].upper() + candidate[1:] for candidate in ranked]
        return [prefix + candidate for candidate in ranked]

    def suggest(self, word: str) -> str | None:
        found = self.suggestions(word)
        return found[0] if found else None


FRENCH_LETTERS = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ"

SOLE_EDIT_DOMINANCE = 20
"""How many times more frequent than any other word one edit away (another word, not the same in
the other number) a word must be for `sole_edit` to take it: 'matun' is 'matin' (40,550), not
'maton' (rare)."""

SOLE_EDIT_UNLIKELY_DOMINANCE = 5
"""How many times more frequent the word must be than a rival that no typist's slip makes of what
was typed (`likely_slip`): 'suspets' is 'suspects' (5,790), not 'suspens' (439, a "t" for an "n"),
'termique' 'thermique', not 'dermique'."""

SOLE_EDIT_MIN_FREQUENCY = 100
"""A word rarer than this in French is no fix `sole_edit` takes: a rare word's accepted variants
are often missing from the dictionaries ("pixellisée" beside "pixelisée")."""

SOUND_ALIKE = frozenset(frozenset(pair) for pair in ("st", "sc", "sz", "cç", "ck", "cq", "gj", "iy", "ae", "mn"))
"""Letters one writes for the other by ear: résolusion (-tion), "an"/"en", "i"/"y"."""

VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüÿœæ")


def dominant(candidates: list[str]) -> str | None:
    """The most frequent of `candidates`, if it is common and far commoner than every other one
    (`SOLE_EDIT_MIN_FREQUENCY`, `SOLE_EDIT_DOMINANCE`): the only likely word meant."""
    if not candidates:
        return None
    best = max(candidates, key=lambda candidate: (frequency(candidate), candidate))
    if frequency(best) < SOLE_EDIT_MIN_FREQUENCY:
        return None
    if any(frequency(best) < SOLE_EDIT_DOMINANCE * max(frequency(other), 1) for other in candidates if other != best):
        return None
    return best


def one_edit_words(word: str, known: Callable[[str], bool]) -> set[str]:
    """The words `known` accepts that are one edit from `word` (lowercase): a letter left out,
    added, replaced (an accent counts as a letter) or two neighbouring letters swapped."""
    lower = word.casefold()
    splits = [(lower[:i], lower[i:]) for i in range(len(lower) + 1)]
    edits = {left + right[1:] for left, right in splits if right}
    edits |= {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    edits |= {left + letter + right[1:] for left, right in splits if right for letter in FRENCH_LETTERS}
    edits |= {left + letter + right for left, right in splits for letter in FRENCH_LETTERS}
    edits.discard(lower)
    return {edit for edit in edits if known(edit)}


_OPEN_E = re.compile(r"é(?=([bcdfglmnprst])(?!\1))")
"""An "é" before a single consonant, which French writes "e" and the consonant doubled for the
same sound: "vérouiller" ('verrouiller'), "éfectuer" ('effectuer'), "érreur" aside."""


def sound_step_words(word: str, known: Callable[[str], bool]) -> set[str]:
    """The words `known` accepts that `word` (lowercase) becomes when one spelling of a sound is
    replaced by another of `SOUND_SPELLINGS`, at one place ('stoqué' -> 'stocké'), or an "é" before
    a single consonant by an "e" before it doubled (`_OPEN_E`: 'vérouillé' -> 'verrouillé')."""
    found = {
        candidate
        for match in _OPEN_E.finditer(word)
        if known(candidate := word[: match.start()] + "e" + match.group(1) + word[match.start() + 1 :])
    }
    for group in SOUND_SPELLINGS:
        for spelling in group:
            for start in (match.start() for match in re.finditer(re.escape(spelling), word)):
                for other in group:
                    if other != spelling:
                        candidate = word[:start] + other + word[start + len(spelling) :]
                        if candidate != word and known(candidate):
                            found.add(candidate)
    return found


def english_ending(typed: str, word: str) -> bool:
    """Whether `word` only turns an English "-er" ending into the French "-re", in either number:
    "datacenter" is no swapped "datacentre", nor "datacenters" "datacentres"; "pinger" (ping +
    -er, a verb made from a command) no "pingre"."""
    lower, meant = typed.casefold(), word.casefold()
    if lower.endswith("ers") and meant.endswith("res"):
        lower, meant = lower[:-1], meant[:-1]
    return lower.endswith("er") and meant == lower[:-2] + "re"


def clipped(typed: str, word: str) -> bool:
    """Whether `typed` is `word` clipped of its last letter after an "o" or an "i", as speech
    shortens French words ("visio", "dispo", "appli"), in the plural too ("les visios" is no
    "visions"): no letter left out."""
    lower, meant = typed.casefold(), word.casefold()
    if lower.endswith(("os", "is")) and meant.endswith("s"):
        lower, meant = lower[:-1], meant[:-1]
    return lower.endswith(("o", "i")) and meant[:-1] == lower


def likely_slip(typed: str, word: str) -> bool:
    """Whether the one edit from `typed` to `word` is a slip a typist makes, not a name's own
    spelling: a key replaced by its neighbour or by a letter that sounds the same (matun,
    résolusion; not procps -> procès), two letters swapped, a letter left out after the first
    (longtemp, empatie; not stime -> estime), a consonant doubled inside the word (parolle; not
    journald, buildd, ddate, nor "réétablir", a word the dictionaries lack), or a key struck inside
    the word beside the key of a letter next to it (enciore)."""
    if len(typed) == len(word):
        diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        if len(diff) == 2:
            return not english_ending(typed, word)  # two neighbouring letters swapped
        a, b = typed[diff[0]], word[diff[0]]
        return strip_accents(a) == strip_accents(b) or b in NEIGHBOURS.get(a, ()) or {a, b} in SOUND_ALIKE
    if len(typed) < len(word):
        added = [i for i in range(len(word)) if word[:i] + word[i + 1 :] == typed]
        return added[0] > 0 and not clipped(typed, word)
    dropped = [i for i in range(len(typed)) if typed[:i] + typed[i + 1 :] == word]
    if not dropped or dropped[0] == 0 or dropped[-1] == len(typed) - 1:
        return False  # a letter added inside the word, not at either end
    if len(dropped) == 1:  # a key struck with its neighbour: enciore
        at = dropped[0]
        near = NEIGHBOURS.get(strip_accents(typed[at]), set())
        return bool(near & {strip_accents(typed[at - 1]), strip_accents(typed[at + 1])})
    return typed[dropped[0]] not in VOWELS


def sole_edit(
    word: str, known: Callable[[str], bool], plural: Callable[[str], bool], agrees: Callable[[str], bool] | None = None
) -> str | None:
    """The one likely word one edit from `word`, if there is one: the most frequent of the words one
    edit away (`one_edit_words`) that keep its plural mark, when it is common
    (`SOLE_EDIT_MIN_FREQUENCY`), `SOLE_EDIT_DOMINANCE` times as frequent as every other word one
    edit away (but the same word in the other number), and the edit a typist's slip
    (`likely_slip`). An "s" added that marks no plural (`plural` tells which words are plurals) is
    no change of number: 'longtemp' -> 'longtemps'; 'précies' is no 'précise'. Where the word
    qualifies a noun (`agrees` tells which words agree with it) and some words one edit away agree,
    only those are weighed: "Réponses moins précies" is 'précises', not the commoner 'précis'.

    'matun' -> 'matin', 'opérarions' -> 'opérations', 'parolle' -> 'parole', 'empatie' -> 'empathie'.
    """
    lower = word.casefold()
    found = one_edit_words(lower, known)
    sounds = sound_step_words(lower, known) - found
    found |= sounds
    typed_plural = lower.endswith(("s", "x"))

    def keeps_number(candidate: str) -> bool:
        if candidate.endswith(("s", "x")) == typed_plural:
            return True
        return candidate == lower + "s" and not plural(candidate)

    kept = [candidate for candidate in found if keeps_number(candidate)]
    if agrees is not None and any(agrees(candidate) for candidate in kept):
        found = {candidate for candidate in found if agrees(candidate)}
        kept = [candidate for candidate in kept if agrees(candidate)]
    if not kept:
        return None
    best = max(kept, key=lambda candidate: (frequency(candidate), candidate))
    if best not in sounds and not likely_slip(lower, best):
        return None
    rivals = [other for other in found if _number_stem(other) != _number_stem(best)]
    counted = [other for other in rivals if frequency(other) > 0]  # a word the counts lack was not meant
    strong = _key_slip(lower, best) or _doubled(lower, best) or best in sounds
    if frequency(best) < SOLE_EDIT_MIN_FREQUENCY and (counted or not strong):
        return None
    if frequency(best) < SOLE_EDIT_RARE_FREQUENCY:
        return None

    def dominance(other: str) -> int:
        slip = other in sounds or likely_slip(lower, other)
        return SOLE_EDIT_DOMINANCE if slip else SOLE_EDIT_UNLIKELY_DOMINANCE

    if any(frequency(best) < dominance(other) * max(frequency(other), 1) for other in rivals):
        return None
    return best


ONLY_WORD_MIN_LENGTH = 6
"""The least length of a word `only_word` fixes: shorter unknown words are commands and
abbreviations as often as slips, and have many neighbours."""

ENGLISH_COMPOUND_MIN_COUNT = 10_000
"""How common in English each part of an `english_compound` must be (pyspellchecker's counts:
"up" 5 million, "data" 49,251; "sente" 50, "ait" 61)."""


def english_compound(word: str) -> bool:
    """Whether `word` is two common English words run together ("uptime", "datacenter",
    "winget"): a technical term, not a French word misspelt ('ultime', 'datacentre', 'widget')."""
    lower = word.casefold()
    counts = _english()
    return any(
        counts[lower[:i]] >= ENGLISH_COMPOUND_MIN_COUNT and counts[lower[i:]] >= ENGLISH_COMPOUND_MIN_COUNT
        for i in range(2, len(lower) - 1)
    )


def only_word(word: str, known: Callable[[str], bool], morph: Callable[[str], list[str]]) -> str | None:
    """The one word of the dictionaries that `word` (lowercase) is one edit or one sound step from
    (`one_edit_words`, `sound_step_words`), when no other word at all is (the same word in the
    other number aside, which is not taken): 'obselète' -> 'obsolète', 'ondulleurs' ->
    'onduleurs', 'téléfoniques' -> 'téléphoniques'. With no rival, any edit will do, not only a
    typist's likely one (`sole_edit`), but the word must keep its last three letters (an ending
    changed is another word or form: "répliqueur" is no 'répliquer', "recevent" no 'recevant',
    "journald" no 'journal'), not be a conjugated verb only (a conjugation is the conjugation
    rules' to fix: "envoyeront" is no 'envoleront'), and be common, itself or its lemma
    (`SOLE_EDIT_RARE_FREQUENCY`: a rare word's variants are missing from the dictionaries,
    "pixellisée" beside 'pixelisée'; "routable" is no 'rouable')."""
    lower = word.casefold()
    if len(lower) < ONLY_WORD_MIN_LENGTH:
        return None
    found = one_edit_words(lower, known) | sound_step_words(lower, known)
    if len({_number_stem(candidate) for candidate in found}) != 1:
        return None
    typed_plural = lower.endswith(("s", "x"))
    same_number = [candidate for candidate in found if candidate.endswith(("s", "x")) == typed_plural]
    if len(same_number) != 1 or same_number[0][-3:] != lower[-3:]:
        return None
    fix = same_number[0]
    readings = morph(fix)
    if readings and all(_FINITE.search(reading) for reading in readings):
        return None
    lemmas = {reading[1 : reading.index("/")] for reading in readings if reading.startswith(">") and "/" in reading}
    if max(frequency(candidate) for candidate in {fix, *lemmas}) < SOLE_EDIT_RARE_FREQUENCY:
        return None
    return fix


def outweighed(typed: str, fix: str, known: Callable[[str], bool]) -> bool:
    """Whether `fix`, a rare word (`SOLE_EDIT_MIN_FREQUENCY`), has a rival one edit from `typed`
    (another word, not `fix` in the other number) `SOLE_EDIT_DOMINANCE` times as frequent: "le
    contat" is 'contact' or 'contrat' more likely than 'contât', the accents it lacks."""
    lower, best = typed.casefold(), fix.casefold()
    if frequency(best) >= SOLE_EDIT_MIN_FREQUENCY:
        return False
    rivals = [word for word in one_edit_words(lower, known) if _number_stem(word) != _number_stem(best)]
    return any(frequency(word) >= SOLE_EDIT_DOMINANCE * max(frequency(best), 1) for word in rivals)


def qualified_noun(before: str, morph: Callable[[str], list[str]]) -> list[str]:
    """The noun readings of the noun that a word typed after `before` qualifies as an adjective:
    the last word of `before`'s clause before one adverb or more ("Réponses possiblement moins"),
    when the lexicon reads it as a noun and as no conjugated verb; [] when there is none. Right
    after a noun the word may as well be its verb ("l’entreprise acepte": 'accepte', not the
    adjective 'adepte'); after an adverb ("moins", "très") it is an adjective."""
    clause = re.split(r"[,;:.!?()\[\]/\n]", before)[-1]
    adverbs = 0
    for word in reversed(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", clause)):
        readings = morph(word.casefold())
        if any(":W" in reading for reading in readings):
            adverbs += 1
            continue
        if not adverbs or any(re.search(r":[IKS][pqsf]?:", reading) or ":G" in reading for reading in readings):
            return []
        return [reading for reading in readings if ":N" in reading]
    return []


def agrees_with(noun: list[str], candidate: str, morph: Callable[[str], list[str]]) -> bool:
    """Whether `candidate` reads as an adjective (or a participle) agreeing in gender and number
    with one of the `noun`'s readings."""
    adjectives = [reading for reading in morph(candidate.casefold()) if ":A" in reading or ":Q" in reading]
    return any(_agree(reading, adjective) for reading in noun for adjective in adjectives)


def epithet_of(noun: str, adjective: str, morph: Callable[[str], list[str]]) -> bool:
    """Whether `adjective` may follow `noun` as its epithet, agreeing with it: "un verrouillage
    automatique", "les fichiers suspects". `noun` must be nothing but a noun (no verb: "il lance
    automatique" is no noun group)."""
    nouns = morph(noun.casefold())
    if not nouns or not all(":N" in reading for reading in nouns):
        return False
    return agrees_with(nouns, adjective, morph)


def agreeing_first(typed: str, candidates: list[str], noun: list[str], morph: Callable[[str], list[str]]) -> list[str]:
    """`candidates` with those agreeing with `noun` (`agrees_with`) first, each part in its order;
    only a candidate that keeps the typed word's plural mark or its absence moves: the noun
    before may be a complement's ("les mises à jour critiqes": 'jour' does not make it singular)."""
    if not noun:
        return candidates
    typed_plural = typed.casefold().endswith(("s", "x"))
    agreeing = [
        candidate
        for candidate in candidates
        if candidate.casefold().endswith(("s", "x")) == typed_plural and agrees_with(noun, candidate, morph)
    ]
    return agreeing + [candidate for candidate in candidates if candidate not in agreeing]


SOLE_EDIT_RARE_FREQUENCY = 20
"""The least frequency of a word `sole_edit` takes with no rival at all, where the slip is a key
replaced by its neighbour or by a letter that sounds the same ('identifiamts' -> 'identifiants'):
such an edit makes no spelling variant, as a doubled letter or an accent may ("pixellisée")."""


def _key_slip(typed: str, word: str) -> bool:
    """Whether `word` is `typed` with one letter replaced by a neighbouring key or a letter that
    sounds the same, not by the same letter accented."""
    if len(typed) != len(word):
        return False
    diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
    if len(diff) != 1:
        return False
    a, b = typed[diff[0]], word[diff[0]]
    return strip_accents(a) != strip_accents(b) and (b in NEIGHBOURS.get(a, ()) or {a, b} in SOUND_ALIKE)


def _doubled(typed: str, word: str) -> bool:
    """Whether `word` is `typed` with one consonant doubled inside it ('chifré' -> 'chiffré'): a
    letter left single is a slip, where a doubled one the dictionaries lack may be a variant."""
    return any(
        word == typed[:i] + typed[i - 1] + typed[i:] and typed[i - 1] not in VOWELS for i in range(1, len(typed))
    )


def fits_after(previous: str, candidate: str, morph: Callable[[str], list[str]]) -> bool:
    """Whether `previous` (a word, or an elided l’/d’) is a determiner or a preposition that may
    introduce `candidate` as a noun, a determiner agreeing with it in gender and number: "chaque
    matin", "des opérations", "de résolution", "l’empathie"; not "la strict", nor "l’ultime" (an
    adjective: "l’uptime" is an English term)."""
    lower = previous.casefold()
    heads = {"l": ["le/:G:D:e:s"], "d": ["de/:G:R"], "qu": [], "j": [], "n": [], "s": [], "c": [], "m": [], "t": []}
    readings = heads.get(lower) if lower in heads else morph(lower)
    nominal = [reading for reading in morph(candidate) if ":N" in reading]
    if not nominal or not readings:
        return False
    if any(":G:R" in reading for reading in readings):
        return True
    determiners = [reading for reading in readings if ":G:D" in reading]
    return any(_agree(determiner, noun) for determiner in determiners for noun in nominal)


def _agree(first: str, second: str) -> bool:
    def tag(reading: str, values: str) -> str | None:
        found = re.search(rf":([{values}])(?=[:/]|$)", reading)
        return found.group(1) if found else None

    gender = tag(first, "mfe"), tag(second, "mfe")
    number = tag(first, "spi"), tag(second, "spi")
    return all(None in pair or "e" in pair or "i" in pair or pair[0] == pair[1] for pair in (gender, number))


_ELIDED: dict[str, tuple[str, ...]] = {
    "l": ("le/:G:D:e:s", "le/:G:Oo:e:s"),
    "d": ("de/:G:R",),
    "j": ("je/:G:Os:e:s",),
    "n": ("ne/:G:X",),
    "s": ("se/:G:Oo:e:i",),
    "m": ("me/:G:Oo:e:s",),
    "t": ("te/:G:Oo:e:s",),
    "c": ("ce/:G:Od:e:i",),
    "qu": ("que/:G:Cs",),
}
"""What an elided word may be: "l’" an article or an object pronoun ("l’ajouter"), "d’" a preposition…"""

_FINITE = re.compile(r":(?:I[psqf]|K|S[pq])(?=[:/]|$)")


def fits_neighbours(
    previous: str | None,
    fix: str,
    following: str | None,
    morph: Callable[[str], list[str]],
    list_mate: str | None = None,
    coordinated: str | None = None,
) -> bool:
    """Whether `fix` may stand between the words beside it (None where punctuation stands between)
    by its word class, read from the lexicon: a noun its determiner or preposition introduces
    (`fits_after`), or a noun listed beside another noun (`list_mate`: "(mémoire, processeurs)"); a
    determiner before a noun it agrees with ("plusieurs disques"); an adverb after a verb or an
    adverb, or before an adverb or an adjective ("prend beaucoup moins"); an adjective or a
    participle after an adverb or a verb ("le plus souvent publicitaire", "est demandé"), or between
    a determiner and a noun it agrees with ("au moindre doute"), never after a noun alone ("la
    commande uptime" is no "ultime"); an
    infinitive after a preposition, a verb or an object pronoun ("peuvent l’ajouter"); a conjugated
    verb after its subject or a pronoun; an adjective or a participle `coordinated` by "et", "ou"
    or "ni" with one it agrees with ("ouvert et verrouillé"). Agreement beyond the next word is
    Grammalecte's to check."""
    readings = morph(fix.casefold())
    before = _readings(previous, morph)
    after = _readings(following, morph)

    def has(found: list[str], pattern: str) -> bool:
        return any(re.search(pattern, reading) for reading in found)

    def agreeing(found: list[str], pattern: str) -> bool:
        own = [reading for reading in readings if re.search(pattern, reading)]
        return any(_agree(mine, other) for mine in own for other in found if re.search(":[NA]", other))

    if has(readings, ":N") and previous is not None and fits_after(previous, fix, morph):
        return True
    if has(readings, ":N") and list_mate is not None and has(morph(list_mate.casefold()), ":N"):
        return True
    if has(readings, ":G:D") and has(after, ":N") and agreeing(after, ":G:D"):
        return True
    verb_before = has(before, ":V0") or (has(before, ":V") and not has(before, ":N"))  # "commande" is a noun too
    if has(readings, ":W") and (verb_before or has(before, ":W") or has(after, ":W|:A|:Q")):
        return True
    if has(readings, ":[AQ]"):
        if verb_before or has(before, ":W"):
            return True
        if coordinated is not None and agreeing(morph(coordinated.casefold()), ":[AQ]"):
            return True
        if has(before, ":G:D") and agreeing([reading for reading in after if ":N" in reading], ":[AQ]"):
            return True
    if has(readings, ":Y") and has(before, ":G:R|:V|:G:O"):
        return True
    return any(_FINITE.search(reading) for reading in readings) and has(before, ":G:O|:G:X|:N")


def _readings(word: str | None, morph: Callable[[str], list[str]]) -> list[str]:
    """The lexicon's readings of a word beside the fix, an elided one read as what it may be."""
    if word is None:
        return []
    lower = word.casefold()
    return list(_ELIDED[lower]) if lower in _ELIDED else morph(lower)


# --- a verb form written for the noun that sounds the same ----------------------------------------

VERB_FOR_NOUN_MIN_LENGTH = 5
"""Shorter words after a determiner are abbreviations or terms more often than slips."""

_PRONOUN_DETERMINERS = frozenset({"le", "la", "les", "leur", "ce"})
"""Determiners that are object pronouns too ("on la conseille", "il les travaille"), or "ce" a
subject ("ce doit être"): before a verb they introduce no noun unless a preposition comes first."""


def sound_alike_nouns(word: str, known: Callable[[str], bool]) -> set[str]:
    """The spellings that sound as `word` does (lowercase) and that `known` accepts, by the silent
    endings French verb forms and nouns differ in: a final "le" of "-ille" ('travaille' ->
    'travail', 'conseille' -> 'conseil'), a final "e" ('contacte' -> 'contact'), a final silent
    letter ('souri' -> 'souris'), or a consonant doubled ('commité' -> 'comité'). Not any word
    one letter away: 'conseiller' does not sound as 'conseille' does."""
    endings = [word[:-2]] if word.endswith("ille") else []
    endings += [word[:-1]] if word.endswith("e") else []
    endings += [word + letter for letter in "stdx"]
    endings += [word[:at] + word[at + 1 :] for at in range(1, len(word) - 1) if _doubled_consonant(word, at)]
    return {candidate for candidate in endings if candidate != word and known(candidate)}


def _doubled_consonant(word: str, at: int) -> bool:
    """Whether word[at] is a consonant written twice, which sounds as it does written once:
    'commité' is said as 'comité'."""
    return word[at] == word[at + 1] and word[at] not in VOWELS


def verb_for_noun(
    previous: str,
    before_previous: str | None,
    word: str,
    known: Callable[[str], bool],
    morph: Callable[[str], list[str]],
) -> str | None:
    """The noun meant where a verb form stands after a determiner: "de la souri" -> 'souris', "donne
    un conseille" -> 'conseil', "c’est le commité" -> 'comité'. `word` (lowercase, 5 letters or
    more, no English word) must be nothing but forms of a verb, no infinitive ("le boire"), no noun
    or adjective but a participle's own; `previous` a determiner that cannot be a pronoun there
    (one that may be, `_PRONOUN_DETERMINERS`, "tout", "l’un", only after a preposition,
    `before_previous`, or before a participle alone); and one sound-alike noun
    (`sound_alike_nouns`) that agrees with the determiner, common (`SOLE_EDIT_MIN_FREQUENCY`) and
    `SOLE_EDIT_DOMINANCE` times as frequent as any other that agrees."""
    lower = word.casefold()
    if len(lower) < VERB_FOR_NOUN_MIN_LENGTH or not lower.isalpha() or not word.islower() or english_word(lower):
        return None
    readings = morph(lower)
    if not readings or not all(":V" in reading for reading in readings):
        return None
    participle = all(":Q" in reading for reading in readings)
    tags = [reading.split("/", 2)[1].replace(":Q:A", ":Q") for reading in readings if reading.count("/") >= 2]
    if any(re.search(":[NAY]", tag) for tag in tags):
        return None
    determiner = previous.casefold()
    determiners = [reading for reading in morph(determiner) if ":G:D" in reading]
    if not determiners or determiner == "de":
        return None
    pronoun = any(":G:O" in reading for reading in morph(determiner)) or before_previous in ("l", "L")
    after_preposition = any(":G:R" in reading for reading in _readings(before_previous, morph))
    if (determiner in _PRONOUN_DETERMINERS or pronoun) and not after_preposition and not participle:
        return None  # no object pronoun stands before a participle alone: "le commité" is a noun's place
    nouns = [
        candidate
        for candidate in sound_alike_nouns(lower, known)
        if any(_agree(det, noun) for det in determiners for noun in morph(candidate) if ":N" in noun)
    ]
    if not nouns:
        return None
    return dominant(nouns)


def verb_for_noun_check(card: CardText, speller: Speller) -> list[Issue]:
    """`verb_for_noun` on every word after a determiner, where Grammalecte finds nothing new in the
    line with the noun in place (`grammar.line_errors`): the sentence wants a noun there."""
    from .grammar import line_errors

    lexicon = speller.engine
    if lexicon is None:
        return []
    morph = lexicon.getMorph  # type: ignore[attr-defined]
    issues = []
    for part, text in card.blanked_terms.items():
        found = words(text)
        for index in range(1, len(found)):
            first, match = found[index - 1], found[index]
            if text[first.end() : match.start()].strip():
                continue
            head, _, previous = first.group().replace("’", "'").rpartition("'")
            if head and morph(first.group().replace("'", "’")):
                head, previous = "", first.group()  # one word with its apostrophe: "quelqu’un regarde"
            before = head or None
            if before is None and index > 1 and not text[found[index - 2].end() : first.start()].strip():
                before = found[index - 2].group()
            fix = verb_for_noun(previous, before, match.group(), speller._in_dictionaries, morph)
            if fix is None:
                continue
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            at = match.start() - line_start
            errors_before = line_errors(line) or []
            errors_after = line_errors(line[:at] + fix + line[at + len(match.group()) :]) or []
            if Counter(errors_after) - Counter(errors_before):
                continue
            message = f"« {match.group()} » est une forme du verbe : le nom « {fix} » ?"
            issues.append(Issue(part, match.start(), match.end(), "grammar", "verb-for-noun", message, (fix,)))
    return issues


SPELLING_CHECKS = (("verb-for-noun", verb_for_noun_check),)
"""The checks of this module that `rules.OWN_CHECKS` runs on each card."""
