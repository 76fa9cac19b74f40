"""Writing files so that a failure never leaves a half-written or lost file behind."""

from __future__ import annotations

import os
import re
import tempfile
import time
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
        handle, name = _temporary_beside(target)
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


def _temporary_beside(target: Path) -> tuple[int, str]:
    """A new temporary file `.<target name>.<pid>.<random>.part`: the pid tells a later build
    whether its writer is still running (see `remove_stale_temporaries`)."""
    return tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".part", dir=target.parent)


_TEMPORARY = re.compile(r"^\..+?(?:\.(?P<pid>\d+))?\.[a-z0-9_]{8}\.part(?:\.anki2)?$")
LEGACY_STALE_AFTER = 3600
"""Seconds after which a temporary file without a pid in its name (from supportcards 0.1) is stale."""


def remove_stale_temporaries(folder: Path, prefix: str = ".") -> None:
    """Remove the temporary files (named `prefix...`) that killed processes left in `folder`.

    A temporary file is stale when the process named in it is no longer running (never one of a
    build still under way, in this folder or another), or, without a pid in its name, when it is
    more than an hour old. Errors are ignored: this is tidying up. (A build in another PID
    namespace, say another container sharing the folder, cannot be seen and would look finished.)
    """
    now = time.time()
    with suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            match = _TEMPORARY.match(entry.name)
            if not match or not entry.name.startswith(prefix) or not entry.is_file(follow_symlinks=False):
                continue
            pid = match.group("pid")
            with suppress(OSError):
                if (not _running(int(pid))) if pid else now - entry.stat().st_mtime > LEGACY_STALE_AFTER:
                    os.unlink(entry.path)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, as another user's process
    return True


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
            handle, name = _temporary_beside(target)
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
