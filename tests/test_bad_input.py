"""Bad input, hostile HTML and crash safety: a clear message, never a traceback, never a lost deck."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
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
from supportcards.render import render_inline, render_markdown, sanitize


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
    line = "Le support répond : vite ; bien ! " * 580  # about 20,000 characters, an answer's limit
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


# --- images: only regular files inside the notes' folder (issue 17, item 1) ---------------------

SECRET = b"SECRET-of-the-machine"
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf"
    "c0f01f0005000201a1d7a0e50000000049454e44ae426082"
)


def image_project(tmp_path: Path, reference: str) -> Path:
    """A project whose one card shows `reference`, beside a secret.png outside its folder."""
    (tmp_path / "secret.png").write_bytes(SECRET)
    folder = tmp_path / "source"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "ok.png").write_bytes(PIXEL)
    (folder / "a.md").write_text(f"# T\n## Schéma\nVoici :\n\n{reference}\n", encoding="utf-8")
    return folder


ESCAPES = [
    ("parent", "![a](../secret.png)", "image outside the notes' folder: ../secret.png"),
    ("deep-parent", "![a](images/../../secret.png)", "image outside the notes' folder"),
    ("absolute", "![a]({tmp}/secret.png)", "image outside the notes' folder: {tmp}/secret.png"),
    ("etc", "![a](../../../../../../../etc/passwd)", "image outside the notes' folder"),
    ("html-img", '<img src="/etc/hostname">', "image outside the notes' folder: /etc/hostname"),
    ("proc", "![e](/proc/self/environ)", "image outside the notes' folder: /proc/self/environ"),
    ("symlink-out", "![a](images/link.png)", "image outside the notes' folder: images/link.png"),
    ("symlink-dev", "![a](images/zero.png)", "image outside the notes' folder: images/zero.png"),
    ("fifo", "![a](images/pipe.png)", "cannot use the image images/pipe.png (it is a named pipe (FIFO), not a"),
    ("folder", "![a](images/dir.png)", "cannot use the image images/dir.png (it is a folder, not a regular file)"),
    ("loop", "![a](images/loop.png)", "cannot read the image images/loop.png"),
    ("huge", "![a](images/huge.png)", "cannot use the image images/huge.png (it is larger than 20 MB)"),
    ("not-an-image", "![a](images/notes.txt)", "not an image file: images/notes.txt"),
]


@pytest.mark.parametrize(("reference", "message"), [case[1:] for case in ESCAPES], ids=[case[0] for case in ESCAPES])
def test_an_image_must_be_a_regular_file_inside_the_notes_folder(tmp_path: Path, reference: str, message: str) -> None:
    folder = image_project(tmp_path, reference.format(tmp=tmp_path))
    images = folder / "images"
    (images / "link.png").symlink_to(tmp_path / "secret.png")
    (images / "zero.png").symlink_to("/dev/zero")
    os.mkfifo(images / "pipe.png")
    (images / "dir.png").mkdir()
    (images / "loop.png").symlink_to(images / "loop2.png")
    (images / "loop2.png").symlink_to(images / "loop.png")
    with (images / "huge.png").open("wb") as huge:
        huge.truncate(20 * 1024 * 1024 + 1)
    (images / "notes.txt").write_text("texte")
    result = run("build", str(folder), "-o", str(tmp_path / "build"))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"{folder / 'a.md'}:5: {message.format(tmp=tmp_path)}"), result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "build").exists()
    preview = run("preview", str(folder), "-o", str(tmp_path / "preview.html"))
    assert preview.exit_code == 1 and preview.stderr == result.stderr
    assert not (tmp_path / "preview.html").exists()


def test_an_image_inside_the_folder_through_a_symlink_is_packed(tmp_path: Path) -> None:
    folder = image_project(tmp_path, "![a](images/inside.png)\n<img src='images/ok.png'>")
    (folder / "images" / "inside.png").symlink_to(folder / "images" / "ok.png")
    output = build([folder], tmp_path / "build", timestamp=1_700_000_000).outputs[0]
    collection = open_collection(tmp_path / "anki")
    import_package(collection, output)
    (note,) = notes(collection)
    media = list(Path(collection.media.dir()).iterdir())
    collection.close()
    assert [path.read_bytes() for path in media] == [PIXEL]
    assert note.fields["Back"].count(f'src="{media[0].name}"') == 2


def test_an_image_is_packed_only_as_it_was_checked(tmp_path: Path) -> None:
    from supportcards.errors import OutputError
    from supportcards.media import image_bytes, name_for
    from supportcards.model import MediaFile

    picture = tmp_path / "a.png"
    picture.write_bytes(PIXEL)
    checked = MediaFile(name_for(PIXEL, ".png"), str(picture))
    assert image_bytes(checked) == PIXEL
    picture.unlink()
    picture.symlink_to("/dev/zero")
    with pytest.raises(OSError, match="it is a device, not a regular file"):
        image_bytes(checked)
    picture.unlink()
    picture.write_bytes(SECRET)
    with pytest.raises(OSError, match="changed during the build"):
        image_bytes(checked)
    cards = [card for card in render_project(Project(Settings(), ()))[0]]
    with pytest.raises(OutputError, match="changed during the build"):
        export.write_apkg(export.build_package(cards, "D"), tmp_path / "d.apkg", 1_700_000_000, media=[checked])
    assert not (tmp_path / "d.apkg").exists()


# --- every field and every text of the preview is escaped or sanitized (issue 17, item 2) -------


class _Elements(HTMLParser):
    """Every element of an HTML page, with its attributes, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(page)
    return parser.found


def active(page: str) -> list[tuple[str, dict[str, str | None]]]:
    """The elements of `page` that could run script or load from elsewhere."""
    return [
        (tag, attrs)
        for tag, attrs in elements(page)
        if tag in ("svg", "script", "iframe", "object", "embed", "math")
        or any(name.startswith("on") for name in attrs)
        or (tag == "img" and "/" in (attrs.get("src") or "x") and not (attrs.get("src") or "").startswith("data:"))
    ]


def test_html_in_a_title_a_topic_label_or_a_file_name_is_text_in_anki_and_in_the_preview(tmp_path: Path) -> None:
    folder = tmp_path / "source"
    folder.mkdir()
    (folder / "supportcards.toml").write_text(
        '[deck]\nname = "Deck <b onmouseover=alert(3)> {{CARDS}}"\n'
        '[topics.sla]\nlabel = "<img src=x onerror=alert(2)>"\n',
        encoding="utf-8",
    )
    name = "chapitre-03 <svg onload=alert(4)>.md"
    (folder / name).write_text(
        "# Chapitre <svg onload=alert(1)>\n@topics: sla\n\n## Q & R\nRéponse.\n", encoding="utf-8"
    )
    output = build([folder], tmp_path / "build", timestamp=1_700_000_000).outputs[0]
    collection = open_collection(tmp_path / "anki")
    import_package(collection, output)
    (note,) = notes(collection)
    collection.close()
    assert note.fields["Chapter"] == "Chapitre &lt;svg onload=alert(1)&gt;"
    assert note.fields["Topics"] == "&lt;img src=x onerror=alert(2)&gt;"
    assert note.fields["Source"] == "chapitre-03 &lt;svg onload=alert(4)&gt;.md"
    (deck,) = note.decks  # deck names are text to Anki, which escapes them (and drops the braces)
    assert deck.startswith("Deck <b onmouseover=alert(3)>") and deck.endswith("::Chapitre <svg onload=alert(1)>")
    assert [active(field) for field in note.fields.values()] == [[]] * len(note.fields)
    result = run("preview", str(folder), "-o", str(tmp_path / "preview.html"))
    assert result.exit_code == 0, result.output
    page = (tmp_path / "preview.html").read_text(encoding="utf-8")
    assert active(page) == [("script", {})]  # the page's own search and theme switch
    assert page.count("Chapitre &lt;svg onload=alert(1)&gt;") >= 2  # the heading and the card's footer
    assert page.count('class="entry"') == 1 and "Deck &lt;b onmouseover=alert(3)&gt; {{CARDS}}</h1>" in page


UNSAFE_MATH = [
    r"\(\href{javascript:alert(1)}{x}\)",
    r"\[\url{javascript:alert(1)}\]",
    r"\(\class{x}{y} \cssId{i}{y} \style{background:url(https://evil.example/t.png)}{y}\)",
    r"\(\mmlToken{mi}[href='javascript:alert(1)']{x}\)",
    r"\(\require{html} \unicode{x41} \bbox[background:url(https://evil.example)]{x}\)",
    r"\(\htmlClass{x}{y} \data{x=1}{y}\)",
    r"&#92;(&#92;href{javascript:alert(1)}{x}&#92;)",
    r"\(\\\href{javascript:alert(1)}{x}\)",
    r"Markdown's escape: \\href{javascript:alert(1)}{x}",
    r"Texte \href{javascript:alert(1)}{x} hors des maths",
]
UNSAFE_TEX = re.compile(
    r"(?<!\\)(?:\\\\)*\\(href|url|class|cssId|style|data|mmlToken|require|unicode|bbox|html[A-Za-z]*)(?![A-Za-z])"
)


def commands_mathjax_reads(fragment: str) -> list[str]:
    """What Anki's MathJax would read as an active command: outside code and pre, which it skips."""
    return UNSAFE_TEX.findall(re.sub(r"(?s)<(pre|code)\b.*?</\1>", "", fragment))


@pytest.mark.parametrize("math", UNSAFE_MATH)
def test_tex_commands_that_link_style_or_load_never_reach_mathjax(tmp_path: Path, math: str) -> None:
    assert commands_mathjax_reads(render_markdown(f"Avant\n\n{math}\n\nAprès")) == []
    assert commands_mathjax_reads(render_inline(f"Front {math}")) == []
    folder = write_bytes(tmp_path / "source", "a.md", f"# T\n## F\nA\n\n{math}\n".encode())
    result = run("build", str(folder), "-o", str(tmp_path / "build"))
    assert result.exit_code == 1
    assert re.match(rf"{re.escape(str(folder))}/a.md:5: the TeX command \\\w+ is not allowed", result.stderr)


def test_tex_commands_in_code_and_harmless_math_are_kept() -> None:
    assert render_markdown(r"`\href{a}{b}`") == r"<p><code>\href{a}{b}</code></p>"
    math = r"\(\color{red}{x} \boxed{y} \hrefx \\href\)"  # \\ is a line break, then letters
    assert math in render_markdown(math)
    assert render_markdown(r"\\(\\href{a}{b}\\)") == r"<p>\\(\\href{a}{b}\\)</p>"


# --- only regular files are read, up to a limit (issue 17, item 9) -------------------------------


def fifo(path: Path) -> None:
    os.mkfifo(path)


def dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def folder_named(path: Path) -> None:
    path.mkdir()


def over_50_mb(path: Path) -> None:
    with path.open("wb") as huge:  # sparse: it claims the size without taking the disk
        huge.truncate(50 * 1024 * 1024 + 1)


NOT_REGULAR = [
    ("fifo-chapter", "chapitre-14.md", fifo, "chapitre-14.md:1: cannot read this file (it is a named pipe (FIFO)"),
    ("dev-zero-chapter", "chapitre-14.md", dev_zero, "chapitre-14.md:1: cannot read this file (it is a device, not"),
    ("folder-chapter", "chapitre-14.md", folder_named, "chapitre-14.md:1: cannot read this file (it is a folder, not"),
    ("huge-chapter", "chapitre-14.md", over_50_mb, "chapitre-14.md:1: cannot read this file (it is larger than 50 MB)"),
    ("fifo-settings", "supportcards.toml", fifo, "supportcards.toml:1: cannot read this file (it is a named pipe"),
    ("zero-corrections", "corrections.toml", dev_zero, "corrections.toml:1: cannot read this file (it is a device"),
    ("fifo-lockfile", "supportcards.lock", fifo, "supportcards.lock: cannot read the lockfile (it is a named"),
]


@pytest.mark.parametrize(
    ("command", "name", "make", "message"),
    [
        pytest.param(command, *case[1:], id=f"{command}-{case[0]}")
        for command in ("build", "lint")
        for case in NOT_REGULAR
        if not (command == "lint" and case[1] == "supportcards.lock")  # lint does not read the lockfile
    ],
)
def test_only_regular_files_are_read_never_a_hang(tmp_path: Path, command: str, name: str, make, message: str) -> None:
    folder = write_bytes(tmp_path / "source", "chapitre-01.md", b"# T\n## F\nA\n")
    make(folder / name)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "supportcards", command, str(folder)],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command} hangs on {name}")
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"{folder}/{message}"), result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_is_read_up_to_its_limit_whatever_size_it_claims(tmp_path: Path) -> None:
    from supportcards.reading import RefusedFileError, read_regular_file

    environ = Path("/proc/self/environ")  # a regular file of size 0 that holds more
    assert environ.stat().st_size == 0 and len(read_regular_file(environ)) > 0
    with pytest.raises(RefusedFileError, match="larger than"):
        read_regular_file(environ, limit=1)


# --- control characters (issue 17, item 7) -----------------------------------------------------

CONTROLS = [
    ("field-separator", "# T\n## F\nRéponse\x1fcachée\n", "a.md:3:8: control character U+001F in the text"),
    ("in-front", "# T\n## F\x1f\nA\n", "a.md:2:5: control character U+001F in the text"),
    ("in-title", "# T\x1fitre\n## F\nA\n", "a.md:1:4: control character U+001F in the text"),
    ("crlf-file", "# T\r\n## F\r\nA\x07B\x7fC\r\n", "a.md:3:2: control character U+0007 in the text (and 1 more"),
    ("delete", "# T\n## F\nA\x7f\n", "a.md:3:2: control character U+007F in the text"),
    ("c1", "# T\n## F\nA\u0085B\n", "a.md:3:2: control character U+0085 in the text"),
    ("vertical-tab", "# T\n## F\n\vA\n", "a.md:3:1: control character U+000B in the text"),
    ("nonchar", "# T\n## F\nA\ufffe\n", "a.md:3:2: control character U+FFFE in the text"),
]


@pytest.mark.parametrize(("text", "message"), [case[1:] for case in CONTROLS], ids=[case[0] for case in CONTROLS])
def test_a_control_character_is_an_error_at_its_line_and_column(tmp_path: Path, text: str, message: str) -> None:
    folder = write_bytes(tmp_path / "source", "a.md", text.encode())
    result = run("build", str(folder), "-o", str(tmp_path / "build"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{folder}/{message}"), result.stderr
    assert "hint: delete it" in result.stderr
    assert not (tmp_path / "build").exists()


SETTINGS_CONTROLS = [
    ("supportcards.toml", '[deck]\nname = "Deck\\u001f"\n', "deck.name holds the control character U+001F"),
    ("supportcards.toml", '[topics.sla]\nlabel = "SLA\\u0007"\n', "topics.sla.label holds the control character"),
    ("corrections.toml", '[spelling]\n"foo" = "bar\\u001f"\n', "[spelling] 'foo' holds the control character"),
]


@pytest.mark.parametrize(("name", "toml", "message"), SETTINGS_CONTROLS)
def test_a_control_character_in_the_settings_or_a_file_name_is_an_error(
    tmp_path: Path, name: str, toml: str, message: str
) -> None:
    folder = write_bytes(tmp_path / "source", "a.md", b"# T\n## F\nfoo\n")
    (folder / name).write_text(toml, encoding="utf-8")
    result = run("build", str(folder), "-o", str(tmp_path / "build"))
    assert result.exit_code == 1
    line = 2 if name == "corrections.toml" else 1  # a table entry's error is at the entry's line
    assert result.stderr.startswith(f"{folder}/{name}:{line}: {message}"), result.stderr
    (folder / name).unlink()
    (folder / "a.md").rename(folder / "chapitre-01\x1f.md")
    result = run("build", str(folder), "-o", str(tmp_path / "build"))
    assert result.exit_code == 1
    assert "chapitre-01\\u001f.md:1: this file's name holds the control character U+001F" in result.stderr


HOSTILE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["# ", "## ", "### ", "#", "\n", "\r", "\r\n", "\ufeff", "\x1f", "\x00", "\x7f", "\x85",
                         "\ufffe", "\t", "@topics: ", "@id: x", "- ", "1. ", "`", "\\(", "\\)", "C#", "é", " "]),
        st.text(st.characters(codec="utf-8"), max_size=8),
    ),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(HOSTILE_TEXT)
def test_any_file_builds_a_deck_anki_takes_whole_or_is_refused_with_a_message(tmp_path: Path, text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
        folder = write_bytes(Path(scratch) / "source", "chapitre-01.md", ("# T\n## F\nA\n" + text).encode())
        try:
            result = build([folder], Path(scratch) / "build", timestamp=1_700_000_000)
        except SupportcardsError:
            return
        collection = open_collection(Path(scratch) / "anki")
        try:
            import_package(collection, result.outputs[0])
            imported = notes(collection)
        finally:
            collection.close()
        assert len(imported) == result.card_count
        assert all(note.fields["Front"] and note.fields["Back"] for note in imported)


# --- nesting (issue 17, item 10) ----------------------------------------------------------------

NESTED = [
    ("list-90", "\n".join("    " * level + "- x" for level in range(90)), 21),  # 700 levels: past an answer's length
    ("two-space-list-130", "\n".join("  " * level + "- x" for level in range(130)), 21),
    ("ordered-list", "\n".join("   " * level + "1. x" for level in range(100)), 21),
    ("quote-lines", "\n".join(">" * level + " x" for level in range(1, 100)), 21),
    ("quote-2000", ">" * 2000 + " x", 1),
]


@pytest.mark.parametrize(("back", "too_deep"), [case[1:] for case in NESTED], ids=[case[0] for case in NESTED])
def test_deep_nesting_is_an_error_at_its_line(tmp_path: Path, back: str, too_deep: int) -> None:
    folder = write_bytes(tmp_path / "source", "a.md", f"# T\n## F\n{back}\n".encode())
    result = run("build", str(folder), "-o", str(tmp_path / "build"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{folder}/a.md:{2 + too_deep}: lists and quotes nested more than 20 levels"), (
        result.stderr[:300]
    )
    with pytest.raises(SupportcardsError, match="<markdown>:"):
        render_markdown(back)


def test_twenty_levels_of_lists_and_quotes_still_build() -> None:
    deepest = render_markdown("\n".join("    " * level + "- x" for level in range(20)))
    assert deepest.count("<ul>") == 20
    quoted = render_markdown("> " * 10 + "x\n\n" + "\n".join("    " * level + "- x" for level in range(10)))
    assert quoted.count("<blockquote>") == 10 and quoted.count("<ul>") == 10


def test_reference_images_and_paths_with_spaces_are_packed(tmp_path: Path) -> None:
    """`![j](<img dir/a b.png>)` (CommonMark's form for a path with spaces) and `![alt][ref]` with
    `[ref]: path` are images like any other (issue 17, item 12)."""
    folder = tmp_path / "source"
    (folder / "img dir").mkdir(parents=True)
    (folder / "img dir" / "a b.png").write_bytes(PIXEL)
    back = "Voici :\n\n![j](<img dir/a b.png>) et ![k][schéma] et [la doc][doc]\n\n"
    back += '[schéma]: <img dir/a b.png> "Schéma"\n[doc]: https://example.org/doc\n'
    (folder / "a.md").write_text(f"# T\n## Schéma\n{back}", encoding="utf-8")
    output = build([folder], tmp_path / "build", timestamp=1_700_000_000).outputs[0]
    collection = open_collection(tmp_path / "anki")
    import_package(collection, output)
    (note,) = notes(collection)
    (media,) = Path(collection.media.dir()).iterdir()
    collection.close()
    assert media.read_bytes() == PIXEL
    assert note.fields["Back"].count(f'src="{media.name}"') == 2
    assert '<a href="https://example.org/doc"' in note.fields["Back"] and "[" not in note.fields["Back"]


BRACKETS = [
    ("unclosed", "[" * 19000),  # an answer holds at most 20,000 characters
    ("images", "![" * 4000),
    ("unclosed-targets", "[a](" * 4000),
    ("nested", "[" * 4000 + "]" * 4000),
]


@pytest.mark.parametrize("back", [case[1] for case in BRACKETS], ids=[case[0] for case in BRACKETS])
def test_thousands_of_brackets_are_an_error_not_minutes(tmp_path: Path, back: str) -> None:
    """Python-Markdown reads them in quadratic time (20,000 '[': minutes), so more than 1,000 in a
    card are refused at the line of the first one too many."""
    folder = write_bytes(tmp_path / "source", "a.md", f"# T\n## F\nA\n{back}\n".encode())
    result = run("build", str(folder), "-o", str(tmp_path / "build"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{folder}/a.md:4: more than 1000 '[' in one card"), result.stderr[:200]
    with pytest.raises(SupportcardsError, match="more than 1000"):
        render_inline(back)


def test_a_thousand_links_still_build() -> None:
    assert render_markdown("[a](https://example.org) " * 1000).count("<a ") == 1000


# --- file names: hidden files are not chapters, a control character is an error -----------------


def test_hidden_files_such_as_an_editors_lock_are_not_chapters(tmp_path: Path) -> None:
    """Emacs' lock `.#chapitre-01.md` made the build fail ("chapter number also that of ..."), and
    `..chapitre-03.md` was built as a chapter."""
    folder = write_bytes(tmp_path / "source", "chapitre-01.md", b"# T\n## F\nA\n")
    (folder / ".#chapitre-01.md").symlink_to("user@host.12345:1700000000")  # dangling, as Emacs makes it
    (folder / "..chapitre-03.md").write_text("# Caché\n## G\nB\n", encoding="utf-8")
    result = run("build", str(folder), "-o", str(tmp_path / "build"))
    assert result.exit_code == 0, result.output
    assert "1 cards" in result.output or "1 card" in result.output
    assert "Caché" not in result.output and "chapitre-03" not in result.output
    assert "1 added" in result.output


def test_a_chapter_file_name_with_a_newline_is_an_error(tmp_path: Path) -> None:
    folder = write_bytes(tmp_path / "source", "chapitre-01.md", b"# T\n## F\nA\n")
    (folder / "chapitre-02\nevil.md").write_text("# U\n## G\nB\n", encoding="utf-8")
    result = run("build", str(folder), "-o", str(tmp_path / "build"))
    assert result.exit_code == 1, result.output
    assert "this file's name holds the control character U+000A" in result.stderr
    assert not (tmp_path / "build").exists()


def test_a_file_name_with_an_escape_sequence_never_reaches_the_terminal(tmp_path: Path) -> None:
    folder = write_bytes(tmp_path / "source", "chapitre-01.md", b"# T\n## F\nA\n")
    (folder / "chapitre-02\x1b[2J.md").write_text("# U\n## G\nB\n", encoding="utf-8")
    result = run("build", str(folder), "-o", str(tmp_path / "build"))
    assert result.exit_code == 1, result.output
    assert "\x1b" not in result.stderr and "chapitre-02\\u001b[2J.md:1: this file's name" in result.stderr


# --- size limits of one card -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "card", "message"),
    [
        ("lint", "## " + "é" * 100_000 + "?\nA\n", "a.md:2: this card's front is 100,001 characters long; a front"),
        ("build", "## " + "é" * 100_000 + "?\nA\n", "a.md:2: this card's front is 100,001 characters long; a front"),
        ("build", "## F\n\nUn.\n" + "x" * 1_000_000 + "\n", "a.md:4: this card's answer is 1,000,004 characters long"),
        ("lint", "## F\n@topics:\n" + "mot " * 5_001 + "\n", "a.md:4: this card's answer is 20,004 characters long"),
    ],
    ids=["lint-front", "build-front", "build-1-MB-line", "lint-back"],
)
def test_a_card_past_its_size_limit_is_an_error_at_its_line_never_a_hang(
    tmp_path: Path, command: str, card: str, message: str
) -> None:
    """`lint` hung on a front of 100,000 'é' (killed after 90 s); a 1 MB line took 13 s to render."""
    folder = write_bytes(tmp_path / "source", "a.md", f"# T\n{card}".encode())
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "supportcards",
                command,
                str(folder),
                *(["-o", str(tmp_path / "b")] * (command == "build")),
            ],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command} hangs on a long card")
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"{folder}/{message}"), result.stderr[:300]
    assert not (tmp_path / "b").exists()


def test_a_card_at_its_size_limits_still_builds(tmp_path: Path) -> None:
    from supportcards.parse import MAX_BACK_CHARS, MAX_FRONT_CHARS

    front = ("Question " * 60)[: MAX_FRONT_CHARS - 2] + "?"
    back = "\n\n".join(["Une phrase de réponse assez ordinaire, comme dans les notes."] * 400)[:MAX_BACK_CHARS]
    folder = write_bytes(tmp_path / "source", "a.md", f"# T\n## {front}\n{back}\n".encode())
    result = run("build", str(folder), "-o", str(tmp_path / "build"))
    assert result.exit_code == 0, result.output
    lock = (folder / "supportcards.lock").read_text(encoding="utf-8")
    assert len(lock) < 2_000  # the lockfile stores the front: never more than a front's limit


@pytest.mark.parametrize(
    ("name", "toml", "line"),
    [
        ("corrections.toml", "# corrections\n\na = " + "[" * 50_000 + "]" * 50_000 + "\n", 3),
        ("supportcards.toml", "[deck]\nname = " + "[" * 50_000 + "]" * 50_000 + "\n", 2),
    ],
    ids=["corrections", "settings-deck"],
)
def test_toml_nested_too_deeply_is_an_error_at_its_line(tmp_path: Path, name: str, toml: str, line: int) -> None:
    """tomllib recurses once per array: 50,000 '[' were a RecursionError traceback."""
    folder = write_bytes(tmp_path / "source", "a.md", b"# T\n## F\nA\n")
    (folder / name).write_text(toml, encoding="utf-8")
    for command in ("build", "lint"):
        result = (
            run(command, str(folder), "-o", str(tmp_path / "build"))
            if command == "build"
            else run(command, str(folder))
        )
        assert result.exit_code == 1, result.output[-500:]
        assert result.stderr.startswith(f"{folder / name}:{line}: invalid TOML: arrays or tables nested too deeply")
        assert "Traceback" not in result.output
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize(
    ("back", "mark"),
    [
        ("A\n" + "[" * 999 + "(" * 8000 + "x" + ")" * 8000 + "]" * 999, "["),  # 3 s of Markdown
        ("A\n[a](" + "(" * 9000 + "x" + ")" * 9000, "("),
    ],
    ids=["brackets-around-parentheses", "parentheses-in-a-link"],
)
def test_brackets_nested_too_deeply_are_an_error_at_their_line(tmp_path: Path, back: str, mark: str) -> None:
    folder = write_bytes(tmp_path / "source", "a.md", f"# T\n## F\n{back}\n".encode())
    result = run("build", str(folder), "-o", str(tmp_path / "build"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{folder}/a.md:4: '{mark}' nested more than 20 levels deep"), result.stderr[:200]
    with pytest.raises(SupportcardsError, match="nested more than 20"):
        render_markdown(back)


def test_brackets_in_code_or_escaped_do_not_count_and_twenty_levels_build() -> None:
    assert "(((" in render_markdown("`" + "(" * 30 + "`\n\n```\n" + "[" * 30 + "\n```\n\n" + "\\(" * 30)
    assert render_markdown("[" * 20 + "(" * 20 + "x" + ")" * 20 + "]" * 20).count("x") == 1
