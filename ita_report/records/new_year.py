"""Starting a fiscal year: its params from another year's, and data/<year>/ with an input template per file."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from ita_report.config.params import Params, load_params
from ita_report.core.errors import ItaReportError, ParamsError
from ita_report.core.paths import Project
from ita_report.records.cells import fiscal_year_span
from ita_report.records.datasets import PLAN_DATASETS, RECORD_DATASETS
from ita_report.records.plan import PLAN_FILE
from ita_report.records.workbook import template_workbook

__all__ = ["NewYearError", "new_year"]


class NewYearError(ItaReportError):
    """A new fiscal year cannot be started: it would overwrite files, or has nothing to start from."""


def new_year(project: Project, fiscal_year: int, source_params: Path | None = None) -> list[Path]:
    """Start a fiscal year: params/<year>.yaml and data/<year>/ with a template per data file.

    Creates nothing when either already exists (an empty data/<year>/ is fine). The params start
    from `source_params`, else from the nearest earlier year in params/, else the nearest later one.
    """
    params_path, folder = project.params_file(fiscal_year), project.data_dir(fiscal_year)
    _refuse_overwrite(project, fiscal_year, params_path, folder)
    source = source_params if source_params is not None else _nearest_params(project, fiscal_year)
    source_shown = project.relative(source)
    text = _params_text(fiscal_year, _read_source(source, source_shown), source_shown)
    project.root.mkdir(parents=True, exist_ok=True)
    staging = Project(Path(tempfile.mkdtemp(prefix=f".new-year-{fiscal_year}-", dir=project.root)))
    try:
        params = _stage_params(staging, fiscal_year, text, source_shown)
        names = _stage_data(staging, params)
        params_path.parent.mkdir(parents=True, exist_ok=True)
        folder.parent.mkdir(parents=True, exist_ok=True)
        if folder.is_dir():
            folder.rmdir()  # empty, as checked above
        staging.data_dir(fiscal_year).replace(folder)
        staging.params_file(fiscal_year).replace(params_path)
    finally:
        shutil.rmtree(staging.root, ignore_errors=True)
    return [params_path, *(folder / name for name in names)]


def _refuse_overwrite(project: Project, fiscal_year: int, params_path: Path, folder: Path) -> None:
    existing = [path for path in (params_path, folder) if path.exists()]
    existing = [path for path in existing if not path.is_dir() or any(path.iterdir())]
    if existing:
        shown = " and ".join(project.relative(path) for path in existing)
        them = "them" if len(existing) > 1 else "it"
        raise NewYearError(
            f"new-year {fiscal_year} would overwrite {shown}; move {them} away first to start the year again"
        )


def _nearest_params(project: Project, fiscal_year: int) -> Path:
    folder = project.params_file(fiscal_year).parent
    years = sorted(int(p.stem) for p in folder.glob("*.yaml") if p.stem.isdigit()) if folder.is_dir() else []
    earlier = [year for year in years if year < fiscal_year]
    if not years:
        raise NewYearError(
            f"{project.relative(folder)} holds no params file to start fiscal year {fiscal_year} from; "
            "copy another year's or another office's params file there first"
        )
    return project.params_file(earlier[-1] if earlier else years[0])


def _read_source(source: Path, shown: str) -> str:
    try:
        return source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NewYearError(f"{shown}: no such params file to start from") from None
    except UnicodeDecodeError:
        raise NewYearError(f"{shown}: not UTF-8 text") from None


_TOP_KEY = re.compile(r"([A-Za-z_]\w*)\s*:")


def _params_text(fiscal_year: int, source: str, source_shown: str) -> str:
    """The source's required sections kept with their comments; its optional ones as comments."""
    required = [name for name, field in Params.model_fields.items() if field.is_required()]
    blocks = _top_level_blocks(source)
    reports = "reports: []"
    if any(key not in required for key, _, _ in blocks):
        reports += "  # add a report once its section below is filled in"
    kept, tail = [], []
    for key, comments, body in blocks:
        if key == "fiscal_year":
            kept += [*comments, f"fiscal_year: {fiscal_year}"]
        elif key == "reports":
            kept += [*comments, reports]
        elif key in required:
            kept += [*comments, *body]
        else:
            tail += [*comments, *(f"# {line}" if line.strip() else line for line in body)]
    span = fiscal_year_span(fiscal_year)
    copied = [k for k in required if k not in ("fiscal_year", "reports")]
    lines = [
        f"# Params for fiscal year พ.ศ. {fiscal_year} ({span}).",
        f"# Started by `ita-report new-year {fiscal_year}` from {source_shown}: "
        f"{', '.join(copied)} copied as they were.",
        "# Checked before any notebook runs: `ita-report build` stops on an unknown or missing key.",
        "",
    ]
    if not any(line.startswith("fiscal_year:") for line in kept):
        lines += [f"fiscal_year: {fiscal_year}", ""]
    while kept and not kept[0].strip():
        kept.pop(0)
    lines += kept
    if not any(line.startswith("reports:") for line in kept):
        lines += ["", reports]
    if tail:
        lines += [
            "",
            "# " + "-" * 98,
            f"# The sections below are {source_shown}'s, kept as comments: their texts, dates and",
            "# signatory belong to that year. To use one, update it, remove the '# ' in front of its",
            "# keys and values, and add its report to `reports:` above.",
            "# " + "-" * 98,
            *tail,
        ]
    return "\n".join(lines).rstrip("\n") + "\n"


def _top_level_blocks(text: str) -> list[tuple[str, list[str], list[str]]]:
    """(key, the comment lines just above it, its own lines) for each top-level key of a YAML file."""
    lines = text.splitlines()
    header = 0  # the file's opening comment, up to its first blank line, is the old year's title
    while header < len(lines) and lines[header].startswith("#"):
        header += 1
    starts = [i for i, line in enumerate(lines) if i >= header and _TOP_KEY.match(line)]
    firsts = []
    for start in starts:
        first = start
        while first > header and (not lines[first - 1].strip() or lines[first - 1].startswith("#")):
            first -= 1
        firsts.append(first)
    blocks = []
    for first, start, end in zip(firsts, starts, [*firsts[1:], len(lines)]):
        blocks.append((_TOP_KEY.match(lines[start]).group(1), lines[first:start], lines[start:end]))
    return blocks


def _stage_params(staging: Project, fiscal_year: int, text: str, source_shown: str) -> Params:
    path = staging.params_file(fiscal_year)
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    try:
        return load_params(staging, fiscal_year)
    except ParamsError as exc:
        raise NewYearError(f"{source_shown} cannot start fiscal year {fiscal_year}: {exc}") from None


def _stage_data(staging: Project, params: Params) -> list[str]:
    """Write the year's folder; return its file names in the order written."""
    folder = staging.data_dir(params.fiscal_year)
    folder.mkdir(parents=True)
    (folder / PLAN_FILE).write_text(
        f"# The integrity-measures plan of fiscal year {params.fiscal_year}: areas with their statement, guidelines\n"
        "# and policies, each policy with its code, title, main policy and measures. The plan.yaml of an\n"
        "# earlier year under data/ shows every key. projects.xlsx lists the projects under the policies.\n"
        "areas: []\n",
        encoding="utf-8",
    )
    names = [PLAN_FILE]
    lists = params.lists.as_mapping()
    for dataset in (*PLAN_DATASETS, *RECORD_DATASETS):
        name = f"{dataset.name}.xlsx"
        template_workbook(dataset, lists, folder / name)
        names.append(name)
    return names
