"""Writing files so that a failure never leaves a half-written or lost file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError


@contextmanager
def replacing(target: Path, mode: int = 0o644) -> Iterator[Path]:
    """A temporary path beside `target`, renamed over it only if the block succeeds.

    The rename is atomic on the same file system, so readers see the old file or the new one, and
    an error or an interruption leaves the old file byte for byte as it was.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise OutputError(f"{target.parent}: cannot write here ({error.strerror})") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        temporary.chmod(mode)
        os.replace(temporary, target)
    except OSError as error:
        raise OutputError(f"{target}: cannot write ({error.strerror})") from None
    finally:
        temporary.unlink(missing_ok=True)


def write_atomically(target: Path, data: bytes) -> None:
    """Replace `target` with `data` in one step (see `replacing`)."""
    with replacing(target) as temporary:
        temporary.write_bytes(data)
