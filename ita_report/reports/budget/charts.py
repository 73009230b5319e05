"""Charts of budget execution: the cumulative curve against even spending, months, projects."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ita_report.core.thai import DigitStyle, apply_digits, be_year, fiscal_months, format_number, month_name
from ita_report.present.charts import BAR_COLOUR, PAGE_WIDTH, new_figure, plain_axes, style_value_axis, wrap_thai
from ita_report.present.table_charts import columns_chart, numbered
from ita_report.reports.budget import summaries as b
from ita_report.reports.common import ALLOCATED, MONTH, NO_VALUE, PROJECT, PROJECT_NO, USED, percent_text

EVEN_COLOUR = "#8a8f98"
SPENT_COLOUR = "#2e7d4f"


def _month_label(year: int, month: int, digits: DigitStyle) -> str:
    return apply_digits(f"{month_name(month, abbreviated=True)}\n{be_year(year) % 100:02d}", digits)


def _short(label: str, lines: int = 2) -> str:
    """A label wrapped at Thai word boundaries and cut, with an ellipsis, after `lines` lines."""
    wrapped = wrap_thai(label).split("\n")
    return "\n".join(wrapped[:lines]) + ("…" if len(wrapped) > lines else "")


def chart_budget_cumulative(execution: b.BudgetExecution, digits: DigitStyle) -> Figure:
    """Baht paid so far at each month end of the round, against the even-spending line of the year."""
    months = fiscal_months(execution.fiscal_year)
    allocated = execution.allocated
    even = [allocated * k / b.MONTHS_IN_YEAR for k in range(1, b.MONTHS_IN_YEAR + 1)]
    cumulative = np.cumsum(b.budget_by_month(execution)[USED].to_numpy(dtype=float))
    figure = new_figure(PAGE_WIDTH, 3.8)
    axes = figure.add_subplot()
    plain_axes(axes)
    axes.grid(axis="y", color="#dddddd")
    positions = list(range(len(months)))
    axes.plot(positions, even, linestyle="--", color=EVEN_COLOUR, label="แผนใช้จ่ายเฉลี่ยเท่ากันทุกเดือน (สะสม)")
    axes.plot(positions[: len(cumulative)], cumulative, marker="o", color=BAR_COLOUR, label="เบิกจ่ายสะสม")
    if len(cumulative):
        rate = percent_text(cumulative[-1], allocated)
        shown = format_number(cumulative[-1], digits) + ("" if rate == NO_VALUE else f" (ร้อยละ {rate})")
        late = len(cumulative) > len(months) // 2  # near the right edge the label ends at its point
        axes.annotate(apply_digits(shown, digits), (len(cumulative) - 1, cumulative[-1]), xytext=(0, 10),
                      textcoords="offset points", ha="right" if late else "center")
    axes.set_xticks(positions, [_month_label(y, m, digits) for y, m in months])
    style_value_axis(axes.yaxis, digits)
    axes.set_ylabel("บาท")
    axes.set_ylim(0, max(allocated, float(cumulative.max()) if len(cumulative) else 0.0, 1.0) * 1.1)
    axes.legend(loc="upper left", frameon=False)
    figure.suptitle("การเบิกจ่ายงบประมาณสะสมเทียบกับแผนการใช้จ่ายเฉลี่ย", fontweight="bold")
    return figure


def chart_budget_by_month(by_month: pd.DataFrame, digits: DigitStyle) -> Figure:
    """Baht paid in each month of the round."""
    return columns_chart(by_month, MONTH, (USED,), title="การเบิกจ่ายงบประมาณรายเดือน", digits=digits)


def chart_budget_by_project(by_project: pd.DataFrame, digits: DigitStyle) -> Figure:
    """Allocated and paid baht of each funded project, side by side."""
    labels = [_short(apply_digits(label, digits)) for label in numbered(by_project[PROJECT_NO], by_project[PROJECT])]
    figure = new_figure(PAGE_WIDTH, 1.4 + 0.55 * len(labels))
    axes = figure.add_subplot()
    plain_axes(axes)
    axes.grid(axis="x", color="#dddddd")
    positions = np.arange(len(labels))
    height = 0.38
    for offset, header, colour in ((-height / 2, ALLOCATED, BAR_COLOUR), (height / 2, USED, SPENT_COLOUR)):
        values = by_project[header].to_numpy(dtype=float)
        bars = axes.barh(positions + offset, values, height=height, color=colour,
                         label=apply_digits(header.replace(" (บาท)", ""), digits))
        axes.bar_label(bars, labels=[format_number(v, digits) for v in values], padding=3, fontsize=8)
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()
    style_value_axis(axes.xaxis, digits)
    axes.set_xlabel("บาท")
    axes.margins(x=0.2)
    figure.legend(loc="outside lower center", ncols=2, frameon=False)
    figure.suptitle("งบประมาณที่ได้รับจัดสรรและการเบิกจ่าย รายโครงการ", fontweight="bold")
    return figure
