"""`paste`: the scores read from LinkedIn's SSI JSON or the text of its SSI page."""

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Cli
from ssi_coach.core.pillars import LABELS, PILLARS
from ssi_coach.errors import InputError
from ssi_coach.formats.paste import read_pasted

FIXTURES = Path(__file__).parent / "fixtures" / "paste"
PAGE_SCORES = {"brand": 13.118, "people": 4.2, "insights": 0.3, "relationships": 2.5}


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def refusal(content: bytes) -> tuple[str, dict[str, Any]]:
    with pytest.raises(InputError) as caught:
        read_pasted(content)
    return caught.value.problem, caught.value.details


def test_linkedin_json_with_pillars_shuffled_and_group_scores() -> None:
    pasted = read_pasted(fixture("ssi.json"))
    assert pasted.form == "json"
    assert pasted.scores == {
        "brand": 13.117999,
        "people": 3.8,
        "insights": 0.29999998,
        "relationships": 2.4877515,
    }
    assert (pasted.total, pasted.industry, pasted.network) == (19.705751, 32.117, 35.4)
    assert (pasted.industry_rank, pasted.network_rank) == (75, 50)


def test_linkedin_json_wrapped_and_without_group_scores() -> None:
    pasted = read_pasted(fixture("ssi-wrapped.json"))
    assert pasted.scores == {"brand": 18, "people": 12, "insights": 11, "relationships": 20.5}
    assert (pasted.industry, pasted.network, pasted.industry_rank) == (None, None, None)


@pytest.mark.parametrize("name", ["page-en.txt", "page-en-after.txt", "page-fr.txt", "noisy.txt"])
def test_page_text_in_both_languages_and_layouts(name: str) -> None:
    pasted = read_pasted(fixture(name))
    assert pasted.form == "page"
    assert pasted.scores == PAGE_SCORES
    assert pasted.total == 20  # never a group average
    assert (pasted.industry, pasted.network) == (32, 35)
    assert (pasted.industry_rank, pasted.network_rank) == (75, 50)


def test_page_text_numbers_after_french_labels_without_groups() -> None:
    pasted = read_pasted(fixture("page-fr-after.txt"))
    assert pasted.scores == PAGE_SCORES
    assert (pasted.total, pasted.industry, pasted.industry_rank) == (20, None, None)


def test_group_averages_are_never_taken_for_the_total() -> None:
    text = (
        "People in your industry have an average SSI of 32 out of 100\n"
        "13 Establish your professional brand 4 Find the right people "
        "1 Engage with insights 2 Build relationships\n"
    )
    pasted = read_pasted(text.encode())
    assert (pasted.total, pasted.industry) == (None, 32)


@pytest.mark.parametrize(
    ("name", "found", "missing"),
    [
        ("truncated.txt", "brand, people", "insights, relationships"),
        ("three-pillars.txt", "brand, people, insights", "relationships"),
    ],
)
def test_a_missing_pillar_is_an_error_never_a_guess(name: str, found: str, missing: str) -> None:
    assert refusal(fixture(name)) == (
        "err.paste_missing_page",
        {"found": found, "missing": missing},
    )


def test_json_missing_a_pillar() -> None:
    document = json.loads(fixture("ssi.json"))
    document["memberScore"]["subScores"].pop(0)
    assert refusal(json.dumps(document).encode()) == (
        "err.paste_missing_json",
        {"found": "brand, people, relationships", "missing": "insights"},
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "err.paste_empty"),
        (b"  \n\t\n", "err.paste_empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "err.paste_binary"),
        (b"\xff\xfe\xfa not utf-8", "err.paste_binary"),
        (b"Dear team, see you on Monday.", "err.paste_unknown"),
        (b'{"memberScore": {"overall": 19.7, "subScores": [', "err.paste_json"),
        (b'{"elements": []}', "err.paste_json"),
    ],
)
def test_unusable_input(content: bytes, problem: str) -> None:
    assert refusal(content)[0] == problem


def test_a_total_far_from_the_sum_is_refused() -> None:
    text = fixture("page-en.txt").replace(b"20 out of 100", b"24 out of 100")
    assert refusal(text) == ("err.paste_total", {"total": "24", "sum": "20.12"})


def test_scores_out_of_range_are_refused() -> None:
    document = json.loads(fixture("ssi.json"))
    document["memberScore"]["subScores"][1]["score"] = 30
    document["memberScore"]["overall"] = 36.6
    with pytest.raises(InputError) as caught:
        read_pasted(json.dumps(document).encode())
    assert (caught.value.field, caught.value.problem) == ("brand", "err.above")


# -- through the CLI --------------------------------------------------------------------------


def test_paste_does_what_check_does(cli: Cli) -> None:
    pasted = cli("paste", str(FIXTURES / "page-en.txt"), "--date", "2026-11-27", "--json")
    checked = cli(
        "check",
        "13.118",
        "4.2",
        "0.3",
        "2.5",
        "--industry",
        "32",
        "--network",
        "35",
        "--date",
        "2026-11-27",
        "--json",
        "--no-save",
    )
    assert pasted.status == 0
    assert json.loads(pasted.stdout) == json.loads(checked.stdout)


def test_paste_saves_the_record_with_averages_and_ranks(cli: Cli) -> None:
    assert cli("paste", str(FIXTURES / "ssi.json"), "--date", "2026-11-27").status == 0
    [record] = json.loads(cli("history", "--json").stdout)["records"]
    assert record == {
        "date": "2026-11-27",
        "total": 19.71,
        "scores": {
            "brand": 13.117999,
            "people": 3.8,
            "insights": 0.29999998,
            "relationships": 2.4877515,
        },
        "industry": 32.117,
        "network": 35.4,
        "industry_rank": 75,
        "network_rank": 50,
    }


def test_paste_reads_stdin_and_shows_ranks(cli: Cli) -> None:
    from ssi_coach.cli import app

    result = cli.runner.invoke(
        app,
        ["paste", "--no-save", "--date", "2026-11-27"],
        input=fixture("page-fr.txt").decode(),
        env={"LANG": "fr_FR"},
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Votre SSI : 20,12/100 (premiers pas)"
    assert (
        "  11,88 points de retard sur la moyenne de votre secteur (32) (dans les 75 % de" in lines
    )


def test_paste_errors_are_one_line_with_status_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("paste", str(FIXTURES / "truncated.txt"))
    assert (result.status, result.stderr) == (
        2,
        "ssi-coach: paste: the text of the SSI page recognised, but pillars are missing: "
        "found brand, people; missing insights, relationships\n",
    )
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert cli("paste", str(binary)).status == 2
    assert cli("paste", str(tmp_path / "missing.txt")).status == 2


def test_check_takes_ranks(cli: Cli) -> None:
    result = cli(
        "check",
        "18",
        "12",
        "15",
        "20",
        "--industry",
        "32",
        "--industry-rank",
        "5",
        "--network-rank",
        "10",
        "--date",
        "2026-11-27",
    )
    lines = result.stdout.splitlines()
    assert "  33.00 points ahead of your industry average of 32 (top 5% of your industry)" in lines
    assert "  Top 10% of your network" in lines
    [record] = json.loads(cli("history", "--json").stdout)["records"]
    assert (record["industry_rank"], record["network_rank"]) == (5, 10)
    bad = cli("check", "18", "12", "15", "20", "--industry-rank", "0")
    assert (bad.status, bad.stderr) == (
        2,
        "ssi-coach: --industry-rank: 0 is below the minimum of 1\n",
    )


# -- any page LinkedIn could show ------------------------------------------------------------

scores_shown = st.fixed_dictionaries(
    {p: st.decimals(min_value=0, max_value=25, places=3) for p in PILLARS}
)
noise = st.sampled_from(
    [
        "",
        "Home\nMy Network\nJobs",
        "Sales Navigator",
        "Privacy & Terms  Help Center",
        "Try Premium for 0 EUR",
        "© 2026 LinkedIn Corporation",
        "Notifications 12",
    ]
)


@settings(max_examples=150)
@given(
    scores=scores_shown,
    lang=st.sampled_from(["en", "fr"]),
    before=st.booleans(),
    breaks=st.sampled_from([" ", "\n", "\n\n", "  \n "]),
    header=noise,
    footer=noise,
)
def test_any_page_reads_back_its_scores(
    scores: dict[str, Any], lang: str, before: bool, breaks: str, header: str, footer: str
) -> None:
    of_25 = "out of 25" if lang == "en" else "sur 25"
    blocks = []
    for pillar in PILLARS:
        number = str(scores[pillar])
        number = number.replace(".", ",") if lang == "fr" else number
        label = LABELS[pillar][lang]  # type: ignore[index]
        parts = [number, of_25, label] if before else [label, number, of_25]
        blocks.append(breaks.join(parts))
    total = round(sum(float(value) for value in scores.values()))
    page = "\n".join(
        [header, f"{total} {'out of' if lang == 'en' else 'sur'} 100", *blocks, footer]
    )
    pasted = read_pasted(page.encode())
    assert pasted.scores == {p: float(scores[p]) for p in PILLARS}
    assert pasted.total == total
