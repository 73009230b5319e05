"""One cell parser for the readers and both importers: numbers and amounts in Thai or Arabic digits."""

from __future__ import annotations

import pandas as pd
import pytest

from ita_report.records.cells import MAX_AMOUNT, int_values, money_values, number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,545,340", 1545340.0),
        ("๑,๕๔๕,๓๔๐", 1545340.0),
        ("1545340", 1545340.0),
        ("1,234.50", 1234.5),
        ("1,234,567.50", 1234567.5),
        ("-1,000", -1000.0),
        ("0", 0.0),
        ("100,000,000,000", 100_000_000_000.0),
        ("abc", None),
        ("1.2.3", None),
        ("12 ล้าน", None),
        ("-", None),
        ("10877,50", None),  # a decimal comma, once read as 1,087,750
        ("1,2,3", None),
        ("1,23,456", None),
        ("1234,567", None),
        ("inf", None),
        ("-Infinity", None),
        ("nan", None),
        ("1e400", None),
        ("1.5E+06", None),
        ("100,000,000,001", None),  # beyond MAX_AMOUNT
        ("1_000", None),
        ("１２", None),  # fullwidth digits are no digits of a Thai office's
    ],
)
def test_a_number_in_thai_or_arabic_digits_with_separators_between_thousands(text, expected):
    assert number(text) == expected


def test_a_dash_is_zero_baht_where_the_column_says_so():
    assert number("-", dash_is_zero=True) == 0.0


def rows_of(defects) -> list[list[int]]:
    return [list(rows[rows].index) for rows, _ in defects]


def test_an_amount_column_is_read_whole_and_names_each_bad_cell_once_under_its_reason():
    values = pd.Series(["1,000.50", "๒๕๐", "-", "", "x", "-5", "10877,50", "1,2,3", "1e5", "2,000,000,000,000"])
    parsed, defects = money_values(values, values == "")
    assert parsed.tolist()[:3] == [1000.5, 250.0, 0.0]
    assert parsed[4:].isna().all()
    assert rows_of(defects) == [[4], [6, 7, 8], [9], [5]]
    (_, kind), (_, reasons), (_, too_large), (_, negative) = defects
    assert kind == "an amount in baht (a number; '-' means 0)"
    assert reasons[[6, 7, 8]].tolist() == [
        "an amount with a decimal point, not a comma: write 10877.50",
        "an amount with commas only between thousands, as in 1,234,567.50",
        "an amount written out in digits, not in scientific notation (E+); "
        "format the column as Number in Excel and save again",
    ]
    assert (too_large, negative) == (f"an amount of at most {MAX_AMOUNT:,} baht", "an amount of 0 baht or more")


def test_a_column_of_several_line_cells_is_read_cell_by_cell():
    values = pd.Series(["1\n2", "3"])
    parsed, defects = money_values(values, values == "")
    assert parsed.tolist()[1:] == [3.0]
    assert rows_of(defects) == [[0], [], [], []]


def test_whole_numbers_take_separators_and_a_zero_fraction_but_no_dash_and_no_huge_number():
    values = pd.Series(["1,000", "2.0", "2.5", "-", "", "12345678901", "1,0"])
    parsed, defects = int_values(values, values == "")
    assert parsed.tolist()[:2] == [1000, 2]
    assert rows_of(defects) == [[2, 3], [6], [5]]
