"""The rules behind the procurement risk flags (domain.md §5), one function each.

Each rule runs over any frame with the PROCUREMENT columns (the office's own records or records
imported from e-GP/OCDS), with bids and declared relations where it needs them, and the
thresholds of params `procurement.flags`. It returns the records it fires on, with their index
and columns, and a Thai `flag_reason`. Cancelled procurements (ยกเลิก) bought nothing and are
left out of every rule. The registry of flags, with their titles, is ita_report.reports.procurement.flags.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd

from ita_report.config.params import Flags
from ita_report.core.thai import ce_year, fiscal_year_of, format_number, thai_date
from ita_report.records.vocabulary import CANCELLED, METHODS, SPECIFIC
from ita_report.reports.common import baht_amount
from ita_report.reports.procurement.parties import address_key, bidder_key, filled, party_key, present, supplier_keys
from ita_report.reports.procurement_monthly.summaries import method_label

__all__ = [
    "COMPETITIVE",
    "DIRECT",
    "REASON",
    "SUPPLIER_ADDRESS",
    "Check",
    "agreed_at_or_above_reference",
    "contract_splitting",
    "identical_bids",
    "low_winning_bid",
    "reference_above_budget",
    "related_supplier",
    "supplier_concentration",
    "threshold_text",
    "too_few_bidders",
    "year_end_direct",
]

REASON = "flag_reason"
DIRECT = SPECIFIC  # เฉพาะเจาะจง: one firm; every other method of the Act calls for competing bids
COMPETITIVE = tuple(method for method in METHODS if method != DIRECT)
SUPPLIER_ADDRESS = "supplier_address"  # optional in PROCUREMENT; matched when a record has it

Check = Callable[..., pd.DataFrame]


# --- helpers -------------------------------------------------------------------------------------


def _live(procurement: pd.DataFrame) -> pd.DataFrame:
    return procurement[procurement["status"] != CANCELLED]


def _dates(frame: pd.DataFrame) -> pd.Series:
    return pd.to_datetime(frame["contract_date"], errors="coerce")


def _percent(share: float) -> str:
    return f"ร้อยละ {format_number(share * 100, 'arabic', 2)}"


def threshold_text(share: float) -> str:
    """A threshold as the params give it: ร้อยละ 20, not 20.00."""
    percent = round(share * 100, 2)
    return f"ร้อยละ {format_number(percent, 'arabic', 0 if float(percent).is_integer() else 2)}"


def _day(value: object) -> str:
    return thai_date(pd.Timestamp(value).date(), "arabic", abbreviated=True)


def _fired(procurement: pd.DataFrame, reasons: dict[object, str]) -> pd.DataFrame:
    """The records of `reasons`, in the frame's order, with their reason."""
    rows = procurement.loc[[i for i in procurement.index if i in reasons]].copy()
    rows[REASON] = [reasons[i] for i in rows.index]
    return rows


def _add_reason(reasons: dict[object, str], index: object, reason: str) -> None:
    reasons[index] = f"{reasons[index]}; {reason}" if index in reasons else reason


def _bids_by_record(bids: pd.DataFrame | None) -> dict[str, dict[str, tuple[str, float]]]:
    """For each e-GP number: bidder key -> (bidder name, lowest price it offered)."""
    by_record: dict[str, dict[str, tuple[str, float]]] = {}
    if bids is None:
        return by_record
    for row in bids.itertuples(index=False):
        if not present(row.egp_id) or pd.isna(row.price):
            continue
        bidders = by_record.setdefault(str(row.egp_id), {})
        key = bidder_key(row.bidder, row.bidder_tax_id)
        price = float(row.price)
        if key not in bidders or price < bidders[key][1]:
            bidders[key] = (str(row.bidder), price)
    return by_record


# --- the flags -----------------------------------------------------------------------------------


def year_end_direct(procurement: pd.DataFrame, limits: Flags, bids=None, relations=None) -> pd.DataFrame:
    """Direct purchases in the last `year_end_days` days of their fiscal year, when those
    together are more than `year_end_share` of the year's direct purchases (baht)."""
    direct = _live(procurement)
    direct = direct[(direct["method"] == DIRECT) & direct["agreed_price"].notna() & _dates(direct).notna()]
    days = _dates(direct)
    years = days.map(lambda day: fiscal_year_of(day.date()))
    left = pd.Series(
        [(date(ce_year(year), 9, 30) - day.date()).days for day, year in zip(days, years)], index=direct.index
    )
    at_end = left < limits.year_end_days
    reasons: dict[object, str] = {}
    for year in sorted(set(years)):
        in_year = years == year
        total = float(direct.loc[in_year, "agreed_price"].sum())
        late = float(direct.loc[in_year & at_end, "agreed_price"].sum())
        if total <= 0 or late / total <= limits.year_end_share:
            continue
        reason = (
            f"จัดซื้อจัดจ้างวิธีเฉพาะเจาะจงในช่วง {limits.year_end_days} วันสุดท้ายของปีงบประมาณ {year} "
            f"รวม {baht_amount(late)} คิดเป็น{_percent(late / total)} ของวิธีเฉพาะเจาะจงทั้งปี "
            f"(เกณฑ์{threshold_text(limits.year_end_share)})"
        )
        for index in direct.index[in_year & at_end]:
            reasons[index] = reason
    return _fired(procurement, reasons)


def contract_splitting(procurement: pd.DataFrame, limits: Flags, bids=None, relations=None) -> pd.DataFrame:
    """Direct purchases of like items (same expense type, same supplier) within
    `splitting_window_days` of each other, each at most `direct_limit`, together over it."""
    direct = _live(procurement)
    direct = direct[
        (direct["method"] == DIRECT)
        & direct["agreed_price"].notna()
        & (direct["agreed_price"] <= limits.direct_limit)
        & filled(direct["supplier"])
        & _dates(direct).notna()
    ]
    reasons: dict[object, str] = {}
    if direct.empty:
        return _fired(procurement, reasons)
    keys = supplier_keys(direct)
    for (_, expense), group in direct.groupby([keys, direct["expense_type"]], sort=False):
        group = group.assign(_day=_dates(group)).sort_values(["_day", "egp_id"], kind="stable")
        days, prices = list(group["_day"]), list(group["agreed_price"].astype(float))
        clusters: list[set[int]] = []
        for start in range(len(group)):
            end = start
            while end + 1 < len(group) and (days[end + 1] - days[start]).days <= limits.splitting_window_days:
                end += 1
            window = set(range(start, end + 1))
            if len(window) < 2 or sum(prices[i] for i in window) <= limits.direct_limit:
                continue
            overlapping = [c for c in clusters if c & window]
            for cluster in overlapping:
                clusters.remove(cluster)
                window |= cluster
            clusters.append(window)
        for cluster in clusters:
            members = sorted(cluster)
            total = sum(prices[i] for i in members)
            supplier = group["supplier"].iloc[members[0]]
            reason = (
                f"ซื้อหรือจ้าง{expense}จาก {supplier} วิธีเฉพาะเจาะจง {len(members)} รายการ "
                f"ระหว่าง {_day(days[members[0]])} ถึง {_day(days[members[-1]])} "
                f"แต่ละรายการไม่เกิน {baht_amount(limits.direct_limit)} แต่รวมกัน {baht_amount(total)} "
                f"(ช่วงห่างไม่เกิน {limits.splitting_window_days} วัน) อาจเป็นการแบ่งซื้อแบ่งจ้าง"
            )
            for i in members:
                reasons[group.index[i]] = reason
    return _fired(procurement, reasons)


def too_few_bidders(procurement: pd.DataFrame, limits: Flags, bids=None, relations=None) -> pd.DataFrame:
    """Procurements by a method that needs competition with fewer than `min_bidders` bidders."""
    if bids is None:
        return _fired(procurement, {})
    offers = _bids_by_record(bids)
    chosen = _live(procurement)
    chosen = chosen[chosen["method"].isin(COMPETITIVE) & filled(chosen["supplier"])]
    reasons = {}
    for index, row in chosen.iterrows():
        count = len(offers.get(str(row["egp_id"]), {}))
        if count < limits.min_bidders:
            reasons[index] = (
                f"{method_label(row['method'])} มีผู้เสนอราคา {count} ราย น้อยกว่า {limits.min_bidders} ราย"
            )
    return _fired(procurement, reasons)


def agreed_at_or_above_reference(procurement: pd.DataFrame, limits: Flags, bids=None, relations=None) -> pd.DataFrame:
    """Agreed price at or above the reference price (a reference price of 0 means none was set)."""
    live = _live(procurement)
    hit = live[live["agreed_price"].notna() & (live["reference_price"] > 0)
               & (live["agreed_price"] >= live["reference_price"])]
    reasons = {
        index: (
            f"ราคาที่ตกลง {baht_amount(row['agreed_price'])} "
            f"{'เท่ากับ' if row['agreed_price'] == row['reference_price'] else 'สูงกว่า'}"
            f"ราคากลาง {baht_amount(row['reference_price'])}"
        )
        for index, row in hit.iterrows()
    }
    return _fired(procurement, reasons)


def reference_above_budget(procurement: pd.DataFrame, limits: Flags, bids=None, relations=None) -> pd.DataFrame:
    """Reference price above the budget allocated (a budget of 0 means none was recorded)."""
    live = _live(procurement)
    hit = live[(live["budget"] > 0) & (live["reference_price"] > live["budget"])]
    reasons = {
        index: f"ราคากลาง {baht_amount(row['reference_price'])} สูงกว่าวงเงินงบประมาณ {baht_amount(row['budget'])}"
        for index, row in hit.iterrows()
    }
    return _fired(procurement, reasons)


def identical_bids(procurement: pd.DataFrame, limits: Flags, bids=None, relations=None) -> pd.DataFrame:
    """Procurements where different bidders offered exactly the same price."""
    offers = _bids_by_record(bids)
    reasons = {}
    for index, row in _live(procurement).iterrows():
        by_price: dict[float, list[str]] = {}
        for name, price in offers.get(str(row["egp_id"]), {}).values():
            by_price.setdefault(round(price, 2), []).append(name)
        same = [(price, sorted(names)) for price, names in sorted(by_price.items()) if len(names) > 1]
        if same:
            reasons[index] = "; ".join(
                f"ผู้เสนอราคา {' และ '.join(names)} เสนอราคาเท่ากัน {baht_amount(price)}" for price, names in same
            )
    return _fired(procurement, reasons)


def supplier_concentration(procurement: pd.DataFrame, limits: Flags, bids=None, relations=None) -> pd.DataFrame:
    """Every record of a supplier that won more than `supplier_share` of the money agreed."""
    won = _live(procurement)
    won = won[filled(won["supplier"]) & won["agreed_price"].notna()]
    total = float(won["agreed_price"].sum())
    if total <= 0:
        return _fired(procurement, {})
    keys = supplier_keys(won)
    reasons = {}
    for key, group in won.groupby(keys, sort=False):
        amount = float(group["agreed_price"].sum())
        if amount / total > limits.supplier_share:
            reason = (
                f"{group['supplier'].iloc[0]} ได้รับการคัดเลือก {len(group)} รายการ รวม {baht_amount(amount)} "
                f"คิดเป็น{_percent(amount / total)} ของราคาที่ตกลงทั้งหมด (เกณฑ์{threshold_text(limits.supplier_share)})"
            )
            for index in group.index:
                reasons[index] = reason
    return _fired(procurement, reasons)


def low_winning_bid(procurement: pd.DataFrame, limits: Flags, bids=None, relations=None) -> pd.DataFrame:
    """A winning bid below `low_bid_ratio` of the next lowest bid."""
    offers = _bids_by_record(bids)
    chosen = _live(procurement)
    chosen = chosen[filled(chosen["supplier"])]
    reasons = {}
    for index, row in chosen.iterrows():
        bidders = offers.get(str(row["egp_id"]), {})
        if len(bidders) < 2:
            continue
        winner = bidder_key(row["supplier"], row["supplier_tax_id"])
        if winner not in bidders:  # a bid under another spelling of the name: compare by name
            winner = next((k for k, (name, _) in bidders.items() if party_key(name) == party_key(row["supplier"])), None)
        if winner is not None:
            price = bidders[winner][1]
            others = [p for k, (_, p) in bidders.items() if k != winner]
        elif pd.notna(row["agreed_price"]):
            price, others = float(row["agreed_price"]), [p for _, p in bidders.values()]
        else:
            continue
        next_lowest = min(others)
        if next_lowest > 0 and price < limits.low_bid_ratio * next_lowest:
            reasons[index] = (
                f"ราคาของผู้ชนะ {baht_amount(price)} คิดเป็น{_percent(price / next_lowest)} ของราคาต่ำสุดถัดไป "
                f"{baht_amount(next_lowest)} (เกณฑ์ต่ำกว่า{threshold_text(limits.low_bid_ratio)})"
            )
    return _fired(procurement, reasons)


def related_supplier(procurement: pd.DataFrame, limits: Flags, bids=None, relations=None) -> pd.DataFrame:
    """A chosen supplier that matches a relation declared by an officer who ran the procurement,
    by name, tax ID or address."""
    if relations is None or relations.empty:
        return _fired(procurement, {})
    declared: dict[str, list] = {}
    for relation in relations.itertuples(index=False):
        declared.setdefault(party_key(relation.officer), []).append(relation)
    chosen = _live(procurement)
    chosen = chosen[filled(chosen["supplier"])]
    reasons: dict[object, str] = {}
    for index, row in chosen.iterrows():
        officers = [name.strip() for name in str(row["officers"] or "").split(";") if name.strip()]
        for officer in officers:
            for relation in declared.get(party_key(officer), []):
                matched = _relation_match(row, relation)
                if matched:
                    _add_reason(
                        reasons, index,
                        f"ผู้ได้รับการคัดเลือกตรงกับ{matched}ของ {relation.related} ซึ่ง {officer} "
                        f"({relation.role}) ผู้ดำเนินการจัดซื้อจัดจ้างรายการนี้แจ้งไว้ว่าเป็นผู้เกี่ยวข้อง",
                    )
    return _fired(procurement, reasons)


def _relation_match(row: pd.Series, relation) -> str:
    """What the supplier shares with a declared relation: ''เลขประจำตัวผู้เสียภาษี'', ''ชื่อ'', ''ที่อยู่'' or ''."""
    if present(row["supplier_tax_id"]) and present(relation.related_tax_id):
        if str(row["supplier_tax_id"]) == str(relation.related_tax_id):
            return "เลขประจำตัวผู้เสียภาษี"
    if party_key(row["supplier"]) and party_key(row["supplier"]) == party_key(relation.related):
        return "ชื่อ"
    address = address_key(row.get(SUPPLIER_ADDRESS))
    if address and address == address_key(relation.related_address):
        return "ที่อยู่"
    return ""
