"""Building a year's pack: check inputs, run each report notebook, swap the pack in whole."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import papermill
from papermill.exceptions import PapermillExecutionError

from .errors import BuildError
from .export import notebook_html, write_pdf
from .params import Params, load_params
from .paths import NOTEBOOKS_DIR, Project
from .reports import notebook_of, title_of
from .loading import load_year

NOTEBOOKS_OUT = "notebooks"

Log = Callable[[str], None]


def build_year(project: Project, fiscal_year: int, log: Log = print) -> Path:
    """Build output/<year>/; on any failure the previous pack stays exactly as it was."""
    params = load_params(project, fiscal_year)
    check_inputs(project, params)
    staging = _empty_dir(project.output_root() / f".staging-{fiscal_year}")
    try:
        for report in params.reports:
            _build_report(project, params, report, staging, log)
    except BuildError:
        failed = project.output_root() / f"{fiscal_year}.failed"
        shutil.rmtree(failed, ignore_errors=True)
        staging.rename(failed)
        raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    target = project.output_dir(fiscal_year)
    _swap_in(staging, target)
    shutil.rmtree(project.output_root() / f"{fiscal_year}.failed", ignore_errors=True)
    return target


def check_inputs(project: Project, params: Params) -> None:
    """Load every input the year's reports read; raise DataError listing every problem."""
    load_year(project, params)


def _build_report(project: Project, params: Params, report: str, staging: Path, log: Log) -> None:
    executed = staging / NOTEBOOKS_OUT / f"{report}.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    log(f"{report}.ipynb: running")
    try:
        papermill.execute_notebook(
            notebook_of(report),
            executed,
            parameters={
                "fiscal_year": params.fiscal_year,
                "project_dir": str(project.root),
                "output_dir": str(staging),
            },
            kernel_name="python3",
            cwd=str(NOTEBOOKS_DIR),
            progress_bar=False,
        )
    except PapermillExecutionError as exc:
        failed = project.output_root() / f"{params.fiscal_year}.failed" / NOTEBOOKS_OUT / executed.name
        raise BuildError(
            f"notebook {report}.ipynb failed in cell {exc.exec_count}: {exc.ename}: {exc.evalue}\n"
            f"the executed notebook, with the failing cell marked, is in {project.relative(failed)}; "
            f"{project.relative(project.output_dir(params.fiscal_year))} was left as it was"
        ) from None
    html = notebook_html(executed, title_of(report, params.fiscal_year, params.digits))
    (staging / f"{report}.html").write_text(html, encoding="utf-8")
    write_pdf(html, staging / f"{report}.pdf")
    log(f"{report}.ipynb: html, pdf and tables written")


def _empty_dir(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def _swap_in(staging: Path, target: Path) -> None:
    """Replace target by staging with renames, so no half-written pack is ever in place."""
    previous = target.with_name(f".previous-{target.name}")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
