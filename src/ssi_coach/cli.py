"""The command line: parse the arguments, call the core, render the result.

Nothing here computes a score or chooses an action. Core modules are imported inside the
commands, so that `--help`, completion and each command load only what they use.
"""

# No `from __future__ import annotations` here: Typer reads the commands' annotations at
# start-up, and string annotations would each cost an eval.
import copy
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

# Typer 0.28 ships its own copy of Click; these are the errors it raises for bad usage.
from typer._click.exceptions import ClickException

from ssi_coach import __version__

if TYPE_CHECKING:
    from datetime import date

    from ssi_coach.checklist import Checklist
    from ssi_coach.config import Settings
    from ssi_coach.errors import SsiCoachError
    from ssi_coach.pillars import Lang
    from ssi_coach.rulebook import Rulebook
    from ssi_coach.store import Store


def _examples(*lines: str) -> str:
    return "Examples:\n\n" + "\n\n".join(f"  {line}" for line in lines)


class _Group(typer.core.TyperGroup):
    """Turns every failure into one line on stderr and an exit status, never a traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            status = super().main(*args, **kwargs)
        except ClickException as error:  # bad usage: unknown option, missing value...
            message = error.format_message()
            if not message.strip():  # `ssi-coach rules` alone: its help was just shown
                sys.exit(error.exit_code)
            _fail(message, error.exit_code)
        except typer.Abort:
            _fail("aborted", 1)
        except BrokenPipeError:  # `ssi-coach ... | head` closed the pipe: not an error
            sys.stderr.close()
            sys.exit(0)
        sys.exit(status if isinstance(status, int) else 0)


app = typer.Typer(
    cls=_Group,
    help="Raise your LinkedIn Social Selling Index (SSI), 20 minutes a day.",
    epilog="Start with: ssi-coach check BRAND PEOPLE INSIGHTS RELATIONSHIPS",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
rules_app = typer.Typer(
    help="Check a rulebook, or copy the default one to edit.", no_args_is_help=True
)
app.add_typer(rules_app, name="rules")
config_app = typer.Typer(
    help="Show or change your saved settings (config.toml).", no_args_is_help=True
)
app.add_typer(config_app, name="config")


def _fail(message: str, status: int = 2) -> NoReturn:
    sys.stdout.flush()
    for line in message.splitlines():  # an import lists each bad row on a line of its own
        print(f"ssi-coach: {line}", file=sys.stderr)
    sys.exit(status)


def _report_error(error: "SsiCoachError", lang: "Lang") -> NoReturn:
    from ssi_coach.errors import InputError
    from ssi_coach.messages import describe

    _fail(describe(error, lang) if isinstance(error, InputError) else str(error))


def _show_version(value: bool) -> None:
    if value:
        print(f"ssi-coach {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        text = ctx.get_help()  # Rich prints it itself and gives back nothing
        if text:
            print(text)


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="en|fr",
        help="Language of the output (default: SSI_COACH_LANG, else the config, "
        "else your locale, else en).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
RulesOption = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        metavar="PATH",
        help="Use this rulebook instead of the default one.",
        dir_okay=False,
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option("--date", metavar="YYYY-MM-DD", help="The day (default: today)."),
]
SaveOption = Annotated[
    bool, typer.Option("--save/--no-save", help="Save the scores as the day's record.")
]
TargetOption = Annotated[
    str | None, typer.Option(metavar="N", help="Total to aim for, 0-100 (default: 75).")
]


@app.command(
    context_settings={"ignore_unknown_options": True},  # so that -3 reaches us as a score
    epilog=_examples(
        "ssi-coach check 18 12 15 20",
        "ssi-coach check 18,5 12,25 15 20 --industry 32 --network 35 --lang fr",
        "ssi-coach check 18 12 15 20 --minutes 30 --no-save --json | jq .plan",
    ),
)
def check(
    scores: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="BRAND PEOPLE INSIGHTS RELATIONSHIPS",
            help="Your four pillar scores, 0 to 25 each, in LinkedIn's order (12.5 or 12,5).",
            show_default=False,
        ),
    ] = None,
    target: TargetOption = None,
    industry: Annotated[
        str | None,
        typer.Option(metavar="N", help="Average SSI of your industry, as LinkedIn shows it."),
    ] = None,
    network: Annotated[
        str | None,
        typer.Option(metavar="N", help="Average SSI of your network, as LinkedIn shows it."),
    ] = None,
    minutes: Annotated[
        str | None,
        typer.Option(metavar="N", help="Daily time budget, 10-60 minutes (default: 20)."),
    ] = None,
    industry_rank: Annotated[
        str | None,
        typer.Option(metavar="N", help='Your "top N%" rank in your industry (1-100).'),
    ] = None,
    network_rank: Annotated[
        str | None,
        typer.Option(metavar="N", help='Your "top N%" rank in your network (1-100).'),
    ] = None,
    day: DateOption = None,
    lang: LangOption = None,
    rules: RulesOption = None,
    save: SaveOption = True,
    json_output: JsonOption = False,
) -> None:
    """Score your SSI: total, weakest pillar, gaps to benchmarks and today's 20-minute plan.

    The scores are saved as the day's record (checking again the same day replaces them),
    and the report shows the change since the previous record.
    """
    from ssi_coach import inputs

    settings = _settings(
        lang=lang, target=target, industry=industry, network=network, minutes=minutes, rules=rules
    )
    with _errors(settings.lang):
        ranks = {
            name: inputs.parse_rank(text, f"--{name}-rank")
            for name, text in (("industry", industry_rank), ("network", network_rank))
            if text is not None
        }
        parsed = inputs.parse_scores(scores or [])
        _check_and_show(parsed, settings, _day(day), ranks, save=save, json_output=json_output)


def _check_and_show(
    scores: dict[str, float],
    settings: "Settings",
    day: "date",
    ranks: dict[str, int],
    *,
    save: bool,
    json_output: bool,
) -> None:
    """What `check` and `paste` do with the scores: report, plan, save, change, output."""
    from ssi_coach.records import Record, change_between
    from ssi_coach.report import build_check_report
    from ssi_coach.store import open_store

    report = build_check_report(
        scores,
        target=settings.target,
        industry=settings.industry,
        network=settings.network,
        budget=settings.minutes,
        day=day,
        lang=settings.lang,
        rulebook=_rulebook(settings),
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
    if previous is not None:
        report = report._replace(change=change_between(previous, record))
    if json_output:
        _print_json(report.to_json())
    else:
        from ssi_coach.render import render_check

        _print(render_check(report, color=_color()))


@app.command(
    epilog=_examples(
        "pbpaste | ssi-coach paste",
        "xclip -selection clipboard -o | ssi-coach paste",
        "wl-paste | ssi-coach paste --json",
        "ssi-coach paste ssi-page.txt --no-save",
    )
)
def paste(
    path: Annotated[
        str | None,
        typer.Argument(
            metavar="[FILE]",
            help="What you copied from LinkedIn (default, or -: stdin).",
            show_default=False,
        ),
    ] = None,
    day: DateOption = None,
    lang: LangOption = None,
    save: SaveOption = True,
    json_output: JsonOption = False,
) -> None:
    """Read your scores from what LinkedIn shows, then do what check does with them.

    Give it the text of LinkedIn's SSI page (select all, copy; English or French) or the
    JSON of its SSI data; industry and network averages and ranks are taken too.
    """
    from ssi_coach.messages import t
    from ssi_coach.paste import read_pasted

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        if path is None or path == "-":
            if sys.stdin.isatty():
                print(t(settings.lang, "paste.waiting"), file=sys.stderr)
            content = sys.stdin.buffer.read()
        else:
            try:
                content = Path(path).read_bytes()
            except OSError as error:
                _fail(f"{path}: cannot read the file: {error.strerror}")
        pasted = read_pasted(content)
        # What the page shows beats the saved settings; the settings fill what it lacks.
        settings = settings._replace(
            industry=pasted.industry if pasted.industry is not None else settings.industry,
            network=pasted.network if pasted.network is not None else settings.network,
        )
        ranks = {
            name: rank
            for name, rank in (("industry", pasted.industry_rank), ("network", pasted.network_rank))
            if rank is not None
        }
        _check_and_show(
            pasted.scores, settings, _day(day), ranks, save=save, json_output=json_output
        )


@app.command(epilog=_examples("ssi-coach today", "ssi-coach today -i", "ssi-coach today --json"))
def today(
    day: DateOption = None,
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive", "-i", help="Tick items off in a checklist: arrows, space, enter."
        ),
    ] = False,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Today's checklist, from your latest scores: what is ticked, minutes left, streak.

    Made for a morning shell alias: once your scores are saved it needs no typing.
    """
    settings = _settings(lang=lang)
    with _errors(settings.lang):
        chosen_day = _day(day)
        if interactive and not sys.stdin.isatty():
            from ssi_coach.messages import t

            _fail(t(settings.lang, "interactive.tty"))
        with _checklist_store(settings, chosen_day) as (store, checklist, rulebook):
            if interactive:
                from ssi_coach.interactive import choose_done

                chosen = choose_done(checklist, settings.lang)
                if chosen is None:
                    _fail("aborted, nothing changed", 1)
                everything = {item.action.id for item in checklist.items}
                store.set_ticks(chosen_day, chosen, done=True)
                store.set_ticks(chosen_day, everything - set(chosen), done=False)
                checklist = _refreshed(store, settings, chosen_day, rulebook)
    _show_checklist(checklist, settings.lang, json_output)


ItemsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="ITEM...",
        help="Item numbers as 'today' shows them, or item ids.",
        show_default=False,
    ),
]


@app.command(
    epilog=_examples(
        "ssi-coach done 1 3", "ssi-coach done people-job-changes", "ssi-coach done --all"
    )
)
def done(
    items: ItemsArgument = None,
    all_items: Annotated[bool, typer.Option("--all", help="Tick every item of the day.")] = False,
    day: DateOption = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Tick items of the day's checklist off, by number or id."""
    _tick(items or [], all_items, day, lang, json_output, done=True)


@app.command(epilog=_examples("ssi-coach undo 2", "ssi-coach undo --all"))
def undo(
    items: ItemsArgument = None,
    all_items: Annotated[bool, typer.Option("--all", help="Untick every item of the day.")] = False,
    day: DateOption = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Untick items of the day's checklist, by number or id."""
    _tick(items or [], all_items, day, lang, json_output, done=False)


def _tick(
    items: list[str],
    all_items: bool,
    day: str | None,
    lang: str | None,
    json_output: bool,
    *,
    done: bool,
) -> None:
    from ssi_coach.checklist import resolve_items
    from ssi_coach.errors import InputError

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        if not items and not all_items:
            raise InputError("ITEM", "err.no_items")
        chosen_day = _day(day)
        with _checklist_store(settings, chosen_day) as (store, checklist, rulebook):
            if all_items:
                ids = [item.action.id for item in checklist.items]
            else:
                ids = resolve_items(checklist, items)  # refuses unknown items before any change
            store.set_ticks(chosen_day, ids, done=done)
            checklist = _refreshed(store, settings, chosen_day, rulebook)
    _show_checklist(checklist, settings.lang, json_output)


@contextmanager
def _checklist_store(
    settings: "Settings", day: "date"
) -> Iterator[tuple["Store", "Checklist", "Rulebook"]]:
    """The open history, the day's checklist and the rulebook it came from; exits 1 with a
    friendly line when there are no scores yet."""
    from ssi_coach.checklist import build_checklist
    from ssi_coach.messages import t
    from ssi_coach.store import open_store

    rulebook = _rulebook(settings)
    with open_store(create=False) as store:
        checklist = (
            None if store is None else build_checklist(store, day, settings.minutes, rulebook)
        )
        if store is None or checklist is None:
            _fail(t(settings.lang, "none"), 1)
        yield store, checklist, rulebook


def _refreshed(
    store: "Store", settings: "Settings", day: "date", rulebook: "Rulebook"
) -> "Checklist":
    """The checklist again, after ticks changed."""
    from ssi_coach.checklist import build_checklist

    checklist = build_checklist(store, day, settings.minutes, rulebook)
    assert checklist is not None  # the record it came from is still there
    return checklist


def _show_checklist(checklist: "Checklist", lang: "Lang", json_output: bool) -> None:
    if json_output:
        _print_json(checklist.to_json(lang))
    else:
        from ssi_coach.render import render_today

        _print(render_today(checklist, lang, color=_color()))


@app.command(
    epilog=_examples(
        "ssi-coach history",
        "ssi-coach history --days 90",
        "ssi-coach history --csv > ssi.csv",
        "ssi-coach history --json > backup.json",
    )
)
def history(
    days: Annotated[
        str | None,
        typer.Option(
            metavar="N",
            help="Only the last N days up to the latest record (default: 30 on screen; "
            "--csv and --json write everything).",
        ),
    ] = None,
    target: TargetOption = None,
    lang: LangOption = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="Every record and tick, with streak and forecast.")
    ] = False,
    csv_output: Annotated[bool, typer.Option("--csv", help="Every record, as CSV.")] = False,
) -> None:
    """Your records over time: table, chart, trend per pillar, forecast, habits that worked."""
    from ssi_coach import inputs
    from ssi_coach.errors import InputError
    from ssi_coach.exchange import History, history_csv, history_json
    from ssi_coach.messages import t
    from ssi_coach.store import open_store
    from ssi_coach.trends import SHOWN_DAYS, history_report

    settings = _settings(lang=lang, target=target)
    with _errors(settings.lang):
        if json_output and csv_output:
            raise InputError("--csv", "err.one_format")
        window = None if days is None else inputs.parse_whole(days, "--days", 1, 100_000)
        with open_store(create=False) as store:
            records = [] if store is None else store.records()
            if store is None or not records:
                _fail(t(settings.lang, "none"), 1)
            completed = store.completed_pillars()
            ticks = store.all_ticks()
        shown_days = window or SHOWN_DAYS
        report = history_report(records, completed, _day(None), settings.target, shown_days)
    if window is not None:  # exports hold everything unless asked for a window
        records = report.records
        ticks = [tick for tick in ticks if tick[0] >= records[0].day]
    if json_output:
        _print_json(history_json(History(records, ticks), report.streak, report.forecast))
    elif csv_output:
        _print(history_csv(records))
    else:
        from ssi_coach.render import render_history

        _print(render_history(report, settings.lang, color=_color()))


@app.command("import", epilog=_examples("ssi-coach import ssi.csv", "ssi-coach import backup.json"))
def import_file(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="A CSV (date,brand,people,insights,relationships[,industry,network,total]) "
            "or the JSON of 'history --json'.",
        ),
    ],
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Load records from a CSV or a history backup; on any bad row nothing is written."""
    from ssi_coach.exchange import read_history_file
    from ssi_coach.importing import import_history
    from ssi_coach.messages import t

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        loaded = read_history_file(path, settings.lang)
        import_history(loaded, settings.minutes, _rulebook(settings))
    counts = {"records": len(loaded.records), "ticks": len(loaded.ticks)}
    if json_output:
        _print_json(counts)
    else:
        print(t(settings.lang, "imported", path=path, **counts))


@app.command(
    epilog=_examples(
        "ssi-coach team team.csv",
        "ssi-coach team team.csv --sort insights --all",
        "ssi-coach team - --json < team.csv",
    )
)
def team(
    path: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="A CSV with a name column (name, rep or nom) and the four pillars; "
            "optional date and team columns. - reads stdin.",
        ),
    ],
    sort: Annotated[
        str,
        typer.Option(
            metavar="total|name|brand|people|insights|relationships|change",
            help="Order of the reps: highest first, names A to Z.",
        ),
    ] = "total",
    show_all: Annotated[
        bool,
        typer.Option("--all", help="Show every rep, not the top and bottom 10 of a long list."),
    ] = False,
    target: TargetOption = None,
    industry: Annotated[
        str | None,
        typer.Option(metavar="N", help="Average SSI of the team's industry, to compare with."),
    ] = None,
    lang: LangOption = None,
    rules: RulesOption = None,
    json_output: JsonOption = False,
) -> None:
    """The team view for sales managers: averages, bands, ranks and coaching groups.

    Bad rows are listed on stderr with their line number (exit status 1) and the report is
    made from the valid ones.
    """
    import io

    from ssi_coach.errors import InputError
    from ssi_coach.messages import t
    from ssi_coach.team import SORT_KEYS, build_team_report, read_team

    settings = _settings(lang=lang, target=target, industry=industry, rules=rules)
    with _errors(settings.lang):
        if sort not in SORT_KEYS:
            raise InputError("--sort", "err.sort", value=sort, keys="|".join(SORT_KEYS))
        source = "stdin" if path == "-" else path
        try:
            # Read as a stream: a sales force's file can be large.
            stream = (
                io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
                if path == "-"
                else open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115
            )
            with stream:
                reps, rejected = read_team(stream, source, settings.lang)
        except OSError as error:
            _fail(f"{source}: cannot read the file: {error.strerror}")
        report = build_team_report(
            reps,
            rejected,
            sort=sort,
            target=settings.target,
            industry=settings.industry,
            rulebook=_rulebook(settings),
        )
    if json_output:
        _print_json(report.to_json())
    else:
        from ssi_coach.render import render_team

        _print(render_team(report, settings.lang, color=_color(), show_all=show_all))
    if rejected:
        sys.stdout.flush()
        for row in rejected:
            line = t(
                settings.lang, "team.rejected", source=source, line=row.line, reason=row.reason
            )
            print(f"ssi-coach: {line}", file=sys.stderr)
        sys.exit(1)


@config_app.command("show", epilog=_examples("ssi-coach config show"))
def config_show(json_output: JsonOption = False, lang: LangOption = None) -> None:
    """Print the saved settings."""
    from ssi_coach.config import load_config
    from ssi_coach.messages import t

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        saved = load_config()
    if json_output:
        _print_json(saved)
    elif not saved:
        print(t(settings.lang, "config.empty"))
    else:
        for key, value in saved.items():
            print(t(settings.lang, "config.saved", key=key, value=value))


@config_app.command(
    "set", epilog=_examples("ssi-coach config set industry 32", "ssi-coach config set lang fr")
)
def config_set(
    key: Annotated[
        str,
        typer.Argument(metavar="KEY", help="target, industry, network, minutes, lang or rules."),
    ],
    value: Annotated[
        str, typer.Argument(metavar="VALUE", help="Checked like the option of the same name.")
    ],
    lang: LangOption = None,
) -> None:
    """Save a setting; an option on the command line still wins over it."""
    from ssi_coach.config import set_value
    from ssi_coach.messages import t

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        saved = set_value(key, value)
    print(t(settings.lang, "config.saved", key=key, value=saved[key]))


@config_app.command("unset", epilog=_examples("ssi-coach config unset network"))
def config_unset(
    key: Annotated[str, typer.Argument(metavar="KEY", help="The setting to forget.")],
    lang: LangOption = None,
) -> None:
    """Forget a setting, so that its default applies again."""
    from ssi_coach.config import unset_value
    from ssi_coach.messages import t

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        unset_value(key)
    print(t(settings.lang, "config.unset", key=key))


@config_app.command("path", epilog=_examples("ssi-coach config path"))
def config_path_command() -> None:
    """Print where the config file is (it may not exist yet)."""
    from ssi_coach.config import config_path

    print(config_path())


@rules_app.command("check")
def rules_check(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="PATH", help="The rulebook to check (default: the one ssi-coach ships)."
        ),
    ] = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Validate a rulebook and say what it holds; every problem is listed on stderr.

    Example: ssi-coach rules check my-rules.toml
    """
    from ssi_coach.errors import RulebookError
    from ssi_coach.paths import default_rulebook
    from ssi_coach.rulebook import load_rulebook

    chosen_lang = _settings(lang=lang).lang
    path = path or default_rulebook()
    try:
        rulebook = load_rulebook(path, use_cache=False)
    except RulebookError as error:
        _fail("\n".join(error.problems))  # every problem, not only the first
    if json_output:
        _print_json(rulebook.summary())
    else:
        from ssi_coach.render import render_rulebook_summary

        _print(render_rulebook_summary(rulebook, chosen_lang))


@rules_app.command("init")
def rules_init(
    path: Annotated[
        Path, typer.Argument(metavar="PATH", help="Where to write the copy; must not exist yet.")
    ],
    lang: LangOption = None,
) -> None:
    """Write a copy of the default rulebook to edit; an existing file is never overwritten.

    Example: ssi-coach rules init my-rules.toml
    """
    from ssi_coach.messages import t
    from ssi_coach.paths import default_rulebook

    chosen_lang = _settings(lang=lang).lang
    try:
        with path.open("xb") as stream:  # "x": fails rather than overwrite
            try:
                stream.write(default_rulebook().read_bytes())
            except OSError:
                path.unlink()  # no half-written copy left behind (a full disk, say)
                raise
    except FileExistsError:
        _fail(t(chosen_lang, "err.exists", field="rules init", value=path))
    except OSError as error:
        _fail(f"{path}: {error.strerror or error}")
    print(t(chosen_lang, "rules.written", path=path))


def _settings(**options: Any) -> "Settings":
    """The settings in force: options over the config over the defaults; exits 2 on a bad one."""
    from ssi_coach.config import resolve_settings
    from ssi_coach.errors import SsiCoachError

    try:
        return resolve_settings(**options)
    except SsiCoachError as error:
        _report_error(error, _best_known_lang(options.get("lang")))


def _best_known_lang(option: str | None) -> "Lang":
    from ssi_coach.errors import InputError
    from ssi_coach.messages import resolve_lang

    try:
        return resolve_lang(option, os.environ)
    except InputError:
        return "en"


@contextmanager
def _errors(lang: "Lang") -> Iterator[None]:
    """Turns the core's errors into a message on stderr and exit status 2."""
    from ssi_coach.errors import SsiCoachError

    try:
        yield
    except SsiCoachError as error:
        _report_error(error, lang)


def _rulebook(settings: "Settings") -> "Rulebook":
    from ssi_coach.rulebook import load_rulebook

    return load_rulebook(settings.rules)


def _day(text: str | None) -> "date":
    from datetime import date

    from ssi_coach.inputs import parse_day

    return date.today() if text is None else parse_day(text)


def _color() -> bool:
    from ssi_coach.render import wants_color

    return wants_color(sys.stdout)


def _print(text: str) -> None:
    sys.stdout.write(text)


def _print_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def main() -> None:
    """The `ssi-coach` console script (and `python -m ssi_coach`, under the same name)."""
    _app_for(sys.argv[1:])(prog_name="ssi-coach")


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command being run (all of them for help and completion).

    Typer inspects the signature of every command before running one; with a dozen commands
    that costs the morning alias more than the work it does (Click's lazy subcommands idea).
    """
    name = next((arg for arg in args if not arg.startswith("-")), None)
    commands = [c for c in app.registered_commands if _command_name(c) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if os.environ.get("_SSI_COACH_COMPLETE") or not (commands or groups):
        return app
    slim = copy.copy(app)
    slim.registered_commands = commands
    slim.registered_groups = groups
    return slim


def _command_name(command: typer.models.CommandInfo) -> str | None:
    if command.name:
        return command.name
    return None if command.callback is None else command.callback.__name__.replace("_", "-")
