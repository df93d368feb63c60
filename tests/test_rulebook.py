"""Rulebook validation: every broken rulebook is refused with the file, the place and the reason."""

import subprocess
import sys
from pathlib import Path

import pytest

import small_rulebook
from ssi_coach.core.pillars import PILLARS
from ssi_coach.core.rulebook import Rulebook
from ssi_coach.errors import InputError, RulebookError
from ssi_coach.formats.rulebook_file import load_rulebook
from ssi_coach.storage.paths import cache_dir, default_rulebook

DEFAULT_TEXT = default_rulebook().read_text(encoding="utf-8")


def write_rulebook(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


def edited(old: str, new: str, count: int = 1) -> str:
    assert DEFAULT_TEXT.count(old) >= count, old
    return DEFAULT_TEXT.replace(old, new, count)


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = write_rulebook(tmp_path, text)
    with pytest.raises(RulebookError) as caught:
        load_rulebook(path)
    assert all(problem.startswith(f"{path}: ") for problem in caught.value.problems)
    return [problem.removeprefix(f"{path}: ") for problem in caught.value.problems]


def test_the_shipped_rulebook_is_valid(rulebook: Rulebook) -> None:
    assert [band.id for band in rulebook.bands] == [
        "getting_started",
        "building",
        "strong",
        "excellent",
    ]
    for pillar in PILLARS:
        assert sum(action.pillar == pillar for action in rulebook.actions) >= 6
    for action in rulebook.actions:
        assert action.text["en"] and action.text["fr"] and action.why["en"] and action.why["fr"]


def test_default_bands(rulebook: Rulebook) -> None:
    named = {total: rulebook.band_for(total).id for total in (0, 24.99, 25, 49.99, 50, 75, 100)}
    assert named == {
        0: "getting_started",
        24.99: "getting_started",
        25: "building",
        49.99: "building",
        50: "strong",
        75: "excellent",
        100: "excellent",
    }


def test_toml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, edited("focus_share = 0.4", "focus_share = "))
    line = DEFAULT_TEXT.splitlines().index("focus_share = 0.4") + 1
    assert len(problems) == 1
    assert problems[0].startswith("invalid TOML: ")
    assert problems[0].endswith(f"(at line {line}, column 15)")


def test_unknown_key_is_named_with_its_place(tmp_path: Path) -> None:
    text = edited('id = "brand-about"\n', 'id = "brand-about"\ncolour = "red"\n')
    assert problems_of(tmp_path, text) == ["actions[2] (id 'brand-about').colour: unknown key"]


def test_missing_pillar_table(tmp_path: Path) -> None:
    text = edited("[pillars.insights]\ndiagnosis.en", "[pillars.unknown]\ndiagnosis.en")
    assert problems_of(tmp_path, text) == [
        "pillars.insights: required key is missing",
        "pillars.unknown: unknown key",
    ]


def test_missing_language(tmp_path: Path) -> None:
    first_french_text = DEFAULT_TEXT.index('text.fr = "Réécrivez votre titre')
    line_end = DEFAULT_TEXT.index("\n", first_french_text) + 1
    text = DEFAULT_TEXT[:first_french_text] + DEFAULT_TEXT[line_end:]
    assert problems_of(tmp_path, text) == [
        "actions[1] (id 'brand-headline').text.fr: required key is missing"
    ]


def test_bad_minutes_and_scores(tmp_path: Path) -> None:
    text = small_rulebook.rulebook_text().replace(
        "scores = [0, 25]\nminutes = [4, 20]", "scores = [12.5, 0]\nminutes = [8, 3]", 1
    )
    assert problems_of(tmp_path, text) == [
        "actions[1] (id 'brand-r1').scores: [12.5, 0] must satisfy 0 <= from < to <= 25",
        "actions[1] (id 'brand-r1').minutes: [8, 3] must satisfy 1 <= min <= max <= 60",
    ]


def test_unknown_pillar_in_an_action(tmp_path: Path) -> None:
    text = edited('pillar = "brand"', 'pillar = "branding"')
    [problem] = problems_of(tmp_path, text)
    assert problem == (
        "actions[1] (id 'brand-headline').pillar: "
        "'branding' is not a pillar (brand, people, insights, relationships)"
    )


def test_duplicate_id(tmp_path: Path) -> None:
    text = edited('id = "brand-about"', 'id = "brand-headline"')
    assert problems_of(tmp_path, text) == [
        "actions[2].id: duplicate id 'brand-headline' (already used by actions[1])"
    ]


def test_gap_in_score_ranges(tmp_path: Path) -> None:
    narrow = small_rulebook.action("relationships-narrow", "relationships", scores="[0, 24]")
    text = small_rulebook.rulebook_text(narrow).replace(
        'pillar = "relationships"\nscores = [0, 25]', 'pillar = "relationships"\nscores = [0, 24]'
    )
    assert problems_of(tmp_path, text) == [
        "actions: the pillar 'relationships' has no action for scores from 24 to 25",
    ]


def test_budget_the_actions_cannot_fill(tmp_path: Path) -> None:
    # With every action capped at 5 minutes, a 60-minute budget cannot be filled in 8 items.
    text = small_rulebook.rulebook_text().replace("minutes = [4, 20]", "minutes = [2, 5]")
    assert problems_of(tmp_path, text) == [
        "actions: a 26-minute budget with brand as the focus cannot be filled by daily and "
        "rotating actions alone (as for a user who has done every one-off): the pillars can "
        "take brand 4-10, insights 2-5, people 2-5, relationships 2-5 minutes, and brand must "
        "have strictly the most; add rotating actions or widen their minutes"
    ]


def test_band_rules(tmp_path: Path) -> None:
    text = edited("from = 0\n", "from = 5\n").replace("from = 50\n", "from = 20\n")
    assert problems_of(tmp_path, text) == [
        "bands[1].from: the first band must start at 0, not 5",
        "bands[3].from: 20 must be above the previous band's 25",
    ]


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"err\.cannot_read"):
        load_rulebook(tmp_path / "missing.toml")
    path = tmp_path / "latin1.toml"
    path.write_bytes("focus_share = 0.4 # é".encode("latin-1"))
    with pytest.raises(RulebookError, match="not UTF-8"):
        load_rulebook(path)


def test_a_valid_rulebook_is_cached_by_content(tmp_path: Path) -> None:
    path = write_rulebook(tmp_path, DEFAULT_TEXT)
    first = load_rulebook(path)
    cached = list(cache_dir().glob("rulebook-*.json"))
    assert len(cached) == 1
    assert load_rulebook(path) == first
    # An edit makes a new key: the broken version is validated, not read from the cache.
    path.write_text(DEFAULT_TEXT.replace('pillar = "brand"', 'pillar = "x"'), encoding="utf-8")
    with pytest.raises(RulebookError):
        load_rulebook(path)


def test_a_damaged_cache_is_rebuilt(tmp_path: Path, rulebook: Rulebook) -> None:
    path = write_rulebook(tmp_path, DEFAULT_TEXT)
    load_rulebook(path)
    [cache_file] = cache_dir().glob("rulebook-*.json")
    for damage in ("{not json", '{"focus_share": 0.4}', "[]"):
        cache_file.write_text(damage, encoding="utf-8")
        assert load_rulebook(path).actions == rulebook.actions


def test_an_unchanged_rulebook_loads_without_pydantic_or_tomllib(home: Path) -> None:
    code = (
        "import sys; from ssi_coach.formats.rulebook_file import load_rulebook; load_rulebook(); "
        "print(sorted(m for m in ('pydantic', 'tomllib') if m in sys.modules))"
    )
    env = {"SSI_COACH_HOME": str(home), "PATH": ""}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert first.stdout.strip() == "['pydantic', 'tomllib']"
    assert second.stdout.strip() == "[]"
