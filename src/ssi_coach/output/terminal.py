"""What reaches the terminal: styles, colour or not, and the one function that finishes text
for output.

Renderers never write escape codes. They mark styles with private-use characters (`style`),
and `finish` makes the whole text safe first (every control character from any source shown
as an escape, see `safe_text`), then turns the marks into ANSI codes on a colour terminal, or
drops them. So no text from outside can ever reach the terminal as a live escape sequence.
"""

import os
import re
from collections.abc import Mapping
from typing import Final, TextIO

from ssi_coach.output.safe_text import escape_lines

_START: Final = "\ue000"  # followed by one letter per style
_END: Final = "\ue001"
_CODES: Final = {
    "b": "1",  # bold
    "d": "2",  # dim
    "r": "31",  # red
    "g": "32",  # green
    "y": "33",  # yellow
    "c": "36",  # cyan
}
STYLES: Final = {
    "bold": "b",
    "dim": "d",
    "red": "r",
    "green": "g",
    "yellow": "y",
    "cyan": "c",
}
_MARKED: Final = re.compile(f"{_START}([{''.join(_CODES)}]+)")


def style(text: str, *styles: str | None) -> str:
    """`text` marked with `styles` (bold, dim, red, green, yellow, cyan; None is no style)."""
    letters = "".join(STYLES[name] for name in styles if name)
    return f"{_START}{letters}{text}{_END}" if letters and text else text


def wants_color(stream: TextIO | None, environ: Mapping[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    if stream is None or environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


# What a terminal whose encoding lacks our drawing characters sees instead (a Latin-1 or
# ASCII locale): plain equivalents, never an error.
_PLAIN_GLYPHS: Final = str.maketrans(
    {"█": "#", "░": "-", "◀": "<", "─": "-", "…": "...", "«": '"', "»": '"', "\u2019": "'"}
    | {"•": ".", "│": "|", "└": "+", "┴": "+"}
    | {level: "_" for level in "▁▂▃"}
    | {level: ":" for level in "▄▅▆▇"}
)


def encodable(text: str, encoding: str | None) -> str:
    """`text` as the stream's encoding can write it: our glyphs in plain characters, and any
    other character it lacks as `?`."""
    encoding = encoding or "utf-8"
    try:
        text.encode(encoding)
        return text
    except (UnicodeEncodeError, LookupError):
        plain = text.translate(_PLAIN_GLYPHS)
        try:
            return plain.encode(encoding, errors="replace").decode(encoding)
        except LookupError:
            return plain.encode("ascii", errors="replace").decode("ascii")


def finish(text: str, color: bool) -> str:
    """`text` ready to write: safe, then coloured or plain."""
    safe = escape_lines(text)
    if not color:
        return _MARKED.sub("", safe).replace(_END, "")
    coloured = _MARKED.sub(lambda m: f"\x1b[{';'.join(_CODES[c] for c in m.group(1))}m", safe)
    return coloured.replace(_END, "\x1b[0m")


def terminal_width() -> int:
    """The terminal's columns (COLUMNS first), 80 when there is no terminal."""
    import shutil

    return shutil.get_terminal_size((80, 24)).columns
