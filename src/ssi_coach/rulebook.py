"""The rulebook: bands, per-pillar diagnoses and the actions plans are made of.

A rulebook is a TOML file (the default one ships in `data/action_plans.toml`). Loading it
means: parse the TOML, validate its shape with Pydantic (`rulebook_schema`), then check the
rules a schema cannot express (unique ids, score ranges that cover 0-25, budgets that can be
filled). A file that passed once is cached (`cache.py`), so that the next start skips the
TOML parser and Pydantic entirely.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

from ssi_coach.cache import cached_document, forget
from ssi_coach.errors import RulebookError
from ssi_coach.paths import default_rulebook
from ssi_coach.pillars import MAX_PILLAR_SCORE, PILLARS, Lang


class Band(NamedTuple):
    id: str
    lower: float  # the band holds totals from `lower` up to the next band's `lower`
    name: dict[Lang, str]


class Action(NamedTuple):
    id: str
    pillar: str
    score_low: float
    score_high: float
    minutes_low: int
    minutes_high: int
    text: dict[Lang, str]
    why: dict[Lang, str]

    def suits(self, score: float) -> bool:
        """Whether the action fits a pillar at `score`: from `score_low` up to, not
        including, `score_high`, except that the top of the scale (25) is included."""
        if self.score_high == MAX_PILLAR_SCORE and score == MAX_PILLAR_SCORE:
            return True
        return self.score_low <= score < self.score_high


class Rulebook(NamedTuple):
    source: str
    focus_share: float
    bands: tuple[Band, ...]
    diagnosis: dict[str, dict[Lang, str]]
    actions: tuple[Action, ...]

    def band_for(self, total: float) -> Band:
        return [band for band in self.bands if band.lower <= total][-1]

    def actions_for(self, pillar: str, score: float) -> list[Action]:
        """The pillar's actions that suit `score`, in rulebook order."""
        return [a for a in self.actions if a.pillar == pillar and a.suits(score)]

    def leading_action(self, pillar: str, score: float) -> Action:
        return self.actions_for(pillar, score)[0]

    def actions_per_pillar(self) -> dict[str, int]:
        return {p: sum(a.pillar == p for a in self.actions) for p in PILLARS}

    def summary(self) -> dict[str, Any]:
        """What `rules check --json` says of a valid rulebook."""
        return {
            "path": self.source,
            "valid": True,
            "focus_share": self.focus_share,
            "bands": [band.id for band in self.bands],
            "actions": self.actions_per_pillar(),
        }


def load_rulebook(path: Path | None = None, *, use_cache: bool = True) -> Rulebook:
    """The rulebook at `path` (the shipped one by default), validated.

    Raises RulebookError naming the file, the place in it and each problem.
    """
    path = path or default_rulebook()
    try:
        content = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise RulebookError([f"{path}: cannot read the rulebook: {reason}"]) from None

    def validate(content: bytes) -> dict[str, Any]:
        return validate_document(content, str(path))

    if not use_cache:
        return _build(validate(content), str(path))
    try:
        return _build(cached_document("rulebook", content, validate), str(path))
    except (KeyError, IndexError, TypeError, ValueError):
        forget("rulebook", content)  # a damaged cache file: validate again
        return _build(cached_document("rulebook", content, validate), str(path))


def validate_document(content: bytes, source: str) -> dict[str, Any]:
    """The rulebook document in `content`, once every rule is checked.

    The result is plain data (what the cache stores), with every problem found reported
    at once in a RulebookError.
    """
    import tomllib

    from pydantic import ValidationError

    from ssi_coach.rulebook_schema import RulebookSpec

    try:
        raw = tomllib.loads(content.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise RulebookError([f"{source}: not UTF-8 text ({error.reason})"]) from None
    except tomllib.TOMLDecodeError as error:
        raise RulebookError([f"{source}: invalid TOML: {error}"]) from None
    try:
        spec = RulebookSpec.model_validate(raw)
    except ValidationError as error:
        problems = [
            f"{source}: {_toml_place(problem['loc'], raw)}: {_pydantic_message(problem)}"
            for problem in error.errors(include_url=False)
        ]
        raise RulebookError(problems) from None
    document = spec.model_dump(by_alias=True)
    rulebook = _build(document, source)
    problems = [f"{source}: {problem}" for problem in check_rules(rulebook)]
    if problems:
        raise RulebookError(problems)
    return document


def check_rules(rulebook: Rulebook) -> list[str]:
    """The problems a schema cannot see, each starting with its place in the file."""
    from ssi_coach.planner import unfillable_budgets

    problems = _band_problems(rulebook.bands)
    problems += _duplicate_ids(rulebook.actions)
    problems += _score_gaps(rulebook.actions)
    if not problems:  # filling budgets only makes sense once every score has actions
        problems += unfillable_budgets(rulebook)
    return problems


def _band_problems(bands: tuple[Band, ...]) -> list[str]:
    problems = []
    if bands[0].lower != 0:
        problems.append(f"bands[1].from: the first band must start at 0, not {bands[0].lower:g}")
    for number, (previous, band) in enumerate(pairwise(bands), start=2):
        if band.lower <= previous.lower:
            problems.append(
                f"bands[{number}].from: {band.lower:g} must be above the previous band's "
                f"{previous.lower:g}"
            )
    seen: set[str] = set()
    for number, band in enumerate(bands, start=1):
        if band.id in seen:
            problems.append(f"bands[{number}].id: duplicate id '{band.id}'")
        seen.add(band.id)
    return problems


def _duplicate_ids(actions: tuple[Action, ...]) -> list[str]:
    first_place: dict[str, int] = {}
    problems = []
    for number, action in enumerate(actions, start=1):
        if action.id in first_place:
            problems.append(
                f"actions[{number}].id: duplicate id '{action.id}' "
                f"(already used by actions[{first_place[action.id]}])"
            )
        else:
            first_place[action.id] = number
    return problems


def _score_gaps(actions: tuple[Action, ...]) -> list[str]:
    problems = []
    for pillar in PILLARS:
        ranges = sorted((a.score_low, a.score_high) for a in actions if a.pillar == pillar)
        if not ranges:
            problems.append(f"actions: no action for the pillar '{pillar}'")
            continue
        covered = 0.0
        for low, high in ranges:
            if low > covered:
                problems.append(
                    f"actions: the pillar '{pillar}' has no action for scores "
                    f"from {covered:g} to {low:g}"
                )
            covered = max(covered, high)
        if covered < MAX_PILLAR_SCORE:
            problems.append(
                f"actions: the pillar '{pillar}' has no action for scores "
                f"from {covered:g} to {MAX_PILLAR_SCORE:g}"
            )
    return problems


def _toml_place(loc: tuple[int | str, ...], raw: Any) -> str:
    """A Pydantic location as a TOML path (`actions[4].minutes`), 1-based like a person
    counts, with the action's id when it has one so the author finds it at once."""
    place = ""
    node = raw
    for part in loc:
        if isinstance(part, int):
            place += f"[{part + 1}]"
            if isinstance(node, list) and part < len(node):
                node = node[part]
                if isinstance(node, dict) and isinstance(node.get("id"), str):
                    place += f" (id '{node['id']}')"
            continue
        place += f".{part}" if place else part
        node = node.get(part) if isinstance(node, dict) else None
    return place or "(top level)"


def _pydantic_message(problem: Any) -> str:
    message = str(problem["msg"]).removeprefix("Value error, ")
    if problem["type"] == "extra_forbidden":
        return "unknown key"
    if problem["type"] == "missing":
        return "required key is missing"
    return message


def _build(document: dict[str, Any], source: str) -> Rulebook:
    def text(value: dict[str, str]) -> dict[Lang, str]:
        return {"en": value["en"], "fr": value["fr"]}

    actions = []
    for spec in document["actions"]:
        minutes = spec["minutes"]
        low, high = minutes if isinstance(minutes, list) else (minutes, minutes)
        actions.append(
            Action(
                id=spec["id"],
                pillar=spec["pillar"],
                score_low=spec["scores"][0],
                score_high=spec["scores"][1],
                minutes_low=low,
                minutes_high=high,
                text=text(spec["text"]),
                why=text(spec["why"]),
            )
        )
    return Rulebook(
        source=source,
        focus_share=document["focus_share"],
        bands=tuple(
            Band(id=b["id"], lower=b["from"], name=text(b["name"])) for b in document["bands"]
        ),
        diagnosis={p: text(document["pillars"][p]["diagnosis"]) for p in PILLARS},
        actions=tuple(actions),
    )
