"""Who is who in procurement records: suppliers, bidders and declared relations compared by name,
tax ID or address, whatever their spacing, company form or personal title."""

from __future__ import annotations

import re

import pandas as pd

from ita_report.core.thai import to_arabic_digits

__all__ = ["address_key", "bidder_key", "filled", "party_key", "present", "supplier_keys"]

# Longest first, so that ห้างหุ้นส่วนจำกัด goes before ห้างหุ้นส่วน and นางสาว before นาง.
_PREFIXES = (
    "ห้างหุ้นส่วนจำกัด", "ห้างหุ้นส่วนสามัญ", "ห้างหุ้นส่วน", "บริษัทจำกัด", "บริษัท", "บจก.", "บมจ.",
    "หจก.", "หสน.", "ร้าน", "นางสาว", "น.ส.", "นาง", "นาย",
)
_SUFFIXES = ("(มหาชน)", "มหาชน", "จำกัด", "co.,ltd.", "co.,ltd", "company limited", "limited", "ltd.", "ltd")
_NOISE = re.compile(r"[\s.,()\-'\"]+")


def party_key(name: object) -> str:
    """A name as compared between records: no spacing, company forms or personal titles.

    "บริษัท สมชายการค้า จำกัด", "หจก. สมชายการค้า" and "สมชายการค้า" give the same key.
    """
    if name is None or (not isinstance(name, str) and pd.isna(name)):
        return ""
    text = "".join(to_arabic_digits(str(name)).split()).casefold()
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if text.startswith(prefix) and len(text) > len(prefix):
                text, changed = text[len(prefix):], True
        for suffix in _SUFFIXES:
            compact = "".join(suffix.split())
            if text.endswith(compact) and len(text) > len(compact):
                text, changed = text[: -len(compact)], True
    return _NOISE.sub("", text)


def address_key(address: object) -> str:
    """An address as compared between records: no spacing or punctuation, Arabic digits."""
    if address is None or (not isinstance(address, str) and pd.isna(address)):
        return ""
    return _NOISE.sub("", to_arabic_digits(str(address)).casefold())


def present(value: object) -> bool:
    """Whether a cell holds a value: not None, NaN or blank text."""
    return value is not None and not (not isinstance(value, str) and pd.isna(value)) and str(value).strip() != ""


def filled(values: pd.Series) -> pd.Series:
    """Which cells of a column hold a value, as booleans even for an empty column."""
    return values.map(present).astype(bool)


def supplier_keys(frame: pd.DataFrame) -> pd.Series:
    """One key per supplier: its tax ID, or its name's key where no record gives a tax ID."""
    names = [party_key(name) for name in frame["supplier"]]
    ids = [str(tax_id) if present(tax_id) else None for tax_id in frame["supplier_tax_id"]]
    id_of_name = {name: tax_id for name, tax_id in zip(names, ids) if tax_id is not None and name}
    return pd.Series(
        [tax_id if tax_id is not None else id_of_name.get(name, "name:" + name) for name, tax_id in zip(names, ids)],
        index=frame.index,
        dtype=object,
    )


def bidder_key(name: object, tax_id: object) -> str:
    """One key per bidder: its tax ID, else its name's key."""
    return str(tax_id) if present(tax_id) else "name:" + party_key(name)
