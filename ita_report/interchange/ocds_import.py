"""Reading OCDS data back into the year's procurement records (the reverse of ocds_export.export_ocds).

import_ocds reads a release package, a record package (compiledRelease, else its embedded
releases merged), a single release, a JSON array of releases, or JSON Lines of any of these.
Releases sharing an ocid are merged in order of their `date` text, later over earlier: objects key
by key, arrays of objects with an `id` by id, other arrays replaced whole, null removes a field.
A release without itaReport (another publisher's) is read from the standard fields alone: kind
from tender.mainProcurementCategory (goods → BUY, works and services → HIRE), the method from
tender.procurementMethod when the details name none (limited, selective; "open" is ambiguous), the
fund source from planning.budget.description when it is one of params, the status from the tender
and contract statuses, tax IDs from party identifiers whose scheme begins with TH; what is still
missing gets the stated values of importing.filled_defaults, named in ImportResult.filled_in.
(BUY and HIRE are values of records/vocabulary.py.) A release is checked by the procurement rules a
year is loaded by (records.rules).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from ita_report.config.params import Params, load_params
from ita_report.core.paths import Project
from ita_report.interchange.egp import map_method
from ita_report.interchange.importing import (
    Candidate,
    ImportResult,
    Rejection,
    SourceRow,
    add_candidates,
    fill,
    filled_defaults,
    listing,
    refuse_excel,
)
from ita_report.interchange.ocds_export import (
    CONTRACT_SUFFIX,
    CURRENCY,
    EXTENSION,
    OCID_PREFIX,
    PROCUREMENT_METHODS,
    OcdsError,
)
from ita_report.records import cells
from ita_report.records.datasets import BIDS, PROCUREMENT
from ita_report.records.reading import decode
from ita_report.records.vocabulary import (
    BUDGET_CATEGORIES,
    BUY,
    CANCELLED,
    DELIVERED,
    EXPENSE_TYPES,
    HIRE,
    IN_PROGRESS,
    METHODS,
    PROCUREMENT_KINDS,
    PROCUREMENT_STATUSES,
    SIGNED,
)

__all__ = ["import_ocds", "read_releases"]

BANGKOK = timezone(timedelta(hours=7))
# tender.procurementMethod → our method, where it names one: "open" needs its details
_FROM_METHOD = {ocds: method for method, ocds in PROCUREMENT_METHODS.items() if ocds != "open"}
_KINDS = {"goods": BUY, "works": HIRE, "services": HIRE}  # another publisher's category


def import_ocds(project: Project, fiscal_year: int, source: Path) -> ImportResult:
    """Add the records of OCDS data to data/<year>/procurement.csv and bids.csv."""
    params = load_params(project, fiscal_year)
    refuse_excel(project, fiscal_year, (PROCUREMENT, BIDS))
    releases, rejected = read_releases(source)
    defaults = filled_defaults(params, "OCDS")
    candidates = []
    for position, (where, release) in enumerate(releases, start=1):
        fields = _Fields(release, where, position)
        candidate = _candidate(fields, params, defaults)
        if candidate is None:
            rejected += fields.rejections
        else:
            candidates.append(candidate)
    return add_candidates(project, params, source.name, candidates, rejected)


def read_releases(source: Path) -> tuple[list[tuple[str, dict]], list[Rejection]]:
    """Compiled releases of an OCDS file, each with where it came from; records that give none."""
    shown = source.name
    try:
        text = decode(source.read_bytes(), shown)
    except FileNotFoundError:
        raise OcdsError(f"{shown}: no such file") from None
    except UnicodeDecodeError:
        raise OcdsError(f"{shown}: not UTF-8 text, as JSON must be") from None
    units: list[tuple[str, dict]] = []
    rejected: list[Rejection] = []
    try:
        _units(json.loads(text), shown, units, rejected)
    except json.JSONDecodeError:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise OcdsError(
                    f"{shown}, line {number}: not JSON ({exc.msg}); expected a release package, "
                    "a record package, or one release per line (JSON Lines)"
                ) from None
            _units(value, f"{shown}, line {number}", units, rejected)
    return _compiled(units, rejected), rejected


def _units(value: Any, where: str, units: list[tuple[str, dict]], rejected: list[Rejection]) -> None:
    """The releases in a package, record package, release or list, each with where it is."""
    if isinstance(value, list):
        for number, item in enumerate(value, start=1):
            _units(item, f"{where}, item {number}", units, rejected)
    elif isinstance(value, dict) and isinstance(value.get("records"), list):
        for number, record in enumerate(value["records"], start=1):
            _record_units(record, f"{where}, record {number}", units, rejected)
    elif isinstance(value, dict) and isinstance(value.get("releases"), list) and "ocid" not in value:
        for number, release in enumerate(value["releases"], start=1):
            _units(release, f"{where}, release {number}", units, rejected)
    elif isinstance(value, dict) and "ocid" in value:
        units.append((where, value))
    else:
        raise OcdsError(f"{where}: expected a release package, a record package or a release (an object with 'ocid')")


def _record_units(record: Any, where: str, units: list[tuple[str, dict]], rejected: list[Rejection]) -> None:
    if isinstance(record, dict) and isinstance(record.get("compiledRelease"), dict):
        units.append((where, record["compiledRelease"]))
        return
    releases = record.get("releases") if isinstance(record, dict) else None
    if isinstance(releases, list) and releases and all(isinstance(r, dict) and "ocid" in r for r in releases):
        units += [(where, release) for release in releases]
        return
    ocid = record.get("ocid") if isinstance(record, dict) else None
    rejected.append(Rejection(f"{where} ({ocid})", "field 'compiledRelease'", None,
                              "a compiled release, or the record's releases in full; the record has neither"))


def _compiled(units: list[tuple[str, dict]], rejected: list[Rejection]) -> list[tuple[str, dict]]:
    """One release per ocid: the release itself, or the merge of those sharing it."""
    groups: dict[str, list[tuple[str, dict]]] = {}
    for where, release in units:
        ocid = release.get("ocid")
        if not isinstance(ocid, str) or not ocid:
            rejected.append(Rejection(where, "field 'ocid'", ocid, "the ocid of the contracting process"))
            continue
        groups.setdefault(ocid, []).append((where, release))
    compiled = []
    for group in groups.values():
        where = group[0][0]
        if len(group) == 1:
            compiled.append((where, group[0][1]))
            continue
        merged: dict = {}
        for _, release in sorted(group, key=lambda unit: str(unit[1].get("date") or "")):
            _merge(merged, release)
        compiled.append((f"{where} and {len(group) - 1} more merged", merged))
    return compiled


def _merge(base: dict, update: Mapping) -> None:
    for key, value in update.items():
        old = base.get(key)
        if value is None:
            base.pop(key, None)
        elif isinstance(value, dict) and isinstance(old, dict):
            _merge(old, value)
        elif _identified(value) and _identified(old):
            by_id = {item["id"]: item for item in old}
            for item in value:
                if item["id"] in by_id:
                    _merge(by_id[item["id"]], item)
                else:
                    old.append(copy.deepcopy(item))
                    by_id[item["id"]] = old[-1]
        else:
            base[key] = copy.deepcopy(value)


def _identified(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) and "id" in item for item in value)


class _Fields(SourceRow):
    """One compiled release being read; every defect found is kept as a Rejection."""

    def __init__(self, release: dict, where: str, position: int):
        super().__init__(f"{where} ({release.get('ocid')})", position)
        self.release = release

    def get(self, path: str) -> Any:
        value: Any = self.release
        for part in path.split("."):
            if isinstance(value, list) and part.isdigit() and int(part) < len(value):
                value = value[int(part)]
            elif isinstance(value, dict):
                value = value.get(part)
            else:
                return None
        return None if value == "" else value

    def source_value(self, name: str) -> Any:
        return self.get(name)

    def text(self, *paths: str) -> str | None:
        for path in paths:
            value = self.get(path)
            if value is not None:
                if isinstance(value, str):
                    return value
                self.reject(path, value, "text")
                return None
        return None

    def amount(self, path: str, required: str | None = None) -> float | None:
        value = self.get(path)
        if value is None:
            if required:
                self.reject(path, None, f"{required} in {CURRENCY}; the field is missing")
            return None
        amount, currency = value.get("amount") if isinstance(value, dict) else None, self.get(f"{path}.currency")
        if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount < 0:
            self.reject(f"{path}.amount", amount, "an amount of 0 or more (a JSON number)")
            return None
        if currency != CURRENCY:
            self.reject(f"{path}.currency", currency, f"{CURRENCY}: the records are in baht")
            return None
        return float(amount)

    def day(self, path: str, fiscal_year: int) -> date | None:
        value = self.get(path)
        if value is None:
            return None
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            self.reject(path, value, "an ISO date-time such as 2018-02-15T00:00:00+07:00")
            return None
        day = (moment.astimezone(BANGKOK) if moment.tzinfo else moment).date()
        self.check_in_year(path, value, day, fiscal_year)
        return day

    def choice(self, path: str, allowed: tuple[str, ...]) -> str | None:
        value = self.get(path)
        if value is not None and value not in allowed:
            self.reject(path, value, "one of: " + ", ".join(allowed))
            return None
        return value

    def address(self, reference: Mapping) -> str | None:
        """The street address of a referenced party, when the release gives one."""
        parties = [p for p in self.get("parties") or [] if isinstance(p, dict)]
        party = next((p for p in parties if p.get("id") == reference.get("id")), {})
        street = (party.get("address") or {}).get("streetAddress")
        return str(street) if street else None

    def tax_id(self, reference: Mapping) -> str | None:
        """The 13-digit tax ID of a referenced party, from its identifier (scheme TH-…)."""
        parties = [p for p in self.get("parties") or [] if isinstance(p, dict)]
        party = next((p for p in parties if p.get("id") == reference.get("id")), {})
        identifier = party.get("identifier") or {}
        if str(identifier.get("scheme", "")).startswith("TH"):
            return cells.tax_id(str(identifier.get("id", "")))
        return None


def _candidate(fields: _Fields, params: Params, defaults: Mapping[str, str]) -> Candidate | None:
    year = params.fiscal_year
    ocid = str(fields.get("ocid"))
    number = ocid.removeprefix(OCID_PREFIX) if ocid.startswith(OCID_PREFIX) else str(fields.get("tender.id"))
    egp_id = cells.egp_id(number)
    if egp_id is None:
        fields.reject("ocid", ocid, f"{OCID_PREFIX} and an e-GP project number of {cells.EGP_ID_DIGITS} digits, "
                      "or that number in tender.id")
        egp_id = number
    ext = f"{EXTENSION}."
    record: dict[str, Any] = {
        "egp_id": egp_id,
        "item": fields.text("tender.title", "tender.items.0.description", "tender.description"),
        "kind": (fields.choice(ext + "kind", PROCUREMENT_KINDS)
                 or _KINDS.get(fields.get("tender.mainProcurementCategory"))),
        "budget_category": fields.choice(ext + "budgetCategory", BUDGET_CATEGORIES),
        "expense_type": fields.choice(ext + "expenseType", EXPENSE_TYPES),
        "fund_source": fields.choice(ext + "fundSource", tuple(params.lists.fund_sources)),
        "budget": fields.amount("planning.budget.amount", required="the budget (วงเงิน)"),
        "reference_price": fields.amount("tender.value", required="the reference price (ราคากลาง)"),
        "method": _method(fields),
        "reason": fields.text(ext + "selectionReason"),
        "status": fields.choice(ext + "status", PROCUREMENT_STATUSES),
        "requesting_unit": fields.text(ext + "requestingUnit"),
        "officers": fields.text(ext + "officers"),
    }
    if record["item"] is None:
        fields.reject("tender.title", None, "the name of the procurement; the field is missing")
    if record["kind"] is None and fields.get(ext + "kind") is None:
        fields.reject("tender.mainProcurementCategory", fields.get("tender.mainProcurementCategory"),
                      f"goods, works or services, or {ext}kind")
    record.update(_award(fields))
    record.update(_contract(fields, egp_id, year))
    filled: set[str] = set()
    if record["status"] is None:
        record["status"] = _status(fields, record)
        filled.add("status")
    if record["fund_source"] is None and fields.get("planning.budget.description") in params.lists.fund_sources:
        record["fund_source"] = fields.get("planning.budget.description")
    fill(record, defaults, filled)
    fields.check_rules(record, {"supplier": "awards.0.suppliers", "agreed_price": "awards.0.value",
                                "contract_date": "contracts.0.dateSigned"})
    bids = _bids(fields, egp_id)
    if fields.rejections:
        return None
    ordered = {c.name: record[c.name] for c in PROCUREMENT.columns}
    return Candidate(fields.where, "field 'ocid'", ordered, tuple(bids), frozenset(filled), fields.position)


def _method(fields: _Fields) -> str | None:
    details = fields.get("tender.procurementMethodDetails")
    method = map_method(details) if isinstance(details, str) else None
    if method is None:
        method = _FROM_METHOD.get(fields.get("tender.procurementMethod"))
    if method is None:
        fields.reject("tender.procurementMethodDetails", details,
                      f"{listing(METHODS)} (or tender.procurementMethod {listing(_FROM_METHOD)})")
    return method


def _award(fields: _Fields) -> dict[str, Any]:
    awards = [a for a in fields.get("awards") or [] if isinstance(a, dict)]
    if len(awards) > 1:
        awards = [a for a in awards if a.get("status") in ("active", "pending", None)]
    empty = {"supplier": None, "supplier_tax_id": None, "supplier_address": None, "agreed_price": None}
    if not awards:
        return empty
    if len(awards) > 1:
        fields.reject("awards", len(awards), "one award per e-GP project")
        return empty
    suppliers = [s for s in awards[0].get("suppliers") or [] if isinstance(s, dict)]
    if len(suppliers) > 1:
        fields.reject("awards.0.suppliers", len(suppliers), "one supplier per award")
        return empty
    index = fields.get("awards").index(awards[0])
    return {
        "supplier": suppliers[0].get("name") if suppliers else None,
        "supplier_tax_id": fields.tax_id(suppliers[0]) if suppliers else None,
        "supplier_address": fields.address(suppliers[0]) if suppliers else None,
        "agreed_price": fields.amount(f"awards.{index}.value"),
    }


def _contract(fields: _Fields, egp_id: str, fiscal_year: int) -> dict[str, Any]:
    contracts = [c for c in fields.get("contracts") or [] if isinstance(c, dict)]
    if len(contracts) > 1:
        fields.reject("contracts", len(contracts), "one contract per e-GP project")
    if len(contracts) != 1:
        return {"contract_no": None, "contract_date": None}
    number = contracts[0].get("id")
    number = None if number in (None, "", egp_id + CONTRACT_SUFFIX) else str(number)
    return {"contract_no": number, "contract_date": fields.day("contracts.0.dateSigned", fiscal_year)}


def _status(fields: _Fields, record: Mapping[str, Any]) -> str:
    """The status another publisher's release implies, most advanced first."""
    if fields.get("tender.status") == "cancelled" or fields.get("contracts.0.status") == "cancelled":
        return CANCELLED
    if fields.get("contracts.0.status") == "terminated":
        return DELIVERED
    if record["contract_date"] is not None:
        return SIGNED
    return IN_PROGRESS


def _bids(fields: _Fields, egp_id: str) -> list[dict[str, Any]]:
    bids = []
    for number, detail in enumerate(fields.get("bids.details") or []):
        path = f"bids.details.{number}"
        tenderers = [t for t in (detail.get("tenderers") if isinstance(detail, dict) else None) or []
                     if isinstance(t, dict)]
        if len(tenderers) != 1 or not tenderers[0].get("name"):
            fields.reject(f"{path}.tenderers", len(tenderers), "one named tenderer per bid")
            continue
        price = fields.amount(f"{path}.value", required="the price of the bid")
        bids.append({"egp_id": egp_id, "bidder": tenderers[0]["name"],
                     "bidder_tax_id": fields.tax_id(tenderers[0]), "price": price})
    return bids
