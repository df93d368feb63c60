"""`rules check` and `rules init`: validate a rulebook, or copy the default one to edit."""

from __future__ import annotations

from pathlib import Path

from ssi_coach.core.rulebook import Rulebook
from ssi_coach.errors import CannotWrite, InputError
from ssi_coach.formats.rulebook_file import load_rulebook
from ssi_coach.storage.files import RULEBOOK_LIMIT, read_user_file, write_atomically
from ssi_coach.storage.paths import default_rulebook


def check_rulebook(path: Path | None) -> Rulebook:
    """The rulebook at `path` (the shipped one by default), validated afresh (no cache)."""
    return load_rulebook(path or default_rulebook(), use_cache=False)


def copy_default_rulebook(path: Path) -> None:
    """Writes a copy of the default rulebook to `path`, never over an existing file and
    never half-written."""
    content = read_user_file(default_rulebook(), RULEBOOK_LIMIT)
    try:
        write_atomically(path, content, replace=False)
    except FileExistsError:
        raise InputError("rules init", "err.exists", value=path) from None
    except OSError as error:
        raise CannotWrite(str(path), "err.cannot_write", reason=error) from None
