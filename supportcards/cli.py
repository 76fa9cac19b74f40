"""The `supportcards` command: read arguments, call the library, print, map errors to exit codes."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__

if TYPE_CHECKING:
    from .model import Finding
    from .review import Review

F = TypeVar("F", bound=Callable[..., Any])

SUMMARY_LINES = 30
PROOFREAD_OUTDIR = "build"
"""Where lint and review keep the proofreader's findings (build/.cache/proofread/), and build reads them."""
SOURCES = click.argument("sources", nargs=-1, type=click.Path(path_type=str))


class ProgressBar:
    """click's progress bar on stderr for long builds, only when stderr is a terminal."""

    MIN_CARDS = 1000

    def __init__(self) -> None:
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < self.MIN_CARDS or not sys.stderr.isatty():
                return
            self.bar = click.progressbar(length=total, label="cards", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def reports_errors(command: F) -> F:
    """Turn the library's errors into `path:line: message` on stderr and exit code 1 (2 for usage)."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        from .errors import SupportcardsError, UsageError

        try:
            return command(*args, **kwargs)
        except SupportcardsError as error:
            if click.get_current_context().find_root().params.get("debug"):
                raise
            click.echo(str(error), err=True)
            sys.exit(2 if isinstance(error, UsageError) else 1)

    return run  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="supportcards")
@click.option("--debug", is_flag=True, help="Show a traceback on errors (for bug reports).")
def main(debug: bool) -> None:
    """Turn French course notes (Markdown, one file per chapter) into an Anki deck."""


@main.command(short_help="Build the notes into an .apkg (one subdeck per chapter).")
@SOURCES
@click.option(
    "-o",
    "--outdir",
    default="build",
    show_default=True,
    type=click.Path(path_type=str),
    help="Folder to write the .apkg into.",
)
@click.option("--per-chapter", is_flag=True, help="Write one .apkg per chapter instead of one for all.")
@click.option("--locked", is_flag=True, help="Fail (exit 1) if supportcards.lock is not up to date; for CI.")
@click.option(
    "--baseline",
    type=click.Path(exists=True, dir_okay=False, path_type=str),
    help="Report changes since this lockfile (e.g. the previous release's) instead of the current one.",
)
@click.option(
    "--changes", "changes_file", type=click.Path(dir_okay=False, path_type=str), help="Also write the changes here."
)
@click.option(
    "--source-url",
    metavar="URL",
    help="Link each card to its heading in the notes at URL (e.g. a release's tag), instead of [source] url.",
)
@reports_errors
def build(
    sources: tuple[str, ...],
    outdir: str,
    per_chapter: bool,
    locked: bool,
    baseline: str | None,
    changes_file: str | None,
    source_url: str | None,
) -> None:
    """Build SOURCES (default: source/) into OUTDIR/<deck>.apkg, one subdeck per chapter.

    OUTDIR/.cache/ keeps what each build made, so that a rebuild redoes only the chapters and cards
    that changed (delete OUTDIR for a cold build). Set SOURCE_DATE_EPOCH for a reproducible package.
    """
    from .lock import summary_counts
    from .pipeline import build as build_deck

    bar = ProgressBar()
    with _sigterm_exits():
        try:
            result = build_deck(
                sources or ("source",),
                outdir,
                per_chapter=per_chapter,
                locked=locked,
                baseline=baseline,
                progress=bar,
                changes=changes_file,
                source_url=source_url,
            )
        finally:
            bar.close()
    for chapter in result.chapters:
        click.echo(f"{chapter.path}: {chapter.cards} cards ({chapter.title})")
    click.echo(f"normalizer: {result.corrections} corrections (see them with: supportcards lint)")
    click.echo(f"since {'the baseline' if baseline else 'the lockfile'}: {summary_counts(result.summary)}")
    for line in result.summary[:SUMMARY_LINES]:
        click.echo(f"  {line}")
    if len(result.summary) > SUMMARY_LINES:
        click.echo(f"  ... and {len(result.summary) - SUMMARY_LINES} more (write them all with --changes FILE)")
    if result.lockfile_written:
        click.echo(f"updated {result.lockfile} (commit it with the notes)")
    for output in result.outputs:
        click.echo(f"wrote {output}")
    from .review import findings_to_review

    for path, count in findings_to_review(sources or ("source",), PROOFREAD_OUTDIR).items():
        click.echo(f"{path}: {count} findings to review: supportcards review")


@contextmanager
def _sigterm_exits() -> Iterator[None]:
    """Within the block, SIGTERM (`kill`, a CI timeout) ends the command as Ctrl-C does: its
    temporary files are removed and its worker processes stopped on the way out, instead of being
    left behind. (Python can only set a handler from the main thread.)"""

    def exit_now(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, exit_now)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@main.command(short_help="List corrections, grammar and spelling findings, and warnings.")
@SOURCES
@click.option("--strict", is_flag=True, help="Exit with 1 when an unknown word or a grammar finding remains (for CI).")
@click.option("--rule", "rules", multiple=True, metavar="NAME", help="Show only this rule's changes (repeatable).")
@click.option("--list-rules", is_flag=True, help="List the normalizer's rules, in the order they run, and exit.")
@reports_errors
def lint(sources: tuple[str, ...], strict: bool, rules: tuple[str, ...], list_rules: bool) -> None:
    """List every correction the normalizer makes, and what the proofreader finds in the result.

    Each line reads `path:line: rule: 'before' -> 'after'`, `path:line: unknown word ...` or
    `path:line:col: grammar: 'text' -> 'fix' (message)`. Grammar checks need Grammalecte (see the
    README). Findings are cached per card in build/.cache/proofread/. Add a correct word that the
    dictionary lacks to the glossary of source/corrections.toml.
    """
    from pathlib import Path

    from .lint import lint_project
    from .normalize import project_normalizer
    from .parse import load_project
    from .proofread import CACHE_FOLDER, INSTALL_HINT, engine_available

    project = load_project(sources or ("source",))
    if list_rules:
        for rule in project_normalizer(project).rules:
            click.echo(f"{rule.name}: {rule.description}{' (fronts only)' if rule.fronts_only else ''}")
        return
    if not engine_available():
        click.echo(INSTALL_HINT, err=True)
    report = lint_project(project, cache_dir=Path(PROOFREAD_OUTDIR) / CACHE_FOLDER)
    for line in report.lines():
        if not rules or any(line.split(": ", 2)[1:2] == [name] for name in rules):
            click.echo(line)
    click.echo(
        f"{len(report.changes)} corrections, {len(report.unknown_words)} unknown words, "
        f"{len(report.review)} findings to review, {len(report.warnings)} warnings",
        err=True,
    )
    if strict and (report.unknown_words or report.review):
        sys.exit(1)


@main.command(short_help="Go through the proofreader's findings: fix, ignore, or add to the glossary.")
@SOURCES
@click.option(
    "--yes", "certain_only", is_flag=True, help="Accept every finding whose fix is certain (see README); ask nothing."
)
@reports_errors
def review(sources: tuple[str, ...], certain_only: bool) -> None:
    """Walk through what `lint` finds, one finding at a time, and record each decision.

    Keys: a accept the proposed fix, 1-9 pick another suggestion, e type a fix, i ignore for good,
    g add an unknown word to the glossary, s skip, q quit (what was decided is kept). Fixes are recorded
    in source/corrections.toml ([reviewed]), so the notes stay as written and every build applies
    them; a second review asks nothing already decided.
    """
    from pathlib import Path

    from .parse import load_project
    from .proofread import CACHE_FOLDER, INSTALL_HINT, engine_available, proofread_project
    from .review import Review

    sources = sources or ("source",)
    if not engine_available():
        click.echo(INSTALL_HINT, err=True)
    cache = Path(PROOFREAD_OUTDIR) / CACHE_FOLDER
    recorded = ignored = words = 0
    for _ in range(YES_ROUNDS if certain_only else 1):
        project = load_project(sources)
        session = Review(project, proofread_project(project, cache_dir=cache))
        if certain_only:
            for finding, _entry in session.accept_certain():
                fix = finding.suggestions[0]
                click.echo(f"{finding.location}: {finding.kind}: {finding.text!r} -> {fix!r} ({finding.rule})")
        else:
            _ask(session)
        recorded += len(session.recorded)
        ignored += len(session.ignored)
        words += len(session.words)
        if not session.recorded:
            break
    # Proofread the reviewed notes again: the cache then holds what is left, which `build` counts.
    project = load_project(sources)
    again = Review(project, proofread_project(project, cache_dir=cache))
    left = [finding for finding in again.findings if not again.decided(finding)]
    click.echo(
        f"{recorded} fixes recorded, {ignored} ignored, {words} words added to the glossary "
        f"({session.table.path}); {len(left)} findings left to review"
        + (": supportcards review" if certain_only and left else ""),
        err=True,
    )


YES_ROUNDS = 3
"""`review --yes` proofreads again after its fixes, as long as it records some, at most this often:
a fix can reveal the next slip of a sentence (an agreement with a corrected subject)."""


def _keys(finding: Finding) -> str:
    """The keys that apply to a finding: `g` only where the finding is about an unknown word."""
    from .review import about_a_word

    glossary = " · g glossary" if about_a_word(finding) else ""
    return f"a accept · 1-9 pick · e edit · i ignore{glossary} · s skip · q quit"


def _ask(session: Review) -> None:
    """The interactive review: one finding at a time, one key per decision (see `review`)."""
    import os

    color = False if os.environ.get("NO_COLOR") else None
    total = sum(1 for finding in session.findings if not session.decided(finding))
    try:
        for number, finding in enumerate(session.pending(), 1):
            _show(session, finding, number, total, color)
            if not _decide(session, finding, color):
                click.echo("quit: the decisions made so far are kept")
                return
    except KeyboardInterrupt:
        click.echo("\nstopped: the decisions made so far are kept")


def _show(session: Review, finding: Finding, number: int, total: int, color: bool | None) -> None:
    start = finding.context_column - 1
    fix = finding.suggestions[0] if finding.suggestions else "?"
    marked = (
        click.style("[", fg="yellow")
        + click.style(finding.text, fg="red", bold=True)
        + " → "
        + click.style(fix, fg="green", bold=True)
        + click.style("]", fg="yellow")
    )
    line = finding.context[:start] + marked + finding.context[start + len(finding.text) :]
    click.echo("", color=color)
    click.echo(
        f"[{number}/{total}] {finding.location}:{finding.column}: {finding.kind}: {finding.message}", color=color
    )
    click.echo(click.style(f"  card: {session.front(finding)}", dim=True), color=color)
    click.echo(f"  {line}", color=color)
    if len(finding.suggestions) > 1:
        others = "  ".join(f"{i}) {text}" for i, text in enumerate(finding.suggestions[:9], 1))
        click.echo(f"  suggestions: {others}", color=color)


def _decide(session: Review, finding: Finding, color: bool | None) -> bool:
    """Read keys until one decides this finding; False when the user quits."""
    while True:
        key = _read_key(f"  {_keys(finding)} > ")
        if key in ("q", "", "\x04"):  # q, the end of piped input, or Ctrl-D
            return False
        if key == "s":
            return True
        if key == "i":
            click.echo(f"  ignored for good: {session.ignore(finding)}")
            return True
        if key == "g":
            word = session.add_word(finding)
            if word is None:
                click.echo("  g does not apply: only an unknown word can join the glossary")
                continue
            click.echo(f"  {word!r} added to the glossary")
            return True
        fix = None
        if key == "a" and finding.suggestions:
            fix = finding.suggestions[0]
        elif key.isdigit() and 1 <= int(key) <= min(len(finding.suggestions), 9):
            fix = finding.suggestions[int(key) - 1]
        elif key == "e":
            default = finding.suggestions[0] if finding.suggestions else finding.text
            fix = click.prompt(f"  replace {finding.text!r} with", default=default, show_default=True)
        if fix is None:
            click.echo(
                "  no such suggestion: press e to type the fix" if key in "a123456789" else f"  keys: {_keys(finding)}"
            )
            continue
        entry = session.accept(finding, fix)
        if entry is None:
            click.echo(
                "  this fix cannot be recorded for this place only (the same words stand elsewhere): edit the note"
            )
            continue
        click.echo(f"  recorded: {entry}")
        return True


def _read_key(prompt: str) -> str:
    """One key, without Enter in a terminal; a line's first character when the input is piped.

    "" means the input has ended (like q).
    """
    click.echo(prompt, nl=False)
    if sys.stdin.isatty():
        key = click.getchar()
        click.echo(key if key.isprintable() else "")
        return key
    line = sys.stdin.readline()
    key = line.strip()[:1]
    click.echo(key)
    return key if line else ""


@main.command(short_help="Write an HTML preview of every card.")
@SOURCES
@click.option(
    "-o",
    "--output",
    default="build/preview.html",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=str),
    help="HTML file to write.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in the web browser.")
@click.option("--watch", is_flag=True, help="Rebuild the preview whenever a source file is saved (Ctrl-C stops).")
@reports_errors
def preview(sources: tuple[str, ...], output: str, open_browser: bool, watch: bool) -> None:
    """Write one self-contained HTML page showing every card as Anki will, with the corrections."""
    from .preview import build_preview

    target, cards, corrections = build_preview(sources, output)
    click.echo(f"wrote {target} ({cards} cards, {corrections} corrections)")
    if open_browser:
        import webbrowser

        webbrowser.open(target.resolve().as_uri())
    if watch:
        _watch(sources or ("source",), output)


def _watch(sources: tuple[str, ...], output: str) -> None:
    """Rebuild the preview on every save; an error is printed and the watch goes on."""
    from datetime import datetime

    from watchfiles import watch

    from .errors import SupportcardsError
    from .preview import build_preview

    click.echo(f"watching {', '.join(sources)} (Ctrl-C to stop)", err=True)
    try:
        for _ in watch(*sources):
            try:
                target, cards, corrections = build_preview(sources, output)
                click.echo(f"{datetime.now():%H:%M:%S} rebuilt {target} ({cards} cards, {corrections} corrections)")
            except SupportcardsError as error:
                click.echo(str(error), err=True)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@main.command(name="import", short_help="Turn plain-text notes into a source file.")
@click.argument("notes", type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=str),
    help="Source file to write [default: source/chapitre-NN.md, NN the number after 'chapitre' in the title].",
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@reports_errors
def import_notes(notes: str, output: str | None, force: bool) -> None:
    """Turn plain-text NOTES (a title line, then each front followed by its answer lines) into a
    source file. Fronts are detected from the text; uncertain decisions are listed for review."""
    from pathlib import Path

    from .errors import OutputError
    from .files import write_atomically
    from .importer import default_output, detect_cards
    from .parse import read_source

    result = detect_cards(read_source(notes), notes)
    target = Path(output or default_output(result))
    if target.exists() and not force:
        raise OutputError(f"{target}: already exists; use --force to overwrite it, or -o to choose another file")
    click.echo(f"overwriting {target} (--force)" if target.exists() else f"writing {target}")
    for card in result.cards:
        click.echo(f"line {card.line}: {card.front}")
    for decision in result.uncertain:
        click.echo(f"review: {decision}")
    write_atomically(target, result.to_source().encode("utf-8"))
    click.echo(f"wrote {target} ({len(result.cards)} cards, {len(result.uncertain)} to review)")


@main.command(short_help="Count cards per chapter and per topic.")
@SOURCES
@reports_errors
def stats(sources: tuple[str, ...]) -> None:
    """Print how many cards each chapter and each topic has."""
    from .parse import load_project
    from .stats import project_stats

    click.echo(project_stats(load_project(sources or ("source",))).table())


@main.command(short_help="Show the corrections as a diff; --write applies them.")
@SOURCES
@click.option("--write", is_flag=True, help="Apply the corrections to the source files (atomically).")
@reports_errors
def fix(sources: tuple[str, ...], write: bool) -> None:
    """Show the normalizer's corrections as a unified diff of the source files; --write applies them."""
    from .fix import source_fixes, write_fixes
    from .parse import load_project

    fixes = source_fixes(load_project(sources or ("source",)))
    if write:
        write_fixes(fixes)
    for source_fix in fixes:
        click.echo(f"fixed {source_fix.path}" if write else source_fix.diff(), nl=write)
    if not fixes:
        click.echo("nothing to fix", err=True)


@main.command(short_help="Start a new notes project (source/ with an example chapter).")
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=str))
@click.option("--deck", "deck_name", help="The parent deck's name in Anki [asked when missing].")
@click.option("--github", is_flag=True, help="Also write the GitHub workflow that attaches the decks to each release.")
@reports_errors
def init(directory: str, deck_name: str | None, github: bool) -> None:
    """Make a new notes project in DIRECTORY (default: the current folder) that builds at once:
    source/supportcards.toml, an example chapter, an empty corrections table and a .gitignore.
    A folder that already holds notes is refused, and nothing is written."""
    from pathlib import Path

    from .pipeline import output_name
    from .scaffold import CHAPTER_FILE, create_project, refuse_existing_notes

    root = Path(directory)
    refuse_existing_notes(root, github)
    if deck_name is None:
        deck_name = click.prompt("Deck name", default=_default_deck_name(directory))
    for path in create_project(root, deck_name, github):
        click.echo(f"wrote {path}")
    click.echo("\nNext:")
    if root.resolve() != Path.cwd().resolve():
        click.echo(f"  cd {directory}")
    click.echo(f"  1. edit {CHAPTER_FILE}   your notes, one file per chapter (chapitre-02.md, ...)")
    click.echo("  2. supportcards build   writes build/ and source/supportcards.lock (commit the lockfile)")
    click.echo(f"  3. import build/{output_name(deck_name)} in Anki (File > Import...)")


def _default_deck_name(directory: str) -> str:
    """The project folder's name, as words: `cours-reseaux` gives "Cours reseaux"."""
    from pathlib import Path

    words = " ".join(Path(directory).resolve().name.replace("-", " ").replace("_", " ").split())
    return words[:1].upper() + words[1:] if words else "Mes cartes"
