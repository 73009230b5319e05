"""Charts of the complaint statistics: finished and in progress, by month, channel and category."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ita_report.core.thai import DigitStyle
from ita_report.present.charts import stacked_bar_chart
from ita_report.records.vocabulary import FINISHED, IN_PROGRESS
from ita_report.reports.common import MONTH
from ita_report.reports.complaints import summaries as c

FINISHED_COLOUR = "#2e7d4f"
IN_PROGRESS_COLOUR = "#e0a526"


def _stacked(table: pd.DataFrame, header: str, title: str, digits: DigitStyle) -> Figure:
    return stacked_bar_chart(
        list(table[header]),
        [
            (FINISHED, table[c.CASES_FINISHED], FINISHED_COLOUR),
            (IN_PROGRESS, table[c.CASES_IN_PROGRESS], IN_PROGRESS_COLOUR),
        ],
        title=title,
        value_label=c.CASES,
        digits=digits,
    )


def chart_complaints_by_month(by_month: pd.DataFrame, digits: DigitStyle) -> Figure:
    return _stacked(by_month, MONTH, "เรื่องร้องเรียนที่ได้รับ รายเดือน", digits)


def chart_complaints_by_channel(by_channel: pd.DataFrame, digits: DigitStyle) -> Figure:
    return _stacked(by_channel, c.CHANNEL, "เรื่องร้องเรียน จำแนกตามช่องทาง", digits)


def chart_complaints_by_category(by_category: pd.DataFrame, digits: DigitStyle) -> Figure:
    return _stacked(by_category, c.CATEGORY, "เรื่องร้องเรียน จำแนกตามประเภทเรื่อง", digits)
