"""`team`: the sales manager's view of a team's CSV."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from ssi_coach.commands.settings import Settings
from ssi_coach.core.team_report import SORT_KEYS, TeamReport, TeamWarning, build_team_report
from ssi_coach.errors import InputError
from ssi_coach.formats.rulebook_file import load_rulebook
from ssi_coach.formats.team_file import read_team
from ssi_coach.storage.files import FALLBACK_ENCODING, read_lines


def team(source: str, settings: Settings, sort: str) -> TeamReport:
    """The report on the team in `source` (a file, or `-`: stdin); rows that could not be
    used are in the report's `rejected`, what the reader did about the others (an encoding,
    repeated rows) in its `warnings`."""
    if sort not in SORT_KEYS:
        raise InputError("--sort", "err.sort", value=sort, keys="|".join(SORT_KEYS))
    name = "stdin" if source == "-" else source
    rulebook = load_rulebook(settings.rules)
    with _never_scanned():
        read, encoding = read_lines(source, lambda lines: read_team(lines, name))
        if encoding == FALLBACK_ENCODING:
            read = read._replace(warnings=[TeamWarning("encoding"), *read.warnings])
        return build_team_report(
            read,
            sort=sort,
            target=settings.target,
            industry=settings.industry,
            rulebook=rulebook,
        )


@contextmanager
def _never_scanned() -> Iterator[None]:
    """A sales force is hundreds of thousands of small containers (rows, reps, the report)
    and no reference cycle: the cyclic collector would only scan them again and again, up
    to half the time of `team`. It is off while they are made, and what they are is frozen
    after (`gc.freeze`: never scanned again, while the report is rendered); the collector
    then runs as usual on what rendering makes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
