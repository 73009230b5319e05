"""Loading a year's records: every dataset read, parsed and cross-checked in one pass."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ita_report.core.errors import DataError, Problem
from ita_report.core.paths import Project
from ita_report.records.cells import arabic_values, is_empty
from ita_report.records.columns import Column, Context, Dataset, parse_dataset
from ita_report.records.reading import dataset_file, read_cells

EXAMPLES_FILE = "examples.yaml"  # lists the files of a year that hold invented example records


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

    @property
    def folder(self) -> Path:
        return self.project.data_dir(self.fiscal_year)

    def read(self, dataset: Dataset) -> Loaded | None:
        files = dataset_file(self.folder, dataset.name)
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
        if problems:
            return None
        frame, problems = parse_dataset(cells, dataset, shown, self.context)
        self.problems += problems
        if frame.empty and problems:
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
