"""The plan's charts: projects and budget per area, projects per unit, budget per project."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from . import plan_tables as t
from .charts import bar_chart
from .thai import DigitStyle


def chart_by_area(by_area: pd.DataFrame, digits: DigitStyle) -> Figure:
    labels = [f"{number}. {name}" for number, name in zip(by_area[t.AREA], by_area[t.AREA_NAME])]
    return bar_chart(
        labels,
        [(t.PROJECTS, by_area[t.PROJECTS], 0), (t.BUDGET, by_area[t.BUDGET], 0)],
        title="จำนวนโครงการและงบประมาณ จำแนกตามด้าน",
        digits=digits,
    )


def chart_by_unit(by_unit: pd.DataFrame, digits: DigitStyle) -> Figure:
    return bar_chart(
        list(by_unit[t.UNIT]),
        [(t.PROJECTS, by_unit[t.PROJECTS], 0)],
        title="จำนวนโครงการ จำแนกตามหน่วยงานรับผิดชอบ",
        digits=digits,
    )


def chart_by_project(funded: pd.DataFrame, digits: DigitStyle) -> Figure:
    labels = [f"{number}. {name}" for number, name in zip(funded[t.PROJECT_NO], funded[t.PROJECT])]
    return bar_chart(
        labels,
        [(t.BUDGET, funded[t.BUDGET], 0)],
        title="งบประมาณรายโครงการ (โครงการที่ใช้งบประมาณ)",
        digits=digits,
    )
