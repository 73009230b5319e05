"""Complaint statistics for a period: received, finished and in progress first, then the breakdowns.

Only counts leave this module. The loader drops the complainant's identity and the case detail;
this module also keeps no case number and no `outcome` text: the outcome is written by the office
but is free text that can name the people involved, and the statistics the OIT item asks for
need none of it. A status is the status at the period end, so a complaint finished after the
period counts as in progress, as it was on that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from ita_report.core.thai import (
    DigitStyle,
    apply_digits,
    fiscal_months,
    fiscal_year_bounds,
    half_year_end,
    month_year,
    thai_date,
)
from ita_report.records.datasets import COMPLAINTS
from ita_report.records.vocabulary import FINISHED, IN_PROGRESS
from ita_report.reports.common import ITEM, MONTH, NO_VALUE, QUARTER, percent_text, records

PERIOD_NAMES = {
    "fiscal_year": "ทั้งปีงบประมาณ",
    "first_half": "ครึ่งปีแรก",
    "second_half": "ครึ่งปีหลัง",
    "q1": "ไตรมาสที่ 1",
    "q2": "ไตรมาสที่ 2",
    "q3": "ไตรมาสที่ 3",
    "q4": "ไตรมาสที่ 4",
}
NONE_RECEIVED = "ไม่มีเรื่องร้องเรียน"

# Thai headers of the tables (those shared with other reports are in reports.common)
CASES = "จำนวนเรื่อง"
CASES_FINISHED = "จำนวนแล้วเสร็จ"
CASES_IN_PROGRESS = "จำนวนอยู่ระหว่างดำเนินการ"
CHANNEL = "ช่องทาง"
CATEGORY = "ประเภทเรื่อง"
SUBJECT_UNIT = "หน่วยงานที่ถูกร้องเรียน"
VALUE = "ค่า"
UNIT_OF = "หน่วย"
RECEIVED = "เรื่องร้องเรียนที่ได้รับ"
CHANGE = "เพิ่มขึ้น/ลดลง (เรื่อง)"


def period_bounds(fiscal_year: int, period: str) -> tuple[date, date]:
    """First and last day of a complaint period of a fiscal year."""
    start, end = fiscal_year_bounds(fiscal_year)
    if period == "fiscal_year":
        return start, end
    if period == "first_half":
        return start, half_year_end(fiscal_year)
    if period == "second_half":
        return half_year_end(fiscal_year) + timedelta(days=1), end
    if period in ("q1", "q2", "q3", "q4"):
        months = fiscal_months(fiscal_year)[(int(period[1]) - 1) * 3: int(period[1]) * 3]
        (first_year, first_month), (last_year, last_month) = months[0], months[-1]
        after = date(last_year + last_month // 12, last_month % 12 + 1, 1)
        return date(first_year, first_month, 1), after - timedelta(days=1)
    raise ValueError(f"period must be one of {', '.join(PERIOD_NAMES)}, not {period!r}")


def period_label(fiscal_year: int, period: str, digits: DigitStyle = "arabic") -> str:
    """The period in words: "ครึ่งปีแรก ปีงบประมาณ พ.ศ. 2561 (1 ตุลาคม พ.ศ. 2560 – 31 มีนาคม พ.ศ. 2561)"."""
    start, end = period_bounds(fiscal_year, period)
    name = "" if period == "fiscal_year" else f"{PERIOD_NAMES[period]} "
    label = f"{name}ปีงบประมาณ พ.ศ. {fiscal_year} ({thai_date(start, digits)} – {thai_date(end, digits)})"
    return apply_digits(label, digits)


@dataclass(frozen=True)
class ComplaintPeriod:
    """The complaints received in one period, as they stood on its last day; no case-level text."""

    fiscal_year: int
    period: str
    start: date
    end: date
    target_days: int
    channels: tuple[str, ...]
    categories: tuple[str, ...]
    # received, channel, category, subject_unit, finished (bool, by the period end),
    # days (to finish, when finished), informed (bool, complainant told by the period end)
    cases: pd.DataFrame

    @property
    def received(self) -> int:
        return len(self.cases)

    @property
    def finished(self) -> int:
        return int(self.cases["finished"].sum())

    @property
    def in_progress(self) -> int:
        return self.received - self.finished

    @property
    def within_target(self) -> int:
        return int((self.cases["days"] <= self.target_days).sum())

    @property
    def informed(self) -> int:
        return int((self.cases["finished"] & self.cases["informed"]).sum())


def complaints_in(
    complaints: pd.DataFrame | None,
    fiscal_year: int,
    period: str,
    target_days: int,
    channels: tuple[str, ...] = (),
    categories: tuple[str, ...] = (),
) -> ComplaintPeriod:
    """The complaints received in the period, each with its status and days taken at the period end."""
    start, end = period_bounds(fiscal_year, period)
    rows = records(complaints, COMPLAINTS)
    rows = rows[(rows["received"] >= pd.Timestamp(start)) & (rows["received"] <= pd.Timestamp(end))]
    cutoff = pd.Timestamp(end)
    finished = rows["finished"].notna() & (rows["finished"] <= cutoff)
    days = (rows["finished"] - rows["received"]).dt.days.where(finished)
    cases = pd.DataFrame({
        "received": rows["received"],
        "channel": rows["channel"],
        "category": rows["category"],
        "subject_unit": rows["subject_unit"],
        "finished": finished.astype(bool),
        "days": days.astype(float),
        "informed": (rows["informed"].notna() & (rows["informed"] <= cutoff)).astype(bool),
    }).sort_values("received", kind="stable").reset_index(drop=True)
    return ComplaintPeriod(fiscal_year, period, start, end, target_days, tuple(channels), tuple(categories), cases)


# --- tables -------------------------------------------------------------------------------


def complaint_totals(stats: ComplaintPeriod) -> pd.DataFrame:
    """The OIT minimum: complaints received, finished and in progress at the period end."""
    return pd.DataFrame({
        ITEM: [RECEIVED, FINISHED, IN_PROGRESS],
        CASES: [stats.received, stats.finished, stats.in_progress],
    })


def _counts(cases: pd.DataFrame) -> dict[str, int]:
    finished = int(cases["finished"].sum())
    return {CASES: len(cases), CASES_FINISHED: finished, CASES_IN_PROGRESS: len(cases) - finished}


def _by(stats: ComplaintPeriod, column: str, header: str, values: tuple[str, ...]) -> pd.DataFrame:
    """Counts per value: the listed values in their order (zeros included), then any other seen."""
    cases = stats.cases
    shown = list(dict.fromkeys([*values, *sorted(cases[column].dropna().unique())]))
    return pd.DataFrame(
        [{header: value, **_counts(cases[cases[column] == value])} for value in shown],
        columns=[header, CASES, CASES_FINISHED, CASES_IN_PROGRESS],
    )


def complaints_by_channel(stats: ComplaintPeriod) -> pd.DataFrame:
    """Complaints per channel, every channel of the params listed."""
    return _by(stats, "channel", CHANNEL, stats.channels)


def complaints_by_category(stats: ComplaintPeriod) -> pd.DataFrame:
    """Complaints per category, every category of the params listed."""
    return _by(stats, "category", CATEGORY, stats.categories)


def complaints_by_unit(stats: ComplaintPeriod) -> pd.DataFrame:
    """Complaints per unit complained about, most first; one row saying none when there are none."""
    if stats.cases.empty:
        return pd.DataFrame({SUBJECT_UNIT: [NONE_RECEIVED], CASES: [0], CASES_FINISHED: [0], CASES_IN_PROGRESS: [0]})
    table = _by(stats, "subject_unit", SUBJECT_UNIT, ())
    return table.sort_values([CASES, SUBJECT_UNIT], ascending=[False, True], kind="stable").reset_index(drop=True)


def _months(stats: ComplaintPeriod) -> list[tuple[int, int]]:
    first, last = (stats.start.year, stats.start.month), (stats.end.year, stats.end.month)
    return [ym for ym in fiscal_months(stats.fiscal_year) if first <= ym <= last]


def _received_in(cases: pd.DataFrame, months: list[tuple[int, int]]) -> pd.DataFrame:
    received = cases["received"]
    inside = [key in months for key in zip(received.dt.year, received.dt.month)]
    return cases[pd.Series(inside, index=cases.index, dtype=bool)]


def complaints_by_month(stats: ComplaintPeriod) -> pd.DataFrame:
    """Complaints received in each month of the period, with their status at the period end."""
    return pd.DataFrame(
        [{MONTH: month_year(y, m, "arabic"), **_counts(_received_in(stats.cases, [(y, m)]))} for y, m in _months(stats)],
        columns=[MONTH, CASES, CASES_FINISHED, CASES_IN_PROGRESS],
    )


def complaints_by_quarter(stats: ComplaintPeriod) -> pd.DataFrame:
    """Complaints received in each fiscal quarter of the period, with their status at the period end."""
    months = fiscal_months(stats.fiscal_year)
    in_period = set(_months(stats))
    rows = []
    for quarter in range(1, 5):
        quarter_months = [ym for ym in months[(quarter - 1) * 3: quarter * 3] if ym in in_period]
        if quarter_months:
            rows.append({QUARTER: quarter, **_counts(_received_in(stats.cases, quarter_months))})
    return pd.DataFrame(rows, columns=[QUARTER, CASES, CASES_FINISHED, CASES_IN_PROGRESS])


def _number(value: float) -> object:
    return int(value) if float(value).is_integer() else float(value)


def complaint_handling(stats: ComplaintPeriod) -> pd.DataFrame:
    """Days to finish (median, longest), share within the target, and complainants told of the outcome."""
    days = stats.cases["days"].dropna()
    target = stats.target_days
    rows = [
        ("เรื่องที่ดำเนินการแล้วเสร็จ", stats.finished, "เรื่อง"),
        ("ระยะเวลาดำเนินการ (มัธยฐาน)", NO_VALUE if days.empty else _number(days.median()), "วัน"),
        ("ระยะเวลาดำเนินการนานที่สุด", NO_VALUE if days.empty else _number(days.max()), "วัน"),
        (f"แล้วเสร็จภายใน {target} วัน", stats.within_target, "เรื่อง"),
        (f"ร้อยละของเรื่องที่แล้วเสร็จภายใน {target} วัน", percent_text(stats.within_target, stats.finished), "ร้อยละ"),
        ("แจ้งผลการดำเนินการให้ผู้ร้องเรียนทราบแล้ว", stats.informed, "เรื่อง"),
        ("ร้อยละของเรื่องที่แล้วเสร็จที่แจ้งผลผู้ร้องเรียนแล้ว", percent_text(stats.informed, stats.finished), "ร้อยละ"),
    ]
    return pd.DataFrame(rows, columns=[ITEM, VALUE, UNIT_OF], dtype=object)


def _year_header(fiscal_year: int) -> str:
    return f"ปีงบประมาณ พ.ศ. {fiscal_year} (เรื่อง)"


def complaint_comparison(stats: ComplaintPeriod, previous: ComplaintPeriod | None) -> pd.DataFrame:
    """This period beside the same period of the previous fiscal year, when there are records of it."""
    items = [
        (RECEIVED, "received"),
        (FINISHED, "finished"),
        (IN_PROGRESS, "in_progress"),
        (f"แล้วเสร็จภายใน {stats.target_days} วัน", "within_target"),
    ]
    table = pd.DataFrame({ITEM: [label for label, _ in items]})
    if previous is not None:
        table[_year_header(previous.fiscal_year)] = [getattr(previous, key) for _, key in items]
    table[_year_header(stats.fiscal_year)] = [getattr(stats, key) for _, key in items]
    if previous is not None:
        table[CHANGE] = [getattr(stats, key) - getattr(previous, key) for _, key in items]
    return table

