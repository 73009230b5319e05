"""Loading a year's records: every dataset read, parsed and cross-checked in one pass."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

import pandas as pd
import yaml

from ita_report.core.errors import DataError, Problem
from ita_report.core.paths import Project
from ita_report.records.cells import arabic_values, is_empty
from ita_report.records.columns import Column, Context, Dataset, parse_dataset
from ita_report.records.datasets import PLAN_DATASETS, RECORD_DATASETS
from ita_report.records.reading import (
    HEADER_ROW,
    SUFFIXES,
    dataset_entries,
    entry_problem,
    file_names,
    meant_name,
    read_cells,
)

EXAMPLES_FILE = "examples.yaml"  # lists the files of a year that hold invented example records
NOTES_SUFFIX = ".md"  # notes beside the data, such as SOURCE.md
# Put in a folder by the system, never data: Finder's .DS_Store (and ._ files on a USB stick),
# Windows' Thumbs.db and desktop.ini, Jupyter's checkpoints, git's placeholders; this tool's own
# .<name>.partial files are a write in progress, or one a killed process left behind.
SYSTEM_FILES = frozenset({".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini", ".ipynb_checkpoints",
                          ".gitkeep", ".gitignore"})


@dataclass(frozen=True)
class Loaded:
    """One dataset as read: its rows (index = Excel row number) and the file they came from."""

    frame: pd.DataFrame
    shown: str


@dataclass
class Reading:
    """Datasets read so far and every problem found; problems never stop the reading."""

    project: Project
    fiscal_year: int
    context: Context
    loaded: dict[str, Loaded] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    plan: Any = None  # the year's Plan once read, for checks that refer to it
    headers: dict[str, list[str]] = field(default_factory=dict)  # file shown -> its dataset's headers
    # a complainant's identity as read, for the privacy check alone: YearData never holds it
    private: dict[str, Loaded] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.problems += folder_problems(self.project, self.folder)

    @property
    def folder(self) -> Path:
        return self.project.data_dir(self.fiscal_year)

    def read(self, dataset: Dataset) -> Loaded | None:
        entries = dataset_entries(self.folder, dataset.name)
        files = [entry for entry in entries if entry.name in file_names(dataset.name)]
        folder = self.project.relative(self.folder) + "/"
        self.problems += [
            Problem(self.project.relative(entry), None, None, None, _misnamed(entry, dataset.name, files, folder))
            for entry in entries if entry not in files
        ]
        if not files:
            return None
        shown = self.project.relative(files[0])
        self.headers[shown] = [column.header for column in dataset.columns]
        if len(files) > 1:
            self.problems.append(
                Problem(shown, None, None, None, f"one file for {dataset.name}; remove either .csv or .xlsx")
            )
            return None
        cells, problems = read_cells(files[0], shown)
        self.problems += problems
        if not all(_in_a_record_cell(problem) for problem in problems) or len(cells.columns) == 0:
            return None
        private = [header for header in cells.columns if (column := dataset.find(header)) and column.private]
        if private:
            self.private[dataset.name] = Loaded(cells[private], shown)
        frame, parsed = parse_dataset(cells, dataset, shown, self.context)
        reported = {(problem.row, problem.column) for problem in problems}  # one problem a cell: the reader's
        self.problems += [problem for problem in parsed if (problem.row, problem.column) not in reported]
        if frame.empty and parsed:
            return None
        self.problems += duplicate_problems(frame, dataset, shown)
        loaded = Loaded(frame, shown)
        self.loaded[dataset.name] = loaded
        return loaded

    def check(self, dataset: Dataset, rule: Callable[[pd.DataFrame, str, Reading], list[Problem]]) -> None:
        """Add a rule's problems, except on a cell that already has one (an unreadable date is
        not also reported as a missing one)."""
        if dataset.name in self.loaded:
            loaded = self.loaded[dataset.name]
            seen = {(p.file, p.row, p.column) for p in self.problems}
            self.problems += [p for p in rule(loaded.frame, loaded.shown, self) if (p.file, p.row, p.column) not in seen]

    def raise_problems(self) -> None:
        """DataError with every problem, each file's in the order of its rows and columns."""
        if self.problems:
            files = list(dict.fromkeys(p.file for p in self.problems))
            ordered = sorted(self.problems, key=lambda p: (files.index(p.file), p.row or 0, self._place(p)))
            raise DataError(ordered)

    def _place(self, problem: Problem) -> int:
        """A problem's column position in its dataset, so a row's problems read left to right."""
        headers = self.headers.get(problem.file, [])
        return headers.index(problem.column) if problem.column in headers else len(headers)


def _in_a_record_cell(problem: Problem) -> bool:
    return problem.row is not None and problem.row > HEADER_ROW and problem.column is not None


def folder_problems(project: Project, folder: Path) -> list[Problem]:
    """A problem for each entry of a year's folder that is none of a dataset's (Reading.read reports
    those), plan.yaml, examples.yaml, a note or a system file: nothing there goes unread unsaid."""
    from ita_report.records.plan import PLAN_FILE  # plan.py builds on this module

    if not folder.is_dir():
        return []
    datasets = [dataset.name for dataset in (*PLAN_DATASETS, *RECORD_DATASETS)]
    entries = sorted(folder.iterdir())
    names = {entry.name for entry in entries}
    shown_folder = project.relative(folder) + "/"
    problems = []
    for entry in entries:
        name, shown = entry.name, project.relative(entry)
        if _is_system_file(name) or meant_name(name) in datasets:
            continue
        if name in (PLAN_FILE, EXAMPLES_FILE):
            # a plan.yaml that is no file is missing to the plan's reader, which says so
            problem = None if name == PLAN_FILE and not entry.is_file() else entry_problem(entry, shown)
            problems += [problem] if problem else []
            continue
        known = next((known for known in (PLAN_FILE, EXAMPLES_FILE) if _means(name, known)), None)
        if name.startswith("~$"):
            expected = (f"a lock file Excel keeps while {name[2:]} is open; close the workbook in Excel "
                        "(if Excel is closed, delete this file)")
        elif name.startswith(".~lock.") and name.endswith("#"):
            expected = (f"a lock file LibreOffice keeps while {name[7:-1]} is open; close it in LibreOffice "
                        "(if LibreOffice is closed, delete this file)")
        elif entry.is_dir():
            expected = _folder_expected(shown_folder)
        elif known is not None:
            expected = _renamed(known, known if known in names else None, shown_folder)
        elif name.casefold().endswith(NOTES_SUFFIX):
            continue
        else:
            expected = (f"unknown file; expected only: {', '.join(datasets)} (each .csv or .xlsx), {PLAN_FILE}, "
                        f"{EXAMPLES_FILE} and notes ({NOTES_SUFFIX}); move it out of {shown_folder}")
        problems.append(Problem(shown, None, None, None, expected))
    return problems


def _is_system_file(name: str) -> bool:
    lowered = name.casefold()
    return lowered in SYSTEM_FILES or lowered.startswith("._") or (name[:1] == "." and lowered.endswith(".partial"))


def _means(name: str, known: str) -> bool:
    """Whether a name is another spelling of a YAML file's, or a copy's: Plan.yml, examples (1).yaml."""
    return PurePath(name).suffix.casefold() in (".yaml", ".yml") and meant_name(name) == PurePath(known).stem


def _misnamed(entry: Path, stem: str, exact: list[Path], folder: str) -> str:
    """What to do with an entry meant for a dataset that is not read: its name or format is not one read."""
    if entry.is_dir():
        return _folder_expected(folder)
    suffix = entry.suffix.casefold()
    if suffix not in SUFFIXES:
        return (f"not read, since ita-report reads .csv and .xlsx files only; save it as {stem}.xlsx "
                f"(Excel Workbook) or {stem}.csv (CSV UTF-8), or move it out of {folder}")
    return _renamed(f"{stem}{suffix}", exact[0].name if exact else None, folder)


def _renamed(meant: str, read: str | None, folder: str) -> str:
    """What to do with a file under another spelling or a copy's name: rename it, or move the copy out
    when `read`, the file of the right name, is there."""
    if read is not None:
        return f"not read, since {read} is the file read; move this copy out of {folder}"
    return f"not read under this name; rename it {meant}"


def _folder_expected(folder: str) -> str:
    return f"a folder, which ita-report does not read; the year's files go directly in {folder}: move it out"


def duplicate_problems(frame: pd.DataFrame, dataset: Dataset, shown: str) -> list[Problem]:
    """A key used twice, compared as the user reads it: Thai and Arabic digits are the same."""
    if dataset.key is None or dataset.key not in frame:
        return []
    keys = frame[dataset.key].dropna()
    compared = arabic_values(keys.astype(str)).str.strip()
    repeated = compared[compared.duplicated(keep=False)]
    first_row: dict[str, int] = {}
    problems = []
    header = dataset.column(dataset.key).header
    for row, key in repeated.items():
        if key in first_row:
            expected = f"a value used only once (also on row {first_row[key]})"
            problems.append(Problem(shown, int(row), header, _cell(keys[row]), expected))
        else:
            first_row[key] = int(row)
    return problems


def example_files(project: Project, fiscal_year: int) -> frozenset[str]:
    """Names of the datasets of a year that hold invented example records."""
    path = project.data_dir(fiscal_year) / EXAMPLES_FILE
    if not path.is_file():
        return frozenset()
    listed = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return frozenset(Path(name).stem for name in listed.get("files", []))


def rule_problems(frame: pd.DataFrame, shown: str, checks: list[tuple[pd.Series, Column, str]]) -> list[Problem]:
    """Problems for each (rows that break a rule, the column to point at, what was expected)."""
    problems = []
    for bad, column, expected in checks:
        for row in frame.index[bad.fillna(False).astype(bool)]:
            problems.append(Problem(shown, int(row), column.header, _cell(frame.at[row, column.name]), expected))
    return problems


def _cell(value: object) -> object:
    """A parsed value as the user typed it, near enough: dates as ISO, whole numbers as int."""
    if is_empty(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "item"):
        return value.item()
    return value
