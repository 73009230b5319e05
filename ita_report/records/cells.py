"""A cell of an office's table read as a value: digits, numbers, amounts, dates and identifiers.

Each kind of cell is read by one rule, written here once. The rule reads one cell, as the
importers do; the `*_values` forms apply it to a whole column at once, as loading a year's files
does (a call per cell of pandas is slow on a million rows). EXPECTED says what a cell of each kind
should hold, in the words of the problems the office is shown.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from ita_report.config.params import DATE_EXPECTED
from ita_report.core.thai import fiscal_year_bounds, parse_thai_date, thai_date

__all__ = [
    "EGP_ID_DIGITS",
    "EXPECTED",
    "NEGATIVE",
    "TAX_ID_DIGITS",
    "THAI_TO_ARABIC",
    "VALUE_PARSERS",
    "Defects",
    "arabic",
    "arabic_values",
    "choice_values",
    "date_values",
    "day",
    "egp_id",
    "fiscal_year_expected",
    "fiscal_year_span",
    "in_fiscal_year",
    "int_values",
    "is_empty",
    "money_values",
    "number",
    "outside_fiscal_year",
    "tax_id",
    "text_values",
]

THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
TAX_ID_DIGITS = 13
EGP_ID_DIGITS = 11

EXPECTED = {
    "text": "text",
    "int": "a whole number",
    "money": "an amount in baht (a number; '-' means 0)",
    "date": DATE_EXPECTED,
    "tax_id": f"a {TAX_ID_DIGITS}-digit tax ID",
    "egp_id": f"an {EGP_ID_DIGITS}-digit e-GP project number",
}
NEGATIVE = "an amount of 0 baht or more"

Defects = list[tuple[pd.Series, str]]  # (rows in error, what was expected), the first one the kind's own


def is_empty(value: object) -> bool:
    """Whether a parsed value stands for an empty cell: None, NaN or NaT."""
    return value is None or (not isinstance(value, str) and pd.isna(value))


# --- digits -------------------------------------------------------------------------------------


def arabic(text: str) -> str:
    """Text with Thai digits written as Arabic ones."""
    return text.translate(THAI_TO_ARABIC)


def arabic_values(values: pd.Series) -> pd.Series:
    """`arabic` of each text of a column."""
    return values.str.translate(THAI_TO_ARABIC)


# --- numbers and amounts ------------------------------------------------------------------------


def number(text: str, dash_is_zero: bool = False) -> float | None:
    """The number a cell holds (Thai or Arabic digits, thousands separators allowed), else None."""
    value = _numbers(pd.Series([text]), pd.Series([False]), dash_is_zero).iloc[0]
    return None if pd.isna(value) else float(value)


def _numbers(values: pd.Series, blank: pd.Series, dash_is_zero: bool) -> pd.Series:
    """`number` of each cell of a column, NaN where it holds none; whole-column string operations,
    since a call per cell is slow on a million rows."""
    digits = arabic_values(values).str.replace(",", "", regex=False)
    if dash_is_zero:
        digits = digits.where(digits != "-", "0")
    return pd.to_numeric(digits.where(~blank), errors="coerce")


def int_values(values: pd.Series, blank: pd.Series) -> tuple[pd.Series, Defects]:
    parsed = _numbers(values, blank, dash_is_zero=False)
    bad = (parsed.isna() & ~blank) | (parsed.notna() & (parsed % 1 != 0))
    return parsed.where(~bad).astype("Int64"), [(bad, EXPECTED["int"])]


def money_values(values: pd.Series, blank: pd.Series) -> tuple[pd.Series, Defects]:
    """Amounts in baht, where '-' means 0; an amount below 0 is a defect of its own."""
    parsed = _numbers(values, blank, dash_is_zero=True)
    negative = parsed < 0
    return parsed.where(~negative), [(parsed.isna() & ~blank, EXPECTED["money"]), (negative, NEGATIVE)]


# --- dates --------------------------------------------------------------------------------------


def day(text: str) -> date | None:
    """The date a cell holds (ISO, Thai words with a B.E. year, or d/m/B.E.; Thai digits too), else None."""
    try:
        return parse_thai_date(text)
    except ValueError:
        return None


def _timestamp(text: str) -> pd.Timestamp | None:
    try:
        found = day(text)
        return None if found is None else pd.Timestamp(found)
    except ValueError:  # a year pandas cannot hold
        return None


def date_values(values: pd.Series, blank: pd.Series) -> tuple[pd.Series, Defects]:
    """`day` of each cell of a column: ISO dates at once, each distinct other text once."""
    parsed = pd.to_datetime(values.where(~blank), format="%Y-%m-%d", errors="coerce")
    rest = parsed.isna() & ~blank
    if rest.any():
        thai = {text: _timestamp(text) for text in values[rest].unique()}
        parsed = parsed.where(~rest, pd.to_datetime(values[rest].map(thai)))
    return parsed, [(parsed.isna() & ~blank, EXPECTED["date"])]


def fiscal_year_span(fiscal_year: int) -> str:
    """The first and last day of a fiscal year as the problems show them: 1 ต.ค. 2560 – 30 ก.ย. 2561."""
    start, end = fiscal_year_bounds(fiscal_year)
    return f"{thai_date(start, 'arabic', abbreviated=True)} – {thai_date(end, 'arabic', abbreviated=True)}"


def fiscal_year_expected(fiscal_year: int) -> str:
    """What a date outside the fiscal year was expected to be."""
    return f"a date in fiscal year {fiscal_year} ({fiscal_year_span(fiscal_year)})"


def in_fiscal_year(when: date, fiscal_year: int) -> bool:
    """Whether the day falls inside the fiscal year."""
    start, end = fiscal_year_bounds(fiscal_year)
    return start <= when <= end


def outside_fiscal_year(parsed: pd.Series, fiscal_year: int) -> pd.Series:
    """The rows of parsed dates that fall outside the fiscal year (an empty date does not)."""
    start, end = fiscal_year_bounds(fiscal_year)
    return parsed.notna() & ((parsed < pd.Timestamp(start)) | (parsed > pd.Timestamp(end)))


# --- identifiers --------------------------------------------------------------------------------

_ID_NOISE = re.compile(r"[\s-]")


def _identifier_reader(length: int):
    """What reads an identifier of `length` digits: only digits (Thai or Arabic), with spaces and
    hyphens between them left out; None for any other text."""
    digits_only = re.compile(rf"\d{{{length}}}").fullmatch
    noise = _ID_NOISE.sub

    def read(text: str) -> str | None:
        digits = noise("", text.translate(THAI_TO_ARABIC))
        return digits if digits_only(digits) else None

    return read


_TAX_ID, _EGP_ID = _identifier_reader(TAX_ID_DIGITS), _identifier_reader(EGP_ID_DIGITS)


def tax_id(text: str) -> str | None:
    """The 13-digit tax ID a cell gives, else None."""
    return _TAX_ID(text)


def egp_id(text: str) -> str | None:
    """The 11-digit e-GP project number a cell gives, else None."""
    return _EGP_ID(text)


def _identifier_values(kind: str, read):
    def parse(values: pd.Series, blank: pd.Series) -> tuple[pd.Series, Defects]:
        parsed = values.map(read).astype(object)
        return parsed.where(~blank, None), [(parsed.isna() & ~blank, EXPECTED[kind])]

    return parse


# --- text and closed lists ----------------------------------------------------------------------


def text_values(values: pd.Series, blank: pd.Series) -> tuple[pd.Series, Defects]:
    return values.where(~blank, None).astype(object), [(pd.Series(False, index=values.index), EXPECTED["text"])]


def choice_values(values: pd.Series, blank: pd.Series, allowed: tuple[str, ...]) -> tuple[pd.Series, Defects]:
    bad = ~values.isin(allowed) & ~blank
    return values.where(~blank & ~bad, None).astype(object), [(bad, "one of: " + ", ".join(allowed))]


VALUE_PARSERS = {  # the kinds whose cells are read alone; a choice also needs its list
    "text": text_values,
    "int": int_values,
    "money": money_values,
    "date": date_values,
    "tax_id": _identifier_values("tax_id", _TAX_ID),
    "egp_id": _identifier_values("egp_id", _EGP_ID),
}
