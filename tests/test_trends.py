"""Streaks, the forecast and the habits that worked, on small hand-made histories."""

import math
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.core.pillars import PILLARS
from ssi_coach.core.records import Record
from ssi_coach.core.trends import (
    WEEKDAYS,
    current_streak,
    forecast,
    habits_that_worked,
    streak,
)

TODAY = date(2026, 11, 27)


def days_ago(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=n) for n in offsets]


def test_streak_counts_back_from_today_when_today_is_done() -> None:
    assert streak(days_ago(0, 1, 2), TODAY).current == 3


def test_streak_still_counts_when_today_is_not_done_yet() -> None:
    assert streak(days_ago(1, 2, 3), TODAY).current == 3


def test_a_gap_day_ends_the_streak() -> None:
    result = streak(days_ago(0, 1, 3, 4, 5, 6), TODAY)
    assert (result.current, result.best) == (2, 4)


def test_no_streak_when_yesterday_was_missed() -> None:
    result = streak(days_ago(2, 3), TODAY)
    assert (result.current, result.best) == (0, 2)


def test_no_completed_day() -> None:
    result = streak([], TODAY)
    assert (result.current, result.best) == (0, 0)


def record(day: date, total: float) -> Record:
    return Record(day=day, scores={p: total / 4 for p in PILLARS})


def series(*points: tuple[int, float]) -> list[Record]:
    """Records at (days before TODAY, total), oldest first."""
    return sorted(
        (record(TODAY - timedelta(days=n), total) for n, total in points), key=lambda r: r.day
    )


def test_forecast_on_rising_data() -> None:
    # +0.5 a day, 60 today: 75 is 30 days away.
    result = forecast(series((14, 53), (7, 56.5), (0, 60)), 75)
    assert result.per_day == pytest.approx(0.5)
    assert result.day == TODAY + timedelta(days=30)
    assert not result.reached


def test_forecast_on_flat_data() -> None:
    result = forecast(series((10, 60), (5, 60), (0, 60)), 75)
    assert (result.per_day, result.day) == (0, None)


def test_forecast_on_falling_data() -> None:
    result = forecast(series((10, 62), (5, 61), (0, 60)), 75)
    assert result.per_day == pytest.approx(-0.2)
    assert result.day is None


def test_forecast_uses_only_the_last_28_days() -> None:
    # A fall long ago, then +1 a day over the last 14 days.
    history = series((60, 90), (40, 10), (14, 40), (7, 47), (0, 54))
    result = forecast(history, 75)
    assert result.per_day == pytest.approx(1.0)
    assert result.day == TODAY + timedelta(days=21)


@pytest.mark.parametrize(
    "points",
    [[(0, 50)], [(1, 50), (0, 51)], [(5, 50), (3, 51), (0, 52)]],  # too few, or under 7 days
)
def test_forecast_needs_3_records_over_7_days(points: list[tuple[int, float]]) -> None:
    result = forecast(series(*points), 75)
    assert (result.per_day, result.day) == (None, None)


def test_seven_daily_records_are_seven_days_and_give_a_forecast() -> None:
    # The 21st to the 27th is 7 days, as the user counts them.
    result = forecast(series(*((n, 60 + (6 - n) * 0.5) for n in range(7))), 75)
    assert result.per_day == pytest.approx(0.5)
    assert (result.records, result.span_days) == (7, 7)
    assert result.day == TODAY + timedelta(days=24)


@pytest.mark.parametrize(
    "points",
    [
        # A noisy rise whose fitted line starts far below the latest total.
        [(27, 40), (20, 62), (13, 55), (6, 66), (0, 69.83)],
        [(14, 53), (7, 56.5), (0, 60)],
        [(10, 50), (8, 58), (3, 52), (1, 61), (0, 57.25)],
        [(6, 70.1), (5, 70.2), (4, 70.2), (3, 70.4), (2, 70.5), (1, 70.5), (0, 70.7)],
    ],
)
def test_the_forecast_goes_on_from_the_latest_total(points: list[tuple[int, float]]) -> None:
    records = series(*points)
    result = forecast(records, 75)
    latest = records[-1].total
    assert result.per_day is not None and result.per_day > 0
    days = math.ceil((75 - latest) / result.per_day)
    assert (result.latest, result.days) == (latest, days)
    assert result.day == TODAY + timedelta(days=days)
    # The sentence adds up: latest + days x pace reaches the target, a day less does not.
    assert latest + days * result.per_day >= 75 > latest + (days - 1) * result.per_day


def test_forecast_when_the_target_is_already_reached() -> None:
    result = forecast(series((7, 70), (0, 76)), 75)
    assert result.reached
    assert result.day == TODAY


def test_habits_that_worked_on_a_hand_computed_example() -> None:
    # 14 daily records; brand goes up by 1 after each day its items were all done and down
    # by 0.5 after the others. Days 0-5 done, days 6-12 not.
    brand = [10.0]
    for index in range(13):
        brand.append(brand[-1] + (1.0 if index < 6 else -0.5))
    start = date(2026, 11, 1)
    records = [
        Record(
            start + timedelta(days=i), {"brand": b, "people": 5, "insights": 5, "relationships": 5}
        )
        for i, b in enumerate(brand)
    ]
    completed = {start + timedelta(days=i): {"brand": i < 6, "people": True} for i in range(13)}
    [effect] = habits_that_worked(records, completed)  # people: no "not done" day, so nothing
    assert effect.pillar == "brand"
    assert (effect.done_change, effect.done_days) == (1.0, 6)
    assert (effect.not_done_change, effect.not_done_days) == (-0.5, 7)


def test_habits_say_nothing_under_14_records() -> None:
    records = [record(TODAY - timedelta(days=n), 50 + n) for n in range(13, 0, -1)]
    completed = {r.day: {p: r.day.day % 2 == 0 for p in PILLARS} for r in records}
    assert habits_that_worked(records, completed) == []


def walked_streak(completed: set[date], today: date, rest: tuple[str, ...]) -> tuple[int, int]:
    """The streak by its definition, one calendar day at a time."""
    from ssi_coach.core.trends import is_rest_day

    def step(day: date) -> int | None:
        if day in completed:
            return 1
        return 0 if is_rest_day(day, rest) else None

    current, day = 0, today if today in completed else today - timedelta(days=1)
    while completed and day >= min(completed) and (s := step(day)) is not None:
        current += s
        day -= timedelta(days=1)
    best = run = 0
    day = min(completed, default=today)
    while completed and day <= max(completed):
        s = step(day)
        run = 0 if s is None else run + s
        best = max(best, run)
        day += timedelta(days=1)
    return current, best


@given(
    offsets=st.sets(st.integers(min_value=0, max_value=60), max_size=40),
    today_offset=st.integers(min_value=0, max_value=70),
    rest=st.sampled_from([(), ("sat", "sun"), ("fri", "sat"), ("sun",)]),
)
def test_streak_matches_its_day_by_day_definition(
    offsets: set[int], today_offset: int, rest: tuple[str, ...]
) -> None:
    start = date(2026, 1, 5)
    completed = {start + timedelta(days=n) for n in offsets}
    today = start + timedelta(days=today_offset)
    completed = {day for day in completed if day <= today}
    found = streak(sorted(completed), today, rest)
    assert (found.current, found.best) == walked_streak(completed, today, rest)


@given(
    missed=st.sets(st.integers(min_value=0, max_value=120), max_size=12),
    today_offset=st.integers(min_value=0, max_value=120),
    window=st.integers(min_value=0, max_value=120),
    rest=st.sampled_from([(), ("sat", "sun"), ("fri", "sat"), ("sun",), WEEKDAYS]),
)
def test_the_current_streak_from_recent_days_is_the_streaks_or_none(
    missed: set[int], today_offset: int, window: int, rest: tuple[str, ...]
) -> None:
    start = date(2026, 1, 5)  # long runs, cut by the days missed; days after today too
    completed = [start + timedelta(days=n) for n in range(121) if n not in missed]
    today = start + timedelta(days=today_offset)
    since = today - timedelta(days=window)
    found = current_streak([day for day in completed if day >= since], since, today, rest)
    assert found is None or found == streak(completed, today, rest).current


def test_the_current_streak_is_told_by_recent_days_when_a_gap_ends_the_run() -> None:
    completed = days_ago(*range(1, 5), *range(6, 400))  # four days, after a gap 5 days ago
    since = TODAY - timedelta(days=30)
    assert current_streak([d for d in completed if d >= since], since, TODAY, ()) == 4
    assert current_streak(days_ago(20), since, TODAY, ()) == 0  # no run now
    # A run back to the first recent day, or every day a rest day: the recent days cannot tell.
    assert current_streak(days_ago(*range(1, 31)), since, TODAY, ()) is None
    assert current_streak(days_ago(1, 2), since, TODAY, WEEKDAYS) is None
    # No recent day, yet a run now: every day rests, or a weekend reaches back before `since`.
    assert streak(days_ago(40), TODAY, WEEKDAYS).current == 1
    assert current_streak([], since, TODAY, WEEKDAYS) is None
    monday, friday = date(2026, 11, 30), date(2026, 11, 27)
    assert streak([friday], monday, ("sat", "sun")).current == 1
    assert current_streak([], monday - timedelta(days=1), monday, ("sat", "sun")) is None
