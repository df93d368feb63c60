"""Reading CSV files as spreadsheets write them: `,` or `;` between fields (French Excel
writes `;` so that `,` can mark decimals), quoted fields, CRLF line ends, UTF-8 with or
without a byte-order mark."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Final

from ssi_coach.errors import InputError

# A field may hold quoted line breaks, up to the line limit of the reader (storage/files).
FIELD_LIMIT: Final = 1024 * 1024


def csv_rows(
    lines: Iterable[str], source: str
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header, and the non-blank rows with the line each ends on, read as a stream (a
    file opened with newline="" keeps quoted line breaks intact). A row the csv module
    cannot read (a field over FIELD_LIMIT) is an InputError naming its line."""
    csv.field_size_limit(FIELD_LIMIT)
    lines = iter(lines)
    first_line = next(lines, "")
    separator = ";" if first_line.count(";") > first_line.count(",") else ","
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
