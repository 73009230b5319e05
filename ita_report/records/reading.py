"""Reading an office's table files, CSV or Excel, into text cells numbered as Excel shows rows.

Whatever cannot be read as a table is a problem, located as the user finds it in Excel: a folder,
device or broken link in the file's place, bytes of another encoding, a NUL, a cell longer than
Excel allows, an Excel error such as #REF! where a value should be.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath

import numpy as np
import pandas as pd

from ita_report.core.errors import Problem
from ita_report.core.spreadsheet import unescape_frame
from ita_report.records.cells import MAX_TEXT_CHARACTERS

HEADER_ROW = 1  # the header is row 1, the first record row 2, as in Excel
SUFFIXES = (".csv", ".xlsx")
ENCODINGS = ("utf-8-sig", "cp874")  # cp874 (Windows-874) is a superset of TIS-620
ENCODING_NAMES = {"utf-8-sig": "UTF-8", "cp874": "Windows-874 (TIS-620)"}
MAX_COLUMNS = 100  # no dataset has a quarter of this; a wider header is not one of its tables
MAX_CELL_CHARACTERS = 32_767  # Excel's own limit: a longer cell was not saved by Excel
EXCEL_ERRORS = frozenset({
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
    "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!",
})
_LIBREOFFICE_ERROR = re.compile(r"Err:[0-9]{3}")  # what LibreOffice shows, and saves to CSV, for an error
ZIP, OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"  # how an .xlsx and an Excel 97-2003 workbook begin
_UNDECODED = re.compile("[\udc80-\udcff]")  # a byte the encoding could not read, kept by surrogateescape
_THAI = re.compile("[\u0e00-\u0e7f]")
NOT_TEXT = "text encoded as UTF-8 or Windows-874 (TIS-620)"
NO_HEADER = "a header row with the column names"

# The names copies get from Windows, macOS, Google Drive and browsers' downloads, in English or Thai
_COPY_MARKS = re.compile(
    r"^(?:copy of|สำเนาของ|สำเนา)\s*"  # Copy of complaints, สำเนา complaints
    r"|\s*-\s*(?:copy|สำเนา)(?:\s*\(\d+\))?$"  # complaints - Copy, complaints - Copy (2), complaints - สำเนา
    r"|\s+copy(?:\s+\d+)?$"  # complaints copy 2
    r"|[\s_-]*\(\d+\)$"  # complaints (1), complaints(2)
    r"|[\s_-]*\d+$"  # complaints 2, complaints_2561
)
# Windows hides the extensions it knows: a file renamed "complaints.xlsx" there is complaints.xlsx.csv
_TABLE_SUFFIXES = (*SUFFIXES, ".xls", ".xlsm", ".xlsb", ".ods", ".tsv", ".txt")


# --- which entries of a folder hold a dataset ---------------------------------------------------


def file_names(stem: str) -> tuple[str, ...]:
    """The names a dataset's file may have: complaints.csv, complaints.xlsx."""
    return tuple(f"{stem}{suffix}" for suffix in SUFFIXES)


def meant_name(name: str) -> str:
    """The name an entry of a folder was meant to have, less its suffix: 'Complaints (1).CSV' and
    'สำเนา complaints.xls' mean complaints."""
    base = name.casefold()
    base = base[: -len(PurePath(base).suffix) or None]
    while PurePath(base).suffix in _TABLE_SUFFIXES:
        base = base[: -len(PurePath(base).suffix)]
    while (unmarked := _COPY_MARKS.sub("", base).strip()) != base:
        base = unmarked
    return re.sub(r"[\s-]+", "_", base)


def dataset_entries(folder: Path, stem: str) -> list[Path]:
    """Every entry of a year's folder meant for a dataset: its .csv and .xlsx, in that order, then
    any copy, other spelling or other format of its name (each one a problem to report)."""
    if not folder.is_dir():
        return []
    names = sorted(entry.name for entry in os.scandir(folder))
    exact = [name for name in file_names(stem) if name in names]
    others = [name for name in names if name not in exact and meant_name(name) == stem]
    return [folder / name for name in (*exact, *others)]


# --- the entry itself ---------------------------------------------------------------------------


def entry_problem(path: Path, shown: str) -> Problem | None:
    """Why an entry is not a file to read, or None: a folder, a device or pipe, a broken link, a
    link out of the project, or no permission to read.

    A path shown relative to the project (as Project.relative shows its files) must lead to a
    file inside it; a path shown whole (a file named on the command line) may be anywhere.
    """
    def problem(expected: str) -> Problem:
        return Problem(shown, None, None, None, expected)

    try:
        target = path.resolve(strict=True)
        mode = target.stat().st_mode
    except PermissionError as error:
        return problem(_unreadable(error))
    except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links (before Python 3.13)
        if not path.is_symlink():
            return problem(_unreadable(error))
        return problem(f"a link to {os.readlink(path)}, which leads to no file; put the file itself in its place")
    root = _project_root(path, shown)
    if root is not None and not target.is_relative_to(root.resolve()):
        return problem(f"a file outside the project folder ({target}), reached through a link; "
                       "copy it into the project instead of linking to it")
    if stat.S_ISDIR(mode):
        return problem("a folder, where a file is expected; put the file itself in its place")
    if not stat.S_ISREG(mode):
        return problem("a device, pipe or socket, not a file; put the file itself in its place")
    return None


def _unreadable(error: OSError | RuntimeError) -> str:
    reason = getattr(error, "strerror", None) or str(error)
    return f"could not be read: {reason.lower()}; give your user permission to read it, or copy the file in again"


def _project_root(path: Path, shown: str) -> Path | None:
    """The project folder a path lies in, when it is shown relative to it."""
    parts = PurePath(shown).parts
    if PurePath(shown).is_absolute() or path.parts[-len(parts):] != parts:
        return None
    return Path(*path.parts[: -len(parts)])


def _file_bytes(path: Path, shown: str) -> tuple[bytes | None, Problem | None]:
    problem = entry_problem(path, shown)
    if problem is not None:
        return None, problem
    try:
        return path.read_bytes(), None
    except OSError as error:
        return None, Problem(shown, None, None, None, _unreadable(error))


# --- cells --------------------------------------------------------------------------------------

Table = tuple[list[str], pd.DataFrame]  # the header's cells, and the cells below it, by position


def read_cells(path: Path, shown: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Every cell as stripped text ('' when empty); rows that are wholly empty are left out.

    A problem at a cell of a record row (row 2 on) leaves the other cells worth checking; after
    any other problem there is no frame, or one not worth checking.
    """
    data, problem = _file_bytes(path, shown)
    if problem is not None:
        return pd.DataFrame(), [problem]
    if path.suffix.casefold() == ".xlsx":
        from ita_report.records.workbook import workbook_table  # openpyxl, which only Excel inputs need

        table, problems = workbook_table(data, path, shown)
        error_cells_possible = True
    else:
        table, problems = _csv_table(data, path, shown)
        error_cells_possible = b"#" in data or b"Err:" in data  # skips a pass over every cell of most files
    if table is None:
        return pd.DataFrame(), problems
    return _cells(*table, shown, problems, error_cells_possible)


def _cells(
    header: list[str], body: pd.DataFrame, shown: str, problems: list[Problem], error_cells_possible: bool
) -> tuple[pd.DataFrame, list[Problem]]:
    """The stripped cells under their headers, with the problems of the header and of single cells."""
    if len(header) > MAX_COLUMNS:
        return pd.DataFrame(), [
            *problems, Problem(shown, HEADER_ROW, None, None, f"at most {MAX_COLUMNS} columns; found {len(header):,}")
        ]
    names = [" ".join(str(c).split()) for c in header]
    long_names = [
        Problem(shown, HEADER_ROW, None, None, f"a column name of at most {MAX_TEXT_CHARACTERS:,} characters; "
                f"found {len(name):,} in column {position}")
        for position, name in enumerate(names, start=1) if len(name) > MAX_TEXT_CHARACTERS
    ]
    if long_names:
        return pd.DataFrame(), problems + long_names
    repeated = pd.Index(names).duplicated()
    problems += [
        Problem(shown, HEADER_ROW, name, None, "a column that appears only once")
        for name, again in zip(names, repeated) if again
    ]
    columns, filled = {}, np.zeros(len(body), dtype=bool)
    # strip, measure and check each column in one pass of Python over it: pandas' string methods
    # make several, each as slow, on a million rows
    for position, name in enumerate(names):
        if repeated[position]:
            continue
        texts = [text.strip() for text in body.iloc[:, position].to_numpy(dtype=object)]
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        filled |= lengths > 0
        problems += [
            Problem(shown, int(body.index[i]), name, None,
                    f"at most {MAX_CELL_CHARACTERS:,} characters in a cell, as Excel allows; found {lengths[i]:,}")
            for i in np.flatnonzero(lengths > MAX_CELL_CHARACTERS)
        ]
        if error_cells_possible:
            looking = [i for i, text in enumerate(texts) if text[:1] == "#" or text[:4] == "Err:"]
            problems += [
                Problem(shown, int(body.index[i]), name, texts[i], f"{expected}; correct the formula or type the value")
                for i in looking if (expected := _error_expected(texts[i]))
            ]
        columns[name] = pd.array(np.array(texts, dtype=object), dtype="str")
    frame = pd.DataFrame(columns, index=body.index)
    return frame[filled], sorted(problems, key=lambda p: p.row or 0)


def _error_expected(text: str) -> str | None:
    """What a cell holding a spreadsheet's error value was expected to hold; None for other text."""
    if text.upper() in EXCEL_ERRORS:
        return f"a value, not an Excel error ({text.upper()})"
    if _LIBREOFFICE_ERROR.fullmatch(text):
        return f"a value, not a LibreOffice error ({text})"
    return None


# --- CSV ----------------------------------------------------------------------------------------


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


def _csv_table(data: bytes, path: Path, shown: str) -> tuple[Table | None, list[Problem]]:
    def problem(expected: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown, None, None, None, expected)]

    if data.startswith(ZIP):
        return problem(f"an Excel workbook (.xlsx) under a .csv name; rename it {path.stem}.xlsx")
    if data.startswith(OLE):
        return problem(f"an Excel 97-2003 workbook (.xls) under a .csv name; open it in Excel and save it as "
                       f"{path.stem}.xlsx (Excel Workbook) or {path.stem}.csv (CSV UTF-8)")
    # UTF-16 has a NUL in every character of the Latin alphabet, digits and commas included
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or data.count(0) > len(data) // 10:
        return problem(NOT_TEXT)
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        return None, [Problem(shown, HEADER_ROW, None, None, NO_HEADER)]
    if b"\x00" in data:
        encoding, problems = _encoding(data, shown)
        if problems:
            return None, problems
        nul = "text without a NUL character (byte 0), which this cell has; retype the cell"
        return None, _cells_where(data.decode(encoding), shown, lambda cell: "\x00" in cell, nul) or [
            Problem(shown, None, None, None, "text without NUL characters (byte 0); save the file again as CSV UTF-8")
        ]
    try:  # as UTF-8 first, without decoding the whole file twice: pandas stops at a byte it cannot read
        return _parsed_csv(data, ENCODINGS[0], shown)
    except UnicodeDecodeError:
        encoding, problems = _encoding(data, shown)
        return (None, problems) if problems else _parsed_csv(data, encoding, shown)


def _encoding(data: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """The encoding of the file, else the problems of the cells that are not in the rest's encoding."""
    unmarked = data.removeprefix(codecs.BOM_UTF8)  # the positions of a decoding error are after the BOM
    try:
        unmarked.decode("utf-8")
        return ENCODINGS[0], []
    except UnicodeDecodeError as error:
        before = unmarked[: error.start].decode("utf-8")
    # Thai text before the first unreadable byte means a UTF-8 file with a cell of another encoding
    if data.startswith(codecs.BOM_UTF8) or _THAI.search(before):
        return None, _undecodable_cells(data, ENCODINGS[0], shown)
    try:
        data.decode(ENCODINGS[1])
        return ENCODINGS[1], []
    except UnicodeDecodeError as error:
        if data[: error.start].isascii():
            return None, [Problem(shown, None, None, None, NOT_TEXT)]
    return None, _undecodable_cells(data, ENCODINGS[1], shown)


def _undecodable_cells(data: bytes, encoding: str, shown: str) -> list[Problem]:
    expected = (f"text encoded as {ENCODING_NAMES[encoding]}, as the rest of the file is; retype the cell, "
                "or save the file again as CSV UTF-8")
    text = data.decode(encoding, errors="surrogateescape")
    return _cells_where(text, shown, _UNDECODED.search, expected) or [Problem(shown, None, None, None, NOT_TEXT)]


def _cells_where(text: str, shown: str, test: Callable[[str], object], expected: str) -> list[Problem]:
    """A problem at each cell of a CSV text that passes `test` (slow: only for a file that has some)."""
    problems, names = [], []
    with _long_cells():
        for number, row in enumerate(csv.reader(io.StringIO(text)), start=HEADER_ROW):
            if number == HEADER_ROW:
                names = [None if test(cell) else " ".join(cell.split()) for cell in row]
            problems += [
                Problem(shown, number, names[position] if number > HEADER_ROW and position < len(names) else None,
                        None, expected)
                for position, cell in enumerate(row) if test(cell)
            ]
    return problems


def _parsed_csv(data: bytes, encoding: str, shown: str) -> tuple[Table | None, list[Problem]]:
    try:
        # bytes, not a StringIO: pandas re-encodes a text buffer at a cost that grows with its size;
        # header=None keeps two columns of one name apart, for _cells to report
        cells = pd.read_csv(
            io.BytesIO(data), encoding=encoding, header=None, dtype=str, keep_default_na=False,
            na_filter=False, skip_blank_lines=False,
        )
    except pd.errors.ParserError:  # rows wider than the header, or a quote that is never closed
        return _csv_rows_table(data.decode(encoding), shown)
    if b"'" in data:  # "'=x", as the project writes a cell that starts with '=', is "=x"
        cells = unescape_frame(cells)
    cells = cells.fillna("")  # the cells a short row lacks
    header, body = cells.iloc[0].tolist(), cells.iloc[1:]
    body.index = range(HEADER_ROW + 1, HEADER_ROW + 1 + len(body))
    width = _width(header)
    if width == 0:
        return None, [Problem(shown, HEADER_ROW, None, None, NO_HEADER)]
    problems = []
    if body.shape[1] > width:  # columns with no name: each cell in them is one too many
        extra = body.iloc[:, width:].apply(lambda column: column.str.strip() != "").to_numpy()
        problems = [
            _too_many_cells(shown, int(body.index[i]), width, width + int(np.flatnonzero(extra[i])[-1]) + 1)
            for i in np.flatnonzero(extra.any(axis=1))
        ]
    return (header[:width], body.iloc[:, :width]), problems


def _csv_rows_table(text: str, shown: str) -> tuple[Table | None, list[Problem]]:
    rows: list[list[str]] = []
    with _long_cells():
        try:
            rows.extend(csv.reader(io.StringIO(text), strict=True))
        except csv.Error:
            quote = ('a quote (") in this row opens a cell and is never closed; remove the stray quote, '
                     'or write it twice ("") inside a quoted cell')
            return None, [Problem(shown, HEADER_ROW + len(rows), None, None, quote)]
    table, problems = rows_table(rows, shown)
    if table is not None and "'" in text:
        table = (table[0], unescape_frame(table[1]))
    return table, problems


def rows_table(rows: list[list[str]], shown: str) -> tuple[Table | None, list[Problem]]:
    """A table of rows of text, row 1 the header; a cell right of the header's last is a problem."""
    width = _width(rows[0]) if rows else 0
    if width == 0:
        return None, [Problem(shown, HEADER_ROW, None, None, NO_HEADER)]
    problems = [
        _too_many_cells(shown, number, width, found)
        for number, row in enumerate(rows[1:], start=HEADER_ROW + 1) if (found := _width(row)) > width
    ]
    body = pd.DataFrame([row[:width] + [""] * (width - len(row)) for row in rows[1:]], columns=range(width),
                        dtype=object)
    body.index = range(HEADER_ROW + 1, HEADER_ROW + 1 + len(body))
    return (rows[0][:width], body), problems


def _width(row: list[str]) -> int:
    """Cells up to the row's last one that is not empty: empty cells after it are no column."""
    width = len(row)
    while width and not row[width - 1].strip():
        width -= 1
    return width


def _too_many_cells(shown: str, row: int, width: int, found: int) -> Problem:
    return Problem(shown, row, None, None, f"at most {width} cells, as many as the header has; found {found}")


@contextmanager
def _long_cells() -> Iterator[None]:
    """Let the csv module read a cell of any length, for _cells to report one that is too long."""
    limit = csv.field_size_limit(2**31 - 1)  # the largest a C long takes everywhere
    try:
        yield
    finally:
        csv.field_size_limit(limit)
