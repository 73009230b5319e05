"""Excel files: the one safe workbook writer, a dataset's input template, and a new year's templates."""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import unicodedata
import zipfile
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from numbers import Integral, Real
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from .columns import Column, Dataset
from .datasets import PLAN_DATASETS, RECORD_DATASETS
from .errors import ItaReportError, ParamsError
from .params import Params, load_params
from .paths import Project
from .plan import PLAN_FILE
from .thai import fiscal_year_bounds, thai_date

__all__ = ["NewYearError", "new_year", "template_workbook", "write_workbook"]

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


class NewYearError(ItaReportError):
    """A new fiscal year cannot be started: it would overwrite files, or has nothing to start from."""


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


def new_year(project: Project, fiscal_year: int, source_params: Path | None = None) -> list[Path]:
    """Start a fiscal year: params/<year>.yaml and data/<year>/ with a template per data file.

    Creates nothing when either already exists (an empty data/<year>/ is fine). The params start
    from `source_params`, else from the nearest earlier year in params/, else the nearest later one.
    """
    params_path, folder = project.params_file(fiscal_year), project.data_dir(fiscal_year)
    _refuse_overwrite(project, fiscal_year, params_path, folder)
    source = source_params if source_params is not None else _nearest_params(project, fiscal_year)
    source_shown = project.relative(source)
    text = _params_text(fiscal_year, _read_source(source, source_shown), source_shown)
    project.root.mkdir(parents=True, exist_ok=True)
    staging = Project(Path(tempfile.mkdtemp(prefix=f".new-year-{fiscal_year}-", dir=project.root)))
    try:
        params = _stage_params(staging, fiscal_year, text, source_shown)
        names = _stage_data(staging, params)
        params_path.parent.mkdir(parents=True, exist_ok=True)
        folder.parent.mkdir(parents=True, exist_ok=True)
        if folder.is_dir():
            folder.rmdir()  # empty, as checked above
        staging.data_dir(fiscal_year).replace(folder)
        staging.params_file(fiscal_year).replace(params_path)
    finally:
        shutil.rmtree(staging.root, ignore_errors=True)
    return [params_path, *(folder / name for name in names)]


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
    partial = target.with_name(f".{target.name}.partial")
    try:
        with zipfile.ZipFile(buffer) as written, zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as fixed:
            for entry in written.infolist():
                stamped = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME.timetuple()[:6])
                stamped.compress_type = zipfile.ZIP_DEFLATED
                stamped.external_attr = entry.external_attr
                data = core if entry.filename == "docProps/core.xml" else written.read(entry)
                fixed.writestr(stamped, data)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


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
    if value is None or (not isinstance(value, str) and pd.isna(value)):
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


# --- a new year ---------------------------------------------------------------------------------


def _refuse_overwrite(project: Project, fiscal_year: int, params_path: Path, folder: Path) -> None:
    existing = [path for path in (params_path, folder) if path.exists()]
    existing = [path for path in existing if not path.is_dir() or any(path.iterdir())]
    if existing:
        shown = " and ".join(project.relative(path) for path in existing)
        them = "them" if len(existing) > 1 else "it"
        raise NewYearError(
            f"new-year {fiscal_year} would overwrite {shown}; move {them} away first to start the year again"
        )


def _nearest_params(project: Project, fiscal_year: int) -> Path:
    folder = project.params_file(fiscal_year).parent
    years = sorted(int(p.stem) for p in folder.glob("*.yaml") if p.stem.isdigit()) if folder.is_dir() else []
    earlier = [year for year in years if year < fiscal_year]
    if not years:
        raise NewYearError(
            f"{project.relative(folder)} holds no params file to start fiscal year {fiscal_year} from; "
            "copy another year's or another office's params file there first"
        )
    return project.params_file(earlier[-1] if earlier else years[0])


def _read_source(source: Path, shown: str) -> str:
    try:
        return source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NewYearError(f"{shown}: no such params file to start from") from None
    except UnicodeDecodeError:
        raise NewYearError(f"{shown}: not UTF-8 text") from None


_TOP_KEY = re.compile(r"([A-Za-z_]\w*)\s*:")


def _params_text(fiscal_year: int, source: str, source_shown: str) -> str:
    """The source's required sections kept with their comments; its optional ones as comments."""
    required = [name for name, field in Params.model_fields.items() if field.is_required()]
    blocks = _top_level_blocks(source)
    reports = "reports: []"
    if any(key not in required for key, _, _ in blocks):
        reports += "  # add a report once its section below is filled in"
    kept, tail = [], []
    for key, comments, body in blocks:
        if key == "fiscal_year":
            kept += [*comments, f"fiscal_year: {fiscal_year}"]
        elif key == "reports":
            kept += [*comments, reports]
        elif key in required:
            kept += [*comments, *body]
        else:
            tail += [*comments, *(f"# {line}" if line.strip() else line for line in body)]
    start, end = fiscal_year_bounds(fiscal_year)
    span = f"{thai_date(start, 'arabic', abbreviated=True)} – {thai_date(end, 'arabic', abbreviated=True)}"
    copied = [k for k in required if k not in ("fiscal_year", "reports")]
    lines = [
        f"# Params for fiscal year พ.ศ. {fiscal_year} ({span}).",
        f"# Started by `ita-report new-year {fiscal_year}` from {source_shown}: "
        f"{', '.join(copied)} copied as they were.",
        "# Checked before any notebook runs: `ita-report build` stops on an unknown or missing key.",
        "",
    ]
    if not any(line.startswith("fiscal_year:") for line in kept):
        lines += [f"fiscal_year: {fiscal_year}", ""]
    while kept and not kept[0].strip():
        kept.pop(0)
    lines += kept
    if not any(line.startswith("reports:") for line in kept):
        lines += ["", reports]
    if tail:
        lines += [
            "",
            "# " + "-" * 98,
            f"# The sections below are {source_shown}'s, kept as comments: their texts, dates and",
            "# signatory belong to that year. To use one, update it, remove the '# ' in front of its",
            "# keys and values, and add its report to `reports:` above.",
            "# " + "-" * 98,
            *tail,
        ]
    return "\n".join(lines).rstrip("\n") + "\n"


def _top_level_blocks(text: str) -> list[tuple[str, list[str], list[str]]]:
    """(key, the comment lines just above it, its own lines) for each top-level key of a YAML file."""
    lines = text.splitlines()
    header = 0  # the file's opening comment, up to its first blank line, is the old year's title
    while header < len(lines) and lines[header].startswith("#"):
        header += 1
    starts = [i for i, line in enumerate(lines) if i >= header and _TOP_KEY.match(line)]
    firsts = []
    for start in starts:
        first = start
        while first > header and (not lines[first - 1].strip() or lines[first - 1].startswith("#")):
            first -= 1
        firsts.append(first)
    blocks = []
    for first, start, end in zip(firsts, starts, [*firsts[1:], len(lines)]):
        blocks.append((_TOP_KEY.match(lines[start]).group(1), lines[first:start], lines[start:end]))
    return blocks


def _stage_params(staging: Project, fiscal_year: int, text: str, source_shown: str) -> Params:
    path = staging.params_file(fiscal_year)
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    try:
        return load_params(staging, fiscal_year)
    except ParamsError as exc:
        raise NewYearError(f"{source_shown} cannot start fiscal year {fiscal_year}: {exc}") from None


def _stage_data(staging: Project, params: Params) -> list[str]:
    """Write the year's folder; return its file names in the order written."""
    folder = staging.data_dir(params.fiscal_year)
    folder.mkdir(parents=True)
    (folder / PLAN_FILE).write_text(
        f"# The integrity-measures plan of fiscal year {params.fiscal_year}: areas with their statement, guidelines\n"
        "# and policies, each policy with its code, title, main policy and measures. The plan.yaml of an\n"
        "# earlier year under data/ shows every key. projects.xlsx lists the projects under the policies.\n"
        "areas: []\n",
        encoding="utf-8",
    )
    names = [PLAN_FILE]
    lists = params.lists.as_mapping()
    for dataset in (*PLAN_DATASETS, *RECORD_DATASETS):
        name = f"{dataset.name}.xlsx"
        template_workbook(dataset, lists, folder / name)
        names.append(name)
    return names
