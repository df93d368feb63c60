"""The edges of a process: closed or full outputs, a closed stdin, a Latin-1 terminal, and a
history holding dates it should not, all without a traceback."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import Cli


def run(home: Path, *args: str, **options: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "SSI_COACH_HOME": str(home), **options.pop("env", {})}  # type: ignore[dict-item]
    return subprocess.run(
        [sys.executable, "-m", "ssi_coach", *args], env=env, capture_output=True, **options
    )


def test_a_closed_stdin_is_said_plainly(home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ssi_coach", "paste", "-"],
        env={**os.environ, "SSI_COACH_HOME": str(home)},
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.close(0),
    )
    assert (result.returncode, result.stderr) == (
        2,
        "ssi-coach: stdin: closed; give a file, or pipe the text in\n",
    )


def test_a_closed_or_full_output_is_one_line_and_status_1(home: Path) -> None:
    closed = subprocess.run(
        [sys.executable, "-m", "ssi_coach", "check", "1", "2", "3", "4"],
        env={**os.environ, "SSI_COACH_HOME": str(home)},
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),
    )
    assert (closed.returncode, closed.stderr) == (
        1,
        "ssi-coach: cannot write the output: the output is closed\n",
    )
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "ssi_coach", "today"],
            env={**os.environ, "SSI_COACH_HOME": str(home)},
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert (result.returncode, result.stderr) == (
        1,
        "ssi-coach: cannot write the output: no space left on the device\n",
    )


def test_a_latin_1_terminal_gets_plain_characters(home: Path, tmp_path: Path) -> None:
    latin = {"PYTHONIOENCODING": "latin-1"}
    assert (
        run(home, "check", "18", "12", "15", "20", "--date", "2026-11-20", env=latin).returncode
        == 0
    )
    team = tmp_path / "team.csv"
    team.write_text(
        "name,brand,people,insights,relationships\nÉlodie Ünal,1,2,3,4\nZoë,3,3,3,3\n",
        encoding="utf-8",
    )
    expected = {
        ("today", "--date", "2026-11-20"): "Today, 2026-11-20",
        ("history",): "History: 1 record",
        ("team", str(team)): "Élodie Ünal",  # Latin-1 has it: kept
        ("check", "1", "2", "3", "4", "--lang", "fr"): "Établir votre marque",
    }
    for args, shown in expected.items():
        result = run(home, *args, env=latin)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr.decode("latin-1")
        assert shown in result.stdout.decode("latin-1")
    history = run(home, "history", env={"PYTHONIOENCODING": "ascii"})
    assert history.returncode == 0 and b"Total over time" in history.stdout


def test_minus_zero_is_zero(cli: Cli) -> None:
    data = json.loads(cli("check", "-0", "1", "1", "1", "--no-save", "--json").stdout)
    assert data["pillars"][0]["score"] == 0.0
    assert "-0.00" not in cli("check", "-0", "1", "1", "1", "--no-save").stdout


def plant(home: Path, day: str) -> None:
    db = sqlite3.connect(home / "history.db")
    db.execute(
        "INSERT INTO records (date, brand, people, insights, relationships) VALUES (?, 1, 1, 1, 1)",
        (day,),
    )
    db.commit()
    db.close()


def test_an_out_of_range_record_is_named_kept_and_can_be_forgotten(cli: Cli, home: Path) -> None:
    cli("check", "18", "12", "15", "20", "--date", "2026-11-20")
    plant(home, "9999-12-31")
    history = cli("history")
    assert history.status == 0 and history.stdout.startswith("History: 1 record")
    assert history.stderr == (
        "ssi-coach: warning: the record of 9999-12-31 is outside the days ssi-coach takes; it "
        "is left out of the report (ssi-coach forget 9999-12-31 removes it)\n"
    )
    backup = json.loads(cli("history", "--json").stdout)
    assert [r["date"] for r in backup["records"]] == ["2026-11-20", "9999-12-31"]
    assert cli("forget", "9999-12-31").stderr.startswith("ssi-coach: forget 9999-12-31: add --yes")
    assert json.loads(cli("forget", "9999-12-31", "--yes", "--json").stdout)["forgotten"] is True
    assert cli("history").stderr == ""
    again = cli("forget", "9999-12-31", "--yes")
    assert (again.status, again.stderr) == (
        2,
        "ssi-coach: 9999-12-31: nothing is stored for this day\n",
    )


def test_forget_removes_the_day_in_one_go(cli: Cli) -> None:
    cli("check", "18", "12", "15", "20", "--date", "2026-11-19")
    cli("check", "18", "12", "15", "20", "--date", "2026-11-20")
    cli("done", "--all", "--date", "2026-11-20")
    assert cli("forget", "2026-11-20", "--yes").stdout == "Forgot 2026-11-20.\n"
    backup = json.loads(cli("history", "--json").stdout)
    assert [r["date"] for r in backup["records"]] == ["2026-11-19"]
    assert [t["date"] for t in backup["ticks"]] == []
    assert [p["date"] for p in backup["plans"]] == ["2026-11-19"]


def test_a_stored_date_that_is_no_date_is_a_corrupt_history(cli: Cli, home: Path) -> None:
    cli("check", "18", "12", "15", "20", "--date", "2026-11-20")
    plant(home, "not-a-date")
    result = cli("history")
    assert result.status == 2
    assert "the stored date 'not-a-date' is not a date" in result.stderr
    assert len(result.stderr.splitlines()) == 1


FIXTURES = Path(__file__).parent / "fixtures" / "paste"


def paste_from_clipboard(home: Path, tools: Path) -> subprocess.CompletedProcess[str]:
    """`ssi-coach paste` with no file and no pipe (stdin closed), with only `tools` on PATH."""
    return subprocess.run(
        [sys.executable, "-m", "ssi_coach", "paste", "--no-save", "--json"],
        env={**os.environ, "SSI_COACH_HOME": str(home), "PATH": str(tools)},
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.close(0),
    )


def test_paste_reads_the_clipboard(home: Path, tmp_path: Path) -> None:
    tools = tmp_path / "bin"
    tools.mkdir()
    xclip = tools / "xclip"
    xclip.write_text(f"#!/bin/sh\n/bin/cat '{FIXTURES / 'page-en.txt'}'\n", encoding="utf-8")
    xclip.chmod(0o755)
    result = paste_from_clipboard(home, tools)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == 20.12


def test_paste_without_a_clipboard_says_how_to_paste(home: Path, tmp_path: Path) -> None:
    result = paste_from_clipboard(home, tmp_path)  # an empty PATH: no clipboard tool
    assert (result.returncode, result.stderr) == (
        2,
        "ssi-coach: clipboard: no clipboard tool answered (pbpaste, wl-paste, xclip, xsel or "
        "PowerShell); give a file (ssi-coach paste page.txt) or pipe it in "
        "(ssi-coach paste - < page.txt)\n",
    )
