"""The pieces the annual procurement book is made of: its outline and headings, its paragraphs,
lists and lines of baht in words, its tables as HTML (each written as CSV too) and its templates.

ProcurementBook (book.py) puts them together, one part of the book at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ita_report.config.params import Params
from ita_report.core.thai import DigitStyle, format_baht, format_number, to_arabic_digits
from ita_report.present.html import Html, paragraph, text
from ita_report.present.render import render_template
from ita_report.reports.procurement.tables import PERCENT_PREFIX, Totals

if TYPE_CHECKING:
    from ita_report.reports.year import Year

TOTAL = "รวม"


# --- outline ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    key: str
    level: int  # 2 a chapter, 3 a section of it
    title: str
    number: str = ""

    @property
    def anchor(self) -> str:
        return f"procurement-{self.key}"


def outline(fiscal_year: int, with_comparison: bool) -> list[Section]:
    """The book's chapters and sections, numbered; the comparison only with a previous year."""
    previous, following = fiscal_year - 1, fiscal_year + 1
    parts = [
        ("results", 2, f"ผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. {fiscal_year}"),
        ("summary", 3, "ภาพรวมการจัดซื้อจัดจ้าง"),
        ("by_method", 3, "จำแนกตามวิธีซื้อหรือจ้าง"),
        ("by_month", 3, "จำแนกตามเดือน"),
        ("by_category", 3, "จำแนกตามหมวดงบประมาณและประเภทรายจ่าย"),
        ("by_unit", 3, "จำแนกตามหน่วยงานที่ขอซื้อหรือขอจ้าง"),
        ("top_suppliers", 3, "ผู้ประกอบการที่ได้รับการคัดเลือกสูงสุด ๑๐ อันดับ"),
        ("comparison", 2, f"เปรียบเทียบกับปีงบประมาณ พ.ศ. {previous}"),
        ("analysis", 2, "การวิเคราะห์ผลการจัดซื้อจัดจ้าง"),
        ("risk", 3, "ความเสี่ยงในการจัดซื้อจัดจ้าง"),
        ("problems", 3, "ปัญหาและข้อจำกัดในการจัดซื้อจัดจ้าง"),
        ("savings", 3, "ความสามารถในการประหยัดงบประมาณ"),
        ("improvements", 3, f"แนวทางการปรับปรุงการจัดซื้อจัดจ้างในปีงบประมาณ พ.ศ. {following}"),
        ("appendix", 2, "ภาคผนวก แบบสรุปผลการดำเนินการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)"),
    ]
    numbered, chapter, section = [], 0, 0
    for key, level, title in parts:
        if key == "comparison" and not with_comparison:
            continue
        if key == "appendix":
            numbered.append(Section(key, level, title))
        elif level == 2:
            chapter, section = chapter + 1, 0
            numbered.append(Section(key, level, title, f"บทที่ {chapter}"))
        else:
            section += 1
            numbered.append(Section(key, level, title, f"{chapter}.{section}"))
    return numbered


def heading(section: Section, digits: DigitStyle) -> Html:
    """A chapter or section heading, anchored for the contents."""
    kind = "chapter" if section.level == 2 else "section"
    number = f"{section.number} " if section.number else ""
    return Html(f'<h{section.level} id="{section.anchor}" class="book-{kind}">'
                f"{text(number + section.title, digits)}</h{section.level}>")


# --- text ------------------------------------------------------------------------------------------


def numbered_list(items: Iterable[str], digits: DigitStyle) -> str:
    return '<ol class="book-list">' + "".join(
        f"<li>{text(f'{n}. {item}', digits)}</li>" for n, item in enumerate(items, start=1)) + "</ol>"


def in_words(label: str, amount: float, digits: DigitStyle) -> str:
    """A labelled amount in figures and in words."""
    return f'<p class="total-words">{text(label, digits)} {text(format_baht(amount, digits), digits)}</p>'


def two_decimals(value: float) -> str:
    """A percentage as the book's sentences give it: 12.34."""
    return format_number(value, "arabic", 2)


def no_procurement(fiscal_year: int, digits: DigitStyle) -> str:
    return paragraph(f"ไม่มีการจัดซื้อจัดจ้างในปีงบประมาณ พ.ศ. {fiscal_year}", digits, "para no-procurement")


def savings_line(totals: Totals, digits: DigitStyle) -> str:
    return (
        f'<p class="total-words">{text("ประหยัดงบประมาณได้ (ราคากลาง − ราคาที่ตกลงซื้อหรือจ้าง) ", digits)}'
        f"{text(format_baht(totals.savings, digits), digits)} "
        f"{text(f'คิดเป็นร้อยละ {two_decimals(totals.savings_pct)} ของราคากลาง', digits)}</p>"
    )


def left_out(totals: Totals, digits: DigitStyle) -> str:
    """What the year's figures leave out: cancelled records and those without an agreement yet."""
    if not (totals.cancelled or totals.in_progress):
        return ""
    return paragraph(
        f"ตัวเลขข้างต้นไม่รวมรายการที่ยกเลิก {totals.cancelled:,} รายการ และรายการที่ยังไม่ได้ลงนามในสัญญา"
        f"หรือข้อตกลง {totals.in_progress:,} รายการ ซึ่งไม่มีราคาที่ตกลงซื้อหรือจ้าง",
        digits,
    )


# --- tables and templates --------------------------------------------------------------------------


def with_arabic_digits(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with Arabic digits in its text, as every CSV table holds them."""
    text_columns = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    return frame.assign(**{c: [to_arabic_digits(str(v)) for v in frame[c]] for c in text_columns})


def book_table(year: Year, name: str, frame: pd.DataFrame, **options) -> str:
    """year.table, with percentage columns shown to two decimals and right-aligned."""
    shown = with_arabic_digits(frame)
    positions = []
    for position, column in enumerate(frame.columns, start=1):
        if str(column).startswith(PERCENT_PREFIX):
            shown[column] = [two_decimals(v) for v in frame[column]]
            positions.append(position)
    html = str(year.table(name, shown, **options))
    classes = " ".join(["book-table", *(f"pct-{p}" for p in positions)])
    return f'<div class="{classes}">{html}</div>'


def write_table(year: Year, name: str, frame: pd.DataFrame) -> None:
    """Write a table shown through a template of its own: year.table's HTML is not needed."""
    year.table(name, with_arabic_digits(frame))


def render(template: str, params: Params, **context) -> Html:
    """A template of the book, with the year's params, digits and fiscal year."""
    return Html(render_template(template, digits=params.digits, params=params,
                                fiscal_year=params.fiscal_year, **context))
