"""The annual procurement report's charts, drawn from its summary tables."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from . import procurement_tables as t
from .charts import bar_chart
from .thai import DigitStyle, apply_digits

__all__ = [
    "chart_by_category",
    "chart_by_method",
    "chart_by_month",
    "chart_by_unit",
    "chart_comparison",
    "chart_top_suppliers",
]


def chart_by_method(by_method: pd.DataFrame, digits: DigitStyle) -> Figure:
    return bar_chart(
        list(by_method[t.METHOD]),
        [(t.COUNT, by_method[t.COUNT], 0), (t.AGREED, by_method[t.AGREED], 0)],
        title="จำนวนโครงการและราคาที่ตกลงซื้อหรือจ้าง จำแนกตามวิธีซื้อหรือจ้าง",
        digits=digits,
    )


def chart_by_month(by_month: pd.DataFrame, digits: DigitStyle) -> Figure:
    return bar_chart(
        list(by_month[t.MONTH]),
        [(t.COUNT, by_month[t.COUNT], 0), (t.AGREED, by_month[t.AGREED], 0)],
        title="จำนวนโครงการและราคาที่ตกลงซื้อหรือจ้าง รายเดือน",
        digits=digits,
    )


def chart_by_category(by_category: pd.DataFrame, digits: DigitStyle) -> Figure:
    labels = [f"{category} – {expense}" for category, expense in zip(by_category[t.CATEGORY], by_category[t.EXPENSE])]
    return bar_chart(
        labels,
        [(t.AGREED, by_category[t.AGREED], 0)],
        title="ราคาที่ตกลงซื้อหรือจ้าง จำแนกตามหมวดงบประมาณและประเภทรายจ่าย",
        digits=digits,
    )


def chart_by_unit(by_unit: pd.DataFrame, digits: DigitStyle) -> Figure:
    return bar_chart(
        list(by_unit[t.UNIT]),
        [(t.AGREED, by_unit[t.AGREED], 0)],
        title="ราคาที่ตกลงซื้อหรือจ้าง จำแนกตามหน่วยงานที่ขอซื้อหรือขอจ้าง",
        digits=digits,
    )


def chart_top_suppliers(top: pd.DataFrame, digits: DigitStyle) -> Figure:
    return bar_chart(
        [f"{rank}. {name}" for rank, name in zip(top[t.RANK], top[t.SUPPLIER])],
        [(t.AGREED, top[t.AGREED], 0)],
        title="ผู้ประกอบการที่ได้รับการคัดเลือก ตามราคาที่ตกลงซื้อหรือจ้างสูงสุด",
        digits=digits,
    )


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
