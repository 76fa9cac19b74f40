"""The fast paths must give exactly what the plain path gives: worker processes and the cache.

(Speed itself is measured by `make bench`, not by tests.)
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from supportcards import pipeline
from supportcards.cache import CACHE_FILE, RenderCache, fingerprint
from supportcards.cli import ProgressBar
from supportcards.parse import load_project
from supportcards.pipeline import build, render_project

PARALLEL_CHECK = """
import sys
sys.path.insert(0, {bench!r})
from generate import write
from supportcards.parse import load_project
from supportcards.pipeline import PARALLEL_FROM, render_project
ours, _ = write(PARALLEL_FROM + 300, __import__("pathlib").Path({folder!r}))
project = load_project([ours])
parallel = render_project(project, workers=2)
serial = render_project(project, workers=1)
assert len(parallel[0]) == PARALLEL_FROM + 300
assert parallel == serial, "the worker processes rendered differently"
print("same")
"""


def test_worker_processes_render_exactly_like_one_process(tmp_path: Path) -> None:
    # In a fresh interpreter: forking this test process (which may run Anki's threads) is unsafe.
    bench = str(Path(__file__).resolve().parent.parent / "bench")
    code = PARALLEL_CHECK.format(bench=bench, folder=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "same"


def test_a_rebuild_takes_unchanged_cards_from_the_cache(
    source_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build([source_dir], tmp_path, timestamp=1_700_000_000)
    assert (tmp_path / CACHE_FILE).exists()
    notes = source_dir / "chapitre-02.md"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("- Gain de temps", "- Gain de temps\n- Et de l'argent"),
        encoding="utf-8",
    )
    rendered: list[str] = []
    real = pipeline.render_markdown

    def counting(text: str) -> str:
        rendered.append(text)
        return real(text)

    monkeypatch.setattr(pipeline, "render_markdown", counting)
    build([source_dir], tmp_path, timestamp=1_700_000_000)
    assert len(rendered) == 1 and "Et de l’argent" in rendered[0]


def test_cached_cards_give_what_rendering_gives_even_after_they_moved(source_dir: Path, tmp_path: Path) -> None:
    build([source_dir], tmp_path, timestamp=1_700_000_000)
    notes = source_dir / "chapitre-02.md"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("- Gain de temps", "- Gain de temps\n- Et plus"), "utf-8"
    )
    project = load_project([source_dir])
    cache = RenderCache.load(tmp_path, fingerprint(project.settings.corrections_path))
    warm = render_project(project, cache=cache)
    cold = render_project(project)
    assert warm == cold  # every card below the edit moved one line down: its cached changes follow it
    cache.discard()


def test_the_cache_gives_the_same_package_as_a_cold_build(source_dir: Path, tmp_path: Path) -> None:
    cold = build([source_dir], tmp_path / "a", timestamp=1_700_000_000)
    package = cold.outputs[0].read_bytes()
    warm = build([source_dir], tmp_path / "a", timestamp=1_700_000_000)
    assert warm.corrections == cold.corrections
    assert warm.outputs[0].read_bytes() == package


def test_another_corrections_table_invalidates_the_cache(source_dir: Path, tmp_path: Path) -> None:
    first = build([source_dir], tmp_path, timestamp=1_700_000_000)
    table = source_dir / "corrections.toml"
    table.write_text(table.read_text(encoding="utf-8") + '\n[extra]\n"piquet" = "piquet de garde"\n', encoding="utf-8")
    assert build([source_dir], tmp_path, timestamp=1_700_000_000).corrections > first.corrections


def test_progress_hears_every_card_once(source_dir: Path, tmp_path: Path) -> None:
    heard: list[tuple[int, int]] = []
    build([source_dir], tmp_path, timestamp=1_700_000_000, progress=lambda done, total: heard.append((done, total)))
    assert sum(done for done, _ in heard) == 13 and {total for _, total in heard} == {13}
    heard.clear()
    build([source_dir], tmp_path, timestamp=1_700_000_000, progress=lambda done, total: heard.append((done, total)))
    assert heard == [(13, 13)]  # all from the cache


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_cli_shows_a_progress_bar_only_on_a_terminal_for_long_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    short = ProgressBar()
    short(5, 13)
    short.close()
    assert terminal.getvalue() == ""
    long = ProgressBar()
    for _ in range(4):
        long(500, 2000)
    long.close()
    assert "cards" in terminal.getvalue() and "100%" in terminal.getvalue()
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    piped = ProgressBar()
    piped(2000, 2000)
    assert piped.bar is None


def test_building_in_small_batches_gives_the_same_package(
    write_source, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cards = "".join(f"## Carte {number}\nRéponse {number}.\n\n" for number in range(12))
    folder = write_source({"chapitre-01.md": f"# Un\n\n{cards}", "chapitre-02.md": f"# Deux\n\n{cards}"})
    whole = build([folder], tmp_path / "whole", timestamp=1_700_000_000).outputs[0].read_bytes()
    (folder / "supportcards.lock").unlink()
    monkeypatch.setattr(pipeline, "BATCH_CARDS", 5)
    batched = build([folder], tmp_path / "batched", timestamp=1_700_000_000)
    assert batched.card_count == 24
    assert batched.outputs[0].read_bytes() == whole
