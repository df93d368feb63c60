"""The team view a sales manager uses: real spreadsheet files (Windows-1252, day-first dates,
repeated rows), each rep's last update and staleness, the team's weekly trend, who moved,
what `change` is measured from, and coaching groups with a plan."""

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Cli
from ssi_coach.storage import files

HEADER = "name,brand,people,insights,relationships"
DATED = "name,date,brand,people,insights,relationships"
FRENCH_HEADER = (
    "nom;Établir votre marque professionnelle;Trouver les bonnes personnes;"
    "Échanger des informations;Établir des relations"
)


def write(tmp_path: Path, content: str | bytes, name: str = "team.csv") -> str:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(path)


def team_json(cli: Cli, *args: str) -> Any:
    result = cli("team", *args, "--json")
    assert result.status in (0, 1), result
    return json.loads(result.stdout)


def reps_of(data: Any) -> list[tuple[str, float]]:
    return [(rep["name"], rep["total"]) for rep in data["reps"]]


# Real files


def test_a_windows_1252_file_from_french_excel_is_read_and_said(cli: Cli, tmp_path: Path) -> None:
    text = f"{FRENCH_HEADER}\r\nChloé Petit;12,5;10;3,5;15\r\nFrançois Dubœuf;20;18;14,5;20\r\n"
    path = write(tmp_path, text.encode("cp1252"))
    result = cli("team", path, "--json")
    assert result.status == 0
    assert reps_of(json.loads(result.stdout)) == [("François Dubœuf", 72.5), ("Chloé Petit", 41.0)]
    assert json.loads(result.stdout)["warnings"] == [
        {"kind": "encoding", "encoding": "windows-1252"}
    ]
    assert result.stderr == (
        f"ssi-coach: warning: {path}: not UTF-8 text, read as Windows-1252 "
        "(as French Excel saves CSV)\n"
    )


def test_utf8_with_or_without_bom_says_nothing(cli: Cli, tmp_path: Path) -> None:
    for text in (f"{FRENCH_HEADER}\nChloé;1;2;3;4\n", f"\ufeff{FRENCH_HEADER}\nChloé;1;2;3;4\n"):
        result = cli("team", write(tmp_path, text), "--json")
        assert (result.status, result.stderr) == (0, "")
        assert reps_of(json.loads(result.stdout)) == [("Chloé", 10.0)]


def test_a_file_in_neither_encoding_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nA,1,1,1,1\n".encode() + b"\x81\xe9,1,1,1,1\n")
    result = cli("team", path)
    assert (result.status, result.stdout) == (2, "")
    assert result.stderr == (
        f"ssi-coach: {path}: neither UTF-8 nor Windows-1252 text: save it as CSV UTF-8\n"
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_excels_unicode_text_is_named_not_misread(cli: Cli, tmp_path: Path, encoding: str) -> None:
    text = f"{HEADER}\nAnn,1,1,1,1\n"
    bom = "\ufeff" if encoding == "utf-16-be" else ""  # utf-16 writes its own
    path = write(tmp_path, (bom + text).encode(encoding))
    result = cli("team", path)
    assert (result.status, result.stdout) == (2, "")
    assert result.stderr == (
        f'ssi-coach: {path}: UTF-16 text (Excel\'s "Unicode text"): save it as CSV UTF-8\n'
    )


@pytest.mark.parametrize("from_stdin", [False, True], ids=["file", "stdin"])
def test_utf8_text_then_a_byte_that_is_not_reads_it_all_again_as_windows_1252(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, from_stdin: bool
) -> None:
    monkeypatch.setattr(files, "CHUNK", 8)  # the é is decoded as UTF-8 before the \xe8 comes
    content = f"{HEADER}\nZoé,1,1,1,1\n".encode() + "Liè,2,2,2,2\n".encode("cp1252")
    if from_stdin:
        from ssi_coach.cli import app

        invoked = cli.runner.invoke(app, ["team", "-", "--json"], input=content)
        status, stdout = invoked.exit_code, invoked.stdout
    else:
        result = cli("team", write(tmp_path, content), "--json")
        status, stdout = result.status, result.stdout
    assert status == 0
    data = json.loads(stdout)
    assert reps_of(data) == [("Liè", 8.0), ("ZoÃ©", 4.0)]  # as Windows-1252 reads it all
    assert data["warnings"] == [{"kind": "encoding", "encoding": "windows-1252"}]


def test_a_file_ending_in_the_middle_of_a_utf8_sequence_is_windows_1252(
    cli: Cli, tmp_path: Path
) -> None:
    path = write(tmp_path, f"{HEADER}\nZoé,1,1,1,1\nÉ".encode() + b"\xc3")
    data = team_json(cli, path)
    assert reps_of(data) == [("ZoÃ©", 4.0)]
    assert data["rejected"] == [{"line": 3, "reason": "1 field, the header has 5"}]


def test_stdin_too_long_to_keep_for_a_second_reading_is_refused_saying_why(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ssi_coach.cli import app

    monkeypatch.setattr(files, "CHUNK", 8)
    monkeypatch.setattr(files, "STDIN_REPLAY_LIMIT", 16)
    content = f"{HEADER}\nZoé,1,1,1,1\n".encode() + "Liè,2,2,2,2\n".encode("cp1252")
    result = cli.runner.invoke(app, ["team", "-"], input=content)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "ssi-coach: stdin: UTF-8 text, then bytes that are not, past the first 0 MiB stdin "
        "keeps to read it again as Windows-1252: give the file's name instead\n"
    )


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1024 * 1024])
def test_line_ends_of_every_kind_across_chunk_boundaries(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(files, "CHUNK", chunk)
    text = f'{HEADER}\r\nAnn,1,1,1,1\r\n\r\n"Bo\r\nb",2,2,2,2\nCy,3,3,3,3\rDi,4,4,4,4\rEd,5,5,5,x'
    result = cli("team", write(tmp_path, text), "--json")
    data = json.loads(result.stdout)
    assert [rep["name"] for rep in data["reps"]] == ["Di", "Cy", "Bo\r\nb", "Ann"]
    assert data["rejected"] == [{"line": 8, "reason": "relationships: 'x' is not a number"}]


def test_day_first_dates_as_european_managers_type_them(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"{DATED}\n"
        "Ann,20/11/2026,10,10,10,10\n"
        "Ann,27.11.2026,11,10,10,10\n"
        "Bob,2026-11-27,5,5,5,5\n"
        "Bob,1/11/2026,4,5,5,5\n",
    )
    data = team_json(cli, path)
    assert [(r["name"], r["date"], r["change"], r["change_since"]) for r in data["reps"]] == [
        ("Ann", "2026-11-27", 1.0, "2026-11-20"),
        ("Bob", "2026-11-27", 1.0, "2026-11-01"),
    ]


def test_impossible_month_first_and_two_digit_year_dates_are_refused_with_their_line(
    cli: Cli, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        f"{DATED}\n"
        "Ann,27/11/2026,10,10,10,10\n"
        "Bob,31/02/2026,1,1,1,1\n"
        "Cy,11/27/2026,1,1,1,1\n"
        "Di,27/11/26,1,1,1,1\n"
        "Ed,2026-02-30,1,1,1,1\n"
        "Flo,27-11-2026,1,1,1,1\n",
    )
    result = cli("team", path)
    assert result.status == 1
    assert result.stdout.startswith("Team: 1 rep, 5 rows rejected\n")
    assert result.stderr.splitlines() == [
        f"ssi-coach: {path}: line 3: date: '31/02/2026' is not a day of the calendar, read day "
        "first (DD/MM/YYYY)",
        f"ssi-coach: {path}: line 4: date: '11/27/2026' is not a day of the calendar, read day "
        "first (DD/MM/YYYY)",
        f"ssi-coach: {path}: line 5: date: '27/11/26': write the year with four digits",
        f"ssi-coach: {path}: line 6: date: '2026-02-30' is not a day of the calendar",
        f"ssi-coach: {path}: line 7: date: '27-11-2026' is not a date in the form YYYY-MM-DD, "
        "DD/MM/YYYY or DD.MM.YYYY",
    ]


def test_a_name_repeated_without_dates_counts_once_and_is_said(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"{HEADER}\nJane Doe,10,10,10,10\nBob,5,5,5,5\n"
        "  jane   DOE ,12,10,10,10\nJANE DOE,11,10,10,10\n",
    )
    result = cli("team", path)
    assert result.status == 0
    assert result.stdout.startswith("Team: 2 reps\n")
    assert result.stderr == (
        f"ssi-coach: warning: {path}: lines 2, 4, 5: Jane Doe more than once; counted once, "
        "the last line counts\n"
    )
    data = team_json(cli, path)
    assert reps_of(data) == [("Jane Doe", 41.0), ("Bob", 20.0)]
    assert data["groups"]["people"] == ["Jane Doe"]
    assert data["warnings"] == [{"kind": "same_name", "name": "Jane Doe", "lines": [2, 4, 5]}]


def test_two_rows_of_a_rep_on_one_date_are_said_and_the_later_counts(
    cli: Cli, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        f"{DATED}\n"
        "Ann,2026-11-20,10,10,10,10\n"
        "Ann,2026-11-27,11,10,10,10\n"
        "Bob,2026-11-27,5,5,5,5\n"
        "ann,2026-11-20,9,10,10,10\n"
        "Ann,2026-11-27,12,10,10,10\n",
    )
    result = cli("team", path)
    assert result.stderr.splitlines() == [
        f"ssi-coach: warning: {path}: lines 2, 5: Ann has more than one row dated 2026-11-20; "
        "the last line counts",
        f"ssi-coach: warning: {path}: lines 3, 6: Ann has more than one row dated 2026-11-27; "
        "the last line counts",
    ]
    data = team_json(cli, path)
    assert [(r["name"], r["total"], r["change"]) for r in data["reps"]] == [
        ("Ann", 42.0, 3.0),
        ("Bob", 20.0, None),
    ]
    assert data["warnings"][1] == {
        "kind": "same_date",
        "name": "Ann",
        "date": "2026-11-27",
        "lines": [3, 6],
    }


def test_many_warnings_are_summed_up_on_stderr_and_all_in_json(cli: Cli, tmp_path: Path) -> None:
    rows = "".join(f"Rep {n},1,1,1,1\nrep {n},2,2,2,2\n" for n in range(12))
    path = write(tmp_path, f"{HEADER}\n{rows}")
    lines = cli("team", path).stderr.splitlines()
    assert len(lines) == 11
    assert (
        lines[-1]
        == f"ssi-coach: warning: {path}: 2 more warnings like these (--json lists up to 1000)"
    )
    assert len(team_json(cli, path)["warnings"]) == 12


def test_a_long_team_in_json_is_a_rep_a_line_whatever_its_names(cli: Cli, tmp_path: Path) -> None:
    # 2,500 reps: JSON is made by blocks of reps, and the names look like a block's seams.
    names = [f"Rep {n}" if n % 700 else f'R{n} }}, {{"name": "x\u202e' for n in range(2500)]
    quoted = ('"' + name.replace('"', '""') + '"' for name in names)
    rows = "".join(f"{name},{n % 25},1,2,3\n" for n, name in enumerate(quoted))
    result = cli("team", write(tmp_path, f"{HEADER}\n{rows}"), "--json")
    assert result.status == 0
    reps = json.loads(result.stdout)["reps"]
    assert sorted(rep["name"] for rep in reps) == sorted(names)
    one_a_line = "".join(
        ("," if n else "") + "\n    " + json.dumps(rep, ensure_ascii=False)
        for n, rep in enumerate(reps)
    )
    expected = '{\n  "reps": [' + one_a_line.replace("\u202e", "\\u202e") + "\n  ],"
    assert result.stdout.startswith(expected)


# What a manager wants to see

TWO_MONTHS = (
    f"{DATED}\n"
    "Ann,2026-10-05,10,10,10,10\n"
    "Ann,2026-11-20,12,12,12,12\n"
    "Ann,2026-11-27,13,12,12,12\n"
    "Bob,2026-10-05,15,15,15,15\n"
    "Bob,2026-11-27,11,15,15,15\n"
    "Cy,2026-10-06,20,20,20,20\n"
    "Cy,2026-10-12,18,20,20,20\n"
    "Di,2026-11-24,5,5,5,5\n"
    "Di,2026-11-25,6,5,5,5\n"
)


def test_last_update_and_stale_reps_left_out_of_the_figures(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, TWO_MONTHS)
    data = team_json(cli, path, "--industry", "40")
    assert [(r["name"], r["date"], r["stale"], r["rank"]) for r in data["reps"]] == [
        ("Bob", "2026-11-27", False, 1),
        ("Ann", "2026-11-27", False, 2),
        ("Di", "2026-11-25", False, 3),
        ("Cy", "2026-10-12", True, None),  # 46 days before the newest row
    ]
    summary = data["summary"]
    assert (summary["count"], summary["stale"], summary["newest"]) == (3, 1, "2026-11-27")
    assert summary["average_total"] == round((56 + 49 + 21) / 3, 2)
    assert data["groups"] == {
        "people": ["Ann", "Di"],
        "brand": ["Bob"],
        "insights": [],
        "relationships": [],
    }
    assert data["below_industry"] == [{"name": "Di", "total": 21.0}]
    lines = cli("team", path, "--industry", "40").stdout.splitlines()
    assert lines[0] == "Team: 3 reps, 1 stale rep left out"
    assert "  Below the industry average of 40: Di 21.00" in lines
    header = "  #  name           total  brand people insig. relat.  weakest change updated"
    assert lines[lines.index(header) + 1 :][:6] == [
        "  1  Bob            56.00  11.00  15.00  15.00  15.00  brand    -4.00 2026-11-27",
        "  2  Ann            49.00  13.00  12.00  12.00  12.00  people   +1.00 2026-11-27",
        "  3  Di             21.00   6.00   5.00   5.00   5.00  people   +1.00 2026-11-25",
        "  Stale, left out of the figures (no row in the 30 days before 2026-11-27):",
        "  -  Cy             78.00  18.00  20.00  20.00  20.00  brand    -2.00 2026-10-12",
        "  change: since each rep's previous row, 2026-10-05 to 2026-11-24",
    ]


def test_change_says_since_when(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"{DATED}\nAnn,2026-10-30,10,10,10,10\nAnn,2026-11-27,11,10,10,10\n"
        "Bob,2026-10-30,5,5,5,5\nBob,2026-11-27,6,5,5,5\n",
    )
    assert "  change: since 2026-10-30" in cli("team", path).stdout.splitlines()
    undated = write(tmp_path, f"{HEADER}\nAnn,1,1,1,1\n", "undated.csv")
    assert "since" not in cli("team", undated).stdout


def test_the_trend_is_each_weeks_average_of_each_reps_latest_row(cli: Cli, tmp_path: Path) -> None:
    data = team_json(cli, write(tmp_path, TWO_MONTHS))
    assert data["trend"] == [
        {"week": "2026-W41", "monday": "2026-10-05", "average": 60.0, "reps": 3},
        {"week": "2026-W42", "monday": "2026-10-12", "average": 78.0, "reps": 1},
        {"week": "2026-W47", "monday": "2026-11-16", "average": 48.0, "reps": 1},
        {"week": "2026-W48", "monday": "2026-11-23", "average": 42.0, "reps": 3},
    ]
    lines = cli("team", write(tmp_path, TWO_MONTHS)).stdout.splitlines()
    start = lines.index(
        "Team trend: weekly average SSI, 2026-10-05 to 2026-11-23 (4 weeks with rows)"
    )
    assert lines[start + 1] == "   60.00 %#%oo=;: 42.00   -18.00"


def test_no_trend_for_a_single_week(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, f"{DATED}\nAnn,2026-11-23,1,1,1,1\nAnn,2026-11-27,2,1,1,1\n")
    assert len(team_json(cli, path)["trend"]) == 1
    assert "Team trend" not in cli("team", path).stdout


def test_the_movers_three_up_and_three_down(cli: Cli, tmp_path: Path) -> None:
    changes = {"A": 5, "B": 9, "C": -2, "D": 1, "E": -7, "F": 9, "G": -1, "H": -3, "I": 0}
    rows = "".join(
        f"{name},2026-11-01,10,10,10,10\n{name},2026-11-27,{10 + change},10,10,10\n"
        for name, change in changes.items()
    )
    path = write(tmp_path, f"{DATED}\n{rows}Solo,2026-11-27,1,1,1,1\n")
    movers = team_json(cli, path)["movers"]
    assert [(m["name"], m["change"]) for m in movers["improved"]] == [("B", 9), ("F", 9), ("A", 5)]
    assert [(m["name"], m["change"]) for m in movers["declined"]] == [
        ("E", -7),
        ("H", -3),
        ("C", -2),
    ]
    assert movers["improved"][0] == {
        "name": "B",
        "change": 9.0,
        "from": "2026-11-01",
        "to": "2026-11-27",
    }
    lines = cli("team", path).stdout.splitlines()
    start = lines.index("Who moved, from each rep's earliest row to their latest")
    assert lines[start + 1 : start + 3] == [
        "  Most improved: B +9.00, F +9.00, A +5.00",
        "  Most declined: E -7.00, H -3.00, C -2.00",
    ]


def test_coaching_groups_get_the_actions_for_their_median(cli: Cli, tmp_path: Path) -> None:
    # brand: 2, 16, 16: the average (11.3) would suit the starting actions, the median (16)
    # the next ones.
    path = write(tmp_path, f"{HEADER}\nA,2,20,20,20\nB,16,20,20,20\nC,16,20,20,20\n")
    data = team_json(cli, path)
    assert data["coaching"] == [
        {
            "pillar": "brand",
            "reps": 3,
            "median": 16.0,
            "actions": [
                {"id": "brand-all-star", "text": data["coaching"][0]["actions"][0]["text"]},
                {"id": "brand-featured", "text": data["coaching"][0]["actions"][1]["text"]},
            ],
        }
    ]
    lines = cli("team", path).stdout.splitlines()
    start = lines.index("Coaching groups, by weakest pillar")
    assert lines[start + 1] == "  Establish your professional brand, 3 reps, median 16.00/25:"
    assert lines[start + 2].startswith("    - ")


def test_the_new_parts_in_french(cli: Cli, tmp_path: Path) -> None:
    text = TWO_MONTHS + "Ann,2026-11-27,13,12,12,12\n"
    path = write(tmp_path, text)
    result = cli("team", path, "--lang", "fr", "--industry", "40")
    lines = result.stdout.splitlines()
    assert lines[0] == "Équipe : 3 commerciaux, 1 commercial sans relevé récent, laissé de côté"
    assert "  Sous la moyenne du secteur de 40 : Di 21,00" in lines
    table = lines[
        lines.index(
            "  #  nom         total marque  pers.  infos relat.  faible  variation mis à jour"
        ) :
    ]
    assert table[1:9] == [
        "  1  Bob         56,00  11,00  15,00  15,00  15,00  marque      -4,00 2026-11-27",
        "  2  Ann         49,00  13,00  12,00  12,00  12,00  pers.       +1,00 2026-11-27",
        "  3  Di          21,00   6,00   5,00   5,00   5,00  pers.       +1,00 2026-11-25",
        "  Sans relevé récent, laissés hors des chiffres (aucune ligne dans les 30 jours",
        "  avant le 27 novembre 2026) :",
        "  -  Cy          78,00  18,00  20,00  20,00  20,00  marque      -2,00 2026-10-12",
        "  variation : depuis la ligne précédente de chacun, du 5 octobre 2026 au 24",
        "    novembre 2026",
    ]
    trend = lines.index(
        "Tendance de l'équipe : SSI moyen par semaine, du 5 octobre 2026 au 23 novembre"
    )
    assert lines[trend + 1 : trend + 3] == [
        "  2026 (4 semaines avec des relevés)",
        "   60,00 %#%oo=;: 42,00   -18,00",
    ]
    for line in (
        "Qui a bougé, de la première ligne de chacun à sa dernière",
        "  Plus fortes hausses : Ann +9,00, Di +1,00",
        "  Plus fortes baisses : Bob -4,00",
        "  Trouver les bonnes personnes, 2 commerciaux, médiane 8,50/25 :",
    ):
        assert line in lines, line
    assert max(len(line) for line in lines) <= 80
    assert result.stderr == (
        f"ssi-coach: attention : {path} : lignes 4, 11 : Ann a plus d'une ligne datée du "
        "2026-11-27 ; la dernière ligne compte\n"
    )
