"""Charts of the progress report."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ita_report.core.thai import DigitStyle
from ita_report.present.charts import stacked_bar_chart
from ita_report.present.table_charts import columns_chart, numbered
from ita_report.reports.common import ALLOCATED, AREA, AREA_NAME, PROJECTS
from ita_report.reports.progress import summaries as p

STATUS_COLOURS = {p.DONE: "#2e7d4f", p.IN_PROGRESS: "#e0a526", p.NOT_STARTED: "#b9bec6"}


def chart_progress_status(summary: pd.DataFrame, digits: DigitStyle) -> Figure:
    """Projects and allocated baht per status at the round end."""
    return columns_chart(summary, p.STATUS, (PROJECTS, ALLOCATED),
                         title="จำนวนโครงการและงบประมาณ จำแนกตามสถานะการดำเนินงาน ณ สิ้นรอบ", digits=digits)


def chart_progress_by_area(by_area: pd.DataFrame, digits: DigitStyle) -> Figure:
    """Projects of each area, stacked by their status at the round end."""
    return stacked_bar_chart(
        numbered(by_area[AREA], by_area[AREA_NAME]),
        [(status, by_area[p.COUNT_OF[status]], STATUS_COLOURS[status]) for status in p.STATUSES],
        title="สถานะการดำเนินงานของโครงการ ณ สิ้นรอบ จำแนกตามด้าน",
        value_label=PROJECTS,
        digits=digits,
    )
