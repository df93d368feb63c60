"""`check` and `paste`: assess the day's scores, plan the day, save both, say what changed."""

from __future__ import annotations

from datetime import date

from ssi_coach.commands.settings import Settings
from ssi_coach.core.check_report import CheckReport, build_check_report
from ssi_coach.core.records import Record, change_between
from ssi_coach.formats.rulebook_file import load_rulebook
from ssi_coach.storage.files import read_input
from ssi_coach.storage.store import open_store


def check_scores(
    scores: dict[str, float],
    settings: Settings,
    day: date,
    ranks: dict[str, int],
    *,
    save: bool,
) -> CheckReport:
    """The report on `scores`, with the change since the previous record; with `save`, the
    record and its plan become the day's, in one transaction."""
    report = build_check_report(
        scores,
        target=settings.target,
        industry=settings.industry,
        network=settings.network,
        budget=settings.minutes,
        day=day,
        rulebook=load_rulebook(settings.rules),
        ranks=ranks,
    )
    record = Record(
        day,
        scores,
        settings.industry,
        settings.network,
        industry_rank=ranks.get("industry"),
        network_rank=ranks.get("network"),
    )
    with open_store(create=save) as store:
        previous = None if store is None else store.record_before(day)
        if store is not None and save:
            store.save_record(record, report.plan)
    if previous is None:
        return report
    return report._replace(change=change_between(previous, record))


def paste_scores(source: str, settings: Settings, day: date, *, save: bool) -> CheckReport:
    """`check_scores` on what LinkedIn showed, read from `source` (a file, or `-`: stdin).
    What the page shows beats the saved settings; the settings fill what it lacks."""
    from ssi_coach.formats.paste import read_pasted

    pasted = read_pasted(read_input(source))
    settings = settings._replace(
        industry=pasted.industry if pasted.industry is not None else settings.industry,
        network=pasted.network if pasted.network is not None else settings.network,
    )
    return check_scores(pasted.scores, settings, day, pasted.ranks, save=save)
