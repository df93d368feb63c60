"""`ssi-coach status`, the status file every change of the day rewrites, and the shell code
of `ssi-coach init` (issue 15), run through real shells."""

import json
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import Cli
from ssi_coach.core.day_status import DayStatus
from ssi_coach.formats.status_file import read_status_file, status_file_text

DAY = "2026-11-27"  # a Friday; README's morning example: done 1 3 leaves 9 minutes
TODAY = date.today()


def morning(cli: Cli) -> None:
    cli("check", "17", "11", "14", "20", "--date", "2026-11-26")
    cli("check", "18", "12", "15", "20", "--date", DAY)
    cli("done", "1", "3", "--date", DAY)


def test_status_is_one_line(cli: Cli) -> None:
    morning(cli)
    result = cli("status", "--date", DAY)
    assert (result.status, result.stdout, result.stderr) == (
        0,
        "SSI 65.00 (+3.00) · focus people · 2/5 done · 9 min left · streak 0\n",
        "",
    )


def test_the_readme_examples_are_the_real_ones(cli: Cli) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    morning(cli)
    shown = readme.split("$ ssi-coach status\n", 1)[1].split("```", 1)[0]
    assert cli("status", "--date", DAY).stdout == shown
    french = cli("status", "--date", DAY, "--lang", "fr").stdout.strip()
    assert f"`{french}`" in " ".join(readme.split())
    template = "ssi-coach status --format '{total} {change} {done}/{items}'   # "
    said = readme.split(template, 1)[1].split("\n", 1)[0]
    assert cli("status", "--date", DAY, "--format", "{total} {change} {done}/{items}").stdout == (
        said + "\n"
    )


def test_status_speaks_french(cli: Cli) -> None:
    morning(cli)
    assert cli("status", "--date", DAY, env={"LANG": "fr_FR.UTF-8"}).stdout == (
        "SSI 65,00 (+3,00) · priorité personnes · 2/5 faits · 9 min restantes · série 0\n"
    )


def test_a_template_names_every_field(cli: Cli) -> None:
    morning(cli)
    template = "{total}|{change}|{focus}|{done}|{items}|{minutes_left}|{streak}|{date}|{{x}}"
    result = cli("status", "--date", DAY, "--format", template)
    assert result.stdout == "65.00|+3.00|people|2|5|9|0|2026-11-27|{x}\n"
    result = cli("status", "--date", DAY, "--format", "{focus:>10}", "--lang", "fr")
    assert result.stdout == " personnes\n"


def test_status_json_holds_the_same_fields(cli: Cli) -> None:
    morning(cli)
    assert json.loads(cli("status", "--date", DAY, "--json").stdout) == {
        "total": 65.0,
        "change": 3.0,
        "focus": "people",
        "done": 2,
        "items": 5,
        "minutes_left": 9,
        "streak": 0,
        "date": DAY,
        "scores_date": DAY,
        "rest_day": False,
        "line": "SSI 65.00 (+3.00) · focus people · 2/5 done · 9 min left · streak 0",
    }


@pytest.mark.parametrize(
    ("template", "said"),
    [
        ("{total} {score}", "unknown placeholder {score}"),
        ("{0}", "unknown placeholder {0}"),
        ("{total.real}", "unknown placeholder {total.real}"),
        ("{", "'{' is not a template"),
        ("SSI }", "'SSI }' is not a template"),
        ("{total:{streak}}", "'{total:{streak}}' is not a template"),
        ("{total:d}", "'{total:d}' is not a template"),
    ],
)
def test_a_bad_template_is_refused_in_one_line(cli: Cli, template: str, said: str) -> None:
    for scores in (False, True):  # refused with or without scores, text or JSON
        if scores:
            morning(cli)
        for extra in ([], ["--json"]):
            result = cli("status", "--format", template, *extra)
            assert result.status == 2
            assert result.stdout == ""
            assert result.stderr.startswith(f"ssi-coach: --format: {said}")
            assert result.stderr.count("\n") == 1


def test_no_scores_yet_is_a_hint(cli: Cli, home: Path) -> None:
    result = cli("status")
    assert (result.status, result.stdout) == (
        0,
        "No SSI scores yet: run ssi-coach check BRAND PEOPLE INSIGHTS RELATIONSHIPS, "
        "or ssi-coach paste\n",
    )
    data = json.loads(cli("status", "--json").stdout)
    assert data["total"] is None and data["line"].startswith("No SSI scores yet")
    assert not home.exists()  # asking leaves no trace on a machine that saved nothing


def test_a_rest_day_says_so(cli: Cli) -> None:
    morning(cli)
    cli("config", "set", "rest_days", "fri")
    assert cli("status", "--date", DAY).stdout == "SSI 65.00 (+3.00) · rest day · streak 0\n"
    assert json.loads(cli("status", "--date", DAY, "--json").stdout)["rest_day"] is True


def test_a_day_with_scores_but_no_plan_is_planned_as_today_does(cli: Cli) -> None:
    cli("check", "18", "12", "15", "20", "--date", "2026-11-26")
    line = cli("status", "--date", DAY).stdout
    assert line.startswith("SSI 65.00 · focus people · 0/5 done · 20 min left")
    assert cli("today", "--date", DAY, "--json").stdout.count('"id"') == 5


# -- the status file ----------------------------------------------------------------------


def status_path(home: Path) -> Path:
    return home / "status"


def plant(home: Path, day: date = TODAY, total: float = 99.99) -> None:
    """A status file for `day` with values no history gives, newer than everything."""
    status = DayStatus(day, day, total, -1.25, "insights", 4, 7, 3, 12, False)
    text = status_file_text(day, status, "planted line", "planted stale", None)
    status_path(home).write_text(text, encoding="utf-8")


def file_says(home: Path) -> dict[str, object]:
    found = read_status_file(status_path(home).read_text(encoding="utf-8"))
    assert found is not None and found.status is not None
    return {"day": found.day, "line": found.line, "stale": found.stale, **found.status._asdict()}


def test_the_status_file_is_the_days_status(cli: Cli, home: Path) -> None:
    today = TODAY.isoformat()
    cli("check", "18", "12", "15", "20", "--date", today)
    cli("done", "1", "--date", today)
    lines = status_path(home).read_text(encoding="utf-8").splitlines()
    line = cli("status", "--date", today).stdout.rstrip("\n")
    assert lines[:3] == [today, line, "SSI: check today's scores"]
    assert file_says(home)["done"] == 1
    assert status_path(home).stat().st_mode & 0o777 == 0o600
    assert [p.name for p in home.iterdir() if p.name.endswith(".tmp")] == []


CHANGES = [
    ["check", "18", "12", "15", "21"],
    ["done", "2"],
    ["undo", "2"],
    ["done", "--all"],
    ["skip", "3"],
    ["today", "--replan"],
    ["config", "set", "rest_days", "none"],
    ["config", "set", "lang", "fr"],
    ["config", "unset", "lang"],
    ["forget", (TODAY - timedelta(days=1)).isoformat(), "--yes"],
]


@pytest.mark.parametrize("command", CHANGES, ids=" ".join)
def test_every_change_of_the_day_rewrites_the_status_file(
    cli: Cli, home: Path, command: list[str]
) -> None:
    cli("check", "17", "11", "14", "20", "--date", (TODAY - timedelta(days=1)).isoformat())
    cli("check", "18", "12", "15", "20")
    if command[0] == "undo":
        cli("done", "2")
    plant(home)
    assert cli(*command).status == 0
    said = file_says(home)
    expected = json.loads(cli("status", "--date", TODAY.isoformat(), "--json").stdout)
    assert said["total"] == expected["total"] != 99.99
    assert (said["done"], said["minutes_left"]) == (expected["done"], expected["minutes_left"])


def test_import_and_paste_rewrite_the_status_file(cli: Cli, home: Path, tmp_path: Path) -> None:
    today = TODAY.isoformat()
    backup = tmp_path / "ssi.csv"
    backup.write_text(f"date,brand,people,insights,relationships\n{today},10,10,10,10\n")
    cli("check", "18", "12", "15", "20")
    plant(home)
    assert cli("import", str(backup)).status == 0
    assert file_says(home)["total"] == 40.0
    plant(home)
    page = tmp_path / "page.json"
    scores = {"overall": 52.0, "subScores": [{"pillar": p, "score": 13.0} for p in range(4)]}
    page.write_text(json.dumps({"memberScore": scores}))
    cli("paste", str(page))  # whatever it makes of this page, the file follows the history
    assert file_says(home)["total"] == json.loads(cli("status", "--json").stdout)["total"]


@pytest.mark.parametrize(
    "command",
    [["status"], ["today"], ["history"], ["check", "1", "2", "3", "4", "--no-save"], ["done", "9"]],
    ids=" ".join,
)
def test_what_changes_nothing_leaves_the_status_file(
    cli: Cli, home: Path, command: list[str]
) -> None:
    cli("check", "18", "12", "15", "20")
    plant(home)
    cli(*command)
    assert file_says(home)["total"] == 99.99


def test_status_reads_a_current_file_and_not_the_history(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("check", "18", "12", "15", "20")
    plant(home)

    def no_history(*args: object, **kwargs: object) -> None:
        raise AssertionError("the history was opened")

    monkeypatch.setattr("ssi_coach.storage.store.open_store", no_history)
    assert cli("status").stdout == (
        "SSI 99.99 (-1.25) · focus insights · 4/7 done · 3 min left · streak 12\n"
    )
    assert cli("status", "--lang", "fr", "--format", "{focus} {total}").stdout == (
        "informations 99,99\n"
    )
    assert json.loads(cli("status", "--json").stdout)["streak"] == 12


@pytest.mark.parametrize("why", ["an earlier day", "an older config", "an older history"])
def test_a_file_that_is_not_current_is_worked_out_again(cli: Cli, home: Path, why: str) -> None:
    cli("check", "18", "12", "15", "20")
    plant(home, TODAY - timedelta(days=1) if why == "an earlier day" else TODAY)
    if why == "an older config":
        (home / "config.toml").write_text('lang = "fr"\n')
    if why == "an older history":
        os.utime(home / "history.db")  # as a write that failed to refresh the file leaves it
        os.utime(status_path(home), ns=(0, 0))
    line = cli("status").stdout
    assert line.startswith("SSI 65,00" if why == "an older config" else "SSI 65.00")
    assert file_says(home)["total"] == 65.0  # and written again


def test_status_on_a_current_file_imports_nothing_heavy(home: Path) -> None:
    """The fast path: neither SQLite nor the history's module, nor the settings."""
    from test_cli import heavy_modules_used

    env = {"SSI_COACH_HOME": str(home)}
    subprocess.run([*ssi_coach(), "check", "18", "12", "15", "20"], env=env, check=True)
    assert heavy_modules_used(home, "status") == []
    code = (
        "import sys, atexit\n"
        "ours = ('ssi_coach.storage.store', 'ssi_coach.commands.settings',"
        " 'ssi_coach.core.planner')\n"
        "atexit.register(lambda: print(sorted(set(ours) & set(sys.modules)), file=sys.stderr))\n"
        "sys.argv = ['ssi-coach', 'status']\n"
        "from ssi_coach.cli import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.stdout.startswith("SSI 65.00")
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_a_status_file_that_cannot_be_written_never_fails_the_command(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("check", "18", "12", "15", "20")
    plant(home)
    before = status_path(home).read_bytes()

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", full_disk)
    assert cli("done", "1").status == 0
    assert status_path(home).read_bytes() == before  # the old file, whole
    assert [p.name for p in home.iterdir() if p.name.endswith(".tmp")] == []


# -- init: the shell code -------------------------------------------------------------------


def ssi_coach() -> list[str]:
    script = Path(sys.executable).parent / "ssi-coach"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ssi_coach"]


def shell_env(home: Path, day: str | None = None) -> dict[str, str]:
    env = {
        "SSI_COACH_HOME": str(home),
        "PATH": f"{Path(ssi_coach()[0]).parent}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(home.parent),
        "LANG": "C.UTF-8",
    }
    return env | ({"SSI_COACH_TODAY": day} if day else {})


def interactive(shell: str, code: str, home: Path, day: str | None = None) -> str:
    """What an interactive `shell` with no rc file prints after `code` (stdout only: an
    interactive shell without a terminal complains on stderr about job control)."""
    init = (
        "ssi-coach init fish | source" if shell == "fish" else f'eval "$(ssi-coach init {shell})"'
    )
    command = {
        "bash": ["bash", "--norc", "--noprofile", "-i", "-c"],
        "zsh": ["zsh", "-f", "-i", "-c"],
        "fish": ["fish", "--no-config", "-i", "-c"],
    }[shell]
    result = subprocess.run(
        [*command, f"{init}; {code}"],
        env=shell_env(home, day),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    return result.stdout


SHELLS = [
    pytest.param(
        shell,
        marks=pytest.mark.skipif(shutil.which(shell) is None, reason=f"{shell} is not installed"),
    )
    for shell in ("bash", "zsh", "fish")
]
PROMPT = {
    "bash": 'echo "[$(ssi_coach_prompt)]"',
    "zsh": 'echo "[$(ssi_coach_prompt)]"',
    "fish": 'set -l shown (ssi_coach_prompt); echo "[$shown]"',
}
REMINDER = (
    "No SSI scores for today yet: ssi-coach check BRAND PEOPLE INSIGHTS RELATIONSHIPS, or "
    "copy LinkedIn's SSI page and run ssi-coach paste\n"
)


@pytest.mark.parametrize("shell", SHELLS)
def test_the_first_shell_of_the_day_greets_once(cli: Cli, home: Path, shell: str) -> None:
    assert interactive(shell, "true", home, "2026-11-26") == REMINDER  # no scores that day
    assert interactive(shell, "true", home, "2026-11-26") == ""  # a later shell that day
    stamp = home / "shell-day"
    assert stamp.read_text() == "2026-11-26\n"
    assert stamp.stat().st_mode & 0o777 == 0o600
    cli("check", "18", "12", "15", "20", "--date", DAY)
    shown = interactive(shell, "true", home, DAY)  # the next day, with its scores
    assert shown == cli("today", "--date", DAY).stdout
    assert shown.startswith(f"Today, {DAY}: plan from your scores of {DAY}\n")
    assert interactive(shell, "true", home, DAY) == ""
    assert interactive(shell, "true", home, "2026-11-28") == REMINDER  # scores only of the 27th


@pytest.mark.parametrize("shell", SHELLS)
def test_the_prompt_function_reads_the_status_file(cli: Cli, home: Path, shell: str) -> None:
    assert interactive(shell, "ssi_coach_prompt", home, DAY).endswith(REMINDER)  # no file
    morning(cli)  # the status file describes the latest plan: the 27th
    line = "SSI 65.00 (+3.00) · focus people · 2/5 done · 9 min left · streak 0"
    prompt = f"echo; {PROMPT[shell]}"
    assert interactive(shell, prompt, home, DAY).splitlines()[-1] == f"[{line}]"
    later = interactive(shell, prompt, home, "2026-11-28").splitlines()[-1]
    assert later == "[SSI: check today's scores]"  # not yesterday's numbers
    if shell != "fish":  # into a variable, with no fork: as PROMPT_COMMAND or precmd use it
        into = 'echo; shown=old; ssi_coach_prompt -v shown; echo "[$shown]"'
        assert interactive(shell, into, home, DAY).splitlines()[-1] == f"[{line}]"


@pytest.mark.parametrize("shell", SHELLS)
def test_with_no_status_file_the_prompt_says_nothing(home: Path, shell: str) -> None:
    home.mkdir()
    (home / "shell-day").write_text(f"{DAY}\n")  # greeted already: only the prompt speaks
    assert interactive(shell, PROMPT[shell], home, DAY) == "[]\n"
    if shell != "fish":
        into = 'shown=old; ssi_coach_prompt -v shown; echo "[$shown]"'
        assert interactive(shell, into, home, DAY) == "[]\n"


@pytest.mark.parametrize("shell", SHELLS)
def test_the_prompt_shows_no_control_character_of_the_file(home: Path, shell: str) -> None:
    home.mkdir()
    (home / "shell-day").write_text(f"{DAY}\n")
    status = home / "status"
    status.write_bytes(f"{DAY}\n\x1b]0;title\x07\x1b[31mred \u0085·\r\nstale\n".encode())
    assert interactive(shell, PROMPT[shell], home, DAY) == "[]0;title[31mred ·]\n"
    status.write_bytes(b"2026-11-26\nline\n\x1b[2Jstale\r\n")
    assert interactive(shell, PROMPT[shell], home, DAY) == "[[2Jstale]\n"


@pytest.mark.parametrize("shell", SHELLS)
def test_the_code_names_a_path_with_quotes_and_spaces_safely(
    cli: Cli, tmp_path: Path, shell: str
) -> None:
    home = tmp_path / 'it\'s a "home" with $HOME, `x` and \\'
    cli("check", "18", "12", "15", "20", "--date", DAY, env={"SSI_COACH_HOME": str(home)})
    assert interactive(shell, "true", home, DAY).startswith(f"Today, {DAY}:")
    assert (home / "shell-day").read_text() == f"{DAY}\n"
    assert (
        interactive(shell, PROMPT[shell], home, DAY)
        == "[SSI 65.00 · focus people · 0/5 done · 20 min left · streak 0]\n"
    )


@pytest.mark.parametrize("shell", SHELLS)
def test_a_non_interactive_shell_does_nothing(home: Path, shell: str) -> None:
    code = {
        "bash": ["bash", "--norc", "-c", 'eval "$(ssi-coach init bash)"; type ssi_coach_prompt'],
        "zsh": ["zsh", "-f", "-c", 'eval "$(ssi-coach init zsh)"; whence ssi_coach_prompt'],
        "fish": [
            "fish",
            "--no-config",
            "-c",
            "ssi-coach init fish | source; functions -q ssi_coach_prompt",
        ],
    }[shell]
    result = subprocess.run(code, env=shell_env(home, DAY), capture_output=True, text=True)
    assert result.returncode != 0 and result.stdout == ""
    assert not (home / "shell-day").exists()


@pytest.mark.parametrize("shell", SHELLS)
def test_the_code_is_valid_for_its_shell(cli: Cli, tmp_path: Path, shell: str) -> None:
    code = tmp_path / f"init.{shell}"
    code.write_text(cli("init", shell).stdout)
    check = {"bash": ["bash", "-n"], "zsh": ["zsh", "-n"], "fish": ["fish", "--no-execute"]}
    result = subprocess.run([*check[shell], str(code)], capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")


def test_a_bash_started_from_the_shell_has_the_prompt_function(cli: Cli, home: Path) -> None:
    """As Starship runs a custom module: `bash --noprofile --norc`, the command on stdin."""
    morning(cli)
    code = "echo; echo ssi_coach_prompt | bash --noprofile --norc"
    shown = interactive("bash", code, home, DAY).splitlines()[-1]
    assert shown == "SSI 65.00 (+3.00) · focus people · 2/5 done · 9 min left · streak 0"


def test_an_unknown_shell_is_refused(cli: Cli) -> None:
    result = cli("init", "tcsh")
    assert (result.status, result.stdout) == (2, "")
    assert result.stderr == (
        "ssi-coach: bash|zsh|fish: 'tcsh' is not a shell init knows (bash, zsh, fish)\n"
    )


def test_a_morning_without_a_plan_does_not_rewrite_the_file_each_time(cli: Cli, home: Path) -> None:
    cli("check", "18", "12", "15", "20", "--date", (TODAY - timedelta(days=1)).isoformat())
    assert file_says(home)["day"] == TODAY - timedelta(days=1)  # no plan for today yet
    mark = status_path(home).stat().st_mtime_ns + 10**12  # a mark a rewrite would lose
    os.utime(status_path(home), ns=(mark, mark))
    cli("history")
    assert status_path(home).stat().st_mtime_ns == mark


def years_done_but(gap_days_ago: int, days: int = 800) -> dict[str, object]:
    """A `history --json` backup of `days` days before today, each planned and done in full but
    the two from `gap_days_ago` days ago (two, so that one is a working day)."""
    item = {"number": 1, "id": "brand-headline", "pillar": "brand", "minutes": 10}
    scores = dict.fromkeys(("brand", "people", "insights", "relationships"), 12.0)
    past = [TODAY - timedelta(days=n) for n in range(days, 0, -1)]
    return {
        "records": [{"date": d.isoformat(), "scores": scores} for d in past],
        "plans": [
            {"date": d.isoformat(), "minutes": 10, "based_on": d.isoformat(), "items": [item]}
            for d in past
        ],
        "ticks": [
            {"date": d.isoformat(), "id": "brand-headline"}
            for d in past
            if (TODAY - d).days not in (gap_days_ago, gap_days_ago + 1)
        ],
    }


@pytest.mark.parametrize("gap_days_ago", [5, 100, 790, 900], ids=lambda n: f"gap {n} days ago")
def test_the_status_file_after_check_on_a_long_history_is_the_databases_status(
    cli: Cli, home: Path, tmp_path: Path, gap_days_ago: int
) -> None:
    """The status counts the current streak from the recent days when they tell it (a run of
    4 days), from more of them (99), from all of them (789, or the 800 days with no gap), with
    rest days or none: always the streak of the whole history."""
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(years_done_but(gap_days_ago)), encoding="utf-8")
    assert cli("import", str(backup)).status == 0
    (home / "config.toml").write_text('rest_days = ["sun"]\n')
    assert cli("check", "18", "12", "15", "20").status == 0
    expected = json.loads(cli("status", "--date", TODAY.isoformat(), "--json").stdout)
    whole = json.loads(cli("today", "--json").stdout)["streak"]["current"]  # every day's
    assert file_says(home)["streak"] == expected["streak"] == whole == min(gap_days_ago, 801) - 1
    assert file_says(home)["total"] == expected["total"] == 65.0


def test_the_status_of_another_day_saves_no_plan(cli: Cli) -> None:
    cli("check", "18", "12", "15", "20", "--date", "2026-11-23")
    cli("done", "--all", "--date", "2026-11-23")
    before = json.loads(cli("history", "--json").stdout)["plans"]
    for day in ("2026-11-24", "2026-11-25"):
        shown = json.loads(cli("status", "--date", day, "--json").stdout)
        assert (shown["date"], shown["done"]) == ("2026-11-23", shown["items"])
    assert json.loads(cli("history", "--json").stdout)["plans"] == before
