"""Reading an office's table files, CSV or Excel, into text cells numbered as Excel shows rows."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from ita_report.core.errors import Problem
from ita_report.core.spreadsheet import unescape_frame

HEADER_ROW = 1  # the header is row 1, the first record row 2, as in Excel
SUFFIXES = (".csv", ".xlsx")
ENCODINGS = ("utf-8-sig", "cp874")  # cp874 (Windows-874) is a superset of TIS-620


def dataset_file(folder: Path, stem: str) -> list[Path]:
    """The files that hold a dataset in a year's folder: none, one, or (a problem) both kinds."""
    return [folder / f"{stem}{suffix}" for suffix in SUFFIXES if (folder / f"{stem}{suffix}").is_file()]


def read_cells(path: Path, shown: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Every cell as stripped text ('' when empty); rows that are wholly empty are left out."""
    if path.suffix == ".xlsx":
        frame, problems = _read_xlsx(path, shown)
    else:
        frame, problems = _read_csv(path, shown)
    if frame.empty:
        return frame, problems
    frame.columns = [" ".join(str(c).split()) for c in frame.columns]
    repeated = frame.columns.duplicated()
    problems += [
        Problem(shown, HEADER_ROW, header, None, "a column that appears only once")
        for header in frame.columns[repeated]
    ]
    frame = frame.loc[:, ~repeated].apply(lambda column: column.str.strip())
    return frame[(frame != "").any(axis=1)], problems


def decode(data: bytes, shown: str) -> str:
    """Text of a file saved as UTF-8 (with or without BOM) or Windows-874/TIS-620."""
    return data.decode(encoding_of(data, shown))


def encoding_of(data: bytes, shown: str) -> str:
    """Which of UTF-8 and Windows-874/TIS-620 the bytes are; UnicodeDecodeError if neither."""
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:  # NUL bytes mean UTF-16 or a binary file, whatever decoded
            return encoding
    raise UnicodeDecodeError("utf-8", data, 0, 1, f"{shown} is neither UTF-8 nor Windows-874")


def _read_csv(path: Path, shown: str) -> tuple[pd.DataFrame, list[Problem]]:
    data = path.read_bytes()
    try:
        encoding = encoding_of(data, shown)
    except UnicodeDecodeError:
        return pd.DataFrame(), [Problem(shown, None, None, None, "text encoded as UTF-8 or Windows-874 (TIS-620)")]
    if not data.decode(encoding).strip():
        return pd.DataFrame(), [Problem(shown, HEADER_ROW, None, None, "a header row with the column names")]
    try:
        # bytes, not a StringIO: pandas re-encodes a text buffer at a cost that grows with its size;
        # header=None keeps two columns of one name apart, for read_cells to report
        cells = pd.read_csv(
            io.BytesIO(data), encoding=encoding, header=None, dtype=str, keep_default_na=False,
            na_filter=False, skip_blank_lines=False,
        )
    except pd.errors.ParserError:
        return pd.DataFrame(), _ragged_rows(data.decode(encoding), shown)
    if b"'" in data:  # "'=x", as the project writes a cell that starts with '=', is "=x"
        cells = unescape_frame(cells)
    frame = cells.iloc[1:].fillna("")
    frame.columns = list(cells.iloc[0].fillna(""))
    frame.index = range(HEADER_ROW + 1, HEADER_ROW + 1 + len(frame))
    return frame, []


def _ragged_rows(text: str, shown: str) -> list[Problem]:
    rows = csv.reader(io.StringIO(text))
    width = len(next(rows))
    return [
        Problem(shown, number, None, None, f"at most {width} cells, as many as the header has; found {len(row)}")
        for number, row in enumerate(rows, start=HEADER_ROW + 1)
        if len(row) > width
    ]


def _read_xlsx(path: Path, shown: str) -> tuple[pd.DataFrame, list[Problem]]:
    from openpyxl import load_workbook  # only Excel inputs need it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file; each means the same to the user
        return pd.DataFrame(), [Problem(shown, None, None, None, "an Excel workbook (.xlsx) that opens")]
    try:
        rows = [[_cell_text(v) for v in row] for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not rows or not any(rows[0]):
        return pd.DataFrame(), [Problem(shown, HEADER_ROW, None, None, "a header row with the column names")]
    header = rows[0]
    while header and header[-1] == "":
        header = header[:-1]
    width = len(header)
    problems = [
        Problem(shown, number, None, None, f"at most {width} cells, as many as the header has; found {len(row)}")
        for number, row in enumerate(rows[1:], start=HEADER_ROW + 1)
        if any(row[width:])
    ]
    frame = pd.DataFrame([row[:width] + [""] * (width - len(row)) for row in rows[1:]], columns=header, dtype=str)
    frame.index = range(HEADER_ROW + 1, HEADER_ROW + 1 + len(frame))
    return frame, problems


def _cell_text(value: object) -> str:
    """An Excel cell as the text a CSV would hold: dates as ISO, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
