"""Cells a spreadsheet would evaluate, made text: data is never code (OWASP CSV injection).

A text cell that starts with '=', '+', '-', '@', a tab or a carriage return is a formula to Excel
or LibreOffice. Every CSV the project writes passes through `safe_frame` (or `safe_cell`), which
gives such a cell a leading apostrophe; `unescape_cell` / `unescape_frame` take it off again when
the project reads its own CSV files back.

Left alone: values that are not text (numbers, dates, empty cells), and text that is a number
(ASCII digits, an optional sign, thousands commas, a decimal point, an exponent or a percent sign:
"-5", "-1000.5", "-1,000.50", "+3", "-12.5%"), which a spreadsheet reads as that number and never
runs. So is a lone '-', which the office's files and the published tables use for "none" or
"0 baht" and which a spreadsheet shows as text. Numbers in Thai digits ("-๕") are not numbers to a
spreadsheet, so they are escaped.

So that reading gives back exactly what was written, text that already starts with apostrophes
followed by a trigger ("'=x") gains one more; reading takes exactly one off.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["TRIGGERS", "safe_cell", "safe_frame", "unescape_cell", "unescape_frame"]

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE = "'"
_CLASS = "[=+\\-@\t\r]"
_NEEDS_ESCAPE = re.compile(f"'*{_CLASS}")  # matched at the start of a cell
_ESCAPED = re.compile(f"'+{_CLASS}")
# matched whole: a number in ASCII digits, or a lone '-' (the tables' "none"), which no spreadsheet runs
_LEFT_ALONE = re.compile(r"-|[+-]?(?:\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?", re.ASCII)


def safe_cell(value: object) -> object:
    """The value as a CSV cell no spreadsheet evaluates: triggering text gets a leading apostrophe."""
    if isinstance(value, str) and _NEEDS_ESCAPE.match(value) and not _LEFT_ALONE.fullmatch(value):
        return _ESCAPE + value
    return value


def unescape_cell(value: object) -> object:
    """A cell as it was before `safe_cell`: one leading apostrophe off an escaped trigger."""
    if isinstance(value, str) and _ESCAPED.match(value):
        return value[1:]
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells and column names are `safe_cell`; numeric columns are untouched."""
    return _map_text(frame, safe_cell, _needs_escape)


def unescape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells and column names are `unescape_cell`."""
    return _map_text(frame, unescape_cell, lambda text: text.str.match(_ESCAPED).to_numpy(dtype=bool))


def _needs_escape(text: pd.Series) -> np.ndarray:
    flagged = text.str.match(_NEEDS_ESCAPE).to_numpy(dtype=bool, copy=True)
    if flagged.any():
        flagged[flagged] = ~text[flagged].str.fullmatch(_LEFT_ALONE).to_numpy(dtype=bool)
    return flagged


def _map_text(frame: pd.DataFrame, cell, flags) -> pd.DataFrame:
    """`cell` on the column names and on the text cells that `flags` (text -> bools) picks out."""
    result = frame.rename(columns=cell)
    for position in range(result.shape[1]):
        column = result.iloc[:, position]
        if isinstance(column.dtype, pd.CategoricalDtype):
            mapped = column.map(cell)  # maps the categories; a category still when they stay distinct
        elif pd.api.types.is_object_dtype(column.dtype) or pd.api.types.is_string_dtype(column.dtype):
            values = column.to_numpy(dtype=object, copy=True)
            is_text = np.fromiter((isinstance(value, str) for value in values), dtype=bool, count=len(values))
            picked = np.flatnonzero(is_text)[flags(pd.Series(values[is_text], dtype="str"))]
            if not len(picked):
                continue
            values[picked] = [cell(value) for value in values[picked]]
            mapped = pd.Series(values, index=column.index, dtype=column.dtype, name=column.name)
        else:
            continue
        result.isetitem(position, mapped)
    return result
