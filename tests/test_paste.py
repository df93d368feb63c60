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
    assert (pasted.ranks.get("industry"), pasted.ranks.get("network")) == (75, 50)


def test_linkedin_json_wrapped_and_without_group_scores() -> None:
    pasted = read_pasted(fixture("ssi-wrapped.json"))
    assert pasted.scores == {"brand": 18, "people": 12, "insights": 11, "relationships": 20.5}
    assert (pasted.industry, pasted.network, pasted.ranks) == (None, None, {})


@pytest.mark.parametrize("name", ["page-en.txt", "page-en-after.txt", "page-fr.txt", "noisy.txt"])
def test_page_text_in_both_languages_and_layouts(name: str) -> None:
    pasted = read_pasted(fixture(name))
    assert pasted.form == "page"
    assert pasted.scores == PAGE_SCORES
    assert pasted.total == 20  # never a group average
    assert (pasted.industry, pasted.network) == (32, 35)
    assert (pasted.ranks.get("industry"), pasted.ranks.get("network")) == (75, 50)


def test_page_text_numbers_after_french_labels_without_groups() -> None:
    pasted = read_pasted(fixture("page-fr-after.txt"))
    assert pasted.scores == PAGE_SCORES
    assert (pasted.total, pasted.industry, pasted.ranks) == (20, None, {})


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
        ("truncated.txt", 2, ["insights", "relationships"]),
        ("three-pillars.txt", 3, ["relationships"]),
    ],
)
def test_a_missing_pillar_is_an_error_never_a_guess(
    name: str, found: int, missing: list[str]
) -> None:
    problem, details = refusal(fixture(name))
    assert (problem, details["found"], details["missing"]) == (
        "err.paste_missing_page",
        found,
        missing,
    )


def test_json_missing_a_pillar() -> None:
    document = json.loads(fixture("ssi.json"))
    document["memberScore"]["subScores"].pop(0)
    assert refusal(json.dumps(document).encode()) == (
        "err.paste_missing_json",
        {"found": 3, "missing": ["insights"], "total": True},
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
        "--industry-rank",
        "75",
        "--network-rank",
        "50",
        "--date",
        "2026-11-27",
        "--json",
        "--no-save",
    )
    assert pasted.status == 0
    assert json.loads(pasted.stdout) == json.loads(checked.stdout)
    assert json.loads(pasted.stdout)["benchmarks"][1] == {
        "name": "industry",
        "value": 32.0,
        "gap": 11.88,
        "rank": 75,
    }


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
        "team": None,
        "team_rank": None,
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
    assert "  11,88 points de retard sur la moyenne de votre secteur (32) (parmi les 75 %" in lines


def test_paste_errors_are_one_line_with_status_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("paste", str(FIXTURES / "truncated.txt"))
    assert (result.status, result.stderr) == (
        2,
        "ssi-coach: paste: read as LinkedIn's SSI page: found 2 of the 4 pillars "
        "(missing: Engage with insights, Build relationships); copy the whole page\n",
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


# -- LinkedIn as it really is (issue 12) ------------------------------------------------------

REAL_PAGES = {
    "real-en.txt": (
        {"brand": 14.5, "people": 12.275, "insights": 11.25, "relationships": 20.125},
        58,
        {"industry": 31, "network": 30},
        {"industry": 12, "network": 40},
    ),
    "real-en-tab.txt": (
        {"brand": 15.125, "people": 14, "insights": 12.5, "relationships": 20.375},
        62,
        {"industry": 34, "network": 36},
        {"industry": 15, "network": 44},
    ),
    "real-en-ranks-in-groups.txt": (
        {"brand": 9.118, "people": 10.2, "insights": 4.3, "relationships": 17.5},
        41,
        {"industry": 27, "network": 33},
        {"industry": 25, "network": 61},
    ),
    "real-pt-2024.txt": (
        {"brand": 15.25, "people": 12.5, "insights": 9.75, "relationships": 15.5},
        53,
        {"industry": 35, "network": 28},
        {"industry": 10, "network": 22},
    ),
    "real-pt-2026.txt": (
        {"brand": 15.25, "people": 12.5, "insights": 9.75, "relationships": 15.5},
        53,
        {"industry": 35},
        {"industry": 10, "network": 22},
    ),
    "real-fr-variants.txt": (
        {"brand": 12.5, "people": 11, "insights": 8.25, "relationships": 15.5},
        47,
        {"industry": 29, "network": 26},
        {"industry": 8, "network": 30},
    ),
}


@pytest.mark.parametrize("name", REAL_PAGES)
def test_real_layouts_and_peer_sections(name: str) -> None:
    """Peers' values under their sections (or after "Média do setor:") are never the user's;
    averages come as "N out of 100" or as sentences; ranks before or after their label, or
    as "You rank in the top N%" inside a group's section."""
    scores, total, averages, ranks = REAL_PAGES[name]
    pasted = read_pasted(fixture(name))
    assert pasted.scores == {p: float(v) for p, v in scores.items()}
    assert (pasted.total, pasted.averages, pasted.ranks) == (total, averages, ranks)


def test_team_and_rank_only_groups_in_wrapped_json(cli: Cli) -> None:
    pasted = read_pasted(fixture("ssi-team.json"))
    assert pasted.averages == {"industry": 30.5, "team": 48.25}  # the network: a rank only
    assert pasted.ranks == {"industry": 9, "network": 35, "team": 2}
    data = json.loads(
        cli("paste", str(FIXTURES / "ssi-team.json"), "--json", "--date", "2026-11-20").stdout
    )
    assert data["benchmarks"] == [
        {"name": "target", "value": 75.0, "gap": 13.6},
        {"name": "industry", "value": 30.5, "gap": -30.9, "rank": 9},
        {"name": "team", "value": 48.25, "gap": -13.15, "rank": 2},
    ]
    [record] = json.loads(cli("history", "--json").stdout)["records"]
    assert (record["team"], record["team_rank"], record["network_rank"]) == (48.25, 2, 35)
    text = cli("paste", str(FIXTURES / "ssi-team.json"), "--no-save").stdout
    assert "  13.15 points ahead of your team average of 48.25 (top 2% of your team)" in text


def test_only_peer_values_is_said_so() -> None:
    page = (
        "People in your industry\n10 | Establish your professional brand\n"
        "8 | Find the right people\n3 | Engage with insights\n12 | Build relationships\n"
    )
    assert refusal(("Four components of your score\n" + page).encode()) == (
        "err.paste_only_peers",
        {},
    )


def test_a_missing_pillar_says_which_and_whether_there_is_a_total(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "4.5 | Establish your professional brand\n3 | Find the right people\n"
        "2 | Engage with insights\n",
        encoding="utf-8",
    )
    assert cli("paste", str(page)).stderr == (
        "ssi-coach: paste: read as LinkedIn's SSI page: found 3 of the 4 pillars "
        "(missing: Build relationships); no total; copy the whole page\n"
    )


def test_a_language_is_added_with_a_labels_file(cli: Cli, tmp_path: Path) -> None:
    labels = tmp_path / "labels.toml"
    labels.write_text(
        "[xx]\n"
        'pillars.brand = ["Brand one"]\npillars.people = ["People two"]\n'
        'pillars.insights = ["Insights three"]\npillars.relationships = ["Links four"]\n'
        'out_of = ["of"]\n',
        encoding="utf-8",
    )
    page = tmp_path / "page.txt"
    page.write_text(
        "40 of 100\n10 Brand one\n9 People two\n8 Insights three\n13 Links four\n", encoding="utf-8"
    )
    data = json.loads(
        cli("paste", str(page), "--labels", str(labels), "--json", "--no-save").stdout
    )
    assert (data["total"], data["pillars"][3]["score"]) == (40.0, 13.0)
    assert cli("paste", str(page), "--no-save").status == 2  # the shipped labels: unknown page


def test_a_broken_labels_file_names_the_place(cli: Cli, tmp_path: Path) -> None:
    labels = tmp_path / "labels.toml"
    labels.write_text('[xx]\npillars.brand = ["B"]\ncolour = ["red"]\n', encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text("10 B\n", encoding="utf-8")
    result = cli("paste", str(page), "--labels", str(labels))
    assert result.status == 2
    assert result.stderr.splitlines() == [
        f"ssi-coach: {labels}: xx.pillars.people: required key is missing",
        f"ssi-coach: {labels}: xx.pillars.insights: required key is missing",
        f"ssi-coach: {labels}: xx.pillars.relationships: required key is missing",
        f"ssi-coach: {labels}: xx.colour: unknown key",
    ]


PAGE_WORDS = {
    # language: pillar labels, "out of", own heading, group headings, average sentence,
    # rank labels, and the "top N%" form
    "en": (
        {p: LABELS[p]["en"] for p in PILLARS},
        "out of",
        "Four components of your score",
        {"industry": "People in your industry", "network": "People in your network"},
        "Sales professionals in your {group} have an average SSI of {n}.",
        {"industry": "Industry SSI rank", "network": "Network SSI rank"},
        "Top {n}%",
    ),
    "fr": (
        {p: LABELS[p]["fr"] for p in PILLARS},
        "sur",
        "Quatre composantes de votre score",
        {"industry": "Les personnes de votre secteur", "network": "Les personnes de votre réseau"},
        "ont un SSI moyen de {n}",
        {"industry": "Classement SSI du secteur", "network": "Classement SSI du réseau"},
        "Top {n} %",
    ),
    "pt": (
        {
            "brand": "Estabelecer sua marca profissional",
            "people": "Localizar as pessoas certas",
            "insights": "Interagir oferecendo insights",
            "relationships": "Criar relacionamentos",
        },
        "de",
        "Quatro componentes da sua pontuação",
        {"industry": "Pessoas no seu setor", "network": "Pessoas na sua rede"},
        "Profissionais têm um SSI médio de {n}",
        {"industry": "Classificação no setor", "network": "Classificação na rede"},
        "Primeiros {n}%",
    ),
}
two_decimals = st.integers(min_value=0, max_value=2500).map(lambda n: n / 100)


@settings(max_examples=150, deadline=None)
@given(
    lang=st.sampled_from(sorted(PAGE_WORDS)),
    scores=st.fixed_dictionaries({p: two_decimals for p in PILLARS}),
    peers=st.fixed_dictionaries({p: two_decimals for p in PILLARS}),
    averages=st.fixed_dictionaries({g: st.integers(5, 95) for g in ("industry", "network")}),
    ranks=st.fixed_dictionaries({g: st.integers(1, 100) for g in ("industry", "network")}),
    layout=st.sampled_from(["pipe", "spaces", "line before", "tab after"]),
    ranks_first=st.booleans(),
    noise=st.sampled_from(
        ["", "Learn more\nNo change since last week\n", "Home  Jobs  Messaging\n"]
    ),
)
def test_any_real_page_reads_back_what_went_in(
    lang: str,
    scores: dict[str, float],
    peers: dict[str, float],
    averages: dict[str, int],
    ranks: dict[str, int],
    layout: str,
    ranks_first: bool,
    noise: str,
) -> None:
    labels, out_of, own, groups, sentence, rank_labels, top = PAGE_WORDS[lang]

    def number(value: float) -> str:
        text = f"{value:g}"
        return text.replace(".", ",") if lang != "en" else text

    def pillar_lines(values: dict[str, float]) -> str:
        forms = {
            "pipe": "{n} | {label}",
            "spaces": "{n}  {label}",
            "line before": "{n}\n{label}",
            "tab after": "{label}\t{n}",
        }
        return "".join(
            forms[layout].format(n=number(values[p]), label=labels[p]) + "\n" + noise
            for p in PILLARS
        )

    rank_lines = "".join(
        (
            f"{top.format(n=ranks[g])} {rank_labels[g]}\n"
            if ranks_first
            else f"{rank_labels[g]}\n{top.format(n=ranks[g])}\n"
        )
        for g in ("industry", "network")
    )
    total = round(sum(scores.values()))
    page = (
        noise
        + rank_lines
        + f"{total} {out_of} 100\n{own}\n"
        + pillar_lines(scores)
        + "".join(
            f"{groups[g]}\n" + sentence.format(group=g, n=averages[g]) + "\n" + pillar_lines(peers)
            for g in ("industry", "network")
        )
    )
    pasted = read_pasted(page.encode())
    assert pasted.scores == scores
    assert pasted.total == total
    assert pasted.averages == averages
    assert pasted.ranks == ranks
