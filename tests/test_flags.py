"""Risk flags fire where they must and not on the near misses beside them."""

from __future__ import annotations

import pandas as pd
import pytest

from ita_report.config.params import Flags
from ita_report.records.datasets import BIDS, PROCUREMENT, RELATIONS
from ita_report.reports.procurement import checks
from ita_report.reports.procurement import flags as f
from ita_report.reports.procurement.parties import party_key

LIMITS = Flags(
    direct_limit=500_000,
    year_end_days=30,
    year_end_share=0.2,
    splitting_window_days=30,
    min_bidders=3,
    supplier_share=0.3,
    low_bid_ratio=0.7,
)

DEFAULTS = {
    "item": "วัสดุสำนักงาน",
    "kind": "ซื้อ",
    "budget_category": "งบดำเนินงาน",
    "expense_type": "ค่าวัสดุ",
    "fund_source": "งบประมาณแผ่นดิน",
    "budget": 100_000.0,
    "reference_price": 100_000.0,
    "method": "เฉพาะเจาะจง",
    "supplier": "ร้านสมชายการค้า",
    "supplier_tax_id": None,
    "agreed_price": 90_000.0,
    "reason": "ราคาเหมาะสม",
    "contract_no": "1/2561",
    "contract_date": "2018-01-15",
    "status": "ลงนามสัญญาแล้ว",
    "requesting_unit": "กลุ่มอำนวยการ",
    "officers": "นายสมชาย ใจดี",
}


def records(*rows: dict) -> pd.DataFrame:
    """Records with exactly the PROCUREMENT columns, indexed as Excel rows (the header is row 1)."""
    rows = [{**DEFAULTS, "egp_id": f"6101000000{n}", **row} for n, row in enumerate(rows)]
    frame = pd.DataFrame(rows, columns=[c.name for c in PROCUREMENT.columns])
    frame["contract_date"] = pd.to_datetime(frame["contract_date"])
    frame.index = range(2, 2 + len(frame))
    return frame


def bids(*rows: tuple) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=[c.name for c in BIDS.columns])
    frame["price"] = frame["price"].astype(float)
    return frame


def relations(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[c.name for c in RELATIONS.columns])


def fired(check, frame, **inputs) -> list[str]:
    return check(frame, LIMITS, **inputs)["egp_id"].tolist()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("บริษัท สมชายการค้า จำกัด", "สมชายการค้า"),
        ("หจก. สมชายการค้า", "สมชายการค้า"),
        ("ห้างหุ้นส่วนจำกัด  สมชายการค้า", "สมชายการค้า"),
        ("ห้างหุ้นส่วน จำกัด สมชาย การค้า", "สมชายการค้า"),
        ("ร้านสมชายการค้า", "สมชายการค้า"),
        ("บริษัท เอบีซี จำกัด (มหาชน)", "เอบีซี"),
        ("นางสาวสมศรี   ใจดี", "สมศรีใจดี"),
        ("น.ส. สมศรี ใจดี", "สมศรีใจดี"),
        ("นายสมชาย ใจดี", "สมชายใจดี"),
        ("ABC Co., Ltd.", "abc"),
        (None, ""),
    ],
)
def test_party_key_ignores_spacing_company_forms_and_titles(name, key):
    assert party_key(name) == key


# --- year end -------------------------------------------------------------------------------------


def test_year_end_fires_on_direct_purchases_from_1_to_30_september_only():
    frame = records(
        {"contract_date": "2017-10-01", "agreed_price": 100_000.0},  # first day of the year
        {"contract_date": "2018-08-31", "agreed_price": 100_000.0},  # 31 days before the end
        {"contract_date": "2018-09-01", "agreed_price": 100_000.0},  # 29 days before the end
        {"contract_date": "2018-09-30", "agreed_price": 100_000.0},  # the last day
        {"contract_date": "2018-09-30", "agreed_price": 900_000.0, "method": "e-bidding"},
    )
    result = checks.year_end_direct(frame, LIMITS)
    assert result["egp_id"].tolist() == ["61010000002", "61010000003"]
    assert result["flag_reason"].iloc[0] == (
        "จัดซื้อจัดจ้างวิธีเฉพาะเจาะจงในช่วง 30 วันสุดท้ายของปีงบประมาณ 2561 รวม 200,000.00 บาท "
        "คิดเป็นร้อยละ 50.00 ของวิธีเฉพาะเจาะจงทั้งปี (เกณฑ์ร้อยละ 20)"
    )


@pytest.mark.parametrize(("late", "fires"), [(25_000.0, False), (25_000.01, True)])
def test_year_end_fires_only_above_the_share(late, fires):
    # 25,000 of 125,000 is exactly 20 %: not above the share
    frame = records(
        {"contract_date": "2018-01-10", "agreed_price": 100_000.0},
        {"contract_date": "2018-09-15", "agreed_price": late},
    )
    assert fired(checks.year_end_direct, frame) == (["61010000001"] if fires else [])


def test_year_end_leaves_out_cancelled_and_unsigned_records():
    frame = records(
        {"contract_date": "2018-01-10", "agreed_price": 100_000.0},
        {"contract_date": "2018-09-15", "agreed_price": 900_000.0, "status": "ยกเลิก"},
        {"contract_date": None, "agreed_price": None, "supplier": None, "status": "อยู่ระหว่างดำเนินการ"},
    )
    assert fired(checks.year_end_direct, frame) == []


# --- splitting ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("second", "fires"), [(249_999.99, False), (250_000.01, True)])
def test_splitting_fires_when_like_purchases_together_exceed_the_limit(second, fires):
    # together 499,999.99 or 500,000.01 baht
    frame = records(
        {"contract_date": "2018-03-01", "agreed_price": 250_000.0},
        {"contract_date": "2018-03-10", "agreed_price": second},
    )
    assert fired(checks.contract_splitting, frame) == (["61010000000", "61010000001"] if fires else [])


@pytest.mark.parametrize(("second_day", "fires"), [("2018-03-31", True), ("2018-04-01", False)])
def test_splitting_window_counts_days_between_contracts(second_day, fires):
    # 1 Mar to 31 Mar is 30 days apart: within the window; 1 Apr is 31 days
    frame = records(
        {"contract_date": "2018-03-01", "agreed_price": 300_000.0},
        {"contract_date": second_day, "agreed_price": 300_000.0},
    )
    assert bool(fired(checks.contract_splitting, frame)) is fires


@pytest.mark.parametrize(
    "other",
    [
        {"expense_type": "ค่าใช้สอย"},  # not like items
        {"supplier": "ร้านสมศรีพาณิชย์"},  # another supplier
        {"method": "e-market"},  # not a direct purchase
        {"agreed_price": 500_000.01},  # itself over the limit: not a split part
        {"status": "ยกเลิก"},
    ],
)
def test_splitting_needs_like_direct_purchases_from_one_supplier(other):
    frame = records(
        {"contract_date": "2018-03-01", "agreed_price": 300_000.0},
        {"contract_date": "2018-03-05", "agreed_price": 300_000.0, **other},
    )
    assert fired(checks.contract_splitting, frame) == []


def test_splitting_knows_one_supplier_by_tax_id_or_by_company_form():
    frame = records(
        {"contract_date": "2018-03-01", "agreed_price": 200_000.0, "supplier": "บริษัท สมชายการค้า จำกัด",
         "supplier_tax_id": "0105551234567"},
        {"contract_date": "2018-03-05", "agreed_price": 200_000.0, "supplier": "สมชาย เทรดดิ้ง",
         "supplier_tax_id": "0105551234567"},
        {"contract_date": "2018-03-09", "agreed_price": 200_000.0, "supplier": "หจก. สมชายการค้า"},
    )
    result = checks.contract_splitting(frame, LIMITS)
    assert result["egp_id"].tolist() == ["61010000000", "61010000001", "61010000002"]
    assert result["flag_reason"].iloc[0] == (
        "ซื้อหรือจ้างค่าวัสดุจาก บริษัท สมชายการค้า จำกัด วิธีเฉพาะเจาะจง 3 รายการ ระหว่าง 1 มี.ค. 2561 "
        "ถึง 9 มี.ค. 2561 แต่ละรายการไม่เกิน 500,000.00 บาท แต่รวมกัน 600,000.00 บาท "
        "(ช่วงห่างไม่เกิน 30 วัน) อาจเป็นการแบ่งซื้อแบ่งจ้าง"
    )


def test_splitting_leaves_out_a_purchase_outside_every_window_that_fires():
    frame = records(
        {"contract_date": "2018-01-01", "agreed_price": 100_000.0},
        {"contract_date": "2018-03-01", "agreed_price": 300_000.0},
        {"contract_date": "2018-03-20", "agreed_price": 300_000.0},
    )
    assert fired(checks.contract_splitting, frame) == ["61010000001", "61010000002"]


# --- bidders --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "count", "fires"),
    [
        ("e-bidding", 2, True),
        ("e-bidding", 3, False),
        ("e-market", 2, True),
        ("สอบราคา", 2, True),
        ("คัดเลือก", 2, True),
        ("คัดเลือก", 3, False),
        ("เฉพาะเจาะจง", 1, False),
    ],
)
def test_too_few_bidders_where_the_method_needs_competition(method, count, fires):
    frame = records({"method": method})
    offers = bids(*[("61010000000", f"บริษัท ผู้เสนอ {n} จำกัด", None, 90_000.0 + n) for n in range(count)])
    assert bool(fired(checks.too_few_bidders, frame, bids=offers)) is fires


def test_too_few_bidders_counts_a_bidder_once_and_a_record_without_bids_as_none():
    frame = records({"method": "e-bidding"}, {"method": "e-bidding"})
    offers = bids(
        ("61010000000", "บริษัท ก จำกัด", "0105551234567", 95_000.0),
        ("61010000000", "บริษัท ก จำกัด", "0105551234567", 94_000.0),
        ("61010000000", "ก", "0105551234567", 93_000.0),
        ("61010000000", "บริษัท ข จำกัด", None, 96_000.0),
        ("61010000000", "บริษัท ค จำกัด", None, 97_000.0),
    )
    result = checks.too_few_bidders(frame, LIMITS, bids=offers)
    assert result["flag_reason"].tolist() == ["วิธีประกาศเชิญชวนทั่วไป (e-bidding) มีผู้เสนอราคา 0 ราย น้อยกว่า 3 ราย"]
    assert result["egp_id"].tolist() == ["61010000001"]


def test_too_few_bidders_says_nothing_without_a_bids_file():
    assert fired(checks.too_few_bidders, records({"method": "e-bidding"}), bids=None) == []


# --- prices ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("agreed", "reason"),
    [
        (100_000.0, "ราคาที่ตกลง 100,000.00 บาท เท่ากับราคากลาง 100,000.00 บาท"),
        (100_000.01, "ราคาที่ตกลง 100,000.01 บาท สูงกว่าราคากลาง 100,000.00 บาท"),
        (99_999.99, None),
    ],
)
def test_agreed_price_at_or_above_reference(agreed, reason):
    result = checks.agreed_at_or_above_reference(records({"agreed_price": agreed, "reference_price": 100_000.0}), LIMITS)
    assert result["flag_reason"].tolist() == ([reason] if reason else [])


def test_agreed_price_is_not_compared_with_a_reference_price_of_zero():
    assert fired(checks.agreed_at_or_above_reference, records({"reference_price": 0.0})) == []


@pytest.mark.parametrize(("reference", "fires"), [(500_000.0, False), (500_000.01, True)])
def test_reference_price_above_the_budget(reference, fires):
    frame = records({"budget": 500_000.0, "reference_price": reference, "agreed_price": 400_000.0})
    assert bool(fired(checks.reference_above_budget, frame)) is fires


def test_identical_bid_prices_from_different_bidders():
    frame = records({"method": "e-bidding"}, {"method": "e-bidding"})
    offers = bids(
        ("61010000000", "บริษัท ก จำกัด", None, 95_000.0),
        ("61010000000", "บริษัท ข จำกัด", None, 95_000.0),
        ("61010000000", "บริษัท ค จำกัด", None, 97_000.0),
        # the same bidder twice at one price is not two bidders
        ("61010000001", "บริษัท ก จำกัด", "0105551234567", 95_000.0),
        ("61010000001", "หจก. ก", "0105551234567", 95_000.0),
        ("61010000001", "บริษัท ข จำกัด", None, 95_000.01),
    )
    result = checks.identical_bids(frame, LIMITS, bids=offers)
    assert result["egp_id"].tolist() == ["61010000000"]
    assert result["flag_reason"].tolist() == [
        "ผู้เสนอราคา บริษัท ก จำกัด และ บริษัท ข จำกัด เสนอราคาเท่ากัน 95,000.00 บาท"
    ]


@pytest.mark.parametrize(("winner", "fires"), [(70_000.0, False), (69_999.99, True)])
def test_low_winning_bid_below_the_ratio_of_the_next(winner, fires):
    frame = records({"method": "e-bidding", "supplier": "บริษัท ก จำกัด", "agreed_price": winner})
    offers = bids(
        ("61010000000", "บริษัท ก จำกัด", None, winner),
        ("61010000000", "บริษัท ข จำกัด", None, 100_000.0),
        ("61010000000", "บริษัท ค จำกัด", None, 120_000.0),
    )
    assert bool(fired(checks.low_winning_bid, frame, bids=offers)) is fires


# --- suppliers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("amount", "fires"), [(30_000.0, False), (30_000.01, True)])
def test_supplier_share_above_the_threshold(amount, fires):
    # the records add up to 100,000 baht, of which ร้าน ก (two spellings) wins 30,000 or 30,000.01
    frame = records(
        {"supplier": "ร้าน ก", "agreed_price": amount / 2},
        {"supplier": "ก", "agreed_price": amount / 2},
        *[{"supplier": f"ร้าน {name}", "agreed_price": 17_500.0} for name in "ขคง"],
        {"supplier": "ร้าน จ", "agreed_price": 17_500.0 - (amount - 30_000.0)},
    )
    result = checks.supplier_concentration(frame, LIMITS)
    assert result["egp_id"].tolist() == (["61010000000", "61010000001"] if fires else [])
    if fires:
        assert result["flag_reason"].iloc[0] == (
            "ร้าน ก ได้รับการคัดเลือก 2 รายการ รวม 30,000.01 บาท คิดเป็นร้อยละ 30.00 ของราคาที่ตกลงทั้งหมด "
            "(เกณฑ์ร้อยละ 30)"
        )


def test_supplier_matching_a_relation_by_tax_id_under_another_name():
    frame = records(
        {"supplier": "บริษัท รุ่งเรืองการพิมพ์ จำกัด", "supplier_tax_id": "0715559000123",
         "officers": "นางสาวมาลี  ศรีสุข; นายสมชาย ใจดี"},
    )
    declared = relations(("น.ส.มาลี ศรีสุข", "กรรมการตรวจรับพัสดุ", "นายประเสริฐ ศรีสุข", "0715559000123", None, "คู่สมรส"))
    result = checks.related_supplier(frame, LIMITS, relations=declared)
    assert result["flag_reason"].tolist() == [
        "ผู้ได้รับการคัดเลือกตรงกับเลขประจำตัวผู้เสียภาษีของ นายประเสริฐ ศรีสุข ซึ่ง นางสาวมาลี  ศรีสุข "
        "(กรรมการตรวจรับพัสดุ) ผู้ดำเนินการจัดซื้อจัดจ้างรายการนี้แจ้งไว้ว่าเป็นผู้เกี่ยวข้อง"
    ]


@pytest.mark.parametrize(
    ("supplier", "officers", "fires"),
    [
        ("หจก. รุ่งเรืองการพิมพ์", "นายสมชาย ใจดี", True),  # the name without its company form
        ("ห้างหุ้นส่วนจำกัด รุ่งเรือง การพิมพ์", "นายสมชาย   ใจดี", True),
        ("หจก. รุ่งเรืองการพิมพ์", "นายสมศักดิ์ ใจงาม", False),  # the officer did not run it
        ("หจก. รุ่งโรจน์การพิมพ์", "นายสมชาย ใจดี", False),  # another firm
    ],
)
def test_supplier_matching_a_relation_by_name(supplier, officers, fires):
    frame = records({"supplier": supplier, "officers": officers})
    declared = relations(("นายสมชาย ใจดี", "เจ้าหน้าที่พัสดุ", "ห้างหุ้นส่วนจำกัด รุ่งเรืองการพิมพ์", None, None, "บุตร"))
    assert bool(fired(checks.related_supplier, frame, relations=declared)) is fires


def test_supplier_matching_a_relation_by_address_when_the_records_carry_one():
    frame = records({"supplier": "ร้านใหม่", "officers": "นายสมชาย ใจดี"})
    frame[checks.SUPPLIER_ADDRESS] = ["99/1 หมู่ 2  ต.ท่าม่วง"]
    declared = relations(("นายสมชาย ใจดี", "เจ้าหน้าที่พัสดุ", "นางสมใจ ใจดี", None, "99/1 หมู่ ๒ ต.ท่าม่วง", "มารดา"))
    assert "ตรงกับที่อยู่ของ" in checks.related_supplier(frame, LIMITS, relations=declared)["flag_reason"].iloc[0]


def test_a_cancelled_procurement_is_not_flagged():
    frame = records({"status": "ยกเลิก", "agreed_price": 100_000.0, "supplier": "หจก. รุ่งเรืองการพิมพ์"})
    declared = relations(("นายสมชาย ใจดี", "เจ้าหน้าที่พัสดุ", "หจก. รุ่งเรืองการพิมพ์", None, None, None))
    assert f.risk_flags(frame, LIMITS, relations=declared).empty


# --- all together ---------------------------------------------------------------------------------


def test_risk_flags_lists_each_flag_with_its_title_and_counts_every_flag():
    frame = records(
        {"agreed_price": 100_000.0},
        {"agreed_price": 50_000.0, "supplier": "ร้าน ข", "reference_price": 60_000.0},
    )
    result = f.risk_flags(frame, LIMITS)
    assert list(zip(result["flag"], result["egp_id"])) == [
        ("above_reference", "61010000000"),
        ("supplier_share", "61010000000"),
        ("supplier_share", "61010000001"),
    ]
    assert result["flag_title"].iloc[0] == "ราคาที่ตกลงไม่ต่ำกว่าราคากลาง"
    counts = f.flag_counts(result)
    assert list(counts) == [flag.code for flag in f.FLAGS]
    assert counts["supplier_share"] == 2 and counts["splitting"] == 0


@pytest.mark.parametrize("procurement", [None, records().iloc[0:0]])
def test_risk_flags_of_no_records_is_empty(procurement):
    result = f.risk_flags(procurement, LIMITS, bids=None, relations=None)
    assert result.empty
    assert set(f.flag_counts(result).values()) == {0}


def test_the_disclaimer_says_a_flag_is_no_proof():
    assert f.DISCLAIMER.startswith("ข้อสังเกตนี้เป็นความเสี่ยงที่ควรตรวจสอบ ไม่ใช่ข้อพิสูจน์ว่ามีการทุจริต")


def test_flags_and_monthly_tables_run_the_same_on_records_imported_from_e_gp(tmp_path):
    import shutil
    from pathlib import Path

    from ita_report.config.params import load_params
    from ita_report.core.paths import Project
    from ita_report.interchange.egp import import_egp
    from ita_report.records.year import load_year
    from ita_report.reports.procurement_monthly.summaries import monthly_summaries
    from tests import REPO_DIR

    shutil.copytree(REPO_DIR / "params", tmp_path / "params")
    project = Project.at(tmp_path)
    project.data_dir(2561).mkdir(parents=True)
    extract = Path(__file__).parent / "fixtures" / "egp" / "contracts_2561.csv"
    import_egp(project, 2561, extract, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาญจนบุรี เขต ๒")
    imported = load_year(project, load_params(project, 2561)).frame("procurement")
    result = f.risk_flags(imported, LIMITS)  # no bids or relations: those flags stay silent
    assert list(zip(result["flag"], result["egp_id"])) == [
        ("above_reference", "61047000004"),  # 96,000 agreed at a reference price of 96,000
        ("supplier_share", "61027000002"),  # the one e-bidding contract is most of the money
    ]
    months = monthly_summaries(imported, None, 2561)
    assert sum(len(m.table) for m in months) == int(imported["contract_date"].notna().sum()
                                                    - (imported["status"] == "ยกเลิก").sum())
