"""A sales force of 100,000 reps, three dated rows each: `ssi-coach team` time and memory.

    python bench/team.py           # 5 runs
    python bench/team.py --quick   # 20,000 reps, 3 runs, for CI: prints, never fails

Goal (100,000 reps, without --all): under 2 seconds and under 200 MiB peak memory.
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

sys.path.insert(0, str(Path(__file__).parent))
from startup import ssi_coach_command

ROWS_PER_REP = 3


def sales_force(reps: int) -> str:
    """A CSV as French Excel writes it: `;` between fields, decimal commas."""
    rng = random.Random(2026)
    lines = ["date;nom;team;brand;people;insights;relationships"]
    for rep in range(reps):
        team = f"Team {rep % 40:02d}"
        for row in range(ROWS_PER_REP):
            day = date(2026, 11, 27) - timedelta(days=7 * row)
            scores = ";".join(f"{rng.uniform(0, 25):.2f}".replace(".", ",") for _ in range(4))
            lines.append(f"{day.isoformat()};Rep {rep:06d};{team};{scores}")
    return "\n".join(lines) + "\n"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller team, for CI")
    options = parser.parse_args()
    reps, runs = (20_000, 3) if options.quick else (100_000, 5)

    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "SSI_COACH_HOME": str(Path(work) / "home")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        csv_path = Path(work) / "team.csv"
        csv_path.write_text(sales_force(reps), encoding="utf-8")
        command = ssi_coach_command("team", str(csv_path))
        run(command, env)  # warm the caches
        results = [run(command, env) for _ in range(runs)]

    seconds = statistics.median(r[0] for r in results)
    peak = max(r[1] for r in results)
    print(f"{reps:,} reps x {ROWS_PER_REP} rows, median of {runs} runs")
    print(f"  ssi-coach team        {seconds:6.2f} s  (goal: under 2 s)")
    print(f"  peak memory           {peak:6.0f} MiB (goal: under 200 MiB)")


if __name__ == "__main__":
    main()
