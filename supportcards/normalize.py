"""Normalizer: fixes typos and French typography in a card's text, and records every change.

The rules form one ordered list of named rules (`Rule`), each testable and reported on its own:

1. `unicode-nfc`, `whitespace`: composed accents, single spaces inside a line;
2. one rule per section of the corrections tables (`data/corrections.toml`, then the project's
   `source/corrections.toml`): typos, agreement, conjugation, copy-paste slips, abbreviations;
3. for fronts only, `front-final-period` and `front-question-mark`;
4. `accented-capitals`;
5. French grammar where the fix is certain: `contraction` (de le -> du), `elision` (lorsque il ->
   lorsqu’il), `s-est` (il c’est trompé -> il s’est trompé), `back-subject` (an answer starting
   "Est un…" -> "C’est un…");
6. `apostrophe`, `quotes`, `ellipsis`, `lead-in-colon`, `french-spacing`: French typography
   (Imprimerie nationale).

Rules see only prose: code, URLs, HTML tags and entities, math and link targets are set aside
first, so no rule ever touches them, and no correction changes part of a glossary term (technical
names such as "Ticket System" are never "corrected" into French words). Every rule
is idempotent and no rule's output feeds an earlier one, so normalizing twice changes nothing.
"""

from __future__ import annotations

import bisect
import itertools
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .checks import of_type, toml_table
from .errors import SettingsError
from .model import Card, Change, Chapter, Location, Project
from .parse import check_setting_text
from .render import MATH

NBSP = "\u00a0"
NNBSP = "\u202f"
_SPACES = f"[ \\t{NBSP}{NNBSP}]"
_LIST_MARKER = r"(?:[-*+]|\d{1,9}[.)])"

Edit = tuple[int, str, str]
"""Where in a text (offset), what was there and what replaced it."""


@dataclass(frozen=True)
class Rule:
    """A named, ordered step of the normalizer; `apply` returns the new text and its edits."""

    name: str
    description: str
    apply: Callable[[str], tuple[str, list[Edit]]]
    fronts_only: bool = False
    table: bool = False
    backs_only: bool = False


def regex_rule(
    name: str,
    description: str,
    pattern: str | re.Pattern[str],
    replacement: Callable[[re.Match[str]], str] | str,
    *,
    fronts_only: bool = False,
    flags: int = 0,
    needs: Callable[[str], bool] | None = None,
) -> Rule:
    """A rule that replaces every match of `pattern`; each real change is one edit.

    `needs` is a cheap test (a substring check) that skips texts the pattern cannot match.
    """
    compiled = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
    substitute: Callable[[re.Match[str]], str]
    if isinstance(replacement, str) and "\\" not in replacement:
        literal = replacement

        def substitute(match: re.Match[str]) -> str:
            return literal
    elif isinstance(replacement, str):
        template = replacement

        def substitute(match: re.Match[str]) -> str:
            return match.expand(template)
    else:
        substitute = replacement

    def apply(text: str) -> tuple[str, list[Edit]]:
        if needs is not None and not needs(text):
            return text, []
        return _substitute(compiled, substitute, text)

    return Rule(name, description, apply, fronts_only)


def _substitute(
    pattern: re.Pattern[str], substitute: Callable[[re.Match[str]], str], text: str
) -> tuple[str, list[Edit]]:
    """Replace every match of `pattern`; each replacement that changes the text is one edit."""
    edits: list[Edit] = []
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        new = substitute(match)
        if new != match.group():
            edits.append((match.start(), match.group(), new))
            pieces.append(text[last : match.start()])
            pieces.append(new)
            last = match.end()
    if not edits:
        return text, edits
    pieces.append(text[last:])
    return "".join(pieces), edits


# --- corrections tables -------------------------------------------------------------------------


@dataclass(frozen=True)
class Corrections:
    """A parsed corrections table: rule sections of (wrong, right) pairs, and word lists.

    `ignored` lists the fingerprints of the proofreader's findings that `review` was told to
    ignore for good (`[review] ignore`, see `Finding.fingerprint`): lint and review skip them.
    """

    sections: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    glossary: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    accented_capitals: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()


def parse_corrections(text: str, path: str) -> Corrections:
    """Read a corrections table (TOML); a malformed one is a `SettingsError` at its path."""
    data = toml_table(text, path)
    sections = []
    glossary: list[str] = []
    words: list[str] = []
    capitals: list[str] = []
    ignored: list[str] = []
    for name, table in data.items():
        if not isinstance(table, dict):
            raise SettingsError(Location(path, 1), f'{name!r} must be a [section] of "wrong" = "right" pairs')
        if name == "glossary":
            glossary.extend(_strings(table.get("terms", []), path, "glossary.terms"))
            words.extend(_strings(table.get("words", []), path, "glossary.words"))
            continue
        if name == "accented-capitals":
            capitals.extend(_strings(table.get("words", []), path, "accented-capitals.words"))
            continue
        if name == "review":
            ignored.extend(_strings(table.get("ignore", []), path, "review.ignore"))
            continue
        pairs = []
        for wrong, right in table.items():
            if not wrong.strip("^ "):
                raise SettingsError(
                    Location(path, _entry_line(text, name, wrong)),
                    f"[{name}] an entry has an empty left side: it would match nothing",
                    'write the wrong spelling on the left: "wrong" = "right"',
                )
            if not isinstance(right, str):
                raise SettingsError(
                    Location(path, _entry_line(text, name, wrong)), f"[{name}] {wrong!r} must map to a string"
                )
            if not right.strip():
                raise SettingsError(
                    Location(path, _entry_line(text, name, wrong)),
                    f"[{name}] {wrong!r} maps to an empty text: a correction cannot delete words",
                    "write what the words become, or delete the entry",
                )
            check_setting_text(right, f"[{name}] {wrong!r}", Location(path, _entry_line(text, name, wrong)))
            pairs.append((wrong, right))
        sections.append((name, tuple(pairs)))
    return Corrections(tuple(sections), tuple(glossary), tuple(words), tuple(capitals), tuple(ignored))


def _entry_line(text: str, section: str, key: str) -> int:
    """The line of `key = ...` under `[section]` in a corrections table (1 if not found): each line
    is read as TOML on its own, so that any quoting of the key is recognized."""
    current = None
    for number, line in enumerate(text.split("\n"), 1):
        try:
            data = tomllib.loads(line)
        except tomllib.TOMLDecodeError:
            continue
        if line.strip().startswith("[") and len(data) == 1:
            current = next(iter(data))
        elif current == section and key in data:
            return number
    return 1


def _strings(value: object, path: str, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SettingsError(Location(path, 1), f"{key} must be a list of strings")
    return value


@lru_cache(maxsize=1)
def builtin_corrections() -> Corrections:
    """supportcards' own table, shipped in the package."""
    text = resources.files("supportcards").joinpath("data", "corrections.toml").read_text(encoding="utf-8")
    return parse_corrections(text, "supportcards/data/corrections.toml")


def load_corrections(path: str | Path) -> Corrections:
    """A project's own table (`source/corrections.toml`)."""
    from .parse import read_source

    return parse_corrections(read_source(path), str(path))


@lru_cache(maxsize=4096)
def entry_pattern(wrong: str) -> re.Pattern[str]:
    """Compile a table entry: whole words, either case for a lowercase first letter, ' = ’, any spacing."""
    anchored = wrong.startswith("^")
    parts = []
    seen_letter = False
    for char in wrong.lstrip("^").strip():
        if char in "'’":
            parts.append("['’]")
        elif char.isspace():
            if parts[-1:] != [r"\s+"]:
                parts.append(r"\s+")
        elif char.isalpha() and not seen_letter:
            seen_letter = True
            parts.append(f"[{char}{char.upper()}]" if char.islower() else re.escape(char))
        else:
            parts.append(re.escape(char))
    start = rf"(?P<lead>(?:^|(?<=\n))[ \t]*(?:{_LIST_MARKER}[ \t]+)?)" if anchored else r"(?<!\w)"
    return re.compile(f"{start}(?P<word>{''.join(parts)})(?!\\w)")


def _follow_case(found: str, right: str) -> str:
    """Give `right` the case of `found`'s first letter, unless the table wrote it as a capital."""
    first_right = next((i for i, char in enumerate(right) if char.isalpha()), None)
    first_found = next((char for char in found if char.isalpha()), None)
    if first_right is None or first_found is None or right[first_right].isupper():
        return right
    if first_found.isupper():
        return right[:first_right] + right[first_right].upper() + right[first_right + 1 :]
    return right


def table_rule(name: str, pairs: Sequence[tuple[str, str]], glossary: tuple[str, ...] = ()) -> Rule:
    """One rule for a section of a corrections table: its entries, in order.

    An entry may rewrite a whole phrase that contains a glossary term, but never change part of
    one: "system" = "système" leaves "Ticket System" alone. Patterns are compiled once, and an
    entry's longest word is looked for as a plain substring before its pattern runs, which skips
    it for the (many) texts it does not concern.
    """
    if not pairs:
        return Rule(name, f"corrections table [{name}]", lambda text: (text, []), table=True)
    compiled = [(entry_pattern(wrong), right, _literal(wrong)) for wrong, right in pairs]
    terms = _glossary_pattern(glossary)

    def apply(text: str) -> tuple[str, list[Edit]]:
        edits: list[Edit] = []
        lower = text.lower()
        for pattern, right, literal in compiled:
            if literal not in lower:
                continue
            if not pattern.search(text):
                continue
            spans = [match.span() for match in terms.finditer(text)] if terms else []

            def fix(match: re.Match[str], right: str = right, spans: list[tuple[int, int]] = spans) -> str:
                start, end = match.span("word")
                if any(
                    start < term_end and term_start < end and not _contains((start, end), (term_start, term_end))
                    for term_start, term_end in spans
                ):
                    return match.group()
                word = match.group("word")
                fixed = _follow_case(word, right)
                if fixed.replace("’", "'") == word.replace("’", "'"):
                    return match.group()  # only the apostrophe differs: that is the apostrophe rule's job
                return (match.groupdict().get("lead") or "") + fixed

            text, found = _substitute(pattern, fix, text)
            if found:
                edits.extend(found)
                lower = text.lower()
        return text, edits

    return Rule(name, f"corrections table [{name}]", apply, table=True)


def _literal(wrong: str) -> str:
    """The entry's longest run of letters, lowercased: a text without it cannot match the entry."""
    return max(re.findall(r"[^\W\d_]+", wrong.lower()) or [""], key=len)


def _contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    """Whether `outer` holds all of `inner` and more (a phrase around a term, not the term itself)."""
    return outer[0] <= inner[0] and inner[1] <= outer[1] and outer[1] - outer[0] > inner[1] - inner[0]


@lru_cache(maxsize=8)
def _glossary_pattern(glossary: tuple[str, ...]) -> re.Pattern[str] | None:
    if not glossary:
        return None
    terms = sorted(glossary, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(term).replace(r"\ ", r"\s+") for term in terms) + r")(?!\w)")


# --- typography -------------------------------------------------------------------------------


def _nfc(text: str) -> tuple[str, list[Edit]]:
    """Compose accents word by word (NFC), so that each changed word is one reported edit."""
    if unicodedata.is_normalized("NFC", text):
        return text, []
    edits: list[Edit] = []
    pieces = []
    offset = 0
    for piece in re.split(r"(\s+)", text):
        fixed = unicodedata.normalize("NFC", piece)
        if fixed != piece:
            edits.append((offset, piece, fixed))
        pieces.append(fixed)
        offset += len(piece)
    return "".join(pieces), edits


LATIN_A = ("priori", "posteriori", "fortiori", "contrario", "minima", "maxima")
"""The Latin words after the "a" of a locution ("a priori", "a contrario"), which the Académie's
dictionary writes without accent; the 1990 rectifications allow "à priori" too. Both are right,
so the student's spelling stays."""

_LETTER_A_NEXT = (
    r"(?:et|ou|pour|est|sont|a|ont|se|s|ne|n|vers|contre|puis|donc|mais|car|envoie|reçoit|devient|"
    + "|".join(LATIN_A)
    + ")"
)
"""Words after which a capital "A" is a letter or a name ("A et B", "A pour l’aile est", "A envoie à
B"), never the preposition "À", or the Latin "a" of a locution (`LATIN_A`)."""

_NAME_VERBS = r"(?:est|sont|était|sera|permet|propose|fournit|gère|offre|remplace|sert|reste|affiche|synchronise)"
"""Verbs right after a capitalised word that opens a sentence without a determiner: a French
common noun there has its article ("L’évolution est…"), so the word is a name ("Evolution est le
client de messagerie de GNOME"), which keeps its spelling."""


def accented_capitals_rule(words: Iterable[str]) -> Rule:
    """'Editer' -> 'Éditer', and 'A' starting a sentence -> 'À'."""
    table = {}
    for word in words:
        plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
        if plain != word:
            table[plain[0].upper() + plain[1:]] = word[0].upper() + word[1:]
    # Candidates are found by their first letter (a fast literal scan), then looked up in the table.
    firsts = "".join(sorted({word[0] for word in table})) or "E"
    # A capitalised word inside a sentence is a name ("Community Edition", "l’application Element"):
    # only a sentence's or a line's first word, or one after an elided article ("l’Etat"), is fixed.
    start = rf"(?:^|(?<=\n)|(?<=[.!?…]\s))[ \t]*(?:{_LIST_MARKER}[ \t]+)?"
    pattern = re.compile(
        rf"(?P<wlead>{start}|(?<=[lLdD]['’]))(?P<word>[{firsts}][^\W\d_]+)(?!\w)"
        rf"|(?P<lead>{start})A(?=[ \t]+(?!{_LETTER_A_NEXT}\b)[a-zà-ÿ])"
    )

    names = re.compile(rf"[ \t]+{_NAME_VERBS}\b")

    def fix(match: re.Match[str]) -> str:
        word = match.group("word")
        if word:
            elided = match.string[match.start() - 1 : match.start()] in ("'", "’")
            if not elided and names.match(match.string, match.end()):
                return match.group()
            return match.group("wlead") + table.get(word, word)
        return match.group("lead") + "À"

    return regex_rule("accented-capitals", "accents on capitals: Éditer, État, À", pattern, fix)


_QUOTED = re.compile(r'"([^"\n]*)"')


def _quotes(text: str) -> tuple[str, list[Edit]]:
    """Pair the straight quotes of each line, first with second and so on, as « »; only if all pair up.

    A line with an odd count or an empty pair is left alone: once converted, a line has no straight
    quote left, which is what makes the rule idempotent.
    """
    if '"' not in text:
        return text, []
    edits: list[Edit] = []
    lines = text.split("\n")
    offset = 0
    for number, line in enumerate(lines):
        if '"' in line and line.count('"') % 2 == 0 and all(inner.strip() for inner in _QUOTED.findall(line)):
            fixed = _QUOTED.sub(lambda pair: f"«{NBSP}{pair.group(1).strip()}{NBSP}»", line)
            edits.append((offset, line, fixed))
            lines[number] = fixed
        offset += len(line) + 1
    return "\n".join(lines), edits


_LIST_ITEM = re.compile(rf"[ \t]{{0,3}}{_LIST_MARKER}[ \t]")
_CLOSING = frozenset(".:;!?…,")


def _lead_in_colon(text: str) -> tuple[str, list[Edit]]:
    """A line of text followed by a list item, and not ending in punctuation, gets " :"."""
    if "\n" not in text:
        return text, []
    edits: list[Edit] = []
    lines = text.split("\n")
    offset = 0
    for number, line in enumerate(lines[:-1]):
        stripped = line.rstrip(" \t")
        if (
            stripped.strip()
            and stripped[-1] not in _CLOSING
            and not _LIST_ITEM.match(line)
            and _LIST_ITEM.match(lines[number + 1])
        ):
            fixed = stripped + NBSP + ":"
            edits.append((offset, line, fixed))
            lines[number] = fixed
        offset += len(line) + 1
    return "\n".join(lines), edits


_GAP = re.compile(rf"(?<![ \t{NBSP}{NNBSP}]){_SPACES}*(?=[:;!?»])|(?<=«){_SPACES}*")


def _french_gap(before: str, gap: str, mark: str, after: str) -> str:
    """The spacing a French typesetter puts between `before` and `mark` (Imprimerie nationale).

    It depends only on the characters around the gap, never on the gap itself, so applying it
    twice gives the same text.
    """
    if before in "\n" or mark == "\n":
        return gap
    if mark in ";!?":
        if before in ";!?" or (mark == "!" and after == "["):
            return gap
        return NNBSP
    if mark == ":":
        if before == ":" or after.isalnum() or after in ":/\\_":
            return gap
        return NBSP
    if mark == "»" or before == "«":
        return NBSP
    return gap


def _french_spacing(text: str) -> tuple[str, list[Edit]]:
    edits: list[Edit] = []
    pieces: list[str] = []
    last = 0
    for match in _GAP.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else "\n"
        mark = text[end] if end < len(text) else "\n"
        after = text[end + 1] if end + 1 < len(text) else "\n"
        gap = _french_gap(before, match.group(), mark, after)
        if gap == match.group():
            continue
        context_start = start
        while context_start > 0 and start - context_start < 40 and not text[context_start - 1].isspace():
            context_start -= 1
        edits.append((context_start, text[context_start : end + 1], text[context_start:start] + gap + mark))
        pieces.append(text[last:start])
        pieces.append(gap)
        last = end
    if not edits:
        return text, edits
    pieces.append(text[last:])
    return "".join(pieces), edits


_INTERROGATIVE = re.compile(
    r"^(?:qu['’]est-ce|qu['’]|que|quel|quelle|quels|quelles|comment|pourquoi|combien|où|quand|qui|"
    r"lequel|laquelle|lesquels|lesquelles|est-ce)\b",
    re.IGNORECASE,
)


def _question_mark(match: re.Match[str]) -> str:
    text = match.group()
    if _INTERROGATIVE.match(text) and "?" not in text and not text.rstrip().endswith(("!", ":", ".")):
        return text.rstrip() + NNBSP + "?"
    return text


TYPOGRAPHY: tuple[Rule, ...] = (
    regex_rule(
        "apostrophe",
        "typographic apostrophe: l'aide -> l’aide",
        r"(?<=[^\W\d_])'(?=[^\W\d_])",
        "’",
        needs=lambda text: "'" in text,
    ),
    Rule("quotes", 'French quotes: "mot" -> « mot »', _quotes),
    regex_rule("ellipsis", "one ellipsis character: ... -> …", r"\.\.\.", "…", needs=lambda text: "..." in text),
    Rule("lead-in-colon", "a line that introduces a list ends with a colon", _lead_in_colon),
    Rule(
        "french-spacing",
        "(narrow) non-breaking spaces before : ; ! ? » and after «",
        lambda text: _french_spacing(text),
    ),
)

FRONT_RULES: tuple[Rule, ...] = (
    regex_rule(
        "front-final-period",
        "a front is a term or a question: no final period",
        r"(?<=[^\s.…])\.\s*$",
        "",
        fronts_only=True,
        needs=lambda text: text.rstrip().endswith("."),
    ),
    regex_rule(
        "front-question-mark", "a front that asks a question ends with ?", r"^.*\S", _question_mark, fronts_only=True
    ),
)

# --- French grammar: the fixes that are certain --------------------------------------------------

_ELIDING_PRONOUNS = r"(?:il|ils|elle|elles|on|un|une|en|ainsi)"
# Vowel-initial words before which "que" always elides; other words are left to the proofreader.
_AFTER_QUE = (
    r"(?:il|ils|elle|elles|on|un|une|en|à|au|aux|ainsi|aucun|aucune|avec|avant|après|alors|entre|"
    r"est|était|étaient|ont|avait|avaient|eux|autre|autres|ici|elle-même|il-même)"
)
# Words that start with a vowel but take no elision ("le onze", "le ou la", "le off", as dictionaries
# write the borrowed "off": "la voix off", "passer de off à on"), or whose class is unsure.
NO_ELISION = frozenset(
    {"ou", "où", "et", "un", "une", "onze", "onzième", "oui", "ouate", "uhlan", "off", "à", "en", "y", "a"}
)
# Words that may sit between a pronoun "le"/"les" and its infinitive: "de le bien faire".
_PRONOUN_ADVERBS = frozenset(
    {"bien", "mieux", "pas", "plus", "moins", "tout", "toujours", "jamais", "rien", "souvent", "vite", "encore"}
    | {"aussi", "même", "y", "en", "lui", "leur", "plutôt", "déjà", "également", "seulement", "ainsi", "donc"}
)
_INFINITIVE = re.compile(r"(?:er|ir|re|oir)$")
_VOWEL = "aeiouâàäéèêëîïôöûùüœæ"


def _capitalized_like(found: str, fixed: str) -> str:
    return fixed[0].upper() + fixed[1:] if found[:1].isupper() else fixed


def _elide_word(match: re.Match[str]) -> str:
    """ "lorsque il" -> "lorsqu’il", "si il" -> "s’il", "ce est" -> "c’est", "de utilisateurs" -> "d’utilisateurs"."""
    head, word = match.group("head"), match.group("word")
    lower = head.casefold()
    if lower in ("le", "la", "de", "ne", "se", "je"):
        if not word.islower() or word[0] == "h":
            return match.group()  # a name, an acronym, or an h that may be aspirated ("le héros")
        if word in (NO_ELISION if lower in ("le", "la", "de") else NO_ELISION - {"en", "y", "a"}):
            return match.group()
        if word[0] == "y" and lower in ("le", "la", "de"):
            return match.group()
    if lower == "si":
        return head[0] + "’" + word
    return head[:-1] + "’" + word


_ELISION = re.compile(
    rf"(?<![\w’'-])(?P<head>(?:[lL]orsque|[pP]uisque|[qQ]uoique)(?=[ \t]+{_ELIDING_PRONOUNS}\b)"
    rf"|[qQ]ue(?=[ \t]+{_AFTER_QUE}\b)"
    r"|[jJ]usque(?=[ \t]+(?:à|au|aux|en|ici|où|alors)\b)"
    r"|[sS]i(?=[ \t]+ils?\b)"
    r"|[cC]e(?=[ \t]+(?:est|était|étaient)\b)"
    rf"|[lL][ea]|[dD]e|[nN]e|[sS]e|[jJ]e)(?P<gap>[ \t]+)(?P<word>[{_VOWEL}hyA-ZÀ-Ý][\w-]*)(?![\w’'])"
)

_CONTRACTION = re.compile(r"(?<![\w’'-])(?P<prep>[dD]e|[àÀ])[ \t]+(?P<article>les|le)[ \t]+(?P<next>[^\W\d_][\w-]*)")


_SUBJECT_BEFORE = re.compile(r"(?<![\w’'-])(?:qui|[iI]l|[eE]lle|[oO]n)[ \t]+$")


def _contract(match: re.Match[str]) -> str:
    """ "de le serveur" -> "du serveur", "à les clients" -> "aux clients"; "de le faire" (a pronoun
    before an infinitive) and "de le bien faire" stay as they are."""
    prep, article, following = match.group("prep"), match.group("article"), match.group("next")
    lower = following.casefold()
    if lower in _PRONOUN_ADVERBS or _INFINITIVE.search(lower):
        return match.group()
    if prep.casefold() == "à" and _SUBJECT_BEFORE.search(match.string, 0, match.start()):
        return match.group()  # "qui à le droit": the verb "a" was meant, which the proofreader offers
    if article == "le" and (following[0].casefold() in _VOWEL + "h"):
        return match.group()  # "de l’…" or h aspiré: the elision rule or a person decides
    fixed = {"de": {"le": "du", "les": "des"}, "à": {"le": "au", "les": "aux"}}[prep.casefold()][article]
    return _capitalized_like(prep, fixed) + " " + following


_S_EST = re.compile(
    r"(?<![\w-])(?P<subject>[iI]l|[eE]lle|[oO]n)[ \t]+(?P<wrong>[cC]['’](?:est|était))\b"
    r"|(?<![\w’'-])(?P<who>[qQ]ui)[ \t]+(?P<wrong2>c['’]est)"
    r"(?=[ \t]+[^\W\d_]+(?:é|ée|és|ées|i|is|ie|it|u|ue|us|ert|erte)\b)"
)


def _s_est(match: re.Match[str]) -> str:
    """ "il c’est trompé" -> "il s’est trompé": after a subject pronoun "c’est" cannot stand."""
    if match.group("subject"):
        wrong = match.group("wrong")
        return match.group()[: match.start("wrong") - match.start()] + "s’" + wrong[2:]
    return match.group()[: match.start("wrong2") - match.start()] + "s’est"


_QUANT_A = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=[.!?…][ \t])|(?<=\b[eE]t[ \t])|(?<=\b[mM]ais[ \t])|(?<=^[-*+•][ \t]))"
    r"(?P<quand>[qQ]uand)(?=[ \t]+(?:à|au|aux)[ \t]+(?P<group>[^,;:.!?\n]{1,60}?)[ \t]*,)",
    re.MULTILINE,
)
_OPENS_GROUP = frozenset({"de", "du", "des", "d", "à", "au", "aux", "en", "pour", "sur", "dans", "par", "avec"})
_TIMES = frozenset({"minuit", "midi", "chaque", "nouveau", "partir", "temps", "peine"})
_NEW_SUBJECT = frozenset({"le", "la", "les", "l", "un", "une", "il", "ils", "elle", "elles", "on"})


def quant_topic(group: str) -> bool:
    """Whether the words between "quand à/au/aux" and the comma are the topic of "quant à" (as for):
    a short noun group ("au SAN", "à l’entreprise"). "à minuit le script plante", "à 18 h" are a
    time and a clause: "quand" means "when" there."""
    words = re.findall(r"[^\W\d_]+|\d+", group.replace("’", " ").replace("'", " "))
    if not words or len(words) > 4 or words[0][0].isdigit() or words[0].casefold() in _TIMES:
        return False
    return not any(
        word.casefold() in _NEW_SUBJECT and before.casefold() not in _OPENS_GROUP
        for before, word in itertools.pairwise(words)
    )


def _quant(match: re.Match[str]) -> str:
    """ "Quand au SAN, il demande …" -> "Quant au SAN" (see `quant_topic`)."""
    quand = match.group("quand")
    return quand[0] + "uant" if quant_topic(match.group("group")) else quand


_BACK_SUBJECT = re.compile(
    r"\A(?P<verb>Est|Sont)(?=[ \t]+(?:un|une|le|la|les|l['’]|des|du|ce|cet|cette|ces|son|sa|ses|leur|leurs|"
    r"notre|votre|mon|ma|mes|deux|trois|quatre|cinq|plusieurs|quelques|tous|toutes|\d+)\b)"
)

FRENCH: tuple[Rule, ...] = (
    regex_rule(
        "contraction",
        "de le -> du, de les -> des, à le -> au, à les -> aux (not before an infinitive: « de le faire »)",
        _CONTRACTION,
        _contract,
        needs=lambda text: " le" in text or " les" in text,
    ),
    regex_rule(
        "quant-a",
        "quand à / quand au + a short noun group and a comma -> quant à (not « Quand à minuit le script plante, »)",
        _QUANT_A,
        _quant,
        needs=lambda text: "uand a" in text or "uand à" in text,
    ),
    regex_rule(
        "elision",
        "lorsque il -> lorsqu’il, que on -> qu’on, si il -> s’il, ce est -> c’est, le ordinateur -> l’ordinateur",
        _ELISION,
        _elide_word,
    ),
    regex_rule(
        "s-est",
        "il c’est trompé -> il s’est trompé, qui c’est connecté -> qui s’est connecté",
        _S_EST,
        _s_est,
        needs=lambda text: "c’" in text or "c'" in text,
    ),
    Rule(
        "back-subject",
        "an answer that starts with « Est un… » / « Sont des… »: C’est un… / Ce sont des…",
        lambda text: _substitute(
            _BACK_SUBJECT, lambda match: "C’est" if match.group("verb") == "Est" else "Ce sont", text
        ),
        backs_only=True,
    ),
)


BASIC: tuple[Rule, ...] = (
    Rule("unicode-nfc", "composed accents (Unicode NFC)", _nfc),
    regex_rule(
        "whitespace",
        "one space between words",
        r"(?<=\S)(?:[ \t]{2,}|\t)(?=\S)",
        " ",
        needs=lambda text: "  " in text or "\t" in text,
    ),
)


def default_rules(extra: Corrections | None = None) -> tuple[Rule, ...]:
    """The rules in order: basic clean-up, corrections tables, front-only rules, then typography."""
    builtin = builtin_corrections()
    taken = {name for name, _ in builtin.sections}
    # A project section named like one of ours stays a rule of its own, reported apart.
    project = [
        (f"{name} (project)" if name in taken else name, pairs) for name, pairs in (extra.sections if extra else ())
    ]
    tables = list(builtin.sections) + project
    capitals = builtin.accented_capitals + (extra.accented_capitals if extra else ())
    glossary = builtin.glossary + (extra.glossary if extra else ())
    return (
        *BASIC,
        *(table_rule(name, pairs, glossary) for name, pairs in tables),
        *FRONT_RULES,
        accented_capitals_rule(capitals),
        *FRENCH,
        *TYPOGRAPHY,
    )


# --- protected spans --------------------------------------------------------------------------

_DEFINITION = (
    r"(?m:^[ \t]{0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*(?:<[^>\n]*>|\S+)"
    r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$)"""
)
"""A Markdown reference definition, `[doc]: https://... "title"`: one space before its ':' and it
is text, and every `[doc]` that used it shows as written."""

_HOST_ENDINGS = (
    "local",
    "lan",
    "intra",
    "corp",
    "internal",
    "home",
    "com",
    "net",
    "org",
    "ch",
    "fr",
    "be",
    "de",
    "io",
    "eu",
)
"""The last labels that make a dotted word a host or domain name ("srv-mail01.ecole.local",
"exemple.ch"), protected like a URL: no rule changes it, no word in it is flagged."""
_PATH_PART = r"[^\s\\]*[^\s\\,.;:!?)»\"']"
"""A part of a path between backslashes, as written or escaped for Markdown; the punctuation after
a path is the sentence's."""
_PROTECTED = (
    _DEFINITION
    + r"|\]\[[^\]\n]*\]"  # reference definitions, and the label of `[text][label]`
    + r"|(?m:^[ \t]{0,3}>(?:[ \t]{0,3}>)*[ \t]*)"  # block quote markers and the indentation after them
    + r"|(?ms:^[ \t]{0,3}(?P<fence>`{3,}|~{3,}).*?(?:^[ \t]{0,3}(?P=fence)[ \t]*$|\Z))"  # fenced code
    r"|(?P<ticks>`+).{1,4000}?(?P=ticks)"  # inline code (bounded: an unclosed one must not cost n²)
    r"|"
    + MATH  # math (see `render.MATH`)
    + r"|<[^<>\n]+>"  # HTML tags and autolinks (no '<' inside: a line of '<' must not cost n²)
    r"|&(?:#\d+|#x[0-9a-fA-F]+|\w+);"  # HTML entities
    r"|\]\([^)\n]*\)"  # Markdown link and image targets
    r"|\b(?:https?|ftp|mailto):[^\s<>)\]]+|\bwww\.[^\s<>)\]]+"  # bare URLs
    r"|(?<![\w.+:/-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*"  # e-mail addresses, real or a pattern ("utilisateur@domaine")
    r"|(?<![^\s(«\"'])\\{2,}" + _PATH_PART + r"(?:\\+" + _PATH_PART + r")*\\*"  # UNC paths (\\serveur\partage$)
    r"|\b[A-Za-z]:\\+(?:" + _PATH_PART + r"\\*)*"  # Windows paths (C:\Windows\System32)
    r"|(?<![\w.@/-])[A-Za-z0-9][\w-]*(?:\.[A-Za-z0-9][\w-]*)*\.(?:" + "|".join(_HOST_ENDINGS) + r")\b(?![.\w-]*\w)"
    r"(?:[:/][\w.:/-]*[\w/])?"  # and its port or path ("registre.exemple.ch/equipe/app:1.0")
    r"|(?<![^\s(«\"'])(?:[\w.-]+:|~|\.{1,2})?/[\w.-]+(?:/[\w.*-]*)*"  # Unix paths (/etc/hosts, ~/.ssh, data:/var/lib)
    r"|(?<![^\s(«\"'])[\w.-]+(?:/[\w.-]+)+\.[A-Za-z0-9]{1,5}\b"  # a relative path to a file (install/install.php)
    r"|(?<![^\s(«\"'])--?[A-Za-z][\w-]*(?:[ \t]+\d[\w.]*)?"  # command options and a number after one (-l 1472)
    r"|(?<![^\s(«\"'])[A-Z]:(?![\w\\])"  # a drive letter ("net use Z: \\nas\partage")
    r"|(?<![\w.\u0300-\u036f-])[A-Za-z]+\d+[A-Za-z][\w-]*"  # letters, digits, letters: a command's name (a2ensite)
)


_PROTECTED_RE = re.compile(_PROTECTED, re.DOTALL)
_DEFINITION_RE = re.compile(_DEFINITION)


@lru_cache(maxsize=64)
def _protected_with_labels(labels: tuple[str, ...]) -> re.Pattern[str]:
    """`_PROTECTED` and the shortcut references `[label]` (`[label][]`) to these defined labels."""
    names = "|".join(r"\s+".join(re.escape(word) for word in label.split()) for label in labels)
    return re.compile(_PROTECTED + rf"|\[(?i:{names})\](?:\[\])?", re.DOTALL)


_HOST_MARKERS = tuple("." + ending for ending in _HOST_ENDINGS)
_MAY_PROTECT = (
    "`",
    "~~~",
    "\\",
    "<",
    ">",
    "&",
    "](",
    "][",
    "]:",
    "$$",
    "http",
    "ftp:",
    "mailto:",
    "www.",
    "@",
    "/",
    "-",
    ":",
    *"0123456789",
    *_HOST_MARKERS,
)


def split_protected(text: str) -> list[tuple[str, bool]]:
    """The text cut into (piece, protected) pairs; rules only ever see unprotected pieces."""
    if not any(marker in text for marker in _MAY_PROTECT):
        return [(text, False)] if text else []
    pattern = _PROTECTED_RE
    if "]:" in text:
        labels = {match.group("label").strip() for match in _DEFINITION_RE.finditer(text)}
        if labels:
            pattern = _protected_with_labels(tuple(sorted(label for label in labels if label)))
    pieces: list[tuple[str, bool]] = []
    last = 0
    for match in pattern.finditer(text):
        if match.start() > last:
            pieces.append((text[last : match.start()], False))
        pieces.append((match.group(), True))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


# --- the stage --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Normalizer:
    """An ordered list of rules, the glossary they must leave alone, and known words for lint.

    `ignored` holds the fingerprints of the findings `review` was told to ignore (the project
    table's `[review] ignore`): the proofreader drops them.
    """

    rules: tuple[Rule, ...]
    glossary: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    ignored: frozenset[str] = frozenset()

    def text(self, text: str, path: str, first_line: int, *, front: bool = False) -> tuple[str, list[Change]]:
        """Normalize one text (a front or a back); changes carry the source line they fall on."""
        changes: list[Change] = []
        pieces = split_protected(text)
        for rule in self.rules:
            if (rule.fronts_only and not front) or (rule.backs_only and front):
                continue
            if rule.fronts_only:
                whole = "".join(piece for piece, _ in pieces)
                fixed, edits = rule.apply(whole)
                changes.extend(Change(Location(path, first_line), rule.name, b, a) for _, b, a in edits)
                if edits:
                    pieces = split_protected(fixed)
                continue
            line = first_line
            updated = []
            for piece, protected in pieces:
                if not protected:
                    fixed, edits = rule.apply(piece)
                    if edits:
                        # The line of each edit: newlines before its offset, by bisection (counting
                        # them in `fixed[:offset]` for each edit was quadratic on a long text).
                        breaks = [at for at, char in enumerate(fixed) if char == "\n"] if "\n" in fixed else []
                        for offset, before, after in edits:
                            where = Location(path, line + bisect.bisect_left(breaks, offset))
                            changes.append(Change(where, rule.name, before, after))
                    piece = fixed
                updated.append((piece, protected))
                line += piece.count("\n")
            pieces = updated
        return "".join(piece for piece, _ in pieces), changes


def make_normalizer(extra: Corrections | None = None) -> Normalizer:
    """The default rules plus a project's own corrections table, if any."""
    builtin = builtin_corrections()
    glossary = builtin.glossary + (extra.glossary if extra else ())
    words = builtin.words + (extra.words if extra else ())
    return Normalizer(default_rules(extra), glossary, words, frozenset(extra.ignored if extra else ()))


def table_stage(normalizer: Normalizer) -> Normalizer:
    """The same normalizer stopped after its corrections tables: the text a new table entry meets.

    `review` writes its fixes as table entries, so it finds the words to match in this text, which
    typography (apostrophes, spacing, accented capitals) has not touched yet.
    """
    last = max((i for i, rule in enumerate(normalizer.rules) if rule.table), default=-1)
    return replace(normalizer, rules=normalizer.rules[: last + 1])


@lru_cache(maxsize=1)
def default_normalizer() -> Normalizer:
    return make_normalizer()


def normalize_card(card: Card, normalizer: Normalizer | None = None) -> tuple[Card, tuple[Change, ...]]:
    """The card with its front and back corrected, and every change made (file, line, rule, text)."""
    of_type(card, Card, "card")
    normalizer = normalizer or default_normalizer()
    path = card.location.path
    front, front_changes = normalizer.text(card.front, path, card.location.line, front=True)
    back, back_changes = normalizer.text(card.back, path, card.back_line)
    changes = sorted(front_changes + back_changes, key=lambda change: change.location.line)
    return replace(card, front=front, back=back), tuple(changes)


def normalize_chapter(chapter: Chapter, normalizer: Normalizer | None = None) -> tuple[Chapter, tuple[Change, ...]]:
    """Every card of a chapter normalized, in order, with all their changes."""
    cards = []
    changes: list[Change] = []
    for card in chapter.cards:
        fixed, found = normalize_card(card, normalizer)
        cards.append(fixed)
        changes.extend(found)
    return replace(chapter, cards=tuple(cards)), tuple(changes)


def project_normalizer(project: Project) -> Normalizer:
    """The normalizer for a project: its own corrections table (if any) after supportcards' own."""
    table = project.settings.corrections_path
    if table is None:
        return default_normalizer()
    return make_normalizer(load_corrections(table))


def normalize_project(project: Project, normalizer: Normalizer | None = None) -> tuple[Project, tuple[Change, ...]]:
    """Every chapter of a project normalized with the project's normalizer."""
    normalizer = normalizer or project_normalizer(project)
    chapters = []
    changes: list[Change] = []
    for chapter in project.chapters:
        fixed, found = normalize_chapter(chapter, normalizer)
        chapters.append(fixed)
        changes.extend(found)
    return replace(project, chapters=tuple(chapters)), tuple(changes)
