"""The `supportcards` command: read arguments, call the library, print, map errors to exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from . import __version__

F = TypeVar("F", bound=Callable[..., Any])

SOURCES = click.argument("sources", nargs=-1, type=click.Path(path_type=str))


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


@main.command()
@SOURCES
@click.option(
    "-o",
    "--outdir",
    default="build",
    show_default=True,
    type=click.Path(path_type=str),
    help="Folder to write the .apkg into.",
)
@reports_errors
def build(sources: tuple[str, ...], outdir: str) -> None:
    """Build SOURCES (default: source/) into OUTDIR/<deck>.apkg."""
    from .build import build as build_deck

    result = build_deck(sources or ("source",), outdir)
    for chapter in result.chapters:
        click.echo(f"{chapter.path}: {chapter.cards} cards ({chapter.title})")
    for output in result.outputs:
        click.echo(f"wrote {output} ({result.card_count} cards)")
