"""ita-report: the yearly ITA evidence pack of a Thai state office, from its own records.

The names below are what notebooks use (`import ita_report as ita`). They are imported on
first use, so that the `ita-report` command starts fast when it has nothing to rebuild.
"""

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Year": "context",
    "open_year": "context",
    "Plan": "plan",
    "load_plan": "plan",
    "announcement": "plan_document",
    "chart_by_area": "plan_charts",
    "chart_by_project": "plan_charts",
    "chart_by_unit": "plan_charts",
    "BUDGET": "plan_tables",
    "funded_projects": "plan_tables",
    "plan_overview": "plan_tables",
    "plan_totals": "plan_tables",
    "project_list": "plan_tables",
    "projects_by_area": "plan_tables",
    "projects_by_policy": "plan_tables",
    "projects_by_unit": "plan_tables",
    # progress, budget execution and complaint statistics (issue 5)
    **dict.fromkeys((
        "RoundProgress", "progress_at", "round_progress", "progress_summary", "indicator_summary",
        "progress_by_area", "progress_by_policy", "progress_by_unit", "progress_projects",
        "progress_indicators", "progress_intro", "progress_narrative",
    ), "progress"),
    **dict.fromkeys(("chart_progress_status", "chart_progress_by_area"), "progress_charts"),
    **dict.fromkeys((
        "BudgetExecution", "budget_execution", "round_budget", "budget_summary", "budget_by_project",
        "budget_by_area", "budget_by_fund_source", "budget_by_month", "budget_by_quarter", "budget_intro",
    ), "budget"),
    **dict.fromkeys(("chart_budget_cumulative", "chart_budget_by_month", "chart_budget_by_project"),
                    "budget_charts"),
    **dict.fromkeys((
        "ComplaintPeriod", "complaints_in", "complaint_statistics", "previous_complaint_statistics",
        "complaint_totals", "complaint_statement", "complaints_by_month", "complaints_by_quarter",
        "complaints_by_channel", "complaints_by_category", "complaints_by_unit", "complaint_handling",
        "complaint_comparison", "complaint_comparison_note",
    ), "complaints"),
    **dict.fromkeys(("chart_complaints_by_month", "chart_complaints_by_channel", "chart_complaints_by_category"),
                    "complaints_charts"),
    # procurement evidence: monthly สขร.๑, the 16-column list, the annual book, risk flags (issue 4)
    **dict.fromkeys((
        "MONTHLY_COLUMNS", "LIST_COLUMNS", "monthly_summaries", "monthly_sheets", "monthly_pages",
        "procurement_list", "list_page",
    ), "procurement"),
    **dict.fromkeys(("ProcurementBook", "procurement_book"), "procurement_book"),
    **dict.fromkeys(("procurement_totals",), "procurement_tables"),
    **dict.fromkeys(("DISCLAIMER", "FLAGS", "risk_flags", "flag_counts"), "flags"),
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
