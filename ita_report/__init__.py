"""ita-report: the yearly ITA evidence pack of a Thai state office, from its own records."""

from .context import Year, open_year
from .plan import Plan, load_plan
from .plan_charts import chart_by_area, chart_by_project, chart_by_unit
from .plan_document import announcement
from .plan_tables import (
    BUDGET,
    funded_projects,
    plan_overview,
    plan_totals,
    project_list,
    projects_by_area,
    projects_by_policy,
    projects_by_unit,
)

__all__ = [
    "BUDGET",
    "Plan",
    "Year",
    "announcement",
    "chart_by_area",
    "chart_by_project",
    "chart_by_unit",
    "funded_projects",
    "load_plan",
    "open_year",
    "plan_overview",
    "plan_totals",
    "project_list",
    "projects_by_area",
    "projects_by_policy",
    "projects_by_unit",
]
