"""Machine output: each report as JSON, with one shape for what several share (benchmarks,
streaks, plan items), and the one function that writes JSON safely.

JSON is the report serialised, so human and machine output never disagree.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Final

from ssi_coach.core.pillars import Lang, label

if TYPE_CHECKING:
    from ssi_coach.core.check_report import CheckReport
    from ssi_coach.core.checklist import Checklist
    from ssi_coach.core.records import Record
    from ssi_coach.core.rulebook import Rulebook
    from ssi_coach.core.scoring import BenchmarkGap
    from ssi_coach.core.team_report import TeamReport
    from ssi_coach.core.trends import Forecast, Streak

# json.dumps escapes C0 controls itself; C1 and bidi controls it leaves raw.
_UNSAFE_IN_JSON: Final = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def dumps(data: object) -> str:
    """`data` as indented JSON that no terminal can take for a control sequence."""
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def benchmarks_json(benchmarks: tuple[BenchmarkGap, ...]) -> list[dict[str, Any]]:
    return [{"name": b.name, "value": b.value, "gap": b.gap} for b in benchmarks]


def streak_json(streak: Streak) -> dict[str, int]:
    return {"current": streak.current, "best": streak.best}


def check_json(report: CheckReport, lang: Lang) -> dict[str, Any]:
    assessment, plan = report.assessment, report.plan
    return {
        "date": plan.day.isoformat(),
        "lang": lang,
        "total": assessment.total,
        "band": report.band.id,
        "pillars": [
            {
                "key": p.key,
                "name": label(p.key, lang),
                "score": p.score,
                "gap_to_max": p.gap_to_max,
                "gap_to_target_share": p.gap_to_target_share,
            }
            for p in assessment.pillars
        ],
        "weakest": assessment.weakest,
        "benchmarks": benchmarks_json(assessment.benchmarks),
        "plan": {
            "minutes": plan.minutes,
            "focus": plan.focus,
            "items": [
                {
                    "id": item.action.id,
                    "pillar": item.action.pillar,
                    "minutes": item.minutes,
                    "text": item.action.text[lang],
                }
                for item in plan.items
            ],
        },
    }


def checklist_json(checklist: Checklist, lang: Lang) -> dict[str, Any]:
    return {
        "date": checklist.day.isoformat(),
        "based_on": checklist.based_on.isoformat(),
        "items": [
            {
                "number": item.number,
                "id": item.action.id,
                "pillar": item.action.pillar,
                "minutes": item.minutes,
                "text": item.action.text[lang],
                "done": item.done,
            }
            for item in checklist.items
        ],
        "minutes_left": checklist.minutes_left,
        "streak": streak_json(checklist.streak),
    }


def history_json(
    records: list[Record], ticks: list[tuple[Any, str]], streak: Streak, forecast: Forecast
) -> dict[str, Any]:
    """The complete backup: every record and tick, with the streak and forecast."""
    return {
        "records": [
            {
                "date": r.day.isoformat(),
                "total": r.total,
                "scores": dict(r.scores),
                "industry": r.industry,
                "network": r.network,
                "industry_rank": r.industry_rank,
                "network_rank": r.network_rank,
            }
            for r in records
        ],
        "ticks": [{"date": day.isoformat(), "id": item_id} for day, item_id in ticks],
        "streak": streak_json(streak),
        "forecast": {
            "target": forecast.target,
            "per_day": forecast.per_day,
            "date": None if forecast.day is None else forecast.day.isoformat(),
        },
    }


def team_json(report: TeamReport, lang: Lang) -> dict[str, Any]:
    from ssi_coach.output.messages import describe

    return {
        "reps": [
            {
                "name": rep.name,
                "team": rep.team,
                "date": None if rep.day is None else rep.day.isoformat(),
                "total": rep.total,
                "scores": rep.scores,
                "weakest": rep.weakest,
                "change": rep.change,
            }
            for rep in report.reps
        ],
        "summary": {
            "count": report.summary.reps,
            "average_total": report.summary.total,
            "average": report.summary.pillars,
            "weakest": report.summary.weakest,
            "bands": report.bands,
            "benchmarks": benchmarks_json(report.benchmarks),
        },
        "groups": {group.pillar: group.names for group in report.groups},
        "rejected": [{"line": r.line, "reason": describe(r.error, lang)} for r in report.rejected],
    }


def rulebook_json(rulebook: Rulebook) -> dict[str, Any]:
    """What `rules check --json` says of a valid rulebook."""
    return {
        "path": rulebook.source,
        "valid": True,
        "focus_share": rulebook.focus_share,
        "bands": [band.id for band in rulebook.bands],
        "actions": rulebook.actions_per_pillar(),
    }
