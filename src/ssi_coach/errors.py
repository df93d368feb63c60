"""The error types of the core. Only the CLI turns them into a message and an exit status."""


class SsiCoachError(Exception):
    """A problem the user can fix: bad input, a broken rulebook, an unusable file."""


class InputError(SsiCoachError):
    """A value typed on the command line (or set in the environment) is not acceptable.

    It carries what is wrong as data (`field`, a message key and its values) so that the
    CLI can say it in the user's language.
    """

    def __init__(self, field: str, problem: str, **details: object) -> None:
        super().__init__(f"{field}: {problem} {details}")
        self.field = field
        self.problem = problem
        self.details = details


class RulebookError(SsiCoachError):
    """A rulebook cannot be read or breaks the rules; `problems` lists every one found.

    Each problem is a full sentence that starts with the file and the place in it.
    """

    def __init__(self, problems: list[str]) -> None:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more)
        self.problems = problems
