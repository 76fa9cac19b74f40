"""The policy of `review --yes`: which findings are certain enough to record unasked, and with
which fix.

A finding is certain by its kind (`policy_key`: a Grammalecte rule family, one of supportcards'
own rules, or how a misspelt word differs from its first suggestion), chosen by each kind's
precision over the keyed chapters (`bench/grammar_policy.py`, `bench/spelling_policy.py`). Of
several suggestions the sentence chooses (`chosen_suggestion`); findings that contradict each other
are left to a person (`contested`), and so is every finding a guard reads otherwise (`guards`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from typing import Any

from .guards import QUANTITY_ADVERBS, refusing_guard, takes_the_only_verb
from .lexicon import ends_like_plural, has_reading, lemmas_of, number_stem, speller_lexicon, without_elision
from .model import Finding

DEFINITE_ARTICLE_RULES = ("article-subject", "article-dans", "article-acting-verb")
"""Missing articles whose reading names a thing already known, which takes the definite article: a
clause's subject after a subordinator ("vérifier que pare-feu autorise" -> "que le pare-feu"), a
place after "dans" ("dans table de routage" -> "dans la table"), the object of a verb acting on a
thing there ("il faut remplacer disque" -> "le disque")."""

CERTAIN: frozenset[str] = frozenset(
    {
        # Grammalecte's rule families (a rule id up to its first word): right every time, or nearly,
        # on the development chapters (bench/review_policy.py; README, "review --yes", the figures).
        "gv1__ppas",  # agreement of a past participle
        "gv2__conj",  # conjugation after its subject
        "g3__gn",  # agreement in a noun group ("à/par/pour/sans + noun" excepted: UNCERTAIN_RULES)
        "g2__conf",  # homophones: a/à, ça/sa, quand/quant, ce/se
        "g3__conf",  # a/à after a verb
        "g2__eleu",  # a missing elision the normalizer's rule does not cover
        "g2__tu",  # hyphenated words and locutions the locutions table does not list
        "g2__gn",  # toute/toutes
        "g2__conj",  # a verb's person (supprimes -> supprime), unless a rival fixes the subject
        "g2__ppas_une_fois",  # "Une fois le poste installer" -> the participle agreeing with the noun: 5 of 5
        "g3__infi",  # an infinitive after falloir, pouvoir, devoir, pour, de…: "il faut vérifié" -> "vérifier"
        # supportcards' own rules
        "une-part",  # a second "D’une part" -> "D’autre part"
        "list-count",  # "Citez 3 …" over one list of 4 -> "Citez 4 …": 29 right of 29 (not list-count-ambigu)
        "gv2__vmode",  # Grammalecte: "il faut qu’il met" -> "mette": 5 right of 5 (bench/grammar_policy.py)
        "front-pronoun",  # rules.py: "Permet de …" under a front the lexicon genders -> "Elle permet de …"
        "term-pronoun",  # rules.py: "Permet de …" under an acronym, a command, an English term -> "Il permet de …"
        "et-est",  # "Le ticket et fermé" -> "est": 3 of 3 on its own chapters (bench/proofread_rules.py)
        *("ou-où", "et-est-verbe", "son-sont", "ces-ses", "a-à", "on-ont", "peut-être", "c-est-s-est"),  # homophones.py
        "peu-peut",  # homophones.py (not et-est-terme: "Un onduleur et le câble USB." lists, DAMAGE.md #11)
        *("subject-verb", "qui-verb", "noun-for-verb", "unknown-verb", "subjunctive", "si-conditional"),  # agreement.py
        *("adjective-coordination", "participle-agreement"),  # agreement.py
        *("noun-adjective", "se-infinitive", "list-infinitive", "clitic-participle"),  # inflection.py
        *("et-est-nom", "et-est-superlatif", "à-a", "on-ont-participe", "unknown-conjugation", "sont-son", "ce-se"),
        *("distant-verb", "distant-participle", "name-participle"),  # distant.py (one gender offered)
        "infinitive-participle",  # predicates.py
        *("coordinated-verb", "coordinated-noun-verb"),  # coordination.py
        *("coordinated-participle", "attribute-coordination", "complement-adjective", "adjective-between"),  # ag
        *("tout-adjective", "plural-participle", "determiner-adjective"),  # inflection.py (ag, 2026-11-29)
        *("locution-adjective", "attribute-subject", "plural-adjective"),  # inflection.py (h-agr, 2026-11-29)
        "relative-singular-verb",  # distant.py (h-agr, 2026-11-29)
        *("invented-form", "subject-infinitive", "infinitive-coordination"),  # conjugation.py
        *("instruction-infinitive", "à-infinitive"),  # conjugation.py
        *("participle-for-present", "clitic-infinitive", "être-infinitive"),  # conjugation.py (bench/grammar_policy.py)
        "et-est-participe",  # predicates.py: "la moitié de la capacité et perdue"
        "et-est-parallèle",  # homophones.py: a definition beside "Un X est le Y…" in the same card
        "verb-for-noun",  # proofread/spelling.py: "de la souri" -> "souris", "un conseille" -> "conseil"
        *("sa-ça", "près-prêt", "ce-se-sujet", "où-ou-liste", "a-à-sans-sujet", "à-a-propre"),  # clause_homophones.py
        "peut-être-sans-sujet",  # clause_homophones.py (not à-a-ambigu, ces-ses-ambigu: a person decides)
        *("est-et-pronom", "est-et-liste", "mes-mais", "et-est-attribut", "a-à-début"),  # link_homophones.py
        *("et-est-sujet", "qui-à-a", "ces-ses-liste", "ces-ses-compris"),  # h-hom (not et-est-sujet-ambigu)
        *("leurs-leur", "leur-leurs"),  # clause_homophones.py: "ce qui leurs donne", "sauvegarde leur données"
        "article-cest",  # articles.py: "C’est outil qui lit" -> "un outil" (one gender: one article)
        *DEFINITE_ARTICLE_RULES,  # articles.py (h-art): the definite article, where one fits (`definite_choice`)
        *("son-sont-adverbe", "ou-où-inversion", "et-est-pronom-sujet", "ça-sa", "on-ont-sujet"),  # h-hom2
        # unknown words, by how they differ from the first suggestion
        "spelling:accents",  # only accents: regulierement, dégats
        "spelling:double-letter",  # a letter left single: instalé, diférentes (not "spelling:undoubled")
        "spelling:accents-double-letter",  # an accent for a doubled consonant: passerèle
        "spelling:feminine-e",  # a feminine noun in -é given the participle's -ée: unitée, clée
        "spelling:swap",  # two neighbouring letters swapped: locla
        "spelling:missing-letter",  # one letter left out, nothing else close: inutils, cartouhe
        "spelling:one-edit",  # the only common word one slip away, after a word that introduces it: chaque matun
        "spelling:sole-slip",  # the same, of any class, fitting its neighbours, Grammalecte clean: prend beaucoip moins
        "spelling:only-word",  # the only word of the dictionaries one slip away, common, same ending: obselète
        *("spelling:cognate", "spelling:short-accents", "spelling:attribute-accents"),  # proofread/cognates.py
        "spelling:english-accents",  # cognates.py: an English word, French but for its accents, in French: grace à
    }
)
"""The policy of `review --yes`: the kinds of finding whose first suggestion is accepted unasked."""

OWN_KEY_RULES = ("g2__ppas_une_fois",)
"""Rules of Grammalecte decided on apart from their family: "une fois" + a noun + an infinitive
written for the participle has one reading; the rest of `g2__ppas` ("si elle être …") is not
measured."""

UNCERTAIN_RULES = ("g3__gn_pfx_", "g3__gn_mon_ton_son_", "gv1__ppas_être_accord_sing", "g3__infi_laisser_")
"""Rules of a certain family that are not: "à distance", "sans délai" are correct French; an
agreement with "son" (or mon, ton) is the wrong way round when "son" is the homophone slip for
"sont", which Grammalecte does not flag ("Les serveurs son surchargés" -> "surchargé"); and a
plural participle or adjective made singular after a singular "être" ("Les données … peut être
perdues"), where the verb is the slip more often than the plural the student wrote (0 right of 4
over every keyed chapter, `bench/grammar_policy.py`); an infinitive after "laisser" and a pronoun,
where a participle is as correct ("le laisser branché toute la nuit", "les laisser allumés"): it
fires on no keyed chapter, and damaged a look-alike of the conjugation3 family (chapter 77)."""


def policy_key(finding: Finding) -> str:
    """The kind of finding the policy decides on: a Grammalecte rule family, one of supportcards'
    own rules, or for spelling how the word differs from its first suggestion."""
    if finding.kind == "spelling" or finding.rule == "unknown-word":
        from .proofread.spelling import english_word

        if not finding.suggestions:
            return "spelling:none"
        if without_elision(finding.text)[:1].isupper() and not _opens_a_sentence(finding):
            return "spelling:capitalised"  # a name or an English term (Root, Jira) more often than a slip
        kind = _spelling(finding)[0]
        if (
            kind not in FRENCH_FIXES
            and kind != "other"
            and (english_word(without_elision(finding.text)) or _among_english_words(finding))
        ):
            return "spelling:english"  # "reset" is no swapped "reste", "root" no doubled "rot", "email" no "émail"
        if _among_names(finding):
            return "spelling:name"
        return "spelling:" + kind
    if finding.rule.startswith(UNCERTAIN_RULES) and not counted_plural(finding):
        return finding.rule
    if finding.rule.startswith(OWN_KEY_RULES):
        return next(rule for rule in OWN_KEY_RULES if finding.rule.startswith(rule))
    family = re.match(r"(g\w?\d__[^\W_]+)", finding.rule)
    return family.group(1) if family else finding.rule


_COUNTED_NOUN = re.compile(
    rf"\b(?:{'|'.join(sorted(QUANTITY_ADVERBS))})\s+(?:de\s+|d['’])([^\W\d_]+)\s+$", re.IGNORECASE
)


def counted_plural(finding: Finding) -> bool:
    """A plural asked of an adjective or a participle right after a plural noun that an adverb of
    quantity counts ("beaucoup de requêtes simultanée", "trop de fichiers inutile"): the noun, as
    the student wrote it, says the number meant (a count of things), and the word agrees with it.
    Grammalecte's rule for a noun after "de" offers the noun's singular as a rival; that one is
    left (`_counting_the_written_plural`), this one is certain."""
    if not finding.rule.startswith("g3__gn") or len(finding.suggestions) != 1 or finding.context_column < 1:
        return False
    counted = _COUNTED_NOUN.search(finding.context[: finding.context_column - 1])
    fix = finding.suggestions[0]
    if counted is None or fix.casefold() not in (finding.text.casefold() + "s", finding.text.casefold() + "x"):
        return False
    noun = counted.group(1)
    return ends_like_plural(noun) and has_reading(noun, ":N") and _is_plural(noun)


def _among_english_words(finding: Finding) -> bool:
    """Whether the word stands in parentheses beside English words only: "(data deduplication)"
    gives a term's English name, whose words are not French ones misspelt."""
    from .proofread.spelling import english_word

    start = finding.context_column - 1
    if start < 0:
        return False
    opening = finding.context.rfind("(", 0, start)
    closing = finding.context.find(")", start)
    if opening < 0 or closing < 0 or ")" in finding.context[opening:start]:
        return False
    inside = finding.context[opening + 1 : start] + " " + finding.context[start + len(finding.text) : closing]
    others = re.findall(r"[^\W\d_]+", inside)
    return bool(others) and all(english_word(word) for word in others)


_LIST_JOINT = r"\s*(?:,|\bou\b|\bet\b)\s*"


def _among_names(finding: Finding) -> bool:
    """Whether the word is an item of a list beside an item no dictionary knows: "nginx, postgres ou
    redis" names products, and 'postgres' is no 'postures' misspelt."""
    lexicon = speller_lexicon()
    start = finding.context_column - 1
    if lexicon is None or start < 0:
        return False
    before = re.search(rf"([^\W\d_][\w.+-]*){_LIST_JOINT}$", finding.context[:start])
    after = re.match(rf"{_LIST_JOINT}([^\W\d_][\w.+-]*)", finding.context[start + len(finding.text) :])
    mates = [match.group(1) for match in (before, after) if match is not None]
    return any(not lexicon.getMorph(mate.casefold()) and not lexicon.isValid(mate) for mate in mates)


def typo(word: str, suggestion: str) -> str:
    """How `word` differs from `suggestion`: accents, double-letter (a letter doubled), undoubled (a
    doubled letter made single), swap, or other."""
    if word == suggestion:
        return "same"
    if word.casefold() != suggestion.casefold() and _plain(word) == _plain(suggestion):
        return "accents"
    if _undoubled(word) == _undoubled(suggestion):
        # A doubling the dictionaries lack may be a spelling they do not list ("pixellisée" beside
        # "pixelisée"), or a command ("ddate"); a doubling left out is the usual slip ("instalé").
        return "undoubled" if len(suggestion) < len(word) else "double-letter"
    opened = re.finditer(r"[éè]([bcdfglmnprst])", word)
    if any(word[: m.start()] + "e" + m.group(1) * 2 + word[m.end() :] == suggestion for m in opened):
        return "accents-double-letter"  # "passerèle", "vérouillé": an accent where a doubled consonant opens the "e"
    if len(word) == len(suggestion):
        diff = [i for i, (a, b) in enumerate(zip(word, suggestion, strict=True)) if a != b]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1
        if swapped and (word[diff[0]], word[diff[1]]) == (suggestion[diff[1]], suggestion[diff[0]]):
            return "swap"
    return "other"


def _spelling(finding: Finding) -> tuple[str, str]:
    """How an unknown word differs from the fix it stands for (`typo`), and that fix: the first
    suggestion, or where that is another kind of edit, the suggestion that only adds a missing
    letter when nothing else is close (`spelling.missing_letter`: 'inutils' -> 'inutiles')."""
    from .proofread.spelling import english_ending, english_word, missing_letter

    word = without_elision(finding.text)
    prefix = finding.text[: len(finding.text) - len(word)]
    kind = typo(word, without_elision(finding.suggestions[0]))
    own = _french_fix(finding, word) if english_word(word) or len(word) < 5 or kind in ("other", "undoubled") else None
    if own is not None and (english_word(word) or len(word) < 5):
        return own[0], prefix + own[1]
    if kind == "swap" and english_ending(word, without_elision(finding.suggestions[0])):
        infinitive = _infinitive_after_a_preposition(finding, word)
        if infinitive is not None:
            return "missing-letter", prefix + infinitive
        return "english-ending", finding.suggestions[0]
    if kind == "accents" and _outweighed_accents(word, without_elision(finding.suggestions[0])):
        return "accents-outweighed", finding.suggestions[0]
    if kind == "other":
        added = missing_letter(word, [without_elision(suggestion) for suggestion in finding.suggestions], _is_plural)
        if added is not None:
            return "missing-letter", prefix + added
        noun = _feminine_noun(word, [without_elision(suggestion) for suggestion in finding.suggestions])
        if noun is not None:
            return "feminine-e", prefix + noun
        fitting = _fitting_the_determiner(finding, word)
        if fitting is not None:
            return typo(word, fitting), prefix + fitting
    if kind in ("other", "undoubled"):
        single = _sole_edit_in_context(finding, word)
        if single is not None:
            return single[0], prefix + single[1]
    if own is not None:
        return own[0], prefix + own[1]
    if kind in ("other", "undoubled"):
        only = _only_word_in_context(finding, word)
        if only is not None:
            return "only-word", prefix + only
    return kind, finding.suggestions[0]


_INFINITIVE_PREPOSITIONS = frozenset({"à", "de", "d", "pour", "sans", "par"})
"""Prepositions an infinitive follows: "invité à enregister" is 'enregistrer'."""


def _infinitive_after_a_preposition(finding: Finding, word: str) -> str | None:
    """The infinitive one letter added makes of a word no English list holds, right after a
    preposition that takes an infinitive ("invité à enregister": 'enregistrer'), where its "-er"
    would otherwise read as an English ending turned French ('enregistre')."""
    from .proofread.spelling import english_word

    lexicon = speller_lexicon()
    previous = _previous_word(finding, word)
    if lexicon is None or english_word(word) or previous is None or previous.casefold() not in _INFINITIVE_PREPOSITIONS:
        return None
    infinitives = [
        suggestion
        for suggestion in (without_elision(suggestion) for suggestion in finding.suggestions)
        if len(suggestion) == len(word) + 1
        and any(suggestion[:i] + suggestion[i + 1 :] == word for i in range(len(suggestion)))
        and any(":Y" in reading for reading in lexicon.getMorph(suggestion.casefold()))
    ]
    return infinitives[0] if len(infinitives) == 1 else None


def _only_word_in_context(finding: Finding, word: str) -> str | None:
    """The only word of the dictionaries one slip from an unknown word (`spelling.only_word`:
    'obselète' -> 'obsolète'), where the word is French: lowercase (or capitalised as it opens its
    sentence), no English word, no two English words run together (`spelling.english_compound`:
    "uptime"), not in parentheses beside English words, and Grammalecte finds nothing new in the
    line with the fix in place (`_clean_with`). Needs Grammalecte's lexicon."""
    from .proofread.spelling import Speller, english_compound, english_word, only_word

    lexicon = speller_lexicon()
    opening = word[:1].isupper() and word[1:].islower() and _opens_a_sentence(finding)
    if lexicon is None or not (word.islower() or opening):
        return None
    if english_word(word) or english_compound(word) or _among_english_words(finding):
        return None
    found = only_word(word.casefold(), Speller(engine=lexicon)._in_dictionaries, lexicon.getMorph)
    if found is None:
        return None
    fix = _cased(found, opening)
    return fix if _clean_with(finding, finding.text[: len(finding.text) - len(word)] + fix) else None


def _feminine_noun(word: str, suggestions: list[str]) -> str | None:
    """The noun in -é an unknown word in -ée stands for, when the speller offers it and the lexicon
    reads it as a feminine noun only ("la bonne unitée": 'unité', "une clée": 'clé'): the -ée of a
    feminine participle or adjective, written on a noun, which has no agreement to make. None for
    a word that may agree ('donnée' is also a participle)."""
    noun = re.sub(r"ée(s?)$", r"é\1", word)
    lexicon = speller_lexicon()
    if noun == word or noun not in suggestions or lexicon is None:
        return None
    readings = lexicon.getMorph(noun.casefold())
    return noun if readings and all(re.search(r":N:f", reading) for reading in readings) else None


CHEAP_SLIPS = ("accents", "double-letter", "swap", "accents-double-letter")
"""The kinds of difference from a word that a typist's slip makes (`typo`)."""


def _fitting_the_determiner(finding: Finding, word: str) -> str | None:
    """Where the speller's first suggestion does not fit the determiner before the unknown word
    ("le bagde": 'bande' is feminine), the first of its suggestions that does ('badge'), when only
    a cheap slip (`CHEAP_SLIPS`) sets it apart from the word: the determiner, written as meant,
    tells the gender and number of the noun."""
    from .proofread.spelling import fits_after

    lexicon = speller_lexicon()
    previous = _previous_word(finding, word)
    if lexicon is None or previous is None or not any(":G:D" in m for m in lexicon.getMorph(previous.casefold())):
        return None
    suggestions = [without_elision(suggestion) for suggestion in finding.suggestions]
    if fits_after(previous, suggestions[0], lexicon.getMorph):
        return None
    fitting = [suggestion for suggestion in suggestions if fits_after(previous, suggestion, lexicon.getMorph)]
    return fitting[0] if fitting and typo(word, fitting[0]) in CHEAP_SLIPS else None


def _outweighed_accents(word: str, fix: str) -> bool:
    """Whether a rare accented word is no likely fix of `word`, a common word one edit away being
    far commoner (`spelling.outweighed`: "le contat" is no 'contât'). Needs Grammalecte's lexicon."""
    from .proofread.spelling import Speller, outweighed

    lexicon = speller_lexicon()
    return lexicon is not None and word.islower() and outweighed(word, fix, Speller(engine=lexicon)._in_dictionaries)


FRENCH_FIXES = ("cognate", "short-accents", "attribute-accents", "english-accents")
"""The kinds `proofread.cognates` names: an English or accentless spelling of a French word."""


def _french_fix(finding: Finding, word: str) -> tuple[str, str] | None:
    """`cognates.french_fix` for the finding's word, from the words beside it in its line."""
    from .proofread.cognates import french_fix
    from .proofread.spelling import Speller, english_word

    lexicon = speller_lexicon()
    if lexicon is None:
        return None
    suggestions = [without_elision(suggestion).casefold() for suggestion in finding.suggestions]
    opening = word[:1].isupper() and word[1:].islower() and word == finding.text and _opens_a_sentence(finding)
    found = french_fix(
        word.casefold() if opening else word,
        suggestions,
        None if opening else _previous_word(finding, word),
        _next_word(finding),
        lexicon,
        Speller(engine=lexicon)._in_dictionaries,
        _coordinated_word(finding),
        opening,
    )
    if (
        found is not None
        and found[0] == "cognate"
        and english_word(found[1])
        and _undoubled(found[1]) == _undoubled(word)
    ):
        return None  # "le striping" is no English spelling of 'stripping', another English word a letter apart
    return (found[0], _cased(found[1], True)) if found is not None and opening else found


_JOINED_DETERMINER = r"(?:(?:les|des|la|le|un|une|du|ses|ces)\s+|[ld]['’])?"


def _coordinated_word(finding: Finding) -> str | None:
    """The word "et", "ou" or "ni" joins the finding's word to, past a determiner ("Sans limits ni
    requests", "les pods et les nodes"); None when there is none."""
    start = finding.context_column - 1
    if start < 0 or finding.context[start : start + len(finding.text)] != finding.text:
        return None
    joined = rf"\s+(?:et|ou|ni)\s+{_JOINED_DETERMINER}"
    after = re.match(rf"{joined}([^\W\d_]+)", finding.context[start + len(finding.text) :], re.IGNORECASE)
    if after:
        return after.group(1)
    before = re.search(rf"([^\W\d_]+){joined}$", finding.context[:start], re.IGNORECASE)
    return before.group(1) if before else None


def _next_word(finding: Finding) -> str | None:
    """The word right after the finding's word in its line, None when punctuation or nothing stands
    between, or when a name or code follows ("par example micros0ft-support.com"): no word there."""
    if not finding.context_column:
        return None
    after = re.match(
        r"[ \t]+([^\W\d_]+)(?![\w.@/]*[\w@/])", finding.context[finding.context_column - 1 + len(finding.text) :]
    )
    return after.group(1) if after else None


def _is_plural(word: str) -> bool:
    """Whether the lexicon reads `word` as the plural of another form (without Grammalecte: whether
    it ends like one): "plusieurs", "gens" are their own words, only plural, so an "s" added to
    "plusieur" changes no number."""
    lexicon = speller_lexicon()
    if lexicon is None:
        return ends_like_plural(word)
    lower = word.casefold()
    return any(":p" in reading and not reading.startswith(f">{lower}/") for reading in lexicon.getMorph(lower))


def _sole_edit_in_context(finding: Finding, word: str) -> tuple[str, str] | None:
    """The only likely word one edit from an unknown word (`spelling.sole_edit`) and the kind of
    its fix: "one-edit" where the word before it, a determiner or a preposition, introduces that
    word ("chaque matun", "de résolusion", "l’empatie": `spelling.fits_after`), or where it is an
    adjective agreeing with the noun it qualifies, of the words one edit away that agree with it
    (`spelling.qualified_noun`: "Réponses moins précies" -> 'précises'); "sole-slip" where, in a
    French sentence (`_french_sentence`), the word fits its neighbours by its class
    (`spelling.fits_neighbours`: "prend beaucoip moins", "est demmandé avant"), or, no English word,
    as the epithet of the noun before it (`spelling.epithet_of`: "les fichiers suspets"), and
    Grammalecte finds nothing new in the line with it (`_clean_with`). Needs Grammalecte's lexicon; a word
    capitalised inside a sentence, or in capitals, is left. A word capitalised as it opens its
    sentence or its list item is read in lowercase and its fix capitalised; there, with no word
    before it, an infinitive fits ("- Sauvgarder les fichiers": an instruction)."""
    from .proofread.spelling import (
        ELISIONS,
        Speller,
        agrees_with,
        english_stem,
        english_word,
        epithet_of,
        fits_after,
        fits_neighbours,
        qualified_noun,
        sole_edit,
    )

    lexicon = speller_lexicon()
    opening = word[:1].isupper() and word[1:].islower() and _opens_a_sentence(finding)
    if lexicon is None or not (word.islower() or opening):
        return None
    speller = Speller(engine=lexicon)
    noun = qualified_noun(finding.context[: max(0, finding.context_column - 1)], lexicon.getMorph)
    agrees = (lambda candidate: agrees_with(noun, candidate, lexicon.getMorph)) if noun else None
    found = sole_edit(word.casefold(), speller._in_dictionaries, _is_plural, agrees)
    if agrees is not None and found is not None and agrees(found):
        return "one-edit", _cased(
            found, opening
        )  # an adjective agreeing with the noun it qualifies ("Réponses moins précies")
    if found is None and agrees is None and _french_sentence(finding, speller):
        found = sole_edit(word.casefold(), speller._in_dictionaries, _is_plural, _sense_keeping(finding, word, opening))
    if found is None:
        return None
    fix = _cased(found, opening)
    previous = _previous_word(finding, word)
    if previous is not None and fits_after(previous, found, lexicon.getMorph):
        return "one-edit", fix
    if not _french_sentence(finding, speller):
        return None
    following = _next_word(finding)
    in_place = finding.text[: len(finding.text) - len(word)] + fix
    coordinated = None if english_stem(word) else _coordinated_word(finding)  # "salé et hashé": no 'haché'
    fits = fits_neighbours(previous, found, following, lexicon.getMorph, _list_mate(finding), coordinated)
    if opening and previous is None:
        fits = fits or any(":Y" in reading for reading in lexicon.getMorph(found))
        fits = fits or (_before_a_comma(finding) and any(":W" in reading for reading in lexicon.getMorph(found)))
    if previous is not None and previous.casefold() not in ELISIONS and not english_word(word):
        fits = fits or epithet_of(previous, found, lexicon.getMorph)  # "une pâte termique": 'thermique'
        if _determined(finding, previous):  # "la bande passente": 'bande' may be a verb, not after "la"
            fits = fits or epithet_of(previous, found, lambda noun: [r for r in lexicon.getMorph(noun) if ":N" in r])
    if fits and _clean_with(finding, in_place):
        return "sole-slip", fix
    return None


def _determined(finding: Finding, noun: str) -> bool:
    """Whether the word before the finding's word follows a determiner ("la bande", "les
    fichiers"): a noun there, whatever else the lexicon reads in it."""
    lexicon = speller_lexicon()
    start = finding.context_column - 1
    if lexicon is None or start < 0:
        return False
    group = re.search(rf"(?:^|[^\w'’])(\w+)[ \t]+{re.escape(noun)}[ \t]+$", finding.context[:start])
    return group is not None and any(":G:D" in reading for reading in lexicon.getMorph(group.group(1).casefold()))


def _before_a_comma(finding: Finding) -> bool:
    """Whether a comma follows the finding's word: an adverb opening its sentence there
    ("Souvant, la cause est …": 'Souvent') stands alone, with no neighbour to fit."""
    start = finding.context_column - 1
    return start >= 0 and finding.context[start + len(finding.text) :].lstrip(" \t").startswith(",")


def _cased(word: str, opening: bool) -> str:
    """`word` capitalised where the word it fixes opens its sentence."""
    return word[:1].upper() + word[1:] if opening else word


def _sense_keeping(finding: Finding, word: str, opening: bool) -> Callable[[str], bool]:
    """Whether a word one slip from the finding's leaves its line as Grammalecte found it: a rival
    that makes the sentence wrong ("une bande passent faible") was not meant (`spelling.sole_edit`
    then weighs only the words that keep it right: 'passante')."""
    prefix = finding.text[: len(finding.text) - len(word)]
    previous = _previous_word(finding, word)
    noun = previous if previous is not None and _determined(finding, previous) else None
    return lambda candidate: (
        not _verb_against(noun, candidate) and _clean_with(finding, prefix + _cased(candidate, opening))
    )


def _verb_against(noun: str | None, candidate: str) -> bool:
    """Whether `candidate` is only a conjugated verb of another number than `noun`, a noun its
    determiner introduces, that it would follow: "la bande passent" is no verb and its subject,
    whatever Grammalecte lets pass before a comma."""
    lexicon = speller_lexicon()
    if noun is None or lexicon is None:
        return False
    readings = lexicon.getMorph(candidate.casefold())
    nouns = [re.search(r":N:[mfe]:([spi])", reading) for reading in lexicon.getMorph(noun.casefold())]
    numbers = {found.group(1) for found in nouns if found}
    persons = [re.search(r":I[psqf]:.*:3([sp])", reading) for reading in readings]
    verbs = {found.group(1) for found in persons if found}
    if not verbs or not all(persons) or not numbers or "i" in numbers:
        return False
    return not verbs & numbers


SOLE_SLIP_FRENCH_WORDS = 3
"""How many French words (and no English one) a line must hold around an unknown word for
"sole-slip" to read it as French: a line of commands and English terms is not."""


def _french_sentence(finding: Finding, speller: Any) -> bool:
    """Whether the finding's word stands in French: the words beside it
    are French and none English but French grammatical words (up to three on each side), there are at least
    `SOLE_SLIP_FRENCH_WORDS` of them, and it is not in parentheses beside English words only."""
    from .proofread.spelling import english_word

    start = finding.context_column - 1
    if start < 0 or finding.context[start : start + len(finding.text)] != finding.text:
        return False
    before = re.findall(r"[^\W\d_]+", _without_asides(finding.context[:start]))[-3:]
    after = re.findall(r"[^\W\d_]+", _without_asides(finding.context[start + len(finding.text) :]))[:3]
    words = [word for word in before + after if len(word) > 1]
    if len(words) < SOLE_SLIP_FRENCH_WORDS or _among_english_words(finding):
        return False
    morph = speller.engine.getMorph
    for word in words:
        grammatical = any(":G:" in reading for reading in morph(word.casefold()))
        english = english_word(word) and not grammatical and word.casefold() not in speller.dictionary
        if english or not speller.is_known(word):
            return False
    return True


def _without_asides(text: str) -> str:
    """`text` without its words in parentheses: an aside ("La bande passente montante (upload)
    est …" glosses a term in English) is no neighbour of the sentence's words."""
    return re.sub(r"\([^()]*\)", " ", text)


def _list_mate(finding: Finding) -> str | None:
    """The word across the comma from the finding's word when it stands alone as an item of a list
    ("(mémoite, processeurs)": 'processeurs'), else None."""
    start = finding.context_column - 1
    if start < 0:
        return None
    before = finding.context[:start].rstrip()
    after = finding.context[start + len(finding.text) :].lstrip()
    if not before.endswith(("(", ",", ":")) or not after.startswith((",", ")")):
        return None
    if after.startswith(","):
        mate = re.match(r",\s*([^\W\d_]+)", after)
        return mate.group(1) if mate else None
    mate = re.search(r"([^\W\d_]+)\s*,$", before)
    return mate.group(1) if mate else None


def _clean_with(finding: Finding, fix: str) -> bool:
    """Whether Grammalecte finds no error in the finding's line with `fix` in place that it did not
    find there before: the sentence makes sense with the word."""
    from .proofread.grammar import line_errors

    line = finding.context
    start = finding.context_column - 1
    before = line_errors(line)
    if before is None:
        return False
    after = line_errors(line[:start] + fix + line[start + len(finding.text) :])
    return after is not None and not Counter(after) - Counter(before)


def _previous_word(finding: Finding, word: str) -> str | None:
    """The word right before the finding's word in its line (its elided head, as in "l’empatie"),
    None when punctuation or nothing stands between."""
    head = re.match(r"^(\w{1,6})['’]", finding.text)
    if head and finding.text.endswith(word):
        return head.group(1)
    if not finding.context_column:
        return None
    before = re.search(r"([^\W\d_]+)[ \t]+$", finding.context[: finding.context_column - 1])
    return before.group(1) if before else None


def _spelling_fixable(finding: Finding, fix: str, kind: str = "") -> bool:
    """A spelling fix `review --yes` may take: the word has 5 letters or more (shorter unknown words
    are commands and abbreviations more often than slips: ping, proc, less, msc; but not a noun
    after its article that lacks only its accents, `kind` "short-accents": l'etat) and the fix keeps
    its plural mark (a swap that ends a word in an "s" that marks no plural changes no number:
    'longtemsp' -> 'longtemps'; 'précies' -> 'précise' does)."""
    word, fixed = without_elision(finding.text), without_elision(fix)
    added_s = fixed.casefold() == word.casefold() + "s" and not _is_plural(fixed)  # longtemp -> longtemps
    # longtemsp -> longtemps, no plural
    moved_s = kind == "swap" and not ends_like_plural(word) and not _is_plural(fixed)
    kept = kind == "cognate" or moved_s  # address -> adresse
    same_number = ends_like_plural(word) == ends_like_plural(fixed) or added_s or kept
    same_number = same_number and _compound_number(word) == _compound_number(fixed)  # chef-d’œuvre
    return (
        (len(word) >= 5 or kind == "short-accents" or _short_accented(word, kind))
        and same_number
        and not _a_proper_name(fixed)
        and not (_PARTICIPLE_END.search(word) and not re.search(r"[éèê](?:e|s|es)?$", fixed, re.IGNORECASE))
    )


_PARTICIPLE_END = re.compile(r"é(?:e|s|es)?$", re.IGNORECASE)
"""A past participle's ending: a fix that drops it changes the word's class ('appellé' is 'appelé',
not the verb 'appelle'); one that only turns its accent grave does not ('aprés' is 'après')."""


def _a_proper_name(word: str) -> bool:
    """Whether the lexicon knows `word` as a name only (a person's, a place's: "Anacréon"): an
    unknown word close to a name is a name or a term of its own ("Anacron", a command), never it
    misspelt."""
    lexicon = speller_lexicon()
    readings = lexicon.getMorph(word) if lexicon is not None else []
    return bool(readings) and all(":M" in reading for reading in readings)


def _short_accented(word: str, kind: str) -> bool:
    """A word of three or four letters with a wrong accent, that differs from its fix by accents
    only ('mére' -> 'mère'): no command, file or English word carries an accent. One without any
    ("la commande cle", "etat.json", "role") stays: a name as often as a slip."""
    return kind == "accents" and len(word) >= 3 and word.islower() and not word.isascii()


def _compound_number(word: str) -> tuple[bool, ...]:
    """The plural mark of each part of a compound ("chefs-d’œuvre": plural, then not): a fix that
    adds or takes one from any part changes the number, which the sentence decides, not the word."""
    parts = word.split("-")
    return tuple(ends_like_plural(part) for part in parts) if len(parts) > 1 else ()


def _plain(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))


def _undoubled(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", text.casefold())


def contested(findings: Sequence[Finding]) -> set[Finding]:
    """Findings that a rival finding contradicts: Grammalecte offers two fixes of one slip as two
    actions of one rule ("il attendent": 'il' -> 'ils', or 'attendent' -> 'attend'), which a person
    must choose between. Two rivals are decided: a plural subject pronoun against its verb ("ils
    attende") keeps the pronoun, and the verb's fix is not contested (`_verb_over_plural_pronoun`);
    a noun after its determiner stays a noun, and the adjective's fix stands (`_keeping_the_noun`)."""
    seen: dict[tuple[str, int, str], list[Finding]] = {}
    for finding in findings:
        if not re.search(r"__b\d+_a\d+", finding.rule):
            continue
        seen.setdefault((finding.location.path, finding.location.line, _stem(finding.rule)), []).append(finding)
    rivals: set[Finding] = set()
    for group in seen.values():
        auxiliary = _written_auxiliary(group)
        if auxiliary is not None:
            # a subject and a participle with no other verb: the auxiliary written 'à'; with
            # another verb ("Le disque à remplacé est …") the infinitive may be meant: a person
            from .guards import lacks_a_verb

            rivals.update(finding for finding in group if finding is not auxiliary or not lacks_a_verb(auxiliary))
        elif len(group) > 1:
            decided = (
                _verb_over_plural_pronoun(group)
                or _silent_plural_of_the_determiner(group)
                or _keeping_the_determiner(group)
                or _keeping_the_noun(group)
                or _counting_the_written_plural(group)
                or _one_confirmed(group)
            )
            rivals.update(finding for finding in group if finding is not decided)
    return rivals | neighbour_rivals(findings) | same_word_rivals(findings) | spelling_rivals(findings)


SPELLING_RIVAL_DISTANCE = 0.6
"""How close (`spelling.slip_distance`) the speller's first suggestion must be for it to stand
against another check's fix of the same unknown word: one cheap slip (an accent, a doubled letter,
letters that sound alike, a neighbouring key, two letters swapped)."""


def spelling_rivals(findings: Iterable[Finding]) -> set[Finding]:
    """Fixes of an unknown word by another check that its spelling finding contradicts: the
    speller's first suggestion, a common word (`spelling.SOLE_EDIT_MIN_FREQUENCY`) one cheap slip
    away, is another word (no lemma shared) and the other fix is farther: "une bande passente" is
    'passante', not the verb form 'passe' (`invented-form`); "recevent" stays 'reçoivent', whose
    lemma the speller's 'recevant' shares."""
    from .proofread.spelling import SOLE_EDIT_MIN_FREQUENCY, frequency, slip_distance

    findings = list(findings)
    spelt = {
        (finding.location.path, finding.location.line, finding.context_column, finding.text): finding.suggestions[0]
        for finding in findings
        if finding.kind == "spelling" and finding.suggestions and finding.context_column > 0
    }
    rivals = set()
    for finding in findings:
        first = spelt.get((finding.location.path, finding.location.line, finding.context_column, finding.text))
        if finding.kind == "spelling" or first is None or not finding.suggestions:
            continue
        word, fix = without_elision(finding.text), without_elision(finding.suggestions[0])
        close = slip_distance(word, without_elision(first)) <= SPELLING_RIVAL_DISTANCE < slip_distance(word, fix)
        common = frequency(without_elision(first)) >= SOLE_EDIT_MIN_FREQUENCY
        if close and common and not lemmas_of(first) & lemmas_of(fix):
            rivals.add(finding)
    return rivals | _spelling_outranked(findings)


def _spelling_outranked(findings: list[Finding]) -> set[Finding]:
    """Spelling findings whose word a grammar check fixes with another of the speller's
    suggestions: the speller ranks by the word alone, the check by the sentence ("l’utilisateur
    résoudera seul": 'résoudra', the speller's second, not its first 'ressoudera')."""
    fixes = {
        (finding.location.path, finding.location.line, finding.context_column, finding.text): finding.suggestions[0]
        for finding in findings
        if finding.kind != "spelling" and len(finding.suggestions) == 1 and finding.context_column > 0
    }
    outranked = set()
    for finding in findings:
        fix = fixes.get((finding.location.path, finding.location.line, finding.context_column, finding.text))
        if finding.kind == "spelling" and fix is not None and fix in finding.suggestions[1:]:
            outranked.add(finding)
    return outranked


def same_word_rivals(findings: Iterable[Finding]) -> set[Finding]:
    """Where Grammalecte agrees a participle with "être" alone ("Les images du disque système sont
    compressé": 'compressés', the participle's own gender) and one of our checks, on the same word,
    with the subject it found ('compressées'), Grammalecte's fix is the rival: the subject's gender
    stands."""
    by_word: dict[tuple[str, int, str, int, str], list[Finding]] = {}
    for finding in findings:
        if finding.kind != "spelling" and finding.suggestions and finding.context_column > 0:
            key = (finding.location.path, finding.location.line, finding.context, finding.context_column, finding.text)
            by_word.setdefault(key, []).append(finding)
    rivals: set[Finding] = set()
    for group in by_word.values():
        ours = {finding.suggestions[0] for finding in group if finding.rule in SUBJECT_PARTICIPLE_RULES}
        if len(ours) == 1:
            rivals.update(
                finding for finding in group if _unlinked_participle(finding) and finding.suggestions[0] not in ours
            )
    return rivals


SUBJECT_PARTICIPLE_RULES = frozenset({"participle-agreement", "distant-participle"})
"""supportcards' checks that make a participle after "être" agree with the subject they found."""


def _unlinked_participle(finding: Finding) -> bool:
    """Grammalecte's agreement of a participle with "être" alone, no subject found ("sont
    compressé" -> 'compressés': the participle's own gender, made plural)."""
    return finding.rule.startswith("gv1__ppas_être_accord_")


PLURAL_SUBJECT_PRONOUNS = frozenset({"ils", "elles"})


def _verb_over_plural_pronoun(group: list[Finding]) -> Finding | None:
    """In "ils attende" Grammalecte offers 'ils' -> 'il' or 'attende' -> 'attendent': the verb's fix.
    The pronoun's plural mark was written on purpose (an "s" added to a word that sounds the same
    without it), while a silent verb ending ("-nt") is the slip these notes make: the pronoun says
    the number meant. A singular pronoun against a plural verb ("il attendent") stays a person's
    choice: there the verb carries the written plural mark."""
    pronouns = [finding for finding in group if finding.text.casefold() in PLURAL_SUBJECT_PRONOUNS]
    others = [finding for finding in group if finding not in pronouns]
    if len(group) == 2 and len(pronouns) == 1 and len(others) == 1:
        return others[0]
    return None


SILENT_PLURAL_DETERMINERS = frozenset({"leur", "quel", "quelle"})
"""Determiners whose plural only adds an "s" that is not heard: "leur données", "quel options"."""


def _silent_plural_of_the_determiner(group: list[Finding]) -> Finding | None:
    """In "leur données" Grammalecte offers 'leur' -> 'leurs' or 'données' -> 'donnée': the
    determiner's plural. Its "s" is not heard and is the slip; the noun's plural mark was written
    on purpose (as a plural pronoun's in `_verb_over_plural_pronoun`)."""
    if len(group) != 2 or not all(finding.suggestions for finding in group):
        return None
    for determiner, noun in (group, group[::-1]):
        word = determiner.text.casefold()
        if (
            word in SILENT_PLURAL_DETERMINERS
            and determiner.suggestions[0].casefold() == word + "s"
            and ends_like_plural(noun.text)
            and number_stem(noun.text) == noun.suggestions[0].casefold()
        ):
            return determiner
    return None


def _keeping_the_noun(group: list[Finding]) -> Finding | None:
    """In "les données privés" Grammalecte offers 'données' -> 'donnés' or 'privés' -> 'privées':
    the fix that keeps the noun after its determiner (`_takes_the_noun`). An action that offers no
    word at all ("connexions" -> nothing) is no fix to keep."""
    kept = [finding for finding in group if finding.suggestions and not _takes_the_noun(finding)]
    return kept[0] if len(group) == 2 and len(kept) == 1 else None


def _counting_the_written_plural(group: list[Finding]) -> Finding | None:
    """In "beaucoup de requêtes simultanée" Grammalecte offers 'requêtes' -> 'requête' or
    'simultanée' -> 'simultanées': the adjective's plural (`counted_plural`), the noun's plural
    mark having been written on purpose after a word that counts."""
    counted = [finding for finding in group if counted_plural(finding)]
    return counted[0] if len(group) == 2 and len(counted) == 1 else None


def _keeping_the_determiner(group: list[Finding]) -> Finding | None:
    """In "est une pratique dangereux" Grammalecte offers 'une' -> 'un' or 'dangereux' ->
    'dangereuse': the adjective's fix, where the noun after the determiner (after the adjective
    itself in "la vrai limite") has one gender only and the determiner already has it
    (`proofread.grammar.determiner_fits_noun`): the slip is the adjective's ending, and 'un
    pratique' or 'le vrai limite' would make a new one. Decided before `_keeping_the_noun`, which
    would keep 'vrai' as the noun it can also be."""
    from .proofread.grammar import determiner_fits_noun

    if len(group) != 2 or not all(finding.suggestions for finding in group):
        return None
    for determiner, other in (group, group[::-1]):
        start = determiner.context_column - 1
        if start < 0 or determiner.context[start : start + len(determiner.text)] != determiner.text:
            continue
        rest = determiner.context[start + len(determiner.text) :]
        after = re.match(r"\s+([^\W\d_][\w-]*)(?:\s+([^\W\d_][\w-]*))?", rest)
        if after is None:
            continue
        noun = after.group(2) if after.group(1) == other.text else after.group(1)
        if noun and determiner_fits_noun(determiner.text, determiner.suggestions[0], noun):
            return other
    return None


def _written_auxiliary(group: list[Finding]) -> Finding | None:
    """Of two actions of one rule ("que le certificat à expiré": 'à' -> 'a', or 'expiré' ->
    'expirer'), the 'à' -> 'a'; None for any other pair."""
    auxiliary = [f for f in group if f.text.casefold() == "à" and f.suggestions[:1] == ("a",)]
    return auxiliary[0] if len(group) == 2 and len(auxiliary) == 1 else None


def _one_confirmed(group: list[Finding]) -> Finding | None:
    """Of two actions of one rule ("Le technicien à réinitialisé": 'à' -> 'a', or 'réinitialisé' ->
    'réinitialiser'), the only one a word-class check of `review --yes` makes too (`_confirmed`)."""
    confirmed = [finding for finding in group if finding.suggestions and _confirmed(finding)]
    return confirmed[0] if len(group) == 2 and len(confirmed) == 1 else None


def neighbour_rivals(findings: Iterable[Finding]) -> set[Finding]:
    """Two of Grammalecte's findings (of two rules) on neighbouring words where one fix answers
    both are two readings of one slip: "Le technicien a changer" is "a changé" ('changer' ->
    'changé') or "à changer" ('a' -> 'à'). Where only one of the fixes leaves Grammalecte nothing
    to say of the other word ("Elles servent a confirmer": 'à' does, 'confirmé' leaves "servent a"
    flagged), that one stands. Where both do, a fix that would take away the clause's only
    conjugated verb ("Le technicien à changer…" has none left) is the rival: a sentence the student
    wrote with a subject keeps its verb, and one that takes away the noun after a determiner
    ("les données privés": 'donnés') is the rival of the adjective's. Otherwise ("on peu
    déléguer": "on peut" or "ont peu?") both are left to a person."""
    by_line: dict[tuple[str, int, str], list[Finding]] = {}
    for finding in findings:
        if "__" in finding.rule and finding.suggestions and finding.context_column > 0:
            by_line.setdefault((finding.location.path, finding.location.line, finding.context), []).append(finding)
    rivals: set[Finding] = set()
    for (_, _, line), group in by_line.items():
        group.sort(key=lambda finding: finding.context_column)
        for first, second in pairwise(group):
            end = first.context_column - 1 + len(first.text)
            if _stem(first.rule) == _stem(second.rule) or end > second.context_column - 1:
                continue  # two actions of one rule: `contested` pairs them
            if line[end : second.context_column - 1].strip():
                continue
            forward, backward = _answers(first, second), _answers(second, first)
            if forward != backward:
                rivals.add(second if forward else first)
            elif forward:
                confirmed = [finding for finding in (first, second) if _confirmed(finding)]
                verbless = [finding for finding in (first, second) if takes_the_only_verb(finding)]
                nounless = [finding for finding in (first, second) if _takes_the_noun(finding)]
                if len(confirmed) == 1:
                    rivals.add(second if confirmed[0] is first else first)
                else:
                    taken = verbless if len(verbless) == 1 else nounless
                    rivals.update(taken if len(taken) == 1 else (first, second))
    return rivals


def _stem(rule: str) -> str:
    """A Grammalecte rule id without its action number: the actions of one rule share it."""
    return re.sub(r"_a\d+(?:_\d+)?$", "", rule)


def _with_fix(finding: Finding, fix: str) -> str:
    start = finding.context_column - 1
    return finding.context[:start] + fix + finding.context[start + len(finding.text) :]


def _answers(fixed: Finding, other: Finding) -> bool:
    """Whether Grammalecte no longer flags `other`'s word once `fixed`'s first fix is in the line."""
    from .proofread.grammar import line_errors

    after = line_errors(_with_fix(fixed, fixed.suggestions[0]))
    return after is not None and all(flagged != other.text for _, flagged in after)


def _confirmed(finding: Finding) -> bool:
    """Whether a homophone check of `review --yes` (`proofread/homophones.py`, which reads word
        classes) makes the same fix at the same place: "on peu déléguer" is "on peut" (after "ont",
        "peu" + an infinitive is no French), "Les utilisateurs on parfois" is "ont" (the clause has its
        subject); or an agreement or conjugation check of ours ("Si on lancerait …": 'lançait',
    `si-conditional`; "a envoyer": 'envoyé', `à-infinitive`), whose finding the proofreader drops
    where Grammalecte's makes the same fix."""
    return any(issue.suggestions[:1] == finding.suggestions[:1] for issue in _our_issues(finding))


def _our_issues(finding: Finding) -> list[Any]:
    """What supportcards' own certain checks (homophones, agreement, conjugation) find at the
    finding's place, from its line alone."""
    from .proofread.agreement import line_readings as agreement_readings
    from .proofread.conjugation import line_readings as conjugation_readings
    from .proofread.grammar import engine
    from .proofread.homophones import line_readings

    checker = engine()
    if checker is None or not finding.suggestions:
        return []
    start = finding.context_column - 1
    readings = (line_readings, agreement_readings, conjugation_readings)
    return [
        issue
        for read in readings
        for issue in read(checker.getSpellChecker(), finding.context)
        if (issue.start, issue.end) == (start, start + len(finding.text)) and issue.rule in CERTAIN
    ]


def confirmed_choice(finding: Finding) -> str | None:
    """Of several suggestions ("On saisi": 'saisit' or 'saisissait'), the only one that another of
    our certain checks makes, as its one fix, at the same place (`participle-for-present` reads
    "saisi" after its subject as the present it sounds like)."""
    ours = {
        issue.suggestions[0]
        for issue in _our_issues(finding)
        if len(issue.suggestions) == 1 and issue.rule != finding.rule
    }
    chosen = [suggestion for suggestion in finding.suggestions if suggestion in ours]
    return chosen[0] if len(chosen) == 1 else None


def _takes_the_noun(finding: Finding) -> bool:
    """Whether the fix turns the noun after a determiner into a word that is none ("les données
    privés": 'données' -> 'donnés', a participle): the noun the student wrote names the thing,
    the ending of the adjective after it is the slip."""
    from .proofread.grammar import noun_lost

    start = finding.context_column - 1
    previous = re.findall(r"[^\W\d_]+['’]?(?=\s*$)", finding.context[:start])
    return bool(previous) and bool(noun_lost(previous[-1], finding.text, finding.suggestions[0]))


def certain(finding: Finding) -> bool:
    """Whether `review --yes` accepts the finding's first suggestion without asking.

    Its kind (`policy_key`) must be in `CERTAIN`, and a grammar finding must have one suggestion
    only: where the checker offers several, a person chooses.
    """
    if not finding.suggestions:
        return False
    if finding.kind != "spelling" and len(finding.suggestions) > 1:
        return False
    if finding.kind == "spelling" and not _spelling_fixable(finding, *_spelling(finding)[::-1]):
        return False
    return policy_key(finding) in CERTAIN


def certain_fix(finding: Finding) -> str | None:
    """The fix `review --yes` accepts for a finding (see `_certain_fix`), unless it is a
    participle's agreement against the clause's subject (`_against_subject`)."""
    fix = _certain_fix(finding)
    if fix is not None and policy_key(finding) == "gv1__ppas" and _against_subject(finding, fix):
        return None
    return fix


def _certain_fix(finding: Finding) -> str | None:
    """The fix `review --yes` accepts for a finding (not contested by a rival), or None to ask.

    A `certain` finding's first suggestion (not a noun-group agreement on a word that can only be a
    conjugated verb: `_conjugated`); and where Grammalecte offers several suggestions for
    a grammar finding of a certain family, the only conjugation in the tense the student wrote
    (`tense_choice`), else ("définit" -> "définis" or "définies") the one suggestion that
    Grammalecte, run again on the line with each in place, finds clean (`engine_choice`), else the
    one agreeing with the subject of "être" before it (`subject_choice`): the sentence then
    decides, not the order of the suggestions.
    """
    if policy_key(finding) == "g3__gn" and (_conjugated(finding.text) or _complement_number(finding)):
        return None
    if finding.kind != "spelling" and refusing_guard(finding) is not None:
        return None
    if certain(finding):
        return _spelling(finding)[1] if finding.kind == "spelling" else finding.suggestions[0]
    if finding.kind == "grammar" and len(finding.suggestions) == 1 and "__" in finding.rule and _confirmed(finding):
        return finding.suggestions[0]  # a rule of Grammalecte that one of our certain checks confirms
    several = finding.kind != "spelling" and len(finding.suggestions) > 1
    if several and policy_key(finding) in CERTAIN:
        return chosen_suggestion(finding)
    return None


def chosen_suggestion(finding: Finding) -> str | None:
    """Of several suggestions, the one the sentence decides (see `_certain_fix`), None if none."""
    return (
        definite_choice(finding)
        or tense_choice(finding)
        or confirmed_choice(finding)
        or engine_choice(finding)
        or subject_choice(finding)
        or number_choice(finding)
        or person_choice(finding)
        or sound_choice(finding)
        or mode_choice(finding)
    )


_DEFINITE_ARTICLE = re.compile(r"(?:^|\s)(?:le|la|les|au|aux)\s|(?:^|\s)l['’]|^l['’]", re.IGNORECASE)


def definite_choice(finding: Finding) -> str | None:
    """For a missing article of `DEFINITE_ARTICLE_RULES`, the one suggestion with a definite
    article; None where the noun's gender leaves two ("gestionnaire": le or la), or for any other
    rule."""
    if finding.rule not in DEFINITE_ARTICLE_RULES:
        return None
    definite = [suggestion for suggestion in finding.suggestions if _DEFINITE_ARTICLE.search(suggestion)]
    return definite[0] if len(definite) == 1 else None


def mode_choice(finding: Finding) -> str | None:
    """Of the subjunctives Grammalecte offers for an indicative after "il faut que" ("qu’on la
    fait": 'fasse' or 'fît'), the present one where the student wrote the present: the slip is
    the mood, not the tense."""
    lexicon = speller_lexicon()
    if not finding.rule.startswith("gv2__vmode") or lexicon is None:
        return None
    if not any(":Ip" in reading for reading in lexicon.getMorph(finding.text.casefold())):
        return None
    kept = [s for s in finding.suggestions if any(":Sp" in r for r in lexicon.getMorph(s.casefold()))]
    return kept[0] if len(kept) == 1 else None


_SILENT_ENDINGS = ("ent", "es", "ts", "ds", "s", "t", "x", "d", "e")
"""Endings French does not pronounce after the word they close: "rempli" and "remplit", "attende"
and "attend" sound the same."""


def _without_silent_ending(word: str) -> str:
    lower = word.casefold()
    for ending in _SILENT_ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            return lower[: -len(ending)]
    return lower


def sound_choice(finding: Finding) -> str | None:
    """Of several words Grammalecte offers for a participle where a clitic asks for a verb
    ("l’espace se rempli": 'remplit' or 'remplissait'), the only one that sounds as written, the
    two differing by a silent ending only: the student wrote the word heard, the slip is its
    spelling, not its tense."""
    if not finding.rule.startswith("g2__conf_non_verbe"):
        return None  # after "on", 'suivit' sounds like "suivi" too, but "ont" was meant: its own finding
    heard = _without_silent_ending(finding.text)
    kept = [suggestion for suggestion in finding.suggestions if _without_silent_ending(suggestion) == heard]
    return kept[0] if len(kept) == 1 else None


def _against_subject(finding: Finding, fix: str) -> bool:
    """A participle's agreement that contradicts the number of the clause's subject: the verb
    before it is the slip ("Les mises à jour critiques doit être installées"), not the participle."""
    from .proofread.agreement import against_subject

    return against_subject(finding.context, finding.context_column, finding.text, fix)


def _complement_number(finding: Finding) -> bool:
    """An agreement in number or gender on a noun right after another noun: "les droits
    administrateur", "la table clients" and "la configuration ordinateur" are correct (the
    complement keeps its own number and gender), "les comptes inactif" is not; a person tells. So
    is a plural noun after a singular one (`_people_complement`: "le Wi-Fi invités").
    A word that is as much an adjective as a noun ("suspect", "ancien", "inverse": not a person or
    a device, `agent_noun`) qualifies the noun before it and agrees; so does any word after an
    adverb ("des performances bien meilleur": "bien" is no noun there); a determiner ("leur")
    opens a noun group of its own."""
    from .proofread.grammar import agent_noun, noun_complement

    if not finding.suggestions:
        return False
    agent = agent_noun(finding.text)
    number_only = finding.suggestions[0].casefold().startswith(number_stem(finding.text))
    if not number_only and not agent:
        return False  # a gender change: only on a noun like "ordinateur" ("la configuration ordinateur")
    start = finding.context_column - 1
    if start < 0 or finding.context[start : start + len(finding.text)] != finding.text:
        return False
    previous = re.findall(r"[^\W\d_]+(?=[^\w’'.!?;:]*$)", finding.context[:start])  # in the same sentence
    adjective = not agent and has_reading(finding.text, ":A")  # "les enregistrements inverse", "les messages suspect"
    determiner = has_reading(finding.text, ":G:D")  # "sauvegarde leur données"
    adverb = bool(previous) and has_reading(previous[-1], ":W")  # "des performances bien meilleur"
    if previous and not (adjective or determiner or adverb) and noun_complement(previous[-1], finding.text):
        return True
    head = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*(?=\s+$)", finding.context[:start])
    return bool(head) and _people_complement(head[-1], finding.text, finding.suggestions[0])


def _people_complement(previous: str, word: str, fix: str) -> bool:
    """A plural the lexicon has as a noun of its own besides a participle or an adjective
    ("invités", "abonnés", "périphériques"), right after a singular noun or a term it does not know:
    "le Wi-Fi invités", "le portail abonnés", "la fenêtre Périphériques" name what serves those
    people or things, a complement that keeps its plural. A slip of agreement drops a mark more than
    it adds one, and a participle no noun reads still agrees ("le compte bloqués" -> "bloqué")."""
    from .proofread.grammar import engine

    checker = engine()
    if checker is None or word.casefold() != fix.casefold() + "s":
        return False
    morph = checker.getSpellChecker().getMorph
    own_noun = any(":N:" in m and ":N:A" not in m and ":V" not in m for m in morph(word.casefold()))
    head = morph(previous.casefold())
    singular_noun = any(":N" in m and re.search(r":[si](?:/|$)", m) for m in head) and not any(":G" in m for m in head)
    return own_noun and (singular_noun or not head)


def subject_choice(finding: Finding) -> str | None:
    """Of several agreements offered for the word after "être" ("sont désactiver": 'désactivés' or
    'désactivées'), the only one that agrees with the clause's subject, read from Grammalecte's
    morphology where Grammalecte itself does not link them ("Les comptes inactifs depuis plus de 60
    jours sont …"); None otherwise."""
    from .proofread.agreement import subject_choice as choose

    return choose(finding.context, finding.context_column, finding.text, finding.suggestions)


def number_choice(finding: Finding) -> str | None:
    """Of several words offered for a noun-group agreement ("des commandes simple": 'simples' or
    'simplex'), the only form of the written word's own lemma, when it only adds or takes away
    its plural mark: the others are other words the speller found near, not agreements. None where
    two forms of the word are offered ('meilleurs' or 'meilleures': the gender is a choice)."""
    if not finding.rule.startswith("g3__gn"):
        return None
    lemmas = lemmas_of(finding.text)
    forms = [suggestion for suggestion in finding.suggestions if lemmas & lemmas_of(suggestion)]
    if len(forms) != 1:
        return None
    word, form = finding.text.casefold(), forms[0].casefold()
    return forms[0] if number_stem(word) == number_stem(form) and word != form else None


THIRD_PERSON_EXCEPTIONS = ("gv2__conj_eq_", "gv2__conj_moi_qui", "gv2__conj_toi_qui", "gv2__conj_sujet_verbe")
"""Grammalecte's conjugation rules whose subject may be no third person ("nous", "moi qui", an
inverted pronoun): every other one conjugates a verb after a noun or a third person's pronoun."""

_TENSES = re.compile(r":(Ip|Iq|Is|If|K|Sp|Sq)(?=[:/]|$)")


def person_choice(finding: Finding) -> str | None:
    """Of several words offered for a verb after a noun ("tous les utilisateurs partage":
    'partagent', 'partages' or 'partagés'), the only one that is a third person's form in a tense
    the student wrote: the subject is a third person, and the others are another person's form
    or a participle, which would make a new slip."""
    if not finding.rule.startswith("gv2__conj") or finding.rule.startswith(THIRD_PERSON_EXCEPTIONS):
        return None
    lexicon = speller_lexicon()
    if lexicon is None:
        return None
    written = {tense for reading in lexicon.getMorph(finding.text.casefold()) for tense in _TENSES.findall(reading)}
    kept = [
        suggestion
        for suggestion in finding.suggestions
        if any(
            re.search(r":3[sp]", reading) and written & set(_TENSES.findall(reading))
            for reading in lexicon.getMorph(suggestion.casefold())
        )
    ]
    return kept[0] if len(kept) == 1 else None


def tense_choice(finding: Finding) -> str | None:
    """Among several conjugations offered for a verb, the only one in a tense the student wrote
    ("réussis" -> 'réussit', not 'réussissait'; "analyserai", a future, -> 'analysera', not the
    conditional 'analyserait'): the slip is the person's ending, not the tense. None unless the
    word and every suggestion are conjugated verbs (a past participle offered, as for "sont
    définit", is an agreement for the line to decide), or when no suggestion or several keep its
    tense."""
    from .proofread.agreement import verb_tenses

    written = verb_tenses(finding.text)
    offered = [verb_tenses(suggestion) for suggestion in finding.suggestions]
    if not written or not all(offered):
        return None
    kept = [suggestion for suggestion, tenses in zip(finding.suggestions, offered, strict=True) if tenses & written]
    return kept[0] if len(kept) == 1 else None


def _opens_a_sentence(finding: Finding) -> bool:
    """Whether the finding's word starts its line, its list item or its sentence, where a capital
    says nothing of a name ("Instalation rapide" as a list item)."""
    if not finding.context_column:
        return False
    before = finding.context[: finding.context_column - 1].rstrip()
    return not before or bool(re.search(r"(?:^(?:[-*+]|\d{1,9}[.)])|[.!?:…])$", before))


def _conjugated(text: str) -> bool:
    """A noun-group agreement finding on a word that can only be a conjugated verb ("le routeur
    choisis": "choisi" is offered, "choisit" was meant): the slip may be the verb's ending."""
    from .proofread.grammar import only_a_verb

    return bool(only_a_verb(text))


def engine_choice(finding: Finding) -> str | None:
    """The only suggestion that leaves the finding's line with no error Grammalecte did not
    already report elsewhere in it; None when none or several do, or without Grammalecte."""
    from .proofread.grammar import line_errors

    line = finding.context
    start = finding.context_column - 1
    if start < 0 or line[start : start + len(finding.text)] != finding.text:
        return None
    before = line_errors(line)
    if before is None:
        return None
    remaining = Counter(before)
    remaining.pop((finding.rule, finding.text), None)
    clean = []
    for suggestion in finding.suggestions:
        after = line_errors(line[:start] + suggestion + line[start + len(finding.text) :]) or []
        if not Counter(after) - remaining:
            clean.append(suggestion)
    return clean[0] if len(clean) == 1 else None
