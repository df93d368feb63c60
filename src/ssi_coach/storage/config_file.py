"""The user's settings file, `config.toml`: where it is, and writing it whole.

What a valid setting is lives in `commands/settings.py`; this module only moves bytes.
The file is written to a temporary file then renamed, so a crash never leaves half of it.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Final

from ssi_coach.errors import CannotWrite, SsiCoachError
from ssi_coach.storage.files import CONFIG_LIMIT, exclusive_lock, read_user_file, write_atomically
from ssi_coach.storage.paths import config_dir

CONFIG_NAME: Final = "config.toml"


class ConfigError(SsiCoachError):
    """The config file cannot be read, written or holds a bad value."""


def config_path() -> Path:
    return config_dir() / CONFIG_NAME


def read_config_bytes() -> bytes | None:
    """The config file's bytes; None when there is none yet."""
    path = config_path()
    if not path.exists():
        return None
    return read_user_file(path, CONFIG_LIMIT)


def locked_config() -> AbstractContextManager[None]:
    """Held while a command reads, changes and writes the config: two at once would lose
    one of the changes."""
    return exclusive_lock(config_path().with_name(CONFIG_NAME + ".lock"))


def write_config(settings: dict[str, Any]) -> None:
    import tomli_w

    path = config_path()
    try:
        write_atomically(path, tomli_w.dumps(settings).encode("utf-8"))
    except OSError as error:
        raise CannotWrite(str(path), "err.cannot_write", reason=error) from None
