"""The per-year params file: its schema, and loading it with one clear message per defect."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from .errors import ParamsError
from .paths import Project
from .thai import DigitStyle, parse_thai_date

REPORTS = ("plan",)


DATE_EXPECTED = "a date such as 2018-04-24, 24 เมษายน 2561 or 29 พ.ย. 67"


def _to_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return parse_thai_date(value)
        except ValueError:
            raise ValueError(DATE_EXPECTED) from None
    return value


ThaiDate = Annotated[date, BeforeValidator(_to_date)]
Text = Annotated[str, Field(min_length=1)]


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
    preamble: list[Text]
    closing: Text


class Signatory(_Section):
    name: Text
    position: list[Text]


class Lists(_Section):
    """The closed lists that records are checked against; the templates offer them as drop-downs."""

    fund_sources: list[Text]
    complaint_channels: list[Text]
    complaint_categories: list[Text]

    def as_mapping(self) -> dict[str, tuple[str, ...]]:
        return {name: tuple(values) for name, values in self.model_dump().items()}


class Params(_Section):
    fiscal_year: Annotated[int, Field(ge=2500, le=2700)]
    office: Office
    digits: DigitStyle
    reports: list[Literal[REPORTS]]  # type: ignore[valid-type]
    lists: Lists
    announcement: Announcement | None = None
    signatory: Signatory | None = None

    @model_validator(mode="after")
    def _plan_needs_its_announcement(self) -> Params:
        if "plan" in self.reports and (self.announcement is None or self.signatory is None):
            raise PydanticCustomError("plan_text", "the plan report needs 'announcement' and 'signatory'")
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
        raise ParamsError("\n".join(_describe(shown, err) for err in exc.errors())) from None
    if params.fiscal_year != fiscal_year:
        raise ParamsError(
            f"{shown}: key 'fiscal_year' is {params.fiscal_year} "
            f"but the file is for fiscal year {fiscal_year}"
        )
    return params


def _read_yaml(path: Path, shown: str) -> Any:
    if not path.is_file():
        raise ParamsError(f"{shown}: no params file for this fiscal year")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        raise ParamsError(f"{shown}: not valid YAML{line}") from None
    except UnicodeDecodeError:
        raise ParamsError(f"{shown}: not UTF-8 text") from None
    if not isinstance(raw, dict):
        raise ParamsError(f"{shown}: expected keys such as 'fiscal_year' at the top level")
    return raw


def _describe(shown: str, err: dict[str, Any]) -> str:
    loc = tuple(err["loc"])
    key = ".".join(str(part) for part in loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        allowed = ", ".join(_fields_at(loc[:-1]))
        return f"{shown}: unknown key '{key}'; allowed keys here: {allowed}"
    if kind == "missing":
        return f"{shown}: missing key '{key}'"
    if kind == "plan_text":
        return f"{shown}: {err['msg']}"
    if kind == "literal_error":
        expected = "one of " + err["ctx"]["expected"]
    elif kind == "value_error":
        expected = str(err["ctx"]["error"])
    elif kind in ("greater_than_equal", "less_than_equal"):
        expected = "a B.E. year between 2500 and 2700"
    else:
        expected = _EXPECTED.get(kind, err["msg"])
    return f"{shown}: key '{key}' is {err['input']!r}; expected {expected}"


def _fields_at(loc: tuple[Any, ...]) -> list[str]:
    model: type[BaseModel] = Params
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            break
        model = annotation
    return list(model.model_fields)
