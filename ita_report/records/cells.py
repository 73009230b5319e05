"""A cell of an office's table read as a value: digits, numbers, amounts, dates and identifiers.

Each kind of cell is read by one rule, written here once. The rule reads one cell, as the
importers do; the `*_values` forms apply it to a whole column at once, as loading a year's files
does (a call per cell of pandas is slow on a million rows). EXPECTED says what a cell of each kind
should hold, in the words of the problems the office is shown.
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd

from ita_report.config.params import DATE_EXPECTED
from ita_report.core.thai import fiscal_year_bounds, parse_thai_date, thai_date

__all__ = [
    "EGP_ID_DIGITS",
    "EXPECTED",
    "MAX_AMOUNT",
    "MAX_TEXT_CHARACTERS",
    "MAX_WHOLE_NUMBER",
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
# An office's largest amount is far below this, so a larger one is a typo (digits pasted twice, an ID
# in the wrong column); up to it a float still holds every satang exactly (10^13 satang < 2^53).
MAX_AMOUNT = 100_000_000_000
MAX_WHOLE_NUMBER = 1_000_000_000  # whole numbers are project numbers and positions in a list
MAX_TEXT_CHARACTERS = 2_000  # about a printed page of Thai: a longer cell of a published table is pasted by mistake

EXPECTED = {
    "text": "text",
    "int": "a whole number",
    "money": "an amount in baht (a number; '-' means 0)",
    "date": DATE_EXPECTED,
    "tax_id": f"a {TAX_ID_DIGITS}-digit tax ID",
    "egp_id": f"an {EGP_ID_DIGITS}-digit e-GP project number",
}
NEGATIVE = "an amount of 0 baht or more"
TOO_LARGE = {"money": f"an amount of at most {MAX_AMOUNT:,} baht",
             "int": f"a whole number from -{MAX_WHOLE_NUMBER:,} to {MAX_WHOLE_NUMBER:,}"}
SEPARATORS = {"money": "an amount with commas only between thousands, as in 1,234,567.50",
              "int": "a whole number with commas only between thousands, as in 1,234,567"}
SCIENTIFIC = {**EXPECTED, "money": "an amount"}  # what a number written as 1.5E+06 was to be

# (rows in error, what was expected: one text, or one per row), the first one the kind's own
Defects = list[tuple[pd.Series, str | pd.Series]]


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

# A number as the office writes one: commas only between thousands, a decimal point, no exponent.
_NUMBER = r"[+-]?+(?:[0-9]{1,3}+(?:,[0-9]{3})++|[0-9]++)(?:\.[0-9]++)?+"
_CELL = re.compile(rf"(?:{_NUMBER}|-)?+")  # a number, '-' or nothing
_COLUMN = re.compile(rf"(?:(?:{_NUMBER}|-)?+\n)*+(?:{_NUMBER}|-)?+")  # cells joined by newlines
_THAI_DIGIT = re.compile("[๐-๙]")
_DECIMAL_COMMA = re.compile(r"[+-]?(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+),[0-9]{1,2}")
_MISPLACED_COMMAS = re.compile(r"[+-]?[0-9][0-9,]*(?:\.[0-9]+)?")
_EXPONENT = re.compile(r"[+-]?[0-9.,]*[0-9][eE][+-]?[0-9]+")


def number(text: str, dash_is_zero: bool = False) -> float | None:
    """The amount a cell holds (Thai or Arabic digits, commas between thousands), else None, also
    for a number beyond MAX_AMOUNT."""
    value, unreadable = _numbers(pd.Series([text], dtype=object), dash_is_zero)
    if unreadable[0] or np.isnan(value[0]) or abs(value[0]) > MAX_AMOUNT:
        return None
    return float(value[0])


def _numbers(values: pd.Series, dash_is_zero: bool) -> tuple[np.ndarray, np.ndarray]:
    """Each cell's number (NaN when empty or unreadable) and which cells are unreadable.

    The cells are checked and converted joined into one text: a call per cell, as pandas' string
    methods make, is slow on a million rows. A cell of several lines is unreadable anyway, and sends
    the column down the slower way, as any unreadable cell does.
    """
    texts = values.to_numpy(dtype=object)
    joined = "\n".join(texts)
    if _THAI_DIGIT.search(joined):
        joined = joined.translate(THAI_TO_ARABIC)
    if joined.count("\n") == len(texts) - 1 and _COLUMN.fullmatch(joined):
        cells = np.array(joined.replace(",", "").split("\n"), dtype=object)
        unreadable = np.zeros(len(texts), dtype=bool)
    else:
        arabic_texts = [arabic(text) for text in texts]
        unreadable = np.fromiter((_CELL.fullmatch(text) is None for text in arabic_texts), bool, len(texts))
        cells = np.array([text.replace(",", "") for text in arabic_texts], dtype=object)
        cells[unreadable] = ""
    dash = cells == "-"
    cells[(cells == "") | dash] = "nan"
    parsed = cells.astype(float)
    if dash_is_zero:
        parsed[dash] = 0.0
    else:
        unreadable |= dash
    return parsed, unreadable


def _number_defects(values: pd.Series, unreadable: np.ndarray, kind: str) -> Defects:
    """The unreadable cells of a column, each under the most telling reason."""
    bad = pd.Series(unreadable, index=values.index)
    reasons = values[bad].map(lambda text: _unreadable_because(text, kind)).astype(object)
    specific = pd.Series(False, index=values.index)
    specific.loc[reasons.index[reasons.notna()]] = True
    return [(bad & ~specific, EXPECTED[kind]), (specific, reasons)]


def _unreadable_because(text: str, kind: str) -> str | None:
    """Why a cell is not a number, when there is more to say than what the kind expects."""
    digits = arabic(text)
    if kind == "money" and _DECIMAL_COMMA.fullmatch(digits):
        return f"an amount with a decimal point, not a comma: write {text.replace('.', '').replace(',', '.')}"
    if "," in digits and _MISPLACED_COMMAS.fullmatch(digits):
        return SEPARATORS[kind]
    if _EXPONENT.fullmatch(digits):
        return _scientific(kind)
    return None


def _scientific(kind: str) -> str:
    """What a number Excel wrote as 1.5E+06 was expected to be; an ID written so has lost its last digits."""
    if kind in ("money", "int"):
        return (f"{SCIENTIFIC[kind]} written out in digits, not in scientific notation (E+); "
                "format the column as Number in Excel and save again")
    return (f"{SCIENTIFIC[kind]} written out in digits, not in scientific notation (E+), which has lost digits; "
            "format the column as Text in Excel and type the IDs again")


def int_values(values: pd.Series, blank: pd.Series) -> tuple[pd.Series, Defects]:
    numbers, unreadable = _numbers(values, dash_is_zero=False)
    parsed = pd.Series(numbers, index=values.index)
    too_large = parsed.abs() > MAX_WHOLE_NUMBER
    fraction = parsed.notna() & ~too_large & (parsed % 1 != 0)
    (bad, expected), specific = _number_defects(values, unreadable, "int")
    return parsed.where(~fraction & ~too_large).astype("Int64"), [
        (bad | fraction, expected), specific, (too_large, TOO_LARGE["int"]),
    ]


def money_values(values: pd.Series, blank: pd.Series) -> tuple[pd.Series, Defects]:
    """Amounts in baht, where '-' means 0; an amount below 0 or above MAX_AMOUNT is a defect of its own."""
    numbers, unreadable = _numbers(values, dash_is_zero=True)
    parsed = pd.Series(numbers, index=values.index)
    negative, too_large = parsed < 0, parsed > MAX_AMOUNT
    return parsed.where(~negative & ~too_large), [
        *_number_defects(values, unreadable, "money"), (too_large, TOO_LARGE["money"]), (negative, NEGATIVE),
    ]


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
        bad = parsed.isna() & ~blank
        # an ID typed as a number and saved by Excel as 3.71093E+12 has lost its digits: say so
        flags = np.zeros(len(values), dtype=bool)
        flags[bad.to_numpy()] = [_EXPONENT.fullmatch(arabic(text)) is not None for text in values[bad]]
        shortened = pd.Series(flags, index=values.index)
        return parsed.where(~blank, None), [(bad & ~shortened, EXPECTED[kind]), (shortened, _scientific(kind))]

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
