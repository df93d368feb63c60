"""Every sentence ssi-coach prints, in English and French, and how the language is chosen.

Coaching content (bands, actions, diagnoses) lives in the rulebook instead; this module holds
the words of the interface itself.
"""

import os
from collections.abc import Mapping
from typing import Final

from ssi_coach.errors import InputError
from ssi_coach.pillars import LANGS, PILLARS, Lang, short_label

MESSAGES: Final[dict[Lang, dict[str, str]]] = {
    "en": {
        "total": "Your SSI: {total}/100 ({band})",
        "pillars": "Pillars (out of 25)",
        "weakest": "weakest",
        "benchmarks": "Benchmarks",
        "bench.target": "the target",
        "bench.industry": "your industry average",
        "bench.network": "your network average",
        "gap.behind": "{gap} points behind {what} of {value}",
        "gap.ahead": "{gap} points ahead of {what} of {value}",
        "gap.level": "level with {what} of {value}",
        "plan": "Today's plan, {date}: {minutes} minutes, focus on {pillar}",
        "plan.total": "Total: {minutes} minutes",
        "minutes": "{minutes} min",
        "why": "why:",
        "focus": "Why this focus: {pillar} is your weakest pillar ({score}/25). {diagnosis}",
        "rules.valid": "{path}: valid rulebook",
        "rules.summary": "{bands} bands, {actions} actions, focus share {share}%",
        "rules.pillar": "{pillar}: {count} actions",
        "rules.written": "Wrote {path}: edit it, then use it with --rules {path}",
        # Errors in what the user typed.
        "err.count": "expected 4 scores in LinkedIn's order ({order}), got {count}",
        "err.missing": "{field}: score missing (expected 4 scores: {order})",
        "err.empty": "{field}: empty value",
        "err.not_number": "{field}: '{value}' is not a number",
        "err.not_finite": "{field}: '{value}' is not a finite number",
        "err.not_whole": "{field}: '{value}' is not a whole number",
        "err.below": "{field}: {value} is below the minimum of {low}",
        "err.above": "{field}: {value} is above the maximum of {high}",
        "err.date": "{field}: '{value}' is not a date in the form YYYY-MM-DD",
        "err.lang": "{field}: '{value}' is not a supported language (en, fr)",
        "err.option": "unknown option {value} (see ssi-coach check --help)",
        "err.exists": "{field}: {value} already exists; choose another path or remove it first",
    },
    "fr": {
        "total": "Votre SSI : {total}/100 ({band})",
        "pillars": "Piliers (sur 25)",
        "weakest": "le plus faible",
        "benchmarks": "Repères",
        "bench.target": "l'objectif",
        "bench.industry": "la moyenne de votre secteur",
        "bench.network": "la moyenne de votre réseau",
        "gap.behind": "{gap} points de retard sur {what} ({value})",
        "gap.ahead": "{gap} points d'avance sur {what} ({value})",
        "gap.level": "à égalité avec {what} ({value})",
        "plan": "Plan du jour, {date} : {minutes} minutes, priorité : {pillar}",
        "plan.total": "Total : {minutes} minutes",
        "minutes": "{minutes} min",
        "why": "pourquoi :",
        "focus": (
            "Pourquoi cette priorité : {pillar} est votre pilier le plus faible ({score}/25). "
            "{diagnosis}"
        ),
        "rules.valid": "{path} : règles valides",
        "rules.summary": "{bands} niveaux, {actions} actions, part de la priorité {share} %",
        "rules.pillar": "{pillar} : {count} actions",
        "rules.written": "{path} écrit : modifiez-le, puis utilisez-le avec --rules {path}",
        "err.count": "4 notes attendues dans l'ordre de LinkedIn ({order}), {count} reçues",
        "err.missing": "{field} : note manquante (4 notes attendues : {order})",
        "err.empty": "{field} : valeur vide",
        "err.not_number": "{field} : « {value} » n'est pas un nombre",
        "err.not_finite": "{field} : « {value} » n'est pas un nombre fini",
        "err.not_whole": "{field} : « {value} » n'est pas un nombre entier",
        "err.below": "{field} : {value} est inférieur au minimum de {low}",
        "err.above": "{field} : {value} est supérieur au maximum de {high}",
        "err.date": "{field} : « {value} » n'est pas une date au format AAAA-MM-JJ",
        "err.lang": "{field} : « {value} » n'est pas une langue prise en charge (en, fr)",
        "err.option": "option inconnue {value} (voir ssi-coach check --help)",
        "err.exists": "{field} : {value} existe déjà ; choisissez un autre chemin ou supprimez-le",
    },
}


def t(lang: Lang, key: str, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in."""
    return MESSAGES[lang][key].format(**values)


def format_number(value: float, lang: Lang, decimals: int = 2) -> str:
    """`value` with fixed decimals and the language's decimal mark (12.50 / 12,50)."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if lang == "fr" else text


def format_benchmark_value(value: float, lang: Lang) -> str:
    """A benchmark as people say it: 75 rather than 75.00, but 32.5 kept as it is."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def describe(error: InputError, lang: Lang) -> str:
    """The one-line message for an input error, in `lang`."""
    field = error.field
    if field in PILLARS and lang != "en":  # the key a French user typed, with its name
        field = f"{short_label(field, lang)} ({field})"
    return t(lang, error.problem, field=field, **error.details)


def _as_lang(value: str, field: str) -> Lang:
    lowered = value.strip().lower()
    for lang in LANGS:
        if lowered == lang:
            return lang
    raise InputError(field, "err.lang", value=value)


def resolve_lang(option: str | None, environ: Mapping[str, str] = os.environ) -> Lang:
    """--lang, else SSI_COACH_LANG, else French for a French locale, else English."""
    if option is not None:
        return _as_lang(option, "--lang")
    chosen = environ.get("SSI_COACH_LANG", "")
    if chosen:
        return _as_lang(chosen, "SSI_COACH_LANG")
    # POSIX: the first of these that is set decides the language of messages.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale_name = environ.get(name, "")
        if locale_name:
            return "fr" if locale_name.lower().startswith("fr") else "en"
    return "en"
