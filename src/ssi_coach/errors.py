"""The error types. Every layer raises them; only `cli.py` turns them into a message (through
`output/messages.describe`) and an exit status."""

from typing import NamedTuple


class Place(NamedTuple):
    """Where in a file a problem is: `line` 4 of a CSV, `records` 3 or `ticks` 2 of a JSON."""

    kind: str
    number: int


class SsiCoachError(Exception):
    """A problem the user can fix: bad input, a broken rulebook, an unusable file."""

    exit_status = 2


class KeyedError(SsiCoachError):
    """A problem carried as data (`field`, a message key and its values) so that it can be
    said in the user's language on the way out."""

    def __init__(self, field: str, problem: str, **details: object) -> None:
        super().__init__(f"{field}: {problem} {details}")
        self.field = field
        self.problem = problem
        self.details = details


class InputError(KeyedError):
    """A value or a file given by the user is not acceptable."""


class NothingYet(InputError):
    """There is nothing to show yet (no scores saved): not a failure of the input, so the
    exit status is 1, as for grep finding nothing."""

    exit_status = 1


class CannotWrite(InputError):
    """A file cannot be written (a read-only directory, a full disk): not the input's fault,
    so the exit status is 1."""

    exit_status = 1


class RulebookError(SsiCoachError):
    """A rulebook cannot be read or breaks the rules; `problems` lists every one found.

    Each problem is a full sentence that starts with the file and the place in it.
    """

    def __init__(self, problems: list[str]) -> None:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more)
        self.problems = problems


class FileProblems(InputError):
    """A file with bad rows, all listed: `problems` holds, for each, where it is and what is
    wrong."""

    def __init__(
        self,
        path: str,
        problems: list[tuple[Place, InputError]],
        closing: InputError | None = None,
    ) -> None:
        super().__init__(path, "err.file_problems")
        self.problems = problems
        self.closing = closing  # a last line on the file as a whole
