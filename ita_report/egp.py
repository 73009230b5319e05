"""Importing the e-GP contract open data into the year's procurement records.

The e-GP extract (domain.md §6) has the columns ลำดับ, รหัสโครงการ, ชื่อโครงการ, ชื่อประเภทโครงการ,
ชื่อหน่วยงาน, ชื่อหน่วยงานย่อย, วิธีจัดซื้อฯ, กลุ่มวิธีจัดซื้อฯ, วันที่ประกาศ, งบประมาณ(บาท),
ราคากลาง(บาท), ราคาตกลงซื้อ/จ้าง, ปีงบประมาณ, วันที่เกิดรายการ, จังหวัด and sometimes ชื่อผู้ชนะ,
เลขนิติบุคคล, เลขที่สัญญา, วันที่ลงนามสัญญา, สถานะสัญญา. Only the rows whose ชื่อหน่วยงาน or
ชื่อหน่วยงานย่อย is the office (spaces and Thai digits aside) are read; "-" means empty.

Where the records need what e-GP does not have, the importer puts a stated value and says so in
ImportResult.filled_in, so the office can correct it (see `importing.filled_defaults`):

- หมวดงบประมาณ = งบดำเนินงาน, the usual category of an office's purchases: change งบลงทุน items;
- ประเภทรายจ่าย = อื่น ๆ, the list's own "other";
- แหล่งที่มาของงบประมาณ = งบประมาณแผ่นดิน when params lists it (e-GP is for the state's money),
  else the first of params lists.fund_sources;
- หน่วยงานที่ขอซื้อหรือขอจ้าง, เจ้าหน้าที่ผู้ดำเนินการ = PLACEHOLDER, "ไม่ระบุ (นำเข้าจาก e-GP)";
- ผู้ได้รับการคัดเลือก = the same placeholder where an agreed price has no winner's name (an
  extract without ชื่อผู้ชนะ): the price is kept, the name is to be filled in;
- สถานะการจัดซื้อจัดจ้าง, without สถานะสัญญา: ลงนามสัญญาแล้ว when there is a contract date, else
  อยู่ระหว่างดำเนินการ.

Read from e-GP: วิธีจัดซื้อฯ by `map_method` (ประกาศเชิญชวนทั่วไป takes e-bidding, e-market or
สอบราคา from กลุ่มวิธีจัดซื้อฯ; ตกลงราคา and other pre-2560 methods are rejected); ชื่อประเภทโครงการ
by its first word (ซื้อ, จ้าง…, เช่า); สถานะสัญญา by its words (ยกเลิก; ส่งมอบ/ตรวจรับ/สิ้นสุด →
ส่งมอบและตรวจรับแล้ว; สัญญา/PO → ลงนามสัญญาแล้ว; ดำเนินการ → อยู่ระหว่างดำเนินการ); an agreed price of
0 means none yet. ปีงบประมาณ must be the year imported and วันที่ลงนามสัญญา inside it; วันที่ประกาศ and
วันที่เกิดรายการ need only be dates (an announcement may precede the year). A project that e-GP lists
twice (one row per contract) is added once; a second row with other values is rejected.

The rows are added by importing.add_candidates, shared with the OCDS importer: an e-GP number
already in the records is skipped, and the old files are put back if the year no longer loads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

import pandas as pd

from . import datasets as d
from .columns import EXPECTED
from .errors import DataError, Problem
from .importing import (
    Candidate,
    ImportRefused,
    ImportResult,
    Rejection,
    RowsRejected,
    add_candidates,
    fill,
    filled_defaults,
    in_year,
    in_year_expected,
    read_table,
    record_problems,
    refuse_excel,
    tax_id_digits,
)
from .params import load_params
from .paths import Project
from .readers import HEADER_ROW
from .thai import parse_number, parse_thai_date, to_arabic_digits

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

PLACEHOLDER = "ไม่ระบุ (นำเข้าจาก e-GP)"

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
# (words, method): the first whose words occur in the cell wins; compared without spaces or hyphens
_METHOD_WORDS = (
    ("e-bidding", "e-bidding"),
    ("ประกวดราคาอิเล็กทรอนิกส์", "e-bidding"),
    ("e-market", "e-market"),
    ("ตลาดอิเล็กทรอนิกส์", "e-market"),
    ("สอบราคา", "สอบราคา"),
    ("เฉพาะเจาะจง", "เฉพาะเจาะจง"),
    ("คัดเลือก", "คัดเลือก"),
)
_OPEN = ("e-bidding", "e-market", "สอบราคา")
METHOD_EXPECTED = (
    "a method of the Procurement Act B.E. 2560: " + ", ".join(d.METHODS)
    + f" ({OPEN_METHOD} with e-bidding, e-market or สอบราคา in {METHOD_GROUP})"
)
# (words, status) on สถานะสัญญา, first match wins: "อยู่ระหว่างระยะสัญญา" is a signed contract
_STATUS_WORDS = (
    ("ยกเลิก", "ยกเลิก"),
    ("ส่งมอบ", "ส่งมอบและตรวจรับแล้ว"),
    ("ตรวจรับ", "ส่งมอบและตรวจรับแล้ว"),
    ("สิ้นสุด", "ส่งมอบและตรวจรับแล้ว"),
    ("สัญญา", "ลงนามสัญญาแล้ว"),
    ("po", "ลงนามสัญญาแล้ว"),
    ("ดำเนินการ", "อยู่ระหว่างดำเนินการ"),
)


def import_egp(project: Project, fiscal_year: int, source: Path, agency: str) -> ImportResult:
    """Add the office's rows of an e-GP contract extract to data/<year>/procurement.csv."""
    params = load_params(project, fiscal_year)
    refuse_excel(project, fiscal_year, (d.PROCUREMENT,))
    shown = source.name
    cells = _read_extract(source, shown)
    mine = _of_agency(cells, agency)
    if not mine.any():
        found = sorted({_agency(v) for v in cells[SUB_AGENCY]} - {""})[:5]
        raise ImportRefused(
            f"{shown}: no row names the agency {agency!r} in {AGENCY} or {SUB_AGENCY}; "
            f"names in {SUB_AGENCY} include: {', '.join(found) or 'none'}"
        )
    defaults = filled_defaults(params, "e-GP")
    candidates, rejected = [], []
    for number, cells_row in cells[mine].iterrows():
        row = _Row(cells_row, f"{shown}, row {number}", int(number))
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
        return found if found in _OPEN else None
    return None


# --- reading the e-GP extract -----------------------------------------------------------------


def _read_extract(source: Path, shown: str) -> pd.DataFrame:
    if not source.is_file():
        raise ImportRefused(f"{shown}: no such file")
    cells = read_table(source, shown)
    by_key = {_compact(h): h for h in (*REQUIRED, *OPTIONAL)}
    cells = cells.rename(columns=lambda h: by_key.get(_compact(h), h))
    missing = [h for h in REQUIRED if h not in cells.columns]
    if missing:
        raise DataError([
            Problem(shown, HEADER_ROW, h, None, "column is missing; the e-GP contract extract has it")
            for h in missing
        ])
    return cells


def _of_agency(cells: pd.DataFrame, agency: str) -> pd.Series:
    wanted = _agency(agency)
    return (cells[AGENCY].map(_agency) == wanted) | (cells[SUB_AGENCY].map(_agency) == wanted)


def _agency(name: str) -> str:
    return " ".join(to_arabic_digits(name).split())


class _Row:
    """One e-GP row being read; every defect found is kept as a Rejection."""

    def __init__(self, cells: pd.Series, where: str, position: int):
        self.cells = cells
        self.where = where
        self.position = position
        self.rejections: list[Rejection] = []

    def raw(self, header: str) -> str:
        return str(self.cells.get(header, ""))

    def text(self, header: str) -> str | None:
        value = self.raw(header)
        return None if value in ("", "-") else value

    def reject(self, header: str, value: object, expected: str) -> None:
        self.rejections.append(Rejection(self.where, f"column '{header}'", value, expected, self.position))

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
        try:
            number = parse_number(value)
        except ValueError:
            self.reject(header, value, "an amount in baht such as 1,250,000.00")
            return None
        if number < 0:
            self.reject(header, value, "an amount of 0 baht or more")
            return None
        return number

    def day(self, header: str, fiscal_year: int | None = None) -> date | None:
        value = self.text(header)
        if value is None:
            return None
        try:
            day = parse_thai_date(value)
        except ValueError:
            self.reject(header, value, EXPECTED["date"])
            return None
        if fiscal_year is not None and not in_year(day, fiscal_year):
            self.reject(header, value, in_year_expected(fiscal_year))
        return day


def _candidate(row: _Row, fiscal_year: int, defaults: Mapping[str, str]) -> Candidate | None:
    egp_id = row.mapped(EGP_ID, _project_number, "an e-GP project number of 11 digits")
    item = row.required(NAME, "the name of the procurement")
    kind = row.mapped(TYPE, _kind, "a project type that begins with ซื้อ, จ้าง or เช่า")
    method = row.mapped(METHOD, lambda v: map_method(v, row.raw(METHOD_GROUP)), METHOD_EXPECTED)
    budget = row.amount(BUDGET, required=True)
    reference_price = row.amount(REFERENCE, required=True)
    agreed = row.amount(AGREED) or None  # 0 is how some extracts say "not yet agreed"
    year = row.required(FISCAL_YEAR, f"{fiscal_year}, the fiscal year being imported")
    if year is not None and to_arabic_digits(year).strip() != str(fiscal_year):
        row.reject(FISCAL_YEAR, year, f"{fiscal_year}, the fiscal year being imported")
    row.day(ANNOUNCED)
    row.day(RECORDED)
    contract_date = row.day(SIGNED_ON, fiscal_year)
    tax_id = row.text(WINNER_ID)
    supplier_tax_id = None if tax_id is None else tax_id_digits(tax_id)
    if tax_id is not None and supplier_tax_id is None:
        row.reject(WINNER_ID, tax_id, EXPECTED["tax_id"])
    stated = row.text(CONTRACT_STATUS)
    status = None
    if stated is not None:
        status = _first(_STATUS_WORDS, stated)
        if status is None:
            row.reject(CONTRACT_STATUS, stated, "a contract status such as " + ", ".join(d.PROCUREMENT_STATUSES))
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
        record["status"] = "ลงนามสัญญาแล้ว" if contract_date is not None else d.PROCUREMENT_STATUSES[0]
        filled.add("status")
    if agreed is not None and record["supplier"] is None:
        record["supplier"] = defaults["supplier"]
        filled.add("supplier")
    fill(record, defaults, filled)
    headers = {"supplier": WINNER, "agreed_price": AGREED, "contract_date": SIGNED_ON}
    for column, expected in [] if row.rejections else record_problems(record):  # no echo of a defect
        row.reject(headers[column], row.raw(headers[column]), expected)
    if row.rejections:
        return None
    return Candidate(row.where, f"column '{EGP_ID}'", record, filled=frozenset(filled), position=row.position)


def _project_number(value: str) -> str | None:
    digits = to_arabic_digits(value).strip()
    return digits if re.fullmatch(r"\d{11}", digits) else None


def _kind(value: str) -> str | None:
    text = value.strip()
    return next((kind for kind in d.PROCUREMENT_KINDS if text.startswith(kind)), None)


def _first(table: tuple[tuple[str, str], ...], text: str) -> str | None:
    cell = _compact(text)
    return next((value for words, value in table if _compact(words) in cell), None) if cell else None


def _compact(text: str) -> str:
    return re.sub(r"[\s\-]", "", str(text)).casefold()

