"""The user's files: reading one (the one way every command does it), and writing one so that
a crash or a full disk never leaves half of it.

Every read has a limit, far above any real file, so that `/dev/zero` or a runaway file is
refused instead of filling the memory: whole files are read up to a size, and files read as
a stream (CSV) up to a line length.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Final, TypeVar

from ssi_coach.errors import CannotWrite, InputError

MiB: Final = 1024 * 1024
RULEBOOK_LIMIT: Final = 8 * MiB  # the shipped rulebook is about 70 KiB
CONFIG_LIMIT: Final = 1 * MiB
PASTE_LIMIT: Final = 8 * MiB  # a copied SSI page is a few KiB, its JSON less
BACKUP_LIMIT: Final = 512 * MiB  # a JSON backup of ten years is about 5 MiB
LINE_LIMIT: Final = 1 * MiB  # a CSV line; a team's file of any length is read as a stream
CHUNK: Final = 1 * MiB  # what a stream is read by
STDIN_REPLAY_LIMIT: Final = 64 * MiB  # stdin kept to be read again as Windows-1252 (see below)
# What French (and most Western) Excel saves "CSV (separator: semicolon)" in, when not UTF-8.
FALLBACK_ENCODING: Final = "cp1252"

T = TypeVar("T")


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


class _ReadAgain(Exception):
    """The stream held UTF-8 text before its first byte that is not: the text read so far
    would read differently as Windows-1252, so the file is read again from its start."""


def read_lines(name: str, read: Callable[[Iterator[str]], T]) -> tuple[T, str]:
    """`read` applied to the lines of the file named `name` (stdin when it is `-`), read as
    a stream, each with its line end (LF, CRLF or CR, as spreadsheets write them); a line
    still open past `LINE_LIMIT` characters is refused (so a line is at most LINE_LIMIT
    and a chunk long). The text is UTF-8 (a byte-order mark
    dropped); a file that is not valid UTF-8 is read as Windows-1252 instead. Returns what
    `read` returns and the encoding read ("utf-8" or "cp1252"). Raises InputError when the
    file cannot be opened or read, or is in neither encoding.

    Reading twice is rare: only a file whose first byte that is not UTF-8 comes after UTF-8
    text that is not ASCII is read again; stdin, which cannot be, is kept for it up to
    STDIN_REPLAY_LIMIT."""
    source = "stdin" if name == "-" else name
    try:
        with _binary_input(name) as stream:
            text = _TextStream(stream, source, keep=name == "-")
            try:
                return read(text.lines()), text.encoding
            except _ReadAgain:
                text.start_again()
                return read(text.lines()), text.encoding
    except OSError as error:  # a read that fails half-way
        raise InputError(source, "err.cannot_read", reason=_reason(error)) from None


@contextmanager
def _binary_input(name: str) -> Iterator[BinaryIO]:
    if name == "-":
        if sys.stdin is None:
            raise InputError("stdin", "err.stdin_closed")
        yield sys.stdin.buffer
        return
    try:
        stream = open(name, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        raise InputError(name, "err.cannot_read", reason=_reason(error)) from None
    with stream:
        yield stream


class _TextStream:
    """A binary stream's lines, decoded. Chunks of stdin are kept, up to
    STDIN_REPLAY_LIMIT, in case it must be read again."""

    def __init__(self, stream: BinaryIO, source: str, *, keep: bool) -> None:
        self.stream = stream
        self.source = source
        self.encoding = "utf-8"
        self.decode = _decoder(self.encoding)
        self.seekable = not keep
        self.kept: list[bytes] | None = [] if keep else None
        self.kept_size = 0
        self.replay: list[bytes] = []

    def start_again(self) -> None:
        """Back to the first byte, to read it all as Windows-1252."""
        self.encoding = FALLBACK_ENCODING
        self.decode = _decoder(FALLBACK_ENCODING)
        if self.seekable:
            self.stream.seek(0)
        elif self.kept is None:  # too long to keep: said, not guessed
            limit = f"{STDIN_REPLAY_LIMIT // MiB} MiB"
            raise InputError(self.source, "err.mixed_encoding", limit=limit)
        else:
            self.replay, self.kept = self.kept, None

    def _chunks(self) -> Iterator[bytes]:
        yield from self.replay
        self.replay = []
        while chunk := self.stream.read(CHUNK):
            if self.kept is not None:
                self.kept_size += len(chunk)
                if self.kept_size <= STDIN_REPLAY_LIMIT:
                    self.kept.append(chunk)
                else:
                    self.kept = None
            yield chunk

    def lines(self) -> Iterator[str]:
        """The lines, taken from blocks of them (one per chunk) by a C-level chain: a line
        costs no Python step of its own."""
        from itertools import chain

        return chain.from_iterable(self._blocks())

    def _blocks(self) -> Iterator[list[str]]:
        """A UTF-8 stream that turns out not to be switches to Windows-1252 where it can
        without reading again: when every byte before was ASCII, which both read alike."""
        import codecs

        carry, only_ascii, first = "", True, True
        for chunk in self._chunks():
            if first and chunk.startswith(codecs.BOM_UTF8):
                chunk = chunk[len(codecs.BOM_UTF8) :]
            elif first and chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                # Excel's "Unicode text": said as such, not misread as Windows-1252.
                raise InputError(self.source, "err.utf16")
            first = False
            text = carry + self._decoded(chunk, only_ascii)
            only_ascii = only_ascii and chunk.isascii()
            end = text.rfind("\n")
            if end < 0:  # a lone CR ends a line, but not one an LF may follow in the next chunk
                end = text.rfind("\r", 0, len(text) - 1)
            carry = text[end + 1 :]
            if len(carry) > LINE_LIMIT:
                limit = f"{LINE_LIMIT // MiB} MiB"
                raise InputError(self.source, "err.line_too_long", limit=limit)
            yield _split_lines(text[: end + 1])
        carry += self._decoded(b"", only_ascii, final=True)  # a sequence cut at the end
        if carry:
            yield _split_lines(carry)

    def _decoded(self, chunk: bytes, only_ascii: bool, final: bool = False) -> str:
        try:
            return self.decode(chunk, final)
        except UnicodeDecodeError:
            if self.encoding != "utf-8":
                raise InputError(self.source, "err.not_text") from None
            if not only_ascii:
                raise _ReadAgain from None
        self.encoding = FALLBACK_ENCODING
        self.decode = _decoder(FALLBACK_ENCODING)
        self.kept = None  # Windows-1252 reads any byte: never read again
        try:
            return self.decode(chunk, final)
        except UnicodeDecodeError:
            raise InputError(self.source, "err.not_text") from None


def _decoder(encoding: str) -> Callable[[bytes, bool], str]:
    import codecs

    return codecs.getincrementaldecoder(encoding)().decode


# Line breaks that str.splitlines() takes but a CSV file does not (a field may hold them).
_OTHER_BREAKS: Final = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_LINE: Final = re.compile("[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _split_lines(text: str) -> list[str]:
    """The lines of `text`, each with its line end, as a file opened with newline=""
    gives them (the csv module reads a quoted line break from them)."""
    if not any(other in text for other in _OTHER_BREAKS):
        return text.splitlines(keepends=True)
    return _LINE.findall(text)


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
