"""Columns of the office's datasets: canonical names, Thai headers, and parsing text to values."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import pandas as pd

from .errors import Problem
from .readers import HEADER_ROW
from .thai import fiscal_year_bounds, parse_thai_date, thai_date

THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

Kind = Literal["text", "int", "money", "date", "choice", "tax_id", "egp_id"]

EXPECTED = {
    "text": "text",
    "int": "a whole number",
    "money": "an amount in baht (a number; '-' means 0)",
    "date": "a date such as 2018-04-24, 24 เมษายน 2561 or 29 พ.ย. 67",
    "tax_id": "a 13-digit tax ID",
    "egp_id": "an 11-digit e-GP project number",
}


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
    by_name = {_fold(n): c for c in dataset.columns for n in c.names()}
    found = {header: by_name.get(_fold(header)) for header in cells.columns}
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


def _fold(header: str) -> str:
    return " ".join(str(header).split()).casefold()


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
    parsed, defects = _PARSERS[column.kind](values, blank, column, context)
    problems = [
        Problem(shown, int(row), column.header, values[row], expected)
        for bad, expected in defects
        for row in values.index[bad]
    ]
    expected = defects[0][1]
    if column.required:
        problems += [
            Problem(shown, int(row), column.header, "", f"{expected}; the cell is empty")
            for row in values.index[blank]
        ]
    if column.in_fiscal_year:
        start, end = fiscal_year_bounds(context.fiscal_year)
        outside = parsed.notna() & ((parsed < pd.Timestamp(start)) | (parsed > pd.Timestamp(end)))
        span = f"{thai_date(start, 'arabic', abbreviated=True)} – {thai_date(end, 'arabic', abbreviated=True)}"
        problems += [
            Problem(shown, int(row), column.header, values[row],
                    f"a date in fiscal year {context.fiscal_year} ({span})")
            for row in values.index[outside]
        ]
    return parsed, sorted(problems, key=lambda p: p.row or 0)


Defects = list[tuple[pd.Series, str]]  # (rows in error, what was expected), the first one the kind's own
Parser = Callable[[pd.Series, pd.Series, Column, Context], tuple[pd.Series, Defects]]


def _text(values, blank, column, context):
    return values.where(~blank, None).astype(object), [(pd.Series(False, index=values.index), EXPECTED["text"])]


def _arabic(values: pd.Series) -> pd.Series:
    """Thai digits to Arabic for a whole column at once (a call per cell is slow on a million rows)."""
    return values.str.translate(THAI_TO_ARABIC)


def _numbers(values: pd.Series, blank: pd.Series, dash_is_zero: bool) -> pd.Series:
    digits = _arabic(values).str.replace(",", "", regex=False)
    if dash_is_zero:
        digits = digits.where(digits != "-", "0")
    return pd.to_numeric(digits.where(~blank), errors="coerce")


def _int(values, blank, column, context):
    parsed = _numbers(values, blank, dash_is_zero=False)
    bad = (parsed.isna() & ~blank) | (parsed.notna() & (parsed % 1 != 0))
    return parsed.where(~bad).astype("Int64"), [(bad, EXPECTED["int"])]


def _money(values, blank, column, context):
    parsed = _numbers(values, blank, dash_is_zero=True)
    negative = parsed < 0
    return parsed.where(~negative), [(parsed.isna() & ~blank, EXPECTED["money"]), (negative, "an amount of 0 baht or more")]


def _date(values, blank, column, context):
    parsed = pd.to_datetime(values.where(~blank), format="%Y-%m-%d", errors="coerce")
    rest = parsed.isna() & ~blank
    if rest.any():  # each distinct Thai-style date is parsed once
        thai = {text: _thai_date_or_none(text) for text in values[rest].unique()}
        parsed = parsed.where(~rest, pd.to_datetime(values[rest].map(thai)))
    return parsed, [(parsed.isna() & ~blank, EXPECTED["date"])]


def _thai_date_or_none(text: str) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(parse_thai_date(text))
    except ValueError:
        return None


def _choice(values, blank, column, context):
    allowed = context.choices(column)
    bad = ~values.isin(allowed) & ~blank
    return values.where(~blank & ~bad, None).astype(object), [(bad, "one of: " + ", ".join(allowed))]


def _digit_string(length: int, kind: str) -> Parser:
    """A number that is an identifier: only digits (Thai or Arabic), exactly `length` of them."""

    def parse(values, blank, column, context):
        digits = _arabic(values).str.replace(r"[\s-]", "", regex=True)
        bad = ~digits.str.fullmatch(rf"\d{{{length}}}") & ~blank
        return digits.where(~blank & ~bad, None).astype(object), [(bad, EXPECTED[kind])]

    return parse


_PARSERS: dict[str, Parser] = {
    "text": _text,
    "int": _int,
    "money": _money,
    "date": _date,
    "choice": _choice,
    "tax_id": _digit_string(13, "tax_id"),
    "egp_id": _digit_string(11, "egp_id"),
}


def as_date(value: object) -> date | None:
    """A parsed date cell as a date, or None when empty."""
    return None if pd.isna(value) else pd.Timestamp(value).date()
