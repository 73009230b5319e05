"""Bad input files: `ita-report validate` and `build` name every defect exactly, and nothing is written.

Each case copies the repo's params/ and data/2561/ into a scratch project, puts one file of
tests/bad_inputs/ (see its README.md) in place of its dataset, and runs the real commands: build
over a last good pack, which must stay as it was.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from ita_report.config.params import load_params
from ita_report.core.paths import Project
from ita_report.records.year import load_year
from tests import REPO_DIR
from tests.test_cli import run_in_process

YEAR = 2561
CORPUS = Path(__file__).parent / "bad_inputs"
PASSING = "disbursements/thai_digits_pass.xlsx"  # a file of the corpus that must pass, its figures checked
PASSING_TOO = {  # the other files that must pass, and the row count the OK line gives their dataset
    "relations/trailing_empty_columns_pass.csv": "relations: 3 rows",
    "relations/trailing_empty_columns_pass.xlsx": "relations: 3 rows",
    "complaints/long_private_details_pass.csv": "complaints: 3 rows",
}

MONEY = "an amount in baht (a number; '-' means 0)"
DATE = "a date such as 2018-04-24, 24 เมษายน 2561 or 29 พ.ย. 67"
IN_FISCAL_YEAR = "a date in fiscal year 2561 (1 ต.ค. 2560 – 30 ก.ย. 2561)"
PROCUREMENT_STATUSES = "one of: อยู่ระหว่างดำเนินการ, ลงนามสัญญาแล้ว, ส่งมอบและตรวจรับแล้ว, ยกเลิก"
INDICATOR_STATUSES = "one of: ยังไม่ดำเนินการ, อยู่ระหว่างดำเนินการ, ดำเนินการแล้วเสร็จ"
NOT_IN_PROCUREMENT = "expected the e-GP number of a record in procurement"
FIX_FORMULA = "correct the formula or type the value"
SCIENTIFIC = "written out in digits, not in scientific notation (E+)"
AS_NUMBER = "format the column as Number in Excel and save again"
RETYPE = "retype the cell, or save the file again as CSV UTF-8"


def repo_copy(root: Path) -> Path:
    """A copy of the repo's params and FY 2561 inputs."""
    shutil.copytree(REPO_DIR / "params", root / "params")
    shutil.copytree(REPO_DIR / "data" / str(YEAR), root / "data" / str(YEAR))
    return root


def project_with(root: Path, case: str, beside: bool = False, keep_bids: bool = False) -> Path:
    """A copy of the repo's FY 2561 inputs with the case's file in place of (or beside) its dataset's file."""
    folder = repo_copy(root) / "data" / str(YEAR)
    source = CORPUS / case
    dataset = source.parent.name
    if not beside:
        for suffix in (".csv", ".xlsx"):
            (folder / f"{dataset}{suffix}").unlink(missing_ok=True)
    if dataset == "procurement" and not keep_bids:
        # bids.csv refers to the e-GP numbers of the full procurement.csv, which the small files lack
        (folder / "bids.csv").unlink()
    shutil.copyfile(source, folder / f"{dataset}{source.suffix}")
    return root


def ita_report(*args: str) -> subprocess.CompletedProcess:
    """The command run in this process (a new one per case would cost a second of imports each)."""
    return run_in_process(*args)


def validate(root: Path) -> subprocess.CompletedProcess:
    return ita_report("validate", "--year", str(YEAR), "--project", str(root))


def stderr_listing(problems: tuple[str, ...]) -> str:
    lines = [f"error: {problem}\n" for problem in problems]
    return "".join(lines) + f"{len(problems)} problem(s) in the input files; nothing was written\n"


def case(file: str, *problems: str, beside: bool = False, keep_bids: bool = False, case_id: str | None = None):
    """One row of the table: the corpus file, how it is placed, and every problem expected, in order."""
    return pytest.param(file, problems, beside, keep_bids, id=case_id or file)


CASES = [
    # --- procurement
    case("procurement/missing_column.csv",
         "data/2561/procurement.csv, row 1, column 'ราคากลาง (บาท)': column is missing"),
    case("procurement/text_in_money.csv",
         f"data/2561/procurement.csv, row 3, column 'วงเงินงบประมาณ (บาท)': value 'สามพันบาท'; expected {MONEY}"),
    case("procurement/bad_tax_id.csv",
         "data/2561/procurement.csv, row 4, column 'เลขประจำตัวผู้เสียภาษีผู้ได้รับการคัดเลือก': "
         "value '071554408513'; expected a 13-digit tax ID"),
    case("procurement/agreed_price_without_supplier.csv",
         "data/2561/procurement.csv, row 5, column 'ผู้ได้รับการคัดเลือก': value ''; "
         "expected the chosen supplier, since an agreed price is given"),
    case("procurement/supplier_without_agreed_price.csv",
         "data/2561/procurement.csv, row 5, column 'ราคาที่ตกลงซื้อหรือจ้าง (บาท)': value ''; "
         "expected the agreed price, since a supplier is chosen"),
    case("procurement/duplicate_egp_id.csv",
         "data/2561/procurement.csv, row 4, column 'เลขที่โครงการ e-GP': value '61101140953'; "
         "expected a value used only once (also on row 3)"),
    case("procurement/unknown_method.csv",
         "data/2561/procurement.csv, row 3, column 'วิธีจัดซื้อจัดจ้าง': value 'วิธีตกลงราคา'; "
         "expected one of: e-bidding, e-market, สอบราคา, คัดเลือก, เฉพาะเจาะจง"),
    case("procurement/unknown_status.csv",
         "data/2561/procurement.csv, row 2, column 'สถานะการจัดซื้อจัดจ้าง': value 'เสร็จสิ้น'; "
         f"expected {PROCUREMENT_STATUSES}"),
    case("procurement/bad_contract_date.csv",
         f"data/2561/procurement.csv, row 3, column 'วันที่สัญญาหรือข้อตกลง': value '31 ก.ย. 60'; expected {DATE}"),
    case("procurement/egp_id_not_11_digits.csv",
         "data/2561/procurement.csv, row 3, column 'เลขที่โครงการ e-GP': value '6110114095'; "
         "expected an 11-digit e-GP project number"),
    case("procurement/contract_date_outside_fiscal_year.xlsx",
         "data/2561/procurement.xlsx, row 4, column 'วันที่สัญญาหรือข้อตกลง': value '2018-10-04'; "
         f"expected {IN_FISCAL_YEAR}"),
    case("procurement/both_csv_and_xlsx.xlsx",
         "data/2561/procurement.csv: one file for procurement; remove either .csv or .xlsx",
         beside=True, case_id="procurement/both_csv_and_xlsx.xlsx-without-bids"),
    case("procurement/both_csv_and_xlsx.xlsx",
         "data/2561/procurement.csv: one file for procurement; remove either .csv or .xlsx",
         beside=True, keep_bids=True),
    # --- bids
    case("bids/unknown_egp_id.csv",
         f"data/2561/bids.csv, row 5, column 'เลขที่โครงการ e-GP': value '61101133838'; {NOT_IN_PROCUREMENT}"),
    case("bids/utf16.csv",
         "data/2561/bids.csv: text encoded as UTF-8 or Windows-874 (TIS-620)"),
    case("bids/utf16_without_bom.csv",
         "data/2561/bids.csv: text encoded as UTF-8 or Windows-874 (TIS-620)"),
    case("bids/extra_cell.xlsx",
         "data/2561/bids.xlsx, row 4: at most 4 cells, as many as the header has; found 5"),
    # --- complaints
    case("complaints/unknown_column.csv",
         "data/2561/complaints.csv, row 1, column 'ผู้รับเรื่อง': unknown column; expected only: เลขที่เรื่อง, "
         "วันที่รับเรื่อง, ช่องทาง, ประเภทเรื่อง, หน่วยงานที่ถูกร้องเรียน, สถานะ, วันที่ดำเนินการแล้วเสร็จ, "
         "ผลการดำเนินการ, วันที่แจ้งผลผู้ร้องเรียน"),
    case("complaints/bad_date.csv",
         f"data/2561/complaints.csv, row 3, column 'วันที่รับเรื่อง': value '31 เมษายน 2561'; expected {DATE}"),
    case("complaints/finished_before_received.csv",
         "data/2561/complaints.csv, row 2, column 'วันที่ดำเนินการแล้วเสร็จ': value '2017-10-03'; "
         "expected a date on or after the date received"),
    case("complaints/duplicate_case_id.csv",
         "data/2561/complaints.csv, row 4, column 'เลขที่เรื่อง': value 'ร.002/2561'; "
         "expected a value used only once (also on row 3)"),
    case("complaints/unknown_channel_windows874.csv",
         "data/2561/complaints.csv, row 4, column 'ช่องทาง': value 'เฟซบุ๊ก'; "
         "expected one of: ยื่นด้วยตนเอง, ไปรษณีย์, โทรศัพท์, เว็บไซต์, อีเมล, ศูนย์ดำรงธรรม"),
    case("complaints/damaged.xlsx",
         "data/2561/complaints.xlsx: an Excel workbook (.xlsx) that opens"),
    case("complaints/duplicated_column.xlsx",
         "data/2561/complaints.xlsx, row 1, column 'สถานะ': a column that appears only once"),
    # --- indicator_results
    case("indicator_results/text_in_int.csv",
         "data/2561/indicator_results.csv, row 3, column 'ลำดับตัวชี้วัด': value 'ข้อ 2'; expected a whole number"),
    case("indicator_results/finished_before_started.csv",
         "data/2561/indicator_results.csv, row 3, column 'วันที่แล้วเสร็จ': value '2018-02-07'; "
         "expected a date on or after the date started"),
    case("indicator_results/indicator_not_in_plan.csv",
         "data/2561/indicator_results.csv, row 3, column 'ลำดับตัวชี้วัด': value 3; "
         "expected the position of one of the project's indicators in indicators.csv"),
    case("indicator_results/unknown_status.csv",
         "data/2561/indicator_results.csv, row 4, column 'สถานะ': value 'ยังไม่ได้ดำเนินการ'; "
         f"expected {INDICATOR_STATUSES}"),
    case("indicator_results/missing_column.xlsx",
         "data/2561/indicator_results.xlsx, row 1, column 'หน่วยนับ': column is missing"),
    # --- budget_allocations
    case("budget_allocations/project_not_in_plan.csv",
         "data/2561/budget_allocations.csv, row 4, column 'โครงการที่': value 30; "
         "expected a project number of projects.csv"),
    case("budget_allocations/negative_money.csv",
         "data/2561/budget_allocations.csv, row 3, column 'งบประมาณที่ได้รับจัดสรร (บาท)': value '-50,000'; "
         "expected an amount of 0 baht or more"),
    case("budget_allocations/unknown_fund_source.xlsx",
         "data/2561/budget_allocations.xlsx, row 4, column 'แหล่งที่มาของงบประมาณ': value 'เงินรายได้สถานศึกษา'; "
         "expected one of: งบประมาณแผ่นดิน, เงินนอกงบประมาณ"),
    # --- disbursements
    case("disbursements/negative_money.csv",
         "data/2561/disbursements.csv, row 5, column 'จำนวนเงิน (บาท)': value '-1,250'; "
         "expected an amount of 0 baht or more"),
    case("disbursements/paid_outside_fiscal_year.csv",
         f"data/2561/disbursements.csv, row 5, column 'วันที่เบิกจ่าย': value '1 ต.ค. 61'; expected {IN_FISCAL_YEAR}"),
    case("disbursements/duplicate_voucher.csv",
         "data/2561/disbursements.csv, row 4, column 'เลขที่ใบเบิก': value 'ขบ 0002/2561'; "
         "expected a value used only once (also on row 3)"),
    case("disbursements/duplicated_column.csv",
         "data/2561/disbursements.csv, row 1, column 'จำนวนเงิน (บาท)': a column that appears only once"),
    case("disbursements/text_in_money.xlsx",
         "data/2561/disbursements.xlsx, row 3, column 'จำนวนเงิน (บาท)': value '#VALUE!'; "
         f"expected a value, not an Excel error (#VALUE!); {FIX_FORMULA}"),
    # --- relations
    case("relations/extra_cell.csv",
         "data/2561/relations.csv, row 4: at most 6 cells, as many as the header has; found 7"),
    case("relations/tax_id_as_number.xlsx",
         "data/2561/relations.xlsx, row 3, column 'เลขประจำตัวผู้เสียภาษี': value '715550423158'; "
         "expected a 13-digit tax ID"),
    # --- the plan: projects, indicators, responsible_units
    case("projects/policy_not_in_plan.csv",
         "data/2561/projects.csv, row 27, column 'รหัสนโยบาย': value '5.6'; expected a policy code of plan.yaml: "
         "1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 3.1, 3.2, 3.3, 4.1, 4.2, 4.3, 5.1, 5.2, 5.3, 5.4, 5.5, 6"),
    case("projects/duplicate_project_no.csv",
         "data/2561/projects.csv, row 6, column 'โครงการที่': value 4; "
         "expected a value used only once (also on row 5)"),
    case("indicators/project_not_in_projects.csv",
         "data/2561/indicators.csv, row 49, column 'โครงการที่': value 30; expected a project number of projects.csv"),
    case("indicators/text_in_int.csv",
         "data/2561/indicators.csv, row 5, column 'เลขข้อ': value '๒)'; expected a whole number"),
    case("responsible_units/empty_unit.xlsx",
         "data/2561/responsible_units.xlsx, row 6, column 'หน่วยงานรับผิดชอบ': value ''; "
         "expected text; the cell is empty"),
    # --- amounts and whole numbers: commas between thousands only, a decimal point, no exponent, a limit
    case("disbursements/decimal_comma.csv",
         "data/2561/disbursements.csv, row 3, column 'จำนวนเงิน (บาท)': value '10877,50'; "
         "expected an amount with a decimal point, not a comma: write 10877.50"),
    case("disbursements/european_decimal.csv",
         "data/2561/disbursements.csv, row 5, column 'จำนวนเงิน (บาท)': value '10.877,50'; "
         "expected an amount with a decimal point, not a comma: write 10877.50"),
    case("bids/decimal_comma_thai_digits.csv",
         "data/2561/bids.csv, row 3, column 'ราคาที่เสนอ (บาท)': value '๓๔๕๓๐๐,๕๐'; "
         "expected an amount with a decimal point, not a comma: write ๓๔๕๓๐๐.๕๐"),
    case("disbursements/misplaced_commas.csv",
         "data/2561/disbursements.csv, row 4, column 'จำนวนเงิน (บาท)': value '1,2,3'; "
         "expected an amount with commas only between thousands, as in 1,234,567.50"),
    case("disbursements/infinity.csv",
         f"data/2561/disbursements.csv, row 2, column 'จำนวนเงิน (บาท)': value 'inf'; expected {MONEY}"),
    case("disbursements/not_a_number.csv",
         f"data/2561/disbursements.csv, row 3, column 'จำนวนเงิน (บาท)': value 'NaN'; expected {MONEY}"),
    case("disbursements/exponent.csv",
         f"data/2561/disbursements.csv, row 2, column 'จำนวนเงิน (บาท)': value '1e400'; "
         f"expected an amount {SCIENTIFIC}; {AS_NUMBER}",
         f"data/2561/disbursements.csv, row 4, column 'จำนวนเงิน (บาท)': value '1.5E+06'; "
         f"expected an amount {SCIENTIFIC}; {AS_NUMBER}"),
    case("budget_allocations/too_large.csv",
         "data/2561/budget_allocations.csv, row 3, column 'งบประมาณที่ได้รับจัดสรร (บาท)': value '1,000,000,000,000'; "
         "expected an amount of at most 100,000,000,000 baht"),
    case("disbursements/amount_too_long.csv",
         "data/2561/disbursements.csv, row 3, column 'จำนวนเงิน (บาท)': at most 2,000 characters in a cell; "
         "found 2,500"),
    case("projects/budget_in_scientific.csv",
         "data/2561/projects.csv, row 10, column 'งบประมาณ (บาท)': value '1.54534E+06'; "
         f"expected an amount {SCIENTIFIC}; {AS_NUMBER}"),
    case("indicator_results/exponent_in_int.csv",
         "data/2561/indicator_results.csv, row 2, column 'ลำดับตัวชี้วัด': value '1E+00'; "
         f"expected a whole number {SCIENTIFIC}; {AS_NUMBER}"),
    case("indicator_results/int_too_large.csv",
         "data/2561/indicator_results.csv, row 3, column 'โครงการที่': value '12345678901'; "
         "expected a whole number from -1,000,000,000 to 1,000,000,000"),
    case("indicators/misplaced_commas_in_int.csv",
         "data/2561/indicators.csv, row 4, column 'เลขข้อ': value '1,0'; "
         "expected a whole number with commas only between thousands, as in 1,234,567"),
    case("relations/tax_id_in_scientific.csv",
         "data/2561/relations.csv, row 4, column 'เลขประจำตัวผู้เสียภาษี': value '3.7105E+12'; "
         f"expected a 13-digit tax ID {SCIENTIFIC}, which has lost digits; "
         "format the column as Text in Excel and type the IDs again"),
    # --- spreadsheet errors where a value should be: error cells and the same as text
    case("disbursements/error_cells.xlsx",
         "data/2561/disbursements.xlsx, row 2, column 'รายการ': value '#REF!'; "
         f"expected a value, not an Excel error (#REF!); {FIX_FORMULA}",
         "data/2561/disbursements.xlsx, row 3, column 'วันที่เบิกจ่าย': value '#N/A'; "
         f"expected a value, not an Excel error (#N/A); {FIX_FORMULA}",
         "data/2561/disbursements.xlsx, row 4, column 'จำนวนเงิน (บาท)': value '#DIV/0!'; "
         f"expected a value, not an Excel error (#DIV/0!); {FIX_FORMULA}"),
    case("indicator_results/error_cells.xlsx",
         "data/2561/indicator_results.xlsx, row 2, column 'ลำดับตัวชี้วัด': value '#NUM!'; "
         f"expected a value, not an Excel error (#NUM!); {FIX_FORMULA}",
         "data/2561/indicator_results.xlsx, row 3, column 'ค่าเป้าหมาย': value '#GETTING_DATA'; "
         f"expected a value, not an Excel error (#GETTING_DATA); {FIX_FORMULA}"),
    case("procurement/excel_error_as_text.csv",
         "data/2561/procurement.csv, row 3, column 'ราคากลาง (บาท)': value '#NAME?'; "
         f"expected a value, not an Excel error (#NAME?); {FIX_FORMULA}"),
    case("complaints/libreoffice_error.csv",
         "data/2561/complaints.csv, row 3, column 'หน่วยงานที่ถูกร้องเรียน': value 'Err:502'; "
         f"expected a value, not a LibreOffice error (Err:502); {FIX_FORMULA}"),
    # --- workbooks: the template's sheet by name, else the only visible one; never a hidden one
    case("complaints/hidden_old_copy.xlsx",
         f"data/2561/complaints.xlsx, row 3, column 'วันที่รับเรื่อง': value '31 เมษายน 2561'; expected {DATE}"),
    case("budget_allocations/data_sheet_not_first.xlsx",
         "data/2561/budget_allocations.xlsx, row 3, column 'งบประมาณที่ได้รับจัดสรร (บาท)': value '-50,000'; "
         "expected an amount of 0 baht or more"),
    case("complaints/several_visible_sheets.xlsx",
         "data/2561/complaints.xlsx: the records on a sheet named 'ข้อมูล', as in the template, or on the only "
         "visible sheet; found visible sheets 'ต.ค.-มี.ค.', 'เม.ย.-ก.ย.': rename the records' sheet 'ข้อมูล'"),
    case("budget_allocations/hidden_data_sheet.xlsx",
         "data/2561/budget_allocations.xlsx: the records on a visible sheet; sheet 'ข้อมูล' is hidden: unhide it in Excel"),
    # --- a column with no name: its cells are cells too many, in CSV as in Excel
    case("relations/unnamed_column_with_values.csv",
         "data/2561/relations.csv, row 3: at most 6 cells, as many as the header has; found 7"),
    case("relations/unnamed_column_with_values.xlsx",
         "data/2561/relations.xlsx, row 3: at most 6 cells, as many as the header has; found 7"),
    # --- encodings, NUL, quotes and sizes, each located
    case("complaints/windows874_cell_in_utf8.csv",
         "data/2561/complaints.csv, row 4, column 'หน่วยงานที่ถูกร้องเรียน': "
         f"text encoded as UTF-8, as the rest of the file is; {RETYPE}"),
    case("complaints/utf8_cell_in_windows874.csv",
         "data/2561/complaints.csv, row 3, column 'หน่วยงานที่ถูกร้องเรียน': "
         f"text encoded as Windows-874 (TIS-620), as the rest of the file is; {RETYPE}"),
    case("bids/nul_byte.csv",
         "data/2561/bids.csv, row 3, column 'ผู้เสนอราคา': "
         "text without a NUL character (byte 0), which this cell has; retype the cell"),
    case("bids/unclosed_quote.csv",
         'data/2561/bids.csv, row 4: a quote (") in this row opens a cell and is never closed; '
         'remove the stray quote, or write it twice ("") inside a quoted cell'),
    case("relations/text_too_long.csv",
         "data/2561/relations.csv, row 3, column 'ที่อยู่': at most 2,000 characters in a cell; found 2,749"),
    case("relations/too_many_columns.csv",
         "data/2561/relations.csv, row 1: at most 100 columns; found 300"),
    case("relations/long_header.csv",
         "data/2561/relations.csv, row 1: a column name of at most 2,000 characters; found 3,000 in column 7"),
    # --- a file of another kind under a dataset's name
    case("complaints/xlsx_named_csv.csv",
         "data/2561/complaints.csv: an Excel workbook (.xlsx) under a .csv name; rename it complaints.xlsx"),
    case("relations/xls_named_csv.csv",
         "data/2561/relations.csv: an Excel 97-2003 workbook (.xls) under a .csv name; open it in Excel and save "
         "it as relations.xlsx (Excel Workbook) or relations.csv (CSV UTF-8)"),
    case("complaints/csv_named_xlsx.xlsx",
         "data/2561/complaints.xlsx: a text file under a .xlsx name; if it is CSV, rename it complaints.csv"),
    # --- one file, six problems in five rows: all of them at once, row by row
    case("procurement/several_defects.csv",
         f"data/2561/procurement.csv, row 2, column 'สถานะการจัดซื้อจัดจ้าง': value 'ส่งมอบแล้ว'; "
         f"expected {PROCUREMENT_STATUSES}",
         f"data/2561/procurement.csv, row 3, column 'วงเงินงบประมาณ (บาท)': value '๓ พัน'; expected {MONEY}",
         "data/2561/procurement.csv, row 4, column 'ประเภท': value 'จัดซื้อ'; expected one of: ซื้อ, จ้าง, เช่า",
         "data/2561/procurement.csv, row 5, column 'ผู้ได้รับการคัดเลือก': value ''; "
         "expected the chosen supplier, since an agreed price is given",
         "data/2561/procurement.csv, row 6, column 'เลขที่โครงการ e-GP': value '61101124903'; "
         "expected a value used only once (also on row 2)",
         "data/2561/procurement.csv, row 6, column 'เลขประจำตัวผู้เสียภาษีผู้ได้รับการคัดเลือก': "
         "value '37106529334'; expected a 13-digit tax ID"),
]


FIRST_OF_EACH_DATASET = {next(p.values[0] for p in CASES if p.values[0].startswith(f"{folder.name}/"))
                         for folder in CORPUS.iterdir() if folder.is_dir()}


@pytest.mark.parametrize(("file", "problems", "beside", "keep_bids"), CASES)
def test_bad_file_is_named_with_every_problem_and_keeps_the_last_pack(tmp_path, file, problems, beside, keep_bids):
    root = project_with(tmp_path, file, beside, keep_bids)
    assert_refused_by_validate_and_build(root, stderr_listing(problems), also_validate=file in FIRST_OF_EACH_DATASET)


def assert_refused_by_validate_and_build(root: Path, stderr: str, also_validate: bool = False) -> None:
    """Build lists the problems and exits 1, leaving the last pack and the project as they were.

    validate runs the very checks build runs first (pack/preflight.py); it is run as well on the
    first case of each dataset, which shows both commands say the same."""
    if also_validate:
        result = validate(root)
        assert (result.returncode, result.stdout, result.stderr) == (1, "", stderr)
    last_pack = root / "output" / str(YEAR)
    last_pack.mkdir(parents=True)
    (last_pack / "index.html").write_text("the last good pack", encoding="utf-8")
    before = snapshot(root)
    result = ita_report("build", "--year", str(YEAR), "--project", str(root))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", stderr)
    assert snapshot(root) == before


def test_every_corpus_file_has_a_case_and_a_readme_line():
    files = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file() and p.name != "README.md"}
    tested = {param.values[0] for param in CASES} | {PASSING, *PASSING_TOO}
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert files == tested
    assert [f for f in sorted(files) if f"`{f}`" not in readme] == []


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("file", "count"), sorted(PASSING_TOO.items()))
def test_trailing_empty_columns_and_a_long_private_cell_pass(tmp_path, file, count):
    result = validate(project_with(tmp_path, file))
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr
    assert count in result.stdout.removeprefix("OK data/2561: ").rstrip("\n").split("; ")


def test_thai_digits_two_digit_be_years_and_excel_date_cells_pass(tmp_path):
    root = project_with(tmp_path, PASSING)
    result = validate(root)
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr
    assert result.stdout == (
        "OK data/2561: projects: 35 rows; indicators: 53 rows; responsible_units: 42 rows; "
        "indicator_results: 53 rows; budget_allocations: 7 rows; disbursements: 4 rows; procurement: 345 rows; "
        "bids: 385 rows; complaints: 36 rows; relations: 8 rows\n"
    )
    project = Project.at(root)
    frame = load_year(project, load_params(project, YEAR)).frame("disbursements")
    assert frame[["project_no", "paid_on", "amount"]].astype(object).values.tolist() == [
        [22, pd.Timestamp("2017-11-29"), 10877.5],  # ๒๙ พ.ย. ๖๐, ๑๐,๘๗๗.๕๐
        [22, pd.Timestamp("2017-12-14"), 15209.0],  # a date cell and a number cell
        [9, pd.Timestamp("2018-01-02"), 1545340.0],  # ๒ มกราคม ๒๕๖๑, ๑,๕๔๕,๓๔๐
        [9, pd.Timestamp("2018-09-30"), 0.0],  # 30/9/2561, '-'
    ]

