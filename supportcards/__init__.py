"""supportcards: French course notes in Markdown to a polished Anki deck.

The pipeline is one module per stage, each a pure function over frozen dataclasses:
`parse` (source files to chapters and cards), `normalize` (typos and typography), `render`
(Markdown to safe HTML), `cards` (a card's fields, identity and tags) and `export` (the .apkg, with
genanki). `build` (in `pipeline`) runs them all.

    >>> import supportcards
    >>> result = supportcards.build(["source"], "build")      # doctest: +SKIP

Importing this package is cheap (`supportcards --help` stays fast): each name below is imported
from its module on first use, and genanki, Markdown and nh3 load only when a stage needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .cards import render_card, render_project
    from .errors import (
        LockfileError,
        OutputError,
        ParseError,
        SettingsError,
        SourceError,
        SupportcardsError,
        UsageError,
    )
    from .export import FIELDS, NOTE_TYPE_ID, NOTE_TYPE_NAME, build_package, note_type, write_apkg
    from .lint import LintReport, lint_project
    from .model import Card, Change, Chapter, Location, MediaFile, Project, RenderedCard, Settings, Topic
    from .normalize import Normalizer, Rule, default_rules, make_normalizer, normalize_card, normalize_project
    from .parse import load_project, load_settings, parse_chapter, read_source
    from .pipeline import BuildResult, build, write_deck
    from .render import render_inline, render_markdown, sanitize

__version__ = "0.2.0"

__all__ = [
    "FIELDS",
    "NOTE_TYPE_ID",
    "NOTE_TYPE_NAME",
    "BuildResult",
    "Card",
    "Change",
    "Chapter",
    "LintReport",
    "Location",
    "LockfileError",
    "MediaFile",
    "Normalizer",
    "OutputError",
    "ParseError",
    "Project",
    "RenderedCard",
    "Rule",
    "Settings",
    "SettingsError",
    "SourceError",
    "SupportcardsError",
    "Topic",
    "UsageError",
    "__version__",
    "build",
    "build_package",
    "default_rules",
    "lint_project",
    "load_project",
    "load_settings",
    "make_normalizer",
    "normalize_card",
    "normalize_project",
    "note_type",
    "parse_chapter",
    "read_source",
    "render_card",
    "render_inline",
    "render_markdown",
    "render_project",
    "sanitize",
    "write_apkg",
    "write_deck",
]

_HOMES = {
    "pipeline": ["BuildResult", "build", "write_deck"],
    "cards": ["render_card", "render_project"],
    "errors": ["LockfileError", "OutputError", "ParseError", "SettingsError", "SourceError", "SupportcardsError",
               "UsageError"],
    "export": ["FIELDS", "NOTE_TYPE_ID", "NOTE_TYPE_NAME", "build_package", "note_type", "write_apkg"],
    "lint": ["LintReport", "lint_project"],
    "model": ["Card", "Change", "Chapter", "Location", "MediaFile", "Project", "RenderedCard", "Settings", "Topic"],
    "normalize": ["Normalizer", "Rule", "default_rules", "make_normalizer", "normalize_card", "normalize_project"],
    "parse": ["load_project", "load_settings", "parse_chapter", "read_source"],
    "render": ["render_inline", "render_markdown", "sanitize"],
}  # fmt: skip
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    """Import a public name from its stage module on first use (PEP 562)."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'supportcards' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
