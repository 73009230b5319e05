"""Real builds of the procurement reports: FY 2561's example records, and a year with no procurement.

Every figure is recomputed here from the records' CSV rows with plain Python, not with ita_report.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ita_report.core.paths import Project
from tests import REPO_DIR

YEAR = 2561
REPORTS = "reports:\n  - procurement_monthly\n  - procurement\n"
SCRIPT = "<script>alert(1)</script>"
BANNER = "ข้อมูลตัวอย่าง – ไม่ใช่ข้อมูลจริง"
DISCLAIMER = "ไม่ใช่ข้อพิสูจน์ว่ามีการทุจริต"
NOTHING = "ไม่มีการจัดซื้อจัดจ้าง"
MONTHLY_HEADERS = [
    "ลำดับที่", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงินที่จะซื้อหรือจ้าง (บาท)", "ราคากลาง (บาท)", "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง", "เหตุผลที่คัดเลือกโดยสรุป",
    "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง",
]
LIST_HEADERS = [
    "ที่", "ปีงบประมาณ", "ชื่อหน่วยงาน", "อำเภอ", "จังหวัด", "กระทรวง", "ประเภทหน่วยงาน",
    "ชื่อรายการของงานที่ซื้อหรือจ้าง", "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)", "แหล่งที่มาของงบประมาณ",
    "สถานะการจัดซื้อจัดจ้าง", "วิธีการจัดซื้อจัดจ้าง", "ราคากลาง (บาท)", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
    "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก", "เลขที่โครงการในระบบ e-GP",
]
MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
          "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
ABBREVIATED = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
FISCAL_MONTHS = [(2017, m) for m in (10, 11, 12)] + [(2018, m) for m in range(1, 10)]
ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

# The procurement columns as the office's CSV names them.
ITEM, BUDGET, REFERENCE, METHOD = "งานที่จัดซื้อหรือจัดจ้าง", "วงเงินงบประมาณ (บาท)", "ราคากลาง (บาท)", "วิธีจัดซื้อจัดจ้าง"
SUPPLIER, AGREED, REASON = "ผู้ได้รับการคัดเลือก", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)", "เหตุผลที่คัดเลือกโดยสรุป"
CONTRACT, DATE, STATUS, EGP = "เลขที่สัญญาหรือข้อตกลง", "วันที่สัญญาหรือข้อตกลง", "สถานะการจัดซื้อจัดจ้าง", "เลขที่โครงการ e-GP"


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def write_rows(path: Path, rows: list[dict[str, str]], header: list[str]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def baht(text: str) -> Decimal:
    return Decimal(text or "0")


def percent(part: Decimal, whole: Decimal) -> Decimal:
    return (part * 100 / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def scratch(root: Path, *, empty: bool) -> Project:
    for folder in ("data", "params"):
        shutil.copytree(REPO_DIR / folder, root / folder)
    params = root / "params" / f"{YEAR}.yaml"
    text = params.read_text(encoding="utf-8")
    start = text.index("reports:\n")
    end = text.index("\n\n", start) + 1
    params.write_text(text[:start] + REPORTS + text[end:], encoding="utf-8")
    data = root / "data" / str(YEAR)
    if empty:  # no procurement at all, no bids file, and no previous year
        header = (data / "procurement.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
        write_rows(data / "procurement.csv", [], header)
        (data / "bids.csv").unlink()
        (root / "params" / f"{YEAR - 1}.yaml").unlink()
        shutil.rmtree(root / "data" / str(YEAR - 1))
    else:  # text is data: one direct purchase of food comes from a supplier with markup for a name
        rows = read_rows(data / "procurement.csv")
        chosen = next(r for r in rows if r[SUPPLIER] == "ร้านครัวบ้านสวน")
        chosen[SUPPLIER] = SCRIPT
        write_rows(data / "procurement.csv", rows, list(rows[0]))
        offers = read_rows(data / "bids.csv")
        for offer in offers:
            if offer[EGP] == chosen[EGP]:
                offer["ผู้เสนอราคา"] = SCRIPT
        write_rows(data / "bids.csv", offers, list(offers[0]))
    return Project.at(root)


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> dict[str, Project]:
    """FY 2561 with its example records, and FY 2561 with no procurement, built side by side."""
    made = {
        "full": scratch(tmp_path_factory.mktemp("procurement"), empty=False),
        "empty": scratch(tmp_path_factory.mktemp("no-procurement"), empty=True),
    }
    # two `ita-report build` processes at once: a build forks its workers, which a thread must not do
    builds = [
        subprocess.Popen([sys.executable, "-m", "ita_report", "build", "--year", str(YEAR), "--jobs", str(jobs),
                          "--project", str(project.root)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for project, jobs in ((made["full"], 2), (made["empty"], 1))
    ]
    for build in builds:
        output, _ = build.communicate(timeout=600)
        assert build.returncode == 0, output
    return made


@pytest.fixture(scope="module")
def pack(projects) -> Path:
    return projects["full"].output_dir(YEAR)


@pytest.fixture(scope="module")
def empty_pack(projects) -> Path:
    return projects["empty"].output_dir(YEAR)


@pytest.fixture(scope="module")
def records(projects) -> list[dict[str, str]]:
    return read_rows(projects["full"].data_dir(YEAR) / "procurement.csv")


@pytest.fixture(scope="module")
def concluded(records) -> list[dict[str, str]]:
    """Records with a contract date, not cancelled, by date then file order."""
    return sorted((r for r in records if r[DATE] and r[STATUS] != "ยกเลิก"), key=lambda r: r[DATE])


def sheet_names(path: Path) -> list[str]:
    book = load_workbook(path, read_only=True)
    names = book.sheetnames
    book.close()
    return names


def sheet_rows(path: Path, sheet: str | None = None) -> list[list[object]]:
    book = load_workbook(path, read_only=True)
    rows = [list(row) for row in (book[sheet] if sheet else book.worksheets[0]).iter_rows(values_only=True)]
    book.close()
    return rows


def table(pack: Path, name: str) -> list[dict[str, str]]:
    return read_rows(pack / "tables" / f"{name}.csv")


_PAGES: dict[Path, list[str]] = {}


def pdf_pages(path: Path) -> list[str]:
    """Each page's text as pypdf extracts it (read once per file)."""
    if path not in _PAGES:
        _PAGES[path] = [page.extract_text() for page in PdfReader(path).pages]
    return _PAGES[path]


def flat(text: str) -> str:
    """Text to compare with PDF text: no spaces or line breaks; pypdf reads some า as ำ."""
    return re.sub(r"\s", "", text).replace("ำ", "า").replace("\u0e4d", "")


# --- the monthly สขร.๑ ------------------------------------------------------------------------------


def test_monthly_workbook_has_a_sheet_per_month_with_the_nine_headers(pack):
    path = pack / "tables" / "procurement_monthly.xlsx"
    assert sheet_names(path) == [f"{MONTHS[m - 1]} {y + 543}" for y, m in FISCAL_MONTHS]
    for name in sheet_names(path):
        assert sheet_rows(path, name)[0] == MONTHLY_HEADERS


def test_each_month_sheet_holds_exactly_that_months_records(pack, projects, concluded):
    offers = read_rows(projects["full"].data_dir(YEAR) / "bids.csv")
    for year, month in FISCAL_MONTHS:
        expected = [r for r in concluded if r[DATE].startswith(f"{year}-{month:02d}-")]
        rows = sheet_rows(pack / "tables" / "procurement_monthly.xlsx", f"{MONTHS[month - 1]} {year + 543}")[1:]
        assert len(rows) == len(expected) > 0
        for number, (row, record) in enumerate(zip(rows, expected), start=1):
            day = int(record[DATE][8:])
            assert row[0] == number
            assert row[1] == record[ITEM].translate(ARABIC)
            assert Decimal(str(row[2])) == baht(record[BUDGET])
            assert Decimal(str(row[3])) == baht(record[REFERENCE])
            assert record[METHOD] in row[4]
            for offer in (o for o in offers if o[EGP] == record[EGP]):
                assert f"{offer['ผู้เสนอราคา']} ราคา {baht(offer['ราคาที่เสนอ (บาท)']):,.2f} บาท" in row[5].replace("\n", " ")
            assert row[6] == f"{record[SUPPLIER]}\nราคา {baht(record[AGREED]):,.2f} บาท"
            assert row[7] == (record[REASON] or "-")
            when = f"ลงวันที่ {day} {ABBREVIATED[month - 1]} {year + 543}"
            assert row[8] == (f"{record[CONTRACT].translate(ARABIC)}\n{when}" if record[CONTRACT] else when)


def test_monthly_tables_add_up_to_the_years_concluded_records(pack, records, concluded):
    counted = sum(len(sheet_rows(pack / "tables" / "procurement_monthly.xlsx", name)) - 1
                  for name in sheet_names(pack / "tables" / "procurement_monthly.xlsx"))
    assert counted == len(concluded) == 342
    assert len(records) - len(concluded) == 3  # two cancelled, one not yet signed


def test_monthly_pdf_has_a_landscape_page_per_month_with_the_month_on_it(pack):
    reader = PdfReader(pack / "procurement_monthly.pdf")
    pages = pdf_pages(pack / "procurement_monthly.pdf")
    landscape = [float(p.mediabox.width) > float(p.mediabox.height) for p in reader.pages]
    assert landscape[0] is False and all(landscape[1:])
    for year, month in FISCAL_MONTHS:
        title = f"รอบเดือน{MONTHS[month - 1]} {year + 543}".translate(THAI)
        assert any(title in text for text in pages), title
    # a long month repeats its title on every page it takes: September takes more than one
    september = f"รอบเดือนกันยายน {2561}".translate(THAI)
    assert sum(september in text for text in pages) > 1


# --- the 16-column list ------------------------------------------------------------------------------


def test_the_list_has_the_16_headers_every_field_filled_and_the_first_half_records(pack, concluded):
    expected = [r for r in concluded if "2017-10-01" <= r[DATE] <= "2018-03-31"]
    rows = sheet_rows(pack / "tables" / "procurement_list.xlsx")
    assert rows[0] == LIST_HEADERS
    assert len(rows) - 1 == len(expected) == 147
    assert all(cell not in (None, "") for row in rows[1:] for cell in row)
    assert [row[15] for row in rows[1:]] == [r[EGP] for r in expected]
    assert sum(Decimal(str(row[13])) for row in rows[1:]) == sum(baht(r[AGREED]) for r in expected)
    assert list(table(pack, "procurement_list")[0]) == LIST_HEADERS


# --- the annual book -------------------------------------------------------------------------------


def test_annual_totals_match_the_records(pack, concluded):
    summary = table(pack, "procurement_summary")
    count = sum(int(r["จำนวนโครงการ"]) for r in summary)
    money = {c: sum(Decimal(r[c]) for r in summary) for c in
             ("วงเงินงบประมาณ (บาท)", "ราคากลาง (บาท)", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)", "ประหยัดงบประมาณ (บาท)")}
    reference = sum(baht(r[REFERENCE]) for r in concluded)
    agreed = sum(baht(r[AGREED]) for r in concluded)
    assert count == len(concluded) == 342
    assert money["วงเงินงบประมาณ (บาท)"] == sum(baht(r[BUDGET]) for r in concluded) == Decimal("18251120")
    assert money["ราคากลาง (บาท)"] == reference == Decimal("17776360")
    assert money["ราคาที่ตกลงซื้อหรือจ้าง (บาท)"] == agreed == Decimal("16760380.45")
    assert money["ประหยัดงบประมาณ (บาท)"] == reference - agreed == Decimal("1015979.55")
    assert percent(reference - agreed, reference) == Decimal("5.72")


def test_the_book_writes_each_money_total_in_words(pack):
    html = (pack / "procurement.html").read_text(encoding="utf-8")
    assert ("ราคาที่ตกลงซื้อหรือจ้างรวม ๑๖,๗๖๐,๓๘๐.๔๕ บาท (สิบหกล้านเจ็ดแสนหกหมื่นสามร้อยแปดสิบบาทสี่สิบห้าสตางค์)"
            in html)
    assert ("ประหยัดงบประมาณได้ (ราคากลาง − ราคาที่ตกลงซื้อหรือจ้าง) ๑,๐๑๕,๙๗๙.๕๕ บาท "
            "(หนึ่งล้านหนึ่งหมื่นห้าพันเก้าร้อยเจ็ดสิบเก้าบาทห้าสิบห้าสตางค์) คิดเป็นร้อยละ ๕.๗๒ ของราคากลาง") in html


def test_method_month_category_and_unit_tables_each_add_up_to_the_totals(pack, concluded):
    agreed = sum(baht(r[AGREED]) for r in concluded)
    for name in ("procurement_by_method", "procurement_by_month", "procurement_by_category", "procurement_by_unit"):
        rows = table(pack, name)
        assert sum(int(r["จำนวนโครงการ"]) for r in rows) == 342, name
        assert sum(Decimal(r["ราคาที่ตกลงซื้อหรือจ้าง (บาท)"]) for r in rows) == agreed, name
    methods = {r["วิธีซื้อหรือจ้าง"]: r for r in table(pack, "procurement_by_method")}
    direct = [r for r in concluded if r[METHOD] == "เฉพาะเจาะจง"]
    row = methods["วิธีเฉพาะเจาะจง"]
    saved = sum(baht(r[REFERENCE]) for r in direct) - sum(baht(r[AGREED]) for r in direct)
    assert (int(row["จำนวนโครงการ"]), Decimal(row["ประหยัดงบประมาณ (บาท)"])) == (len(direct), saved)
    assert Decimal(row["ร้อยละที่ประหยัดได้"]) == percent(saved, sum(baht(r[REFERENCE]) for r in direct))
    months = [int(r["จำนวนโครงการ"]) for r in table(pack, "procurement_by_month")]
    assert months == [sum(r[DATE].startswith(f"{y}-{m:02d}") for r in concluded) for y, m in FISCAL_MONTHS]


def test_top_suppliers_are_ranked_by_the_amount_agreed(pack, concluded):
    amounts: dict[str, Decimal] = {}
    for r in concluded:
        amounts[r[SUPPLIER]] = amounts.get(r[SUPPLIER], Decimal(0)) + baht(r[AGREED])
    top = table(pack, "procurement_top_suppliers")
    assert [r["ผู้ประกอบการ"] for r in top] == sorted(amounts, key=lambda s: (-amounts[s], s))[:10]
    assert top[0]["ผู้ประกอบการ"] == "บริษัท พนมทวนโยธา จำกัด"
    assert Decimal(top[0]["ราคาที่ตกลงซื้อหรือจ้าง (บาท)"]) == Decimal("2558500")


def test_comparison_with_the_previous_year_recomputes_from_its_records(pack, projects):
    previous = read_rows(projects["full"].data_dir(YEAR - 1) / "procurement.csv")
    previous = [r for r in previous if r[DATE] and r[STATUS] != "ยกเลิก"]
    rows = {r["ปีงบประมาณ"]: r for r in table(pack, "procurement_comparison_totals")}
    assert int(rows["2560"]["จำนวนโครงการ"]) == len(previous) == 252
    assert Decimal(rows["2560"]["ราคาที่ตกลงซื้อหรือจ้าง (บาท)"]) == sum(baht(r[AGREED]) for r in previous)
    assert Decimal(rows["2560"]["ราคาที่ตกลงซื้อหรือจ้าง (บาท)"]) == Decimal("10410592.81")
    assert Decimal(rows["เพิ่มขึ้น (ลดลง)"]["ร้อยละที่ประหยัดได้"]) == Decimal("-0.64")  # 5.72 − 6.36
    assert "บทที่ ๒ เปรียบเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๐" in (pack / "procurement.html").read_text(encoding="utf-8")


def test_flags_fired_on_the_example_records(pack):
    counts = {r["ข้อสังเกต"]: int(r["จำนวนรายการ"]) for r in table(pack, "procurement_flag_counts")}
    assert counts == {
        "จัดซื้อจัดจ้างวิธีเฉพาะเจาะจงกระจุกตัวช่วงปลายปีงบประมาณ": 0,  # September is 16.05 % of direct baht
        "อาจแบ่งซื้อแบ่งจ้าง": 4,
        "ผู้เสนอราคาน้อยกว่าเกณฑ์": 2,
        "ราคาที่ตกลงไม่ต่ำกว่าราคากลาง": 2,
        "ราคากลางสูงกว่าวงเงินงบประมาณ": 0,
        "ผู้เสนอราคาต่างรายเสนอราคาเท่ากัน": 1,
        "ผู้ประกอบการรายเดียวได้รับงานในสัดส่วนสูง": 0,
        "ราคาผู้ชนะต่ำกว่าผู้เสนอราคารายอื่นมาก": 0,
        "ผู้ได้รับการคัดเลือกตรงกับผู้เกี่ยวข้องที่เจ้าหน้าที่แจ้งไว้": 27,
    }
    flagged = table(pack, "procurement_flags")
    splits = [r for r in flagged if r["ข้อสังเกต"] == "อาจแบ่งซื้อแบ่งจ้าง"]
    assert {r["ผู้ได้รับการคัดเลือก"] for r in splits} == {"บริษัท เค.ซี. คอมพิวเตอร์ จำกัด"}
    related = {r["ผู้ได้รับการคัดเลือก"] for r in flagged if r["ข้อสังเกต"].startswith("ผู้ได้รับการคัดเลือกตรงกับ")}
    assert related == {"หจก. ก้าวหน้าการโยธา", "ร้านสมใจพาณิชย์"}  # by tax ID, by name


def test_every_pdf_page_that_shows_flags_says_a_flag_is_no_proof(pack):
    pages = [flat(text) for text in pdf_pages(pack / "procurement.pdf")]
    showing = [n for n, text in enumerate(pages, start=1) if "ข้อสังเกต" in text]
    assert len(showing) >= 5
    assert [n for n in showing if flat(DISCLAIMER) not in pages[n - 1]] == []


def test_contents_give_the_page_of_each_chapter_and_section(pack):
    pages = pdf_pages(pack / "procurement.pdf")
    contents = next(n for n, text in enumerate(pages) if "สารบัญ" in text)
    entries = re.findall(r"^((?:บทที่ [๐-๙]+)|(?:[๐-๙]+\.[๐-๙]+)) .*?([๐-๙]+)$", pages[contents], re.M)
    assert len(entries) == 13
    for label, page in entries:
        found = next(n for n, text in enumerate(pages[contents + 1:], start=contents + 2)
                     if re.search(rf"^{re.escape(label)} ", text, re.M))
        assert int(page.translate(ARABIC)) == found, label


def test_markup_in_a_supplier_name_is_shown_as_text(pack):
    for report in ("procurement_monthly", "procurement"):
        html = (pack / f"{report}.html").read_text(encoding="utf-8")
        assert "&lt;script&gt;alert(๑)&lt;/script&gt;" in html
        assert "<script>alert" not in html
        assert any(flat("<script>alert(๑)</script>") in flat(text) for text in pdf_pages(pack / f"{report}.pdf"))
    cells = [c for name in sheet_names(pack / "tables" / "procurement_monthly.xlsx")
             for row in sheet_rows(pack / "tables" / "procurement_monthly.xlsx", name) for c in row]
    assert f"{SCRIPT}\nราคา" in "".join(str(c) for c in cells)


def test_banner_is_each_notebooks_first_output_and_on_every_pdf_page(pack):
    for report in ("procurement_monthly", "procurement"):
        notebook = json.loads((pack / "notebooks" / f"{report}.ipynb").read_text(encoding="utf-8"))
        outputs = [o for cell in notebook["cells"] for o in cell.get("outputs", [])]
        assert not [o for o in outputs if o["output_type"] == "error"]
        shown = [o for o in outputs if o["output_type"] in ("display_data", "execute_result")]
        assert 'class="banner-example"' in "".join(shown[0]["data"]["text/html"])
        assert all(flat(BANNER) in flat(text) for text in pdf_pages(pack / f"{report}.pdf"))


# --- a year with no procurement and no previous year ------------------------------------------------


def test_a_year_without_procurement_says_so_every_month(empty_pack):
    html = (empty_pack / "procurement_monthly.html").read_text(encoding="utf-8")
    assert html.count(f'<td class="smk1-nothing" colspan="9">{NOTHING}</td>') == 12
    for name in sheet_names(empty_pack / "tables" / "procurement_monthly.xlsx"):
        rows = sheet_rows(empty_pack / "tables" / "procurement_monthly.xlsx", name)
        assert rows[0] == MONTHLY_HEADERS
        assert rows[1:] == [[NOTHING] + [None] * 8]
    assert sheet_rows(empty_pack / "tables" / "procurement_list.xlsx") == [LIST_HEADERS]


def test_a_year_without_procurement_or_previous_year_builds_its_book(empty_pack):
    html = (empty_pack / "procurement.html").read_text(encoding="utf-8")
    assert "ไม่มีการจัดซื้อจัดจ้างในปีงบประมาณ พ.ศ. ๒๕๖๑" in html
    assert "เปรียบเทียบกับปีงบประมาณ" not in html
    assert html.count(f'<td class="smk1-nothing" colspan="9">{NOTHING}</td>') == 12
    assert {r["จำนวนรายการ"] for r in table(empty_pack, "procurement_flag_counts")} == {"0"}
    assert len(PdfReader(empty_pack / "procurement.pdf").pages) > 12
