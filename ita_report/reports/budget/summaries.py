"""Budget execution over a progress round: allocated against paid, per project, area, month and quarter.

The even-spending line is what a project would have paid had it spent its allocation in twelve
equal monthly parts; government offices are measured against such a line, so the report sets
the cumulative disbursements beside it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from ita_report.core.thai import FISCAL_MONTHS, fiscal_months, month_year
from ita_report.records.datasets import BUDGET_ALLOCATIONS as BUDGET_DATASET
from ita_report.records.plan import Plan
from ita_report.reports.common import (
    ALLOCATED,
    MONTH,
    NO_VALUE,
    PROJECT,
    PROJECT_NO,
    QUARTER,
    USED,
    Round,
    per_area,
    percent_text,
    plan_areas,
    records,
    round_money,
    under_headers,
)

MONTHS_IN_YEAR = len(FISCAL_MONTHS)

# Thai headers of the tables (those shared with other reports are in reports.common)
FUND_SOURCE = "แหล่งที่มาของงบประมาณ"
REMAINING = "คงเหลือ (บาท)"
RATE = "ร้อยละการเบิกจ่าย"
EVEN_RATE = "ร้อยละตามแผนใช้จ่ายเฉลี่ย"
FUNDED_PROJECTS = "จำนวนโครงการที่ได้รับจัดสรร"
VOUCHERS = "จำนวนรายการเบิกจ่าย"
CUMULATIVE = "เบิกจ่ายสะสม (บาท)"
CUMULATIVE_RATE = "ร้อยละสะสม"
EVEN_LINE = "แผนใช้จ่ายเฉลี่ยสะสม (บาท)"


@dataclass(frozen=True)
class BudgetExecution(Round):
    """Allocations and the payments of one round, with the plan's projects and areas."""

    # project_no, name, area_no, policy_code, allocated, spent, fund_source: every project of the plan
    projects: pd.DataFrame
    payments: pd.DataFrame  # project_no, paid_on, amount: the round's disbursements
    areas: tuple[tuple[int, str], ...]

    @property
    def allocated(self) -> float:
        return float(self.projects["allocated"].sum())

    @property
    def spent(self) -> float:
        return float(self.payments["amount"].sum())

    def months(self) -> list[tuple[int, int]]:
        """The (CE year, month) pairs of the round, October first."""
        last = pd.Timestamp(self.end)
        return [(y, m) for y, m in fiscal_months(self.fiscal_year) if (y, m) <= (last.year, last.month)]


def budget_execution(
    plan: Plan, allocations: pd.DataFrame | None, disbursements: pd.DataFrame | None, fiscal_year: int, round: str
) -> BudgetExecution:
    """Each project's allocation and what it paid from 1 October to the round end."""
    period, projects, paid = round_money(plan, allocations, disbursements, fiscal_year, round)
    rows = records(allocations, BUDGET_DATASET)
    rows = rows.assign(project_no=rows["project_no"].astype(int))
    sources = rows.groupby("project_no")["fund_source"].agg(lambda s: "; ".join(dict.fromkeys(s.dropna())))
    return BudgetExecution(
        **asdict(period),
        projects=projects.assign(fund_source=[sources.get(no, NO_VALUE) or NO_VALUE for no in projects["project_no"]]),
        payments=paid[["project_no", "paid_on", "amount"]].reset_index(drop=True),
        areas=plan_areas(plan),
    )


def satang(amount: float) -> float:
    """An amount rounded half up to whole satang."""
    return float(Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


# --- tables -------------------------------------------------------------------------------


def budget_summary(execution: BudgetExecution) -> pd.DataFrame:
    """One row: allocated, paid and left in baht, the disbursement rate and the even-spending rate."""
    allocated, spent = execution.allocated, execution.spent
    return pd.DataFrame([{
        ALLOCATED: allocated,
        USED: spent,
        REMAINING: allocated - spent,
        RATE: percent_text(spent, allocated),
        EVEN_RATE: percent_text(len(execution.months()), MONTHS_IN_YEAR),
    }])


def budget_by_project(execution: BudgetExecution) -> pd.DataFrame:
    """Projects that were allocated or paid money: allocated, paid, left and the rate."""
    p = execution.projects
    p = p[(p["allocated"] > 0) | (p["spent"] > 0)]
    table = under_headers(p, {PROJECT_NO: "project_no", PROJECT: "name", FUND_SOURCE: "fund_source",
                              ALLOCATED: "allocated", USED: "spent"})
    return table.assign(**{
        REMAINING: (p["allocated"] - p["spent"]).to_list(),
        RATE: [percent_text(s, a) for s, a in zip(p["spent"], p["allocated"])],
    })


def _money_row(projects: pd.DataFrame) -> dict[str, object]:
    allocated, spent = float(projects["allocated"].sum()), float(projects["spent"].sum())
    return {
        FUNDED_PROJECTS: int((projects["allocated"] > 0).sum()),
        ALLOCATED: allocated,
        USED: spent,
        REMAINING: allocated - spent,
        RATE: percent_text(spent, allocated),
    }


def budget_by_area(execution: BudgetExecution) -> pd.DataFrame:
    """Every area (ด้าน): funded projects, allocated, paid, left and the rate."""
    return per_area(execution.projects, execution.areas, _money_row)


def budget_by_fund_source(execution: BudgetExecution) -> pd.DataFrame:
    """Each source of funds: funded projects, allocated, paid, left and the rate."""
    p = execution.projects[execution.projects["fund_source"] != NO_VALUE]
    return pd.DataFrame(
        [{FUND_SOURCE: source, **_money_row(p[p["fund_source"] == source])} for source in dict.fromkeys(p["fund_source"])],
        columns=[FUND_SOURCE, FUNDED_PROJECTS, ALLOCATED, USED, REMAINING, RATE],
    )


def _paid_in(execution: BudgetExecution, year: int, month: int) -> pd.DataFrame:
    paid_on = execution.payments["paid_on"]
    return execution.payments[(paid_on.dt.year == year) & (paid_on.dt.month == month)]


def budget_by_month(execution: BudgetExecution) -> pd.DataFrame:
    """Each month of the round: vouchers, paid, paid so far, its share and the even-spending line."""
    allocated = execution.allocated
    rows, cumulative = [], 0.0
    for index, (year, month) in enumerate(execution.months(), start=1):
        paid = _paid_in(execution, year, month)
        cumulative += float(paid["amount"].sum())
        rows.append({
            MONTH: month_year(year, month, "arabic"),
            VOUCHERS: len(paid),
            USED: float(paid["amount"].sum()),
            CUMULATIVE: cumulative,
            CUMULATIVE_RATE: percent_text(cumulative, allocated),
            EVEN_LINE: satang(allocated * index / MONTHS_IN_YEAR),
            EVEN_RATE: percent_text(index, MONTHS_IN_YEAR),
        })
    return pd.DataFrame(rows)


def budget_by_quarter(execution: BudgetExecution) -> pd.DataFrame:
    """Each fiscal quarter of the round: vouchers, paid and its share of the allocation."""
    months = execution.months()
    rows = []
    for quarter in range(1, len(months) // 3 + 1):
        in_quarter = months[(quarter - 1) * 3: quarter * 3]
        paid = pd.concat([_paid_in(execution, y, m) for y, m in in_quarter])
        first, last = in_quarter[0], in_quarter[-1]
        rows.append({
            QUARTER: quarter,
            MONTH: f"{month_year(*first, 'arabic')} – {month_year(*last, 'arabic')}",
            VOUCHERS: len(paid),
            USED: float(paid["amount"].sum()),
            RATE: percent_text(float(paid["amount"].sum()), execution.allocated),
        })
    return pd.DataFrame(rows)
