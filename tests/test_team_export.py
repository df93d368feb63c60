"""`team --csv`: the team table for a manager's spreadsheet, that opens back as the same table
and never runs a name as a formula."""

import csv
import io
import json
import re
import shlex
import sys
from operator import itemgetter
from pathlib import Path
from typing import Any

import pytest

from conftest import Cli
from ssi_coach import cli as cli_module
from ssi_coach.formats.spreadsheet import ROWS_PER_BLOCK

BOM = "\ufeff"
DATED = (
    "name,team,date,brand,people,insights,relationships\n"
    "Alice,East,2026-11-20,20.5,18,14.5,20\n"
    "Alice,East,2026-11-27,21,18.5,15,20\n"
    "Bob,West,2026-11-20,12,8,3.5,17\n"
    "Bob,West,2026-11-27,12,8,3.5,15\n"
    "Chloé,East,2026-11-27,15,14,6,17.25\n"
)


LAST = ("weakest", "change", "date")  # the report's keys for the export's last columns


def write(tmp_path: Path, text: str, name: str = "team.csv") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return str(path)


def exported_rows(text: str, separator: str = ",") -> list[list[str]]:
    """The rows of an export, read as a spreadsheet would: the csv module, BOM dropped."""
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text.removeprefix(BOM), newline=""), delimiter=separator))


def team_json(cli: Cli, *args: str) -> Any:
    result = cli("team", *args, "--json")
    assert result.status == 0, result
    return json.loads(result.stdout)


def test_the_export_opens_back_as_the_same_table(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, DATED)
    result = cli("team", path, "--csv")
    assert (result.status, result.stderr) == (0, "")
    rows = exported_rows(result.stdout)
    assert rows == [
        line.split(",")
        for line in (
            "rank,name,team,total,brand,people,insights,relationships,weakest,change,date,stale",
            "1,Alice,East,74.5,21.0,18.5,15.0,20.0,insights,1.5,2026-11-27,",
            "2,Chloé,East,52.25,15.0,14.0,6.0,17.25,insights,,2026-11-27,",
            "3,Bob,West,38.5,12.0,8.0,3.5,15.0,insights,-2.0,2026-11-27,",
        )
    ]
    report = team_json(cli, path)["reps"]  # the same values as the report's

    def read(row: list[str]) -> list[Any]:
        name, team, total, *scores, weakest, change, day, _ = row[1:]
        number = [float(total), *map(float, scores)]
        return [name, team, *number, weakest, float(change) if change else None, day]

    assert [read(row) for row in rows[1:]] == [
        [r["name"], r["team"], r["total"], *r["scores"].values(), *itemgetter(*LAST)(r)]
        for r in report
    ]
    # ...and `team` itself reads the export as a team file: the same reps, scores and dates.
    again = team_json(cli, write(tmp_path, result.stdout, "exported.csv"))["reps"]
    # (an export holds each rep's latest row only: what came before is not in it)
    history = {"change": None, "change_since": None, "period_change": None}
    assert [{**r, **history, "first_date": r["date"]} for r in report] == again


def test_a_stale_rep_is_marked_and_has_no_rank(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, DATED + "Dan,West,2026-10-01,9,9,9,9\n")
    rows = exported_rows(cli("team", path, "--csv").stdout)
    assert rows[-1] == ["", "Dan", "West", "36.0", "9.0", "9.0", "9.0", "9.0", "brand", "",
                        "2026-10-01", "stale"]  # fmt: skip
    assert [row[-1] for row in rows[1:-1]] == ["", "", ""]


def test_the_export_has_every_rep_in_the_sort_order(cli: Cli, tmp_path: Path) -> None:
    count = ROWS_PER_BLOCK + 60  # more than the screen shows, in more than one block
    rows = "".join(f"Rep {n:04d},{n % 25},10,10,10\n" for n in range(count))
    path = write(tmp_path, f"name,brand,people,insights,relationships\n{rows}")
    exported = exported_rows(cli("team", path, "--csv", "--sort", "name").stdout)
    assert [row[1] for row in exported[1:]] == [f"Rep {n:04d}" for n in range(count)]
    assert exported[0][-1] == "change"  # no team and no date columns in a file without them


def test_french_excel_gets_decimal_commas_and_semicolons(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, DATED)
    result = cli("team", path, "--csv", "--sep", ";", "--decimal-comma", "--lang", "fr")
    assert result.stdout.splitlines()[:2] == [
        f"{BOM}rang;nom;équipe;total;marque;personnes;informations;relations;faible;variation;"
        "date;sans relevé récent",
        "1;Alice;East;74,5;21,0;18,5;15,0;20,0;informations;1,5;2026-11-27;",
    ]
    assert result.stdout.splitlines()[3].split(";")[9] == "-2,0"
    again = team_json(cli, write(tmp_path, result.stdout, "classement.csv"))["reps"]
    assert [(r["name"], r["team"], r["total"]) for r in again] == [
        ("Alice", "East", 74.5),
        ("Chloé", "East", 52.25),
        ("Bob", "West", 38.5),
    ]
    # --decimal-comma alone picks `;` for the fields, as French Excel does
    alone = cli("team", path, "--csv", "--decimal-comma", "--lang", "fr").stdout
    assert alone == result.stdout


@pytest.mark.parametrize("separator", ["tab", "\t", "|"])
def test_other_separators(cli: Cli, tmp_path: Path, separator: str) -> None:
    text = cli("team", write(tmp_path, DATED), "--csv", "--sep", separator).stdout
    mark = "|" if separator == "|" else "\t"
    assert exported_rows(text, mark)[1][:4] == ["1", "Alice", "East", "74.5"]
    exported = tmp_path / "exported.csv"  # and `team` reads it back, as any export
    exported.write_text(text, encoding="utf-8")
    names = [rep["name"] for rep in team_json(cli, str(exported))["reps"]]
    assert names == ["Alice", "Chloé", "Bob"]


def test_formula_looking_names_are_inert_and_numbers_stay_numbers(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "name,team,date,brand,people,insights,relationships\n"
        '"=HYPERLINK(""http://x"")",=cmd,2026-11-20,10,10,10,10\n'
        '"=HYPERLINK(""http://x"")",=cmd,2026-11-27,9,9,9,9\n'
        "+33 6 12,@team,2026-11-27,8,8,8,8\n"
        "-Bob,-,2026-11-27,7,7,7,7\n"
        "@SUM(A1),West,2026-11-27,6,6,6,6\n"
        "Ann-Marie = ok,West,2026-11-27,5,5,5,5\n",
    )
    rows = exported_rows(cli("team", path, "--csv").stdout)
    assert [row[1:3] for row in rows[1:]] == [
        ['\'=HYPERLINK("http://x")', "'=cmd"],
        ["'+33 6 12", "'@team"],
        ["'-Bob", "'-"],
        ["'@SUM(A1)", "West"],
        ["Ann-Marie = ok", "West"],  # only a cell's first character makes a formula
    ]
    assert rows[1][9] == "-4.0"  # a fall is a negative number, not text


def test_a_name_with_separators_quotes_and_a_line_break_round_trips(
    cli: Cli, tmp_path: Path
) -> None:
    name = 'Dan; "the man"\nMoreau, jr'
    quoted = name.replace('"', '""')
    path = write(tmp_path, f'name,brand,people,insights,relationships\n"{quoted}",1,2,3,4\n')
    for separator in (",", ";"):
        text = cli("team", path, "--csv", "--sep", separator).stdout
        assert exported_rows(text, separator)[1][1] == name
        again = team_json(cli, write(tmp_path, text, "exported.csv"))["reps"]
        assert [rep["name"] for rep in again] == [name]


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--csv", "--sep", "x"], "--sep: 'x' is not a separator (give , or ; or | or tab)"),
        (["--csv", "--sep", ";;"], "--sep: ';;' is not a separator (give , or ; or | or tab)"),
        (["--csv", "--sep", ""], "--sep: '' is not a separator (give , or ; or | or tab)"),
        (
            ["--csv", "--sep", ",", "--decimal-comma"],
            "--decimal-comma: a decimal comma needs another separator than ',' "
            "(for example --sep ';')",
        ),
        (["--csv", "--json"], "--csv: choose --csv or --json, not both"),
        (["--sep", ";"], "--sep: only with --csv"),
        (["--decimal-comma"], "--decimal-comma: only with --csv"),
    ],
)
def test_bad_export_options_exit_2_with_one_line(
    cli: Cli, tmp_path: Path, options: list[str], said: str
) -> None:
    result = cli("team", write(tmp_path, DATED), *options)
    assert (result.status, result.stdout, result.stderr) == (2, "", f"ssi-coach: {said}\n")


def test_bad_rows_are_still_reported_beside_the_export(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, "name,brand,people,insights,relationships\nA,1,2,3,4\nB,30,1,1,1\n")
    result = cli("team", path, "--csv")
    assert result.status == 1
    assert len(exported_rows(result.stdout)) == 2
    assert result.stderr == f"ssi-coach: {path}: line 3: brand: 30 is above the maximum of 25\n"


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_names_made_safe_a_file_gets_them_intact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export = f'{BOM}rank,name\n1,"\x1b[2JEve\nforged"\n'
    terminal = _Terminal(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", terminal)
    cli_module._print_file([export])
    shown = terminal.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    assert shown == f'{BOM}rank,name\n1,"\\x1b[2JEve\nforged"\n'
    # A file is written in UTF-8 whatever the locale's encoding, its content unchanged.
    file = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", file)
    cli_module._print_file(["dé", "jà", export])
    assert file.buffer.getvalue() == f"déjà{export}".encode()  # type: ignore[attr-defined]


def test_the_readme_export_example_is_the_real_one(cli: Cli, tmp_path: Path) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("A worked example, `team.csv`") :]
    csv_text = re.search(r"```\n(.*?)```", section, re.DOTALL)
    shown = re.search(r"\$ (ssi-coach team team.csv --csv.*?)\n(.*?)```", section, re.DOTALL)
    assert csv_text is not None and shown is not None
    path = str(tmp_path / "team.csv")  # as French Excel saves it: Windows-1252, CRLF
    Path(path).write_bytes(csv_text.group(1).replace("\n", "\r\n").encode("cp1252"))
    args = [path if arg == "team.csv" else arg for arg in shlex.split(shown.group(1))[1:]]
    result = cli(*args)
    printed = result.stdout + result.stderr.replace(path, "team.csv")
    assert printed == BOM + shown.group(2)
