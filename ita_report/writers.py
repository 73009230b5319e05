"""Writing records back as the office's files: typed values to text under the Thai headers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .columns import Dataset


def to_cells(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Records as text cells under the Thai headers, in the dataset's column order."""
    cells = pd.DataFrame(index=frame.index)
    for column in dataset.public_columns:
        values = frame[column.name] if column.name in frame else pd.Series(None, index=frame.index)
        cells[column.header] = [_text(value, column.kind) for value in values]
    return cells


def write_csv(frame: pd.DataFrame, dataset: Dataset, path: Path) -> None:
    """Write records as UTF-8 CSV with BOM (Excel shows the Thai), replacing the file whole."""
    partial = path.with_name(f".{path.name}.partial")
    to_cells(frame, dataset).to_csv(partial, index=False, encoding="utf-8-sig", lineterminator="\n")
    partial.replace(path)


def _text(value: object, kind: str) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if kind == "date":
        return pd.Timestamp(value).date().isoformat()
    if kind in ("money", "int"):
        number = float(value)
        return str(int(number)) if number.is_integer() else f"{number:.2f}"
    return str(value)
