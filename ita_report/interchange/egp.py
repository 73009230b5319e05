"""Importing the e-GP contract open data into the year's procurement records.

The e-GP extract (domain.md §6) has the columns ลำดับ, รหัสโครงการ, ชื่อโครงการ, ชื่อประเภทโครงการ,
ชื่อหน่วยงาน, ชื่อหน่วยงานย่อย, วิธีจัดซื้อฯ, กลุ่มวิธีจัดซื้อฯ, วันที่ประกาศ, งบประมาณ(บาท),
ราคากลาง(บาท), ราคาตกลงซื้อ/จ้าง, ปีงบประมาณ, วันที่เกิดรายการ, จังหวัด and sometimes ชื่อผู้ชนะ,
เลขนิติบุคคล, เลขที่สัญญา, วันที่ลงนามสัญญา, สถานะสัญญา. Only the rows whose ชื่อหน่วยงาน or
ชื่อหน่วยงานย่อย is the office (spaces and Thai digits aside) are read; "-" means empty.

Where the records need what e-GP does not have, the importer puts a stated value and says so in
ImportResult.filled_in, so the office can correct it (see `importing.filled_defaults`):

- หมวดงบประมาณ = OPERATING, the usual category of an office's purchases: change INVESTMENT items;
- ประเภทรายจ่าย = OTHER_EXPENSE, the list's own "other";
- แหล่งที่มาของงบประมาณ = STATE_BUDGET when params lists it (e-GP is for the state's money),
  else the first of params lists.fund_sources;
- หน่วยงานที่ขอซื้อหรือขอจ้าง, เจ้าหน้าที่ผู้ดำเนินการ = PLACEHOLDER, "ไม่ระบุ (นำเข้าจาก e-GP)";
- ผู้ได้รับการคัดเลือก = the same placeholder where an agreed price has no winner's name (an
  extract without ชื่อผู้ชนะ): the price is kept, the name is to be filled in;
- สถานะการจัดซื้อจัดจ้าง, without สถานะสัญญา: SIGNED when there is a contract date, else
  IN_PROGRESS.

(The capitals are the values of records/vocabulary.py.) Read from e-GP: วิธีจัดซื้อฯ by
`map_method` (ประกาศเชิญชวนทั่วไป takes one of OPEN_METHODS from กลุ่มวิธีจัดซื้อฯ; ตกลงราคา and
other pre-2560 methods are rejected); ชื่อประเภทโครงการ by its first word (one of
PROCUREMENT_KINDS); สถานะสัญญา by its words, as _STATUS_WORDS lists them; an agreed price of 0
means none yet. ปีงบประมาณ must be the year imported and วันที่ลงนามสัญญา inside it; วันที่ประกาศ and
วันที่เกิดรายการ need only be dates (an announcement may precede the year). A project that e-GP lists
twice (one row per contract) is added once; a second row with other values is rejected.

A row is checked by the procurement rules a year is loaded by (records.rules). The rows are added
by importing.add_candidates, shared with the OCDS importer: an e-GP number already in the records
is skipped, and the old files are put back if the year no longer loads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

import pandas as pd

from ita_report.config.params import load_params
from ita_report.core.errors import DataError, Problem
from ita_report.core.paths import Project
from ita_report.interchange.importing import (
    Candidate,
    ImportRefused,
    ImportResult,
    Rejection,
    RowsRejected,
    SourceRow,
    add_candidates,
    fill,
    filled_defaults,
    listing,
    placeholder,
    read_table,
    refuse_excel,
)
from ita_report.records import cells
from ita_report.records.datasets import PROCUREMENT
from ita_report.records.reading import HEADER_ROW
from ita_report.records.vocabulary import (
    CANCELLED,
    DELIVERED,
    E_BIDDING,
    E_MARKET,
    IN_PROGRESS,
    METHODS,
    OPEN_METHODS,
    PRICE_INQUIRY,
    PROCUREMENT_KINDS,
    PROCUREMENT_STATUSES,
    SELECTIVE,
    SIGNED,
    SPECIFIC,
)

# ImportRefused, ImportResult, Rejection and RowsRejected live in importing; named here too, as
# the e-GP importer raises and returns them and callers import them from this module.
__all__ = [
    "ImportRefused",
    "ImportResult",
    "PLACEHOLDER",
    "Rejection",
    "RowsRejected",
    "import_egp",
    "map_method",
]

SOURCE = "e-GP"
PLACEHOLDER = placeholder(SOURCE)

# The e-GP headers; matched ignoring spaces and case.
SEQ, EGP_ID, NAME, TYPE = "ลำดับ", "รหัสโครงการ", "ชื่อโครงการ", "ชื่อประเภทโครงการ"
AGENCY, SUB_AGENCY, METHOD, METHOD_GROUP = "ชื่อหน่วยงาน", "ชื่อหน่วยงานย่อย", "วิธีจัดซื้อฯ", "กลุ่มวิธีจัดซื้อฯ"
ANNOUNCED, BUDGET, REFERENCE, AGREED = "วันที่ประกาศ", "งบประมาณ(บาท)", "ราคากลาง(บาท)", "ราคาตกลงซื้อ/จ้าง"
FISCAL_YEAR, RECORDED, PROVINCE = "ปีงบประมาณ", "วันที่เกิดรายการ", "จังหวัด"
WINNER, WINNER_ID, CONTRACT_NO = "ชื่อผู้ชนะ", "เลขนิติบุคคล", "เลขที่สัญญา"
SIGNED_ON, CONTRACT_STATUS = "วันที่ลงนามสัญญา", "สถานะสัญญา"
REQUIRED = (EGP_ID, NAME, TYPE, AGENCY, SUB_AGENCY, METHOD, METHOD_GROUP, ANNOUNCED, BUDGET, REFERENCE,
            AGREED, FISCAL_YEAR, RECORDED)
OPTIONAL = (SEQ, PROVINCE, WINNER, WINNER_ID, CONTRACT_NO, SIGNED_ON, CONTRACT_STATUS)

OPEN_METHOD = "ประกาศเชิญชวนทั่วไป"
# (e-GP words, method): the first whose words occur in the cell wins; compared without spaces or hyphens
_METHOD_WORDS = (
    ("e-bidding", E_BIDDING),
    ("ประกวดราคาอิเล็กทรอนิกส์", E_BIDDING),
    ("e-market", E_MARKET),
    ("ตลาดอิเล็กทรอนิกส์", E_MARKET),
    ("สอบราคา", PRICE_INQUIRY),
    ("เฉพาะเจาะจง", SPECIFIC),
    ("คัดเลือก", SELECTIVE),
)
METHOD_EXPECTED = (
    "a method of the Procurement Act B.E. 2560: " + ", ".join(METHODS)
    + f" ({OPEN_METHOD} with {listing(OPEN_METHODS)} in {METHOD_GROUP})"
)
# (e-GP words, status) on สถานะสัญญา, first match wins: "อยู่ระหว่างระยะสัญญา" is a signed contract
_STATUS_WORDS = (
    ("ยกเลิก", CANCELLED),
    ("ส่งมอบ", DELIVERED),
    ("ตรวจรับ", DELIVERED),
    ("สิ้นสุด", DELIVERED),
    ("สัญญา", SIGNED),
    ("po", SIGNED),
    ("ดำเนินการ", IN_PROGRESS),
)


def import_egp(project: Project, fiscal_year: int, source: Path, agency: str) -> ImportResult:
    """Add the office's rows of an e-GP contract extract to data/<year>/procurement.csv."""
    params = load_params(project, fiscal_year)
    refuse_excel(project, fiscal_year, (PROCUREMENT,))
    shown = source.name
    table = _read_extract(source, shown)
    mine = _of_agency(table, agency)
    if not mine.any():
        found = sorted({_agency(v) for v in table[SUB_AGENCY]} - {""})[:5]
        raise ImportRefused(
            f"{shown}: no row names the agency {agency!r} in {AGENCY} or {SUB_AGENCY}; "
            f"names in {SUB_AGENCY} include: {', '.join(found) or 'none'}"
        )
    defaults = filled_defaults(params, SOURCE)
    candidates, rejected = [], []
    for number, values in table[mine].iterrows():
        row = _Row(values, f"{shown}, row {number}", int(number))
        candidate = _candidate(row, fiscal_year, defaults)
        if candidate is None:
            rejected += row.rejections
        else:
            candidates.append(candidate)
    return add_candidates(project, params, shown, candidates, rejected, left_out=int((~mine).sum()))


def map_method(method: str, group: str = "") -> str | None:
    """The method of METHODS that an e-GP method (and its group, for ประกาศเชิญชวนทั่วไป) names."""
    found = _first(_METHOD_WORDS, method)
    if found is not None:
        return found
    if _compact(method) in ("", _compact(OPEN_METHOD)):
        found = _first(_METHOD_WORDS, group)
        return found if found in OPEN_METHODS else None
    return None


# --- reading the e-GP extract -----------------------------------------------------------------


def _read_extract(source: Path, shown: str) -> pd.DataFrame:
    if not source.is_file():
        raise ImportRefused(f"{shown}: no such file")
    table = read_table(source, shown)
    by_key = {_compact(h): h for h in (*REQUIRED, *OPTIONAL)}
    table = table.rename(columns=lambda h: by_key.get(_compact(h), h))
    missing = [h for h in REQUIRED if h not in table.columns]
    if missing:
        raise DataError([
            Problem(shown, HEADER_ROW, h, None, "column is missing; the e-GP contract extract has it")
            for h in missing
        ])
    return table


def _of_agency(table: pd.DataFrame, agency: str) -> pd.Series:
    wanted = _agency(agency)
    return (table[AGENCY].map(_agency) == wanted) | (table[SUB_AGENCY].map(_agency) == wanted)


def _agency(name: str) -> str:
    return " ".join(cells.arabic(name).split())


class _Row(SourceRow):
    """One e-GP row being read; every defect found is kept as a Rejection."""

    field_label = "column '{}'"

    def __init__(self, values: pd.Series, where: str, position: int):
        super().__init__(where, position)
        self.values = values

    def raw(self, header: str) -> str:
        return str(self.values.get(header, ""))

    source_value = raw

    def text(self, header: str) -> str | None:
        value = self.raw(header)
        return None if value in ("", "-") else value

    def required(self, header: str, expected: str) -> str | None:
        value = self.text(header)
        if value is None:
            self.reject(header, self.raw(header), f"{expected}; the cell is empty")
        return value

    def mapped(self, header: str, convert: Callable[[str], str | None], expected: str) -> str | None:
        value = self.required(header, expected)
        if value is None:
            return None
        result = convert(value)
        if result is None:
            self.reject(header, value, expected)
        return result

    def amount(self, header: str, required: bool = False) -> float | None:
        value = self.text(header)
        if value is None:
            if required:
                self.reject(header, self.raw(header), "an amount in baht, which a procurement record needs")
            return None
        number = cells.number(value)
        if number is None:
            self.reject(header, value, "an amount in baht such as 1,250,000.00")
        elif number < 0:
            self.reject(header, value, cells.NEGATIVE)
            return None
        return number

    def day(self, header: str, fiscal_year: int | None = None) -> date | None:
        value = self.text(header)
        if value is None:
            return None
        day = cells.day(value)
        if day is None:
            self.reject(header, value, cells.EXPECTED["date"])
        elif fiscal_year is not None:
            self.check_in_year(header, value, day, fiscal_year)
        return day


def _candidate(row: _Row, fiscal_year: int, defaults: Mapping[str, str]) -> Candidate | None:
    egp_id = row.mapped(EGP_ID, cells.egp_id, f"an e-GP project number of {cells.EGP_ID_DIGITS} digits")
    item = row.required(NAME, "the name of the procurement")
    kind = row.mapped(TYPE, _kind, f"a project type that begins with {listing(PROCUREMENT_KINDS)}")
    method = row.mapped(METHOD, lambda v: map_method(v, row.raw(METHOD_GROUP)), METHOD_EXPECTED)
    budget = row.amount(BUDGET, required=True)
    reference_price = row.amount(REFERENCE, required=True)
    agreed = row.amount(AGREED) or None  # 0 is how some extracts say "not yet agreed"
    year = row.required(FISCAL_YEAR, f"{fiscal_year}, the fiscal year being imported")
    if year is not None and cells.arabic(year).strip() != str(fiscal_year):
        row.reject(FISCAL_YEAR, year, f"{fiscal_year}, the fiscal year being imported")
    row.day(ANNOUNCED)
    row.day(RECORDED)
    contract_date = row.day(SIGNED_ON, fiscal_year)
    tax_id = row.text(WINNER_ID)
    supplier_tax_id = None if tax_id is None else cells.tax_id(tax_id)
    if tax_id is not None and supplier_tax_id is None:
        row.reject(WINNER_ID, tax_id, cells.EXPECTED["tax_id"])
    stated = row.text(CONTRACT_STATUS)
    status = None
    if stated is not None:
        status = _first(_STATUS_WORDS, stated)
        if status is None:
            row.reject(CONTRACT_STATUS, stated, "a contract status such as " + ", ".join(PROCUREMENT_STATUSES))
    record: dict[str, object] = {
        "egp_id": egp_id,
        "item": item,
        "kind": kind,
        "budget_category": None,
        "expense_type": None,
        "fund_source": None,
        "budget": budget,
        "reference_price": reference_price,
        "method": method,
        "supplier": row.text(WINNER),
        "supplier_tax_id": supplier_tax_id,
        "agreed_price": agreed,
        "reason": None,
        "contract_no": row.text(CONTRACT_NO),
        "contract_date": contract_date,
        "status": status,
        "requesting_unit": None,
        "officers": None,
    }
    filled = set()
    if record["status"] is None:
        record["status"] = SIGNED if contract_date is not None else IN_PROGRESS
        filled.add("status")
    if agreed is not None and record["supplier"] is None:
        record["supplier"] = defaults["supplier"]
        filled.add("supplier")
    fill(record, defaults, filled)
    row.check_rules(record, {"supplier": WINNER, "agreed_price": AGREED, "contract_date": SIGNED_ON})
    if row.rejections:
        return None
    return Candidate(row.where, f"column '{EGP_ID}'", record, filled=frozenset(filled), position=row.position)


def _kind(value: str) -> str | None:
    text = value.strip()
    return next((kind for kind in PROCUREMENT_KINDS if text.startswith(kind)), None)


def _first(table: tuple[tuple[str, str], ...], text: str) -> str | None:
    cell = _compact(text)
    return next((value for words, value in table if _compact(words) in cell), None) if cell else None


def _compact(text: str) -> str:
    return re.sub(r"[\s\-]", "", str(text)).casefold()

