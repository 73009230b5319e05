"""OIT catalogues as data: every year's file loads, holds the items domain.md names, and bad files say why."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_report.config.catalogue import CatalogueError, catalogue_years, load_catalogue, read_catalogue
from ita_report.config.registry import report_of_table
from ita_report.core.paths import CATALOGUES_DIR

ITEM_COUNTS = {2561: 4, 2564: 43, 2567: 43, 2568: 26, 2569: 26}


def test_there_is_a_catalogue_for_each_assessment_year():
    assert catalogue_years() == [2561, 2564, 2567, 2568, 2569]


@pytest.mark.parametrize("year", sorted(ITEM_COUNTS))
def test_every_catalogue_loads_with_its_items(year):
    catalogue = load_catalogue(year)
    assert catalogue.year == year
    assert len(catalogue.items) == ITEM_COUNTS[year]


@pytest.mark.parametrize("year", sorted(ITEM_COUNTS))
def test_every_catalogue_says_unconfirmed_items_must_be_checked_against_the_manual(year):
    text = (CATALOGUES_DIR / f"{year}.yaml").read_text(encoding="utf-8")
    header = text[: text.index("\nyear:")]
    assert "confirmed: false" in header and f"ITA {year} manual" in header


@pytest.mark.parametrize("year", [2564, 2567, 2568, 2569])
def test_o_items_are_numbered_from_one_without_gaps(year):
    codes = [item.code for item in load_catalogue(year).items]
    assert codes == [f"O{n}" for n in range(1, ITEM_COUNTS[year] + 1)]


def documents(catalogue, code):
    return [(doc.report, doc.kinds) for doc in catalogue.item(code).documents]


def test_2568_has_the_items_domain_md_lists():
    catalogue = load_catalogue(2568)
    o6, o12, o13 = catalogue.item("O6"), catalogue.item("O12"), catalogue.item("O13")
    assert (o6.period, documents(catalogue, "O6")) == (
        "first_half",
        [("progress", ["html", "pdf"]), ("budget", ["html", "pdf"])],
    )
    assert o12.title == (
        "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ"
    )
    assert (o12.period, documents(catalogue, "O12"), o12.confirmed) == (
        "first_half",
        [("procurement_monthly", ["pdf", "xlsx"])],
        True,
    )
    assert o12.documents[0].tables == ["procurement_list"]  # the 16-column list the monthly report writes
    assert o13.title == "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"
    assert (o13.period, documents(catalogue, "O13"), o13.confirmed) == (
        "previous_fy",
        [("procurement", ["html", "pdf"])],
        True,
    )
    complaints = {
        code: (catalogue.item(code).title, catalogue.item(code).provided_by_office) for code in ("O17", "O18", "O19")
    }
    assert complaints == {
        "O17": ("แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", True),
        "O18": ("ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", True),
        "O19": ("ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", False),
    }
    assert documents(catalogue, "O19") == [("complaints", ["html", "pdf"])]
    # No Gift Policy, the gift register and the bribery-risk items, all the office's own
    assert [catalogue.item(code).title for code in ("O21", "O22", "O23")] == [
        "ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
        "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา",
        "การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของหน่วยงาน",
    ]
    assert all(catalogue.item(code).provided_by_office for code in ("O21", "O22", "O23"))


def test_2568_generated_items_are_only_those_the_reports_answer():
    catalogue = load_catalogue(2568)
    assert [item.code for item in catalogue.items if not item.provided_by_office] == ["O6", "O7", "O12", "O13", "O19"]


def test_2569_procurement_complaint_and_measures_items():
    catalogue = load_catalogue(2569)
    assert (catalogue.item("O11").period, documents(catalogue, "O11")) == (
        "current_fy",
        [("procurement_monthly", ["pdf", "xlsx"])],
    )
    assert (catalogue.item("O12").period, documents(catalogue, "O12")) == (
        "previous_fy",
        [("procurement", ["html", "pdf"]), ("procurement_monthly", ["pdf", "xlsx"])],
    )
    assert (catalogue.item("O18").period, documents(catalogue, "O18")) == (
        "previous_fy",
        [("complaints", ["pdf", "xlsx"])],
    )
    assert [catalogue.item(code).provided_by_office for code in ("O16", "O17")] == [True, True]
    assert catalogue.item("O26").title == "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


def test_2564_has_the_numbered_items_domain_md_gives():
    catalogue = load_catalogue(2564)
    assert {code: documents(catalogue, code) for code in ("O11", "O12", "O19", "O20", "O23", "O24", "O31", "O42")} == {
        "O11": [("progress", ["html", "pdf"])],
        "O12": [("progress", ["html", "pdf"])],
        "O19": [("budget", ["html", "pdf"])],
        "O20": [("budget", ["html", "pdf"])],
        "O23": [("procurement_monthly", ["html", "pdf"])],
        "O24": [("procurement", ["html", "pdf"])],
        "O31": [("complaints", ["html", "pdf"])],
        "O42": [("plan", ["html", "pdf"])],
    }
    assert catalogue.item("O43").provided_by_office


def test_2561_evidence_items_answer_the_procurement_analysis_and_the_measures_plan():
    catalogue = load_catalogue(2561)
    assert [(item.code, [doc.report for doc in item.documents]) for item in catalogue.items] == [
        ("EB1", ["procurement"]),
        ("EB2", ["procurement_monthly"]),
        ("EB3", []),
        ("EB4", ["plan"]),
    ]
    assert not any(item.confirmed for item in catalogue.items)


def test_a_component_written_as_text_needs_every_document_of_its_item():
    o12 = load_catalogue(2568).item("O12")
    assert [(c.text, c.documents) for c in o12.components[:2]] == [
        ("รายการจัดซื้อจัดจ้างตามแบบ 16 คอลัมน์ที่กำหนด ทุกช่องมีข้อมูล และไม่ดัดแปลงแบบฟอร์ม", None),
        ("สถานะ (ความก้าวหน้า) ของการจัดซื้อจัดจ้างแต่ละรายการ", None),
    ]
    assert [(d.report, d.kinds) for d in o12.components[2].documents] == [("procurement_monthly", ["pdf"])]


@pytest.mark.parametrize(
    ("stem", "report"),
    [
        ("procurement_by_method", "procurement"),
        ("procurement_monthly", "procurement_monthly"),
        ("procurement_list", "procurement_monthly"),  # written by the monthly notebook, whatever its name says
        ("plan_overview", "plan"),
        ("procurement", None),
        ("plan_overview_old", None),
        ("summary", None),
    ],
)
def test_a_table_belongs_to_the_report_whose_registry_entry_lists_it(stem, report):
    assert report_of_table(stem) == report


ITEM = """\
year: 2568
source: test
items:
  - code: O12
    title: รายการการจัดซื้อจัดจ้าง
    components: [รายการ 16 คอลัมน์]
    period: first_half
    documents:
      - {report: procurement, kinds: [pdf, xlsx]}
    confirmed: true
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "{report: procurement,",
            "{report: annual,",
            "item O12: key 'documents.0.report' is 'annual'; expected one of 'plan', 'procurement_monthly', "
            "'procurement', 'progress', 'budget' or 'complaints'",
        ),
        (
            "kinds: [pdf, xlsx]",
            "kinds: [pdf, docx]",
            "item O12: key 'documents.0.kinds.1' is 'docx'; expected one of 'html', 'pdf', 'csv' or 'xlsx'",
        ),
        (
            "period: first_half",
            "period: six_months",
            "item O12: key 'period' is 'six_months'; expected one of 'current_fy', 'first_half' or 'previous_fy'",
        ),
        (
            "kinds: [pdf, xlsx]}",
            "kinds: [pdf], tables: [procurement_list]}",
            "item O12: key 'documents.0': 'tables' names CSV or Excel files; add csv or xlsx to 'kinds'",
        ),
        (
            "kinds: [pdf, xlsx]}",
            "kinds: [xlsx], tables: [Procurement List]}",
            "item O12: key 'documents.0.tables.0' is 'Procurement List'; "
            "expected a table name such as procurement_list",
        ),
        ("    confirmed: true\n", "", "item O12: missing key 'confirmed'"),
        ("confirmed: true", "confirmed: 'yes'", "item O12: key 'confirmed' is 'yes'; expected true or false"),
        ("    period: first_half\n", "    period: first_half\n    url: x\n", "item O12: unknown key 'url'"),
        ("code: O12", "code: 12", "item no. 1: key 'code' is 12; expected text"),
        ("code: O12", "code: X12", "item X12: key 'code' is 'X12'; expected a code such as O12 or EB1"),
        (
            "    confirmed: true\n",
            "    confirmed: true\n    provided_by_office: true\n",
            "item O12: an item provided by the office lists no 'documents'",
        ),
        (
            "    documents:\n      - {report: procurement, kinds: [pdf, xlsx]}\n",
            "",
            "item O12: give the item's 'documents', or 'provided_by_office: true' when the pack does not make it",
        ),
        (
            "components: [รายการ 16 คอลัมน์]",
            "components: [{text: ไฟล์ Excel, documents: [{report: complaints, kinds: [xlsx]}]}]",
            "item O12: component 'ไฟล์ Excel' needs complaints as xlsx, which the item's 'documents' do not list",
        ),
        (
            "components: [รายการ 16 คอลัมน์]",
            "components: []",
            "item O12: key 'components' is []; expected a list that is not empty",
        ),
    ],
)
def test_a_bad_catalogue_is_refused_naming_the_file_and_the_item(tmp_path, old, new, message):
    assert old in ITEM
    path = tmp_path / "2568.yaml"
    path.write_text(ITEM.replace(old, new), encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        read_catalogue(path)
    assert str(caught.value) == f"{path}: {message}"


def test_an_item_code_used_twice_is_refused(tmp_path):
    path = tmp_path / "2568.yaml"
    path.write_text(ITEM + ITEM[ITEM.index("  - code"):], encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        read_catalogue(path)
    assert str(caught.value) == f"{path}: item code O12 appears more than once"


def test_a_file_for_another_year_is_refused(tmp_path):
    (tmp_path / "2569.yaml").write_text(ITEM, encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(2569, tmp_path)
    assert str(caught.value) == f"{tmp_path / '2569.yaml'}: key 'year' is 2568 but the file is for ITA year 2569"


def test_a_year_without_a_catalogue_names_the_years_that_have_one():
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(2570)
    assert str(caught.value) == (
        "catalogues/2570.yaml: no OIT catalogue for ITA year 2570; catalogues exist for: 2561, 2564, 2567, 2568, 2569"
    )


def test_a_catalogue_that_is_not_yaml_says_where(tmp_path: Path):
    path = tmp_path / "2568.yaml"
    path.write_text("year: 2568\nitems: [\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        read_catalogue(path)
    assert str(caught.value) == f"{path}: not valid YAML at line 3"
