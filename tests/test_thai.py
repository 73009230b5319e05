from datetime import date
from decimal import Decimal

import pytest

from ita_report.core.thai import (
    FISCAL_MONTHS,
    apply_digits,
    baht_text,
    be_year,
    ce_year,
    fiscal_months,
    fiscal_quarter,
    fiscal_year_bounds,
    fiscal_year_of,
    format_baht,
    format_number,
    half_year_end,
    month_name,
    month_year,
    parse_thai_date,
    thai_date,
    to_arabic_digits,
    to_thai_digits,
)

DATE_HINT = "(expected a date such as 2018-04-24, 24 เมษายน 2561 or 29 พ.ย. 67)"


@pytest.mark.parametrize(("ce", "be"), [(2018, 2561), (2017, 2560), (2024, 2567)])
def test_be_and_ce_years_differ_by_543(ce, be):
    assert be_year(ce) == be
    assert ce_year(be) == ce


@pytest.mark.parametrize(
    ("day", "fiscal_year"),
    [
        (date(2017, 9, 30), 2560),
        (date(2017, 10, 1), 2561),
        (date(2017, 12, 31), 2561),
        (date(2018, 1, 1), 2561),
        (date(2018, 9, 30), 2561),
        (date(2018, 10, 1), 2562),
    ],
)
def test_fiscal_year_of_turns_over_on_1_october(day, fiscal_year):
    assert fiscal_year_of(day) == fiscal_year


@pytest.mark.parametrize(
    ("fiscal_year", "bounds"),
    [
        (2561, (date(2017, 10, 1), date(2018, 9, 30))),
        (2567, (date(2023, 10, 1), date(2024, 9, 30))),
    ],
)
def test_fiscal_year_bounds_run_from_1_october_to_30_september(fiscal_year, bounds):
    assert fiscal_year_bounds(fiscal_year) == bounds


def test_fiscal_months_start_in_october_of_the_previous_ce_year():
    assert FISCAL_MONTHS == (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)
    assert fiscal_months(2561) == [
        (2017, 10), (2017, 11), (2017, 12),
        (2018, 1), (2018, 2), (2018, 3), (2018, 4), (2018, 5),
        (2018, 6), (2018, 7), (2018, 8), (2018, 9),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2017, 10, 1), 1),
        (date(2017, 12, 31), 1),
        (date(2018, 1, 1), 2),
        (date(2018, 3, 31), 2),
        (date(2018, 4, 1), 3),
        (date(2018, 6, 30), 3),
        (date(2018, 7, 1), 4),
        (date(2018, 9, 30), 4),
    ],
)
def test_fiscal_quarter_one_is_october_to_december(day, quarter):
    assert fiscal_quarter(day) == quarter


@pytest.mark.parametrize(
    ("fiscal_year", "end"), [(2561, date(2018, 3, 31)), (2567, date(2024, 3, 31))]
)
def test_half_year_ends_on_31_march(fiscal_year, end):
    assert half_year_end(fiscal_year) == end


@pytest.mark.parametrize(
    ("month", "abbreviated", "name"),
    [
        (1, False, "มกราคม"),
        (1, True, "ม.ค."),
        (4, False, "เมษายน"),
        (4, True, "เม.ย."),
        (12, False, "ธันวาคม"),
        (12, True, "ธ.ค."),
    ],
)
def test_month_name_gives_full_or_abbreviated_thai_name(month, abbreviated, name):
    assert month_name(month, abbreviated) == name


@pytest.mark.parametrize("month", [0, 13, -1])
def test_month_name_rejects_numbers_outside_1_to_12(month):
    with pytest.raises(ValueError) as error:
        month_name(month)
    assert str(error.value) == f"not a month: {month}"


@pytest.mark.parametrize(
    ("arabic", "thai"),
    [
        ("0123456789", "๐๑๒๓๔๕๖๗๘๙"),
        ("ปีงบประมาณ 2561", "ปีงบประมาณ ๒๕๖๑"),
        ("ข้อ 3.1 วงเงิน 1,645,340 บาท", "ข้อ ๓.๑ วงเงิน ๑,๖๔๕,๓๔๐ บาท"),
        ("ไม่มีตัวเลข", "ไม่มีตัวเลข"),
        ("", ""),
    ],
)
def test_digit_conversion_round_trips_through_thai_text(arabic, thai):
    assert to_thai_digits(arabic) == thai
    assert to_arabic_digits(thai) == arabic
    assert to_arabic_digits(to_thai_digits(arabic)) == arabic


@pytest.mark.parametrize(
    ("text", "digits", "expected"),
    [
        ("ที่ 12/๒๕๖๑", "thai", "ที่ ๑๒/๒๕๖๑"),
        ("ที่ 12/๒๕๖๑", "arabic", "ที่ 12/2561"),
    ],
)
def test_apply_digits_converts_every_digit_to_the_style(text, digits, expected):
    assert apply_digits(text, digits) == expected


def test_apply_digits_rejects_an_unknown_style():
    with pytest.raises(ValueError) as error:
        apply_digits("1", "roman")
    assert str(error.value) == "digits must be 'thai' or 'arabic', not 'roman'"


@pytest.mark.parametrize(
    ("value", "digits", "decimals", "expected"),
    [
        (1645340, "thai", 0, "๑,๖๔๕,๓๔๐"),
        (1645340, "arabic", 0, "1,645,340"),
        (1234.5, "arabic", 2, "1,234.50"),
        (1234.5, "thai", 2, "๑,๒๓๔.๕๐"),
        (-1000, "arabic", 0, "-1,000"),
        (-1000, "thai", 0, "-๑,๐๐๐"),
        (0, "arabic", 0, "0"),
        (999, "arabic", 0, "999"),
        (0.005, "arabic", 2, "0.01"),
        (2.675, "arabic", 2, "2.68"),
        (2.5, "arabic", 0, "3"),
        (-2.5, "arabic", 0, "-3"),
        (-0.001, "arabic", 2, "0.00"),
        (Decimal("1000.125"), "arabic", 2, "1,000.13"),
    ],
)
def test_format_number_groups_thousands_and_rounds_half_up(value, digits, decimals, expected):
    assert format_number(value, digits, decimals) == expected


def test_format_number_defaults_to_thai_digits_without_decimals():
    assert format_number(1645340.4) == "๑,๖๔๕,๓๔๐"


def test_format_number_rejects_nan():
    with pytest.raises(ValueError) as error:
        format_number(float("nan"))
    assert str(error.value) == "not a finite number: nan"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (1645340, "หนึ่งล้านหกแสนสี่หมื่นห้าพันสามร้อยสี่สิบบาทถ้วน"),
        (1545340, "หนึ่งล้านห้าแสนสี่หมื่นห้าพันสามร้อยสี่สิบบาทถ้วน"),
        (1234.25, "หนึ่งพันสองร้อยสามสิบสี่บาทยี่สิบห้าสตางค์"),
        (Decimal("21.01"), "ยี่สิบเอ็ดบาทหนึ่งสตางค์"),
        (2.675, "สองบาทหกสิบแปดสตางค์"),
        (0, "ศูนย์บาทถ้วน"),
        (0.5, "ห้าสิบสตางค์"),
        (-5.5, "ลบห้าบาทห้าสิบสตางค์"),
        (-0.5, "ลบห้าสิบสตางค์"),
    ],
)
def test_baht_text_reads_the_amount_in_thai_words(amount, words):
    assert baht_text(amount) == words


@pytest.mark.parametrize(
    ("amount", "digits", "decimals", "expected"),
    [
        (
            1645340,
            "thai",
            None,
            "๑,๖๔๕,๓๔๐ บาท (หนึ่งล้านหกแสนสี่หมื่นห้าพันสามร้อยสี่สิบบาทถ้วน)",
        ),
        (
            1545340.0,
            "arabic",
            None,
            "1,545,340 บาท (หนึ่งล้านห้าแสนสี่หมื่นห้าพันสามร้อยสี่สิบบาทถ้วน)",
        ),
        (1234.5, "arabic", None, "1,234.50 บาท (หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์)"),
        (1000, "thai", 2, "๑,๐๐๐.๐๐ บาท (หนึ่งพันบาทถ้วน)"),
        (Decimal("99.99"), "thai", None, "๙๙.๙๙ บาท (เก้าสิบเก้าบาทเก้าสิบเก้าสตางค์)"),
    ],
)
def test_format_baht_gives_figures_then_words(amount, digits, decimals, expected):
    assert format_baht(amount, digits, decimals) == expected


@pytest.mark.parametrize(
    ("day", "kwargs", "expected"),
    [
        (date(2018, 4, 24), {}, "๒๔ เมษายน พ.ศ. ๒๕๖๑"),
        (date(2018, 4, 24), {"abbreviated": True}, "๒๔ เม.ย. ๒๕๖๑"),
        (date(2018, 4, 24), {"abbreviated": True, "with_era": True}, "๒๔ เม.ย. ๒๕๖๑"),
        (date(2018, 4, 24), {"with_era": False}, "๒๔ เมษายน ๒๕๖๑"),
        (date(2018, 4, 24), {"digits": "arabic"}, "24 เมษายน พ.ศ. 2561"),
        (date(2017, 10, 1), {}, "๑ ตุลาคม พ.ศ. ๒๕๖๐"),
        (date(2024, 11, 29), {"digits": "arabic", "abbreviated": True}, "29 พ.ย. 2567"),
    ],
)
def test_thai_date_writes_day_month_and_be_year(day, kwargs, expected):
    assert thai_date(day, **kwargs) == expected


@pytest.mark.parametrize(
    ("year_ce", "month", "digits", "expected"),
    [
        (2017, 10, "thai", "ตุลาคม ๒๕๖๐"),
        (2018, 9, "thai", "กันยายน ๒๕๖๑"),
        (2018, 3, "arabic", "มีนาคม 2561"),
    ],
)
def test_month_year_writes_month_and_be_year(year_ce, month, digits, expected):
    assert month_year(year_ce, month, digits) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-04-24", date(2018, 4, 24)),
        ("24 เมษายน 2561", date(2018, 4, 24)),
        ("๒๔ เมษายน ๒๕๖๑", date(2018, 4, 24)),
        ("24 เมษายน พ.ศ. 2561", date(2018, 4, 24)),
        ("๒๔ เมษายน พ.ศ. ๒๕๖๑", date(2018, 4, 24)),
        ("24 เม.ย. 2561", date(2018, 4, 24)),
        ("29 พ.ย. 67", date(2024, 11, 29)),
        ("29 พย 2567", date(2024, 11, 29)),
        ("29 พย 67", date(2024, 11, 29)),
        ("1 ต.ค. 60", date(2017, 10, 1)),
        ("24/04/2561", date(2018, 4, 24)),
        ("1/10/2560", date(2017, 10, 1)),
        ("  24 เมษายน 2561 \n", date(2018, 4, 24)),
    ],
)
def test_parse_thai_date_reads_iso_worded_and_slashed_dates(text, expected):
    assert parse_thai_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2561",
        "31 เม.ย. 2561",
        "2018-02-30",
        "24/04/2018",
        "24/04/61",
        "24 April 2018",
        "24 เมษายน",
        "เมษายน 2561",
        "abc",
        "",
        "   ",
        "2564-02-29",  # no 29 February in B.E. 2564 (2021), nor read as C.E.
    ],
)
def test_parse_thai_date_rejects_other_text_quoting_it(text):
    with pytest.raises(ValueError) as error:
        parse_thai_date(text)
    assert str(error.value) == f"not a date: {text!r} {DATE_HINT}"


def test_parse_thai_date_error_quotes_thai_text_as_written():
    with pytest.raises(ValueError) as error:
        parse_thai_date("31 เม.ย. 2561")
    assert str(error.value) == (
        "not a date: '31 เม.ย. 2561' "
        "(expected a date such as 2018-04-24, 24 เมษายน 2561 or 29 พ.ย. 67)"
    )


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("2561-10-31", "2561-10-31 looks like a B.E. year in ISO form: write 2018-10-31 or 31 ตุลาคม 2561"),
        ("๒๕๖๑-๑๐-๓๑", "2561-10-31 looks like a B.E. year in ISO form: write 2018-10-31 or 31 ตุลาคม 2561"),
        ("2563-02-29", "2563-02-29 looks like a B.E. year in ISO form: write 2020-02-29 or 29 กุมภาพันธ์ 2563"),
        ("2400-01-01", "2400-01-01 looks like a B.E. year in ISO form: write 1857-01-01 or 1 มกราคม 2400"),
    ],
)
def test_parse_thai_date_refuses_a_be_year_in_iso_form_with_its_fix(text, fix):
    with pytest.raises(ValueError) as error:
        parse_thai_date(text)
    assert str(error.value) == fix


def test_parse_thai_date_reads_iso_years_below_2400_as_ce():
    assert parse_thai_date("2399-12-31") == date(2399, 12, 31)
