"""The example records: made by a fixed-seed script, valid, and holding the risk patterns planted in them."""

from __future__ import annotations

import csv
import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from ita_report.config.params import load_params
from ita_report.core.paths import Project
from ita_report.records import datasets as d
from ita_report.records.year import YearData, load_year
from tests import REPO_DIR

SCRIPT = REPO_DIR / "scripts" / "make_example_data.py"
FILES = {
    2560: ("budget_allocations", "disbursements", "procurement", "bids", "complaints", "relations"),
    2561: ("indicator_results", "budget_allocations", "disbursements", "procurement", "bids", "complaints",
           "relations"),
}
ROWS = {
    2560: {"budget_allocations": 4, "disbursements": 29, "procurement": 253, "bids": 276, "complaints": 30,
           "relations": 6},
    2561: {"indicator_results": 53, "budget_allocations": 7, "disbursements": 43, "procurement": 345, "bids": 385,
           "complaints": 36, "relations": 8},
}
DIRECT = "เฉพาะเจาะจง"


def written(root: Path) -> dict[str, bytes]:
    """Every file the generator writes, by year/name, as bytes."""
    return {
        f"{year}/{name}": (root / "data" / str(year) / name).read_bytes()
        for year, names in FILES.items()
        for name in [f"{n}.csv" for n in names] + ["examples.yaml"]
    }


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_example_data", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(script: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch folder the generator has written into once."""
    root = tmp_path_factory.mktemp("examples")
    script.main(root)
    return root


@pytest.fixture(scope="module")
def years() -> dict[int, YearData]:
    project = Project.at(REPO_DIR)
    return {year: load_year(project, load_params(project, year)) for year in FILES}


def frame(years: dict[int, YearData], year: int, name: str) -> pd.DataFrame:
    return years[year].frame(name)


def test_the_generator_writes_only_the_example_files(generated):
    found = sorted(str(p.relative_to(generated / "data")) for p in (generated / "data").rglob("*") if p.is_file())
    assert found == sorted(written(generated))


def test_two_runs_write_the_same_bytes(script, generated, tmp_path):
    script.main(tmp_path)
    assert written(tmp_path) == written(generated)


def test_the_committed_files_are_what_the_generator_writes(generated):
    committed = written(REPO_DIR)
    drifted = [name for name, data in written(generated).items() if committed[name] != data]
    assert drifted == [], "run .venv/bin/python scripts/make_example_data.py and commit its output"


def test_both_years_load_without_problems_and_are_marked_as_examples(years):
    assert {year: sorted(data.examples) for year, data in years.items()} == {
        year: sorted(names) for year, names in FILES.items()
    }
    assert years[2561].plan is not None and years[2560].plan is None


@pytest.mark.parametrize(("year", "name", "rows"), [(y, n, r) for y, counts in ROWS.items() for n, r in counts.items()])
def test_row_counts(years, year, name, rows):
    assert len(frame(years, year, name)) == rows


@pytest.mark.parametrize(("year", "total"), [(2560, 10_410_592.81), (2561, 16_760_380.45)])
def test_total_agreed_baht(years, year, total):
    assert round(frame(years, year, "procurement")["agreed_price"].sum(), 2) == total


@pytest.mark.parametrize(("year", "methods"), [
    (2560, {DIRECT: 242, "สอบราคา": 6, "e-bidding": 3, "e-market": 1, "คัดเลือก": 1}),
    (2561, {DIRECT: 323, "e-market": 11, "e-bidding": 8, "คัดเลือก": 3}),
])
def test_methods(years, year, methods):
    assert frame(years, year, "procurement")["method"].value_counts().to_dict() == methods


@pytest.mark.parametrize(("year", "per_month"), [
    (2560, [16, 17, 19, 20, 19, 21, 13, 19, 19, 20, 22, 37]),
    (2561, [18, 21, 24, 25, 24, 27, 17, 25, 25, 30, 29, 58]),
])
def test_direct_purchases_in_every_month_and_most_in_september(years, year, per_month):
    procurement = frame(years, year, "procurement")
    direct = procurement[procurement["method"] == DIRECT]
    months = direct["contract_date"].dt.month.value_counts()
    assert [months[m] for m in (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)] == per_month


@pytest.mark.parametrize("year", FILES)
def test_egp_numbers_are_unique_11_digit_strings_of_the_year(years, year):
    ids = frame(years, year, "procurement")["egp_id"]
    assert ids.str.fullmatch(rf"{str(year)[2:]}\d{{9}}").all() and ids.is_unique


@pytest.mark.parametrize("year", FILES)
def test_officers_are_two_or_three_names(years, year):
    counts = frame(years, year, "procurement")["officers"].str.split("; ").map(len)
    assert counts.between(2, 3).all()


@pytest.mark.parametrize("year", FILES)
def test_budget_categories_agree_with_expense_types(years, year):
    procurement = frame(years, year, "procurement")
    pairs = set(zip(procurement["expense_type"], procurement["budget_category"]))
    assert pairs == {("ค่าวัสดุ", "งบดำเนินงาน"), ("ค่าใช้สอย", "งบดำเนินงาน"), ("ค่าครุภัณฑ์", "งบลงทุน"),
                     ("ค่าที่ดินและสิ่งก่อสร้าง", "งบลงทุน")}


def split_windows(procurement: pd.DataFrame) -> list[tuple[str, ...]]:
    """e-GP numbers of direct purchases under 500,000 from one supplier within 30 days, over 500,000 together."""
    direct = procurement[(procurement["method"] == DIRECT) & (procurement["agreed_price"] < 500_000)]
    found = []
    for _, purchases in direct.groupby("supplier"):
        for start in purchases["contract_date"]:
            window = purchases[purchases["contract_date"].between(start, start + pd.Timedelta(days=30))]
            ids = tuple(sorted(window["egp_id"]))
            if len(window) > 1 and window["agreed_price"].sum() > 500_000 and ids not in found:
                found.append(ids)
    return found


@pytest.mark.parametrize(("year", "windows"), [
    (2560, []),
    (2561, [("61071334856", "61071367120", "61071423690", "61071454097")]),
])
def test_one_contract_splitting_pattern_in_2561(years, year, windows):
    procurement = frame(years, year, "procurement")
    assert split_windows(procurement) == windows
    if windows:
        split = procurement[procurement["egp_id"].isin(windows[0])]
        assert split["agreed_price"].tolist() == [141_000, 141_000, 117_500, 164_500]
        assert split["supplier"].unique().tolist() == ["บริษัท เค.ซี. คอมพิวเตอร์ จำกัด"]


def test_purchases_just_under_and_over_500000(years):
    procurement = frame(years, 2561, "procurement")
    near = procurement[procurement["agreed_price"].between(450_000, 550_000)]
    assert sorted(zip(near["egp_id"], near["method"], near["agreed_price"])) == [
        ("61051404494", DIRECT, 512_000), ("61081181102", "e-market", 503_000), ("61081196524", DIRECT, 499_500),
    ]


@pytest.mark.parametrize(("year", "at_or_above"), [
    (2560, [("60021237228", 24_350, 24_350)]),
    (2561, [("61021438141", 28_800, 29_720), ("61091123924", 15_230, 15_230)]),
])
def test_agreed_price_at_or_above_reference_is_rare(years, year, at_or_above):
    procurement = frame(years, year, "procurement")
    rows = procurement[procurement["agreed_price"] >= procurement["reference_price"]]
    assert list(zip(rows["egp_id"], rows["reference_price"], rows["agreed_price"])) == at_or_above
    assert (procurement["reference_price"] <= procurement["budget"]).all()


@pytest.mark.parametrize(("year", "bidders"), [
    (2560, {"สอบราคา": [0, 3, 3, 3, 3, 4], "e-bidding": [3, 3, 5], "e-market": [4], "คัดเลือก": [3]}),
    (2561, {"e-market": [0, 3, 3, 3, 3, 3, 3, 3, 4, 4, 5], "e-bidding": [0, 0, 1, 2, 3, 4, 4, 5],
            "คัดเลือก": [3, 3, 3]}),
])
def test_bidders_per_competitive_purchase(years, year, bidders):
    procurement, bids = frame(years, year, "procurement"), frame(years, year, "bids")
    counts = bids["egp_id"].value_counts()
    found = {
        method: sorted(counts.get(egp_id, 0) for egp_id in rows["egp_id"])
        for method, rows in procurement[procurement["method"] != DIRECT].groupby("method")
    }
    assert found == bidders


@pytest.mark.parametrize("year", FILES)
def test_every_winner_bid_the_agreed_price_and_bid_lowest(years, year):
    procurement, bids = frame(years, year, "procurement"), frame(years, year, "bids")
    won = procurement.dropna(subset=["supplier"]).set_index("egp_id")
    winning = bids.merge(won, left_on=["egp_id", "bidder"], right_on=["egp_id", "supplier"])
    assert len(winning) == len(won)
    assert (winning["price"] == winning["agreed_price"]).all()
    assert (bids.groupby("egp_id")["price"].min()[won.index] == won["agreed_price"]).all()


def test_one_pair_of_identical_bids_from_different_bidders(years):
    bids = frame(years, 2561, "bids")
    same = bids[bids.duplicated(["egp_id", "price"], keep=False)]
    assert same[["egp_id", "bidder", "price"]].values.tolist() == [
        ["61031440455", "หจก. สยามเครื่องเย็นกาญจน์", 327_700],
        ["61031440455", "บริษัท เมืองกาญจน์ไฟฟ้า จำกัด", 327_700],
    ]
    assert frame(years, 2560, "bids").duplicated(["egp_id", "price"]).sum() == 0


@pytest.mark.parametrize(("year", "statuses"), [
    (2560, {"ส่งมอบและตรวจรับแล้ว": 240, "ลงนามสัญญาแล้ว": 12, "ยกเลิก": 1}),
    (2561, {"ส่งมอบและตรวจรับแล้ว": 325, "ลงนามสัญญาแล้ว": 17, "ยกเลิก": 2, "อยู่ระหว่างดำเนินการ": 1}),
])
def test_cancelled_and_open_purchases_have_no_supplier(years, year, statuses):
    procurement = frame(years, year, "procurement")
    assert procurement["status"].value_counts().to_dict() == statuses
    unawarded = procurement["status"].isin(["ยกเลิก", "อยู่ระหว่างดำเนินการ"])
    assert procurement.loc[unawarded, "supplier"].isna().all()
    assert procurement.loc[~unawarded, "supplier"].notna().all()


def conflicts(procurement: pd.DataFrame, relations: pd.DataFrame, by: str) -> dict[str, list[str]]:
    """Officers on the committee of a purchase won by a related supplier, matched by tax ID or by name."""
    won = procurement.dropna(subset=["supplier"])
    found = {}
    for relation in relations.itertuples():
        same = (won["supplier_tax_id"] == relation.related_tax_id) if by == "tax_id" else (
            won["supplier"] == relation.related)
        hits = won[same & won["officers"].str.split("; ").map(lambda names: relation.officer in names)]
        if len(hits):
            found[relation.officer] = sorted(hits["egp_id"])
    return found


def test_one_conflict_by_tax_id_under_another_spelling_and_one_by_name(years):
    procurement, relations = frame(years, 2561, "procurement"), frame(years, 2561, "relations")
    by_tax_id = conflicts(procurement, relations, "tax_id")
    assert by_tax_id == {"นายวีระ พันธ์ทอง": ["61011167162", "61011182305", "61071443230", "61091022944"]}
    winner = procurement[procurement["egp_id"] == "61011167162"]["supplier"].item()
    declared = relations[relations["officer"] == "นายวีระ พันธ์ทอง"]["related"].item()
    assert (winner, declared) == ("หจก. ก้าวหน้าการโยธา", "ห้างหุ้นส่วนจำกัด ก้าวหน้า การโยธา")
    by_name = conflicts(procurement, relations, "name")
    assert list(by_name) == ["นางมาลัย บุญมา"] and len(by_name["นางมาลัย บุญมา"]) == 23


@pytest.mark.parametrize("year", FILES)
def test_declared_relations_are_of_officers_who_ran_purchases(years, year):
    procurement, relations = frame(years, year, "procurement"), frame(years, year, "relations")
    officers = {name for names in procurement["officers"] for name in names.split("; ")}
    assert set(relations["officer"]) <= officers


def test_no_conflict_of_interest_in_2560(years):
    procurement, relations = frame(years, 2560, "procurement"), frame(years, 2560, "relations")
    assert conflicts(procurement, relations, "tax_id") == conflicts(procurement, relations, "name") == {}


@pytest.mark.parametrize("year", FILES)
def test_every_complaint_row_holds_a_complainants_identity(years, year):
    path = REPO_DIR / "data" / str(year) / "complaints.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    identity = [column.header for column in d.COMPLAINT_IDENTITY]
    assert len(rows) == ROWS[year]["complaints"]
    assert all(row[header] for row in rows for header in identity)
    assert all(len(row["เลขประจำตัวประชาชน"]) == 13 and row["เลขประจำตัวประชาชน"].isdigit() for row in rows)
    assert not set(frame(years, year, "complaints").columns) & {c.name for c in d.COMPLAINT_IDENTITY}


@pytest.mark.parametrize(("year", "finished", "in_progress"), [(2560, 24, 6), (2561, 27, 9)])
def test_complaints_finished_and_in_progress(years, year, finished, in_progress):
    complaints = frame(years, year, "complaints")
    assert complaints["status"].value_counts().to_dict() == {"ดำเนินการแล้วเสร็จ": finished,
                                                             "อยู่ระหว่างดำเนินการ": in_progress}
    assert complaints["received"].dt.month.nunique() == 12


@pytest.mark.parametrize(("year", "cases"), [
    (2560, ["ร.012/2560", "ร.013/2560", "ร.015/2560"]),
    (2561, ["ร.014/2561", "ร.015/2561", "ร.016/2561", "ร.018/2561", "ร.019/2561"]),
])
def test_complaints_received_in_the_first_half_and_finished_in_april(years, year, cases):
    complaints = frame(years, year, "complaints")
    half = pd.Timestamp(date(year - 543, 3, 31))
    april = complaints[(complaints["received"] <= half) & (complaints["finished"].dt.month == 4)]
    assert april["case_id"].tolist() == cases


def test_indicator_results_cover_every_indicator_of_the_plan_once(years):
    plan, results = years[2561].plan, frame(years, 2561, "indicator_results")
    seq = plan.indicators.groupby("project_no").cumcount() + 1
    assert list(zip(results["project_no"], results["indicator_seq"])) == list(zip(plan.indicators["project_no"], seq))
    assert results["status"].value_counts().to_dict() == {
        "ดำเนินการแล้วเสร็จ": 38, "อยู่ระหว่างดำเนินการ": 11, "ยังไม่ดำเนินการ": 4,
    }


def test_indicators_finished_in_april_were_in_progress_at_six_months(years):
    results = frame(years, 2561, "indicator_results")
    april = results[results["finished"].dt.month == 4]
    assert list(zip(april["project_no"], april["indicator_seq"])) == [(4, 1), (13, 1), (16, 1), (20, 1), (26, 1), (28, 1)]
    assert (april["started"] <= pd.Timestamp(2018, 3, 31)).all()
    assert (april["result_6m"] < april["result_12m"]).all()


def test_funded_projects_are_allocated_their_plan_budget(years):
    allocations = frame(years, 2561, "budget_allocations").set_index("project_no")["allocated"]
    assert allocations.to_dict() == {9: 1_545_340, 12: 50_000, 25: 50_000, 22: 35_000, 27: 20_000, 33: 60_000,
                                     36: 18_000}


@pytest.mark.parametrize(("year", "per_quarter"), [
    (2560, [150_024, 110_584, 149_032, 1_050_407]),
    (2561, [35_000, 253_624, 461_054, 990_059]),
])
def test_disbursements_stay_within_allocations_and_rush_in_the_fourth_quarter(years, year, per_quarter):
    allocations = frame(years, year, "budget_allocations").set_index("project_no")["allocated"]
    payments = frame(years, year, "disbursements")
    spent = payments.groupby("project_no")["amount"].sum()
    assert (spent <= allocations[spent.index]).all()
    quarter = (payments["paid_on"].dt.month - 10) % 12 // 3 + 1
    assert payments.groupby(quarter)["amount"].sum().reindex([1, 2, 3, 4]).tolist() == per_quarter
