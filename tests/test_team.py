"""The team view: spreadsheets of every dialect in, a report that never trusts a name."""

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Cli

HEADER = "name,brand,people,insights,relationships"


def write(tmp_path: Path, text: str, name: str = "team.csv", encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def team_json(cli: Cli, *args: str) -> Any:
    result = cli("team", *args, "--json")
    assert result.status in (0, 1), result
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "text",
    [
        f"{HEADER}\nAlice,20.5,18,14.5,20\nBob,12,8,3.5,15\n",
        "name;brand;people;insights;relationships\nAlice;20,5;18;14,5;20\nBob;12;8;3,5;15\n",
        f"\ufeff{HEADER}\r\nAlice,20.5,18,14.5,20\r\nBob,12,8,3.5,15\r\n",
        f'{HEADER}\n"Alice","20,5","18","14,5","20"\n"Bob",12,8,"3,5",15\n',
    ],
    ids=["comma-dot", "semicolon-comma", "bom-crlf", "quoted"],
)
def test_every_spreadsheet_dialect(cli: Cli, tmp_path: Path, text: str) -> None:
    data = team_json(cli, write(tmp_path, text))
    assert [(r["name"], r["total"], r["scores"]["brand"]) for r in data["reps"]] == [
        ("Alice", 73.0, 20.5),
        ("Bob", 38.5, 12.0),
    ]
    assert data["rejected"] == []


@pytest.mark.parametrize(
    "header",
    [
        "Rep,Establish your professional brand,Find the right people,Engage with insights,"
        "Build relationships",
        "NOM;Établir votre marque professionnelle;Trouver les bonnes personnes;"
        "Échanger des informations;Établir des relations",
        "nom;etablir votre MARQUE professionnelle;trouver  les bonnes personnes;"
        "echanger des informations;ETABLIR DES RELATIONS",
        "Name,BRAND,People,insights,Relationships",
    ],
    ids=["english-labels", "french-labels", "no-accents-any-case", "keys"],
)
def test_headers_by_key_or_label_case_and_accents_ignored(
    cli: Cli, tmp_path: Path, header: str
) -> None:
    separator = ";" if ";" in header else ","
    row = separator.join(["Alice", "1", "2", "3", "4"])
    data = team_json(cli, write(tmp_path, f"{header}\n{row}\n"))
    assert data["reps"][0]["scores"] == {"brand": 1, "people": 2, "insights": 3, "relationships": 4}


def test_dated_rows_keep_the_latest_and_the_change(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "date,name,brand,people,insights,relationships\n"
        "2026-11-27,Alice,20,18,15,20\n"
        "2026-11-13,Alice,18,17,14,20\n"
        "2026-11-20,alice,19,18,14,20\n"
        "2026-11-20,Bob,10,8,3,15\n",
    )
    data = team_json(cli, path)
    assert [(r["name"], r["date"], r["total"], r["change"]) for r in data["reps"]] == [
        ("Alice", "2026-11-27", 73.0, 2.0),
        ("Bob", "2026-11-20", 36.0, None),
    ]


def test_the_summary(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nA,20,18,14,20\nB,10,8,3,15\nC,5,5,2,3\nD,25,25,25,25\n")
    summary = team_json(cli, path, "--industry", "32", "--target", "70")["summary"]
    assert summary == {
        "count": 4,
        "average_total": 55.75,
        "average": {"brand": 15.0, "people": 14.0, "insights": 11.0, "relationships": 15.75},
        "weakest": "insights",
        "bands": {"getting_started": 1, "building": 1, "strong": 1, "excellent": 1},
        "benchmarks": [
            {"name": "target", "value": 70.0, "gap": 14.25},
            {"name": "industry", "value": 32.0, "gap": -23.75},
        ],
        "stale": 0,
        "newest": None,
    }


def test_coaching_groups_largest_first(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nA,20,18,3,20\nB,10,8,3,15\nC,5,9,9,9\nD,9,9,9,9\n")
    data = team_json(cli, path)
    assert data["groups"] == {
        "insights": ["A", "B"],
        "brand": ["C", "D"],
        "people": [],
        "relationships": [],
    }


def test_json_has_exactly_the_documented_keys(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path, "name,team,date,brand,people,insights,relationships\nA,East,2026-11-27,1,2,3,4\n"
    )
    data = team_json(cli, path)
    assert list(data) == [
        "reps",
        "summary",
        "groups",
        "rejected",
        "coaching",
        "trend",
        "movers",
        "below_industry",
        "warnings",
    ]
    assert data["reps"] == [
        {
            "name": "A",
            "team": "East",
            "date": "2026-11-27",
            "total": 10.0,
            "scores": {"brand": 1.0, "people": 2.0, "insights": 3.0, "relationships": 4.0},
            "weakest": "brand",
            "change": None,
            "change_since": None,
            "first_date": "2026-11-27",
            "period_change": None,
            "stale": False,
            "rank": 1,
        }
    ]
    assert list(data["summary"]) == [
        "count",
        "average_total",
        "average",
        "weakest",
        "bands",
        "benchmarks",
        "stale",
        "newest",
    ]


def test_bad_rows_are_listed_and_the_rest_reported(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "name,brand,people,insights,relationships,date\n"
        "Alice,20,18,14,20,2026-11-27\n"
        "Bob,26,8,3,15,2026-11-27\n"
        ",1,1,1,1,2026-11-27\n"
        "Carl,1,x,1,1,2026-11-27\n"
        "Dora,1,1,1,1,11/27/2026\n"
        "Eve,1,1\n",
    )
    result = cli("team", path)
    assert result.status == 1
    assert result.stdout.startswith("Team: 1 rep, 5 rows rejected\n")
    assert result.stderr.splitlines() == [
        f"ssi-coach: {path}: line 3: brand: 26 is above the maximum of 25",
        f"ssi-coach: {path}: line 4: name: empty value",
        f"ssi-coach: {path}: line 5: people: 'x' is not a number",
        f"ssi-coach: {path}: line 6: date: '11/27/2026' is not a day of the calendar, read day "
        "first (DD/MM/YYYY)",
        f"ssi-coach: {path}: line 7: 3 fields, the header has 6",
    ]
    data = team_json(cli, path)
    assert [r["line"] for r in data["rejected"]] == [3, 4, 5, 6, 7]


@pytest.mark.parametrize(
    ("text", "encoding", "message"),
    [
        (
            "name,brand,people\nA,1,1\n",
            "utf-8",
            "missing columns insights, relationships (a name column is name, rep or nom; pillars "
            "go by their key or LinkedIn's label; columns found: name, brand, people)",
        ),
        (f"{HEADER}\nA,30,1,1,1\n", "utf-8", "no valid row"),
        (f"{HEADER}\n", "utf-8", "no valid row"),
        (
            "",
            "utf-8",
            "missing columns name, brand, people, insights, relationships (a name "
            "column is name, rep or nom; pillars go by their key or LinkedIn's label; "
            "columns found: none)",
        ),
    ],
    ids=["missing-columns", "no-valid-row", "header-only", "empty"],
)
def test_unusable_files_exit_2(
    cli: Cli, tmp_path: Path, text: str, encoding: str, message: str
) -> None:
    path = write(tmp_path, text, encoding=encoding)
    result = cli("team", path)
    assert result.status == 2
    assert result.stderr.splitlines()[-1] == f"ssi-coach: {path}: {message}"


def test_when_every_row_is_bad_each_reason_is_listed(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nA,30,1,1,1\nB,1,x,1,1\n")
    result = cli("team", path)
    assert (result.status, result.stdout) == (2, "")
    assert result.stderr == (
        f"ssi-coach: {path}: line 2: brand: 30 is above the maximum of 25\n"
        f"ssi-coach: {path}: line 3: people: 'x' is not a number\n"
        f"ssi-coach: {path}: no valid row\n"
    )


def test_a_missing_file_exits_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("team", str(tmp_path / "nope.csv"))
    assert result.status == 2
    assert result.stderr == (
        f"ssi-coach: {tmp_path / 'nope.csv'}: cannot read the file: no such file or directory\n"
    )


def test_names_are_printed_as_inert_text(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"{HEADER}\n"
        '"\x1b[2J\x1b[31mMallory\x1b[0m",1,1,1,1\n'
        "[red]Trudy[/red],2,2,2,2\n"
        '"[bold]\x07Eve",3,3,3,3\n',
    )
    result = cli("team", path, "--all")
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b[2J\\x1b[31mMallory" in result.stdout
    assert "[red]Trudy[/red]" in result.stdout
    assert "[bold]\\x07Eve" in result.stdout


def test_sub_teams(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "name,team,brand,people,insights,relationships\n"
        "A,East,20,20,20,20\nB,West,10,10,10,10\nC,East,10,10,2,10\n",
    )
    lines = cli("team", path).stdout.splitlines()
    start = lines.index("Sub-teams")
    assert lines[start + 2].split() == [
        "East",
        "56.00",
        "15.00",
        "15.00",
        "11.00",
        "15.00",
        "insig.",
        "2",
    ]
    assert lines[start + 3].split() == [
        "West",
        "40.00",
        "10.00",
        "10.00",
        "10.00",
        "10.00",
        "brand",
        "1",
    ]


def test_long_lists_show_top_and_bottom_unless_all(cli: Cli, tmp_path: Path) -> None:
    rows = "".join(f"Rep {n:02d},{n % 25},10,10,10\n" for n in range(60))
    path = write(tmp_path, f"{HEADER}\n{rows}")
    lines = cli("team", path).stdout.splitlines()
    assert "  ... 40 reps hidden (--all shows them)" in lines
    every = cli("team", path, "--all").stdout.splitlines()
    assert len(every) == len(lines) + 40 - 1
    assert max(len(line) for line in every) <= 80


def test_sort_orders_and_shared_ranks(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "name,date,brand,people,insights,relationships\n"
        "bea,2026-11-20,5,5,5,5\nbea,2026-11-27,10,10,10,10\n"
        "Al,2026-11-27,10,10,10,10\nCy,2026-11-27,1,20,1,1\n",
    )
    names = {
        sort: [r["name"] for r in team_json(cli, path, "--sort", sort)["reps"]]
        for sort in ("total", "name", "people", "change")
    }
    assert names == {
        "total": ["bea", "Al", "Cy"],
        "name": ["Al", "bea", "Cy"],
        "people": ["Cy", "bea", "Al"],
        "change": ["bea", "Al", "Cy"],
    }
    lines = cli("team", path).stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.split()[:2] == ["#", "name"])
    assert [line.split()[:2] for line in lines[header + 1 : header + 4]] == [
        ["1", "bea"],
        ["1", "Al"],
        ["3", "Cy"],
    ]
    bad = cli("team", path, "--sort", "age")
    assert (bad.status, bad.stderr) == (
        2,
        "ssi-coach: --sort: 'age' is not a sort order "
        "(total|name|brand|people|insights|relationships|change)\n",
    )


def test_french_output(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nAlice,20,18,14,20\nBob,12,8,x,15\n")
    result = cli("team", path, "--lang", "fr")
    lines = result.stdout.splitlines()
    assert lines[0] == "Équipe : 1 commercial, 1 ligne rejetée"
    assert f"{lines[1]} {lines[2].strip()}" == (
        "SSI moyen : 72,00/100 (solide) ; pilier le plus faible : Échanger des informations"
    )
    assert (
        result.stderr == f"ssi-coach: {path} : ligne 3 : informations (insights) : "
        "« x » n'est pas un nombre\n"
    )


def test_reads_stdin(cli: Cli) -> None:
    result = cli.runner.invoke(
        __import__("ssi_coach.cli").cli.app,
        ["team", "-", "--json"],
        input=f"{HEADER}\nAlice,1,2,3,4\n",
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["count"] == 1
