"""Domain exceptions; the CLI turns each into one sentence and a non-zero exit."""

from __future__ import annotations

from dataclasses import dataclass


class ItaReportError(Exception):
    """Base of every error ita-report reports to its user."""


class ParamsError(ItaReportError):
    """A params file is missing, unreadable or does not match the schema."""


@dataclass(frozen=True)
class Problem:
    """One defect in an input file, located as the user sees it in Excel."""

    file: str
    row: int | None
    column: str | None
    value: object
    expected: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        if self.value is None:
            return f"{where}: {self.expected}"
        return f"{where}: value {self.value!r}; expected {self.expected}"


class DataError(ItaReportError):
    """One or more input files have problems; all of them are listed."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class BuildError(ItaReportError):
    """A notebook failed while the pack was being built."""
