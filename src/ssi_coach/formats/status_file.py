"""The status file: the day's status for the shell prompt and for `status`, as small text.

Its first three lines are for the prompt, which reads them with shell built-ins: the day it
describes (`YYYY-MM-DD`), the status line in the user's language, and what to say instead
once that day is past. Then `key=value` lines hold the fields, so that `status` can show
any template, JSON or language without opening the history. An empty status line (and no
fields) means there are no scores yet.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ssi_coach.core.day_status import DayStatus
from ssi_coach.core.pillars import PILLARS

FORMAT_VERSION = "1"


class StatusFile(NamedTuple):
    day: date
    line: str
    stale: str
    status: DayStatus | None  # None: no scores yet
    config_lang: str | None  # the config's `lang` when it was written


def status_file_text(
    day: date, status: DayStatus | None, line: str, stale: str, config_lang: str | None
) -> str:
    fields = {"format": FORMAT_VERSION, "config_lang": config_lang or ""}
    if status is not None:
        fields |= {
            "total": repr(status.total),
            "change": "" if status.change is None else repr(status.change),
            "focus": status.focus,
            "done": str(status.done),
            "items": str(status.items),
            "minutes_left": str(status.minutes_left),
            "streak": str(status.streak),
            "rest_day": "1" if status.rest_day else "0",
            "scores_date": status.scores_day.isoformat(),
        }
    lines = [day.isoformat(), _one_line(line), _one_line(stale)]
    lines += [f"{key}={value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


def read_status_file(text: str) -> StatusFile | None:
    """The status file's content; None when it is not one this release wrote (older, newer,
    damaged): the caller then works it out again from the history."""
    try:
        day, line, stale, *rest = text.split("\n")
        fields = dict(entry.split("=", 1) for entry in rest if entry)
        if fields.get("format") != FORMAT_VERSION:
            return None
        status = _status(date.fromisoformat(day), fields) if "total" in fields else None
        config_lang = fields["config_lang"] or None
        return StatusFile(date.fromisoformat(day), line, stale, status, config_lang)
    except (ValueError, KeyError):
        return None


def _status(day: date, fields: dict[str, str]) -> DayStatus:
    change = fields["change"]
    if fields["focus"] not in PILLARS:
        raise ValueError(fields["focus"])
    return DayStatus(
        day=day,
        scores_day=date.fromisoformat(fields["scores_date"]),
        total=float(fields["total"]),
        change=None if change == "" else float(change),
        focus=fields["focus"],
        done=int(fields["done"]),
        items=int(fields["items"]),
        minutes_left=int(fields["minutes_left"]),
        streak=int(fields["streak"]),
        rest_day=fields["rest_day"] == "1",
    )


def _one_line(text: str) -> str:
    """A line the prompt can read with one `read`: no line break inside."""
    return " ".join(text.splitlines())
