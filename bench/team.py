"""`ssi-coach team` on the files a sales force exports: time and peak memory, text and --json.

Two cases:
- a sales force: 100,000 reps, three weekly rows each (300,000 rows);
- two years of history: 5,000 reps, a row a day for 730 days (3.65 million rows, 190 MB),
  as Sales Navigator keeps it.

    python bench/team.py           # both cases, full size, median of 3 runs (1 for history)
    python bench/team.py --quick   # smaller files, one run each, for CI: prints, never fails

Goals (full size): the sales force under 2 seconds and 200 MiB; the two years under 20
seconds and 400 MiB; text and --json alike.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).parent))
from startup import ssi_coach_command

LAST_DAY = date(2026, 11, 27)


class Case(NamedTuple):
    name: str
    reps: int
    rows: int  # per rep
    days_between: int  # between a rep's rows
    runs: int
    goal_seconds: float
    goal_mib: float


FULL = (
    Case("sales force", 100_000, 3, 7, 3, 2.0, 200.0),
    Case("two years", 5_000, 730, 1, 1, 20.0, 400.0),
)
QUICK = (
    Case("sales force", 20_000, 3, 7, 1, 2.0, 200.0),
    Case("two years", 500, 730, 1, 1, 20.0, 400.0),
)


def write_sales_force(path: Path, case: Case) -> None:
    """A CSV as French Excel writes it: `;` between fields, decimal commas; a rep's rows
    together, latest first. Written by blocks: the two years are 190 MB."""
    rng = random.Random(2026)
    days = [
        (LAST_DAY - timedelta(days=case.days_between * n)).isoformat() for n in range(case.rows)
    ]
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write("date;nom;team;brand;people;insights;relationships\n")
        for rep in range(case.reps):
            team = f"Team {rep % 40:02d}"
            block = []
            for day in days:
                scores = ";".join(f"{rng.uniform(0, 25):.2f}".replace(".", ",") for _ in range(4))
                block.append(f"{day};Rep {rep:06d};{team};{scores}\n")
            stream.write("".join(block))


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds and peak memory (MiB) of one run, in a child of its own."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
        "elapsed = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(status, elapsed, peak)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *command], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    if out[0] != "0":
        raise SystemExit(f"{' '.join(command)} failed with status {out[0]}")
    return float(out[1]), float(out[2])


def measure(case: Case, work: Path, env: dict[str, str]) -> None:
    csv_path = work / f"team-{case.reps}x{case.rows}.csv"
    write_sales_force(csv_path, case)
    size = csv_path.stat().st_size / 1024 / 1024
    rows = case.reps * case.rows
    print(f"{case.name}: {case.reps:,} reps x {case.rows} rows ({rows:,} rows, {size:.0f} MiB)")
    for label, extra in (("text", []), ("--json", ["--json"])):
        command = ssi_coach_command("team", str(csv_path), *extra)
        results = [run(command, env) for _ in range(case.runs)]
        seconds = statistics.median(r[0] for r in results)
        peak = max(r[1] for r in results)
        print(
            f"  team {label:<7} {seconds:6.2f} s  {peak:5.0f} MiB peak"
            f"   (goal: under {case.goal_seconds:g} s and {case.goal_mib:g} MiB;"
            f" median of {case.runs})"
        )
    csv_path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller files, for CI")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "SSI_COACH_HOME": str(Path(work) / "home")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        run(ssi_coach_command("--version"), env)  # warm the caches
        for case in QUICK if options.quick else FULL:
            measure(case, Path(work), env)


if __name__ == "__main__":
    main()
