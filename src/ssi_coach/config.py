"""The user's settings file (`config.toml`) and how settings are chosen.

A command-line option beats the config, which beats the built-in default. The file is TOML,
validated with Pydantic when it changes and read from the cache otherwise; it is written with
tomli-w to a temporary file then renamed, so a crash never leaves half a file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final, NamedTuple

from ssi_coach import inputs
from ssi_coach.cache import cached_document
from ssi_coach.errors import InputError, SsiCoachError
from ssi_coach.messages import resolve_lang
from ssi_coach.paths import config_dir, write_atomically
from ssi_coach.pillars import Lang
from ssi_coach.scoring import DEFAULT_TARGET

KEYS: Final = ("target", "industry", "network", "minutes", "lang", "rules")
DEFAULT_MINUTES: Final = 20
CONFIG_NAME: Final = "config.toml"


class ConfigError(SsiCoachError):
    """The config file cannot be read or holds a bad value."""


def config_path() -> Path:
    return config_dir() / CONFIG_NAME


def load_config() -> dict[str, Any]:
    """The settings saved in the config file (only the keys that are set)."""
    path = config_path()
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the config: {error.strerror}") from None
    return cached_document("config", content, lambda data: _validate(data, path))


def _validate(content: bytes, path: Path) -> dict[str, Any]:
    import tomllib

    from pydantic import ValidationError

    from ssi_coach.config_schema import ConfigFile

    try:
        raw = tomllib.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    try:
        config = ConfigFile.model_validate(raw)
    except ValidationError as error:
        problem = error.errors(include_url=False)[0]
        key = ".".join(str(part) for part in problem["loc"])
        message = "unknown key" if problem["type"] == "extra_forbidden" else problem["msg"]
        raise ConfigError(
            f"{path}: {key}: {message} (fix it with: ssi-coach config set {key} VALUE, "
            f"or ssi-coach config unset {key})"
        ) from None
    return config.model_dump(mode="json", exclude_none=True)


def parse_value(key: str, text: str) -> float | int | str:
    """A config value typed by the user, checked like the option of the same name."""
    option = f"--{key}"
    if key in ("target", "industry", "network"):
        return inputs.parse_benchmark(text, option)
    if key == "minutes":
        return inputs.parse_budget(text, option)
    if key == "lang":
        return resolve_lang(text)  # checks it is en or fr, naming --lang
    if key == "rules":
        from ssi_coach.rulebook import load_rulebook

        path = Path(text).expanduser().resolve()
        load_rulebook(path)  # refuse a rulebook that would break every later command
        return str(path)
    raise InputError("config", "err.config_key", value=key, keys=", ".join(KEYS))


def set_value(key: str, text: str) -> dict[str, Any]:
    config = load_config()
    config[key] = parse_value(key, text)
    _save(config)
    return config


def unset_value(key: str) -> dict[str, Any]:
    if key not in KEYS:
        raise InputError("config", "err.config_key", value=key, keys=", ".join(KEYS))
    config = load_config()
    config.pop(key, None)
    _save(config)
    return config


def _save(config: dict[str, Any]) -> None:
    import tomli_w

    path = config_path()
    ordered: dict[str, Any] = {key: config[key] for key in KEYS if key in config}
    try:
        write_atomically(path, tomli_w.dumps(ordered).encode("utf-8"), private=True)
    except OSError as error:
        raise ConfigError(f"{path}: cannot save the config: {error.strerror}") from None


class Settings(NamedTuple):
    """The settings in force for one command, options and config already merged."""

    lang: Lang
    target: float = DEFAULT_TARGET
    industry: float | None = None
    network: float | None = None
    minutes: int = DEFAULT_MINUTES
    rules: Path | None = None


def resolve_settings(
    *,
    lang: str | None = None,
    target: str | None = None,
    industry: str | None = None,
    network: str | None = None,
    minutes: str | None = None,
    rules: Path | None = None,
) -> Settings:
    """Options typed on the command line (raw text, None when absent) merged over the config."""
    saved = load_config()
    return Settings(
        lang=resolve_lang(lang, os.environ, saved.get("lang")),
        target=inputs.parse_benchmark(target, "--target")
        if target is not None
        else saved.get("target", DEFAULT_TARGET),
        industry=inputs.parse_benchmark(industry, "--industry")
        if industry is not None
        else saved.get("industry"),
        network=inputs.parse_benchmark(network, "--network")
        if network is not None
        else saved.get("network"),
        minutes=inputs.parse_budget(minutes)
        if minutes is not None
        else saved.get("minutes", DEFAULT_MINUTES),
        rules=rules if rules is not None else _saved_path(saved.get("rules")),
    )


def _saved_path(value: str | None) -> Path | None:
    return None if value is None else Path(value)
