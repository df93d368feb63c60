"""Loading a rulebook file: parse the TOML, validate its shape with Pydantic
(`rulebook_schema`), then check the rules a schema cannot express (`core/rulebook_checks`).

A file that passed once is cached (`storage/cache.py`), so that the next start skips the TOML
parser and Pydantic entirely.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ssi_coach.core.rulebook import Rulebook, rulebook_from_document
from ssi_coach.errors import RulebookError
from ssi_coach.storage.cache import cached_document
from ssi_coach.storage.files import RULEBOOK_LIMIT, read_user_file
from ssi_coach.storage.paths import default_rulebook


def load_rulebook(path: Path | None = None, *, use_cache: bool = True) -> Rulebook:
    """The rulebook at `path` (the shipped one by default), validated.

    Raises RulebookError naming the file, the place in it and each problem.
    """
    path = path or default_rulebook()
    source = str(path)
    content = read_user_file(path, RULEBOOK_LIMIT)

    def validate(content: bytes) -> dict[str, Any]:
        return validate_rulebook(content, source)

    if not use_cache:
        return rulebook_from_document(validate(content), source)
    document = cached_document("rulebook", content, validate)
    try:
        return rulebook_from_document(document, source)
    except (KeyError, IndexError, TypeError, ValueError):  # a damaged cache entry
        return rulebook_from_document(validate(content), source)


def validate_rulebook(content: bytes, source: str) -> dict[str, Any]:
    """The rulebook document in `content`, once every rule is checked: plain data (what the
    cache stores). Every problem found is reported at once in a RulebookError."""
    from ssi_coach.core.rulebook_checks import rulebook_problems
    from ssi_coach.formats.rulebook_schema import RulebookSpec
    from ssi_coach.formats.toml_document import validated

    spec = validated(content, source, RulebookSpec)
    document = spec.model_dump(by_alias=True)
    problems = rulebook_problems(rulebook_from_document(document, source))
    if problems:
        raise RulebookError([f"{source}: {problem}" for problem in problems])
    return document
