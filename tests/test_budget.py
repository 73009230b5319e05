"""Budget execution: allocated against paid up to the round end, by project, area, month and quarter."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest
import yaml

from ita_report.reports.budget import summaries as bg
from tests.conftest import YEAR
from tests.test_progress import ALLOCATIONS, PAYMENTS, day, rows, share, tiny_plan

SIX_MONTHS_END = "2018-03-31"
MONTHS = ["ตุลาคม 2560", "พฤศจิกายน 2560", "ธันวาคม 2560", "มกราคม 2561", "กุมภาพันธ์ 2561", "มีนาคม 2561",
          "เมษายน 2561", "พฤษภาคม 2561", "มิถุนายน 2561", "กรกฎาคม 2561", "สิงหาคม 2561", "กันยายน 2561"]


# --- small fixtures ---------------------------------------------------------------------------


def execution(round: str) -> bg.BudgetExecution:
    return bg.budget_execution(tiny_plan(), ALLOCATIONS, PAYMENTS, YEAR, round)


def test_six_months_counts_payments_up_to_31_march_only():
    summary = bg.budget_summary(execution("six_months"))
    assert summary.to_dict("records") == [{
        "งบประมาณที่ได้รับจัดสรร (บาท)": 300.0, "เบิกจ่าย (บาท)": 100.0, "คงเหลือ (บาท)": 200.0,
        "ร้อยละการเบิกจ่าย": "33.3", "ร้อยละตามแผนใช้จ่ายเฉลี่ย": "50.0",
    }]
    assert bg.budget_summary(execution("annual"))["เบิกจ่าย (บาท)"].tolist() == [150.0]


def test_months_run_october_to_the_round_end_with_the_even_spending_line():
    six = bg.budget_by_month(execution("six_months"))
    assert six["เดือน"].tolist() == MONTHS[:6]
    assert six["เบิกจ่าย (บาท)"].tolist() == [0.0] * 5 + [100.0]
    assert six["แผนใช้จ่ายเฉลี่ยสะสม (บาท)"].tolist() == [25.0, 50.0, 75.0, 100.0, 125.0, 150.0]
    annual = bg.budget_by_month(execution("annual"))
    assert annual["เดือน"].tolist() == MONTHS
    assert annual["เบิกจ่ายสะสม (บาท)"].tolist()[5:7] == [100.0, 150.0]


def test_quarters_of_the_round():
    assert bg.budget_by_quarter(execution("six_months"))[["ไตรมาส", "เบิกจ่าย (บาท)"]].values.tolist() == [
        [1, 0.0], [2, 100.0]]
    assert bg.budget_by_quarter(execution("annual"))["เบิกจ่าย (บาท)"].tolist() == [0.0, 100.0, 50.0, 0.0]


def test_projects_without_money_are_left_out_and_a_rate_of_nothing_is_a_dash():
    table = bg.budget_by_project(execution("six_months"))
    assert table["โครงการที่"].tolist() == [1]
    assert bg.budget_by_area(bg.budget_execution(tiny_plan(), None, None, YEAR, "annual"))[
        "ร้อยละการเบิกจ่าย"].tolist() == ["-"]


def test_the_even_line_is_rounded_to_satang():
    assert bg.satang(1_778_340 / 12) == 148_195.0
    assert bg.satang(100 / 12) == 8.33


# --- the FY 2561 example records, built ------------------------------------------------------


@pytest.fixture(scope="module")
def pack(built) -> Path:
    """The suite's one build of the full FY 2561 example pack, read only."""
    return built.output_dir(YEAR)


@pytest.fixture(scope="module")
def recount(pack) -> dict:
    """Allocations and the payments up to 31 March 2561, from the input rows."""
    data = pack.parents[1] / "data" / str(YEAR)
    plan = yaml.safe_load((data / "plan.yaml").read_text(encoding="utf-8"))
    area_of = {policy["code"]: area["number"] for area in plan["areas"] for policy in area["policies"]}
    projects = {int(r["โครงการที่"]): r for r in rows(data / "projects.csv")}
    allocated, source = defaultdict(float), {}
    for row in rows(data / "budget_allocations.csv"):
        allocated[int(row["โครงการที่"])] += float(row["งบประมาณที่ได้รับจัดสรร (บาท)"])
        source[int(row["โครงการที่"])] = row["แหล่งที่มาของงบประมาณ"]
    payments = [(int(r["โครงการที่"]), day(r["วันที่เบิกจ่าย"]), float(r["จำนวนเงิน (บาท)"]))
                for r in rows(data / "disbursements.csv") if r["วันที่เบิกจ่าย"] <= SIX_MONTHS_END]
    spent = defaultdict(float)
    for no, _, amount in payments:
        spent[no] += amount
    return {"projects": projects, "area_of": area_of, "areas": [a["number"] for a in plan["areas"]],
            "allocated": allocated, "source": source, "payments": payments, "spent": spent}


def table(pack: Path, name: str) -> list[dict[str, str]]:
    return rows(pack / "tables" / f"{name}.csv")


def test_summary_matches_a_recount(pack, recount):
    allocated, spent = sum(recount["allocated"].values()), sum(recount["spent"].values())
    assert table(pack, "budget_summary") == [{
        "งบประมาณที่ได้รับจัดสรร (บาท)": str(allocated), "เบิกจ่าย (บาท)": str(spent),
        "คงเหลือ (บาท)": str(allocated - spent), "ร้อยละการเบิกจ่าย": share(spent, allocated),
        "ร้อยละตามแผนใช้จ่ายเฉลี่ย": "50.0",
    }]


def test_projects_match_a_recount(pack, recount):
    expected = [
        [no, recount["source"].get(no, "-"), recount["allocated"][no], recount["spent"][no],
         recount["allocated"][no] - recount["spent"][no], share(recount["spent"][no], recount["allocated"][no])]
        for no in recount["projects"] if recount["allocated"][no] or recount["spent"][no]
    ]
    assert [[int(r["โครงการที่"]), r["แหล่งที่มาของงบประมาณ"], float(r["งบประมาณที่ได้รับจัดสรร (บาท)"]),
             float(r["เบิกจ่าย (บาท)"]), float(r["คงเหลือ (บาท)"]), r["ร้อยละการเบิกจ่าย"]]
            for r in table(pack, "budget_by_project")] == expected


def test_areas_match_a_recount(pack, recount):
    expected = {}
    for area in recount["areas"]:
        mine = [no for no, p in recount["projects"].items() if recount["area_of"][p["รหัสนโยบาย"]] == area]
        a = sum(recount["allocated"][no] for no in mine)
        s = sum(recount["spent"][no] for no in mine)
        expected[area] = [sum(1 for no in mine if recount["allocated"][no] > 0), a, s, share(s, a)]
    assert {int(r["ด้าน"]): [int(r["จำนวนโครงการที่ได้รับจัดสรร"]), float(r["งบประมาณที่ได้รับจัดสรร (บาท)"]),
                             float(r["เบิกจ่าย (บาท)"]), r["ร้อยละการเบิกจ่าย"]]
            for r in table(pack, "budget_by_area")} == expected


def test_months_and_quarters_match_a_recount(pack, recount):
    months = ["2017-10", "2017-11", "2017-12", "2018-01", "2018-02", "2018-03"]
    allocated = sum(recount["allocated"].values())
    expected, cumulative = [], 0.0
    for index, month in enumerate(months):
        paid = [amount for _, on, amount in recount["payments"] if on.startswith(month)]
        cumulative += sum(paid)
        expected.append([MONTHS[index], len(paid), sum(paid), cumulative, share(cumulative, allocated)])
    shown = table(pack, "budget_by_month")
    assert [[r["เดือน"], int(r["จำนวนรายการเบิกจ่าย"]), float(r["เบิกจ่าย (บาท)"]), float(r["เบิกจ่ายสะสม (บาท)"]),
             r["ร้อยละสะสม"]] for r in shown] == expected
    assert [float(r["แผนใช้จ่ายเฉลี่ยสะสม (บาท)"]) for r in shown] == [
        round(allocated * k / 12, 2) for k in range(1, 7)]
    quarters = [[q + 1, sum(e[1] for e in expected[q * 3:q * 3 + 3]), sum(e[2] for e in expected[q * 3:q * 3 + 3])]
                for q in range(2)]
    assert [[int(r["ไตรมาส"]), int(r["จำนวนรายการเบิกจ่าย"]), float(r["เบิกจ่าย (บาท)"])]
            for r in table(pack, "budget_by_quarter")] == quarters


def test_fund_sources_add_up_to_the_allocation(pack, recount):
    by_source = {r["แหล่งที่มาของงบประมาณ"]: float(r["งบประมาณที่ได้รับจัดสรร (บาท)"])
                 for r in table(pack, "budget_by_fund_source")}
    expected = defaultdict(float)
    for no, source in recount["source"].items():
        expected[source] += recount["allocated"][no]
    assert by_source == dict(expected)


def test_pack_holds_html_pdf_and_thai_charts(pack):
    assert sorted(p.name for p in (pack / "charts").glob("budget_*")) == [
        "budget_by_month.png", "budget_by_project.png", "budget_cumulative.png"]
    html = (pack / "budget.html").read_text(encoding="utf-8")
    assert "การเบิกจ่ายรายเดือน" in html and "ร้อยละ" in html
    assert (pack / "budget.pdf").stat().st_size > 0
    assert pd.read_csv(pack / "tables" / "budget_by_month.csv", encoding="utf-8-sig").shape == (6, 7)
