"""The grammar checker: Grammalecte, when it is installed, and the one place its noise is cut.

Grammalecte (https://grammalecte.net, GPL-3.0) is called as an installed library, never copied
into supportcards. It is optional: `engine()` is None without it, and lint then checks spelling
with the dictionary alone. `build` never imports this module.

What Grammalecte says that does not fit flashcards is cut here and only here:

- `OPTIONS_OFF`: whole option groups, for typography the normalizer already sets (apostrophes,
  non-breaking spaces and spacing, dashes and quotes) or that flashcards do not follow (a capital
  at the start of each list item or line, number formatting);
- `IGNORED_RULES`: single rules by the start of their id, for what the options leave on;
- `_misread_noun_group`: a noun-group agreement read into what is no French noun group: a
  command's argument taken for an article ("ps aux liste les processus": "aux" is the argument of
  "ps", "liste" the verb), or a plural noun in apposition to a singular one ("un Wi-Fi invités",
  "le VLAN visiteurs": a network for guests, never a slip for "invité").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .text import Issue, Paragraph

INSTALL_HINT = (
    "Grammalecte is not installed, so only spelling is checked: on Debian or Ubuntu "
    "`sudo apt install python3-grammalecte` then `make`; elsewhere see the README (Proofreading)"
)

OPTIONS_OFF = {
    "typo": "typography: dashes of list items, ellipsis, quotes (the normalizer sets them)",
    "apos": "typographic apostrophe (the normalizer's `apostrophe` rule)",
    "esp": "spaces (the normalizer's `whitespace` and `french-spacing` rules)",
    "nbsp": "non-breaking spaces (the normalizer's `french-spacing` rule)",
    "maj": "capitals at the start of a line: list items and card fronts need none",
    "num": "digit grouping of numbers",
}

IGNORED_RULES = {
    "g0__virg_virgule_avant_points_suspension": "a comma before '…' ends a list of examples in a front",
    "typo_tiret_début_ligne": "dash style of list items (Markdown lists)",
    "majuscule_début_paragraphe": "a list item or a card's answer may start in lowercase",
    "num_grand_nombre_avec_points": "dotted numbers in IT notes are addresses and versions (169.254)",
}

_IGNORED = re.compile("|".join(re.escape(rule) for rule in IGNORED_RULES))


_DOTTED_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+){2,}(?![\w.]*\w)")


def undotted(text: str) -> str:
    """The text with each number of three or more dotted parts (an IPv4 address "10.0.0.9", a
    version "10.0.19045") written without its dots, same length: Grammalecte's tokenizer cuts it
    into numbers and a full stop, then reads the next word as a sentence's first or a preposition
    before the address as right before it ("envoyées à 8.8.8.8 sont refusées": "à sont" -> "à son")."""
    return _DOTTED_NUMBER.sub(lambda number: number.group().replace(".", "0"), text)


@lru_cache(maxsize=1)
def engine() -> Any | None:
    """Grammalecte's French checker, loaded once; None when the package is not installed."""
    try:
        import grammalecte
    except ImportError:
        return None
    return grammalecte.GrammarChecker("fr")


def engine_available() -> bool:
    """Whether Grammalecte can be imported (without loading it)."""
    from importlib.util import find_spec

    try:
        return find_spec("grammalecte") is not None
    except (ImportError, ValueError):  # a broken install, or an import blocked on purpose
        return False


def engine_version() -> str:
    checker = engine()
    return str(checker.getGCEngine().version) if checker is not None else "none"


@lru_cache(maxsize=1)
def _options() -> dict[str, bool]:
    checker = engine()
    assert checker is not None
    options: dict[str, bool] = dict(checker.getGCEngine().getDefaultOptions())
    options.update(dict.fromkeys(OPTIONS_OFF, False))
    return options


def ignored(rule: str) -> bool:
    return bool(_IGNORED.match(rule))


def grammar_issues(paragraph: Paragraph) -> list[Issue]:
    """Grammalecte's grammar errors in one paragraph, noise cut, as issues in the card's part."""
    if engine() is None:
        return []
    issues = []
    for error in _analysis(paragraph.text)[0]:
        rule = str(error["sRuleId"])
        if ignored(rule) or _misread_noun_group(paragraph.text, int(error["nStart"]), rule):
            continue
        issues.append(
            Issue(
                paragraph.part,
                paragraph.offset + int(error["nStart"]),
                paragraph.offset + int(error["nEnd"]),
                "grammar",
                rule,
                _message(str(error["sMessage"])),
                tuple(str(suggestion) for suggestion in error["aSuggestions"]),
            )
        )
    return issues


_ARGUMENT_BEFORE = re.compile(r"(?:^|[\s(])(?P<name>[a-z][\w-]*)\s+(?:aux|au|des|du|les|la|le|un|une)\s+$")
_COMMAND_NOUNS = re.compile(r"\bcommandes?\s+$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?P<word>[^\W\d_][\w-]*)\s+$")
_WORD_AT = re.compile(r"[^\W\d_][\w-]*")


def _misread_noun_group(text: str, start: int, rule: str) -> bool:
    """Whether a noun-group agreement at text[start:] reads a command or an apposition as a noun
    group (see the module): its article follows a command's name (after "commande", or a word the
    lexicon knows as no French word, a unit symbol at most: "ps"), or it asks a plural noun to agree
    with the singular noun right before it, or that noun to agree with it."""
    if not rule.startswith("g3__gn"):
        return False
    before = text[:start]
    argument = _ARGUMENT_BEFORE.search(before)
    if argument is not None:
        name = before[: argument.start("name")]
        if _COMMAND_NOUNS.search(name) or not _french_word(argument.group("name")):
            return True
    previous = _WORD_BEFORE.search(before)
    word = _WORD_AT.match(text, start)
    if word is None:
        return False
    following = _WORD_AT.match(text, word.end() + 1) if text[word.end() : word.end() + 1] == " " else None
    plural_before = previous is not None and any(
        ":G:D" in m and ":p" in m for m in _lexicon(previous.group("word").casefold())
    )
    if following is not None and not plural_before and _apposition(word.group(), following.group()):
        return True  # "Réseau invités": the head is not to agree with its apposition either ("les poste invités" is)
    return previous is not None and _apposition(previous.group("word"), word.group())


def _lexicon(word: str) -> list[str]:
    checker = engine()
    return list(checker.getSpellChecker().getMorph(word)) if checker is not None else []


def _french_word(word: str) -> bool:
    """Whether the lexicon has `word` as more than a unit symbol (";S": "ps" is "p.s.", "km")."""
    return any(";S" not in morph for morph in _lexicon(word))


def _apposition(previous: str, word: str) -> bool:
    """A plural noun (a reading that is a noun only) after a singular noun or a name the lexicon does
    not know, no determiner in between: "réseau invités", "Wi-Fi visiteurs" name what it is for."""
    if not any(":N" in morph and ":A" not in morph and re.search(r":[mfe]:p", morph) for morph in _lexicon(word)):
        return False
    readings = _lexicon(previous) or _lexicon(previous.casefold())
    if any(":G" in morph for morph in readings):
        return False
    return not readings or any(":N" in morph and re.search(r":[mfe]:[si]", morph) for morph in readings)


@lru_cache(maxsize=64)
def _analysis(text: str) -> tuple[list[dict[str, Any]], list[tuple[int, list[dict[str, Any]]]]]:
    """Grammalecte's errors in a paragraph and its sentences' tokens after its disambiguation, as
    (offset of the sentence in the paragraph, tokens): one parse for the grammar check and for the
    own checks that read the tokens (`articles.py`), which run on the same card one after the other."""
    checker = engine()
    assert checker is not None
    paragraph_errors, parsed = checker.getGCEngine().parse(
        undotted(text), "FR", bDebug=False, dOptions=_options(), bContext=False, bFullInfo=True
    )
    errors = [*paragraph_errors, *(error for sentence in parsed for error in sentence["lGrammarErrors"])]
    tokens = [
        (int(sentence["nStart"]), [token for token in sentence["lTokens"] if token["sType"] not in ("INFO", "SPACE")])
        for sentence in parsed
    ]
    return errors, tokens


def sentences(text: str) -> list[tuple[int, list[dict[str, Any]]]]:
    """The sentences of a paragraph as Grammalecte reads them: (offset, tokens), each token a dict
    with its value `sValue`, offsets `nStart`/`nEnd` in the sentence, type `sType` and morphologies
    `lMorph` after disambiguation; [] without Grammalecte."""
    if engine() is None:
        return []
    return _analysis(text)[1]


def line_errors(text: str) -> list[tuple[str, str]] | None:
    """Grammalecte's errors in one line of text, noise cut, as (rule, flagged text); None without
    Grammalecte. `review --yes` compares a line before and after a candidate fix with it."""
    checker = engine()
    if checker is None:
        return None
    errors = checker.getGCEngine().parse(undotted(text), "FR", bDebug=False, dOptions=_options(), bContext=False)
    found = [(str(error["sRuleId"]), text[int(error["nStart"]) : int(error["nEnd"])]) for error in errors]
    return [(rule, flagged) for rule, flagged in found if not ignored(rule)]


_FINITE = re.compile(r":(?:I[psqf]|K|S[pq]|E)(?::|/|$)")


def only_a_verb(word: str) -> bool | None:
    """Whether Grammalecte's lexicon knows `word` as a conjugated verb and as nothing but forms of
    verbs ("choisis", not "ferme" nor "active"); None without Grammalecte."""
    checker = engine()
    if checker is None:
        return None
    morphs = checker.getSpellChecker().getMorph(word.casefold())
    return bool(morphs) and all(":V" in morph for morph in morphs) and any(_FINITE.search(m) for m in morphs)


def noun_complement(previous: str, word: str) -> bool | None:
    """Whether `word` may be a noun used as the complement of the noun `previous` ("les droits
    administrateur", "des câbles réseau"), which keeps its own number: it has a noun reading and no
    past-participle one, and `previous` can be a noun. None without Grammalecte."""
    checker = engine()
    if checker is None:
        return None
    spell = checker.getSpellChecker()
    morphs, before = spell.getMorph(word.casefold()), spell.getMorph(previous.casefold())
    noun = any(":N" in morph for morph in morphs) and not any(":Q" in morph for morph in morphs)
    return noun and any(":N" in morph for morph in before) and not any(":G:D" in morph for morph in before)


def agent_noun(word: str) -> bool:
    """Whether Grammalecte reads `word` as a noun that also serves as an adjective in one entry
    (":N:A": "utilisateur", "client", "ordinateur"), the nouns French puts after another noun as its
    complement ("la configuration ordinateur", "le poste client")."""
    checker = engine()
    folded = word.casefold()
    if checker is None or not folded.endswith(_AGENT_ENDINGS):
        return False  # "une impression négatif": an adjective that is also a noun agrees
    return any(":N:A" in morph for morph in checker.getSpellChecker().getMorph(folded))


_AGENT_ENDINGS = ("eur", "eurs", "ient", "ients")
"""The endings of the person and device nouns that complement another noun: "utilisateur",
"administrateur", "ordinateur", "client"."""


def noun_lost(previous: str, word: str, fix: str) -> bool | None:
    """Whether `previous` is a determiner, `word` can be a noun and `fix` cannot ("les données" ->
    "les donnés"); None without Grammalecte."""
    checker = engine()
    if checker is None:
        return None
    spell = checker.getSpellChecker()
    before = spell.getMorph(previous.casefold().replace("'", "’"))
    noun = any(":N" in morph for morph in spell.getMorph(word.casefold()))
    fixed = spell.getMorph(fix.casefold())
    return bool(fixed) and noun and not any(":N" in m for m in fixed) and any(":G:D" in m for m in before)


def determiner_fits_noun(determiner: str, fix: str, noun: str) -> bool | None:
    """Whether `determiner` ("une") is a determiner of the one gender `noun` has ("pratique", a
    feminine noun), which `fix` ("un") is not: the determiner agrees with its noun as written.
    None without Grammalecte."""
    checker = engine()
    if checker is None:
        return None
    spell = checker.getSpellChecker()

    def genders(word: str, tag: str) -> set[str]:
        morphs = spell.getMorph(word.casefold().replace("'", "’"))
        return {found.group(1) for m in morphs if tag in m and (found := re.search(r":([mfe]):[spi]", m))}

    nouns = genders(noun, ":N")
    written, offered = genders(determiner, ":G:D"), genders(fix, ":G:D")
    return len(nouns) == 1 and "e" not in nouns and nouns <= written and not nouns & offered


def _message(message: str) -> str:
    """Grammalecte's message on one line, with French quotes: 'Accord avec « Les employés… »'."""
    return re.sub(r"\s+", " ", message.replace("“", "« ").replace("”", " »")).strip()
