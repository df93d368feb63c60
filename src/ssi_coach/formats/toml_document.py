"""TOML documents written by people (the rulebook, the config): parsing them, and turning a
Pydantic validation error into sentences that name the file and the place in it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    Model = TypeVar("Model", bound=BaseModel)


class TomlProblem(Exception):
    """The bytes are not a TOML document; the message names the file and, from tomllib,
    the line and column."""


def parse_toml(content: bytes, source: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(content.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise TomlProblem(f"{source}: not UTF-8 text ({error.reason})") from None
    except tomllib.TOMLDecodeError as error:
        raise TomlProblem(f"{source}: invalid TOML: {error}") from None
    except RecursionError:
        raise TomlProblem(f"{source}: invalid TOML: nested too deeply") from None
    except ValueError as error:  # an integer too long to convert
        raise TomlProblem(f"{source}: invalid TOML: {str(error).split(':')[0]}") from None


def validated(content: bytes, source: str, model: type[Model]) -> Model:
    """The document in `content`, parsed and validated by `model`; RulebookError lists every
    problem, each naming the file and the place in it."""
    from pydantic import ValidationError

    from ssi_coach.errors import RulebookError

    try:
        raw = parse_toml(content, source)
    except TomlProblem as error:
        raise RulebookError([str(error)]) from None
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise RulebookError(validation_problems(error, raw, source)) from None


def validation_problems(error: ValidationError, raw: Any, source: str) -> list[str]:
    """One sentence per problem: `FILE: actions[4] (id 'x').minutes: what is wrong`."""
    return [
        f"{source}: {toml_place(problem['loc'], raw)}: {_message(problem)}"
        for problem in error.errors(include_url=False)
    ]


def toml_place(loc: tuple[int | str, ...], raw: Any) -> str:
    """A Pydantic location as a TOML path (`actions[4].minutes`), 1-based like a person
    counts, with the entry's id when it has one so the author finds it at once."""
    place = ""
    node = raw
    for part in loc:
        if isinstance(part, int):
            place += f"[{part + 1}]"
            if isinstance(node, list) and part < len(node):
                node = node[part]
                if isinstance(node, dict) and isinstance(node.get("id"), str):
                    place += f" (id '{node['id']}')"
            continue
        place += f".{part}" if place else part
        node = node.get(part) if isinstance(node, dict) else None
    return place or "(top level)"


def _message(problem: Any) -> str:
    if problem["type"] == "extra_forbidden":
        return "unknown key"
    if problem["type"] == "missing":
        return "required key is missing"
    return str(problem["msg"]).removeprefix("Value error, ")
