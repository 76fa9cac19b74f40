"""Stable card identity: the GUID Anki uses to match a re-imported note to the one it already has.

genanki's default GUID hashes every field, so fixing a typo would make a new note and lose the
card's review history. Here the GUID comes from a key that survives edits of the back: the chapter
plus the normalized front, or the card's explicit `@id` (which survives a rewritten front too).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .model import Card, Chapter

_BASE91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"


def front_slug(front: str) -> str:
    """The front reduced to what identifies it: no case, accents, punctuation or spacing."""
    decomposed = unicodedata.normalize("NFKD", front.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\W_]+", "-", plain).strip("-")


def card_key(card: Card, chapter: Chapter) -> str:
    """The identity of a card: `id:<id>` when it has one, else `<chapter>/<front slug>`."""
    if card.id:
        return f"id:{card.id}"
    return f"{chapter.slug}/{front_slug(card.front)}"


def guid_for_key(key: str) -> str:
    """Anki's GUID for a key: 64 bits of its SHA-256, in the base-91 alphabet Anki itself uses."""
    number = int.from_bytes(hashlib.sha256(f"supportcards:{key}".encode()).digest()[:8], "big")
    digits = []
    while number:
        number, rest = divmod(number, len(_BASE91))
        digits.append(_BASE91[rest])
    return "".join(reversed(digits)) or _BASE91[0]
