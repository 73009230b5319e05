"""`validate` runs every check `build` makes before a kernel starts: records, previous year, pack settings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests import REPO_DIR
from tests.test_cli import run_in_process

YEAR = 2561
COUNT = "{n} problem(s) in the input files; nothing was written\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the example project: FY 2560 and FY 2561."""
    shutil.copytree(REPO_DIR / "params", tmp_path / "params")
    shutil.copytree(REPO_DIR / "data", tmp_path / "data")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8-sig")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def command(name: str, root: Path):
    return run_in_process(name, "--year", str(YEAR), "--project", str(root))


def break_previous_complaints(root: Path) -> str:
    edit(root / "data/2560/complaints.csv", "ร.002/2560,2016-10-07", "ร.002/2560,2016-10-77")
    return ("error: data/2560/complaints.csv, row 3, column 'วันที่รับเรื่อง': value '2016-10-77'; "
            "expected a date such as 2018-04-24, 24 เมษายน 2561 or 29 พ.ย. 67\n")


@pytest.mark.parametrize("name", ["validate", "build"])
def test_the_previous_years_records_are_checked_before_any_kernel(root, name):
    problem = break_previous_complaints(root)
    result = command(name, root)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", problem + COUNT.format(n=1))
    assert not (root / "output").exists()


def test_problems_of_both_years_are_listed_at_once(root):
    previous = break_previous_complaints(root)
    edit(root / "data/2561/disbursements.csv", "ขบ 0002/2561", "ขบ 0001/2561")
    result = command("validate", root)
    current = [line for line in result.stderr.splitlines(keepends=True) if "data/2561/" in line]
    assert len(current) == 1 and current[0].startswith("error: data/2561/disbursements.csv, row ")
    assert result.stderr == current[0] + previous + COUNT.format(n=2)


def test_the_previous_year_is_not_read_when_no_report_compares_with_it(root):
    break_previous_complaints(root)
    edit(root / "params/2561.yaml", "  - procurement\n", "")
    edit(root / "params/2561.yaml", "  - complaints\n", "")
    result = command("validate", root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK data/2561: ")


def test_the_previous_years_params_are_checked(root):
    edit(root / "params/2560.yaml", "digits: thai", "digits: roman")
    result = command("validate", root)
    assert (result.returncode, result.stdout, result.stderr) == (
        1, "", "error: params/2560.yaml: key 'digits' is 'roman'; expected one of 'thai' or 'arabic'\n")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  catalogue: 2561\n", "  catalogue: 2561\n  office_urls:\n    O99: https://www.example.go.th/o99\n",
         "office URL for O99: ITA 2561 has no item O99"),
        ("  catalogue: 2561\n", "  catalogue: 2561\n  office_urls:\n    EB1: https://www.example.go.th/eb1\n",
         "office URL for EB1: the pack makes EB1's documents; remove its office URL"),
        ("  catalogue: 2561\n", "  catalogue: 2590\n",
         "catalogues/2590.yaml: no OIT catalogue for ITA year 2590; "
         "catalogues exist for: 2561, 2564, 2567, 2568, 2569"),
    ],
    ids=["unknown-item", "item-the-pack-makes", "no-catalogue"],
)
@pytest.mark.parametrize("name", ["validate", "build"])
def test_pack_settings_are_checked_before_any_kernel(root, name, old, new, message):
    edit(root / "params/2561.yaml", old, new)
    result = command(name, root)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"error: {message}\n")
    assert not (root / "output").exists()
