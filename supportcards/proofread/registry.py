"""A named, ordered registry of checkers, after Python-Markdown's registry of processors.

Each checker is registered under a name with a priority (higher runs first); a project or a test
can replace one (`register` with the same name) or drop one (`deregister`) without touching the
others, and the findings cache keys on the names and versions of the checkers that ran.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class _Entry(Generic[T]):
    name: str
    priority: float
    item: T


class Registry(Generic[T]):
    """Items by name, iterated in priority order (highest first; equal priorities keep their order)."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry[T]] = {}

    def register(self, item: T, name: str, priority: float) -> None:
        """Add `item` as `name`; an item already registered under that name is replaced."""
        self._entries.pop(name, None)
        self._entries[name] = _Entry(name, priority, item)

    def deregister(self, name: str, strict: bool = True) -> None:
        """Remove `name`; a missing name is a KeyError unless `strict` is false."""
        if name not in self._entries and not strict:
            return
        del self._entries[name]

    def names(self) -> list[str]:
        return [entry.name for entry in self._sorted()]

    def _sorted(self) -> list[_Entry[T]]:
        return sorted(self._entries.values(), key=lambda entry: -entry.priority)

    def __iter__(self) -> Iterator[T]:
        return (entry.item for entry in self._sorted())

    def __getitem__(self, name: str) -> T:
        return self._entries[name].item

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __len__(self) -> int:
        return len(self._entries)
