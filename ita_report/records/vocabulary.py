"""The closed values of the office's records, each written once: statuses, kinds, methods, categories."""

from __future__ import annotations

# the state of a project's indicator, a complaint or a procurement
NOT_STARTED = "ยังไม่ดำเนินการ"
IN_PROGRESS = "อยู่ระหว่างดำเนินการ"
FINISHED = "ดำเนินการแล้วเสร็จ"
INDICATOR_STATUSES = (NOT_STARTED, IN_PROGRESS, FINISHED)
COMPLAINT_STATUSES = (IN_PROGRESS, FINISHED)

SIGNED = "ลงนามสัญญาแล้ว"
DELIVERED = "ส่งมอบและตรวจรับแล้ว"
CANCELLED = "ยกเลิก"
PROCUREMENT_STATUSES = (IN_PROGRESS, SIGNED, DELIVERED, CANCELLED)
CONTRACTED = (SIGNED, DELIVERED)  # statuses of a procurement with a contract or agreement

BUY, HIRE, RENT = "ซื้อ", "จ้าง", "เช่า"
PROCUREMENT_KINDS = (BUY, HIRE, RENT)

# methods of the Public Procurement Act B.E. 2560 (domain.md §4)
E_BIDDING, E_MARKET, PRICE_INQUIRY = "e-bidding", "e-market", "สอบราคา"
SELECTIVE, SPECIFIC = "คัดเลือก", "เฉพาะเจาะจง"
OPEN_METHODS = (E_BIDDING, E_MARKET, PRICE_INQUIRY)  # open to every bidder (ประกาศเชิญชวนทั่วไป)
METHODS = (*OPEN_METHODS, SELECTIVE, SPECIFIC)

OPERATING, INVESTMENT = "งบดำเนินงาน", "งบลงทุน"
BUDGET_CATEGORIES = (OPERATING, INVESTMENT, "งบอุดหนุน", "งบรายจ่ายอื่น")
OTHER_EXPENSE = "อื่น ๆ"  # the list's own "other"
EXPENSE_TYPES = (
    "ค่าตอบแทน",
    "ค่าใช้สอย",
    "ค่าวัสดุ",
    "ค่าสาธารณูปโภค",
    "ค่าครุภัณฑ์",
    "ค่าที่ดินและสิ่งก่อสร้าง",
    OTHER_EXPENSE,
)
STATE_BUDGET = "งบประมาณแผ่นดิน"  # the fund source of money from the state budget

LIST_SEPARATOR = ";"  # several names in one cell (officers who ran a procurement)
