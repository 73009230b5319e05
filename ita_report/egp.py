"""Importing the e-GP contract open data into the year's procurement records.

The e-GP extract (domain.md §6) has the columns ลำดับ, รหัสโครงการ, ชื่อโครงการ, ชื่อประเภทโครงการ,
ชื่อหน่วยงาน, ชื่อหน่วยงานย่อย, วิธีจัดซื้อฯ, กลุ่มวิธีจัดซื้อฯ, วันที่ประกาศ, งบประมาณ(บาท),
ราคากลาง(บาท), ราคาตกลงซื้อ/จ้าง, ปีงบประมาณ, วันที่เกิดรายการ, จังหวัด and sometimes ชื่อผู้ชนะ,
เลขนิติบุคคล, เลขที่สัญญา, วันที่ลงนามสัญญา, สถานะสัญญา. Only the rows whose ชื่อหน่วยงาน or
ชื่อหน่วยงานย่อย is the office (spaces and Thai digits aside) are read; "-" means empty.

Where the records need what e-GP does not have, the importer puts a stated value and says so in
ImportResult.filled_in, so the office can correct it (see `filled_defaults`):

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

Rows are added, never changed: an e-GP number already in the records is skipped. The files are
written whole (UTF-8 with BOM, the office's own cells and headers kept as they were) beside the old
ones and swapped in, then the year is loaded; if it no longer passes
load_year, the old files are put back and the problems raised. The adding part (ImportResult,
add_candidates, add_records) is shared with the OCDS importer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from . import datasets as d
from .columns import EXPECTED, Context, Dataset
from .errors import DataError, ItaReportError, Problem
from .loading import load_year
from .params import Params, load_params
from .paths import Project
from .readers import HEADER_ROW, read_cells
from .records import Reading
from .thai import fiscal_year_bounds, parse_number, parse_thai_date, thai_date, to_arabic_digits
from .writers import to_cells

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
STATE_BUDGET = "งบประมาณแผ่นดิน"
SIGNED = ("ลงนามสัญญาแล้ว", "ส่งมอบและตรวจรับแล้ว")

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


class ImportRefused(ItaReportError):
    """An import that cannot go ahead as asked; nothing was written."""


class RowsRejected(ItaReportError):
    """Some source rows did not become records; they were listed, the other rows were added."""


@dataclass(frozen=True)
class Rejection:
    """A source row that did not become a record, and why."""

    where: str  # "egp.csv, row 7" or "releases.jsonl, line 3"
    field: str  # "column 'วิธีจัดซื้อฯ'" or "field 'tender.value'"
    value: object
    expected: str
    position: int = field(default=0, compare=False, repr=False)  # order in the source

    def __str__(self) -> str:
        if self.value is None:
            return f"{self.where}, {self.field}: expected {self.expected}"
        return f"{self.where}, {self.field}: value {self.value!r}; expected {self.expected}"


@dataclass(frozen=True)
class Candidate:
    """A source row mapped to a procurement record (canonical names), with its bids."""

    where: str
    key_field: str  # where the e-GP number came from, for a duplicate's message
    record: dict[str, object]
    bids: tuple[dict[str, object], ...] = ()
    filled: frozenset[str] = frozenset()  # columns given a stated value, not the source's
    position: int = 0  # order in the source


@dataclass(frozen=True)
class ImportResult:
    """What an import did: rows added, rows already there, rows rejected with the reason."""

    source: str
    target: str  # the procurement file, as shown
    added: tuple[str, ...]  # e-GP numbers added, in source order
    present: tuple[str, ...]  # e-GP numbers skipped: already in the records, or repeated in the source
    rejected: tuple[Rejection, ...]
    budget_added: float = 0.0  # วงเงิน of the added records, baht
    bids_added: int = 0
    left_out: int = 0  # rows of other agencies (e-GP)
    filled_in: tuple[str, ...] = ()  # what was put where the source has nothing, to be checked

    @property
    def rejected_rows(self) -> int:
        return len({r.where for r in self.rejected})


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


def filled_defaults(params: Params, source_name: str) -> dict[str, str]:
    """The stated values for the fields a source does not have, by canonical column."""
    funds = params.lists.fund_sources
    placeholder = f"ไม่ระบุ (นำเข้าจาก {source_name})"
    return {
        "budget_category": d.BUDGET_CATEGORIES[0],
        "expense_type": "อื่น ๆ",
        "fund_source": STATE_BUDGET if STATE_BUDGET in funds else funds[0],
        "requesting_unit": placeholder,
        "officers": placeholder,
        "supplier": placeholder,
    }


_WHY = {
    "budget_category": "the source has no budget category; change it where the item is งบลงทุน",
    "expense_type": "the source has no expense type",
    "fund_source": "the source has no fund source",
    "requesting_unit": "the source has no requesting unit",
    "officers": "the source names no officers",
    "supplier": "an agreed price without the winner's name",
    "status": "the source has no such status; set from what it shows of the contract "
              "(ลงนามสัญญาแล้ว with a contract date, else อยู่ระหว่างดำเนินการ)",
}


def record_problems(record: Mapping[str, object]) -> list[tuple[str, str]]:
    """The load_year rules for one procurement record: (canonical column at fault, what was expected)."""
    signed = record["status"] in SIGNED
    checks = [
        (record["agreed_price"] is not None and record["supplier"] is None, "supplier",
         "the chosen supplier, since an agreed price is given"),
        (record["supplier"] is not None and record["agreed_price"] is None, "agreed_price",
         "the agreed price, since a supplier is chosen"),
        (signed and record["supplier"] is None, "supplier", "the chosen supplier of a signed contract"),
        (signed and record["contract_date"] is None, "contract_date", "the date of the signed contract"),
    ]
    return [(column, expected) for failed, column, expected in checks if failed]


def _in_year(day: date, fiscal_year: int) -> bool:
    start, end = fiscal_year_bounds(fiscal_year)
    return start <= day <= end


def in_year_expected(fiscal_year: int) -> str:
    start, end = fiscal_year_bounds(fiscal_year)
    span = f"{thai_date(start, 'arabic', abbreviated=True)} – {thai_date(end, 'arabic', abbreviated=True)}"
    return f"a date in fiscal year {fiscal_year} ({span})"


# --- adding records to a year, shared with the OCDS importer ---------------------------------


def refuse_excel(project: Project, fiscal_year: int, datasets: Iterable[Dataset]) -> None:
    """Stop when the year keeps a dataset in Excel: an import writes CSV only."""
    for dataset in datasets:
        excel = project.data_dir(fiscal_year) / f"{dataset.name}.xlsx"
        if excel.is_file():
            raise ImportRefused(
                f"{project.relative(excel)}: the year keeps its {dataset.name} records in Excel and an import "
                f"writes {dataset.name}.csv; save the sheet as {dataset.name}.csv (CSV UTF-8) and remove the "
                ".xlsx, or remove it if it is the empty template, then import again"
            )


def add_candidates(
    project: Project,
    params: Params,
    source: str,
    candidates: list[Candidate],
    rejected: list[Rejection],
    left_out: int = 0,
) -> ImportResult:
    """Add the candidates whose e-GP number is new; write, check the year, and sum up."""
    known = present_keys(project, params)
    added, present, seen = [], [], {}
    for candidate in candidates:
        key = str(candidate.record["egp_id"])
        if key in known:
            present.append(key)
        elif key in seen:
            first = seen[key]
            if (first.record, first.bids) == (candidate.record, candidate.bids):
                present.append(key)
            else:
                rejected.append(Rejection(
                    candidate.where, candidate.key_field, key,
                    f"a project number used once (also at {first.where}, with other values)", candidate.position,
                ))
        else:
            seen[key] = candidate
            added.append(candidate)
    records = pd.DataFrame([c.record for c in added], columns=[c.name for c in d.PROCUREMENT.columns])
    bids = pd.DataFrame([b for c in added for b in c.bids], columns=[c.name for c in d.BIDS.columns])
    add_records(project, params, {d.PROCUREMENT: records, d.BIDS: bids})
    return ImportResult(
        source=source,
        target=project.relative(project.data_dir(params.fiscal_year) / f"{d.PROCUREMENT.name}.csv"),
        added=tuple(str(c.record["egp_id"]) for c in added),
        present=tuple(present),
        rejected=tuple(sorted(rejected, key=lambda r: r.position)),
        budget_added=float(records["budget"].sum()) if len(records) else 0.0,
        bids_added=len(bids),
        left_out=left_out,
        filled_in=_filled_notes(added),
    )


def present_keys(project: Project, params: Params) -> set[str]:
    """The e-GP numbers already in the year's procurement records; DataError if the file has problems."""
    reading = Reading(project, params.fiscal_year, Context(params.fiscal_year, params.lists.as_mapping()))
    loaded = reading.read(d.PROCUREMENT)
    reading.raise_problems()
    if loaded is None:
        return set()
    return {to_arabic_digits(str(key)) for key in loaded.frame["egp_id"].dropna()}


def add_records(project: Project, params: Params, frames: Mapping[Dataset, pd.DataFrame]) -> tuple[str, ...]:
    """Append records to the year's CSV files, then load the year; on a problem the old files are put back."""
    folder = project.data_dir(params.fiscal_year)
    staged: list[tuple[Path, Path, bytes | None]] = []
    try:
        for dataset, frame in frames.items():
            if frame.empty:
                continue
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{dataset.name}.csv"
            old = path.read_bytes() if path.is_file() else None
            cells = to_cells(frame, dataset)
            if old is not None:
                cells = _appended(_existing_cells(path, project.relative(path)), cells, dataset)
            partial = path.with_name(f".{path.name}.partial")
            cells.to_csv(partial, index=False, encoding="utf-8-sig", lineterminator="\n")
            staged.append((path, partial, old))
    except BaseException:
        for _, partial, _ in staged:
            partial.unlink(missing_ok=True)
        raise
    for path, partial, _ in staged:
        partial.replace(path)
    if staged:
        try:
            load_year(project, params)
        except BaseException:
            _restore(staged)
            raise
    return tuple(project.relative(path) for path, _, _ in staged)


def _existing_cells(path: Path, shown: str) -> pd.DataFrame:
    cells, problems = read_cells(path, shown)
    if problems:
        raise DataError(problems)
    return cells


def _appended(old: pd.DataFrame, new: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """The office's cells as they are, the new ones under the same headers (which may be aliases)."""
    names = {_fold(n): c.name for c in dataset.columns for n in c.names()}
    header_of = {names[_fold(h)]: h for h in old.columns if _fold(h) in names}
    renamed = new.rename(columns={c.header: header_of.get(c.name, c.header) for c in dataset.public_columns})
    return pd.concat([old, renamed], ignore_index=True).fillna("")


def _restore(staged: list[tuple[Path, Path, bytes | None]]) -> None:
    for path, partial, old in staged:
        if old is None:
            path.unlink(missing_ok=True)
        else:
            partial.write_bytes(old)
            partial.replace(path)


def _filled_notes(added: list[Candidate]) -> tuple[str, ...]:
    counts = Counter(name for c in added for name in c.filled)
    notes = []
    for name in _WHY:
        if counts[name]:
            header = d.PROCUREMENT.column(name).header
            value = "" if name == "status" else f" = {next(c.record[name] for c in added if name in c.filled)!r}"
            notes.append(f"{header}{value} on {counts[name]} added record(s): {_WHY[name]}")
    return tuple(notes)


# --- reading the e-GP extract -----------------------------------------------------------------


def _read_extract(source: Path, shown: str) -> pd.DataFrame:
    if not source.is_file():
        raise ImportRefused(f"{shown}: no such file")
    cells, problems = read_cells(source, shown)
    if problems:
        raise DataError(problems)
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
        if fiscal_year is not None and not _in_year(day, fiscal_year):
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
    if tax_id is not None and not re.fullmatch(r"\d{13}", re.sub(r"[\s-]", "", to_arabic_digits(tax_id))):
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
        "supplier_tax_id": None if tax_id is None else re.sub(r"[\s-]", "", to_arabic_digits(tax_id)),
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


def fill(record: dict[str, object], defaults: Mapping[str, str], filled: set[str]) -> None:
    """Give the stated value to the fields the source left empty, noting which."""
    for name in ("budget_category", "expense_type", "fund_source", "requesting_unit", "officers"):
        if record[name] is None:
            record[name] = defaults[name]
            filled.add(name)


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


def _fold(header: str) -> str:
    return " ".join(str(header).split()).casefold()
