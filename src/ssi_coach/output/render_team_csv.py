"""The team table as a spreadsheet gets it (`team --csv`): its header in the user's language,
and each rep's cells as values, every rep in the report's order. Writing them as CSV is
`formats/spreadsheet.py`'s job.

The columns are those of the screen's table, listed once in COLUMNS: a new column is one
line there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Final, NamedTuple

from ssi_coach.core.pillars import PILLARS, Lang, short_label
from ssi_coach.output.messages import localized

if TYPE_CHECKING:
    from ssi_coach.core.team_report import Rep, TeamReport

Cell = str | float | date | None  # a text, a number, a day or nothing


def _always(report: TeamReport) -> bool:
    return True


class Column(NamedTuple):
    header: Callable[[Lang], str]
    cell: Callable[[Rep, TeamReport, Lang], Cell]
    shown: Callable[[TeamReport], bool] = _always  # team and date: when the file has them


def _said(key: str) -> Callable[[Lang], str]:
    return lambda lang: localized(lang, key)


def _pillar(index: int) -> Column:
    pillar = PILLARS[index]
    # The pillar's short name, which `ssi-coach team` reads back as the pillar's column.
    return Column(
        lambda lang: short_label(pillar, lang),
        lambda rep, report, lang: rep.pillar_scores[index],
    )


def _has_teams(report: TeamReport) -> bool:
    return bool(report.teams)


def _is_dated(report: TeamReport) -> bool:
    return any(rep.day is not None for rep in report.reps)


def _rank(rep: Rep, report: TeamReport, lang: Lang) -> int | None:
    return None if rep.stale else report.rank(rep)  # a stale rep is left out of the ranks


def _stale(rep: Rep, report: TeamReport, lang: Lang) -> str | None:
    """The column's own name in a stale rep's row (a filter in the spreadsheet finds them),
    nothing in the others."""
    return localized(lang, "team.stale_column") if rep.stale else None


COLUMNS: Final[tuple[Column, ...]] = (
    Column(_said("team.rank"), _rank),
    Column(_said("team.name"), lambda rep, report, lang: rep.name),
    Column(_said("team.team"), lambda rep, report, lang: rep.team, _has_teams),
    Column(_said("history.total"), lambda rep, report, lang: rep.total),
    *(_pillar(index) for index in range(len(PILLARS))),
    Column(_said("team.weakest"), lambda rep, report, lang: short_label(rep.weakest, lang)),
    Column(_said("history.change"), lambda rep, report, lang: rep.change),
    Column(_said("history.date"), lambda rep, report, lang: rep.day, _is_dated),  # last update
    Column(_said("team.stale_column"), _stale, _is_dated),
)


def team_table(report: TeamReport, lang: Lang) -> tuple[list[str], Iterator[list[Cell]]]:
    """The header and the rows of every rep (not the screen's top and bottom of a long
    list), in the report's order."""
    columns = [column for column in COLUMNS if column.shown(report)]

    def rows() -> Iterator[list[Cell]]:
        for rep in report.reps:
            yield [column.cell(rep, report, lang) for column in columns]

    return [column.header(lang) for column in columns], rows()
