"""The complaints report as its notebook shows it: the periods read from the year, its prose as HTML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ita_report.core.thai import DigitStyle, thai_date
from ita_report.present.html import Html, paragraph
from ita_report.reports.complaints.summaries import NONE_RECEIVED, ComplaintPeriod, complaints_in, period_label

if TYPE_CHECKING:
    from ita_report.reports.year import Year


def complaint_statistics(year: Year) -> ComplaintPeriod:
    """The year's complaints in the period its params name."""
    params = year.params
    return complaints_in(
        year.data.frame("complaints"),
        params.fiscal_year,
        params.complaints.period,
        params.complaints.target_days,
        tuple(params.lists.complaint_channels),
        tuple(params.lists.complaint_categories),
    )


def previous_complaint_statistics(year: Year) -> ComplaintPeriod | None:
    """The same period of the previous fiscal year, or None when that year has no complaint records."""
    previous = year.previous
    if previous is None or previous[1].frame("complaints") is None:
        return None
    params = year.params
    return complaints_in(
        previous[1].frame("complaints"),
        params.fiscal_year - 1,
        params.complaints.period,
        params.complaints.target_days,
    )


def complaint_statement(stats: ComplaintPeriod, digits: DigitStyle) -> Html:
    """The period and its headline sentence; "ไม่มีเรื่องร้องเรียน" when nothing was received."""
    label = period_label(stats.fiscal_year, stats.period)
    if stats.received == 0:
        return Html(paragraph(f"ในช่วง{label} {NONE_RECEIVED}", digits, "para none-received"))
    sentence = (
        f"ในช่วง{label} ได้รับเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ {stats.received} เรื่อง "
        f"ณ วันที่ {thai_date(stats.end, 'arabic')} ดำเนินการแล้วเสร็จ {stats.finished} เรื่อง "
        f"อยู่ระหว่างดำเนินการ {stats.in_progress} เรื่อง"
    )
    return Html(paragraph(sentence, digits))


def complaint_comparison_note(stats: ComplaintPeriod, previous: ComplaintPeriod | None) -> str:
    """The note under the comparison table: what it compares, or why there is none."""
    if previous is None:
        return f"ไม่มีข้อมูลเรื่องร้องเรียนของปีงบประมาณ พ.ศ. {stats.fiscal_year - 1} จึงแสดงเฉพาะปีนี้"
    return (
        f"เปรียบเทียบกับช่วงเวลาเดียวกันของปีงบประมาณ พ.ศ. {previous.fiscal_year} "
        f"({thai_date(previous.start, 'arabic')} – {thai_date(previous.end, 'arabic')}) "
        "สถานะของแต่ละปีนับ ณ วันสิ้นสุดช่วงเวลาของปีนั้น"
    )
