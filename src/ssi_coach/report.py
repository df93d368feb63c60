"""The result of `check`: the assessment and the plan, in one language, for one day.

Both the terminal output and the JSON output are made from this object, so they never
disagree.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from ssi_coach.pillars import Lang, label
from ssi_coach.planner import Plan, build_plan
from ssi_coach.records import Change
from ssi_coach.rulebook import Band, Rulebook
from ssi_coach.scoring import Assessment, assess


class CheckReport(NamedTuple):
    lang: Lang
    assessment: Assessment
    band: Band
    plan: Plan
    rulebook: Rulebook
    change: Change | None = None  # since the previous record in the history, if any
    ranks: dict[str, int] | None = None  # benchmark name -> the "top N%" LinkedIn shows

    @property
    def focus_diagnosis(self) -> str:
        return self.rulebook.diagnosis[self.plan.focus][self.lang]

    def to_json(self) -> dict[str, Any]:
        lang = self.lang
        return {
            "date": self.plan.day.isoformat(),
            "lang": lang,
            "total": self.assessment.total,
            "band": self.band.id,
            "pillars": [
                {
                    "key": p.key,
                    "name": label(p.key, lang),
                    "score": p.score,
                    "gap_to_max": p.gap_to_max,
                    "gap_to_target_share": p.gap_to_target_share,
                }
                for p in self.assessment.pillars
            ],
            "weakest": self.assessment.weakest,
            "benchmarks": [
                {"name": b.name, "value": b.value, "gap": b.gap} for b in self.assessment.benchmarks
            ],
            "plan": {
                "minutes": self.plan.minutes,
                "focus": self.plan.focus,
                "items": [
                    {
                        "id": item.action.id,
                        "pillar": item.action.pillar,
                        "minutes": item.minutes,
                        "text": item.action.text[lang],
                    }
                    for item in self.plan.items
                ],
            },
        }


def build_check_report(
    scores: dict[str, float],
    *,
    target: float,
    industry: float | None,
    network: float | None,
    budget: int,
    day: date,
    lang: Lang,
    rulebook: Rulebook,
    ranks: dict[str, int] | None = None,
) -> CheckReport:
    assessment = assess(scores, target, industry, network)
    return CheckReport(
        lang=lang,
        assessment=assessment,
        band=rulebook.band_for(assessment.total),
        plan=build_plan(scores, budget, day, rulebook),
        rulebook=rulebook,
        ranks=ranks,
    )
