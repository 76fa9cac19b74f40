"""Preview: the cards as Anki shows them, in one page; checked in a real headless Chromium."""

from __future__ import annotations

import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from supportcards.cli import main
from supportcards.preview import build_preview, fill_template

CHROMIUM = next(
    (path for name in ("chromium", "chromium-browser", "google-chrome") if (path := shutil.which(name))), None
)
SCREENSHOTS = ROOT / "build"


def test_templates_are_filled_like_anki_fills_them() -> None:
    template = "{{Front}}{{#Topics}} · {{Topics}}{{/Topics}}|{{#Reverse}}R{{/Reverse}}"
    assert fill_template(template, {"Front": "A", "Topics": "SLA", "Reverse": ""}) == "A · SLA|"
    assert fill_template(template, {"Front": "A", "Topics": " ", "Reverse": "1"}) == "A|R"


@pytest.fixture
def chapter_2_preview(source_dir: Path, tmp_path: Path) -> str:
    target, cards, corrections = build_preview([str(source_dir)], tmp_path / "preview.html")
    assert (cards, corrections) == (13, 60)
    return target.read_text(encoding="utf-8")


def test_the_preview_shows_every_card_grouped_by_chapter_and_topic(chapter_2_preview: str) -> None:
    assert chapter_2_preview.count('<article class="entry"') == 13
    assert "<h2>Chapitre 2 — Organisation du support</h2>" in chapter_2_preview
    headings = re.findall(r"<h3>(.*?)</h3>", chapter_2_preview)
    assert headings == [
        "Formes d’organisation",
        "SLA et qualité de service",
        "Outils",
        "Compétences",
        "Service de piquet",
    ]


def test_the_preview_shows_the_corrections_with_their_lines(chapter_2_preview: str) -> None:
    assert (
        '<li><span class="where">ligne 10</span> <span class="rule">spelling</span> '
        "<del>solicités</del> → <ins>sollicités</ins></li>"
    ) in chapter_2_preview
    assert "<del>Citez 2 compétences techniques</del> → <ins>Citez 2 compétences sociales</ins>" in chapter_2_preview


def test_the_preview_is_self_contained(chapter_2_preview: str) -> None:
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", chapter_2_preview)
    assert "<link" not in chapter_2_preview and "<script src" not in chapter_2_preview
    assert 'lang="fr"' in chapter_2_preview


def test_images_are_embedded(write_source, tmp_path: Path) -> None:
    folder = write_source({"a.md": "# A\n## Schéma\n![x](pixel.png)\n"})
    (folder / "pixel.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    target, _, _ = build_preview([str(folder)], tmp_path / "p.html")
    assert 'src="data:image/png;base64,iVBORw0KGgpmYWtl"' in target.read_text(encoding="utf-8")


def test_cli_preview_writes_the_page(source_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["preview", str(source_dir), "-o", str(tmp_path / "p.html")])
    assert result.exit_code == 0
    assert result.output == f"wrote {tmp_path / 'p.html'} (13 cards, 60 corrections)\n"


def test_watch_rebuilds_when_a_source_file_is_saved(source_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "p.html"
    command = [sys.executable, "-m", "supportcards", "preview", "--watch", str(source_dir), "-o", str(target)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None and process.stderr is not None
        output = process.stdout
        lines: queue.Queue[str] = queue.Queue()

        def read() -> None:
            for line in output:
                lines.put(line)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        try:
            assert lines.get(timeout=30).startswith(f"wrote {target}")
            notes = source_dir / "chapitre-02.md"
            text = notes.read_text(encoding="utf-8").replace("Gain de temps", "Gain de temps fou")
            # The watcher starts a moment after the first build: save until it sees a save, as an
            # editor would (a fixed sleep was too short on a loaded machine).
            line = ""
            for _ in range(30):
                notes.write_text(text, "utf-8")
                try:
                    line = lines.get(timeout=2)
                    break
                except queue.Empty:
                    continue
            assert re.match(rf"\d\d:\d\d:\d\d rebuilt {re.escape(str(target))} \(13 cards", line), line
            assert "Gain de temps fou" in target.read_text(encoding="utf-8")
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()  # else Popen's exit waits for ever and the whole run hangs
                process.wait()
                pytest.fail("preview --watch did not stop on Ctrl-C (SIGINT) within 30 s")
            reader.join(timeout=10)
        errors = process.stderr.read()
    assert process.returncode == 0, errors
    assert "watching" in errors and "stopped" in errors


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium): browser test not run")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield chromium
        chromium.close()


@pytest.mark.parametrize(("name", "width"), [("phone", 375), ("desktop", 1280)])
def test_in_chromium_every_card_is_there_and_nothing_overflows(
    browser, source_dir: Path, tmp_path: Path, name: str, width: int
) -> None:
    target, _, _ = build_preview([str(source_dir)], tmp_path / "preview.html")
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(target.resolve().as_uri())
    assert page.locator("article.entry").count() == 13
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    overflowing = page.evaluate(
        "Array.from(document.querySelectorAll('.side, .entry')).filter(e => e.scrollWidth > e.clientWidth + 1).length"
    )
    assert overflowing == 0
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"preview-{name}.png"))
    page.click("#theme")
    assert page.evaluate("document.body.classList.contains('nightMode')")
    page.screenshot(path=str(SCREENSHOTS / f"preview-{name}-dark.png"))
    page.fill("#search", "piquet")
    assert page.locator("article.entry:visible").count() == 1
    assert page.inner_text("#shown") == "1"
    page.close()


def test_a_list_card_shows_one_panel_per_item_as_anki_numbers_them(chapter_2_preview: str) -> None:
    entries = chapter_2_preview.split('<article class="entry"')
    (spoc,) = [entry for entry in entries if "SPOC (Single Point of Contact)</div>" in entry]
    assert [int(number) for number in re.findall(r'<div class="sides" data-cloze=(\d+)>', spoc)] == list(range(1, 8))
    assert spoc.count("[...]") == 7  # each panel hides its own item, and only it


@pytest.mark.parametrize(("name", "width"), [("phone", 375), ("desktop", 1280)])
def test_in_chromium_list_cards_fit_and_follow_night_mode(
    browser, source_dir: Path, tmp_path: Path, name: str, width: int
) -> None:
    target, _, _ = build_preview([str(source_dir)], tmp_path / "preview.html")
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(target.resolve().as_uri())
    panels = page.locator(".sides[data-cloze]")
    assert panels.count() == 32  # chapter 2's seven list cards
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    overflowing = page.evaluate(
        "Array.from(document.querySelectorAll('.sides[data-cloze] .side'))"
        ".filter(e => e.scrollWidth > e.clientWidth + 1).length"
    )
    assert overflowing == 0
    color = "getComputedStyle(document.querySelector('.sides[data-cloze] .cloze')).color"
    page.evaluate("document.body.classList.remove('nightMode', 'night_mode')")
    light = page.evaluate(color)
    panels.first.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"preview-lists-{name}.png"))
    page.click("#theme")
    assert page.evaluate("document.body.classList.contains('nightMode')")
    assert page.evaluate(color) == "rgb(127, 178, 229)" != light  # the night accent
    page.screenshot(path=str(SCREENSHOTS / f"preview-lists-{name}-dark.png"))
    page.close()


def test_in_chromium_an_overlapping_card_from_anki_shows_only_the_item_before(
    browser, write_source, tmp_path: Path
) -> None:
    """Anki's own question for item 3 of an overlapping list, in Chromium with the note type's CSS:
    item 2 is shown, items 1 and 4 are '…', item 3 is asked; the answer shows every item."""
    from anki_helpers import import_package, open_collection

    from supportcards.pipeline import build

    notes = "# Étapes\n\n## Les étapes d’un ticket\n@cloze: chevauchant\n1. Ouvrir\n2. Trier\n3. Traiter\n4. Clore\n"
    folder = write_source({"chapitre-05.md": notes})
    package = build([folder], tmp_path / "out", timestamp=1_700_000_000).outputs[0]
    collection = open_collection(tmp_path / "anki")
    import_package(collection, package)
    (note_id,) = collection.find_notes("")
    card = next(card for card in collection.get_note(note_id).cards() if card.ord == 2)
    question, answer = card.question(), card.answer()
    collection.close()
    page = browser.new_page(viewport={"width": 375, "height": 700})
    shown = "Array.from(document.querySelectorAll('.cloze-text li')).map(li => li.innerText.trim())"
    after = "Array.from(document.querySelectorAll('.cloze-text li')).map(li => getComputedStyle(li, '::after').content)"
    page.set_content(f'<body class="card">{question}</body>')
    assert page.evaluate(shown) == ["", "Trier", "[...]", ""]  # the hidden items show only their "…"
    assert page.evaluate(after) == ['"…"', "none", "none", '"…"']
    page.set_content(f'<body class="card nightMode">{answer}</body>')
    assert page.evaluate(shown) == ["Ouvrir", "Trier", "Traiter", "Clore"]
    assert set(page.evaluate(after)) == {"none"}
    page.close()
