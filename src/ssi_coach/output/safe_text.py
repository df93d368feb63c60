"""The one place that makes text from outside the program safe to show.

Names in a team's file, values in an import, pasted pages, paths, rulebook and config text,
the database: any of it may hold escape sequences (OSC 52 writes the clipboard, ESC[2J clears
the screen), line breaks that forge a table row, or bidi controls that reorder what is shown.
Every such character is shown as a visible escape (`\\x1b`, `\\u202e`), never obeyed.
"""

import re
from typing import Final

# C0 controls (tab and line feed included: a name must never add a line), DEL, C1 controls,
# and the bidi embeddings, overrides and isolates.
_BUT_LINE_FEED: Final = r"\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_UNSAFE: Final = re.compile(rf"[\n{_BUT_LINE_FEED}]")
_UNSAFE_IN_LINES: Final = re.compile(f"[{_BUT_LINE_FEED}]")  # a text's own lines kept
_PLAIN: Final = bytes(range(0x20, 0x7F)) + b"\n"  # printable ASCII and line feeds


def is_plain(text: str) -> bool:
    """True when `text` holds printable ASCII and line breaks only: nothing to escape. A
    long output's quick way out (a sales force's JSON is tens of megabytes: this test takes
    milliseconds, a regular expression over it a tenth of a second)."""
    return text.isascii() and not text.encode("ascii").translate(None, _PLAIN)


def escape_controls(text: str) -> str:
    """`text` with every control character shown as an escape."""
    return _UNSAFE.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_lines(text: str) -> str:
    """`text` made safe line by line: its own line breaks are kept (a message of several
    lines), everything else is escaped."""
    return text if is_plain(text) else _UNSAFE_IN_LINES.sub(_visible, text)


# What Markdown would read as markup inside a line (never at its start): emphasis, code,
# links and images, raw HTML, entities, strikethrough, table cells, and the backslash itself
# (so that an escape cannot be forged). Parentheses alone make no link once [ ] are escaped.
_MARKDOWN: Final = re.compile(r"[\\`*_\[\]<>|~&]")


def escape_markdown(text: str) -> str:
    """Outside text made safe inside one Markdown line or table cell: its line breaks and
    tabs become spaces (a rulebook text may span lines), Markdown's marks are escaped with a
    backslash, and every other control character is shown as an escape."""
    one_line = " ".join(text.split())
    return escape_controls(_MARKDOWN.sub(lambda m: "\\" + m.group(), one_line))
