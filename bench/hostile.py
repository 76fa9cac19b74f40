"""How the normalizer and the renderer scale on hostile cards (issue 17, item 11): part of `make bench`.

Each case is timed at a size and at twice that size; the ratio of the two times is about 2 for a
linear stage and about 4 for a quadratic one. The normalizer used to count the lines before every
change (`fixed[:offset].count("\\n")`): a 1 MB line took 55 s, 5 MB minutes. Python-Markdown and
nh3 are measured too, to show what remains outside supportcards' own code.

    .venv/bin/python bench/hostile.py            # the table
    .venv/bin/python bench/hostile.py --scale 4  # four times larger inputs
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from supportcards.model import Card, Location
from supportcards.normalize import default_normalizer, normalize_card
from supportcards.render import render_markdown

SENTENCE = "Le support répond : vite ; bien ! "
CASES: dict[str, Callable[[int], str]] = {
    "one long line (chars)": lambda n: SENTENCE * (n // len(SENTENCE)),
    "many short lines (chars)": lambda n: (SENTENCE.strip() + "\n") * (n // len(SENTENCE)),
    "'<' without '>'": lambda n: "<" * n,
    "unclosed '\\('": lambda n: "\\(" * n,
    "'*'": lambda n: "*" * n,
    "'a*'": lambda n: "a*" * n,
}
SIZES = {  # (normalizer size, renderer size): the renderer's libraries are slower on some cases
    "one long line (chars)": (1_000_000, 200_000),
    "many short lines (chars)": (1_000_000, 100_000),
    "'<' without '>'": (20_000, 20_000),
    "unclosed '\\('": (20_000, 20_000),
    "'*'": (20_000, 20_000),
    "'a*'": (20_000, 20_000),
}


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def normalized(text: str) -> str:
    return normalize_card(Card("F", text, Location("bench.md", 1), 2))[0].back


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every input size")
    scale = parser.parse_args().scale
    default_normalizer()
    render_markdown("*warm*")
    print(f"{'case':<26} {'stage':<10} {'size':>10} {'time':>8} {'2x size':>8} {'ratio':>6}")
    for name, make in CASES.items():
        for stage, size in zip(("normalize", "render"), SIZES[name], strict=True):
            size = int(size * scale)
            run = normalized if stage == "normalize" else render_markdown
            small, large = make(size), make(2 * size)
            once = seconds(lambda text=small, run=run: run(text))
            twice = seconds(lambda text=large, run=run: run(text))
            ratio = twice / once if once > 0.001 else float("nan")
            print(f"{name:<26} {stage:<10} {size:>10,} {once:>7.2f}s {twice:>7.2f}s {ratio:>6.1f}", flush=True)


if __name__ == "__main__":
    main()
