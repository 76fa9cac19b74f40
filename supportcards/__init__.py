"""supportcards: French course notes in Markdown to a polished Anki deck.

The pipeline is one module per stage: `parse` (source files to cards), `normalize` (typos and
typography), `render` (Markdown to safe HTML) and `export` (the .apkg, with genanki).
`build` runs them all.
"""

__version__ = "0.1.0"
