"""The user's files: reading one (the one way every command does it), and writing one so that
a crash or a full disk never leaves half of it."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import TextIO

from ssi_coach.errors import InputError


def read_user_file(path: Path) -> bytes:
    """The bytes of a file the user named. Raises InputError saying why it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(str(path), "err.cannot_read", reason=_reason(error)) from None


def read_input(name: str) -> bytes:
    """The bytes of the file named `name`, or of stdin when it is `-`."""
    if name != "-":
        return read_user_file(Path(name))
    try:
        return sys.stdin.buffer.read()
    except (OSError, AttributeError, ValueError) as error:  # closed or missing stdin
        raise InputError("stdin", "err.cannot_read", reason=str(error)) from None


def open_input_text(name: str) -> TextIO:
    """A text stream of the file named `name`, or of stdin when it is `-`, read as a stream
    (a team's file can be large): UTF-8 without its byte-order mark, line ends kept as they
    are for the csv module. Raises InputError when it cannot be opened."""
    if name == "-":
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
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
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


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
