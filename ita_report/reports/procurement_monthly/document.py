"""The monthly procurement evidence as its notebook shows it: the สขร.๑ pages and the 16-column list page."""

from __future__ import annotations

from ita_report.config.params import Params
from ita_report.core.thai import DigitStyle, format_number, thai_date
from ita_report.present.html import Html, text
from ita_report.present.render import render_template
from ita_report.reports.procurement_monthly.summaries import MONTHLY_COLUMNS, NO_PROCUREMENT, MonthSummary, list_period


def monthly_pages(months: list[MonthSummary], params: Params) -> Html:
    """The months as pages of แบบ สขร.๑: one landscape page (or more) per month."""
    digits = params.digits
    return Html(
        render_template(
            "procurement_monthly.html.j2",
            months=[
                {
                    "title": month.title(digits),
                    "rows": [
                        [_shown(column, value, digits) for column, value in zip(MONTHLY_COLUMNS, row)]
                        for row in month.table.itertuples(index=False)
                    ],
                }
                for month in months
            ],
            office=params.office.name,
            columns=MONTHLY_COLUMNS,
            digits=digits,
            nothing=NO_PROCUREMENT,
        )
    )


def _shown(column: str, value: object, digits: DigitStyle) -> dict[str, object]:
    """A cell for the template: lines of text, and whether it is a number to right-align."""
    if column.endswith("(บาท)"):
        return {"lines": [format_number(value, digits, 2)], "number": True}
    if column == MONTHLY_COLUMNS[0]:
        return {"lines": [format_number(value, digits)], "number": True}
    return {"lines": str(value).split("\n"), "number": False}


def period_text(params: Params, digits: DigitStyle) -> str:
    """The list's period in words: ๑ ตุลาคม ๒๕๖๐ – ๓๑ มีนาคม ๒๕๖๑."""
    start, end = list_period(params)
    return f"{thai_date(start, digits, with_era=False)} – {thai_date(end, digits, with_era=False)}"


def list_page(params: Params, table: Html) -> Html:
    """The 16-column list under its title and period, on landscape pages."""
    digits = params.digits
    title = (f"รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ ปีงบประมาณ พ.ศ. {params.fiscal_year} "
             f"({period_text(params, digits)})")
    return Html(
        f'<section class="procurement-list"><h2 class="smk1-title">{text(title, digits)}</h2>'
        f'<p class="smk1-office">{text(params.office.name, digits)}</p>{table}</section>'
    )
