"""Which language a command speaks: --lang, else SSI_COACH_LANG, else the config, else the
locale. Apart from the settings so that `status` can decide it without loading them."""

from __future__ import annotations

import os
from collections.abc import Mapping

from ssi_coach.core.pillars import LANGS, Lang
from ssi_coach.errors import InputError


def resolve_lang(
    option: str | None,
    environ: Mapping[str, str] = os.environ,
    configured: str | None = None,
) -> Lang:
    """--lang, else SSI_COACH_LANG, else the config's `lang`, else French for a French
    locale, else English."""
    if option is not None:
        return as_lang(option, "--lang")
    chosen = environ.get("SSI_COACH_LANG", "")
    if chosen:
        return as_lang(chosen, "SSI_COACH_LANG")
    if configured:
        return as_lang(configured, "lang")
    # POSIX: the first of these that is set decides the language of messages.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale_name = environ.get(name, "")
        if locale_name:
            return "fr" if locale_name.lower().startswith("fr") else "en"
    return "en"


def as_lang(value: str, field: str) -> Lang:
    lowered = value.strip().lower()
    for lang in LANGS:
        if lowered == lang:
            return lang
    raise InputError(field, "err.lang", value=value)
