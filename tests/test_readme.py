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


@pytest.mark.parametrize(
    "line",
    [
        line
        for line in README.splitlines()
        if line.startswith("ssi-coach: ") and "my-rules" not in line
    ],
)
def test_the_example_errors_are_the_real_ones(cli, line: str) -> None:  # type: ignore[no-untyped-def]
    command = README[: README.index(line)].rstrip("\n").splitlines()[-1]
    assert command.startswith("$ ssi-coach ")
    result = cli(*command.split()[2:])
    assert result.stderr == line + "\n"


def test_every_option_of_every_command_is_documented() -> None:
    group = typer.main.get_command(app)
    commands = {"check": group.commands["check"]}  # type: ignore[attr-defined]
    rules = group.commands["rules"]  # type: ignore[attr-defined]
    commands |= {f"rules {name}": command for name, command in rules.commands.items()}
    for name, command in commands.items():
        assert f"### `ssi-coach {name}" in README
        for param in command.params:
            for option in param.opts:
                if option.startswith("--"):
                    assert option in README, f"{name} {option}"
