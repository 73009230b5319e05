"""The per-year params file: its schema, and loading it with one clear message per defect."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin
from urllib.parse import urlsplit

from annotated_types import Ge, Le
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from ita_report.config.registry import FAMILIES, REPORTS
from ita_report.config.yaml_file import read_mapping
from ita_report.core.errors import ParamsError
from ita_report.core.paths import Project
from ita_report.core.thai import DigitStyle, parse_thai_date

SHOWN_LENGTH = 60  # characters of a value a message repeats
DATE_EXPECTED = "a date such as 2018-04-24, 24 เมษายน 2561 or 29 พ.ย. 67"


def _to_date(value: Any) -> Any:
    # YAML reads an unquoted 2561-10-31 as a date already; parse_thai_date tells if its year is B.E.
    if type(value) is date:
        value = value.isoformat()
    if isinstance(value, str):
        try:
            return parse_thai_date(value)
        except ValueError as exc:
            hint = str(exc)
            raise ValueError(DATE_EXPECTED if hint.startswith("not a date") else f"a date; {hint}") from None
    return value


_URL_FORBIDDEN = set("'\"`<>\\")


def _https_url(value: str) -> str:
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises on a port that is not a number
        host = parts.hostname
    except ValueError:
        host = None
    if (
        not value.startswith("https://")
        or not host
        or any(c.isspace() or not c.isprintable() or c in _URL_FORBIDDEN for c in value)
    ):
        raise PydanticCustomError("https_url", "not an https:// address")
    return value


ThaiDate = Annotated[date, BeforeValidator(_to_date)]
# Bounds keep a document printable: a name or title fits a line or two, a paragraph a page, and a
# pasted book (10 MB in one key) is refused here instead of stalling the PDF export for minutes.
Text = Annotated[str, Field(min_length=1, max_length=300)]
Paragraph = Annotated[str, Field(min_length=1, max_length=3000)]
Paragraphs = Annotated[list[Paragraph], Field(max_length=30)]
Names = Annotated[list[Text], Field(max_length=100)]
HttpsUrl = Annotated[str, AfterValidator(_https_url)]
Year = Annotated[int, Field(ge=2500, le=2700, description="a B.E. year")]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Office(_Section):
    name: Text
    short_name: Text
    province: Text
    ministry: Text


class Announcement(_Section):
    title: Text
    date: ThaiDate
    preamble: Paragraphs
    closing: Paragraph


class Signatory(_Section):
    name: Text
    position: Annotated[list[Text], Field(max_length=5)]


class Lists(_Section):
    """The closed lists that records are checked against; the templates offer them as drop-downs."""

    fund_sources: Names
    complaint_channels: Names
    complaint_categories: Names

    def as_mapping(self) -> dict[str, tuple[str, ...]]:
        return {name: tuple(values) for name, values in self.model_dump().items()}


Share = Annotated[float, Field(ge=0, le=1)]
Baht = Annotated[float, Field(ge=0)]
Days = Annotated[int, Field(ge=1, le=366)]


class Flags(_Section):
    """Thresholds of the procurement risk flags; a flag marks a risk to look at, not proof."""

    direct_limit: Baht  # direct (เฉพาะเจาะจง) purchases are normally up to this amount
    year_end_days: Days  # direct purchases this close to 30 Sep count as bunched at year end
    year_end_share: Share  # ...and are flagged when they exceed this share of the year's direct purchases
    splitting_window_days: Days  # like purchases from one supplier within this window may be split
    min_bidders: Annotated[int, Field(ge=2, le=20)]  # open and selective methods need at least this many bids
    supplier_share: Share  # one supplier winning more than this share of the money
    low_bid_ratio: Share  # a winning bid below this ratio of the next lowest bid


class ProcurementNarrative(_Section):
    """The texts of the annual analysis; the figures beside them are computed."""

    problems: Paragraphs  # (2) problems and limits
    savings: Paragraphs  # (3) remarks on the ability to save budget
    improvements: Paragraphs  # (4) improvements for the next fiscal year


class Procurement(_Section):
    list_period: Literal["first_half", "full_year"]  # period of the 16-column list
    agency_type: Text  # ประเภทหน่วยงาน in the 16-column list
    district: Text  # อำเภอ in the 16-column list
    report_date: ThaiDate
    flags: Flags
    narrative: ProcurementNarrative


class Progress(_Section):
    round: Literal["six_months", "annual"]
    report_date: ThaiDate
    problems: Paragraphs
    obstacles: Paragraphs
    suggestions: Paragraphs


class Complaints(_Section):
    period: Literal["fiscal_year", "first_half", "second_half", "q1", "q2", "q3", "q4"]
    target_days: Days  # the office's own target for finishing a complaint
    report_date: ThaiDate


class Pack(_Section):
    """The pack site: which OIT catalogue it checks against, and where it will be published."""

    # the ITA year of catalogues/<year>.yaml
    catalogue: Annotated[int, Field(ge=2561, le=2700, description="a B.E. year")]
    base_url: HttpsUrl | None = None  # the public address of output/<year>/ on the office's website
    office_urls: dict[str, HttpsUrl] = Field(default_factory=dict)  # item code -> URL the office provides

    @model_validator(mode="before")
    @classmethod
    def _empty_base_url_is_none(cls, data: Any) -> Any:
        # `base_url: ""` means no published address yet, as the site has always read it
        if isinstance(data, dict) and data.get("base_url") == "":
            return {**data, "base_url": None}
        return data


class Params(_Section):
    fiscal_year: Year
    office: Office
    digits: DigitStyle
    reports: list[Literal[REPORTS]]  # type: ignore[valid-type]
    lists: Lists
    announcement: Announcement | None = None
    signatory: Signatory | None = None
    procurement: Procurement | None = None
    progress: Progress | None = None
    complaints: Complaints | None = None
    pack: Pack | None = None

    @model_validator(mode="after")
    def _reports_have_their_sections(self) -> Params:
        for report in self.reports:
            missing = [key for key in FAMILIES[report].sections if getattr(self, key) is None]
            if missing:
                keys = " and ".join(f"'{key}'" for key in missing)
                raise PydanticCustomError("report_section", f"the {report} report needs {keys}")
        return self


_EXPECTED = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "string_type": "text",
    "string_too_short": "text that is not empty",
    "list_type": "a list",
    "model_type": "a group of keys",
    "dict_type": "a group of keys",
    "date_type": DATE_EXPECTED,
    "bool_type": "true or false",
}


def load_params(project: Project, fiscal_year: int) -> Params:
    """Read and check `params/<year>.yaml`; raise ParamsError naming every defect."""
    path = project.params_file(fiscal_year)
    shown = project.relative(path)
    raw = _read_yaml(path, shown)
    try:
        params = Params.model_validate(raw)
    except ValidationError as exc:
        problems = (_describe(shown, err, fiscal_year) for err in exc.errors())
        raise ParamsError("\n".join(problems)) from None
    if params.fiscal_year != fiscal_year:
        raise ParamsError(
            f"{shown}: key 'fiscal_year' is {params.fiscal_year} "
            f"but the file is for fiscal year {fiscal_year}"
        )
    return params


def load_previous_params(project: Project, fiscal_year: int) -> Params | None:
    """The previous fiscal year's params, or None when the project has no such year."""
    if not project.params_file(fiscal_year - 1).is_file():
        return None
    return load_params(project, fiscal_year - 1)


def _read_yaml(path: Path, shown: str) -> Any:
    if not path.is_file():
        raise ParamsError(f"{shown}: no params file for this fiscal year")
    return read_mapping(path, shown, ParamsError, "keys such as 'fiscal_year'")


def _describe(shown: str, err: dict[str, Any], fiscal_year: int) -> str:
    loc = tuple(err["loc"])
    key = ".".join(str(part) for part in loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        allowed = ", ".join(_fields_at(loc[:-1]))
        return f"{shown}: unknown key '{key}'; allowed keys here: {allowed}"
    if kind == "missing":
        return f"{shown}: missing key '{key}'"
    if kind == "report_section":
        return f"{shown}: {err['msg']}"
    if kind == "literal_error":
        expected = "one of " + err["ctx"]["expected"]
    elif kind == "value_error":
        expected = str(err["ctx"]["error"])
    elif kind in ("greater_than_equal", "less_than_equal"):
        expected = _range(_field_at(loc))
    elif kind == "string_too_long":
        limit = err["ctx"]["max_length"]
        expected = f"text of at most {limit:,} characters (this one has {len(err['input']):,})"
    elif kind == "too_long":
        limit = err["ctx"]["max_length"]
        expected = f"a list of at most {limit} items (this one has {len(err['input']):,})"
    elif kind == "https_url":
        expected = (
            "an https:// address with no spaces or quotes, "
            f"such as https://www.example.go.th/ita/{fiscal_year}/"
        )
    else:
        expected = _EXPECTED.get(kind, err["msg"])
    return f"{shown}: key '{key}' is {_shown_value(err['input'])}; expected {expected}"


def _shown_value(given: Any) -> str:
    """A value as a message shows it: a date in ISO form, anything long cut to its start."""
    if isinstance(given, date):
        return given.isoformat()
    if isinstance(given, str) and len(given) > SHOWN_LENGTH:
        return repr(given[:SHOWN_LENGTH] + "…")
    if isinstance(given, list | dict) and len(repr(given)) > SHOWN_LENGTH:
        return f"a {type(given).__name__} of {len(given):,} items"
    return repr(given)


def _range(field: FieldInfo | None) -> str:
    """What a bounded number must be, in words: "a whole number from 1 to 366", "a number from 0 to 1"."""
    if field is None:  # not reached: every bounded key is a field of the schema
        return "a number in range"
    low = [item.ge for item in field.metadata if isinstance(item, Ge)]
    high = [item.le for item in field.metadata if isinstance(item, Le)]
    noun = field.description or ("a whole number" if field.annotation is int else "a number")
    if low and high:
        return f"{noun} from {max(low)} to {min(high)}"
    if low:
        return f"{noun} of at least {max(low)}"
    return f"{noun} of at most {min(high)}"


def _section(annotation: Any) -> type[BaseModel] | None:
    """The section model a key holds, also when the section is optional (`Office | None`)."""
    if get_origin(annotation) in (Union, UnionType):
        models = [arg for arg in get_args(annotation) if arg is not type(None)]
        annotation = models[0] if len(models) == 1 else None
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _field_at(loc: tuple[Any, ...]) -> FieldInfo | None:
    """The schema's field at an error's location; list indexes and mapping keys are skipped."""
    model: type[BaseModel] | None = Params
    field = None
    for part in loc:
        if model is None or part not in model.model_fields:
            continue  # a list index, or a key of a mapping such as office_urls
        field = model.model_fields[part]
        model = _section(field.annotation)
    return field


def _fields_at(loc: tuple[Any, ...]) -> list[str]:
    model: type[BaseModel] = Params
    for part in loc:
        if isinstance(part, int):
            continue
        section = _section(model.model_fields[part].annotation)
        if section is None:
            break
        model = section
    return list(model.model_fields)
