"""The budget report as its notebook shows it: the round read from the year, its prose as HTML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ita_report.core.thai import DigitStyle, format_baht, thai_date
from ita_report.present.html import Html, paragraph
from ita_report.reports.budget.summaries import MONTHS_IN_YEAR, BudgetExecution, budget_execution
from ita_report.reports.common import NO_VALUE, percent_text, progress_round, round_label

if TYPE_CHECKING:
    from ita_report.reports.year import Year


def round_budget(year: Year) -> BudgetExecution:
    """The year's budget execution over the round its progress params name."""
    frame = year.data.frame
    return budget_execution(year.plan(), frame("budget_allocations"), frame("disbursements"),
                            *progress_round(year.params))


def budget_intro(execution: BudgetExecution, digits: DigitStyle) -> Html:
    """The round, and the headline: allocated, paid and the rate against the even-spending line."""
    allocated, spent = execution.allocated, execution.spent
    rate = percent_text(spent, allocated)
    sentence = (
        f"ณ วันที่ {thai_date(execution.end, digits)} ได้รับจัดสรรงบประมาณรวม {format_baht(allocated, digits)} "
        f"เบิกจ่ายแล้ว {format_baht(spent, digits)}"
    )
    if rate != NO_VALUE:
        sentence += (
            f" คิดเป็นร้อยละ {rate} ของงบประมาณที่ได้รับจัดสรร "
            f"(แผนใช้จ่ายเฉลี่ยเท่ากันทุกเดือน ณ สิ้นรอบ ร้อยละ {percent_text(len(execution.months()), MONTHS_IN_YEAR)})"
        )
    label = round_label(execution.fiscal_year, execution.round)
    return Html(paragraph(label, digits, "round-label") + paragraph(sentence, digits))
