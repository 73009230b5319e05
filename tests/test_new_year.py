"""Starting a fiscal year: params from an earlier year, empty templates that load, nothing overwritten."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ita_report.config.params import load_params
from ita_report.core.paths import Project
from ita_report.records import datasets as d
from ita_report.records.new_year import NewYearError, new_year
from ita_report.records.year import load_year
from tests import REPO_DIR

NEW = 2562
DATA_FILES = [
    "plan.yaml",
    "projects.xlsx",
    "indicators.xlsx",
    "responsible_units.xlsx",
    "indicator_results.xlsx",
    "budget_allocations.xlsx",
    "disbursements.xlsx",
    "procurement.xlsx",
    "bids.xlsx",
    "complaints.xlsx",
    "relations.xlsx",
]
SOURCE = """\
# Params for fiscal year พ.ศ. 2561 (1 Oct 2017 – 30 Sep 2018).
# Checked before any notebook runs.

fiscal_year: 2561

office:
  name: สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาญจนบุรี เขต ๒
  short_name: สพป.กาญจนบุรี เขต ๒
  province: กาญจนบุรี
  ministry: กระทรวงศึกษาธิการ

# Digits in documents.
digits: thai

# The notebooks to build.
reports:
  - plan

lists:
  fund_sources: [งบประมาณแผ่นดิน]
  complaint_channels: [โทรศัพท์]
  complaint_categories: [การให้บริการ]

# The announcement.
announcement:
  title: มาตรการ
  date: 24 เมษายน 2561
  preamble:
    - ตามประกาศ
  closing: จึงประกาศให้ทราบโดยทั่วกัน

signatory:
  name: นายอาตุลย์ พรหมแสง  # the director
  position:
    - ผู้อำนวยการ
"""
EXPECTED = """\
# Params for fiscal year พ.ศ. 2562 (1 ต.ค. 2561 – 30 ก.ย. 2562).
# Started by `ita-report new-year 2562` from params/2561.yaml: office, digits, lists copied as they were.
# Checked before any notebook runs: `ita-report build` stops on an unknown or missing key.

fiscal_year: 2562

office:
  name: สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาญจนบุรี เขต ๒
  short_name: สพป.กาญจนบุรี เขต ๒
  province: กาญจนบุรี
  ministry: กระทรวงศึกษาธิการ

# Digits in documents.
digits: thai

# The notebooks to build.
reports: []  # add a report once its section below is filled in

lists:
  fund_sources: [งบประมาณแผ่นดิน]
  complaint_channels: [โทรศัพท์]
  complaint_categories: [การให้บริการ]

# --------------------------------------------------------------------------------------------------
# The sections below are params/2561.yaml's, kept as comments: their texts, dates and
# signatory belong to that year. To use one, update it, remove the '# ' in front of its
# keys and values, and add its report to `reports:` above.
# --------------------------------------------------------------------------------------------------

# The announcement.
# announcement:
#   title: มาตรการ
#   date: 24 เมษายน 2561
#   preamble:
#     - ตามประกาศ
#   closing: จึงประกาศให้ทราบโดยทั่วกัน

# signatory:
#   name: นายอาตุลย์ พรหมแสง  # the director
#   position:
#     - ผู้อำนวยการ
"""


def make_project(root: Path, *params: int) -> Project:
    (root / "params").mkdir(parents=True)
    for year in params:
        text = SOURCE.replace("fiscal_year: 2561", f"fiscal_year: {year}")
        (root / "params" / f"{year}.yaml").write_text(text, encoding="utf-8")
    return Project.at(root)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() if p.is_file() else b"" for p in sorted(root.rglob("*"))}


def test_new_year_creates_params_and_a_template_per_data_file(tmp_path):
    project = make_project(tmp_path, 2561)
    created = new_year(project, NEW)
    assert created == [project.params_file(NEW), *(project.data_dir(NEW) / name for name in DATA_FILES)]
    assert sorted(p.name for p in project.data_dir(NEW).iterdir()) == sorted(DATA_FILES)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "params"]  # no staging folder left behind


def test_new_params_copy_the_office_and_lists_and_keep_last_years_sections_as_comments(tmp_path):
    project = make_project(tmp_path, 2561)
    new_year(project, NEW)
    assert project.params_file(NEW).read_text(encoding="utf-8") == EXPECTED
    old, new = load_params(project, 2561), load_params(project, NEW)
    assert (new.fiscal_year, new.reports, new.announcement, new.signatory) == (NEW, [], None, None)
    assert (new.office, new.digits, new.lists) == (old.office, old.digits, old.lists)


def test_the_repos_params_start_a_year_that_loads(tmp_path):
    project = make_project(tmp_path)
    shutil.copy(REPO_DIR / "params" / "2561.yaml", project.params_file(2561))
    new_year(project, NEW)
    old, new = load_params(project, 2561), load_params(project, NEW)
    assert (new.office, new.digits, new.lists, new.reports) == (old.office, old.digits, old.lists, [])
    assert all(getattr(new, key) is None for key, field in type(new).model_fields.items() if not field.is_required())


def test_a_new_year_of_empty_templates_loads(tmp_path):
    project = make_project(tmp_path, 2561)
    new_year(project, NEW)
    data = load_year(project, load_params(project, NEW))
    assert data.plan is None
    assert {name: len(frame) for name, frame in data.frames.items()} == {
        dataset.name: 0 for dataset in (*d.PLAN_DATASETS, *d.RECORD_DATASETS)
    }


def test_new_templates_offer_the_params_lists(tmp_path):
    project = make_project(tmp_path, 2561)
    new_year(project, NEW)
    workbook = load_workbook(project.data_dir(NEW) / "complaints.xlsx")
    headers = [c.value for c in workbook["ข้อมูล"][1]]
    lists = {header.value: [c.value for c in values if c.value is not None]
             for header, *values in workbook["รายการ"].iter_cols()}
    assert headers[:3] == ["เลขที่เรื่อง", "วันที่รับเรื่อง", "ช่องทาง"]
    assert lists == {"ช่องทาง": ["โทรศัพท์"], "ประเภทเรื่อง": ["การให้บริการ"], "สถานะ": ["อยู่ระหว่างดำเนินการ", "ดำเนินการแล้วเสร็จ"]}


@pytest.mark.parametrize(
    ("existing", "message"),
    [
        (["params/2562.yaml"],
         "new-year 2562 would overwrite params/2562.yaml; move it away first to start the year again"),
        (["data/2562/procurement.csv"],
         "new-year 2562 would overwrite data/2562; move it away first to start the year again"),
        (["params/2562.yaml", "data/2562/notes.txt"],
         "new-year 2562 would overwrite params/2562.yaml and data/2562; move them away first to start the year again"),
    ],
)
def test_new_year_refuses_to_overwrite_and_creates_nothing(tmp_path, existing, message):
    project = make_project(tmp_path, 2561)
    for name in existing:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("kept", encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(NewYearError) as raised:
        new_year(project, NEW)
    assert str(raised.value) == message
    assert snapshot(tmp_path) == before


def test_an_empty_year_folder_is_filled(tmp_path):
    project = make_project(tmp_path, 2561)
    project.data_dir(NEW).mkdir(parents=True)
    new_year(project, NEW)
    assert sorted(p.name for p in project.data_dir(NEW).iterdir()) == sorted(DATA_FILES)


@pytest.mark.parametrize(
    ("years", "new", "source"),
    [
        ((2559, 2561, 2563), 2562, 2561),  # the nearest earlier year
        ((2561, 2563), 2560, 2561),  # else the nearest later one
    ],
)
def test_new_params_start_from_the_nearest_year(tmp_path, years, new, source):
    project = make_project(tmp_path, *years)
    new_year(project, new)
    second = project.params_file(new).read_text(encoding="utf-8").splitlines()[1]
    assert second.startswith(f"# Started by `ita-report new-year {new}` from params/{source}.yaml:")


def test_given_source_params_are_used(tmp_path):
    project = make_project(tmp_path, 2561)
    other = tmp_path / "other.yaml"
    other.write_text(SOURCE.replace("digits: thai", "digits: arabic"), encoding="utf-8")
    new_year(project, NEW, source_params=other)
    assert load_params(project, NEW).digits == "arabic"


@pytest.mark.parametrize(
    ("params", "source", "message"),
    [
        ({}, None, "params holds no params file to start fiscal year 2562 from; "
                   "copy another year's or another office's params file there first"),
        ({2561: SOURCE}, "missing.yaml", "missing.yaml: no such params file to start from"),
        ({2561: SOURCE.replace("lists:", "kinds:")}, None,
         "params/2561.yaml cannot start fiscal year 2562: params/2562.yaml: missing key 'lists'"),
    ],
)
def test_new_year_needs_params_to_start_from(tmp_path, params, source, message):
    project = make_project(tmp_path)
    for year, text in params.items():
        project.params_file(year).write_text(text, encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(NewYearError) as raised:
        new_year(project, NEW, source_params=None if source is None else tmp_path / source)
    assert str(raised.value) == message
    assert snapshot(tmp_path) == before


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ita_report", *args], capture_output=True, text=True)


def test_cli_prints_each_created_path_then_refuses_a_second_time(tmp_path):
    make_project(tmp_path, 2561)
    first = run("new-year", str(NEW), "--project", str(tmp_path))
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout == "".join(
        f"created {name}\n" for name in ["params/2562.yaml", *(f"data/2562/{name}" for name in DATA_FILES)]
    )
    second = run("new-year", str(NEW), "--project", str(tmp_path))
    assert (second.returncode, second.stdout) == (1, "")
    assert second.stderr == (
        "error: new-year 2562 would overwrite params/2562.yaml and data/2562; "
        "move them away first to start the year again\n"
    )
