"""The command line: parse the arguments, call one use case (`commands/`), render the result.

A command's body is: options -> one call -> text or JSON -> exit status. Nothing here
computes, reads a file or touches the history. Everything else is imported inside the
commands, so that `--help`, completion and each command load only what they use.
"""

# No `from __future__ import annotations` here: Typer reads the commands' annotations at
# start-up, and string annotations would each cost an eval.
import inspect
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer

# Typer 0.28 ships its own copy of Click; these are the errors it raises for bad usage.
from typer._click.exceptions import ClickException

from ssi_coach import __version__

if TYPE_CHECKING:
    from datetime import date

    from ssi_coach.commands.settings import Settings
    from ssi_coach.core.check_report import CheckReport
    from ssi_coach.core.checklist import Checklist
    from ssi_coach.core.day_status import DayStatus
    from ssi_coach.core.pillars import Lang
    from ssi_coach.errors import SsiCoachError
    from ssi_coach.formats.spreadsheet import CsvStyle


def _examples(*lines: str) -> str:
    return "Examples:\n\n" + "\n\n".join(f"  {line}" for line in lines)


class _Group(typer.core.TyperGroup):
    """Turns every failure into one line on stderr and an exit status, never a traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        try:
            self._run(*args, **kwargs)
        finally:
            _refresh_status_file()

    def _run(self, *args: Any, **kwargs: Any) -> NoReturn:
        kwargs["standalone_mode"] = False
        argv = list(kwargs.get("args") or (args[0] if args and args[0] else sys.argv[1:]))
        try:
            status = self._main_in(_help_lang(argv), *args, **kwargs)
        except ClickException as error:  # bad usage: unknown option, missing value...
            if not error.format_message().strip():  # `ssi-coach rules` alone: help was shown
                sys.exit(error.exit_code)
            from ssi_coach.output.usage_errors import describe_usage

            _fail(describe_usage(error, _command_line_lang(argv)), error.exit_code)
        except typer.Abort:
            _fail(_localized(_command_line_lang(argv), "usage.aborted"), 1)
        except BrokenPipeError:  # `ssi-coach ... | head` closed the pipe: not an error
            sys.stderr.close()
            sys.exit(0)
        sys.exit(status if isinstance(status, int) else 0)

    def _main_in(self, lang: "Lang | None", *args: Any, **kwargs: Any) -> Any:
        """Click's main, with the help in French if `lang` says so."""
        if lang != "fr":
            return super().main(*args, **kwargs)
        from ssi_coach.output.help_fr import french_words, translate

        translate(self)
        with french_words():
            return super().main(*args, **kwargs)


def _help_lang(args: list[str]) -> "Lang | None":
    """The language of the help about to be shown, or None when no help is asked for: the
    usual runs do not look the language up twice."""
    asked = not args or args in (["rules"], ["config"]) or "--help" in args or "-h" in args
    return _command_line_lang(args) if asked else None


APP_SETTINGS: dict[str, Any] = {
    "cls": _Group,
    "help": "Raise your LinkedIn Social Selling Index (SSI), 20 minutes a day.",
    "epilog": "Start with: ssi-coach check BRAND PEOPLE INSIGHTS RELATIONSHIPS",
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
GROUP_SETTINGS: dict[str, dict[str, Any]] = {
    "rules": {
        "help": "Check a rulebook, or copy the default one to edit.",
        "no_args_is_help": True,
    },
    "config": {
        "help": "Show or change your saved settings (config.toml).",
        "no_args_is_help": True,
    },
}
app = typer.Typer(**APP_SETTINGS)
rules_app = typer.Typer(**GROUP_SETTINGS["rules"])
app.add_typer(rules_app, name="rules")
config_app = typer.Typer(**GROUP_SETTINGS["config"])
app.add_typer(config_app, name="config")

# Each command as it was registered (group, name, function, settings), so that `main` can
# build an app of the one command being run: Typer reads the signature of every command it
# holds before running any, which would cost the morning alias more than its own work.
_REGISTERED: list[tuple[str | None, str, Callable[..., Any], dict[str, Any]]] = []


def _command(
    name: str | None = None, *, group: str | None = None, **settings: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`app.command` (or the group's), remembered for `main`."""

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        command_name = name or function.__name__.replace("_", "-")
        settings.setdefault("help", _reflowed(function.__doc__ or ""))
        _REGISTERED.append((group, command_name, function, settings))
        target = {"rules": rules_app, "config": config_app}.get(group or "", app)
        return target.command(name, **settings)(function)

    return register


def _reflowed(docstring: str) -> str:
    """A docstring as help: each paragraph on one line, for the help to wrap it to the
    terminal (Rich keeps a docstring's line breaks, which leaves short lines)."""
    paragraphs = inspect.cleandoc(docstring).split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def _refresh_status_file() -> None:
    """After every command: the status file of the shell prompt is written again when the
    history or the config changed since it was (or the day did). The one place it is
    refreshed, whichever command made the change. A status file that cannot be written never
    fails the command: the prompt keeps what it showed and the next command tries again."""
    from datetime import date

    from ssi_coach.commands.status import outdated_status, save_status_file
    from ssi_coach.errors import SsiCoachError

    try:
        refresh = outdated_status(date.today())
        if refresh is None:
            return
        from ssi_coach.output.render_status import status_line

        line = "" if refresh.status is None else status_line(refresh.status, refresh.lang)
        save_status_file(refresh, line, _localized(refresh.lang, "status.stale"))
    except (OSError, SsiCoachError):
        pass  # a full disk, a read-only or locked history: said by the command, if it wrote


def _fail(message: str, status: int = 2) -> NoReturn:
    """The one error path: each line of `message` on stderr, made safe, then exit."""
    lines = "".join(f"ssi-coach: {line}\n" for line in message.splitlines())
    _write(sys.stderr, lines, color=False)  # an import lists each bad row on a line of its own
    sys.exit(status)


def _write(stream: "TextIO | None", text: str, *, color: bool, as_is: bool = False) -> None:
    """The one way text leaves ssi-coach: made safe, coloured or plain, in characters the
    stream can encode (or, `as_is`, a file's content written unchanged in UTF-8: see
    `_print_file`). An output that cannot be written (closed, a full disk) is one line on
    stderr and exit status 1; a closed pipe (`| head`) is a quiet exit."""
    from ssi_coach.output.terminal import encodable, finish

    try:
        if stream is None:
            raise OSError("the output is closed")
        if as_is:
            _write_as_is(stream, text)
        else:
            stream.write(encodable(finish(text, color), stream.encoding))
        stream.flush()
    except BrokenPipeError:
        os._exit(0)  # the reader has gone: nothing to say, nowhere to say it
    except OSError as error:
        if stream is sys.stderr or sys.stderr is None:
            os._exit(1)
        from ssi_coach.output.messages import os_reason

        lang = _best_known_lang(None)
        said = _localized(lang, "err.cannot_write_output", reason=os_reason(error, lang))
        sys.stderr.write(f"ssi-coach: {said}\n")
        sys.stderr.flush()
        os._exit(1)  # the unwritten output would fail again at exit


def _write_as_is(stream: "TextIO", text: str) -> None:
    """`text` in UTF-8 whatever the stream's encoding (a file export says UTF-8 in its
    byte-order mark), after the text already written."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a stream of text only
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _report_error(error: "SsiCoachError", lang: "Lang") -> NoReturn:
    from ssi_coach.output.messages import describe

    _fail(describe(error, lang), error.exit_status)


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


def _completed(words: "Iterable[str]", incomplete: str) -> list[str]:
    return [word for word in words if word.startswith(incomplete)]


def _complete_lang(incomplete: str) -> list[str]:
    return _completed(("en", "fr"), incomplete)


def _complete_sort(incomplete: str) -> list[str]:
    from ssi_coach.core.team_report import SORT_KEYS

    return _completed(SORT_KEYS, incomplete)


def _complete_config_key(incomplete: str) -> list[str]:
    from ssi_coach.commands.settings import KEYS

    return _completed(KEYS, incomplete)


def _complete_item(ctx: typer.Context, incomplete: str) -> list[str]:
    """Today's (or --date's) item numbers and ids, as far as they are saved."""
    from ssi_coach.commands.daily import item_names
    from ssi_coach.errors import SsiCoachError

    try:
        names = item_names(_day(ctx.params.get("day")))
    except SsiCoachError:
        return []
    return _completed(names, incomplete)


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="en|fr",
        autocompletion=_complete_lang,
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
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="The day: YYYY-MM-DD, today or yesterday (default: today).",
    ),
]
SaveOption = Annotated[
    bool, typer.Option("--save/--no-save", help="Save the scores as the day's record.")
]
SepOption = Annotated[
    str | None,
    typer.Option(
        "--sep",
        metavar="CHAR",
        help="With --csv, the separator: , ; | or tab (default: , or ; with --decimal-comma).",
        show_default=False,
    ),
]
DecimalCommaOption = Annotated[
    bool,
    typer.Option("--decimal-comma", help="With --csv, a comma as decimal mark, for French Excel."),
]
TargetOption = Annotated[
    str | None, typer.Option(metavar="N", help="Total to aim for, 0-100 (default: 75).")
]


@_command(
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
    and the report shows the change since the previous record, and what moved.
    """
    from ssi_coach.commands.check import check_scores
    from ssi_coach.core import values

    settings = _settings(
        lang=lang, target=target, industry=industry, network=network, minutes=minutes, rules=rules
    )
    with _errors(settings.lang):
        typed_ranks = {"industry": industry_rank, "network": network_rank}
        ranks = {
            name: values.parse_rank(text, f"--{name}-rank")
            for name, text in typed_ranks.items()
            if text is not None
        }
        parsed = values.parse_scores(scores or [])
        report = check_scores(parsed, settings, _day(day), ranks, save=save)
    _show_check(report, settings.lang, json_output)


def _show_check(report: "CheckReport", lang: "Lang", json_output: bool) -> None:
    if json_output:
        from ssi_coach.output.json_output import check_json

        _print_json(check_json(report, lang))
    else:
        from ssi_coach.output.render import render_check

        on_terminal = sys.stdout is not None and sys.stdout.isatty()
        _print(render_check(report, lang, color=_color(), tick_hint=on_terminal))


@_command(
    epilog=_examples(
        "ssi-coach paste",
        "pbpaste | ssi-coach paste --json",
        "ssi-coach paste ssi-page.txt --no-save",
        "ssi-coach paste page-de.txt --labels my-labels.toml",
    )
)
def paste(
    path: Annotated[
        str | None,
        typer.Argument(
            metavar="[FILE]",
            help="What you copied from LinkedIn: a file, or - for stdin (default: stdin "
            "when piped, else the system clipboard).",
            show_default=False,
        ),
    ] = None,
    labels: Annotated[
        Path | None,
        typer.Option(
            "--labels",
            metavar="PATH",
            help="Read the page with this labels file (see data/page_labels.toml).",
            dir_okay=False,
        ),
    ] = None,
    day: DateOption = None,
    lang: LangOption = None,
    save: SaveOption = True,
    json_output: JsonOption = False,
) -> None:
    """Read your scores from what LinkedIn shows, then do what check does with them.

    Give it the text of LinkedIn's SSI page (select all, copy; English, French or
    Portuguese) or the JSON of its SSI data; the averages and ranks of your industry,
    network and team are taken too. With no FILE and no pipe, it reads the clipboard.
    """
    from ssi_coach.commands.check import paste_scores, pasted_input

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        if path == "-" and sys.stdin is not None and sys.stdin.isatty():
            _write(sys.stderr, _fitted(_localized(settings.lang, "paste.waiting")), color=False)
        content = pasted_input(path)
        report = paste_scores(content, settings, _day(day), save=save, labels=labels)
    _show_check(report, settings.lang, json_output)


@_command(epilog=_examples("ssi-coach today", "ssi-coach today -i", "ssi-coach today --json"))
def today(
    day: DateOption = None,
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive", "-i", help="Tick items off in a checklist: arrows, space, enter."
        ),
    ] = False,
    replan: Annotated[
        bool,
        typer.Option(
            "--replan", help="Make the day's plan again from its scores and today's settings."
        ),
    ] = False,
    once_a_day: Annotated[
        bool,
        typer.Option(
            "--once-a-day",
            help="For the shell hook of init: only on the first call of the day, and a "
            "one-line reminder instead when the day has no scores yet.",
        ),
    ] = False,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """The day's checklist: the plan check saved (or one made from your latest scores),
    what is ticked, minutes left, streak.

    Made for a morning shell alias: once your scores are saved it needs no typing. On a
    rest day (see config rest_days) the plan is shown as optional.
    """
    from ssi_coach.commands import daily

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        chosen_day = _day(day)
        if once_a_day:
            from ssi_coach.commands.status import greeting

            said = greeting(chosen_day)
            if said != "today":
                if said == "reminder":
                    _print(_localized(settings.lang, "status.reminder") + "\n")
                return
        if interactive and not sys.stdin.isatty():
            from ssi_coach.errors import InputError

            raise InputError("", "interactive.tty")
        checklist = daily.today(settings, chosen_day, replan=replan)
        if interactive:
            from ssi_coach.output.interactive import choose_done

            chosen = choose_done(checklist, settings.lang)
            if chosen is None:
                _fail(_localized(settings.lang, "err.interactive_cancelled"), 1)
            checklist = daily.keep_ticked(settings, chosen_day, chosen)
    _show_checklist(checklist, settings.lang, json_output)


@_command(
    epilog=_examples(
        "ssi-coach status",
        "ssi-coach status --format '{total} {change} {done}/{items}'",
        "ssi-coach status --json",
    )
)
def status(
    template: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="TEMPLATE",
            help="Print this instead of the line, with {total} {change} {focus} {done} {items} "
            "{minutes_left} {streak} {date} filled in.",
        ),
    ] = None,
    day: DateOption = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """One line for a prompt, a tmux status bar or a notification: SSI, change, focus, what
    is done, minutes left, streak.

    It reads the status file that every change of the day writes, and opens the history
    only when that file is not current. Today, with scores but no plan yet, it plans the day
    as today does; for another day (--date), it only reads.
    """
    from datetime import date

    from ssi_coach.commands.status import current_status_file, lang_of_status

    # The fast path, for a prompt: a current status file, and nothing else, not even the
    # settings (the file holds the config's language).
    found = current_status_file(date.today()) if day is None else None
    chosen_lang = None if found is None else lang_of_status(lang, found)
    if found is not None and chosen_lang is not None:
        _show_status(found.status, chosen_lang, template, json_output)
        return
    from ssi_coach.commands.status import status as status_of

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        chosen_day = _day(day)  # only today's plan is made on the way: the one to tick
        day_status = status_of(settings, chosen_day, plan=chosen_day == date.today())
    _show_status(day_status, settings.lang, template, json_output)


def _show_status(
    day_status: "DayStatus | None", lang: "Lang", template: str | None, json_output: bool
) -> None:
    from ssi_coach.output.render_status import status_json, status_text

    with _errors(lang):
        text = status_text(day_status, lang, template)  # a bad template: exit 2, even in JSON
    if json_output:
        _print_json(status_json(day_status, lang))
    else:
        _print(text + "\n")


@_command(
    epilog=_examples(
        'eval "$(ssi-coach init bash)"',
        'eval "$(ssi-coach init zsh)"',
        "ssi-coach init fish | source",
    )
)
def init(
    shell: Annotated[
        str,
        typer.Argument(
            metavar="bash|zsh|fish",
            help="The shell to write code for.",
            show_default=False,
        ),
    ],
) -> None:
    """Print the shell code that puts ssi-coach in your shell: the day's plan on the first
    interactive shell of each day, and ssi_coach_prompt for your prompt.

    Put the line of the examples in your ~/.bashrc, ~/.zshrc or
    ~/.config/fish/config.fish. ssi_coach_prompt prints the status line, reading the status
    file with the shell's own built-ins: it starts no Python.
    """
    from ssi_coach.commands.status import shell_files
    from ssi_coach.output.shell_init import SHELLS, shell_code

    with _errors(_best_known_lang(None)):
        if shell not in SHELLS:
            from ssi_coach.errors import InputError

            raise InputError("bash|zsh|fish", "err.shell", value=shell)
        files = shell_files()
    _print(shell_code(shell, str(files.status), str(files.stamp)))


ItemsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="ITEM...",
        autocompletion=_complete_item,
        help="Item numbers as 'today' shows them, or item ids.",
        show_default=False,
    ),
]


@_command(
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


@_command(epilog=_examples("ssi-coach undo 2", "ssi-coach undo --all"))
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
    from ssi_coach.commands.daily import tick

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        checklist = tick(settings, _day(day), items, every_item=all_items, done=done)
    _show_checklist(checklist, settings.lang, json_output)


def _show_checklist(checklist: "Checklist", lang: "Lang", json_output: bool) -> None:
    if json_output:
        from ssi_coach.output.json_output import checklist_json

        _print_json(checklist_json(checklist, lang))
    else:
        from ssi_coach.output.render import render_today

        _print(render_today(checklist, lang))


@_command(
    epilog=_examples(
        "ssi-coach skip 2",
        "ssi-coach skip brand-headline --already-done",
        "ssi-coach skip 3 --json",
    )
)
def skip(
    item: Annotated[
        str,
        typer.Argument(
            metavar="ITEM",
            autocompletion=_complete_item,
            help="An item number as 'today' shows it, or an item id.",
        ),
    ],
    already_done: Annotated[
        bool,
        typer.Option(
            "--already-done",
            help="You did this one before using ssi-coach: it counts as done for good.",
        ),
    ] = False,
    day: DateOption = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Swap an item of the day's plan for another action of the same pillar, same minutes.

    A skipped action is not offered again that day. When no other action fits, the plan is
    left as it was (exit status 2).
    """
    from ssi_coach.commands.daily import skip as skip_item

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        skipped = skip_item(settings, _day(day), item, already_done=already_done)
    if json_output:
        from ssi_coach.output.json_output import checklist_json

        replaced = skipped.replaced_by
        _print_json(
            checklist_json(skipped.checklist, settings.lang)
            | {
                "skipped": skipped.skipped.id,
                "replaced_by": None if replaced is None else replaced.id,
                "already_done": already_done,
            }
        )
        return
    from ssi_coach.output.render import render_skip

    _print(render_skip(skipped, settings.lang))


@_command(
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
    separator: SepOption = None,
    decimal_comma: DecimalCommaOption = False,
) -> None:
    """Your records over time: table, chart, trend per pillar, forecast, habits that worked."""
    from ssi_coach.commands.history import history as history_of
    from ssi_coach.core import values

    settings = _settings(lang=lang, target=target)
    with _errors(settings.lang):
        csv_style = _csv_style(csv_output, json_output, separator, decimal_comma)
        window = None if days is None else values.parse_whole(days, "--days", 1, 100_000)
        found = history_of(settings, _day(None), window, backup=json_output)
    if found.warnings:
        from ssi_coach.output.messages import describe

        _write(
            sys.stderr,
            "".join(f"ssi-coach: {describe(w, settings.lang)}\n" for w in found.warnings),
            color=False,
        )
    if json_output:
        from ssi_coach.output.json_output import history_json

        report = found.report
        _print_json(
            history_json(
                found.records,
                found.ticks,
                found.plans,
                found.done_before,
                report.streak,
                report.forecast,
            )
        )
    elif csv_style is not None:
        from ssi_coach.formats.history_files import history_csv

        _print_file(history_csv(found.records, csv_style))
    else:
        from ssi_coach.output.render_history import render_history
        from ssi_coach.output.terminal import terminal_width

        _print(render_history(found.report, settings.lang, _color(), terminal_width()))


@_command(
    epilog=_examples(
        "ssi-coach review",
        "ssi-coach review --week 2026-W48 --markdown | pbcopy",
        "ssi-coach review --days 30 --json",
    )
)
def review(
    days: Annotated[
        str | None,
        typer.Option(metavar="N", help="The last N days, 1 to 366, ending on --date (default: 7)."),
    ] = None,
    week: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-Www",
            help="An ISO week instead, Monday to Sunday, such as 2026-W48.",
            show_default=False,
        ),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="The last day of the period: YYYY-MM-DD, today or yesterday (default: today).",
        ),
    ] = None,
    lang: LangOption = None,
    rules: RulesOption = None,
    json_output: JsonOption = False,
    markdown: Annotated[
        bool,
        typer.Option(
            "--markdown", help="Print Markdown to paste into a note, a Slack message or an email."
        ),
    ] = False,
) -> None:
    """Your week in review: SSI and pillars at the start and end, days and minutes planned
    and done, streak, actions done most, one-offs done, and one suggestion for next week.

    By default the last 7 days, today included. A day counts when it has a plan, except a
    rest day with nothing ticked.
    """
    from datetime import date

    from ssi_coach.commands.review import review as review_of
    from ssi_coach.core.review import period_of
    from ssi_coach.errors import InputError

    settings = _settings(lang=lang, rules=rules)
    with _errors(settings.lang):
        if json_output and markdown:
            raise InputError("--markdown", "err.json_or_markdown")
        if week is not None and (days is not None or day is not None):
            raise InputError("--week", "err.week_alone", other="--days" if days else "--date")
        today = date.today()
        report = review_of(settings, period_of(days, week, _day(day), today), today)
    if json_output:
        from ssi_coach.output.json_output import review_json

        _print_json(review_json(report, settings.lang))
    elif markdown:
        from ssi_coach.output.render_review import render_review_markdown

        _write(sys.stdout, render_review_markdown(report, settings.lang), color=False)
    else:
        from ssi_coach.output.render_review import render_review

        _print(render_review(report, settings.lang))


@_command(
    epilog=_examples(
        "ssi-coach forget 2026-11-21",
        "ssi-coach forget 9999-12-31 --yes",
    )
)
def forget(
    day: Annotated[
        str,
        typer.Argument(
            metavar="DATE",
            help="The day to forget: YYYY-MM-DD, today or yesterday.",
            show_default=False,
        ),
    ],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for a confirmation.")] = False,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Delete everything stored for one day: its record, plan and ticks, in one go.

    It asks first, unless --yes is given; a day with nothing stored is refused.
    """
    from ssi_coach.commands.history import forget as forget_day
    from ssi_coach.core.values import parse_typed_day
    from ssi_coach.errors import InputError

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        chosen = parse_typed_day(day, "DATE", any_year=True)  # to remove one out of range
        day_words = _day_words(chosen, settings.lang)
        if not yes:
            if sys.stdin is None or not sys.stdin.isatty():
                raise InputError(chosen.isoformat(), "err.confirm")
            if not _confirm(_localized(settings.lang, "forget.ask", day=day_words), settings.lang):
                _print(_localized(settings.lang, "forget.kept") + "\n")
                return
        removed = forget_day(chosen)
    if json_output:
        _print_json({"date": chosen.isoformat(), "forgotten": True, "rows": removed})
    else:
        _print(_localized(settings.lang, "forget.done", day=day_words) + "\n")


@_command("import", epilog=_examples("ssi-coach import ssi.csv", "ssi-coach import backup.json"))
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
    from ssi_coach.commands.importing import import_history

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        imported = import_history(path, settings)
    if json_output:
        _print_json(imported._asdict())
    else:
        from ssi_coach.output.messages import plural

        counts = {name: plural(settings.lang, name, n) for name, n in imported._asdict().items()}
        _print(_localized(settings.lang, "imported", path=path, **counts) + "\n")


@_command(
    epilog=_examples(
        "ssi-coach team team.csv",
        "ssi-coach team team.csv --sort insights --all",
        "ssi-coach team - --json < team.csv",
        "ssi-coach team team.csv --csv --sep ';' --decimal-comma > ranking.csv",
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
            autocompletion=_complete_sort,
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
    csv_output: Annotated[
        bool, typer.Option("--csv", help="The table of every rep, as CSV for a spreadsheet.")
    ] = False,
    separator: SepOption = None,
    decimal_comma: DecimalCommaOption = False,
) -> None:
    """The team view for sales managers: averages, bands, ranks and coaching groups.

    Bad rows are listed on stderr with their line number (exit status 1) and the report is
    made from the valid ones.
    """
    from ssi_coach.commands.team import team as team_report
    from ssi_coach.errors import FileProblems, Place

    settings = _settings(lang=lang, target=target, industry=industry, rules=rules)
    with _errors(settings.lang):
        csv_style = _csv_style(csv_output, json_output, separator, decimal_comma)
        report = team_report(path, settings, sort)
    source = "stdin" if path == "-" else path
    if json_output:
        from ssi_coach.output.json_output import team_json

        _print_json_pieces(team_json(report, settings.lang))
    elif csv_style is not None:
        from ssi_coach.formats.spreadsheet import spreadsheet_csv
        from ssi_coach.output.render_team_csv import team_table

        _print_file(spreadsheet_csv(*team_table(report, settings.lang), csv_style))
    else:
        from ssi_coach.output.render_team import render_team

        _print(render_team(report, settings.lang, show_all=show_all, color=_color()))
    if report.warnings:
        from ssi_coach.output.render_team import team_warnings

        _write(sys.stderr, team_warnings(report, source, settings.lang), color=False)
    if report.rejected:
        rows = [(Place("line", row.line), row.error) for row in report.rejected]
        _report_error(_with_status(FileProblems(source, rows), 1), settings.lang)


@_command("show", group="config", epilog=_examples("ssi-coach config show"))
def config_show(json_output: JsonOption = False, lang: LangOption = None) -> None:
    """Print the saved settings."""
    from ssi_coach.commands.settings import load_config

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        saved = load_config()
    if json_output:
        _print_json(saved)
    elif not saved:
        _print(_localized(settings.lang, "config.empty") + "\n")
    else:
        from ssi_coach.commands.settings import shown_setting

        for key, value in saved.items():
            shown = shown_setting(value)
            _print(_localized(settings.lang, "config.saved", key=key, value=shown) + "\n")


@_command(
    "set",
    group="config",
    epilog=_examples("ssi-coach config set industry 32", "ssi-coach config set lang fr"),
)
def config_set(
    key: Annotated[
        str,
        typer.Argument(
            metavar="KEY",
            autocompletion=_complete_config_key,
            help="target, industry, network, minutes, lang, rules, sales_navigator (true or "
            "false) or rest_days (such as sat,sun, or none).",
        ),
    ],
    value: Annotated[
        str, typer.Argument(metavar="VALUE", help="Checked like the option of the same name.")
    ],
    lang: LangOption = None,
) -> None:
    """Save a setting; an option on the command line still wins over it."""
    from ssi_coach.commands.settings import set_setting, shown_setting

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        saved = set_setting(key, value)
    shown = shown_setting(saved[key])
    _print(_localized(settings.lang, "config.saved", key=key, value=shown) + "\n")


@_command("unset", group="config", epilog=_examples("ssi-coach config unset network"))
def config_unset(
    key: Annotated[
        str,
        typer.Argument(
            metavar="KEY", autocompletion=_complete_config_key, help="The setting to forget."
        ),
    ],
    lang: LangOption = None,
) -> None:
    """Forget a setting, so that its default applies again."""
    from ssi_coach.commands.settings import unset_setting

    settings = _settings(lang=lang)
    with _errors(settings.lang):
        unset_setting(key)
    _print(_localized(settings.lang, "config.unset", key=key) + "\n")


@_command("path", group="config", epilog=_examples("ssi-coach config path"))
def config_path_command() -> None:
    """Print where the config file is (it may not exist yet)."""
    from ssi_coach.commands.settings import config_location

    _print(f"{config_location()}\n")


@_command("check", group="rules")
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
    from ssi_coach.commands.rules import check_rulebook

    chosen_lang = _settings(lang=lang).lang
    with _errors(chosen_lang):
        rulebook = check_rulebook(path)
    if json_output:
        from ssi_coach.output.json_output import rulebook_json

        _print_json(rulebook_json(rulebook))
    else:
        from ssi_coach.output.render import render_rulebook_summary

        _print(render_rulebook_summary(rulebook, chosen_lang))


@_command("init", group="rules")
def rules_init(
    path: Annotated[
        Path, typer.Argument(metavar="PATH", help="Where to write the copy; must not exist yet.")
    ],
    lang: LangOption = None,
) -> None:
    """Write a copy of the default rulebook to edit; an existing file is never overwritten.

    Example: ssi-coach rules init my-rules.toml
    """
    from ssi_coach.commands.rules import copy_default_rulebook

    chosen_lang = _settings(lang=lang).lang
    with _errors(chosen_lang):
        copy_default_rulebook(path)
    _print(_localized(chosen_lang, "rules.written", path=path) + "\n")


def _settings(**options: Any) -> "Settings":
    """The settings in force: options over the config over the defaults; exits 2 on a bad one."""
    from ssi_coach.commands.settings import resolve_settings
    from ssi_coach.errors import SsiCoachError

    try:
        settings = resolve_settings(**options)
    except SsiCoachError as error:
        _report_error(error, _best_known_lang(options.get("lang")))
    if settings.warnings:  # a bad key of the config file: said, then its default applies
        from ssi_coach.output.messages import describe

        said = "".join(
            f"ssi-coach: {_localized(settings.lang, 'warning')} {describe(w, settings.lang)}\n"
            for w in settings.warnings
        )
        _write(sys.stderr, said, color=False)
    return settings


def _command_line_lang(args: list[str]) -> "Lang":
    """The language of a command line that did not get as far as its command: its --lang if
    it has one, else the environment, the config and the locale, as `resolve_settings`."""
    from itertools import pairwise

    option = next((value for arg, value in pairwise(args) if arg == "--lang"), None)
    for arg in args:
        if arg.startswith("--lang="):
            option = arg.removeprefix("--lang=")
    return _best_known_lang(option)


def _best_known_lang(option: str | None) -> "Lang":
    """As `resolve_lang`, reading the config; a bad --lang, SSI_COACH_LANG or config is passed
    over, so that the error about it is said in the language the user would otherwise get."""
    from ssi_coach.commands.language import resolve_lang
    from ssi_coach.commands.settings import load_config
    from ssi_coach.errors import SsiCoachError

    try:
        configured = load_config().get("lang")
    except SsiCoachError:
        configured = None
    if not isinstance(configured, str):
        configured = None
    without_variable = {k: v for k, v in os.environ.items() if k != "SSI_COACH_LANG"}
    for chosen, environ, saved in (
        (option, os.environ, configured),
        (None, os.environ, configured),
        (None, without_variable, configured),
        (None, without_variable, None),
    ):
        try:
            return resolve_lang(chosen, environ, saved)
        except SsiCoachError:
            continue
    return "en"


def _csv_style(
    csv_output: bool, json_output: bool, separator: str | None, decimal_comma: bool
) -> "CsvStyle | None":
    """The style of the CSV asked for (None: no CSV), its options checked."""
    from ssi_coach.errors import InputError

    if csv_output and json_output:
        raise InputError("--csv", "err.one_format")
    if not csv_output:
        if separator is not None or decimal_comma:
            option = "--sep" if separator is not None else "--decimal-comma"
            raise InputError(option, "err.csv_only")
        return None
    from ssi_coach.formats.spreadsheet import csv_style

    return csv_style(separator, decimal_comma)


@contextmanager
def _errors(lang: "Lang") -> Iterator[None]:
    """Turns the errors of the layers below into a message on stderr and an exit status."""
    from ssi_coach.errors import SsiCoachError

    try:
        yield
    except SsiCoachError as error:
        _report_error(error, lang)


def _with_status(error: "SsiCoachError", status: int) -> "SsiCoachError":
    error.exit_status = status
    return error


def _localized(lang: "Lang", message_key: str, /, **values: object) -> str:
    from ssi_coach.output.messages import localized

    return localized(lang, message_key, **values)


def _day(text: str | None) -> "date":
    from datetime import date

    from ssi_coach.core.values import parse_typed_day

    return date.today() if text is None else parse_typed_day(text)


def _confirm(question: str, lang: "Lang") -> bool:
    """A yes/no question on the terminal, in the user's language (Click's asks `[y/N]` and
    says `Error: invalid input` in English); no by default and at the end of input."""
    while True:
        _write(sys.stdout, f"{question} {_localized(lang, 'confirm.choices')} ", color=False)
        answer = sys.stdin.readline()
        word = answer.strip().casefold()
        if not answer or word in ("", "n", "no", "non"):
            return False
        if word in ("y", "yes", "o", "oui"):
            return True
        _write(sys.stdout, _localized(lang, "confirm.again") + "\n", color=False)


def _fitted(text: str) -> str:
    """`text` cut between words to the terminal's width (the terminal would cut mid-word)."""
    from ssi_coach.output.render import wrap
    from ssi_coach.output.terminal import terminal_width

    width = max(20, terminal_width() - 1)
    return "\n".join(wrap(text, 0, width=width)) + "\n"


def _day_words(day: "date", lang: "Lang") -> str:
    from ssi_coach.output.messages import format_day

    return format_day(day, lang)


def _color() -> bool:
    from ssi_coach.output.terminal import wants_color

    return wants_color(sys.stdout)


def _print(text: str) -> None:
    """Text to stdout: made safe, coloured on a colour terminal."""
    _write(sys.stdout, text, color=_color())


def _print_json(data: object) -> None:
    from ssi_coach.output.json_output import dumps

    _write(sys.stdout, dumps(data) + "\n", color=False)


def _print_json_pieces(pieces: Iterator[str]) -> None:
    """A long JSON document written as it is made, in blocks of about 64 KiB."""
    block: list[str] = []
    size = 0
    for piece in pieces:
        block.append(piece)
        size += len(piece)
        if size > 65536:
            _write(sys.stdout, "".join(block), color=False)
            block, size = [], 0
    _write(sys.stdout, "".join(block), color=False)


def _print_file(pieces: Iterable[str]) -> None:
    """A file's content (a CSV export) to stdout, written as it is made. To a file or a pipe
    it goes unchanged, so that a name keeps its quoted line break or odd character; on a
    terminal it is shown like any text, made safe (no raw control character reaches it)."""
    as_is = sys.stdout is not None and not sys.stdout.isatty()
    for piece in pieces:
        _write(sys.stdout, piece, color=False, as_is=as_is)


def main() -> None:
    """The `ssi-coach` console script (and `python -m ssi_coach`, under the same name)."""
    _app_for(sys.argv[1:])(prog_name="ssi-coach")


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command being run (every command for help, completion and a
    name that is no command), built with Typer's public API from `_REGISTERED`."""
    first = next((arg for arg in args if not arg.startswith("-")), None)
    chosen = [
        entry
        for entry in _REGISTERED
        if first is not None and (entry[0] == first or (entry[0] is None and entry[1] == first))
    ]
    if not chosen or os.environ.get("_SSI_COACH_COMPLETE"):
        return app
    slim = typer.Typer(**APP_SETTINGS)
    slim.callback(invoke_without_command=True)(_main)
    if first in GROUP_SETTINGS:
        group = typer.Typer(**GROUP_SETTINGS[first])
        for _, name, function, settings in chosen:
            group.command(name, **settings)(function)
        slim.add_typer(group, name=first)
    else:
        _, name, function, settings = chosen[0]
        slim.command(name, **settings)(function)
    return slim
