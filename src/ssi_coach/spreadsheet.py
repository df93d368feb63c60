"""Reading CSV files as spreadsheets write them: `,` or `;` between fields (French Excel
writes `;` so that `,` can mark decimals), quoted fields, CRLF line ends, UTF-8 with or
without a byte-order mark."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from itertools import chain

UTF8_ADVICE = "not UTF-8 text: save it as UTF-8 (in Excel: CSV UTF-8)"


def decode(content: bytes) -> str | None:
    """The text of a UTF-8 file, without its byte-order mark; None for another encoding."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def csv_rows(lines: Iterable[str]) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header, and the non-blank rows with the line each ends on, read as a stream (a
    file opened with newline="" keeps quoted line breaks intact)."""
    lines = iter(lines)
    first_line = next(lines, "")
    separator = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(chain([first_line], lines), delimiter=separator)
    header = next(reader, [])

    def rows() -> Iterator[tuple[int, list[str]]]:
        for values in reader:
            if any(value.strip() for value in values):
                yield reader.line_num, values

    return header, rows()
