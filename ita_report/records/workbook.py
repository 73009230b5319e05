"""Excel workbooks: the one safe writer (text stays text, equal inputs give equal bytes), a dataset's
input template, with a guide to every column and drop-downs for the closed lists, and the data sheet
of an office's workbook read back as text."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from numbers import Integral, Real
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from ita_report.core.errors import Problem
from ita_report.core.files import replacing
from ita_report.records.cells import is_empty
from ita_report.records.columns import Column, Dataset
from ita_report.records.reading import OLE, ZIP, Table, rows_table

__all__ = ["DATA_SHEET", "DATE_FORMAT", "MONEY_FORMAT", "template_workbook", "workbook_table", "write_workbook"]

MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "[$-th-TH]d mmm bbbb"  # 29 พ.ย. 2560: the B.E. form the office types and reads
DATETIME_FORMAT = "[$-th-TH]d mmm bbbb h:mm"
TEXT_FORMAT = "@"
FIXED_TIME = datetime(2000, 1, 1)  # stands in for "now" so that equal inputs give equal bytes
MIN_WIDTH, MAX_WIDTH = 8, 60
LAST_ROW = 1_048_576

DATA_SHEET, GUIDE_SHEET, LISTS_SHEET = "ข้อมูล", "คำอธิบาย", "รายการ"
GUIDE_HEADERS = ("หัวคอลัมน์", "ชื่อในระบบ", "ชนิดข้อมูล", "ต้องกรอก", "ค่าที่ใช้ได้", "คำอธิบาย")
KIND_WORDS = {
    "text": "ข้อความ",
    "int": "จำนวนเต็ม",
    "money": "ตัวเลข มีทศนิยมได้ (ขีด - หมายถึง 0)",
    "date": "วันที่ เช่น 29 พ.ย. 2560",
    "choice": "เลือกจากรายการ",
    "tax_id": "เลขประจำตัวผู้เสียภาษี 13 หลัก",
    "egp_id": "เลขที่โครงการ e-GP 11 หลัก",
}
COLUMN_FORMATS = {"money": MONEY_FORMAT, "date": DATE_FORMAT, "int": "0"}  # other kinds are text


def write_workbook(sheets: Mapping[str, pd.DataFrame], target: Path, *, title: str | None = None) -> None:
    """Write one sheet per frame (index left out), text always as text, replacing the file whole."""
    _save(_workbook(sheets, title), target)


def template_workbook(
    dataset: Dataset,
    lists: Mapping[str, tuple[str, ...]],
    target: Path,
    rows: pd.DataFrame | None = None,
) -> None:
    """An input workbook for a dataset: its records (if any), a guide to every column, drop-downs."""
    columns = dataset.public_columns
    closed = [c for c in columns if c.kind == "choice"]
    allowed = {c.name: tuple(lists[c.choices] if isinstance(c.choices, str) else c.choices) for c in closed}
    sheets = {
        DATA_SHEET: _typed_cells(columns, rows),
        GUIDE_SHEET: pd.DataFrame([_guide_row(c, allowed.get(c.name, ())) for c in columns],
                                  columns=list(GUIDE_HEADERS)),
    }
    if closed:  # lists live on a sheet: a list typed into the validation itself is capped at 255 characters
        sheets[LISTS_SHEET] = pd.DataFrame({c.header: pd.Series(allowed[c.name], dtype=object) for c in closed})
    workbook = _workbook(sheets, f"{dataset.title} ({dataset.name})")
    data = workbook[DATA_SHEET]
    for number, column in enumerate(columns, start=1):
        # rows typed in later take the column's format: a typed tax ID keeps its leading zero
        data.column_dimensions[get_column_letter(number)].number_format = COLUMN_FORMATS.get(
            column.kind, TEXT_FORMAT
        )
    for list_number, column in enumerate(closed, start=1):
        if allowed[column.name]:
            _add_drop_down(data, columns.index(column) + 1, list_number, len(allowed[column.name]))
    if closed:
        workbook[LISTS_SHEET].sheet_state = "hidden"
    _save(workbook, target)


# --- the writer ---------------------------------------------------------------------------------


def _workbook(sheets: Mapping[str, pd.DataFrame], title: str | None) -> Workbook:
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, frame in sheets.items():
        _fill(workbook.create_sheet(name), frame)
    properties = workbook.properties
    properties.title = title
    properties.creator = "ita-report"
    properties.created = properties.modified = FIXED_TIME
    return workbook


def _fill(sheet: Worksheet, frame: pd.DataFrame) -> None:
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for number, header in enumerate(frame.columns, start=1):
        cell = sheet.cell(row=1, column=number)
        _put(cell, str(header))
        cell.font = bold
        width = _width(str(header))
        for row, value in enumerate(frame.iloc[:, number - 1].tolist(), start=2):
            cell = sheet.cell(row=row, column=number)
            shown = _put(cell, value)
            if len(shown) > MAX_WIDTH or "\n" in shown:  # bidder lists put one bidder a line
                cell.alignment = wrap
            width = max(width, *(_width(line) for line in shown.split("\n")))
        sheet.column_dimensions[get_column_letter(number)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"


def _put(cell, value: object) -> str:
    """Store one value as its own type; return roughly the text Excel shows, to size the column."""
    if value is None or (pd.api.types.is_scalar(value) and not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        cell.value = bool(value)
        return str(cell.value).upper()
    if isinstance(value, Integral):
        cell.value = int(value)
        return str(cell.value)
    if isinstance(value, (Real, Decimal)):
        cell.value = float(value)
        cell.number_format = MONEY_FORMAT
        return f"{cell.value:,.2f}"
    if isinstance(value, datetime):
        if value == pd.Timestamp(value).normalize():
            return _put(cell, pd.Timestamp(value).date())
        cell.value = pd.Timestamp(value).to_pydatetime()
        cell.number_format = DATETIME_FORMAT
        return "29 พ.ย. 2560 00:00"
    if isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
        return "29 พ.ย. 2560"
    # Control characters cannot be stored in the file's XML at all; they are invisible anyway.
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    cell.value = text
    cell.data_type = "s"  # never a formula: '=HYPERLINK(...)' typed by someone stays the text it was
    cell.number_format = TEXT_FORMAT  # and stays text when someone edits it in Excel
    return text


def _width(text: str) -> int:
    """Columns a line of text takes: Thai vowel and tone marks above or below take none."""
    longest = max(text.split("\n"), key=len, default="")
    return sum(unicodedata.category(ch) != "Mn" for ch in longest)


def _save(workbook: Workbook, target: Path) -> None:
    buffer = io.BytesIO()
    workbook.save(buffer)  # openpyxl stamps "modified" and every zip entry with the current time
    workbook.properties.modified = FIXED_TIME
    core = tostring(workbook.properties.to_tree())
    with replacing(target) as partial, zipfile.ZipFile(buffer) as written, \
            zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as fixed:
        for entry in written.infolist():
            stamped = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            stamped.external_attr = entry.external_attr
            data = core if entry.filename == "docProps/core.xml" else written.read(entry)
            fixed.writestr(stamped, data)


# --- templates ----------------------------------------------------------------------------------


def _typed_cells(columns: tuple[Column, ...], rows: pd.DataFrame | None) -> pd.DataFrame:
    """Records under the Thai headers as Python values of each column's kind."""
    rows = pd.DataFrame() if rows is None else rows
    return pd.DataFrame(
        {c.header: [_typed(v, c.kind) for v in rows[c.name]] if c.name in rows else [None] * len(rows)
         for c in columns},
        dtype=object,
    )


def _typed(value: object, kind: str) -> object:
    if is_empty(value):
        return None
    if kind == "date":
        return pd.Timestamp(value).date()
    if kind == "money":
        return float(value)
    if kind == "int":
        return int(value)
    return str(value)


def _guide_row(column: Column, allowed: tuple[str, ...]) -> tuple[str, ...]:
    if allowed:
        values = ", ".join(allowed)
    elif column.in_fiscal_year:
        values = "วันที่ภายในปีงบประมาณ"
    else:
        values = ""
    required = "ต้องกรอก" if column.required else "ไม่บังคับ"
    return (column.header, column.name, KIND_WORDS[column.kind], required, values, column.description)


def _add_drop_down(sheet: Worksheet, column_number: int, list_number: int, count: int) -> None:
    source = get_column_letter(list_number)
    drop_down = DataValidation(
        type="list",
        formula1=f"'{LISTS_SHEET}'!${source}$2:${source}${count + 1}",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="ค่าไม่อยู่ในรายการ",
        error="เลือกค่าจากรายการของคอลัมน์นี้ (ดูแผ่นงานคำอธิบาย)",
    )
    letter = get_column_letter(column_number)
    drop_down.add(f"{letter}2:{letter}{LAST_ROW}")
    sheet.add_data_validation(drop_down)


# --- reading an office's workbook ---------------------------------------------------------------


def workbook_table(data: bytes, path: Path, shown: str) -> tuple[Table | None, list[Problem]]:
    """The cells of an office's workbook (its data sheet) as a table of text, as reading.py reads a CSV."""
    def problem(expected: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown, None, None, None, expected)]

    if data.startswith(OLE):
        return problem(f"an Excel 97-2003 workbook (.xls) under a .xlsx name; open it in Excel and save it as "
                       f"{path.stem}.xlsx (Excel Workbook)")
    if not data.startswith(ZIP) and data.strip() and b"\x00" not in data[:4096]:
        return problem(f"a text file under a .xlsx name; if it is CSV, rename it {path.stem}.csv")
    rows, problems = _sheet_rows(data, shown)
    return (None, problems) if rows is None else rows_table(rows, shown)


def _sheet_rows(data: bytes, shown: str) -> tuple[list[list[str]] | None, list[Problem]]:
    """The cells of a workbook's data sheet as text, row 1 first: the sheet named as the template's,
    else the only visible sheet; never a hidden one (an old copy, the template's lists)."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file; each means the same to the user
        return None, [Problem(shown, None, None, None, "an Excel workbook (.xlsx) that opens")]
    try:
        sheet, expected = _data_sheet(workbook)
        if sheet is None:
            return None, [Problem(shown, None, None, None, expected)]
        sheet.reset_dimensions()  # a sheet may claim more columns than it has: read each row as long as it is
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)], []
    except Exception:  # a damaged sheet inside a workbook that opens
        return None, [Problem(shown, None, None, None, "an Excel workbook (.xlsx) that opens")]
    finally:
        workbook.close()


def _data_sheet(workbook: Workbook) -> tuple[Worksheet | None, str]:
    """The sheet that holds the records, or None and what was expected instead."""
    named = [sheet for sheet in workbook.worksheets if " ".join(sheet.title.split()) == DATA_SHEET]
    if named and named[0].sheet_state == "visible":
        return named[0], ""
    if named:
        return None, f"the records on a visible sheet; sheet '{DATA_SHEET}' is hidden: unhide it in Excel"
    visible = [sheet for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
    if len(visible) == 1:
        return visible[0], ""
    found = ", ".join(f"'{sheet.title}'" for sheet in visible) or "none"
    return None, (f"the records on a sheet named '{DATA_SHEET}', as in the template, or on the only visible sheet; "
                  f"found visible sheets {found}: rename the records' sheet '{DATA_SHEET}'")


def _cell_text(value: object) -> str:
    """An Excel cell as the text a CSV would hold: dates as ISO, numbers in digits without '.0' or an exponent."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else np.format_float_positional(value, trim="-")
    return str(value)
