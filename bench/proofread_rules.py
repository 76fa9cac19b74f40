"""Precision and recall of each proofreading rule on test chapters with marked slips.

Each chapter in bench/rules/ is a source file where every slip is written `{{wrong|right|rule}}`:
the script writes the chapter with the wrong text, normalizes and proofreads it, and counts, rule
by rule, the slips it fixed or flagged (recall) and the changes or findings it made where no slip
was (precision: correct text it would damage or question). Everything not marked is correct French,
with traps on purpose ("de le faire", "si elle", "testé et validé", English terms).

    .venv/bin/python bench/proofread_rules.py                 # every chapter of bench/rules/
    .venv/bin/python bench/proofread_rules.py chapitre-08.md  # one of them (the held-out one)

Normalizer rules count a fix when the change makes the marked right text; findings count when they
flag the slip's place, and `first` counts those whose first suggestion is the right text. Unknown
words are split by how far their first suggestion is (`slip_distance`): within one slip
(`spelling`) or further or none (`spelling-far`: mostly English terms for the glossary).
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from supportcards.normalize import normalize_project
from supportcards.parse import load_project
from supportcards.proofread import engine_available, proofread_project
from supportcards.proofread.spelling import slip_distance

HERE = Path(__file__).resolve().parent / "rules"
SLIP = re.compile(r"\{\{(.*?)\|(.*?)\|([\w-]+)\}\}")
NORMALIZER_RULES = ("elision", "contraction", "s-est", "back-subject", "locutions", "quant-a")
TOPICS = ("incidents", "changements", "sauvegarde")
CLOSE = 1.0  # unknown words whose first suggestion is within one slip: `spelling`; others `spelling-far`


@dataclass(frozen=True)
class Slip:
    path: str
    line: int
    wrong: str
    right: str
    rule: str


def loose(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("'", "’").replace("\u00a0", " ").replace("\u202f", " ")).casefold()


def write_chapter(template: Path, folder: Path) -> list[Slip]:
    """The chapter with its slips written wrong, and where each slip is."""
    slips = []
    lines = []
    target = folder / template.name
    for number, line in enumerate(template.read_text(encoding="utf-8").split("\n"), start=1):
        for match in SLIP.finditer(line):
            slips.append(Slip(str(target), number, match.group(1), match.group(2), match.group(3)))
        lines.append(SLIP.sub(lambda match: match.group(1), line))
    target.write_text("\n".join(lines), encoding="utf-8")
    return slips


def measure(templates: list[Path]) -> dict[str, Counter[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "source"
        folder.mkdir()
        topics = "".join(f'[topics.{slug}]\nlabel = "{slug}"\n' for slug in TOPICS)
        (folder / "supportcards.toml").write_text(topics, encoding="utf-8")
        slips = [slip for template in templates for slip in write_chapter(template, folder)]
        project = load_project([folder])
        _, changes = normalize_project(project)
        findings = proofread_project(project)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    caught: set[Slip] = set()
    for slip in slips:
        counts[slip.rule]["slips"] += 1
    for change in changes:
        if change.rule not in NORMALIZER_RULES:
            continue
        match = next(
            (
                slip
                for slip in slips
                if (slip.path, slip.line) == (change.location.path, change.location.line)
                and (
                    (loose(slip.wrong) in loose(change.before) and loose(slip.right) in loose(change.after))
                    or (loose(change.before) in loose(slip.wrong) and loose(change.after) in loose(slip.right))
                )  # the change may be the slip's one word: "Quand" -> "Quant" in "Quand à" -> "Quant à"
            ),
            None,
        )
        counts[change.rule]["made"] += 1
        if match is None:
            counts[change.rule]["false"] += 1
            print(f"  false: {change}")
        else:
            caught.add(match)
            counts[change.rule]["right" if match.rule == change.rule else "other"] += 1
    for finding in findings:
        rule = "grammar" if finding.kind == "grammar" and finding.rule != "et-est" else finding.rule
        if rule == "unknown-word":
            close = finding.suggestions and slip_distance(finding.text, finding.suggestions[0]) <= CLOSE
            rule = "spelling" if close else "spelling-far"
        match = next(
            (
                slip
                for slip in slips
                if (slip.path, slip.line) == (finding.location.path, finding.location.line)
                and (loose(finding.text) in loose(slip.wrong) or loose(slip.wrong) in loose(finding.text))
            ),
            None,
        )
        counts[rule]["made"] += 1
        if match is None:
            counts[rule]["false"] += 1
            print(f"  false: {finding}")
            continue
        caught.add(match)
        counts[rule]["right" if match.rule == rule else "other"] += 1
        suggestion = finding.suggestions[0] if finding.suggestions else ""
        if loose(match.right).endswith(loose(suggestion)) and suggestion:
            counts[rule]["first"] += 1
    for slip in slips:
        if slip not in caught:
            print(f"  missed: {Path(slip.path).name}:{slip.line}: {slip.rule}: {slip.wrong!r} -> {slip.right!r}")
        else:
            counts[slip.rule]["caught"] += 1
    return counts


def table(counts: dict[str, Counter[str]]) -> str:
    rows = [
        "| rule | slips | caught | made | false | precision | first suggestion right |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for rule in sorted(counts):
        count = counts[rule]
        made = count["made"]
        precision = f"{(made - count['false']) / made:.0%}" if made else "–"
        first = f"{count['first']}/{made - count['false']}" if rule not in NORMALIZER_RULES and made else "–"
        rows.append(
            f"| {rule} | {count['slips']} | {count['caught']} | {made} | {count['false']} | {precision} | {first} |"
        )
    return "\n".join(rows)


def main() -> None:
    names = sys.argv[1:]
    templates = [HERE / name for name in names] if names else sorted(HERE.glob("*.md"))
    print(f"Grammalecte: {'yes' if engine_available() else 'no'}; chapters: {', '.join(t.name for t in templates)}")
    print(table(measure(templates)))


if __name__ == "__main__":
    main()
