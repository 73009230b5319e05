"""Data is never code: no CSV the project writes holds a formula, and no chart label is mathtext.

The rule (ita_report/core/spreadsheet.py, OWASP CSV injection): a text cell that starts with '=',
'+', '-', '@', a tab or a carriage return gets a leading apostrophe, unless it is a number as a
spreadsheet reads one ("-5", "-1000.5", "-1,000.50", "-12.5%"): those stay numbers; so does a lone
"-", the tables' "none", which no spreadsheet runs. Numbers in Thai digits are text to a spreadsheet
and are escaped. Reading the project's CSV files takes the apostrophe off again, so records load
back exactly.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.text import Text

from ita_report.core.spreadsheet import TRIGGERS, safe_cell, safe_frame, unescape_cell, unescape_frame
from ita_report.pack.site import oit_urls_csv
from ita_report.present.charts import bar_chart, png_bytes, stacked_bar_chart
from ita_report.records import datasets as d
from ita_report.records.writing import write_csv
from tests.conftest import YEAR
from tests.test_excel import RECORDS, load, make_project

# a number as a spreadsheet reads it (optional sign, ASCII digits, thousands commas, decimals, exponent, %),
# or a lone "-"
NUMBER = re.compile(r"-|[+-]?(?:\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?", re.ASCII)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+66 2 123 4567", "'+66 2 123 4567"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-", "-"),  # a lone dash (the tables' "none", the office's "0 baht") is no formula: left alone
        ("+", "'+"),
        ("--1", "'--1"),
        ("-ร้านทดสอบ", "'-ร้านทดสอบ"),
        ("-๕", "'-๕"),  # Thai digits are text to a spreadsheet
        ("'=x", "''=x"),  # already an apostrophe: one more, so reading gives back "'=x"
        ("-5", "-5"),
        ("+5", "+5"),
        ("-1000.5", "-1000.5"),
        ("-1,000.50", "-1,000.50"),  # a number to a spreadsheet, never a formula: left alone
        ("-.5", "-.5"),
        ("-1e5", "-1e5"),
        ("-12.5%", "-12.5%"),
        ("-5 บาท", "'-5 บาท"),
        ("-1,00", "'-1,00"),  # not a well-formed number
        ("ค่าใช้จ่าย", "ค่าใช้จ่าย"),
        ("a=b", "a=b"),
        (" =1+1", " =1+1"),  # only the first character counts
        ("'quoted", "'quoted"),
        ("", ""),
        (-5, -5),
        (-1000.5, -1000.5),
        (None, None),
    ],
)
def test_safe_cell(value, written):
    assert safe_cell(value) == written
    assert unescape_cell(written) == value


def test_every_trigger_is_escaped():
    assert [safe_cell(f"{c}x") for c in TRIGGERS] == [f"'{c}x" for c in TRIGGERS]


def test_safe_frame_escapes_text_and_headers_and_leaves_numbers():
    frame = pd.DataFrame({
        "=ชื่อ": ["=1+1", "-5", "-x", None, "ok"],
        "amount": [-1.0, 2.5, -1000.5, np.nan, 0.0],
        "count": [-1, 2, 3, 4, 5],
        "mixed": pd.Series([-7, "@a", np.nan, "-1,000.50", "\tz"], dtype=object),
        "category": pd.Categorical(["-a", "b", "-a", "b", "=c"]),
        "numbers_as_objects": pd.Series([-1, 2, -3, None, 5], dtype=object),
    }).set_axis([3, 3, 1, 2, 0])  # labels repeat: cells are changed by position
    before = frame.copy()
    safe = safe_frame(frame)
    pd.testing.assert_frame_equal(frame, before)  # a copy; the frame itself is untouched
    assert list(safe.columns) == ["'=ชื่อ", "amount", "count", "mixed", "category", "numbers_as_objects"]
    assert safe["'=ชื่อ"].tolist()[:3] == ["'=1+1", "-5", "'-x"]
    assert safe["mixed"].tolist()[:2] == [-7, "'@a"] and safe["mixed"].tolist()[3:] == ["-1,000.50", "'\tz"]
    assert safe["category"].tolist() == ["'-a", "b", "'-a", "b", "'=c"]
    pd.testing.assert_series_equal(safe["amount"], frame["amount"])
    pd.testing.assert_series_equal(safe["count"], frame["count"])
    pd.testing.assert_series_equal(safe["numbers_as_objects"], frame["numbers_as_objects"])
    pd.testing.assert_frame_equal(unescape_frame(safe), frame, check_categorical=False)


# --- the office's record files ----------------------------------------------------------------------


def test_records_with_formula_like_names_round_trip_through_csv(tmp_path):
    project = make_project(tmp_path)
    records = RECORDS["procurement"].copy()
    records["item"] = ["=จ้างทำป้าย", "@จัดซื้อวัสดุ"]
    records["supplier"] = ["-ร้านทดสอบ", None]
    records["reason"] = ["'=อ้างอิง", '=HYPERLINK("http://x","y")']
    path = project.data_dir(YEAR) / "procurement.csv"
    write_csv(records, d.PROCUREMENT, path)

    cells = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    column = {header: [row[n] for row in cells[1:]] for n, header in enumerate(cells[0])}
    assert column["งานที่จัดซื้อหรือจัดจ้าง"] == ["'=จ้างทำป้าย", "'@จัดซื้อวัสดุ"]
    assert column["ผู้ได้รับการคัดเลือก"] == ["'-ร้านทดสอบ", ""]
    assert column["เหตุผลที่คัดเลือกโดยสรุป"] == ["''=อ้างอิง", '\'=HYPERLINK("http://x","y")']

    loaded = load(project, "procurement")
    for name in ("item", "supplier", "reason", "contract_no", "officers"):
        assert loaded[name].fillna("").tolist() == records[name].fillna("").tolist(), name
    assert loaded["budget"].tolist() == [50000.0, 120000.0]


def test_oit_urls_csv_escapes_its_cells():
    class Item:  # the few fields oit_urls_csv reads of an item's coverage
        provided_by_office = True

    class Coverage:
        code, title, item, office_url = "O1", "=โครงสร้าง", Item(), "-http://x"

    rows = list(csv.reader(io.StringIO(oit_urls_csv([Coverage()], None))))
    assert rows[1][:2] == ["O1", "'=โครงสร้าง"] and rows[1][4] == "'-http://x"


# --- charts -----------------------------------------------------------------------------------------

LABELS = ["$x^2$ ค่าใช้จ่าย", r"ราคา $\undefinedcommand{y}$ บาท", "ค่าวัสดุ"]


def test_chart_labels_are_literal_text_not_mathtext():
    figure = bar_chart(LABELS, [("บาท", [1.0, 2.0, 3.0], 0)], title="$t$ รายจ่าย", digits="arabic")
    assert png_bytes(figure).startswith(b"\x89PNG")  # an unknown command would fail as mathtext
    (axes,) = figure.axes
    labels = axes.get_yticklabels()
    assert [label.get_text() for label in labels] == LABELS
    assert not any(text.get_parse_math() for text in figure.findobj(Text))  # ticks, bar values, title


def test_stacked_chart_labels_are_literal_text():
    figure = stacked_bar_chart(
        LABELS, [("$a$", [1.0, 2.0, 3.0], "#2f5d8a"), ("b", [1.0, 0.0, 1.0], "#cccccc")],
        title="t", value_label="$บาท$", digits="thai",
    )
    assert png_bytes(figure).startswith(b"\x89PNG")
    assert not any(text.get_parse_math() for text in figure.findobj(Text))


# --- the built pack ---------------------------------------------------------------------------------


def _csv_files(pack: Path) -> dict[str, bytes]:
    found = {str(path.relative_to(pack)): path.read_bytes() for path in pack.rglob("*.csv")}
    for archive_path in pack.rglob("*.zip"):
        with zipfile.ZipFile(archive_path) as archive:
            found |= {
                f"{archive_path.relative_to(pack)}!{name}": archive.read(name)
                for name in archive.namelist()
                if name.endswith(".csv")
            }
    return found


def test_no_csv_in_the_pack_holds_a_formula(built):
    pack = built.output_dir(YEAR)
    files = _csv_files(pack)
    assert "oit_urls.csv" in files
    assert any(name.startswith("tables/") for name in files)
    assert any("!" in name for name in files)  # the ZIP's copies are checked too
    unsafe = [
        (name, cell)
        for name, data in files.items()
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig")))
        for cell in row
        if cell[:1] in TRIGGERS and not NUMBER.fullmatch(cell)
    ]
    assert unsafe == []
