"""A fiscal year's inputs as one checked whole: the plan and every record dataset."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ita_report.config.params import Params
from ita_report.core.paths import Project
from ita_report.records.checking import Reading, example_files
from ita_report.records.columns import Context
from ita_report.records.datasets import RECORD_DATASETS
from ita_report.records.plan import Plan, read_plan
from ita_report.records.privacy import privacy_problems, screened
from ita_report.records.rules import YEAR_RULES


@dataclass(frozen=True)
class YearData:
    """Everything a year's reports read, already checked."""

    fiscal_year: int
    plan: Plan | None
    frames: dict[str, pd.DataFrame]
    examples: frozenset[str]  # datasets holding invented example records

    def frame(self, name: str) -> pd.DataFrame | None:
        return self.frames.get(name)

    def is_example(self, *names: str) -> bool:
        return any(name in self.examples for name in names)


def load_year(project: Project, params: Params) -> YearData:
    """Read, parse and cross-check every input of the year, and find what identifies a person in
    its published text; DataError lists every problem."""
    reading = Reading(project, params.fiscal_year, Context(params.fiscal_year, params.lists.as_mapping()))
    plan = read_plan(reading)
    for dataset in RECORD_DATASETS:
        reading.read(dataset)
    for dataset, rule in YEAR_RULES:
        reading.check(dataset, rule)
    reading.problems = screened(reading.problems, privacy_problems(reading))
    reading.raise_problems()
    return YearData(
        params.fiscal_year,
        plan,
        {name: loaded.frame for name, loaded in reading.loaded.items()},
        example_files(project, params.fiscal_year),
    )
