"""The progress report as its notebook shows it: the round read from the year, its prose as HTML."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ita_report.config.params import Progress
from ita_report.core.thai import DigitStyle, thai_date
from ita_report.present.html import Html, paragraph, text
from ita_report.reports.common import progress_round, round_label
from ita_report.reports.progress.summaries import DONE, IN_PROGRESS, NOT_STARTED, RoundProgress, progress_at

if TYPE_CHECKING:
    from ita_report.reports.year import Year

NARRATIVE = (("problems", "ปัญหา"), ("obstacles", "อุปสรรค"), ("suggestions", "ข้อเสนอแนะ"))


def round_progress(year: Year) -> RoundProgress:
    """The progress of the year's plan at the end of the round its params name."""
    frame = year.data.frame
    return progress_at(year.plan(), frame("indicator_results"), frame("budget_allocations"), frame("disbursements"),
                       *progress_round(year.params))


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
    label = round_label(progress.fiscal_year, progress.round)
    return Html(paragraph(label, digits, "round-label") + paragraph(sentence, digits))


def progress_narrative(params: Progress, digits: DigitStyle) -> Html:
    """Problems, obstacles and suggestions from the params, each a numbered list."""
    parts = []
    for key, heading in NARRATIVE:
        items = "".join(f"<li>{text(item, digits)}</li>" for item in getattr(params, key))
        parts.append(f"<h3>{escape(heading)}</h3><ol>{items}</ol>")
    return Html("".join(parts))
