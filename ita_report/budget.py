"""Budget execution over a progress round: allocated against paid, per project, area, month and quarter.

The even-spending line is what a project would have paid had it spent its allocation in twelve
equal monthly parts; government offices are measured against such a line, so the report sets
the cumulative disbursements beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

import pandas as pd

from .datasets import BUDGET as BUDGET_DATASET
from .datasets import DISBURSEMENTS
from .plan import Plan
from .present import Html, text
from .progress import (
    ALLOCATED,
    AREA,
    AREA_NAME,
    NO_VALUE,
    PROJECT,
    PROJECT_NO,
    USED,
    percent,
    records,
    round_bounds,
    round_label,
)
from .thai import FISCAL_MONTHS, DigitStyle, apply_digits, fiscal_months, format_baht, month_year, thai_date

if TYPE_CHECKING:
    from .context import Year

MONTHS_IN_YEAR = len(FISCAL_MONTHS)

# Thai headers of the tables
FUND_SOURCE = "แหล่งที่มาของงบประมาณ"
REMAINING = "คงเหลือ (บาท)"
RATE = "ร้อยละการเบิกจ่าย"
EVEN_RATE = "ร้อยละตามแผนใช้จ่ายเฉลี่ย"
FUNDED_PROJECTS = "จำนวนโครงการที่ได้รับจัดสรร"
MONTH = "เดือน"
QUARTER = "ไตรมาส"
VOUCHERS = "จำนวนรายการเบิกจ่าย"
CUMULATIVE = "เบิกจ่ายสะสม (บาท)"
CUMULATIVE_RATE = "ร้อยละสะสม"
EVEN_LINE = "แผนใช้จ่ายเฉลี่ยสะสม (บาท)"


@dataclass(frozen=True)
class BudgetExecution:
    """Allocations and the payments of one round, with the plan's projects and areas."""

    fiscal_year: int
    round: str
    start: date
    end: date
    # project_no, name, area_no, policy_code, fund_source, allocated, spent: every project of the plan
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
    plan: Plan,
    allocations: pd.DataFrame | None,
    disbursements: pd.DataFrame | None,
    fiscal_year: int,
    round: str,
) -> BudgetExecution:
    """Each project's allocation and what it paid from 1 October to the round end."""
    start, end = round_bounds(fiscal_year, round)
    rows = records(allocations, BUDGET_DATASET)
    rows = rows.assign(project_no=rows["project_no"].astype(int))
    paid = records(disbursements, DISBURSEMENTS)
    paid = paid[(paid["paid_on"] >= pd.Timestamp(start)) & (paid["paid_on"] <= pd.Timestamp(end))]
    paid = paid.assign(project_no=paid["project_no"].astype(int), amount=paid["amount"].astype(float))
    allocated = rows.groupby("project_no")["allocated"].sum()
    sources = rows.groupby("project_no")["fund_source"].agg(lambda s: "; ".join(dict.fromkeys(s.dropna())))
    spent = paid.groupby("project_no")["amount"].sum()
    numbers = plan.projects["project_no"].astype(int)
    projects = pd.DataFrame({
        "project_no": numbers.to_list(),
        "name": plan.projects["name"].to_list(),
        "area_no": plan.projects["area_no"].astype(int).to_list(),
        "policy_code": plan.projects["policy_code"].to_list(),
        "fund_source": [sources.get(no, NO_VALUE) or NO_VALUE for no in numbers],
        "allocated": [float(allocated.get(no, 0.0)) for no in numbers],
        "spent": [float(spent.get(no, 0.0)) for no in numbers],
    })
    return BudgetExecution(
        fiscal_year,
        round,
        start,
        end,
        projects,
        paid[["project_no", "paid_on", "amount"]].reset_index(drop=True),
        tuple((area.number, area.name) for area in plan.areas),
    )


def round_budget(year: Year) -> BudgetExecution:
    """The year's budget execution over the round its progress params name."""
    data = year.data
    return budget_execution(
        year.plan(),
        data.frame("budget_allocations"),
        data.frame("disbursements"),
        year.params.fiscal_year,
        year.params.progress.round,
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
        RATE: percent(spent, allocated),
        EVEN_RATE: percent(len(execution.months()), MONTHS_IN_YEAR),
    }])


def budget_by_project(execution: BudgetExecution) -> pd.DataFrame:
    """Projects that were allocated or paid money: allocated, paid, left and the rate."""
    p = execution.projects
    p = p[(p["allocated"] > 0) | (p["spent"] > 0)]
    return pd.DataFrame({
        PROJECT_NO: p["project_no"].to_list(),
        PROJECT: p["name"].to_list(),
        FUND_SOURCE: p["fund_source"].to_list(),
        ALLOCATED: p["allocated"].to_list(),
        USED: p["spent"].to_list(),
        REMAINING: (p["allocated"] - p["spent"]).to_list(),
        RATE: [percent(s, a) for s, a in zip(p["spent"], p["allocated"])],
    })


def _money_row(projects: pd.DataFrame) -> dict[str, object]:
    allocated, spent = float(projects["allocated"].sum()), float(projects["spent"].sum())
    return {
        FUNDED_PROJECTS: int((projects["allocated"] > 0).sum()),
        ALLOCATED: allocated,
        USED: spent,
        REMAINING: allocated - spent,
        RATE: percent(spent, allocated),
    }


def budget_by_area(execution: BudgetExecution) -> pd.DataFrame:
    """Every area (ด้าน): funded projects, allocated, paid, left and the rate."""
    p = execution.projects
    return pd.DataFrame([
        {AREA: number, AREA_NAME: name, **_money_row(p[p["area_no"] == number])}
        for number, name in execution.areas
    ])


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
            CUMULATIVE_RATE: percent(cumulative, allocated),
            EVEN_LINE: satang(allocated * index / MONTHS_IN_YEAR),
            EVEN_RATE: percent(index, MONTHS_IN_YEAR),
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
            RATE: percent(float(paid["amount"].sum()), execution.allocated),
        })
    return pd.DataFrame(rows)


# --- prose --------------------------------------------------------------------------------


def budget_intro(execution: BudgetExecution, digits: DigitStyle) -> Html:
    """The round, and the headline: allocated, paid and the rate against the even-spending line."""
    allocated, spent = execution.allocated, execution.spent
    rate = percent(spent, allocated)
    sentence = (
        f"ณ วันที่ {thai_date(execution.end, digits)} ได้รับจัดสรรงบประมาณรวม {format_baht(allocated, digits)} "
        f"เบิกจ่ายแล้ว {format_baht(spent, digits)}"
    )
    if rate != NO_VALUE:
        sentence += (
            f" คิดเป็นร้อยละ {rate} ของงบประมาณที่ได้รับจัดสรร "
            f"(แผนใช้จ่ายเฉลี่ยเท่ากันทุกเดือน ณ สิ้นรอบ ร้อยละ {percent(len(execution.months()), MONTHS_IN_YEAR)})"
        )
    return Html(
        f'<p class="round-label">{text(round_label(execution.fiscal_year, execution.round), digits)}</p>'
        f'<p class="para">{text(apply_digits(sentence, digits), digits)}</p>'
    )
