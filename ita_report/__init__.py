"""ita-report: the yearly ITA evidence pack of a Thai state office, from its own records.

The names below are what notebooks use (`import ita_report as ita`). They are imported on
first use, so that the `ita-report` command starts fast when it has nothing to rebuild.
"""

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Year": "reports.year",
    "open_year": "reports.year",
    "Plan": "records.plan",
    "load_plan": "records.plan",
    "announcement": "reports.plan.document",
    "chart_by_area": "reports.plan.charts",
    "chart_by_project": "reports.plan.charts",
    "chart_by_unit": "reports.plan.charts",
    "BUDGET": "reports.plan.tables",
    "funded_projects": "reports.plan.tables",
    "plan_overview": "reports.plan.tables",
    "plan_totals": "reports.plan.tables",
    "project_list": "reports.plan.tables",
    "projects_by_area": "reports.plan.tables",
    "projects_by_policy": "reports.plan.tables",
    "projects_by_unit": "reports.plan.tables",
    # progress, budget execution and complaint statistics (issue 5)
    **dict.fromkeys((
        "RoundProgress", "progress_at", "progress_summary", "indicator_summary",
        "progress_by_area", "progress_by_policy", "progress_by_unit", "progress_projects",
        "progress_indicators",
    ), "reports.progress.summaries"),
    **dict.fromkeys(("round_progress", "progress_intro", "progress_narrative"), "reports.progress.document"),
    **dict.fromkeys(("chart_progress_status", "chart_progress_by_area"), "reports.progress.charts"),
    **dict.fromkeys((
        "BudgetExecution", "budget_execution", "budget_summary", "budget_by_project",
        "budget_by_area", "budget_by_fund_source", "budget_by_month", "budget_by_quarter",
    ), "reports.budget.summaries"),
    **dict.fromkeys(("round_budget", "budget_intro"), "reports.budget.document"),
    **dict.fromkeys(("chart_budget_cumulative", "chart_budget_by_month", "chart_budget_by_project"),
                    "reports.budget.charts"),
    **dict.fromkeys((
        "ComplaintPeriod", "complaints_in", "complaint_totals", "complaints_by_month", "complaints_by_quarter",
        "complaints_by_channel", "complaints_by_category", "complaints_by_unit", "complaint_handling",
        "complaint_comparison",
    ), "reports.complaints.summaries"),
    **dict.fromkeys((
        "complaint_statistics", "previous_complaint_statistics", "complaint_statement", "complaint_comparison_note",
    ), "reports.complaints.document"),
    **dict.fromkeys(("chart_complaints_by_month", "chart_complaints_by_channel", "chart_complaints_by_category"),
                    "reports.complaints.charts"),
    # procurement evidence: monthly สขร.๑, the 16-column list, the annual book, risk flags (issue 4)
    **dict.fromkeys((
        "MONTHLY_COLUMNS", "LIST_COLUMNS", "monthly_summaries", "monthly_sheets", "procurement_list",
    ), "reports.procurement_monthly.summaries"),
    **dict.fromkeys(("monthly_pages", "list_page"), "reports.procurement_monthly.document"),
    **dict.fromkeys(("ProcurementBook", "procurement_book"), "reports.procurement.book"),
    **dict.fromkeys(("procurement_totals",), "reports.procurement.tables"),
    **dict.fromkeys(("DISCLAIMER", "FLAGS", "risk_flags", "flag_counts"), "reports.procurement.flags"),
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'ita_report' has no attribute '{name}'")
    value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
