"""Procurement evidence of a fiscal year: the monthly สขร.๑ tables and the 16-column list.

Which records a month or a period holds: the records with a contract or agreement date that
were not cancelled, by that date. A record still in progress has no agreement to report and no
date to place it by; a cancelled one (ยกเลิก) bought nothing. Neither appears in a สขร.๑ month or
in the list; the annual report counts them apart (`unconcluded`), so no record goes unmentioned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from numbers import Integral

import pandas as pd

from ita_report.config.params import Params
from ita_report.core.errors import DataError, Problem
from ita_report.core.thai import (
    DigitStyle,
    fiscal_months,
    fiscal_year_bounds,
    half_year_end,
    month_year,
    thai_date,
    to_arabic_digits,
)
from ita_report.records import datasets as d
from ita_report.records.vocabulary import CANCELLED, METHODS
from ita_report.reports.common import baht_amount

__all__ = [
    "LIST_COLUMNS",
    "MONTHLY_COLUMNS",
    "MonthSummary",
    "NO_PROCUREMENT",
    "concluded",
    "list_period",
    "method_label",
    "monthly_sheets",
    "monthly_summaries",
    "procurement_list",
    "unconcluded",
]

NO_PROCUREMENT = "ไม่มีการจัดซื้อจัดจ้าง"
NO_REASON = "-"

MONTHLY_COLUMNS = (  # แบบ สขร.๑, domain.md §3
    "ลำดับที่",
    "งานที่จัดซื้อหรือจัดจ้าง",
    "วงเงินที่จะซื้อหรือจ้าง (บาท)",
    "ราคากลาง (บาท)",
    "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
    "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
    "เหตุผลที่คัดเลือกโดยสรุป",
    "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง",
)

LIST_COLUMNS = (  # the 2568 form, domain.md §3; the official template must not be altered
    "ที่",
    "ปีงบประมาณ",
    "ชื่อหน่วยงาน",
    "อำเภอ",
    "จังหวัด",
    "กระทรวง",
    "ประเภทหน่วยงาน",
    "ชื่อรายการของงานที่ซื้อหรือจ้าง",
    "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)",
    "แหล่งที่มาของงบประมาณ",
    "สถานะการจัดซื้อจัดจ้าง",
    "วิธีการจัดซื้อจัดจ้าง",
    "ราคากลาง (บาท)",
    "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
    "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
    "เลขที่โครงการในระบบ e-GP",
)
# The list's columns that come from a record, with the record's column they come from.
_LIST_SOURCES = {
    "ชื่อรายการของงานที่ซื้อหรือจ้าง": "item",
    "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)": "budget",
    "แหล่งที่มาของงบประมาณ": "fund_source",
    "สถานะการจัดซื้อจัดจ้าง": "status",
    "วิธีการจัดซื้อจัดจ้าง": "method",
    "ราคากลาง (บาท)": "reference_price",
    "ราคาที่ตกลงซื้อหรือจ้าง (บาท)": "agreed_price",
    "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก": "supplier",
    "เลขที่โครงการในระบบ e-GP": "egp_id",
}

_METHOD_LABELS = dict(zip(METHODS, (  # the methods as the documents name them, in the order of METHODS
    "วิธีประกาศเชิญชวนทั่วไป (e-bidding)",
    "วิธีประกาศเชิญชวนทั่วไป (e-market)",
    "วิธีประกาศเชิญชวนทั่วไป (สอบราคา)",
    "วิธีคัดเลือก",
    "วิธีเฉพาะเจาะจง",
), strict=True))


def method_label(method: str) -> str:
    """A method as the documents name it under the Act: วิธีประกาศเชิญชวนทั่วไป (e-bidding)."""
    return _METHOD_LABELS.get(method, str(method))


def _blank(value: object) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""


def _cell(value: object) -> str:
    """Text for a CSV or Excel cell: Arabic digits, '' for a missing value."""
    return "" if _blank(value) else to_arabic_digits(str(value).strip())


_DTYPES = {"money": "float64", "date": "datetime64[ns]"}


def _empty_records() -> pd.DataFrame:
    """No records, with the PROCUREMENT columns typed as loaded records are."""
    return pd.DataFrame(
        {c.name: pd.Series(dtype=_DTYPES.get(c.kind, object)) for c in d.PROCUREMENT.columns}
    )


# --- which records ---------------------------------------------------------------------------------


def concluded(procurement: pd.DataFrame | None) -> pd.DataFrame:
    """Records with a contract or agreement date that were not cancelled, by date then file order."""
    if procurement is None or procurement.empty:
        return _empty_records()
    dates = pd.to_datetime(procurement["contract_date"], errors="coerce")
    kept = procurement.assign(contract_date=dates)[dates.notna() & (procurement["status"] != CANCELLED)]
    return kept.sort_values("contract_date", kind="stable")


def unconcluded(procurement: pd.DataFrame | None) -> pd.DataFrame:
    """Records in no month: still without an agreement, or cancelled."""
    if procurement is None or procurement.empty:
        return _empty_records()
    return procurement.drop(index=concluded(procurement).index)


def _in_month(records: pd.DataFrame, year: int, month: int) -> pd.DataFrame:
    dates = records["contract_date"]
    return records[(dates.dt.year == year) & (dates.dt.month == month)]


# --- แบบ สขร.๑ ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthSummary:
    """One month's สขร.๑ table; `table` has no rows when nothing was procured."""

    year: int  # C.E.
    month: int
    table: pd.DataFrame

    def title(self, digits: DigitStyle) -> str:
        return f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน{month_year(self.year, self.month, digits)}"

    @property
    def sheet_name(self) -> str:
        return month_year(self.year, self.month, "arabic")


def monthly_summaries(
    procurement: pd.DataFrame | None, bids: pd.DataFrame | None, fiscal_year: int
) -> list[MonthSummary]:
    """The twelve สขร.๑ tables of the fiscal year, October first."""
    records = concluded(procurement)
    offers = _offers(bids)
    return [
        MonthSummary(year, month, _month_table(_in_month(records, year, month), offers))
        for year, month in fiscal_months(fiscal_year)
    ]


def _offers(bids: pd.DataFrame | None) -> dict[str, list[tuple[str, float]]]:
    """Each e-GP number's (bidder, price), lowest price first, then by name."""
    offers: dict[str, list[tuple[str, float]]] = {}
    if bids is not None:
        for row in bids.itertuples(index=False):
            if not _blank(row.egp_id) and not pd.isna(row.price):
                offers.setdefault(str(row.egp_id), []).append((_cell(row.bidder), float(row.price)))
    return {key: sorted(values, key=lambda offer: (offer[1], offer[0])) for key, values in offers.items()}


def _month_table(records: pd.DataFrame, offers: dict[str, list[tuple[str, float]]]) -> pd.DataFrame:
    rows = [
        (
            number,
            _cell(row["item"]),
            float(row["budget"]),
            float(row["reference_price"]),
            method_label(row["method"]),
            _bidders(offers.get(str(row["egp_id"]), []), row),
            f"{_cell(row['supplier'])}\nราคา {baht_amount(row['agreed_price'])}" if not _blank(row["supplier"]) else "",
            _cell(row["reason"]) or NO_REASON,
            _contract(row),
        )
        for number, (_, row) in enumerate(records.iterrows(), start=1)
    ]
    table = pd.DataFrame(rows, columns=list(MONTHLY_COLUMNS))
    return table.astype({MONTHLY_COLUMNS[0]: "int64", MONTHLY_COLUMNS[2]: "float64", MONTHLY_COLUMNS[3]: "float64"})


def _bidders(offers: list[tuple[str, float]], row: pd.Series) -> str:
    """Every bidder with its price, lowest first; without bids, the chosen supplier and its price."""
    if not offers and not _blank(row["supplier"]):
        # a direct purchase recorded without its one offer: the offer is the price agreed
        offers = [(_cell(row["supplier"]), float(row["agreed_price"]))]
    if len(offers) == 1:
        return f"{offers[0][0]}\nราคา {baht_amount(offers[0][1])}"
    return "\n".join(f"{n}. {name} ราคา {baht_amount(price)}" for n, (name, price) in enumerate(offers, start=1))


def _contract(row: pd.Series) -> str:
    day = f"ลงวันที่ {thai_date(row['contract_date'].date(), 'arabic', abbreviated=True)}"
    return f"{_cell(row['contract_no'])}\n{day}" if not _blank(row["contract_no"]) else day


def monthly_sheets(months: list[MonthSummary]) -> dict[str, pd.DataFrame]:
    """One Excel sheet per month, the 9 columns; an empty month's single row says so."""
    return {
        month.sheet_name: month.table if len(month.table) else _nothing_row()
        for month in months
    }


def _nothing_row() -> pd.DataFrame:
    return pd.DataFrame([[NO_PROCUREMENT] + [None] * (len(MONTHLY_COLUMNS) - 1)], columns=list(MONTHLY_COLUMNS))


# --- the 16-column list --------------------------------------------------------------------------


def list_period(params: Params) -> tuple[date, date]:
    """First and last day of the list: 1 Oct – 31 Mar (first_half) or the whole fiscal year."""
    start, end = fiscal_year_bounds(params.fiscal_year)
    if params.procurement is not None and params.procurement.list_period == "first_half":
        end = half_year_end(params.fiscal_year)
    return start, end


def procurement_list(procurement: pd.DataFrame | None, params: Params, source: str | None = None) -> pd.DataFrame:
    """The 16-column list (2568 form) of the records concluded in params' list period.

    Every field is filled; a record that would leave one empty raises DataError naming the
    record's row and column in `source`, the file the records came from.
    """
    source = source or f"data/{params.fiscal_year}/procurement"
    if params.procurement is None:
        raise ValueError("the procurement list needs the params section 'procurement'")
    start, end = list_period(params)
    records = concluded(procurement)
    records = records[(records["contract_date"] >= pd.Timestamp(start)) & (records["contract_date"] <= pd.Timestamp(end))]
    _check_filled(records, source)
    office = params.office
    fixed = {
        "ปีงบประมาณ": str(params.fiscal_year),
        "ชื่อหน่วยงาน": _cell(office.name),
        "อำเภอ": _cell(params.procurement.district),
        "จังหวัด": _cell(office.province),
        "กระทรวง": _cell(office.ministry),
        "ประเภทหน่วยงาน": _cell(params.procurement.agency_type),
    }
    rows = []
    for number, (_, row) in enumerate(records.iterrows(), start=1):
        values = {"ที่": number, **fixed}
        for column, name in _LIST_SOURCES.items():
            value = row[name]
            if column.endswith("(บาท)"):
                values[column] = float(value)
            elif name == "method":
                values[column] = method_label(value)
            else:
                values[column] = _cell(value)
        rows.append([values[column] for column in LIST_COLUMNS])
    table = pd.DataFrame(rows, columns=list(LIST_COLUMNS))
    money = {c: "float64" for c in LIST_COLUMNS if c.endswith("(บาท)")}
    return table.astype({"ที่": "int64", **money})


def _check_filled(records: pd.DataFrame, source: str) -> None:
    problems = [
        Problem(source, int(index) if isinstance(index, Integral) else None, d.PROCUREMENT.column(name).header, "",
                "a value: the 16-column procurement list fills every field of a concluded procurement")
        for index, row in records.iterrows()
        for name in _LIST_SOURCES.values()
        if _blank(row[name])
    ]
    if problems:
        raise DataError(problems)
