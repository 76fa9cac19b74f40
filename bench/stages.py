"""Where a build's time goes, stage by stage, on synthetic cards.

    python bench/stages.py 10000            # a cold build's stages, one process, one core
    python bench/stages.py 10000 --rebuild  # a rebuild after one edit, profiled with cProfile

Complements `run.py`: it explains the totals that `make bench` measures.
"""

from __future__ import annotations

import argparse
import gc
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import edit_one_card, write  # noqa: E402


def cold_stages(count: int) -> None:
    started = time.perf_counter()
    import genanki  # noqa: F401
    import markdown  # noqa: F401

    from supportcards.lock import Lockfile, plan_build
    from supportcards.normalize import normalize_card, project_normalizer
    from supportcards.parse import load_project
    from supportcards.render import render_inline, render_markdown

    timings = [("import genanki, markdown, supportcards", time.perf_counter() - started)]
    gc.disable()
    with tempfile.TemporaryDirectory() as folder:
        ours, _ = write(count, Path(folder))

        def stage(name, work):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            result = work()
            timings.append((name, time.perf_counter() - start))
            return result

        project = stage("parse", lambda: load_project([ours]))
        normalizer = project_normalizer(project)
        cards = [card for chapter in project.chapters for card in chapter.cards]
        fixed = stage("normalize (rules)", lambda: [normalize_card(card, normalizer)[0] for card in cards])
        stage("render fronts", lambda: [render_inline(card.front) for card in fixed])
        stage("render backs (Python-Markdown + nh3)", lambda: [render_markdown(card.back) for card in fixed])
        from supportcards.cards import render_project
        from supportcards.pipeline import write_deck

        rendered, _ = render_project(project, workers=1)
        plan = stage("lockfile plan (content hashes)", lambda: plan_build(rendered, Lockfile(), 1.7e9, "Banc"))
        mods = {entry.guid: entry.mod for entry in plan.lockfile.entries}
        stage(
            "package: genanki collection, notes in batches, zip",
            lambda: write_deck(rendered, "Banc", Path(folder) / "out.apkg", 1.7e9, mods),
        )
    width = max(len(name) for name, _ in timings)
    for name, seconds in timings:
        print(f"{name:<{width}}  {seconds:6.2f} s  {seconds / count * 1e6:7.1f} µs/card")


PROFILED_BUILD = """
import cProfile, sys
sys.argv = ["supportcards", "build", {source!r}, "-o", {out!r}]
cProfile.run("from supportcards.cli import main; main(standalone_mode=False)", {stats!r})
"""

REBUILD_STAGES = [
    ("import genanki (its `cached_property` imports asyncio)", "genanki/__init__.py", "<module>"),
    ("read the notes and the cache's chapter headers", "supportcards/batches.py", "chapter_sources"),
    ("load the unchanged chapters' notes from the cache", "supportcards/cache.py", "notes"),
    ("parse, normalize and render the edited chapter, and cache it", "supportcards/batches.py", "_rendered_batch"),
    ("  of which: import Python-Markdown and build its parser", "supportcards/render.py", "_markdown"),
    ("  of which: write the edited chapter to the cache", "supportcards/cache.py", "store"),
    ("read the lockfile", "supportcards/lock.py", "read_lockfile"),
    ("plan the lockfile (one entry per note)", "supportcards/lock.py", "add"),
    ("write the lockfile", "supportcards/lock.py", "write_lockfile"),
    ("package: genanki writes the collection, note type and decks", "supportcards/export.py", "__init__"),
    ("package: notes and cards into SQLite (executemany)", "supportcards/export.py", "add"),
    ("package: zip the collection", "supportcards/export.py", "finish"),
]


def rebuild_profile(count: int) -> None:
    """Profile a whole `supportcards build` process after one card of `count` was edited."""
    with tempfile.TemporaryDirectory() as folder:
        ours, _ = write(count, Path(folder))
        out, stats = Path(folder) / "out", Path(folder) / "rebuild.prof"
        command = [str(Path(sys.executable).parent / "supportcards"), "build", str(ours), "-o", str(out)]
        subprocess.run(command, check=True, capture_output=True)
        chapter = ours / "chapitre-001.md"
        original = chapter.read_text(encoding="utf-8")
        chapter.write_text(edit_one_card(original, "(modifié)"), encoding="utf-8")
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        wall = time.perf_counter() - started
        chapter.write_text(original, encoding="utf-8")
        subprocess.run(command, check=True, capture_output=True)
        chapter.write_text(edit_one_card(original, "(modifié)"), encoding="utf-8")
        code = PROFILED_BUILD.format(source=str(ours), out=str(out), stats=str(stats))
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        functions = pstats.Stats(str(stats)).stats  # type: ignore[attr-defined]

    def cumulative(file: str, function: str) -> float:
        return max(
            (seconds for (path, _, name), (_, _, _, seconds, _) in functions.items()
             if path.endswith(file) and name == function),
            default=0.0,
        )  # fmt: skip

    total = max(seconds for _, _, _, seconds, _ in functions.values())
    print(f"Rebuild after editing 1 card of {count:,}: {wall:.2f} s wall; under cProfile {total:.2f} s, of which:\n")
    print("| stage | s (cProfile, cumulative) |\n|---|---:|")
    outside = total - cumulative("supportcards/pipeline.py", "build")
    print(f"| click and supportcards' own imports, arguments, report (outside `build`) | {outside:.3f} |")
    for label, file, function in REBUILD_STAGES:
        print(f"| {label} | {cumulative(file, function):.3f} |")
    print("\n(Python's own start-up, about 0.03 s, comes before the profile starts.)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int, nargs="?", default=10_000)
    parser.add_argument("--rebuild", action="store_true", help="profile a rebuild after one edit instead")
    arguments = parser.parse_args()
    if arguments.rebuild:
        rebuild_profile(arguments.count)
    else:
        cold_stages(arguments.count)


if __name__ == "__main__":
    main()
