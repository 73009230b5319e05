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
