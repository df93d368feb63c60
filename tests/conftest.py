"""Shared fixtures: every test runs in its own SSI_COACH_HOME, in English, without colour."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ssi_coach.cli import app
from ssi_coach.core.rulebook import Rulebook
from ssi_coach.formats.rulebook_file import load_rulebook
from ssi_coach.storage.paths import default_rulebook

LOCALE_VARIABLES = ("SSI_COACH_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty SSI_COACH_HOME and a neutral locale, so no test sees the user's files."""
    directory = tmp_path / "home"
    monkeypatch.setenv("SSI_COACH_HOME", str(directory))
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)  # the history chart is as wide as this says
    yield directory


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    return load_rulebook(default_rulebook(), use_cache=False)


class Cli:
    """Runs ssi-coach in-process, like a user at a shell would."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> "CliResult":
        result = self.runner.invoke(
            app, list(args), env=env, catch_exceptions=False, prog_name="ssi-coach"
        )
        return CliResult(result.exit_code, result.stdout, result.stderr)


class CliResult:
    def __init__(self, status: int, stdout: str, stderr: str) -> None:
        self.status = status
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self) -> str:
        return f"CliResult({self.status}, stdout={self.stdout!r}, stderr={self.stderr!r})"


@pytest.fixture
def cli() -> Cli:
    return Cli()
