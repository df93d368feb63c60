"""The command line: parse the arguments, call the core, render the result.

Nothing here computes a score or chooses an action. Core modules are imported inside the
commands, so that `--help`, completion and each command load only what they use.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

# Typer 0.28 ships its own copy of Click; these are the errors it raises for bad usage.
from typer._click.exceptions import ClickException

from ssi_coach import __version__

if TYPE_CHECKING:
    from ssi_coach.errors import SsiCoachError
    from ssi_coach.pillars import Lang

EXAMPLES_CHECK = """\
Examples:

  ssi-coach check 18 12 15 20

  ssi-coach check 18,5 12,25 15 20 --industry 32 --network 35 --lang fr

  ssi-coach check 18 12 15 20 --minutes 30 --json | jq .plan
"""


class _Group(typer.core.TyperGroup):
    """Turns every failure into one line on stderr and an exit status, never a traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            status = super().main(*args, **kwargs)
        except ClickException as error:  # bad usage: unknown option, missing value...
            _fail(error.format_message(), error.exit_code)
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


def _fail(message: str, status: int = 2) -> NoReturn:
    sys.stdout.flush()
    print(f"ssi-coach: {message}", file=sys.stderr)
    sys.exit(status)


def _report_error(error: SsiCoachError, lang: Lang) -> NoReturn:
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
        print(ctx.get_help())


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="en|fr",
        help="Language of the output (default: SSI_COACH_LANG, else your locale, else en).",
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


@app.command(
    context_settings={"ignore_unknown_options": True},  # so that -3 reaches us as a score
    epilog=EXAMPLES_CHECK,
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
    target: Annotated[
        str | None, typer.Option(metavar="N", help="Total to aim for, 0-100 (default: 75).")
    ] = None,
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
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="Day of the plan (default: today)."),
    ] = None,
    lang: LangOption = None,
    rules: RulesOption = None,
    json_output: JsonOption = False,
) -> None:
    """Score your SSI: total, weakest pillar, gaps to benchmarks and today's 20-minute plan."""
    from datetime import date

    from ssi_coach import inputs
    from ssi_coach.errors import SsiCoachError
    from ssi_coach.report import build_check_report
    from ssi_coach.rulebook import load_rulebook
    from ssi_coach.scoring import DEFAULT_TARGET

    chosen_lang = _language(lang)
    try:
        report = build_check_report(
            inputs.parse_scores(scores or []),
            target=DEFAULT_TARGET if target is None else inputs.parse_benchmark(target, "--target"),
            industry=None if industry is None else inputs.parse_benchmark(industry, "--industry"),
            network=None if network is None else inputs.parse_benchmark(network, "--network"),
            budget=20 if minutes is None else inputs.parse_budget(minutes),
            day=date.today() if day is None else inputs.parse_day(day),
            lang=chosen_lang,
            rulebook=load_rulebook(rules),
        )
    except SsiCoachError as error:
        _report_error(error, chosen_lang)
    if json_output:
        _print_json(report.to_json())
    else:
        from ssi_coach.render import render_check, wants_color

        sys.stdout.write(render_check(report, color=wants_color(sys.stdout)))


def _language(option: str | None) -> Lang:
    from ssi_coach.errors import InputError
    from ssi_coach.messages import resolve_lang

    try:
        return resolve_lang(option, os.environ)
    except InputError as error:
        _report_error(error, "en")


def _print_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


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
    from ssi_coach.messages import t
    from ssi_coach.paths import default_rulebook
    from ssi_coach.pillars import PILLARS

    chosen_lang = _language(lang)
    path = path or default_rulebook()
    try:
        from ssi_coach.rulebook import load_rulebook

        rulebook = load_rulebook(path, use_cache=False)
    except RulebookError as error:
        sys.stdout.flush()
        for problem in error.problems:
            print(f"ssi-coach: {problem}", file=sys.stderr)
        sys.exit(2)
    counts = {p: sum(a.pillar == p for a in rulebook.actions) for p in PILLARS}
    if json_output:
        _print_json(
            {
                "path": str(path),
                "valid": True,
                "focus_share": rulebook.focus_share,
                "bands": [band.id for band in rulebook.bands],
                "actions": counts,
            }
        )
        return
    lines = [
        t(chosen_lang, "rules.valid", path=path),
        "  "
        + t(
            chosen_lang,
            "rules.summary",
            bands=len(rulebook.bands),
            actions=len(rulebook.actions),
            share=round(rulebook.focus_share * 100),
        ),
        *("  " + t(chosen_lang, "rules.pillar", pillar=p, count=counts[p]) for p in PILLARS),
    ]
    print("\n".join(lines))


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

    chosen_lang = _language(lang)
    try:
        with path.open("xb") as stream:  # "x": fails rather than overwrite
            stream.write(default_rulebook().read_bytes())
    except FileExistsError:
        _fail(t(chosen_lang, "err.exists", field="rules init", value=path))
    except OSError as error:
        _fail(f"{path}: {error.strerror or error}")
    print(t(chosen_lang, "rules.written", path=path))


def main() -> None:
    """The `ssi-coach` console script."""
    app()
