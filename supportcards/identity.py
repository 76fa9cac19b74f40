"""Stable card identity: the GUID Anki uses to match a re-imported note to the one it already has.

genanki's default GUID hashes every field, so fixing a typo would make a new note and lose the
card's review history. Here the GUID comes from a key that survives edits of the back:

- by default `<chapter>/<front slug>`, e.g. `02/spoc-single-point-of-contact`: the chapter number
  and the normalized front without case, accents or punctuation (so `fix --write` and typography
  never change it);
- or the card's explicit `@id`, which survives a rewritten front and a move to another chapter.
  An id is a key: to keep a card's history while rewriting its front, give it `@id:` with its
  current key (from `supportcards.lock`, or as `supportcards lint` suggests).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .errors import SourceError
from .model import Card, Chapter, Location, NoteRow

_BASE91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"


_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})


_NAMED_SIGNS = re.compile(r"(?<=[a-z0-9#+])(?:(?P<sharp>#)|(?P<plus>\+))")


def front_slug(front: str) -> str:
    """The front reduced to what identifies it: ASCII lowercase words joined by '-'.

    A '#' or '+' stuck to a word is part of a name (C#, F#, C++, A+) and becomes a word, so that
    "Le langage C#", "Le langage C++" and "Le langage C" are three cards; other punctuation goes.
    """
    decomposed = unicodedata.normalize("NFKD", front.casefold().translate(_LIGATURES))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    named = _NAMED_SIGNS.sub(lambda sign: "-sharp-" if sign.group("sharp") else "-plus-", plain)
    return re.sub(r"[^a-z0-9]+", "-", named).strip("-") or "carte"


def card_key(card: Card, chapter: Chapter) -> str:
    """The identity of a card: its `@id` when it has one, else `<chapter>/<front slug>`."""
    return card.id or f"{chapter.slug}/{front_slug(card.front)}"


def guid_for_key(key: str, kind: str = "basic") -> str:
    """Anki's GUID for a key: 64 bits of its SHA-256, in the base-91 alphabet Anki itself uses.

    A list card (`kind` "cloze") has a GUID of its own: Anki skips an imported note whose GUID is
    that of a note of another note type ("conflicting"), so a card that becomes a list card must be
    a new note, under the same key.
    """
    name = key if kind == "basic" else f"{key}#{kind}"
    number = int.from_bytes(hashlib.sha256(f"supportcards:{name}".encode()).digest()[:8], "big")
    digits = []
    while number:
        number, rest = divmod(number, len(_BASE91))
        digits.append(_BASE91[rest])
    return "".join(reversed(digits)) or _BASE91[0]


def duplicate_key(note: NoteRow, seen: dict[str, Location]) -> SourceError | None:
    """Two cards with one key would be one note in Anki: an error naming both lines.

    `seen` maps the keys met so far to their card's location; call this for every note in order.
    """
    earlier = seen.setdefault(note.key, note.location)
    if earlier is note.location:
        return None
    why = "the same @id" if note.has_id else "the same front in the same chapter"
    return SourceError(
        note.location,
        f"this card has {why} as the card at {earlier} (key {note.key!r})",
        "reword one front, or give one of them its own '@id: ...'",
    )
