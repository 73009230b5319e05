"""The FY 2561 seed plan as data: exact figures, and damaged files named precisely."""

from __future__ import annotations

import csv

import pytest

from ita_report.core.errors import DataError
from ita_report.core.paths import Project
from ita_report.records.plan import load_plan
from ita_report.reports.plan.tables import plan_totals, projects_by_area
from tests import REPO_DIR

YEAR = 2561
SEED_NUMBERS = list(range(1, 30)) + list(range(32, 38))
FUNDED = {9: 1_545_340, 12: 50_000, 25: 50_000}


@pytest.fixture(scope="module")
def plan():
    return load_plan(Project.at(REPO_DIR), YEAR)


def test_plan_has_6_areas_18_policies_35_projects(plan):
    totals = plan_totals(plan)
    assert (totals["areas"], totals["policies"], totals["projects"]) == (6, 18, 35)
    assert [policy.code for _, policy in plan.policies()] == [
        "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "3.3",
        "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "5.4", "5.5", "6",
    ]


def test_projects_keep_the_seed_numbering_with_its_gap(plan):
    assert plan.projects["project_no"].tolist() == SEED_NUMBERS


def test_budget_is_1645340_baht_from_three_projects(plan):
    budgets = dict(zip(plan.projects["project_no"], plan.projects["budget"]))
    assert {no: b for no, b in budgets.items() if b} == FUNDED
    assert plan_totals(plan)["budget"] == 1_645_340


def test_every_project_has_an_indicator_and_a_responsible_unit(plan):
    assert set(plan.indicators["project_no"]) == set(SEED_NUMBERS)
    assert set(plan.units["project_no"]) == set(SEED_NUMBERS)


def test_shared_projects_list_each_unit(plan):
    units = plan.units[plan.units["project_no"] == 10]["unit"].tolist()
    assert units == ["กลุ่มงานวินัยและนิติการ", "กลุ่มบริหารงานบุคคล"]


def test_projects_per_area(plan):
    table = projects_by_area(plan)
    assert table["จำนวนโครงการ"].tolist() == [11, 4, 5, 4, 10, 1]
    assert table["งบประมาณ (บาท)"].tolist() == [1_545_340, 50_000, 0, 0, 50_000, 0]


def damage(project: Project, file: str, old: str, new: str) -> None:
    path = project.data_dir(YEAR) / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def row_of(project: Project, file: str, prefix: str) -> int:
    lines = (project.data_dir(YEAR) / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(prefix))


def drop_column(project: Project, file: str, header: str) -> None:
    path = project.data_dir(YEAR) / file
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    index = rows[0].index(header)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(row[:index] + row[index + 1 :] for row in rows)


def test_missing_column_is_named(project):
    drop_column(project, "projects.csv", "งบประมาณ (บาท)")
    with pytest.raises(DataError) as info:
        load_plan(project, YEAR)
    assert str(info.value) == "data/2561/projects.csv, row 1, column 'งบประมาณ (บาท)': column is missing"


def test_budget_that_is_not_a_number_is_named_with_its_row(project):
    row = row_of(project, "projects.csv", "9,")
    damage(project, "projects.csv", ",1545340,", ",หนึ่งล้าน,")
    with pytest.raises(DataError) as info:
        load_plan(project, YEAR)
    assert str(info.value) == (
        f"data/2561/projects.csv, row {row}, column 'งบประมาณ (บาท)': value 'หนึ่งล้าน'; "
        "expected an amount in baht (a number; '-' means 0)"
    )


def test_a_row_with_more_cells_than_the_header_is_named(project):
    damage(project, "projects.csv", ",1545340,ทุกปีงบประมาณ", ",1545340,ทุกปีงบประมาณ,กลุ่มนโยบายและแผน")
    with pytest.raises(DataError) as info:
        load_plan(project, YEAR)
    assert str(info.value) == "data/2561/projects.csv, row 10: at most 5 cells, as many as the header has; found 6"


def test_thai_digits_and_separators_in_a_budget_are_read_as_numbers(project):
    damage(project, "projects.csv", ",1545340,", ',"๑,๕๔๕,๓๔๐",')
    assert plan_totals(load_plan(project, YEAR))["budget"] == 1_645_340


def test_every_problem_is_reported_at_once(project):
    budget_row = row_of(project, "projects.csv", "9,")
    policy_row = row_of(project, "projects.csv", "1,1.1,")
    indicator_row = row_of(project, "indicators.csv", "1,")
    damage(project, "projects.csv", ",1545340,", ",-5,")
    damage(project, "projects.csv", "1,1.1,", "1,9.9,")
    damage(project, "indicators.csv", "\n1,", "\n99,")
    with pytest.raises(DataError) as info:
        load_plan(project, YEAR)
    assert [str(p) for p in info.value.problems] == [
        f"data/2561/projects.csv, row {policy_row}, column 'รหัสนโยบาย': value '9.9'; "
        "expected a policy code of plan.yaml: 1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 3.1, 3.2, 3.3, "
        "4.1, 4.2, 4.3, 5.1, 5.2, 5.3, 5.4, 5.5, 6",
        f"data/2561/projects.csv, row {budget_row}, column 'งบประมาณ (บาท)': value '-5'; "
        "expected an amount of 0 baht or more",
        f"data/2561/indicators.csv, row {indicator_row}, column 'โครงการที่': value 99; "
        "expected a project number of projects.csv",
    ]
