"""The settings in force for a command, and the `config` command's jobs.

A command-line option beats the config, which beats the built-in default (for the language:
--lang, then SSI_COACH_LANG, then the config, then the locale). `parse_setting` is the one
place that knows what a valid setting is: `config set`, the config file and the options all
go through it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final, NamedTuple

from ssi_coach.commands.language import as_lang, resolve_lang
from ssi_coach.core import values
from ssi_coach.core.budget import DEFAULT_BUDGET
from ssi_coach.core.pillars import Lang
from ssi_coach.core.scoring import DEFAULT_TARGET
from ssi_coach.core.trends import DEFAULT_REST_DAYS, WEEKDAYS
from ssi_coach.errors import InputError
from ssi_coach.storage.cache import cached_document
from ssi_coach.storage.config_file import (
    ConfigError,
    config_path,
    locked_config,
    read_config_bytes,
    write_config,
)

KEYS: Final = (
    "target",
    "industry",
    "network",
    "minutes",
    "lang",
    "rules",
    "sales_navigator",
    "rest_days",
)
_YES: Final = ("true", "yes", "on", "1")
_NO: Final = ("false", "no", "off", "0")


class Settings(NamedTuple):
    """The settings in force for one command, options and config already merged."""

    lang: Lang
    target: float = DEFAULT_TARGET
    industry: float | None = None
    network: float | None = None
    minutes: int = DEFAULT_BUDGET
    rules: Path | None = None
    sales_navigator: bool = False
    rest_days: tuple[str, ...] = DEFAULT_REST_DAYS
    warnings: tuple[InputError, ...] = ()  # bad keys of the config file, left out

    @property
    def tools(self) -> frozenset[str]:
        """The tools the user has, as actions name them (`needs`)."""
        return frozenset({"sales_navigator"} if self.sales_navigator else ())


def parse_setting(
    key: str, text: str, field: str | None = None
) -> float | int | str | bool | list[str]:
    """A setting typed by the user (or read from the config file), checked like the option
    of the same name; `field` names it in errors (the option, by default)."""
    field = field or f"--{key}"
    if key in ("target", "industry", "network"):
        return values.parse_benchmark(text, field)
    if key == "minutes":
        return values.parse_budget(text, field)
    if key == "lang":
        return as_lang(text, field)
    if key == "sales_navigator":
        return _parse_yes_no(text, field)
    if key == "rest_days":
        return _parse_weekdays(text, field)
    if key == "rules":
        from ssi_coach.formats.rulebook_file import load_rulebook

        path = Path(text).expanduser().resolve()
        load_rulebook(path)  # refuse a rulebook that would break every later command
        return str(path)
    raise InputError("config", "err.config_key", value=key, keys=", ".join(KEYS))


def _parse_yes_no(text: str, field: str) -> bool:
    word = text.strip().lower()
    if word in _YES or word in _NO:
        return word in _YES
    raise InputError(field, "err.yes_no", value=text)


def _parse_weekdays(text: str, field: str) -> list[str]:
    """Weekdays as `fri,sat` (any of mon ... sun), or `none`."""
    words = [word.strip().lower() for word in text.replace(" ", ",").split(",") if word.strip()]
    if words == ["none"]:
        return []
    unknown = [word for word in words if word not in WEEKDAYS]
    if unknown or not words:
        raise InputError(field, "err.weekdays", value=text, days=",".join(WEEKDAYS))
    return [day for day in WEEKDAYS if day in words]  # in the week's order, once each


def shown_setting(value: object) -> str:
    """A saved setting as the user would type it: 32 rather than 32.0, `sat,sun`, `true`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(value) or "none"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def load_config() -> dict[str, Any]:
    """The valid settings saved in the config file (only the keys that are set)."""
    return load_config_with_problems()[0]


def load_config_with_problems() -> tuple[dict[str, Any], list[InputError]]:
    """The valid settings of the config file, and a problem for each key that is not one:
    a bad key is left out (its default applies) rather than stopping every command."""
    content = read_config_bytes()
    if content is None:
        return {}, []
    checked = cached_document("config", content, _check_config)
    problems = [
        InputError(
            str(config_path()),
            "err.config_file",
            key=p["key"],
            reason=InputError(p["field"], p["problem"], **p["details"]),
        )
        for p in checked["problems"]
    ]
    return checked["settings"], problems


def _check_config(content: bytes) -> dict[str, Any]:
    """Plain data for the cache: the valid settings, and each bad key with what is wrong."""
    settings: dict[str, Any] = {}
    problems = []
    for key, value in _raw_config(content).items():
        try:
            settings[key] = _setting_from_file(key, value)
        except InputError as error:
            details = {name: str(detail) for name, detail in error.details.items()}
            problems.append(
                {"key": key, "field": error.field, "problem": error.problem, "details": details}
            )
    return {"settings": settings, "problems": problems}


def _raw_config(content: bytes) -> dict[str, Any]:
    from ssi_coach.formats.toml_document import TomlProblem, parse_toml

    try:
        return parse_toml(content, str(config_path()))
    except TomlProblem as error:
        raise ConfigError(f"{error} (fix the file, or remove it)") from None


def _setting_from_file(key: str, value: object) -> float | int | str | bool | list[str]:
    """A value of the config file, checked as the same text typed would be."""
    text = value if isinstance(value, str) else None
    texts = isinstance(value, list) and all(isinstance(v, str) for v in value)
    if isinstance(value, bool) or texts:
        text = shown_setting(value)
    elif isinstance(value, int | float):
        text = repr(value)
    if text is None:
        raise InputError(key, "err.not_setting")
    return parse_setting(key, text, field=key)


def config_location() -> Path:
    """Where the config file is (it may not exist yet)."""
    return config_path()


def set_setting(key: str, text: str) -> dict[str, Any]:
    """Saves one setting; the rest of the file is kept as it is (so a bad value elsewhere
    can be repaired key by key). Parallel calls are serialised by a lock."""
    value = parse_setting(key, text, field=key)
    with locked_config():
        config = _raw_file()
        config[key] = value
        _save(config)
    return config


def unset_setting(key: str) -> dict[str, Any]:
    """Forgets one setting, even an unknown key the file holds (to repair it)."""
    with locked_config():
        config = _raw_file()
        if key not in KEYS and key not in config:
            raise InputError("config", "err.config_key", value=key, keys=", ".join(KEYS))
        config.pop(key, None)
        _save(config)
    return config


def _raw_file() -> dict[str, Any]:
    content = read_config_bytes()
    return {} if content is None else _raw_config(content)


def _save(config: dict[str, Any]) -> None:
    ordered = sorted(config, key=lambda k: KEYS.index(k) if k in KEYS else len(KEYS))
    write_config({key: config[key] for key in ordered})


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
    saved, problems = load_config_with_problems()

    def chosen(key: str, text: str | None, default: Any) -> Any:
        if text is not None:
            return parse_setting(key, text)
        return saved.get(key, default)

    saved_rules = saved.get("rules")
    return Settings(
        lang=resolve_lang(lang, os.environ, saved.get("lang")),
        target=chosen("target", target, DEFAULT_TARGET),
        industry=chosen("industry", industry, None),
        network=chosen("network", network, None),
        minutes=chosen("minutes", minutes, DEFAULT_BUDGET),
        rules=rules if rules is not None else (None if saved_rules is None else Path(saved_rules)),
        sales_navigator=saved.get("sales_navigator", False),
        rest_days=tuple(saved.get("rest_days", DEFAULT_REST_DAYS)),
        warnings=tuple(problems),
    )
