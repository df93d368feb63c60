"""A cache of validated documents (rulebooks, the config), keyed by their content.

Parsing TOML and validating it with Pydantic costs more than the rest of a command, so a
document that passed once is kept as JSON beside a copy of the exact bytes it came from (and
the release that checked them): any edit, or a new release, means a fresh validation. The
entry's name is only a checksum of the bytes; the comparison of the bytes themselves is what
decides, so a collision costs a validation, never a wrong answer. (hashlib would cost start-up
time: it loads OpenSSL.) The cache is only ever a shortcut: a missing, damaged or unwritable
cache costs time, never correctness. An entry is only believed from a directory that no
one but the user can write to; whatever it says is shown through the same safe output as
everything else.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ssi_coach import __version__
from ssi_coach.storage.files import write_atomically
from ssi_coach.storage.paths import cache_dir


def cached_document(
    kind: str, content: bytes, validate: Callable[[bytes], dict[str, Any]]
) -> dict[str, Any]:
    """`validate(content)`, or the result it gave last time for these exact bytes."""
    cache_file = _cache_file(kind, content)
    entry = _read(cache_file)
    if (
        entry is not None
        and entry.get("version") == __version__
        and entry.get("content") == content.decode("utf-8", "replace")
        and isinstance(entry.get("document"), dict)
    ):
        return entry["document"]  # type: ignore[no-any-return]
    document = validate(content)
    text = content.decode("utf-8", "replace")
    _write(cache_file, {"version": __version__, "content": text, "document": document})
    return document


def forget(kind: str, content: bytes) -> None:
    """Drop the cached result for `content` (after it turned out to be unusable)."""
    _cache_file(kind, content).unlink(missing_ok=True)


def _cache_file(kind: str, content: bytes) -> Path:
    return cache_dir() / f"{kind}-{zlib.crc32(content):08x}.json"


def _read(cache_file: Path) -> dict[str, Any] | None:
    if not _private(cache_file.parent):
        return None  # anyone may have put it there: validate the document afresh
    try:
        with cache_file.open(encoding="utf-8") as stream:
            document = json.load(stream)
    except (OSError, ValueError):
        return None
    return document if isinstance(document, dict) else None


def _private(directory: Path) -> bool:
    """Whether only the user can have written the cache: their own directory, which no one
    else may write to."""
    if not hasattr(os, "geteuid"):  # Windows: the profile directory is the user's
        return True
    try:
        info = directory.stat()
    except OSError:
        return False
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _write(cache_file: Path, entry: dict[str, Any]) -> None:
    """Best effort: a read-only or full disk only costs the next start some time."""
    with contextlib.suppress(OSError):
        write_atomically(cache_file, json.dumps(entry, ensure_ascii=False).encode("utf-8"))
