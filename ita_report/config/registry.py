"""The report families: one entry each, read by params, the catalogue coverage, the site and the CLI.

A family is one folder `ita_report/reports/<name>/` holding its notebook `<name>.ipynb`, its
summaries and its charts. Adding one is that folder and one `Family` below (README, "Adding a
report").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ita_report.core.paths import REPORTS_DIR
from ita_report.core.thai import apply_digits

EXAMPLE_BANNER = "ข้อมูลตัวอย่าง – ไม่ใช่ข้อมูลจริง"


@dataclass(frozen=True)
class Family:
    """One report: its notebook, what it reads and what it writes."""

    name: str
    title: str
    sections: tuple[str, ...]  # params sections the report needs
    datasets: tuple[str, ...]  # the datasets it reads; any of them invented puts the example banner on it
    tables: tuple[str, ...]  # the files it writes under tables/ (CSV, Excel or both), without suffix
    notebook_file: Path | None = None  # where the notebook is, when not in the family's folder
    reads_previous_year: bool = False  # compares with the previous fiscal year's records, when the project has them

    @property
    def notebook(self) -> Path:
        return self.notebook_file or REPORTS_DIR / self.name / f"{self.name}.ipynb"

    def heading(self, fiscal_year: int, digits: str = "arabic") -> str:
        """The title with the fiscal year, as every document of the family shows it."""
        return apply_digits(f"{self.title} ปีงบประมาณ พ.ศ. {fiscal_year}", digits)


PLAN_DATASETS = ("projects", "indicators", "responsible_units")
PROCUREMENT_DATASETS = ("procurement", "bids", "relations")

FAMILIES: dict[str, Family] = {
    family.name: family
    for family in (
        Family(
            "plan", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", ("announcement", "signatory"), PLAN_DATASETS,
            ("plan_overview", "plan_by_area", "plan_by_policy", "plan_by_unit", "plan_funded_projects",
             "plan_projects"),
        ),
        Family(
            "procurement_monthly", "สรุปผลการดำเนินการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)", ("procurement",),
            PROCUREMENT_DATASETS, ("procurement_monthly", "procurement_list"),
        ),
        Family(
            "procurement", "รายงานผลการจัดซื้อจัดจ้างและการวิเคราะห์ผลการจัดซื้อจัดจ้าง", ("procurement",),
            PROCUREMENT_DATASETS,
            ("procurement_summary", "procurement_by_method", "procurement_by_month", "procurement_by_category",
             "procurement_by_unit", "procurement_top_suppliers", "procurement_comparison_totals",
             "procurement_comparison_by_method", "procurement_flag_counts", "procurement_flags",
             "procurement_savings_by_method", "procurement_improvement_figures"),
            reads_previous_year=True,
        ),
        Family(
            "progress", "รายงานการกำกับติดตามการดำเนินงานตามแผน", ("progress",),
            ("indicator_results", "budget_allocations", "disbursements"),
            ("progress_summary", "progress_indicator_summary", "progress_by_area", "progress_by_policy",
             "progress_by_unit", "progress_projects", "progress_indicators"),
        ),
        Family(
            "budget", "รายงานผลการใช้จ่ายงบประมาณ", ("progress",), ("budget_allocations", "disbursements"),
            ("budget_summary", "budget_by_month", "budget_by_quarter", "budget_by_area", "budget_by_fund_source",
             "budget_by_project"),
        ),
        Family(
            "complaints", "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", ("complaints",), ("complaints",),
            ("complaints_totals", "complaints_by_month", "complaints_by_quarter", "complaints_by_channel",
             "complaints_by_category", "complaints_by_unit", "complaints_handling", "complaints_comparison"),
            reads_previous_year=True,
        ),
    )
}

REPORTS: tuple[str, ...] = tuple(FAMILIES)


def family(name: str) -> Family:
    return FAMILIES[name]


def report_of_table(stem: str) -> str | None:
    """The family that writes tables/<stem>.csv or .xlsx, if any."""
    return next((f.name for f in FAMILIES.values() if stem in f.tables), None)
