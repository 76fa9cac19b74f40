"""Reading files from a project: regular files only, and never more than a size limit.

Notes and settings come from a folder anyone can hand over. A FIFO named `chapitre-14.md` would make
a plain `open` wait forever for a writer, a chapter symlinked to `/dev/zero` would fill the memory,
and `/proc` files claim a size of 0. So a file is looked at (`os.stat`) before it is opened, opened
without blocking, looked at again through its descriptor (the path may have changed in between), and
read up to its limit plus one byte, whatever size it claims. The failures are `OSError`s whose
`strerror` says what is wrong, so callers report them as they report any unreadable file.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 50 * 1024 * 1024
"""The largest chapter, settings or corrections file read (a book of notes is a few MB)."""


class RefusedFileError(OSError):
    """A file that is not read: not a regular file, or larger than the limit."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def _check(info: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise RefusedFileError(errno.EINVAL, f"it is {_kind(info.st_mode)}, not a regular file")
    if info.st_size > limit:
        raise RefusedFileError(errno.EFBIG, f"it is larger than {_megabytes(limit)}")


def check_regular_file(path: str | Path, limit: int = MAX_FILE_BYTES) -> None:
    """Raise `RefusedFileError` unless `path` is a regular file of at most `limit` bytes (a first
    look, for a file read later: `read_regular_file` looks again)."""
    _check(os.stat(path), limit)


def read_regular_file(path: str | Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at `path` (symlinks followed), at most `limit` of them.

    Raises `RefusedFileError` (an `OSError`) for anything else, and `OSError` when it cannot be read.
    """
    _check(os.stat(path), limit)
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        _check(os.fstat(descriptor), limit)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(descriptor, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise RefusedFileError(errno.EFBIG, f"it is larger than {_megabytes(limit)}")
    return data
