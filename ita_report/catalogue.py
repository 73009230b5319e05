"""The OIT items of one ITA year as data, and which of them a built pack covers.

OIT item numbers and wording change almost every year, so each assessment year has its own
file, `catalogues/<year>.yaml`. An item is either answered by documents the pack generates
(a report's HTML, PDF, CSV or Excel files) or provided by the office itself (org chart,
executives, laws, channels, No Gift Policy...), in which case the office gives its URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from .errors import ItaReportError
from .paths import REPO_DIR
from .reports import TITLES

CATALOGUES_DIR = REPO_DIR / "catalogues"

Kind = Literal["html", "pdf", "csv", "xlsx"]
KINDS: tuple[str, ...] = ("html", "pdf", "csv", "xlsx")
Period = Literal["current_fy", "first_half", "previous_fy"]
ReportName = Literal[tuple(TITLES)]  # type: ignore[valid-type]
Status = Literal["complete", "missing", "office", "wrong_period"]

TABLES_DIR = "tables"  # where a report writes its CSV and Excel files (context.TABLES_DIR)

Text = Annotated[str, Field(min_length=1)]


class CatalogueError(ItaReportError):
    """A catalogue file is missing, unreadable or does not match the schema."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


TableName = Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]


class DocumentRef(_Strict):
    """A generated report and the file kinds of it an item needs; HTML and PDF unless stated.

    CSV and Excel files are the report's tables: tables/<report>.xlsx or tables/<report>_*.xlsx,
    unless `tables` names the exact files (tables/<name>.csv or .xlsx) the item needs.
    """

    report: ReportName
    kinds: Annotated[list[Kind], Field(min_length=1)] = ["html", "pdf"]
    tables: Annotated[list[TableName], Field(min_length=1)] | None = None

    @model_validator(mode="after")
    def _kinds_once(self) -> DocumentRef:
        if len(set(self.kinds)) != len(self.kinds):
            raise PydanticCustomError("catalogue", "a file kind is listed twice in 'kinds'")
        if self.tables is not None and not {"csv", "xlsx"} & set(self.kinds):
            raise PydanticCustomError("catalogue", "'tables' names CSV or Excel files; add csv or xlsx to 'kinds'")
        return self


class Component(_Strict):
    """One required component (องค์ประกอบ); covered when its documents are in the pack.

    A component without `documents` relies on every document of its item; written as plain
    text in the file, it is that shorthand.
    """

    text: Text
    documents: list[DocumentRef] | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class Item(_Strict):
    code: Annotated[str, Field(pattern=r"^(O|EB)[0-9]{1,2}$")]
    title: Text
    components: Annotated[list[Component], Field(min_length=1)]
    period: Period
    documents: list[DocumentRef] = []
    provided_by_office: bool = False
    confirmed: bool

    @model_validator(mode="after")
    def _documents_or_office(self) -> Item:
        if self.provided_by_office and self.documents:
            raise PydanticCustomError("catalogue", "an item provided by the office lists no 'documents'")
        if not self.provided_by_office and not self.documents:
            raise PydanticCustomError(
                "catalogue", "give the item's 'documents', or 'provided_by_office: true' when the pack does not make it"
            )
        reports = [doc.report for doc in self.documents]
        if len(set(reports)) != len(reports):
            raise PydanticCustomError("catalogue", "a report is listed twice in 'documents'; list its kinds once")
        needed = {doc.report: set(doc.kinds) for doc in self.documents}
        for component in self.components:
            for doc in component.documents or []:
                if not set(doc.kinds) <= needed.get(doc.report, set()):
                    raise PydanticCustomError(
                        "catalogue",
                        f"component '{component.text}' needs {doc.report} as {', '.join(doc.kinds)}, "
                        "which the item's 'documents' do not list",
                    )
        return self


class Catalogue(_Strict):
    year: Annotated[int, Field(ge=2500, le=2700)]  # the ITA assessment year (B.E.)
    source: Text
    items: Annotated[list[Item], Field(min_length=1)]

    @model_validator(mode="after")
    def _codes_once(self) -> Catalogue:
        codes = [item.code for item in self.items]
        twice = sorted({code for code in codes if codes.count(code) > 1})
        if twice:
            raise PydanticCustomError("catalogue", f"item code {', '.join(twice)} appears more than once")
        return self

    def item(self, code: str) -> Item:
        for item in self.items:
            if item.code == code:
                return item
        raise KeyError(code)


def catalogue_file(year: int, folder: Path = CATALOGUES_DIR) -> Path:
    return folder / f"{year}.yaml"


def catalogue_years(folder: Path = CATALOGUES_DIR) -> list[int]:
    """The ITA years that have a catalogue file."""
    return sorted(int(path.stem) for path in folder.glob("*.yaml") if path.stem.isdigit())


def load_catalogue(year: int, folder: Path = CATALOGUES_DIR) -> Catalogue:
    """Read and check `catalogues/<year>.yaml`; raise CatalogueError naming the file and the item."""
    path = catalogue_file(year, folder)
    shown = _shown(path)
    if not path.is_file():
        known = ", ".join(str(y) for y in catalogue_years(folder)) or "none"
        raise CatalogueError(f"{shown}: no OIT catalogue for ITA year {year}; catalogues exist for: {known}")
    catalogue = read_catalogue(path)
    if catalogue.year != year:
        raise CatalogueError(f"{shown}: key 'year' is {catalogue.year} but the file is for ITA year {year}")
    return catalogue


def read_catalogue(path: Path) -> Catalogue:
    """Read and check one catalogue file."""
    shown = _shown(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        raise CatalogueError(f"{shown}: not valid YAML{line}") from None
    except UnicodeDecodeError:
        raise CatalogueError(f"{shown}: not UTF-8 text") from None
    if not isinstance(raw, dict):
        raise CatalogueError(f"{shown}: expected the keys 'year', 'source' and 'items' at the top level")
    try:
        return Catalogue.model_validate(raw)
    except ValidationError as exc:
        raise CatalogueError("\n".join(_describe(shown, raw, err) for err in exc.errors())) from None


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(REPO_DIR).as_posix()
    except ValueError:
        return str(path)


_EXPECTED = {
    "int_type": "a whole number",
    "string_type": "text",
    "string_too_short": "text that is not empty",
    "list_type": "a list",
    "too_short": "a list that is not empty",
    "model_type": "a group of keys",
    "model_attributes_type": "a group of keys, or text for a component",
    "bool_type": "true or false",
    "greater_than_equal": "a B.E. year between 2500 and 2700",
    "less_than_equal": "a B.E. year between 2500 and 2700",
}


def _describe(shown: str, raw: dict[str, Any], err: dict[str, Any]) -> str:
    loc = tuple(err["loc"])
    where = shown
    if len(loc) >= 2 and loc[0] == "items" and isinstance(loc[1], int):
        where += f": {_item_name(raw, loc[1])}"
        loc = loc[2:]
    key = ".".join(str(part) for part in loc)
    kind = err["type"]
    if kind == "catalogue":
        return f"{where}: key '{key}': {err['msg']}" if key else f"{where}: {err['msg']}"
    if kind == "extra_forbidden":
        return f"{where}: unknown key '{key}'"
    if kind == "missing":
        return f"{where}: missing key '{key}'"
    if kind == "literal_error":
        expected = "one of " + err["ctx"]["expected"]
    elif kind == "string_pattern_mismatch":
        expected = "a code such as O12 or EB1" if loc[-1] == "code" else "a table name such as procurement_list"
    else:
        expected = _EXPECTED.get(kind, err["msg"])
    return f"{where}: key '{key}' is {err['input']!r}; expected {expected}"


def _item_name(raw: dict[str, Any], index: int) -> str:
    items = raw.get("items")
    item = items[index] if isinstance(items, list) and index < len(items) else None
    code = item.get("code") if isinstance(item, dict) else None
    return f"item {code}" if isinstance(code, str) and code else f"item no. {index + 1}"


# --- coverage of a built pack -------------------------------------------------------------


@dataclass(frozen=True)
class KindCoverage:
    """One required file kind of a document: the pack files that carry it, and what is missing."""

    kind: str
    expected: str  # the file name(s), or pattern, the pack should hold
    paths: tuple[str, ...]  # present files, relative to the pack, with '/'
    missing: bool  # some required file of this kind is not in the pack

    @property
    def present(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class DocumentCoverage:
    report: str
    title: str
    built: bool  # named in the year's params `reports:`
    kinds: tuple[KindCoverage, ...]

    @property
    def complete(self) -> bool:
        return self.built and all(kind.present for kind in self.kinds)


@dataclass(frozen=True)
class ComponentCoverage:
    text: str
    covered: bool


@dataclass(frozen=True)
class ItemCoverage:
    item: Item
    status: Status
    required_fiscal_year: int  # the fiscal year the item's data must be about
    documents: tuple[DocumentCoverage, ...]
    components: tuple[ComponentCoverage, ...]
    office_url: str | None  # for items provided by the office, when the office gave it

    @property
    def code(self) -> str:
        return self.item.code

    @property
    def title(self) -> str:
        return self.item.title


def required_fiscal_year(catalogue: Catalogue, item: Item, ita_year: int | None = None) -> int:
    """The fiscal year an item's data must cover: the ITA year, or the one before for annual results.

    The ITA year is the catalogue's, unless a pack applies the catalogue's items to its own year."""
    year = catalogue.year if ita_year is None else ita_year
    return year - 1 if item.period == "previous_fy" else year


def coverage(
    catalogue: Catalogue,
    pack_dir: Path,
    reports_built: list[str] | tuple[str, ...],
    *,
    office_urls: dict[str, str] | None = None,
    fiscal_year: int | None = None,
) -> list[ItemCoverage]:
    """For each item: which required documents the pack holds, each component covered or not.

    `fiscal_year` is the pack's fiscal year; when given, the catalogue's items are read as that
    year's ITA, and an item whose data must be about another fiscal year (annual results of the
    previous year) is marked `wrong_period`: the assessors score a document of the wrong period 0.
    """
    office_urls = dict(office_urls or {})
    _check_office_urls(catalogue, office_urls)
    files = _pack_files(pack_dir)
    built = set(reports_built)
    result = []
    for item in catalogue.items:
        documents = {doc.report: _document(doc, files, doc.report in built) for doc in item.documents}
        needed_year = required_fiscal_year(catalogue, item, fiscal_year)
        if item.provided_by_office:
            status: Status = "office"
        elif fiscal_year is not None and fiscal_year != needed_year:
            status = "wrong_period"
        elif all(doc.complete for doc in documents.values()):
            status = "complete"
        else:
            status = "missing"
        # a component counts as covered only by this pack's files, and only for the right period
        components = tuple(
            ComponentCoverage(component.text, status in ("complete", "missing") and _covered(component, documents))
            for component in item.components
        )
        result.append(
            ItemCoverage(
                item=item,
                status=status,
                required_fiscal_year=needed_year,
                documents=tuple(documents.values()),
                components=components,
                office_url=office_urls.get(item.code) if item.provided_by_office else None,
            )
        )
    return result


def _check_office_urls(catalogue: Catalogue, office_urls: dict[str, str]) -> None:
    problems = []
    codes = {item.code: item for item in catalogue.items}
    for code, url in sorted(office_urls.items()):
        if code not in codes:
            problems.append(f"office URL for {code}: ITA {catalogue.year} has no item {code}")
        elif not codes[code].provided_by_office:
            problems.append(f"office URL for {code}: the pack makes {code}'s documents; remove its office URL")
        elif not (isinstance(url, str) and url.startswith(("https://", "http://"))):
            problems.append(f"office URL for {code} is {url!r}; expected an address starting with https://")
    if problems:
        raise CatalogueError("\n".join(problems))


def _pack_files(pack_dir: Path) -> frozenset[str]:
    return frozenset(p.relative_to(pack_dir).as_posix() for p in pack_dir.rglob("*") if p.is_file())


def _document(doc: DocumentRef, files: frozenset[str], built: bool) -> DocumentCoverage:
    kinds = tuple(_kind(doc, kind, files) for kind in doc.kinds)
    return DocumentCoverage(doc.report, TITLES[doc.report], built, kinds)


def _kind(doc: DocumentRef, kind: str, files: frozenset[str]) -> KindCoverage:
    if kind in ("html", "pdf"):
        name = f"{doc.report}.{kind}"
        return KindCoverage(kind, name, (name,) if name in files else (), name not in files)
    if doc.tables is not None:
        wanted = [f"{TABLES_DIR}/{table}.{kind}" for table in doc.tables]
        paths = tuple(path for path in wanted if path in files)
        return KindCoverage(kind, ", ".join(wanted), paths, len(paths) < len(wanted))
    paths = tuple(
        sorted(
            path
            for path in files
            if path.startswith(f"{TABLES_DIR}/")
            and path.count("/") == 1
            and path.endswith(f".{kind}")
            and report_of_table(Path(path).stem) == doc.report
        )
    )
    return KindCoverage(kind, f"{TABLES_DIR}/{doc.report}*.{kind}", paths, not paths)


def report_of_table(stem: str) -> str | None:
    """The report a table file belongs to: its name is the report's, or starts with it and '_'.

    The longest report name wins, so procurement_monthly_oct.csv is procurement_monthly's, not
    procurement's.
    """
    owners = [name for name in TITLES if stem == name or stem.startswith(f"{name}_")]
    return max(owners, key=len) if owners else None


def _covered(component: Component, documents: dict[str, DocumentCoverage]) -> bool:
    if component.documents is None:
        return all(doc.complete for doc in documents.values())
    for ref in component.documents:
        doc = documents[ref.report]
        present = {kind.kind for kind in doc.kinds if kind.present}
        if not (doc.built and set(ref.kinds) <= present):
            return False
    return True
