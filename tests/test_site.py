"""The publishable pack site: the OIT checklist of a pack, its pages, the URLs for ITAS and the ZIP."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ita_report.config.catalogue import Catalogue, CatalogueError, load_catalogue
from ita_report.config.params import load_params
from ita_report.config.registry import REPORTS, family
from ita_report.core.paths import Project
from ita_report.pack.coverage import coverage
from ita_report.pack.site import NO_BASE_URL, SiteError, write_site, write_zip
from tests import REPO_DIR

BASE_URL = "https://www.kan2.go.th/ita/2568/"
OFFICE_URLS = {"O1": "https://www.kan2.go.th/about/structure", "O18": "https://www.kan2.go.th/complaints?ch=1&x=2"}
GENERATED_2568 = ["O6", "O7", "O12", "O13", "O19"]


def full_pack_files(report: str) -> list[str]:
    """Every file a full build may write for a report: html, pdf, notebook, its registry's tables, a chart."""
    tables = [f"tables/{table}.{kind}" for table in family(report).tables for kind in ("csv", "xlsx")]
    return [f"{report}.html", f"{report}.pdf", f"notebooks/{report}.ipynb", *tables, f"charts/{report}_chart.png"]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A pack folder holding every file a full build of all six reports writes."""
    folder = tmp_path / "output" / "2568"
    for report in REPORTS:
        for name in full_pack_files(report):
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(f"{name}\n".encode())
    for seal in ("manifest.json", "manifest.sig", "fingerprint.html"):  # what the build writes after the site
        (folder / seal).write_text("{}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(2568)


@pytest.fixture(scope="module")
def params():
    """The seed year's params, moved to the fiscal year of the fake pack."""
    return load_params(Project.at(REPO_DIR), 2561).model_copy(update={"fiscal_year": 2568})


def statuses(items) -> dict[str, str]:
    return {cov.code: cov.status for cov in items}


def build_site(pack, params, catalogue, base_url=BASE_URL, reports=REPORTS, office_urls=OFFICE_URLS):
    items = coverage(catalogue, pack, reports, office_urls=office_urls)
    write_site(pack, params, catalogue, items, base_url)
    return items


# --- the checklist -------------------------------------------------------------------------


def test_a_full_pack_covers_every_generated_item_and_leaves_the_rest_to_the_office(pack, catalogue):
    items = coverage(catalogue, pack, REPORTS)
    assert statuses(items) == {
        item.code: ("complete" if item.code in GENERATED_2568 else "office") for item in catalogue.items
    }
    assert all(c.covered for cov in items if cov.status == "complete" for c in cov.components)


@pytest.mark.parametrize("year", [2561, 2564, 2567, 2568, 2569])
def test_every_catalogue_is_answered_by_a_full_pack(pack, year):
    other = load_catalogue(year)
    expected = {item.code: "office" if item.provided_by_office else "complete" for item in other.items}
    assert statuses(coverage(other, pack, REPORTS)) == expected


def test_a_covered_item_links_the_files_it_needs(pack, catalogue):
    o12 = {cov.code: cov for cov in coverage(catalogue, pack, REPORTS)}["O12"]
    assert [(doc.report, [(kind.kind, kind.paths) for kind in doc.kinds]) for doc in o12.documents] == [
        ("procurement_monthly", [("pdf", ("procurement_monthly.pdf",)), ("xlsx", ("tables/procurement_list.xlsx",))])
    ]


def test_a_named_table_must_be_that_very_file(pack, catalogue):
    (pack / "tables" / "procurement_list.xlsx").unlink()  # procurement_monthly.xlsx is still there
    o12 = {cov.code: cov for cov in coverage(catalogue, pack, REPORTS)}["O12"]
    assert o12.status == "missing"
    assert [(c.text, c.covered) for c in o12.components][2:4] == [("ไฟล์ PDF", True), ("ไฟล์ Excel", False)]


def test_a_table_of_another_report_does_not_count(tmp_path):
    item = {"code": "O1", "title": "t", "components": ["c"], "period": "current_fy", "confirmed": True}
    excel_of = {**item, "documents": [{"report": "procurement", "kinds": ["xlsx"]}]}
    catalogue = Catalogue.model_validate({"year": 2568, "source": "test", "items": [excel_of]})
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "procurement_monthly.xlsx").write_bytes(b"x")
    assert statuses(coverage(catalogue, tmp_path, REPORTS)) == {"O1": "missing"}
    (tmp_path / "tables" / "procurement_by_method.xlsx").write_bytes(b"x")
    assert statuses(coverage(catalogue, tmp_path, REPORTS)) == {"O1": "complete"}


def test_a_missing_pdf_shows_as_missing(pack, catalogue, params):
    (pack / "procurement_monthly.pdf").unlink()
    items = {cov.code: cov for cov in build_site(pack, params, catalogue)}
    assert (items["O12"].status, items["O13"].status) == ("missing", "complete")
    assert [(c.text, c.covered) for c in items["O12"].components] == [
        ("รายการจัดซื้อจัดจ้างตามแบบ 16 คอลัมน์ที่กำหนด ทุกช่องมีข้อมูล และไม่ดัดแปลงแบบฟอร์ม", False),
        ("สถานะ (ความก้าวหน้า) ของการจัดซื้อจัดจ้างแต่ละรายการ", False),
        ("ไฟล์ PDF", False),
        ("ไฟล์ Excel", True),
        ("ข้อมูลรอบ 6 เดือนแรกของปีงบประมาณ (1 ตุลาคม – 31 มีนาคม)", False),
    ]
    page = (pack / "items" / "O12.html").read_text(encoding="utf-8")
    assert '<li><span class="mark missing">ขาด</span> ไม่มีไฟล์ PDF (procurement_monthly.pdf)</li>' in page
    excel = '<a href="../tables/procurement_list.xlsx">Excel</a>'
    assert f'<li><span class="mark complete">มีแล้ว</span> {excel}</li>' in page
    assert '<li><span class="mark missing">ขาด</span> ไฟล์ PDF</li>' in page
    index = (pack / "index.html").read_text(encoding="utf-8")
    assert '<td class="c-status"><span class="badge missing">ยังขาดเอกสาร</span></td>' in index
    assert [row for row in read_csv(pack) if row[0] == "O12" and row[4] == ""] == [
        [
            "O12",
            "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
            "สรุปผลการดำเนินการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑) (PDF)",
            "",
            "",
            "ไม่มีไฟล์ procurement_monthly.pdf ในชุดเอกสาร",
        ]
    ]


def test_a_report_left_out_of_the_params_is_missing_even_if_an_old_file_is_there(pack, catalogue, params):
    reports = [report for report in REPORTS if report != "complaints"]
    items = {cov.code: cov for cov in build_site(pack, params, catalogue, reports=reports)}
    assert items["O19"].status == "missing"
    assert [doc.built for doc in items["O19"].documents] == [False]
    page = (pack / "items" / "O19.html").read_text(encoding="utf-8")
    assert "ไม่ได้สร้างรายงานนี้ในปีนี้ (รายงาน complaints ไม่อยู่ในรายการ reports ของไฟล์ params)" in page


def test_items_about_another_fiscal_year_are_flagged_when_the_pack_year_is_known(pack, catalogue):
    items = coverage(catalogue, pack, REPORTS, fiscal_year=2568)
    assert {code: status for code, status in statuses(items).items() if status != "office"} == {
        "O6": "complete",
        "O7": "wrong_period",
        "O12": "complete",
        "O13": "wrong_period",
        "O19": "complete",
    }
    o13 = {cov.code: cov for cov in items}["O13"]
    assert o13.required_fiscal_year == 2567
    assert not any(c.covered for c in o13.components)


def test_office_items_carry_the_office_url(pack, catalogue):
    items = {cov.code: cov for cov in coverage(catalogue, pack, REPORTS, office_urls=OFFICE_URLS)}
    assert (items["O1"].office_url, items["O2"].office_url, items["O12"].office_url) == (OFFICE_URLS["O1"], None, None)


@pytest.mark.parametrize(
    ("office_urls", "message"),
    [
        ({"O43": "https://a.go.th"}, "office URL for O43: ITA 2568 has no item O43"),
        ({"O12": "https://a.go.th"}, "office URL for O12: the pack makes O12's documents; remove its office URL"),
        (
            {"O1": "javascript:alert(1)"},
            "office URL for O1 is 'javascript:alert(1)'; expected an address starting with https://",
        ),
    ],
)
def test_a_wrong_office_url_is_refused(pack, catalogue, office_urls, message):
    with pytest.raises(CatalogueError) as caught:
        coverage(catalogue, pack, REPORTS, office_urls=office_urls)
    assert str(caught.value) == message


# --- the pages -----------------------------------------------------------------------------


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.links += [value for name, value in attrs if name in ("href", "src") and value is not None]


def pages(pack: Path) -> list[Path]:
    return [pack / "index.html", *sorted((pack / "items").glob("*.html"))]


def parse(page: Path) -> Links:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_the_site_has_an_index_and_a_page_per_item(pack, catalogue, params):
    build_site(pack, params, catalogue)
    assert sorted(p.name for p in (pack / "items").iterdir()) == sorted(f"{item.code}.html" for item in catalogue.items)
    index_links = parse(pack / "index.html").links
    assert [link for link in index_links if link.startswith("items/")] == [
        f"items/{item.code}.html" for item in catalogue.items for _ in range(2)
    ]


def test_pages_have_no_script_and_no_web_link_except_the_office_urls(pack, catalogue, params):
    build_site(pack, params, catalogue)
    web_links = set()
    for page in pages(pack):
        parsed = parse(page)
        text = page.read_text(encoding="utf-8")
        assert "script" not in parsed.tags and "<script" not in text.lower()
        assert "url(http" not in text and "@import" not in text
        web_links |= {link for link in parsed.links if link.startswith(("http://", "https://", "//"))}
    assert web_links == set(OFFICE_URLS.values())


def test_every_relative_link_resolves_to_a_file_of_the_pack(pack, catalogue, params):
    build_site(pack, params, catalogue)
    checked = 0
    for page in pages(pack):
        for link in parse(page).links:
            if link.startswith(("http://", "https://")):
                continue
            target = (page.parent / link).resolve()
            assert target.is_file(), f"{page.relative_to(pack)} links to {link}, which is not in the pack"
            assert target.is_relative_to(pack.resolve())
            checked += 1
    assert checked > 100


def test_pages_embed_sarabun_and_write_thai_digits(pack, catalogue, params):
    build_site(pack, params, catalogue)
    index = (pack / "index.html").read_text(encoding="utf-8")
    assert index.count("src: url(data:font/ttf;base64,") == 2
    assert "การประเมิน ITA ประจำปี พ.ศ. ๒๕๖๘" in index and "ชุดเอกสารปีงบประมาณ พ.ศ. ๒๕๖๘" in index
    o12 = (pack / "items" / "O12.html").read_text(encoding="utf-8")
    assert "ข้อมูลรอบ ๖ เดือนแรกของปีงบประมาณ พ.ศ. ๒๕๖๘ (๑ ตุลาคม ๒๕๖๗ – ๓๑ มีนาคม ๒๕๖๘)" in o12


def test_an_office_url_is_escaped_in_the_page(pack, catalogue, params):
    build_site(pack, params, catalogue)
    page = (pack / "items" / "O18.html").read_text(encoding="utf-8")
    assert '<a href="https://www.kan2.go.th/complaints?ch=1&amp;x=2">' in page


def test_writing_the_site_again_drops_pages_of_items_no_longer_in_the_catalogue(pack, params):
    build_site(pack, params, load_catalogue(2564), office_urls={})
    assert (pack / "items" / "O43.html").is_file()
    build_site(pack, params, load_catalogue(2568))
    assert not (pack / "items" / "O43.html").exists()
    assert len(list((pack / "items").iterdir())) == 26


# --- the URLs for ITAS ---------------------------------------------------------------------


def read_csv(pack: Path) -> list[list[str]]:
    raw = (pack / "oit_urls.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_oit_urls_give_the_public_url_of_each_document(pack, catalogue, params):
    build_site(pack, params, catalogue)
    rows = read_csv(pack)
    assert rows[0] == ["ข้อ", "ชื่อข้อ", "เอกสาร", "ไฟล์ในชุดเอกสาร", "URL", "หมายเหตุ"]
    title = "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ"
    report = "สรุปผลการดำเนินการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)"
    assert [row for row in rows if row[0] == "O12"] == [
        ["O12", title, "หน้ารวมหลักฐานของข้อนี้", "items/O12.html", BASE_URL + "items/O12.html", ""],
        ["O12", title, f"{report} (PDF)", "procurement_monthly.pdf", BASE_URL + "procurement_monthly.pdf", ""],
        [
            "O12",
            title,
            f"{report} (Excel)",
            "tables/procurement_list.xlsx",
            BASE_URL + "tables/procurement_list.xlsx",
            "",
        ],
    ]
    assert [row for row in rows if row[0] in ("O1", "O2")] == [
        ["O1", "โครงสร้างและอำนาจหน้าที่", "เอกสารที่หน่วยงานเผยแพร่เอง", "", OFFICE_URLS["O1"], ""],
        ["O2", "ข้อมูลผู้บริหาร", "เอกสารที่หน่วยงานเผยแพร่เอง", "", "", "หน่วยงานเผยแพร่เอง ยังไม่ได้ระบุ URL"],
    ]
    assert [row[0] for row in rows[1:]].count("O6") == 5  # the item page, then HTML and PDF of two reports


def test_oit_urls_without_a_base_url_leave_the_url_empty_and_say_why(pack, catalogue, params):
    build_site(pack, params, catalogue, base_url=None)
    rows = [row for row in read_csv(pack)[1:] if row[0] == "O13"]
    assert [(row[3], row[4], row[5]) for row in rows] == [
        ("items/O13.html", "", NO_BASE_URL),
        ("procurement.html", "", NO_BASE_URL),
        ("procurement.pdf", "", NO_BASE_URL),
    ]
    index = (pack / "index.html").read_text(encoding="utf-8")
    assert "ยังไม่มี URL เพราะยังไม่ได้กำหนดที่อยู่เว็บไซต์ของชุดเอกสาร" in index


def test_oit_urls_send_items_of_another_fiscal_year_to_that_years_pack(pack, catalogue, params):
    items = coverage(catalogue, pack, REPORTS, fiscal_year=2568)
    write_site(pack, params, catalogue, items, BASE_URL)
    note = "ต้องใช้เอกสารของปีงบประมาณ พ.ศ. 2567 จากชุดเอกสารของปีนั้น"
    assert [row for row in read_csv(pack) if row[0] == "O13"] == [
        ["O13", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี", "", "", "", note]
    ]


@pytest.mark.parametrize("base_url", ["www.kan2.go.th/ita", "ftp://kan2.go.th/", "https://kan2.go.th/ita 2568/"])
def test_a_base_url_that_is_not_a_web_address_is_refused(pack, catalogue, params, base_url):
    with pytest.raises(SiteError) as caught:
        build_site(pack, params, catalogue, base_url=base_url)
    assert str(caught.value) == (
        f"base URL {base_url!r} is not a web address; expected one such as https://www.example.go.th/ita/2568/"
    )


# --- the ZIP -------------------------------------------------------------------------------


def test_the_zip_is_byte_identical_across_two_writes(pack, catalogue, params, tmp_path):
    build_site(pack, params, catalogue)
    first = write_zip(pack, tmp_path / "first.zip").read_bytes()
    for path in pack.rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))  # a later copy or checkout changes times
    second = write_zip(pack, tmp_path / "second.zip").read_bytes()
    assert first == second


def test_the_zip_holds_every_file_of_the_pack_sorted_under_the_pack_folder(pack, catalogue, params, tmp_path):
    build_site(pack, params, catalogue)
    target = write_zip(pack, pack / "pack.zip")  # a ZIP written into the pack does not contain itself
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.read("2568/index.html") == (pack / "index.html").read_bytes()
    seals = {"manifest.json", "manifest.sig", "fingerprint.html"}  # the manifest hashes the ZIP: they cannot be in it
    files = sorted(p.relative_to(pack).as_posix() for p in pack.rglob("*") if p.is_file() and p != target)
    assert names == [f"2568/{name}" for name in files if name not in seals]
    assert "2568/oit_urls.csv" in names and "2568/items/O12.html" in names and "2568/manifest.json" not in names
    assert not list(pack.glob(".*.partial"))
