"""Measure `review --yes`'s spelling policy on every unknown word `lint` finds, slips and correct words alike.

Every answer-keyed chapter (`bench/proofread/chapter-*-key.toml`, `holdout/`, `families/`, the seed
key's chapter when it names one) and every correct-text file (`bench/proofread/clean/*.txt`) is
imported into a throwaway project and spell-checked alone (the spelling checker only: Grammalecte's
grammar rules do not change which words are unknown). Each unknown word is labelled:

- **slip**: a key's slip of that card replaces this word; its expected word is the key's
  (the token that stands in its place in the expected phrase);
- **correct**: no slip of the card touches the word (an English term, a command, a name: the
  chapters' writers put no other slip in them), and every unknown word of clean/;
- **unknown**: a slip touches it but the expected word cannot be told (several words change).

For the policy (`policy.certain_fix`), it counts slips fixed right, wrong fixes (a slip changed to
another word) and correct words changed. Cross-validation: `--split` gives the figures apart for
the chapters the policy was chosen on (up to 25 and the families) and for 26-33, chosen on nothing.

Run: `.venv/bin/python bench/spelling_policy.py [-v] [--cache FILE]` (needs Grammalecte). The
findings are collected once (~10 s a text) and kept in `--cache` (a pickle) for later runs;
`--refresh` collects them again. `-v` lists every word fixed or refused.
"""

from __future__ import annotations

import argparse
import difflib
import pickle
import re
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import proofread_eval as ev  # the bench folder is not a package: found through sys.path

from supportcards.model import Finding
from supportcards.parse import load_project
from supportcards.proofread import Checker, Registry, engine_available, proofread_project
from supportcards.proofread import spelling_check as _spelling_check

CLEAN = ev.CHAPTERS / "clean"
CHOSEN_ON_LAST = 25
"""Chapters numbered up to this one, and the family sets, are those the policy was chosen on."""


@dataclass(frozen=True)
class Word:
    """An unknown word as `lint` finds it, with what the key says of it."""

    source: str  # the chapter or clean file
    finding: Finding
    label: str  # slip / correct / unknown
    expected: str  # the key's word for a slip, "" otherwise
    kind: str = ""  # the slip's kind in the key (spelling, conjugation...)


def keys() -> list[Path]:
    found = sorted(ev.CHAPTERS.glob("chapter-*-key.toml"))
    found += sorted((ev.CHAPTERS / "holdout").glob("*-key.toml"))
    found += sorted((ev.CHAPTERS / "families").glob("*-key.toml"))
    seed = ev.CHAPTERS / "seed" / "chapter-2-key.toml"
    if seed.exists() and "chapter" in tomllib.loads(seed.read_text(encoding="utf-8")):
        found.append(seed)
    return found


def unknown_words(notes: Path) -> tuple[list[ev.SourceCard], list[Finding]]:
    """The imported cards of `notes` and the spelling findings on them."""
    registry: Registry[Checker] = Registry()
    registry.register(Checker("spelling", _spelling_check), "spelling", 90)
    with tempfile.TemporaryDirectory(prefix="spelling-policy-") as folder:
        project, chapter_file = ev.new_project(Path(folder) / "project", notes)
        markdown = (project / "source" / chapter_file).read_text(encoding="utf-8")
        findings = proofread_project(load_project([project / "source"]), checkers=registry)
    spelling = [finding for finding in findings if finding.kind == "spelling" and finding.suggestions]
    return ev.source_cards(markdown), spelling


def replaced_words(wrong: str, expected: str) -> list[tuple[str, str]]:
    """(typed word, expected word) for each word the slip replaces one for one; ("word", "") where
    the replacement is not one word for one."""
    before, after = ev.tokens(ev.comparable(wrong)), ev.tokens(ev.comparable(expected))
    pairs = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        one_for_one = tag == "replace" and i2 - i1 == j2 - j1
        for offset, word in enumerate(before[i1:i2]):
            pairs.append((word, after[j1 + offset] if one_for_one else ""))
    return pairs


def label(finding: Finding, cards: list[ev.SourceCard], slips: tuple[ev.Slip, ...]) -> tuple[str, str, str]:
    """(slip / correct / unknown, the key's word, the slip's kind) for an unknown word."""
    card = next((c for c in cards if any(number == finding.location.line for number, _ in c.lines)), None)
    if card is None:
        return "unknown", "", ""
    word = ev.comparable(re.sub(r"^\w{1,6}['’]", "", finding.text))
    for slip in slips:
        if ev.comparable(slip.front) != ev.comparable(card.front):
            continue
        for typed, expected in replaced_words(slip.wrong, slip.expected[0]):
            if re.sub(r"^\w{1,6}'", "", typed) == word:
                if not expected:
                    return "unknown", "", slip.kind
                return "slip", re.sub(r"^\w{1,6}'", "", expected), slip.kind
    return "correct", "", ""


def collect(cache: Path | None, refresh: bool) -> list[Word]:
    if cache is not None and cache.exists() and not refresh:
        return [Word(*fields) for fields in pickle.loads(cache.read_bytes())]
    words: list[Word] = []
    for key_path in keys():
        key = ev.read_key(key_path)
        cards, findings = unknown_words(key.chapter)
        for finding in findings:
            words.append(Word(key_path.name, finding, *label(finding, cards, key.slips)))
        print(f"collected {key_path.name}: {len(findings)} unknown words", file=sys.stderr)
    for path in sorted(CLEAN.glob("*.txt")):
        _, findings = unknown_words(path)
        words.extend(Word(path.name, finding, "correct", "", "") for finding in findings)
        print(f"collected {path.name}: {len(findings)} unknown words", file=sys.stderr)
    if cache is not None:
        cache.write_bytes(pickle.dumps([(w.source, w.finding, w.label, w.expected, w.kind) for w in words]))
    return words


def chosen_on(source: str) -> bool:
    """Whether the policy was chosen on this text: chapters up to `CHOSEN_ON_LAST`, families, clean/."""
    number = re.match(r"chapter-(\d+)-key", source)
    return number is None or int(number.group(1)) <= CHOSEN_ON_LAST


@dataclass
class Tally:
    slips: int = 0  # of the key's kind "spelling"
    fixed: int = 0
    wrong: int = 0
    other_slips: int = 0  # other kinds (an invented conjugation: 'résoud'), fixed by other rules too
    other_fixed: int = 0
    damaged: int = 0
    correct: int = 0


def judge(words: list[Word], verbose: bool) -> dict[str, Tally]:
    from supportcards.policy import certain_fix, policy_key

    tallies = {"chosen on": Tally(), "not chosen on (26-33)": Tally()}
    for word in words:
        tally = tallies["chosen on" if chosen_on(word.source) else "not chosen on (26-33)"]
        fix = certain_fix(word.finding)
        typed = re.sub(r"^\w{1,6}['’]", "", word.finding.text)
        fixed = re.sub(r"^\w{1,6}['’]", "", fix) if fix else ""
        verdict = ""
        if word.label == "slip":
            right = bool(fix) and ev.comparable(fixed) == word.expected
            if word.kind == "spelling":
                tally.slips += 1
                tally.fixed += right
            else:
                tally.other_slips += 1
                tally.other_fixed += right
            tally.wrong += bool(fix) and not right
            verdict = "FIXED" if right else "WRONG" if fix else "left"
        elif word.label == "correct":
            tally.correct += 1
            if fix:
                tally.damaged += 1
                verdict = "DAMAGE"
        if verbose and verdict:
            expected = f" (key: {word.expected}, {word.kind})" if word.label == "slip" else ""
            print(
                f"{verdict:6} {word.source}: {typed!r} -> {fixed or word.finding.suggestions[0]!r}{expected}"
                f" [{policy_key(word.finding)}] | {word.finding.context.strip()[:90]}"
            )
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--cache", type=Path, default=None, help="keep the findings in this pickle")
    parser.add_argument("--refresh", action="store_true", help="collect the findings again")
    args = parser.parse_args()
    if not engine_available():
        raise SystemExit("Grammalecte is needed: the policy reads its lexicon")
    words = collect(args.cache, args.refresh)
    tallies = judge(words, args.verbose)
    print("texts                    spelling slips  fixed  other slips  fixed  wrong fixes  correct words  changed")
    for name, t in tallies.items():
        print(
            f"{name:<24} {t.slips:>14} {t.fixed:>6} {t.other_slips:>12} {t.other_fixed:>6} {t.wrong:>12}"
            f" {t.correct:>14} {t.damaged:>8}"
        )


if __name__ == "__main__":
    main()
