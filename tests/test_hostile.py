"""Hostile input: files, pasted text and arguments made to break ssi-coach or the terminal.

Every case must end in a one-line message per problem on stderr, exit status 2 (bad input) or
1 (nothing usable, an output or storage failure), no traceback, and no control or bidi
character reaching stdout or stderr as itself: text from outside is shown, never obeyed.
"""

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Cli

# Escape sequences a file could carry: clipboard write (OSC 52), screen clear, a one-byte
# CSI (C1), a hyperlink (OSC 8), bidi override and isolate, a bell, a carriage return.
NASTY = [
    "\x1b]52;c;SGVsbG8=\x07",
    "\x1b[2J\x1b[31mred",
    "\x9b31m",
    "\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\",
    "\u202eevil\u202c",
    "\u2066iso\u2069",
    "bell\x07",
    "cr\rover",
]
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HUGE = "9" * 5000

Case = tuple[list[str], dict[str, str | bytes]]  # argv (FILE replaced by the file), files


def case(*args: str, **files: str | bytes) -> Case:
    return list(args), files


def cases() -> list[tuple[str, Case]]:
    found: list[tuple[str, Case]] = []
    for n, nasty in enumerate(NASTY):
        found += [
            (f"check-score-{n}", case("check", "18", nasty, "15", "20")),
            (f"check-option-{n}", case("check", "1", "2", "3", "4", "--industry", nasty)),
            (f"check-date-{n}", case("check", "1", "2", "3", "4", "--date", nasty)),
            (f"check-lang-{n}", case("check", "1", "2", "3", "4", "--lang", nasty)),
            (f"done-item-{n}", case("done", nasty)),
            (f"forget-{n}", case("forget", nasty, "--yes")),
            (f"config-key-{n}", case("config", "set", nasty, "1")),
            (f"config-value-{n}", case("config", "set", "minutes", nasty)),
            (
                f"team-score-{n}",
                case(
                    "team",
                    "FILE",
                    FILE=f"name,brand,people,insights,relationships\nA,{nasty},1,1,1\n",
                ),
            ),
            (
                f"team-date-{n}",
                case(
                    "team",
                    "FILE",
                    FILE=f"name,date,brand,people,insights,relationships\nA,{nasty},1,1,1,1\n",
                ),
            ),
            (f"team-header-{n}", case("team", "FILE", FILE=f"name,{nasty}\nA,1\n")),
            (
                f"import-{n}",
                case(
                    "import",
                    "FILE",
                    FILE=f"date,brand,people,insights,relationships\n{nasty},1,1,1,1\n",
                ),
            ),
            (
                f"paste-json-{n}",
                case(
                    "paste",
                    "FILE",
                    FILE=json.dumps(
                        {
                            "memberScore": {
                                "overall": 4,
                                "subScores": [{"pillar": "PROFESSIONAL_BRAND", "score": nasty}],
                            }
                        }
                    ),
                ),
            ),
            (f"paste-rank-{n}", case("paste", "FILE", FILE=json.dumps(_ssi_json(rank=nasty)))),
            (
                f"rules-id-{n}",
                case(
                    "rules",
                    "check",
                    "FILE",
                    FILE=f'focus_share = 0.4\n"{_toml_escape(nasty)}" = 1\n',
                ),
            ),
        ]
    found += [
        ("check-huge-score", case("check", HUGE, "1", "1", "1")),
        ("check-huge-minutes", case("check", "1", "1", "1", "1", "--minutes", HUGE)),
        ("check-huge-rank", case("check", "1", "1", "1", "1", "--industry-rank", HUGE)),
        ("check-nan", case("check", "nan", "1", "1", "1")),
        ("check-inf-target", case("check", "1", "1", "1", "1", "--target", "inf")),
        ("check-far-future", case("check", "1", "1", "1", "1", "--date", "9999-12-31")),
        ("check-year-one", case("check", "1", "1", "1", "1", "--date", "0001-01-01")),
        ("check-iso-week", case("check", "1", "1", "1", "1", "--date", "2026-W01-1")),
        ("history-huge-days", case("history", "--days", HUGE)),
        ("config-huge", case("config", "set", "industry", HUGE)),
        ("paste-nan", case("paste", "FILE", FILE=json.dumps(_ssi_json()).replace("19.5", "NaN"))),
        (
            "paste-nan-rank",
            case("paste", "FILE", FILE=json.dumps(_ssi_json(rank="R")).replace('"R"', "NaN")),
        ),
        (
            "paste-inf-rank",
            case("paste", "FILE", FILE=json.dumps(_ssi_json(rank="R")).replace('"R"', "Infinity")),
        ),
        (
            "paste-huge-rank",
            case("paste", "FILE", FILE=json.dumps(_ssi_json(rank="R")).replace('"R"', "1e300")),
        ),
        ("paste-deep", case("paste", "FILE", FILE="[" * 5000 + "]" * 5000)),
        (
            "paste-huge-int",
            case("paste", "FILE", FILE='{"memberScore": {"overall": ' + HUGE + "}}"),
        ),
        ("paste-binary", case("paste", "FILE", FILE=b"\x00\xff\xfe" * 100)),
        (
            "import-deep",
            case("import", "FILE", FILE='{"records": ' + "[" * 5000 + "]" * 5000 + "}"),
        ),
        ("import-array", case("import", "FILE", FILE="[1, 2, 3]")),
        (
            "import-huge-field",
            case(
                "import",
                "FILE",
                FILE='date,brand,people,insights,relationships\n"'
                + "x" * 2_000_000
                + '",1,1,1,1\n',
            ),
        ),
        (
            "team-huge-field",
            case(
                "team",
                "FILE",
                FILE='name,brand,people,insights,relationships\n"'
                + "x" * 2_000_000
                + '",1,1,1,1\n',
            ),
        ),
        (
            "rules-deep",
            case("rules", "check", "FILE", FILE="a = " + "[" * 5000 + "]" * 5000 + "\n"),
        ),
        ("rules-huge-int", case("rules", "check", "FILE", FILE=f"focus_share = {HUGE}\n")),
        (
            "config-rules-deep",
            case("config", "set", "rules", "FILE", FILE="a = " + "[" * 5000 + "]" * 5000),
        ),
        ("skip-unknown", case("skip", "\x1b[2J")),
    ]
    return found


def _ssi_json(rank: object = 10, group: object = "INDUSTRY") -> dict[str, object]:
    pillars = [
        "PROFESSIONAL_BRAND",
        "FIND_RIGHT_PEOPLE",
        "INSIGHT_ENGAGEMENT",
        "STRONG_RELATIONSHIP",
    ]
    return {
        "memberScore": {
            "overall": 19.5 * 4,
            "subScores": [{"pillar": p, "score": 19.5} for p in pillars],
        },
        "groupScore": [{"groupType": group, "rank": rank, "score": {"overall": 30}}],
    }


def _toml_escape(text: str) -> str:
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


CASES = cases()


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize(("name", "hostile"), CASES, ids=[name for name, _ in CASES])
def test_hostile_input_is_refused_cleanly(
    cli: Cli, tmp_path: Path, name: str, hostile: Case
) -> None:
    cli("check", "18", "12", "15", "20", "--date", "2026-11-20")  # a history to work on
    args, files = hostile
    for key, content in files.items():
        path = tmp_path / key.lower()
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        args = [str(path) if arg == key else arg for arg in args]
    result = cli(*args)
    assert result.status in (1, 2), result
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("ssi-coach: ") for line in lines), result
    assert not RAW_CONTROL.search(result.stdout + result.stderr.replace("\n", "")), result


SHOWN: list[tuple[str, Callable[[Path], list[str]]]] = [
    (
        "team-names",
        lambda tmp: [
            "team",
            _write(
                tmp,
                "name,team,brand,people,insights,relationships\n"
                + "".join(f'"{n}\nforged,1,1,1,1,1","{n}",1,2,3,4\n' for n in NASTY),
            ),
        ],
    ),
    (
        "team-names-json",
        lambda tmp: [
            "team",
            _write(
                tmp,
                "name,brand,people,insights,relationships\n"
                + "".join(f'"{n}",1,2,3,4\n' for n in NASTY),
            ),
            "--json",
        ],
    ),
]


def _write(directory: Path, text: str) -> str:
    path = directory / "file.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("name", "make"), SHOWN, ids=[name for name, _ in SHOWN])
def test_hostile_text_in_a_report_is_shown_not_obeyed(
    cli: Cli, tmp_path: Path, name: str, make: Callable[[Path], list[str]]
) -> None:
    result = cli(*make(tmp_path))
    assert result.status == 0, result
    assert not RAW_CONTROL.search(result.stdout.replace("\n", "")), result.stdout
    if name == "team-names":  # a quoted line break cannot forge a row
        assert not any(line.lstrip().startswith("forged") for line in result.stdout.splitlines())
        assert "\\x1b]52;c;SGVsbG8=\\x07" in result.stdout
    else:
        names = [rep["name"] for rep in json.loads(result.stdout)["reps"]]
        assert sorted(names) == sorted(NASTY)  # JSON keeps the text, escaped
        assert "\\u009b31m" in result.stdout and "\\u202e" in result.stdout


@pytest.mark.parametrize("group", [["INDUSTRY"], {}, 7])
def test_a_group_type_of_another_kind_is_ignored(cli: Cli, tmp_path: Path, group: object) -> None:
    path = tmp_path / "ssi.json"
    path.write_text(json.dumps(_ssi_json(group=group)), encoding="utf-8")
    data = json.loads(cli("paste", str(path), "--no-save", "--json").stdout)
    assert (data["total"], [b["name"] for b in data["benchmarks"]]) == (78.0, ["target"])


def test_hostile_band_names_and_paths_are_shown_not_obeyed(cli: Cli, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    cli("rules", "init", str(mine))
    text = mine.read_text(encoding="utf-8")
    mine.write_text(
        text.replace('name.en = "strong"', 'name.en = "\\u001b[2Jstrong"'), encoding="utf-8"
    )
    report = cli("check", "18", "12", "15", "20", "--rules", str(mine), "--no-save")
    assert report.status == 0 and "\\x1b[2Jstrong" in report.stdout
    assert not RAW_CONTROL.search(report.stdout.replace("\n", ""))
    odd = tmp_path / "odd\x1b[2J.toml"
    odd.write_text(mine.read_text(encoding="utf-8"), encoding="utf-8")
    assert cli("config", "set", "rules", str(odd)).status == 0
    shown = cli("config", "show").stdout
    assert "odd\\x1b[2J.toml" in shown and "\x1b" not in shown
