"""The check report: the assessment of a day's scores and the day's plan.

`check` and `paste` both end here; the terminal output and the JSON output are both drawn
from this object, so they never disagree.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ssi_coach.core.explanation import Explanation
from ssi_coach.core.pillars import Lang
from ssi_coach.core.planner import NO_MEMORY, Memory, Plan, build_plan
from ssi_coach.core.records import Change
from ssi_coach.core.rulebook import Band, Rulebook
from ssi_coach.core.scoring import Assessment, assess


class CheckReport(NamedTuple):
    assessment: Assessment
    band: Band
    plan: Plan
    rulebook: Rulebook
    change: Change | None = None  # since the previous record in the history, if any
    ranks: dict[str, int] | None = None  # benchmark name -> the "top N%" LinkedIn shows
    explanation: tuple[Explanation, ...] = ()  # why it moved since the previous record

    def focus_reason(self, lang: Lang) -> str:
        focus = self.plan.focus
        return self.rulebook.focus_reason(focus, self.assessment.scores[focus], lang)


def build_check_report(
    scores: dict[str, float],
    *,
    target: float,
    industry: float | None,
    network: float | None,
    budget: int,
    day: date,
    rulebook: Rulebook,
    ranks: dict[str, int] | None = None,
    tools: frozenset[str] = frozenset(),
    memory: Memory = NO_MEMORY,
    team: float | None = None,
) -> CheckReport:
    assessment = assess(scores, target, industry, network, team)
    return CheckReport(
        assessment=assessment,
        band=rulebook.band_for(assessment.total),
        plan=build_plan(scores, budget, day, rulebook, tools, memory),
        rulebook=rulebook,
        ranks=ranks,
    )
