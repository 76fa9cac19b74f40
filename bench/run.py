"""The performance benchmark behind `make bench`: whole processes, medians, on synthetic cards.

For each deck size it measures, as separate processes on the same cards in the same run:

- supportcards, cold: no `build/` (so no cache) and no lockfile;
- supportcards, rebuild after editing one card (cache and lockfile from the cold build);
- ankdown (a Markdown-to-Anki tool on a C Markdown library), in a throwaway venv;
- a bare script: `markdown.markdown()` per card, then genanki (`bench/bare_genanki.py`);
- the floor of a rebuild (`bench/floor.py`): start-up, imports, one card rendered, and the package
  written anew from notes already in memory, with nothing read;
- `supportcards lint` over 1,000 and 10,000 cards, first run and second (findings cached per card);
  `--lint-only` measures just that.

Wall time is a median. Memory is sampled from /proc every 10 ms: peak RSS of the largest single
process, and peak total PSS of the process and its children (supportcards renders in worker
processes; PSS splits the pages they share with their parent instead of counting them twice). It prints a table and
writes it to `bench/README.md` with the targets of issue 9.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(HERE))

from generate import edit_one_card, write  # noqa: E402


def tree_memory(pid: int) -> tuple[int, int]:
    """Memory of a process and its descendants, in bytes: (total PSS, largest single RSS).

    The total counts each process's proportional set size (PSS): pages that forked workers share
    with their parent are split among them, where a sum of RSS would count them once per process.
    """
    total = largest = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text().splitlines()
            total += next(int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:"))
            largest = max(largest, next(int(line.split()[1]) * 1024 for line in rollup if line.startswith("Rss:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total, largest


def measure(command: list[str], cwd: Path | None = None) -> tuple[float, int, int]:
    """Run `command`; return its wall time (s), peak total PSS and peak single-process RSS (bytes)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_pss = peak_rss = 0
    while process.poll() is None:
        pss, rss = tree_memory(process.pid)
        peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
        time.sleep(0.01)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode() if process.stderr else ''}")
    return elapsed, peak_pss, peak_rss


def median_of(runs: int, prepare, command: list[str], cwd: Path | None = None) -> tuple[float, int, int]:  # type: ignore[no-untyped-def]
    times, pss, rss = [], [], []
    for _ in range(runs):
        prepare()
        elapsed, peak_pss, peak_rss = measure(command, cwd)
        times.append(elapsed)
        pss.append(peak_pss)
        rss.append(peak_rss)
    return statistics.median(times), max(pss), max(rss)


def ankdown_venv(folder: Path) -> Path:
    """A throwaway venv with ankdown (created once, under bench/.venv-ankdown)."""
    ankdown = folder / "bin" / "ankdown"
    if not ankdown.exists():
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        subprocess.run([folder / "bin" / "pip", "install", "--quiet", "ankdown"], check=True)
    return ankdown


def bench_size(count: int, runs: int, work: Path, ankdown: Path) -> dict[str, tuple[float, int, int]]:
    ours, theirs = write(count, work / str(count))
    out = work / f"out-{count}"
    lock = ours / "supportcards.lock"
    build = [str(BIN / "supportcards"), "build", str(ours), "-o", str(out)]

    def cold() -> None:
        shutil.rmtree(out, ignore_errors=True)
        lock.unlink(missing_ok=True)

    results = {"cold": median_of(runs, cold, build)}
    chapter = ours / "chapitre-001.md"
    original = chapter.read_text(encoding="utf-8")
    edits = iter(range(1_000_000))

    def edit() -> None:
        chapter.write_text(edit_one_card(original, f"(modifié {next(edits)})"), encoding="utf-8")

    results["rebuild"] = median_of(runs, edit, build)
    chapter.write_text(original, encoding="utf-8")
    results["ankdown"] = median_of(
        runs, lambda: None, [str(ankdown), "-r", str(theirs), "-p", str(work / f"ankdown-{count}.apkg")], cwd=work
    )
    results["bare"] = median_of(
        runs,
        lambda: None,
        [sys.executable, str(HERE / "bare_genanki.py"), str(theirs), str(work / f"bare-{count}.apkg")],
    )
    results["floor"] = median_of(
        runs, lambda: None, [sys.executable, str(HERE / "floor.py"), str(count), str(work / f"floor-{count}.apkg")]
    )
    return results


def bench_lint(count: int, work: Path) -> tuple[float, float]:
    """`supportcards lint` over `count` cards: first run (no findings cache), then a second run."""
    ours, _ = write(count, work / f"lint-{count}")
    cwd = work / f"lint-run-{count}"
    cwd.mkdir(exist_ok=True)
    lint = [str(BIN / "supportcards"), "lint", str(ours)]
    shutil.rmtree(cwd / "build", ignore_errors=True)
    first = measure(lint, cwd)[0]
    second = measure(lint, cwd)[0]
    return first, second


def lint_table(sizes: list[int]) -> str:
    """Lint times, first and second run; the proofreader's findings are cached per card."""
    sys.path.insert(0, str(ROOT))
    from supportcards.proofread import engine_available

    with tempfile.TemporaryDirectory(prefix="supportcards-bench-lint-") as folder:
        times = {count: bench_lint(count, Path(folder)) for count in sizes}
    engine = "with Grammalecte" if engine_available() else "without Grammalecte (spelling only)"
    rows = [f"`supportcards lint`, {engine}:", "", "| N | first run (s) | second run, cached (s) | cards/s, first |"]
    rows.append("|---:|---:|---:|---:|")
    for count, (first, second) in times.items():
        rows.append(f"| {count:,} | {first:.2f} | {second:.2f} | {count / first:,.0f} |")
    return "\n".join(rows)


def write_block(name: str, table: str) -> None:
    """Put `table` between this block's markers in bench/README.md (appended the first time)."""
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\nMachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}.\n\n{table}\n{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text += "\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


def quick(command: list[str], runs: int, cwd: Path | None = None) -> float:
    return statistics.median(measure(command, cwd)[0] for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (the median is kept)")
    parser.add_argument("--write", action="store_true", help="write the table to bench/README.md")
    parser.add_argument("--lint-sizes", type=int, nargs="*", default=[1_000, 10_000], help="cards for the lint rows")
    parser.add_argument("--lint-only", action="store_true", help="measure lint only")
    arguments = parser.parse_args()

    if arguments.lint_sizes:
        lint_rows = lint_table(arguments.lint_sizes)
        print(lint_rows)
        if arguments.write:
            write_block("bench-lint", lint_rows)
    if arguments.lint_only:
        return

    ankdown = ankdown_venv(HERE / ".venv-ankdown")
    rows = []
    with tempfile.TemporaryDirectory(prefix="supportcards-bench-") as folder:
        work = Path(folder)
        results = {count: bench_size(count, arguments.runs, work, ankdown) for count in arguments.sizes}
    help_time = quick([str(BIN / "supportcards"), "--help"], 10)
    deck_time = quick(["make", "--no-print-directory", "deck", "OUTDIR=" + tempfile.mkdtemp()], 5, cwd=ROOT)

    header = (
        "| N | build | wall (s) | peak RSS (MB) | peak PSS, with workers (MB) | cards/s | / ankdown | / bare genanki |"
    )
    rows = [header, "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for count, measured in results.items():
        ankdown_time, bare_time = measured["ankdown"][0], measured["bare"][0]
        for name in ("cold", "rebuild", "floor", "ankdown", "bare"):
            elapsed, peak, largest = measured[name]
            label = {"cold": "supportcards, cold", "rebuild": "supportcards, 1 card edited",
                     "floor": "floor of a rebuild (`floor.py`)", "ankdown": "ankdown",
                     "bare": "markdown + genanki script"}[name]  # fmt: skip
            rows.append(
                f"| {count:,} | {label} | {elapsed:.2f} | {largest / 2**20:.0f} | {peak / 2**20:.0f} "
                f"| {count / elapsed:,.0f} | {elapsed / ankdown_time:.2f} | {elapsed / bare_time:.2f} |"
            )
    sizes = sorted(results)
    targets = []
    if sizes:
        small = results[sizes[0]]
        targets.append(("cold build ≤ 1.3 × ankdown", small["cold"][0] / small["ankdown"][0], 1.3))
        targets.append(("rebuild after 1 edit ≤ 0.33 × ankdown", small["rebuild"][0] / small["ankdown"][0], 0.33))
    if len(sizes) > 1:
        large = results[sizes[-1]]
        growth = large["cold"][0] / results[sizes[0]]["cold"][0]
        targets.append((f"{sizes[-1]:,} cards ≤ 11 × the {sizes[0]:,}-card time", growth, 11))
        targets.append(
            (f"peak memory (PSS, with workers) at {sizes[-1]:,} cards ≤ 250 MB", large["cold"][1] / 2**20, 250)
        )
    targets.append(("`supportcards --help` < 0.15 s", help_time, 0.15))
    targets.append(("`make deck` (chapter 2, ready venv) < 1 s", deck_time, 1.0))
    lines = ["", "| target | measured | met |", "|---|---:|:---:|"]
    lines += [f"| {name} | {value:.2f} | {'yes' if value <= limit else 'no'} |" for name, value, limit in targets]
    table = "\n".join(rows + lines)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n\n{table}")
    if arguments.write:
        write_block("bench", table)


if __name__ == "__main__":
    main()
