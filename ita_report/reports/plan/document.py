"""The measures announcement as a Thai document, in the seed's order and numbering."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ita_report.config.params import Params
from ita_report.present.html import Html
from ita_report.present.render import render_template
from ita_report.records.plan import Plan


def announcement(plan: Plan, params: Params) -> Html:
    """The whole announcement: areas, guidelines, policies, measures and project tables."""
    return Html(
        render_template(
            "announcement.html.j2",
            plan=plan,
            params=params,
            digits=params.digits,
            projects=_projects_by_policy(plan),
        )
    )


def _projects_by_policy(plan: Plan) -> dict[str, list[dict[str, Any]]]:
    indicators = defaultdict(list)
    for row in plan.indicators.itertuples(index=False):
        label = None if row.label is None or str(row.label) == "<NA>" else int(row.label)
        indicators[int(row.project_no)].append({"label": label, "text": row.indicator})
    units = defaultdict(list)
    for row in plan.units.itertuples(index=False):
        units[int(row.project_no)].append(row.unit)
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in plan.projects.itertuples(index=False):
        number = int(row.project_no)
        grouped[row.policy_code].append(
            {
                "project_no": number,
                "name": row.name,
                "budget": float(row.budget),
                "period": row.period,
                "indicators": indicators[number],
                "units": units[number],
            }
        )
    return grouped
