"""Adding imported rows to a year's records: shared by the e-GP and the OCDS importers.

An importer maps each source row to a Candidate (canonical names, with its bids) or to Rejections;
add_candidates adds the candidates whose e-GP number is new and sums up in an ImportResult.
Rows are added, never changed: an e-GP number already in the records is skipped. The files are
written whole (UTF-8 with BOM, the office's own cells and headers kept as they were) beside the old
ones and swapped in, then the year is loaded; if it no longer passes load_year, the old files are
put back and the problems raised. What a source does not have gets the stated values of
`filled_defaults`, named in ImportResult.filled_in so the office can correct them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from . import datasets as d
from .columns import Context, Dataset
from .errors import DataError, ItaReportError
from .loading import load_year
from .params import Params
from .paths import Project
from .readers import read_cells
from .records import Reading
from .thai import fiscal_year_bounds, thai_date, to_arabic_digits
from .writers import to_cells

__all__ = [
    "Candidate",
    "ImportRefused",
    "ImportResult",
    "Rejection",
    "RowsRejected",
    "add_candidates",
    "add_records",
    "fill",
    "filled_defaults",
    "in_year",
    "in_year_expected",
    "present_keys",
    "read_table",
    "record_problems",
    "refuse_excel",
    "tax_id_digits",
]

STATE_BUDGET = "งบประมาณแผ่นดิน"
SIGNED = ("ลงนามสัญญาแล้ว", "ส่งมอบและตรวจรับแล้ว")


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


# --- mapping a source row to a record ---------------------------------------------------------


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


def fill(record: dict[str, object], defaults: Mapping[str, str], filled: set[str]) -> None:
    """Give the stated value to the fields the source left empty, noting which."""
    for name in ("budget_category", "expense_type", "fund_source", "requesting_unit", "officers"):
        if record[name] is None:
            record[name] = defaults[name]
            filled.add(name)


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


def in_year(day: date, fiscal_year: int) -> bool:
    """Whether the day falls inside the fiscal year."""
    start, end = fiscal_year_bounds(fiscal_year)
    return start <= day <= end


def in_year_expected(fiscal_year: int) -> str:
    """What a date outside the fiscal year was expected to be, for a Rejection."""
    start, end = fiscal_year_bounds(fiscal_year)
    span = f"{thai_date(start, 'arabic', abbreviated=True)} – {thai_date(end, 'arabic', abbreviated=True)}"
    return f"a date in fiscal year {fiscal_year} ({span})"


def tax_id_digits(value: str) -> str | None:
    """The 13-digit tax ID a text gives (Thai digits, spaces and hyphens allowed), else None."""
    digits = re.sub(r"[\s-]", "", to_arabic_digits(value))
    return digits if re.fullmatch(r"\d{13}", digits) else None


def read_table(path: Path, shown: str) -> pd.DataFrame:
    """Every cell of a CSV or Excel file as stripped text; DataError if it cannot be read."""
    cells, problems = read_cells(path, shown)
    if problems:
        raise DataError(problems)
    return cells


# --- adding records to a year -----------------------------------------------------------------


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
                cells = _appended(read_table(path, project.relative(path)), cells, dataset)
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


def _appended(old: pd.DataFrame, new: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """The office's cells as they are, the new ones under the same headers (which may be aliases)."""
    names = {_fold(n): c.name for c in dataset.columns for n in c.names()}
    header_of = {names[_fold(h)]: h for h in old.columns if _fold(h) in names}
    renamed = new.rename(columns={c.header: header_of.get(c.name, c.header) for c in dataset.public_columns})
    if len(old.columns):  # an optional column the office left out stays out while nothing fills it
        renamed = renamed[[c for c in renamed.columns if c in old.columns or (renamed[c].fillna("") != "").any()]]
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


def _fold(header: str) -> str:
    return " ".join(str(header).split()).casefold()
