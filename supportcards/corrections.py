"""The project's corrections table as a file `review` edits: its decisions, kept with the notes.

`review` records an accepted fix as an entry of `[reviewed]`, an ignored finding in
`[review] ignore` and a correct word in `[glossary] words` of `source/corrections.toml`. The file is
the student's own (comments, order, layout), so it is edited with tomlkit, which changes the
document in place, rather than loaded and dumped again. Every save replaces the file atomically and
is read back with `parse_corrections`, so a save never leaves a table the build would reject.
"""

from __future__ import annotations

from pathlib import Path

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Array, Table

from .checks import too_deep
from .errors import SettingsError
from .files import write_atomically
from .model import Location, Project
from .normalize import Corrections, parse_corrections
from .parse import CORRECTIONS_FILE, read_source

REVIEWED = "reviewed"
"""The section of the fixes `review` accepted."""

HEADER = """\
# Corrections for these notes only, applied after supportcards' own table (same format).
"""

_SECTION_COMMENTS = {
    REVIEWED: "Fixes accepted by `supportcards review`: each entry carries enough words to match one place only.",
    "review": "Findings `supportcards review` was told to ignore for good (rule: words around [the flagged text]).",
}


def corrections_file(project: Project) -> Path:
    """The project's table: the one its settings name, or `corrections.toml` beside the notes."""
    if project.settings.corrections_path:
        return Path(project.settings.corrections_path)
    return Path(project.root) / CORRECTIONS_FILE


class CorrectionsFile:
    """A corrections table loaded for editing; `save` writes it back, keeping everything else as it was."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        text = read_source(self.path) if self.path.exists() else HEADER
        try:
            self.document = tomlkit.parse(text)
        except TOMLKitError as error:
            line = getattr(error, "line", 1) or 1
            raise SettingsError(Location(str(self.path), line), f"invalid TOML: {error}") from None
        except RecursionError:
            raise too_deep(text, str(self.path)) from None
        self.corrections = parse_corrections(text, str(self.path))

    def add_fix(self, wrong: str, right: str) -> None:
        """A `"wrong" = "right"` entry at the end of `[reviewed]` (it then runs after every other one)."""
        self._table(REVIEWED)[wrong] = right

    def ignore(self, fingerprint: str) -> None:
        """Remember a finding to ignore (see `Finding.fingerprint`)."""
        self._list("review", "ignore", fingerprint)

    def add_word(self, word: str) -> None:
        """A correct word the proofreader must not flag again."""
        self._list("glossary", "words", word)

    def save(self) -> None:
        """Write the table atomically, once it is known to read back as a valid corrections table."""
        text = tomlkit.dumps(self.document)
        self.corrections = parse_corrections(text, str(self.path))
        write_atomically(self.path, text.encode("utf-8"))

    def _table(self, name: str) -> Table:
        table = self.document.get(name)
        if table is None:
            table = tomlkit.table()
            if name in _SECTION_COMMENTS:
                table.add(tomlkit.comment(_SECTION_COMMENTS[name]))
            self.document.append(name, table)
        if not isinstance(table, Table):
            raise SettingsError(Location(str(self.path), 1), f"{name!r} must be a [section]")
        return table

    def _list(self, section: str, key: str, value: str) -> None:
        table = self._table(section)
        values = table.get(key)
        if values is None:
            values = tomlkit.array()
            values.multiline(True)
            table[key] = values
        if not isinstance(values, Array):
            raise SettingsError(Location(str(self.path), 1), f"{section}.{key} must be a list of strings")
        if value not in values:
            values.append(value)


def load_table(project: Project) -> Corrections | None:
    """The project's table as the normalizer reads it, or None when the project has none."""
    path = corrections_file(project)
    return CorrectionsFile(path).corrections if path.exists() else None
