"""Measure the proofreader as a user meets it: plain-text notes -> import -> review --yes -> build -> Anki.

For each test chapter (`bench/proofread/chapter-N-flashcards.txt` with its answer key
`chapter-N-key.toml`, and the same under `bench/proofread/holdout/` when present) this makes a
throwaway project, runs the real command line on it twice, and reads what a real Anki collection
imports from each package:

- **baseline**: `supportcards import` then `supportcards build` (what main gives with no review);
- **review**: `supportcards import`, `supportcards review --yes`, `supportcards build` (the review
  step is skipped, and said so, while the command does not exist).

A slip counts as fixed when its card shows the expected text and no longer the wrong one; a trap is
damaged when its correct phrase is no longer in its card. Comparison is on the text Anki shows: HTML
stripped, case ignored, typography normalized (’ = ', NBSP/NNBSP = space, « » = ", … = ..., no space
before punctuation), so that the typography rules are neither credited nor blamed.

`--seed` measures the second figure of issue 14: the repository's own chapters with
`source/corrections.toml` deleted, through `review --yes` and `build`, against the cards built from the
repository as it is (project table included): how many of the project table's fixes come back, and
how many cards get a change the project table does not make.

Run: `.venv/bin/python bench/proofread_eval.py` (every chapter and the seed case), or `make
eval-proofread`; `--write` also puts the tables into bench/README.md. `--clean` measures correct
text instead (bench/proofread_clean.py): every word `review --yes` + `build` changes there is damage.
"""

from __future__ import annotations

import argparse
import difflib
import html
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "bench" / "proofread"
README = ROOT / "bench" / "README.md"
KINDS = (
    "spelling",
    "agreement",
    "conjugation",
    "elision",
    "homophone",
    "article",
    "locution",
    "subjectless",
    "copy-paste",
    "d-une-part",
)
sys.path.insert(0, str(ROOT / "tests"))


# -- what Anki shows, normalized for comparison ------------------------------------------------------

_TYPOGRAPHY = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u00ad": "",
    }
)


def comparable(text: str, fold_case: bool = True) -> str:
    """Text as compared: NFC, typography flattened, one space between words, lowercase by default."""
    text = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY).replace("…", "...")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([.,;:!?)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    text = re.sub(r'\s*"\s*', '"', text)  # « x » and "x" alike, whatever the spacing
    return text.casefold() if fold_case else text


def shown(field_html: str) -> str:
    """The text of an Anki field: tags become spaces, entities are decoded."""
    return html.unescape(re.sub(r"<[^>]+>", " ", field_html))


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase matched as whole words: 'ouvre' is not in 'ouvrent', nor 'est un' in "c'est un"."""
    text = comparable(phrase)
    body = re.escape(text).replace(r"\ ", r"\s+")
    start = r"(?<![\w'])" if text[:1].isalnum() else ""
    end = r"(?!\w)" if text[-1:].isalnum() else ""
    return re.compile(start + body + end)


def contains(text: str, phrase: str) -> bool:
    return bool(phrase_pattern(phrase).search(text))


def stands_alone(text: str, phrase: str, within: tuple[str, ...]) -> bool:
    """Whether `phrase` is in `text` outside every place of the phrases `within`: a slip's wrong text
    may be part of its fix ("Permet de tester" in "Il permet de tester")."""
    covers = [match.span() for other in within for match in phrase_pattern(other).finditer(text)]
    return any(
        not any(start <= match.start() and match.end() <= end for start, end in covers)
        for match in phrase_pattern(phrase).finditer(text)
    )


# -- the notes and their answer keys --------------------------------------------------------------------


@dataclass(frozen=True)
class SourceCard:
    """A card of the imported source file: its front and back as the student wrote them."""

    line: int
    front: str
    back: str
    lines: tuple[tuple[int, str], ...]  # (line number, text), the heading's first

    @property
    def text(self) -> str:
        return comparable(self.front + "\n" + self.back)

    def line_of(self, phrase: str) -> int | None:
        """The line of the source file where `phrase` is (None if it spans lines)."""
        for number, text in self.lines:
            if contains(comparable(text), phrase):
                return number
        return None


@dataclass(frozen=True)
class Slip:
    front: str
    wrong: str
    expected: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Trap:
    front: str
    phrase: str
    kind: str


@dataclass(frozen=True)
class Key:
    path: Path
    chapter: Path
    slips: tuple[Slip, ...]
    traps: tuple[Trap, ...]


def read_key(path: Path) -> Key:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    slips = tuple(
        Slip(entry["front"], entry["wrong"], tuple(entry["expected"]), entry["kind"]) for entry in data["slip"]
    )
    traps = tuple(Trap(entry["front"], entry["phrase"], entry.get("kind", "")) for entry in data["trap"])
    return Key(path, path.parent / data["chapter"], slips, traps)


def source_cards(markdown: str) -> list[SourceCard]:
    """The `## ` cards of a supportcards source file (metadata lines left out)."""
    cards: list[SourceCard] = []
    lines: list[tuple[int, str]] = []

    def close() -> None:
        if lines:
            (line, front), *back = lines
            cards.append(SourceCard(line, front, "\n".join(text for _, text in back), tuple(lines)))

    for number, text in enumerate(markdown.splitlines(), start=1):
        if text.startswith("## "):
            close()
            lines = [(number, text[3:].strip())]
        elif lines and not text.startswith("@"):
            lines.append((number, text))
    close()
    return cards


def card_of(cards: list[SourceCard], front: str) -> int:
    """The index of the card whose front is `front` as written (typography aside)."""
    wanted = comparable(front)
    found = [index for index, card in enumerate(cards) if comparable(card.front) == wanted]
    if len(found) != 1:
        raise SystemExit(f"answer key: {len(found)} cards have the front {front!r}")
    return found[0]


_LINT = re.compile(
    r"^[^:]+:(?P<line>\d+)(?::\d+)?: (?:unknown word '(?P<word>.+?)'|(?P<rule>[\w-]+): '(?P<before>.*?)' -> )"
)
# Typography: what these rules change is never a slip of the key.
_TYPOGRAPHY_RULES = frozenset(
    {"unicode-nfc", "whitespace", "apostrophe", "quotes", "ellipsis", "french-spacing", "lead-in-colon"}
    | {"front-final-period", "front-question-mark", "accented-capitals"}
)


def flagged(lint: list[str], line: int | None, wrong: str) -> bool:
    """Whether a `lint` line of the slip's line points at a word of the slip."""
    for entry in lint:
        match = _LINT.match(entry)
        if not match or (line is not None and int(match["line"]) != line) or match["rule"] in _TYPOGRAPHY_RULES:
            continue
        pointed = match["word"] or match["before"] or ""
        if any(char.isalnum() for char in pointed) and contains(comparable(wrong), pointed):
            return True
    return False


def touches(entry: str, phrase: str) -> bool:
    """Whether a lint or review line's 'before' and `phrase` overlap (one holds the other, or 8 characters)."""
    match = _LINT.match(entry)
    if not match or match["rule"] in _TYPOGRAPHY_RULES:
        return False
    pointed, wanted = comparable(match["word"] or match["before"] or ""), comparable(phrase)
    if not any(char.isalnum() for char in pointed):
        return False
    if contains(wanted, pointed) or contains(pointed, wanted):
        return True
    common = difflib.SequenceMatcher(None, pointed, wanted, autojunk=False).find_longest_match()
    return common.size >= 8


def check_key(key: Key, cards: list[SourceCard]) -> list[str]:
    """What is wrong with an answer key against its chapter as imported (empty when it is sound)."""
    problems = []
    for slip in key.slips:
        card = cards[card_of(cards, slip.front)]
        if not contains(card.text, slip.wrong):
            problems.append(f"slip {slip.wrong!r} is not in card {slip.front!r}")
        for expected in slip.expected:
            if comparable(expected) == comparable(slip.wrong):
                problems.append(f"slip {slip.wrong!r}: the expected {expected!r} is the same text")
        if slip.kind not in KINDS:
            problems.append(f"slip {slip.wrong!r}: unknown kind {slip.kind!r}")
    for trap in key.traps:
        card = cards[card_of(cards, trap.front)]
        if not contains(card.text, trap.phrase):
            problems.append(f"trap {trap.phrase!r} is not in card {trap.front!r}")
    return problems


# -- running supportcards and Anki ----------------------------------------------------------------------


def supportcards(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line, with no terminal (stdin closed) and a time limit, so a prompt cannot hang us."""
    command = [sys.executable, "-m", "supportcards", *args]
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL, timeout=900
    )


def run(*args: str, cwd: Path) -> str:
    done = supportcards(*args, cwd=cwd)
    if done.returncode != 0:
        raise SystemExit(f"supportcards {' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def review_yes(project: Path) -> str:
    """`review --yes` on the project; a failure is reported, not fatal, so the build is still measured."""
    done = supportcards("review", "--yes", "source", cwd=project)
    output = done.stdout + done.stderr
    if done.returncode != 0:
        print(f"warning: supportcards review --yes exited with {done.returncode}:\n{output}", file=sys.stderr)
    return output


def has_review() -> bool:
    with tempfile.TemporaryDirectory() as folder:
        return supportcards("review", "--help", cwd=Path(folder)).returncode == 0


def uncloze(field_html: str) -> str:
    """A list card's `Text` as its back shows it once every item is revealed: `{{c1::item::hint}}` -> item."""
    return re.sub(r"\{\{c\d+::(.*?)(?:::[^{}]*)?\}\}", r"\1", field_html, flags=re.DOTALL)


def anki_cards(package: Path, folder: Path) -> list[tuple[str, str]]:
    """(front, back) of every note a real Anki collection imports from `package`, as Anki shows them."""
    from anki_helpers import import_package, notes, open_collection

    collection = open_collection(folder)
    try:
        import_package(collection, package)
        return [
            (shown(note.fields["Front"]), shown(uncloze(note.fields.get("Back") or note.fields.get("Text", ""))))
            for note in notes(collection)
        ]
    finally:
        collection.close()


def match_cards(sources: list[SourceCard], built: list[tuple[str, str]], fold_case: bool = True) -> dict[int, str]:
    """Each source card's built text: pairs chosen greedily by similarity of front and back."""
    texts = [comparable(front + "\n" + back, fold_case) for front, back in built]
    scores = []
    for i, card in enumerate(sources):
        for j, text in enumerate(texts):
            ratio = difflib.SequenceMatcher(None, card.text, text.casefold(), autojunk=False).ratio()
            scores.append((ratio, -abs(i - j), i, j))
    matched: dict[int, str] = {}
    used: set[int] = set()
    for ratio, _, i, j in sorted(scores, reverse=True):
        if i in matched or j in used or ratio < 0.5:
            continue
        matched[i] = texts[j]
        used.add(j)
    return matched


@dataclass
class Build:
    """One pass over a project: the text of each source card in Anki, and what lint says."""

    cards: dict[int, str]
    lint: list[str]
    review_output: str = ""


def build_project(project: Path, sources: list[SourceCard], chapter_file: str) -> Build:
    output = project / "build"
    run("build", "source", "-o", str(output), cwd=project)
    packages = sorted(output.glob("*.apkg"))
    built = anki_cards(packages[0], project / "anki")
    lint = supportcards("lint", "source", cwd=project)
    lines = [line for line in (lint.stdout + lint.stderr).splitlines() if line.startswith(f"source/{chapter_file}:")]
    return Build(match_cards(sources, built), lines)


def new_project(folder: Path, notes: Path | None = None) -> tuple[Path, str]:
    """A project with only a deck name; `notes` imported into it. Returns it and the chapter's file name."""
    project = folder
    (project / "source").mkdir(parents=True)
    (project / "source" / "supportcards.toml").write_text('[deck]\nname = "Support informatique"\n', encoding="utf-8")
    if notes is None:
        return project, ""
    number = re.search(r"\d+", notes.name)
    chapter_file = f"chapitre-{int(number.group()) if number else 0:02d}.md"
    run("import", str(notes), "-o", f"source/{chapter_file}", cwd=project)
    return project, chapter_file


# -- one chapter ---------------------------------------------------------------------------------------


@dataclass
class SlipResult:
    slip: Slip
    baseline: str  # fixed / left / changed
    review: str
    flagged: bool  # by `lint` on the imported notes, before any review
    shown: str  # the review build's text around the slip


@dataclass
class ChapterResult:
    name: str
    held_out: bool
    cards: int
    slips: list[SlipResult] = field(default_factory=list)
    traps_damaged: list[tuple[Trap, str, str, list[str]]] = field(default_factory=list)  # trap, pass, text, lint
    traps: int = 0
    other_changes: list[tuple[str, str, str]] = field(default_factory=list)  # front, baseline, review
    reviewed: bool = False
    review_output: str = ""


def slip_state(text: str | None, slip: Slip) -> str:
    if text is None:
        return "lost"
    wrong = stands_alone(text, slip.wrong, slip.expected)
    right = any(contains(text, expected) for expected in slip.expected)
    if right and not wrong:
        return "fixed"
    return "left" if wrong else "changed"


def around(text: str, phrase: str, width: int = 40) -> str:
    """The part of `text` that best matches `phrase`, with some context."""
    needle = comparable(phrase)
    match = difflib.SequenceMatcher(None, text, needle, autojunk=False).find_longest_match(0, len(text), 0, len(needle))
    start = max(0, match.a - match.b - width // 2)
    return text[start : start + len(needle) + width]


def tokens(text: str) -> list[str]:
    """Words and punctuation, between start and end marks (so that an edit at the end has context)."""
    return ["⟦", *re.findall(r"\w+|[^\w\s]", text), "⟧"]


def changes(before: str, after: str, context: int = 3) -> list[tuple[str, str]]:
    """Word-level edits from `before` to `after`, each as (before, after) with a little context."""
    a, b = tokens(before), tokens(after)
    found = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            found.append(
                (" ".join(a[max(0, i1 - context) : i2 + context]), " ".join(b[max(0, j1 - context) : j2 + context]))
            )
    return found


def measure_chapter(key: Key, review: bool, held_out: bool) -> ChapterResult:
    with tempfile.TemporaryDirectory(prefix="proofread-eval-") as folder:
        base_project, chapter_file = new_project(Path(folder) / "baseline", key.chapter)
        sources = source_cards((base_project / "source" / chapter_file).read_text(encoding="utf-8"))
        problems = check_key(key, sources)
        if problems:
            raise SystemExit(f"{key.path}: the answer key does not fit the notes:\n  " + "\n  ".join(problems))
        baseline = build_project(base_project, sources, chapter_file)

        review_project, _ = new_project(Path(folder) / "review", key.chapter)
        review_output = ""
        if review:
            review_output = review_yes(review_project)
        reviewed = build_project(review_project, sources, chapter_file)
        reviewed.review_output = review_output

    result = ChapterResult(key.chapter.name, held_out, len(sources), reviewed=review, review_output=review_output)
    result.traps = len(key.traps)
    slip_cards: dict[int, list[Slip]] = {}
    for slip in key.slips:
        index = card_of(sources, slip.front)
        slip_cards.setdefault(index, []).append(slip)
        after = reviewed.cards.get(index)
        result.slips.append(
            SlipResult(
                slip,
                slip_state(baseline.cards.get(index), slip),
                slip_state(after, slip),
                flagged(baseline.lint, sources[index].line_of(slip.wrong), slip.wrong),
                around(after, slip.expected[0]) if after else "(card not found in Anki)",
            )
        )
    for trap in key.traps:
        index = card_of(sources, trap.front)
        card = sources[index]
        for name, build in (("baseline", baseline), ("review", reviewed)):
            text = build.cards.get(index)
            if text is None or not contains(text, trap.phrase):
                line = card.line_of(trap.phrase)
                numbers = {line} if line is not None else {number for number, _ in card.lines}
                said = [*build.lint, *build.review_output.splitlines()]  # what review recorded, and its rule id
                in_card = [entry for entry in said if (match := _LINT.match(entry)) and int(match["line"]) in numbers]
                # The lint lines (rule: 'before' -> 'after') whose 'before' is part of the phrase name the culprit.
                culprits = [entry for entry in in_card if touches(entry, trap.phrase)]
                result.traps_damaged.append((trap, name, around(text or "", trap.phrase), culprits or in_card))
    # Edits the review made beyond the baseline that touch no slip: candidates for damage nobody planted.
    for index, card in enumerate(sources):
        before, after = baseline.cards.get(index), reviewed.cards.get(index)
        if before is None or after is None or before == after:
            continue
        slips_here = slip_cards.get(index, [])
        at_slips = [match.span() for slip in slips_here for match in phrase_pattern(slip.wrong).finditer(before)]
        at_fixes = [
            match.span()
            for slip in slips_here
            for expected in slip.expected
            for match in phrase_pattern(expected).finditer(after)
        ]
        for old_span, new_span in edits(before, after):
            if overlaps(old_span, at_slips) or overlaps(new_span, at_fixes):
                continue
            result.other_changes.append((card.front, excerpt(before, old_span), excerpt(after, new_span)))
    return result


def edits(before: str, after: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Word-level edits from `before` to `after`, as character spans in each."""
    old = [match.span() for match in re.finditer(r"\w+|[^\w\s]", before)]
    new = [match.span() for match in re.finditer(r"\w+|[^\w\s]", after)]
    matcher = difflib.SequenceMatcher(None, [before[a:b] for a, b in old], [after[a:b] for a, b in new], autojunk=False)

    def span(spans: list[tuple[int, int]], start: int, end: int, length: int) -> tuple[int, int]:
        if start < end:
            return spans[start][0], spans[end - 1][1]
        point = spans[start][0] if start < len(spans) else length
        return point, point

    return [
        (span(old, i1, i2, len(before)), span(new, j1, j2, len(after)))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] <= end and start <= span[1] for start, end in others)


def excerpt(text: str, span: tuple[int, int], width: int = 25) -> str:
    start, end = span
    return f"{text[max(0, start - width) : start]}[{text[start:end]}]{text[end : end + width]}"


# -- the seed case -------------------------------------------------------------------------------------


@dataclass
class SeedResult:
    cards: int
    fixes: int
    recovered: int
    missed: list[tuple[str, str, str]]
    recovered_fixes: list[tuple[str, str, str]]
    extra_cards: list[tuple[str, list[tuple[str, str]]]]
    identical_cards: int
    reviewed: bool
    review_output: str


def measure_seed(review: bool) -> SeedResult:
    """Chapter 2 without source/corrections.toml, through review --yes and build, against the full tables."""
    sources: list[SourceCard] = []
    for path in sorted((ROOT / "source").glob("chapitre-*.md")):
        sources.extend(source_cards(path.read_text(encoding="utf-8")))
    with tempfile.TemporaryDirectory(prefix="proofread-seed-") as folder:
        builds = {}
        review_output = ""
        for name in ("full", "bare", "review"):
            project = Path(folder) / name
            shutil.copytree(ROOT / "source", project / "source")
            (project / "source" / "supportcards.lock").unlink(missing_ok=True)
            if name != "full":
                (project / "source" / "corrections.toml").unlink(missing_ok=True)
            if name == "review" and review:
                review_output = review_yes(project)
            output = project / "build"
            run("build", "source", "-o", str(output), cwd=project)
            built = anki_cards(sorted(output.glob("*.apkg"))[0], project / "anki")
            builds[name] = match_cards(sources, built, fold_case=False)  # a capital fixed is a fix here
    fixes = identical = 0
    missed: list[tuple[str, str, str]] = []
    recovered_fixes: list[tuple[str, str, str]] = []
    extra_cards: list[tuple[str, list[tuple[str, str]]]] = []
    for index, card in enumerate(sources):
        full, bare, reviewed = builds["full"].get(index), builds["bare"].get(index), builds["review"].get(index)
        if full is None or bare is None or reviewed is None:
            raise SystemExit(f"seed: card {card.front!r} not found in one of the builds")
        identical += reviewed == full
        bare_tokens, full_tokens, reviewed_text = tokens(bare), tokens(full), " ".join(tokens(reviewed))
        edits = difflib.SequenceMatcher(None, bare_tokens, full_tokens, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in edits:
            if tag == "equal":
                continue
            fixes += 1
            # Recovered when the reviewed card shows this fix with the full build's words around it.
            window = " ".join(full_tokens[max(0, j1 - 2) : j2 + 2])
            fix = (card.front, " ".join(bare_tokens[max(0, i1 - 2) : i2 + 2]), window)
            (recovered_fixes if f" {window} " in f" {reviewed_text} " else missed).append(fix)
        full_text = " ".join(full_tokens)
        extra = [(old, new) for old, new in changes(bare, reviewed, context=2) if f" {new} " not in f" {full_text} "]
        if extra:
            extra_cards.append((card.front, extra))
    return SeedResult(
        len(sources),
        fixes,
        len(recovered_fixes),
        missed,
        recovered_fixes,
        extra_cards,
        identical,
        review,
        review_output,
    )


# -- reporting -----------------------------------------------------------------------------------------


def chapter_table(result: ChapterResult) -> list[str]:
    label = f"{result.name}{' (held out)' if result.held_out else ''}"
    lines = [
        f"**{label}**: {result.cards} cards, {len(result.slips)} slips, {result.traps} traps"
        + ("" if result.reviewed else " (no `review` command: review column = build only)"),
        "",
        "| kind | slips | flagged by lint | fixed, build only | fixed, review --yes + build | left "
        "| changed otherwise |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    by_kind: dict[str, list[SlipResult]] = {}
    for slip in result.slips:
        by_kind.setdefault(slip.slip.kind, []).append(slip)
    for kind in KINDS:
        slips = by_kind.get(kind, [])
        if slips:
            lines.append(_row(kind, slips))
    lines.append(_row("**total**", result.slips))
    damaged = Counter(name for _, name, _, _ in result.traps_damaged)
    lines += [
        "",
        f"Traps damaged: build only {damaged['baseline']} of {result.traps}, "
        f"review --yes + build {damaged['review']} of {result.traps}. "
        f"Other edits by the review (not at a slip): {len(result.other_changes)}.",
    ]
    return lines


def _row(kind: str, slips: list[SlipResult]) -> str:
    base = sum(slip.baseline == "fixed" for slip in slips)
    states = Counter(slip.review for slip in slips)
    left = states["left"] + states["lost"]
    flags = sum(slip.flagged for slip in slips)
    return f"| {kind} | {len(slips)} | {flags} | {base} | {states['fixed']} | {left} | {states['changed']} |"


def details(result: ChapterResult) -> list[str]:
    said = result.review_output.strip().splitlines()
    lines = [f"{result.name}: review --yes said: {said[-1] if said else '(not run)'}"]
    lines.append(f"{result.name}: slips not fixed by review --yes + build (flagged: lint points at it):")
    for slip in result.slips:
        if slip.review != "fixed":
            lines.append(
                f"  [{slip.slip.kind}] {slip.review}{', flagged' if slip.flagged else ''}: "
                f"{slip.slip.wrong!r} -> {slip.slip.expected[0]!r}; "
                f"shows {slip.shown!r}"
            )
    for trap, name, text, lint in result.traps_damaged:
        lines.append(f"  TRAP DAMAGED ({name}): {trap.phrase!r}; shows {text!r}")
        lines.extend(f"      {line}" for line in lint)
    for front, old, new in result.other_changes:
        lines.append(f"  other edit in {front!r}: {old!r} -> {new!r}")
    return lines


def seed_lines(seed: SeedResult) -> list[str]:
    how = "`review --yes` + `build`" if seed.reviewed else "`build` only (no `review` command yet)"
    return [
        f"**Seed chapter without `source/corrections.toml`**, through {how}, against the build with every table: "
        f"{seed.recovered} of the project table's {seed.fixes} fixes recovered; "
        f"{len(seed.extra_cards)} of {seed.cards} cards get a change the full-table build does not have; "
        f"{seed.identical_cards} of {seed.cards} cards identical to the full-table build.",
    ]


def seed_details(seed: SeedResult) -> list[str]:
    said = seed.review_output.strip().splitlines()
    lines = [f"seed: review --yes said: {said[-1] if said else '(not run)'}", "seed: project-table fixes recovered:"]
    lines += [f"  {front!r}: {old!r} -> {new!r}" for front, old, new in seed.recovered_fixes]
    lines.append("seed: project-table fixes not recovered:")
    lines += [f"  {front!r}: {old!r} -> {new!r}" for front, old, new in seed.missed]
    lines.append("seed: changes the full-table build does not have:")
    for front, extra in seed.extra_cards:
        lines += [f"  {front!r}: {old!r} -> {new!r}" for old, new in extra]
    return lines


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    start, end = "<!-- proofread:start -->", "<!-- proofread:end -->"
    if start not in readme:
        raise SystemExit(f"{README}: no {start} ... {end} section to write into")
    head, rest = readme.split(start, 1)
    _, tail = rest.split(end, 1)
    README.write_text(f"{head}{start}\n{text}\n{end}{tail}", encoding="utf-8")


def measured_on() -> str:
    """When, on which commit, and whether the grammar checker was there: what the figures depend on."""
    commit = subprocess.run(
        ["git", "log", "-1", "--format=%h"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    checker = subprocess.run(
        [sys.executable, "-c", "import grammalecte"], capture_output=True, check=False, stdin=subprocess.DEVNULL
    )
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    grammalecte = "installed" if checker.returncode == 0 else "not installed"
    return f"Measured {when} on commit `{commit or '?'}`, Grammalecte {grammalecte}."


def chapter_keys(folder: Path) -> list[Path]:
    return sorted(folder.glob("chapter-*-key.toml"), key=lambda path: int(re.findall(r"\d+", path.name)[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("keys", nargs="*", type=Path, help="answer keys (default: every one in bench/proofread/)")
    parser.add_argument("--no-seed", action="store_true", help="skip the seed chapter case")
    parser.add_argument("--seed-only", action="store_true", help="only the seed chapter case")
    parser.add_argument("--no-review", action="store_true", help="never run `review --yes` (a baseline)")
    parser.add_argument("--write", action="store_true", help="write the tables into bench/README.md")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every slip missed and every edit")
    parser.add_argument(
        "--clean",
        action="store_true",
        help="measure damage instead: the chapters with their slips put right, and bench/proofread/clean/*.txt, "
        "through review --yes and build (bench/proofread_clean.py)",
    )
    options = parser.parse_args()

    review = not options.no_review and has_review()
    notes = []
    if not options.no_review and not review:
        notes.append("`supportcards review` does not exist here: the review column is `import` + `build` only.")
    keys = [(path.resolve(), "holdout" in path.parts) for path in options.keys] or [
        *((path, False) for path in chapter_keys(CHAPTERS)),
        *((path, True) for path in chapter_keys(CHAPTERS / "holdout")),
    ]
    if options.clean:
        from proofread_clean import run_clean

        run_clean([path for path, _ in keys], options.verbose, options.write)
        return
    report: list[str] = [measured_on(), *notes]
    print(report[0], end="\n\n", flush=True)
    results = []
    if not options.seed_only:
        for path, held_out in keys:
            result = measure_chapter(read_key(path), review, held_out)
            results.append(result)
            report += ["", *chapter_table(result)]
            print("\n".join(chapter_table(result)), end="\n\n", flush=True)
            if options.verbose:
                print("\n".join(details(result)), end="\n\n", flush=True)
        if results:
            summary = _summary(results)
            report += ["", *summary]
            print("\n".join(summary), end="\n\n")
    if not options.no_seed:
        seed = measure_seed(review)
        report += ["", *seed_lines(seed)]
        print("\n".join(seed_lines(seed)))
        if options.verbose:
            print("\n".join(seed_details(seed)))
    if options.write:
        write_readme("\n".join(report).strip())


def _summary(results: list[ChapterResult]) -> list[str]:
    lines = [
        "| chapter | cards | fixed, build only (of 25) | fixed, review --yes + build (of 25) "
        "| traps damaged (of 10) | other edits |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        base = sum(slip.baseline == "fixed" for slip in result.slips)
        fixed = sum(slip.review == "fixed" for slip in result.slips)
        damaged = sum(1 for _, name, _, _ in result.traps_damaged if name == "review")
        label = f"{result.name}{' (held out)' if result.held_out else ''}"
        lines.append(
            f"| {label} | {result.cards} | {base} of {len(result.slips)} | {fixed} of {len(result.slips)} | "
            f"{damaged} of {result.traps} | {len(result.other_changes)} |"
        )
    lines += ["", "Slips left after `review --yes` + `build`, by kind (development chapters; held out):", ""]
    for kind in KINDS:
        counts = []
        for held_out in (False, True):
            slips = [slip for result in results if result.held_out == held_out for slip in result.slips]
            of_kind = [slip for slip in slips if slip.slip.kind == kind]
            left = sum(slip.review != "fixed" for slip in of_kind)
            counts.append(f"{left} of {len(of_kind)}" if of_kind else "-")
        lines.append(f"- {kind}: {counts[0]}; {counts[1]}")
    for result in results:
        wrong = [slip for slip in result.slips if slip.review == "changed"]
        damaged_traps = [entry for entry in result.traps_damaged if entry[1] == "review"]
        for slip in wrong:
            lines.append(
                f"- {result.name}: wrong fix [{slip.slip.kind}] {slip.slip.wrong!r} (expected "
                f"{slip.slip.expected[0]!r}), the card shows {slip.shown!r}"
            )
        for trap, _, text, lint in damaged_traps:
            rules = "; ".join(lint) or "no lint line names it"
            lines.append(f"- {result.name}: trap damaged {trap.phrase!r}, the card shows {text!r} ({rules})")
    return lines


if __name__ == "__main__":
    main()
