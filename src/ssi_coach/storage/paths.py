"""Where ssi-coach keeps its files: the platform's conventions (platformdirs), or
`SSI_COACH_HOME=DIR`, which moves everything (data, config, cache) into DIR. That keeps tests
hermetic and lets a user carry their history around."""

import os
from importlib import import_module
from pathlib import Path

APP_NAME = "ssi-coach"
DATABASE_NAME = "history.db"
# The shell prompt's status line, and the day the shell hook of `init` last greeted the user.
STATUS_NAME = "status"
STAMP_NAME = "shell-day"


def _home_override() -> Path | None:
    home = os.environ.get("SSI_COACH_HOME")
    return Path(home).expanduser() if home else None


def data_dir() -> Path:
    """The history database lives here."""
    override = _home_override()
    if override is not None:
        return override
    from platformdirs import user_data_path  # only when the platform decides: ~3 ms

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The config file lives here."""
    override = _home_override()
    if override is not None:
        return override
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """Files that can be rebuilt at any time (validated rulebooks and config) live here."""
    override = _home_override()
    if override is not None:
        return override / "cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def default_rulebook() -> Path:
    """The rulebook shipped with the package: `data/action_plans.toml` at the top of the
    repository, installed as the package `ssi_coach.data`."""
    data = import_module("ssi_coach.data")
    return Path(str(data.__file__)).parent / "action_plans.toml"
