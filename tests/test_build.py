"""A real build of FY 2561: what lands in output/2561 and the figures it carries."""

from __future__ import annotations

import json
import re
import zipfile

import pandas as pd
import pytest
from pypdf import PdfReader

YEAR = 2561
TOTAL_WORDS = "หนึ่งล้านหกแสนสี่หมื่นห้าพันสามร้อยสี่สิบบาทถ้วน"
TABLES = [
    "plan_by_area",
    "plan_by_policy",
    "plan_by_unit",
    "plan_funded_projects",
    "plan_overview",
    "plan_projects",
]
CHARTS = ["plan_budget_by_project", "plan_by_area", "plan_by_unit"]


@pytest.fixture(scope="module")
def pack(built):
    return built.output_dir(YEAR)


def table(pack, name: str) -> pd.DataFrame:
    return pd.read_csv(pack / "tables" / f"{name}.csv", encoding="utf-8-sig")


def test_pack_holds_notebook_html_pdf_tables_and_charts(pack):
    files = {str(p.relative_to(pack)) for p in pack.rglob("*") if p.is_file()}
    plan = {"notebooks/plan.ipynb", "plan.html", "plan.pdf"}
    plan |= {f"tables/{name}.csv" for name in TABLES} | {f"charts/{name}.png" for name in CHARTS}
    site = {"index.html", "oit_urls.csv", "ita-pack-2561.zip", "manifest.json"}
    assert plan | site <= files
    assert {f for f in files if f.startswith(("plan", "tables/plan", "charts/plan", "notebooks/plan"))} == plan


def test_zip_holds_the_whole_pack_under_the_year(pack):
    with zipfile.ZipFile(pack / "ita-pack-2561.zip") as archive:
        names = set(archive.namelist())
    files = {f"2561/{p.relative_to(pack)}" for p in pack.rglob("*") if p.is_file()}
    # the ZIP is hashed by the manifest, so nothing made from the manifest can be inside it
    assert names == files - {"2561/ita-pack-2561.zip", "2561/manifest.json", "2561/fingerprint.html"}


def test_no_staging_or_failed_folder_is_left(built):
    """Only the pack, and the lock file that lets one build at a time write output/, now held by nobody."""
    assert sorted(p.name for p in (built.root / "output").iterdir()) == [".build.lock", str(YEAR)]
    assert (built.root / "output" / ".build.lock").read_bytes() == b""


@pytest.mark.parametrize("name", TABLES)
def test_tables_are_utf8_with_bom_for_excel(pack, name):
    assert (pack / "tables" / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_overview_csv_carries_the_headline_figures(pack):
    overview = table(pack, "plan_overview")
    assert dict(zip(overview["รายการ"], overview["จำนวน"])) == {
        "ด้าน": 6,
        "นโยบาย": 18,
        "โครงการ/กิจกรรม": 35,
        "ตัวชี้วัด": 53,
        "หน่วยงานรับผิดชอบ": 10,
        "งบประมาณรวม (บาท)": 1_645_340,
    }


def test_project_csv_lists_35_projects_that_add_up_to_the_total(pack):
    projects = table(pack, "plan_projects")
    assert projects["โครงการที่"].tolist() == list(range(1, 30)) + list(range(32, 38))
    assert projects["งบประมาณ (บาท)"].sum() == 1_645_340
    assert (projects["จำนวนตัวชี้วัด"] >= 1).all()


def test_area_csv_adds_up_to_the_total(pack):
    by_area = table(pack, "plan_by_area")
    assert by_area["จำนวนโครงการ"].sum() == 35
    assert by_area["งบประมาณ (บาท)"].sum() == 1_645_340


def test_executed_notebook_ran_every_cell_without_error(pack):
    notebook = json.loads((pack / "notebooks" / "plan.ipynb").read_text(encoding="utf-8"))
    outputs = [o for cell in notebook["cells"] for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert all(c["execution_count"] for c in code)


def test_html_is_self_contained_thai_with_no_code(pack):
    html = (pack / "plan.html").read_text(encoding="utf-8")
    assert '<html lang="th">' in html
    assert re.findall(r"""(?:src|href)=["']?(?:https?:)?//""", html) == []
    assert "<script" not in html
    assert html.count("@font-face") == 2 and "data:font/ttf;base64," in html
    assert "import ita_report" not in html and "open_year" not in html
    assert "๑,๖๔๕,๓๔๐ บาท" in html and TOTAL_WORDS in html


def test_html_keeps_the_seed_order_and_numbering(pack):
    html = (pack / "plan.html").read_text(encoding="utf-8")
    announcement = html[: html.index('<div class="page-break">')]
    numbers = [int(n) for n in re.findall(r"<td>(\d+)\. ", announcement.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))]
    assert numbers == list(range(1, 30)) + list(range(32, 38))
    assert "ประกาศ ณ วันที่ ๒๔ เมษายน พ.ศ. ๒๕๖๑" in announcement


def test_pdf_is_a4_with_sarabun_embedded_and_the_total_in_words(pack):
    reader = PdfReader(pack / "plan.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts == {"Sarabun", "Sarabun-Bold"}
    text = "".join(page.extract_text() for page in reader.pages)
    assert TOTAL_WORDS in text


def test_2568_checklist_on_the_example_pack_marks_what_it_covers_complete(built, pack):
    from ita_report.config.catalogue import load_catalogue
    from ita_report.config.params import load_params
    from ita_report.pack.coverage import coverage

    params = load_params(built, YEAR)
    items = coverage(load_catalogue(2568), pack, params.reports, fiscal_year=YEAR)
    by_status: dict[str, list[str]] = {}
    for item in items:
        by_status.setdefault(item.status, []).append(item.code)
    assert by_status.pop("complete") == ["O6", "O12", "O19"]
    assert by_status.pop("wrong_period") == ["O7", "O13"]  # annual results of FY 2560: that year's pack
    assert by_status == {"office": [item.code for item in items if item.code not in
                                    ("O6", "O7", "O12", "O13", "O19")]}
