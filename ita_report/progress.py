"""Progress of the plan at the end of a round: each project's status as its indicators' dates show it.

The status column of the records says where an indicator stands today; a report for a past
round must say where it stood then. So statuses here come from the dates alone: an indicator
finished by the round end is done, one started by then is in progress, any other is not started.
A project is done when every indicator is done and not started when none has started.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from html import escape
from typing import TYPE_CHECKING

import pandas as pd

from .datasets import BUDGET as BUDGET_DATASET
from .datasets import DISBURSEMENTS, INDICATOR_RESULTS
from .params import Progress
from .plan import Plan
from .present import Html, text
from .thai import DigitStyle, apply_digits, fiscal_year_bounds, half_year_end, thai_date

if TYPE_CHECKING:
    from .context import Year

DONE = "ดำเนินการแล้วเสร็จ"
IN_PROGRESS = "อยู่ระหว่างดำเนินการ"
NOT_STARTED = "ยังไม่ดำเนินการ"
STATUSES = (DONE, IN_PROGRESS, NOT_STARTED)  # the order every table shows them in

ROUND_NAMES = {"six_months": "รอบ 6 เดือน", "annual": "รอบ 12 เดือน"}
NO_VALUE = "-"  # a cell with nothing to show: no result reported, or a rate of nothing

# Thai headers of the tables
STATUS = "สถานะ ณ สิ้นรอบ"
PROJECT_NO = "โครงการที่"
PROJECT = "โครงการ/กิจกรรม"
AREA = "ด้าน"
AREA_NAME = "ชื่อด้าน"
POLICY = "นโยบาย"
UNIT = "หน่วยงานรับผิดชอบ"
PROJECTS = "จำนวนโครงการ"
SHARE = "ร้อยละ"
INDICATORS = "จำนวนตัวชี้วัด"
INDICATORS_DONE = "จำนวนตัวชี้วัดที่แล้วเสร็จ"
INDICATOR = "ตัวชี้วัด"
TARGET = "ค่าเป้าหมาย"
TARGET_UNIT = "หน่วยนับ"
ALLOCATED = "งบประมาณที่ได้รับจัดสรร (บาท)"
USED = "เบิกจ่าย (บาท)"
COUNT_OF = {DONE: "จำนวนแล้วเสร็จ", IN_PROGRESS: "จำนวนอยู่ระหว่างดำเนินการ", NOT_STARTED: "จำนวนยังไม่ดำเนินการ"}


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


def percent(part: float, whole: float) -> str:
    """A share in per cent with one decimal, rounded half up, as text; "-" when the whole is 0."""
    if not whole:
        return NO_VALUE
    share = (Decimal(str(part)) * 100 / Decimal(str(whole))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{share:.1f}"


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


def records(frame: pd.DataFrame | None, dataset) -> pd.DataFrame:
    """A dataset's records, or no rows with its columns when the year has no such file."""
    if frame is not None:
        return frame
    return pd.DataFrame({c.name: pd.Series(dtype="datetime64[ns]" if c.kind == "date" else object)
                         for c in dataset.public_columns})


def spent_by_project(disbursements: pd.DataFrame | None, start: date, end: date) -> pd.Series:
    """Baht paid per project from `start` to `end`, both days included."""
    paid = records(disbursements, DISBURSEMENTS)
    within = paid[(paid["paid_on"] >= pd.Timestamp(start)) & (paid["paid_on"] <= pd.Timestamp(end))]
    return within.groupby(within["project_no"].astype(int))["amount"].sum().astype(float)


def allocated_by_project(allocations: pd.DataFrame | None) -> pd.Series:
    """Baht allocated per project; a project without a row was allocated nothing."""
    rows = records(allocations, BUDGET_DATASET)
    return rows.groupby(rows["project_no"].astype(int))["allocated"].sum().astype(float)


@dataclass(frozen=True)
class RoundProgress:
    """Where every project and indicator of the plan stood at the end of a round."""

    fiscal_year: int
    round: str
    start: date
    end: date
    # project_no, seq, indicator, target, target_unit, result, status
    indicators: pd.DataFrame
    # project_no, name, area_no, policy_code, indicators, indicators_done, status, allocated, used
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
    start, end = round_bounds(fiscal_year, round)
    indicators = _indicators_at(plan, records(results, INDICATOR_RESULTS), round, end)
    statuses = indicators.groupby("project_no")["status"].agg(list)
    allocated = allocated_by_project(allocations)
    used = spent_by_project(disbursements, start, end)
    numbers = plan.projects["project_no"].astype(int)
    projects = pd.DataFrame({
        "project_no": numbers.to_list(),
        "name": plan.projects["name"].to_list(),
        "area_no": plan.projects["area_no"].astype(int).to_list(),
        "policy_code": plan.projects["policy_code"].to_list(),
        "indicators": [len(statuses.get(no, [])) for no in numbers],
        "indicators_done": [statuses.get(no, []).count(DONE) for no in numbers],
        "status": [project_status(statuses.get(no, [])) for no in numbers],
        "allocated": [float(allocated.get(no, 0.0)) for no in numbers],
        "used": [float(used.get(no, 0.0)) for no in numbers],
    })
    return RoundProgress(
        fiscal_year,
        round,
        start,
        end,
        indicators,
        projects,
        plan.units.assign(project_no=plan.units["project_no"].astype(int))[["project_no", "unit"]],
        tuple((area.number, area.name) for area in plan.areas),
        tuple((area.number, policy.code) for area, policy in plan.policies()),
    )


def round_progress(year: Year) -> RoundProgress:
    """The progress of the year's plan at the end of the round its params name."""
    data = year.data
    return progress_at(
        year.plan(),
        data.frame("indicator_results"),
        data.frame("budget_allocations"),
        data.frame("disbursements"),
        year.params.fiscal_year,
        year.params.progress.round,
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
            SHARE: percent(len(chosen), total),
            ALLOCATED: float(chosen["allocated"].sum()),
            USED: float(chosen["used"].sum()),
        })
    return pd.DataFrame(rows)


def indicator_summary(progress: RoundProgress) -> pd.DataFrame:
    """Indicators and their share per status at the round end."""
    statuses = progress.indicators["status"]
    return pd.DataFrame({
        STATUS: list(STATUSES),
        INDICATORS: [int((statuses == s).sum()) for s in STATUSES],
        SHARE: [percent(int((statuses == s).sum()), len(statuses)) for s in STATUSES],
    })


def _status_counts(projects: pd.DataFrame) -> dict[str, object]:
    counts: dict[str, object] = {PROJECTS: len(projects)}
    counts.update({COUNT_OF[s]: int((projects["status"] == s).sum()) for s in STATUSES})
    counts[ALLOCATED] = float(projects["allocated"].sum())
    counts[USED] = float(projects["used"].sum())
    return counts


def progress_by_area(progress: RoundProgress) -> pd.DataFrame:
    """Per area (ด้าน): projects per status, allocated and used baht."""
    projects = progress.projects
    return pd.DataFrame([
        {AREA: number, AREA_NAME: name, **_status_counts(projects[projects["area_no"] == number])}
        for number, name in progress.areas
    ])


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
    p = progress.projects
    return pd.DataFrame({
        PROJECT_NO: p["project_no"].to_list(),
        PROJECT: p["name"].to_list(),
        STATUS: p["status"].to_list(),
        INDICATORS: p["indicators"].to_list(),
        INDICATORS_DONE: p["indicators_done"].to_list(),
        ALLOCATED: p["allocated"].to_list(),
        USED: p["used"].to_list(),
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


# --- prose --------------------------------------------------------------------------------


def progress_intro(progress: RoundProgress, digits: DigitStyle) -> Html:
    """The round and its headline: projects done, in progress and not started at its end."""
    counts = progress.projects["status"].value_counts()
    total = len(progress.projects)
    sentence = (
        f"ณ วันที่ {thai_date(progress.end, digits)} มีโครงการ/กิจกรรมทั้งหมด {total} โครงการ "
        f"ดำเนินการแล้วเสร็จ {counts.get(DONE, 0)} โครงการ "
        f"อยู่ระหว่างดำเนินการ {counts.get(IN_PROGRESS, 0)} โครงการ "
        f"และยังไม่ดำเนินการ {counts.get(NOT_STARTED, 0)} โครงการ"
    )
    return Html(
        f'<p class="round-label">{text(round_label(progress.fiscal_year, progress.round), digits)}</p>'
        f'<p class="para">{text(sentence, digits)}</p>'
    )


NARRATIVE = (("problems", "ปัญหา"), ("obstacles", "อุปสรรค"), ("suggestions", "ข้อเสนอแนะ"))


def progress_narrative(params: Progress, digits: DigitStyle) -> Html:
    """Problems, obstacles and suggestions from the params, each a numbered list."""
    parts = []
    for key, heading in NARRATIVE:
        items = "".join(f"<li>{text(item, digits)}</li>" for item in getattr(params, key))
        parts.append(f"<h3>{escape(heading)}</h3><ol>{items}</ol>")
    return Html("".join(parts))
