"""The reports a year can build: one notebook each, named in params `reports:`."""

from __future__ import annotations

from .paths import NOTEBOOKS_DIR
from .thai import apply_digits

TITLES = {
    "plan": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "procurement_monthly": "สรุปผลการดำเนินการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)",
    "procurement": "รายงานผลการจัดซื้อจัดจ้างและการวิเคราะห์ผลการจัดซื้อจัดจ้าง",
    "progress": "รายงานการกำกับติดตามการดำเนินงานตามแผน",
    "budget": "รายงานผลการใช้จ่ายงบประมาณ",
    "complaints": "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
}

EXAMPLE_BANNER = "ข้อมูลตัวอย่าง – ไม่ใช่ข้อมูลจริง"


def notebook_of(report: str):
    return NOTEBOOKS_DIR / f"{report}.ipynb"


def title_of(report: str, fiscal_year: int, digits: str = "arabic") -> str:
    return apply_digits(f"{TITLES[report]} ปีงบประมาณ พ.ศ. {fiscal_year}", digits)
