from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.core.values import parse_budget, parse_day, parse_decimal, parse_scores
from ssi_coach.errors import InputError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.5", 12.5),
        ("12,5", 12.5),
        ("13.118", 13.118),
        ("0.29999998", 0.29999998),
        ("25", 25.0),
        ("0", 0.0),
        (" 7 ", 7.0),
        (",5", 0.5),
        ("3.", 3.0),
    ],
)
def test_decimal_accepts_dot_and_comma(text: str, expected: float) -> None:
    assert parse_decimal(text, "brand", 0, 25) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "err.empty"),
        ("  ", "err.empty"),
        ("abc", "err.not_number"),
        ("1e1", "err.not_number"),
        ("12.5.1", "err.not_number"),
        ("12,5,1", "err.not_number"),
        ("nan", "err.not_finite"),
        ("inf", "err.not_finite"),
        ("-inf", "err.not_finite"),
        ("-0.01", "err.below"),
        ("25.001", "err.above"),
        ("26", "err.above"),
    ],
)
def test_decimal_refuses_with_a_reason(text: str, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_decimal(text, "brand", 0, 25)
    assert (caught.value.field, caught.value.problem) == ("brand", problem)


@given(st.floats(min_value=0, max_value=25), st.sampled_from([".", ","]))
def test_any_written_score_reads_back(value: float, mark: str) -> None:
    text = repr(value).replace(".", mark)
    if "e" in text:  # repr writes tiny numbers in exponent form, which users never type
        text = f"{value:.20f}".replace(".", mark)
    assert parse_decimal(text, "people", 0, 25) == pytest.approx(value, abs=1e-15)


def test_four_scores_in_linkedin_order() -> None:
    assert parse_scores(["18", "12,5", "15", "20"]) == {
        "brand": 18.0,
        "people": 12.5,
        "insights": 15.0,
        "relationships": 20.0,
    }


def test_three_scores_name_the_missing_pillar() -> None:
    with pytest.raises(InputError) as caught:
        parse_scores(["18", "12", "15"])
    assert (caught.value.field, caught.value.problem) == ("relationships", "err.missing")


def test_five_scores_are_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_scores(["1", "2", "3", "4", "5"])
    assert caught.value.problem == "err.count"


def test_the_bad_score_is_named_by_its_pillar() -> None:
    with pytest.raises(InputError) as caught:
        parse_scores(["18", "12", "x", "20"])
    assert caught.value.field == "insights"


def test_budget_is_a_whole_number_from_10_to_60() -> None:
    assert parse_budget("10") == 10
    assert parse_budget("60") == 60
    for text in ("9", "61", "20.5", "twenty"):
        with pytest.raises(InputError):
            parse_budget(text)


def test_day_is_iso() -> None:
    assert parse_day("2026-11-27") == date(2026, 11, 27)
    for text in ("27/11/2026", "2026-02-30", "20261127", ""):
        with pytest.raises(InputError):
            parse_day(text)


def reference_parse(text: str) -> float | None:
    """The rule, stated plainly: an optional sign, digits with at most one `.` or `,`."""
    import re

    stripped = text.strip()
    if not re.fullmatch(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)", stripped, flags=re.ASCII):
        return None
    return float(stripped.replace(",", "."))


number_like = st.from_regex(r"\A\s?[+-]?[0-9٣²]{0,3}[.,]?[0-9]{0,3}[.,eE_]?[0-9]{0,2}\s?\Z")


@given(st.one_of(st.text(max_size=8), number_like))
def test_decimal_parsing_follows_the_rule(text: str) -> None:
    expected = reference_parse(text)
    try:
        value = parse_decimal(text, "brand", -1e9, 1e9)
    except InputError:
        assert expected is None
    else:
        assert value == expected
