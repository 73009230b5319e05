"""OCDS: the year's procurement as compiled releases (JSON Lines); ocds_import reads them back.

One compiled release per procurement record (domain.md §5):

- ocid = OCID_PREFIX + e-GP number ("ocds-ita-" is a local prefix, not one registered with the OCP);
  date = the contract date, else the first day of the fiscal year (no clock); id = "<ocid>-<date>";
- buyer, and a party with the role buyer: the office of params (id = office.short_name);
- planning.budget.amount = วงเงิน; planning.budget.description = แหล่งที่มาของงบประมาณ;
- tender: id = e-GP number, title = item, value = ราคากลาง, procurementMethod (PROCUREMENT_METHODS:
  SPECIFIC → limited, SELECTIVE → selective, OPEN_METHODS → open), procurementMethodDetails = the
  Thai method, status (CANCELLED → cancelled, IN_PROGRESS → active, else complete), tenderers and
  numberOfTenderers from BIDS;
- bids.details[] (bids extension): one per BIDS row, id "<e-GP>-bid-<n>", tenderers, value;
- awards[] when a supplier is chosen: id "<e-GP>-award", suppliers, value = agreed price, status
  active (cancelled for CANCELLED); a contract without a supplier yet gets a pending award to refer to;
- contracts[] when there is a contract number or date: id = the contract number ("<e-GP>-contract"
  when there is none), awardID, dateSigned, value, status (IN_PROGRESS → pending, SIGNED → active,
  DELIVERED → terminated, CANCELLED → cancelled);
- parties: each bidder and supplier, id "TH-DBD-<tax ID>" with identifier {scheme TH-DBD, id} when
  the tax ID is known (for a company it is its DBD registration number; verify the scheme against
  org-id.guide), else its name; roles tenderer and/or supplier;
- itaReport (a local extension object): kind, budgetCategory, expenseType, fundSource,
  requestingUnit, officers, status, selectionReason: what OCDS has no place for, so that
  ocds_import.import_ocds gives back the same records.

Amounts are in THB; dates are written as midnight in Bangkok (+07:00). The capitals are the values
of records/vocabulary.py.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from ita_report.config.params import Params, load_params
from ita_report.core.errors import ItaReportError
from ita_report.core.files import write_text_atomically
from ita_report.core.paths import Project
from ita_report.core.thai import fiscal_year_bounds
from ita_report.records.cells import is_empty
from ita_report.records.datasets import BIDS, PROCUREMENT
from ita_report.records.vocabulary import (
    CANCELLED,
    DELIVERED,
    IN_PROGRESS,
    OPEN_METHODS,
    SELECTIVE,
    SIGNED,
    SPECIFIC,
)
from ita_report.records.year import load_year

__all__ = ["OCID_PREFIX", "OcdsError", "compiled_releases", "export_ocds"]

OCID_PREFIX = "ocds-ita-"
CURRENCY = "THB"
SCHEME = "TH-DBD"
EXTENSION = "itaReport"
CONTRACT_SUFFIX = "-contract"

PROCUREMENT_METHODS = {**dict.fromkeys(OPEN_METHODS, "open"), SPECIFIC: "limited", SELECTIVE: "selective"}
_TENDER_STATUS = {CANCELLED: "cancelled", IN_PROGRESS: "active"}
_CONTRACT_STATUS = {IN_PROGRESS: "pending", SIGNED: "active", DELIVERED: "terminated", CANCELLED: "cancelled"}
_EXTENSION_FIELDS = {  # canonical column → its key in itaReport
    "kind": "kind",
    "budget_category": "budgetCategory",
    "expense_type": "expenseType",
    "fund_source": "fundSource",
    "requesting_unit": "requestingUnit",
    "officers": "officers",
    "status": "status",
    "reason": "selectionReason",
}


class OcdsError(ItaReportError):
    """An OCDS file that cannot be read, or a year with nothing to export."""


def export_ocds(project: Project, fiscal_year: int, target: Path) -> int:
    """Write the year's procurement as compiled releases, one JSON object per line; return how many."""
    params = load_params(project, fiscal_year)
    data = load_year(project, params)
    procurement = data.frame(PROCUREMENT.name)
    if procurement is None or procurement.empty:
        folder = project.relative(project.data_dir(fiscal_year))
        raise OcdsError(f"{folder}: no procurement records to export (procurement.csv is missing or empty)")
    bids = data.frame(BIDS.name)
    releases = compiled_releases(procurement, bids, params)
    lines = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n" for r in releases)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(target, lines)
    return len(releases)


def compiled_releases(procurement: pd.DataFrame, bids: pd.DataFrame | None, params: Params) -> list[dict]:
    """One compiled release per procurement record, in the records' order."""
    bids = bids if bids is not None else pd.DataFrame(columns=[c.name for c in BIDS.columns])
    return [
        _release(_values(record), [_values(b) for _, b in bids[bids["egp_id"] == record["egp_id"]].iterrows()], params)
        for _, record in procurement.iterrows()
    ]


def _release(record: dict[str, Any], bids: list[dict[str, Any]], params: Params) -> dict:
    egp_id = record["egp_id"]
    office = params.office
    parties = {office.short_name: {"id": office.short_name, "name": office.name, "roles": ["buyer"],
                                   "address": {"region": office.province, "countryName": "ประเทศไทย"}}}
    start, _ = fiscal_year_bounds(params.fiscal_year)
    ocid, released = OCID_PREFIX + egp_id, _datetime(record["contract_date"] or start)
    release: dict[str, Any] = {
        "ocid": ocid,
        "id": f"{ocid}-{released}",  # a compiled release's id, as the standard asks
        "date": released,
        "tag": ["compiled"],
        "initiationType": "tender",
        "language": "th",
        "buyer": {"id": office.short_name, "name": office.name},
        "planning": {"budget": {"amount": _value(record["budget"]), "description": record["fund_source"]}},
        "tender": {
            "id": egp_id,
            "title": record["item"],
            "items": [{"id": "1", "description": record["item"]}],
            "value": _value(record["reference_price"]),
            "procurementMethod": PROCUREMENT_METHODS[record["method"]],
            "procurementMethodDetails": record["method"],
            "status": _TENDER_STATUS.get(record["status"], "complete"),
        },
        EXTENSION: {key: record[name] for name, key in _EXTENSION_FIELDS.items() if record[name] is not None},
    }
    if bids:
        details, tenderers = [], {}
        for number, bid in enumerate(bids, start=1):
            ref = _party(parties, bid["bidder"], bid["bidder_tax_id"], "tenderer")
            tenderers.setdefault(ref["id"], ref)
            details.append({"id": f"{egp_id}-bid-{number}", "status": "valid", "tenderers": [ref],
                            "value": _value(bid["price"])})
        release["bids"] = {"details": details}
        release["tender"]["tenderers"] = list(tenderers.values())
        release["tender"]["numberOfTenderers"] = len(tenderers)
    award = {"id": f"{egp_id}-award", "status": "cancelled" if record["status"] == CANCELLED else "active"}
    if record["supplier"] is not None:
        award["suppliers"] = [_party(parties, record["supplier"], record["supplier_tax_id"], "supplier",
                                     record.get("supplier_address"))]
        award["value"] = _value(record["agreed_price"])
    has_contract = record["contract_no"] is not None or record["contract_date"] is not None
    if record["supplier"] is None and has_contract:
        award["status"] = "pending"  # a contract needs an awardID, even before a supplier is chosen
    if record["supplier"] is not None or has_contract:
        release["awards"] = [award]
    if has_contract:
        contract = {"id": record["contract_no"] or egp_id + CONTRACT_SUFFIX, "awardID": award["id"],
                    "status": _CONTRACT_STATUS[record["status"]]}
        if record["supplier"] is not None:
            contract["value"] = _value(record["agreed_price"])
        if record["contract_date"] is not None:
            contract["dateSigned"] = _datetime(record["contract_date"])
        release["contracts"] = [contract]
    release["parties"] = [parties[key] for key in sorted(parties)]
    return release


def _party(parties: dict[str, dict], name: str, tax_id: str | None, role: str,
           address: str | None = None) -> dict[str, str]:
    """A reference to the party of this name and tax ID, added to parties with the role."""
    party_id = f"{SCHEME}-{tax_id}" if tax_id else name
    party = parties.setdefault(party_id, {"id": party_id, "name": name, "roles": []})
    if tax_id:
        party["identifier"] = {"scheme": SCHEME, "id": tax_id, "legalName": party["name"]}
    if address:
        party["address"] = {"streetAddress": address}
    if role not in party["roles"]:
        party["roles"] = sorted([*party["roles"], role])
    return {"id": party_id, "name": name}


def _values(row: pd.Series) -> dict[str, Any]:
    """A parsed row as plain values: None for empty, date for dates."""
    values = {}
    for name, value in row.items():
        if is_empty(value):
            values[name] = None
        elif isinstance(value, pd.Timestamp):
            values[name] = value.date()
        else:
            values[name] = value
    return values


def _value(amount: float) -> dict[str, Any]:
    number = float(amount)
    return {"amount": int(number) if number.is_integer() else round(number, 2), "currency": CURRENCY}


def _datetime(day: date) -> str:
    return f"{day.isoformat()}T00:00:00+07:00"
