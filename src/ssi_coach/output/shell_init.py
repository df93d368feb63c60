"""The shell code of `ssi-coach init bash|zsh|fish`, for `eval "$(ssi-coach init bash)"`.

It names the status and stamp files by their resolved paths (quoted for the shell), so that
the shell never works out the platform's rules. In an interactive shell it defines
`ssi_coach_prompt`, which prints the status line with shell built-ins only (fish has no
built-in clock: it asks `date`), and greets the first shell of the day with
`ssi-coach today --once-a-day`, which says the day's plan or a reminder to check the scores.
The stamp file is read in the shell, so that later shells that day start no Python at all.

`ssi_coach_prompt -v NAME` (bash, zsh) sets the variable NAME instead of printing, for a
prompt made with no fork at all (PROMPT_COMMAND, precmd). bash also exports the function, so
that a bash it starts (as Starship starts its custom modules) has it too. The code holds no
prose, only code: it reads the same in every language.

`SSI_COACH_TODAY=YYYY-MM-DD` stands in for today's date: a hook for tests.
"""

from __future__ import annotations

import shlex
from typing import Final

SHELLS: Final = ("bash", "zsh", "fish")

_POSIX_LIKE: Final = """\
# ssi-coach init {shell}
if {interactive}; then
__ssi_coach_status={status}
__ssi_coach_stamp={stamp}

__ssi_coach_today() {{
    if [[ -n ${{SSI_COACH_TODAY-}} ]]; then
        __ssi_coach_day=$SSI_COACH_TODAY
    else
        {clock}
    fi
}}

ssi_coach_prompt() {{
    local __ssi_coach_day= __ssi_coach_described= __ssi_coach_line= __ssi_coach_stale= \
        __ssi_coach_shown=
    if [[ -r $__ssi_coach_status ]] && {{
        IFS= read -r __ssi_coach_described && IFS= read -r __ssi_coach_line &&
            IFS= read -r __ssi_coach_stale
    }} <"$__ssi_coach_status"; then
        __ssi_coach_today
        if [[ $__ssi_coach_described == "$__ssi_coach_day" ]]; then
            __ssi_coach_shown=$__ssi_coach_line
        else
            __ssi_coach_shown=$__ssi_coach_stale
        fi
        # The file is outside text: no control character of it reaches the terminal.
        __ssi_coach_shown=${{__ssi_coach_shown//[[:cntrl:]]/}}
    fi
    if [[ ${{1-}} == -v && -n ${{2-}} ]]; then
        printf -v "$2" '%s' "$__ssi_coach_shown"
    else
        printf '%s' "$__ssi_coach_shown"
    fi
}}
{export}
__ssi_coach_greet() {{
    local last= __ssi_coach_day=
    __ssi_coach_today
    [[ -r $__ssi_coach_stamp ]] && IFS= read -r last <"$__ssi_coach_stamp"
    [[ $last == "$__ssi_coach_day" ]] ||
        command ssi-coach today --once-a-day --date "$__ssi_coach_day"
}}
__ssi_coach_greet
fi
"""

_BASH_EXPORT: Final = """\
export __ssi_coach_status
export -f ssi_coach_prompt __ssi_coach_today
"""

_FISH: Final = """\
# ssi-coach init fish
if status is-interactive
set -g __ssi_coach_status {status}
set -g __ssi_coach_stamp {stamp}

function __ssi_coach_today
    if test -n "$SSI_COACH_TODAY"
        echo $SSI_COACH_TODAY
    else
        date +%Y-%m-%d
    end
end

function ssi_coach_prompt
    test -r $__ssi_coach_status; or return 0
    read -l --line day line stale <$__ssi_coach_status; or return 0
    test "$day" = (__ssi_coach_today); or set line $stale
    # The file is outside text: no control character of it reaches the terminal.
    printf '%s' (string replace -ra '\\p{{Cc}}' '' -- $line)
end

function __ssi_coach_greet
    set -l last
    test -r $__ssi_coach_stamp; and read -l last <$__ssi_coach_stamp
    set -l day (__ssi_coach_today)
    test "$last" = "$day"; or command ssi-coach today --once-a-day --date $day
end
__ssi_coach_greet
end
"""


def shell_code(shell: str, status_path: str, stamp_path: str) -> str:
    """The code for `shell` (one of SHELLS), naming the two files."""
    if shell == "fish":
        return _FISH.format(status=fish_quoted(status_path), stamp=fish_quoted(stamp_path))
    return _POSIX_LIKE.format(
        shell=shell,
        interactive="[[ $- == *i* ]]" if shell == "bash" else "[[ -o interactive ]]",
        clock=(
            "printf -v __ssi_coach_day '%(%Y-%m-%d)T' -1"
            if shell == "bash"
            else "__ssi_coach_day=${(%):-%D{%Y-%m-%d}}"
        ),
        export=_BASH_EXPORT if shell == "bash" else "",
        status=shlex.quote(status_path),
        stamp=shlex.quote(stamp_path),
    )


def fish_quoted(text: str) -> str:
    """`text` as one word for fish: in single quotes, where only \\\\ and \\' are escapes."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
