"""The progress report: each project's status at the round end, from its indicators' dates.

Small fixtures show the round rules; a real build of the FY 2561 example records is checked
figure by figure against a recount done here in plain Python over the CSV rows.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
import pytest
import yaml
from pypdf import PdfReader

from ita_report.config.registry import family
from ita_report.pack.build import build_year
from ita_report.records.plan import Area, Plan, Policy
from ita_report.reports import common
from ita_report.reports.progress import summaries as pg
from tests.conftest import YEAR, copy_project

DONE, DOING, NOT_STARTED = "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ"
SIX_MONTHS_END = "2018-03-31"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# --- helpers shared by the report tests -----------------------------------------------------


def build_pack(target: Path, reports: list[str], **sections: dict) -> Path:
    """Build FY 2561 from a copy of the repo with only these reports, params sections changed."""
    project = copy_project(target)
    path = project.params_file(YEAR)
    params = yaml.safe_load(path.read_text(encoding="utf-8"))
    params["reports"] = reports
    for section, changes in sections.items():
        params[section].update(changes)
    path.write_text(yaml.safe_dump(params, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return build_year(project, YEAR, log=lambda line: None).pack


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def share(part: float, whole: float) -> str:
    """Per cent with one decimal, half up, as the reports print it."""
    if not whole:
        return "-"
    return str((Decimal(str(part)) * 100 / Decimal(str(whole))).quantize(Decimal("0.1"), ROUND_HALF_UP))


def day(text: str) -> str:
    """An ISO date from the records, or '' — ISO dates compare correctly as text."""
    assert text == "" or ISO_DATE.fullmatch(text), f"expected an ISO date in the example records, got {text!r}"
    return text


# --- small fixtures: the round rules ----------------------------------------------------------


def tiny_plan() -> Plan:
    """Three projects in one area: 1 with two indicators, 2 and 3 with one each."""
    policy = Policy(code="1.1", title=None, main_policy="นโยบาย", measures=[])
    area = Area(number=1, name="ด้านหนึ่ง", statement="", guidelines=[], policies=[policy])
    return Plan(
        [area],
        pd.DataFrame({"project_no": [1, 2, 3], "policy_code": ["1.1"] * 3, "name": ["ก", "ข", "ค"],
                      "budget": [0.0] * 3, "period": [""] * 3, "area_no": [1, 1, 1]}),
        pd.DataFrame({"project_no": [1, 1, 2, 3], "label": [1, 2, None, None],
                      "indicator": ["ตัวชี้วัด 1.1", "ตัวชี้วัด 1.2", "ตัวชี้วัด 2", "ตัวชี้วัด 3"]}),
        pd.DataFrame({"project_no": [1, 2, 3], "unit": ["กลุ่ม ก", "กลุ่ม ก", "กลุ่ม ข"]}),
    )


def results(*records: tuple) -> pd.DataFrame:
    """Indicator results as the loader gives them: (project, seq, status, started, finished, 6m, 12m)."""
    frame = pd.DataFrame(records, columns=["project_no", "indicator_seq", "status", "started", "finished",
                                           "result_6m", "result_12m"])
    return frame.assign(
        indicator=None, target=1.0, target_unit="ครั้ง", evidence=None, note=None,
        started=pd.to_datetime(frame["started"]), finished=pd.to_datetime(frame["finished"]),
    )


RESULTS = results(
    (1, 1, DONE, "2017-11-01", "2018-02-01", 1, 1),
    (1, 2, DONE, "2018-01-10", "2018-04-20", None, 1),  # finished in April
    (2, 1, DOING, "2018-04-02", None, None, 0.5),  # started in April
)  # project 3 has no record at all
ALLOCATIONS = pd.DataFrame({"project_no": [1], "allocated": [300.0], "fund_source": ["งบประมาณแผ่นดิน"]})
PAYMENTS = pd.DataFrame({
    "voucher": ["a", "b"], "project_no": [1, 1], "amount": [100.0, 50.0], "item": [None, None],
    "paid_on": pd.to_datetime(["2018-03-31", "2018-04-01"]),
})


def at(round: str) -> pg.RoundProgress:
    return pg.progress_at(tiny_plan(), RESULTS, ALLOCATIONS, PAYMENTS, YEAR, round)


def statuses(progress: pg.RoundProgress) -> dict[int, str]:
    return dict(zip(progress.projects["project_no"], progress.projects["status"]))


def test_a_project_finished_in_april_is_in_progress_at_six_months():
    assert statuses(at("six_months"))[1] == DOING
    assert statuses(at("annual"))[1] == DONE


def test_an_indicator_started_in_april_has_not_started_at_six_months():
    assert statuses(at("six_months"))[2] == NOT_STARTED
    assert statuses(at("annual"))[2] == DOING


def test_an_indicator_without_a_record_has_not_started():
    assert statuses(at("annual"))[3] == NOT_STARTED


def test_the_current_status_column_is_not_what_counts():
    indicators = at("six_months").indicators
    assert indicators["status"].tolist() == [DONE, DOING, NOT_STARTED, NOT_STARTED]


def test_money_used_counts_payments_up_to_the_round_end():
    assert at("six_months").projects["spent"].tolist() == [100.0, 0.0, 0.0]
    assert at("annual").projects["spent"].tolist() == [150.0, 0.0, 0.0]


def test_the_result_column_follows_the_round():
    six = pg.progress_indicators(at("six_months"))
    annual = pg.progress_indicators(at("annual"))
    assert list(six.columns)[3] == "ผล ณ 31 มี.ค. 2561" and list(annual.columns)[3] == "ผล ณ 30 ก.ย. 2561"
    assert six.iloc[:, 3].tolist() == [1, "-", "-", "-"]
    assert annual.iloc[:, 3].tolist() == [1, 1, 0.5, "-"]


def test_summary_counts_and_budgets_per_status_at_six_months():
    summary = pg.progress_summary(at("six_months"))
    assert summary.to_dict("list") == {
        "สถานะ ณ สิ้นรอบ": [DONE, DOING, NOT_STARTED],
        "จำนวนโครงการ": [0, 1, 2],
        "ร้อยละ": ["0.0", "33.3", "66.7"],
        "งบประมาณที่ได้รับจัดสรร (บาท)": [0.0, 300.0, 0.0],
        "เบิกจ่าย (บาท)": [0.0, 100.0, 0.0],
    }


def test_a_unit_counts_each_project_it_shares():
    by_unit = pg.progress_by_unit(at("annual"))
    assert by_unit[["หน่วยงานรับผิดชอบ", "จำนวนโครงการ", "จำนวนแล้วเสร็จ"]].values.tolist() == [
        ["กลุ่ม ก", 2, 1], ["กลุ่ม ข", 1, 0],
    ]


@pytest.mark.parametrize(("round", "start", "end"), [
    ("six_months", "2017-10-01", "2018-03-31"),
    ("annual", "2017-10-01", "2018-09-30"),
])
def test_round_bounds(round, start, end):
    assert [d.isoformat() for d in common.round_bounds(YEAR, round)] == [start, end]


def test_an_unknown_round_is_named_with_the_allowed_ones():
    with pytest.raises(ValueError, match="round must be one of six_months, annual, not 'q1'"):
        common.round_bounds(YEAR, "q1")


@pytest.mark.parametrize(("part", "whole", "shown"), [(1, 3, "33.3"), (1, 8, "12.5"), (1, 16, "6.3"), (5, 0, "-")])
def test_percent_text_rounds_half_up_and_shows_a_dash_for_nothing(part, whole, shown):
    assert common.percent_text(part, whole) == shown


@pytest.mark.parametrize(("part", "whole", "value"), [(1, 3, 33.33), (1, 8, 12.5), (1, 800, 0.13), (5, 0, 0.0)])
def test_percent_is_the_same_share_as_a_number_with_two_decimals(part, whole, value):
    assert common.percent(part, whole) == value
    assert common.percent_text(part, whole, 2) == ("-" if not whole else f"{value:.2f}")


# --- the FY 2561 example records, built ------------------------------------------------------


@pytest.fixture(scope="module")
def pack(built) -> Path:
    """The suite's one build of the full FY 2561 example pack, read only."""
    return built.output_dir(YEAR)


@pytest.fixture(scope="module")
def recount(pack) -> dict:
    """Every headline figure recounted from the input rows, as of 31 March 2561."""
    data = pack.parents[1] / "data" / str(YEAR)
    plan = yaml.safe_load((data / "plan.yaml").read_text(encoding="utf-8"))
    area_of = {policy["code"]: area["number"] for area in plan["areas"] for policy in area["policies"]}
    seqs = Counter()
    indicators = []  # (project, seq, plan text)
    for row in rows(data / "indicators.csv"):
        no = int(row["โครงการที่"])
        seqs[no] += 1
        indicators.append((no, seqs[no], row["ตัวชี้วัด"]))
    recorded = {(int(r["โครงการที่"]), int(r["ลำดับตัวชี้วัด"])): r for r in rows(data / "indicator_results.csv")}

    def status(record):
        if record and day(record["วันที่แล้วเสร็จ"]) and record["วันที่แล้วเสร็จ"] <= SIX_MONTHS_END:
            return DONE
        if record and day(record["วันที่เริ่มดำเนินการ"]) and record["วันที่เริ่มดำเนินการ"] <= SIX_MONTHS_END:
            return DOING
        return NOT_STARTED

    indicator_status = {(no, seq): status(recorded.get((no, seq))) for no, seq, _ in indicators}
    allocated, used = defaultdict(float), defaultdict(float)
    for row in rows(data / "budget_allocations.csv"):
        allocated[int(row["โครงการที่"])] += float(row["งบประมาณที่ได้รับจัดสรร (บาท)"])
    for row in rows(data / "disbursements.csv"):
        if day(row["วันที่เบิกจ่าย"]) <= SIX_MONTHS_END:
            used[int(row["โครงการที่"])] += float(row["จำนวนเงิน (บาท)"])
    projects = {}
    for row in rows(data / "projects.csv"):
        no = int(row["โครงการที่"])
        mine = [s for (n, _), s in indicator_status.items() if n == no]
        overall = DONE if all(s == DONE for s in mine) else NOT_STARTED if all(s == NOT_STARTED for s in mine) else DOING
        projects[no] = {"policy": row["รหัสนโยบาย"], "area": area_of[row["รหัสนโยบาย"]], "status": overall,
                        "indicators": len(mine), "done": mine.count(DONE),
                        "allocated": allocated[no], "used": used[no]}
    units = [(r["หน่วยงานรับผิดชอบ"], int(r["โครงการที่"])) for r in rows(data / "responsible_units.csv")]
    return {"projects": projects, "indicators": indicators, "indicator_status": indicator_status,
            "recorded": recorded, "units": units, "areas": [a["number"] for a in plan["areas"]]}


def table(pack: Path, name: str) -> list[dict[str, str]]:
    return rows(pack / "tables" / f"{name}.csv")


def test_summary_matches_a_recount_of_the_records(pack, recount):
    projects = recount["projects"].values()
    expected = []
    for status in (DONE, DOING, NOT_STARTED):
        chosen = [p for p in projects if p["status"] == status]
        expected.append([status, len(chosen), share(len(chosen), len(projects)),
                         sum(p["allocated"] for p in chosen), sum(p["used"] for p in chosen)])
    assert [[r["สถานะ ณ สิ้นรอบ"], int(r["จำนวนโครงการ"]), r["ร้อยละ"], float(r["งบประมาณที่ได้รับจัดสรร (บาท)"]),
             float(r["เบิกจ่าย (บาท)"])] for r in table(pack, "progress_summary")] == expected


def test_every_project_matches_a_recount_of_the_records(pack, recount):
    shown = {int(r["โครงการที่"]): r for r in table(pack, "progress_projects")}
    assert list(shown) == list(recount["projects"])
    for no, p in recount["projects"].items():
        row = shown[no]
        assert (row["สถานะ ณ สิ้นรอบ"], int(row["จำนวนตัวชี้วัด"]), int(row["จำนวนตัวชี้วัดที่แล้วเสร็จ"]),
                float(row["งบประมาณที่ได้รับจัดสรร (บาท)"]), float(row["เบิกจ่าย (บาท)"])) == (
                p["status"], p["indicators"], p["done"], p["allocated"], p["used"]), f"project {no}"


def test_projects_finished_after_march_are_in_progress_at_six_months(pack, recount):
    finished_later = {
        no for (no, _), r in recount["recorded"].items()
        if r["สถานะ"] == DONE and r["วันที่แล้วเสร็จ"] > SIX_MONTHS_END
    }
    assert finished_later, "the example records should hold indicators finished after 31 March"
    shown = {int(r["โครงการที่"]): r["สถานะ ณ สิ้นรอบ"] for r in table(pack, "progress_projects")}
    assert {shown[no] for no in finished_later} <= {DOING}


def grouped(recount: dict, key) -> dict:
    counts = defaultdict(lambda: [0, 0, 0, 0, 0.0, 0.0])
    for no, p in recount["projects"].items():
        for group in key(no, p):
            c = counts[group]
            c[0] += 1
            c[1 + (DONE, DOING, NOT_STARTED).index(p["status"])] += 1
            c[4] += p["allocated"]
            c[5] += p["used"]
    return counts


def figures(row: dict[str, str]) -> list:
    return [int(row["จำนวนโครงการ"]), int(row["จำนวนแล้วเสร็จ"]), int(row["จำนวนอยู่ระหว่างดำเนินการ"]),
            int(row["จำนวนยังไม่ดำเนินการ"]), float(row["งบประมาณที่ได้รับจัดสรร (บาท)"]), float(row["เบิกจ่าย (บาท)"])]


def test_areas_policies_and_units_match_a_recount(pack, recount):
    by_area = grouped(recount, lambda no, p: [p["area"]])
    assert {int(r["ด้าน"]): figures(r) for r in table(pack, "progress_by_area")} == {
        area: by_area.get(area, [0, 0, 0, 0, 0.0, 0.0]) for area in recount["areas"]}
    assert {r["นโยบาย"]: figures(r) for r in table(pack, "progress_by_policy")} == dict(
        grouped(recount, lambda no, p: [p["policy"]]))
    units_of = defaultdict(list)
    for unit, no in recount["units"]:
        units_of[no].append(unit)
    assert {r["หน่วยงานรับผิดชอบ"]: figures(r) for r in table(pack, "progress_by_unit")} == dict(
        grouped(recount, lambda no, p: units_of[no]))


def test_indicators_show_the_six_month_result_and_status(pack, recount):
    shown = table(pack, "progress_indicators")
    assert len(shown) == len(recount["indicators"])
    for row, (no, seq, text) in zip(shown, recount["indicators"]):
        record = recount["recorded"].get((no, seq))
        result = record["ผล ณ 31 มี.ค."] if record else ""
        assert (int(row["โครงการที่"]), row["ตัวชี้วัด"], row["สถานะ ณ สิ้นรอบ"]) == (
            no, text, recount["indicator_status"][(no, seq)])
        assert row["ผล ณ 31 มี.ค. 2561"] == ("-" if result == "" else f"{float(result):g}")
    counts = Counter(recount["indicator_status"].values())
    assert [(r["สถานะ ณ สิ้นรอบ"], int(r["จำนวนตัวชี้วัด"])) for r in table(pack, "progress_indicator_summary")] == [
        (s, counts[s]) for s in (DONE, DOING, NOT_STARTED)]


def test_pack_holds_the_report_its_charts_and_the_params_narrative(pack):
    assert sorted(p.name for p in (pack / "charts").glob("progress_*")) == ["progress_by_area.png", "progress_status.png"]
    html = (pack / "progress.html").read_text(encoding="utf-8")
    params = yaml.safe_load((pack.parents[1] / "params" / f"{YEAR}.yaml").read_text(encoding="utf-8"))
    for key in ("problems", "obstacles", "suggestions"):
        for item in params["progress"][key]:
            assert item in html
    assert "รอบ ๖ เดือน (๑ ตุลาคม พ.ศ. ๒๕๖๐ – ๓๑ มีนาคม พ.ศ. ๒๕๖๑)" in html
    text = "".join(page.extract_text() for page in PdfReader(pack / "progress.pdf").pages)
    assert "ปัญหา" in text and "ข้อเสนอแนะ" in text


def test_the_banner_is_the_first_output_of_the_notebook(pack):
    notebook = json.loads((pack / "notebooks" / "progress.ipynb").read_text(encoding="utf-8"))
    first = next(out for cell in notebook["cells"] for out in cell.get("outputs", []))
    assert 'class="banner-example"' in "".join(first["data"]["text/html"])


def test_the_committed_notebooks_have_no_outputs_and_no_definitions():
    for name in ("progress", "budget", "complaints"):
        notebook = json.loads(family(name).notebook.read_text(encoding="utf-8"))
        code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
        assert all(not c["outputs"] and c["execution_count"] is None for c in code), name
        assert [c for c in code if "parameters" in c["metadata"].get("tags", [])] == [code[0]], name
        source = "\n".join("".join(c["source"]) for c in code)
        assert not re.search(r"^\s*(def|class|for|while|if)\b", source, re.MULTILINE), name
