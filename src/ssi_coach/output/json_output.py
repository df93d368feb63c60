"""Machine output: each report as JSON, with one shape for what several share (benchmarks,
streaks, plan items), and the one function that writes JSON safely.

JSON is the report serialised, so human and machine output never disagree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from ssi_coach.core.pillars import Lang, label
from ssi_coach.core.rulebook import CADENCES
from ssi_coach.output.safe_text import is_plain

if TYPE_CHECKING:
    from datetime import date

    from ssi_coach.core.check_report import CheckReport
    from ssi_coach.core.checklist import Checklist
    from ssi_coach.core.records import Record
    from ssi_coach.core.review import Done, Review
    from ssi_coach.core.rulebook import Action, Rulebook
    from ssi_coach.core.saved_plan import SavedPlan
    from ssi_coach.core.scoring import BenchmarkGap
    from ssi_coach.core.team_report import Rep, TeamReport, TeamWarning
    from ssi_coach.core.trends import Forecast, Streak

# json.dumps escapes C0 controls itself; C1 and bidi controls it leaves raw.
_UNSAFE_IN_JSON: Final = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_REPS_A_BLOCK: Final = 1000  # team --json encodes, and makes safe, a block of reps at a time


def dumps(data: object, indent: int | None = 2) -> str:
    """`data` as JSON that no terminal can take for a control sequence."""
    return _made_safe(json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False))


def _made_safe(text: str) -> str:
    if is_plain(text):  # most often, and quick to tell
        return text
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def benchmarks_json(
    benchmarks: tuple[BenchmarkGap, ...], ranks: dict[str, int] | None = None
) -> list[dict[str, Any]]:
    """Each benchmark, with the user's "top N%" in its group (`rank`) when it is known."""
    ranks = ranks or {}
    return [
        {"name": b.name, "value": b.value, "gap": b.gap}
        | ({"rank": ranks[b.name]} if b.name in ranks else {})
        for b in benchmarks
    ]


def streak_json(streak: Streak) -> dict[str, int]:
    return {"current": streak.current, "best": streak.best}


def plan_item_json(action: Action, minutes: int, lang: Lang) -> dict[str, Any]:
    """An item of a plan: the action, its minutes, how often it comes, where it comes from."""
    item: dict[str, Any] = {
        "id": action.id,
        "pillar": action.pillar,
        "minutes": minutes,
        "text": action.text[lang],
        "cadence": action.cadence,
    }
    if action.source is not None:
        item["source"] = {"title": action.source.title, "url": action.source.url}
    return item


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
        "benchmarks": benchmarks_json(assessment.benchmarks, report.ranks),
        "plan": {
            "minutes": plan.minutes,
            "focus": plan.focus,
            "items": [plan_item_json(item.action, item.minutes, lang) for item in plan.items],
        },
        "explanation": explanation_json(report, lang),
    }


def explanation_json(report: CheckReport, lang: Lang) -> list[dict[str, Any]]:
    """Why the SSI moved, each reason with its sentence: an empty list without a previous
    record. Habits items also give the count of ticked items (`ticked`)."""
    from ssi_coach.output.messages import explanation_sentence

    if report.change is None:
        return []
    since = report.change.since
    return [
        {"kind": item.kind, "pillar": item.pillar, "change": item.change}
        | ({} if item.ticked is None else {"ticked": item.ticked})
        | {"text": explanation_sentence(item, since, lang)}
        for item in report.explanation
    ]


def checklist_json(checklist: Checklist, lang: Lang) -> dict[str, Any]:
    based_on = checklist.based_on or checklist.day
    return {
        "date": checklist.day.isoformat(),
        "based_on": based_on.isoformat(),
        "rest_day": checklist.rest_day,
        "items": [
            {"number": item.number}
            | plan_item_json(item.action, item.minutes, lang)
            | {"done": item.done}
            for item in checklist.items
        ],
        "minutes_left": checklist.minutes_left,
        "streak": streak_json(checklist.streak),
    }


def history_json(
    records: list[Record],
    ticks: list[tuple[date, str]],
    plans: dict[date, SavedPlan],
    done_before: dict[str, date],
    streak: Streak,
    forecast: Forecast,
) -> dict[str, Any]:
    """The complete backup: every record, tick and day plan, with the streak and forecast."""
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
                "team": r.team,
                "team_rank": r.team_rank,
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
        "plans": [
            {
                "date": day.isoformat(),
                "minutes": plan.minutes,
                "rules": plan.rules,
                "based_on": (plan.based_on or day).isoformat(),
                "items": [
                    {"number": i.number, "id": i.item_id, "pillar": i.pillar, "minutes": i.minutes}
                    for i in plan.items
                ],
            }
            for day, plan in plans.items()
        ],
        "done_before": [
            {"id": item_id, "date": day.isoformat()} for item_id, day in done_before.items()
        ],
    }


def review_json(review: Review, lang: Lang) -> dict[str, Any]:
    """`review --json`: every key always there, pillars in LinkedIn's order."""
    from ssi_coach.output.render_review import suggestion_sentence

    def record_json(record: Record) -> dict[str, Any]:
        return {"date": record.day.isoformat(), "total": record.total, "scores": record.scores}

    def done_json(done: Done) -> dict[str, Any]:
        return {"id": done.action.id, "pillar": done.action.pillar, "text": done.action.text[lang]}

    suggestion = review.suggestion
    return {
        "period": {"from": review.period.first.isoformat(), "to": review.period.last.isoformat()},
        "start": record_json(review.start),
        "end": record_json(review.end),
        "change": {"total": review.change.total, "pillars": review.change.pillars},
        "minutes": {
            "done": review.minutes_done,
            "planned": review.minutes_planned,
            "per_pillar": {p: m._asdict() for p, m in review.minutes.items()},
        },
        "days": {"planned": review.days_planned, "done": review.days_done},
        "streak": streak_json(review.streak),
        "top_actions": [done_json(d) | {"count": d.times} for d in review.top_actions],
        "one_offs_done": [done_json(d) | {"date": d.day.isoformat()} for d in review.one_offs],
        "suggestion": {
            "kind": suggestion.kind,
            "pillar": suggestion.pillar,
            "action": {"id": suggestion.action.id, "text": suggestion.action.text[lang]},
            "text": suggestion_sentence(suggestion, lang),
        },
    }


def team_json(report: TeamReport, lang: Lang) -> Iterator[str]:
    """The team report as JSON, a piece at a time: a sales force can be a million reps, and
    the whole document as one string would be gigabytes."""
    from ssi_coach.output.messages import describe

    yield '{\n  "reps": ['
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode  # one for all
    days = _IsoDays()
    reps = report.reps
    for start in range(0, len(reps), _REPS_A_BLOCK):
        block = [_rep_json(report, rep, days) for rep in reps[start : start + _REPS_A_BLOCK]]
        # A block encoded as one list (a third faster than rep by rep), then a rep a line:
        # `}, {"name": ` is only ever between two reps, as a `"` in a string is escaped.
        text = encode(block)[1:-1].replace('}, {"name": ', '},\n    {"name": ')
        yield ("," if start else "") + "\n    " + _made_safe(text)
    rest = {
        "summary": {
            "count": report.summary.reps,
            "average_total": report.summary.total,
            "average": report.summary.pillars,
            "weakest": report.summary.weakest,
            "bands": report.bands,
            "benchmarks": benchmarks_json(report.benchmarks),
            "stale": report.stale,
            "newest": _day(report.newest),
        },
        "groups": {group.pillar: group.names for group in report.groups},
        "rejected": [{"line": r.line, "reason": describe(r.error, lang)} for r in report.rejected],
    } | _team_news_json(report, lang)
    yield ("\n  ]," if report.reps else "],") + dumps(rest)[1:] + "\n"


def _team_news_json(report: TeamReport, lang: Lang) -> dict[str, Any]:
    """The keys added to `team --json` after `rejected`: each coaching group's plan, the
    weekly trend, the movers, the reps below the industry average, the warnings."""
    more = [{"kind": "more", "count": report.more_warnings}] if report.more_warnings else []
    below = report.below_industry
    return {
        "coaching": [
            {
                "pillar": group.pillar,
                "reps": len(group.names),
                "median": group.median,
                "actions": [{"id": a.id, "text": a.text[lang]} for a in group.actions],
            }
            for group in report.groups
            if group.names
        ],
        "trend": [
            {"week": _iso_week(week.monday), "monday": week.monday.isoformat()}
            | {"average": week.average, "reps": week.reps}
            for week in report.trend
        ],
        "movers": {
            "improved": [_mover_json(rep) for rep in report.movers.improved],
            "declined": [_mover_json(rep) for rep in report.movers.declined],
        },
        "below_industry": None
        if below is None
        else [{"name": rep.name, "total": rep.total} for rep in below],
        "warnings": [_warning_json(warning) for warning in report.warnings] + more,
    }


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _iso_week(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


class _IsoDays(dict["date | None", "str | None"]):
    """Each date's ISO text, made once: a sales force's reps share a few hundred dates."""

    def __init__(self) -> None:
        super().__init__({None: None})

    def __missing__(self, day: date) -> str:
        text = self[day] = day.isoformat()
        return text


def _rep_json(report: TeamReport, rep: Rep, days: _IsoDays) -> dict[str, Any]:
    return {
        "name": rep.name,
        "team": rep.team,
        "date": days[rep.day],
        "total": rep.total,
        "scores": rep.scores,
        "weakest": rep.weakest,
        "change": rep.change,
        "change_since": days[rep.change_since],
        "first_date": days[rep.first_day],
        "period_change": rep.period_change,
        "stale": rep.stale,
        "rank": None if rep.stale else report.rank(rep),
    }


def _mover_json(rep: Rep) -> dict[str, Any]:
    return {
        "name": rep.name,
        "change": rep.period_change,
        "from": _day(rep.first_day),
        "to": _day(rep.day),
    }


def _warning_json(warning: TeamWarning) -> dict[str, Any]:
    if warning.kind == "encoding":
        return {"kind": "encoding", "encoding": "windows-1252"}
    found: dict[str, Any] = {"kind": warning.kind, "name": warning.name}
    if warning.day is not None:
        found["date"] = warning.day.isoformat()
    return found | {"lines": list(warning.lines)}


def rulebook_json(rulebook: Rulebook) -> dict[str, Any]:
    """What `rules check --json` says of a valid rulebook."""
    return {
        "path": rulebook.source,
        "valid": True,
        "focus_share": rulebook.focus_share,
        "publishes_per_week": rulebook.publishes_per_week,
        "maintenance_from": rulebook.maintenance_from,
        "bands": [band.id for band in rulebook.bands],
        "actions": rulebook.actions_per_pillar(),
        "cadences": {
            cadence: sum(a.cadence == cadence for a in rulebook.actions) for cadence in CADENCES
        },
        "sources": sum(a.source is not None for a in rulebook.actions),
        "sales_navigator": sum("sales_navigator" in a.needs for a in rulebook.actions),
        "publishing": sum(a.publishes for a in rulebook.actions),
        "actions_by_id": [
            {"id": a.id, "pillar": a.pillar, "cadence": a.cadence}
            | ({"source": a.source._asdict()} if a.source else {})
            for a in rulebook.actions
        ],
    }
