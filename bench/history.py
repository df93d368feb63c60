"""Ten years of daily records, plans and ticks: `import` time; `today` and `check` (which read
the planner's memory) against a bare Typer import; `history` against `today`.

    python bench/history.py           # 21 interleaved runs of each command
    python bench/history.py --quick   # 5 runs, for CI: prints, never fails on timing

Goals: `today` and `check` within 1.6x of `python -c "import typer"`; `history` within 2x of
`today`; `import` of the ten years under a second.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from startup import ssi_coach_command

YEARS = 10
PILLARS = ("brand", "people", "insights", "relationships")


def ten_years(last_day: date) -> dict[str, object]:
    """A `history --json` backup: a record a day and the day's items ticked most days."""
    from ssi_coach.core.planner import build_plan
    from ssi_coach.formats.rulebook_file import load_rulebook

    rulebook = load_rulebook()
    rng = random.Random(2026)
    scores = dict.fromkeys(PILLARS, 5.0)
    records, ticks, plans = [], [], []
    days = 365 * YEARS
    for offset in range(days):
        day = last_day - timedelta(days=days - 1 - offset)
        for pillar in PILLARS:
            scores[pillar] = min(25.0, max(0.0, scores[pillar] + rng.uniform(-0.2, 0.25)))
        records.append(
            {"date": day.isoformat(), "scores": dict(scores), "industry": 32.0, "network": 35.0}
        )
        plan = build_plan(scores, 20, day, rulebook)
        items = [
            {"number": n, "id": i.action.id, "pillar": i.action.pillar, "minutes": i.minutes}
            for n, i in enumerate(plan.items, start=1)
        ]
        plans.append(
            {"date": day.isoformat(), "minutes": 20, "based_on": day.isoformat(), "items": items}
        )
        done = [item for item in plan.items if rng.random() < 0.9]
        ticks += [{"date": day.isoformat(), "id": item.action.id} for item in done]
    return {"records": records, "ticks": ticks, "plans": plans}


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr.decode()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few runs, for CI")
    options = parser.parse_args()
    runs = 5 if options.quick else 21

    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "SSI_COACH_HOME": str(Path(work) / "home")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as in startup.py: users run compiled code
        backup = Path(work) / "ten-years.json"
        backup.write_text(json.dumps(ten_years(date.today())), encoding="utf-8")
        timed(ssi_coach_command("rules", "check"), env)  # warm the rulebook cache
        import_seconds = timed(ssi_coach_command("import", str(backup)), env)

        commands = {
            "import typer": [sys.executable, "-c", "import typer"],
            "today": ssi_coach_command("today"),
            "check": ssi_coach_command("check", "18", "12", "15", "20"),
            "history": ssi_coach_command("history"),
        }
        timed(commands["today"], env)  # the first `today` of the day saves its plan
        timings: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                timings[name].append(timed(command, env))

    medians = {name: statistics.median(values) * 1000 for name, values in timings.items()}
    print(f"{365 * YEARS} daily records; median of {runs} interleaved runs")
    print(f"  import of ten years      {import_seconds * 1000:7.1f} ms (goal: under 1000 ms)")
    for name, value in medians.items():
        print(f"  {name:<24} {value:7.1f} ms")
    for name in ("today", "check"):
        ratio = medians[name] / medians["import typer"]
        print(f"  {name} / import typer: {ratio:.2f}x (goal: 1.6x at most)")
    ratio = medians["history"] / medians["today"]
    print(f"  history / today: {ratio:.2f}x (goal: 2x at most)")


if __name__ == "__main__":
    main()
