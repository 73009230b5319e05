"""Complaint statistics: the OIT minimum first, statuses as at the period end, only counts shown."""

from __future__ import annotations

import statistics
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from ita_report.reports.complaints import document as cd
from ita_report.reports.complaints import summaries as cp
from tests.conftest import YEAR
from tests.test_progress import build_pack, day, rows, share

FINISHED, IN_PROGRESS = "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"
CHANNELS = ("ยื่นด้วยตนเอง", "ไปรษณีย์", "โทรศัพท์", "เว็บไซต์", "อีเมล", "ศูนย์ดำรงธรรม")
CATEGORIES = ("การจัดซื้อจัดจ้าง", "การบริหารงานบุคคล", "การปฏิบัติหน้าที่โดยมิชอบ", "การเงินและบัญชี", "การให้บริการ")


# --- small fixtures ---------------------------------------------------------------------------


def complaints(*cases: tuple) -> pd.DataFrame:
    """Complaints as the loader gives them: (received, finished, informed, channel, unit)."""
    frame = pd.DataFrame(cases, columns=["received", "finished", "informed", "channel", "subject_unit"])
    return frame.assign(
        case_id=[f"ร.{i:03d}" for i in range(1, len(frame) + 1)],
        category="การให้บริการ",
        status=[IN_PROGRESS if f is None else FINISHED for f in frame["finished"]],
        outcome="ยุติเรื่อง",
        received=pd.to_datetime(frame["received"]),
        finished=pd.to_datetime(frame["finished"]),
        informed=pd.to_datetime(frame["informed"]),
    )


CASES = complaints(
    ("2017-10-05", "2017-10-20", "2017-10-21", "โทรศัพท์", "กลุ่มอำนวยการ"),  # 15 days
    ("2018-02-01", "2018-04-10", "2018-04-12", "เว็บไซต์", "กลุ่มอำนวยการ"),  # finished in April
    ("2018-03-20", None, None, "โทรศัพท์", "กลุ่มบริหารงานบุคคล"),
    ("2018-04-03", "2018-05-01", None, "อีเมล", "กลุ่มบริหารงานบุคคล"),  # received in April
)


def stats(period: str, frame: pd.DataFrame | None = CASES) -> cp.ComplaintPeriod:
    return cp.complaints_in(frame, YEAR, period, 30, CHANNELS, CATEGORIES)


def totals(period: str) -> list[int]:
    return cp.complaint_totals(stats(period))["จำนวนเรื่อง"].tolist()


def test_a_complaint_finished_in_april_is_in_progress_for_the_first_half():
    assert totals("first_half") == [3, 1, 2]
    assert totals("q2") == [2, 0, 2]


def test_the_fiscal_year_counts_it_finished():
    assert totals("fiscal_year") == [4, 3, 1]


def test_a_complaint_received_in_april_belongs_to_the_second_half():
    assert totals("second_half") == [1, 1, 0]
    assert totals("q3") == [1, 1, 0]


def test_days_and_informing_count_only_what_happened_by_the_period_end():
    first = dict(zip(*cp.complaint_handling(stats("first_half"))[["รายการ", "ค่า"]].T.values))
    assert first["ระยะเวลาดำเนินการ (มัธยฐาน)"] == 15 and first["แจ้งผลการดำเนินการให้ผู้ร้องเรียนทราบแล้ว"] == 1
    year = dict(zip(*cp.complaint_handling(stats("fiscal_year"))[["รายการ", "ค่า"]].T.values))
    assert year == {
        "เรื่องที่ดำเนินการแล้วเสร็จ": 3,
        "ระยะเวลาดำเนินการ (มัธยฐาน)": 28,
        "ระยะเวลาดำเนินการนานที่สุด": 68,
        "แล้วเสร็จภายใน 30 วัน": 2,
        "ร้อยละของเรื่องที่แล้วเสร็จภายใน 30 วัน": "66.7",
        "แจ้งผลการดำเนินการให้ผู้ร้องเรียนทราบแล้ว": 2,
        "ร้อยละของเรื่องที่แล้วเสร็จที่แจ้งผลผู้ร้องเรียนแล้ว": "66.7",
    }


def test_every_listed_channel_is_shown_with_its_count():
    table = cp.complaints_by_channel(stats("first_half"))
    assert table.values.tolist() == [
        ["ยื่นด้วยตนเอง", 0, 0, 0], ["ไปรษณีย์", 0, 0, 0], ["โทรศัพท์", 2, 1, 1],
        ["เว็บไซต์", 1, 0, 1], ["อีเมล", 0, 0, 0], ["ศูนย์ดำรงธรรม", 0, 0, 0],
    ]


def test_months_and_quarters_of_the_period():
    assert cp.complaints_by_month(stats("q2"))["เดือน"].tolist() == ["มกราคม 2561", "กุมภาพันธ์ 2561", "มีนาคม 2561"]
    assert cp.complaints_by_quarter(stats("first_half")).values.tolist() == [[1, 1, 1, 0], [2, 2, 0, 2]]


def test_an_empty_period_says_there_were_no_complaints():
    empty = stats("q4")
    assert "ในช่วงไตรมาสที่ ๔ ปีงบประมาณ พ.ศ. ๒๕๖๑" in str(cd.complaint_statement(empty, "thai"))
    assert str(cd.complaint_statement(empty, "thai")).endswith("ไม่มีเรื่องร้องเรียน</p>")
    assert totals("q4") == [0, 0, 0]
    assert cp.complaints_by_unit(empty).values.tolist() == [["ไม่มีเรื่องร้องเรียน", 0, 0, 0]]
    assert cp.complaint_handling(empty)["ค่า"].tolist() == [0, "-", "-", 0, "-", 0, "-"]
    nothing = stats("fiscal_year", None)  # a year without a complaints file
    assert "ไม่มีเรื่องร้องเรียน" in str(cd.complaint_statement(nothing, "arabic"))
    assert cp.complaints_by_month(nothing)["จำนวนเรื่อง"].tolist() == [0] * 12
    assert cp.complaints_by_quarter(empty).values.tolist() == [[4, 0, 0, 0]]


def test_without_a_previous_year_the_comparison_shows_this_year_and_says_why():
    table = cp.complaint_comparison(stats("first_half"), None)
    assert list(table.columns) == ["รายการ", "ปีงบประมาณ พ.ศ. 2561 (เรื่อง)"]
    assert cd.complaint_comparison_note(stats("first_half"), None) == (
        "ไม่มีข้อมูลเรื่องร้องเรียนของปีงบประมาณ พ.ศ. 2560 จึงแสดงเฉพาะปีนี้")


def test_no_case_level_text_is_kept():
    assert list(stats("fiscal_year").cases.columns) == [
        "received", "channel", "category", "subject_unit", "finished", "days", "informed"]


@pytest.mark.parametrize(("period", "start", "end"), [
    ("fiscal_year", "2017-10-01", "2018-09-30"),
    ("first_half", "2017-10-01", "2018-03-31"),
    ("second_half", "2018-04-01", "2018-09-30"),
    ("q1", "2017-10-01", "2017-12-31"),
    ("q2", "2018-01-01", "2018-03-31"),
    ("q3", "2018-04-01", "2018-06-30"),
    ("q4", "2018-07-01", "2018-09-30"),
])
def test_period_bounds(period, start, end):
    assert [d.isoformat() for d in cp.period_bounds(YEAR, period)] == [start, end]


# --- the FY 2561 example records, first half, built -------------------------------------------


PERIOD = ("2017-10-01", "2018-03-31")
PREVIOUS = ("2016-10-01", "2017-03-31")


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    return build_pack(tmp_path_factory.mktemp("complaints"), ["complaints"], complaints={"period": "first_half"})


def recount(path: Path, period: tuple[str, str], target: int = 30) -> dict:
    """The period's complaints recounted from the input rows, as they stood on its last day."""
    start, end = period
    cases = []
    for row in rows(path):
        if not start <= day(row["วันที่รับเรื่อง"]) <= end:
            continue
        finished = day(row["วันที่ดำเนินการแล้วเสร็จ"])
        done = bool(finished) and finished <= end
        days = (pd.Timestamp(finished) - pd.Timestamp(row["วันที่รับเรื่อง"])).days if done else None
        informed = done and bool(day(row["วันที่แจ้งผลผู้ร้องเรียน"])) and row["วันที่แจ้งผลผู้ร้องเรียน"] <= end
        cases.append({**row, "done": done, "days": days, "informed": informed})
    days = [c["days"] for c in cases if c["done"]]
    return {
        "cases": cases,
        "totals": [len(cases), len(days), len(cases) - len(days)],
        "within": sum(1 for d in days if d <= target),
        "days": days,
        "informed": sum(1 for c in cases if c["informed"]),
    }


@pytest.fixture(scope="module")
def counted(pack) -> dict:
    return recount(pack.parents[1] / "data" / str(YEAR) / "complaints.csv", PERIOD)


def table(pack: Path, name: str) -> list[dict[str, str]]:
    return rows(pack / "tables" / f"{name}.csv")


def counts(rows_: list[dict[str, str]], key: str) -> dict[str, list[int]]:
    return {r[key]: [int(r["จำนวนเรื่อง"]), int(r["จำนวนแล้วเสร็จ"]), int(r["จำนวนอยู่ระหว่างดำเนินการ"])]
            for r in rows_}


def recounted_by(cases: list[dict], column: str) -> dict[str, list[int]]:
    result: dict[str, list[int]] = {}
    for case in cases:
        entry = result.setdefault(case[column], [0, 0, 0])
        entry[0] += 1
        entry[1 if case["done"] else 2] += 1
    return result


def test_totals_come_first_and_match_a_recount(pack, counted):
    assert [(r["รายการ"], int(r["จำนวนเรื่อง"])) for r in table(pack, "complaints_totals")] == list(zip(
        ["เรื่องร้องเรียนที่ได้รับ", FINISHED, IN_PROGRESS], counted["totals"]))
    html = (pack / "complaints.html").read_text(encoding="utf-8")
    first_table = html[html.index("<table"):html.index("</table>")]
    assert "<td>เรื่องร้องเรียนที่ได้รับ</td>" in first_table
    assert "ไม่มีเรื่องร้องเรียน" not in html


def test_complaints_finished_in_april_are_in_progress_at_the_first_half_end(pack, counted):
    later = [c for c in counted["cases"] if c["วันที่ดำเนินการแล้วเสร็จ"] > PERIOD[1]]
    assert later, "the example records should hold complaints received by March and finished after it"
    open_now = sum(1 for c in counted["cases"] if c["สถานะ"] == IN_PROGRESS)
    shown = {r["รายการ"]: int(r["จำนวนเรื่อง"]) for r in table(pack, "complaints_totals")}
    assert shown[IN_PROGRESS] == open_now + len(later)


def test_breakdowns_match_a_recount(pack, counted):
    cases = counted["cases"]
    assert counts(table(pack, "complaints_by_channel"), "ช่องทาง") == {
        channel: recounted_by(cases, "ช่องทาง").get(channel, [0, 0, 0]) for channel in CHANNELS}
    assert counts(table(pack, "complaints_by_category"), "ประเภทเรื่อง") == {
        category: recounted_by(cases, "ประเภทเรื่อง").get(category, [0, 0, 0]) for category in CATEGORIES}
    assert counts(table(pack, "complaints_by_unit"), "หน่วยงานที่ถูกร้องเรียน") == recounted_by(
        cases, "หน่วยงานที่ถูกร้องเรียน")
    by_month = recounted_by([{**c, "month": c["วันที่รับเรื่อง"][:7]} for c in cases], "month")
    months = ["2017-10", "2017-11", "2017-12", "2018-01", "2018-02", "2018-03"]
    assert list(counts(table(pack, "complaints_by_month"), "เดือน").values()) == [
        by_month.get(m, [0, 0, 0]) for m in months]
    by_quarter = counts(table(pack, "complaints_by_quarter"), "ไตรมาส")
    assert by_quarter == {
        str(q + 1): [sum(by_month.get(m, [0, 0, 0])[i] for m in months[q * 3:q * 3 + 3]) for i in range(3)]
        for q in range(2)}


def test_handling_matches_a_recount(pack, counted):
    days, finished = counted["days"], counted["totals"][1]
    median = statistics.median(days)
    assert [r["ค่า"] for r in table(pack, "complaints_handling")] == [
        str(finished), f"{median:g}", str(max(days)), str(counted["within"]), share(counted["within"], finished),
        str(counted["informed"]), share(counted["informed"], finished)]


def test_comparison_with_the_same_half_of_the_previous_year(pack, counted):
    previous = recount(pack.parents[1] / "data" / str(YEAR - 1) / "complaints.csv", PREVIOUS)
    shown = table(pack, "complaints_comparison")
    before = [*previous["totals"], previous["within"]]
    now = [*counted["totals"], counted["within"]]
    assert [[int(r["ปีงบประมาณ พ.ศ. 2560 (เรื่อง)"]), int(r["ปีงบประมาณ พ.ศ. 2561 (เรื่อง)"]),
             int(r["เพิ่มขึ้น/ลดลง (เรื่อง)"])] for r in shown] == [[b, n, n - b] for b, n in zip(before, now)]


def test_pack_holds_thai_charts_and_a_pdf_with_the_minimum(pack, counted):
    assert sorted(p.name for p in (pack / "charts").iterdir()) == [
        "complaints_by_category.png", "complaints_by_channel.png", "complaints_by_month.png"]
    text = "".join(page.extract_text() for page in PdfReader(pack / "complaints.pdf").pages)
    assert "ครึ่งปีแรก" in text and "เรื่องร้องเรียนที่ได้รับ" in text
