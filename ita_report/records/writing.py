"""Writing records back as the office's files: typed values to text under the Thai headers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ita_report.core.files import replacing
from ita_report.core.spreadsheet import safe_frame
from ita_report.records.cells import is_empty
from ita_report.records.columns import Dataset


def to_cells(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Records as text cells under the Thai headers, in the dataset's column order."""
    cells = pd.DataFrame(index=frame.index)
    for column in dataset.public_columns:
        values = frame[column.name] if column.name in frame else pd.Series(None, index=frame.index)
        cells[column.header] = [_text(value, column.kind) for value in values]
    return cells


def write_csv(frame: pd.DataFrame, dataset: Dataset, path: Path) -> None:
    """Write records as the office's CSV file, replacing the file whole."""
    with replacing(path) as partial:
        write_cells(to_cells(frame, dataset), partial)


def write_cells(cells: pd.DataFrame, path: Path) -> None:
    """Text cells as the office's CSV file: UTF-8 with BOM (Excel shows the Thai), one line a row.

    A cell a spreadsheet would run as a formula is written with a leading apostrophe (safe_frame);
    reading the file takes it off again."""
    safe_frame(cells).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")


def _text(value: object, kind: str) -> str:
    if is_empty(value):
        return ""
    if kind == "date":
        return pd.Timestamp(value).date().isoformat()
    if kind in ("money", "int"):
        number = float(value)
        return str(int(number)) if number.is_integer() else f"{number:.2f}"
    return str(value)
