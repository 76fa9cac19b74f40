"""The least a rebuild after one edit can cost with supportcards' libraries, whatever its design.

    python bench/floor.py 10000 OUT.apkg

A process that does only what any rebuild which writes its package anew must do: start Python,
import click and genanki, build a Python-Markdown parser and render one card (the edited one),
let genanki write the collection, insert N notes of the benchmark's size with one `executemany`
and deflate the result, as supportcards does. It reads no notes, no cache and no lockfile, so
`make bench` can show how much of the rebuild target these steps alone take.
"""

from __future__ import annotations

import itertools
import sqlite3
import sys
import zipfile
from pathlib import Path

import click  # noqa: F401  (the CLI's import)
import genanki
import markdown

FRONT = "Quels sont les avantages du Help-Desk (n° 1234)&nbsp;?"
BACK = (
    "<p>C’est une unité de support capable de résoudre des problèmes plus complexes.<br>\n"
    "Le niveau d’urgence est évalué du point de vue de l’entreprise et non celui du demandeur.<br>\n"
    "Avantages&nbsp;:</p>\n<ol>\n<li>Réponse plus rapide</li>\n<li>Gain de temps</li>\n"
    "<li>Communication plus facile</li>\n</ol>"
)


def main(count: int, target: Path) -> None:
    parser = markdown.Markdown(extensions=["sane_lists", "tables", "fenced_code"], output_format="html")
    parser.convert("Avantages :\n\n1. Réponse plus rapide\n2. Gain de temps")
    names = ("Front", "Back", "Chapter", "Topics", "Source", "Reverse")
    model = genanki.Model(1811283945, "floor", fields=[{"name": name} for name in names],
                          templates=[{"name": "Recto", "qfmt": "{{Front}}", "afmt": "{{Back}}"}])  # fmt: skip
    deck = genanki.Deck(1 << 40, "Banc")
    deck.add_model(model)
    database = target.with_suffix(".anki2")
    database.unlink(missing_ok=True)
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    ids = itertools.count(1_700_000_000_000)
    genanki.Package([deck]).write_to_db(connection.cursor(), 1.7e9, ids)
    notes, cards = [], []
    for number in range(count):
        note_id = next(ids)
        fields = f"{FRONT}{number}\x1f{BACK}\x1fChapitre 1\x1f\x1fchapitre-001.md\x1f"
        notes.append((note_id, f"g{number}", 1811283945, 1_700_000_000, -1, " tag ", fields, FRONT, 0, 0, ""))
        cards.append((next(ids), note_id, 1 << 40, 0, 1_700_000_000, -1, 0, 0, number, 0, 0, 0, 0, 0, 0, 0, 0, ""))
    connection.executemany("INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)", notes)
    connection.executemany("INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cards)
    connection.commit()
    connection.close()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bundle:
        bundle.write(database, "collection.anki2")
    database.unlink()


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]))
