"""Make the example records of FY 2560 and FY 2561. Every record they hold is invented.

ข้อมูลตัวอย่าง – ไม่ใช่ข้อมูลจริง. The office's own records are not public, so the reports are built
and tested on these: procurement and its bids, complaints, declared relations, and budget
allocations with their disbursements. FY 2561 also gets indicator results for the office's real
plan in data/2561/. Names, tax IDs, ID numbers, phone numbers and addresses are all made up.
Some risk patterns are planted on purpose: contract splitting (SPLIT), conflicts of interest
(COI_*), purchases near 500,000 baht, and a year-end rush of direct purchases.

Fixed seeds and no clock, so two runs write the same bytes. Each year's examples.yaml lists the
files written here. Run: .venv/bin/python scripts/make_example_data.py
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from ita_report.config.params import load_params
from ita_report.core.files import replacing
from ita_report.core.paths import Project
from ita_report.core.thai import fiscal_months, to_thai_digits
from ita_report.records import datasets as d
from ita_report.records.columns import Dataset
from ita_report.records.plan import load_plan
from ita_report.records.vocabulary import (
    COMPLAINT_STATUSES,
    INDICATOR_STATUSES,
    INVESTMENT,
    OPERATING,
    PROCUREMENT_STATUSES,
    SPECIFIC,
    STATE_BUDGET,
)
from ita_report.records.writing import to_cells, write_cells, write_csv

REPO_DIR = Path(__file__).resolve().parents[1]
NOTE = "ข้อมูลตัวอย่าง – ไม่ใช่ข้อมูลจริง"
YEARS = (2560, 2561)
PLAN_YEAR = 2561  # the only year with a plan; its indicator results follow data/2561/indicators.csv
DIRECT = SPECIFIC
OTHER_FUNDS = "เงินนอกงบประมาณ"
OPEN, SIGNED, DELIVERED, CANCELLED = PROCUREMENT_STATUSES
IN_PROGRESS_CASE, FINISHED_CASE = COMPLAINT_STATUSES
NOT_STARTED, WORKING, DONE = INDICATOR_STATUSES

DIRECT_REASONS = {"ซื้อ": "เป็นผู้มีอาชีพขายโดยตรง", "จ้าง": "เป็นผู้มีอาชีพรับจ้างโดยตรง",
                  "เช่า": "เป็นผู้มีอาชีพให้เช่าโดยตรง"}
# Direct purchases per fiscal month, October first: a slow start, a dip at Songkran, a September rush.
DIRECT_PER_MONTH = {
    2560: (14, 17, 19, 20, 19, 21, 13, 19, 19, 20, 22, 37),
    2561: (16, 21, 24, 25, 24, 27, 17, 24, 25, 26, 28, 58),
}
# Purchases where the agreed price is at or above the reference price: (equal, above).
AT_OR_ABOVE_REFERENCE = {2560: (1, 0), 2561: (1, 1)}

UNITS = (  # as spelled in data/2561/responsible_units.csv; the weights say who buys most
    ("กลุ่มอำนวยการ", 6),
    ("กลุ่มบริหารงานบุคคล", 3),
    ("กลุ่มบริหารการเงินและสินทรัพย์", 3),
    ("กลุ่มนโยบายและแผน", 2),
    ("กลุ่มส่งเสริมการศึกษาทางไกลฯ", 2),
    ("กลุ่มนิเทศติดตามและประเมินผลการจัดการศึกษา", 2),
    ("กลุ่มงานวินัยและนิติการ", 1),
    ("หน่วยตรวจสอบภายใน", 1),
)
STAFF = ("นางสาววิไลวรรณ ทองคำ", "นายประเสริฐ ศรีสุข")  # เจ้าหน้าที่พัสดุ
HEAD = "นางพรทิพย์ แก้วมณี"  # หัวหน้าเจ้าหน้าที่พัสดุ
COMMITTEE = (  # กรรมการตรวจรับพัสดุ
    "นายสมศักดิ์ ใจดี", "นางมาลัย บุญมา", "นายวีระ พันธ์ทอง", "นางสาวจันทร์เพ็ญ สายสุวรรณ",
    "นายธนพล มีสุข", "นางอรุณี เพชรรัตน์", "นายชาตรี วงศ์ไทย", "นางสุภาพร นาคสวัสดิ์",
)
# (name, trade, weight among direct purchases of its trade); 0 = only in tenders or planted rows
SUPPLIERS = (
    ("ร้านรุ่งเรืองศึกษาภัณฑ์", "office", 6),
    ("หจก. ท่าม่วงเครื่องเขียน", "office", 3),
    ("บริษัท กาญจน์ออฟฟิศซัพพลาย จำกัด", "office", 2),
    ("ร้านสมใจพาณิชย์", "household", 3),
    ("ร้านเจริญชัยค้าส่ง", "household", 2),
    ("บริษัท เค.ซี. คอมพิวเตอร์ จำกัด", "computer", 0),
    ("หจก. ไอทีพลัส กาญจนบุรี", "computer", 4),
    ("ร้านเอ็มเทคคอมพิวเตอร์", "computer", 3),
    ("บริษัท ดิจิทัลซิสเต็มส์ เซอร์วิส จำกัด", "computer", 1),
    ("บริษัท แควใหญ่เน็ตเวิร์ค จำกัด", "computer", 0),
    ("ร้านก๊อปปี้เซ็นเตอร์ ท่าม่วง", "print", 4),
    ("หจก. แสงทองการพิมพ์", "print", 2),
    ("ร้านป้ายดีไซน์", "print", 2),
    ("หจก. ท่าม่วงการยาง", "car", 3),
    ("ร้านช่างเอกยนต์", "car", 2),
    ("บริษัท กาญจนบุรียนตรการ จำกัด", "car", 1),
    ("หจก. ศรีสวัสดิ์ปิโตรเลียม", "fuel", 1),
    ("ร้านเย็นฉ่ำแอร์เซอร์วิส", "aircon", 3),
    ("หจก. สยามเครื่องเย็นกาญจน์", "aircon", 1),
    ("บริษัท คูลแอร์ เอ็นจิเนียริ่ง จำกัด", "aircon", 0),
    ("หจก. ท่ามะกาแอร์", "aircon", 1),
    ("บริษัท เมืองกาญจน์ไฟฟ้า จำกัด", "aircon", 0),
    ("ร้านครัวบ้านสวน", "food", 3),
    ("ร้านอาหารริมแคว", "food", 2),
    ("หจก. แควน้อยจัดเลี้ยง", "food", 2),
    ("หจก. ก้าวหน้าการโยธา", "build", 2),
    ("ร้านช่างสมบัติการช่าง", "build", 2),
    ("หจก. ส.เจริญวัสดุก่อสร้าง", "build", 1),
    ("บริษัท ทวีทรัพย์ก่อสร้าง จำกัด", "contractor", 0),
    ("บริษัท พนมทวนโยธา จำกัด", "contractor", 0),
    ("หจก. เมืองกาญจน์การช่าง", "contractor", 0),
    ("บริษัท ศิลาทองคอนสตรัคชั่น จำกัด", "contractor", 0),
    ("หจก. ท่ามะกาวิศวกรรม", "contractor", 0),
    ("ร้านไทยวัฒนาเฟอร์นิเจอร์", "furniture", 2),
    ("บริษัท โฮมออฟฟิศเฟอร์นิเจอร์ จำกัด", "furniture", 1),
    ("หจก. ไม้งามเฟอร์นิเจอร์", "furniture", 0),
    ("บริษัท สุขสวัสดิ์เฟอร์นิเจอร์ จำกัด", "furniture", 0),
    ("หจก. แควใหญ่ทัวร์", "van", 2),
    ("ร้านนพดลรถตู้", "van", 1),
    ("บริษัท ซีเอ็มซี ก๊อปปี้ จำกัด", "copier", 0),
    ("หจก. กาญจน์ก๊อปปี้เซอร์วิส", "copier", 0),
    ("บริษัท ดีดีซีออฟฟิศ จำกัด", "copier", 0),
    ("บริษัท ท่าม่วงคลีนนิ่ง เซอร์วิส จำกัด", "cleaning", 0),
    ("หจก. สะอาดใสบริการ", "cleaning", 0),
    ("บริษัท บ้านเก่าคลีน จำกัด", "cleaning", 0),
    ("บริษัท กาญจน์การ์ด รักษาความปลอดภัย จำกัด", "security", 0),
    ("บริษัท สิงห์แควการ์ด จำกัด", "security", 0),
    ("หจก. พิทักษ์ภัยกาญจนบุรี", "security", 0),
)
# Planted conflicts of interest: the officer sits on the committee of every purchase the supplier wins.
COI_BY_TAX_ID = ("นายวีระ พันธ์ทอง", "หจก. ก้าวหน้าการโยธา", "ห้างหุ้นส่วนจำกัด ก้าวหน้า การโยธา")
COI_BY_NAME = ("นางมาลัย บุญมา", "ร้านสมใจพาณิชย์")
# Planted contract splitting: notebooks bought in four direct purchases within 27 days.
SPLIT_SUPPLIER = "บริษัท เค.ซี. คอมพิวเตอร์ จำกัด"
SPLIT = (  # (contract date, requesting unit, notebooks at 23,500 baht)
    (date(2018, 7, 3), "กลุ่มบริหารงานบุคคล", 6),
    (date(2018, 7, 11), "กลุ่มนโยบายและแผน", 6),
    (date(2018, 7, 19), "กลุ่มนิเทศติดตามและประเมินผลการจัดการศึกษา", 5),
    (date(2018, 7, 30), "กลุ่มอำนวยการ", 7),
)
NOTEBOOK_PRICE = 23_500

MEETINGS = (
    "ประชุมผู้บริหารสถานศึกษาประจำเดือน",
    "ประชุมปฏิบัติการจัดทำคู่มือการปฏิบัติงาน (Work Manual)",
    "อบรมพัฒนาข้าราชการครูตำแหน่งครูผู้ช่วย",
    "ประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา",
    "ประชุมเชิงปฏิบัติการจัดทำแผนปฏิบัติการประจำปี",
    "ประชุมชี้แจงมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "ประชุมเครือข่ายการประชาสัมพันธ์",
)
PLATES = ("นข 2145 กาญจนบุรี", "กต 3318 กาญจนบุรี", "ฮธ 802 กาญจนบุรี", "บพ 4471 กาญจนบุรี")


@dataclass(frozen=True)
class Supplier:
    """A firm that sells to the office; a ร้าน's tax ID is its owner's ID number."""

    name: str
    tax_id: str
    trade: str
    weight: int


@dataclass(frozen=True)
class Good:
    """A kind of small direct purchase: its name, its booking, its trade and its usual price."""

    item: str
    kind: str
    category: str
    expense: str
    trade: str
    low: int
    high: int
    weight: int
    september: int  # extra weight in September, when the year's money must be spent
    unit: str | None = None


GOODS = (
    Good("ซื้อวัสดุสำนักงาน {unit}", "ซื้อ", OPERATING, "ค่าวัสดุ", "office", 1_500, 45_000, 12, 6),
    Good("ซื้อกระดาษถ่ายเอกสาร ขนาด A4", "ซื้อ", OPERATING, "ค่าวัสดุ", "office", 4_800, 38_000, 6, 3),
    Good("ซื้อวัสดุคอมพิวเตอร์ (หมึกพิมพ์) {unit}", "ซื้อ", OPERATING, "ค่าวัสดุ", "computer", 3_000, 48_000, 8, 5),
    Good("ซื้อวัสดุคอมพิวเตอร์ {unit}", "ซื้อ", OPERATING, "ค่าวัสดุ", "computer", 1_900, 32_000, 4, 3),
    Good("ซื้อวัสดุงานบ้านงานครัว", "ซื้อ", OPERATING, "ค่าวัสดุ", "household", 1_000, 15_000, 4, 2,
         "กลุ่มอำนวยการ"),
    Good("ซื้อน้ำดื่มบริการผู้มาติดต่อราชการ", "ซื้อ", OPERATING, "ค่าวัสดุ", "household", 900, 4_500, 3, 0,
         "กลุ่มอำนวยการ"),
    Good("ซื้อน้ำมันเชื้อเพลิงรถยนต์ราชการ", "ซื้อ", OPERATING, "ค่าวัสดุ", "fuel", 8_000, 30_000, 6, 0,
         "กลุ่มอำนวยการ"),
    Good("จ้างซ่อมแซมรถยนต์ราชการ หมายเลขทะเบียน {plate}", "จ้าง", OPERATING, "ค่าใช้สอย", "car",
         2_500, 45_000, 5, 1, "กลุ่มอำนวยการ"),
    Good("จ้างซ่อมแซมเครื่องปรับอากาศ {unit}", "จ้าง", OPERATING, "ค่าใช้สอย", "aircon", 1_500, 25_000, 3, 1),
    Good("จ้างถ่ายเอกสารและเข้าเล่มเอกสาร {meeting}", "จ้าง", OPERATING, "ค่าใช้สอย", "print",
         1_200, 28_000, 6, 2),
    Good("จ้างทำป้ายไวนิล {meeting}", "จ้าง", OPERATING, "ค่าใช้สอย", "print", 500, 6_000, 4, 0),
    Good("จ้างเหมาจัดอาหารกลางวันและอาหารว่าง {meeting}", "จ้าง", OPERATING, "ค่าใช้สอย", "food",
         3_000, 60_000, 7, 2),
    Good("จ้างซ่อมแซมอาคารสำนักงาน", "จ้าง", OPERATING, "ค่าใช้สอย", "build", 5_000, 90_000, 2, 2,
         "กลุ่มบริหารการเงินและสินทรัพย์"),
    Good("จ้างซ่อมแซมเครื่องคอมพิวเตอร์ {unit}", "จ้าง", OPERATING, "ค่าใช้สอย", "computer", 800, 12_000, 2, 0),
    Good("เช่ารถตู้พร้อมพนักงานขับรถ {meeting}", "เช่า", OPERATING, "ค่าใช้สอย", "van", 3_000, 18_000, 3, 0),
    Good("ซื้อครุภัณฑ์สำนักงาน (ตู้เหล็กเก็บเอกสาร) {unit}", "ซื้อ", INVESTMENT, "ค่าครุภัณฑ์", "furniture",
         5_000, 60_000, 1, 4),
    Good("ซื้อครุภัณฑ์สำนักงาน (โต๊ะทำงานพร้อมเก้าอี้) {unit}", "ซื้อ", INVESTMENT, "ค่าครุภัณฑ์", "furniture",
         8_000, 45_000, 1, 3),
    Good("ซื้อครุภัณฑ์คอมพิวเตอร์ (เครื่องพิมพ์เลเซอร์) {unit}", "ซื้อ", INVESTMENT, "ค่าครุภัณฑ์", "computer",
         7_900, 36_000, 1, 3),
    Good("ซื้อครุภัณฑ์ (เครื่องปรับอากาศ) {unit}", "ซื้อ", INVESTMENT, "ค่าครุภัณฑ์", "aircon",
         28_000, 90_000, 0, 3),
)


@dataclass(frozen=True)
class Tender:
    """A purchase made by a competitive method, a yearly contract, or a planted pattern."""

    on: date  # contract date, or the announcement date when nothing was signed
    method: str
    item: str
    kind: str
    category: str
    expense: str
    trade: str
    budget: int
    bidders: int  # 0: cancelled or not yet awarded
    unit: str
    status: str = DELIVERED
    reason: str | None = None
    agreed: int | None = None  # fixed for planted rows; drawn otherwise
    reference: int | None = None
    supplier: str | None = None
    identical_bids: bool = False


def _t(on: date, method: str, item: str, kind: str, category: str, expense: str, trade: str, budget: int,
       bidders: int, unit: str = "กลุ่มบริหารการเงินและสินทรัพย์", **extra: object) -> Tender:
    """A Tender with the office's usual requesting unit for big purchases."""
    return Tender(on, method, item, kind, category, expense, trade, budget, bidders, unit, **extra)


CONSTRUCTION = (INVESTMENT, "ค่าที่ดินและสิ่งก่อสร้าง")
EQUIPMENT = (INVESTMENT, "ค่าครุภัณฑ์")
SERVICE = (OPERATING, "ค่าใช้สอย")
MATERIAL = (OPERATING, "ค่าวัสดุ")
TENDERS = {
    2561: (
        _t(date(2017, 10, 2), "e-market", "จ้างเหมาบริการทำความสะอาดอาคารสำนักงาน ประจำปีงบประมาณ 2561", "จ้าง",
           *SERVICE, "cleaning", 396_000, 3, "กลุ่มอำนวยการ"),
        _t(date(2017, 10, 2), "e-market", "จ้างเหมาบริการรักษาความปลอดภัยสถานที่ราชการ ประจำปีงบประมาณ 2561",
           "จ้าง", *SERVICE, "security", 312_000, 3, "กลุ่มอำนวยการ"),
        _t(date(2017, 10, 4), DIRECT, "เช่าเครื่องถ่ายเอกสาร ประจำปีงบประมาณ 2561 (12 เดือน)", "เช่า", *SERVICE,
           "copier", 54_000, 1, "กลุ่มอำนวยการ", agreed=52_800, reference=54_000,
           supplier="บริษัท ซีเอ็มซี ก๊อปปี้ จำกัด"),
        _t(date(2017, 10, 5), DIRECT, "จ้างเหมาบริการดูแลและบำรุงรักษาระบบเครือข่ายสำนักงาน ประจำปีงบประมาณ 2561",
           "จ้าง", *SERVICE, "computer", 96_000, 1, "กลุ่มส่งเสริมการศึกษาทางไกลฯ", agreed=93_600, reference=96_000,
           supplier="บริษัท แควใหญ่เน็ตเวิร์ค จำกัด"),
        _t(date(2017, 11, 16), "คัดเลือก", "ซื้อครุภัณฑ์ระบบเครือข่ายไร้สายพร้อมติดตั้ง", "ซื้อ", *EQUIPMENT,
           "computer", 320_000, 3, "กลุ่มส่งเสริมการศึกษาทางไกลฯ"),
        _t(date(2017, 12, 14), "e-market", "ซื้อกระดาษถ่ายเอกสาร ขนาด A4 (จัดซื้อรวม)", "ซื้อ", *MATERIAL,
           "office", 180_000, 3, "กลุ่มอำนวยการ"),
        _t(date(2018, 1, 23), "e-market", "ซื้อวัสดุคอมพิวเตอร์ (หมึกพิมพ์) จัดซื้อรวม", "ซื้อ", *MATERIAL,
           "computer", 150_000, 3),
        _t(date(2018, 1, 30), "e-bidding", "จ้างปรับปรุงห้องประชุมสำนักงานเขตพื้นที่การศึกษา", "จ้าง", *CONSTRUCTION,
           "contractor", 1_850_000, 5),
        _t(date(2018, 2, 20), "e-market",
           "ซื้อครุภัณฑ์คอมพิวเตอร์ เครื่องคอมพิวเตอร์สำหรับงานประมวลผล จำนวน 20 เครื่อง", "ซื้อ", *EQUIPMENT, "computer", 440_000, 4),
        _t(date(2018, 3, 5), "e-bidding", "จ้างปรับปรุงห้องเก็บเอกสาร", "จ้าง", *CONSTRUCTION, "contractor",
           540_000, 0, status=CANCELLED, reason="ยกเลิก เนื่องจากไม่มีผู้ยื่นข้อเสนอ"),
        _t(date(2018, 3, 15), "e-market", "ซื้อเครื่องปรับอากาศแบบแยกส่วน ขนาด 24,000 บีทียู จำนวน 8 เครื่อง", "ซื้อ",
           *EQUIPMENT, "aircon", 360_000, 5, identical_bids=True),
        _t(date(2018, 4, 19), "คัดเลือก", "จ้างซ่อมแซมระบบประปาและถังเก็บน้ำ", "จ้าง", *SERVICE, "build",
           240_000, 3),
        _t(date(2018, 4, 26), "e-bidding", "จ้างก่อสร้างโรงจอดรถยนต์ราชการ", "จ้าง", *CONSTRUCTION, "contractor",
           780_000, 4),
        _t(date(2018, 5, 17), "e-market", "ซื้อครุภัณฑ์คอมพิวเตอร์โน้ตบุ๊ก จำนวน 10 เครื่อง", "ซื้อ", *EQUIPMENT,
           "computer", 240_000, 3),
        _t(date(2018, 5, 24), DIRECT, "จ้างซ่อมแซมอาคารสำนักงานที่เสียหายจากวาตภัย (กรณีเร่งด่วน)", "จ้าง",
           *CONSTRUCTION, "contractor", 520_000, 1, agreed=512_000, reference=515_000,
           supplier="บริษัท ทวีทรัพย์ก่อสร้าง จำกัด", reason="กรณีเร่งด่วน เป็นผู้มีอาชีพรับจ้างโดยตรง"),
        _t(date(2018, 6, 21), "e-market", "ซื้อเครื่องถ่ายเอกสารระบบดิจิตอล จำนวน 2 เครื่อง", "ซื้อ", *EQUIPMENT,
           "copier", 280_000, 3, "กลุ่มอำนวยการ"),
        _t(date(2018, 6, 28), "e-bidding", "จ้างปรับปรุงภูมิทัศน์และลานจอดรถ", "จ้าง", *CONSTRUCTION, "contractor",
           1_200_000, 3, status=SIGNED),
        _t(date(2018, 7, 10), "e-market", "ซื้อรถยนต์บรรทุก (ดีเซล) ขนาด 1 ตัน ขับเคลื่อน 4 ล้อ", "ซื้อ", *EQUIPMENT,
           "car", 787_000, 0, "กลุ่มอำนวยการ", status=CANCELLED,
           reason="ยกเลิก เนื่องจากไม่ได้รับอนุมัติเงินประจำงวด"),
        _t(date(2018, 8, 9), "e-bidding", "จ้างปรับปรุงระบบไฟฟ้าอาคารสำนักงาน", "จ้าง", *CONSTRUCTION, "contractor",
           620_000, 2, status=SIGNED),
        _t(date(2018, 8, 16), "e-market", "ซื้อครุภัณฑ์สำนักงาน โต๊ะและเก้าอี้ห้องประชุม พร้อมติดตั้ง", "ซื้อ",
           *EQUIPMENT, "furniture", 530_000, 4, agreed=503_000, reference=525_000),
        _t(date(2018, 8, 21), DIRECT, "จ้างปรับปรุงห้องน้ำอาคารสำนักงาน", "จ้าง", *CONSTRUCTION, "contractor",
           500_000, 1, agreed=499_500, reference=499_900, supplier="หจก. เมืองกาญจน์การช่าง"),
        _t(date(2018, 9, 6), "e-bidding", "ซื้อครุภัณฑ์ระบบกล้องวงจรปิด พร้อมติดตั้ง", "ซื้อ", *EQUIPMENT, "computer",
           680_000, 1, status=SIGNED),
        _t(date(2018, 9, 13), "e-market", "ซื้อครุภัณฑ์คอมพิวเตอร์ เครื่องพิมพ์ชนิดเลเซอร์ จำนวน 15 เครื่อง", "ซื้อ",
           *EQUIPMENT, "computer", 135_000, 3),
        _t(date(2018, 9, 18), "e-bidding", "จ้างปรับปรุงอาคารหอประชุม", "จ้าง", *CONSTRUCTION, "contractor",
           1_100_000, 0, status=OPEN),
        _t(date(2018, 9, 20), "e-bidding", "จ้างก่อสร้างรั้วคอนกรีตพร้อมประตูทางเข้าสำนักงาน", "จ้าง", *CONSTRUCTION,
           "contractor", 950_000, 4, status=SIGNED),
        _t(date(2018, 9, 25), "คัดเลือก", "จ้างพิมพ์รายงานผลการดำเนินงานประจำปีงบประมาณ 2561", "จ้าง", *SERVICE,
           "print", 180_000, 3, "กลุ่มนโยบายและแผน", status=SIGNED),
    ),
    # FY 2560 ran mostly under the old regulations (ตกลงราคา up to 100,000 baht, สอบราคา above it)
    # until the Act took effect on 23 Aug 2017; METHODS has no ตกลงราคา, so direct buys are เฉพาะเจาะจง.
    2560: (
        _t(date(2016, 10, 3), "สอบราคา", "จ้างเหมาบริการทำความสะอาดอาคารสำนักงาน ประจำปีงบประมาณ 2560", "จ้าง",
           *SERVICE, "cleaning", 384_000, 3, "กลุ่มอำนวยการ"),
        _t(date(2016, 10, 3), "สอบราคา", "จ้างเหมาบริการรักษาความปลอดภัยสถานที่ราชการ ประจำปีงบประมาณ 2560",
           "จ้าง", *SERVICE, "security", 300_000, 3, "กลุ่มอำนวยการ"),
        _t(date(2016, 10, 4), DIRECT, "เช่าเครื่องถ่ายเอกสาร ประจำปีงบประมาณ 2560 (12 เดือน)", "เช่า", *SERVICE,
           "copier", 54_000, 1, "กลุ่มอำนวยการ", agreed=52_800, reference=54_000,
           supplier="บริษัท ซีเอ็มซี ก๊อปปี้ จำกัด"),
        _t(date(2016, 10, 6), DIRECT, "จ้างเหมาบริการดูแลและบำรุงรักษาระบบเครือข่ายสำนักงาน ประจำปีงบประมาณ 2560",
           "จ้าง", *SERVICE, "computer", 90_000, 1, "กลุ่มส่งเสริมการศึกษาทางไกลฯ", agreed=88_800, reference=90_000,
           supplier="บริษัท แควใหญ่เน็ตเวิร์ค จำกัด"),
        _t(date(2017, 1, 19), "สอบราคา", "ซื้อกระดาษถ่ายเอกสาร ขนาด A4 (จัดซื้อรวม)", "ซื้อ", *MATERIAL, "office",
           165_000, 3, "กลุ่มอำนวยการ"),
        _t(date(2017, 2, 23), "e-bidding", "จ้างปรับปรุงอาคารสำนักงาน (ชั้น ๒)", "จ้าง", *CONSTRUCTION, "contractor",
           2_400_000, 5),
        _t(date(2017, 3, 9), "สอบราคา", "ซื้อครุภัณฑ์คอมพิวเตอร์ เครื่องคอมพิวเตอร์สำหรับงานสำนักงาน จำนวน 12 เครื่อง",
           "ซื้อ", *EQUIPMENT, "computer", 204_000, 4),
        _t(date(2017, 4, 5), "สอบราคา", "จ้างปรับปรุงห้องเก็บพัสดุ", "จ้าง", *CONSTRUCTION, "contractor", 180_000, 0,
           status=CANCELLED, reason="ยกเลิก เนื่องจากผู้เสนอราคาทุกรายเสนอไม่ถูกต้องตามเงื่อนไข"),
        _t(date(2017, 5, 18), "e-market", "ซื้อเครื่องปรับอากาศแบบแยกส่วน จำนวน 14 เครื่อง", "ซื้อ", *EQUIPMENT,
           "aircon", 630_000, 4),
        _t(date(2017, 6, 15), "สอบราคา", "จ้างซ่อมแซมหลังคาและรางน้ำอาคารสำนักงาน", "จ้าง", *SERVICE, "contractor",
           285_000, 3),
        _t(date(2017, 8, 31), "e-bidding", "จ้างก่อสร้างลานอเนกประสงค์", "จ้าง", *CONSTRUCTION, "contractor",
           880_000, 3, status=SIGNED),
        _t(date(2017, 9, 14), "คัดเลือก", "จ้างพิมพ์รายงานผลการดำเนินงานประจำปีงบประมาณ 2560", "จ้าง", *SERVICE,
           "print", 150_000, 3, "กลุ่มนโยบายและแผน"),
        _t(date(2017, 9, 21), "e-bidding", "ซื้อครุภัณฑ์ห้องประชุม ระบบภาพและเสียง", "ซื้อ", *EQUIPMENT, "computer",
           740_000, 3, status=SIGNED),
    ),
}


@dataclass
class Purchase:
    """One procurement row being made, with its bids, before numbering."""

    on: date
    row: dict[str, object]
    bids: list[tuple[Supplier, float]] = field(default_factory=list)


def rng_for(year: int, topic: str) -> random.Random:
    """A generator of its own per year and file, so that changing one file leaves the others as they are."""
    return random.Random(f"{year}/{topic}")


def check_digit(first12: str) -> str:
    """The thirteenth digit of a Thai ID or tax number."""
    total = sum(int(digit) * (13 - i) for i, digit in enumerate(first12))
    return str((11 - total % 11) % 10)


def tax_id(rng: random.Random, name: str) -> str:
    """A made-up tax ID with a valid check digit: juristic (0-71-…) or a sole trader's ID number."""
    if name.startswith(("บริษัท", "หจก.")):
        kind = "5" if name.startswith("บริษัท") else "3"
        first12 = f"071{kind}{rng.randint(540, 559)}{rng.randint(100, 99999):05d}"
    else:
        first12 = f"371{rng.randint(1, 13):02d}{rng.randint(0, 9999999):07d}"
    return first12 + check_digit(first12)


def make_suppliers() -> dict[str, Supplier]:
    """Every supplier by name, with tax IDs that stay the same in both years."""
    rng = rng_for(0, "suppliers")
    return {name: Supplier(name, tax_id(rng, name), trade, weight) for name, trade, weight in SUPPLIERS}


# Public holidays on fixed dates (month, day); the lunar ones move and are not kept out.
HOLIDAYS = {(1, 1), (4, 6), (4, 13), (4, 14), (4, 15), (4, 16), (5, 1), (7, 28), (8, 12), (8, 13), (10, 13),
            (10, 23), (12, 5), (12, 10), (12, 11), (12, 31)}


def weekdays(year: int, month: int, last: int = 31) -> list[date]:
    """The working days of a month up to a day: Monday to Friday, fixed-date holidays left out."""
    day, days = date(year, month, 1), []
    while day.month == month and day.day <= last:
        if day.weekday() < 5 and (day.month, day.day) not in HOLIDAYS:
            days.append(day)
        day += timedelta(days=1)
    return days


def working_day(day: date) -> date:
    """The day itself when it is a working day, else the next working day."""
    while day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS:
        day += timedelta(days=1)
    return day


def last_working_day(year: int) -> date:
    """The last working day of a B.E. fiscal year."""
    return weekdays(year - 543, 9)[-1]


def officers_for(rng: random.Random, supplier: Supplier | None, year: int, competitive: bool) -> str:
    """A procurement officer and one or two committee members; the head of supplies joins tenders."""
    names = [rng.choice(STAFF)] + ([HEAD] if competitive else [])
    names += rng.sample(COMMITTEE, 3 - len(names) if competitive else rng.choice((1, 2)))
    officer = conflicted_officer(supplier, year)
    if officer and officer not in names:
        names[-1] = officer
    return "; ".join(names)


def conflicted_officer(supplier: Supplier | None, year: int) -> str | None:
    """The officer planted on every committee of a related supplier (FY 2561 only)."""
    if supplier is None or year != PLAN_YEAR:
        return None
    planted = {COI_BY_TAX_ID[1]: COI_BY_TAX_ID[0], COI_BY_NAME[1]: COI_BY_NAME[0]}
    return planted.get(supplier.name)


def pick_supplier(rng: random.Random, suppliers: dict[str, Supplier], trade: str) -> Supplier:
    """A supplier of the trade for a direct purchase, the usual ones more often."""
    pool = [s for s in suppliers.values() if s.trade == trade and s.weight]
    return rng.choices(pool, weights=[s.weight for s in pool])[0]


def prices_below(rng: random.Random, agreed: float) -> tuple[float, float]:
    """A reference price above the agreed price, and a budget at or above the reference."""
    reference = math.ceil(agreed * (1 + rng.uniform(0.005, 0.08)) / 10) * 10
    reference = max(reference, math.floor(agreed) + 10)
    budget = reference if rng.random() < 0.4 else math.ceil(reference / 1000) * 1000
    return reference, budget


def direct_purchase(rng: random.Random, good: Good, on: date, suppliers: dict[str, Supplier],
                    year: int) -> Purchase:
    """One small direct purchase of a kind of good on a day."""
    supplier = pick_supplier(rng, suppliers, good.trade)
    weights = [w for _, w in UNITS]
    unit = good.unit or rng.choices([u for u, _ in UNITS], weights=weights)[0]
    short_unit = unit.replace("กลุ่มส่งเสริมการศึกษาทางไกลฯ", "กลุ่มส่งเสริมการศึกษาทางไกล")
    item = good.item.format(unit=short_unit, meeting=rng.choice(MEETINGS), plate=rng.choice(PLATES))
    if good.trade == "fuel":  # fuel is paid to the satang
        agreed: float = round(rng.uniform(good.low, good.high), 2)
    else:
        agreed = round(rng.uniform(good.low, good.high), -1)
    reference, budget = prices_below(rng, agreed)
    late = on.month == 9 and on.day > 20 and rng.random() < 0.5
    reason = DIRECT_REASONS[good.kind]
    fund = OTHER_FUNDS if good.category == OPERATING and rng.random() < 0.12 else STATE_BUDGET
    row = procurement_row(item, good.kind, good.category, good.expense, fund, budget, reference, DIRECT,
                          supplier, agreed, reason, on, SIGNED if late else DELIVERED, unit,
                          officers_for(rng, supplier, year, competitive=False))
    return Purchase(on, row, [(supplier, agreed)])


def procurement_row(item: str, kind: str, category: str, expense: str, fund: str, budget: float,
                    reference: float, method: str, supplier: Supplier | None, agreed: float | None,
                    reason: str | None, on: date | None, status: str, unit: str, officers: str) -> dict[str, object]:
    """A procurement record under canonical names; the e-GP and contract numbers come later."""
    return {
        "item": item, "kind": kind, "budget_category": category, "expense_type": expense, "fund_source": fund,
        "budget": budget, "reference_price": reference, "method": method,
        "supplier": supplier.name if supplier else None, "supplier_tax_id": supplier.tax_id if supplier else None,
        "agreed_price": agreed, "reason": reason, "contract_date": on, "status": status,
        "requesting_unit": unit, "officers": officers,
    }


def direct_purchases(year: int, suppliers: dict[str, Supplier]) -> list[Purchase]:
    """The year's small direct purchases, month by month, with the September rush."""
    rng = rng_for(year, "direct")
    purchases = []
    for (ce, month), count in zip(fiscal_months(year), DIRECT_PER_MONTH[year]):
        days = weekdays(ce, month, last=28)
        for _ in range(count):
            weights = [g.weight + (g.september if month == 9 else 0) for g in GOODS]
            good = rng.choices(GOODS, weights=weights)[0]
            purchases.append(direct_purchase(rng, good, rng.choice(days), suppliers, year))
    set_at_or_above_reference(rng, purchases, *AT_OR_ABOVE_REFERENCE[year])
    return purchases


def set_at_or_above_reference(rng: random.Random, purchases: list[Purchase], equal: int, above: int) -> None:
    """Make a few agreed prices equal to, or above, their reference price."""
    whole = [p for p in purchases if p.row["agreed_price"] >= 10_000 and p.row["agreed_price"] % 10 == 0]
    chosen = rng.sample(whole, equal + above)
    for n, purchase in enumerate(chosen):
        agreed = purchase.row["agreed_price"]
        reference = agreed if n < equal else round(agreed * 0.97, -2)
        purchase.row["reference_price"] = reference
        purchase.row["budget"] = max(purchase.row["budget"], math.ceil(agreed / 1000) * 1000)


def split_purchases(year: int, suppliers: dict[str, Supplier]) -> list[Purchase]:
    """The planted splitting: four direct purchases of notebooks from one supplier within 27 days."""
    if year != PLAN_YEAR:
        return []
    rng = rng_for(year, "split")
    supplier = suppliers[SPLIT_SUPPLIER]
    purchases = []
    for on, unit, count in SPLIT:
        agreed = count * NOTEBOOK_PRICE
        item = f"ซื้อครุภัณฑ์คอมพิวเตอร์โน้ตบุ๊ก จำนวน {count} เครื่อง"
        row = procurement_row(item, "ซื้อ", *EQUIPMENT, STATE_BUDGET, count * 24_000, count * 24_000, DIRECT,
                              supplier, agreed, "เป็นผู้มีอาชีพขายโดยตรง", on, DELIVERED, unit,
                              officers_for(rng, supplier, year, competitive=False))
        purchases.append(Purchase(on, row, [(supplier, agreed)]))
    return purchases


def tender_purchase(rng: random.Random, tender: Tender, suppliers: dict[str, Supplier], year: int) -> Purchase:
    """A tender with its bidders: the winner's bid is the agreed price, the others bid higher."""
    reference = tender.reference or round(tender.budget * rng.uniform(0.93, 0.995), -2)
    bidders = tender_bidders(rng, tender, suppliers)
    winner = bidders[0] if bidders else None
    if winner is None:
        agreed = None
    elif tender.agreed:
        agreed = tender.agreed
    else:
        floor = 0.97 if len(bidders) < 3 else rng.uniform(0.85, 0.96)
        agreed = round(reference * floor, -2)
    bids = bid_prices(rng, bidders, agreed, tender.identical_bids) if winner else []
    competitive = tender.method != DIRECT
    reason = tender.reason
    if reason is None and winner is not None:
        reason = "ราคาต่ำสุด" if competitive else DIRECT_REASONS[tender.kind]
    row = procurement_row(tender.item, tender.kind, tender.category, tender.expense, STATE_BUDGET, tender.budget,
                          reference, tender.method, winner, agreed, reason, tender.on if winner else None,
                          tender.status, tender.unit, officers_for(rng, winner, year, competitive))
    return Purchase(tender.on, row, bids)


def tender_bidders(rng: random.Random, tender: Tender, suppliers: dict[str, Supplier]) -> list[Supplier]:
    """The bidders of a tender, the winner first."""
    if tender.supplier:
        return [suppliers[tender.supplier]]
    pool = [s for s in suppliers.values() if s.trade == tender.trade]
    return rng.sample(pool, tender.bidders)


def bid_prices(rng: random.Random, bidders: list[Supplier], agreed: float,
               identical: bool) -> list[tuple[Supplier, float]]:
    """Each bidder's price, lowest first; with `identical`, the two highest losing bids are the same."""
    prices = [agreed]
    while len(prices) < len(bidders):
        price = round(agreed * (1 + rng.uniform(0.01, 0.12)), -2)
        if price not in prices:
            prices.append(price)
    prices.sort()
    if identical:
        prices[-2] = prices[-1]
    return list(zip(bidders, prices))


def number_purchases(purchases: list[Purchase], year: int) -> list[Purchase]:
    """Order by date and give each an e-GP number (yy + month + running) and a contract number."""
    rng = rng_for(year, "numbers")
    purchases = sorted(purchases, key=lambda p: (p.on, p.row["method"] != DIRECT, p.row["item"]))
    running: dict[int, int] = {}
    orders = contracts = 0
    for purchase in purchases:
        month = purchase.on.month
        running[month] = running.get(month, rng.randint(1_000_000, 1_400_000)) + rng.randint(300, 9_000)
        purchase.row["egp_id"] = f"{str(year)[2:]}{month:02d}{running[month]:07d}"
        if purchase.row["contract_date"] is None:
            continue
        if purchase.row["method"] == DIRECT:
            orders += 1
            purchase.row["contract_no"] = to_thai_digits(f"{orders}/{year}")
        else:
            contracts += 1
            purchase.row["contract_no"] = f"สพป.กจ.๒ {contracts}/{year}"
    return purchases


def make_procurement(year: int, suppliers: dict[str, Supplier]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The year's procurement records and every bid."""
    rng = rng_for(year, "tenders")
    purchases = direct_purchases(year, suppliers) + split_purchases(year, suppliers)
    purchases += [tender_purchase(rng, tender, suppliers, year) for tender in TENDERS[year]]
    purchases = number_purchases(purchases, year)
    procurement = pd.DataFrame([p.row for p in purchases])
    bids = pd.DataFrame([
        {"egp_id": p.row["egp_id"], "bidder": s.name, "bidder_tax_id": s.tax_id, "price": price}
        for p in purchases for s, price in p.bids
    ])
    return procurement, bids


def make_relations(year: int, suppliers: dict[str, Supplier]) -> pd.DataFrame:
    """Declared relations; in FY 2561 two of them match a winning supplier (by tax ID, by name)."""
    rng = rng_for(0, "relations")  # the same declared firms in every year
    others = [
        ("นางสาววิไลวรรณ ทองคำ", "เจ้าหน้าที่พัสดุ", "นายสมชาย ทองคำ", None, None, "บิดา"),
        (HEAD, "หัวหน้าเจ้าหน้าที่พัสดุ", "บริษัท แก้วมณีการเกษตร จำกัด", tax_id(rng, "บริษัท"),
         "45 หมู่ 2 ตำบลท่ามะกา อำเภอท่ามะกา จังหวัดกาญจนบุรี", "คู่สมรสเป็นกรรมการบริษัท"),
        ("นายประเสริฐ ศรีสุข", "เจ้าหน้าที่พัสดุ", "ร้านศรีสุขการช่าง", tax_id(rng, "ร้าน"),
         "12/3 ถนนแสงชูโต ตำบลท่าล้อ อำเภอท่าม่วง จังหวัดกาญจนบุรี", "พี่ชายเป็นเจ้าของร้าน"),
        ("นายสมศักดิ์ ใจดี", "กรรมการตรวจรับพัสดุ", "นางสาวสุดา ใจดี", None, None, "บุตร"),
        ("นายธนพล มีสุข", "กรรมการตรวจรับพัสดุ", "หจก. มีสุขทรานสปอร์ต", tax_id(rng, "หจก."),
         "88 หมู่ 7 ตำบลพนมทวน อำเภอพนมทวน จังหวัดกาญจนบุรี", "มารดาเป็นหุ้นส่วนผู้จัดการ"),
        ("นางอรุณี เพชรรัตน์", "กรรมการตรวจรับพัสดุ", "นายเอกชัย เพชรรัตน์", None, None, "คู่สมรส"),
    ]
    planted = [
        (COI_BY_TAX_ID[0], "กรรมการตรวจรับพัสดุ", COI_BY_TAX_ID[2], suppliers[COI_BY_TAX_ID[1]].tax_id,
         "99/9 หมู่ 4 ตำบลวังขนาย อำเภอท่าม่วง จังหวัดกาญจนบุรี", "น้องชายเป็นหุ้นส่วนผู้จัดการ"),
        (COI_BY_NAME[0], "กรรมการตรวจรับพัสดุ", COI_BY_NAME[1], None,
         "7 หมู่ 1 ตำบลหนองตากยา อำเภอท่าม่วง จังหวัดกาญจนบุรี", "บิดาเป็นเจ้าของร้าน"),
    ]
    rows = others + (planted if year == PLAN_YEAR else [])
    columns = ["officer", "role", "related", "related_tax_id", "related_address", "relation"]
    return pd.DataFrame(rows, columns=columns)


# Complaints: subjects are the office's own units or "สถานศึกษาในสังกัด", never a named school,
# so that no real school is shown as the subject of an invented complaint.
COMPLAINT_TOPICS = {
    "การจัดซื้อจัดจ้าง": (
        ("กลุ่มบริหารการเงินและสินทรัพย์", "ขอให้ตรวจสอบการจัดซื้อวัสดุซึ่งผู้ร้องเห็นว่าราคาสูงกว่าท้องตลาด"),
        ("สถานศึกษาในสังกัด", "ร้องเรียนว่าการจ้างซ่อมแซมอาคารเรียนไม่เป็นไปตามแบบรูปรายการ"),
    ),
    "การบริหารงานบุคคล": (
        ("กลุ่มบริหารงานบุคคล", "ร้องเรียนความไม่เป็นธรรมในการพิจารณาย้ายข้าราชการครู"),
        ("กลุ่มบริหารงานบุคคล", "ขอให้ตรวจสอบการสอบคัดเลือกลูกจ้างชั่วคราว"),
    ),
    "การปฏิบัติหน้าที่โดยมิชอบ": (
        ("สถานศึกษาในสังกัด", "ร้องเรียนว่าผู้บริหารสถานศึกษาใช้รถยนต์ราชการในกิจธุระส่วนตัว"),
        ("กลุ่มอำนวยการ", "ร้องเรียนว่าเจ้าหน้าที่ไม่มาปฏิบัติราชการตามเวลา"),
    ),
    "การเงินและบัญชี": (
        ("สถานศึกษาในสังกัด", "ร้องเรียนการเบิกจ่ายเงินอุดหนุนค่าอาหารกลางวันล่าช้า"),
        ("กลุ่มบริหารการเงินและสินทรัพย์", "ขอให้ตรวจสอบการเบิกจ่ายค่าเช่าบ้านข้าราชการ"),
    ),
    "การให้บริการ": (
        ("กลุ่มอำนวยการ", "ร้องเรียนว่าติดต่อขอรับรองเอกสารแล้วได้รับบริการล่าช้า"),
        ("กลุ่มส่งเสริมการศึกษาทางไกลฯ", "ร้องเรียนว่าเว็บไซต์ของสำนักงานเข้าใช้งานไม่ได้เป็นเวลาหลายวัน"),
    ),
}
DONE_OUTCOMES = (
    "ตรวจสอบข้อเท็จจริงแล้วไม่มีมูล ยุติเรื่อง",
    "แจ้งหน่วยงานแก้ไขปรับปรุงแล้ว",
    "ชี้แจงข้อเท็จจริงให้ผู้ร้องเรียนทราบแล้ว",
    "แต่งตั้งคณะกรรมการสืบสวนข้อเท็จจริงและดำเนินการทางวินัยแล้ว",
)
OPEN_OUTCOMES = ("อยู่ระหว่างแสวงหาข้อเท็จจริง", "อยู่ระหว่างคณะกรรมการสืบสวนข้อเท็จจริง")
COMPLAINTS_PER_MONTH = {2560: (2, 3, 2, 3, 2, 3, 2, 3, 2, 2, 3, 3), 2561: (3, 3, 2, 4, 3, 4, 3, 3, 2, 3, 3, 3)}
IN_PROGRESS = {2560: 6, 2561: 9}  # the most recent complaints, still open on 30 September
FIRST_NAMES = ("สมชาย", "สมหญิง", "วันเพ็ญ", "ประยูร", "บุญเรือน", "สุนทร", "กาญจนา", "ณรงค์", "ปราณี", "อำนาจ",
               "ศิริพร", "ไพโรจน์", "ละเอียด", "ทองใบ", "มานพ", "จิราพร")
MEN = ("สมชาย", "ประยูร", "สุนทร", "ณรงค์", "อำนาจ", "ไพโรจน์", "มานพ")
SURNAMES = ("สุขใจ", "แสงอรุณ", "ทองดี", "ศรีประเสริฐ", "บุญยืน", "พึ่งทอง", "อินทร์แก้ว", "จันทร์หอม", "ชื่นชม",
            "เกิดผล", "รักษ์ไทย", "วงศ์สวัสดิ์")
PLACES = (("วังขนาย", "ท่าม่วง"), ("ท่าล้อ", "ท่าม่วง"), ("หนองตากยา", "ท่าม่วง"), ("ท่ามะกา", "ท่ามะกา"),
          ("ตะคร้ำเอน", "ท่ามะกา"), ("พนมทวน", "พนมทวน"), ("ดอนเจดีย์", "พนมทวน"), ("ห้วยกระเจา", "ห้วยกระเจา"))


def invalid_id_number(rng: random.Random) -> str:
    """A 13-digit ID number whose check digit is wrong on purpose, so it can be no real person's."""
    first12 = f"{rng.choice('13')}71{rng.randint(1, 13):02d}{rng.randint(0, 9999999):07d}"
    return first12 + str((int(check_digit(first12)) + 1) % 10)


def complainant(rng: random.Random) -> dict[str, str]:
    """An invented complainant: name, ID number, phone and address."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    title = "นาย" if first in MEN else rng.choice(("นาง", "นางสาว"))
    tambon, amphoe = rng.choice(PLACES)
    return {
        "complainant_name": f"{title}{first} {last}",
        "complainant_id": invalid_id_number(rng),
        "complainant_phone": f"08{rng.randint(0, 9)}-{rng.randint(100, 999)}-{rng.randint(0, 9999):04d}",
        "complainant_address": f"{rng.randint(1, 199)} หมู่ {rng.randint(1, 12)} ตำบล{tambon} อำเภอ{amphoe} "
                               "จังหวัดกาญจนบุรี",
    }


def make_complaints(year: int, channels: Sequence[str], categories: Sequence[str]) -> pd.DataFrame:
    """The year's complaints, identities filled in; one received in March is finished in April."""
    rng = rng_for(year, "complaints")
    received = []
    for (ce, month), count in zip(fiscal_months(year), COMPLAINTS_PER_MONTH[year]):
        received += sorted(rng.sample(weekdays(ce, month), count))
    end = last_working_day(year)
    rows = []
    for n, day in enumerate(received, start=1):
        category = rng.choice(categories)
        unit, details = rng.choice(COMPLAINT_TOPICS[category])
        done = n <= len(received) - IN_PROGRESS[year]
        finished = min(working_day(day + timedelta(days=rng.randint(7, 60))), end) if done else None
        rows.append({
            "case_id": f"ร.{n:03d}/{year}", "received": day, "channel": rng.choice(channels),
            "category": category, "subject_unit": unit,
            "status": FINISHED_CASE if done else IN_PROGRESS_CASE,
            "finished": finished,
            "outcome": rng.choice(DONE_OUTCOMES if done else OPEN_OUTCOMES),
            "informed": min(working_day(finished + timedelta(days=rng.randint(1, 7))), end) if finished else None,
            **complainant(rng), "details": details,
        })
    april_case(rows, year)
    return pd.DataFrame(rows)


def april_case(rows: list[dict[str, object]], year: int) -> None:
    """Make the last complaint received in March one that is finished in April."""
    ce = year - 543
    march = [row for row in rows if row["received"].month == 3]
    row = march[-1]
    row["finished"] = date(ce, 4, 10)
    row["informed"] = date(ce, 4, 12)


def write_complaints(frame: pd.DataFrame, path: Path) -> None:
    """Complaints as the office keeps them: the public columns and the complainant's identity."""
    # write_csv writes only public columns, so that no code path can put an identity back into a file;
    # the examples need the private columns so that every build reads them and drops them.
    cells = to_cells(frame, d.COMPLAINTS)
    for column in d.COMPLAINT_IDENTITY:
        cells[column.header] = frame[column.name].astype(str)
    with replacing(path) as partial:
        write_cells(cells, partial)


# Indicator targets by the words of the indicator, first match wins: (words, target, unit).
TARGETS = (
    ("ความพึงพอใจ", 80, "ร้อยละ"),
    ("ร้อยละ", 100, "ร้อยละ"),
    ("ทุกคน", 100, "ร้อยละ"),
    ("จำนวนช่องทาง", 5, "ช่องทาง"),
    ("จำนวนเครือข่าย", 10, "เครือข่าย"),
    ("จำนวนส่วนราชการ", 9, "กลุ่ม/หน่วย"),
    ("จำนวนโครงการ", 5, "โครงการ"),
    ("จำนวนข้าราชการ", 85, "คน"),
    ("จำนวนกิจกรรม", 19, "กิจกรรม"),
    ("ระดับความสำเร็จ", 5, "ระดับ"),
    ("เผยแพร่ทาง", 12, "ครั้ง"),
    ("นำเข้าบรรจุ", 12, "ครั้ง"),
    ("คู่มือ", 1, "เล่ม"),
    ("แผน", 1, "แผน"),
    ("เว็บไซต์", 1, "เว็บไซต์"),
    ("", 1, "เรื่อง"),
)
INDICATOR_STATUS_COUNTS = (38, 11, 4)  # done, in progress, not started on 30 September
APRIL_INDICATOR = (16, 1)  # the conflict-of-interest manual, finished with the plan on 24 April 2561


def indicator_target(text: str) -> tuple[int, str]:
    """The target and its unit for an indicator, from its words."""
    return next((target, unit) for words, target, unit in TARGETS if words in text)


def make_indicator_results(year: int) -> pd.DataFrame:
    """A result row for every indicator of the plan, with statuses that agree with their dates."""
    rng = rng_for(year, "indicators")
    indicators = load_plan(Project.at(REPO_DIR), year).indicators
    seqs = indicators.groupby("project_no").cumcount() + 1
    keys = list(zip(indicators["project_no"].astype(int), seqs.astype(int)))
    done, in_progress, _ = INDICATOR_STATUS_COUNTS
    order = [key for key in keys if key != APRIL_INDICATOR]
    rng.shuffle(order)
    status = {key: DONE for key in [APRIL_INDICATOR] + order[:done - 1]}
    status |= {key: WORKING for key in order[done - 1:done - 1 + in_progress]}
    ce = year - 543
    rows = []
    for key, text in zip(keys, indicators["indicator"]):
        target, unit = indicator_target(text)
        state = status.get(key, NOT_STARTED)
        started, finished = indicator_dates(rng, state, ce, key == APRIL_INDICATOR)
        rows.append({"project_no": key[0], "indicator_seq": key[1], "indicator": text, "target": target,
                     "target_unit": unit, **indicator_results(rng, target, state, started, finished, ce),
                     "status": state, "started": started, "finished": finished,
                     "note": f"เลื่อนไปดำเนินการในปีงบประมาณ {year + 1}" if state == NOT_STARTED else None})
    return pd.DataFrame(rows)


def indicator_dates(rng: random.Random, state: str, ce: int, april: bool) -> tuple[date | None, date | None]:
    """When work on an indicator started and finished, as its status requires."""
    if april:
        return date(ce, 2, 1), date(ce, 4, 24)
    if state == NOT_STARTED:
        return None, None
    started = working_day(date(ce - 1, 10, 2) + timedelta(days=rng.randint(0, 200)))
    if state == WORKING:
        return started, None
    return started, min(working_day(started + timedelta(days=rng.randint(20, 240))), last_working_day(ce + 543))


def indicator_results(rng: random.Random, target: int, state: str, started: date | None,
                      finished: date | None, ce: int) -> dict[str, float]:
    """Results at 6 and 12 months: the target when done, part of it while work goes on."""
    half = date(ce, 3, 31)
    if state == NOT_STARTED:
        return {"result_6m": 0, "result_12m": 0}
    final = target if finished else math.floor(target * rng.uniform(0.4, 0.9))
    if finished and target == 80:  # a satisfaction score, rarely exactly on target
        final = round(rng.uniform(82, 93), 2)
    if finished and finished <= half:
        first = final
    elif started <= half:
        first = math.floor(final * rng.uniform(0.2, 0.7))
    else:
        first = 0
    return {"result_6m": first, "result_12m": final}


# Allocations per project: (project, allocated, fund source, payments, first and last fiscal month 1-12).
# Projects 9, 12 and 25 get their plan budget; the others are small allocations the plan shows as 0.
ALLOCATIONS = {
    2561: ((9, None, STATE_BUDGET, 26, 2, 12), (12, None, STATE_BUDGET, 3, 5, 5), (25, None, STATE_BUDGET, 4, 11, 12),
           (22, 35_000, STATE_BUDGET, 3, 3, 3), (27, 20_000, OTHER_FUNDS, 2, 7, 7),
           (33, 60_000, STATE_BUDGET, 3, 12, 12), (36, 18_000, STATE_BUDGET, 2, 4, 9)),
    # FY 2560 has no plan in the repo: these numbers stand for projects of the office's 2560 plan.
    2560: ((9, 1_402_500, STATE_BUDGET, 22, 3, 12), (12, 45_000, STATE_BUDGET, 3, 8, 8),
           (22, 30_000, STATE_BUDGET, 2, 11, 11), (36, 12_000, STATE_BUDGET, 2, 5, 9)),
}
SPENT_SHARE = {9: 0.979, 25: 0.937, 33: 0.95}  # the rest spend every baht
MONTH_WEIGHTS = (1, 1, 2, 3, 3, 4, 4, 5, 6, 8, 10, 14)  # slow start, rush in the fourth quarter
PAYMENT_ITEMS = ("ค่าอาหารและอาหารว่าง", "ค่าตอบแทนวิทยากร", "ค่าพาหนะ เบี้ยเลี้ยง และที่พัก", "ค่าวัสดุ",
                 "ค่าจัดทำเอกสาร")


def make_budget(year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Allocations per project and dated payments against them, never more than allocated."""
    rng = rng_for(year, "budget")
    plan_budget = {}
    if year == PLAN_YEAR:
        projects = load_plan(Project.at(REPO_DIR), year).projects
        plan_budget = dict(zip(projects["project_no"].astype(int), projects["budget"]))
    allocations, payments = [], []
    for project, amount, fund, count, first, last in ALLOCATIONS[year]:
        allocated = amount or int(plan_budget[project])
        allocations.append({"project_no": project, "allocated": allocated, "fund_source": fund})
        spent = math.floor(allocated * SPENT_SHARE.get(project, 1.0))
        payments += project_payments(rng, year, project, spent, count, first, last)
    payments.sort(key=lambda p: (p["paid_on"], p["project_no"]))
    for n, payment in enumerate(payments, start=1):
        payment["voucher"] = f"ขบ {n:04d}/{year}"
    return pd.DataFrame(allocations), pd.DataFrame(payments)[["voucher", "project_no", "paid_on", "amount", "item"]]


def project_payments(rng: random.Random, year: int, project: int, spent: int, count: int, first: int,
                     last: int) -> list[dict[str, object]]:
    """A project's payments, months drawn with the year's weights, amounts summing to what was spent."""
    months = fiscal_months(year)[first - 1:last]
    weights = MONTH_WEIGHTS[first - 1:last]
    shares = [rng.uniform(0.5, 1.5) for _ in range(count)]
    amounts = [math.floor(spent * s / sum(shares)) for s in shares]
    amounts[-1] += spent - sum(amounts)
    days = sorted(rng.choice(weekdays(*rng.choices(months, weights=weights)[0])) for _ in range(count))
    return [{"project_no": project, "paid_on": day, "amount": amount, "item": rng.choice(PAYMENT_ITEMS)}
            for day, amount in zip(days, amounts)]


def examples_yaml(names: list[str]) -> str:
    """The examples.yaml text that marks a year's files as invented."""
    lines = [f"# {NOTE} : invented by scripts/make_example_data.py, not the office's records",
             f"note: {NOTE}", "files:"]
    return "\n".join(lines + [f"  - {name}" for name in names]) + "\n"


def write_year(root: Path, year: int, suppliers: dict[str, Supplier]) -> list[Path]:
    """Write one year's example files and its examples.yaml; return the paths written."""
    folder = root / "data" / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    lists = load_params(Project.at(REPO_DIR), year).lists
    procurement, bids = make_procurement(year, suppliers)
    budget, disbursements = make_budget(year)
    tables: dict[Dataset, pd.DataFrame] = {
        d.BUDGET_ALLOCATIONS: budget, d.DISBURSEMENTS: disbursements, d.PROCUREMENT: procurement, d.BIDS: bids,
        d.RELATIONS: make_relations(year, suppliers),
    }
    if year == PLAN_YEAR:
        tables[d.INDICATOR_RESULTS] = make_indicator_results(year)
    written = []
    for dataset in d.RECORD_DATASETS:
        path = folder / f"{dataset.name}.csv"
        if dataset is d.COMPLAINTS:
            write_complaints(make_complaints(year, lists.complaint_channels, lists.complaint_categories), path)
        elif dataset in tables:
            write_csv(tables[dataset], dataset, path)
        else:
            continue
        written.append(path)
    index = folder / "examples.yaml"
    index.write_text(examples_yaml([path.name for path in written]), encoding="utf-8")
    return written + [index]


def main(root: Path = REPO_DIR) -> list[Path]:
    """Write the example files of every year under root/data/; return the paths written."""
    suppliers = make_suppliers()
    return [path for year in YEARS for path in write_year(root, year, suppliers)]


if __name__ == "__main__":
    for written in main():
        print(written.relative_to(REPO_DIR))
