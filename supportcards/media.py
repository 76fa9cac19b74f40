"""Images of the notes: which files a card may show, their names in the package, their bytes.

Notes are text anyone can hand over, and decks get shared: an image reference must never pack a
file of the machine into a deck (`../../etc/passwd`, `/proc/self/environ`, a symlink to
`~/.ssh/id_rsa`). So an image is a regular file inside the folder of the notes that name it
(symlinks followed, then checked), of at most `MAX_IMAGE_BYTES`. Its name in the package is made
from its content, and the exporter and the preview read it back through `image_bytes`, which
checks that it still is that content: what goes into a deck is exactly what was checked.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .errors import SourceError
from .model import Location, MediaFile
from .reading import read_regular_file

MAX_IMAGE_BYTES = 20 * 1024 * 1024
"""The largest image a card may show: far more than a diagram or a photo needs on a flashcard."""

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".bmp", ".ico", ".tif", ".tiff"})
"""What an image may be: a page (`.html`) packed as media could be opened in Anki by a link."""

_OWN_NAME = re.compile(r"^supportcards-([0-9a-f]{16})(?:\.[^/\\]*)?$")


def name_for(data: bytes, suffix: str) -> str:
    """An image's name inside the package: from its content, so it is unique and stable."""
    return f"supportcards-{hashlib.sha256(data).hexdigest()[:16]}{suffix.lower()}"


def media_name(path: Path) -> str:
    """The package name of the image at `path` (read as `image_bytes` reads it)."""
    return name_for(read_regular_file(path, MAX_IMAGE_BYTES), path.suffix)


def find_image(reference: str, notes: str, location: Location) -> MediaFile:
    """The image `reference` (a path relative to the notes file `notes`) as it goes into a package.

    Anything but a readable regular file inside the notes' folder is a `SourceError` at `location`.
    """
    folder = Path(notes).parent
    wanted = folder / reference
    try:
        inside = folder.resolve(strict=True)
        image = wanted.resolve(strict=True)
    except FileNotFoundError:
        raise SourceError(
            location,
            f"image not found: {reference}",
            f"image paths are relative to {Path(notes).name}; looked for {wanted}",
        ) from None
    except (OSError, RuntimeError) as error:  # a loop of symlinks: RuntimeError before Python 3.13
        reason = getattr(error, "strerror", None) or "a loop of symbolic links"
        raise SourceError(location, f"cannot read the image {reference} ({reason})") from None
    if not image.is_relative_to(inside):
        raise SourceError(
            location,
            f"image outside the notes' folder: {reference}",
            f"an image must be a file in {folder} or one of its subfolders (a link to a file elsewhere is refused)",
        )
    if image.suffix.lower() not in IMAGE_SUFFIXES:
        raise SourceError(
            location,
            f"not an image file: {reference}",
            f"a card shows images: {', '.join(sorted(suffix[1:] for suffix in IMAGE_SUFFIXES))}",
        )
    try:
        data = read_regular_file(image, MAX_IMAGE_BYTES)
    except OSError as error:
        raise SourceError(location, f"cannot use the image {reference} ({error.strerror or error})") from None
    return MediaFile(name_for(data, image.suffix), str(image))


def image_bytes(media: MediaFile) -> bytes:
    """The bytes of an image to pack or embed: a regular file of at most `MAX_IMAGE_BYTES` and, for a
    name `find_image` made, still the content that name was made from (else an `OSError`)."""
    data = read_regular_file(media.path, MAX_IMAGE_BYTES)
    own = _OWN_NAME.match(media.name)
    if own and hashlib.sha256(data).hexdigest()[:16] != own.group(1):
        raise OSError(0, f"the image {media.path} changed during the build; build again")
    return data
