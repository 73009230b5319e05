"""The plan's charts: projects and budget per area, projects per unit, budget per project."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ita_report.core.thai import DigitStyle
from ita_report.present.table_charts import columns_chart, numbered
from ita_report.reports.common import AREA, AREA_NAME, PROJECT, PROJECT_NO, PROJECTS, UNIT
from ita_report.reports.plan.tables import BUDGET


def chart_by_area(by_area: pd.DataFrame, digits: DigitStyle) -> Figure:
    return columns_chart(by_area, numbered(by_area[AREA], by_area[AREA_NAME]), (PROJECTS, BUDGET),
                         title="จำนวนโครงการและงบประมาณ จำแนกตามด้าน", digits=digits)


def chart_by_unit(by_unit: pd.DataFrame, digits: DigitStyle) -> Figure:
    return columns_chart(by_unit, UNIT, (PROJECTS,), title="จำนวนโครงการ จำแนกตามหน่วยงานรับผิดชอบ", digits=digits)


def chart_by_project(funded: pd.DataFrame, digits: DigitStyle) -> Figure:
    return columns_chart(funded, numbered(funded[PROJECT_NO], funded[PROJECT]), (BUDGET,),
                         title="งบประมาณรายโครงการ (โครงการที่ใช้งบประมาณ)", digits=digits)
