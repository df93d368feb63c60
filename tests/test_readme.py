"""The README cannot drift: its example output is the real output, and every option is in it."""

import re
from pathlib import Path

import pytest
import typer

from ssi_coach.cli import app

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_has_the_two_newcomer_commands() -> None:
    assert "pip install . && ssi-coach check 18 12 15 20" in README
    assert "pip install -e '.[test]' && pytest" in README


def test_the_example_report_is_the_real_one(cli) -> None:  # type: ignore[no-untyped-def]
    command = "ssi-coach check 18 12 15 20 --industry 32 --network 35"
    block = re.search(rf"\$ {re.escape(command)}\n(.*?)```", README, re.DOTALL)
    assert block is not None
    # The example was captured on this date; the plan rotates from day to day.
    result = cli(*command.split()[1:], "--date", "2026-11-27")
    assert result.stdout == block.group(1)


def test_the_example_history_is_the_real_one(cli) -> None:  # type: ignore[no-untyped-def]
    block = re.search(r"\$ ssi-coach history\n(.*?)```", README, re.DOTALL)
    assert block is not None
    daily = ["17 11 14 18", "17 11.5 14 18.5", "17.5 11.5 14.5 18.5", "17.2 12 14.5 19"]
    daily += ["17.7 12 15 19", "17.4 12.5 15 19.5", "17.7 12.5 15.5 20"]
    for day, scores in enumerate(daily, start=21):
        assert cli("check", *scores.split(), "--date", f"2026-11-{day}").status == 0
    assert cli("history", env={"COLUMNS": "80"}).stdout == block.group(1)


@pytest.mark.parametrize(
    "line",
    [
        line
        for line in README.splitlines()
        if line.startswith("ssi-coach: ") and ".toml" not in line and ".csv" not in line
    ],
)
def test_the_example_errors_are_the_real_ones(cli, line: str) -> None:  # type: ignore[no-untyped-def]
    command = README[: README.index(line)].rstrip("\n").splitlines()[-1]
    assert command.startswith("$ ssi-coach ")
    result = cli(*command.split()[2:])
    assert result.stderr == line + "\n"


def test_the_morning_example_is_the_real_one(cli) -> None:  # type: ignore[no-untyped-def]
    for day, scores in (("2026-11-26", "17 11 14 20"), ("2026-11-27", "18 12 15 20")):
        cli("check", *scores.split(), "--date", day, "--industry", "32", "--network", "35")
    block = re.search(r"\$ ssi-coach done 1 3\n(.*?)```", README, re.DOTALL)
    assert block is not None
    assert cli("done", "1", "3", "--date", "2026-11-27").stdout == block.group(1)


def test_every_option_of_every_command_is_documented() -> None:
    group = typer.main.get_command(app)
    commands = {}
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            commands |= {f"{name} {sub}": c for sub, c in subcommands.items()}
        else:
            commands[name] = command
    assert len(commands) == 19
    headings = [line for line in README.splitlines() if line.startswith("### ")]
    for name, command in commands.items():
        first, *rest = name.split()
        assert any(f"`ssi-coach {first}" in h and all(w in h for w in rest) for h in headings), name
        for param in command.params:
            for option in param.opts:
                if option.startswith("--"):
                    assert option in README, f"{name} {option}"


def test_the_team_example_is_the_real_one(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    section = README[README.index("A worked example, `team.csv`") :]
    csv_text = re.search(r"```\n(.*?)```", section, re.DOTALL)
    shown = re.search(r"\$ ssi-coach team team.csv --industry 32\n(.*?)```", section, re.DOTALL)
    assert csv_text is not None and shown is not None
    # As French Excel saves it: Windows-1252, CRLF.
    (tmp_path / "team.csv").write_bytes(csv_text.group(1).replace("\n", "\r\n").encode("cp1252"))
    result = cli("team", str(tmp_path / "team.csv"), "--industry", "32")
    assert result.status == 1
    printed = result.stdout + result.stderr.replace(str(tmp_path / "team.csv"), "team.csv")
    assert printed == shown.group(1)


def test_the_french_example_is_the_real_one(cli) -> None:  # type: ignore[no-untyped-def]
    command = "ssi-coach check 18 12 15 20 --industry 32 --network 35 --industry-rank 10 --lang fr"
    block = re.search(rf"\$ {re.escape(command)}\n(.*?)```", README, re.DOTALL)
    assert block is not None
    assert cli("check", "17", "11", "14", "20", "--date", "2026-11-26").status == 0
    result = cli(*command.split()[1:], "--date", "2026-11-27")
    assert result.stdout == block.group(1)
