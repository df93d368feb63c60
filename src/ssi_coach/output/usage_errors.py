"""Click's usage errors (unknown command or option, missing argument...) as sentences of the
catalog, in the user's language.

Click words them in English only; this reads each error's type and attributes, and for the
plain `UsageError`s (which carry nothing but their English message) the message Click makes.
Imported only when a command line is wrong.
"""

import re
from collections.abc import Callable

from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoSuchOption,
)

from ssi_coach.core.pillars import Lang
from ssi_coach.output.messages import localized

_NO_COMMAND = re.compile(r"No such command '(?P<name>.*?)'\.(?: Did you mean (?P<names>.*)\?)?$")
_EXTRA = re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)$")
_NEEDS_VALUE = re.compile(r"Option '(?P<option>.*)' requires an? ")
_DIRECTORY = re.compile(r"\w+ '(?P<path>.*)' is a directory\.$")
_NO_VALUE = re.compile(r"Option '(?P<option>.*)' does not take a value\.$")


def describe_usage(error: ClickException, lang: Lang) -> str:
    """The one line said for a wrong command line."""
    for kind, describe in _BY_TYPE:
        if isinstance(error, kind):
            return describe(error, lang)
    return _describe_message(error, lang)


def _hint(error: BadParameter, lang: Lang) -> str:
    """The parameter as Click names it ('FILE', '--rules'), without its quotes in French."""
    if error.param_hint is not None:
        hints = [error.param_hint] if isinstance(error.param_hint, str) else error.param_hint
        hint = " / ".join(f"'{h}'" for h in hints)
    elif error.param is not None and error.ctx is not None:
        hint = error.param.get_error_hint(error.ctx)
    else:
        hint = ""
    if lang == "en":
        return hint
    from ssi_coach.output.help_fr import metavar

    return " / ".join(metavar(part) for part in hint.replace("'", "").split(" / "))


def _quoted(names: str, lang: Lang) -> str:
    """Click's 'check', 'config' as « check », « config » in French."""
    return names if lang == "en" else re.sub(r"'([^']*)'", r"« \1 »", names)


def _missing(error: ClickException, lang: Lang) -> str:
    assert isinstance(error, MissingParameter)
    kind = error.param_type or (error.param.param_type_name if error.param else "argument")
    key = "usage.missing_option" if kind == "option" else "usage.missing_argument"
    return localized(lang, key, hint=_hint(error, lang))


def _invalid(error: ClickException, lang: Lang) -> str:
    assert isinstance(error, BadParameter)
    detail = error.message
    if lang != "en":
        directory = _DIRECTORY.match(detail)
        detail = (
            localized(lang, "usage.directory", path=directory["path"])
            if directory
            else localized(lang, "usage.refused")
        )
    return localized(lang, "usage.invalid", hint=_hint(error, lang), detail=detail)


def _no_option(error: ClickException, lang: Lang) -> str:
    assert isinstance(error, NoSuchOption)
    said = localized(lang, "usage.no_option", option=error.option_name)
    if error.possibilities:
        options = ", ".join(sorted(error.possibilities))
        said += " " + localized(lang, "usage.possible", options=options)
    return said


def _option_usage(error: ClickException, lang: Lang) -> str:
    for pattern, key in ((_NEEDS_VALUE, "usage.needs_value"), (_NO_VALUE, "usage.no_value")):
        if pattern.match(error.message):
            assert isinstance(error, BadOptionUsage)
            return localized(lang, key, option=error.option_name)
    return _describe_message(error, lang)


def _describe_message(error: ClickException, lang: Lang) -> str:
    found = _NO_COMMAND.match(error.message)
    if found:
        if found["names"]:
            names = _quoted(found["names"], lang)
            return localized(lang, "usage.no_command_guess", name=found["name"], names=names)
        return localized(lang, "usage.no_command", name=found["name"])
    found = _EXTRA.match(error.message)
    if found:
        extra = found["args"]
        key = "usage.extra.many" if " " in extra else "usage.extra.one"
        return localized(lang, key, args=extra)
    if lang == "en":
        return error.format_message()
    ctx = getattr(error, "ctx", None)
    return localized(lang, "usage.other", command=ctx.command_path if ctx else "ssi-coach")


_BY_TYPE: tuple[tuple[type[ClickException], Callable[[ClickException, Lang], str]], ...] = (
    (MissingParameter, _missing),  # before BadParameter, of which it is a kind
    (BadParameter, _invalid),
    (NoSuchOption, _no_option),
    (BadOptionUsage, _option_usage),
)
