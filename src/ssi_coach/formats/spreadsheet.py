"""CSV as spreadsheets read and write it.

Reading: `,` or `;` between fields (French Excel writes `;` so that `,` can mark decimals),
quoted fields, CRLF line ends, UTF-8 with or without a byte-order mark.

Writing (every CSV ssi-coach exports): UTF-8 with a byte-order mark, so that Excel does not
take it for the locale's code page; ISO dates; numbers as numbers, with `.` or, for French
Excel, `,` as decimal mark; text that a spreadsheet would run as a formula made inert.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import chain
from typing import Final, NamedTuple

from ssi_coach.errors import InputError

# A field may hold quoted line breaks, up to the line limit of the reader (storage/files).
FIELD_LIMIT: Final = 1024 * 1024


READ_SEPARATORS: Final = (",", ";", "\t", "|")  # on a tie, the first: `,` then French Excel's `;`


def separator_of(header_line: str) -> str:
    """The field separator of a spreadsheet's CSV, told from its header line: the one of
    READ_SEPARATORS it holds most of (`,` when it holds none), so that what `--csv --sep`
    writes reads back."""
    return max(READ_SEPARATORS, key=header_line.count)


def csv_rows(
    lines: Iterable[str], source: str
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header, and the non-blank rows with the line each ends on, read as a stream (a
    file opened with newline="" keeps quoted line breaks intact). A row the csv module
    cannot read (a field over FIELD_LIMIT) is an InputError naming its line."""
    csv.field_size_limit(FIELD_LIMIT)
    lines = iter(lines)
    first_line = next(lines, "")
    separator = separator_of(first_line)
    reader = csv.reader(chain([first_line], lines), delimiter=separator)

    def read(default: list[str] | None = None) -> list[str] | None:
        try:
            return next(reader, default)
        except csv.Error as error:
            raise InputError(source, "err.csv", line=reader.line_num, reason=error) from None

    header = read([]) or []

    def rows() -> Iterator[tuple[int, list[str]]]:
        while (fields := read()) is not None:
            if any(field.strip() for field in fields):
                yield reader.line_num, fields

    return header, rows()


# -- writing --------------------------------------------------------------------------------

BOM: Final = "\ufeff"
# What --sep takes: each separator a spreadsheet's import offers, tab also by name.
SEPARATORS: Final = {",": ",", ";": ";", "|": "|", "\t": "\t", "tab": "\t", "\\t": "\t"}
# A text cell starting with one of these is a formula to a spreadsheet (OWASP's list on CSV
# injection, and NUL from ASVS 1.2.10): it is written after a `'`, which marks text.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r", "\0")
ROWS_PER_BLOCK: Final = 1000

Cell = str | float | date | None  # text, a number (an int too), a day, or nothing


class CsvStyle(NamedTuple):
    separator: str = ","
    decimal_comma: bool = False


DEFAULT_STYLE: Final = CsvStyle()  # `,` between fields, `.` as decimal mark


def csv_style(separator: str | None, decimal_comma: bool) -> CsvStyle:
    """The style --sep and --decimal-comma ask for. Without --sep, a decimal comma comes with
    `;`, as in French Excel; a decimal comma with `,` between fields is refused, since every
    number would need quotes and would read as two columns in many tools."""
    if separator is None:
        return CsvStyle(";" if decimal_comma else ",", decimal_comma)
    chosen = SEPARATORS.get(separator)
    if chosen is None:
        raise InputError("--sep", "err.separator", value=separator)
    if decimal_comma and chosen == ",":
        raise InputError("--decimal-comma", "err.decimal_comma")
    return CsvStyle(chosen, decimal_comma)


def spreadsheet_csv(
    header: Sequence[str], rows: Iterable[Sequence[Cell]], style: CsvStyle = DEFAULT_STYLE
) -> Iterator[str]:
    """The CSV of `header` and `rows`, in pieces of ROWS_PER_BLOCK rows (a sales force's
    export need not be held whole): the byte-order mark, then one line per row, `\n` ended
    (a line break inside a cell is quoted)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=style.separator, lineterminator="\n")
    out.write(BOM)
    writer.writerow([_text(name) for name in header])
    for count, row in enumerate(rows, start=1):
        writer.writerow(_cells(row, style.decimal_comma))
        if count % ROWS_PER_BLOCK == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def _cells(row: Sequence[Cell], decimal_comma: bool) -> list[Cell]:
    """The row as the csv module writes it: it writes a number as repr() does (the shortest
    text that reads back as the same number), a day as YYYY-MM-DD and None as nothing."""
    cells = [_text(value) if isinstance(value, str) else value for value in row]
    if decimal_comma:
        return [
            repr(value).replace(".", ",") if isinstance(value, float) else value for value in cells
        ]
    return cells


def _text(value: str) -> str:
    """A text cell as a spreadsheet shows it, never as a formula it would run."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value
