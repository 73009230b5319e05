"""Summary tables of the measures plan; columns carry the Thai headers the reports show."""

from __future__ import annotations

import pandas as pd

from ita_report.records.plan import Plan
from ita_report.reports.common import AREA, AREA_NAME, INDICATORS, ITEM, POLICY, PROJECT, PROJECT_NO, PROJECTS, UNIT

# Thai headers of the plan's tables (those shared with other reports are in reports.common)
POLICIES = "จำนวนนโยบาย"
BUDGET = "งบประมาณ (บาท)"
PERIOD = "ระยะเวลาดำเนินการ"
COUNT = "จำนวน"


def plan_totals(plan: Plan) -> dict[str, int | float]:
    """The headline counts of the plan and its total budget."""
    return {
        "areas": len(plan.areas),
        "policies": len(plan.policies()),
        "projects": len(plan.projects),
        "indicators": len(plan.indicators),
        "units": plan.units["unit"].nunique(),
        "budget": float(plan.projects["budget"].sum()),
    }


def plan_overview(plan: Plan) -> pd.DataFrame:
    """One row per headline figure: areas, policies, projects, indicators, units, budget."""
    totals = plan_totals(plan)
    labels = {
        "areas": "ด้าน",
        "policies": "นโยบาย",
        "projects": "โครงการ/กิจกรรม",
        "indicators": "ตัวชี้วัด",
        "units": "หน่วยงานรับผิดชอบ",
        "budget": "งบประมาณรวม (บาท)",
    }
    return pd.DataFrame({ITEM: list(labels.values()), COUNT: [totals[k] for k in labels]})


def projects_by_area(plan: Plan) -> pd.DataFrame:
    """Policies, projects and budget of each area, in the plan's order."""
    grouped = plan.projects.groupby("area_no").agg(projects=("project_no", "size"), budget=("budget", "sum"))
    return pd.DataFrame(
        {
            AREA: [area.number for area in plan.areas],
            AREA_NAME: [area.name for area in plan.areas],
            POLICIES: [len(area.policies) for area in plan.areas],
            PROJECTS: [int(grouped["projects"].get(area.number, 0)) for area in plan.areas],
            BUDGET: [float(grouped["budget"].get(area.number, 0)) for area in plan.areas],
        }
    )


def projects_by_policy(plan: Plan) -> pd.DataFrame:
    """Projects and budget of each policy, in the plan's order."""
    rows = []
    for area, policy in plan.policies():
        projects = plan.projects_of(policy.code)
        rows.append(
            {
                AREA: area.number,
                POLICY: policy.code,
                PROJECTS: len(projects),
                BUDGET: float(projects["budget"].sum()),
            }
        )
    return pd.DataFrame(rows)


def projects_by_unit(plan: Plan) -> pd.DataFrame:
    """Projects and their budget per responsible unit; a shared project counts for each unit."""
    joined = plan.units.merge(plan.projects[["project_no", "budget"]], on="project_no")
    grouped = (
        joined.groupby("unit", sort=False)
        .agg(projects=("project_no", "size"), budget=("budget", "sum"))
        .reset_index()
        .sort_values(["projects", "budget", "unit"], ascending=[False, False, True], kind="stable")
    )
    return pd.DataFrame(
        {
            UNIT: grouped["unit"].to_list(),
            PROJECTS: grouped["projects"].astype(int).to_list(),
            BUDGET: grouped["budget"].astype(float).to_list(),
        }
    )


def project_list(plan: Plan) -> pd.DataFrame:
    """Every project with its area, policy, indicator count, budget, period and units."""
    indicators = plan.indicators.groupby("project_no").size()
    units = plan.units.groupby("project_no", sort=False)["unit"].agg("; ".join)
    projects = plan.projects
    return pd.DataFrame(
        {
            PROJECT_NO: projects["project_no"].astype(int).to_list(),
            PROJECT: projects["name"].to_list(),
            AREA: projects["area_no"].astype(int).to_list(),
            POLICY: projects["policy_code"].to_list(),
            INDICATORS: [int(indicators[no]) for no in projects["project_no"]],
            BUDGET: projects["budget"].astype(float).to_list(),
            PERIOD: projects["period"].to_list(),
            UNIT: [units[no] for no in projects["project_no"]],
        }
    )


def funded_projects(plan: Plan) -> pd.DataFrame:
    """Projects with a budget above zero, largest first."""
    listed = project_list(plan)
    funded = listed[listed[BUDGET] > 0]
    return funded.sort_values([BUDGET, PROJECT_NO], ascending=[False, True], kind="stable")[
        [PROJECT_NO, PROJECT, BUDGET]
    ].reset_index(drop=True)
