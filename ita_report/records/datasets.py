"""The office's records per fiscal year: one Dataset per file, with Thai headers for templates."""

from __future__ import annotations

from ita_report.records.columns import Column, Dataset
from ita_report.records.vocabulary import (
    BUDGET_CATEGORIES,
    COMPLAINT_STATUSES,
    EXPENSE_TYPES,
    INDICATOR_STATUSES,
    LIST_SEPARATOR,
    METHODS,
    PROCUREMENT_KINDS,
    PROCUREMENT_STATUSES,
)

PROJECT_NO = Column("project_no", "โครงการที่", "int", description="เลขที่โครงการ/กิจกรรมตามแผน (projects.csv)")

PROJECTS = Dataset(
    "projects",
    "โครงการ/กิจกรรมตามแผน",
    (
        PROJECT_NO,
        Column("policy_code", "รหัสนโยบาย", description="รหัสนโยบายใน plan.yaml เช่น 1.1 หรือ 6"),
        Column("name", "ชื่อโครงการ/กิจกรรม"),
        Column("budget", "งบประมาณ (บาท)", "money", description="งบประมาณตามแผน ขีด - หมายถึง 0"),
        Column("period", "ระยะเวลาดำเนินการ"),
    ),
    key="project_no",
)

INDICATORS = Dataset(
    "indicators",
    "ตัวชี้วัดของโครงการ",
    (
        PROJECT_NO,
        Column("label", "เลขข้อ", "int", required=False, description="เลขข้อที่พิมพ์หน้าตัวชี้วัดในแผน"),
        Column("indicator", "ตัวชี้วัด"),
    ),
)

UNITS = Dataset(
    "responsible_units",
    "หน่วยงานรับผิดชอบโครงการ",
    (PROJECT_NO, Column("unit", "หน่วยงานรับผิดชอบ")),
)

INDICATOR_RESULTS = Dataset(
    "indicator_results",
    "ผลการดำเนินงานตามตัวชี้วัด",
    (
        PROJECT_NO,
        Column("indicator_seq", "ลำดับตัวชี้วัด", "int",
               description="ลำดับของตัวชี้วัดภายในโครงการ ตามลำดับแถวใน indicators.csv เริ่มที่ 1"),
        Column("indicator", "ตัวชี้วัด", required=False, description="ข้อความตัวชี้วัด (เพื่อให้อ่านง่าย)"),
        Column("target", "ค่าเป้าหมาย", "money", description="ค่าเป้าหมายเป็นตัวเลข"),
        Column("target_unit", "หน่วยนับ", description="เช่น ร้อยละ ครั้ง ช่องทาง"),
        Column("result_6m", "ผล ณ 31 มี.ค.", "money", required=False, description="ผลสะสมถึงสิ้นรอบ ๖ เดือน"),
        Column("result_12m", "ผล ณ 30 ก.ย.", "money", required=False, description="ผลสะสมถึงสิ้นปีงบประมาณ"),
        Column("status", "สถานะ", "choice", choices=INDICATOR_STATUSES),
        Column("started", "วันที่เริ่มดำเนินการ", "date", required=False, in_fiscal_year=True),
        Column("finished", "วันที่แล้วเสร็จ", "date", required=False, in_fiscal_year=True),
        Column("evidence", "หลักฐาน (ลิงก์)", required=False),
        Column("note", "หมายเหตุ", required=False),
    ),
)

BUDGET_ALLOCATIONS = Dataset(
    "budget_allocations",
    "งบประมาณที่ได้รับจัดสรรรายโครงการ",
    (
        PROJECT_NO,
        Column("allocated", "งบประมาณที่ได้รับจัดสรร (บาท)", "money"),
        Column("fund_source", "แหล่งที่มาของงบประมาณ", "choice", choices="fund_sources"),
    ),
    key="project_no",
)

DISBURSEMENTS = Dataset(
    "disbursements",
    "การเบิกจ่ายงบประมาณ",
    (
        Column("voucher", "เลขที่ใบเบิก", description="เลขที่เอกสารเบิกจ่าย ไม่ซ้ำกัน"),
        PROJECT_NO,
        Column("paid_on", "วันที่เบิกจ่าย", "date", in_fiscal_year=True),
        Column("amount", "จำนวนเงิน (บาท)", "money"),
        Column("item", "รายการ", required=False),
    ),
    key="voucher",
)

PROCUREMENT = Dataset(
    "procurement",
    "การจัดซื้อจัดจ้าง",
    (
        Column("egp_id", "เลขที่โครงการ e-GP", "egp_id", description="เลขที่โครงการในระบบ e-GP ๑๑ หลัก"),
        Column("item", "งานที่จัดซื้อหรือจัดจ้าง"),
        Column("kind", "ประเภท", "choice", choices=PROCUREMENT_KINDS),
        Column("budget_category", "หมวดงบประมาณ", "choice", choices=BUDGET_CATEGORIES),
        Column("expense_type", "ประเภทรายจ่าย", "choice", choices=EXPENSE_TYPES),
        Column("fund_source", "แหล่งที่มาของงบประมาณ", "choice", choices="fund_sources"),
        Column("budget", "วงเงินงบประมาณ (บาท)", "money"),
        Column("reference_price", "ราคากลาง (บาท)", "money"),
        Column("method", "วิธีจัดซื้อจัดจ้าง", "choice", choices=METHODS),
        Column("supplier", "ผู้ได้รับการคัดเลือก", required=False),
        Column("supplier_tax_id", "เลขประจำตัวผู้เสียภาษีผู้ได้รับการคัดเลือก", "tax_id", required=False),
        Column("supplier_address", "ที่อยู่ผู้ได้รับการคัดเลือก", required=False,
               description="ใช้ตรวจความสัมพันธ์กับเจ้าหน้าที่ตามที่อยู่ที่แจ้งไว้"),
        Column("agreed_price", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)", "money", required=False),
        Column("reason", "เหตุผลที่คัดเลือกโดยสรุป", required=False),
        Column("contract_no", "เลขที่สัญญาหรือข้อตกลง", required=False),
        Column("contract_date", "วันที่สัญญาหรือข้อตกลง", "date", required=False, in_fiscal_year=True),
        Column("status", "สถานะการจัดซื้อจัดจ้าง", "choice", choices=PROCUREMENT_STATUSES),
        Column("requesting_unit", "หน่วยงานที่ขอซื้อหรือขอจ้าง"),
        Column("officers", "เจ้าหน้าที่ผู้ดำเนินการ", description=f"ชื่อเจ้าหน้าที่และกรรมการ คั่นด้วย {LIST_SEPARATOR}"),
    ),
    key="egp_id",
)

BIDS = Dataset(
    "bids",
    "ผู้เสนอราคาและราคาที่เสนอ",
    (
        Column("egp_id", "เลขที่โครงการ e-GP", "egp_id"),
        Column("bidder", "ผู้เสนอราคา"),
        Column("bidder_tax_id", "เลขประจำตัวผู้เสียภาษี", "tax_id", required=False),
        Column("price", "ราคาที่เสนอ (บาท)", "money"),
    ),
)

COMPLAINT_IDENTITY = (
    Column("complainant_name", "ชื่อผู้ร้องเรียน", required=False, private=True,
           aliases=("ชื่อ-สกุลผู้ร้องเรียน", "ผู้ร้องเรียน", "ชื่อ")),
    Column("complainant_id", "เลขประจำตัวประชาชน", required=False, private=True,
           aliases=("เลขบัตรประชาชน",)),
    Column("complainant_phone", "โทรศัพท์", required=False, private=True,
           aliases=("เบอร์โทรศัพท์", "หมายเลขโทรศัพท์")),
    Column("complainant_address", "ที่อยู่", required=False, private=True, aliases=("ที่อยู่ผู้ร้องเรียน",)),
    Column("details", "รายละเอียด", required=False, private=True, aliases=("รายละเอียดเรื่องร้องเรียน",)),
)

COMPLAINTS = Dataset(
    "complaints",
    "เรื่องร้องเรียน",
    (
        Column("case_id", "เลขที่เรื่อง"),
        Column("received", "วันที่รับเรื่อง", "date", in_fiscal_year=True),
        Column("channel", "ช่องทาง", "choice", choices="complaint_channels"),
        Column("category", "ประเภทเรื่อง", "choice", choices="complaint_categories"),
        Column("subject_unit", "หน่วยงานที่ถูกร้องเรียน"),
        Column("status", "สถานะ", "choice", choices=COMPLAINT_STATUSES),
        Column("finished", "วันที่ดำเนินการแล้วเสร็จ", "date", required=False),
        Column("outcome", "ผลการดำเนินการ", required=False),
        Column("informed", "วันที่แจ้งผลผู้ร้องเรียน", "date", required=False),
        *COMPLAINT_IDENTITY,
    ),
    key="case_id",
)

RELATIONS = Dataset(
    "relations",
    "ความสัมพันธ์ที่เจ้าหน้าที่แจ้งไว้",
    (
        Column("officer", "เจ้าหน้าที่"),
        Column("role", "ตำแหน่ง/บทบาท"),
        Column("related", "บุคคลหรือนิติบุคคลที่เกี่ยวข้อง"),
        Column("related_tax_id", "เลขประจำตัวผู้เสียภาษี", "tax_id", required=False),
        Column("related_address", "ที่อยู่", required=False),
        Column("relation", "ความสัมพันธ์", required=False),
    ),
)

PLAN_DATASETS = (PROJECTS, INDICATORS, UNITS)
RECORD_DATASETS = (INDICATOR_RESULTS, BUDGET_ALLOCATIONS, DISBURSEMENTS, PROCUREMENT, BIDS, COMPLAINTS, RELATIONS)
