"""Personal data in published text: ID numbers, phone numbers, e-mail addresses and complainants.

Every public text column of a year's datasets reaches a published document (a report, its tables,
the สขร.๑ list or the OCDS export), and so do the texts of plan.yaml: each is scanned, and what
identifies a person is a Problem that names the place and what was found without repeating it,
since error output is pasted into chats and tickets. Closed-list columns hold only the values of
params, and tax-ID columns are published on purpose (as e-GP does), so neither is scanned.

A column is scanned a distinct value at a time (records repeat their units, reasons and officers),
first for a long run of digits, an @ or a complainant's name; only the few values that hold one are
looked at one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pandas as pd
from pydantic import BaseModel

from ita_report.core.errors import Problem
from ita_report.records.cells import TAX_ID_DIGITS, arabic
from ita_report.records.checking import Reading
from ita_report.records.columns import Column, Dataset
from ita_report.records.datasets import COMPLAINTS, PLAN_DATASETS, RECORD_DATASETS
from ita_report.records.plan import PLAN_FILE

__all__ = [
    "FIX",
    "NOBODY",
    "Identities",
    "complainant_identities",
    "findings",
    "privacy_problems",
    "scanned_columns",
    "scanned_datasets",
    "screened",
]

FIX = "a published field must not identify a person — remove it"
TITLES = ("นางสาว", "น.ส.", "นาง", "นาย")  # นางสาว before นาง, which it starts with
MIN_NAME = 4  # letters of a name, title and spaces aside: shorter ones are ordinary words
MIN_DIGITS = 9  # a landline has 9 digits, a mobile 10, an ID 13; a shorter number is no one's
# Which of the complainant's columns are searched for, and what their values are called. The
# address and the case details are not: their parts (หมู่ 1, a province, ขอให้ตรวจสอบ) are ordinary
# text of suppliers' addresses and outcomes.
IDENTITY_COLUMNS = {"complainant_name": "name", "complainant_id": "ID number", "complainant_phone": "phone number"}

_BEFORE = r"(?<![0-9A-Za-z])"  # a number is not part of a longer code or word
_AFTER = r"(?![0-9A-Za-z])"
_SEP = r"[-\s]?"
_PREFIX = rf"(?:0|\+66{_SEP})"  # 081…, +66 81…
# Patterns run on text with Thai digits already Arabic; the translation keeps every position.
ID_NUMBER = re.compile(rf"{_BEFORE}[0-9]{_SEP}[0-9]{{4}}{_SEP}[0-9]{{5}}{_SEP}[0-9]{{2}}{_SEP}[0-9]{_AFTER}")
PHONE = re.compile(rf"{_BEFORE}{_PREFIX}(?:[689](?:{_SEP}[0-9]){{8}}|[2-7](?:{_SEP}[0-9]){{7}}){_AFTER}")
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# What any number or address above holds, in Thai or Arabic digits (\d is both): a cheap first look
# that most text fails, so that only the rest is read closely.
_CANDIDATE = re.compile(rf"\d(?:{_SEP}\d){{{MIN_DIGITS - 1}}}|@")
_THAI = "\u0e00-\u0e7f"
_TITLE = "|".join(re.escape(title) for title in TITLES)


@dataclass(frozen=True)
class Identities:
    """The complainants of a year's complaint file, as they are looked for in published text."""

    shown: str = ""  # the complaint file, as problems name it
    rows: dict[str, tuple[str, int]] = field(default_factory=dict)  # searched key -> (what, first row)
    pattern: re.Pattern | None = None

    def described(self, match: str) -> str | None:
        key = _key(match)
        if key not in self.rows:
            return None
        what, row = self.rows[key]
        return f"the {what} of the complainant on row {row} of {self.shown}"


NOBODY = Identities()  # a year without a complaint file


def privacy_problems(reading: Reading) -> list[Problem]:
    """A problem for each thing that identifies a person in the published text of the year read."""
    identities = complainant_identities(reading)
    problems = []
    for dataset in scanned_datasets():
        if dataset.name not in reading.loaded:
            continue
        loaded = reading.loaded[dataset.name]
        for column in scanned_columns(dataset):
            for row, found in findings(loaded.frame[column.name], identities).items():
                problems += [Problem(loaded.shown, int(row), column.header, None, f"holds {what}; {FIX}")
                             for what in found]
    if reading.plan is not None:
        shown = reading.project.relative(reading.folder / PLAN_FILE)
        texts = dict(_texts("areas", reading.plan.areas))
        for key, found in findings(pd.Series(texts, dtype=object), identities).items():
            problems += [Problem(shown, None, None, None, f"key '{key}' holds {what}; {FIX}") for what in found]
    return problems


def screened(problems: list[Problem], private: list[Problem]) -> list[Problem]:
    """Problems with those of privacy_problems added, less any other problem of a cell they name:
    it would show the personal value (a policy code of plan.yaml, a key used twice)."""
    cells = {(p.file, p.row, p.column) for p in private if p.row is not None}
    return [p for p in problems if (p.file, p.row, p.column) not in cells] + private


def scanned_datasets() -> tuple[Dataset, ...]:
    return (*PLAN_DATASETS, *RECORD_DATASETS)


def scanned_columns(dataset: Dataset) -> list[Column]:
    """The columns of a dataset whose text is published as typed: every public text column."""
    return [column for column in dataset.public_columns if column.kind == "text"]


def complainant_identities(reading: Reading) -> Identities:
    """The names, ID and phone numbers of the year's complaint file, from the private cells the reading
    kept (loading drops them); none when the file is missing or unreadable, which is reported already."""
    if COMPLAINTS.name not in reading.private:
        return NOBODY
    shown, cells = reading.private[COMPLAINTS.name].shown, reading.private[COMPLAINTS.name].frame
    rows: dict[str, tuple[str, int]] = {}
    patterns: dict[str, str] = {}
    for header in cells.columns:
        column = COMPLAINTS.find(header)
        if column is None or column.name not in IDENTITY_COLUMNS:
            continue
        what = IDENTITY_COLUMNS[column.name]
        searched = _name_patterns if what == "name" else _number_patterns
        for row, value in cells[header].items():
            for key, pattern in searched(value):
                rows.setdefault(key, (what, int(row)))
                patterns[key] = pattern
    if not patterns:
        return Identities(shown)
    longest_first = sorted(patterns.values(), key=len, reverse=True)  # a full name before a given name alone
    return Identities(shown, rows, re.compile("|".join(longest_first), re.IGNORECASE))


def findings(values: pd.Series, identities: Identities = NOBODY) -> pd.Series:
    """What identifies a person in each text of a column, as descriptions that do not repeat it;
    only the entries that hold something, under their index."""
    codes, distinct = pd.factorize(values)  # an empty cell (None) is code -1
    distinct = pd.Series(distinct, dtype=object)  # object: Python regular expressions, lookbehinds and all
    candidates = distinct.str.contains(_CANDIDATE)
    if identities.pattern is not None:
        candidates |= distinct.str.contains(identities.pattern)
    found = {i: _found(distinct[i], arabic(distinct[i]), identities) for i in distinct.index[candidates]}
    found = {i: what for i, what in found.items() if what}
    if not found:
        return pd.Series(dtype=object)
    return pd.Series(codes, index=values.index).map(found).dropna()


def _found(typed: str, plain: str, identities: Identities) -> list[str]:
    """Descriptions of what one text holds, in the order it holds them, each once."""
    spans: list[tuple[int, int, str]] = []

    def add(match: re.Match, what: str, shown: str | None) -> None:
        if not any(start < match.end() and match.start() < end for start, end, _ in spans):
            spans.append((match.start(), match.end(), f"{what} ({shown})" if shown else what))

    def digits(match: re.Match) -> str:
        return _masked_digits(typed[match.start():match.end()])

    if identities.pattern is not None:  # first, so a complainant's number is named as theirs
        for match in identities.pattern.finditer(plain):
            what = identities.described(match.group())
            if what is not None:
                add(match, what, digits(match) if _is_number(match.group()) else None)
    for match in ID_NUMBER.finditer(plain):
        if _valid_id(re.sub(r"\D", "", match.group())):
            add(match, f"a {TAX_ID_DIGITS}-digit ID number", digits(match))
    for match in PHONE.finditer(plain):
        add(match, "a phone number", digits(match))
    for match in EMAIL.finditer(plain):
        add(match, "an e-mail address", _masked_email(match.group()))
    return list(dict.fromkeys(what for _, _, what in sorted(spans)))


def _valid_id(digits: str) -> bool:
    """The mod-11 check digit of Thai ID and tax numbers: a 13-digit code number fails it 9 times in 10."""
    total = sum(int(digit) * weight for digit, weight in zip(digits[:12], range(13, 1, -1)))
    return (11 - total % 11) % 10 == int(digits[12])


def _masked_digits(text: str) -> str:
    """A number as typed, with all but its first two and last three digits shown as x."""
    places = [i for i, char in enumerate(text) if char.isdigit()]
    hidden = set(places[2:-3])
    return "".join("x" if i in hidden else char for i, char in enumerate(text))


def _masked_email(address: str) -> str:
    local, domain = address.split("@", 1)
    return f"{local[0]}…@{domain}"


def _is_number(text: str) -> bool:
    return re.fullmatch(r"[-\s0-9]+", text) is not None


def _key(text: str) -> str:
    """A name or number as compared: no title, no spaces or dashes, Arabic digits, case aside."""
    plain = arabic(" ".join(text.split()))
    if _is_number(plain):
        return re.sub(r"\D", "", plain)
    return "".join(_untitled(plain).split()).casefold()


def _untitled(name: str) -> str:
    for title in TITLES:
        if name.startswith(title) and len(name) > len(title):
            return name[len(title):].strip()
    return name


def _name_patterns(value: str) -> list[tuple[str, str]]:
    """The name of a cell as searched: with or without its title and whatever its spacing. A given
    name alone must stand as a word, since it is often part of another (ประชา in ประชาชน)."""
    words = _untitled(" ".join(value.split())).split()
    if len("".join(words)) < MIN_NAME:
        return []
    joined = r"\s*".join(re.escape(word) for word in words)
    if len(words) == 1:
        joined = rf"(?<![{_THAI}\w])(?:(?:{_TITLE})\s*)?{joined}(?![{_THAI}\w])"
    return [(_key(value), joined)]


def _number_patterns(value: str) -> list[tuple[str, str]]:
    """Each number of a cell (a phone cell may hold two) as searched: with any spaces or dashes."""
    numbers = re.findall(r"[0-9](?:[-\s]?[0-9])*", arabic(value))
    digits = [re.sub(r"\D", "", number) for number in numbers]
    return [(d, _BEFORE + _SEP.join(d) + _AFTER) for d in digits if len(d) >= MIN_DIGITS]


def _texts(key: str, value: object) -> Iterator[tuple[str, str]]:
    """Every text of the plan with its key as plan.yaml problems name it: areas.0.policies.1.title."""
    if isinstance(value, BaseModel):
        value = value.model_dump()
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _texts(f"{key}.{name}", item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(f"{key}.{index}", item)
