"""The rules a record must keep beyond its own cells, each written once.

Loading a year checks every dataset by YEAR_RULES, a whole frame at a time. The procurement rules
are data (PROCUREMENT_RULES), so that the importers check a record they are about to add by the very
same rules, one record at a time (`record_problems`), with the same messages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from ita_report.core.errors import Problem
from ita_report.records.checking import Reading, rule_problems
from ita_report.records.columns import Dataset
from ita_report.records.datasets import (
    BIDS,
    BUDGET_ALLOCATIONS,
    COMPLAINTS,
    DISBURSEMENTS,
    INDICATOR_RESULTS,
    PROCUREMENT,
    PROJECT_NO,
)
from ita_report.records.reading import dataset_entries
from ita_report.records.vocabulary import CONTRACTED, FINISHED, NOT_STARTED

__all__ = ["CONTRACT", "PROCUREMENT_RULES", "YEAR_RULES", "Needed", "record_problems"]

Rule = Callable[[pd.DataFrame, str, Reading], list[Problem]]

CONTRACT = "a contract"  # Needed.because: the record's status is one of CONTRACTED


@dataclass(frozen=True)
class Needed:
    """A procurement record must fill `column` when `because` has a value (CONTRACT: when it has a contract)."""

    column: str
    because: str
    expected: str

    def rows(self, frame: pd.DataFrame) -> pd.Series:
        """The rows of a frame that break the rule."""
        cause = frame["status"].isin(CONTRACTED) if self.because == CONTRACT else frame[self.because].notna()
        return cause & frame[self.column].isna()

    def broken_by(self, record: Mapping[str, object]) -> bool:
        """Whether one record (canonical names, None for empty) breaks the rule."""
        cause = record["status"] in CONTRACTED if self.because == CONTRACT else pd.notna(record[self.because])
        return bool(cause) and pd.isna(record[self.column])


PROCUREMENT_RULES = (
    Needed("supplier", "agreed_price", "the chosen supplier, since an agreed price is given"),
    Needed("agreed_price", "supplier", "the agreed price, since a supplier is chosen"),
    Needed("supplier", CONTRACT, "the chosen supplier of a signed contract"),
    Needed("supplier", "contract_date", "the chosen supplier, since a contract date is given"),
    Needed("contract_date", CONTRACT, "the date of the signed contract"),
)


def record_problems(record: Mapping[str, object]) -> list[tuple[str, str]]:
    """The procurement rules one record breaks: (canonical column at fault, what was expected).

    A column is named once, by the first rule it breaks: an importer points at the source's field.
    """
    problems: dict[str, str] = {}
    for rule in PROCUREMENT_RULES:
        if rule.column not in problems and rule.broken_by(record):
            problems[rule.column] = rule.expected
    return list(problems.items())


# --- the rules of a year's datasets, a frame at a time ------------------------------------------


def _procurement_rules(frame: pd.DataFrame, shown: str, reading: Reading) -> list[Problem]:
    return rule_problems(frame, shown, [
        (rule.rows(frame), PROCUREMENT.column(rule.column), rule.expected) for rule in PROCUREMENT_RULES
    ])


def _bid_rules(frame: pd.DataFrame, shown: str, reading: Reading) -> list[Problem]:
    procurement = reading.loaded.get(PROCUREMENT.name)
    if procurement is None and dataset_entries(reading.folder, PROCUREMENT.name):
        return []  # the procurement file has problems of its own; matching bids to it says nothing
    known = set() if procurement is None else set(procurement.frame["egp_id"].dropna())
    return rule_problems(frame, shown, [
        (frame["egp_id"].notna() & ~frame["egp_id"].isin(known), BIDS.column("egp_id"),
         "the e-GP number of a record in procurement"),
    ])


def _complaint_rules(frame: pd.DataFrame, shown: str, reading: Reading) -> list[Problem]:
    c = COMPLAINTS.column
    done = frame["status"] == FINISHED
    known = frame["status"].notna()
    return rule_problems(frame, shown, [
        (frame["finished"] < frame["received"], c("finished"), "a date on or after the date received"),
        (frame["informed"] < frame["received"], c("informed"), "a date on or after the date received"),
        (done & frame["finished"].isna(), c("finished"), f"the date finished, since the status is {FINISHED}"),
        (known & ~done & frame["finished"].notna(), c("status"), f"{FINISHED}, since a date finished is given"),
    ])


def _indicator_rules(frame: pd.DataFrame, shown: str, reading: Reading) -> list[Problem]:
    r = INDICATOR_RESULTS.column
    status = frame["status"]
    known = status.notna()  # a status outside the list is reported by itself, not through its dates
    checks = [
        (frame["finished"] < frame["started"], r("finished"), "a date on or after the date started"),
        ((status == FINISHED) & frame["finished"].isna(), r("finished"),
         f"the date finished, since the status is {FINISHED}"),
        (known & (status != NOT_STARTED) & frame["started"].isna(), r("started"),
         f"the date started, since the status is not {NOT_STARTED}"),
        (known & (status != FINISHED) & frame["finished"].notna(), r("status"),
         f"{FINISHED}, since a date finished is given"),
    ]
    repeated = frame.duplicated(["project_no", "indicator_seq"]) & frame["indicator_seq"].notna()
    checks.append((repeated, r("indicator_seq"), "one row per indicator of a project (this one is listed before)"))
    plan = reading.plan
    if plan is not None:
        keys = set(zip(plan.indicators["project_no"], plan.indicators.groupby("project_no").cumcount() + 1))
        unknown = [
            pd.notna(seq) and (no, seq) not in keys and no in set(plan.projects["project_no"])
            for no, seq in zip(frame["project_no"], frame["indicator_seq"])
        ]
        checks.append((pd.Series(unknown, index=frame.index), r("indicator_seq"),
                       "the position of one of the project's indicators in indicators.csv"))
    return rule_problems(frame, shown, checks)


def _in_plan_rule(frame: pd.DataFrame, shown: str, reading: Reading) -> list[Problem]:
    plan = reading.plan
    if plan is None:  # a year kept only for comparisons has records but no plan to check against
        return []
    return rule_problems(frame, shown, [
        (frame["project_no"].notna() & ~frame["project_no"].isin(set(plan.projects["project_no"])),
         PROJECT_NO, "a project number of projects.csv"),
    ])


YEAR_RULES: tuple[tuple[Dataset, Rule], ...] = (  # in order: a cell with a problem gets no later rule's
    (PROCUREMENT, _procurement_rules),
    (BIDS, _bid_rules),
    (COMPLAINTS, _complaint_rules),
    (INDICATOR_RESULTS, _indicator_rules),
    (INDICATOR_RESULTS, _in_plan_rule),
    (BUDGET_ALLOCATIONS, _in_plan_rule),
    (DISBURSEMENTS, _in_plan_rule),
)
