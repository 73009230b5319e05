"""Monthly สขร.๑ tables, the 16-column list and the annual figures, on small hand-made records."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
import yaml

from ita_report.config.params import load_params
from ita_report.core.errors import DataError
from ita_report.reports.procurement.book import procurement_book
from ita_report.reports.procurement.tables import by_method, by_month, compare_totals, procurement_totals, top_suppliers
from ita_report.reports.procurement_monthly.summaries import (
    concluded,
    list_period,
    monthly_sheets,
    monthly_summaries,
    procurement_list,
    unconcluded,
)
from ita_report.reports.year import open_year
from tests.test_flags import bids, records

YEAR = 2561


@pytest.fixture(scope="module")
def params():
    from ita_report.core.paths import Project
    from tests import REPO_DIR

    return load_params(Project.at(REPO_DIR), YEAR)


def month_of(months, name: str) -> pd.DataFrame:
    return next(m.table for m in months if m.sheet_name == name)


# --- which month -----------------------------------------------------------------------------------


def test_a_record_belongs_to_the_month_of_its_contract_date():
    frame = records(
        {"contract_date": "2017-10-01", "item": "วันแรกของปี"},
        {"contract_date": "2018-09-30", "item": "วันสุดท้ายของปี"},
        {"contract_date": "2017-10-31", "item": "สิ้นเดือนตุลาคม"},
    )
    months = monthly_summaries(frame, None, YEAR)
    assert [m.sheet_name for m in months] == [
        "ตุลาคม 2560", "พฤศจิกายน 2560", "ธันวาคม 2560", "มกราคม 2561", "กุมภาพันธ์ 2561", "มีนาคม 2561",
        "เมษายน 2561", "พฤษภาคม 2561", "มิถุนายน 2561", "กรกฎาคม 2561", "สิงหาคม 2561", "กันยายน 2561",
    ]
    assert month_of(months, "ตุลาคม 2560")["งานที่จัดซื้อหรือจัดจ้าง"].tolist() == ["วันแรกของปี", "สิ้นเดือนตุลาคม"]
    assert month_of(months, "กันยายน 2561")["งานที่จัดซื้อหรือจัดจ้าง"].tolist() == ["วันสุดท้ายของปี"]
    assert [len(m.table) for m in months] == [2] + [0] * 10 + [1]


def test_cancelled_and_unsigned_records_are_in_no_month_but_counted_apart():
    frame = records(
        {"item": "ลงนามแล้ว"},
        {"item": "ยกเลิกหลังลงนาม", "status": "ยกเลิก"},
        {"item": "ยังไม่ลงนาม", "status": "อยู่ระหว่างดำเนินการ", "contract_date": None, "supplier": None,
         "agreed_price": None, "contract_no": None},
    )
    assert concluded(frame)["item"].tolist() == ["ลงนามแล้ว"]
    assert unconcluded(frame)["item"].tolist() == ["ยกเลิกหลังลงนาม", "ยังไม่ลงนาม"]
    months = monthly_summaries(frame, None, YEAR)
    assert sum(len(m.table) for m in months) == 1
    totals = procurement_totals(frame)
    assert (totals.count, totals.cancelled, totals.in_progress) == (1, 1, 1)


def test_a_month_row_lists_every_bidder_the_winner_and_the_contract():
    frame = records({
        "method": "e-bidding", "budget": 500_000.0, "reference_price": 480_000.0, "agreed_price": 455_500.5,
        "supplier": "บริษัท ก จำกัด", "contract_no": "สพป.กจ.๒ 5/2561", "contract_date": "2018-01-09",
        "reason": "ราคาต่ำสุด",
    })
    offers = bids(
        ("61010000000", "บริษัท ข จำกัด", None, 470_000.0),
        ("61010000000", "บริษัท ก จำกัด", None, 455_500.5),
        ("61010000000", "หจก. ค", None, 479_999.99),
    )
    row = month_of(monthly_summaries(frame, offers, YEAR), "มกราคม 2561").iloc[0].tolist()
    assert row == [
        1,
        "วัสดุสำนักงาน",
        500_000.0,
        480_000.0,
        "วิธีประกาศเชิญชวนทั่วไป (e-bidding)",
        "1. บริษัท ก จำกัด ราคา 455,500.50 บาท\n2. บริษัท ข จำกัด ราคา 470,000.00 บาท\n"
        "3. หจก. ค ราคา 479,999.99 บาท",
        "บริษัท ก จำกัด\nราคา 455,500.50 บาท",
        "ราคาต่ำสุด",
        "สพป.กจ.2 5/2561\nลงวันที่ 9 ม.ค. 2561",
    ]


def test_a_direct_purchase_without_bids_shows_its_supplier_as_the_one_offer():
    frame = records({"reason": None, "contract_no": None, "agreed_price": 1_234.0})
    row = month_of(monthly_summaries(frame, bids(), YEAR), "มกราคม 2561").iloc[0]
    assert row["รายชื่อผู้เสนอราคาและราคาที่เสนอ"] == "ร้านสมชายการค้า\nราคา 1,234.00 บาท"
    assert row["เหตุผลที่คัดเลือกโดยสรุป"] == "-"
    assert row["เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง"] == "ลงวันที่ 15 ม.ค. 2561"


def test_an_empty_month_sheet_says_there_was_no_procurement():
    sheets = monthly_sheets(monthly_summaries(None, None, YEAR))
    assert len(sheets) == 12
    for sheet in sheets.values():
        assert len(sheet.columns) == 9
        assert sheet.iloc[:, 0].tolist() == ["ไม่มีการจัดซื้อจัดจ้าง"]
        assert sheet.iloc[0, 1:].isna().all()


# --- the 16-column list ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "listed"),
    [("first_half", ["61010000000", "61010000001"]), ("full_year", ["61010000000", "61010000001", "61010000002"])],
)
def test_the_list_holds_the_records_concluded_in_its_period(params, period, listed):
    chosen = params.model_copy(update={"procurement": params.procurement.model_copy(update={"list_period": period})})
    frame = records(
        {"contract_date": "2017-10-01"},
        {"contract_date": "2018-03-31"},
        {"contract_date": "2018-04-01"},
        {"contract_date": "2018-02-01", "status": "ยกเลิก"},
    )
    table = procurement_list(frame, chosen)
    assert table["เลขที่โครงการในระบบ e-GP"].tolist() == listed
    assert table["ที่"].tolist() == list(range(1, len(listed) + 1))


def test_the_list_fills_the_office_columns_from_params(params):
    row = procurement_list(records({}), params).iloc[0].to_dict()
    assert row == {
        "ที่": 1,
        "ปีงบประมาณ": "2561",
        "ชื่อหน่วยงาน": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาญจนบุรี เขต 2",
        "อำเภอ": "ท่าม่วง",
        "จังหวัด": "กาญจนบุรี",
        "กระทรวง": "กระทรวงศึกษาธิการ",
        "ประเภทหน่วยงาน": "สำนักงานเขตพื้นที่การศึกษา",
        "ชื่อรายการของงานที่ซื้อหรือจ้าง": "วัสดุสำนักงาน",
        "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)": 100_000.0,
        "แหล่งที่มาของงบประมาณ": "งบประมาณแผ่นดิน",
        "สถานะการจัดซื้อจัดจ้าง": "ลงนามสัญญาแล้ว",
        "วิธีการจัดซื้อจัดจ้าง": "วิธีเฉพาะเจาะจง",
        "ราคากลาง (บาท)": 100_000.0,
        "ราคาที่ตกลงซื้อหรือจ้าง (บาท)": 90_000.0,
        "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก": "ร้านสมชายการค้า",
        "เลขที่โครงการในระบบ e-GP": "61010000000",
    }
    assert list_period(params) == (pd.Timestamp("2017-10-01").date(), pd.Timestamp("2018-03-31").date())


def test_a_record_that_would_leave_a_list_field_empty_is_a_data_problem(params):
    # dated but never given a winner: every field of the list must be filled
    frame = records({}, {"status": "อยู่ระหว่างดำเนินการ", "supplier": None, "agreed_price": None})
    with pytest.raises(DataError) as raised:
        procurement_list(frame, params, "data/2561/procurement.csv")
    assert str(raised.value) == (
        "data/2561/procurement.csv, row 3, column 'ราคาที่ตกลงซื้อหรือจ้าง (บาท)': value ''; expected a value: "
        "the 16-column procurement list fills every field of a concluded procurement\n"
        "data/2561/procurement.csv, row 3, column 'ผู้ได้รับการคัดเลือก': value ''; expected a value: "
        "the 16-column procurement list fills every field of a concluded procurement"
    )


# --- annual figures --------------------------------------------------------------------------------


def test_totals_and_savings_are_exact_to_the_satang():
    frame = records(
        {"budget": 0.1, "reference_price": 0.1, "agreed_price": 0.07},
        {"budget": 0.2, "reference_price": 0.2, "agreed_price": 0.05},
        {"budget": 1_000_000.0, "reference_price": 999_999.99, "agreed_price": 987_654.33,
         "method": "e-bidding", "contract_date": "2018-05-02"},
    )
    totals = procurement_totals(frame)
    assert (totals.count, totals.budget, totals.reference, totals.agreed) == (3, 1_000_000.3, 1_000_000.29, 987_654.45)
    assert totals.savings == 12_345.84
    assert totals.savings_pct == 1.23  # 12,345.84 / 1,000,000.29 = 1.2345836...
    methods = by_method(frame)
    assert methods["วิธีซื้อหรือจ้าง"].tolist() == ["วิธีประกาศเชิญชวนทั่วไป (e-bidding)", "วิธีเฉพาะเจาะจง"]
    assert methods["ประหยัดงบประมาณ (บาท)"].tolist() == [12_345.66, 0.18]
    assert methods["ร้อยละที่ประหยัดได้"].tolist() == [1.23, 60.0]
    months = by_month(frame, YEAR)
    assert months["เดือน"].tolist()[0] == "ต.ค. 2560"
    assert months["จำนวนโครงการ"].tolist() == [0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0]


def test_top_suppliers_count_one_supplier_under_its_spellings_once():
    frame = records(
        {"supplier": "บริษัท สมชายการค้า จำกัด", "supplier_tax_id": "0105551234567", "agreed_price": 10.0},
        {"supplier": "สมชาย การค้า", "supplier_tax_id": "0105551234567", "agreed_price": 20.0},
        {"supplier": "หจก. สมชายการค้า", "agreed_price": 30.0},
        {"supplier": "ร้านอื่น", "agreed_price": 40.0},
    )
    top = top_suppliers(frame)
    assert top.values.tolist() == [
        [1, "บริษัท สมชายการค้า จำกัด", 3, 60.0, 60.0],
        [2, "ร้านอื่น", 1, 40.0, 40.0],
    ]


def test_comparison_gives_the_change_in_percentage_points():
    before = records({"reference_price": 100.0, "agreed_price": 90.0})
    after = records({"reference_price": 200.0, "agreed_price": 190.0}, {"reference_price": 100.0, "agreed_price": 95.0})
    table = compare_totals(before, after, (2560, 2561))
    assert table["ปีงบประมาณ"].tolist() == ["2560", "2561", "เพิ่มขึ้น (ลดลง)"]
    assert table["จำนวนโครงการ"].tolist() == [1, 2, 1]
    assert table["ประหยัดงบประมาณ (บาท)"].tolist() == [10.0, 15.0, 5.0]
    assert table["ร้อยละที่ประหยัดได้"].tolist() == [10.0, 5.0, -5.0]


# --- the book with and without a previous year --------------------------------------------------------


def project_copy(tmp_path, *, previous: bool, improvements: list[str] | None = None):
    from tests import REPO_DIR

    for folder in ("data", "params"):
        shutil.copytree(REPO_DIR / folder, tmp_path / folder)
    if not previous:
        (tmp_path / "params" / "2560.yaml").unlink()
        shutil.rmtree(tmp_path / "data" / "2560")
    elif improvements is not None:
        # FY 2560's procurement section with these stated improvements
        path = tmp_path / "params" / "2560.yaml"
        params = yaml.safe_load(path.read_text(encoding="utf-8"))
        params["procurement"]["narrative"]["improvements"] = improvements
        path.write_text(yaml.safe_dump(params, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return open_year(tmp_path, YEAR)


def test_a_year_without_a_previous_year_has_no_comparison(tmp_path):
    book = procurement_book(project_copy(tmp_path, previous=False))
    assert [s.key for s in book.sections if s.level == 2] == ["results", "analysis", "appendix"]
    assert [s.number for s in book.sections if s.key in ("analysis", "risk")] == ["บทที่ 2", "2.1"]
    assert str(book.heading("comparison")) == ""
    assert str(book.comparison()) == ""
    assert str(book.chart("comparison")) == ""
    assert "ไม่มีข้อมูลปีงบประมาณ พ.ศ. ๒๕๖๐ สำหรับติดตามแนวทางการปรับปรุง" in str(book.improvements())
    assert 'href="#procurement-comparison"' not in str(book.contents())


def test_the_previous_years_improvements_stand_beside_this_years_figures(tmp_path):
    book = procurement_book(project_copy(tmp_path, previous=True, improvements=["ปรับปรุงข้อแรกของปี ๒๕๖๐", "ปรับปรุงข้อสองของปี ๒๕๖๐"]))
    html = str(book.improvements())
    beside = html[html.index('class="report-table improvements-beside"'):html.index("แนวทางการปรับปรุงในปีงบประมาณ พ.ศ. ๒๕๖๒")]
    assert "แนวทางการปรับปรุงที่กำหนดไว้ในปีงบประมาณ พ.ศ. ๒๕๖๐" in beside
    assert "<li>๑. ปรับปรุงข้อแรกของปี ๒๕๖๐</li>" in beside
    assert "ปีงบประมาณ ๒๕๖๑" in beside and "ปีงบประมาณ ๒๕๖๐" in beside
    assert [s.number for s in book.sections if s.level == 2] == ["บทที่ 1", "บทที่ 2", "บทที่ 3", ""]


def test_every_flag_table_is_headed_by_the_disclaimer(tmp_path):
    html = str(procurement_book(project_copy(tmp_path, previous=False)).risk())
    assert html.count("<table") == 2
    assert html.count('class="flag-notice">ข้อสังเกตนี้เป็นความเสี่ยงที่ควรตรวจสอบ ไม่ใช่ข้อพิสูจน์ว่ามีการทุจริต') == 2
