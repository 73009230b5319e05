"""What identifies a person in a published field stops `validate` and `build`, named without repeating it.

ID numbers (with their check digit), phone numbers, e-mail addresses and the complainants of the
year's complaint file are looked for in every public text column of every dataset and in
plan.yaml. Identities where they belong, in the complainant's own columns, reach no output.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from ita_report.config.params import load_params
from ita_report.core.thai import to_thai_digits
from ita_report.pack.build import build_year
from ita_report.pack.manifest import write_manifest
from ita_report.records.columns import Column, Dataset
from ita_report.records.datasets import COMPLAINTS, PROCUREMENT, RELATIONS
from ita_report.records.privacy import findings, scanned_columns, scanned_datasets
from tests import REPO_DIR
from tests.conftest import copy_project
from tests.test_cli import run_in_process
from tests.test_privacy import fold, text_in

YEAR = 2561
FIX = "a published field must not identify a person — remove it"
COMPLAINT_FILE = "data/2561/complaints.csv"
VALID_ID = "3-1012-00345-67-7"  # the check digit is right
WRONG_ID = "3101200345678"  # the same number with a wrong check digit, as a code number may be


def message(file: str, row: int, column: Column, what: str) -> str:
    return f"data/{YEAR}/{file}, row {row}, column '{column.header}': holds {what}; {FIX}"


def plant(root: Path, dataset: Dataset, row: int, column: Column, text: str, replace: bool = False) -> None:
    """Add text to a cell of data/2561/<dataset>.csv (rows numbered as Excel shows them); a column
    the file leaves out is added."""
    path = root / "data" / str(YEAR) / f"{dataset.name}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    header = next((h for h in frame.columns if dataset.find(h) == column), column.header)
    if header not in frame:
        frame[header] = ""
    old = "" if replace else frame.at[row - 2, header]
    frame.at[row - 2, header] = f"{old} {text}".strip()
    frame.to_csv(path, index=False, encoding="utf-8-sig")


def validate(root: Path):
    return run_in_process("validate", "--year", str(YEAR), "--project", str(root))


def privacy_lines(stderr: str) -> list[str]:
    return [line.removeprefix("error: ") for line in stderr.splitlines() if line.endswith(FIX)]


# --- what a text holds ------------------------------------------------------------------------

TEXTS = [
    ("โทร 081-234-5678", ["a phone number (08x-xxx-x678)"]),
    ("โทร. 08-1234-5678", ["a phone number (08-xxxx-x678)"]),
    ("ติดต่อ0961234567ได้", ["a phone number (09xxxxx567)"]),
    ("โทร ๐๘๑-๒๓๔-๕๖๗๘", ["a phone number (๐๘x-xxx-x๖๗๘)"]),
    ("+66 81 234 5678", ["a phone number (+66 xx xxx x678)"]),
    ("+66-2-123-4567", ["a phone number (+66-x-xxx-x567)"]),
    ("สำนักงาน 02-123-4567 ต่อ 12", ["a phone number (02-xxx-x567)"]),
    ("034-512345", ["a phone number (03x-xxx345)"]),
    ("081-234-5678 089-765-4321", ["a phone number (08x-xxx-x678)", "a phone number (08x-xxx-x321)"]),
    (f"ผู้ร้อง {VALID_ID}", ["a 13-digit ID number (3-1xxx-xxxxx-67-7)"]),
    ("3101200345677", ["a 13-digit ID number (31xxxxxxxx677)"]),
    ("3 1012 00345 67 7", ["a 13-digit ID number (3 1xxx xxxxx 67 7)"]),
    ("เลข ๓๑๐๑๒๐๐๓๔๕๖๗๗", ["a 13-digit ID number (๓๑xxxxxxxx๖๗๗)"]),
    ("somchai.j@example.com", ["an e-mail address (s…@example.com)"]),
    ("อีเมลsaraban_k@school.ac.th แจ้งแล้ว", ["an e-mail address (s…@school.ac.th)"]),
    (f"โทร 0812345678 หรือ {VALID_ID}", ["a phone number (08xxxxx678)", "a 13-digit ID number (3-1xxx-xxxxx-67-7)"]),
    # a number that only looks like one: a code with a wrong check digit, e-GP numbers, dates, amounts
    (f"จ้างซ่อมอาคาร สัญญาเลขที่ {WRONG_ID}", []),
    ("3-1012-00345-67-8", []),
    ("เลขที่โครงการ e-GP 61017001234 เลขคุมสัญญา 610122001234", []),
    ("31012003456770", []),
    ("ลงวันที่ 02 10 2560 เวลา 08.30-16.30 น.", []),
    ("จ้างซ่อมแซมรถยนต์ราชการ หมายเลขทะเบียน กข ๑๒๓๔ กาญจนบุรี", []),
    ("วงเงิน 1,234,567 บาท เลขที่ 0123/2561", []),
    ("https://drive.google.com/file/d/0812345678abc", []),
    ("ติดต่อที่ @ห้องสารบรรณ", []),
]


@pytest.mark.parametrize("text, found", TEXTS, ids=[text for text, _ in TEXTS])
def test_a_text_is_described_by_what_identifies_a_person_in_it_without_repeating_it(text, found):
    result = findings(pd.Series([text], index=[7]))
    assert result.to_dict() == ({7: found} if found else {})


def test_empty_cells_and_columns_hold_nothing():
    assert findings(pd.Series([None, None], dtype=object)).empty
    assert findings(pd.Series([], dtype=object)).empty


# --- the problems `validate` lists --------------------------------------------------------------

SUBJECT_UNIT = COMPLAINTS.column("subject_unit")
OUTCOME = COMPLAINTS.column("outcome")
RELATED, RELATION = RELATIONS.column("related"), RELATIONS.column("relation")
OFFICERS, SUPPLIER_ADDRESS = PROCUREMENT.column("officers"), PROCUREMENT.column("supplier_address")
ROW_2 = f"of the complainant on row 2 of {COMPLAINT_FILE}"
ROW_3 = f"of the complainant on row 3 of {COMPLAINT_FILE}"  # นางศิริพร ศรีประเสริฐ, 3710609169946, 087-682-9642


def planted(dataset: Dataset, row: int, column: Column, text: str, what: str):
    return pytest.param(dataset, row, column, text, message(f"{dataset.name}.csv", row, column, what),
                        id=f"{dataset.name}.{column.name}: {text}")


def dataset(name: str) -> Dataset:
    return next(d for d in scanned_datasets() if d.name == name)


PLANTED = [
    planted(COMPLAINTS, 7, SUBJECT_UNIT, "โทร 081-234-0123", "a phone number (08x-xxx-x123)"),
    planted(PROCUREMENT, 3, SUPPLIER_ADDRESS, "โทร. ๐๒-๑๒๓-๔๕๖๗", "a phone number (๐๒-xxx-x๕๖๗)"),
    planted(dataset("disbursements"), 4, dataset("disbursements").column("item"), "+66 89 765 4321",
            "a phone number (+66 xx xxx x321)"),
    planted(RELATIONS, 2, RELATED, f"({VALID_ID})", "a 13-digit ID number (3-1xxx-xxxxx-67-7)"),
    planted(dataset("indicator_results"), 5, dataset("indicator_results").column("note"), "๓๑๐๑๒๐๐๓๔๕๖๗๗",
            "a 13-digit ID number (๓๑xxxxxxxx๖๗๗)"),
    # the policy code is also not one of plan.yaml: that problem would repeat the value, and is left out
    planted(dataset("projects"), 6, dataset("projects").column("policy_code"), "somchai.j@example.com",
            "an e-mail address (s…@example.com)"),
    planted(dataset("bids"), 5, dataset("bids").column("bidder"), "somchai.j@example.com",
            "an e-mail address (s…@example.com)"),
    planted(dataset("responsible_units"), 9, dataset("responsible_units").column("unit"),
            "ติดต่อ saraban_k@school.ac.th", "an e-mail address (s…@school.ac.th)"),
    # a complainant of this year's complaint file, typed into a field of another file or another column
    planted(PROCUREMENT, 2, OFFICERS, "; ศิริพร ศรีประเสริฐ", f"the name {ROW_3}"),
    planted(RELATIONS, 3, RELATED, "นางศิริพร   ศรีประเสริฐ", f"the name {ROW_3}"),
    planted(COMPLAINTS, 10, OUTCOME, "แจ้งนางศิริพรศรีประเสริฐแล้ว", f"the name {ROW_3}"),
    planted(COMPLAINTS, 12, OUTCOME, "โทรแจ้ง 0876829642 แล้ว", f"the phone number {ROW_3} (08xxxxx642)"),
    planted(RELATIONS, 4, RELATION, "3 7106 09169 94 6", f"the ID number {ROW_3} (3 7xxx xxxxx 94 6)"),
]


@pytest.mark.parametrize("planted_in, row, column, text, expected", PLANTED)
def test_what_identifies_a_person_in_a_published_field_is_named_exactly(project, planted_in, row, column, text,
                                                                         expected):
    plant(project.root, planted_in, row, column, text)
    result = validate(project.root)
    assert (result.returncode, privacy_lines(result.stderr)) == (1, [expected])
    assert result.stderr.endswith("1 problem(s) in the input files; nothing was written\n")
    assert text not in result.stderr


def test_plan_texts_are_scanned_and_named_by_their_key(project):
    path = project.data_dir(YEAR) / "plan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "name: ด้านความโปร่งใส", "name: ด้านความโปร่งใส ติดต่อ 081-234-5678"), encoding="utf-8")
    result = validate(project.root)
    assert (result.returncode, privacy_lines(result.stderr)) == (
        1, [f"data/{YEAR}/plan.yaml: key 'areas.0.name' holds a phone number (08x-xxx-x678); {FIX}"])


def test_a_lone_given_name_is_found_only_as_a_word_and_a_short_one_not_at_all(project):
    """ประชา, a complainant's whole name, is also part of ประชาสัมพันธ์ in the plan's indicators."""
    name = COMPLAINTS.column("complainant_name")
    plant(project.root, COMPLAINTS, 2, name, "นายประชา", replace=True)
    plant(project.root, COMPLAINTS, 3, name, "นายดี", replace=True)
    plant(project.root, COMPLAINTS, 5, OUTCOME, "แจ้งผลให้ ประชา ทราบแล้ว ผลดี")
    result = validate(project.root)
    assert privacy_lines(result.stderr) == [message("complaints.csv", 5, OUTCOME, f"the name {ROW_2}")]


def test_the_example_project_holds_no_identity_in_a_published_field():
    result = validate(REPO_DIR)
    assert (result.returncode, result.stdout.startswith(f"OK data/{YEAR}: projects: ")) == (0, True), result.stderr


# --- the privacy test of issue 13: every column, every output ----------------------------------

PLANTS = [  # (what is planted, how the problem names it), one row each
    (VALID_ID, "a 13-digit ID number (3-1xxx-xxxxx-67-7)"),
    ("โทร ๐๘๑-๒๓๔-๕๖๗๘", "a phone number (๐๘x-xxx-x๖๗๘)"),
    ("somchai.j@example.com", "an e-mail address (s…@example.com)"),
    ("ศิริพร ศรีประเสริฐ", f"the name {ROW_3}"),
]


def test_identities_planted_in_every_published_text_column_stop_the_build_before_anything_is_written(tmp_path):
    """Each public text column of each dataset spec gets each kind of identity, so a new column is covered."""
    project = copy_project(tmp_path)
    expected = []
    for spec in scanned_datasets():
        for column in scanned_columns(spec):
            for row, (text, what) in enumerate(PLANTS, start=2):
                plant(tmp_path, spec, row, column, text)
                expected.append(message(f"{spec.name}.csv", row, column, what))
    assert len(expected) == 4 * 27  # 27 text columns; a new one is planted too, and counted here
    result = run_in_process("build", "--year", str(YEAR), "--jobs", "1", "--project", str(tmp_path))
    assert result.returncode == 1
    assert sorted(privacy_lines(result.stderr)) == sorted(expected)
    assert not project.output_root().exists()
    assert all(text not in result.stderr for text, _ in PLANTS)


IDENTITY = {  # planted in the complainant's own columns of complaints.csv rows 2 and 3, where they belong
    2: {"complainant_name": "นางสาวพิมพ์ชนก ศรีวิไลวรรณ", "complainant_id": "1-1017-00230-70-8",
        "complainant_phone": "089-765-4312", "complainant_address": "99/9 หมู่ 9 ตำบลหนองหญ้า",
        "details": "ร้องเรียนผ่าน phimchanok.s@example.com ว่าไม่ได้รับความเป็นธรรม"},
    3: {"complainant_name": "นายธีรวัฒน์ บุญประคอง", "complainant_id": "3101200345677",
        "complainant_phone": "+66 81 987 6543"},
}


def spellings(value: str) -> set[str]:
    """A planted value as it could be printed: as typed, without its title, as bare digits, in Thai digits."""
    written = {value, re.sub(r"^(นางสาว|นาง|นาย)", "", value), "phimchanok"}
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 9:
        written |= {digits, digits[-9:]}  # +66 81… is 081… without its 0
    return {fold(s) for text in written for s in (text, to_thai_digits(text))}


@pytest.fixture(scope="module")
def planted_pack(tmp_path_factory) -> Path:
    """The module's one full build: the example project with the planted identities."""
    root = tmp_path_factory.mktemp("planted")
    project = copy_project(root)
    for row, values in IDENTITY.items():
        for name, value in values.items():
            plant(root, COMPLAINTS, row, COMPLAINTS.column(name), value, replace=True)
    build_year(project, YEAR, log=lambda line: None, jobs=2)
    return project.output_dir(YEAR)


def test_identities_in_the_complainants_columns_reach_no_output_in_any_format(planted_pack):
    files = sorted(p for p in planted_pack.rglob("*") if p.is_file())
    assert {p.suffix for p in files} >= {".html", ".pdf", ".csv", ".xlsx", ".ipynb"}
    secrets = {spelling: value for values in IDENTITY.values() for value in values.values()
               for spelling in spellings(value)}
    leaks = []
    for path in files:
        text = fold(text_in(path.name, path.read_bytes()))
        leaks += [f"{path.relative_to(planted_pack)}: {value}" for spelling, value in secrets.items()
                  if spelling in text]
    assert leaks == []
    # the search does read these files: a public value of the same complaints is found in each format
    unit = fold("กลุ่มบริหารการเงินและสินทรัพย์")
    for name in ("complaints.html", "complaints.pdf", "tables/complaints_by_unit.csv", "notebooks/complaints.ipynb"):
        assert unit in fold(text_in(name, (planted_pack / name).read_bytes())), name


def test_a_data_file_named_after_a_complainant_is_not_named_in_the_manifest(project, tmp_path):
    (project.data_dir(YEAR) / "นางสาวพิมพ์ชนก ศรีวิไลวรรณ.pdf").write_bytes(b"%PDF-1.4\n")
    pack = tmp_path / "pack"
    pack.mkdir()
    params = load_params(project, YEAR)
    write_manifest(pack, project, YEAR, params.reports, "key", {})
    assert "พิมพ์ชนก" not in (pack / "manifest.json").read_text(encoding="utf-8")
