"""Charts of the progress report, and the stacked bars it shares with the complaint statistics."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from . import progress as p
from .charts import PAGE_WIDTH, bar_chart, new_figure, wrap_thai
from .thai import DigitStyle, apply_digits, format_number

STATUS_COLOURS = {p.DONE: "#2e7d4f", p.IN_PROGRESS: "#e0a526", p.NOT_STARTED: "#b9bec6"}


def style_value_axis(axis, digits: DigitStyle) -> None:
    """Whole-number ticks with separators in the document's digits."""
    axis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    axis.set_major_formatter(FuncFormatter(lambda value, _: format_number(value, digits)))


def plain_axes(axes: Axes) -> None:
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_axisbelow(True)


def stacked_bar_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], str]],
    *,
    title: str,
    value_label: str,
    digits: DigitStyle,
) -> Figure:
    """Horizontal stacked bars, first label on top; one (name, values, colour) per part, total at the end."""
    shown = [wrap_thai(apply_digits(label, digits)) for label in labels]
    lines = sum(label.count("\n") + 1 for label in shown)
    figure = new_figure(PAGE_WIDTH, 1.3 + 0.28 * lines)
    axes = figure.add_subplot()
    plain_axes(axes)
    axes.grid(axis="x", color="#dddddd")
    positions = np.arange(len(labels))
    left = np.zeros(len(labels))
    for name, values, colour in series:
        values = np.asarray(values, dtype=float)
        bars = axes.barh(positions, values, left=left, color=colour, label=apply_digits(name, digits))
        axes.bar_label(
            bars,
            labels=[format_number(v, digits) if v else "" for v in values],
            label_type="center",
            fontsize=8,
        )
        left += values
    for position, total in zip(positions, left):
        axes.annotate(format_number(total, digits), (total, position), xytext=(4, 0),
                      textcoords="offset points", va="center")
    axes.set_yticks(positions, shown)
    axes.invert_yaxis()
    style_value_axis(axes.xaxis, digits)
    axes.set_xlabel(apply_digits(value_label, digits))
    axes.set_xlim(0, max(float(left.max()) if len(left) else 0.0, 1.0) * 1.12)
    figure.legend(loc="outside lower center", ncols=len(series), frameon=False)
    figure.suptitle(apply_digits(title, digits), fontweight="bold")
    return figure


def chart_progress_status(summary: pd.DataFrame, digits: DigitStyle) -> Figure:
    """Projects and allocated baht per status at the round end."""
    return bar_chart(
        list(summary[p.STATUS]),
        [(p.PROJECTS, summary[p.PROJECTS], 0), (p.ALLOCATED, summary[p.ALLOCATED], 0)],
        title="จำนวนโครงการและงบประมาณ จำแนกตามสถานะการดำเนินงาน ณ สิ้นรอบ",
        digits=digits,
    )


def chart_progress_by_area(by_area: pd.DataFrame, digits: DigitStyle) -> Figure:
    """Projects of each area, stacked by their status at the round end."""
    labels = [f"{number}. {name}" for number, name in zip(by_area[p.AREA], by_area[p.AREA_NAME])]
    return stacked_bar_chart(
        labels,
        [(status, by_area[p.COUNT_OF[status]], STATUS_COLOURS[status]) for status in p.STATUSES],
        title="สถานะการดำเนินงานของโครงการ ณ สิ้นรอบ จำแนกตามด้าน",
        value_label=p.PROJECTS,
        digits=digits,
    )
