"""Importing the e-GP contract open data: the office's rows are added, every other row is accounted for."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from ita_report.config.params import load_params
from ita_report.core.errors import DataError
from ita_report.core.paths import Project
from ita_report.interchange.egp import PLACEHOLDER, ImportRefused, import_egp, map_method
from ita_report.records import datasets as d
from ita_report.records.writing import write_csv
from ita_report.records.year import load_year
from tests import REPO_DIR

YEAR = 2561
FIXTURES = Path(__file__).parent / "fixtures" / "egp"
EXTRACT = FIXTURES / "contracts_2561.csv"
EXTRACT_874 = FIXTURES / "contracts_2561_cp874.csv"
AGENCY = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาญจนบุรี เขต ๒"

# The office's own record of project 61047000004, which the extract repeats on row 6.
KEPT = {
    "egp_id": "61047000004",
    "item": "จ้างเหมาบริการทำความสะอาดสำนักงาน",
    "kind": "จ้าง",
    "budget_category": "งบดำเนินงาน",
    "expense_type": "ค่าใช้สอย",
    "fund_source": "งบประมาณแผ่นดิน",
    "budget": 96000.0,
    "reference_price": 96000.0,
    "method": "เฉพาะเจาะจง",
    "supplier": "นางสาวสมใจ ใจดี",
    "supplier_tax_id": "3719900111222",
    "agreed_price": 96000.0,
    "reason": "ราคาเหมาะสม",
    "contract_no": "จ. ๑/๒๕๖๑",
    "contract_date": date(2017, 10, 2),
    "status": "ส่งมอบและตรวจรับแล้ว",
    "requesting_unit": "กลุ่มอำนวยการ",
    "officers": "นายสมชาย ใจกล้า;นางสาวสุดา รักงาน",
}

REJECTED = (
    "contracts_2561.csv, row 7, column 'วิธีจัดซื้อฯ': value 'ตกลงราคา'; expected a method of the "
    "Procurement Act B.E. 2560: e-bidding, e-market, สอบราคา, คัดเลือก, เฉพาะเจาะจง "
    "(ประกาศเชิญชวนทั่วไป with e-bidding, e-market or สอบราคา in กลุ่มวิธีจัดซื้อฯ)",
    "contracts_2561.csv, row 9, column 'วันที่ลงนามสัญญา': value '3 ต.ค. 61'; "
    "expected a date in fiscal year 2561 (1 ต.ค. 2560 – 30 ก.ย. 2561)",
)


def new_project(root: Path, records: list[dict] | None = None) -> Project:
    """A project with the repo's params and, when given, a procurement.csv of these records."""
    shutil.copytree(REPO_DIR / "params", root / "params")
    project = Project.at(root)
    if records is not None:
        project.data_dir(YEAR).mkdir(parents=True)
        write_csv(pd.DataFrame(records), d.PROCUREMENT, project.data_dir(YEAR) / "procurement.csv")
    return project


@pytest.fixture
def office(tmp_path) -> Project:
    return new_project(tmp_path, [KEPT])


def procurement(project: Project) -> pd.DataFrame:
    return load_year(project, load_params(project, YEAR)).frame("procurement")


def procurement_file(project: Project) -> Path:
    return project.data_dir(YEAR) / "procurement.csv"


def test_import_adds_the_office_rows_and_accounts_for_every_other_row(office):
    result = import_egp(office, YEAR, EXTRACT, AGENCY)
    assert result.added == ("61017000001", "61027000002", "61037000003")
    assert result.present == ("61047000004",)
    assert tuple(str(r) for r in result.rejected) == REJECTED
    assert (result.rejected_rows, result.left_out, result.budget_added) == (2, 2, 1_575_000.0)
    frame = procurement(office)
    assert list(frame["egp_id"]) == ["61047000004", "61017000001", "61027000002", "61037000003"]
    assert (frame["budget"].sum(), frame["reference_price"].sum(), frame["agreed_price"].sum()) == (
        1_671_000.0, 1_659_500.0, 1_240_500.0)


def test_the_office_record_already_present_is_kept_as_it_was(office):
    before = procurement_file(office).read_text(encoding="utf-8-sig").splitlines()
    import_egp(office, YEAR, EXTRACT, AGENCY)
    assert procurement_file(office).read_text(encoding="utf-8-sig").splitlines()[:2] == before


def test_e_gp_fields_map_to_the_record_columns(office):
    import_egp(office, YEAR, EXTRACT, AGENCY)
    frame = procurement(office).set_index("egp_id")
    first = frame.loc["61017000001"]
    assert first["item"] == "ซื้อวัสดุสำนักงาน ๒ รายการ"  # Thai digits in names are kept
    assert (first["kind"], first["method"], first["status"]) == ("ซื้อ", "เฉพาะเจาะจง", "ส่งมอบและตรวจรับแล้ว")
    assert (first["supplier"], first["supplier_tax_id"], first["agreed_price"]) == (
        "ร้านเจริญภัณฑ์", "3710100123456", 44_500.0)
    assert (first["contract_no"], first["contract_date"]) == ("ตส. ๑/๒๕๖๑", pd.Timestamp("2017-12-01"))
    second = frame.loc["61027000002"]  # ประกาศเชิญชวนทั่วไป + e-bidding, agency written "เขต  ๒", year ๒๕๖๑
    assert (second["kind"], second["method"], second["status"]) == ("จ้าง", "e-bidding", "ลงนามสัญญาแล้ว")
    third = frame.loc["61037000003"]  # "-" is empty; the budget is written in Thai digits
    assert (third["budget"], third["method"], third["status"]) == (280_000.0, "e-market", "อยู่ระหว่างดำเนินการ")
    assert third[["supplier", "agreed_price", "contract_no", "contract_date"]].isna().all()


def test_fields_e_gp_lacks_get_stated_values_named_in_the_result(office):
    result = import_egp(office, YEAR, EXTRACT, AGENCY)
    added = procurement(office).set_index("egp_id").loc[list(result.added)]
    assert set(added["budget_category"]) == {"งบดำเนินงาน"}
    assert set(added["expense_type"]) == {"อื่น ๆ"}
    assert set(added["fund_source"]) == {"งบประมาณแผ่นดิน"}
    assert set(added["requesting_unit"]) == set(added["officers"]) == {PLACEHOLDER}
    assert added["reason"].isna().all()
    assert result.filled_in == (
        "หมวดงบประมาณ = 'งบดำเนินงาน' on 3 added record(s): the source has no budget category; "
        "change it where the item is งบลงทุน",
        "ประเภทรายจ่าย = 'อื่น ๆ' on 3 added record(s): the source has no expense type",
        "แหล่งที่มาของงบประมาณ = 'งบประมาณแผ่นดิน' on 3 added record(s): the source has no fund source",
        "หน่วยงานที่ขอซื้อหรือขอจ้าง = 'ไม่ระบุ (นำเข้าจาก e-GP)' on 3 added record(s): "
        "the source has no requesting unit",
        "เจ้าหน้าที่ผู้ดำเนินการ = 'ไม่ระบุ (นำเข้าจาก e-GP)' on 3 added record(s): the source names no officers",
        "สถานะการจัดซื้อจัดจ้าง on 1 added record(s): the source has no such status; set from what it shows "
        "of the contract (ลงนามสัญญาแล้ว with a contract date, else อยู่ระหว่างดำเนินการ)",
    )


def test_the_windows_874_twin_gives_the_same_records(office, tmp_path):
    twin = new_project(tmp_path / "twin", [KEPT])
    result = import_egp(twin, YEAR, EXTRACT_874, AGENCY)
    import_egp(office, YEAR, EXTRACT, AGENCY)
    assert result.added == ("61017000001", "61027000002", "61037000003")
    assert [str(r).split(",", 1)[1] for r in result.rejected] == [r.split(",", 1)[1] for r in REJECTED]
    assert procurement_file(twin).read_bytes() == procurement_file(office).read_bytes()


def test_importing_again_adds_nothing_and_writes_nothing(office):
    import_egp(office, YEAR, EXTRACT, AGENCY)
    before = procurement_file(office).read_bytes()
    result = import_egp(office, YEAR, EXTRACT, AGENCY)
    assert (result.added, result.present) == ((), ("61017000001", "61027000002", "61037000003", "61047000004"))
    assert procurement_file(office).read_bytes() == before


def test_new_rows_go_under_the_office_headers_and_its_own_cells_stay_as_typed(tmp_path):
    project = new_project(tmp_path)
    project.data_dir(YEAR).mkdir(parents=True)
    cells = {**{k: str(v) for k, v in KEPT.items()}, "contract_date": "2 ต.ค. 60", "budget": "96,000"}
    own = pd.DataFrame([cells])  # canonical names as headers, a Thai date, Windows-874
    own.to_csv(procurement_file(project), index=False, encoding="cp874")
    import_egp(project, YEAR, EXTRACT, AGENCY)
    written = pd.read_csv(procurement_file(project), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(written.columns) == list(own.columns)
    assert written.iloc[0].to_dict() == cells
    assert list(written["egp_id"]) == ["61047000004", "61017000001", "61027000002", "61037000003"]
    assert procurement(project)["budget"].sum() == 1_671_000.0


def test_a_year_without_procurement_gets_the_file(tmp_path):
    project = new_project(tmp_path)
    result = import_egp(project, YEAR, EXTRACT, AGENCY)
    assert result.added == ("61017000001", "61027000002", "61037000003", "61047000004")
    assert len(procurement(project)) == 4


@pytest.mark.parametrize(
    ("method", "group", "expected"),
    [
        ("ประกาศเชิญชวนทั่วไป", "e-bidding", "e-bidding"),
        ("ประกาศเชิญชวนทั่วไป", "e-market", "e-market"),
        ("ประกาศเชิญชวนทั่วไป", "สอบราคา", "สอบราคา"),
        ("e-bidding", "", "e-bidding"),
        ("E-Bidding", "", "e-bidding"),
        ("ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "", "e-bidding"),
        ("e-market", "e-market", "e-market"),
        ("เฉพาะเจาะจง", "วิธีเฉพาะเจาะจง", "เฉพาะเจาะจง"),
        ("วิธีคัดเลือก", "", "คัดเลือก"),
        ("สอบราคา", "", "สอบราคา"),
        ("ตกลงราคา", "ตกลงราคา", None),
        ("ประกาศเชิญชวนทั่วไป", "-", None),
        ("ประกาศเชิญชวนทั่วไป", "เฉพาะเจาะจง", None),
    ],
)
def test_e_gp_methods_map_to_the_methods_of_the_act(method, group, expected):
    assert map_method(method, group) == expected


GOOD_ROW = {
    "ลำดับ": "1", "รหัสโครงการ": "61017000021", "ชื่อโครงการ": "ซื้อกระดาษ", "ชื่อประเภทโครงการ": "ซื้อ",
    "ชื่อหน่วยงาน": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "ชื่อหน่วยงานย่อย": AGENCY,
    "วิธีจัดซื้อฯ": "เฉพาะเจาะจง", "กลุ่มวิธีจัดซื้อฯ": "วิธีเฉพาะเจาะจง", "วันที่ประกาศ": "1 พ.ย. 60",
    "งบประมาณ(บาท)": "10,000.00", "ราคากลาง(บาท)": "10,000.00", "ราคาตกลงซื้อ/จ้าง": "9,800.00",
    "ปีงบประมาณ": "2561", "วันที่เกิดรายการ": "1 พ.ย. 60", "จังหวัด": "กาญจนบุรี", "ชื่อผู้ชนะ": "ร้านกระดาษดี",
    "เลขนิติบุคคล": "3710100777888", "เลขที่สัญญา": "๕/๒๕๖๑", "วันที่ลงนามสัญญา": "2 พ.ย. 60",
    "สถานะสัญญา": "จัดทำสัญญา/PO แล้ว",
}


def write_extract(path: Path, *rows: dict) -> Path:
    pd.DataFrame(list(rows)).to_csv(path, index=False, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"รหัสโครงการ": "6101700002"},
         "column 'รหัสโครงการ': value '6101700002'; expected an e-GP project number of 11 digits"),
        ({"ชื่อโครงการ": "-"}, "column 'ชื่อโครงการ': value '-'; expected the name of the procurement; the cell is empty"),
        ({"ชื่อประเภทโครงการ": "แลกเปลี่ยน"},
         "column 'ชื่อประเภทโครงการ': value 'แลกเปลี่ยน'; expected a project type that begins with ซื้อ, จ้าง or เช่า"),
        ({"วิธีจัดซื้อฯ": "ประกาศเชิญชวนทั่วไป", "กลุ่มวิธีจัดซื้อฯ": "-"},
         "column 'วิธีจัดซื้อฯ': value 'ประกาศเชิญชวนทั่วไป'; expected a method of the Procurement Act B.E. 2560: "
         "e-bidding, e-market, สอบราคา, คัดเลือก, เฉพาะเจาะจง (ประกาศเชิญชวนทั่วไป with e-bidding, e-market or "
         "สอบราคา in กลุ่มวิธีจัดซื้อฯ)"),
        ({"งบประมาณ(บาท)": "-"},
         "column 'งบประมาณ(บาท)': value '-'; expected an amount in baht, which a procurement record needs"),
        ({"ราคากลาง(บาท)": "1.2 ล้าน"},
         "column 'ราคากลาง(บาท)': value '1.2 ล้าน'; expected an amount in baht such as 1,250,000.00"),
        ({"วันที่ประกาศ": "31 ก.พ. 61"},
         "column 'วันที่ประกาศ': value '31 ก.พ. 61'; expected a date such as 2018-04-24, 24 เมษายน 2561 or 29 พ.ย. 67"),
        ({"ปีงบประมาณ": "2562"}, "column 'ปีงบประมาณ': value '2562'; expected 2561, the fiscal year being imported"),
        ({"เลขนิติบุคคล": "12345"}, "column 'เลขนิติบุคคล': value '12345'; expected a 13-digit tax ID"),
        ({"สถานะสัญญา": "รออนุมัติ"},
         "column 'สถานะสัญญา': value 'รออนุมัติ'; expected a contract status such as "
         "อยู่ระหว่างดำเนินการ, ลงนามสัญญาแล้ว, ส่งมอบและตรวจรับแล้ว, ยกเลิก"),
        ({"วันที่ลงนามสัญญา": "-"},
         "column 'วันที่ลงนามสัญญา': value '-'; expected the date of the signed contract"),
        ({"ราคาตกลงซื้อ/จ้าง": "-", "สถานะสัญญา": "-", "วันที่ลงนามสัญญา": "-"},
         "column 'ราคาตกลงซื้อ/จ้าง': value '-'; expected the agreed price, since a supplier is chosen"),
    ],
)
def test_a_row_that_cannot_become_a_record_is_rejected_with_the_reason(office, tmp_path, changes, message):
    extract = write_extract(tmp_path / "egp.csv", {**GOOD_ROW, **changes})
    before = procurement_file(office).read_bytes()
    result = import_egp(office, YEAR, extract, AGENCY)
    assert (result.added, [str(r) for r in result.rejected]) == ((), [f"egp.csv, row 2, {message}"])
    assert procurement_file(office).read_bytes() == before


def test_the_good_row_of_the_table_is_added(office, tmp_path):
    result = import_egp(office, YEAR, write_extract(tmp_path / "egp.csv", GOOD_ROW), AGENCY)
    assert (result.added, result.rejected) == (("61017000021",), ())


def test_a_project_repeated_with_other_values_is_rejected_and_an_exact_repeat_is_present(office, tmp_path):
    other = {**GOOD_ROW, "ราคาตกลงซื้อ/จ้าง": "9,900.00"}
    result = import_egp(office, YEAR, write_extract(tmp_path / "egp.csv", GOOD_ROW, GOOD_ROW, other), AGENCY)
    assert (result.added, result.present) == (("61017000021",), ("61017000021",))
    assert [str(r) for r in result.rejected] == [
        "egp.csv, row 4, column 'รหัสโครงการ': value '61017000021'; expected a project number used once "
        "(also at egp.csv, row 2, with other values)"
    ]


def test_an_extract_without_winners_keeps_the_agreed_price_under_a_placeholder(office, tmp_path):
    base = {k: v for k, v in GOOD_ROW.items()
            if k not in ("ชื่อผู้ชนะ", "เลขนิติบุคคล", "เลขที่สัญญา", "วันที่ลงนามสัญญา", "สถานะสัญญา")}
    result = import_egp(office, YEAR, write_extract(tmp_path / "egp.csv", base), AGENCY)
    record = procurement(office).set_index("egp_id").loc["61017000021"]
    assert (record["supplier"], record["agreed_price"], record["status"]) == (
        PLACEHOLDER, 9_800.0, "อยู่ระหว่างดำเนินการ")
    assert "ผู้ได้รับการคัดเลือก = 'ไม่ระบุ (นำเข้าจาก e-GP)' on 1 added record(s): " \
        "an agreed price without the winner's name" in result.filled_in


def test_a_year_kept_in_excel_is_refused(office):
    excel = office.data_dir(YEAR) / "procurement.xlsx"
    excel.write_bytes(b"")
    with pytest.raises(ImportRefused) as caught:
        import_egp(office, YEAR, EXTRACT, AGENCY)
    assert str(caught.value) == (
        "data/2561/procurement.xlsx: the year keeps its procurement records in Excel and an import writes "
        "procurement.csv; save the sheet as procurement.csv (CSV UTF-8) and remove the .xlsx, or remove it if "
        "it is the empty template, then import again"
    )


def test_an_agency_with_no_row_is_named(office):
    with pytest.raises(ImportRefused) as caught:
        import_egp(office, YEAR, EXTRACT, "สพป.กาญจนบุรี เขต ๒")
    assert str(caught.value) == (
        "contracts_2561.csv: no row names the agency 'สพป.กาญจนบุรี เขต ๒' in ชื่อหน่วยงาน or ชื่อหน่วยงานย่อย; "
        "names in ชื่อหน่วยงานย่อย include: สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาญจนบุรี เขต 1, "
        "สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาญจนบุรี เขต 2"
    )


def test_an_extract_missing_a_column_is_not_read(office, tmp_path):
    row = {k: v for k, v in GOOD_ROW.items() if k != "ราคากลาง(บาท)"}
    with pytest.raises(DataError) as caught:
        import_egp(office, YEAR, write_extract(tmp_path / "egp.csv", row), AGENCY)
    assert str(caught.value) == "egp.csv, row 1, column 'ราคากลาง(บาท)': column is missing; the e-GP contract extract has it"


def test_an_import_that_leaves_the_year_invalid_is_undone(office):
    (office.data_dir(YEAR) / "bids.csv").write_text(
        "เลขที่โครงการ e-GP,ผู้เสนอราคา,เลขประจำตัวผู้เสียภาษี,ราคาที่เสนอ (บาท)\n61099999999,ร้านหนึ่ง,,100\n",
        encoding="utf-8",
    )
    before = procurement_file(office).read_bytes()
    with pytest.raises(DataError) as caught:
        import_egp(office, YEAR, EXTRACT, AGENCY)
    assert str(caught.value) == (
        "data/2561/bids.csv, row 2, column 'เลขที่โครงการ e-GP': value '61099999999'; "
        "expected the e-GP number of a record in procurement"
    )
    assert procurement_file(office).read_bytes() == before
    assert sorted(p.name for p in office.data_dir(YEAR).iterdir()) == ["bids.csv", "procurement.csv"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ita_report", *args], capture_output=True, text=True)


def test_cli_sums_up_and_fails_when_a_row_is_rejected(office):
    result = run("import-egp", str(EXTRACT), "--year", "2561", "--agency", AGENCY, "--project", str(office.root))
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        "data/2561/procurement.csv: added 3 (วงเงิน 1,575,000.00 บาท), already present 1, rejected 2",
        "left out 2 row(s) of other agencies",
    ]
    assert result.stdout.splitlines()[2].startswith("check: หมวดงบประมาณ = 'งบดำเนินงาน' on 3 added record(s)")
    assert result.stderr == "".join(f"rejected: {r}\n" for r in REJECTED) + (
        "error: 2 record(s) of contracts_2561.csv rejected; correct them and import again "
        "(records already added are skipped)\n"
    )


def test_cli_succeeds_when_every_row_is_added_or_present(office):
    clean = office.root / "clean.csv"
    frame = pd.read_csv(EXTRACT, dtype=str, keep_default_na=False)
    frame[~frame["ลำดับ"].isin(["6", "8"])].to_csv(clean, index=False, encoding="utf-8")  # the rejected rows
    result = run("import-egp", str(clean), "--year", "2561", "--agency", AGENCY, "--project", str(office.root))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "data/2561/procurement.csv: added 3 (วงเงิน 1,575,000.00 บาท), already present 1, rejected 0\n"
        "left out 2 row(s) of other agencies\n"
        "check: หมวดงบประมาณ = 'งบดำเนินงาน' on 3 added record(s): the source has no budget category; "
        "change it where the item is งบลงทุน\n"
        "check: ประเภทรายจ่าย = 'อื่น ๆ' on 3 added record(s): the source has no expense type\n"
        "check: แหล่งที่มาของงบประมาณ = 'งบประมาณแผ่นดิน' on 3 added record(s): the source has no fund source\n"
        "check: หน่วยงานที่ขอซื้อหรือขอจ้าง = 'ไม่ระบุ (นำเข้าจาก e-GP)' on 3 added record(s): "
        "the source has no requesting unit\n"
        "check: เจ้าหน้าที่ผู้ดำเนินการ = 'ไม่ระบุ (นำเข้าจาก e-GP)' on 3 added record(s): the source names no officers\n"
        "check: สถานะการจัดซื้อจัดจ้าง on 1 added record(s): the source has no such status; set from what it "
        "shows of the contract (ลงนามสัญญาแล้ว with a contract date, else อยู่ระหว่างดำเนินการ)\n"
    )
    again = run("import-egp", str(clean), "--year", "2561", "--agency", AGENCY, "--project", str(office.root))
    assert (again.returncode, again.stderr, again.stdout) == (
        0, "", "data/2561/procurement.csv: added 0 (วงเงิน 0.00 บาท), already present 4, rejected 0\n"
        "left out 2 row(s) of other agencies\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nowhere.csv", "--agency", AGENCY), "error: nowhere.csv: no such file\n"),
        ((str(EXTRACT), "--agency", "โรงเรียนบ้านป่า"),
         "error: contracts_2561.csv: no row names the agency 'โรงเรียนบ้านป่า' in ชื่อหน่วยงาน or ชื่อหน่วยงานย่อย; "
         "names in ชื่อหน่วยงานย่อย include: สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาญจนบุรี เขต 1, "
         "สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาญจนบุรี เขต 2\n"),
    ],
)
def test_cli_names_an_input_it_cannot_use(office, args, message):
    result = run("import-egp", *args, "--year", "2561", "--project", str(office.root))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message)
