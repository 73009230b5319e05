"""What a build checks before any kernel starts; `validate` runs exactly the same checks."""

from __future__ import annotations

from ita_report.config.params import Params, load_params
from ita_report.config.registry import family
from ita_report.core.errors import DataError
from ita_report.core.paths import Project
from ita_report.records.year import YearData, load_year


def check_year(project: Project, params: Params) -> YearData:
    """The year's records, its previous year's where a report compares with them, and the pack settings.

    Every data problem of both years is listed at once; a params or catalogue problem stops
    with its own message. Nothing is written.
    """
    problems = []
    data = None
    try:
        data = load_year(project, params)
    except DataError as exc:
        problems += exc.problems
    try:
        _check_previous_year(project, params)
    except DataError as exc:
        problems += exc.problems
    if problems:
        raise DataError(problems)
    _check_pack_settings(params)
    return data


def _check_previous_year(project: Project, params: Params) -> None:
    """A report that compares with last year reads its records in the kernel: they are checked here first."""
    previous = params.fiscal_year - 1
    if not any(family(report).reads_previous_year for report in params.reports):
        return
    if not project.params_file(previous).is_file():
        return  # no previous year in the project: the reports say so and compare nothing
    load_year(project, load_params(project, previous))


def _check_pack_settings(params: Params) -> None:
    if params.pack is None:
        return
    from ita_report.config.catalogue import load_catalogue
    from ita_report.pack.coverage import check_office_urls

    check_office_urls(load_catalogue(params.pack.catalogue), params.pack.office_urls)
