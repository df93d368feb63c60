"""`status` in words: the one line for a prompt or a status bar, a user's template filled in,
and JSON. Plain text always: a prompt has its own colours."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ssi_coach.core.day_status import STATUS_FIELDS, fill_template
from ssi_coach.core.pillars import short_label
from ssi_coach.output.messages import format_change, format_number, localized

if TYPE_CHECKING:
    from ssi_coach.core.day_status import DayStatus
    from ssi_coach.core.pillars import Lang


def status_line(status: DayStatus | None, lang: Lang) -> str:
    """`SSI 62.86 (+0.61) · focus insights · 2/5 done · 12 min left · streak 4`; a rest day
    says so instead of the plan; no scores yet, a hint."""
    if status is None:
        return localized(lang, "status.no_scores")
    values = template_values(status, lang)
    change = "" if status.change is None else localized(lang, "status.change", **values)
    parts = [localized(lang, "status.line", total=values["total"], change=change)]
    if status.rest_day:
        parts.append(localized(lang, "status.rest"))
    elif status.items:
        parts.append(localized(lang, "status.focus", pillar=values["focus"]))
        parts.append(localized(lang, "status.done", **values))
        if status.minutes_left:
            parts.append(localized(lang, "status.left", minutes=status.minutes_left))
    parts.append(localized(lang, "status.streak", days=status.streak))
    return localized(lang, "status.separator").join(parts)


def status_text(status: DayStatus | None, lang: Lang, template: str | None) -> str:
    """What `status` prints: the line, or the user's template filled in. A bad template is
    an InputError even when there is nothing to fill it with yet."""
    if template is not None:
        fill_template(template, dict.fromkeys(STATUS_FIELDS, ""))
    if status is None or template is None:
        return status_line(status, lang)
    return fill_template(template, template_values(status, lang))


def template_values(status: DayStatus, lang: Lang) -> dict[str, str]:
    """Each placeholder of a template, as the line shows it."""
    values = {
        "total": format_number(status.total, lang),
        "change": "" if status.change is None else format_change(status.change, lang),
        "focus": short_label(status.focus, lang),
        "done": str(status.done),
        "items": str(status.items),
        "minutes_left": str(status.minutes_left),
        "streak": str(status.streak),
        "date": status.day.isoformat(),
    }
    assert set(values) == set(STATUS_FIELDS)
    return values


def status_json(status: DayStatus | None, lang: Lang) -> dict[str, Any]:
    """The template's fields as data (the pillar by its key), the line, and whether the day
    is a rest day; with no scores yet, every field is null."""
    fields: dict[str, Any] = dict.fromkeys(STATUS_FIELDS)
    if status is not None:
        fields |= {
            "total": status.total,
            "change": status.change,
            "focus": status.focus,
            "done": status.done,
            "items": status.items,
            "minutes_left": status.minutes_left,
            "streak": status.streak,
            "date": status.day.isoformat(),
        }
    rest_day = None if status is None else status.rest_day
    scores_date = None if status is None else status.scores_day.isoformat()
    return fields | {
        "scores_date": scores_date,
        "rest_day": rest_day,
        "line": status_line(status, lang),
    }
