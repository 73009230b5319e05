"""What several report families share: the Thai headers of their common columns; the progress
round (its days, its name in words, each project's money in it); a share in per cent; amounts in
baht as table text; and a dataset's records when a year has no file of it.

Data only: nothing here knows how a report looks (that is ita_report.present).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from ita_report.config.params import Params
from ita_report.core.thai import DigitStyle, apply_digits, fiscal_year_bounds, format_number, half_year_end, thai_date
from ita_report.records.datasets import BUDGET_ALLOCATIONS, DISBURSEMENTS
from ita_report.records.plan import Plan

NO_VALUE = "-"  # a cell with nothing to show: no result reported, or a rate of nothing

# Thai headers of columns that several reports show
AREA = "ด้าน"
AREA_NAME = "ชื่อด้าน"
POLICY = "นโยบาย"
PROJECT_NO = "โครงการที่"
PROJECT = "โครงการ/กิจกรรม"
PROJECTS = "จำนวนโครงการ"
INDICATORS = "จำนวนตัวชี้วัด"
UNIT = "หน่วยงานรับผิดชอบ"
ITEM = "รายการ"
MONTH = "เดือน"
QUARTER = "ไตรมาส"
ALLOCATED = "งบประมาณที่ได้รับจัดสรร (บาท)"
USED = "เบิกจ่าย (บาท)"

# --- the round of the progress and budget reports -----------------------------------------------

ROUND_NAMES = {"six_months": "รอบ 6 เดือน", "annual": "รอบ 12 เดือน"}


def round_bounds(fiscal_year: int, round: str) -> tuple[date, date]:
    """First and last day of a progress round: 1 Oct – 31 Mar, or the whole fiscal year."""
    start, end = fiscal_year_bounds(fiscal_year)
    if round == "six_months":
        return start, half_year_end(fiscal_year)
    if round == "annual":
        return start, end
    raise ValueError(f"round must be one of {', '.join(ROUND_NAMES)}, not {round!r}")


def round_label(fiscal_year: int, round: str, digits: DigitStyle = "arabic") -> str:
    """The round in words: "รอบ 6 เดือน (1 ตุลาคม พ.ศ. 2560 – 31 มีนาคม พ.ศ. 2561)"."""
    start, end = round_bounds(fiscal_year, round)
    return apply_digits(f"{ROUND_NAMES[round]} ({thai_date(start, digits)} – {thai_date(end, digits)})", digits)


def progress_round(params: Params) -> tuple[int, str]:
    """The fiscal year and the round its progress params name, as the round's reports take them."""
    return params.fiscal_year, params.progress.round


@dataclass(frozen=True)
class Round:
    """What every figure of a round knows: the fiscal year, the round's name, its first and last day."""

    fiscal_year: int
    round: str
    start: date
    end: date


# --- figures --------------------------------------------------------------------------------------


def share(part: float, whole: float, places: int) -> Decimal | None:
    """part / whole in per cent, rounded half up to `places` decimals; None when the whole is 0."""
    if not whole:
        return None
    value = Decimal(str(part)) * 100 / Decimal(str(whole))
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def percent(part: float, whole: float, places: int = 2) -> float:
    """The share as a number, two decimals unless told; 0 when the whole is 0."""
    value = share(part, whole, places)
    return 0.0 if value is None else float(value)


def percent_text(part: float, whole: float, places: int = 1) -> str:
    """The share as the text of a table cell, one decimal unless told; "-" when the whole is 0."""
    value = share(part, whole, places)
    return NO_VALUE if value is None else f"{value:.{places}f}"


def baht_amount(amount: float) -> str:
    """An amount as table text: "1,250.00 บาท", Arabic digits."""
    return f"{format_number(amount, 'arabic', 2)} บาท"


# --- records and the plan ---------------------------------------------------------------------------


def under_headers(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Some of the frame's columns as a report table: {Thai header: column}, in that order."""
    return pd.DataFrame({header: frame[column].to_list() for header, column in columns.items()})


def records(frame: pd.DataFrame | None, dataset) -> pd.DataFrame:
    """A dataset's records, or no rows with its columns when the year has no such file."""
    if frame is not None:
        return frame
    return pd.DataFrame({c.name: pd.Series(dtype="datetime64[ns]" if c.kind == "date" else object)
                         for c in dataset.public_columns})


def allocated_by_project(allocations: pd.DataFrame | None) -> pd.Series:
    """Baht allocated per project; a project without a row was allocated nothing."""
    rows = records(allocations, BUDGET_ALLOCATIONS)
    return rows.groupby(rows["project_no"].astype(int))["allocated"].sum().astype(float)


def paid_within(disbursements: pd.DataFrame | None, start: date, end: date) -> pd.DataFrame:
    """The payments made from `start` to `end`, both days included; project numbers whole, amounts in baht."""
    paid = records(disbursements, DISBURSEMENTS)
    paid = paid[(paid["paid_on"] >= pd.Timestamp(start)) & (paid["paid_on"] <= pd.Timestamp(end))]
    return paid.assign(project_no=paid["project_no"].astype(int), amount=paid["amount"].astype(float))


def project_money(plan: Plan, allocations: pd.DataFrame | None, paid: pd.DataFrame) -> pd.DataFrame:
    """Every project of the plan in its order, with the baht allocated to it and paid for it:
    project_no, name, area_no, policy_code, allocated, spent (`paid` as paid_within gives it)."""
    allocated = allocated_by_project(allocations)
    spent = paid.groupby("project_no")["amount"].sum()
    numbers = plan.projects["project_no"].astype(int)
    return pd.DataFrame({
        "project_no": numbers.to_list(),
        "name": plan.projects["name"].to_list(),
        "area_no": plan.projects["area_no"].astype(int).to_list(),
        "policy_code": plan.projects["policy_code"].to_list(),
        "allocated": [float(allocated.get(no, 0.0)) for no in numbers],
        "spent": [float(spent.get(no, 0.0)) for no in numbers],
    })


def round_money(
    plan: Plan, allocations: pd.DataFrame | None, disbursements: pd.DataFrame | None, fiscal_year: int, round: str
) -> tuple[Round, pd.DataFrame, pd.DataFrame]:
    """The round; every project of the plan with the baht allocated to it and paid for it in the
    round (project_money); and the round's payments (paid_within)."""
    start, end = round_bounds(fiscal_year, round)
    paid = paid_within(disbursements, start, end)
    return Round(fiscal_year, round, start, end), project_money(plan, allocations, paid), paid


def plan_areas(plan: Plan) -> tuple[tuple[int, str], ...]:
    """The plan's areas as (number, name), in its order."""
    return tuple((area.number, area.name) for area in plan.areas)


def per_area(
    projects: pd.DataFrame, areas: tuple[tuple[int, str], ...], row: Callable[[pd.DataFrame], dict[str, object]]
) -> pd.DataFrame:
    """One row per area (ด้าน) in the plan's order: its number and name, then `row` of its projects."""
    return pd.DataFrame([
        {AREA: number, AREA_NAME: name, **row(projects[projects["area_no"] == number])}
        for number, name in areas
    ])
