"""Writing files so that a failure never leaves a half-written or lost file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
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


def replace_together(contents: Sequence[tuple[Path, bytes]], before_renames: Callable[[], None] | None = None) -> None:
    """Replace each target with its bytes, all or none, keeping each target's permissions (and its
    owner, where allowed).

    Every temporary file is written beside its target first; only when all are complete (and
    `before_renames`, if given, did not raise) are they renamed into place, one after the other.
    A failure before that (a full disk) removes every temporary and changes no target. (A rename
    within one folder needs no space, so a failure between two renames is not to be expected.)
    """
    temporaries: list[Path] = []
    target = Path(".")
    try:
        for target, data in contents:
            handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
            temporaries.append(Path(name))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            _copy_owner_and_mode(target, Path(name))
        if before_renames is not None:
            before_renames()
        for (target, _), temporary in zip(contents, temporaries, strict=True):
            os.replace(temporary, target)
    except OSError as error:
        raise OutputError(f"{target}: cannot write ({error.strerror}); no file was changed") from None
    finally:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)


def _copy_owner_and_mode(original: Path, copy: Path) -> None:
    status = original.stat()
    if (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
        with suppress(OSError):  # only root may give a file away; the group may still work
            os.chown(copy, status.st_uid, status.st_gid)
    copy.chmod(status.st_mode & 0o7777)
