"""Errors a user can cause, as one base class with small subclasses.

The library raises these; the CLI turns them into `path:line: message` and an exit code, so no user
mistake ever ends in a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Location


class SupportcardsError(Exception):
    """Base class of every error supportcards raises on purpose."""


class SourceError(SupportcardsError):
    """Something is wrong at one place in a source file."""

    def __init__(self, location: Location, message: str, hint: str | None = None, column: int | None = None):
        self.location = location
        self.message = message
        self.hint = hint
        self.column = column
        super().__init__(str(self))

    def __reduce__(self) -> tuple[type, tuple[Location, str, str | None, int | None]]:
        """Pickle by its fields (errors cross process boundaries when cards render in parallel)."""
        return (type(self), (self.location, self.message, self.hint, self.column))

    def __str__(self) -> str:
        where = f"{self.location}:{self.column}" if self.column else str(self.location)
        text = f"{where}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class ParseError(SupportcardsError):
    """The notes cannot be read: every problem found (a `SourceError` each), not only the first."""

    def __init__(self, errors: Iterable[SourceError]):
        self.errors = tuple(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


class SettingsError(SourceError):
    """The project settings file (`supportcards.toml`) or a corrections table is invalid."""


class OutputError(SupportcardsError):
    """An output file or folder cannot be written; whatever was there before is left untouched."""


class LockfileError(SupportcardsError):
    """The lockfile is unreadable, or out of date where `--locked` asks for it to be current."""


class UsageError(SupportcardsError):
    """The command line or the environment asks for something impossible (exit code 2, like click)."""
