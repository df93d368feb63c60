"""A week as a new user, in English and French (issue 13): the words, the daily loop and the
settings, each rough edge we hit checked here."""

import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from conftest import Cli
from ssi_coach.errors import RulebookError
from ssi_coach.formats.rulebook_file import validate_rulebook
from ssi_coach.output.messages import MESSAGES, format_day, plural
from ssi_coach.output.render import render_check
from ssi_coach.output.terminal import finish
from ssi_coach.storage.paths import default_rulebook

TODAY = date.today()
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def checked(cli: Cli, day: str, *scores: str) -> None:
    result = cli("check", *scores, "--date", day)
    assert result.status == 0, result


# -- Plurals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("en", 0, "0 records"),
        ("en", 1, "1 record"),
        ("en", 2, "2 records"),
        ("fr", 0, "0 relevé"),
        ("fr", 1, "1 relevé"),
        ("fr", 2, "2 relevés"),
    ],
)
def test_plural_follows_each_language(lang: str, n: int, expected: str) -> None:
    assert plural(lang, "records", n) == expected  # type: ignore[arg-type]


def test_every_counted_noun_has_both_forms_in_both_languages() -> None:
    for lang, messages in MESSAGES.items():
        singular = {key[: -len(".one")] for key in messages if key.endswith(".one")}
        counted = {key[: -len(".many")] for key in messages if key.endswith(".many")}
        assert singular == counted, lang
    assert set(MESSAGES["en"]) == set(MESSAGES["fr"])


def test_one_record_is_singular_everywhere(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "ssi.csv"
    path.write_text("date,brand,people,insights,relationships\n2026-11-20,18,12,15,20\n")
    assert cli("import", str(path)).stdout == f"Imported 1 record and 0 ticks from {path}\n"
    french = cli("history", "--lang", "fr").stdout
    assert french.startswith("Historique : 1 relevé, le 20 novembre 2026\n")
    assert cli("history").stdout.startswith("History: 1 record on 2026-11-20\n")


def test_a_short_row_counts_its_fields(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text("name,brand,people,insights,relationships\nAna,1,2,3,4\nBo\n")
    result = cli("team", str(path), "--lang", "fr")
    assert f"{path} : ligne 3 : 1 champ, l'en-tête en a 5" in result.stderr


def test_a_rulebook_problem_counts_its_minutes() -> None:
    text = default_rulebook().read_text(encoding="utf-8")
    problems = rulebook_problems_at_share(text, 0.7)
    assert problems, "a 0.7 focus share should leave some pillar too few minutes"
    assert not any(re.search(r"\b1 (minutes|items)\b", p) for p in problems)
    assert "lower focus_share (0.7)" in problems[0]


# -- French: the words -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(2026, 11, 26), "26 novembre 2026"),
        (date(2026, 12, 1), "1er décembre 2026"),
        (date(2027, 8, 15), "15 août 2027"),
    ],
)
def test_french_sentences_name_days_in_words(day: date, words: str) -> None:
    assert format_day(day, "fr") == words
    assert format_day(day, "en") == day.isoformat()


def test_french_report_has_no_iso_date_in_its_sentences(cli: Cli) -> None:
    checked(cli, "2026-11-20", "17", "12", "15", "20")
    result = cli("check", "18", "12", "15", "20", "--date", "2026-11-27", "--lang", "fr")
    lines = result.stdout.splitlines()
    assert lines[0] == "Votre SSI : 65,00/100 (solide), +1,00 depuis le 20 novembre 2026"
    assert any(line.startswith("Plan du 27 novembre 2026 : 20 minutes") for line in lines)
    history = cli("history", "--lang", "fr").stdout
    assert "variation" in history and "écart" not in history


def test_french_rank_reads_naturally(cli: Cli) -> None:
    result = cli("check", "18", "12", "15", "20", "--industry-rank", "10", "--lang", "fr")
    assert "  Parmi les 10 % premiers de votre secteur" in result.stdout.splitlines()


def test_system_errors_are_in_the_users_language(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    result = cli("import", str(missing), "--lang", "fr")
    assert result.stderr == (
        f"ssi-coach: {missing} : impossible de lire le fichier : fichier ou dossier introuvable\n"
    )
    result = cli("team", str(tmp_path), "--lang", "fr")
    assert result.stderr.endswith("impossible de lire le fichier : c'est un dossier\n")


def test_a_missing_score_names_the_pillars_in_french(cli: Cli) -> None:
    result = cli("check", "18", "12", "15", "--lang", "fr")
    assert result.stderr == (
        "ssi-coach: relations (relationships) : note manquante "
        "(4 notes attendues : marque personnes informations relations)\n"
    )


# -- The daily loop ------------------------------------------------------------------------


def test_check_says_how_to_tick_on_a_terminal_only(cli: Cli) -> None:
    hint = "Tick them off: ssi-coach done 1 3 · or ssi-coach today -i"
    piped = cli("check", "18", "12", "15", "20", "--no-save")
    assert "Tick them off" not in piped.stdout
    from ssi_coach.commands.check import check_scores
    from ssi_coach.commands.settings import resolve_settings

    scores = {"brand": 18.0, "people": 12.0, "insights": 15.0, "relationships": 20.0}
    report = check_scores(scores, resolve_settings(), TODAY, {}, save=False)
    lines = finish(render_check(report, "en", color=False, tick_hint=True), False).splitlines()
    total = next(i for i, line in enumerate(lines) if line.startswith("  Total: "))
    assert lines[total + 1] == "  " + hint
    french = render_check(report, "fr", color=False, tick_hint=True)
    assert "Cochez-les : ssi-coach done 1 3 · ou ssi-coach today -i" in french


def test_check_on_a_real_terminal_shows_the_hint(home: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "ssi_coach", "check", "18", "12", "15", "20", "--no-save", "--lang", "en"],
        env={**os.environ, "SSI_COACH_HOME": str(home), "TERM": "dumb", "NO_COLOR": "1"},
        encoding="utf-8",
        timeout=20,
        dimensions=(60, 80),
    )
    child.expect(pexpect.EOF)
    assert "Tick them off: ssi-coach done 1 3" in child.before


def test_today_before_the_first_record_names_the_day(cli: Cli) -> None:
    checked(cli, "2026-11-25", "18", "12", "15", "20")
    result = cli("today", "--date", "2026-11-20")
    assert (result.status, result.stderr) == (
        1,
        "ssi-coach: No scores on or before 2026-11-20. Start with: ssi-coach check BRAND "
        "PEOPLE INSIGHTS RELATIONSHIPS --date 2026-11-20\n",
    )
    french = cli("today", "--date", "2026-11-20", "--lang", "fr").stderr
    assert french.startswith("ssi-coach: Aucun score le 20 novembre 2026 ni avant.")
    assert cli("today", "--date", "2026-11-25").status == 0


def test_all_done_on_a_past_day_names_it(cli: Cli) -> None:
    past = (TODAY - timedelta(days=3)).isoformat()
    checked(cli, past, "18", "12", "15", "20")
    assert f"  All done for {past}." in cli("done", "--all", "--date", past).stdout.splitlines()
    french = cli("done", "--all", "--date", past, "--lang", "fr").stdout
    assert f"Tout est fait pour le {format_day(TODAY - timedelta(days=3), 'fr')}." in french
    checked(cli, TODAY.isoformat(), "18", "12", "15", "20")
    assert "  All done for today." in cli("done", "--all").stdout.splitlines()


@pytest.mark.parametrize(
    ("word", "days_back"),
    [("today", 0), ("yesterday", 1), ("aujourd'hui", 0), ("hier", 1), ("Yesterday", 1)],
)
def test_dates_can_be_typed_as_words(cli: Cli, word: str, days_back: int) -> None:
    data = json.loads(cli("check", "18", "12", "15", "20", "--date", word, "--json").stdout)
    assert data["date"] == (TODAY - timedelta(days=days_back)).isoformat()


def test_a_date_word_works_wherever_a_date_is_taken(cli: Cli) -> None:
    checked(cli, (TODAY - timedelta(days=1)).isoformat(), "18", "12", "15", "20")
    assert cli("today", "--date", "hier").status == 0
    assert cli("done", "1", "--date", "yesterday").status == 0
    assert cli("forget", "yesterday", "--yes").status == 0
    result = cli("today", "--date", "demain", "--lang", "fr")
    assert result.stderr == (
        "ssi-coach: --date : « demain » n'est pas une date : donnez AAAA-MM-JJ, aujourd'hui "
        "ou hier\n"
    )


def _screen(child: object, seconds: float) -> str:
    """What a pexpect child drew in `seconds`, without escape sequences."""
    import time

    import pexpect

    shown, end = "", time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            shown += child.read_nonblocking(65536, timeout=0.3)  # type: ignore[attr-defined]
        except pexpect.TIMEOUT:
            continue
    return ANSI.sub("", shown).replace("\r", "")


def test_interactive_checklist_shows_whole_texts_and_cancels_in_french(
    cli: Cli, home: Path
) -> None:
    pexpect = pytest.importorskip("pexpect")
    checked(cli, "2026-11-27", "18", "12", "15", "20")
    cli("done", "1", "--date", "2026-11-27")
    before = json.loads(cli("today", "--date", "2026-11-27", "--json", "--lang", "fr").stdout)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "ssi_coach", "today", "-i", "--date", "2026-11-27", "--lang", "fr"],
        env={**os.environ, "SSI_COACH_HOME": str(home), "TERM": "xterm"},
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 80),
    )
    screen = _screen(child, 4.0)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    drawn = screen[screen.rindex("Liste du jour") :]
    assert "…" not in drawn
    assert all(len(line) <= 80 for line in drawn.splitlines())
    assert "  (flèches pour bouger, espace pour cocher, entrée pour enregistrer)" in drawn
    flat = " ".join(drawn.split())
    for item in before["items"]:
        assert " ".join(item["text"].split()) in flat  # whole, only wrapped
    assert child.exitstatus == 1
    said = ANSI.sub("", child.before)
    assert "ssi-coach: annulé, rien n'a changé" in said
    assert "Cancelled by user" not in said
    after = json.loads(cli("today", "--date", "2026-11-27", "--json", "--lang", "fr").stdout)
    assert after == before


def test_the_paste_prompt_breaks_between_words(home: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "ssi_coach", "paste", "-", "--no-save", "--lang", "en"],
        env={**os.environ, "SSI_COACH_HOME": str(home), "TERM": "dumb"},
        encoding="utf-8",
        timeout=20,
        dimensions=(24, 60),
    )
    child.expect(r"Windows\)\.")
    prompt = (child.before + "Windows).").replace("\r", "")
    child.sendeof()
    child.expect(pexpect.EOF)
    lines = prompt.strip("\n").splitlines()
    assert len(lines) > 1 and all(len(line) < 60 for line in lines)
    assert " ".join(lines) == (
        "Paste LinkedIn's SSI page or JSON, then press Ctrl-D (Ctrl-Z then Enter on Windows)."
    )


def test_config_set_names_the_setting_and_echoes_what_was_meant(cli: Cli) -> None:
    result = cli("config", "set", "industry", "abc")
    assert (result.status, result.stderr) == (2, "ssi-coach: industry: 'abc' is not a number\n")
    assert cli("config", "set", "industry", "32").stdout == "industry = 32\n"
    assert cli("config", "set", "industry", "32.0").stdout == "industry = 32\n"
    assert cli("config", "set", "network", "31.5").stdout == "network = 31.5\n"


def _completions(home: Path, words: str) -> list[str]:
    current = len(words.split()) - (0 if words.endswith(" ") else 1)
    env = {
        **os.environ,
        "SSI_COACH_HOME": str(home),
        "_SSI_COACH_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(current),
    }
    result = subprocess.run(
        [sys.executable, "-m", "ssi_coach"], env=env, capture_output=True, text=True
    )
    return result.stdout.split()


def test_completion_offers_values(cli: Cli, home: Path) -> None:
    assert _completions(home, "ssi-coach check --lang ") == ["en", "fr"]
    assert _completions(home, "ssi-coach team t.csv --sort p") == ["people"]
    assert "rest_days" in _completions(home, "ssi-coach config set ")
    assert _completions(home, "ssi-coach config unset ind") == ["industry"]
    assert _completions(home, "ssi-coach done ") == []  # nothing planned: nothing offered
    assert not (home / "history.sqlite3").exists()  # completing created no history
    checked(cli, TODAY.isoformat(), "18", "12", "15", "20")
    plan = json.loads(cli("today", "--json").stdout)["items"]
    offered = _completions(home, "ssi-coach done ")
    assert offered == [str(i + 1) for i in range(len(plan))] + [item["id"] for item in plan]
    first_id = plan[0]["id"]
    assert _completions(home, f"ssi-coach skip {first_id[:6]}") == [
        item["id"] for item in plan if item["id"].startswith(first_id[:6])
    ]


def test_help_paragraphs_are_wrapped_by_the_terminal_not_the_source(home: Path) -> None:
    from ssi_coach.cli import _REGISTERED

    env = {**os.environ, "SSI_COACH_HOME": str(home), "COLUMNS": "100", "NO_COLOR": "1"}
    for group, name, _function, _settings in _REGISTERED:
        words = [group, name] if group else [name]
        result = subprocess.run(
            [sys.executable, "-m", "ssi_coach", *words, "--help"],
            env=env,
            capture_output=True,
            text=True,
        )
        description = result.stdout.split("╭")[0].splitlines()[3:]  # after the usage line
        paragraph_lines = [line.strip() for line in description]
        for line, following in pairwise(paragraph_lines):
            if line and following:  # a line that its paragraph continues must be full
                assert len(line) > 60, (words, line)


# -- Settings ------------------------------------------------------------------------------


def rulebook_problems_at_share(text: str, share: float) -> list[str]:
    """What `rules check` finds in the shipped rulebook with another focus share."""
    edited = text.replace("\nfocus_share = 0.4\n", f"\nfocus_share = {share}\n", 1)
    assert f"\nfocus_share = {share}\n" in edited
    try:
        validate_rulebook(edited.encode(), "edited.toml")
    except RulebookError as error:
        return list(error.problems)
    return []


@pytest.mark.parametrize("share", [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6])
def test_any_focus_share_from_30_to_60_percent_works_with_the_shipped_actions(
    share: float,
) -> None:
    text = default_rulebook().read_text(encoding="utf-8")
    assert rulebook_problems_at_share(text, share) == []


def test_french_sentences_name_pillars_in_french(cli: Cli, tmp_path: Path) -> None:
    summary = cli("rules", "check", "--lang", "fr").stdout.splitlines()
    assert summary[2].startswith("  marque : ") and summary[5].startswith("  relations : ")
    page = tmp_path / "page.txt"
    page.write_text("Établir votre marque professionnelle 12,5\nTrouver les bonnes personnes 8\n")
    result = cli("paste", str(page), "--lang", "fr")
    assert "(manquants : Échanger des informations, Établir des relations)" in result.stderr
    assert not re.search(r"\b(brand|people|insights|relationships)\b", result.stderr)


@pytest.mark.parametrize(
    ("lang", "answers", "said"),
    [
        ("fr", ["x", "o"], ["[o/N] :", "Répondez o (oui) ou n (non).", "27 novembre 2026 oublié."]),
        ("en", ["oops", "y"], ["[y/N]:", "Answer y (yes) or n (no).", "Forgot 2026-11-27."]),
    ],
)
def test_forget_asks_in_the_users_language(
    cli: Cli, home: Path, lang: str, answers: list[str], said: list[str]
) -> None:
    pexpect = pytest.importorskip("pexpect")
    checked(cli, "2026-11-27", "18", "12", "15", "20")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "ssi_coach", "forget", "2026-11-27", "--lang", lang],
        env={**os.environ, "SSI_COACH_HOME": str(home), "TERM": "dumb"},
        encoding="utf-8",
        timeout=20,
    )
    shown = ""
    for answer in answers:
        child.expect(re.escape(said[0]))
        shown += child.before + child.after
        child.sendline(answer)
    child.expect(pexpect.EOF)
    shown = (shown + child.before).replace("\r", "")
    assert said[1] in shown and said[2] in shown
    assert "Error" not in shown
    assert cli("today", "--date", "2026-11-27").status == 1  # forgotten: no scores left


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('{"a": ', "(une valeur est attendue, ligne 2)"),
        ('{"a" 1}', "(un « : » est attendu, ligne 1)"),
        ('{"a": 1} x', "(des données après la fin, ligne 1)"),
        ('{"x": 1}', "(aucun memberScore)"),
    ],
)
def test_json_problems_are_said_in_french(
    cli: Cli, tmp_path: Path, content: str, said: str
) -> None:
    path = tmp_path / "ssi.json"
    path.write_text(content + "\n")
    result = cli("paste", str(path), "--lang", "fr")
    assert result.status == 2
    assert said in result.stderr


def test_review_findings(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """A history of one day names it once; plain trend lines hold no sign; a wrong --lang is
    said in the language the locale gives."""
    checked(cli, "2026-11-26", "10", "12", "8", "15")
    assert cli("history").stdout.startswith("History: 1 record on 2026-11-26\n")
    french = cli("history", "--lang", "fr").stdout
    assert french.startswith("Historique : 1 relevé, le 26 novembre 2026\n")
    trends = french[french.index("Tendance par pilier") :].splitlines()[1:5]
    assert all(not re.search(r"[+-]", line.split()[1]) for line in trends)
    result = cli("check", "1", "2", "3", "4", "--lang", "de", env={"LANG": "fr_FR.UTF-8"})
    assert result.stderr == (
        "ssi-coach: --lang : « de » n'est pas une langue prise en charge (en, fr)\n"
    )
    result = cli("check", "1", "2", "3", "4", env={"LANG": "fr_FR.UTF-8", "SSI_COACH_LANG": "de"})
    assert result.stderr.startswith("ssi-coach: SSI_COACH_LANG : « de » n'est pas")


def test_an_import_header_lists_its_problems_with_french_punctuation(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("date,total\n2026-11-01,50\n")
    result = cli("import", str(path), "--lang", "fr")
    assert "colonne manquante « brand » ; colonne manquante « people »" in result.stderr


def test_a_storage_failure_is_said_in_french(cli: Cli, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    home = blocker / "home"
    result = cli("check", "1", "2", "3", "4", env={"SSI_COACH_HOME": str(home), "LANG": "fr_FR"})
    assert result.status == 1
    assert result.stderr == (
        f"ssi-coach: {home} : impossible d'écrire ici (une partie du chemin n'est pas un "
        "dossier) ; rien n'a été enregistré\n"
    )
