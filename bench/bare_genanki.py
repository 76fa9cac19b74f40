"""The baseline: a plain script that calls markdown.markdown() per card, then genanki.

Reads ankdown-format files (fields split by a lone '%', cards by a lone '---'), as a student
would write a one-off script, with none of supportcards' work (no normalizer, no sanitizer).
"""

from __future__ import annotations

import sys
from pathlib import Path

import genanki
import markdown


def main(folder: Path, target: Path) -> None:
    model = genanki.Model(
        1607392319,
        "Simple",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}],
    )
    deck = genanki.Deck(2059400110, "Bare")
    for path in sorted(folder.glob("*.md")):
        for block in path.read_text(encoding="utf-8").split("\n---\n"):
            fields = [part.strip() for part in block.split("\n%\n")]
            deck.add_note(
                genanki.Note(model=model, fields=[markdown.markdown(fields[0]), markdown.markdown(fields[1])])
            )
    genanki.Package(deck).write_to_file(target)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
