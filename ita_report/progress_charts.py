"""Charts of the progress report."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from . import progress as p
from .charts import bar_chart, stacked_bar_chart
from .thai import DigitStyle

STATUS_COLOURS = {p.DONE: "#2e7d4f", p.IN_PROGRESS: "#e0a526", p.NOT_STARTED: "#b9bec6"}


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
