"""The fast paths must give exactly what the plain path gives: worker processes and the cache.

(Speed itself is measured by `make bench`, not by tests.)
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from supportcards import batches, cards
from supportcards.cache import CACHE_DIR, BuildCache, RenderCache, fingerprint
from supportcards.cards import PARALLEL_FROM
from supportcards.cli import ProgressBar
from supportcards.errors import ParseError
from supportcards.parse import load_project
from supportcards.pipeline import build, render_project

PARALLEL_CHECK = """
import sys
sys.path.insert(0, {bench!r})
from generate import write
from supportcards.parse import load_project
from supportcards.cards import PARALLEL_FROM, render_project
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
    assert len(os.listdir(tmp_path / CACHE_DIR)) == 1  # one file per chapter
    notes = source_dir / "chapitre-02.md"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("- Gain de temps", "- Gain de temps\n- Et de l'argent"),
        encoding="utf-8",
    )
    rendered: list[str] = []
    real = cards.render_markdown

    def counting(text: str) -> str:
        rendered.append(text)
        return real(text)

    monkeypatch.setattr(cards, "render_markdown", counting)
    build([source_dir], tmp_path, timestamp=1_700_000_000)
    assert len(rendered) == 1 and "Et de l’argent" in rendered[0]


def test_cached_cards_give_what_rendering_gives_even_after_they_moved(source_dir: Path, tmp_path: Path) -> None:
    build([source_dir], tmp_path, timestamp=1_700_000_000)
    notes = source_dir / "chapitre-02.md"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("- Gain de temps", "- Gain de temps\n- Et plus"), "utf-8"
    )
    project = load_project([source_dir])
    entries = BuildCache.open(tmp_path, fingerprint(project.settings)).cards(str(notes))
    assert len(entries) == 13
    warm = render_project(project, cache=RenderCache(entries))
    cold = render_project(project)
    assert warm == cold  # every card below the edit moved one line down: its cached changes follow it


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
    notes = "".join(f"## Carte {number}\nRéponse {number}.\n\n" for number in range(12))
    folder = write_source({"chapitre-01.md": f"# Un\n\n{notes}", "chapitre-02.md": f"# Deux\n\n{notes}"})
    whole = build([folder], tmp_path / "whole", timestamp=1_700_000_000).outputs[0].read_bytes()
    (folder / "supportcards.lock").unlink()
    monkeypatch.setattr(batches, "BATCH_CARDS", 5)
    batched = build([folder], tmp_path / "batched", timestamp=1_700_000_000)
    assert batched.card_count == 24
    assert batched.outputs[0].read_bytes() == whole


TWO_CHAPTERS = {
    "chapitre-01.md": "# Un\n\n## SPOC\nUn point de contact unique.\n\n## Help-Desk\nAv:\n1. Rapide\n2. Simple\n",
    "chapitre-02.md": "# Deux\n\n## SLA\nUn contrat de service.\n\n## Hotline\nLa forme la plus simple.\n",
}


def test_a_rebuild_gives_what_a_cold_build_gives(write_source, tmp_path: Path) -> None:
    folder = write_source(TWO_CHAPTERS)
    build([folder], tmp_path / "warm", timestamp=1_700_000_000)
    first_lock = (folder / "supportcards.lock").read_bytes()
    edited = folder / "chapitre-01.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Rapide", "Rapide et poli"), encoding="utf-8")
    warm = build([folder], tmp_path / "warm", timestamp=1_800_000_000)
    warm_lock = (folder / "supportcards.lock").read_bytes()
    (folder / "supportcards.lock").write_bytes(first_lock)
    cold = build([folder], tmp_path / "cold", timestamp=1_800_000_000)
    assert warm.outputs[0].read_bytes() == cold.outputs[0].read_bytes()
    assert warm_lock == (folder / "supportcards.lock").read_bytes()
    assert (warm.corrections, warm.summary, warm.chapters) == (cold.corrections, cold.summary, cold.chapters)
    assert warm.summary == (f"changed: {edited}:6: Help-Desk",)


def test_an_unchanged_chapter_is_not_parsed_again(
    write_source, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_source(TWO_CHAPTERS)
    build([folder], tmp_path, timestamp=1_700_000_000)
    edited = folder / "chapitre-02.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n## Call-center\nBeaucoup d'appels.\n", "utf-8")
    parsed: list[str] = []
    real = batches.parse_chapter

    def counting(text: str, path: str, *args: object) -> object:
        parsed.append(Path(path).name)
        return real(text, path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(batches, "parse_chapter", counting)
    result = build([folder], tmp_path, timestamp=1_700_000_000)
    assert set(parsed) == {"chapitre-02.md"}
    assert result.card_count == 5 and result.summary == (f"added:   {edited}:9: Call-center",)


def test_a_damaged_or_foreign_cache_is_ignored(write_source, tmp_path: Path) -> None:
    folder = write_source(TWO_CHAPTERS)
    expected = build([folder], tmp_path / "cold", timestamp=1_700_000_000).outputs[0].read_bytes()
    build([folder], tmp_path / "warm", timestamp=1_700_000_000)
    files = sorted((tmp_path / "warm" / CACHE_DIR).iterdir())
    files[0].write_text('{"fingerprint": 1, "digest": 2, "complete": true}\n[[1, 2, 3]]', encoding="utf-8")
    files[1].write_bytes(b"\xff\x00 not json")
    again = build([folder], tmp_path / "warm", timestamp=1_700_000_000)
    assert again.outputs[0].read_bytes() == expected


def test_new_settings_are_not_taken_from_the_cache(write_source, tmp_path: Path) -> None:
    settings = '[deck]\nname = "Support"\n\n[topics.sla]\nlabel = "{}"\n'
    folder = write_source({"chapitre-01.md": "# Un\n@topics: sla\n\n## SLA\nUn contrat.\n"}, settings.format("SLA"))
    build([folder], tmp_path, timestamp=1_700_000_000)
    (folder / "supportcards.toml").write_text(settings.format("Service Level Agreement"), encoding="utf-8")
    result = build([folder], tmp_path, timestamp=1_700_000_000)
    assert result.summary == (f"changed: {folder / 'chapitre-01.md'}:4: SLA",)


def test_a_chapter_with_an_image_follows_the_image(write_source, tmp_path: Path) -> None:
    folder = write_source({"chapitre-01.md": "# Un\n\n## Schéma\n![schéma](spoc.png)\n"})
    (folder / "spoc.png").write_bytes(b"first image")
    first = build([folder], tmp_path, timestamp=1_700_000_000).outputs[0].read_bytes()
    (folder / "spoc.png").write_bytes(b"second image")
    second = build([folder], tmp_path, timestamp=1_700_000_000)
    assert second.outputs[0].read_bytes() != first
    assert second.summary == (f"changed: {folder / 'chapitre-01.md'}:3: Schéma",)


def test_the_cache_forgets_chapters_no_longer_built(write_source, tmp_path: Path) -> None:
    folder = write_source(TWO_CHAPTERS)
    build([folder], tmp_path, timestamp=1_700_000_000)
    assert len(os.listdir(tmp_path / CACHE_DIR)) == 2
    (folder / "chapitre-02.md").unlink()
    (tmp_path / CACHE_DIR / ".chapter.left-by-a-killed-build.part").write_text("[", encoding="utf-8")
    build([folder], tmp_path, timestamp=1_700_000_000)
    assert len(os.listdir(tmp_path / CACHE_DIR)) == 1


def test_a_cached_chapter_still_meets_a_duplicate_in_an_edited_one(write_source, tmp_path: Path) -> None:
    folder = write_source({"chapitre-01.md": "# Un\n\n## SLA\nUn contrat.\n",
                           "chapitre-02.md": "# Deux\n\n## SPOC\n@id: spoc\nUn point de contact.\n"})  # fmt: skip
    build([folder], tmp_path, timestamp=1_700_000_000)
    (folder / "chapitre-01.md").write_text("# Un\n\n## Le SPOC\n@id: spoc\nEncore lui.\n", encoding="utf-8")
    with pytest.raises(ParseError) as raised:
        build([folder], tmp_path, timestamp=1_700_000_000)
    # The second card, the one reported, is the cached chapter's: what the cache kept still says "@id".
    assert str(raised.value).startswith(
        f"{folder / 'chapitre-02.md'}:3: this card has the same @id as the card at {folder / 'chapitre-01.md'}:3"
    )


def test_per_chapter_packages_from_the_cache_are_the_same(write_source, tmp_path: Path) -> None:
    folder = write_source(TWO_CHAPTERS)
    cold = build([folder], tmp_path, timestamp=1_700_000_000, per_chapter=True)
    packages = [path.read_bytes() for path in cold.outputs]
    warm = build([folder], tmp_path, timestamp=1_700_000_000, per_chapter=True)
    assert [path.name for path in warm.outputs] == ["supportcards-01.apkg", "supportcards-02.apkg"]
    assert [path.read_bytes() for path in warm.outputs] == packages


GENERATE = """
import sys
sys.path.insert(0, {bench!r})
from generate import write
write({count}, __import__("pathlib").Path({folder!r}))
"""


def _children(parent: int) -> set[int]:
    """The processes whose parent is `parent` (from /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if entry.isdigit() and int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1]) == parent:
                found.add(int(entry))
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _temporaries(*folders: Path) -> list[str]:
    return sorted(path.name for folder in folders for path in folder.iterdir() if ".part" in path.name)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_build_leaves_no_worker_behind_and_the_next_build_tidies_up(tmp_path: Path, signum: int) -> None:
    """Killed while its workers render, a build used to leave them running for good (they hold
    both ends of their own pipes), and its temporary files in the output folder forever."""
    bench = str(Path(__file__).resolve().parent.parent / "bench")
    code = GENERATE.format(bench=bench, count=PARALLEL_FROM + 300, folder=str(tmp_path))
    subprocess.run([sys.executable, "-c", code], check=True)
    notes, out = tmp_path / "supportcards", tmp_path / "out"
    command = [sys.executable, "-m", "supportcards", "build", str(notes), "-o", str(out)]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    subprocess.run(command, check=True, capture_output=True, env=environment)
    (deck,) = out.glob("*.apkg")
    previous, lockfile = deck.read_bytes(), (notes / "supportcards.lock").read_bytes()
    shutil.rmtree(out / ".cache")  # so that the next build renders every card again, in workers
    errors = tmp_path / "stderr.txt"  # a file, not a pipe: workers left alive would hold a pipe open
    with errors.open("wb") as stream:
        build_process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stream, env=environment)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while not workers and build_process.poll() is None and time.monotonic() < deadline:
            workers = _children(build_process.pid)
            time.sleep(0.02)
        assert workers, "the build rendered no card in worker processes"
        build_process.send_signal(signum)
        status = build_process.wait(timeout=60)
        assert status == (-9 if signum == signal.SIGKILL else 128 + signum), errors.read_text()
        deadline = time.monotonic() + 10
        while any(map(_running, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(_running, workers)), "worker processes outlived the build"
    finally:
        for worker in workers:
            with contextlib.suppress(OSError):
                os.kill(worker, signal.SIGKILL)
    assert deck.read_bytes() == previous
    assert (notes / "supportcards.lock").read_bytes() == lockfile
    if signum == signal.SIGTERM:
        assert _temporaries(out, notes) == []
    live = out / f".{deck.name}.{os.getpid()}.abcdefgh.part"  # a concurrent build's, still under way
    live.write_bytes(b"")
    subprocess.run(command, check=True, capture_output=True, env=environment)
    assert _temporaries(out, notes) == [live.name]
