"""What a build checks before any kernel starts; `validate` runs exactly the same checks."""

from __future__ import annotations

from ita_report.config.params import Params, load_previous_params
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
    if not any(family(report).reads_previous_year for report in params.reports):
        return
    previous = load_previous_params(project, params.fiscal_year)
    if previous is not None:  # without one, the reports say so and compare nothing
        load_year(project, previous)


def _check_pack_settings(params: Params) -> None:
    if params.pack is None:
        return
    from ita_report.config.catalogue import load_catalogue
    from ita_report.pack.coverage import check_office_urls

    check_office_urls(load_catalogue(params.pack.catalogue), params.pack.office_urls)
