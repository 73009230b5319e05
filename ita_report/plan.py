"""The integrity-measures plan: areas, policies and measures (YAML), projects (CSV)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import DataError, Problem
from .paths import Project
from .tables import Column, Dataset, read_table

PLAN_FILE = "plan.yaml"

PROJECTS = Dataset(
    "projects.csv",
    (
        Column("โครงการที่", "project_no", "int"),
        Column("รหัสนโยบาย", "policy_code"),
        Column("ชื่อโครงการ/กิจกรรม", "name"),
        Column("งบประมาณ (บาท)", "budget", "money"),
        Column("ระยะเวลาดำเนินการ", "period"),
    ),
)
INDICATORS = Dataset(
    "indicators.csv",
    (
        Column("โครงการที่", "project_no", "int"),
        Column("เลขข้อ", "label", "int", required=False),
        Column("ตัวชี้วัด", "indicator"),
    ),
)
UNITS = Dataset(
    "responsible_units.csv",
    (
        Column("โครงการที่", "project_no", "int"),
        Column("หน่วยงานรับผิดชอบ", "unit"),
    ),
)


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
    folder = project.data_dir(fiscal_year)
    problems: list[Problem] = []
    areas = _read_areas(project, folder / PLAN_FILE, problems)
    frames = {}
    for dataset in (PROJECTS, INDICATORS, UNITS):
        path = folder / dataset.file_name
        frame, found = read_table(path, dataset, project.relative(path))
        frames[dataset.file_name] = frame
        problems += found
    projects, indicators, units = (frames[d.file_name] for d in (PROJECTS, INDICATORS, UNITS))
    if areas and not (projects.empty or indicators.empty or units.empty):
        problems += _link_problems(project, folder, areas, projects, indicators, units)
    if problems:
        raise DataError(problems)
    area_of = {policy.code: area.number for area in areas for policy in area.policies}
    projects = projects.assign(area_no=projects["policy_code"].map(area_of))
    return Plan(areas, projects.reset_index(drop=True), indicators.reset_index(drop=True),
                units.reset_index(drop=True))


def _read_areas(project: Project, path, problems: list[Problem]) -> list[Area]:
    shown = project.relative(path)
    if not path.is_file():
        problems.append(Problem(shown, None, None, None, "file is missing"))
        return []
    try:
        return _PlanFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).areas
    except yaml.YAMLError:
        problems.append(Problem(shown, None, None, None, "not valid YAML"))
    except ValidationError as exc:
        for err in exc.errors():
            key = ".".join(str(part) for part in err["loc"])
            problems.append(Problem(shown, None, None, None, f"key '{key}': {err['msg']}"))
    return []


def _link_problems(project, folder, areas, projects, indicators, units) -> list[Problem]:
    """Checks across files: unique numbers, known policies, every project described."""
    shown = {d.file_name: project.relative(folder / d.file_name) for d in (PROJECTS, INDICATORS, UNITS)}
    codes = [policy.code for area in areas for policy in area.policies]
    numbers = set(projects["project_no"].dropna())
    problems = [
        Problem(shown["projects.csv"], int(row), "โครงการที่", int(no), "a project number used only once")
        for row, no in projects["project_no"].dropna()[projects["project_no"].dropna().duplicated()].items()
    ]
    problems += [
        Problem(shown["projects.csv"], int(row), "รหัสนโยบาย", code,
                f"a policy code of {PLAN_FILE}: {', '.join(codes)}")
        for row, code in projects["policy_code"].dropna().items()
        if code not in codes
    ]
    for dataset, frame, what in ((INDICATORS, indicators, "indicator"), (UNITS, units, "responsible unit")):
        problems += [
            Problem(shown[dataset.file_name], int(row), "โครงการที่", int(no), "a project number of projects.csv")
            for row, no in frame["project_no"].dropna().items()
            if no not in numbers
        ]
        described = set(frame["project_no"])
        problems += [
            Problem(shown["projects.csv"], int(row), "โครงการที่", int(no),
                    f"a project with at least one {what} in {dataset.file_name}")
            for row, no in projects["project_no"].dropna().items()
            if no not in described
        ]
    return problems
