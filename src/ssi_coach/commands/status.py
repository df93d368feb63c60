"""`status`, the status file behind the shell prompt, and the shell hook's daily greeting.

The status file is a copy of the day's status, kept in the data directory for the prompt
(which starts no Python) and for `status` (which then opens no database). It is current
when it describes today and is newer than the history and the config; `refresh` writes it
again when it is not, so that every command that changed the day leaves it right.

This module is imported on `status`'s fast path: the history, the settings and the planner
are imported inside the functions that need them.
"""

from __future__ import annotations

import os
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from ssi_coach.core.day_status import DayStatus
from ssi_coach.formats.status_file import StatusFile, read_status_file, status_file_text
from ssi_coach.storage.paths import DATABASE_NAME, STAMP_NAME, STATUS_NAME, data_dir

if TYPE_CHECKING:
    from ssi_coach.commands.settings import Settings
    from ssi_coach.core.pillars import Lang
    from ssi_coach.storage.store import Store

STATUS_FILE_LIMIT = 64 * 1024  # a status file is about 300 bytes


class Refresh(NamedTuple):
    """What the status file should say: the status of `day` (None: no scores yet), to be put
    in words in `lang`."""

    day: date
    status: DayStatus | None
    lang: Lang
    config_lang: str | None


class ShellFiles(NamedTuple):
    """The files the shell code of `init` reads, by their resolved paths."""

    data_dir: Path
    status: Path
    stamp: Path


def shell_files() -> ShellFiles:
    directory = data_dir().expanduser().resolve()
    return ShellFiles(directory, directory / STATUS_NAME, directory / STAMP_NAME)


def current_status_file(today: date) -> StatusFile | None:
    """The status file, when it is current: it describes `today` and is newer than the
    history and the config. None otherwise, or when it cannot be read."""
    path = data_dir() / STATUS_NAME
    try:
        written = path.stat().st_mtime_ns
        if any(_modified(source) >= written for source in _sources()):
            return None
        with path.open("rb") as stream:
            text = stream.read(STATUS_FILE_LIMIT).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = read_status_file(text)
    return found if found is not None and found.day == today else None


def _sources() -> list[Path]:
    """What the status is made from: the history (with its write-ahead log) and the config."""
    from ssi_coach.storage.config_file import config_path

    database = data_dir() / DATABASE_NAME
    return [database, database.with_name(DATABASE_NAME + "-wal"), config_path()]


def _modified(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return -1


def status(settings: Settings, day: date, *, plan: bool) -> DayStatus | None:
    """The status of `day` (None: no scores yet). With `plan` (today's status), a day with
    scores but no plan is planned first, as `today` does, so that the status counts the plan
    the user will tick; another day's status only reads what is stored."""
    from ssi_coach.commands.daily import today as plan_of_day
    from ssi_coach.errors import NothingYet
    from ssi_coach.storage.store import open_store

    if plan:
        try:
            plan_of_day(settings, day)
        except NothingYet:
            return None
    with open_store(create=False) as store:
        return None if store is None else status_in(store, settings.rest_days, day)


def status_in(store: Store, rest_days: tuple[str, ...], day: date) -> DayStatus | None:
    """The status of the latest plan on or before `day` (of the latest record, when no day
    has a plan); None when there are no scores on or before `day`."""
    from ssi_coach.core.day_status import day_status
    from ssi_coach.core.trends import is_rest_day

    plan_day = store.latest_plan_day(day)
    plan = None if plan_day is None else store.saved_plan(plan_day)
    made_from = (plan.based_on if plan is not None else None) or plan_day or day
    record = store.record_on_or_before(made_from)
    if record is None:
        return None
    described = plan_day or record.day
    return day_status(
        described,
        plan,
        store.ticks(described),
        record,
        store.record_before(record.day),
        _current_streak(store, described, rest_days),
        is_rest_day(described, rest_days),
    )


# How far back the status looks for the current streak, before it reads every completed day.
STREAK_WINDOWS_DAYS = (62, 731)


def _current_streak(store: Store, day: date, rest_days: tuple[str, ...]) -> int:
    """The current streak on `day`, as `streak` counts it, read from the recent completed days
    when they tell it: after every change, ten years of them would cost more than the command."""
    from ssi_coach.core.trends import current_streak, streak

    for days_back in STREAK_WINDOWS_DAYS:
        since = date.fromordinal(max(1, day.toordinal() - days_back))
        found = current_streak(store.completed_days(since), since, day, rest_days)
        if found is not None:
            return found
    return streak(store.completed_days(), day, rest_days).current


def outdated_status(today: date) -> Refresh | None:
    """What the status file should now say, when it is missing or not current; None when it
    is current, or when there is no history (nothing is left on a machine that saved
    nothing). The settings are the user's own (config and environment), not a command's
    options: the prompt speaks the language the user chose."""
    if not (data_dir() / DATABASE_NAME).exists() or current_status_file(today) is not None:
        return None
    from ssi_coach.commands.settings import load_config, resolve_settings
    from ssi_coach.storage.store import open_store

    settings = resolve_settings()
    with open_store(create=False) as store:
        if store is None:
            return None
        found = status_in(store, settings.rest_days, today)
    config_lang = load_config().get("lang")
    day = today if found is None else found.day
    return Refresh(day, found, settings.lang, config_lang)


def save_status_file(refresh: Refresh, line: str, stale: str) -> None:
    """Writes the status file, whole or not at all, private; not when it already says the
    same and is newer than what it is made from (a morning with no plan yet would rewrite
    it on every command). Raises OSError."""
    from ssi_coach.storage.files import write_atomically

    path = data_dir() / STATUS_NAME
    content = status_file_text(refresh.day, refresh.status, line, stale, refresh.config_lang)
    with suppress(OSError):
        written = path.stat().st_mtime_ns
        newest = max(_modified(source) for source in _sources())
        if written > newest and path.read_bytes() == content.encode("utf-8"):
            return
    write_atomically(path, content.encode("utf-8"))


def greeting(day: date) -> Literal["none", "reminder", "today"]:
    """What the shell hook of `init` shows on `day`: nothing after the first time that day
    (the stamp file remembers the day, so later shells say nothing), else the day's plan
    when the day has its own scores, else a reminder to check them."""
    from ssi_coach.storage.files import write_atomically
    from ssi_coach.storage.store import open_store

    stamp = data_dir() / STAMP_NAME
    with suppress(OSError), stamp.open("rb") as stream:
        if stream.read(64).decode("ascii", "replace").strip() == day.isoformat():
            return "none"
    with suppress(OSError):  # a home that cannot remember the day: greet all the same
        write_atomically(stamp, f"{day.isoformat()}\n".encode("ascii"))
    with open_store(create=False) as store:
        record = None if store is None else store.record_on_or_before(day)
    return "today" if record is not None and record.day == day else "reminder"


def lang_of_status(option: str | None, found: StatusFile) -> Lang | None:
    """The language `status` speaks with a current status file: as the settings would decide
    it (the file holds the config's choice); None when that needs the settings (a bad value,
    which they report)."""
    from ssi_coach.commands.language import resolve_lang
    from ssi_coach.errors import InputError

    try:
        return resolve_lang(option, os.environ, found.config_lang)
    except InputError:
        return None
