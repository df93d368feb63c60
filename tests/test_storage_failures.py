"""An unlucky machine: processes at once, a read-only directory, a full disk, a foreign file,
a permissive umask. Nothing is lost, nothing is half-written, and errors say what happened.

These run ssi-coach as a real process. A read-only directory is made with `chattr +i` when
running as root (root writes through permissions), with `chmod` otherwise; a full disk is a
512 KiB tmpfs, which needs root.
"""

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(home: Path, *args: str, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ssi_coach", *args],
        env={**os.environ, "SSI_COACH_HOME": str(home)},
        capture_output=True,
        text=True,
        preexec_fn=None if umask is None else (lambda: os.umask(umask)),
    )


def start(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ssi_coach", *args],
        env={**os.environ, "SSI_COACH_HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_parallel_first_runs_all_land(tmp_path: Path) -> None:
    for trial in range(3):
        home = tmp_path / f"home{trial}"
        runs = [
            start(home, "check", "1", "2", "3", "4", "--date", f"2026-11-{n + 1:02d}")
            for n in range(16)
        ]
        errors = [process.communicate()[1] for process in runs]
        assert [process.returncode for process in runs] == [0] * 16, errors
        backup = json.loads(run(home, "history", "--json").stdout)
        assert len(backup["records"]) == 16


def test_parallel_config_set_loses_no_key(tmp_path: Path) -> None:
    settings = {"target": "70", "industry": "32", "network": "35", "minutes": "30"}
    for trial in range(5):
        home = tmp_path / f"home{trial}"
        runs = [start(home, "config", "set", key, value) for key, value in settings.items()]
        assert [process.wait() for process in runs] == [0] * 4
        saved = json.loads(run(home, "config", "show", "--json").stdout)
        assert sorted(saved) == sorted(settings)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda db: db.execute("CREATE TABLE notes (text TEXT)"), id="foreign"),
        pytest.param(
            lambda db: (
                db.execute("CREATE TABLE records (date TEXT)"),
                db.execute("PRAGMA application_id = 1397968195"),
                db.execute("PRAGMA user_version = 99"),
            ),
            id="newer",
        ),
    ],
)
def test_a_file_that_is_not_ours_is_left_byte_identical(tmp_path: Path, make: object) -> None:
    home = tmp_path / "home"
    home.mkdir()
    path = home / "history.db"
    db = sqlite3.connect(path)
    make(db)  # type: ignore[operator]
    db.commit()
    db.close()
    before = path.read_bytes()
    for args in (("check", "1", "2", "3", "4"), ("today",), ("history",)):
        result = run(home, *args)
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1 and "left untouched" in result.stderr
    assert path.read_bytes() == before
    assert [p.name for p in home.iterdir() if p.name.startswith("history.db")] == ["history.db"]


@contextmanager
def read_only(directory: Path) -> Iterator[None]:
    files = [directory, *directory.iterdir()]
    if AS_ROOT:
        if shutil.which("chattr") is None:
            pytest.skip("no chattr to make a directory read-only for root")
        subprocess.run(["chattr", "+i", *map(str, files)], check=True)
    else:
        for path in files:
            path.chmod(stat.S_IRUSR | stat.S_IXUSR if path.is_dir() else stat.S_IRUSR)
    try:
        yield
    finally:
        if AS_ROOT:
            subprocess.run(["chattr", "-i", *map(str, files)], check=True)
        else:
            for path in files:
                path.chmod(0o700 if path.is_dir() else 0o600)


def test_a_read_only_directory_is_read_and_said_plainly(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "check", "18", "12", "15", "20", "--date", "2026-11-20").returncode == 0
    assert run(home, "done", "1", "--date", "2026-11-20").returncode == 0
    with read_only(home):
        today = run(home, "today", "--date", "2026-11-20", "--json")
        assert today.returncode == 0, today.stderr
        assert json.loads(today.stdout)["items"][0]["done"] is True
        assert run(home, "today", "--date", "2026-11-23").returncode == 0  # shown, not saved
        assert run(home, "history").returncode == 0
        assert json.loads(run(home, "history", "--json").stdout)["records"]
        result = run(home, "check", "1", "2", "3", "4", "--date", "2026-11-21")
        assert result.returncode == 1
        assert result.stderr.startswith(f"ssi-coach: {home}: cannot write there")
        assert "move it away" not in result.stderr
        assert run(home, "config", "set", "minutes", "30").returncode == 1
    assert run(home, "today", "--date", "2026-11-21").returncode == 0  # still intact


@pytest.mark.skipif(not AS_ROOT, reason="mounting a tiny tmpfs needs root")
def test_a_full_disk_is_said_plainly(tmp_path: Path) -> None:
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)]).returncode:
        pytest.skip("tmpfs cannot be mounted here")
    try:
        home = mount / "home"
        assert run(home, "check", "18", "12", "15", "20", "--date", "2026-11-20").returncode == 0
        with open(mount / "filler", "wb") as filler, pytest.raises(OSError):
            filler.write(b"\0" * 1024 * 1024)
            filler.flush()
        result = run(home, "check", "1", "2", "3", "4", "--date", "2026-11-21")
        assert (result.returncode, result.stderr) == (
            1,
            f"ssi-coach: {home}: no space left on the device; nothing was saved\n",
        )
        assert run(home, "today", "--date", "2026-11-20").returncode == 0
        history = json.loads(run(home, "history", "--json").stdout)
        assert [r["date"] for r in history["records"]] == ["2026-11-20"]
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_every_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    home = tmp_path / "deep" / "home"
    assert run(home, "check", "1", "2", "3", "4", umask=0).returncode == 0
    assert run(home, "config", "set", "minutes", "30", umask=0).returncode == 0
    for path in [home, *home.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
