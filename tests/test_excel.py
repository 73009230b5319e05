"""The Excel writer keeps text as text and writes the same bytes twice; templates load back as their CSV."""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from ita_report.config.params import load_params
from ita_report.core.paths import Project
from ita_report.records import datasets as d
from ita_report.records.workbook import DATE_FORMAT, MONEY_FORMAT, template_workbook, workbook_table, write_workbook
from ita_report.records.writing import to_cells, write_csv
from ita_report.records.year import load_year
from tests import REPO_DIR

YEAR = 2561
PLAN_FILES = ("plan.yaml", "projects.csv", "indicators.csv", "responsible_units.csv")
FORMULA_LIKE = ('=HYPERLINK("http://x","y")', "+1", "-cmd", "@SUM(A1)")
LISTS = {
    "fund_sources": ("งบประมาณแผ่นดิน", "เงินนอกงบประมาณ"),
    "complaint_channels": ("โทรศัพท์", "เว็บไซต์"),
    "complaint_categories": ("การให้บริการ", "การจัดซื้อจัดจ้าง"),
}


def make_project(root: Path) -> Project:
    """FY 2561 params and plan from the repo, and no record files."""
    (root / "params").mkdir(parents=True)
    shutil.copy(REPO_DIR / "params" / f"{YEAR}.yaml", root / "params")
    folder = root / "data" / str(YEAR)
    folder.mkdir(parents=True)
    for name in PLAN_FILES:
        shutil.copy(REPO_DIR / "data" / str(YEAR) / name, folder)
    return Project.at(root)


def load(project: Project, name: str) -> pd.DataFrame:
    return load_year(project, load_params(project, YEAR)).frames[name]


def sheet_xml(path: Path, number: int = 1) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/worksheets/sheet{number}.xml").decode("utf-8")


def drop_downs(path: Path) -> dict[str, tuple[str, ...]]:
    """Each drop-down of the data sheet: the header of its column and the values it offers."""
    workbook = load_workbook(path)
    data, lists = workbook["ข้อมูล"], workbook["รายการ"]
    found = {}
    for validation in data.data_validations.dataValidation:
        assert validation.type == "list"
        (cells,) = validation.sqref.ranges
        letter = re.fullmatch(r"([A-Z]+)2:\1(\d+)", cells.coord)
        assert letter and letter[2] == "1048576"
        source = re.fullmatch(r"'รายการ'!\$([A-Z]+)\$2:\$\1\$(\d+)", validation.formula1)
        found[data[f"{letter[1]}1"].value] = tuple(
            row[0].value for row in lists[f"{source[1]}2:{source[1]}{source[2]}"]
        )
    return found


RECORDS = {
    "procurement": pd.DataFrame({
        "egp_id": ["61017000123", "61037000456"],
        "item": ["-cmd", "จ้างซ่อมรถยนต์ราชการ"],
        "kind": ["ซื้อ", "จ้าง"],
        "budget_category": ["งบดำเนินงาน", "งบดำเนินงาน"],
        "expense_type": ["ค่าวัสดุ", "ค่าใช้สอย"],
        "fund_source": ["งบประมาณแผ่นดิน", "เงินนอกงบประมาณ"],
        "budget": [50000.0, 120000.0],
        "reference_price": [49500.5, 118000.0],
        "method": ["เฉพาะเจาะจง", "e-bidding"],
        "supplier": ["ร้านเอการค้า", None],
        "supplier_tax_id": ["0105556012345", None],
        "agreed_price": [49000.0, None],
        "reason": ['=HYPERLINK("http://x","y")', None],
        "contract_no": ["+12/2561", None],
        "contract_date": [date(2017, 11, 29), None],
        "status": ["ลงนามสัญญาแล้ว", "อยู่ระหว่างดำเนินการ"],
        "requesting_unit": ["กลุ่มนโยบายและแผน", "กลุ่มบริหารการเงินและสินทรัพย์"],
        "officers": ["นายก ใจดี;นางข ใจงาม", "@SUM(A1)"],
    }),
    "complaints": pd.DataFrame({
        "case_id": ["1/2561", "2/2561"],
        "received": [date(2017, 11, 29), date(2018, 3, 1)],
        "channel": ["โทรศัพท์", "เว็บไซต์"],
        "category": ["การให้บริการ", "การจัดซื้อจัดจ้าง"],
        "subject_unit": ["กลุ่มบริหารงานบุคคล", "กลุ่มบริหารการเงินและสินทรัพย์"],
        "status": ["ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"],
        "finished": [date(2017, 12, 15), None],
        "outcome": ["แจ้งผลการตรวจสอบแล้ว", None],
        "informed": [date(2017, 12, 20), None],
    }),
    "indicator_results": pd.DataFrame({
        "project_no": [1, 1, 2],
        "indicator_seq": [1, 2, 1],
        "indicator": ["มีช่องทางการเผยแพร่ข้อมูล", None, None],
        "target": [100.0, 3.5, 1.0],
        "target_unit": ["ร้อยละ", "คะแนน", "ครั้ง"],
        "result_6m": [50.0, None, 1.0],
        "result_12m": [None, None, 1.0],
        "status": ["อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ", "ดำเนินการแล้วเสร็จ"],
        "started": [date(2017, 10, 2), None, date(2017, 10, 1)],
        "finished": [None, None, date(2018, 9, 30)],
        "evidence": ["https://example.go.th/1", None, None],
        "note": [None, None, "=1+1"],
    }),
    "disbursements": pd.DataFrame({
        "voucher": ["0001/61", "0002/61"],
        "project_no": [9, 12],
        "paid_on": [date(2018, 1, 15), date(2018, 9, 30)],
        "amount": [12345.67, 50000.0],
        "item": ["ค่าวัสดุสำนักงาน", None],
    }),
}
DATASETS = {dataset.name: dataset for dataset in (*d.PLAN_DATASETS, *d.RECORD_DATASETS)}


# --- the writer -------------------------------------------------------------------------------------


def test_formula_looking_text_is_stored_as_text(tmp_path):
    target = tmp_path / "t.xlsx"
    write_workbook({"s": pd.DataFrame({"ข้อความ": list(FORMULA_LIKE)})}, target)
    sheet = load_workbook(target)["s"]
    cells = [sheet.cell(row=row, column=1) for row in range(2, 6)]
    assert [c.value for c in cells] == list(FORMULA_LIKE)
    assert [c.data_type for c in cells] == ["s", "s", "s", "s"]
    xml = sheet_xml(target)
    assert "<f>" not in xml and "<f " not in xml
    assert '<c r="A2" s="2" t="inlineStr"><is><t>=HYPERLINK("http://x","y")</t></is></c>' in xml


def test_two_writes_of_the_same_frames_are_byte_identical(tmp_path):
    frames = {
        "สรุป": pd.DataFrame({"รายการ": ["ก", "=ข"], "จำนวนเงิน": [1234.5, 0.0], "วันที่": [date(2018, 1, 2)] * 2}),
        "อื่น": pd.DataFrame({"n": [1, 2]}),
    }
    write_workbook(frames, tmp_path / "a.xlsx", title="ชื่อ")
    write_workbook(frames, tmp_path / "b.xlsx", title="ชื่อ")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.xlsx") as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "<dc:title>ชื่อ</dc:title>" in core
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>' in core
    assert '<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>' in core


def test_templates_are_byte_identical_too(tmp_path):
    for name in ("a.xlsx", "b.xlsx"):
        template_workbook(d.PROCUREMENT, LISTS, tmp_path / name, rows=RECORDS["procurement"])
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_values_keep_their_types_and_formats(tmp_path):
    frame = pd.DataFrame({
        "ปี": [2561, 2562],
        "จำนวนเงิน (บาท)": [1234.5, None],
        "วันที่": [pd.Timestamp("2017-11-29"), pd.NaT],
        "เลขประจำตัว": ["0105556012345", "12"],
        "ใช่": [True, False],
    })
    target = tmp_path / "t.xlsx"
    write_workbook({"s": frame}, target)
    sheet = load_workbook(target)["s"]
    assert [c.value for c in sheet[1]] == list(frame.columns)
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    year, money, day, tax_id, flag = sheet[2]
    assert (year.value, year.data_type, year.number_format) == (2561, "n", "General")
    assert (money.value, money.data_type, money.number_format) == (1234.5, "n", MONEY_FORMAT)
    assert (day.value, day.is_date, day.number_format) == (pd.Timestamp("2017-11-29").to_pydatetime(), True, DATE_FORMAT)
    assert (tax_id.value, tax_id.data_type, tax_id.number_format) == ("0105556012345", "s", "@")
    assert (flag.value, flag.data_type) == (True, "b")
    assert [c.value for c in sheet[3]] == [2562, None, None, "12", False]


@pytest.mark.parametrize(
    ("header", "values", "width"),
    [
        ("a", ["abc"], 8),  # never narrower than 8
        ("วันที่รับเรื่อง", [], 11),  # 9 letters: the vowel and tone marks above and below take no width
        ("x", ["ก" * 100], 60),  # never wider than 60; the cell wraps instead
        ("เงิน", [1234567.5], 14),  # as shown: 1,234,567.50
    ],
)
def test_column_width_follows_the_widest_cell(tmp_path, header, values, width):
    target = tmp_path / "t.xlsx"
    write_workbook({"s": pd.DataFrame({header: pd.Series(values, dtype=object)})}, target)
    assert load_workbook(target)["s"].column_dimensions["A"].width == width


def test_a_failed_write_keeps_the_last_file(tmp_path):
    target = tmp_path / "t.xlsx"
    write_workbook({"s": pd.DataFrame({"a": ["old"]})}, target)
    before = target.read_bytes()
    with pytest.raises(ValueError, match="Invalid character / found in sheet title"):
        write_workbook({"a/b": pd.DataFrame({"a": ["new"]})}, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.xlsx"]


# --- templates --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_template_has_the_thai_headers_in_order_and_a_guide(tmp_path, name):
    dataset = DATASETS[name]
    target = tmp_path / f"{name}.xlsx"
    template_workbook(dataset, LISTS, target)
    workbook = load_workbook(target)
    closed = any(c.kind == "choice" for c in dataset.columns)
    assert workbook.sheetnames == ["ข้อมูล", "คำอธิบาย", *(["รายการ"] if closed else [])]
    assert [workbook[name].sheet_state for name in workbook.sheetnames] == ["visible", "visible",
                                                                            *(["hidden"] if closed else [])]
    assert [c.value for c in workbook["ข้อมูล"][1]] == [c.header for c in dataset.public_columns]
    assert workbook["ข้อมูล"].max_row == 1
    guide = [[c.value for c in row] for row in workbook["คำอธิบาย"].iter_rows(min_row=2)]
    assert [row[:2] for row in guide] == [[c.header, c.name] for c in dataset.public_columns]


def test_guide_explains_every_column(tmp_path):
    target = tmp_path / "t.xlsx"
    template_workbook(d.BUDGET_ALLOCATIONS, LISTS, target)
    assert [[c.value for c in row] for row in load_workbook(target)["คำอธิบาย"].iter_rows()] == [
        ["หัวคอลัมน์", "ชื่อในระบบ", "ชนิดข้อมูล", "ต้องกรอก", "ค่าที่ใช้ได้", "คำอธิบาย"],
        ["โครงการที่", "project_no", "จำนวนเต็ม", "ต้องกรอก", None, "เลขที่โครงการ/กิจกรรมตามแผน (projects.csv)"],
        ["งบประมาณที่ได้รับจัดสรร (บาท)", "allocated", "ตัวเลข มีทศนิยมได้ (ขีด - หมายถึง 0)", "ต้องกรอก", None, None],
        ["แหล่งที่มาของงบประมาณ", "fund_source", "เลือกจากรายการ", "ต้องกรอก",
         "งบประมาณแผ่นดิน, เงินนอกงบประมาณ", None],
    ]


def test_guide_names_kinds_optional_columns_and_fiscal_year_dates(tmp_path):
    target = tmp_path / "t.xlsx"
    template_workbook(d.PROCUREMENT, LISTS, target)
    guide = {row[1].value: [c.value for c in row] for row in load_workbook(target)["คำอธิบาย"].iter_rows(min_row=2)}
    assert guide["supplier_tax_id"] == ["เลขประจำตัวผู้เสียภาษีผู้ได้รับการคัดเลือก", "supplier_tax_id",
                                        "เลขประจำตัวผู้เสียภาษี 13 หลัก", "ไม่บังคับ", None, None]
    assert guide["contract_date"] == ["วันที่สัญญาหรือข้อตกลง", "contract_date", "วันที่ เช่น 29 พ.ย. 2560",
                                      "ไม่บังคับ", "วันที่ภายในปีงบประมาณ", None]
    assert guide["officers"][5] == "ชื่อเจ้าหน้าที่และกรรมการ คั่นด้วย ;"


def test_drop_downs_offer_each_closed_list_on_its_column(tmp_path):
    target = tmp_path / "t.xlsx"
    template_workbook(d.PROCUREMENT, LISTS, target)
    assert drop_downs(target) == {
        "ประเภท": ("ซื้อ", "จ้าง", "เช่า"),
        "หมวดงบประมาณ": ("งบดำเนินงาน", "งบลงทุน", "งบอุดหนุน", "งบรายจ่ายอื่น"),
        "ประเภทรายจ่าย": ("ค่าตอบแทน", "ค่าใช้สอย", "ค่าวัสดุ", "ค่าสาธารณูปโภค", "ค่าครุภัณฑ์",
                          "ค่าที่ดินและสิ่งก่อสร้าง", "อื่น ๆ"),
        "แหล่งที่มาของงบประมาณ": ("งบประมาณแผ่นดิน", "เงินนอกงบประมาณ"),
        "วิธีจัดซื้อจัดจ้าง": ("e-bidding", "e-market", "สอบราคา", "คัดเลือก", "เฉพาะเจาะจง"),
        "สถานะการจัดซื้อจัดจ้าง": ("อยู่ระหว่างดำเนินการ", "ลงนามสัญญาแล้ว", "ส่งมอบและตรวจรับแล้ว", "ยกเลิก"),
    }


def test_drop_downs_take_the_params_lists(tmp_path):
    lists = load_params(make_project(tmp_path / "p"), YEAR).lists
    target = tmp_path / "t.xlsx"
    template_workbook(d.COMPLAINTS, lists.as_mapping(), target)
    assert drop_downs(target) == {
        "ช่องทาง": tuple(lists.complaint_channels),
        "ประเภทเรื่อง": tuple(lists.complaint_categories),
        "สถานะ": ("อยู่ระหว่างดำเนินการ", "ดำเนินการแล้วเสร็จ"),
    }


def test_template_leaves_out_the_complainants_identity(tmp_path):
    rows = RECORDS["complaints"].assign(complainant_name="นายสมชาย ใจดี", complainant_phone="0812345678")
    target = tmp_path / "t.xlsx"
    template_workbook(d.COMPLAINTS, LISTS, target, rows=rows)
    workbook = load_workbook(target)
    text = {str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row}
    assert not {"ชื่อผู้ร้องเรียน", "complainant_name", "complainant_phone", "นายสมชาย ใจดี", "0812345678"} & text
    assert [c.value for c in workbook["ข้อมูล"][1]] == [
        "เลขที่เรื่อง", "วันที่รับเรื่อง", "ช่องทาง", "ประเภทเรื่อง", "หน่วยงานที่ถูกร้องเรียน", "สถานะ",
        "วันที่ดำเนินการแล้วเสร็จ", "ผลการดำเนินการ", "วันที่แจ้งผลผู้ร้องเรียน",
    ]


def test_template_rows_are_typed_per_column_kind(tmp_path):
    target = tmp_path / "t.xlsx"
    template_workbook(d.PROCUREMENT, LISTS, target, rows=RECORDS["procurement"])
    sheet = load_workbook(target)["ข้อมูล"]
    row = {header.value: cell for header, cell in zip(sheet[1], sheet[2])}
    assert (row["เลขที่โครงการ e-GP"].value, row["เลขที่โครงการ e-GP"].data_type) == ("61017000123", "s")
    assert (row["เลขประจำตัวผู้เสียภาษีผู้ได้รับการคัดเลือก"].value,
            row["เลขประจำตัวผู้เสียภาษีผู้ได้รับการคัดเลือก"].data_type) == ("0105556012345", "s")
    assert (row["ราคากลาง (บาท)"].value, row["ราคากลาง (บาท)"].number_format) == (49500.5, MONEY_FORMAT)
    assert row["วันที่สัญญาหรือข้อตกลง"].is_date
    assert row["วันที่สัญญาหรือข้อตกลง"].value.date() == date(2017, 11, 29)
    assert (row["เหตุผลที่คัดเลือกโดยสรุป"].value, row["เหตุผลที่คัดเลือกโดยสรุป"].data_type) == (
        '=HYPERLINK("http://x","y")', "s")
    assert "<f>" not in sheet_xml(target)
    formats = {sheet.cell(row=1, column=n).value: sheet.column_dimensions[sheet.cell(row=1, column=n).column_letter]
               .number_format for n in (1, 7, 11, 16)}
    assert formats == {"เลขที่โครงการ e-GP": "@", "วงเงินงบประมาณ (บาท)": MONEY_FORMAT,
                       "เลขประจำตัวผู้เสียภาษีผู้ได้รับการคัดเลือก": "@", "วันที่สัญญาหรือข้อตกลง": DATE_FORMAT}


# --- round trips through the reader -----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_csv_and_its_template_workbook_load_as_the_same_frame(tmp_path, name):
    dataset = DATASETS[name]
    from_csv = make_project(tmp_path / "csv")
    write_csv(RECORDS[name], dataset, from_csv.data_dir(YEAR) / f"{name}.csv")
    expected = load(from_csv, name)

    from_xlsx = make_project(tmp_path / "xlsx")
    lists = load_params(from_xlsx, YEAR).lists.as_mapping()
    template_workbook(dataset, lists, from_xlsx.data_dir(YEAR) / f"{name}.xlsx", rows=expected)
    assert not (from_xlsx.data_dir(YEAR) / f"{name}.csv").exists()
    pd.testing.assert_frame_equal(load(from_xlsx, name), expected)
    assert len(expected) == len(RECORDS[name])


def test_formula_looking_text_loads_back_unchanged(tmp_path):
    project = make_project(tmp_path)
    template_workbook(d.PROCUREMENT, LISTS, project.data_dir(YEAR) / "procurement.xlsx", rows=RECORDS["procurement"])
    frame = load(project, "procurement")[["reason", "item", "contract_no", "officers"]].fillna("")
    assert frame["reason"].tolist() == ['=HYPERLINK("http://x","y")', ""]
    assert frame["item"].tolist() == ["-cmd", "จ้างซ่อมรถยนต์ราชการ"]
    assert frame["contract_no"].tolist() == ["+12/2561", ""]
    assert frame["officers"].tolist() == ["นายก ใจดี;นางข ใจงาม", "@SUM(A1)"]


def test_windows_874_csv_loads_as_its_utf8_twin(tmp_path):
    utf8 = make_project(tmp_path / "utf8")
    path = utf8.data_dir(YEAR) / "complaints.csv"
    write_csv(RECORDS["complaints"], d.COMPLAINTS, path)
    thai = make_project(tmp_path / "cp874")
    data = path.read_text(encoding="utf-8-sig").encode("cp874")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    (thai.data_dir(YEAR) / "complaints.csv").write_bytes(data)
    pd.testing.assert_frame_equal(load(thai, "complaints"), load(utf8, "complaints"))


def test_an_excel_date_and_the_same_date_typed_in_thai_load_alike(tmp_path):
    cells = to_cells(RECORDS["complaints"], d.COMPLAINTS).astype(object)
    frames = {}
    for kind, received in (("date", date(2017, 11, 29)), ("text", "๒๙ พ.ย. ๖๐")):
        project = make_project(tmp_path / kind)
        typed = cells.copy()
        typed.loc[:, "วันที่รับเรื่อง"] = [received, "2018-03-01"]
        target = project.data_dir(YEAR) / "complaints.xlsx"
        write_workbook({"ข้อมูล": typed}, target)
        cell = load_workbook(target)["ข้อมูล"]["B2"]
        assert (cell.is_date, cell.data_type) == ((True, "d") if kind == "date" else (False, "s"))
        frames[kind] = load(project, "complaints")
    pd.testing.assert_frame_equal(frames["text"], frames["date"])
    assert frames["date"]["received"].tolist() == [pd.Timestamp("2017-11-29"), pd.Timestamp("2018-03-01")]


# --- reading an office's workbook ---------------------------------------------------------------------


def table_of(path: Path) -> tuple[list[str], list[list[str]]]:
    table, problems = workbook_table(path.read_bytes(), path, path.name)
    assert problems == []
    header, body = table
    return header, body.to_numpy().tolist()


def test_number_cells_are_read_in_digits_never_with_an_exponent(tmp_path):
    target = tmp_path / "numbers.xlsx"
    write_workbook({"ข้อมูล": pd.DataFrame({"จำนวนเงิน (บาท)": [1e20, 0.1, 12345.67, 5.0, 1e-7]})}, target)
    assert table_of(target) == (["จำนวนเงิน (บาท)"], [["100000000000000000000"], ["0.1"], ["12345.67"], ["5"],
                                                      ["0.0000001"]])


def test_the_sheet_named_as_the_templates_is_read_whatever_comes_before_it(tmp_path):
    target = tmp_path / "two.xlsx"
    write_workbook({"คำอธิบาย": pd.DataFrame({"หัวคอลัมน์": ["x"]}), " ข้อมูล ": pd.DataFrame({"a": ["1"]})}, target)
    assert table_of(target) == (["a"], [["1"]])


def test_a_template_reads_back_its_data_sheet_not_its_guide_or_hidden_lists(tmp_path):
    target = tmp_path / "procurement.xlsx"
    template_workbook(d.PROCUREMENT, LISTS, target)
    header, body = table_of(target)
    assert (header, body) == ([c.header for c in d.PROCUREMENT.public_columns], [])
