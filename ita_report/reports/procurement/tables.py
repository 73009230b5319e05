"""Summary tables of a year's concluded procurement, with the Thai headers the reports show.

Sums are taken in Decimal so that a total is right to the satang; savings are the reference
price less the agreed price, and every percentage is rounded half up to two decimals
(reports.common.percent).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from ita_report.core.thai import fiscal_months, fiscal_quarter, format_number, month_name
from ita_report.records import datasets as d
from ita_report.records.vocabulary import CANCELLED
from ita_report.reports.common import MONTH, PROJECTS, percent
from ita_report.reports.procurement.checks import DIRECT
from ita_report.reports.procurement.flags import FLAGS, flag_counts
from ita_report.reports.procurement.parties import party_key, supplier_keys
from ita_report.reports.procurement_monthly.summaries import concluded, method_label, unconcluded

__all__ = [
    "Totals",
    "by_category",
    "by_method",
    "by_month",
    "by_status",
    "by_unit",
    "compare_by_method",
    "compare_totals",
    "direct_share",
    "improvement_figures",
    "procurement_totals",
    "quarter_share",
    "top_suppliers",
]

COUNT = PROJECTS
CONTRACTS = "จำนวนสัญญา"
BUDGET = "วงเงินงบประมาณ (บาท)"
REFERENCE = "ราคากลาง (บาท)"
AGREED = "ราคาที่ตกลงซื้อหรือจ้าง (บาท)"
SAVINGS = "ประหยัดงบประมาณ (บาท)"
SAVINGS_PCT = "ร้อยละที่ประหยัดได้"
SHARE = "ร้อยละของราคาที่ตกลงทั้งหมด"
METHOD = "วิธีซื้อหรือจ้าง"
STATUS = "สถานะการจัดซื้อจัดจ้าง"
CATEGORY = "หมวดงบประมาณ"
EXPENSE = "ประเภทรายจ่าย"
UNIT = "หน่วยงานที่ขอซื้อหรือขอจ้าง"
SUPPLIER = "ผู้ประกอบการ"
RANK = "อันดับ"
FISCAL_YEAR = "ปีงบประมาณ"
PERCENT_PREFIX = "ร้อยละ"  # a column whose header starts so holds a percentage with two decimals


def money_sum(values: Iterable[float]) -> float:
    """Sum of amounts in baht, exact to the satang."""
    return float(sum((Decimal(str(v)) for v in values if not pd.isna(v)), Decimal(0)))


def money_difference(minuend: float, subtrahend: float) -> float:
    """One amount less another, exact to the satang."""
    return float(Decimal(str(minuend)) - Decimal(str(subtrahend)))


@dataclass(frozen=True)
class Totals:
    """The year's headline figures over its concluded procurement."""

    count: int
    budget: float
    reference: float
    agreed: float
    in_progress: int  # records without an agreement yet
    cancelled: int

    @property
    def savings(self) -> float:
        return money_difference(self.reference, self.agreed)

    @property
    def savings_pct(self) -> float:
        return percent(self.savings, self.reference)


def procurement_totals(procurement: pd.DataFrame | None) -> Totals:
    """Count and money of the concluded records; the others counted apart."""
    records = concluded(procurement)
    others = unconcluded(procurement)
    return Totals(
        count=len(records),
        budget=money_sum(records["budget"]),
        reference=money_sum(records["reference_price"]),
        agreed=money_sum(records["agreed_price"]),
        in_progress=int((others["status"] != CANCELLED).sum()),
        cancelled=int((others["status"] == CANCELLED).sum()),
    )


def _figures(records: pd.DataFrame) -> dict[str, float | int]:
    reference, agreed = money_sum(records["reference_price"]), money_sum(records["agreed_price"])
    saved = money_difference(reference, agreed)
    return {
        COUNT: len(records),
        BUDGET: money_sum(records["budget"]),
        REFERENCE: reference,
        AGREED: agreed,
        SAVINGS: saved,
        SAVINGS_PCT: percent(saved, reference),
    }


def _grouped(
    keys: tuple[str, ...], groups: list[tuple[dict[str, str], pd.DataFrame]], columns: tuple[str, ...]
) -> pd.DataFrame:
    """One row per (label, records) with the chosen figures; typed so that an empty table stays numeric."""
    rows = [{**label, **{c: v for c, v in _figures(rows).items() if c in columns}} for label, rows in groups]
    frame = pd.DataFrame(rows, columns=[*keys, *columns])
    return frame.astype({c: ("int64" if c == COUNT else "float64") for c in columns})


_ALL = (COUNT, BUDGET, REFERENCE, AGREED, SAVINGS, SAVINGS_PCT)


def by_status(procurement: pd.DataFrame | None) -> pd.DataFrame:
    """Concluded records per status, in the order of the statuses list."""
    records = concluded(procurement)
    groups = [({STATUS: s}, records[records["status"] == s]) for s in d.PROCUREMENT_STATUSES]
    return _grouped((STATUS,), [g for g in groups if len(g[1])], _ALL)


def by_method(procurement: pd.DataFrame | None) -> pd.DataFrame:
    """Concluded records per method, in the order of the Act; methods not used are left out."""
    records = concluded(procurement)
    groups = [({METHOD: method_label(m)}, records[records["method"] == m]) for m in d.METHODS]
    return _grouped((METHOD,), [g for g in groups if len(g[1])], _ALL)


def by_month(procurement: pd.DataFrame | None, fiscal_year: int) -> pd.DataFrame:
    """Concluded records per month of the fiscal year, October first, every month listed."""
    records = concluded(procurement)
    dates = records["contract_date"]
    groups = [
        ({MONTH: f"{month_name(month, abbreviated=True)} {year + 543}"},
         records[(dates.dt.year == year) & (dates.dt.month == month)])
        for year, month in fiscal_months(fiscal_year)
    ]
    return _grouped((MONTH,), groups, _ALL)


def by_category(procurement: pd.DataFrame | None) -> pd.DataFrame:
    """Concluded records per budget category and expense type, in the lists' order."""
    records = concluded(procurement)
    groups = [
        ({CATEGORY: category, EXPENSE: expense},
         records[(records["budget_category"] == category) & (records["expense_type"] == expense)])
        for category in d.BUDGET_CATEGORIES
        for expense in d.EXPENSE_TYPES
    ]
    table = _grouped((CATEGORY, EXPENSE), [g for g in groups if len(g[1])], (COUNT, BUDGET, AGREED))
    return _with_share(table, records)


def by_unit(procurement: pd.DataFrame | None) -> pd.DataFrame:
    """Concluded records per requesting unit, the largest amount agreed first."""
    records = concluded(procurement)
    groups = [({UNIT: unit}, rows) for unit, rows in records.groupby("requesting_unit", sort=True)]
    table = _grouped((UNIT,), groups, (COUNT, AGREED))
    table = table.sort_values([AGREED, UNIT], ascending=[False, True], kind="stable").reset_index(drop=True)
    return _with_share(table, records)


def top_suppliers(procurement: pd.DataFrame | None, count: int = 10) -> pd.DataFrame:
    """The suppliers with the largest amounts agreed; one supplier under several spellings is one."""
    records = concluded(procurement)
    records = records[records["supplier"].map(lambda s: bool(party_key(s))).astype(bool)]
    rows = []
    for _, group in records.groupby(supplier_keys(records), sort=False):
        rows.append({SUPPLIER: str(group["supplier"].iloc[0]), CONTRACTS: len(group),
                     AGREED: money_sum(group["agreed_price"])})
    table = pd.DataFrame(rows, columns=[SUPPLIER, CONTRACTS, AGREED]).astype({CONTRACTS: "int64", AGREED: "float64"})
    table = table.sort_values([AGREED, SUPPLIER], ascending=[False, True], kind="stable").head(count)
    table.insert(0, RANK, range(1, len(table) + 1))
    return _with_share(table.reset_index(drop=True), records)


def _with_share(table: pd.DataFrame, records: pd.DataFrame) -> pd.DataFrame:
    total = money_sum(records["agreed_price"])
    return table.assign(**{SHARE: [percent(v, total) for v in table[AGREED]]}).astype({SHARE: "float64"})


# --- comparison with the previous fiscal year ------------------------------------------------------


def compare_totals(previous: pd.DataFrame | None, current: pd.DataFrame | None, years: tuple[int, int]) -> pd.DataFrame:
    """The two years' figures side by side, and the change (percentage points for percentages)."""
    rows = [{FISCAL_YEAR: str(year), **_figures(concluded(frame))} for year, frame in zip(years, (previous, current))]
    change = {FISCAL_YEAR: "เพิ่มขึ้น (ลดลง)"}
    for column in _ALL:
        before, after = Decimal(str(rows[0][column])), Decimal(str(rows[1][column]))
        change[column] = int(after - before) if column == COUNT else float(after - before)
    table = pd.DataFrame([*rows, change], columns=[FISCAL_YEAR, *_ALL])
    return table.astype({c: ("int64" if c == COUNT else "float64") for c in _ALL})


def compare_by_method(previous: pd.DataFrame | None, current: pd.DataFrame | None, years: tuple[int, int]) -> pd.DataFrame:
    """Count, amount agreed and share of the amount per method in each year."""
    frames = [concluded(previous), concluded(current)]
    totals = [money_sum(f["agreed_price"]) for f in frames]
    used = [m for m in d.METHODS if any((f["method"] == m).any() for f in frames)]
    rows = []
    for method in used:
        row: dict[str, object] = {METHOD: method_label(method)}
        for year, frame, total in zip(years, frames, totals):
            chosen = frame[frame["method"] == method]
            agreed = money_sum(chosen["agreed_price"])
            row[f"{COUNT} ปี {year}"] = len(chosen)
            row[f"ราคาที่ตกลง ปี {year} (บาท)"] = agreed
            row[f"{PERCENT_PREFIX} ปี {year}"] = percent(agreed, total)
        rows.append(row)
    columns = [METHOD] + [c for year in years for c in (f"{COUNT} ปี {year}", f"ราคาที่ตกลง ปี {year} (บาท)",
                                                         f"{PERCENT_PREFIX} ปี {year}")]
    table = pd.DataFrame(rows, columns=columns)
    return table.astype({c: ("int64" if c.startswith(COUNT) else "float64") for c in columns[1:]})


def quarter_share(procurement: pd.DataFrame | None) -> float:
    """Percentage of the amount agreed that was agreed in the fourth quarter (ก.ค.–ก.ย.)."""
    records = concluded(procurement)
    late = records[records["contract_date"].map(lambda day: fiscal_quarter(day.date()) == 4).astype(bool)]
    return percent(money_sum(late["agreed_price"]), money_sum(records["agreed_price"]))


def direct_share(procurement: pd.DataFrame | None) -> float:
    """Percentage of the concluded records bought by the direct method (เฉพาะเจาะจง)."""
    records = concluded(procurement)
    return percent((records["method"] == DIRECT).sum(), len(records))


def improvement_figures(years: dict[int, tuple[pd.DataFrame | None, pd.DataFrame]]) -> pd.DataFrame:
    """Figures an improvement can be judged by, one column per fiscal year of (records, their flags):
    counts, savings and fourth-quarter shares, and the flags that fired in any of the years."""
    def pct(value: float) -> str:
        return format_number(value, "arabic", 2)

    rows = {
        "จำนวนโครงการที่จัดซื้อจัดจ้าง": lambda r, f: f"{procurement_totals(r).count:,}",
        "ร้อยละที่ประหยัดได้": lambda r, f: pct(procurement_totals(r).savings_pct),
        "ร้อยละของราคาที่ตกลงในไตรมาสที่ 4": lambda r, f: pct(quarter_share(r)),
        "ร้อยละของจำนวนโครงการวิธีเฉพาะเจาะจง": lambda r, f: pct(direct_share(r)),
        "จำนวนรายการที่มีข้อสังเกตความเสี่ยง": lambda r, f: f"{(f['egp_id'].nunique() if len(f) else 0):,}",
    }
    for flag in FLAGS:  # a flag that fired in no year would only lengthen the table
        if any(flag_counts(flags)[flag.code] for _, flags in years.values()):
            rows[f"ข้อสังเกต: {flag.title}"] = lambda r, f, code=flag.code: f"{flag_counts(f)[code]:,}"
    table = pd.DataFrame({"ตัวชี้วัด": list(rows)})
    for year, (records, flags) in years.items():
        table[f"ปีงบประมาณ {year}"] = [figure(records, flags) for figure in rows.values()]
    return table
