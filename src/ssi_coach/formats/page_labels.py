"""The phrases `paste` looks for on LinkedIn's SSI page, read from a TOML file
(`data/page_labels.toml`, or the user's own with `paste --labels`): one table per language of
the page. The file is validated (a precise error names the file and the place) and cached
like the rulebook. All phrases are folded (lower case, no accents, single spaces) and the
languages merged: the parser looks for every language's words at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final, NamedTuple

from ssi_coach.core.pillars import PILLARS, fold
from ssi_coach.storage.cache import cached_document
from ssi_coach.storage.files import RULEBOOK_LIMIT, read_user_file

GROUPS: Final = ("industry", "network", "team")


class PageLabels(NamedTuple):
    """Every language's phrases, folded; by kind."""

    source: str
    pillars: dict[str, tuple[str, ...]]
    own: tuple[str, ...]
    groups: dict[str, tuple[str, ...]]
    peer_prefixes: tuple[str, ...]
    ranks: dict[str, tuple[str, ...]]
    top: tuple[str, ...]
    rank_in_group: tuple[str, ...]
    out_of: tuple[str, ...]
    average: tuple[str, ...]
    group_words: dict[str, tuple[str, ...]]


def default_labels() -> Path:
    from ssi_coach.storage.paths import default_rulebook

    return default_rulebook().with_name("page_labels.toml")


def load_page_labels(path: Path | None = None) -> PageLabels:
    """The labels in `path` (the shipped ones by default), validated; RulebookError names the
    file, the place and each problem."""
    path = path or default_labels()
    content = read_user_file(path, RULEBOOK_LIMIT)
    document = cached_document("labels", content, lambda data: _validate(data, str(path)))
    return _labels(document, str(path))


def _validate(content: bytes, source: str) -> dict[str, Any]:
    from ssi_coach.formats.page_labels_schema import LabelsFile
    from ssi_coach.formats.toml_document import validated

    spec = validated(content, source, LabelsFile)
    return {lang: labels.model_dump() for lang, labels in spec.root.items()}


def _labels(document: dict[str, Any], source: str) -> PageLabels:
    languages = list(document.values())

    def merged(key: str) -> tuple[str, ...]:
        return _unique(fold(phrase) for lang in languages for phrase in lang.get(key) or ())

    def by_kind(key: str, kinds: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        return {
            kind: _unique(
                fold(p) for lang in languages for p in (lang.get(key) or {}).get(kind) or ()
            )
            for kind in kinds
        }

    return PageLabels(
        source=source,
        pillars=by_kind("pillars", PILLARS),
        own=merged("own"),
        groups=by_kind("groups", GROUPS),
        peer_prefixes=merged("peer_prefixes"),
        ranks=by_kind("ranks", GROUPS),
        top=merged("top"),
        rank_in_group=merged("rank_in_group"),
        out_of=merged("out_of"),
        average=merged("average"),
        group_words=by_kind("group_words", GROUPS),
    )


def _unique(phrases: Any) -> tuple[str, ...]:
    # Longest first: a regular expression alternation then prefers the fullest phrase.
    return tuple(sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase)))
