"""Procurement risk flags: rules an office can run on its own records (domain.md §5).

A flag marks a risk to look at, not proof of wrongdoing; every page that shows flags says so
(DISCLAIMER). This module names the flags and runs them; each flag's rule is a function of
`checks`. What leaves here is data: the records each flag fired on, counts, and the tables of
the report's risk part.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ita_report.config.params import Flags
from ita_report.reports.common import baht_amount
from ita_report.reports.procurement.checks import (
    REASON,
    Check,
    agreed_at_or_above_reference,
    contract_splitting,
    identical_bids,
    low_winning_bid,
    reference_above_budget,
    related_supplier,
    supplier_concentration,
    threshold_text,
    too_few_bidders,
    year_end_direct,
)

__all__ = [
    "DISCLAIMER",
    "FLAGS",
    "Flag",
    "flag_counts",
    "flag_criteria",
    "flag_details",
    "flag_summary",
    "risk_flags",
]

DISCLAIMER = (
    "ข้อสังเกตนี้เป็นความเสี่ยงที่ควรตรวจสอบ ไม่ใช่ข้อพิสูจน์ว่ามีการทุจริต "
    "ข้อสังเกตคำนวณจากข้อมูลการจัดซื้อจัดจ้างตามเกณฑ์ที่กำหนดไว้ล่วงหน้า "
    "และต้องตรวจสอบข้อเท็จจริงประกอบก่อนสรุปผลทุกครั้ง"
)


@dataclass(frozen=True)
class Flag:
    code: str
    title: str  # Thai, as the reports show it
    check: Check


FLAGS: tuple[Flag, ...] = (
    Flag("year_end", "จัดซื้อจัดจ้างวิธีเฉพาะเจาะจงกระจุกตัวช่วงปลายปีงบประมาณ", year_end_direct),
    Flag("splitting", "อาจแบ่งซื้อแบ่งจ้าง", contract_splitting),
    Flag("few_bidders", "ผู้เสนอราคาน้อยกว่าเกณฑ์", too_few_bidders),
    Flag("above_reference", "ราคาที่ตกลงไม่ต่ำกว่าราคากลาง", agreed_at_or_above_reference),
    Flag("reference_over_budget", "ราคากลางสูงกว่าวงเงินงบประมาณ", reference_above_budget),
    Flag("identical_bids", "ผู้เสนอราคาต่างรายเสนอราคาเท่ากัน", identical_bids),
    Flag("supplier_share", "ผู้ประกอบการรายเดียวได้รับงานในสัดส่วนสูง", supplier_concentration),
    Flag("low_bid", "ราคาผู้ชนะต่ำกว่าผู้เสนอราคารายอื่นมาก", low_winning_bid),
    Flag("related_supplier", "ผู้ได้รับการคัดเลือกตรงกับผู้เกี่ยวข้องที่เจ้าหน้าที่แจ้งไว้", related_supplier),
)


def risk_flags(
    procurement: pd.DataFrame | None,
    limits: Flags,
    bids: pd.DataFrame | None = None,
    relations: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every flag's records, flag by flag, with columns `flag`, `flag_title` and `flag_reason`."""
    parts = []
    if procurement is not None and not procurement.empty:
        for flag in FLAGS:
            fired = flag.check(procurement, limits, bids=bids, relations=relations)
            if not fired.empty:
                parts.append(fired.assign(flag=flag.code, flag_title=flag.title))
    if not parts:
        return pd.DataFrame(columns=["flag", "flag_title", "egp_id", "item", "supplier", "agreed_price", REASON])
    return pd.concat(parts)


def flag_counts(flags: pd.DataFrame) -> dict[str, int]:
    """Records fired on per flag code, every flag listed (0 where none)."""
    counted = flags["flag"].value_counts() if len(flags) else {}
    return {flag.code: int(counted.get(flag.code, 0)) for flag in FLAGS}


def flag_criteria(limits: Flags) -> dict[str, str]:
    """Each flag's rule in Thai with the year's thresholds, for the reader to judge it by."""
    return {
        "year_end": (
            f"จัดซื้อจัดจ้างวิธีเฉพาะเจาะจงใน {limits.year_end_days} วันสุดท้ายของปีงบประมาณ "
            f"รวมเกิน{threshold_text(limits.year_end_share)} ของราคาที่ตกลงวิธีเฉพาะเจาะจงทั้งปี"
        ),
        "splitting": (
            f"วิธีเฉพาะเจาะจงประเภทรายจ่ายเดียวกันจากผู้ประกอบการรายเดียวกันภายใน {limits.splitting_window_days} วัน "
            f"แต่ละรายการไม่เกิน {baht_amount(limits.direct_limit)} แต่รวมกันเกิน"
        ),
        "few_bidders": (
            f"วิธีประกาศเชิญชวนทั่วไปหรือวิธีคัดเลือกที่มีผู้เสนอราคาน้อยกว่า {limits.min_bidders} ราย"
        ),
        "above_reference": "ราคาที่ตกลงเท่ากับหรือสูงกว่าราคากลาง",
        "reference_over_budget": "ราคากลางสูงกว่าวงเงินงบประมาณ",
        "identical_bids": "ผู้เสนอราคาต่างรายเสนอราคาเท่ากันในโครงการเดียวกัน",
        "supplier_share": f"ผู้ประกอบการรายเดียวได้รับเกิน{threshold_text(limits.supplier_share)} ของราคาที่ตกลงทั้งหมด",
        "low_bid": f"ราคาของผู้ชนะต่ำกว่า{threshold_text(limits.low_bid_ratio)} ของราคาต่ำสุดถัดไป",
        "related_supplier": (
            "ผู้ได้รับการคัดเลือกมีชื่อ เลขประจำตัวผู้เสียภาษี หรือที่อยู่ตรงกับผู้เกี่ยวข้อง"
            "ที่เจ้าหน้าที่ผู้ดำเนินการแจ้งไว้"
        ),
    }


def flag_summary(flags: pd.DataFrame, limits: Flags) -> pd.DataFrame:
    """Every flag with its rule (the year's thresholds in it) and how many records it fired on."""
    counts = flag_counts(flags)
    criteria = flag_criteria(limits)
    return pd.DataFrame({
        "ข้อสังเกต": [flag.title for flag in FLAGS],
        "เกณฑ์": [criteria[flag.code] for flag in FLAGS],
        "จำนวนรายการ": [counts[flag.code] for flag in FLAGS],
    })


def flag_details(flags: pd.DataFrame) -> pd.DataFrame:
    """The records the flags fired on, flag by flag: what was bought, from whom, for how much, and why."""
    return pd.DataFrame({
        "ข้อสังเกต": flags["flag_title"].tolist(),
        "เลขที่โครงการ e-GP": flags["egp_id"].tolist(),
        "งานที่จัดซื้อหรือจัดจ้าง": flags["item"].tolist(),
        "ผู้ได้รับการคัดเลือก": flags["supplier"].fillna("").tolist() if len(flags) else [],
        "ราคาที่ตกลงซื้อหรือจ้าง (บาท)": flags["agreed_price"].astype(float).tolist(),
        "รายละเอียด": flags["flag_reason"].tolist(),
    })
