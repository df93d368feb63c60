"""The history on disk: one SQLite database of daily records, each day's plan and its ticks.

Safety first: every write is one transaction; WAL mode and a busy timeout let two commands
run at once; a file that is corrupt, locked too long, foreign or from a newer release is
reported and never overwritten, repaired or deleted. The schema grows by numbered,
forward-only migrations recorded in `PRAGMA user_version`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from ssi_coach.core.pillars import PILLARS
from ssi_coach.core.records import Record
from ssi_coach.core.saved_plan import SavedPlan, StoredItem, plan_items
from ssi_coach.errors import KeyedError
from ssi_coach.storage.files import make_private_directory
from ssi_coach.storage.paths import DATABASE_NAME, data_dir

if TYPE_CHECKING:
    import sqlite3

    from ssi_coach.core.planner import Plan
    from ssi_coach.core.review import ActionTicks, PillarProgress

# Named, never `*`: a later migration may add columns.
RECORD_COLUMNS = ", ".join(
    ("date", *PILLARS, "industry", "network", "industry_rank", "network_rank", "team", "team_rank")
)
SAVE_RECORD = (
    f"INSERT OR REPLACE INTO records ({RECORD_COLUMNS})"
    f" VALUES ({', '.join('?' * len(RECORD_COLUMNS.split(', ')))})"
)
ADD_TICK = "INSERT OR IGNORE INTO ticks VALUES (?, ?)"
# Whether every item of the plan of {day} is ticked (an SQL expression).
_COMPLETE = (
    "(SELECT COUNT(*) = COUNT(t.item_id) FROM plan_items q LEFT JOIN ticks t"
    " ON t.date = q.date AND t.item_id = q.item_id WHERE q.date = {day})"
)
APPLICATION_ID = 0x53534943  # "SSIC": marks the file as ours
BUSY_TIMEOUT_SECONDS = 10.0


class StoreError(KeyedError):
    """The history database cannot be used as it is; the message says what to do."""


class StoreNotWritable(StoreError):
    """The history cannot be written where it is (a read-only directory, a full disk): it is
    intact, and can still be read. A failure of the storage, not of the input: status 1."""

    exit_status = 1


class PlannerMemory(NamedTuple):
    """What the planner needs to know of the past of a day."""

    last_done: dict[str, date]
    planned: dict[str, tuple[date, ...]]
    skipped: frozenset[str]


def _migration_1(db: sqlite3.Connection) -> None:
    scores = "".join(f" {pillar} REAL NOT NULL," for pillar in PILLARS)
    db.execute(f"CREATE TABLE records (date TEXT PRIMARY KEY,{scores} industry REAL, network REAL)")
    db.execute(
        "CREATE TABLE plan_items ("
        " date TEXT NOT NULL, number INTEGER NOT NULL, item_id TEXT NOT NULL,"
        " pillar TEXT NOT NULL, minutes INTEGER NOT NULL, PRIMARY KEY (date, number))"
    )
    db.execute(
        "CREATE TABLE ticks (date TEXT NOT NULL, item_id TEXT NOT NULL,"
        " PRIMARY KEY (date, item_id))"
    )


def _migration_2(db: sqlite3.Connection) -> None:
    """The "top N%" ranks LinkedIn shows against the industry and the network."""
    db.execute("ALTER TABLE records ADD COLUMN industry_rank INTEGER")
    db.execute("ALTER TABLE records ADD COLUMN network_rank INTEGER")


def _migration_3(db: sqlite3.Connection) -> None:
    """The coach's memory: each day's plan with the budget and rulebook that made it and
    whether it was done in full (so that a streak reads one column, not ten years of ticks),
    the items skipped on a day, the one-offs done before ssi-coach, and ticks by action."""
    db.execute(
        "CREATE TABLE day_plans (date TEXT PRIMARY KEY, minutes INTEGER NOT NULL,"
        " rules TEXT, based_on TEXT, complete INTEGER NOT NULL DEFAULT 0)"
    )
    db.execute(  # the plans of older releases: no rulebook or record known
        "INSERT INTO day_plans (date, minutes, complete)"
        f" SELECT p.date, SUM(p.minutes), {_COMPLETE.format(day='p.date')}"
        " FROM plan_items p GROUP BY p.date"
    )
    db.execute(
        "CREATE TABLE skips (date TEXT NOT NULL, item_id TEXT NOT NULL,"
        " PRIMARY KEY (date, item_id))"
    )
    db.execute("CREATE TABLE done_before (item_id TEXT PRIMARY KEY, date TEXT NOT NULL)")
    db.execute("CREATE INDEX ticks_by_item ON ticks (item_id, date)")


def _migration_4(db: sqlite3.Connection) -> None:
    """A Sales Navigator team's average and the user's rank in it."""
    db.execute("ALTER TABLE records ADD COLUMN team REAL")
    db.execute("ALTER TABLE records ADD COLUMN team_rank INTEGER")


# Forward only: append, never edit one that has shipped.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
]


# The last day each item was ticked before ?1: a look-up of the (item_id, date) index for each
# item (found by hopping from one to the next, a loose index scan), where a GROUP BY would read
# every tick of ten years on every `check`.
LAST_TICKS = (
    "WITH RECURSIVE items(id) AS (SELECT MIN(item_id) FROM ticks"
    " UNION ALL SELECT (SELECT MIN(item_id) FROM ticks WHERE item_id > id) FROM items"
    " WHERE id IS NOT NULL)"
    " SELECT id, last FROM (SELECT id,"
    " (SELECT MAX(date) FROM ticks WHERE item_id = id AND date < ?1) AS last"
    " FROM items WHERE id IS NOT NULL) WHERE last IS NOT NULL"
)


def database_path() -> Path:
    return data_dir() / DATABASE_NAME


class Store:
    """The open history database. Use `open_store()`."""

    def __init__(self, path: Path, db: sqlite3.Connection, *, read_only: bool = False) -> None:
        self.path = path
        self.db = db
        self.read_only = read_only  # opened where it cannot be written
        self.wrote = False

    # -- records --------------------------------------------------------------------------

    def save_record(
        self, record: Record, plan: Plan | None = None, rules: str | None = None
    ) -> None:
        """Saves the day's record, replacing any earlier one for the same date, and the plan
        made from it (with the rulebook that made it), in one transaction."""
        with self.transaction():
            self.db.execute(SAVE_RECORD, _row(record))
            if plan is not None:
                self._replace_day_plan(plan, rules, record.day)

    def record_on_or_before(self, day: date) -> Record | None:
        return self._one_record("WHERE date <= ? ORDER BY date DESC LIMIT 1", day)

    def record_before(self, day: date) -> Record | None:
        return self._one_record("WHERE date < ? ORDER BY date DESC LIMIT 1", day)

    def record_on_or_after(self, day: date) -> Record | None:
        return self._one_record("WHERE date >= ? ORDER BY date LIMIT 1", day)

    def records(self) -> list[Record]:
        """Every record, oldest first."""
        with self._reading():
            rows = self.db.execute(f"SELECT {RECORD_COLUMNS} FROM records ORDER BY date").fetchall()
        return [_record(row) for row in rows]

    def _one_record(self, clause: str, day: date) -> Record | None:
        with self._reading():
            row = self.db.execute(
                f"SELECT {RECORD_COLUMNS} FROM records {clause}", (day.isoformat(),)
            ).fetchone()
        return None if row is None else _record(row)

    # -- plans and ticks ------------------------------------------------------------------

    def plan(self, day: date) -> list[StoredItem]:
        with self._reading():
            rows = self.db.execute(
                "SELECT number, item_id, pillar, minutes FROM plan_items"
                " WHERE date = ? ORDER BY number",
                (day.isoformat(),),
            ).fetchall()
        return [StoredItem(*row) for row in rows]

    def saved_plan(self, day: date) -> SavedPlan | None:
        """The plan saved for `day`, if any."""
        items = self.plan(day)
        if not items:
            return None
        with self._reading():
            row = self.db.execute(
                "SELECT minutes, rules, based_on FROM day_plans WHERE date = ?", (day.isoformat(),)
            ).fetchone()
        minutes, rules, based_on = row
        return SavedPlan(items, minutes, rules, None if based_on is None else _day(based_on))

    def latest_plan_day(self, day: date) -> date | None:
        """The latest day, on or before `day`, that has a saved plan."""
        with self._reading():
            row = self.db.execute(
                "SELECT MAX(date) FROM day_plans WHERE date <= ?", (day.isoformat(),)
            ).fetchone()
        return None if row[0] is None else _day(row[0])

    def save_plan(self, plan: Plan, rules: str | None, based_on: date) -> None:
        """Makes `plan` the day's plan (ticks on items it keeps are kept), in one transaction."""
        with self.transaction():
            self._replace_day_plan(plan, rules, based_on)

    def _replace_day_plan(self, plan: Plan, rules: str | None, based_on: date) -> None:
        day = plan.day.isoformat()
        items = plan_items(plan)
        kept = [item.item_id for item in items]
        self.db.execute(
            f"DELETE FROM ticks WHERE date = ? AND item_id NOT IN ({', '.join('?' * len(kept))})",
            (day, *kept),
        )
        self._replace_plan(plan.day, SavedPlan(items, plan.minutes, rules, based_on))

    def replace_item(
        self, day: date, old: StoredItem, new_id: str, *, already_done: bool = False
    ) -> None:
        """Puts `new_id` in the place of `old` in the day's plan, with the same minutes; `old`
        is not offered again that day, or ever when it was `already_done`."""
        with self.transaction():
            self.db.execute(
                "UPDATE plan_items SET item_id = ? WHERE date = ? AND number = ?",
                (new_id, day.isoformat(), old.number),
            )
            self.db.execute(
                "INSERT OR IGNORE INTO skips VALUES (?, ?)", (day.isoformat(), old.item_id)
            )
            self.db.execute(
                "DELETE FROM ticks WHERE date = ? AND item_id = ?", (day.isoformat(), old.item_id)
            )
            self._note_completion(day)
            if already_done:
                self._mark_done_before(old.item_id, day)

    def mark_done_before(self, item_id: str, day: date) -> None:
        """`item_id` was done before the user started with ssi-coach: it counts as done."""
        with self.transaction():
            self._mark_done_before(item_id, day)

    def _mark_done_before(self, item_id: str, day: date) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO done_before VALUES (?, ?)", (item_id, day.isoformat())
        )

    def planner_memory(self, day: date, days_back: int) -> PlannerMemory:
        """The last day each action was done (ticks before `day`, and one-offs marked done
        before ssi-coach), the days each was planned in the `days_back` days before `day`,
        and what was skipped on `day`."""
        iso = day.isoformat()
        since = (day - timedelta(days=days_back)).isoformat()
        with self._reading():
            done = self.db.execute(LAST_TICKS, (iso,)).fetchall()
            before = self.db.execute("SELECT item_id, date FROM done_before").fetchall()
            planned_rows = self.db.execute(
                "SELECT item_id, date FROM plan_items WHERE date >= ? AND date < ?"
                " ORDER BY date DESC",
                (since, iso),
            ).fetchall()
            skipped = self.db.execute("SELECT item_id FROM skips WHERE date = ?", (iso,))
            skipped_ids = frozenset(row[0] for row in skipped)
        last_done = {item_id: _day(text) for item_id, text in before}
        for item_id, text in done:
            last_done[item_id] = max(_day(text), last_done.get(item_id, date.min))
        planned: dict[str, list[date]] = {}
        for item_id, text in planned_rows:
            planned.setdefault(item_id, []).append(_day(text))
        return PlannerMemory(last_done, {k: tuple(v) for k, v in planned.items()}, skipped_ids)

    def _replace_plan(self, day: date, plan: SavedPlan) -> None:
        """Within a transaction: `plan` becomes the day's plan."""
        iso = day.isoformat()
        based_on = None if plan.based_on is None else plan.based_on.isoformat()
        self.db.execute("DELETE FROM plan_items WHERE date = ?", (iso,))
        self.db.executemany(
            "INSERT INTO plan_items VALUES (?, ?, ?, ?, ?)",
            [(iso, i.number, i.item_id, i.pillar, i.minutes) for i in plan.items],
        )
        self.db.execute(
            "INSERT OR REPLACE INTO day_plans (date, minutes, rules, based_on) VALUES (?, ?, ?, ?)",
            (iso, plan.minutes, plan.rules, based_on),
        )
        self._note_completion(day)

    def _note_completion(self, day: date) -> None:
        """Within a transaction, after the day's plan or ticks changed: whether it is done."""
        self.db.execute(
            f"UPDATE day_plans SET complete = {_COMPLETE.format(day='?')} WHERE date = ?",
            (day.isoformat(), day.isoformat()),
        )

    def planned_days(self) -> set[date]:
        with self._reading():
            rows = self.db.execute("SELECT DISTINCT date FROM plan_items").fetchall()
        return {_day(row[0]) for row in rows}

    def ticks(self, day: date) -> set[str]:
        with self._reading():
            rows = self.db.execute(
                "SELECT item_id FROM ticks WHERE date = ?", (day.isoformat(),)
            ).fetchall()
        return {row[0] for row in rows}

    def all_ticks(self) -> list[tuple[date, str]]:
        with self._reading():
            rows = self.db.execute(
                "SELECT date, item_id FROM ticks ORDER BY date, item_id"
            ).fetchall()
        return [(_day(day), item_id) for day, item_id in rows]

    def set_ticks(self, day: date, item_ids: Iterable[str], done: bool) -> None:
        if done:
            self.replace_ticks(day, item_ids, among=[])
        else:
            self.replace_ticks(day, [], among=item_ids)

    def replace_ticks(self, day: date, ticked: Iterable[str], among: Iterable[str]) -> None:
        """Of the items `among`, exactly those in `ticked` end up ticked, in one transaction."""
        chosen = set(ticked)
        with self.transaction():
            self.db.executemany(ADD_TICK, [(day.isoformat(), item_id) for item_id in chosen])
            self.db.executemany(
                "DELETE FROM ticks WHERE date = ? AND item_id = ?",
                [(day.isoformat(), item_id) for item_id in set(among) - chosen],
            )
            self._note_completion(day)

    def completed_pillars(self) -> dict[date, dict[str, bool]]:
        """For each day with a plan: for each pillar in it, whether all its items are ticked."""
        with self._reading():
            rows = self.db.execute(
                "SELECT p.date, p.pillar, COUNT(*) = COUNT(t.item_id) FROM plan_items p"
                " LEFT JOIN ticks t ON t.date = p.date AND t.item_id = p.item_id"
                " GROUP BY p.date, p.pillar"
            ).fetchall()
        days: dict[date, dict[str, bool]] = {}
        for day, pillar, complete in rows:
            days.setdefault(_day(day), {})[pillar] = bool(complete)
        return days

    def ticked_items_per_pillar(self, first: date, last: date) -> dict[str, int]:
        """How many items of each pillar were ticked from `first` to `last` (both counted),
        each pillar present. The pillar is the one of the day's saved plan (a tick with no
        plan has none, and is not counted); an item marked as done before ssi-coach (`skip
        --already-done`) is not work of that day, and is not counted either."""
        with self._reading():
            rows = self.db.execute(
                "SELECT p.pillar, COUNT(*) FROM ticks t"
                " JOIN (SELECT DISTINCT date, item_id, pillar FROM plan_items"
                "  WHERE date BETWEEN ?1 AND ?2) p ON p.date = t.date AND p.item_id = t.item_id"
                " WHERE t.date BETWEEN ?1 AND ?2 AND NOT EXISTS (SELECT 1 FROM done_before d"
                "  WHERE d.item_id = t.item_id AND d.date = t.date)"
                " GROUP BY p.pillar",
                (first.isoformat(), last.isoformat()),
            ).fetchall()
        counts = dict(rows)
        return {pillar: counts.get(pillar, 0) for pillar in PILLARS}

    def completed_days(self, since: date = date.min) -> list[date]:
        """Days (on or after `since`) on which every item of the day's plan was ticked, oldest
        first: kept with each day's plan as ticks change, so that a streak costs one small
        read."""
        with self._reading():
            rows = self.db.execute(
                "SELECT date FROM day_plans WHERE complete AND date >= ? ORDER BY date",
                (since.isoformat(),),
            ).fetchall()
        return [_day(row[0]) for row in rows]

    def pillar_progress(self, first: date, last: date) -> dict[date, dict[str, PillarProgress]]:
        """For each day from `first` to `last` with a saved plan, for each pillar in it: its
        items, how many are ticked, its minutes and the minutes of the ticked items."""
        from ssi_coach.core.review import PillarProgress  # only the review asks

        with self._reading():
            rows = self.db.execute(
                "SELECT p.date, p.pillar, COUNT(*), COUNT(t.item_id), SUM(p.minutes),"
                " COALESCE(SUM(CASE WHEN t.item_id IS NULL THEN 0 ELSE p.minutes END), 0)"
                " FROM plan_items p LEFT JOIN ticks t ON t.date = p.date AND t.item_id = p.item_id"
                " WHERE p.date BETWEEN ? AND ? GROUP BY p.date, p.pillar ORDER BY p.date",
                (first.isoformat(), last.isoformat()),
            ).fetchall()
        days: dict[date, dict[str, PillarProgress]] = {}
        for day, pillar, *counts in rows:
            days.setdefault(_day(day), {})[pillar] = PillarProgress(*counts)
        return days

    def ticks_per_action(self, first: date, last: date) -> list[ActionTicks]:
        """Each action ticked from `first` to `last` on an item of the day's plan: its pillar,
        on how many days, and the first of them; by id."""
        from ssi_coach.core.review import ActionTicks  # only the review asks

        with self._reading():
            rows = self.db.execute(
                "SELECT t.item_id, MIN(p.pillar), COUNT(*), MIN(t.date) FROM ticks t"
                " JOIN plan_items p ON p.date = t.date AND p.item_id = t.item_id"
                " WHERE t.date BETWEEN ? AND ? GROUP BY t.item_id ORDER BY t.item_id",
                (first.isoformat(), last.isoformat()),
            ).fetchall()
        return [
            ActionTicks(item_id, pillar, days, _day(day)) for item_id, pillar, days, day in rows
        ]

    def all_plans(self) -> dict[date, SavedPlan]:
        """Every day's saved plan, oldest first."""
        with self._reading():
            items = self.db.execute(
                "SELECT date, number, item_id, pillar, minutes FROM plan_items"
                " ORDER BY date, number"
            ).fetchall()
            settings = self.db.execute(
                "SELECT date, minutes, rules, based_on FROM day_plans"
            ).fetchall()
        by_day: dict[str, list[StoredItem]] = {}
        for day, *item in items:
            by_day.setdefault(day, []).append(StoredItem(*item))
        plans = {}
        for day, minutes, rules, based_on in settings:
            made_from = None if based_on is None else _day(based_on)
            plans[_day(day)] = SavedPlan(by_day.get(day, []), minutes, rules, made_from)
        return dict(sorted(plans.items()))

    def all_done_before(self) -> dict[str, date]:
        """The one-offs marked as done before ssi-coach, with the day they were marked."""
        with self._reading():
            rows = self.db.execute("SELECT item_id, date FROM done_before").fetchall()
        return {item_id: _day(day) for item_id, day in rows}

    def forget(self, day: date) -> int:
        """Deletes the day's record, plan, ticks and skips, in one transaction; how many rows
        there were (0: nothing was stored for that day, and nothing changed)."""
        iso = day.isoformat()
        with self.transaction():
            removed = 0
            for table in ("records", "plan_items", "day_plans", "ticks", "skips"):
                removed += self.db.execute(f"DELETE FROM {table} WHERE date = ?", (iso,)).rowcount
        return removed

    def import_history(
        self,
        records: list[Record],
        ticks: list[tuple[date, str]],
        plans: dict[date, SavedPlan],
        done_before: dict[str, date] | None = None,
    ) -> None:
        """Adds records (replacing those of the same dates), ticks, plans and one-offs done
        before ssi-coach, all or nothing."""
        with self.transaction():
            self.db.executemany(SAVE_RECORD, [_row(record) for record in records])
            self.db.executemany(ADD_TICK, [(day.isoformat(), item_id) for day, item_id in ticks])
            for day, plan in plans.items():
                self._replace_plan(day, plan)
            for day in {day for day, _ in ticks} - set(plans):
                self._note_completion(day)
            for item_id, day in (done_before or {}).items():
                self._mark_done_before(item_id, day)

    # -- transactions and errors ----------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: all of it is saved, or none of it."""
        import sqlite3

        if self.read_only:
            raise _store_error(self.path, sqlite3.OperationalError("read-only directory"))
        try:
            self.db.execute("BEGIN IMMEDIATE")  # take the write lock now, not half-way
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
            self.wrote = True
        except sqlite3.Error as error:
            raise _store_error(self.path, error) from None

    @contextmanager
    def _reading(self) -> Iterator[None]:
        import sqlite3

        try:
            yield
        except sqlite3.Error as error:
            raise _store_error(self.path, error) from None

    def close(self) -> None:
        """Closes the database; after a write, the log is folded into the file, so that the
        file alone holds everything (what a read-only reader sees)."""
        import sqlite3

        if self.wrote:
            with suppress(sqlite3.Error):
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()


@contextmanager
def open_store(create: bool = True) -> Iterator[Store | None]:
    """The history database, migrated to the current schema.

    With `create` false, a missing database gives None instead of a new file: reading
    commands leave no trace on a machine that never saved anything.
    """
    path = database_path()
    if not path.exists() and not create:
        yield None
        return
    store = _open(path)
    try:
        yield store
    except _BadStoredDate as error:
        raise _store_error(path, error) from None
    finally:
        store.close()


def _open(path: Path) -> Store:
    import sqlite3

    is_new = not path.exists()
    try:
        if is_new:
            make_private_directory(path.parent)
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    except (OSError, sqlite3.Error) as error:
        raise _store_error(path, error) from None
    store = Store(path, db)
    try:
        if is_new:
            os.chmod(path, 0o600)
        _check_ours(store)
        _set_up(store)
    except StoreNotWritable:
        db.close()
        if is_new:
            raise
        return _open_read_only(path)  # read what is there; a write will say why it cannot
    except BaseException:
        db.close()
        raise
    return store


def _open_read_only(path: Path) -> Store:
    """The history where it cannot be written (a read-only directory, a full disk): read
    from the file alone, which every write leaves complete (see `Store.close`)."""
    import sqlite3
    from urllib.parse import quote

    try:
        db = sqlite3.connect(
            f"file:{quote(str(path))}?mode=ro&immutable=1", uri=True, isolation_level=None
        )
    except sqlite3.Error as error:
        raise _store_error(path, error) from None
    store = Store(path, db, read_only=True)
    try:
        _check_ours(store)
        with store._reading():
            version = db.execute("PRAGMA user_version").fetchone()[0]
        if version < len(MIGRATIONS):  # an upgrade must be written first
            raise _store_error(path, sqlite3.OperationalError("readonly database"))
    except BaseException:
        db.close()
        raise
    return store


def _set_up(store: Store) -> None:
    """WAL mode and the current schema, changing only what needs it (so that an everyday
    start writes nothing). Two first runs at once can meet half-way through, where SQLite
    answers "locked" at once rather than wait (to avoid a deadlock): then try again."""
    import sqlite3
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            if store.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                store.db.execute("PRAGMA journal_mode = WAL")
            store.db.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: commits survive
            if store.db.execute("PRAGMA user_version").fetchone()[0] < len(MIGRATIONS):
                _migrate(store)
            return
        except sqlite3.OperationalError as error:
            problem = _store_error(store.path, error)
        except StoreError as error:
            problem = error
        if "locked" not in str(problem) or time.monotonic() > deadline:
            raise problem
        time.sleep(0.05)


def _check_ours(store: Store) -> None:
    """Refuses a file another program made, or a newer ssi-coach, before writing anything."""
    with store._reading():  # one statement, one snapshot: a first run may be committing
        application_id, version, tables = store.db.execute(
            "SELECT a.application_id, v.user_version, (SELECT COUNT(*) FROM sqlite_master)"
            " FROM pragma_application_id AS a, pragma_user_version AS v"
        ).fetchone()
    if application_id == 0 and tables == 0:
        return  # a new, empty file: ours to set up
    if application_id != APPLICATION_ID:
        raise StoreError(str(store.path), "err.store_foreign")
    if version > len(MIGRATIONS):
        raise StoreError(str(store.path), "err.store_newer", version=version)


def _migrate(store: Store) -> None:
    with store.transaction():
        version = store.db.execute("PRAGMA user_version").fetchone()[0]
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            migration(store.db)
            store.db.execute(f"PRAGMA user_version = {number}")
        store.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _store_error(path: Path, error: Exception) -> StoreError:
    """What went wrong, said as it is: locked, not writable (a full disk, a read-only
    directory: the history is intact), or unusable (only then: move it away)."""
    message = str(error)
    if "locked" in message or "busy" in message:
        return StoreError(str(path), "err.store_locked", seconds=f"{BUSY_TIMEOUT_SECONDS:g}")
    if _NOT_WRITABLE.search(message) or isinstance(error, OSError):
        if "full" in message or _no_space_left(path.parent):
            return StoreNotWritable(str(path.parent), "err.store_full")
        # An OSError is said in the user's language; SQLite's own words are quoted as they are.
        reason = error if isinstance(error, OSError) else message
        return StoreNotWritable(str(path.parent), "err.store_not_writable", reason=reason)
    return StoreError(str(path), "err.store_unusable", reason=message)


# SQLite's words when the file or its directory cannot be written, whatever the file holds.
_NOT_WRITABLE: Final = re.compile(
    r"readonly|read-only|unable to open database file|disk I/O error|database or disk is full"
)


def _no_space_left(directory: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(directory).free < 64 * 1024
    except OSError:
        return False


def _row(record: Record) -> tuple[object, ...]:
    return (
        record.day.isoformat(),
        *(record.scores[p] for p in PILLARS),
        record.industry,
        record.network,
        record.industry_rank,
        record.network_rank,
        record.team,
        record.team_rank,
    )


class _BadStoredDate(ValueError):
    """A date in the database that is no date: the file was edited by hand, or damaged."""


def _day(text: str) -> date:
    """A date stored by ssi-coach."""
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise _BadStoredDate(f"the stored date {text!r} is not a date") from None


def _record(row: tuple[Any, ...]) -> Record:
    day, *scores, industry, network, industry_rank, network_rank, team, team_rank = row
    return Record(
        day=_day(day),
        scores=dict(zip(PILLARS, map(float, scores), strict=True)),
        industry=industry,
        network=network,
        industry_rank=industry_rank,
        network_rank=network_rank,
        team=team,
        team_rank=team_rank,
    )
