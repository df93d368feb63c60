"""A cache of validated documents (rulebooks, the config), keyed by their content.

Parsing TOML and validating it with Pydantic costs more than the rest of a command, so a
document that passed once is kept as JSON under a name made from its bytes: any edit makes a
new name, and so a fresh validation. The cache is only ever a shortcut: a missing, damaged or
unwritable cache costs time, never correctness.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ssi_coach import __version__
from ssi_coach.paths import cache_dir


def cached_document(
    kind: str, content: bytes, validate: Callable[[bytes], dict[str, Any]]
) -> dict[str, Any]:
    """`validate(content)`, or the result it gave last time for these exact bytes."""
    cache_file = cache_dir() / f"{kind}-{content_key(content)}.json"
    document = _read(cache_file)
    if document is None:
        document = validate(content)
        _write(cache_file, document)
    return document


def forget(kind: str, content: bytes) -> None:
    """Drop the cached result for `content` (after it turned out to be unusable)."""
    (cache_dir() / f"{kind}-{content_key(content)}.json").unlink(missing_ok=True)


def content_key(content: bytes) -> str:
    # The version is part of the key: a new release may check more rules.
    return hashlib.sha256(__version__.encode() + b"\0" + content).hexdigest()[:32]


def _read(cache_file: Path) -> dict[str, Any] | None:
    try:
        with cache_file.open(encoding="utf-8") as stream:
            document = json.load(stream)
    except (OSError, ValueError):
        return None
    return document if isinstance(document, dict) else None


def _write(cache_file: Path, document: dict[str, Any]) -> None:
    """Best effort: a read-only or full disk only costs the next start some time."""
    import tempfile

    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=cache_file.parent, suffix=".tmp")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                json.dump(document, stream, ensure_ascii=False)
            os.replace(temporary, cache_file)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass
