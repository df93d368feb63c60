"""A small rulebook the tests write themselves, so that they do not depend on the shipped
content: four rotating actions a pillar that can carry any budget, and whatever else a test
adds."""

from pathlib import Path

HEAD = """focus_share = 0.4

[[bands]]
id = "low"
from = 0
name.en = "low"
name.fr = "bas"

[[bands]]
id = "high"
from = 50
name.en = "high"
name.fr = "haut"
"""
PILLARS = ("brand", "people", "insights", "relationships")


def action(
    action_id: str, pillar: str, *, scores: str = "[0, 25]", minutes: str = "[4, 20]", **keys: str
) -> str:
    extra = "".join(f"{key} = {value}\n" for key, value in keys.items())
    return (
        f'\n[[actions]]\nid = "{action_id}"\npillar = "{pillar}"\nscores = {scores}\n'
        f'minutes = {minutes}\n{extra}text.en = "Do {action_id}."\n'
        f'text.fr = "Faites {action_id}."\n'
        f'why.en = "Because."\nwhy.fr = "Parce que."\n'
    )


def rulebook_text(*extra_actions: str, rotating: int = 4) -> str:
    pillars = "".join(
        f'\n[pillars.{p}]\ndiagnosis.en = "Low {p}."\ndiagnosis.fr = "{p} bas."\n' for p in PILLARS
    )
    filler = "".join(action(f"{p}-r{n}", p) for p in PILLARS for n in range(1, rotating + 1))
    return HEAD + pillars + filler + "".join(extra_actions)


def write_rulebook(directory: Path, *extra_actions: str, rotating: int = 4) -> Path:
    path = directory / "small.toml"
    path.write_text(rulebook_text(*extra_actions, rotating=rotating), encoding="utf-8")
    return path
