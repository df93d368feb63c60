"""Where ssi-coach keeps its files, by the platform's conventions, and how it writes them.

`SSI_COACH_HOME=DIR` moves everything (data, config, cache) into DIR, which keeps tests
hermetic and lets a user carry their history around.
"""

import os
import sys
from pathlib import Path

APP_NAME = "ssi-coach"


def _home_override() -> Path | None:
    home = os.environ.get("SSI_COACH_HOME")
    return Path(home).expanduser() if home else None


def data_dir() -> Path:
    """The history database lives here."""
    override = _home_override()
    if override is not None:
        return override
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData/Local")) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library/Application Support" / APP_NAME
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local/share") / APP_NAME


def config_dir() -> Path:
    """The config file lives here."""
    override = _home_override()
    if override is not None:
        return override
    if sys.platform in ("win32", "darwin"):
        return data_dir()
    xdg = os.environ.get("XDG_CONFIG_HOME")
    return (Path(xdg) if xdg else Path.home() / ".config") / APP_NAME


def cache_dir() -> Path:
    """Files that can be rebuilt at any time (the validated rulebook) live here."""
    override = _home_override()
    if override is not None:
        return override / "cache"
    if sys.platform == "win32":
        return data_dir() / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library/Caches" / APP_NAME
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / APP_NAME


def default_rulebook() -> Path:
    """The rulebook shipped inside the package."""
    return Path(__file__).parent / "data" / "action_plans.toml"


def write_atomically(path: Path, content: bytes, private: bool = False) -> None:
    """Writes `content` to a temporary file beside `path`, then renames it over `path`: a
    crash leaves the old file or the new one, never half of one. Raises OSError."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700 if private else 0o777)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
