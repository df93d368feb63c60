import pytest

from ssi_coach.core.scoring import assess, total_score, weakest_pillar


def scores(brand: float, people: float, insights: float, relationships: float) -> dict[str, float]:
    return {"brand": brand, "people": people, "insights": insights, "relationships": relationships}


def test_total_is_the_sum_rounded_to_two_decimals() -> None:
    assert total_score(scores(18, 12, 15, 20)) == 65.0
    assert total_score(scores(13.118, 0.29999998, 2.001, 4.5)) == 19.92


def test_weakest_is_the_lowest_pillar() -> None:
    assert weakest_pillar(scores(18, 12, 15, 20)) == "people"
    assert weakest_pillar(scores(18, 12, 15, 2)) == "relationships"


def test_tie_goes_to_the_pillar_first_in_linkedin_order() -> None:
    assert weakest_pillar(scores(5, 5, 5, 5)) == "brand"
    assert weakest_pillar(scores(9, 5, 5, 5)) == "people"
    assert weakest_pillar(scores(9, 9, 5, 5)) == "insights"


def test_benchmark_gap_is_positive_when_behind_negative_when_ahead() -> None:
    result = assess(scores(18, 12, 15, 20), target=75, industry=32.5, network=65)
    gaps = {b.name: (b.value, b.gap) for b in result.benchmarks}
    assert gaps == {"target": (75, 10.0), "industry": (32.5, -32.5), "network": (65, 0.0)}


def test_only_given_benchmarks_are_listed() -> None:
    assert [b.name for b in assess(scores(1, 1, 1, 1)).benchmarks] == ["target"]


def test_pillar_gaps_to_max_and_to_the_share_of_the_target() -> None:
    result = assess(scores(18, 12, 15, 20), target=80)
    assert [(p.key, p.gap_to_max, p.gap_to_target_share) for p in result.pillars] == [
        ("brand", 7.0, 2.0),
        ("people", 13.0, 8.0),
        ("insights", 10.0, 5.0),
        ("relationships", 5.0, 0.0),
    ]
    assert result.pillars[0].score == pytest.approx(18)
