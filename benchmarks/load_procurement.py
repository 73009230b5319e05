"""Loading and validating a very large procurement.csv: wall time and peak memory of load_year.

Writes --rows valid procurement records (Thai text, amounts with thousands separators, ISO and
Thai dates; no bids) into a scratch project that has the FY 2561 params and plan, then runs
`ita_report.records.year.load_year` on it --runs times, each in a fresh Python process so that no
run inherits another's memory. Generating the file is not measured. Prints the medians
against the targets: under 30 s and under 3 GiB peak.

    .venv/bin/python benchmarks/load_procurement.py [--rows 1000000] [--runs 3] [--keep]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parent.parent
YEAR = 2561
PLAN_FILES = ("plan.yaml", "projects.csv", "indicators.csv", "responsible_units.csv")
TARGET_SECONDS = 30.0
TARGET_BYTES = 3 * 1024**3

# (item, kind, budget category, expense type, typical budget in baht)
ITEMS = (
    ("ซื้อวัสดุสำนักงาน", "ซื้อ", "งบดำเนินงาน", "ค่าวัสดุ", 8_000),
    ("ซื้อวัสดุงานบ้านงานครัว", "ซื้อ", "งบดำเนินงาน", "ค่าวัสดุ", 3_000),
    ("ซื้อหมึกเครื่องพิมพ์", "ซื้อ", "งบดำเนินงาน", "ค่าวัสดุ", 12_500),
    ("ซื้อน้ำมันเชื้อเพลิงรถยนต์ราชการ", "ซื้อ", "งบดำเนินงาน", "ค่าวัสดุ", 15_000),
    ("จ้างถ่ายเอกสารประกอบการประชุม", "จ้าง", "งบดำเนินงาน", "ค่าใช้สอย", 6_000),
    ("จ้างทำป้ายไวนิลประชาสัมพันธ์โครงการ", "จ้าง", "งบดำเนินงาน", "ค่าใช้สอย", 2_500),
    ("จ้างเหมาบริการทำความสะอาดอาคารสำนักงาน", "จ้าง", "งบดำเนินงาน", "ค่าใช้สอย", 396_000),
    ("จ้างซ่อมแซมรถยนต์ราชการ หมายเลขทะเบียน กข ๑๒๓๔ กาญจนบุรี", "จ้าง", "งบดำเนินงาน", "ค่าใช้สอย", 18_000),
    ("เช่าเครื่องถ่ายเอกสาร (๑๒ เดือน)", "เช่า", "งบดำเนินงาน", "ค่าใช้สอย", 54_000),
    ("ซื้อเครื่องคอมพิวเตอร์โน้ตบุ๊ก", "ซื้อ", "งบลงทุน", "ค่าครุภัณฑ์", 120_000),
    ("จ้างปรับปรุงห้องประชุมสำนักงานเขตพื้นที่การศึกษา", "จ้าง", "งบลงทุน", "ค่าที่ดินและสิ่งก่อสร้าง", 480_000),
    ("ซื้ออาหารกลางวันโรงเรียนในสังกัด", "ซื้อ", "งบอุดหนุน", "อื่น ๆ", 250_000),
)
FUND_SOURCES = ("งบประมาณแผ่นดิน", "เงินนอกงบประมาณ")
SUPPLIERS = (
    ("ร้านสมใจพาณิชย์", "3710930563792"),
    ("บริษัท ซีเอ็มซี ก๊อปปี้ จำกัด", "0715544085131"),
    ("ร้านก๊อปปี้เซ็นเตอร์ ท่าม่วง", "3710652933465"),
    ("หจก. สะอาดใสบริการ", "0713543521679"),
    ("บริษัท กาญจน์การ์ด รักษาความปลอดภัย จำกัด", "0715549306909"),
    ("หจก. ท่าม่วงก่อสร้าง", "0713552000417"),
    ("ร้านศรีสุขการช่าง", "3710501502643"),
    ("บริษัท แก้วมณีการเกษตร จำกัด", "0715550423158"),
)
REASONS = ("ราคาต่ำสุด", "เป็นผู้มีอาชีพขายโดยตรง", "เป็นผู้มีอาชีพรับจ้างโดยตรง", "คุณภาพและราคาเหมาะสม")
UNITS = ("กลุ่มอำนวยการ", "กลุ่มบริหารการเงินและสินทรัพย์", "กลุ่มนโยบายและแผน", "กลุ่มส่งเสริมการศึกษาทางไกลฯ",
         "หน่วยตรวจสอบภายใน", "กลุ่มบริหารงานบุคคล")
OFFICERS = ("นายประเสริฐ ศรีสุข; นางมาลัย บุญมา", "นางสาววิไลวรรณ ทองคำ; นางพรทิพย์ แก้วมณี; นางมาลัย บุญมา",
            "นายประเสริฐ ศรีสุข; นายสมศักดิ์ ใจดี; นางสาวจันทร์เพ็ญ สายสุวรรณ", "นายธนพล มีสุข")
THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")


def money_text(amounts: np.ndarray, rng: np.random.Generator) -> pd.Series:
    """Amounts as clerks type them: most with thousands separators, some plain, a few with satang."""
    plain = pd.Series(amounts).astype(str)
    commas = pd.Series(amounts).map("{:,}".format)
    satang = pd.Series(amounts).map("{:,.2f}".format)
    style = rng.random(len(amounts))
    return commas.where(style < 0.7, plain.where(style < 0.95, satang))


def date_text(days: pd.DatetimeIndex, rng: np.random.Generator) -> pd.Series:
    """Dates as clerks type them: 80% ISO, 15% as '4 ต.ค. 60', 5% as '4/10/2560'."""
    iso = pd.Series(days.strftime("%Y-%m-%d"))
    be = days.year + 543
    short = pd.Series(days.day.astype(str) + " " + np.array(THAI_MONTHS)[days.month - 1] + " " + (be % 100).astype(str))
    slash = pd.Series(days.day.astype(str) + "/" + days.month.astype(str) + "/" + be.astype(str))
    style = rng.random(len(days))
    return iso.where(style < 0.8, short.where(style < 0.95, slash))


def procurement_rows(count: int, seed: int = 2561) -> pd.DataFrame:
    """`count` valid records of FY 2561 with the template's Thai headers."""
    rng = np.random.default_rng(seed)
    item = rng.integers(len(ITEMS), size=count)
    items = ITEMS
    typical = np.array([it[4] for it in ITEMS])[item]
    budget = np.maximum(500, (typical * rng.uniform(0.3, 1.5, count)).round(-2)).astype(np.int64)
    reference = (budget * rng.uniform(0.9, 1.0, count)).round(0).astype(np.int64)
    agreed = (reference * rng.uniform(0.85, 1.0, count)).round(0).astype(np.int64)
    method = np.where(budget > 500_000, "e-bidding", np.where(budget > 100_000, "e-market", "เฉพาะเจาะจง"))
    start = pd.Timestamp("2017-10-01")
    day = pd.DatetimeIndex(start + pd.to_timedelta(rng.integers(0, 365, count), unit="D"))
    pending = rng.random(count) < 0.08  # still being procured: no supplier, price or contract yet
    supplier = rng.integers(len(SUPPLIERS), size=count)
    status = np.where(pending, "อยู่ระหว่างดำเนินการ", np.where(rng.random(count) < 0.85, "ส่งมอบและตรวจรับแล้ว",
                                                                "ลงนามสัญญาแล้ว"))
    sequence = np.arange(count)
    # 11 digits as e-GP numbers are: 61, the month, then a running number (unique up to 10 million rows)
    egp_id = pd.Series(day.strftime("61%m")) + pd.Series(sequence).map("{:07d}".format)
    frame = pd.DataFrame({
        "เลขที่โครงการ e-GP": egp_id,
        "งานที่จัดซื้อหรือจัดจ้าง": [f"{items[i][0]} ครั้งที่ {n % 97 + 1}" for i, n in zip(item, sequence)],
        "ประเภท": [items[i][1] for i in item],
        "หมวดงบประมาณ": [items[i][2] for i in item],
        "ประเภทรายจ่าย": [items[i][3] for i in item],
        "แหล่งที่มาของงบประมาณ": np.array(FUND_SOURCES)[(rng.random(count) < 0.15).astype(int)],
        "วงเงินงบประมาณ (บาท)": money_text(budget, rng),
        "ราคากลาง (บาท)": money_text(reference, rng),
        "วิธีจัดซื้อจัดจ้าง": method,
        "ผู้ได้รับการคัดเลือก": np.array([s[0] for s in SUPPLIERS])[supplier],
        "เลขประจำตัวผู้เสียภาษีผู้ได้รับการคัดเลือก": np.array([s[1] for s in SUPPLIERS])[supplier],
        "ราคาที่ตกลงซื้อหรือจ้าง (บาท)": money_text(agreed, rng),
        "เหตุผลที่คัดเลือกโดยสรุป": np.array(REASONS)[rng.integers(len(REASONS), size=count)],
        "เลขที่สัญญาหรือข้อตกลง": pd.Series(sequence % 9999 + 1).astype(str) + "/2561",
        "วันที่สัญญาหรือข้อตกลง": date_text(day, rng),
        "สถานะการจัดซื้อจัดจ้าง": status,
        "หน่วยงานที่ขอซื้อหรือขอจ้าง": np.array(UNITS)[rng.integers(len(UNITS), size=count)],
        "เจ้าหน้าที่ผู้ดำเนินการ": np.array(OFFICERS)[rng.integers(len(OFFICERS), size=count)],
    })
    for column in ("ผู้ได้รับการคัดเลือก", "เลขประจำตัวผู้เสียภาษีผู้ได้รับการคัดเลือก",
                   "ราคาที่ตกลงซื้อหรือจ้าง (บาท)", "เหตุผลที่คัดเลือกโดยสรุป", "เลขที่สัญญาหรือข้อตกลง",
                   "วันที่สัญญาหรือข้อตกลง"):
        frame.loc[pending, column] = ""
    return frame


def scratch_project(rows: int) -> Path:
    """A project with the FY 2561 params and plan, and `rows` procurement records as CSV UTF-8."""
    root = Path(tempfile.mkdtemp(prefix="ita-load-"))
    shutil.copytree(REPO / "params", root / "params")
    folder = root / "data" / str(YEAR)
    folder.mkdir(parents=True)
    for name in PLAN_FILES:
        shutil.copy2(REPO / "data" / str(YEAR) / name, folder / name)
    procurement_rows(rows).to_csv(folder / "procurement.csv", index=False, encoding="utf-8-sig")
    return root


# Runs in a fresh interpreter; imports are done before the clock starts, as `ita-report validate` does them too.
CHILD = """
import json, resource, sys, time
from ita_report.records.year import load_year
from ita_report.config.params import load_params
from ita_report.core.paths import Project
project = Project.at(sys.argv[1])
params = load_params(project, int(sys.argv[2]))
started = time.perf_counter()
data = load_year(project, params)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "rows": len(data.frame("procurement")),
                  "peak_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def measured_run(project: Path) -> dict[str, float]:
    """One load_year in a fresh process: seconds inside it, whole-process seconds, peak RSS."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CHILD, str(project), str(YEAR)],
                            capture_output=True, text=True, cwd=REPO)
    if result.returncode != 0:
        sys.exit(f"load_year failed:\n{result.stderr[-3000:]}")
    figures = json.loads(result.stdout)
    figures["process_seconds"] = time.perf_counter() - started
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="Keep the scratch project and print where it is.")
    args = parser.parse_args()

    started = time.perf_counter()
    project = scratch_project(args.rows)
    csv = project / "data" / str(YEAR) / "procurement.csv"
    print(f"generated {args.rows:,} rows, {csv.stat().st_size / 1024**2:,.0f} MB, "
          f"in {time.perf_counter() - started:.1f} s (not measured)")
    try:
        runs = []
        for number in range(1, args.runs + 1):
            figures = measured_run(project)
            assert figures["rows"] == args.rows, figures
            runs.append(figures)
            print(f"run {number}: load_year {figures['seconds']:6.2f} s, whole process "
                  f"{figures['process_seconds']:6.2f} s, peak {figures['peak_bytes'] / 1024**3:5.2f} GiB")
        seconds = statistics.median(r["seconds"] for r in runs)
        process = statistics.median(r["process_seconds"] for r in runs)
        peak = statistics.median(r["peak_bytes"] for r in runs)
        print(f"median of {args.runs}: load_year {seconds:.2f} s (whole process {process:.2f} s; "
              f"target < {TARGET_SECONDS:.0f} s) {'OK' if process < TARGET_SECONDS else 'MISSED'}; "
              f"peak {peak / 1024**3:.2f} GiB (target < {TARGET_BYTES / 1024**3:.0f} GiB) "
              f"{'OK' if peak < TARGET_BYTES else 'MISSED'}")
    finally:
        if args.keep:
            print(f"kept {project}")
        else:
            shutil.rmtree(project)


if __name__ == "__main__":
    main()
