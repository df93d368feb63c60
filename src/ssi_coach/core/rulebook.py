"""The rulebook's model: bands, per-pillar diagnoses and the actions plans are made of.

A rulebook arrives as plain data (a validated TOML document, see `formats/rulebook_file.py`)
and becomes these immutable values. The rules a schema cannot express are checked in
`rulebook_checks.py`.
"""

from __future__ import annotations

from typing import Any, Final, NamedTuple

from ssi_coach.core.budget import MAX_BUDGET
from ssi_coach.core.pillars import MAX_PILLAR_SCORE, PILLARS, Lang

# How often an action comes back: a setup task until done (`once`), a habit every working day
# (`daily`), at most `per_week` days an ISO week (`weekly`), or as filler in turn (`rotate`).
CADENCES: Final = ("once", "daily", "weekly", "rotate")
# A pillar score from which an action belongs to the advanced track.
ADVANCED_FROM: Final = 18.0
# The tools an action may need; the config says which the user has.
TOOLS: Final = ("sales_navigator",)


class Source(NamedTuple):
    """Where an action's advice, or its why, comes from."""

    title: str
    url: str


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
    cadence: str = "rotate"
    renew_days: int | None = None  # a `once` action comes back this long after it was done
    per_week: int = 1  # a `weekly` action's quota
    after: tuple[str, ...] = ()  # ids to have done at least once before this one
    needs: tuple[str, ...] = ()  # tools the user must have
    source: Source | None = None
    publishes: bool = False  # a post, article, newsletter or video of the user's own

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
    maintenance: dict[str, dict[Lang, str]] = {}  # noqa: RUF012 - never mutated
    maintenance_from: float = 22.0  # a focus at or above this gets its maintenance text
    publishes_per_week: int = 3

    def focus_reason(self, pillar: str, score: float, lang: Lang) -> str:
        """Why the focus is on `pillar`: what its low score means, or, once it is already
        strong, how to keep and compound the lead."""
        if score >= self.maintenance_from and pillar in self.maintenance:
            return self.maintenance[pillar][lang]
        return self.diagnosis[pillar][lang]

    def band_for(self, total: float) -> Band:
        return [band for band in self.bands if band.lower <= total][-1]

    def actions_for(self, pillar: str, score: float) -> list[Action]:
        """The pillar's actions that suit `score`, in rulebook order."""
        return [a for a in self.actions if a.pillar == pillar and a.suits(score)]

    def leading_action(self, pillar: str, score: float) -> Action:
        return self.actions_for(pillar, score)[0]

    def action(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    def actions_per_pillar(self) -> dict[str, int]:
        return {p: sum(a.pillar == p for a in self.actions) for p in PILLARS}


def placeholder_action(action_id: str, pillar: str) -> Action:
    """An action of a saved plan or tick that the rulebook no longer has: shown by its id."""
    words: dict[Lang, str] = {"en": action_id, "fr": action_id}
    no_why: dict[Lang, str] = {"en": "", "fr": ""}
    return Action(action_id, pillar, 0.0, MAX_PILLAR_SCORE, 1, MAX_BUDGET, words, no_why)


def rulebook_from_document(document: dict[str, Any], source: str) -> Rulebook:
    """The rulebook in a validated document (the plain data the TOML file holds)."""

    def text(value: dict[str, str]) -> dict[Lang, str]:
        return {"en": value["en"], "fr": value["fr"]}

    actions = []
    for spec in document["actions"]:
        minutes = spec["minutes"]
        low, high = minutes if isinstance(minutes, list) else (minutes, minutes)
        cited = spec.get("source")
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
                cadence=spec.get("cadence") or "rotate",
                renew_days=spec.get("renew_days"),
                per_week=spec.get("per_week") or 1,
                after=tuple(spec.get("after") or ()),
                needs=tuple(spec.get("needs") or ()),
                source=None if cited is None else Source(cited["title"], cited["url"]),
                publishes=bool(spec.get("publishes")),
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
        maintenance={
            p: text(document["pillars"][p]["maintenance"])
            for p in PILLARS
            if document["pillars"][p].get("maintenance")
        },
        maintenance_from=document.get("maintenance_from", 22.0),
        publishes_per_week=document.get("publishes_per_week", 3),
    )
