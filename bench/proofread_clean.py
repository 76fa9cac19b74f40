"""The clean-text measure: what `review --yes` + `build` change in notes that hold no slip.

Every change there is damage. Two kinds of correct notes go through the real command line, as in
`proofread_eval.py` (`supportcards import` -> `supportcards review --yes` -> `supportcards build`,
then a real Anki collection):

- each test chapter with every slip of its key replaced by the key's first expected phrase (the key
  names the card; the slip is looked for from that card's front line on, typography aside);
- the corpus of correct look-alikes, `bench/proofread/clean/*.txt`: notes in the student's style
  full of correct French that careless rules damage ("ou" between nouns, "où" used rightly, "et"
  between adjectives, "a"/"à", "son"/"sont", "peut être" + infinitive, nouns without article, ...).

Each card's words as Anki shows them are compared with the card's words as written (typography
flattened and case ignored as `proofread_eval.comparable` does, list markers left out, punctuation
ignored): every word that differs is damage, listed with its card, its line and the `review` /
`lint` lines of that card that touch it (the rule that made it). Nothing is left out: a change at a
key's own expected phrase is listed too, marked as such (the key's phrase may be what is wrong), and
a slip that cannot be put back is said.

Run: `.venv/bin/python bench/proofread_eval.py --clean` (or this file), `-v` for the lint lines of
each change, `--write` to put the table into bench/README.md; `make eval-proofread` runs it.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import proofread_eval as ev  # the bench folder is not a package: found through sys.path

CLEAN = ev.CHAPTERS / "clean"
# Normalizer rules whose word changes are the project's choice, not a correction of French: "Av:" is
# written out as "Avantages :" on every card. Their changes are counted apart, never dropped.
BY_DESIGN = frozenset({"abbreviations"})


def _shorthand() -> frozenset[tuple[str, str]]:
    """The package's shorthand expansions as (written, shown) words: "Désav:" -> "Désavantages :"."""
    path = Path(__file__).resolve().parent.parent / "supportcards" / "data" / "corrections.toml"
    table = tomllib.loads(path.read_text(encoding="utf-8")).get("abbreviations", {})

    def word(text: str) -> str:
        return ev.comparable(text.lstrip("^").rstrip(": "))

    return frozenset((word(short), word(long)) for short, long in table.items())


# A change that is exactly one of these expansions is the project's choice even when another rule's
# finding (a grammar suggestion left for a person, say) touches the same words.
SHORTHAND = _shorthand()
_LIST_MARKER = re.compile(r"^\s*(?:\d+[.)]|[-*+•])\s+")
_LOOSE = {
    "'": "['’‘ʼ]",
    '"': '\\s*["«»“”]\\s*',
    " ": "[\\s\u00a0\u202f\u2009]+",
}


# -- the chapters with their slips put right ---------------------------------------------------------


def loose_pattern(phrase: str) -> re.Pattern[str]:
    """`phrase` found in the notes as written: typography, spacing and case aside, as whole words."""
    text = ev.comparable(phrase, fold_case=False)
    parts = []
    index = 0
    while index < len(text):
        if text.startswith("...", index):
            parts.append("(?:\\.\\.\\.|…)")
            index += 3
            continue
        char = text[index]
        parts.append(_LOOSE.get(char, re.escape(char)))
        if char in ".,;:!?)":
            parts[-1] = "[\\s\u00a0\u202f]*" + parts[-1]  # "Exemple :" is "exemple:" once compared
        index += 1
    start = r"(?<![\w'’])" if text[:1].isalnum() else ""
    end = r"(?!\w)" if text[-1:].isalnum() else ""
    return re.compile(start + "".join(parts) + end, re.IGNORECASE)


def _front_offset(raw: str, front: str) -> int | None:
    """Where the line holding the card's front starts in the raw notes."""
    wanted = ev.comparable(front)
    offset = 0
    for line in raw.splitlines(keepends=True):
        if ev.comparable(line) == wanted:
            return offset
        offset += len(line)
    return None


def _cased(found: str, replacement: str) -> str:
    """The key's phrase with the capital the notes had ("Est un" -> "C'est un" keeps a capital)."""
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@dataclass(frozen=True)
class Corrected:
    """A chapter with its slips put right, where each key phrase now stands, and what could not be done."""

    text: str
    expected: tuple[tuple[str, str], ...]  # (front, expected phrase) of each slip put right
    problems: tuple[str, ...]


def corrected_chapter(key: ev.Key) -> Corrected:
    """The chapter's plain-text notes with every slip replaced by the key's first expected phrase."""
    raw = key.chapter.read_text(encoding="utf-8")
    # A slip in a front ("Citez 3 …" copied from another card) renames the card for every slip of it.
    renamed = {}
    for slip in key.slips:
        found = loose_pattern(slip.wrong).search(slip.front)
        if found:
            replacement = _cased(found.group(), slip.expected[0])
            renamed[slip.front] = slip.front[: found.start()] + replacement + slip.front[found.end() :]
    edits: list[tuple[int, int, str]] = []
    problems: list[str] = []
    expected: list[tuple[str, str]] = []
    for slip in key.slips:
        start = _front_offset(raw, slip.front)
        if start is None:
            problems.append(f"slip {slip.wrong!r}: no line of the notes is the front {slip.front!r}")
            start = 0
        match = loose_pattern(slip.wrong).search(raw, start)
        if match is None:
            problems.append(f"slip {slip.wrong!r} not found after the front {slip.front!r}: left as written")
            continue
        if any(match.start() < end and begin < match.end() for begin, end, _ in edits):
            problems.append(f"slip {slip.wrong!r} overlaps another slip of the key: left as written")
            continue
        edits.append((match.start(), match.end(), _cased(match.group(), slip.expected[0])))
        expected.append((renamed.get(slip.front, slip.front), slip.expected[0]))
    for begin, end, replacement in sorted(edits, reverse=True):
        raw = raw[:begin] + replacement + raw[end:]
    return Corrected(raw, tuple(expected), tuple(problems))


# -- one clean text through the pipeline --------------------------------------------------------------


def plain(card: ev.SourceCard) -> str:
    """A source card's text as Anki shows its words: front and back, list markers left out."""
    lines = [card.front, *(_LIST_MARKER.sub("", line) for line in card.back.splitlines())]
    return "\n".join(lines)


def words(text: str) -> list[tuple[str, tuple[int, int]]]:
    """The words of a compared text with their spans (punctuation is not compared)."""
    return [(match.group(), match.span()) for match in re.finditer(r"\w+", text)]


def word_changes(written: str, built: str) -> list[tuple[str, str]]:
    """Each run of words that differs, as (written, built) excerpts with the changed words in brackets."""
    old, new = words(written), words(built)
    matcher = difflib.SequenceMatcher(None, [w for w, _ in old], [w for w, _ in new], autojunk=False)
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        found.append((_excerpt(written, old, i1, i2), _excerpt(built, new, j1, j2)))
    return found


def _excerpt(text: str, spans: list[tuple[str, tuple[int, int]]], start: int, end: int) -> str:
    """Words `start:end` of `text` in brackets, with three words either side."""
    if start < end:
        begin, stop = spans[start][1][0], spans[end - 1][1][1]
    else:
        begin = stop = spans[start][1][0] if start < len(spans) else len(text)
    left = spans[max(0, start - 3)][1][0] if spans and start > 0 else begin
    right = spans[min(len(spans), end + 3) - 1][1][1] if spans and end < len(spans) else stop
    return f"{text[left:begin]}[{text[begin:stop]}]{text[stop:right]}".replace("\n", " ")


def _bracketed(excerpt: str) -> str:
    """The changed words of a `word_changes` excerpt ("... [désav]: ..." -> "désav")."""
    start, end = excerpt.find("["), excerpt.find("]")
    return excerpt[start + 1 : end].strip() if 0 <= start < end else ""


@dataclass
class Damage:
    front: str
    line: int  # the card's heading line in the imported notes
    written: str
    shown: str
    culprits: list[str]
    at_key_phrase: str = ""  # the key's expected phrase this change touches, if any

    @property
    def rules(self) -> list[str]:
        return sorted({_rule(entry) for entry in self.culprits} - {""})

    @property
    def by_design(self) -> bool:
        """Made only by a rule that expands the student's shorthand on purpose (see BY_DESIGN)."""
        if not self.rules or not set(self.rules) & BY_DESIGN:
            return False
        return set(self.rules) <= BY_DESIGN or (_bracketed(self.written), _bracketed(self.shown)) in SHORTHAND


@dataclass
class CleanResult:
    name: str
    cards: int
    changes: list[Damage] = field(default_factory=list)
    problems: tuple[str, ...] = ()
    review_output: str = ""
    lint: list[str] = field(default_factory=list)
    questioned: list[tuple[str, str]] = field(default_factory=list)  # (key phrase, lint line that questions it)

    @property
    def damage(self) -> list[Damage]:
        return [change for change in self.changes if not change.by_design]

    @property
    def by_design(self) -> list[Damage]:
        return [change for change in self.changes if change.by_design]


def measure_text(
    name: str, text: str, expected: tuple[tuple[str, str], ...] = (), problems: tuple[str, ...] = ()
) -> CleanResult:
    """`text` (plain-text notes) through import -> review --yes -> build -> Anki, word by word."""
    with tempfile.TemporaryDirectory(prefix="proofread-clean-") as folder:
        notes = Path(folder) / name
        notes.write_text(text, encoding="utf-8")
        project, chapter_file = ev.new_project(Path(folder) / "project", notes)
        sources = ev.source_cards((project / "source" / chapter_file).read_text(encoding="utf-8"))
        review_output = ev.review_yes(project)
        built = ev.build_project(project, sources, chapter_file)
    result = CleanResult(name, len(sources), problems=tuple(problems), review_output=review_output, lint=built.lint)
    said = [*review_output.splitlines(), *built.lint]
    for index, card in enumerate(sources):
        shown = built.cards.get(index)
        numbers = {number for number, _ in card.lines}
        in_card = [entry for entry in said if (match := ev._LINT.match(entry)) and int(match["line"]) in numbers]
        if shown is None:
            result.changes.append(
                Damage(card.front, card.line, ev.comparable(plain(card)), "(card not in Anki)", in_card)
            )
            continue
        for written, after in word_changes(ev.comparable(plain(card)), shown):
            changed = written[written.index("[") + 1 : written.index("]")]
            culprits = [entry for entry in in_card if ev.touches(entry, written.replace("[", "").replace("]", ""))]
            damage = Damage(card.front, card.line, written, after, culprits or in_card)
            for front, phrase in expected:
                if ev.comparable(front) == ev.comparable(card.front) and _overlaps_phrase(
                    ev.comparable(plain(card)), phrase, written, changed
                ):
                    damage.at_key_phrase = phrase
            result.changes.append(damage)
    result.questioned = questioned_phrases(sources, expected, built.lint)
    return result


def questioned_phrases(
    sources: list[ev.SourceCard], expected: tuple[tuple[str, str], ...], lint: list[str]
) -> list[tuple[str, str]]:
    """A key's expected phrases that `lint` still questions once review --yes is done: the phrase may
    be imperfect (or the finding wrong); either way a person reads it."""
    found = []
    for front, phrase in expected:
        cards = [card for card in sources if ev.comparable(card.front) == ev.comparable(front)]
        numbers = {number for card in cards for number, _ in card.lines}
        for entry in lint:
            match = ev._LINT.match(entry)
            if not match or not match["rule"] or match["rule"] == "reviewed":
                continue  # an unknown word there is an English term of the notes, not the key's doing
            if int(match["line"]) in numbers and ev.touches(entry, phrase):
                found.append((phrase, entry))
    return found


def _overlaps_phrase(text: str, phrase: str, written: str, changed: str) -> bool:
    """Whether the changed words lie within an occurrence of the key's phrase in the card."""
    context = written.replace("[", "").replace("]", "")
    where = text.find(context)
    if where < 0:
        return ev.contains(ev.comparable(phrase), changed) if changed.strip() else False
    start = where + written.index("[")
    stop = start + len(changed)
    return any(match.start() <= stop and start <= match.end() for match in ev.phrase_pattern(phrase).finditer(text))


def clean_texts(keys: list[Path], corpus: Path = CLEAN) -> list[tuple[str, str, Corrected | None]]:
    """(name, text, how it was corrected) of every text to measure: keys' chapters, then the corpus."""
    texts: list[tuple[str, str, Corrected | None]] = []
    for path in keys:
        corrected = corrected_chapter(ev.read_key(path))
        texts.append((ev.read_key(path).chapter.name, corrected.text, corrected))
    for path in sorted(corpus.glob("*.txt")):
        texts.append((path.name, path.read_text(encoding="utf-8"), None))
    return texts


# -- reporting -----------------------------------------------------------------------------------------


def table(results: list[CleanResult]) -> list[str]:
    lines = [
        "| clean text | cards | words damaged by review --yes + build | of which at a key's expected phrase "
        "| shorthand written out (by design) |",
        "|---|---:|---:|---:|---:|",
    ]
    for result in [*results, None]:
        group = results if result is None else [result]
        damage = [change for one in group for change in one.damage]
        at_key = sum(bool(change.at_key_phrase) for change in damage)
        name = "**total**" if result is None else result.name
        cards = sum(one.cards for one in group)
        lines.append(f"| {name} | {cards} | {len(damage)} | {at_key} | {sum(len(one.by_design) for one in group)} |")
    return lines


def damage_lines(results: list[CleanResult], verbose: bool = False, by_design: bool = True) -> list[str]:
    """Every change, with the rule that made it (a clean text has nothing to fix); `by_design`: the shorthand too."""
    lines = []
    for result in results:
        for problem in result.problems:
            lines.append(f"- {result.name}: key problem: {problem}")
        for phrase, entry in result.questioned:
            lines.append(f"- {result.name}: the key's expected phrase {phrase!r} is questioned by lint: {entry}")
        for damage in result.damage + (result.by_design if by_design else []):
            note = (
                f" (at the key's expected phrase {damage.at_key_phrase!r}: is the key right?)"
                if damage.at_key_phrase
                else ""
            )
            note += " (by design)" if damage.by_design else ""
            lines.append(
                f"- {result.name}:{damage.line} {damage.front!r}: {damage.written!r} -> {damage.shown!r} "
                f"by {', '.join(damage.rules) or 'no lint or review line names it'}{note}"
            )
            if verbose:
                lines.extend(f"      {entry}" for entry in damage.culprits)
    return lines


def _rule(entry: str) -> str:
    """The rule named by a review or lint line: Grammalecte's rule id, else our own rule's name."""
    ids = re.findall(r"\(([\w-]+)\)\s*$", entry)
    if ids:
        return ids[0]
    match = ev._LINT.match(entry)
    if match and match["rule"]:
        return match["rule"]
    return "spelling" if match and match["word"] else ""


def write_readme(text: str) -> None:
    readme = ev.README.read_text(encoding="utf-8")
    start, end = "<!-- proofread-clean:start -->", "<!-- proofread-clean:end -->"
    if start not in readme:
        raise SystemExit(f"{ev.README}: no {start} ... {end} section to write into")
    head, rest = readme.split(start, 1)
    _, tail = rest.split(end, 1)
    ev.README.write_text(f"{head}{start}\n{text}\n{end}{tail}", encoding="utf-8")


def run_clean(keys: list[Path], verbose: bool, write: bool, corpus: Path = CLEAN) -> int:
    """Measure every clean text, print the table and every change; the number of changed words."""
    report = [ev.measured_on(), ""]
    print(report[0], end="\n\n", flush=True)
    results = []
    for name, text, corrected in clean_texts(keys, corpus):
        expected = corrected.expected if corrected else ()
        problems = corrected.problems if corrected else ()
        result = measure_text(name, text, expected, problems)
        results.append(result)
        print(f"{name}: {result.cards} cards, {len(result.damage)} words damaged", flush=True)
        for line in damage_lines([result], verbose):
            print(line, flush=True)
    report += table(results)
    listed = damage_lines(results, by_design=False)
    heading = "Every word damaged (the command also lists the shorthand written out):"
    report += ["", heading if listed else "No word damaged.", "", *listed]
    print()
    print("\n".join(table(results)))
    if write:
        write_readme("\n".join(report).strip())
    return sum(len(result.damage) for result in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("keys", nargs="*", type=Path, help="answer keys (default: every one in bench/proofread/)")
    parser.add_argument("--corpus", type=Path, default=CLEAN, help="folder of correct notes (*.txt)")
    parser.add_argument("--write", action="store_true", help="write the table into bench/README.md")
    parser.add_argument("-v", "--verbose", action="store_true", help="the lint lines of each change")
    options = parser.parse_args()
    keys = options.keys or [*ev.chapter_keys(ev.CHAPTERS), *ev.chapter_keys(ev.CHAPTERS / "holdout")]
    run_clean(keys, options.verbose, options.write, options.corpus)


if __name__ == "__main__":
    main()
