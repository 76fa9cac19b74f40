"""Bad input, hostile HTML and crash safety: a clear message, never a traceback, never a lost deck."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

import pytest
from anki_helpers import import_package, notes, open_collection
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportcards import export
from supportcards.cli import main
from supportcards.errors import SupportcardsError
from supportcards.model import Project, Settings
from supportcards.parse import decode_source, parse_chapter
from supportcards.pipeline import build, render_project
from supportcards.render import render_markdown, sanitize


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def write_bytes(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder


CASES = [
    ("empty.md", b"", "empty.md:1: empty file"),
    ("nocard.md", b"# Titre\n\nDu texte sans carte.\n", "nocard.md:3: text before the first card"),
    ("before.md", b"# T\nIntro\n## F\nA\n", "before.md:2: text before the first card belongs to no card"),
    ("noanswer.md", b"# T\n## F\n\n## G\nA\n", "noanswer.md:2: the card 'F' has no answer"),
    ("dupes.md", b"# T\n## Hotline\nA\n## Hotline\nB\n", "dupes.md:4: this card has the same front"),
    ("latin1.md", "# T\n## Qualité\nA\n".encode("latin-1"), "latin1.md:2:10: this file is not UTF-8 text"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.md:1: this is a binary file"),
    ("image.md", b"# T\n## F\n![x](nope.png)\n", "image.md:3: image not found: nope.png"),
]


@pytest.mark.parametrize(("name", "data", "message"), CASES, ids=[case[0] for case in CASES])
def test_bad_input_is_one_clear_message_and_exit_1(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    folder = write_bytes(tmp_path / "source", name, data)
    result = run("build", str(folder), "-o", str(tmp_path / "build"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{folder}/{message}")
    assert "Traceback" not in result.output
    assert not (tmp_path / "build").exists()


def test_not_utf8_suggests_resaving(tmp_path: Path) -> None:
    folder = write_bytes(tmp_path / "s", "a.md", "# Été\n".encode("cp1252"))
    assert "hint: re-save it as UTF-8" in run("build", str(folder)).stderr


def test_a_missing_source_and_an_unwritable_output_are_exit_1(tmp_path: Path, source_dir: Path) -> None:
    missing = run("build", str(tmp_path / "nowhere"))
    assert (missing.exit_code, missing.stderr) == (1, f"{tmp_path / 'nowhere'}:1: no such file or folder\n")
    (tmp_path / "file").write_text("x")
    blocked = run("build", str(source_dir), "-o", str(tmp_path / "file" / "build"))
    assert blocked.exit_code == 1
    assert blocked.stderr == f"{tmp_path / 'file' / 'build'}: cannot write here (Not a directory)\n"


def test_debug_shows_the_traceback() -> None:
    result = CliRunner().invoke(main, ["--debug", "build", "/nonexistent/notes"])
    assert result.exit_code == 1
    assert isinstance(result.exception, SupportcardsError)


def test_bom_crlf_lone_cr_tabs_and_nfd_make_the_same_deck(tmp_path: Path) -> None:
    clean = "# Chapitre\n\n## Qualité\nLes indicateurs\tsont\n- Disponibilité\n- Réaction\n"
    messy = "\ufeff" + unicodedata.normalize("NFD", clean).replace("\n", "\r\n", 3).replace("\n", "\r")
    folders = [write_bytes(tmp_path / kind, "a.md", text.encode()) for kind, text in (("c", clean), ("m", messy))]
    decks = []
    for folder in folders:
        output = build([folder], tmp_path / f"out-{folder.name}", timestamp=1_700_000_000).outputs[0]
        collection = open_collection(tmp_path / f"anki-{folder.name}")
        import_package(collection, output)
        decks.append([(note.guid, note.fields["Front"], note.fields["Back"]) for note in notes(collection)])
        collection.close()
    assert decks[0] == decks[1]
    ((_, front, back),) = decks[0]
    assert front == "Qualité" and unicodedata.is_normalized("NFC", back)
    assert back.startswith("<p>Les indicateurs sont&nbsp;:</p>\n<ul>")


def test_a_very_long_line_builds(tmp_path: Path) -> None:
    line = "Le support répond : vite ; bien ! " * 6000  # about 200,000 characters
    folder = write_bytes(tmp_path / "s", "a.md", f"# T\n## Long\n{line}\n".encode())
    result = build([folder], tmp_path / "out", timestamp=1_700_000_000)
    assert result.card_count == 1


HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<img src=x:alert(1) onerror=eval(src)>",
    '<img src="javascript:alert(1)">',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    '<img src="https://evil.example/track.png">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "[x](javascript:alert(1))",
    "![x](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<svg onload="alert(1)"><circle/></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<form action="javascript:alert(1)"><input type="submit"></form>',
    '<body onload="alert(1)">',
    '<details open ontoggle="alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<p onmouseover=alert(1)>survol</p>",
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<!--<script>alert(1)</script>-->",
    '<a href="vbscript:msgbox(1)">x</a>',
]
FORBIDDEN = ("<script", "onerror", "onload", "onmouseover", "ontoggle", "javascript:", "vbscript:", "data:",
             "<iframe", "<style", "<object", "<embed", "<svg", "<math", "<form", "<meta", "<base", "<link",
             "evil.example", "style=")  # fmt: skip


@pytest.mark.parametrize("hostile", HOSTILE)
def test_known_xss_vectors_never_reach_a_card(hostile: str) -> None:
    html = render_markdown(f"Texte\n\n{hostile}\n\nFin").lower()
    assert [word for word in FORBIDDEN if word in html] == []
    assert not re.search(r"<[^>]*\son\w+\s*=", html), html


def test_mathjax_survives_sanitizing() -> None:
    html = render_markdown(r"Si \(x < y\) alors \[\sum_{i=1}^n i\]")
    assert r"\(x &lt; y\)" in html and r"\[\sum_{i=1}^n i\]" in html


TOKENS = [*"ab é<>/=\"'&;:!?#*-_`[]()\n\\\r\t\x00\ufeff", "<b>", "<script>", "<img src=", "javascript:",
          "1. ", "- ", "## ", "# ", "@id: x", "@topics: a", "```", "\\(", "\\)", "![x](y.png)"]  # fmt: skip
markdownish = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(markdownish)
def test_the_parser_returns_cards_or_raises_its_own_error(text: str) -> None:
    try:
        chapter = parse_chapter(decode_source(text.encode("utf-8"), "n.md"), "n.md")
    except SupportcardsError:
        return
    assert all(card.front and card.back for card in chapter.cards)


@settings(max_examples=300, deadline=None)
@given(markdownish)
def test_rendered_html_is_a_fixed_point_of_the_sanitizer(text: str) -> None:
    html = render_markdown(text)
    assert sanitize(html) == html


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(markdownish)
def test_the_whole_pipeline_never_crashes(tmp_path: Path, text: str) -> None:
    try:
        chapter = parse_chapter(decode_source(("# T\n## F\n" + text).encode("utf-8"), str(tmp_path / "n.md")), "n.md")
        render_project(Project(Settings(), (chapter,), str(tmp_path)))
    except SupportcardsError:
        pass


def digest(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.iterdir()) if path.is_file()
    }


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_an_interrupted_build_leaves_decks_and_lockfile_as_they_were(
    source_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    outdir = tmp_path / "build"
    build([source_dir], outdir, timestamp=1_700_000_000, per_chapter=True)
    build([source_dir], outdir, timestamp=1_700_000_000)
    before_build, before_source = digest(outdir), digest(source_dir)
    notes_file = source_dir / "chapitre-02.md"
    notes_file.write_text(notes_file.read_text(encoding="utf-8").replace("Gain de temps", "Gain"), encoding="utf-8")
    before_source = digest(source_dir)
    calls = []

    def fail_midway(*args: object) -> None:
        calls.append(args)
        raise failure

    monkeypatch.setattr(export, "_write_zip", fail_midway)
    with pytest.raises((type(failure), SupportcardsError)) as raised:
        build([source_dir], outdir, timestamp=1_800_000_000)
    assert "support-informatique.apkg" in str(raised.value) or isinstance(failure, KeyboardInterrupt)
    assert ".part" not in str(raised.value)
    assert calls
    assert digest(outdir) == before_build
    assert digest(source_dir) == before_source
    assert not [name for name in os.listdir(outdir) if name.startswith(".") and name != ".cache"]
