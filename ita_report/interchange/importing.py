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

from collections import Counter
from collections.abc import Iterable, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from ita_report.config.params import Params
from ita_report.core.errors import DataError, ItaReportError
from ita_report.core.files import replacing, write_bytes_atomically
from ita_report.core.paths import Project
from ita_report.records import cells
from ita_report.records.checking import Reading
from ita_report.records.columns import Context, Dataset
from ita_report.records.datasets import BIDS, PROCUREMENT
from ita_report.records.reading import read_cells
from ita_report.records.rules import record_problems
from ita_report.records.vocabulary import IN_PROGRESS, INVESTMENT, OPERATING, OTHER_EXPENSE, SIGNED, STATE_BUDGET
from ita_report.records.writing import to_cells, write_cells
from ita_report.records.year import load_year

__all__ = [
    "Candidate",
    "ImportRefused",
    "ImportResult",
    "Rejection",
    "RowsRejected",
    "SourceRow",
    "add_candidates",
    "add_records",
    "fill",
    "filled_defaults",
    "listing",
    "placeholder",
    "present_keys",
    "read_table",
    "refuse_excel",
]


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


class SourceRow:
    """One source row being mapped to a record; every defect found is kept as a Rejection."""

    field_label = "field '{}'"  # how a Rejection names one of the source's fields

    def __init__(self, where: str, position: int):
        self.where = where
        self.position = position
        self.rejections: list[Rejection] = []

    def source_value(self, name: str) -> object:
        """What the source holds in a field, as a Rejection shows it."""
        raise NotImplementedError

    def reject(self, name: str, value: object, expected: str) -> None:
        self.rejections.append(Rejection(self.where, self.field_label.format(name), value, expected, self.position))

    def check_in_year(self, name: str, value: object, day: date, fiscal_year: int) -> None:
        """Reject a date outside the fiscal year."""
        if not cells.in_fiscal_year(day, fiscal_year):
            self.reject(name, value, cells.fiscal_year_expected(fiscal_year))

    def check_rules(self, record: Mapping[str, object], fields: Mapping[str, str]) -> None:
        """Reject by the procurement rules a year is loaded by, naming the source field of each column
        at fault; not on a row with a defect already (a rule would only echo it)."""
        if not self.rejections:
            for column, expected in record_problems(record):
                self.reject(fields[column], self.source_value(fields[column]), expected)


def listing(values: Iterable[str]) -> str:
    """Values as a message lists them: "a, b or c"."""
    *others, last = values
    return f"{', '.join(others)} or {last}" if others else last


def placeholder(source_name: str) -> str:
    """What stands where a source names no one: "ไม่ระบุ (นำเข้าจาก e-GP)"."""
    return f"ไม่ระบุ (นำเข้าจาก {source_name})"


def filled_defaults(params: Params, source_name: str) -> dict[str, str]:
    """The stated values for the fields a source does not have, by canonical column."""
    funds = params.lists.fund_sources
    stated = placeholder(source_name)
    return {
        "budget_category": OPERATING,
        "expense_type": OTHER_EXPENSE,
        "fund_source": STATE_BUDGET if STATE_BUDGET in funds else funds[0],
        "requesting_unit": stated,
        "officers": stated,
        "supplier": stated,
    }


_WHY = {
    "budget_category": f"the source has no budget category; change it where the item is {INVESTMENT}",
    "expense_type": "the source has no expense type",
    "fund_source": "the source has no fund source",
    "requesting_unit": "the source has no requesting unit",
    "officers": "the source names no officers",
    "supplier": "an agreed price without the winner's name",
    "status": "the source has no such status; set from what it shows of the contract "
              f"({SIGNED} with a contract date, else {IN_PROGRESS})",
}


def fill(record: dict[str, object], defaults: Mapping[str, str], filled: set[str]) -> None:
    """Give the stated value to the fields the source left empty, noting which."""
    for name in ("budget_category", "expense_type", "fund_source", "requesting_unit", "officers"):
        if record[name] is None:
            record[name] = defaults[name]
            filled.add(name)


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
    records = pd.DataFrame([c.record for c in added], columns=[c.name for c in PROCUREMENT.columns])
    bids = pd.DataFrame([b for c in added for b in c.bids], columns=[c.name for c in BIDS.columns])
    add_records(project, params, {PROCUREMENT: records, BIDS: bids})
    return ImportResult(
        source=source,
        target=project.relative(project.data_dir(params.fiscal_year) / f"{PROCUREMENT.name}.csv"),
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
    loaded = reading.read(PROCUREMENT)
    reading.raise_problems()
    if loaded is None:
        return set()
    return set(loaded.frame["egp_id"].dropna())  # parsed: Arabic digits only


def add_records(project: Project, params: Params, frames: Mapping[Dataset, pd.DataFrame]) -> tuple[str, ...]:
    """Append records to the year's CSV files, then load the year; on a problem the old files are put back."""
    folder = project.data_dir(params.fiscal_year)
    old: dict[Path, bytes | None] = {}  # each file written, as it was before
    with ExitStack() as written:  # every file is written whole before any replaces the old one
        for dataset, frame in frames.items():
            if frame.empty:
                continue
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{dataset.name}.csv"
            before = path.read_bytes() if path.is_file() else None
            cells = to_cells(frame, dataset)
            if before is not None:
                cells = _appended(read_table(path, project.relative(path)), cells, dataset)
            write_cells(cells, written.enter_context(replacing(path)))
            old[path] = before
    if old:
        try:
            load_year(project, params)
        except BaseException:
            _restore(old)
            raise
    return tuple(project.relative(path) for path in old)


def _appended(old: pd.DataFrame, new: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """The office's cells as they are, the new ones under the same headers (which may be aliases)."""
    header_of = {column.name: h for h in old.columns if (column := dataset.find(h)) is not None}
    renamed = new.rename(columns={c.header: header_of.get(c.name, c.header) for c in dataset.public_columns})
    if len(old.columns):  # an optional column the office left out stays out while nothing fills it
        renamed = renamed[[c for c in renamed.columns if c in old.columns or (renamed[c].fillna("") != "").any()]]
    return pd.concat([old, renamed], ignore_index=True).fillna("")


def _restore(old: Mapping[Path, bytes | None]) -> None:
    for path, data in old.items():
        if data is None:
            path.unlink(missing_ok=True)
        else:
            write_bytes_atomically(path, data)


def _filled_notes(added: list[Candidate]) -> tuple[str, ...]:
    counts = Counter(name for c in added for name in c.filled)
    notes = []
    for name in _WHY:
        if counts[name]:
            header = PROCUREMENT.column(name).header
            value = "" if name == "status" else f" = {next(c.record[name] for c in added if name in c.filled)!r}"
            notes.append(f"{header}{value} on {counts[name]} added record(s): {_WHY[name]}")
    return tuple(notes)

