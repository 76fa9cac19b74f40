"""Where a build's time goes, stage by stage, on synthetic cards (one process, one core).

    python bench/stages.py 10000

Complements `run.py`: it explains the totals that `make bench` measures.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write


def main(count: int) -> None:
    started = time.perf_counter()
    import genanki  # noqa: F401
    import markdown  # noqa: F401

    from supportcards.export import build_package, package_media, write_apkg
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
        from supportcards.pipeline import render_project

        rendered, _ = render_project(project, workers=1)
        plan = stage("lockfile plan (content hashes)", lambda: plan_build(rendered, Lockfile(), 1.7e9, "Banc"))
        package = stage("genanki objects", lambda: build_package(rendered, "Banc"))
        stage(
            "genanki database + zip",
            lambda: write_apkg(package, Path(folder) / "out.apkg", 1.7e9, plan.mods, package_media(rendered)),
        )
    width = max(len(name) for name, _ in timings)
    for name, seconds in timings:
        print(f"{name:<{width}}  {seconds:6.2f} s  {seconds / count * 1e6:7.1f} µs/card")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
