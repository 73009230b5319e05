"""The annual procurement report and analysis in book form: cover, foreword, contents, body, appendix.

A notebook makes the book with one short call per part (`book.summary()`, `book.table("by_method")`,
...). Each part writes its tables under tables/ and returns the HTML the reader sees; a part that
has nothing to show (no procurement, no previous year) says so or shows nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd
from IPython.display import Image

from ita_report.config.params import Params
from ita_report.core.thai import fiscal_year_bounds, thai_date
from ita_report.present.html import Html, paragraph
from ita_report.reports.procurement import charts as charts
from ita_report.reports.procurement import tables as t
from ita_report.reports.procurement.document import (
    TOTAL,
    Section,
    book_table,
    heading,
    in_words,
    left_out,
    no_procurement,
    numbered_list,
    outline,
    render,
    savings_line,
    two_decimals,
    write_table,
)
from ita_report.reports.procurement.flags import DISCLAIMER, FLAGS, flag_counts, flag_details, flag_summary, risk_flags
from ita_report.reports.procurement_monthly.document import monthly_pages
from ita_report.reports.procurement_monthly.summaries import concluded, monthly_summaries
from ita_report.reports.year import Year

__all__ = ["ProcurementBook", "procurement_book"]

REPORT = "procurement"


def procurement_book(year: Year) -> ProcurementBook:
    """The annual procurement report of the year a notebook works on."""
    return ProcurementBook(year)


@dataclass(frozen=True)
class ProcurementBook:
    year: Year

    # --- inputs ----------------------------------------------------------------------------------

    @property
    def params(self) -> Params:
        return self.year.params

    @property
    def digits(self):
        return self.params.digits

    @property
    def fiscal_year(self) -> int:
        return self.params.fiscal_year

    @cached_property
    def records(self) -> pd.DataFrame | None:
        return self.year.data.frame("procurement")

    @cached_property
    def has_records(self) -> bool:
        return len(concluded(self.records)) > 0

    @cached_property
    def previous(self) -> tuple[Params, pd.DataFrame] | None:
        """The previous fiscal year's params and procurement records, when it has records."""
        previous = self.year.previous
        if previous is None or previous[1].frame("procurement") is None:
            return None
        return previous[0], previous[1].frame("procurement")

    @cached_property
    def flags(self) -> pd.DataFrame:
        data = self.year.data
        return risk_flags(self.records, self.params.procurement.flags, data.frame("bids"), data.frame("relations"))

    @cached_property
    def previous_flags(self) -> pd.DataFrame | None:
        """The previous year's flags, by its own thresholds (this year's when it has none)."""
        if self.previous is None:
            return None
        params, records = self.previous
        limits = (params.procurement or self.params.procurement).flags
        data = self.year.previous[1]
        return risk_flags(records, limits, data.frame("bids"), data.frame("relations"))

    @cached_property
    def sections(self) -> list[Section]:
        """The book's chapters and sections, numbered; the comparison only with a previous year."""
        return outline(self.fiscal_year, self.previous is not None)

    # --- front matter ----------------------------------------------------------------------------

    def cover(self) -> Html:
        """The title page."""
        return Html(f'<section class="book-cover">{self.year.cover(REPORT, self.params.procurement.report_date)}'
                    "</section>")

    def foreword(self) -> Html:
        """คำนำ, signed by the office with the report date."""
        start, end = fiscal_year_bounds(self.fiscal_year)
        return self._render(
            "procurement_foreword.html.j2",
            start=thai_date(start, self.digits, with_era=False),
            end=thai_date(end, self.digits, with_era=False),
            report_date=thai_date(self.params.procurement.report_date, self.digits, with_era=False),
            comparison=self.previous is not None,
        )

    def contents(self) -> Html:
        """สารบัญ; in the PDF each entry carries its page number."""
        return self._render("procurement_contents.html.j2", sections=self.sections)

    def heading(self, key: str) -> Html:
        """A chapter or section heading, anchored for the contents; nothing for a part left out."""
        section = next((s for s in self.sections if s.key == key), None)
        return Html("") if section is None else heading(section, self.digits)

    # --- results ---------------------------------------------------------------------------------

    def summary(self) -> Html:
        """The year's totals by status, the savings, and the records left out of the totals."""
        totals = t.procurement_totals(self.records)
        if not self.has_records:
            return Html(self._none() + self._left_out(totals))
        parts = [
            self._para(f"ในปีงบประมาณ พ.ศ. {self.fiscal_year} {self.params.office.name} ดำเนินการจัดซื้อจัดจ้าง"
                       f"ที่ลงนามในสัญญาหรือข้อตกลงแล้ว จำนวน {totals.count:,} โครงการ ดังนี้"),
            self._table("procurement_summary", t.by_status(self.records), total_label=TOTAL),
            self._savings_line(totals),
            self._left_out(totals),
        ]
        return Html("".join(parts))

    def table(self, key: str) -> Html:
        """One of the results tables: by_method, by_month, by_category, by_unit or top_suppliers."""
        if not self.has_records:
            return Html(self._none())
        frame, options = self._result(key)
        return Html(self._table(f"procurement_{key}", frame, **options))

    def chart(self, key: str) -> Image | Html:
        """The chart of a results table, or of the comparison; nothing when there is no data."""
        if key == "comparison":
            if self.previous is None:
                return Html("")
            years = (self.fiscal_year - 1, self.fiscal_year)
            frame = t.compare_by_method(self.previous[1], self.records, years)
            return self.year.chart("procurement_comparison", charts.chart_comparison(frame, years, self.digits))
        if not self.has_records:
            return Html("")
        frame, _ = self._result(key)
        draw = getattr(charts, f"chart_{key}")
        return self.year.chart(f"procurement_{key}", draw(frame, self.digits))

    def _result(self, key: str) -> tuple[pd.DataFrame, dict[str, str]]:
        records = self.records
        results = {
            "by_method": (t.by_method(records), {"total_label": TOTAL}),
            "by_month": (t.by_month(records, self.fiscal_year), {"total_label": TOTAL}),
            "by_category": (t.by_category(records), {"total_label": TOTAL}),
            "by_unit": (t.by_unit(records), {"total_label": TOTAL}),
            "top_suppliers": (t.top_suppliers(records), {
                "note": "ผู้ประกอบการรายเดียวกันที่สะกดชื่อต่างกันนับรวมกันตามเลขประจำตัวผู้เสียภาษีหรือชื่อ"}),
        }
        if key not in results:
            raise ValueError(f"no procurement table {key!r}; expected one of: {', '.join(results)}")
        return results[key]

    # --- comparison --------------------------------------------------------------------------------

    def comparison(self) -> Html:
        """The previous year beside this one: totals, savings and share by method; nothing without one."""
        if self.previous is None:
            return Html("")
        previous = self.fiscal_year - 1
        years = (previous, self.fiscal_year)
        totals = t.compare_totals(self.previous[1], self.records, years)
        parts = [
            self._para(f"เปรียบเทียบผลการจัดซื้อจัดจ้างปีงบประมาณ พ.ศ. {self.fiscal_year} กับปีงบประมาณ พ.ศ. {previous} "
                       "ทั้งจำนวนโครงการ วงเงิน ราคาที่ตกลง และการประหยัดงบประมาณ "
                       "(แถวเพิ่มขึ้น (ลดลง) ของร้อยละเป็นผลต่างของร้อยละ)"),
            self._table("procurement_comparison_totals", totals),
            self._words(f"ราคาที่ตกลงซื้อหรือจ้าง ปีงบประมาณ {previous}", totals[t.AGREED].iloc[0]),
            self._words(f"ราคาที่ตกลงซื้อหรือจ้าง ปีงบประมาณ {self.fiscal_year}", totals[t.AGREED].iloc[1]),
            self._words(f"ประหยัดงบประมาณ ปีงบประมาณ {previous}", totals[t.SAVINGS].iloc[0]),
            self._words(f"ประหยัดงบประมาณ ปีงบประมาณ {self.fiscal_year}", totals[t.SAVINGS].iloc[1]),
            self._para("สัดส่วนตามวิธีซื้อหรือจ้าง"),
            self._table("procurement_comparison_by_method",
                        t.compare_by_method(self.previous[1], self.records, years), total_label=TOTAL),
        ]
        return Html("".join(parts))

    # --- the four analysis parts -------------------------------------------------------------------

    def risk(self) -> Html:
        """(1) Risk: each flag's rule and count, then the records it fired on; never without the disclaimer."""
        counts = flag_counts(self.flags)
        summary = flag_summary(self.flags, self.params.procurement.flags)
        self._csv("procurement_flag_counts", summary)
        details = flag_details(self.flags)
        self._csv("procurement_flags", details)
        flagged = self.flags["egp_id"].nunique() if len(self.flags) else 0
        if not self.has_records:
            intro = self._none() + self._para("จึงไม่มีข้อสังเกตความเสี่ยงในปีงบประมาณนี้")
        else:
            intro = self._para(
                f"จากการตรวจข้อมูลการจัดซื้อจัดจ้างตามเกณฑ์ความเสี่ยง {len(FLAGS)} ข้อ พบรายการที่มีข้อสังเกต "
                f"{flagged:,} รายการ จากทั้งหมด {len(concluded(self.records)):,} รายการ"
            )
        groups = [
            {"title": flag.title, "rows": details.loc[details["ข้อสังเกต"] == flag.title].iloc[:, 1:].values.tolist()}
            for flag in FLAGS
            if counts[flag.code]
        ]
        return self._render(
            "procurement_flags.html.j2",
            intro=intro,
            disclaimer=DISCLAIMER,
            summary=summary,
            detail_columns=list(details.columns[1:]),
            groups=groups,
        )

    def problems(self) -> Html:
        """(2) Problems and limits: what the figures show, then the office's own account."""
        totals = t.procurement_totals(self.records)
        lines = []
        if self.has_records:
            lines = [
                f"การจัดซื้อจัดจ้างในไตรมาสที่ 4 (ก.ค.–ก.ย.) คิดเป็นร้อยละ {two_decimals(t.quarter_share(self.records))} "
                "ของราคาที่ตกลงทั้งปี",
                f"การจัดซื้อจัดจ้างวิธีเฉพาะเจาะจงคิดเป็นร้อยละ {two_decimals(t.direct_share(self.records))} "
                "ของจำนวนโครงการทั้งหมด",
            ]
        lines.append(f"รายการที่ยกเลิก {totals.cancelled:,} รายการ และรายการที่ยังไม่ได้ลงนามในสัญญาหรือข้อตกลง "
                     f"{totals.in_progress:,} รายการ")
        return Html(
            (self._none() if not self.has_records else "")
            + self._para("ข้อมูลที่คำนวณจากผลการจัดซื้อจัดจ้าง")
            + self._list(lines)
            + self._para("ปัญหาและข้อจำกัดที่พบ")
            + self._list(self.params.procurement.narrative.problems)
        )

    def savings(self) -> Html:
        """(3) Ability to save budget: the savings overall and per method, then the office's remarks."""
        parts = []
        if self.has_records:
            parts += [
                self._savings_line(t.procurement_totals(self.records)),
                self._table("procurement_savings_by_method", t.by_method(self.records)[
                    [t.METHOD, t.REFERENCE, t.AGREED, t.SAVINGS, t.SAVINGS_PCT]], total_label=TOTAL),
            ]
        else:
            parts.append(self._none())
        parts += [self._para("ความเห็นของหน่วยงาน"), self._list(self.params.procurement.narrative.savings)]
        return Html("".join(parts))

    def improvements(self) -> Html:
        """(4) Improvements: the previous year's stated improvements beside this year's figures, then
        this year's improvements for the next."""
        years = [self.fiscal_year - 1, self.fiscal_year] if self.previous is not None else [self.fiscal_year]
        years_flags = {self.fiscal_year: (self.records, self.flags)}
        if self.previous is not None:
            years_flags[self.fiscal_year - 1] = (self.previous[1], self.previous_flags)
        figures = t.improvement_figures({year: years_flags[year] for year in years})
        self._csv("procurement_improvement_figures", figures)
        stated = None
        if self.previous is not None and self.previous[0].procurement is not None:
            stated = self.previous[0].procurement.narrative.improvements
        return self._render(
            "procurement_improvements.html.j2",
            previous_year=self.fiscal_year - 1,
            has_previous=self.previous is not None,
            stated=stated,
            figures=figures,
            disclaimer=DISCLAIMER,
            planned=self.params.procurement.narrative.improvements,
        )

    # --- appendix ----------------------------------------------------------------------------------

    def appendix(self) -> Html:
        """The twelve monthly สขร.๑ tables."""
        months = monthly_summaries(self.records, self.year.data.frame("bids"), self.fiscal_year)
        return monthly_pages(months, self.params)

    # --- pieces ------------------------------------------------------------------------------------

    def _render(self, template: str, **context) -> Html:
        return render(template, self.params, **context)

    def _csv(self, name: str, frame: pd.DataFrame) -> None:
        write_table(self.year, name, frame)

    def _table(self, name: str, frame: pd.DataFrame, **options) -> str:
        return book_table(self.year, name, frame, **options)

    def _para(self, value: str) -> str:
        return paragraph(value, self.digits)

    def _list(self, items) -> str:
        return numbered_list(items, self.digits)

    def _words(self, label: str, amount: float) -> str:
        return in_words(label, amount, self.digits)

    def _none(self) -> str:
        return no_procurement(self.fiscal_year, self.digits)

    def _savings_line(self, totals: t.Totals) -> str:
        return savings_line(totals, self.digits)

    def _left_out(self, totals: t.Totals) -> str:
        return left_out(totals, self.digits)
