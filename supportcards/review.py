"""Review: the proofreader's findings turned into decisions that every build applies.

The notes stay the student's own text, so an accepted fix is not written into the notes: it becomes
an entry of `[reviewed]` in the project's corrections table, `"wrong words" = "right words"`, with
enough neighbouring words to match that one place only. The entry is found in the text as the
table step sees it (before typography: straight apostrophes, no non-breaking spaces, no accents on
capitals yet), checked to match nowhere else in the project, and checked to give the fix and
nothing else, also when the notes are normalized twice. A fix that cannot be recorded that way is
refused (the student edits the note instead). Ignored findings and correct words are remembered in
the same table (see `corrections`), so a second review asks nothing already decided.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from .corrections import REVIEWED, CorrectionsFile, corrections_file
from .model import Card, Finding, Project
from .normalize import LATIN_A, NO_ELISION, Corrections, entry_pattern, make_normalizer, table_stage

_CONTEXT_WORDS = (2, 3, 4, 6, 8)
"""How many words around the flagged ones an entry tries, fewest first."""

_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])")


@dataclass(frozen=True)
class Entry:
    """A corrections-table entry that applies one accepted fix."""

    wrong: str
    right: str

    def __str__(self) -> str:
        return f"{self.wrong!r} = {self.right!r}"


@dataclass(frozen=True)
class _Place:
    """Where a finding stands now: its card, front or back, and its offset in the normalized text."""

    card: Card
    front: bool
    offset: int


class Review:
    """A review of a project's findings: what is left to decide, and each decision recorded at once.

    Every decision is saved as it is made (atomically), so quitting, or an interruption, keeps
    what was decided before.
    """

    def __init__(self, project: Project, findings: Iterable[Finding]):
        self.project = project
        self.table = CorrectionsFile(corrections_file(project))
        self.findings = list(findings)
        self.recorded: list[Entry] = []
        self.ignored: list[str] = []
        self.words: list[str] = []
        self._cards: dict[str, list[Card]] = {}
        for chapter in project.chapters:
            for card in chapter.cards:
                self._cards.setdefault(card.location.path, []).append(card)
        self._texts: dict[tuple[int, bool], tuple[str, str]] = {}
        self._load_normalizer()

    def _load_normalizer(self) -> None:
        self.normalizer = make_normalizer(self.table.corrections)
        self.stage = table_stage(self.normalizer)

    # --- what is left ----------------------------------------------------------------------

    def decided(self, finding: Finding) -> bool:
        """Whether a finding was ignored for good, or is an unknown word now in the glossary.

        The glossary decides word findings only: a grammar or consistency finding on a glossary
        word ("3", "Traduit") still stands, as the proofreader reports it again.
        """
        table = self.table.corrections
        if finding.fingerprint in table.ignored:
            return True
        known = {word.casefold() for word in (*table.words, *table.glossary)}
        return about_a_word(finding) and finding.text.casefold() in known

    def pending(self) -> Iterator[Finding]:
        """The findings still to decide, each as it stands now (earlier fixes may have moved it).

        A finding whose text an accepted fix has changed is dropped: the next review's proofreading
        says whether anything is still wrong there.
        """
        for finding in self.findings:
            if self.decided(finding):
                continue
            current = self.current(finding)
            if current is not None:
                yield current

    def current(self, finding: Finding) -> Finding | None:
        """The finding with its column and line as the notes normalize now; None if its text is gone."""
        place = self._locate(finding)
        if place is None:
            return None
        normalized = self._text(place.card, place.front)[1]
        start = normalized.rfind("\n", 0, place.offset) + 1
        end = normalized.find("\n", place.offset)
        context = normalized[start : end if end >= 0 else len(normalized)]
        return replace(finding, context=context, context_column=place.offset - start + 1)

    def accept_certain(self) -> list[tuple[Finding, Entry]]:
        """`review --yes`: record the first suggestion of every finding the policy calls `certain`.

        A finding on a line that an earlier fix of this round changed is left for the next round:
        its suggestion was made for the line as it was, so the proofreader must see the line again.
        """
        accepted = []
        rivals = contested(self.findings)
        for finding in self.findings:
            if self.decided(finding) or finding in rivals:
                continue
            fix = certain_fix(finding)
            if fix is None:
                continue
            now = self.current(finding)
            if now is None or now.context != finding.context:
                continue
            entry = self.accept(now, fix)
            if entry is not None:
                accepted.append((now, entry))
        return accepted

    def front(self, finding: Finding) -> str:
        """The front of the finding's card, as the card shows it (normalized)."""
        place = self._locate(finding)
        return self._text(place.card, True)[1] if place else ""

    # --- decisions -------------------------------------------------------------------------

    def accept(self, finding: Finding, replacement: str) -> Entry | None:
        """Record `replacement` for the flagged text as a `[reviewed]` entry; None if no entry can do it."""
        place = self._locate(finding)
        if place is None or replacement == finding.text:
            return None
        entry = self.entry_for(place, finding.text, replacement)
        if entry is None:
            return None
        self.table.add_fix(entry.wrong, entry.right)
        self.table.save()
        self._load_normalizer()
        self._forget(place.card)
        self.recorded.append(entry)
        return entry

    def ignore(self, finding: Finding) -> str:
        """Never show this finding again (its fingerprint goes to `[review] ignore`)."""
        self.table.ignore(finding.fingerprint)
        self.table.save()
        self.ignored.append(finding.fingerprint)
        return finding.fingerprint

    def add_word(self, finding: Finding) -> str | None:
        """The flagged word is correct: it joins `[glossary] words`, and no finding flags it again.

        None, and nothing recorded, for a finding that is not about an unknown word (`about_a_word`):
        a grammar or consistency finding is not decided by calling its text a word.
        """
        if not about_a_word(finding):
            return None
        self.table.add_word(finding.text)
        self.table.save()
        self._load_normalizer()
        self._texts.clear()
        self.words.append(finding.text)
        return finding.text

    # --- placing an entry ------------------------------------------------------------------

    def entry_for(self, place: _Place, flagged: str, replacement: str) -> Entry | None:
        """The shortest entry (flagged words plus neighbours) that gives this fix at this place only."""
        table_text, normalized = self._text(place.card, place.front)
        start, end = _map_span(table_text, normalized, place.offset, place.offset + len(flagged))
        if start == end:
            return None
        line_start = table_text.rfind("\n", 0, start) + 1
        line_end = table_text.find("\n", end - 1)
        line_end = len(table_text) if line_end < 0 else line_end
        tokens = [
            (line_start + m.start(), line_start + m.end()) for m in re.finditer(r"\S+", table_text[line_start:line_end])
        ]
        marker = bool(tokens) and _LIST_MARKER.fullmatch(table_text[tokens[0][0] : tokens[0][1]]) is not None
        if marker:
            tokens = tokens[1:]
        covered = [i for i, (a, b) in enumerate(tokens) if a < end and start < b]
        if not covered:
            return None
        expected = normalized[: place.offset] + replacement + normalized[place.offset + len(flagged) :]
        for low, high, anchored in _windows(covered[0], covered[-1], len(tokens)):
            a, b = tokens[low][0], tokens[high][1]
            wrong = " ".join(table_text[a:b].split())
            right = table_text[a:start] + replacement + table_text[end:b]
            if not right.strip():
                continue  # a table refuses an entry that deletes words: take a neighbour in
            candidates = [wrong]
            if anchored:
                candidates.insert(0, "^" + wrong)
            for candidate in candidates:
                entry = Entry(candidate, right)
                if self._unique(entry, place, (a, b)) and self._gives(entry, place, expected):
                    return entry
        return None

    def _unique(self, entry: Entry, place: _Place, span: tuple[int, int]) -> bool:
        """Whether the entry matches this place and no other in the whole project."""
        pattern = entry_pattern(entry.wrong)
        found = 0
        for cards in self._cards.values():
            for card in cards:
                for front in (True, False):
                    for match in pattern.finditer(self._text(card, front)[0]):
                        found += 1
                        mine = card is place.card and front == place.front and match.span("word") == span
                        if found > 1 or not mine:
                            return False
        return found == 1

    def _gives(self, entry: Entry, place: _Place, expected: str) -> bool:
        """Whether the notes normalized with the entry read as expected, and stay so when normalized again."""
        if entry.wrong in dict(_reviewed_pairs(self.table.corrections)):
            return False
        normalizer = make_normalizer(_with_entry(self.table.corrections, entry))
        card = place.card
        text, first_line = (card.front, card.location.line) if place.front else (card.back, card.back_line)
        once = normalizer.text(text, card.location.path, first_line, front=place.front)[0]
        if _loose(once) != _loose(expected):
            return False
        return normalizer.text(once, card.location.path, first_line, front=place.front)[0] == once

    # --- texts -----------------------------------------------------------------------------

    def _text(self, card: Card, front: bool) -> tuple[str, str]:
        """A card's front or back at the table step and fully normalized (cached until it changes)."""
        key = (id(card), front)
        if key not in self._texts:
            text, first_line = (card.front, card.location.line) if front else (card.back, card.back_line)
            path = card.location.path
            table_text = self.stage.text(text, path, first_line, front=front)[0]
            normalized = self.normalizer.text(text, path, first_line, front=front)[0]
            self._texts[key] = (table_text, normalized)
        return self._texts[key]

    def _forget(self, card: Card) -> None:
        self._texts.pop((id(card), True), None)
        self._texts.pop((id(card), False), None)

    def _locate(self, finding: Finding) -> _Place | None:
        """The finding's card and its flagged text in the normalized text, nearest to where it was."""
        line = finding.location.line
        for card in self._cards.get(finding.location.path, ()):
            if card.location.line == line:
                front, first_line = True, card.location.line
            elif card.back_line <= line <= card.back_line + card.back.count("\n"):
                front, first_line = False, card.back_line
            else:
                continue
            normalized = self._text(card, front)[1]
            lines = normalized.split("\n")
            expected_line = line - first_line
            column = finding.context_column or finding.context.find(finding.text) + 1
            before, after = _neighbours(finding.context, column - 1, finding.text)
            best: tuple[tuple[bool, int, int], int] | None = None
            for match in _whole(finding.text).finditer(normalized):
                offset = match.start()
                index = normalized.count("\n", 0, offset)
                found_column = offset - (normalized.rfind("\n", 0, offset) + 1) + 1
                around = _neighbours(lines[index], found_column - 1, finding.text)
                if around[0] != before and around[1] != after:
                    continue
                score = (lines[index] != finding.context, abs(index - expected_line), abs(found_column - column))
                if best is None or score < best[0]:
                    best = (score, offset)
            return _Place(card, front, best[1]) if best else None
        return None


def _windows(first: int, last: int, count: int) -> Iterator[tuple[int, int, bool]]:
    """The token spans an entry tries around tokens `first`..`last` of a line of `count` tokens:
    as many words on each side (`_CONTEXT_WORDS`), then words on one side only, for a place next
    to inline code or a link ("la commande `history` affiche le historique"), which no table entry
    can match across. The flag: the span wanted more words before than the line has, so the entry
    may be anchored to the line's start."""
    tried: set[tuple[int, int]] = set()
    sides = [(words, words) for words in _CONTEXT_WORDS]
    sides += [(0, words) for words in _CONTEXT_WORDS] + [(words, 0) for words in _CONTEXT_WORDS]
    for before, after in sides:
        window = (max(first - before, 0), min(last + after, count - 1))
        if window not in tried:
            tried.add(window)
            yield (*window, first - before < 0)


def about_a_word(finding: Finding) -> bool:
    """Whether a finding says a single word is unknown: the only kind the glossary can decide."""
    spelling = finding.kind == "spelling" or finding.rule == "unknown-word"
    return spelling and len(finding.text.split()) == 1


def _whole(text: str) -> re.Pattern[str]:
    """`text` where it is not part of a longer word."""
    start = r"(?<!\w)" if text[:1].isalnum() else ""
    end = r"(?!\w)" if text[-1:].isalnum() else ""
    return re.compile(start + re.escape(text) + end)


def _neighbours(line: str, start: int, text: str) -> tuple[str, str]:
    """The word before and the word after `text` at `start` of `line` (what tells two places apart)."""
    before = line[:start].split()[-1:]
    after = line[start + len(text) :].split()[:1]
    return (before[0] if before else ""), (after[0] if after else "")


def _reviewed_pairs(corrections: Corrections) -> tuple[tuple[str, str], ...]:
    return next((pairs for name, pairs in corrections.sections if name == REVIEWED), ())


def _with_entry(corrections: Corrections, entry: Entry) -> Corrections:
    """The table with `entry` at the end of `[reviewed]`, as `CorrectionsFile.add_fix` writes it."""
    sections = list(corrections.sections)
    names = [name for name, _ in sections]
    if REVIEWED in names:
        index = names.index(REVIEWED)
        sections[index] = (REVIEWED, (*sections[index][1], (entry.wrong, entry.right)))
    else:
        sections.append((REVIEWED, ((entry.wrong, entry.right),)))
    return replace(corrections, sections=tuple(sections))


def _map_span(table_text: str, normalized: str, start: int, end: int) -> tuple[int, int]:
    """The span of `table_text` that became `normalized[start:end]` (typography changes little)."""
    matcher = difflib.SequenceMatcher(None, table_text, normalized, autojunk=False)
    mapped_start, mapped_end = 0, len(table_text)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if j1 <= start < j2 or (start == j2 == j1):
            mapped_start = i1 + (start - j1) if tag == "equal" else i1
        if j1 < end <= j2:
            mapped_end = i1 + (end - j1) if tag == "equal" else i2
    return mapped_start, mapped_end


_LOOSE = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " "})


def _loose(text: str) -> str:
    """Text compared without the typography the last rules add (apostrophes, non-breaking spaces)."""
    return re.sub(r" +", " ", text.translate(_LOOSE))


# --- review --yes: which fixes are certain ---------------------------------------------------------

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
        "g3__infi",  # an infinitive after falloir, pouvoir, devoir, pour, de…: "il faut vérifié" -> "vérifier"
        # supportcards' own rules
        "une-part",  # a second "D’une part" -> "D’autre part"
        "list-count",  # "Citez 3 …" over one list of 4 -> "Citez 4 …": 29 right of 29 (not list-count-ambigu)
        "gv2__vmode",  # Grammalecte: "il faut qu’il met" -> "mette": 5 right of 5 (bench/grammar_policy.py)
        "front-pronoun",  # rules.py: "Permet de …" under a front the lexicon genders -> "Elle permet de …"
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
        if _bare(finding.text)[:1].isupper() and not _opens_a_sentence(finding):
            return "spelling:capitalised"  # a name or an English term (Root, Jira) more often than a slip
        kind = _spelling(finding)[0]
        if (
            kind not in FRENCH_FIXES
            and kind != "other"
            and (english_word(_bare(finding.text)) or _among_english_words(finding))
        ):
            return "spelling:english"  # "reset" is no swapped "reste", "root" no doubled "rot", "email" no "émail"
        return "spelling:" + kind
    if finding.rule.startswith(UNCERTAIN_RULES):
        return finding.rule
    family = re.match(r"(g\w?\d__[^\W_]+)", finding.rule)
    return family.group(1) if family else finding.rule


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

    word = _bare(finding.text)
    prefix = finding.text[: len(finding.text) - len(word)]
    kind = typo(word, _bare(finding.suggestions[0]))
    own = _french_fix(finding, word) if english_word(word) or len(word) < 5 or kind in ("other", "undoubled") else None
    if own is not None and (english_word(word) or len(word) < 5):
        return own[0], prefix + own[1]
    if kind == "swap" and english_ending(word, _bare(finding.suggestions[0])):
        return "english-ending", finding.suggestions[0]
    if kind == "accents" and _outweighed_accents(word, _bare(finding.suggestions[0])):
        return "accents-outweighed", finding.suggestions[0]
    if kind == "other":
        added = missing_letter(word, [_bare(suggestion) for suggestion in finding.suggestions], _is_plural)
        if added is not None:
            return "missing-letter", prefix + added
        noun = _feminine_noun(word, [_bare(suggestion) for suggestion in finding.suggestions])
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


def _only_word_in_context(finding: Finding, word: str) -> str | None:
    """The only word of the dictionaries one slip from an unknown word (`spelling.only_word`:
    'obselète' -> 'obsolète'), where the word is French: lowercase (or capitalised as it opens its
    sentence), no English word, no two English words run together (`spelling.english_compound`:
    "uptime"), not in parentheses beside English words, and Grammalecte finds nothing new in the
    line with the fix in place (`_clean_with`). Needs Grammalecte's lexicon."""
    from .proofread.spelling import Speller, english_compound, english_word, only_word

    lexicon = _lexicon()
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
    lexicon = _lexicon()
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

    lexicon = _lexicon()
    previous = _previous_word(finding, word)
    if lexicon is None or previous is None or not any(":G:D" in m for m in lexicon.getMorph(previous.casefold())):
        return None
    suggestions = [_bare(suggestion) for suggestion in finding.suggestions]
    if fits_after(previous, suggestions[0], lexicon.getMorph):
        return None
    fitting = [suggestion for suggestion in suggestions if fits_after(previous, suggestion, lexicon.getMorph)]
    return fitting[0] if fitting and typo(word, fitting[0]) in CHEAP_SLIPS else None


def _outweighed_accents(word: str, fix: str) -> bool:
    """Whether a rare accented word is no likely fix of `word`, a common word one edit away being
    far commoner (`spelling.outweighed`: "le contat" is no 'contât'). Needs Grammalecte's lexicon."""
    from .proofread.spelling import Speller, outweighed

    lexicon = _lexicon()
    return lexicon is not None and word.islower() and outweighed(word, fix, Speller(engine=lexicon)._in_dictionaries)


FRENCH_FIXES = ("cognate", "short-accents", "attribute-accents", "english-accents")
"""The kinds `proofread.cognates` names: an English or accentless spelling of a French word."""


def _french_fix(finding: Finding, word: str) -> tuple[str, str] | None:
    """`cognates.french_fix` for the finding's word, from the words beside it in its line."""
    from .proofread.cognates import french_fix
    from .proofread.spelling import Speller, english_word

    lexicon = _lexicon()
    if lexicon is None:
        return None
    suggestions = [_bare(suggestion).casefold() for suggestion in finding.suggestions]
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
    """The word right after the finding's word in its line, None when punctuation or nothing stands between."""
    if not finding.context_column:
        return None
    after = re.match(r"[ \t]+([^\W\d_]+)", finding.context[finding.context_column - 1 + len(finding.text) :])
    return after.group(1) if after else None


def _is_plural(word: str) -> bool:
    """Whether the lexicon reads `word` as the plural of another form (without Grammalecte: whether
    it ends like one): "plusieurs", "gens" are their own words, only plural, so an "s" added to
    "plusieur" changes no number."""
    lexicon = _lexicon()
    if lexicon is None:
        return _plural(word)
    lower = word.casefold()
    return any(":p" in reading and not reading.startswith(f">{lower}/") for reading in lexicon.getMorph(lower))


def _lexicon() -> Any | None:
    """Grammalecte's spell checker and lexicon, None without Grammalecte."""
    from .proofread.grammar import engine, engine_available

    checker = engine() if engine_available() else None
    return checker.getSpellChecker() if checker is not None else None


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

    lexicon = _lexicon()
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
    if previous is not None and previous.casefold() not in ELISIONS and not english_word(word):
        fits = fits or epithet_of(previous, found, lexicon.getMorph)  # "une pâte termique": 'thermique'
    if fits and _clean_with(finding, in_place):
        return "sole-slip", fix
    return None


def _cased(word: str, opening: bool) -> str:
    """`word` capitalised where the word it fixes opens its sentence."""
    return word[:1].upper() + word[1:] if opening else word


def _sense_keeping(finding: Finding, word: str, opening: bool) -> Callable[[str], bool]:
    """Whether a word one slip from the finding's leaves its line as Grammalecte found it: a rival
    that makes the sentence wrong ("une bande passent faible") was not meant (`spelling.sole_edit`
    then weighs only the words that keep it right: 'passante')."""
    prefix = finding.text[: len(finding.text) - len(word)]
    return lambda candidate: _clean_with(finding, prefix + _cased(candidate, opening))


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
    before = re.findall(r"[^\W\d_]+", finding.context[:start])[-3:]
    after = re.findall(r"[^\W\d_]+", finding.context[start + len(finding.text) :])[:3]
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
    word, fixed = _bare(finding.text), _bare(fix)
    added_s = fixed.casefold() == word.casefold() + "s" and not _is_plural(fixed)  # longtemp -> longtemps
    moved_s = kind == "swap" and not _plural(word) and not _is_plural(fixed)  # longtemsp -> longtemps, no plural
    kept = kind == "cognate" or moved_s  # address -> adresse
    same_number = _plural(word) == _plural(fixed) or added_s or kept
    same_number = same_number and _compound_number(word) == _compound_number(fixed)  # chef-d’œuvre
    return (len(word) >= 5 or kind == "short-accents") and same_number


def _compound_number(word: str) -> tuple[bool, ...]:
    """The plural mark of each part of a compound ("chefs-d’œuvre": plural, then not): a fix that
    adds or takes one from any part changes the number, which the sentence decides, not the word."""
    parts = word.split("-")
    return tuple(_plural(part) for part in parts) if len(parts) > 1 else ()


def _bare(word: str) -> str:
    """A word without its elided article or pronoun (l’aparition -> aparition)."""
    return re.sub(r"^\w{1,6}['’]", "", word)


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
        if len(group) > 1:
            decided = (
                _verb_over_plural_pronoun(group)
                or _silent_plural_of_the_determiner(group)
                or _keeping_the_determiner(group)
                or _keeping_the_noun(group)
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
        word, fix = _bare(finding.text), _bare(finding.suggestions[0])
        close = slip_distance(word, _bare(first)) <= SPELLING_RIVAL_DISTANCE < slip_distance(word, fix)
        if close and frequency(_bare(first)) >= SOLE_EDIT_MIN_FREQUENCY and not _lemmas(first) & _lemmas(fix):
            rivals.add(finding)
    return rivals


def _lemmas(word: str) -> set[str]:
    """The lemmas the lexicon reads `word` as ('passante': 'passant'); none without Grammalecte."""
    lexicon = _lexicon()
    readings = lexicon.getMorph(_bare(word).casefold()) if lexicon is not None else []
    return {reading[1 : reading.index("/")] for reading in readings if reading.startswith(">") and "/" in reading}


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
            and _plural(noun.text)
            and _number_stem(noun.text) == noun.suggestions[0].casefold()
        ):
            return determiner
    return None


def _keeping_the_noun(group: list[Finding]) -> Finding | None:
    """In "les données privés" Grammalecte offers 'données' -> 'donnés' or 'privés' -> 'privées':
    the fix that keeps the noun after its determiner (`_takes_the_noun`). An action that offers no
    word at all ("connexions" -> nothing) is no fix to keep."""
    kept = [finding for finding in group if finding.suggestions and not _takes_the_noun(finding)]
    return kept[0] if len(group) == 2 and len(kept) == 1 else None


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
                verbless = [finding for finding in (first, second) if _takes_the_only_verb(finding)]
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


def _takes_the_only_verb(finding: Finding) -> bool:
    """Whether the fix turns a conjugated verb into a word that is none ("a" -> "à") in a clause
    with no other word that can only be a conjugated verb."""
    from .proofread.agreement import verb_tenses
    from .proofread.grammar import only_a_verb

    if not verb_tenses(finding.text) or verb_tenses(finding.suggestions[0]):
        return False
    start = finding.context_column - 1
    before = re.split(r"[,;:.!?]", finding.context[:start])[-1]
    after = re.split(r"[,;:.!?]", finding.context[start + len(finding.text) :])[0]
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", before + " " + after)
    return not any(only_a_verb(part) for word in words for part in _lexicon_words(word))


def _lexicon_words(word: str) -> list[str]:
    """A hyphenated word as the lexicon knows it: whole ("rendez-vous", a noun), else its parts
    ("peut-il")."""
    return [word] if "-" not in word or _readings(word, ":") else word.split("-")


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
        tense_choice(finding)
        or confirmed_choice(finding)
        or engine_choice(finding)
        or subject_choice(finding)
        or number_choice(finding)
        or person_choice(finding)
        or sound_choice(finding)
        or mode_choice(finding)
    )


def mode_choice(finding: Finding) -> str | None:
    """Of the subjunctives Grammalecte offers for an indicative after "il faut que" ("qu’on la
    fait": 'fasse' or 'fît'), the present one where the student wrote the present: the slip is
    the mood, not the tense."""
    lexicon = _lexicon()
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


def refusing_guard(finding: Finding) -> str | None:
    """The name of the first of `GUARDS` that leaves a grammar finding to a person, None if none does
    (bench/review_policy.py reports what each guard refuses)."""
    for guard in GUARDS:
        if guard(finding):
            return guard.__name__.lstrip("_")
    return None


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
    number_only = finding.suggestions[0].casefold().startswith(_number_stem(finding.text))
    if not number_only and not agent:
        return False  # a gender change: only on a noun like "ordinateur" ("la configuration ordinateur")
    start = finding.context_column - 1
    if start < 0 or finding.context[start : start + len(finding.text)] != finding.text:
        return False
    previous = re.findall(r"[^\W\d_]+(?=[^\w’'.!?;:]*$)", finding.context[:start])  # in the same sentence
    adjective = not agent and _readings(finding.text, ":A")  # "les enregistrements inverse", "les messages suspect"
    determiner = _readings(finding.text, ":G:D")  # "sauvegarde leur données"
    adverb = bool(previous) and _readings(previous[-1], ":W")  # "des performances bien meilleur"
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


def _number_stem(word: str) -> str:
    return re.sub(r"[sx]$", "", word.casefold())


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
    lemmas = _lemmas(finding.text)
    forms = [suggestion for suggestion in finding.suggestions if lemmas & _lemmas(suggestion)]
    if len(forms) != 1:
        return None
    word, form = finding.text.casefold(), forms[0].casefold()
    return forms[0] if _number_stem(word) == _number_stem(form) and word != form else None


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
    lexicon = _lexicon()
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


_COMPARED = re.compile(
    r"\b(?:mêmes?|plus|moins|aussi|autant|autres?)\b(?:\s+\S+){0,3}?\s+que\s+(?:\S+\s+){1,4}?(?:ne\s+|n['’])?"
    r"(?:[lmst]['’]|(?:se|le|la|les|lui|leur|y|en)\s+)?$",
    re.IGNORECASE,
)
"""A comparison's "que" and its noun group right before the verb (and its "ne" or object pronoun):
"la même salle que les serveurs ne protège pas", "les mêmes règles que le pare-feu s'appliquent" —
the noun group is compared, the verb's subject came before."""


_CONJUNCTION_QUE = re.compile(
    r"\b(?:pour|afin|sans|avant|parce|alors|tandis|pendant|après|dès|bien|sorte|façon|manière)\s+que\b", re.IGNORECASE
)
"""A "que" that a conjunction opens ("au moins deux pour que les utilisateurs puissent"): no
comparison's "que", whatever comparative stands before it."""


_ADDING_QUE = re.compile(r"\b(?:ainsi|de\s+même|aussi\s+bien|autant)\s+que\b", re.IGNORECASE)
"""A subject that "ainsi que" (de même que…) extends: without commas it may take the plural, with
them the singular; a verb after it is the writer's choice."""


def _other_reading(finding: Finding) -> bool:
    """Where the words Grammalecte would join into a locution also read as a sentence's own words:
    "quant à X" opens a clause and puts a topic first, which a comma closes ("quand à midi personne
    ne l’utilise" and "tout est en ordre quand à la fin de la journée, il ferme" are "when"), or
    stands anywhere before a stressed pronoun ("RDP utilise quant à lui le port 3389");
    after a relative clause ("ce qu’il fait peut être long") or a host name, an address or a path
    ("www.exemple.ch peut être un alias") "peut" is the main verb; a verb after
    a comparison's "que" + noun group (`_COMPARED`) may agree with the subject before it, and one
    after "ainsi que" + noun group (`_ADDING_QUE`) with both."""
    start = finding.context_column - 1
    if start < 0 or finding.context[start : start + len(finding.text)] != finding.text:
        return False
    before, after = finding.context[:start], finding.context[start + len(finding.text) :]
    sentence = re.split(r"[.!?;:]\s", before)[-1]
    if finding.rule.startswith("g2__conf_quant_quand"):
        if re.match(r"\s*à\s+(?:lui|elle|eux|elles|moi|toi|nous|vous)\b", after, re.IGNORECASE):
            return False  # "quant à lui": "quand" is never "when" before a stressed pronoun
        opens_a_clause = re.search(r"(?:^|[,;:(]|\b(?:et|mais|ou))\s*$", sentence, re.IGNORECASE)
        topic = re.match(r"\s*(?:à|au|aux)\s+(?P<group>[^,.;:!?]+?)\s*[,:]", after)
        if not opens_a_clause or topic is None:
            return True
        from .normalize import quant_topic

        return not quant_topic(topic.group("group"))
    if finding.rule.startswith(("gv2__conj", "subject-verb")):
        if _ADDING_QUE.search(sentence):
            return True  # "Le switch ainsi que le routeur redémarrent": the plural may be meant
        compared = _COMPARED.search(sentence)
        return compared is not None and not _CONJUNCTION_QUE.search(compared.group())
    if finding.rule.startswith("g3__conf_peut_être"):
        if re.search(r"[\w-]+[./@][\w./@-]*\w\s*$", sentence):
            return True  # "www.exemple.ch peut être un CNAME": a name the checker does not read is the subject
        return bool(re.search(r"\b(?:qui|que|qu['’])", sentence.split(",")[-1], re.IGNORECASE))
    return False


def _opens_a_sentence(finding: Finding) -> bool:
    """Whether the finding's word starts its line, its list item or its sentence, where a capital
    says nothing of a name ("Instalation rapide" as a list item)."""
    if not finding.context_column:
        return False
    before = finding.context[: finding.context_column - 1].rstrip()
    return not before or bool(re.search(r"(?:^(?:[-*+]|\d{1,9}[.)])|[.!?:…])$", before))


def _a_name(finding: Finding) -> bool:
    """Whether the flagged word is capitalised inside a sentence: the name of a console, a product
    or a team ("la console Utilisateurs et ordinateurs"), which grammar agreement does not rule;
    or is a determiner before such a name ("le Fibre Channel": the name's gender is the writer's)."""
    if not finding.context_column:
        return False
    if finding.rule.startswith("g3__gn") and _before_a_name(finding):
        return True
    if not finding.text[:1].isupper():
        return False
    before = finding.context[: finding.context_column - 1].rstrip()
    return bool(before) and not re.search(r"(?:^(?:[-*+]|\d{1,9}[.)])|[.!?:…«\"(])$", before)


def _before_a_name(finding: Finding) -> bool:
    """Whether the word after the finding's is capitalised, inside a sentence."""
    start = finding.context_column - 1
    if finding.context[start : start + len(finding.text)] != finding.text:
        return False
    after = re.match(r"\s+([^\W\d_])", finding.context[start + len(finding.text) :])
    return after is not None and after.group(1).isupper() and finding.text[:1].islower()


_GENDER_PAIRS = frozenset(
    frozenset(pair)
    for pair in (
        ("le", "la"), ("un", "une"), ("ce", "cette"), ("cet", "cette"), ("du", "de la"), ("au", "à la"),
        ("mon", "ma"), ("ton", "ta"), ("son", "sa"), ("quel", "quelle"), ("aucun", "aucune"), ("tout", "toute"),
    )
)  # fmt: skip
"""A determiner and the same determiner of the other gender."""


def _gender_of_a_term(finding: Finding) -> bool:
    """A determiner's gender changed before a name or a borrowed term: a capitalised noun (a
    protocol, a product: "le Fibre Channel" is no "fibre"), an English word French dictionaries do
    not list ("le hub", "la switch") or a word Grammalecte does not know. Such a term's gender is
    usage, which a person knows and no lexicon does."""
    if not finding.suggestions:
        return False
    pair = frozenset((finding.text.strip().casefold(), finding.suggestions[0].strip().casefold()))
    start = finding.context_column - 1
    if pair not in _GENDER_PAIRS or start < 0 or finding.context[start : start + len(finding.text)] != finding.text:
        return False
    following = re.match(r"[\s’'(«\"]*([^\W\d_][\w-]*)", finding.context[start + len(finding.text) :])
    if following is None:
        return False
    noun = following.group(1)
    before = re.search(r"([^\W\d_][\w-]*)\W*$", finding.context[:start])
    after_a_verb = before is not None and _a_finite_verb(before.group(1))
    pronoun = finding.text.strip().casefold() in {"le", "la"} and not after_a_verb and _a_finite_verb(noun)
    compound = _COMPOUND.match(finding.context[start + len(finding.text) + following.end() :]) is not None
    return noun[:1].isupper() or _borrowed(noun) or pronoun or compound or _epicene_noun(noun)


def _epicene_noun(word: str) -> bool:
    """A noun of either gender ("le responsable", "la responsable", "un collègue"): only its
    determiner tells which, so a gender Grammalecte reads from a later word ("le responsable
    sécurité" -> "la", from "sécurité") is a guess at a person it does not know."""
    from .proofread.grammar import engine

    checker = engine()
    return checker is not None and any(
        re.match(r">[^/]*/:N(?::A)?:e", morph) for morph in checker.getSpellChecker().getMorph(word.casefold())
    )


_COMPOUND = re.compile(r"\s*(?:d['’]|(?:de|à)\s+)(?!(?:la|le|les|un|une|des|ce|cet|cette|ces)\b|l['’])[^\W\d_]")
"""A noun's complement without determiner, which makes a compound term: "jet d’encre", "disque
de secours". Such a term names a kind of thing, and with a determiner of the other gender it
stands for the thing left unsaid ("moins belles qu’avec une jet d’encre": an imprimante)."""


def _a_read_otherwise(finding: Finding) -> bool:
    """A participle's agreement Grammalecte asks for where its reading of "a" as "avoir", or of the
    word after it as a participle, is one of two: after a capital "A" inside a sentence (a name:
    "La norme A est", the auxiliary never has one), or on a word that is also a noun ("la touche a
    passe en mode insertion": the key "a" passes; "Le responsable a pouvoir de signature": "avoir"
    and a noun without article, as in "avoir accès")."""
    if not finding.rule.startswith("gv1__ppas") or finding.context_column < 1:
        return False
    start = finding.context_column - 1
    before = re.search(r"(?:^|([^\W\d_]+)\s+)(a|A)\s+$", finding.context[:start])
    if before is None:
        return False
    if before.group(2) == "A":
        return before.group(1) is not None
    return _readings(finding.text, ":N")


def _readings(word: str, tag: str) -> bool:
    """Whether Grammalecte's lexicon has a reading of `word` with `tag` (":N", a noun)."""
    from .proofread.grammar import engine

    checker = engine()
    return checker is not None and any(tag in morph for morph in checker.getSpellChecker().getMorph(word.casefold()))


def _noun_attribute(finding: Finding) -> bool:
    """An agreement after "être" on a word that is a noun only, no adjective nor participle ("Les
    pannes sont signe d’usure", "sont gage de sécurité"): a noun attribute without article keeps
    its number."""
    if not finding.rule.startswith("gv1__ppas_être") or not _readings(finding.text, ":N"):
        return False
    return not _readings(finding.text, ":A") and not _readings(finding.text, ":Q")


def _agrees_with_the_head(finding: Finding) -> bool:
    """A noun-group agreement of an adjective or a participle with the noun after a noun's "de"
    (or a measure's "sur 128", "en 4") where the word agrees with a noun among the four words
    before it ("- Câble de la borne Wi-Fi arraché", "La mise à jour des postes prévue lundi",
    "des adresses sur 128 bits écrites en hexadécimal"): the head's agreement, which a person
    tells from the other. "de" is a word of its own ("une durée limité" holds none), and a
    word right after its determiner ("la principal faiblesse") qualifies the noun after it."""
    if not finding.rule.startswith("g3__gn") or finding.context_column < 1:
        return False
    before = re.split(r"[,;:.!?()]", finding.context[: finding.context_column - 1])[-1]
    measure = re.search(r"^(.*?)\s+(?:sur|en|à|par|pour)\s+\d+\s+(?:[^\s,;:.!?()]+\s+){1,2}$", before)
    head = measure or re.search(r"^(.*?)\s+(?:(?:de|du|des)\s+|d['’]\s*)(?:[^\s,;:.!?()]+\s+){0,4}$", before)
    if head is None or (not _readings(finding.text, ":A") and not _readings(finding.text, ":Q")):
        return False
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return False
    morph = checker.getSpellChecker().getMorph
    heads = re.findall(r"[^\W\d_]+", head.group(1))[-4:]
    if not heads or not any(":N" in m for m in morph(heads[-1].casefold())):
        return False  # "produire des statistiques", "avec des identifiants": an article, no noun's complement
    previous = re.findall(r"[^\W\d_]+(?=\s+$)", before)
    if previous and any(":G:D" in m for m in morph(previous[-1].casefold())):
        return False  # "reste la principal faiblesse": after its determiner, the word qualifies the noun after it
    nouns = [m for word in heads for m in morph(word.casefold()) if ":N" in m]
    words = [m for m in morph(finding.text.casefold()) if ":A" in m or ":Q" in m]
    return any(_same_features(noun, word) for noun in nouns for word in words)


def _same_features(first: str, second: str) -> bool:
    """Whether two readings (":N:f:s", ":Q:A:m:s") may share gender and number (e, i: either)."""
    return bool(_feature(first, "mf", "e") & _feature(second, "mf", "e")) and bool(
        _feature(first, "sp", "i") & _feature(second, "sp", "i")
    )


def _feature(morph: str, values: str, either: str) -> set[str]:
    """A reading's gender ("mf", "e" either) or number ("sp", "i" either): every value when unsaid."""
    found = set(re.findall(rf":([{values}{either}])(?=[:/;]|$)", morph))
    return {*values} if either in found or not found else found


_BARE_NOUN_PREPOSITIONS = r"(?:de|d['’]|sur|avec|à|au|aux|pour|envers|contre|auprès)\b"
"""The prepositions that follow "avoir" + a noun without article: "avoir besoin de", "avoir
autorité sur", "avoir rendez-vous avec", "avoir droit à"."""


def _avoir_and_a_bare_noun(finding: Finding) -> bool:
    """An "a" -> "à" fix before a noun without article and its preposition (`_BARE_NOUN_PREPOSITIONS`),
    where "a" is the clause's only verb and has a subject (`_a_subject_before`: "Le technicien a
    ordre de ne rien supprimer", "le chef a autorité sur", "il a rendez-vous avec"): "avoir" and a
    noun without article, as in "avoir besoin de", is a phrase of its own. Without a subject ("-
    Verrouillage et effacement a distance de l’appareil") "a" is no verb."""
    if not finding.rule.startswith(("g2__conf", "g3__conf")) or finding.text.casefold() != "a":
        return False
    start = finding.context_column - 1 + len(finding.text)
    following = re.match(rf"\s+([^\W\d_]+(?:-[^\W\d_]+)*)\s+{_BARE_NOUN_PREPOSITIONS}", finding.context[start:])
    if following is None or not _readings(following.group(1), ":N") or not _takes_the_only_verb(finding):
        return False
    return _a_subject_before(finding.context[: finding.context_column - 1])


def _a_subject_before(text: str) -> bool:
    """Whether the sentence that ends `text` holds a word that opens a verb's subject: a determiner
    or a pronoun ("Le responsable", "il", "qui"), a name capitalised inside it ("Microsoft"), or a
    word the lexicon does not know (a product, an acronym). A list item of bare nouns ("-
    Verrouillage et effacement") has none: it names things, no verb follows them."""
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return True
    morph = checker.getSpellChecker().getMorph
    sentence = re.split(r"[.;:!?]\s", text)[-1]
    sentence = re.sub(rf"^\s*{_LIST_MARKER.pattern}\s+", "", sentence)
    for number, word in enumerate(re.findall(r"[^\W\d_]+", sentence)):
        readings = morph(word.casefold())
        if not readings or (number and word[:1].isupper()) or any(re.search(r":G:[DO]", m) for m in readings):
            return True
    return False


def _in_a_dotted_name(finding: Finding) -> bool:
    """Whether the flagged word is glued to a dot and more letters: part of a file or host name
    ("chmod 640 notes.txt", "serveur.local"), which no agreement rules."""
    start = finding.context_column - 1
    if start < 0 or finding.context[start : start + len(finding.text)] != finding.text:
        return False
    after = finding.context[start + len(finding.text) :]
    return bool(re.match(r"\.\w", after) or re.search(r"\w\.$", finding.context[:start]))


def _noun_before_its_verb(finding: Finding) -> bool:
    """A conjugation Grammalecte (or our subject-verb check) asks of a noun right after the noun
    group that opens the clause, where the clause's own verb comes later ("Les messages relance
    partent", "Les serveurs pilotes, qu’on a installés, reçoivent"): the word is an apposition or
    a complement (`agreement.noun_before_its_verb`)."""
    if not finding.rule.startswith(("gv2__conj", "subject-verb")):
        return False
    from .proofread.agreement import noun_before_its_verb

    return noun_before_its_verb(finding.context, finding.context_column, finding.text)


def _adjective_of_the_next_noun(finding: Finding) -> bool:
    """An agreement asked of an adjective between two nouns that agrees, as written, with the noun
    after it ("des écrans haute définition", "des batteries longue durée"): an adjective and its
    noun make a locution that qualifies the first noun as a unit, and keep their own agreement."""
    if not finding.rule.startswith(("g3__gn", "noun-adjective")) or finding.context_column < 1:
        return False
    from .proofread.grammar import engine

    checker = engine()
    start = finding.context_column - 1
    before = re.findall(r"[^\W\d_][\w’'-]*(?=\s+$)", finding.context[:start])
    after = re.match(r"\s+([^\W\d_][\w-]*)", finding.context[start + len(finding.text) :])
    if checker is None or not before or after is None:
        return False
    morph = checker.getSpellChecker().getMorph
    adjectives = [m for m in morph(finding.text.casefold()) if ":A" in m]
    nouns = [m for m in morph(after.group(1).casefold()) if ":N" in m]
    if not adjectives or not nouns or any(":A" in m and ":Q" not in m for m in morph(after.group(1).casefold())):
        return False  # "les disques dur externe": an adjective after, no noun
    previous = morph(before[-1].casefold())
    if (previous and not any(":N" in m or ":A" in m for m in previous)) or any(":G" in m for m in previous):
        return False  # not after a noun, a term no lexicon has ("des SSD") or an adjective used as one
    return any(_same_features(noun, adjective) for noun in nouns for adjective in adjectives)


def _argument_of_a_named_command(finding: Finding) -> bool:
    """A noun-group agreement asked of a word that may be the clause's verb, after a determiner
    that follows a name no French list has, itself after a noun that a name follows
    (`text.NAMING_NOUNS`): "La commande ps aux liste les processus" — "aux" is the command's
    argument, "liste" the verb of "La commande"."""
    if not finding.rule.startswith(("g3__gn", "g2__conf_déterminant")) or finding.context_column < 1:
        return False
    from .proofread.text import NAMING_NOUNS

    before = re.search(r"([^\W\d_]+)\s+(\S+)\s+\S+\s+$", finding.context[: finding.context_column - 1])
    if before is None or before.group(1).casefold() not in NAMING_NOUNS:
        return False
    name = before.group(2)
    return name.islower() and _borrowed(name) and _a_finite_verb(finding.text)


def _participle_after_fois(finding: Finding) -> bool:
    """An agreement of a past participle with "fois" right before it ("Une fois installé, le
    service démarre", "Plusieurs fois relancé, le fournisseur…"): "une fois" + participle is an
    absolute construction whose participle agrees with the clause's subject, never with "fois"."""
    if not finding.rule.startswith(("g3__gn", "noun-adjective", "gv1__ppas")) or finding.context_column < 1:
        return False
    if not re.search(r"\bfois\s+$", finding.context[: finding.context_column - 1], re.IGNORECASE):
        return False
    return _readings(finding.text, ":Q")


def _word_swapped_for_another(finding: Finding) -> bool:
    """A fix that puts a verb of another lemma in place of a noun, or a participle in place of a
    conjugated "être" or "avoir" after "a" ("les applications on accès" -> "axait", "La salle a sont propre compte" ->
    "été"): the slip is the small word beside it ("ont", "son"), which Grammalecte does not offer."""
    if not finding.suggestions:
        return False
    written, fix = _lemmas(finding.text), _lemmas(finding.suggestions[0])
    if not written:
        return False
    lexicon = _lexicon()
    morphs = lexicon.getMorph(_bare(finding.text).casefold()) if lexicon is not None else []
    fix_morphs = lexicon.getMorph(_bare(finding.suggestions[0]).casefold()) if lexicon is not None else []
    noun_only = all(":N" in morph and ":V" not in morph for morph in morphs)
    verb_only = bool(fix_morphs) and all(":V" in morph and ":N" not in morph for morph in fix_morphs)
    if noun_only and verb_only and not written & fix:
        return True
    auxiliary = finding.text.casefold() in ("sont", "est", "ont") and finding.rule.startswith("gv1__ppas")
    before = finding.context[: finding.context_column - 1] if finding.context_column else ""
    return auxiliary and re.search(r"\ba\s+$", before) is not None


def _noun_of_its_own(finding: Finding) -> bool:
    """A noun-group agreement asked of a noun right after another noun, where the two share
    neither gender nor number ("la liste invités", "le dossier factures"): a slip of agreement
    misses one mark, so a noun that differs in both is the first noun's complement."""
    if not finding.rule.startswith("g3__gn") or finding.context_column < 1:
        return False
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return False
    morph = checker.getSpellChecker().getMorph
    before = re.findall(r"[^\W\d_][\w-]*(?=\s+$)", finding.context[: finding.context_column - 1])
    if not before:
        return False
    previous = [m for m in morph(before[-1].casefold()) if ":N" in m]
    if not previous or any(":G:D" in m for m in morph(before[-1].casefold())):
        return False
    nouns = [m for m in morph(finding.text.casefold()) if ":N" in m]
    return bool(nouns) and all(_apart(noun, head) for noun in nouns for head in previous)


def _apart(first: str, second: str) -> bool:
    """Whether two readings (":N:f:s", ":N:m:p") differ in both gender and number."""
    return not _feature(first, "mf", "e") & _feature(second, "mf", "e") and not (
        _feature(first, "sp", "i") & _feature(second, "sp", "i")
    )


_FINITE = re.compile(r":(?:I[psqf]|K|S[pq])(?=[:/]|$)")
"""A lexicon reading of a conjugated verb."""


def _gender_against_the_subject(finding: Finding) -> bool:
    """A participle's plural after "être" whose gender, the one the student wrote, is not that of
    the first plural noun of its clause, the subject ("Les adresses … sont conservé":
    'conservés', but "adresses" is feminine): Grammalecte mends the number and keeps the written
    gender; a person chooses. The clause is the last one before the participle that holds a plural
    noun, a comma or a conjunction ending the one before ("les performances baissent et les
    disques restants sont sollicité": "disques")."""
    if not finding.rule.startswith("gv1__ppas") or len(finding.suggestions) != 1 or finding.context_column < 1:
        return False  # several: the choice among them reads the subject's gender (`subject_choice`)
    fix = finding.suggestions[0]
    if not _plural(fix) or _plural(finding.text):
        return False
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return False
    morph = checker.getSpellChecker().getMorph
    sentence = re.split(r"[.;:!?]\s", finding.context[: finding.context_column - 1])[-1]
    segments = [re.findall(r"[^\W\d_]+", part) for part in re.split(r",|\b(?:et|mais|puis|car|donc)\b", sentence)]

    def plural_nouns(words: list[str]) -> list[list[str]]:
        found = [[m for m in morph(word.casefold()) if ":N" in m] for word in words]
        return [nouns for nouns in found if nouns and all(re.search(r":[mfe]:p", m) for m in nouns)]

    def has_verb(words: list[str]) -> bool:
        return any(
            any(_FINITE.search(m) for m in morph(word.casefold()))
            and not any(":N" in m or ":A" in m for m in morph(word.casefold()))
            for word in words
        )

    last = next((k for k in range(len(segments) - 1, -1, -1) if plural_nouns(segments[k])), None)
    if last is None:
        return False
    while last > 0 and plural_nouns(segments[last - 1]) and not has_verb(segments[last - 1]):
        last -= 1  # "les calendriers, les contacts et les tâches": one subject, the first noun leads
    nouns = plural_nouns(segments[last])[0]
    if last > 0 and last < len(segments) - 1:
        before = segments[last - 1]
        verbs = [i for i, word in enumerate(before) if has_verb([word])]
        heading = plural_nouns(before[verbs[-1] + 1 :]) if verbs else []
        if heading:
            nouns = heading[0]  # "Il suit les serveurs, les baies et les imprimantes": the list began after the verb
    genders = set().union(*(_feature(m, "mf", "e") for m in nouns))
    mine = set().union(*(_feature(m, "mf", "e") for m in morph(fix.casefold()) if ":Q" in m or ":A" in m))
    return bool(mine) and not genders & mine


def _plural_of_an_invariable_head(finding: Finding) -> bool:
    """A singular asked of a plural word in a group whose head, opening the clause or list item
    without a singular determiner, is a noun of one form for both numbers ("- Virus détectés par
    l’antivirus supprimés", "Box internet redémarrées"): the head does not tell its number, the
    plural the student wrote does, and Grammalecte agrees the word with a nearer noun."""
    if not finding.rule.startswith("g3__gn") or finding.context_column < 1 or not finding.suggestions:
        return False
    if not _plural(finding.text) or _number_stem(finding.text) != finding.suggestions[0].casefold():
        return False
    clause = re.split(r"[,;:.!?()]", finding.context[: finding.context_column - 1])[-1]
    opening = re.match(r"\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:(les|des|ces|mes|tes|ses|nos|vos|leurs)\s+)?(\w+)", clause)
    if opening is None:
        return False
    from .proofread.grammar import engine

    checker = engine()
    nouns = [m for m in checker.getSpellChecker().getMorph(opening.group(2).casefold()) if ":N" in m] if checker else []
    return bool(nouns) and all(re.search(r":[mfe]:i", m) for m in nouns)


def _no_elision(finding: Finding) -> bool:
    """An elision Grammalecte asks before a word that takes none (`normalize.NO_ELISION`: "de
    off", "le onze"): the normalizer's own table decides, so that review and build agree."""
    if not finding.rule.startswith("g2__eleu") or finding.context_column < 1:
        return False
    following = re.match(r"[^\W\d_]+\s+([^\W\d_]+)", finding.context[finding.context_column - 1 :])
    return following is not None and following.group(1).casefold() in NO_ELISION  # the word after "de"


def _distributive(finding: Finding) -> bool:
    """A plural asked of a singular adjective joined by "et"/"ou" to another singular adjective
    ("les éditions familiale et professionnelle", "les versions anglaise ou allemande"): each
    adjective names one of the things the plural noun counts, so each stays singular."""
    if not finding.rule.startswith(("g3__gn", "noun-adjective")) or finding.context_column < 1:
        return False
    if not finding.suggestions or not _plural(finding.suggestions[0]) or _plural(finding.text):
        return False
    start = finding.context_column - 1
    after = re.match(r"\s+(?:et|ou)\s+([^\W\d_]+)", finding.context[start + len(finding.text) :])
    before = re.search(r"([^\W\d_]+)\s+(?:et|ou)\s+$", finding.context[:start])
    mates = [found.group(1) for found in (after, before) if found is not None]
    return any(_singular_adjective(mate) for mate in mates) and _singular_adjective(finding.text)


def _singular_adjective(word: str) -> bool:
    """Whether Grammalecte reads `word` as an adjective, and as a singular one only."""
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return False
    readings = [m for m in checker.getSpellChecker().getMorph(word.casefold()) if ":A" in m]
    return bool(readings) and all(re.search(r":[mfe]:s", m) for m in readings)


def _latin_locution(finding: Finding) -> bool:
    """An "a" -> "à" fix in a Latin locution ("a priori", "a fortiori": `normalize.LATIN_A`),
    whose spelling without accent is the dictionaries' own."""
    if finding.text.casefold() != "a":
        return False
    following = re.match(r"\s+([^\W\d_]+)", finding.context[max(finding.context_column - 1, 0) + 1 :])
    return following is not None and following.group(1).casefold() in LATIN_A


def _ce_before_etre(finding: Finding) -> bool:
    """A "ce" -> "se" fix before a form of "être" with no past participle after it ("on ne sait
    pas qui ce sera", "ce serait le mieux"): "se" + "être" is only a pronominal verb's compound
    tense ("il se sera trompé"), which needs its participle."""
    if finding.text.casefold() != "ce" or not finding.suggestions or finding.suggestions[0].casefold() != "se":
        return False
    start = finding.context_column - 1 + len(finding.text)
    following = re.match(r"\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?", finding.context[start:])
    if following is None:
        return False
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return False
    morph = checker.getSpellChecker().getMorph
    if not any(m.startswith(">être/") for m in morph(following.group(1).casefold())):
        return False
    after = following.group(2)
    return after is None or not any(":Q" in m for m in morph(after.casefold()))


def _past_simple_beside(finding: Finding) -> bool:
    """A homophone or infinitive fix Grammalecte makes because it reads a word there as a verb in
    the past simple, and nothing else ("de la compta" -> 'là', 'compter'; "La compta a besoin" ->
    'à'): notes never tell a story in that tense, so the word is a shortened noun ("compta",
    comptabilité) the lexicon does not have."""
    if not finding.rule.startswith(("g2__conf", "g3__conf", "g3__infi")) or finding.context_column < 1:
        return False
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return False
    start = finding.context_column - 1
    before = re.findall(r"[^\W\d_]+", finding.context[:start])[-1:]
    after = re.findall(r"[^\W\d_]+", finding.context[start + len(finding.text) :])[:1]
    for word in [*before, finding.text, *after]:
        morphs = checker.getSpellChecker().getMorph(word.casefold())
        if morphs and all(":V" in morph and re.search(r":Is(?::|/)", morph) and ":Ip" not in morph for morph in morphs):
            return True
    return False


def _before_an_infinitive(finding: Finding) -> bool:
    """A participle's agreement where an infinitive follows it, maybe after "de" or "à" ("Le
    technicien les a fait réparer", "les mots de passe qu’on leur a demandé de changer"): "fait"
    there is invariable, and other participles agree only when the object is the participle's own
    ("les clients qu’on a priés de patienter"), not the infinitive's, which a person tells."""
    if not finding.rule.startswith("gv1__ppas") or finding.context_column < 1:
        return False
    start = finding.context_column - 1 + len(finding.text)
    following = re.match(r"\s+(?:(?:de|à)\s+|d['’])?([^\W\d_]+)", finding.context[start:])
    return following is not None and _readings(following.group(1), ":Y")


def _a_finite_verb(word: str) -> bool:
    """A word that may be a conjugated verb: "le"/"la" between it and a word that is no verb may be
    an object pronoun ("`systemctl enable ssh` le lance au démarrage"), whose gender is its
    antecedent's; after a verb ("Il change le carte") it is a determiner."""
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return False
    morphs = checker.getSpellChecker().getMorph(word.casefold())
    return any(re.search(r":V.*:(?:Ip|Iq|Is|If|K|Sp|Sq)", morph) for morph in morphs)


def _borrowed(word: str) -> bool:
    """A word no French list has: English ("hub", "switch"; not "service", which French shares) or
    unknown to Grammalecte's lexicon."""
    from .proofread.grammar import engine
    from .proofread.spelling import dictionary, english_word

    lower = word.casefold()
    if lower in dictionary():
        return False
    checker = engine()
    return english_word(lower) or (checker is not None and not checker.getSpellChecker().getMorph(lower))


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


def _plural(word: str) -> bool:
    """Whether a word ends like a plural: a spelling fix that changes it ('précies' -> 'précise'
    where 'précises' was meant) is a choice of agreement, which the sentence makes, not the word."""
    return word.casefold().endswith(("s", "x"))


def findings_to_review(sources: Sequence[str | Path], outdir: str | Path = "build") -> dict[str, int]:
    """How many findings of each chapter file wait for a review, from what lint and review cached
    in `outdir` (they cache in build/).

    The proofreader is not run (nor Grammalecte imported): `build` reports this, and the same
    notes and tables must give the same deck whatever is installed. Nothing cached, nothing said.
    """
    from .parse import load_project
    from .proofread import CACHE_FOLDER, cached_findings

    if not (Path(outdir) / CACHE_FOLDER).is_dir():
        return {}
    found = cached_findings(load_project(sources), outdir) or {}
    return {path: len(findings) for path, findings in found.items() if findings}


def _words_before(finding: Finding) -> list[str]:
    """The words of the finding's line before it, punctuation aside (digits and dots kept: "2.0")."""
    if finding.context_column < 1:
        return []
    return re.findall(r"[\w.’'-]+", finding.context[: finding.context_column - 1])


def _word_after(finding: Finding) -> str | None:
    if finding.context_column < 1:
        return None
    after = re.match(r"\s+([^\W\d_][\w-]*)", finding.context[finding.context_column - 1 + len(finding.text) :])
    return after.group(1) if after else None


def _version_number(finding: Finding) -> bool:
    """An agreement with a number that names a version, not a count: right after a name or an
    acronym ("TPM 2.0 activé", "Wi-Fi 6 compatible") or written with a dot ("2.0"), it says which
    one, and the word agrees with the name (singular)."""
    if not finding.rule.startswith("g3__gn_nombre") or finding.context_column < 1:
        return False
    before = _words_before(finding)
    if len(before) < 1 or not re.fullmatch(r"\d+(?:[.,]\d+)*", before[-1]):
        return False
    return "." in before[-1] or (len(before) > 1 and before[-2][:1].isupper() and before[-2][:1].isalpha())


def _after_an_acronym(finding: Finding) -> bool:
    """A noun-group agreement that changes only the gender of a word right after an acronym ("des CA
    publiques": certification authorities, feminine): the lexicon guesses an acronym's gender,
    the student knows what it stands for. Its number is still checked."""
    if not finding.rule.startswith("g3__gn") or not finding.suggestions:
        return False
    before = _words_before(finding)
    if not before or not re.fullmatch(r"[A-Z][A-Z0-9]+s?", before[-1]):
        return False
    fix = finding.suggestions[0]
    return _plural(fix) == _plural(finding.text) and fix.casefold() != finding.text.casefold()


def _head_of_an_english_compound(finding: Finding) -> bool:
    """A noun-group agreement asked of a word an English word follows ("plusieurs service desks"):
    the two make one English term, whose last word bears the plural."""
    if not finding.rule.startswith("g3__gn"):
        return False
    from .proofread.spelling import Speller, english_word

    after = _word_after(finding)
    lexicon = _lexicon()
    if after is None or lexicon is None or not english_word(after):
        return False
    return not Speller(engine=lexicon).is_known(after)


ADVERBIAL_ADJECTIVES = frozenset(
    {"droit", "fort", "bas", "haut", "clair", "cher", "juste", "net", "dur", "bon", "faux", "lourd", "court", "ferme"}
)
"""Adjectives French uses as invariable adverbs after a verb ("couper droit", "parler fort",
"coûter cher", "viser juste", "tenir bon")."""

_DEGREE_ADVERBS = frozenset({"bien", "très", "trop", "assez", "plus", "moins", "tout", "aussi", "si"})


def _adverbial_adjective(finding: Finding) -> bool:
    """An agreement asked of an adjective that French also uses as an adverb, after an adverb of
    degree ("couper les fils bien droit"): the adverb, invariable, is as correct as the agreed
    adjective; the student's choice stands."""
    if not finding.rule.startswith("g3__gn") or finding.text.casefold() not in ADVERBIAL_ADJECTIVES:
        return False
    before = _words_before(finding)
    return bool(before) and before[-1].casefold() in _DEGREE_ADVERBS


def _tel_quel(finding: Finding) -> bool:
    """ "telle quelle" is one locution ("la retrouve telle quelle"), never "telle qu’elle"."""
    before = _words_before(finding)
    return finding.rule.startswith("g2__conf_quel") and bool(before) and before[-1].casefold() in _TEL_FORMS


_TEL_FORMS = frozenset({"tel", "telle", "tels", "telles"})


def _participle_after_a_degree(finding: Finding) -> bool:
    """An infinitive asked for a participle after an adverb of degree ("écrasé sous un meuble ou
    trop plié", "un câble bien serré"): an adverb of degree qualifies an adjective there, and the
    participle is one."""
    before = _words_before(finding)
    return finding.rule.startswith("g3__infi") and bool(before) and before[-1].casefold() in _DEGREE_ADVERBS


def _participle_after_c_est(finding: Finding) -> bool:
    """An agreement asked of a participle right after "c’est" (an adverb maybe between) that the
    student agreed ("la vague 1 c’est bien passée"): "s’est" was meant, whose participle agrees
    with the subject; the slip is "c’est", another finding's."""
    if not finding.rule.startswith("gv1__ppas"):
        return False
    before = [word.casefold().replace("'", "’") for word in _words_before(finding)]
    while before and before[-1] not in ("est", "c’est") and _readings(before[-1], ":W"):
        before.pop()  # "c’est bien passée", "c’est mal passée"
    return (len(before) >= 2 and before[-2:] == ["c’", "est"]) or (bool(before) and before[-1] == "c’est")


def _epithet_before_its_noun(finding: Finding) -> bool:
    """An attribute's agreement asked of an adjective that a noun follows ("en tapant sont propre mot
    de passe"): it qualifies that noun, and "sont" is likely the slip for "son"."""
    if not finding.rule.startswith("gv1__ppas") or not _readings(finding.text, ":A"):
        return False
    after = _word_after(finding)
    lexicon = _lexicon()
    if after is None or lexicon is None:
        return False
    readings = lexicon.getMorph(after.casefold())
    return any(":N" in m for m in readings) and not any(":A" in m or ":G" in m or ":W" in m for m in readings)


def _participle_attribute(finding: Finding) -> bool:
    """An infinitive asked for a participle right after another participle that it agrees with
    ("Les requêtes sont envoyées chiffrées"): the second describes the subject, as the first
    does; an infinitive's slip ("il a voulu vérifié") has no agreement marks to share."""
    if not finding.rule.startswith("g3__infi") or finding.context_column < 1:
        return False
    before = _words_before(finding)
    lexicon = _lexicon()
    if not before or lexicon is None:
        return False
    previous = [m for m in lexicon.getMorph(before[-1].casefold()) if ":Q" in m]
    mine = [m for m in lexicon.getMorph(finding.text.casefold()) if ":Q" in m]
    marked = re.search(r"(?:ée|ées|és|ies|ues|ts|tes)$", finding.text.casefold())
    return bool(previous and mine and marked) and any(_same_features(a, b) for a in previous for b in mine)


GUARDS = (
    _a_name,
    _other_reading,
    _gender_of_a_term,
    _a_read_otherwise,
    _noun_attribute,
    _before_an_infinitive,
    _past_simple_beside,
    _avoir_and_a_bare_noun,
    _agrees_with_the_head,
    _in_a_dotted_name,
    _noun_before_its_verb,
    _adjective_of_the_next_noun,
    _participle_after_fois,
    _argument_of_a_named_command,
    _word_swapped_for_another,
    _noun_of_its_own,
    _ce_before_etre,
    _latin_locution,
    _distributive,
    _no_elision,
    _plural_of_an_invariable_head,
    _gender_against_the_subject,
    _version_number,
    _after_an_acronym,
    _head_of_an_english_compound,
    _adverbial_adjective,
    _tel_quel,
    _participle_attribute,
    _participle_after_a_degree,
    _participle_after_c_est,
    _epithet_before_its_noun,
)
"""The checks that leave a grammar finding of a certain kind to a person: each names a reading
in which the fix would damage correct text."""
