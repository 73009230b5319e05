"""The integrity-measures plan: areas, policies and measures (YAML), projects (CSV)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ita_report.core.errors import DataError, Problem
from ita_report.core.paths import Project
from ita_report.records.checking import Loaded, Reading, rule_problems
from ita_report.records.columns import Context
from ita_report.records.datasets import INDICATORS, PLAN_DATASETS, PROJECT_NO, PROJECTS, UNITS
from ita_report.records.reading import dataset_entries

PLAN_FILE = "plan.yaml"


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Policy(_Node):
    code: str = Field(pattern=r"^\d+(\.\d+)?$")
    title: str | None
    main_policy: str
    measures: list[str]


class Area(_Node):
    number: int
    name: str
    statement: str
    guidelines: list[str]
    policies: list[Policy]


class _PlanFile(_Node):
    areas: list[Area]


@dataclass(frozen=True)
class Plan:
    """The whole measures plan of one fiscal year."""

    areas: list[Area]
    projects: pd.DataFrame  # project_no, policy_code, area_no, name, budget, period
    indicators: pd.DataFrame  # project_no, label, indicator
    units: pd.DataFrame  # project_no, unit

    def policies(self) -> list[tuple[Area, Policy]]:
        return [(area, policy) for area in self.areas for policy in area.policies]

    def projects_of(self, policy_code: str) -> pd.DataFrame:
        return self.projects[self.projects["policy_code"] == policy_code]


def load_plan(project: Project, fiscal_year: int) -> Plan:
    """Load the plan of a year, raising DataError with every problem found."""
    reading = Reading(project, fiscal_year, Context(fiscal_year))
    plan = read_plan(reading)
    reading.raise_problems()
    if plan is None:
        raise DataError([Problem(project.relative(reading.folder / PLAN_FILE), None, None, None, "file is missing")])
    return plan


def read_plan(reading: Reading) -> Plan | None:
    """The plan of the year being read, or None when the year has no plan files at all."""
    path = reading.folder / PLAN_FILE
    loaded = [reading.read(dataset) for dataset in PLAN_DATASETS]
    if not path.is_file() and not any(dataset_entries(reading.folder, d.name) for d in PLAN_DATASETS):
        return None
    areas = _read_areas(reading, path)
    if not areas or any(item is None for item in loaded):
        for dataset, item in zip(PLAN_DATASETS, loaded):
            if item is None and not dataset_entries(reading.folder, dataset.name):
                shown = reading.project.relative(reading.folder / f"{dataset.name}.csv")
                reading.problems.append(Problem(shown, None, None, None, "file is missing"))
        return None
    projects, indicators, units = (item.frame for item in loaded)
    reading.problems.extend(_link_problems(areas, *loaded))
    area_of = {policy.code: area.number for area in areas for policy in area.policies}
    projects = projects.assign(area_no=projects["policy_code"].map(area_of))
    reading.plan = Plan(areas, projects.reset_index(drop=True), indicators.reset_index(drop=True),
                        units.reset_index(drop=True))
    return reading.plan


def _read_areas(reading: Reading, path: Path) -> list[Area]:
    shown = reading.project.relative(path)
    if not path.is_file():
        reading.problems.append(Problem(shown, None, None, None, "file is missing"))
        return []
    try:
        return _PlanFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).areas
    except yaml.YAMLError:
        reading.problems.append(Problem(shown, None, None, None, "not valid YAML"))
    except ValidationError as exc:
        for err in exc.errors():
            key = ".".join(str(part) for part in err["loc"])
            reading.problems.append(Problem(shown, None, None, None, f"key '{key}': {err['msg']}"))
    return []


def _link_problems(areas: list[Area], projects: Loaded, indicators: Loaded, units: Loaded) -> list[Problem]:
    """Checks across files: known policies, known projects, every project described."""
    codes = [policy.code for area in areas for policy in area.policies]
    numbers = set(projects.frame["project_no"].dropna())
    policy = PROJECTS.column("policy_code")
    problems = rule_problems(
        projects.frame, projects.shown,
        [(~projects.frame["policy_code"].isin(codes), policy, f"a policy code of {PLAN_FILE}: {', '.join(codes)}")],
    )
    for loaded, dataset, what in ((indicators, INDICATORS, "indicator"), (units, UNITS, "responsible unit")):
        frame = loaded.frame
        problems += rule_problems(
            frame, loaded.shown,
            [(frame["project_no"].notna() & ~frame["project_no"].isin(numbers), PROJECT_NO,
              f"a project number of {PROJECTS.name}.csv")],
        )
        problems += rule_problems(
            projects.frame, projects.shown,
            [(projects.frame["project_no"].notna() & ~projects.frame["project_no"].isin(set(frame["project_no"].dropna())),
              PROJECT_NO, f"a project with at least one {what} in {dataset.name}.csv")],
        )
    return problems
