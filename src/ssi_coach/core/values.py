"""What counts as a valid value: scores, benchmarks, ranks, budgets, dates, whole numbers.

Parsers take the raw text (from argv, a file, a pasted page) and return the value, or raise an
`InputError` that names the field and the reason. They accept the French decimal comma as well
as the dot. Every command and every input format checks its values here, so that a score means
the same thing everywhere.
"""

import math
import re
from datetime import date
from typing import Final

from ssi_coach.core.budget import MAX_BUDGET, MIN_BUDGET
from ssi_coach.core.pillars import MAX_PILLAR_SCORE, MAX_TOTAL, PILLARS
from ssi_coach.errors import InputError

_DECIMAL: Final = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)", re.ASCII)
_WHOLE: Final = re.compile(r"[+-]?\d+", re.ASCII)


def check_range(value: float, text: str, field: str, low: float, high: float) -> None:
    """Raises InputError when `value` (typed as `text`) is outside `low`..`high`."""
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
        value = float(stripped[: len(stripped) - len(unsigned)] + plain)
        check_range(value, stripped, field, low, high)
        return value
    if not stripped:
        raise InputError(field, "err.empty")
    if not _DECIMAL.fullmatch(stripped):
        try:
            finite = math.isfinite(float(stripped))
        except ValueError:
            finite = True
        raise InputError(field, "err.not_number" if finite else "err.not_finite", value=text)
    value = float(stripped.replace(",", "."))
    check_range(value, stripped, field, low, high)
    return value


def parse_whole(text: str, field: str, low: int, high: int) -> int:
    """A whole number between `low` and `high` inclusive."""
    stripped = text.strip()
    if not stripped:
        raise InputError(field, "err.empty")
    if not _WHOLE.fullmatch(stripped):
        raise InputError(field, "err.not_whole", value=text)
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


def parse_day(text: str, field: str = "--date") -> date:
    """A calendar day written YYYY-MM-DD."""
    try:
        if len(text.strip()) != 10:
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(field, "err.date", value=text) from None
