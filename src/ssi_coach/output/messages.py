"""Every sentence ssi-coach prints, in English and French, and the one place errors become
sentences (`describe`): localisation happens here, on the way out.

Coaching content (bands, actions, diagnoses) lives in the rulebook instead; this module holds
the words of the interface itself.
"""

import errno
from datetime import date
from typing import TYPE_CHECKING, Final

from ssi_coach.core.pillars import PILLARS, Lang, label, short_label
from ssi_coach.errors import (
    FileProblems,
    KeyedError,
    Place,
    RulebookError,
    SsiCoachError,
)

if TYPE_CHECKING:  # every command and error says its words here: only `check` needs these
    from ssi_coach.core.explanation import Explanation

MESSAGES: Final[dict[Lang, dict[str, str]]] = {
    "en": {
        "total": "Your SSI: {total}/100 ({band})",
        "pillars": "Pillars (out of 25)",
        "weakest": "weakest",
        "benchmarks": "Benchmarks",
        "bench.target": "the target",
        "bench.industry": "your industry average",
        "bench.network": "your network average",
        "bench.team": "your team average",
        "gap.behind": "{gap} points behind {what} of {value}",
        "gap.ahead": "{gap} points ahead of {what} of {value}",
        "gap.level": "level with {what} of {value}",
        "plan": "Today's plan, {date}: {minutes}, focus on {pillar}",
        "plan.total": "Total: {minutes}",
        "minutes": "{minutes} min",
        "why": "why:",
        "focus": "Why this focus: {pillar} is your weakest pillar ({score}/25). {diagnosis}",
        "rules.valid": "{path}: valid rulebook",
        "rules.summary": "{bands}, {actions}, focus share {share}%",
        "rules.pillar": "{pillar}: {count}; from a score of 18: {advanced}; suiting any score: at least {fewest}",
        "rules.cadences": "cadences: once {once}, daily {daily}, weekly {weekly}, rotate {rotate}",
        "rules.more": "with a source: {sourced} of {actions}; needing Sales Navigator: {navigator}; publishing: {publishing} ({per_week} a week at most)",
        "rules.written": "Wrote {path}: edit it, then use it with --rules {path}",
        "change": "{change} since {date}",
        "explain": "What moved",
        "explain.change": "{pillar}: {change} since {date}",
        "explain.recalibration": "all four pillars fell together: this looks like a change on LinkedIn's side, not something you did",
        "explain.habits.none": "no {pillar} item was done in the last {days} days",
        "explain.habits.one": "you did {n} {pillar} item in the last {days} days",
        "explain.habits.many": "you did {n} {pillar} items in the last {days} days",
        "today": "Today, {date}: plan from your scores of {based_on}",
        "today.left": "{minutes} left",
        "today.done": "All done for today.",
        "today.done_day": "All done for {date}.",
        "tick.hint": "Tick them off: ssi-coach done 1 3 · or ssi-coach today -i",
        "err.no_record_by": "No scores on or before {date}. Start with: ssi-coach check BRAND PEOPLE INSIGHTS RELATIONSHIPS --date {value}",
        "streak": "Streak: {current} in a row (best: {best})",
        "days.one": "{n} day",
        "days.many": "{n} days",
        "reps.one": "{n} rep",
        "reps.many": "{n} reps",
        "rows.one": "{n} row rejected",
        "rows.many": "{n} rows rejected",
        "records.one": "{n} record",
        "records.many": "{n} records",
        "ticks.one": "{n} tick",
        "ticks.many": "{n} ticks",
        "minutes.one": "{n} minute",
        "minutes.many": "{n} minutes",
        "actions.one": "{n} action",
        "actions.many": "{n} actions",
        "bands.one": "{n} band",
        "bands.many": "{n} bands",
        "fields.one": "{n} field",
        "fields.many": "{n} fields",
        "received.one": "got {n}",
        "received.many": "got {n}",
        "hidden.one": "{n} rep hidden",
        "hidden.many": "{n} reps hidden",
        "days_done.one": "{n} day done",
        "days_done.many": "{n} days done",
        "days_not_done.one": "{n} day not done",
        "days_not_done.many": "{n} days not done",
        "team": "Team: {reps}",
        "team.average": "Average SSI: {total}/100 ({band}); weakest pillar: {pillar}",
        "team.bands": "Bands: {bands}",
        "team.benchmark.industry": "the industry average",
        "team.name": "name",
        "team.rank": "rank",
        "team.team": "team",
        "team.stale_column": "stale",
        "team.weakest": "weakest",
        "team.count": "reps",
        "team.hidden": "... {hidden} (--all shows them)",
        "team.groups": "Coaching groups, by weakest pillar",
        "team.group": "{pillar}, {reps}, median {median}/25:",
        "team.more": "and {n} more",
        "team.teams": "Sub-teams",
        "team.rejected": "{source}: line {line}: {reason}",
        "team.updated": "updated",
        "stale.one": "{n} stale rep left out",
        "stale.many": "{n} stale reps left out",
        "weeks.one": "{n} week",
        "weeks.many": "{n} weeks",
        "team.stale": "Stale, left out of the figures (no row in the {days} days before {date}):",
        "team.change_since": "change: since {date}",
        "team.change_since_each": "change: since each rep's previous row, {first} to {last}",
        "team.trend": "Team trend: weekly average SSI, {first} to {last} ({weeks} with rows)",
        "team.movers": "Who moved, from each rep's earliest row to their latest",
        "team.improved": "Most improved: {reps}",
        "team.declined": "Most declined: {reps}",
        "team.below_industry": "Below the industry average of {value}: {reps}",
        "team.none_below": "Nobody is below the industry average of {value}.",
        "warn.team.encoding": "{source}: not UTF-8 text, read as Windows-1252 (as French Excel saves CSV)",
        "warn.team.same_name": "{source}: lines {lines}: {name} more than once; counted once, the last line counts",
        "warn.team.same_date": "{source}: lines {lines}: {name} has more than one row dated {date}; the last line counts",
        "warn.team.more": "{source}: {n} more warnings like these (--json lists up to 1000)",
        "err.no_scores_yet": "No scores yet. Start with: ssi-coach check BRAND PEOPLE INSIGHTS RELATIONSHIPS",
        "history": "History: {count} from {first} to {last}",
        "history.one_day": "History: {count} on {first}",
        "history.date": "date",
        "history.total": "total",
        "history.change": "change",
        "history.chart": "Total over time",
        "history.legend": "{total} total   {line} target {target}   {forecast} forecast at this pace",
        "history.trends": "Trend per pillar (0 to 25)",
        "forecast.reached": "Forecast: you are at or above your target of {target}.",
        "forecast.date": "Forecast: at this pace ({pace}), you go from {latest} to {target} in {days}, around {date}.",
        "forecast.never": "Forecast: at this pace ({pace}) you will not reach {target}.",
        "forecast.thin": "Forecast: not enough data yet: {records} over {days} in the last 28 days, where the pace needs at least 3 records over 7 days.",
        "forecast.pace.one": "{day} point a day, {week} a week",
        "forecast.pace.many": "{day} points a day, {week} a week",
        "habits": "Habits that worked (average change on the next record)",
        "habits.row": "{pillar}: {done} after {done_days}, {not_done} after {not_done_days}",
        "habits.lag": "SSI looks back over a window of past activity: a day's work shows over several days, not overnight.",
        "imported": "Imported {records} and {ticks} from {path}",
        "interactive.tty": "--interactive needs a terminal on stdin",
        "interactive.prompt": "Today's checklist",
        "interactive.help": "(arrows to move, space to tick, enter to save)",
        "interactive.choice": "{number}. {pillar}, {minutes}: {text}",
        "config.saved": "{key} = {value}",
        "config.unset": "{key} unset",
        "config.empty": "No settings saved; the defaults apply.",
        "err.paste_binary": "{field}: this is not text; paste the JSON of LinkedIn's SSI data or the text of its SSI page",
        "err.paste_empty": "{field}: nothing to read; on LinkedIn's SSI page, select all, copy, then paste here",
        "err.paste_json": "{field}: not usable JSON ({reason}); expected the JSON of LinkedIn's salesApiSsi address",
        "err.json": "{field}: not usable JSON ({reason})",
        "json.at_line": "{reason}, line {line}",
        "json.value": "a value was expected",
        "json.name": "a name in double quotes was expected",
        "json.colon": "a ':' was expected",
        "json.comma": "a ',' was expected",
        "json.string": "a text is not closed",
        "json.control": "a control character inside a text",
        "json.escape": "an invalid escape",
        "json.extra": "more data after the end",
        "json.other": "{text}",
        "json.deep": "nested too deeply",
        "json.number": "a number too long",
        "json.no_member": "no memberScore in it",
        "err.too_large": "{field}: larger than {limit}, the most ssi-coach reads of such a file",
        "err.line_too_long": "{field}: a line is longer than {limit}, the most ssi-coach reads",
        "err.csv": "{field}: line {line}: {reason}",
        "err.stdin_closed": "{field}: closed; give a file, or pipe the text in",
        "err.cannot_write_output": "cannot write the output: {reason}",
        "err.store_foreign": "{field}: this SQLite file was not made by ssi-coach; it was left untouched. Move it away, or set SSI_COACH_HOME to another directory.",
        "err.store_newer": "{field}: this history was written by a newer ssi-coach (schema {version}); upgrade ssi-coach to use it. It was left untouched.",
        "err.store_locked": "{field}: the history database stayed locked for over {seconds} s by another program; nothing was saved, try again",
        "err.store_full": "{field}: no space left on the device; nothing was saved",
        "err.store_not_writable": "{field}: cannot write there ({reason}); nothing was saved",
        "err.store_unusable": "{field}: the history database is unusable ({reason}). It was left untouched: move it away to start a new history, or restore it from a backup (ssi-coach history --json makes one).",
        "warn.outside_record": "warning: the record of {field} is outside the days ssi-coach takes; it is left out of the report (ssi-coach forget {field} removes it)",
        "err.nothing_on_day": "{field}: nothing is stored for this day",
        "warning": "warning:",
        "err.confirm": "forget {field}: add --yes to confirm (there is no terminal to ask)",
        "forget.ask": "Forget everything stored for {day} (scores, plan, ticks)?",
        "forget.done": "Forgot {day}.",
        "forget.kept": "Nothing changed.",
        "confirm.choices": "[y/N]:",
        "confirm.again": "Answer y (yes) or n (no).",
        "err.not_rank": "{field}: '{value}' is not a rank (a whole percentage from 1 to 100)",
        "err.paste_unknown": "{field}: neither LinkedIn's SSI JSON nor the text of its SSI page (no pillar name in it); paste one of them",
        "err.paste_missing_json": "{field}: read as LinkedIn's SSI JSON: found {found} of the 4 pillars (missing: {missing}){total}",
        "err.paste_missing_page": "{field}: read as LinkedIn's SSI page: found {found} of the 4 pillars (missing: {missing}){total}; copy the whole page",
        "err.paste_only_peers": "{field}: only your peers' averages were found (under People in your industry, network or team), not your own scores; copy the whole SSI page",
        "paste.no_total": "; no total",
        "err.no_clipboard": "{field}: no clipboard tool answered (pbpaste, wl-paste, xclip, xsel or PowerShell); give a file (ssi-coach paste page.txt) or pipe it in (ssi-coach paste - < page.txt)",
        "err.paste_total": "{field}: the total {total} is more than 1 point away from the sum of the pillars ({sum})",
        "paste.waiting": "Paste LinkedIn's SSI page or JSON, then press Ctrl-D (Ctrl-Z then Enter on Windows).",
        "rank": "top {rank}% of {what}",
        "rank.industry": "your industry",
        "rank.network": "your network",
        "rank.team": "your team",
        # Errors in what the user typed.
        "err.count": "expected 4 scores in LinkedIn's order ({order}), {count}",
        "err.missing": "{field}: score missing (expected 4 scores: {order})",
        "err.empty": "{field}: empty value",
        "err.not_number": "{field}: '{value}' is not a number",
        "err.not_finite": "{field}: '{value}' is not a finite number",
        "err.not_whole": "{field}: '{value}' is not a whole number",
        "err.below": "{field}: {value} is below the minimum of {low}",
        "err.above": "{field}: {value} is above the maximum of {high}",
        "err.date": "{field}: '{value}' is not a date in the form YYYY-MM-DD",
        "err.typed_date": "{field}: '{value}' is not a date: give YYYY-MM-DD, today or yesterday",
        "err.date_range": "{field}: {value} is outside the days ssi-coach takes, {first} (LinkedIn's launch) to {last}",
        "err.lang": "{field}: '{value}' is not a supported language (en, fr)",
        "err.option": "unknown option {value} (see ssi-coach check --help)",
        "err.exists": "{field}: {value} already exists; choose another path or remove it first",
        "err.config_key": "{field}: unknown key '{value}' (keys: {keys})",
        "err.sort": "{field}: '{value}' is not a sort order ({keys})",
        "err.one_format": "{field}: choose --csv or --json, not both",
        "err.csv_only": "{field}: only with --csv",
        "err.separator": "{field}: '{value}' is not a separator (give , or ; or | or tab)",
        "err.decimal_comma": "{field}: a decimal comma needs another separator than ',' (for example --sep ';')",
        "err.no_items": "{field}: name the items by number or id, or use --all",
        "err.total": "{field}: {value} is not the sum of the pillars ({sum})",
        "err.item": "{field}: no such item today (give a number from 1 to {count}, or an id)",
        "err.cannot_read": "{field}: cannot read the file: {reason}",
        "os.ENOENT": "no such file or directory",
        "os.EACCES": "permission denied",
        "os.EPERM": "operation not permitted",
        "os.EISDIR": "it is a directory",
        "os.ENOTDIR": "a part of the path is not a directory",
        "os.ENOSPC": "no space left on the device",
        "os.EROFS": "read-only file system",
        "os.ENAMETOOLONG": "file name too long",
        "os.ELOOP": "too many symbolic links",
        "os.EIO": "input/output error",
        "os.other": "system error {code}",
        "err.not_utf8": "{field}: not UTF-8 text: save it as UTF-8 (in Excel: CSV UTF-8)",
        "err.not_text": "{field}: neither UTF-8 nor Windows-1252 text: save it as CSV UTF-8",
        "err.utf16": '{field}: UTF-16 text (Excel\'s "Unicode text"): save it as CSV UTF-8',
        "err.mixed_encoding": "{field}: UTF-8 text, then bytes that are not, past the first {limit} stdin keeps to read it again as Windows-1252: give the file's name instead",
        "err.sheet_date": "{field}: '{value}' is not a date in the form YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY",
        "err.no_such_day": "{field}: '{value}' is not a day of the calendar",
        "err.no_such_day_first": "{field}: '{value}' is not a day of the calendar, read day first (DD/MM/YYYY)",
        "err.short_year": "{field}: '{value}': write the year with four digits",
        "err.no_valid_row": "{field}: no valid row",
        "err.team_column": "{field}: missing column {missing} (a name column is name, rep or nom; pillars go by their key or LinkedIn's label; columns found: {found})",
        "err.team_columns": "{field}: missing columns {missing} (a name column is name, rep or nom; pillars go by their key or LinkedIn's label; columns found: {found})",
        "err.fields": "{count}, the header has {expected}",
        "err.import_empty": "the file is empty",
        "err.import_columns": "{problems}",
        "err.import_missing_column": "missing column '{value}'",
        "err.import_unknown_column": "unknown column '{value}'",
        "err.import_day_twice": "{value} was already given at {place}",
        "err.import_json": "invalid JSON: {reason}",
        "err.import_json_shape": "expected the JSON that 'ssi-coach history --json' writes",
        "err.import_record": "expected an object with a date and scores",
        "err.import_tick": "expected an object with a date and an id",
        "place.line": "line {n}",
        "place.records": "records[{n}]",
        "place.records_key": "records",
        "place.ticks": "ticks[{n}]",
        "place.plans": "plans[{n}]",
        "place.done_before": "done_before[{n}]",
        "err.import_plan": "expected an object with a date, minutes, based_on and items",
        "problem.at": "{field}: {place}: {reason}",
        "problem.separator": "; ",
        "none.found": "none",
        "err.config_file": "{field}: {reason}; the default applies (fix it with: ssi-coach config set {key} VALUE, or ssi-coach config unset {key})",
        "err.not_setting": "{field}: expected a number or a text",
        "err.cannot_write": "{field}: cannot write the file: {reason}",
        "err.yes_no": "{field}: '{value}' is not true or false",
        "err.weekdays": "{field}: '{value}' is not a list of weekdays ({days}) or none",
        "err.no_replacement": "{field}: no other action of this pillar fits {minutes} minutes today; the plan is unchanged",
        "today.rest": "A rest day: no plan is expected today; this one is optional.",
        "skip.replaced": "Replaced {old} with {new}",
        "skip.done_before": "{old} counts as done and will not come back",
        "err.interactive_cancelled": "cancelled, nothing changed",
        "status.line": "SSI {total}{change}",
        "status.change": " ({change})",
        "status.focus": "focus {pillar}",
        "status.done": "{done}/{items} done",
        "status.left": "{minutes} min left",
        "status.streak": "streak {days}",
        "status.rest": "rest day",
        "status.separator": " · ",
        "status.stale": "SSI: check today's scores",
        "status.no_scores": "No SSI scores yet: run ssi-coach check BRAND PEOPLE INSIGHTS RELATIONSHIPS, or ssi-coach paste",
        "status.reminder": "No SSI scores for today yet: ssi-coach check BRAND PEOPLE INSIGHTS RELATIONSHIPS, or copy LinkedIn's SSI page and run ssi-coach paste",
        "err.status_placeholder": "{field}: unknown placeholder {value} (known: {{total}} {{change}} {{focus}} {{done}} {{items}} {{minutes_left}} {{streak}} {{date}})",
        "err.status_template": "{field}: '{value}' is not a template: a placeholder is written {{total}}, and a brace alone {{{{ or }}}}",
        "err.shell": "{field}: '{value}' is not a shell init knows (bash, zsh, fish)",
        # Usage errors, as Click words them in English (output/usage_errors.py).
        "usage.no_command": "No such command '{name}'.",
        "usage.no_command_guess": "No such command '{name}'. Did you mean {names}?",
        "usage.no_option": "No such option: {option}",
        "usage.possible": "(Possible options: {options})",
        "usage.missing_argument": "Missing argument {hint}.",
        "usage.missing_option": "Missing option {hint}.",
        "usage.needs_value": "Option '{option}' requires an argument.",
        "usage.no_value": "Option '{option}' does not take a value.",
        "usage.extra.one": "Got unexpected extra argument ({args})",
        "usage.extra.many": "Got unexpected extra arguments ({args})",
        "usage.invalid": "Invalid value for {hint}: {detail}",
        "usage.directory": "{path} is a directory, not a file",
        "usage.other": "wrong command line; see {command} --help",
        "usage.refused": "not accepted",
        "usage.aborted": "aborted, nothing changed",
        # review (commands/review.py)
        "review.title": "Review, {first} to {last} ({days})",
        "review.title_week": "Review of week {week}, {first} to {last}",
        "review.ssi": "SSI: {start} on {start_date}, {end} on {end_date} ({change})",
        "review.one_record": "SSI: {end} on {end_date} (no other record to compare with)",
        "review.pillar": "pillar",
        "review.start": "start",
        "review.end": "end",
        "review.change": "change",
        "review.minutes": "minutes done/planned",
        "review.total": "total",
        "review.days": "Days with a plan: {planned}; done in full: {done}",
        "review.top": "Done most",
        "review.top_row": "{text} ({pillar}, {times})",
        "review.top_none": "Nothing ticked in this period.",
        "review.one_offs": "One-offs done",
        "review.one_offs_none": "None in this period.",
        "review.next": "Next week",
        "review.suggest.neglected": "{pillar} fell ({change}) while none of its items was done on {missed} of the {days} days that planned one. Start with: {action}",
        "review.suggest.weakest": "Your weakest pillar is {pillar} ({score}/25). Start with: {action}",
        "times.one": "{n} time",
        "times.many": "{n} times",
        "err.week": '{field}: "{value}" is not an ISO week: give YYYY-Www, such as 2026-W48',
        "err.week_number": '{field}: {year} has weeks 1 to {weeks}, so "{value}" is not one',
        "err.week_alone": "{field}: --week is the whole period; leave out {other}",
        "err.json_or_markdown": "{field}: choose --json or --markdown, not both",
    },
    "fr": {
        "total": "Votre SSI : {total}/100 ({band})",
        "pillars": "Piliers (sur 25)",
        "weakest": "le plus faible",
        "benchmarks": "Repères",
        "bench.target": "l'objectif",
        "bench.industry": "la moyenne de votre secteur",
        "bench.network": "la moyenne de votre réseau",
        "bench.team": "la moyenne de votre équipe",
        "gap.behind": "{gap} points de retard sur {what} ({value})",
        "gap.ahead": "{gap} points d'avance sur {what} ({value})",
        "gap.level": "à égalité avec {what} ({value})",
        "plan": "Plan du {date} : {minutes}, priorité : {pillar}",
        "plan.total": "Total : {minutes}",
        "minutes": "{minutes} min",
        "why": "pourquoi :",
        "focus": (
            "Pourquoi cette priorité : {pillar} est votre pilier le plus faible ({score}/25). "
            "{diagnosis}"
        ),
        "rules.valid": "{path} : règles valides",
        "rules.summary": "{bands}, {actions}, part de la priorité {share} %",
        "rules.pillar": "{pillar} : {count} ; à partir d'un score de 18 : {advanced} ; pour tout score : au moins {fewest}",
        "rules.cadences": "fréquences : unique {once}, quotidienne {daily}, hebdomadaire {weekly}, en rotation {rotate}",
        "rules.more": "avec une source : {sourced} sur {actions} ; demandant Sales Navigator : {navigator} ; publications : {publishing} ({per_week} par semaine au plus)",
        "rules.written": "{path} écrit : modifiez-le, puis utilisez-le avec --rules {path}",
        "change": "{change} depuis le {date}",
        "explain": "Ce qui a bougé",
        "explain.change": "{pillar} : {change} depuis le {date}",
        "explain.recalibration": "les quatre piliers ont baissé ensemble : cela ressemble à un changement du côté de LinkedIn, pas à quelque chose que vous avez fait",
        "explain.habits.none": "aucune action du pilier {pillar} n'a été faite ces {days} derniers jours",
        "explain.habits.one": "vous avez fait {n} action du pilier {pillar} ces {days} derniers jours",
        "explain.habits.many": "vous avez fait {n} actions du pilier {pillar} ces {days} derniers jours",
        "today": "Aujourd'hui, {date} : plan d'après vos scores du {based_on}",
        "today.left": "Reste : {minutes}",
        "today.done": "Tout est fait pour aujourd'hui.",
        "today.done_day": "Tout est fait pour le {date}.",
        "tick.hint": "Cochez-les : ssi-coach done 1 3 · ou ssi-coach today -i",
        "err.no_record_by": "Aucun score le {date} ni avant. Commencez par : ssi-coach check MARQUE PERSONNES INFORMATIONS RELATIONS --date {value}",
        "streak": "Série : {current} d'affilée (record : {best})",
        "days.one": "{n} jour",
        "days.many": "{n} jours",
        "reps.one": "{n} commercial",
        "reps.many": "{n} commerciaux",
        "rows.one": "{n} ligne rejetée",
        "rows.many": "{n} lignes rejetées",
        "records.one": "{n} relevé",
        "records.many": "{n} relevés",
        "ticks.one": "{n} coche",
        "ticks.many": "{n} coches",
        "minutes.one": "{n} minute",
        "minutes.many": "{n} minutes",
        "actions.one": "{n} action",
        "actions.many": "{n} actions",
        "bands.one": "{n} niveau",
        "bands.many": "{n} niveaux",
        "fields.one": "{n} champ",
        "fields.many": "{n} champs",
        "received.one": "{n} reçue",
        "received.many": "{n} reçues",
        "hidden.one": "{n} commercial masqué",
        "hidden.many": "{n} commerciaux masqués",
        "days_done.one": "{n} jour fait",
        "days_done.many": "{n} jours faits",
        "days_not_done.one": "{n} jour non fait",
        "days_not_done.many": "{n} jours non faits",
        "team": "Équipe : {reps}",
        "team.average": "SSI moyen : {total}/100 ({band}) ; pilier le plus faible : {pillar}",
        "team.bands": "Niveaux : {bands}",
        "team.benchmark.industry": "la moyenne du secteur",
        "team.name": "nom",
        "team.rank": "rang",
        "team.team": "équipe",
        "team.stale_column": "sans relevé récent",
        "team.weakest": "faible",
        "team.count": "nombre",
        "team.hidden": "... {hidden} (--all les montre)",
        "team.groups": "Groupes de coaching, par pilier le plus faible",
        "team.group": "{pillar}, {reps}, médiane {median}/25 :",
        "team.more": "et {n} de plus",
        "team.teams": "Sous-équipes",
        "team.rejected": "{source} : ligne {line} : {reason}",
        "team.updated": "mis à jour",
        "stale.one": "{n} commercial sans relevé récent, laissé de côté",
        "stale.many": "{n} commerciaux sans relevé récent, laissés de côté",
        "weeks.one": "{n} semaine",
        "weeks.many": "{n} semaines",
        "team.stale": "Sans relevé récent, laissés hors des chiffres (aucune ligne dans les {days} jours avant le {date}) :",
        "team.change_since": "variation : depuis le {date}",
        "team.change_since_each": "variation : depuis la ligne précédente de chacun, du {first} au {last}",
        "team.trend": "Tendance de l'équipe : SSI moyen par semaine, du {first} au {last} ({weeks} avec des relevés)",
        "team.movers": "Qui a bougé, de la première ligne de chacun à sa dernière",
        "team.improved": "Plus fortes hausses : {reps}",
        "team.declined": "Plus fortes baisses : {reps}",
        "team.below_industry": "Sous la moyenne du secteur de {value} : {reps}",
        "team.none_below": "Personne n'est sous la moyenne du secteur de {value}.",
        "warn.team.encoding": "{source} : pas du texte UTF-8, lu en Windows-1252 (comme Excel en français enregistre le CSV)",
        "warn.team.same_name": "{source} : lignes {lines} : {name} plus d'une fois ; compté une fois, la dernière ligne compte",
        "warn.team.same_date": "{source} : lignes {lines} : {name} a plus d'une ligne datée du {date} ; la dernière ligne compte",
        "warn.team.more": "{source} : {n} autres avertissements de ce genre (--json en liste jusqu'à 1000)",
        "err.no_scores_yet": (
            "Pas encore de scores. Commencez par : "
            "ssi-coach check MARQUE PERSONNES INFORMATIONS RELATIONS"
        ),
        "history": "Historique : {count} du {first} au {last}",
        "history.one_day": "Historique : {count}, le {first}",
        "history.date": "date",
        "history.total": "total",
        "history.change": "variation",
        "history.chart": "Total dans le temps",
        "history.legend": "{total} total   {line} objectif {target}   {forecast} prévision à ce rythme",
        "history.trends": "Tendance par pilier (de 0 à 25)",
        "forecast.reached": "Prévision : vous êtes au niveau de votre objectif de {target} ou au-dessus.",
        "forecast.date": "Prévision : à ce rythme ({pace}), vous passerez de {latest} à {target} en {days}, vers le {date}.",
        "forecast.never": "Prévision : à ce rythme ({pace}), vous n'atteindrez pas {target}.",
        "forecast.thin": "Prévision : pas encore assez de données : {records} sur {days} dans les 28 derniers jours, quand le rythme en demande au moins 3 sur 7 jours.",
        "forecast.pace.one": "{day} point par jour, {week} par semaine",
        "forecast.pace.many": "{day} points par jour, {week} par semaine",
        "habits": "Habitudes qui ont marché (variation moyenne au relevé suivant)",
        "habits.row": "{pillar} : {done} après {done_days}, {not_done} après {not_done_days}",
        "habits.lag": "Le SSI reflète une période d'activité passée : le travail d'un jour se voit sur plusieurs jours, pas du jour au lendemain.",
        "imported": "Importé depuis {path} : {records} et {ticks}",
        "interactive.tty": "--interactive demande un terminal en entrée",
        "interactive.prompt": "Liste du jour",
        "interactive.help": "(flèches pour bouger, espace pour cocher, entrée pour enregistrer)",
        "interactive.choice": "{number}. {pillar}, {minutes} : {text}",
        "config.saved": "{key} = {value}",
        "config.unset": "{key} supprimé",
        "config.empty": "Aucun réglage enregistré ; les valeurs par défaut s'appliquent.",
        "err.paste_binary": "{field} : ce n'est pas du texte ; collez le JSON des données SSI de LinkedIn ou le texte de sa page SSI",
        "err.paste_empty": "{field} : rien à lire ; sur la page SSI de LinkedIn, sélectionnez tout, copiez, puis collez ici",
        "err.paste_json": "{field} : JSON inutilisable ({reason}) ; attendu : le JSON de l'adresse salesApiSsi de LinkedIn",
        "err.json": "{field} : JSON inutilisable ({reason})",
        "json.at_line": "{reason}, ligne {line}",
        "json.value": "une valeur est attendue",
        "json.name": "un nom entre guillemets droits est attendu",
        "json.colon": "un « : » est attendu",
        "json.comma": "une « , » est attendue",
        "json.string": "un texte n'est pas fermé",
        "json.control": "un caractère de contrôle dans un texte",
        "json.escape": "un échappement invalide",
        "json.extra": "des données après la fin",
        "json.other": "{text}",
        "json.deep": "imbrication trop profonde",
        "json.number": "un nombre trop long",
        "json.no_member": "aucun memberScore",
        "err.too_large": "{field} : plus de {limit}, le maximum que ssi-coach lit pour un tel fichier",
        "err.line_too_long": "{field} : une ligne dépasse {limit}, le maximum que ssi-coach lit",
        "err.csv": "{field} : ligne {line} : {reason}",
        "err.stdin_closed": "{field} : fermée ; donnez un fichier, ou envoyez le texte par un tube",
        "err.cannot_write_output": "impossible d'écrire la sortie : {reason}",
        "err.store_foreign": "{field} : ce fichier SQLite n'a pas été créé par ssi-coach ; il est laissé intact. Déplacez-le, ou faites pointer SSI_COACH_HOME vers un autre dossier.",
        "err.store_newer": "{field} : cet historique a été écrit par une version plus récente de ssi-coach (schéma {version}) ; mettez ssi-coach à jour pour l'utiliser. Il est laissé intact.",
        "err.store_locked": "{field} : la base de l'historique est restée verrouillée plus de {seconds} s par un autre programme ; rien n'a été enregistré, réessayez",
        "err.store_full": "{field} : plus de place sur le périphérique ; rien n'a été enregistré",
        "err.store_not_writable": "{field} : impossible d'écrire ici ({reason}) ; rien n'a été enregistré",
        "err.store_unusable": "{field} : la base de l'historique est inutilisable ({reason}). Elle est laissée intacte : déplacez-la pour commencer un nouvel historique, ou restaurez-la depuis une sauvegarde (ssi-coach history --json en fait une).",
        "warn.outside_record": "attention : le relevé du {field} est hors des jours acceptés ; il est laissé hors du rapport (ssi-coach forget {field} le supprime)",
        "err.nothing_on_day": "{field} : rien n'est enregistré pour ce jour",
        "warning": "attention :",
        "err.confirm": "forget {field} : ajoutez --yes pour confirmer (aucun terminal pour demander)",
        "forget.ask": "Oublier tout ce qui est enregistré pour le {day} (scores, plan, coches) ?",
        "forget.done": "{day} oublié.",
        "forget.kept": "Rien n'a changé.",
        "confirm.choices": "[o/N] :",
        "confirm.again": "Répondez o (oui) ou n (non).",
        "err.not_rank": "{field} : « {value} » n'est pas un rang (un pourcentage entier de 1 à 100)",
        "err.paste_unknown": "{field} : ni le JSON SSI de LinkedIn ni le texte de sa page SSI (aucun nom de pilier) ; collez l'un des deux",
        "err.paste_missing_json": "{field} : lu comme le JSON SSI de LinkedIn : {found} piliers sur 4 trouvés (manquants : {missing}){total}",
        "err.paste_missing_page": "{field} : lu comme la page SSI de LinkedIn : {found} piliers sur 4 trouvés (manquants : {missing}){total} ; copiez toute la page",
        "err.paste_only_peers": "{field} : seules les moyennes de vos pairs ont été trouvées (sous les personnes de votre secteur, réseau ou équipe), pas vos propres scores ; copiez toute la page SSI",
        "paste.no_total": " ; pas de total",
        "err.no_clipboard": "{field} : aucun outil de presse-papiers n'a répondu (pbpaste, wl-paste, xclip, xsel ou PowerShell) ; donnez un fichier (ssi-coach paste page.txt) ou envoyez-le par un tube (ssi-coach paste - < page.txt)",
        "err.paste_total": "{field} : le total {total} s'écarte de plus d'un point de la somme des piliers ({sum})",
        "paste.waiting": "Collez la page SSI de LinkedIn ou son JSON, puis Ctrl-D (Ctrl-Z puis Entrée sous Windows).",
        "rank": "parmi les {rank} % premiers {what}",
        "rank.industry": "de votre secteur",
        "rank.network": "de votre réseau",
        "rank.team": "de votre équipe",
        "err.count": "4 notes attendues dans l'ordre de LinkedIn ({order}), {count}",
        "err.missing": "{field} : note manquante (4 notes attendues : {order})",
        "err.empty": "{field} : valeur vide",
        "err.not_number": "{field} : « {value} » n'est pas un nombre",
        "err.not_finite": "{field} : « {value} » n'est pas un nombre fini",
        "err.not_whole": "{field} : « {value} » n'est pas un nombre entier",
        "err.below": "{field} : {value} est inférieur au minimum de {low}",
        "err.above": "{field} : {value} est supérieur au maximum de {high}",
        "err.date": "{field} : « {value} » n'est pas une date au format AAAA-MM-JJ",
        "err.typed_date": "{field} : « {value} » n'est pas une date : donnez AAAA-MM-JJ, aujourd'hui ou hier",
        "err.date_range": "{field} : {value} est hors des jours acceptés, du {first} (lancement de LinkedIn) au {last}",
        "err.lang": "{field} : « {value} » n'est pas une langue prise en charge (en, fr)",
        "err.option": "option inconnue {value} (voir ssi-coach check --help)",
        "err.exists": "{field} : {value} existe déjà ; choisissez un autre chemin ou supprimez-le",
        "err.config_key": "{field} : clé inconnue « {value} » (clés : {keys})",
        "err.sort": "{field} : « {value} » n'est pas un ordre de tri ({keys})",
        "err.one_format": "{field} : choisissez --csv ou --json, pas les deux",
        "err.csv_only": "{field} : seulement avec --csv",
        "err.separator": "{field} : « {value} » n'est pas un séparateur (donnez , ou ; ou | ou tab)",
        "err.decimal_comma": "{field} : la virgule décimale demande un autre séparateur que « , » (par exemple --sep ';')",
        "err.no_items": "{field} : indiquez les éléments par numéro ou id, ou utilisez --all",
        "err.total": "{field} : {value} n'est pas la somme des piliers ({sum})",
        "err.item": "{field} : aucun élément de ce nom aujourd'hui (numéro de 1 à {count}, ou id)",
        "err.cannot_read": "{field} : impossible de lire le fichier : {reason}",
        "os.ENOENT": "fichier ou dossier introuvable",
        "os.EACCES": "permission refusée",
        "os.EPERM": "opération non permise",
        "os.EISDIR": "c'est un dossier",
        "os.ENOTDIR": "une partie du chemin n'est pas un dossier",
        "os.ENOSPC": "plus de place sur le périphérique",
        "os.EROFS": "système de fichiers en lecture seule",
        "os.ENAMETOOLONG": "nom de fichier trop long",
        "os.ELOOP": "trop de liens symboliques",
        "os.EIO": "erreur d'entrée-sortie",
        "os.other": "erreur système {code}",
        "err.not_utf8": "{field} : ce n'est pas du texte UTF-8 : enregistrez-le en UTF-8 (dans Excel : CSV UTF-8)",
        "err.not_text": "{field} : ce n'est du texte ni UTF-8 ni Windows-1252 : enregistrez-le en CSV UTF-8",
        "err.utf16": "{field} : texte UTF-16 (« Texte Unicode » d'Excel) : enregistrez-le en CSV UTF-8",
        "err.mixed_encoding": "{field} : du texte UTF-8, puis des octets qui n'en sont pas, au-delà des premiers {limit} que stdin garde pour le relire en Windows-1252 : donnez plutôt le nom du fichier",
        "err.sheet_date": "{field} : « {value} » n'est pas une date au format AAAA-MM-JJ, JJ/MM/AAAA ou JJ.MM.AAAA",
        "err.no_such_day": "{field} : « {value} » n'est pas un jour du calendrier",
        "err.no_such_day_first": "{field} : « {value} » n'est pas un jour du calendrier, lu jour d'abord (JJ/MM/AAAA)",
        "err.short_year": "{field} : « {value} » : écrivez l'année avec quatre chiffres",
        "err.no_valid_row": "{field} : aucune ligne valide",
        "err.team_column": "{field} : colonne manquante : {missing} (le nom va dans une colonne name, rep ou nom ; les piliers par leur clé ou leur libellé LinkedIn ; colonnes trouvées : {found})",
        "err.team_columns": "{field} : colonnes manquantes : {missing} (le nom va dans une colonne name, rep ou nom ; les piliers par leur clé ou leur libellé LinkedIn ; colonnes trouvées : {found})",
        "err.fields": "{count}, l'en-tête en a {expected}",
        "err.import_empty": "le fichier est vide",
        "err.import_columns": "{problems}",
        "err.import_missing_column": "colonne manquante « {value} »",
        "err.import_unknown_column": "colonne inconnue « {value} »",
        "err.import_day_twice": "{value} figure déjà en {place}",
        "err.import_json": "JSON invalide : {reason}",
        "err.import_json_shape": "attendu : le JSON qu'écrit « ssi-coach history --json »",
        "err.import_record": "attendu : un objet avec une date et des scores",
        "err.import_tick": "attendu : un objet avec une date et un id",
        "place.line": "ligne {n}",
        "place.records": "records[{n}]",
        "place.records_key": "records",
        "place.ticks": "ticks[{n}]",
        "place.plans": "plans[{n}]",
        "place.done_before": "done_before[{n}]",
        "err.import_plan": "attendu : un objet avec date, minutes, based_on et items",
        "problem.at": "{field} : {place} : {reason}",
        "problem.separator": " ; ",
        "none.found": "aucune",
        "err.config_file": "{field} : {reason} ; la valeur par défaut s'applique (corrigez avec : ssi-coach config set {key} VALEUR, ou ssi-coach config unset {key})",
        "err.not_setting": "{field} : un nombre ou un texte est attendu",
        "err.cannot_write": "{field} : impossible d'écrire le fichier : {reason}",
        "err.yes_no": "{field} : « {value} » n'est ni true ni false",
        "err.weekdays": "{field} : « {value} » n'est pas une liste de jours ({days}) ni none",
        "err.no_replacement": "{field} : aucune autre action de ce pilier ne tient en {minutes} minutes aujourd'hui ; le plan est inchangé",
        "today.rest": "Jour de repos : aucun plan n'est attendu aujourd'hui ; celui-ci est facultatif.",
        "skip.replaced": "{old} remplacé par {new}",
        "skip.done_before": "{old} compte comme fait et ne reviendra pas",
        "err.interactive_cancelled": "annulé, rien n'a changé",
        "status.line": "SSI {total}{change}",
        "status.change": " ({change})",
        "status.focus": "priorité {pillar}",
        "status.done": "{done}/{items} faits",
        "status.left": "{minutes} min restantes",
        "status.streak": "série {days}",
        "status.rest": "jour de repos",
        "status.separator": " · ",
        "status.stale": "SSI : relevez vos scores du jour",
        "status.no_scores": "Pas encore de scores SSI : lancez ssi-coach check MARQUE PERSONNES INFORMATIONS RELATIONS, ou ssi-coach paste",
        "status.reminder": "Pas encore de scores SSI aujourd'hui : ssi-coach check MARQUE PERSONNES INFORMATIONS RELATIONS, ou copiez la page SSI de LinkedIn et lancez ssi-coach paste",
        "err.status_placeholder": "{field} : emplacement inconnu {value} (connus : {{total}} {{change}} {{focus}} {{done}} {{items}} {{minutes_left}} {{streak}} {{date}})",
        "err.status_template": "{field} : « {value} » n'est pas un modèle : un emplacement s'écrit {{total}}, et une accolade seule {{{{ ou }}}}",
        "err.shell": "{field} : « {value} » n'est pas un shell que init connaît (bash, zsh, fish)",
        # Erreurs d'utilisation (output/usage_errors.py).
        "usage.no_command": "commande inconnue : « {name} »",
        "usage.no_command_guess": "commande inconnue : « {name} » ; vouliez-vous dire {names} ?",
        "usage.no_option": "option inconnue : {option}",
        "usage.possible": "(options possibles : {options})",
        "usage.missing_argument": "argument manquant : {hint}",
        "usage.missing_option": "option manquante : {hint}",
        "usage.needs_value": "l'option {option} demande une valeur",
        "usage.no_value": "l'option {option} ne prend pas de valeur",
        "usage.extra.one": "argument en trop : {args}",
        "usage.extra.many": "arguments en trop : {args}",
        "usage.invalid": "valeur invalide pour {hint} : {detail}",
        "usage.directory": "{path} est un dossier, pas un fichier",
        "usage.other": "commande mal formée ; voir {command} --help",
        "usage.refused": "valeur refusée",
        "usage.aborted": "interrompu, rien n'a changé",
        # bilan (commands/review.py)
        "review.title": "Bilan du {first} au {last} ({days})",
        "review.title_week": "Bilan de la semaine {week}, du {first} au {last}",
        "review.ssi": "SSI : {start} le {start_date}, {end} le {end_date} ({change})",
        "review.one_record": "SSI : {end} le {end_date} (aucun autre relevé pour comparer)",
        "review.pillar": "pilier",
        "review.start": "départ",
        "review.end": "fin",
        "review.change": "variation",
        "review.minutes": "minutes faites/prévues",
        "review.total": "total",
        "review.days": "Jours avec un plan : {planned} ; faits en entier : {done}",
        "review.top": "Actions les plus faites",
        "review.top_row": "{text} ({pillar}, {times})",
        "review.top_none": "Rien de coché sur la période.",
        "review.one_offs": "Actions ponctuelles faites",
        "review.one_offs_none": "Aucune sur la période.",
        "review.next": "La semaine prochaine",
        "review.suggest.neglected": "Le pilier {pillar} a baissé ({change}) alors qu'aucun de ses éléments n'a été fait {missed} jours sur les {days} qui en prévoyaient. Commencez par : {action}",
        "review.suggest.weakest": "Votre pilier le plus faible est {pillar} ({score}/25). Commencez par : {action}",
        "times.one": "{n} fois",
        "times.many": "{n} fois",
        "err.week": "{field} : « {value} » n'est pas une semaine ISO : donnez AAAA-Wss, comme 2026-W48",
        "err.week_number": "{field} : {year} a les semaines 1 à {weeks}, « {value} » n'en est pas une",
        "err.week_alone": "{field} : --week fixe toute la période ; retirez {other}",
        "err.json_or_markdown": "{field} : choisissez --json ou --markdown, pas les deux",
    },
}


def localized(lang: Lang, key: str, /, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in."""
    return MESSAGES[lang][key].format(**values)


def plural(lang: Lang, noun: str, n: int, /, **values: object) -> str:
    """`n` and the noun (`days`, `reps`...), singular or plural as the language wants it
    (French: 0 and 1 take the singular); `values` fill the rest of the sentence."""
    singular = n == 1 or (lang == "fr" and n == 0)
    return localized(lang, f"{noun}.one" if singular else f"{noun}.many", n=n, **values)


_MONTHS_FR: Final = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def format_day(day: date, lang: Lang) -> str:
    """A day inside a sentence: 2026-11-26 in English, "26 novembre 2026" in French
    (tables keep ISO dates, which line up and sort)."""
    if lang == "en":
        return day.isoformat()
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {_MONTHS_FR[day.month - 1]} {day.year}"


def format_number(value: float, lang: Lang, decimals: int = 2) -> str:
    """`value` with fixed decimals and the language's decimal mark (12.50 / 12,50)."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if lang == "fr" else text


def format_benchmark_value(value: float, lang: Lang) -> str:
    """A benchmark as people say it: 75 rather than 75.00, but 32.5 kept as it is."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def format_change(value: float, lang: Lang) -> str:
    """A signed difference: +1.20, -0.50, +0.00."""
    return ("+" if value >= 0 else "-") + format_number(abs(value), lang)


def explanation_sentence(item: "Explanation", since: date, lang: Lang) -> str:
    """One reason the SSI moved since the record of `since`, in `lang`."""
    from ssi_coach.core.explanation import CHANGE, HABITS_WINDOW_DAYS, RECALIBRATION

    if item.kind == RECALIBRATION or item.pillar is None:
        return localized(lang, "explain.recalibration")
    pillar = short_label(item.pillar, lang)
    if item.kind == CHANGE:
        change = format_change(item.change, lang)
        return localized(
            lang, "explain.change", pillar=pillar, change=change, date=format_day(since, lang)
        )
    if not item.ticked:
        return localized(lang, "explain.habits.none", pillar=pillar, days=HABITS_WINDOW_DAYS)
    return plural(lang, "explain.habits", item.ticked, pillar=pillar, days=HABITS_WINDOW_DAYS)


def describe(error: SsiCoachError, lang: Lang) -> str:
    """What went wrong, in `lang`: one line, or one line per problem (an import or a rulebook
    lists each). The text is not yet made safe to show: the caller's output does that."""
    if isinstance(error, RulebookError):
        return "\n".join(error.problems)
    if isinstance(error, FileProblems):
        return _describe_file_problems(error, lang)
    if not isinstance(error, KeyedError):
        return str(error)
    problem, details = error.problem, _described_details(error, lang)
    if problem == "err.team_columns" and "," not in str(details["missing"]):
        problem = "err.team_column"
    return localized(lang, problem, field=_field_name(error.field, lang), **details)


# The errors whose `count` meets a noun, and that noun (singular or plural).
_COUNTED_AS: Final = {"err.fields": "fields", "err.count": "received"}


def _described_details(error: KeyedError, lang: Lang) -> dict[str, object]:
    """The error's values as they read in `lang`."""
    details = dict(error.details)
    if error.problem in ("err.missing", "err.count"):
        details["order"] = " ".join(short_label(p, lang) for p in PILLARS)
    if error.problem.startswith("err.paste_missing"):
        details["missing"] = ", ".join(label(p, lang) for p in details["missing"])  # type: ignore[attr-defined]
        details["total"] = "" if details["total"] else localized(lang, "paste.no_total")
    counted = _COUNTED_AS.get(error.problem)
    if counted is not None:
        details["count"] = plural(lang, counted, details["count"])  # type: ignore[arg-type]
    if details.get("found") == "-":
        details["found"] = localized(lang, "none.found")
    return {key: _described_value(value, lang) for key, value in details.items()}


def _described_value(value: object, lang: Lang) -> object:
    """One value of an error as it reads in `lang`: a place, a day, a system error or the
    reason behind a problem (such as a setting's); other values as they are."""
    if isinstance(value, Place):
        return describe_place(value, lang)
    if isinstance(value, date):
        return format_day(value, lang)
    if isinstance(value, OSError):
        return os_reason(value, lang)
    if isinstance(value, KeyedError):
        return describe(value, lang)
    return value


def os_reason(error: OSError, lang: Lang) -> str:
    """Why the system refused, in `lang` (strerror is in the C locale's English)."""
    name = errno.errorcode.get(error.errno or 0, "")
    if f"os.{name}" in MESSAGES[lang]:
        return localized(lang, f"os.{name}")
    if lang == "en" or error.errno is None:
        return error.strerror or str(error)
    return localized(lang, "os.other", code=error.errno)


def _describe_file_problems(error: FileProblems, lang: Lang) -> str:
    reasons: dict[Place, list[str]] = {}  # several problems in one place share a line
    for place, problem in error.problems:
        reasons.setdefault(place, []).append(describe(problem, lang))
    lines = [
        localized(
            lang,
            "problem.at",
            field=error.field,
            place=describe_place(place, lang),
            reason=localized(lang, "problem.separator").join(texts),
        )
        for place, texts in reasons.items()
    ]
    if error.closing is not None:
        lines.append(describe(error.closing, lang))
    return "\n".join(lines)


def _field_name(field: str, lang: Lang) -> str:
    """The field as the user knows it: in French, a pillar key with its French name."""
    if field in PILLARS and lang != "en":
        return f"{short_label(field, lang)} ({field})"
    return field


def describe_place(place: Place, lang: Lang) -> str:
    """Where in a file a problem is: `line 4` (CSV) or `records[3]` (JSON)."""
    return localized(lang, f"place.{place.kind}", n=place.number)
