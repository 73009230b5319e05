"""A fiscal year's inputs as one checked whole: the plan and every record dataset."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import datasets as d
from .columns import Context
from .errors import Problem
from .params import Params
from .paths import Project
from .plan import Plan, read_plan
from .readers import dataset_file
from .records import Reading, example_files, rule_problems


@dataclass(frozen=True)
class YearData:
    """Everything a year's reports read, already checked."""

    fiscal_year: int
    plan: Plan | None
    frames: dict[str, pd.DataFrame]
    examples: frozenset[str]  # datasets holding invented example records

    def frame(self, name: str) -> pd.DataFrame | None:
        return self.frames.get(name)

    def is_example(self, *names: str) -> bool:
        return any(name in self.examples for name in names)


def load_year(project: Project, params: Params) -> YearData:
    """Read, parse and cross-check every input of the year; DataError lists every problem."""
    reading = Reading(project, params.fiscal_year, Context(params.fiscal_year, params.lists.as_mapping()))
    plan = read_plan(reading)
    for dataset in d.RECORD_DATASETS:
        reading.read(dataset)
    reading.check(d.PROCUREMENT, _procurement_rules)
    reading.check(d.BIDS, _bid_rules)
    reading.check(d.COMPLAINTS, _complaint_rules)
    reading.check(d.INDICATOR_RESULTS, _indicator_rules)
    for dataset in (d.INDICATOR_RESULTS, d.BUDGET, d.DISBURSEMENTS):
        reading.check(dataset, _in_plan_rule)
    reading.raise_problems()
    return YearData(
        params.fiscal_year,
        plan,
        {name: loaded.frame for name, loaded in reading.loaded.items()},
        example_files(project, params.fiscal_year),
    )


def _procurement_rules(frame: pd.DataFrame, shown: str, reading: Reading) -> list[Problem]:
    p = d.PROCUREMENT.column
    signed = frame["status"].isin(["ลงนามสัญญาแล้ว", "ส่งมอบและตรวจรับแล้ว"])
    return rule_problems(frame, shown, [
        (frame["agreed_price"].notna() & frame["supplier"].isna(), p("supplier"),
         "the chosen supplier, since an agreed price is given"),
        (frame["supplier"].notna() & frame["agreed_price"].isna(), p("agreed_price"),
         "the agreed price, since a supplier is chosen"),
        (signed & frame["supplier"].isna(), p("supplier"), "the chosen supplier of a signed contract"),
        (frame["contract_date"].notna() & frame["supplier"].isna(), p("supplier"),
         "the chosen supplier, since a contract date is given"),
        (signed & frame["contract_date"].isna(), p("contract_date"), "the date of the signed contract"),
    ])


def _bid_rules(frame: pd.DataFrame, shown: str, reading: Reading) -> list[Problem]:
    procurement = reading.loaded.get(d.PROCUREMENT.name)
    if procurement is None and dataset_file(reading.folder, d.PROCUREMENT.name):
        return []  # the procurement file has problems of its own; matching bids to it says nothing
    known = set() if procurement is None else set(procurement.frame["egp_id"].dropna())
    return rule_problems(frame, shown, [
        (frame["egp_id"].notna() & ~frame["egp_id"].isin(known), d.BIDS.column("egp_id"),
         "the e-GP number of a record in procurement"),
    ])


def _complaint_rules(frame: pd.DataFrame, shown: str, reading: Reading) -> list[Problem]:
    c = d.COMPLAINTS.column
    done = frame["status"] == "ดำเนินการแล้วเสร็จ"
    known = frame["status"].notna()
    return rule_problems(frame, shown, [
        (frame["finished"] < frame["received"], c("finished"), "a date on or after the date received"),
        (frame["informed"] < frame["received"], c("informed"), "a date on or after the date received"),
        (done & frame["finished"].isna(), c("finished"), "the date finished, since the status is ดำเนินการแล้วเสร็จ"),
        (known & ~done & frame["finished"].notna(), c("status"), "ดำเนินการแล้วเสร็จ, since a date finished is given"),
    ])


def _indicator_rules(frame: pd.DataFrame, shown: str, reading: Reading) -> list[Problem]:
    r = d.INDICATOR_RESULTS.column
    status = frame["status"]
    known = status.notna()  # a status outside the list is reported by itself, not through its dates
    checks = [
        (frame["finished"] < frame["started"], r("finished"), "a date on or after the date started"),
        ((status == "ดำเนินการแล้วเสร็จ") & frame["finished"].isna(), r("finished"),
         "the date finished, since the status is ดำเนินการแล้วเสร็จ"),
        (known & (status != "ยังไม่ดำเนินการ") & frame["started"].isna(), r("started"),
         "the date started, since the status is not ยังไม่ดำเนินการ"),
        (known & (status != "ดำเนินการแล้วเสร็จ") & frame["finished"].notna(), r("status"),
         "ดำเนินการแล้วเสร็จ, since a date finished is given"),
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
         d.PROJECT_NO, "a project number of projects.csv"),
    ])
