"""How long the morning alias takes: `check 18 12 15 20`, `today` and `status` against a bare
Typer import.

Each command runs as a whole process, interleaved with the others so that a busy moment on
the machine hits them all alike; the median of each is reported, stdout piped and stdout on
a pseudo-terminal, with the ratio to `python -c "import typer"`. Our goals: 1.5x at most for
`check` and `today`, 1.3x for `status` (a prompt or a status bar runs it all day long; it
reads the status file that `check` and `today` leave current).

    python bench/startup.py           # 41 runs of each
    python bench/startup.py --quick   # 7 runs, for CI: prints, never fails on timing
"""

from __future__ import annotations

import argparse
import os
import pty
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOALS = {"check": 1.5, "today": 1.5, "status": 1.3}


def ssi_coach_command(*args: str) -> list[str]:
    script = Path(sys.executable).parent / "ssi-coach"
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "ssi_coach", *args]


def run_once(command: list[str], on_terminal: bool, env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    if on_terminal:
        leader, follower = pty.openpty()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=follower, stderr=subprocess.DEVNULL, env=env)
        os.close(follower)
        while True:  # drain the terminal so the program never blocks on a full buffer
            try:
                if not os.read(leader, 65536):
                    break
            except OSError:
                break
        status = process.wait()
        elapsed = time.perf_counter() - start
        os.close(leader)
    else:
        start = time.perf_counter()
        status = subprocess.run(command, stdout=subprocess.PIPE, env=env).returncode
        elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {status}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu


def measure(
    commands: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, tuple[float, float]]:
    """Median wall-clock and CPU milliseconds of each command, piped and on a terminal."""
    variants = _variants(commands)
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, (command, on_terminal) in variants.items():
            timings[name].append(run_once(command, on_terminal, env))
    return {
        name: (
            statistics.median(wall for wall, _ in values) * 1000,
            statistics.median(cpu for _, cpu in values) * 1000,
        )
        for name, values in timings.items()
    }


def _variants(commands: dict[str, list[str]]) -> dict[str, tuple[list[str], bool]]:
    return {
        f"{name} ({mode})": (command, mode == "terminal")
        for name, command in commands.items()
        for mode in ("piped", "terminal")
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few runs, for CI")
    parser.add_argument("--runs", type=int, help="runs of each command")
    options = parser.parse_args()
    runs = options.runs or (7 if options.quick else 41)

    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "SSI_COACH_HOME": home}
        env.pop("NO_COLOR", None)
        # Users run compiled modules (pip writes them); an editable checkout needs to write
        # them on the first run, which this setting would forbid.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        check = ssi_coach_command("check", "18", "12", "15", "20")
        today = ssi_coach_command("today")
        commands = {
            "import typer": [sys.executable, "-c", "import typer"],
            "check": check,
            "today": today,
            "status": ssi_coach_command("status"),
        }
        run_once(check, False, env)  # the first run validates and caches the rulebook
        run_once(today, False, env)  # and the first `today` of the day saves its plan
        medians = measure(commands, runs, env)

    print(f"median of {runs} interleaved runs, milliseconds (wall clock, and CPU)")
    for name, (wall, cpu) in medians.items():
        print(f"  {name:<26} {wall:7.1f}  {cpu:7.1f}")
    for name, goal in GOALS.items():
        for mode in ("piped", "terminal"):
            wall, cpu = medians[f"{name} ({mode})"]
            base_wall, base_cpu = medians[f"import typer ({mode})"]
            ratio = wall / base_wall
            verdict = "ok" if ratio <= goal else f"over the {goal}x goal"
            print(
                f"  {name} / import typer, {mode}: {ratio:.2f}x ({verdict}); "
                f"CPU {cpu / base_cpu:.2f}x"
            )


if __name__ == "__main__":
    main()
