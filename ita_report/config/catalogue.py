"""The OIT items of one ITA year as data, and which of them a built pack covers.

OIT item numbers and wording change almost every year, so each assessment year has its own
file, `catalogues/<year>.yaml`. An item is either answered by documents the pack generates
(a report's HTML, PDF, CSV or Excel files) or provided by the office itself (org chart,
executives, laws, channels, No Gift Policy...), in which case the office gives its URL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from ita_report.config.registry import REPORTS
from ita_report.config.yaml_file import read_mapping
from ita_report.core.errors import ItaReportError
from ita_report.core.paths import CATALOGUES_DIR

Kind = Literal["html", "pdf", "csv", "xlsx"]
KINDS: tuple[str, ...] = ("html", "pdf", "csv", "xlsx")
Period = Literal["current_fy", "first_half", "previous_fy"]
ReportName = Literal[REPORTS]  # type: ignore[valid-type]


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
    raw = read_mapping(path, shown, CatalogueError, "the keys 'year', 'source' and 'items'")
    try:
        return Catalogue.model_validate(raw)
    except ValidationError as exc:
        raise CatalogueError("\n".join(_describe(shown, raw, err) for err in exc.errors())) from None


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(CATALOGUES_DIR.parent).as_posix()
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
