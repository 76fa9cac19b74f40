"""Values checked where they enter supportcards: from the environment, a lockfile or a caller.

Checked once at the door, so that a wrong value is a clear error there rather than a crash deep
inside (an `OverflowError` in SQLite, a `struct.error` in zip).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from .errors import SettingsError, UsageError
from .model import Location

FIRST_TIMESTAMP = 1
LAST_TIMESTAMP = 4_354_819_199
"""2107-12-31 23:59:59 UTC, the last second a zip entry can hold (zip years run from 1980 to 2107;
earlier times are written as 1980). Note and card ids are milliseconds, so they stay positive."""

LAST_MOD = 2**53
"""The largest note `mod` a lockfile may hold. A changed note's `mod` is one more than its previous
one when the build's time is not later, so it may pass `LAST_TIMESTAMP` (the zip limit applies to
the package's timestamp only); Anki stores `mod` as a 64-bit integer, 2**53 keeps it exact anywhere."""

T = TypeVar("T")

Paths = str | Path | Sequence[str | Path]
"""Where the library takes sources: a sequence of paths, or one path alone."""


def timestamp_problem(value: object) -> str | None:
    """Why `value` cannot stamp a deck (seconds since 1970), or None if it can."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"must be a number of seconds, not {type(value).__name__}"
    if not FIRST_TIMESTAMP <= value <= LAST_TIMESTAMP:  # also rejects NaN
        return f"must be between {FIRST_TIMESTAMP} and {LAST_TIMESTAMP} (the year 2107), not {value}"
    return None


def mod_problem(value: object) -> str | None:
    """Why `value` cannot be a note's `mod` in a lockfile, or None if it can."""
    if isinstance(value, bool) or not isinstance(value, int):
        return f"must be a whole number of seconds, not {value!r}"
    if not FIRST_TIMESTAMP <= value <= LAST_MOD:
        return f"must be between {FIRST_TIMESTAMP} and {LAST_MOD}, not {value}"
    return None


def checked_timestamp(value: float, name: str = "timestamp") -> float:
    """`value`, if it can stamp a deck; else a `UsageError` naming it."""
    problem = timestamp_problem(value)
    if problem is not None:
        raise UsageError(f"{name} {problem}")
    return value


def toml_table(text: str, path: str) -> dict[str, object]:
    """A TOML file's table; malformed TOML is a `SettingsError` at its line. Nesting deep enough to
    exhaust Python's stack (tomllib recurses per array) is one too, at the line with the most
    brackets, not a `RecursionError` traceback."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = int(found.group(1)) if (found := re.search(r"line (\d+)", str(error))) else 1
        raise SettingsError(Location(path, line), f"invalid TOML: {error}") from None
    except RecursionError:
        raise too_deep(text, path) from None


def too_deep(text: str, path: str) -> SettingsError:
    """The error for a TOML file nested too deeply to read, at its line with the most brackets."""
    lines = text.split("\n")
    deepest = max(range(len(lines)), key=lambda n: lines[n].count("[") + lines[n].count("{"))
    return SettingsError(Location(path, deepest + 1), "invalid TOML: arrays or tables nested too deeply to read")


def path_list(value: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], name: str) -> list[str | Path]:
    """A sequence of paths, where one path alone is also accepted (a `str` is one path, not letters)."""
    items: Iterable[object] = [value] if isinstance(value, str | os.PathLike) else value
    try:
        paths = list(items)
    except TypeError:
        raise TypeError(f"{name} must be a path or a sequence of paths, not {type(value).__name__}") from None
    for item in paths:
        if not isinstance(item, str | os.PathLike):
            raise TypeError(f"{name} must hold paths (str or Path), not {type(item).__name__}")
    return [item if isinstance(item, str) else Path(item) for item in paths]  # type: ignore[arg-type]


def of_type(value: T, kind: type | tuple[type, ...], name: str) -> T:
    """`value`, if it is a `kind`; else a `TypeError` naming the argument."""
    if not isinstance(value, kind):
        expected = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise TypeError(f"{name} must be a {expected}, not {type(value).__name__}")
    return value
