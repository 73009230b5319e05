"""Tables and text as HTML for the reports: Thai digits, separators, escaping."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from numbers import Number

import pandas as pd

from ita_report.core.thai import DigitStyle, apply_digits, format_baht, format_number

MONEY_MARK = "บาท"  # a column whose header names baht holds money
COUNT_PREFIX = "จำนวน"  # a column whose header starts so holds a count


class Html:
    """A fragment of report HTML that Jupyter displays as such."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup

    def __repr__(self) -> str:  # the notebook's text/plain fallback: no memory address in it
        return f"<HTML, {len(self.markup)} characters>"


def text(value: object, digits: DigitStyle) -> str:
    """Escaped text with its digits in the document's style."""
    return escape(apply_digits(str(value), digits))


def paragraph(value: object, digits: DigitStyle, css: str = "para") -> str:
    """The markup of one paragraph of report text, in the report's class `css`."""
    return f'<p class="{css}">{text(value, digits)}</p>'


def number(value: float | int, digits: DigitStyle, decimals: int = 0) -> str:
    return format_number(value, digits, decimals)


def money_decimals(values: Iterable[float]) -> int:
    """Whole baht are shown without satang; any satang in a column shows two decimals."""
    return 0 if all(float(v).is_integer() for v in values) else 2


def is_money(column: object) -> bool:
    return MONEY_MARK in str(column)


def is_summable(column: object) -> bool:
    return is_money(column) or str(column).startswith(COUNT_PREFIX)


def _money_name(column: object) -> str:
    return str(column).replace(f"({MONEY_MARK})", "").strip()


def table_html(
    frame: pd.DataFrame,
    digits: DigitStyle,
    *,
    caption: str | None = None,
    total_label: str | None = None,
    note: str | None = None,
) -> Html:
    """A report table: numbers right-aligned with separators; with total_label, a total row
    over the count and money columns, and each money total in words below the table."""
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    decimals = {c: money_decimals(frame[c]) if is_money(c) else 0 for c in numeric}
    sum_columns = [c for c in numeric if is_summable(c)]

    def cell(column: str, value: object, tag: str = "td") -> str:
        if column in numeric and isinstance(value, Number):
            return f'<{tag} class="num">{number(value, digits, decimals[column])}</{tag}>'
        return f"<{tag}>{text(value, digits)}</{tag}>"

    head = "".join(f"<th>{text(c, digits)}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(cell(c, v) for c, v in zip(frame.columns, row)) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    foot = ""
    if total_label is not None:
        totals = [
            frame[c].sum() if c in sum_columns else (total_label if i == 0 else "")
            for i, c in enumerate(frame.columns)
        ]
        foot = "<tfoot><tr>" + "".join(cell(c, v, "th") for c, v in zip(frame.columns, totals)) + "</tr></tfoot>"
    parts = ['<table class="report-table">']
    if caption:
        parts.append(f"<caption>{text(caption, digits)}</caption>")
    parts.append(f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody>{foot}</table>")
    if total_label is not None:
        parts += [
            f'<p class="total-words">{text(_money_name(column), digits)}{text(total_label, digits)} '
            f"{text(format_baht(frame[column].sum(), digits), digits)}</p>"
            for column in sum_columns
            if is_money(column)
        ]
    if note:
        parts.append(f'<p class="table-note">{text(note, digits)}</p>')
    return Html("".join(parts))
