"""One cell parser for the readers and both importers: numbers and amounts in Thai or Arabic digits."""

from __future__ import annotations

import pandas as pd
import pytest

from ita_report.records.cells import money_values, number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,545,340", 1545340.0),
        ("๑,๕๔๕,๓๔๐", 1545340.0),
        ("1545340", 1545340.0),
        ("1,234.50", 1234.5),
        ("-1,000", -1000.0),
        ("0", 0.0),
        ("abc", None),
        ("1.2.3", None),
        ("12 ล้าน", None),
        ("-", None),
    ],
)
def test_a_number_in_thai_or_arabic_digits_with_separators(text, expected):
    assert number(text) == expected


def test_a_dash_is_zero_baht_where_the_column_says_so():
    assert number("-", dash_is_zero=True) == 0.0


def test_an_amount_column_is_read_whole_and_names_its_bad_and_negative_cells():
    values = pd.Series(["1,000.50", "๒๕๐", "-", "", "x", "-5"])
    blank = values == ""
    parsed, defects = money_values(values, blank)
    assert parsed.tolist()[:3] == [1000.5, 250.0, 0.0]
    assert [list(rows[rows].index) for rows, _ in defects] == [[4], [5]]
