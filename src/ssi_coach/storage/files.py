"""The user's files: reading one (the one way every command does it), and writing one so that
a crash or a full disk never leaves half of it.

Every read has a limit, far above any real file, so that `/dev/zero` or a runaway file is
refused instead of filling the memory: whole files are read up to a size, and files read as
a stream (CSV) up to a line length.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final, TextIO

from ssi_coach.errors import CannotWrite, InputError

MiB: Final = 1024 * 1024
RULEBOOK_LIMIT: Final = 8 * MiB  # the shipped rulebook is about 70 KiB
CONFIG_LIMIT: Final = 1 * MiB
PASTE_LIMIT: Final = 8 * MiB  # a copied SSI page is a few KiB, its JSON less
BACKUP_LIMIT: Final = 512 * MiB  # a JSON backup of ten years is about 5 MiB
LINE_LIMIT: Final = 1 * MiB  # a CSV line; a team's file of any length is read as a stream


def read_user_file(path: Path, limit: int) -> bytes:
    """The bytes of a file the user named, `limit` bytes at most. Raises InputError saying
    why it cannot be read."""
    try:
        with path.open("rb") as stream:
            return _limited(stream.read(limit + 1), str(path), limit)
    except OSError as error:
        raise InputError(str(path), "err.cannot_read", reason=_reason(error)) from None


def read_input(name: str, limit: int) -> bytes:
    """The bytes of the file named `name`, or of stdin when it is `-`."""
    if name != "-":
        return read_user_file(Path(name), limit)
    if sys.stdin is None:  # started with stdin closed (`<&-`)
        raise InputError("stdin", "err.stdin_closed")
    try:
        return _limited(sys.stdin.buffer.read(limit + 1), "stdin", limit)
    except (OSError, ValueError) as error:
        raise InputError("stdin", "err.cannot_read", reason=_reason(error)) from None


def first_bytes(path: Path, count: int) -> bytes:
    """The first `count` bytes of a file the user named (to tell its format)."""
    try:
        with path.open("rb") as stream:
            return stream.read(count)
    except OSError as error:
        raise InputError(str(path), "err.cannot_read", reason=_reason(error)) from None


def _limited(content: bytes, name: str, limit: int) -> bytes:
    if len(content) > limit:
        raise InputError(name, "err.too_large", limit=f"{limit // MiB} MiB")
    return content


def limited_lines(stream: TextIO, name: str) -> Iterator[str]:
    """The lines of `stream`, each `LINE_LIMIT` characters at most (else InputError)."""
    while True:
        line = stream.readline(LINE_LIMIT + 1)
        if not line:
            return
        if len(line) > LINE_LIMIT:
            raise InputError(name, "err.line_too_long", limit=f"{LINE_LIMIT // MiB} MiB")
        yield line


def open_input_text(name: str) -> TextIO:
    """A text stream of the file named `name`, or of stdin when it is `-`, read as a stream
    (a team's file can be large): UTF-8 without its byte-order mark, line ends kept as they
    are for the csv module. Raises InputError when it cannot be opened."""
    if name == "-":
        if sys.stdin is None:
            raise InputError("stdin", "err.stdin_closed")
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
    try:
        return open(name, encoding="utf-8-sig", newline="")
    except OSError as error:
        raise InputError(name, "err.cannot_read", reason=_reason(error)) from None


def write_atomically(path: Path, content: bytes, *, replace: bool = True) -> None:
    """Writes `content` to a temporary file beside `path`, then moves it to `path`: a crash
    leaves the old file or the new one, never half of one. With `replace` false an existing
    `path` is never overwritten (FileExistsError). The file is private (0600), and so is a
    directory made for it. Raises OSError."""
    make_private_directory(path.parent)
    # As tempfile.mkstemp does, without its import (random, hashlib), which `check` would
    # pay for each day's status file.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(6).hex()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
        if replace:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails if `path` exists, atomically
            os.unlink(temporary)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _reason(error: Exception) -> OSError | str:
    """Why a file failed: the OSError itself, which messages puts in the user's language."""
    return error if isinstance(error, OSError) else str(error)


@contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Holds an exclusive lock on the file `path` (made if need be, private), so that one
    process at a time runs the block; the others wait their turn."""
    try:
        make_private_directory(path.parent)
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise CannotWrite(str(path.parent), "err.cannot_write", reason=_reason(error)) from None
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def make_private_directory(directory: Path) -> None:
    """Makes `directory` and any missing parent readable by the user only, whatever the
    umask."""
    missing = [d for d in (directory, *directory.parents) if not d.exists()]
    directory.mkdir(parents=True, exist_ok=True)
    for made in missing:
        os.chmod(made, 0o700)
