"""Reading CSV files as spreadsheets write them: `,` or `;` between fields (French Excel
writes `;` so that `,` can mark decimals), quoted fields, CRLF line ends, UTF-8 with or
without a byte-order mark."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from itertools import chain


def csv_rows(lines: Iterable[str]) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header, and the non-blank rows with the line each ends on, read as a stream (a
    file opened with newline="" keeps quoted line breaks intact)."""
    lines = iter(lines)
    first_line = next(lines, "")
    separator = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(chain([first_line], lines), delimiter=separator)
    header = next(reader, [])

    def rows() -> Iterator[tuple[int, list[str]]]:
        for fields in reader:
            if any(field.strip() for field in fields):
                yield reader.line_num, fields

    return header, rows()
