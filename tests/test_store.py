"""The history database: what it keeps, and that it loses nothing and destroys nothing."""

import multiprocessing
import re
import sqlite3
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from ssi_coach.core.records import Record
from ssi_coach.core.saved_plan import SavedPlan, StoredItem
from ssi_coach.storage import store as store_module
from ssi_coach.storage.store import StoreError, database_path, open_store

DAY = date(2026, 11, 27)


def said(error: StoreError) -> str:
    """The error as the user reads it, in English."""
    from ssi_coach.output.messages import describe

    return describe(error, "en")


def record(day: date, brand: float = 18, industry: float | None = None) -> Record:
    scores = {"brand": brand, "people": 12.0, "insights": 15.0, "relationships": 20.0}
    return Record(day=day, scores=scores, industry=industry)


def test_a_record_is_kept_and_replaced_by_date(home: Path) -> None:
    with open_store() as store:
        assert store is not None
        store.save_record(record(DAY, 18, industry=32.5))
        store.save_record(record(DAY, 19))
        store.save_record(record(DAY - timedelta(days=3), 10))
        assert [(r.day, r.scores["brand"], r.industry) for r in store.records()] == [
            (DAY - timedelta(days=3), 10.0, None),
            (DAY, 19.0, None),
        ]
        assert store.record_on_or_before(DAY - timedelta(days=1)) == record(
            DAY - timedelta(days=3), 10
        )
        assert store.record_before(DAY - timedelta(days=3)) is None


def test_reading_commands_create_nothing(home: Path) -> None:
    with open_store(create=False) as store:
        assert store is None
    assert not home.exists()


def test_the_directory_and_file_are_private(home: Path) -> None:
    with open_store() as store:
        assert store is not None
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE(database_path().stat().st_mode) == 0o600


def test_the_schema_version_is_recorded(home: Path) -> None:
    with open_store():
        pass
    db = sqlite3.connect(database_path())
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(store_module.MIGRATIONS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_older_database_is_migrated_without_loss(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store() as store:
        assert store is not None
        store.save_record(record(DAY))

    def add_notes(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE records ADD COLUMN note TEXT")

    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, add_notes])
    with open_store() as store:
        assert store is not None
        assert store.records() == [record(DAY)]
        columns = [row[1] for row in store.db.execute("PRAGMA table_info(records)")]
        assert "note" in columns
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(store_module.MIGRATIONS)


def test_a_version_1_database_gains_the_rank_columns(home: Path) -> None:
    home.mkdir()
    db = sqlite3.connect(database_path())
    store_module.MIGRATIONS[0](db)
    db.execute("INSERT INTO records VALUES ('2026-11-20', 18, 12, 15, 20, 32, NULL)")
    db.execute(f"PRAGMA application_id = {store_module.APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with open_store() as store:
        assert store is not None
        assert store.records() == [record(date(2026, 11, 20), industry=32)]
        store.save_record(record(DAY)._replace(industry_rank=75))
        assert store.records()[1].industry_rank == 75


def test_a_corrupt_file_is_reported_and_left_untouched(home: Path) -> None:
    home.mkdir()
    garbage = b"this is not a database\n" * 100
    database_path().write_bytes(garbage)
    with pytest.raises(StoreError) as caught, open_store():
        pass
    assert re.search(r"unusable.*left untouched", said(caught.value))
    assert database_path().read_bytes() == garbage


def test_a_foreign_database_is_left_untouched(home: Path) -> None:
    home.mkdir()
    db = sqlite3.connect(database_path())
    db.execute("CREATE TABLE invoices (id INTEGER)")
    db.commit()
    db.close()
    before = database_path().read_bytes()
    with pytest.raises(StoreError) as caught, open_store():
        pass
    assert "not made by ssi-coach" in said(caught.value)
    assert database_path().read_bytes() == before


def test_a_newer_database_is_refused(home: Path) -> None:
    with open_store():
        pass
    db = sqlite3.connect(database_path())
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(StoreError) as caught, open_store():
        pass
    assert "newer ssi-coach (schema 99)" in said(caught.value)


def test_a_database_locked_too_long_is_an_error_and_nothing_half_done(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store():
        pass
    blocker = sqlite3.connect(database_path(), isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_SECONDS", 0.1)
    try:
        with pytest.raises(StoreError) as caught, open_store() as store:
            assert store is not None
            store.save_record(record(DAY))
        assert "stayed locked" in said(caught.value)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    with open_store() as store:
        assert store is not None
        assert store.records() == []


def test_ticks_are_kept_by_date_and_id(home: Path) -> None:
    items = [StoredItem(1, "a", "brand", 10), StoredItem(2, "b", "people", 10)]
    with open_store() as store:
        assert store is not None
        store.import_history([], [], {DAY: SavedPlan(items, 20, None, DAY)})
        store.set_ticks(DAY, ["a"], done=True)
        assert store.completed_pillars() == {DAY: {"brand": True, "people": False}}
        store.set_ticks(DAY, ["b"], done=True)
        store.import_history(
            [], [], {DAY: SavedPlan(items[::-1], 20, None, DAY)}
        )  # the same items again
        assert store.ticks(DAY) == {"a", "b"}
        assert store.completed_pillars() == {DAY: {"brand": True, "people": True}}
        store.set_ticks(DAY, ["a"], done=False)
        assert store.ticks(DAY) == {"b"}


def write_many(worker: int, home: str, count: int) -> None:
    import os

    os.environ["SSI_COACH_HOME"] = home
    for n in range(count):
        day = date(2000, 1, 1) + timedelta(days=worker * count + n)
        with open_store() as store:
            assert store is not None
            store.save_record(record(day, brand=n % 25))
            store.set_ticks(day, [f"item-{worker}-{n}"], done=True)


def test_two_processes_writing_at_once_lose_nothing(home: Path) -> None:
    count = 200
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=write_many, args=(worker, str(home), count)) for worker in (0, 1)
    ]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=120)
        assert process.exitcode == 0
    with open_store() as store:
        assert store is not None
        assert len(store.records()) == 2 * count
        assert len(store.all_ticks()) == 2 * count


def test_completed_days_agree_with_completed_pillars(home: Path) -> None:
    items = [StoredItem(1, "a", "brand", 10), StoredItem(2, "b", "people", 10)]
    with open_store() as store:
        assert store is not None
        for offset, ticked in enumerate([["a", "b"], ["a"], [], ["b", "a"]]):
            day = DAY + timedelta(days=offset)
            store.import_history([], [], {day: SavedPlan(items, 20, None, day)})
            store.set_ticks(day, ticked, done=True)
        expected = [DAY, DAY + timedelta(days=3)]
        assert store.completed_days() == expected
        completed = store.completed_pillars()
        assert (
            sorted(day for day, pillars in completed.items() if all(pillars.values())) == expected
        )


def test_the_planners_memory_knows_the_last_day_each_item_was_ticked_before_a_day(
    home: Path,
) -> None:
    """Each item's last tick before the day, as a GROUP BY over every tick tells it (the store
    looks each item up in the index instead), and one-offs done before ssi-coach."""
    ticks = {
        DAY - timedelta(days=n): [f"item-{(n * 7 + k) % 11}" for k in range(n % 4)]
        for n in range(60)
    }
    one_off = DAY - timedelta(days=90)
    with open_store() as store:
        assert store is not None
        for day, ids in ticks.items():
            store.set_ticks(day, ids, done=True)
        store.mark_done_before("one-off", one_off)
        for day in (DAY + timedelta(days=1), DAY - timedelta(days=20), DAY - timedelta(days=50)):
            expected: dict[str, date] = {}
            for ticked, ids in sorted(ticks.items()):
                expected.update((item_id, ticked) for item_id in ids if ticked < day)
            assert len(expected) >= (11 if day > DAY - timedelta(days=20) else 1)
            found = store.planner_memory(day, 28).last_done
            assert found == {**expected, "one-off": one_off}
