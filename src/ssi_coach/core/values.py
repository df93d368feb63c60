"""What counts as a valid value: scores, benchmarks, ranks, budgets, dates, whole numbers.

Parsers take the raw text (from argv, a file, a pasted page) and return the value, or raise an
`InputError` that names the field and the reason. They accept the French decimal comma as well
as the dot. Every command and every input format checks its values here, so that a score means
the same thing everywhere.
"""

import math
import re
from datetime import date, timedelta
from typing import Final

from ssi_coach.core.budget import MAX_BUDGET, MIN_BUDGET
from ssi_coach.core.pillars import MAX_PILLAR_SCORE, MAX_TOTAL, PILLARS
from ssi_coach.errors import InputError

_DECIMAL: Final = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)", re.ASCII)
_WHOLE: Final = re.compile(r"[+-]?\d+", re.ASCII)
_MAX_DIGITS: Final = 18  # far beyond any value ssi-coach takes
_ISO_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# A day as European spreadsheets write it, day first: 27/11/2026 or 27.11.2026.
_DAY_FIRST: Final = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2(\d+)", re.ASCII)
FIRST_DAY: Final = date(2003, 5, 5)  # LinkedIn's launch: no SSI before it


def check_range(value: float, text: str, field: str, low: float, high: float) -> None:
    """Raises InputError when `value` (typed as `text`) is not a finite number within
    `low`..`high` (NaN compares false with everything, so it is refused first)."""
    if not math.isfinite(value):
        raise InputError(field, "err.not_finite", value=text)
    if value < low:
        raise InputError(field, "err.below", value=text, low=f"{low:g}")
    if value > high:
        raise InputError(field, "err.above", value=text, high=f"{high:g}")


def parse_decimal(text: str, field: str, low: float, high: float) -> float:
    """A finite decimal between `low` and `high` inclusive, written `12.5` or `12,5`."""
    stripped = text.strip()
    # The common case, without the regular expression: a team file holds millions of these.
    unsigned = stripped[1:] if stripped[:1] in ("+", "-") else stripped
    plain = unsigned.replace(",", ".", 1)
    digits = plain.replace(".", "", 1)
    if digits.isascii() and digits.isdigit():
        value = float(stripped[: len(stripped) - len(unsigned)] + plain) + 0.0  # no -0.0
        _check_size(value, stripped, field, low, high)
        return value
    if not stripped:
        raise InputError(field, "err.empty")
    if not _DECIMAL.fullmatch(stripped):
        try:
            finite = math.isfinite(float(stripped))
        except ValueError:
            finite = True
        raise InputError(field, "err.not_number" if finite else "err.not_finite", value=text)
    value = float(stripped.replace(",", ".")) + 0.0
    _check_size(value, stripped, field, low, high)
    return value


def _check_size(value: float, text: str, field: str, low: float, high: float) -> None:
    """`check_range` for a number that was written in digits: one too long for a float is
    above (or below) the range, not "not a number"."""
    shown = text if len(text) <= 24 else text[:12] + "…"
    if math.isinf(value):
        problem, limit = ("err.below", "low") if value < 0 else ("err.above", "high")
        raise InputError(field, problem, value=shown, **{limit: f"{low if value < 0 else high:g}"})
    check_range(value, shown, field, low, high)


def parse_whole(text: str, field: str, low: int, high: int) -> int:
    """A whole number between `low` and `high` inclusive."""
    stripped = text.strip()
    if not stripped:
        raise InputError(field, "err.empty")
    if not _WHOLE.fullmatch(stripped):
        raise InputError(field, "err.not_whole", value=text)
    if len(stripped.lstrip("+-").lstrip("0")) > _MAX_DIGITS:  # int() refuses 4,300 digits
        shown = stripped[:12] + "…"
        if stripped.startswith("-"):
            raise InputError(field, "err.below", value=shown, low=f"{low:g}")
        raise InputError(field, "err.above", value=shown, high=f"{high:g}")
    value = int(stripped)
    check_range(value, stripped, field, low, high)
    return value


def parse_score(text: str, pillar: str) -> float:
    """One pillar's score: 0 to 25."""
    return parse_decimal(text, pillar, 0.0, MAX_PILLAR_SCORE)


def parse_scores(texts: list[str]) -> dict[str, float]:
    """The four pillar scores, in LinkedIn's order."""
    for text in texts:
        # Typos in option names reach us as extra arguments, since a negative score
        # such as -3 must not be taken for an option.
        if text.startswith("--"):
            raise InputError("", "err.option", value=text.split("=")[0])
    if len(texts) < len(PILLARS):
        raise InputError(PILLARS[len(texts)], "err.missing")
    if len(texts) > len(PILLARS):
        raise InputError("", "err.count", count=len(texts))
    return {pillar: parse_score(text, pillar) for pillar, text in zip(PILLARS, texts, strict=True)}


def number_in_range(value: object, field: str, high: float) -> float:
    """A number read from JSON (not text): finite, from 0 to `high`."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(field, "err.not_number", value=value)
    number = float(value)
    if not math.isfinite(number):
        raise InputError(field, "err.not_finite", value=value)
    check_range(number, f"{number:g}", field, 0.0, high)
    return number


def parse_benchmark(text: str, field: str) -> float:
    """A total to compare with (target, industry or network average): 0 to 100."""
    return parse_decimal(text, field, 0.0, MAX_TOTAL)


def parse_rank(text: str, field: str) -> int:
    """A "top N%" rank, as LinkedIn shows it: a whole percentage from 1 to 100."""
    return parse_whole(text, field, 1, 100)


def parse_budget(text: str, field: str = "--minutes") -> int:
    """The daily time budget in minutes."""
    return parse_whole(text, field, MIN_BUDGET, MAX_BUDGET)


def parse_day(text: str, field: str = "--date", *, today: date | None = None) -> date:
    """A calendar day written YYYY-MM-DD, from LinkedIn's launch (2003-05-05) to tomorrow
    (tomorrow allows for time zones)."""
    day = parse_any_day(text, field)
    last = (today or date.today()) + timedelta(days=1)
    if not FIRST_DAY <= day <= last:
        raise InputError(field, "err.date_range", value=text, first=FIRST_DAY, last=last)
    return day


def parse_sheet_day(text: str, field: str = "date", *, today: date | None = None) -> date:
    """A day as a spreadsheet writes it: YYYY-MM-DD, or day first, DD/MM/YYYY or DD.MM.YYYY.
    Never month first: 11/27/2026 is no day (there is no month 27), not a guess. The year has
    four digits (27/11/26 could be 1926). The range is `parse_day`'s."""
    stripped = text.strip()
    day_first = _DAY_FIRST.fullmatch(stripped)
    try:
        if day_first is not None:
            day, _, month, year = day_first.groups()
            if len(year) != 4:
                raise InputError(field, "err.short_year", value=text)
            found = date(int(year), int(month), int(day))
        elif _ISO_DAY.fullmatch(stripped):
            found = date.fromisoformat(stripped)
        else:
            raise InputError(field, "err.sheet_date", value=text)
    except ValueError:
        problem = "err.no_such_day" if day_first is None else "err.no_such_day_first"
        raise InputError(field, problem, value=text) from None
    last = (today or date.today()) + timedelta(days=1)
    if not FIRST_DAY <= found <= last:
        raise InputError(field, "err.date_range", value=text, first=FIRST_DAY, last=last)
    return found


# Days a person types rather than writes out, in both languages, counted back from today.
_RELATIVE_DAYS: Final = {
    "today": 0,
    "yesterday": 1,
    "aujourd'hui": 0,
    "aujourd\u2019hui": 0,  # as a phone or a French keyboard layout types it
    "hier": 1,
}


def parse_typed_day(
    text: str, field: str = "--date", *, any_year: bool = False, today: date | None = None
) -> date:
    """A day typed on the command line: YYYY-MM-DD, or today, yesterday, aujourd'hui, hier.
    `any_year` takes any YYYY-MM-DD (to name a stored record that is out of range)."""
    back = _RELATIVE_DAYS.get(text.strip().casefold())
    if back is not None:
        return (today or date.today()) - timedelta(days=back)
    try:
        return parse_any_day(text, field) if any_year else parse_day(text, field, today=today)
    except InputError as error:
        if error.problem != "err.date":
            raise
        raise InputError(field, "err.typed_date", value=text) from None


def parse_any_day(text: str, field: str = "--date") -> date:
    """A calendar day written YYYY-MM-DD, whatever the year (to name a stored record that
    is out of range, so that it can be forgotten)."""
    stripped = text.strip()
    try:
        if not _ISO_DAY.fullmatch(stripped):
            raise ValueError
        return date.fromisoformat(stripped)
    except ValueError:
        raise InputError(field, "err.date", value=text) from None


def in_day_range(day: date, today: date | None = None) -> bool:
    return FIRST_DAY <= day <= (today or date.today()) + timedelta(days=1)


_ISO_WEEK: Final = re.compile(r"(\d{4})-[Ww](\d{2})", re.ASCII)


def parse_iso_week(text: str, field: str = "--week", *, today: date | None = None) -> date:
    """The Monday of an ISO week written YYYY-Www (2026-W48): a week number the year has
    (52 or 53 of them), within LinkedIn's days (from its launch's week to tomorrow's)."""
    found = _ISO_WEEK.fullmatch(text.strip())
    if found is None:
        raise InputError(field, "err.week", value=text)
    year, week = int(found.group(1)), int(found.group(2))
    if year == 0:  # no year 0 in the calendar
        raise InputError(field, "err.week", value=text)
    weeks = date(year, 12, 28).isocalendar().week  # the 28th of December is in the last week
    if not 1 <= week <= weeks:
        raise InputError(field, "err.week_number", value=text, year=year, weeks=weeks)
    monday = date.fromisocalendar(year, week, 1)
    last = (today or date.today()) + timedelta(days=1)
    if monday + timedelta(days=6) < FIRST_DAY or monday > last:
        raise InputError(field, "err.date_range", value=text, first=FIRST_DAY, last=last)
    return monday
