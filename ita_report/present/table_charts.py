"""Charts of a report table: bars of some of its columns, one bar per row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
from matplotlib.figure import Figure

from ita_report.core.thai import DigitStyle
from ita_report.present.charts import bar_chart


def numbered(numbers: Iterable[object], names: Iterable[object]) -> list[str]:
    """Row labels "1. name" from a column of numbers and a column of names."""
    return [f"{number}. {name}" for number, name in zip(numbers, names)]


def columns_chart(
    table: pd.DataFrame, labels: str | Sequence[str], columns: Sequence[str], *, title: str, digits: DigitStyle
) -> Figure:
    """One panel of horizontal bars per column (whole numbers, the header as its label), one bar per row.

    `labels` names the column the rows are labelled by, or gives the labels themselves."""
    shown = list(table[labels]) if isinstance(labels, str) else list(labels)
    return bar_chart(shown, [(column, table[column], 0) for column in columns], title=title, digits=digits)
