"""Reading an office's tables: Thai headers to canonical names, text to typed values."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from .errors import Problem
from .thai import to_arabic_digits

Kind = Literal["text", "int", "money"]

_EXPECTED = {
    "int": "a whole number",
    "money": "an amount in baht (a number; '-' means 0)",
    "text": "text",
}
HEADER_ROW = 1  # rows are numbered as Excel shows them: the header is row 1


@dataclass(frozen=True)
class Column:
    """One column of a dataset: its Thai header, its canonical name and its kind."""

    header: str
    name: str
    kind: Kind = "text"
    required: bool = True


@dataclass(frozen=True)
class Dataset:
    """A table the office keeps, one file per fiscal year."""

    file_name: str
    columns: tuple[Column, ...]


def read_table(path: Path, dataset: Dataset, shown: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Read a CSV into canonical columns; the index is each record's Excel row number."""
    if not path.is_file():
        return pd.DataFrame(), [Problem(shown, None, None, None, "file is missing")]
    raw, problems = _read_csv(path, shown)
    problems += _header_problems(raw, dataset, shown)
    if problems:
        return pd.DataFrame(), problems
    frame = pd.DataFrame(index=raw.index)
    for column in dataset.columns:
        values, column_problems = _parse(raw[column.header].str.strip(), column, shown)
        frame[column.name] = values
        problems += column_problems
    return frame, problems


def _read_csv(path: Path, shown: str) -> tuple[pd.DataFrame, list[Problem]]:
    """All cells as text; a row with more cells than the header is a problem, not a shift."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        return pd.DataFrame(), [Problem(shown, HEADER_ROW, None, None, "the header row is missing")]
    header, body = rows[0], rows[1:]
    width = len(header)
    problems = [
        Problem(shown, number, None, None, f"{len(row)} cells in this row but {width} columns in the header")
        for number, row in enumerate(body, start=HEADER_ROW + 1)
        if len(row) > width and any(cell.strip() for cell in row[width:])
    ]
    padded = [(row + [""] * width)[:width] for row in body]
    frame = pd.DataFrame(padded, columns=header, dtype=object)
    frame.index = range(HEADER_ROW + 1, HEADER_ROW + 1 + len(body))
    return frame, problems


def _header_problems(raw: pd.DataFrame, dataset: Dataset, shown: str) -> list[Problem]:
    expected = [c.header for c in dataset.columns]
    problems = [
        Problem(shown, HEADER_ROW, header, None, "column is missing")
        for header in expected
        if header not in raw.columns
    ]
    allowed = ", ".join(expected)
    problems += [
        Problem(shown, HEADER_ROW, str(header), None, f"unknown column; expected only: {allowed}")
        for header in raw.columns
        if header not in expected
    ]
    return problems


def _parse(values: pd.Series, column: Column, shown: str) -> tuple[pd.Series, list[Problem]]:
    blank = values == ""
    if column.kind == "text":
        parsed: pd.Series = values.where(~blank, None)
        bad = pd.Series(False, index=values.index)
    else:
        digits = values.map(to_arabic_digits).str.replace(",", "", regex=False)
        if column.kind == "money":
            digits = digits.where(digits != "-", "0")
        parsed = pd.to_numeric(digits.where(~blank), errors="coerce")
        bad = parsed.isna() & ~blank
        if column.kind == "int":
            bad |= parsed.notna() & (parsed % 1 != 0)
            parsed = parsed.where(~bad).astype("Int64")
    problems = [
        Problem(shown, int(row), column.header, values[row], _EXPECTED[column.kind])
        for row in values.index[bad]
    ]
    if column.kind == "money":
        problems += [
            Problem(shown, int(row), column.header, values[row], "an amount of 0 baht or more")
            for row in values.index[parsed < 0]
        ]
    if column.required:
        problems += [
            Problem(shown, int(row), column.header, "", f"{_EXPECTED[column.kind]}, not empty")
            for row in values.index[blank]
        ]
    return parsed, sorted(problems, key=lambda p: p.row or 0)
