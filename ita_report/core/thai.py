"""Thai conventions for an office's documents: B.E. years, fiscal years, digits, baht and dates."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from pythainlp.util import (
    arabic_digit_to_thai_digit,
    bahttext,
    thai_digit_to_arabic_digit,
    thai_strftime,
)
from pythainlp.util.date import thai_abbr_months, thai_full_months

__all__ = [
    "FISCAL_MONTHS",
    "DigitStyle",
    "apply_digits",
    "baht_text",
    "be_year",
    "ce_year",
    "fiscal_months",
    "fiscal_quarter",
    "fiscal_year_bounds",
    "fiscal_year_of",
    "format_baht",
    "format_number",
    "half_year_end",
    "month_name",
    "month_year",
    "parse_thai_date",
    "thai_date",
    "to_arabic_digits",
    "to_thai_digits",
]

FISCAL_MONTHS: tuple[int, ...] = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)

DigitStyle = Literal["thai", "arabic"]

_BE_OFFSET = 543


def be_year(ce_year: int) -> int:
    """Buddhist-era year of a Common-era year."""
    return ce_year + _BE_OFFSET


def ce_year(be_year: int) -> int:
    """Common-era year of a Buddhist-era year."""
    return be_year - _BE_OFFSET


def fiscal_year_of(day: date) -> int:
    """B.E. fiscal year containing the day (the year starts on 1 October)."""
    return be_year(day.year + 1 if day.month >= 10 else day.year)


def fiscal_year_bounds(fiscal_year: int) -> tuple[date, date]:
    """First and last day of a B.E. fiscal year."""
    year = ce_year(fiscal_year)
    return date(year - 1, 10, 1), date(year, 9, 30)


def fiscal_months(fiscal_year: int) -> list[tuple[int, int]]:
    """The (CE year, month) pairs of a B.E. fiscal year, October first."""
    year = ce_year(fiscal_year)
    return [(year - 1 if month >= 10 else year, month) for month in FISCAL_MONTHS]


def fiscal_quarter(day: date) -> int:
    """Fiscal quarter (1-4) of the day; quarter 1 is October to December."""
    return FISCAL_MONTHS.index(day.month) // 3 + 1


def half_year_end(fiscal_year: int) -> date:
    """Last day of the first six months of a B.E. fiscal year."""
    return date(ce_year(fiscal_year), 3, 31)


def month_name(month: int, abbreviated: bool = False) -> str:
    """Thai name of a month (1-12), full or abbreviated."""
    if not 1 <= month <= 12:
        raise ValueError(f"not a month: {month!r}")
    names = thai_abbr_months if abbreviated else thai_full_months
    return names[month - 1]


def to_thai_digits(text: str) -> str:
    """Text with Arabic digits replaced by Thai digits."""
    return arabic_digit_to_thai_digit(text)


def to_arabic_digits(text: str) -> str:
    """Text with Thai digits replaced by Arabic digits."""
    return thai_digit_to_arabic_digit(text)


def apply_digits(text: str, digits: DigitStyle) -> str:
    """Text with every digit written in the given style."""
    if digits == "thai":
        return to_thai_digits(text)
    if digits == "arabic":
        return to_arabic_digits(text)
    raise ValueError(f"digits must be 'thai' or 'arabic', not {digits!r}")


def _decimal(value: float | int | Decimal) -> Decimal:
    # str() of a float is its shortest round-trip form, so 2.675 stays 2.675
    # instead of the binary 2.67499999...
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return number


def _rounded(value: float | int | Decimal, decimals: int) -> Decimal:
    number = _decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    # -0.001 rounds to -0.00; a printed amount should not carry a sign on zero
    return abs(number) if number == 0 else number


def format_number(value: float | int | Decimal, digits: DigitStyle = "thai", decimals: int = 0) -> str:
    """Number with thousands separators and fixed decimals, rounded half up."""
    return apply_digits(f"{_rounded(value, decimals):,.{decimals}f}", digits)


def baht_text(amount: float | int | Decimal) -> str:
    """Amount in Thai words, as on a cheque (satang rounded half up)."""
    rounded = _rounded(amount, 2)
    if rounded < 0:
        # pythainlp drops the sign of amounts between 0 and -1
        return "ลบ" + baht_text(-rounded)
    # Round here so the words agree with format_number; pythainlp's own
    # rounding goes through the float and turns 2.675 into 2.67.
    words = bahttext(float(rounded))
    if words.startswith("ศูนย์บาท") and words != "ศูนย์บาทถ้วน":
        # Thai usage writes 0.50 as "ห้าสิบสตางค์", not "ศูนย์บาทห้าสิบสตางค์"
        words = words.removeprefix("ศูนย์บาท")
    return words


def format_baht(
    amount: float | int | Decimal, digits: DigitStyle = "thai", decimals: int | None = None
) -> str:
    """Amount in figures and in words: "๑,๐๐๐ บาท (หนึ่งพันบาทถ้วน)"."""
    if decimals is None:
        decimals = 0 if _rounded(amount, 2) == _rounded(amount, 0) else 2
    return f"{format_number(amount, digits, decimals)} บาท ({baht_text(amount)})"


def thai_date(
    day: date, digits: DigitStyle = "thai", abbreviated: bool = False, with_era: bool = True
) -> str:
    """Day in Thai with a B.E. year: "๒๔ เมษายน พ.ศ. ๒๕๖๑" or "๒๔ เม.ย. ๒๕๖๑"."""
    if abbreviated:
        fmt = "%-d %b %Y"
    elif with_era:
        fmt = "%-d %B พ.ศ. %Y"
    else:
        fmt = "%-d %B %Y"
    return apply_digits(thai_strftime(day, fmt), digits)


def month_year(year_ce: int, month: int, digits: DigitStyle = "thai") -> str:
    """Month and B.E. year in Thai: "ตุลาคม ๒๕๖๐"."""
    return apply_digits(f"{month_name(month)} {be_year(year_ce)}", digits)


_MONTHS = {
    name.replace(".", ""): number
    for names in (thai_full_months, thai_abbr_months)
    for number, name in enumerate(names, start=1)
}
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_WORD_DATE = re.compile(r"(\d{1,2})\s+([^\d\s]+)\s*(?:พ\.ศ\.\s*)?(\d{4}|\d{2})")
# A smaller "B.E." year is almost surely a C.E. year typed by mistake
# (24/04/2018), which would otherwise become a date in 1475.
_MIN_BE_YEAR = 2400


def _date_or_none(text: str) -> date | None:
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = map(int, match.groups())
        return date(year, month, day)
    if match := _SLASH_DATE.fullmatch(text):
        day, month, year = map(int, match.groups())
    elif match := _WORD_DATE.fullmatch(text):
        day_text, month_text, year_text = match.groups()
        month = _MONTHS.get(month_text.replace(".", ""))
        if month is None:
            return None
        day = int(day_text)
        # two-digit years in Thai documents are B.E.: 67 is 2567
        year = int(year_text) + (2500 if len(year_text) == 2 else 0)
    else:
        return None
    if year < _MIN_BE_YEAR:
        return None
    return date(ce_year(year), month, day)


def parse_thai_date(text: str) -> date:
    """Date from ISO, Thai-worded (full or abbreviated month) or d/m/B.E. text.

    ISO dates are C.E.; one with a B.E.-sized year (2561-10-31) is refused with its fix,
    as no office writes C.E. dates that late.
    """
    written = to_arabic_digits(text.strip())
    if (iso := _ISO_DATE.fullmatch(written)) and int(iso[1]) >= _MIN_BE_YEAR:
        try:
            ce_day = date(ce_year(int(iso[1])), int(iso[2]), int(iso[3]))
        except ValueError:  # not a day in the B.E. reading either
            ce_day = None
        if ce_day is not None:
            raise ValueError(
                f"{written} looks like a B.E. year in ISO form: "
                f"write {ce_day.isoformat()} or {thai_date(ce_day, 'arabic', with_era=False)}"
            )
        day = None
    else:
        try:
            day = _date_or_none(written)
        except ValueError:  # impossible day, such as 31 April
            day = None
    if day is None:
        raise ValueError(
            f"not a date: {text!r} "
            "(expected a date such as 2018-04-24, 24 เมษายน 2561 or 29 พ.ย. 67)"
        )
    return day
