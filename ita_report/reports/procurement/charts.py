"""The annual procurement report's charts, drawn from its summary tables."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ita_report.core.thai import DigitStyle, apply_digits
from ita_report.present.charts import bar_chart
from ita_report.present.table_charts import columns_chart, numbered
from ita_report.reports.common import MONTH
from ita_report.reports.procurement import tables as t

__all__ = [
    "chart_by_category",
    "chart_by_method",
    "chart_by_month",
    "chart_by_unit",
    "chart_comparison",
    "chart_top_suppliers",
]


def chart_by_method(by_method: pd.DataFrame, digits: DigitStyle) -> Figure:
    return columns_chart(by_method, t.METHOD, (t.COUNT, t.AGREED),
                         title="จำนวนโครงการและราคาที่ตกลงซื้อหรือจ้าง จำแนกตามวิธีซื้อหรือจ้าง", digits=digits)


def chart_by_month(by_month: pd.DataFrame, digits: DigitStyle) -> Figure:
    return columns_chart(by_month, MONTH, (t.COUNT, t.AGREED),
                         title="จำนวนโครงการและราคาที่ตกลงซื้อหรือจ้าง รายเดือน", digits=digits)


def chart_by_category(by_category: pd.DataFrame, digits: DigitStyle) -> Figure:
    labels = [f"{category} – {expense}" for category, expense in zip(by_category[t.CATEGORY], by_category[t.EXPENSE])]
    return columns_chart(by_category, labels, (t.AGREED,),
                         title="ราคาที่ตกลงซื้อหรือจ้าง จำแนกตามหมวดงบประมาณและประเภทรายจ่าย", digits=digits)


def chart_by_unit(by_unit: pd.DataFrame, digits: DigitStyle) -> Figure:
    return columns_chart(by_unit, t.UNIT, (t.AGREED,),
                         title="ราคาที่ตกลงซื้อหรือจ้าง จำแนกตามหน่วยงานที่ขอซื้อหรือขอจ้าง", digits=digits)


def chart_top_suppliers(top: pd.DataFrame, digits: DigitStyle) -> Figure:
    return columns_chart(top, numbered(top[t.RANK], top[t.SUPPLIER]), (t.AGREED,),
                         title="ผู้ประกอบการที่ได้รับการคัดเลือก ตามราคาที่ตกลงซื้อหรือจ้างสูงสุด", digits=digits)


def chart_comparison(by_method: pd.DataFrame, years: tuple[int, int], digits: DigitStyle) -> Figure:
    """Each year's share of the amount agreed per method, one panel per year."""
    return bar_chart(
        list(by_method[t.METHOD]),
        [(apply_digits(f"ร้อยละของราคาที่ตกลงทั้งหมด ปีงบประมาณ {year}", digits),
          by_method[f"{t.PERCENT_PREFIX} ปี {year}"], 2)
         for year in years],
        title=f"สัดส่วนราคาที่ตกลงซื้อหรือจ้างตามวิธีซื้อหรือจ้าง ปีงบประมาณ {years[0]} และ {years[1]}",
        digits=digits,
    )
