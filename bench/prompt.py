"""What the prompt costs: 100 calls of `ssi_coach_prompt` in one bash against one
`python -c pass`. Our goal: the 100 calls take less time than the one Python start.

The calls are timed inside bash (with $EPOCHREALTIME): printing to /dev/null; through
`$(...)`, as a PS1 with command substitution uses it (a fork of the shell, no new program);
and with `-v shown`, as PROMPT_COMMAND uses it (no fork). Each figure is the median of
several bash processes.

    python bench/prompt.py           # 21 rounds
    python bench/prompt.py --quick   # 5 rounds, for CI: prints, never fails on timing
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

CALLS = 100
LOOPS = {
    "direct": "ssi_coach_prompt >/dev/null",
    "$(...)": "shown=$(ssi_coach_prompt)",
    "-v shown": "ssi_coach_prompt -v shown",
}


def ssi_coach_command(*args: str) -> list[str]:
    script = Path(sys.executable).parent / "ssi-coach"
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "ssi_coach", *args]


def prompt_calls_ms(code: str, loop: str, env: dict[str, str]) -> float:
    """Milliseconds of CALLS calls of `loop` in one interactive bash that ran `code`."""
    script = (
        f'eval "$SSI_CODE"; start=$EPOCHREALTIME; for ((i = 0; i < {CALLS}; i++)); do {loop};'
        ' done; end=$EPOCHREALTIME; echo "$start $end"'
    )
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-i", "-c", script],
        env=env | {"SSI_CODE": code},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=True,
    )
    start, end = (float(x) for x in result.stdout.split()[-2:])
    return (end - start) * 1000


def python_start_ms(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few rounds, for CI")
    options = parser.parse_args()
    if shutil.which("bash") is None:
        print("bash is not installed: nothing to measure")
        return
    rounds = 5 if options.quick else 21
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "SSI_COACH_HOME": home}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(
            ssi_coach_command("check", "18", "12", "15", "20"),
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        # Greeted already today: the shells below start no Python at all.
        Path(home, "shell-day").write_text(f"{date.today().isoformat()}\n")
        code = subprocess.run(
            ssi_coach_command("init", "bash"), env=env, capture_output=True, text=True, check=True
        ).stdout
        timings: dict[str, list[float]] = {"python -c pass": []} | {k: [] for k in LOOPS}
        for _ in range(rounds):
            timings["python -c pass"].append(python_start_ms(env))
            for name, loop in LOOPS.items():
                timings[name].append(prompt_calls_ms(code, loop, env))
    medians = {name: statistics.median(values) for name, values in timings.items()}
    python = medians["python -c pass"]
    print(f"median of {rounds} rounds, milliseconds")
    print(f"  one python -c pass                      {python:7.2f}")
    for name in LOOPS:
        ms = medians[name]
        verdict = "ok" if ms < python else "over the goal"
        if name == "$(...)":  # one fork of bash a call: what PROMPT_COMMAND with -v avoids
            verdict = "forks, for information"
        print(
            f"  {CALLS} calls of ssi_coach_prompt, {name:<8}   {ms:7.2f}  "
            f"({ms / python:.2f}x one python start: {verdict})"
        )


if __name__ == "__main__":
    main()
