"""`team`: the sales manager's view of a team's CSV."""

from __future__ import annotations

from ssi_coach.commands.settings import Settings
from ssi_coach.core.team_report import SORT_KEYS, TeamReport, build_team_report
from ssi_coach.errors import InputError
from ssi_coach.formats.rulebook_file import load_rulebook
from ssi_coach.formats.team_file import read_team
from ssi_coach.storage.files import limited_lines, open_input_text


def team(source: str, settings: Settings, sort: str) -> TeamReport:
    """The report on the team in `source` (a file, or `-`: stdin); rows that could not be
    used are in the report's `rejected`."""
    if sort not in SORT_KEYS:
        raise InputError("--sort", "err.sort", value=sort, keys="|".join(SORT_KEYS))
    name = "stdin" if source == "-" else source
    rulebook = load_rulebook(settings.rules)
    try:
        with open_input_text(source) as stream:
            reps, rejected = read_team(limited_lines(stream, name), name)
    except OSError as error:  # a read that fails half-way
        raise InputError(name, "err.cannot_read", reason=error) from None
    return build_team_report(
        reps,
        rejected,
        sort=sort,
        target=settings.target,
        industry=settings.industry,
        rulebook=rulebook,
    )
