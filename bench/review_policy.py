"""Measure each proofreading rule's precision: how often accepting its first suggestion is right.

This is what `review --yes` decides on (`supportcards/policy.py`, `CERTAIN`). For each
development chapter (`bench/proofread/chapter-N-flashcards.txt` and its answer key; the held-out
chapter is never read), the chapter is imported into a throwaway project and proofread; then each
finding with a suggestion is accepted alone, in memory, and judged against the answer key:

- **right** when the card's text gets closer to the key's corrected text (every slip of that card
  replaced by its expected phrase), by characters, and the suggestion's words stand in that text
  ("choisi" where "choisit" was expected is no fix);
- **wrong** otherwise: the fix damages correct text, or changes something no slip is about.

The policy (`policy.CERTAIN`) takes the kinds that were right every time, or nearly.
Run: `.venv/bin/python bench/review_policy.py` (needs Grammalecte for the grammar rules; `-v`
lists every judged finding).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from proofread_eval import CHAPTERS, comparable, phrase_pattern, read_key, run  # noqa: E402

from supportcards.model import Finding  # noqa: E402
from supportcards.normalize import normalize_project  # noqa: E402
from supportcards.parse import load_project  # noqa: E402
from supportcards.policy import certain_fix, contested, policy_key  # noqa: E402
from supportcards.proofread import engine_available, proofread_project  # noqa: E402


def ideal_text(text: str, slips: list[tuple[str, str]]) -> str:
    """The card's comparable text with every slip replaced by its first expected phrase."""
    for wrong, expected in slips:
        text = phrase_pattern(wrong).sub(comparable(expected).replace("\\", "\\\\"), text, count=1)
    return text


def with_fix(part: str, finding: Finding, suggestion: str) -> str | None:
    """The normalized part with `suggestion` in place of the finding's text."""
    lines = part.split("\n")
    for index, line in enumerate(lines):
        if line == finding.context:
            start = finding.context_column - 1
            lines[index] = line[:start] + suggestion + line[start + len(finding.text) :]
            return "\n".join(lines)
    return None


def judge_chapter(key_path: Path, verbose: bool) -> list[tuple[str, bool, bool]]:
    key = read_key(key_path)
    verdicts = []
    with tempfile.TemporaryDirectory() as folder:
        project_dir = Path(folder)
        (project_dir / "source").mkdir()
        (project_dir / "source" / "supportcards.toml").write_text('[deck]\nname = "Test"\n', encoding="utf-8")
        run("import", str(key.chapter), "-o", "source/chapitre-09.md", cwd=project_dir)
        project = load_project([project_dir / "source"])
        normalized = normalize_project(project)[0]
        cards = {(card.location.path, card.location.line): card for card in normalized.chapters[0].cards}
        originals = project.chapters[0].cards
        findings = proofread_project(project)
        rivals = contested(findings)
        for finding in findings:
            if not finding.suggestions:
                continue
            source = next(
                (
                    c
                    for c in originals
                    if c.location.line == finding.location.line
                    or c.back_line <= finding.location.line <= c.back_line + c.back.count("\n")
                ),
                None,
            )
            if source is None:
                continue
            card = cards[(source.location.path, source.location.line)]
            whole = card.front + "\n" + card.back
            chosen = certain_fix(finding) if finding not in rivals else None
            suggestion = chosen or finding.suggestions[0]
            fixed = with_fix(whole, finding, suggestion)
            if fixed is None:
                continue
            slips = [(s.wrong, s.expected[0]) for s in key.slips if comparable(s.front) == comparable(source.front)]
            before = comparable(whole)
            ideal = ideal_text(before, slips)
            after = comparable(fixed)
            right = ratio(after, ideal) > ratio(before, ideal) and _in_ideal(suggestion, ideal)
            several = finding.kind != "spelling" and len(finding.suggestions) > 1
            note = ""
            if finding in rivals:
                note = " (a rival fix)"
            elif several:
                note = " (several fixes, the line's choice)" if chosen else " (several fixes)"
            verdicts.append((policy_key(finding) + note, right, chosen is not None))
            if verbose:
                verdict = "RIGHT" if right else "WRONG"
                print(f"{verdict} {finding.rule}: {finding.text!r} -> {suggestion!r}  | {finding.context}")
    return verdicts


def _in_ideal(suggestion: str, ideal: str) -> bool:
    """Whether the fix's words stand in the corrected text: 'choisi' for 'choisit' is no fix."""
    words = comparable(suggestion).strip()
    return not words or re.search(rf"(?<!\w){re.escape(words)}(?!\w)", ideal) is not None


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not engine_available():
        print("warning: Grammalecte is not installed: only spelling and supportcards' own rules are measured")
    totals: dict[str, list[bool]] = defaultdict(list)
    accepted: list[bool] = []
    for key_path in sorted(CHAPTERS.glob("chapter-*-key.toml")):
        for kind, right, is_certain in judge_chapter(key_path, args.verbose):
            totals[kind].append(right)
            if is_certain:
                accepted.append(right)
    print(f"{'kind (policy.policy_key)':<44} {'right':>5} {'of':>4} {'precision':>9}  policy")
    for kind, verdicts in sorted(totals.items(), key=lambda item: (-len(item[1]), item[0])):
        precision = sum(verdicts) / len(verdicts)
        print(f"{kind:<44} {sum(verdicts):>5} {len(verdicts):>4} {precision:>9.0%}")
    if accepted:
        share = sum(accepted) / len(accepted)
        print(f"review --yes accepts {len(accepted)} findings, {sum(accepted)} right ({share:.0%})")


if __name__ == "__main__":
    main()
