"""Columns of the office's datasets: canonical names, Thai headers, and parsing text to values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import numpy as np
import pandas as pd

from ita_report.core.errors import Problem
from ita_report.records.cells import (
    MAX_TEXT_CHARACTERS,
    VALUE_PARSERS,
    choice_values,
    fiscal_year_expected,
    outside_fiscal_year,
)
from ita_report.records.reading import HEADER_ROW

Kind = Literal["text", "int", "money", "date", "choice", "tax_id", "egp_id"]


def fold(header: str) -> str:
    """A header as it is compared: runs of spaces as one, case aside."""
    return " ".join(str(header).split()).casefold()


@dataclass(frozen=True)
class Column:
    """One field: canonical name, the Thai header the templates show, and how to read it."""

    name: str
    header: str
    kind: Kind = "text"
    required: bool = True
    description: str = ""
    choices: tuple[str, ...] | str = ()  # the allowed values, or the name of a list in params
    in_fiscal_year: bool = False
    aliases: tuple[str, ...] = ()
    private: bool = False  # a complainant's identity: dropped on reading, never parsed or kept

    def names(self) -> tuple[str, ...]:
        return (self.header, self.name, *self.aliases)


@dataclass(frozen=True)
class Dataset:
    """A table the office keeps per fiscal year, as data/<year>/<name>.csv or .xlsx."""

    name: str
    title: str
    columns: tuple[Column, ...]
    key: str | None = None  # a column whose values must be unique

    @property
    def public_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.private)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def find(self, header: str) -> Column | None:
        """The column a header names (its Thai header, canonical name or an alias), or None."""
        folded = fold(header)
        return next((c for c in self.columns if any(fold(n) == folded for n in c.names())), None)


@dataclass(frozen=True)
class Context:
    """What parsing needs beyond the file: the fiscal year and the closed lists from params."""

    fiscal_year: int
    lists: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def choices(self, column: Column) -> tuple[str, ...]:
        return self.lists[column.choices] if isinstance(column.choices, str) else column.choices


def parse_dataset(
    cells: pd.DataFrame, dataset: Dataset, shown: str, context: Context
) -> tuple[pd.DataFrame, list[Problem]]:
    """Typed values under canonical names; private columns are dropped before anything else."""
    found = {header: dataset.find(header) for header in cells.columns}
    cells = cells[[h for h, c in found.items() if c is None or not c.private]]
    problems = _header_problems(found, dataset, shown)
    if problems:
        return pd.DataFrame(), problems
    frame = pd.DataFrame(index=cells.index)
    for header in cells.columns:
        column = found[header]
        frame[column.name], column_problems = _parse(cells[header], column, shown, context)
        problems += column_problems
    for column in dataset.public_columns:
        if column.name not in frame:
            frame[column.name], _ = _parse(pd.Series("", index=cells.index, dtype=object), column, shown, context)
    return frame[[c.name for c in dataset.public_columns]], problems


def _header_problems(found: dict[str, Column | None], dataset: Dataset, shown: str) -> list[Problem]:
    present = {c.name for c in found.values() if c is not None}
    allowed = ", ".join(c.header for c in dataset.public_columns)
    problems = [
        Problem(shown, HEADER_ROW, column.header, None, "column is missing")
        for column in dataset.public_columns
        if column.required and column.name not in present  # an optional column may be left out
    ]
    problems += [
        Problem(shown, HEADER_ROW, header, None, f"unknown column; expected only: {allowed}")
        for header, column in found.items()
        if column is None
    ]
    seen: set[str] = set()
    for header, column in found.items():
        if column is not None and column.name in seen:
            problems.append(Problem(shown, HEADER_ROW, header, None, "a column that appears only once"))
        if column is not None:
            seen.add(column.name)
    return problems


def _parse(values: pd.Series, column: Column, shown: str, context: Context) -> tuple[pd.Series, list[Problem]]:
    blank = values == ""
    if column.kind == "choice":
        parsed, defects = choice_values(values, blank, context.choices(column))
    else:
        parsed, defects = VALUE_PARSERS[column.kind](values, blank)
    problems = [
        _value_problem(shown, int(row), column.header, values[row], texts if isinstance(texts, str) else texts[row])
        for bad, texts in defects
        for row in values.index[bad]
    ]
    if column.kind == "text":  # text is published as typed; another kind's long cell is one of the defects
        lengths = np.fromiter(map(len, values.to_numpy(dtype=object)), dtype=np.int64, count=len(values))
        problems += [_too_long(shown, int(row), column.header, values[row])
                     for row in values.index[lengths > MAX_TEXT_CHARACTERS]]
    expected = defects[0][1]
    if column.required:
        problems += [
            Problem(shown, int(row), column.header, "", f"{expected}; the cell is empty")
            for row in values.index[blank]
        ]
    if column.in_fiscal_year:
        outside = outside_fiscal_year(parsed, context.fiscal_year)
        expected = fiscal_year_expected(context.fiscal_year)
        problems += [Problem(shown, int(row), column.header, values[row], expected) for row in values.index[outside]]
    return parsed, sorted(problems, key=lambda p: p.row or 0)


def _value_problem(shown: str, row: int, header: str, value: str, expected: str) -> Problem:
    """A cell's problem showing its value, unless the value is too long to show, or to be a cell."""
    if len(value) > MAX_TEXT_CHARACTERS:
        return _too_long(shown, row, header, value)
    return Problem(shown, row, header, value, expected)


def _too_long(shown: str, row: int, header: str, value: str) -> Problem:
    return Problem(shown, row, header, None, f"at most {MAX_TEXT_CHARACTERS:,} characters in a cell; found {len(value):,}")


def as_date(value: object) -> date | None:
    """A parsed date cell as a date, or None when empty."""
    return None if pd.isna(value) else pd.Timestamp(value).date()
