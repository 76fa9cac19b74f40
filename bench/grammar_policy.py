"""Measure `review --yes` on GRAMMAR findings (Grammalecte's and ours) over every keyed chapter and
the correct-text corpus: per rule family and per guard, what accepting gives.

Every grammar finding with a suggestion, over every answer-keyed chapter (development, held-out,
family sets, the seed) and every file of `bench/proofread/clean/`, gets one label for the fix
`review --yes` would make if it accepted the finding (its own choice among several suggestions,
else the first):

- **right**: the finding's words are inside a slip of the key, and the fix brings the line closer
  to the key's expected text, its words standing there ("choisi" for "choisit" is no fix);
- **wrong**: at a slip, but not that fix;
- **damage**: no slip there (every finding in `clean/` is damage: those notes hold none).

Then, for each policy kind (`policy.policy_key`), how many of each label `--yes` takes now and how
many it refuses, and for each refusal, why (a rival finding, a guard of `guards.GUARDS`, a kind not
in `CERTAIN`, several suggestions and no choice). The figures are given apart for the chapters a
policy may be chosen on (`--choose`: chapters up to 25, the seed and the family sets) and for the
others (26 and up), which are reported, not chosen on.

Each text is imported once into `build/grammar-policy/<name>/` and proofread with the
proofreader's own card cache there, so a second run after a change of `policy.py` or `guards.py` only judges.
Run: `.venv/bin/python bench/grammar_policy.py [-v] [--only PATTERN]`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from proofread_eval import CHAPTERS, comparable, phrase_pattern, read_key, run  # noqa: E402
from review_policy import _in_ideal, ideal_text, ratio  # noqa: E402

from supportcards.guards import refusing_guard  # noqa: E402
from supportcards.model import Finding  # noqa: E402
from supportcards.parse import load_project  # noqa: E402
from supportcards.policy import (  # noqa: E402
    CERTAIN,
    _conjugated,
    certain_fix,
    chosen_suggestion,
    contested,
    policy_key,
)
from supportcards.proofread import engine_available, proofread_project  # noqa: E402

WORK = ROOT / "build" / "grammar-policy"
KEYS = (
    sorted(CHAPTERS.glob("chapter-*-key.toml"))
    + sorted((CHAPTERS / "holdout").glob("*-key.toml"))
    + sorted(path for path in (CHAPTERS / "families").glob("*-key.toml") if path.name != "grammar-unseen-key.toml")
    + [CHAPTERS / "seed" / "chapter-2-key.toml"]
)
"""Every answer-keyed chapter but the grammar family's unseen set, measured once, never judged here."""
CHOSEN_UP_TO = 25
"""Chapters numbered up to this one (and the seed, the family sets) are those a policy is chosen on."""


@dataclass(frozen=True)
class Verdict:
    text: str  # the chapter or clean file
    kind: str  # policy.policy_key
    rule: str
    label: str  # right, wrong, damage
    taken: bool  # review --yes takes it now
    why: str  # why it is refused ("" when taken)
    wrong: str
    fix: str
    context: str


def chosen_on(name: str) -> bool:
    """Whether a text is one a policy may be chosen on (see `CHOSEN_UP_TO`)."""
    number = re.search(r"chapter-(\d+)", name)
    return number is None or "families" in name or "seed" in name or int(number.group(1)) <= CHOSEN_UP_TO


def project_for(name: str, chapter: Path) -> Path:
    """The text imported into its own project folder (kept between runs: the proofreader's cache)."""
    folder = WORK / name
    source = folder / "source"
    stamp = folder / "imported-from.txt"
    text = chapter.read_text(encoding="utf-8")
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != text:
        source.mkdir(parents=True, exist_ok=True)
        for old in source.glob("*.md"):
            old.unlink()
        (source / "supportcards.toml").write_text('[deck]\nname = "Test"\n', encoding="utf-8")
        run("import", str(chapter.resolve()), "-o", "source/chapitre-09.md", cwd=folder)
        stamp.write_text(text, encoding="utf-8")
    return folder


def grammar(finding: Finding) -> bool:
    return finding.kind != "spelling" and finding.rule != "unknown-word" and bool(finding.suggestions)


def proposed_fix(finding: Finding) -> str:
    """The fix accepting would make: `--yes`'s own choice among several suggestions, else the first."""
    if len(finding.suggestions) > 1:
        return chosen_suggestion(finding) or finding.suggestions[0]
    return finding.suggestions[0]


def why_refused(finding: Finding, rivals: set[Finding]) -> str:
    """The first reason `review --yes` has to leave the finding to a person."""
    if finding in rivals:
        return "rival"
    if policy_key(finding) == "g3__gn" and _conjugated(finding.text):
        return "guard:conjugated"
    guard = refusing_guard(finding)
    if guard is not None:
        return "guard:" + guard
    if policy_key(finding) not in CERTAIN:
        return "kind not certain"
    if len(finding.suggestions) > 1:
        return "several, no choice"
    return "other (complement, against subject…)"


def judge(name: str, chapter: Path, slips: list[tuple[str, str, str]], verbose: bool) -> list[Verdict]:
    """Every grammar finding of one text, labelled; `slips`: (front, wrong, expected) of its key."""
    folder = project_for(name, chapter)
    project = load_project([folder / "source"])
    findings = proofread_project(project, cache_dir=folder / "cache")
    rivals = contested(findings)
    verdicts = []
    for finding in findings:
        if not grammar(finding):
            continue
        source = next(
            (
                card
                for card in project.chapters[0].cards
                if card.location.line == finding.location.line
                or card.back_line <= finding.location.line <= card.back_line + card.back.count("\n")
            ),
            None,
        )
        if source is None:
            continue
        taken_fix = certain_fix(finding) if finding not in rivals else None
        fix = taken_fix or proposed_fix(finding)
        mine = [(wrong, expected) for front, wrong, expected in slips if comparable(front) == comparable(source.front)]
        label = _label(finding, fix, mine)
        why = "" if taken_fix is not None else why_refused(finding, rivals)
        verdict = Verdict(
            name,
            policy_key(finding),
            finding.rule,
            label,
            taken_fix is not None,
            why,
            finding.text,
            fix,
            finding.context,
        )
        verdicts.append(verdict)
        if verbose:
            state = "TAKEN" if verdict.taken else f"refused ({why})"
            print(f"{name}: {label.upper()} {state} {finding.rule}: {finding.text!r} -> {fix!r} | {finding.context}")
    return verdicts


def _label(finding: Finding, fix: str, slips: list[tuple[str, str]]) -> str:
    """right, wrong or damage (see the module) for the fix in the finding's line."""
    line = finding.context
    start = finding.context_column - 1
    if start < 0 or line[start : start + len(finding.text)] != finding.text:
        return "damage"
    before = comparable(line)
    at = len(comparable(line[:start] + "\x00")) - 1
    end = at + len(comparable(finding.text))
    inside = [
        (wrong, expected)
        for wrong, expected in slips
        for match in phrase_pattern(wrong).finditer(before)
        if match.start() <= at and end <= match.end()
    ]
    if not inside:
        return "damage"
    ideal = ideal_text(before, inside)
    after = comparable(line[:start] + fix + line[start + len(finding.text) :])
    right = ratio(after, ideal) > ratio(before, ideal) and _in_ideal(fix, ideal)
    return "right" if right else "wrong"


def texts(only: str | None) -> list[tuple[str, Path, list[tuple[str, str, str]]]]:
    """(name, flashcards file, slips) of every keyed chapter, then every clean file (no slips)."""
    found = []
    for key_path in KEYS:
        key = read_key(key_path)
        name = f"{key_path.parent.name}-{key_path.stem}"
        found.append((name, key.chapter, [(s.front, s.wrong, s.expected[0]) for s in key.slips]))
    for path in sorted((CHAPTERS / "clean").glob("*.txt")):
        found.append((f"clean-{path.stem}", path, []))
    return [entry for entry in found if only is None or re.search(only, entry[0])]


def report(verdicts: list[Verdict]) -> list[str]:
    """Per policy kind: taken and refused, each as right/wrong/damage, on both sets of texts."""
    lines = [
        "| kind | taken, chosen-on set (R/W/D) | refused, chosen-on set (R/W/D) | taken, 26+ | refused, 26+ |",
        "|---|---|---|---|---|",
    ]
    by_kind: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        by_kind[verdict.kind].append(verdict)

    def counts(chosen: bool, taken: bool, group: list[Verdict]) -> str:
        found = Counter(v.label for v in group if chosen_on(v.text) == chosen and v.taken == taken)
        return f"{found['right']}/{found['wrong']}/{found['damage']}"

    for kind, group in sorted(by_kind.items(), key=lambda item: (-len(item[1]), item[0])):
        cells = [counts(chosen, taken, group) for chosen in (True, False) for taken in (True, False)]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    lines += ["", "| why refused | kind | chosen-on set (R/W/D) | 26+ (R/W/D) |", "|---|---|---|---|"]
    by_why: dict[tuple[str, str], list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        if not verdict.taken:
            by_why[(verdict.why, verdict.kind)].append(verdict)
    for (why, kind), group in sorted(by_why.items()):
        cells = []
        for chosen in (True, False):
            found = Counter(v.label for v in group if chosen_on(v.text) == chosen)
            cells.append(f"{found['right']}/{found['wrong']}/{found['damage']}")
        lines.append(f"| {why} | {kind} | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="every finding, labelled")
    parser.add_argument("--only", help="a regular expression: only the texts whose name matches")
    args = parser.parse_args()
    if not engine_available():
        raise SystemExit("Grammalecte is not installed: the grammar findings cannot be measured")
    verdicts: list[Verdict] = []
    for name, chapter, slips in texts(args.only):
        verdicts += judge(name, chapter, slips, args.verbose)
        print(f"judged {name}", file=sys.stderr, flush=True)
    print("\n".join(report(verdicts)))
    taken = [v for v in verdicts if v.taken]
    for chosen in (True, False):
        found = Counter(v.label for v in taken if chosen_on(v.text) == chosen)
        what = "chosen-on set (chapters <= 25, seed, families, clean)" if chosen else "chapters 26 and up"
        print(f"review --yes takes, {what}: {found['right']} right, {found['wrong']} wrong, {found['damage']} damage")


if __name__ == "__main__":
    main()
