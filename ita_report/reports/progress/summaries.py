"""Progress of the plan at the end of a round: each project's status as its indicators' dates show it.

The status column of the records says where an indicator stands today; a report for a past
round must say where it stood then. So statuses here come from the dates alone: an indicator
finished by the round end is done, one started by then is in progress, any other is not started.
A project is done when every indicator is done and not started when none has started.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

import pandas as pd

from ita_report.core.thai import thai_date
from ita_report.records.datasets import INDICATOR_RESULTS
from ita_report.records.plan import Plan
from ita_report.records.vocabulary import FINISHED as DONE
from ita_report.records.vocabulary import IN_PROGRESS, NOT_STARTED
from ita_report.reports.common import (
    ALLOCATED,
    AREA,
    INDICATORS,
    NO_VALUE,
    POLICY,
    PROJECT,
    PROJECT_NO,
    PROJECTS,
    UNIT,
    USED,
    Round,
    per_area,
    percent_text,
    plan_areas,
    records,
    round_money,
    under_headers,
)

STATUSES = (DONE, IN_PROGRESS, NOT_STARTED)  # the order every table shows them in

# Thai headers of the tables (those shared with other reports are in reports.common)
STATUS = "สถานะ ณ สิ้นรอบ"
SHARE = "ร้อยละ"
INDICATORS_DONE = "จำนวนตัวชี้วัดที่แล้วเสร็จ"
INDICATOR = "ตัวชี้วัด"
TARGET = "ค่าเป้าหมาย"
TARGET_UNIT = "หน่วยนับ"
COUNT_OF = {DONE: "จำนวนแล้วเสร็จ", IN_PROGRESS: "จำนวนอยู่ระหว่างดำเนินการ", NOT_STARTED: "จำนวนยังไม่ดำเนินการ"}


def plain_number(value: object) -> object:
    """A figure for a table cell: whole numbers without decimals, "-" when empty."""
    if value is None or pd.isna(value):
        return NO_VALUE
    number = float(value)
    return int(number) if number.is_integer() else number


def status_at(started: pd.Series, finished: pd.Series, end: date) -> pd.Series:
    """The status of each indicator on the day `end`, from its dates only."""
    cutoff = pd.Timestamp(end)
    done = finished.notna() & (finished <= cutoff)
    begun = started.notna() & (started <= cutoff)
    return pd.Series(
        [DONE if d else IN_PROGRESS if b else NOT_STARTED for d, b in zip(done, begun)],
        index=started.index,
        dtype=object,
    )


def project_status(indicator_statuses: list[str]) -> str:
    """Done when every indicator is done, not started when none has started, else in progress."""
    if indicator_statuses and all(s == DONE for s in indicator_statuses):
        return DONE
    if all(s == NOT_STARTED for s in indicator_statuses):
        return NOT_STARTED
    return IN_PROGRESS


@dataclass(frozen=True)
class RoundProgress(Round):
    """Where every project and indicator of the plan stood at the end of a round."""

    # project_no, seq, indicator, target, target_unit, result, status
    indicators: pd.DataFrame
    # project_no, name, area_no, policy_code, allocated, spent (baht), indicators, indicators_done, status
    projects: pd.DataFrame
    units: pd.DataFrame  # project_no, unit
    areas: tuple[tuple[int, str], ...]  # (number, name) in the plan's order
    policies: tuple[tuple[int, str], ...]  # (area number, policy code) in the plan's order


def progress_at(
    plan: Plan,
    results: pd.DataFrame | None,
    allocations: pd.DataFrame | None,
    disbursements: pd.DataFrame | None,
    fiscal_year: int,
    round: str,
) -> RoundProgress:
    """Status, indicator results and money of each project of the plan at the end of the round."""
    period, projects, _ = round_money(plan, allocations, disbursements, fiscal_year, round)
    indicators = _indicators_at(plan, records(results, INDICATOR_RESULTS), round, period.end)
    statuses = indicators.groupby("project_no")["status"].agg(list).to_dict()
    of_project = [statuses.get(no, []) for no in projects["project_no"]]
    return RoundProgress(
        **asdict(period),
        indicators=indicators,
        projects=projects.assign(
            indicators=[len(s) for s in of_project],
            indicators_done=[s.count(DONE) for s in of_project],
            status=[project_status(s) for s in of_project],
        ),
        units=plan.units.assign(project_no=plan.units["project_no"].astype(int))[["project_no", "unit"]],
        areas=plan_areas(plan),
        policies=tuple((area.number, policy.code) for area, policy in plan.policies()),
    )


def _indicators_at(plan: Plan, results: pd.DataFrame, round: str, end: date) -> pd.DataFrame:
    """Every indicator of the plan with its result and status; one without a record has not started."""
    planned = plan.indicators.assign(
        project_no=plan.indicators["project_no"].astype(int),
        seq=plan.indicators.groupby("project_no").cumcount() + 1,
    )[["project_no", "seq", "indicator"]]
    results = results.assign(project_no=results["project_no"].astype(int), seq=results["indicator_seq"].astype(int))
    merged = planned.merge(
        results[["project_no", "seq", "target", "target_unit", "result_6m", "result_12m", "started", "finished"]],
        on=["project_no", "seq"],
        how="left",
    )
    result = merged["result_6m" if round == "six_months" else "result_12m"]
    return pd.DataFrame({
        "project_no": merged["project_no"],
        "seq": merged["seq"],
        "indicator": merged["indicator"],
        "target": merged["target"],
        "target_unit": merged["target_unit"],
        "result": result,
        "status": status_at(merged["started"], merged["finished"], end),
    })


# --- tables -------------------------------------------------------------------------------


def progress_summary(progress: RoundProgress) -> pd.DataFrame:
    """Projects, their share, allocated and used baht per status at the round end."""
    projects = progress.projects
    total = len(projects)
    rows = []
    for status in STATUSES:
        chosen = projects[projects["status"] == status]
        rows.append({
            STATUS: status,
            PROJECTS: len(chosen),
            SHARE: percent_text(len(chosen), total),
            ALLOCATED: float(chosen["allocated"].sum()),
            USED: float(chosen["spent"].sum()),
        })
    return pd.DataFrame(rows)


def indicator_summary(progress: RoundProgress) -> pd.DataFrame:
    """Indicators and their share per status at the round end."""
    statuses = progress.indicators["status"]
    return pd.DataFrame({
        STATUS: list(STATUSES),
        INDICATORS: [int((statuses == s).sum()) for s in STATUSES],
        SHARE: [percent_text(int((statuses == s).sum()), len(statuses)) for s in STATUSES],
    })


def _status_counts(projects: pd.DataFrame) -> dict[str, object]:
    counts: dict[str, object] = {PROJECTS: len(projects)}
    counts.update({COUNT_OF[s]: int((projects["status"] == s).sum()) for s in STATUSES})
    counts[ALLOCATED] = float(projects["allocated"].sum())
    counts[USED] = float(projects["spent"].sum())
    return counts


def progress_by_area(progress: RoundProgress) -> pd.DataFrame:
    """Per area (ด้าน): projects per status, allocated and used baht."""
    return per_area(progress.projects, progress.areas, _status_counts)


def progress_by_policy(progress: RoundProgress) -> pd.DataFrame:
    """Per policy: projects per status, allocated and used baht."""
    projects = progress.projects
    return pd.DataFrame([
        {AREA: area, POLICY: code, **_status_counts(projects[projects["policy_code"] == code])}
        for area, code in progress.policies
    ])


def progress_by_unit(progress: RoundProgress) -> pd.DataFrame:
    """Per responsible unit: projects per status and money; a shared project counts for each unit."""
    joined = progress.units.merge(progress.projects, on="project_no")
    units = list(dict.fromkeys(joined["unit"]))
    table = pd.DataFrame([{UNIT: unit, **_status_counts(joined[joined["unit"] == unit])} for unit in units])
    return table.sort_values([PROJECTS, UNIT], ascending=[False, True], kind="stable").reset_index(drop=True)


def progress_projects(progress: RoundProgress) -> pd.DataFrame:
    """Every project with its status at the round end, indicators done, allocated and used baht."""
    return under_headers(progress.projects, {
        PROJECT_NO: "project_no",
        PROJECT: "name",
        STATUS: "status",
        INDICATORS: "indicators",
        INDICATORS_DONE: "indicators_done",
        ALLOCATED: "allocated",
        USED: "spent",
    })


def result_header(progress: RoundProgress) -> str:
    """The header of the result column: the result as at the round end."""
    return f"ผล ณ {thai_date(progress.end, 'arabic', abbreviated=True)}"


def progress_indicators(progress: RoundProgress) -> pd.DataFrame:
    """Every indicator with its target, result at the round end and status; "-" where none is reported."""
    i = progress.indicators
    return pd.DataFrame({
        PROJECT_NO: i["project_no"].to_list(),
        INDICATOR: i["indicator"].to_list(),
        TARGET: [plain_number(v) for v in i["target"]],
        result_header(progress): [plain_number(v) for v in i["result"]],
        TARGET_UNIT: [NO_VALUE if pd.isna(v) else v for v in i["target_unit"]],
        STATUS: i["status"].to_list(),
    }, dtype=object)
