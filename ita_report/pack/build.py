"""Building a year's pack: check inputs, take the lock, run the report notebooks in parallel, publish in one step."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ita_report.config.params import Params, load_params
from ita_report.config.registry import family
from ita_report.core.errors import BuildError
from ita_report.core.os_errors import os_error_in, os_error_message
from ita_report.core.paths import Project
from ita_report.pack.lock import build_lock
from ita_report.pack.manifest import build_key, read_manifest, verify_pack, write_manifest
from ita_report.pack.runner import NOTEBOOKS_OUT, Outcome, run_report
from ita_report.pack.signing import seal_pack, sealed_with
from ita_report.pack.swap import leftovers, publish, repair, staging_for

Log = Callable[[str], None]


@dataclass(frozen=True)
class Built:
    fiscal_year: int
    pack: Path
    rebuilt: bool


def default_jobs() -> int:
    return os.cpu_count() or 1


def build_year(
    project: Project, fiscal_year: int, log: Log = print, jobs: int = 1, force: bool = False,
    sign_key: Path | None = None,
) -> Built:
    """Build output/<year>/, its manifest signed with sign_key if given; on any failure, or a kill, the
    previous pack stays exactly as it was."""
    params = load_params(project, fiscal_year)
    if not params.reports:
        raise BuildError(
            f"{project.relative(project.params_file(fiscal_year))} names no report under 'reports:', so there is "
            "nothing to build; add the reports this year needs (ita-report reports lists them)"
        )
    key = build_key(project, fiscal_year, params.reports)
    target = project.output_dir(fiscal_year)
    if not force and _up_to_date(target, key, sign_key) and not leftovers(target):
        return _unchanged(target, fiscal_year, log)
    check_inputs(project, params)
    try:
        with build_lock(project, fiscal_year):
            repair(target)
            if not force and _up_to_date(target, key, sign_key):
                return _unchanged(target, fiscal_year, log)
            _build(project, params, key, target, jobs, log, sign_key)
    except OSError as error:
        raise BuildError(f"{os_error_message(error, project)} ({_left(project, target)})") from error
    shutil.rmtree(project.output_root() / f"{fiscal_year}.failed", ignore_errors=True)
    return Built(fiscal_year, target, rebuilt=True)


def _build(
    project: Project, params: Params, key: str, target: Path, jobs: int, log: Log, sign_key: Path | None
) -> None:
    """Write the pack into a staging folder, then publish it at target in one step."""
    staging = staging_for(target)
    staging.mkdir()  # repair() has removed any staging folder a killed build left
    try:
        outcomes = _run_reports(project, params, project.relative(staging), jobs, log)
        _raise_failures(project, params.fiscal_year, outcomes)
        _write_site(staging, params)
        write_manifest(staging, project, params.fiscal_year, params.reports, key, params.model_dump(mode="json"))
        seal_pack(staging, sign_key)
        publish(staging, target)
    except BuildError:
        keep = project.output_root() / f"{params.fiscal_year}.failed"
        shutil.rmtree(keep, ignore_errors=True)
        staging.rename(keep)
        raise
    except OSError as error:
        if error.filename is None:  # a write to an open file: the folder being written is all that is known
            error.filename = str(staging)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def check_inputs(project: Project, params: Params) -> None:
    """Load every input the year's reports read; raise DataError listing every problem."""
    from ita_report.pack.preflight import check_year  # pandas is only needed when something is to be built

    check_year(project, params)


def _write_site(staging: Path, params: Params) -> None:
    """The pack's index of OIT items and its ZIP, when params name a catalogue."""
    if params.pack is None:
        return
    from ita_report.config.catalogue import load_catalogue
    from ita_report.pack.coverage import coverage
    from ita_report.pack.site import write_site, write_zip

    catalogue = load_catalogue(params.pack.catalogue)
    covered = coverage(catalogue, staging, params.reports, office_urls=params.pack.office_urls,
                       fiscal_year=params.fiscal_year)
    write_site(staging, params, catalogue, covered, params.pack.base_url)
    write_zip(staging, staging / f"ita-pack-{params.fiscal_year}.zip", folder=str(params.fiscal_year))


def _up_to_date(pack: Path, key: str, sign_key: Path | None) -> bool:
    """Built from the same inputs, intact, and signed as asked (a signed build over an unsigned pack rebuilds)."""
    manifest = read_manifest(pack)
    return (
        manifest is not None and manifest.get("build_key") == key and not verify_pack(pack)
        and sealed_with(pack, sign_key)
    )


def _run_reports(project: Project, params: Params, staging: str, jobs: int, log: Log) -> list[Outcome]:
    tasks = [
        (report, family(report).notebook, params.fiscal_year, str(project.root), staging,
         family(report).heading(params.fiscal_year, params.digits))
        for report in params.reports
    ]
    for report in params.reports:
        log(f"{report}: queued")
    if jobs <= 1 or len(tasks) <= 1:
        return list(_logged(map(lambda task: run_report(*task), tasks), log))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=context) as pool:
        futures = [pool.submit(run_report, *task) for task in tasks]
        finished = {outcome.report: outcome for outcome in _logged((f.result() for f in as_completed(futures)), log)}
    return [finished[report] for report in params.reports]


def _logged(outcomes: Iterable[Outcome], log: Log) -> Iterable[Outcome]:
    for outcome in outcomes:
        state = "failed" if outcome.error else "done"
        log(f"{outcome.report}: {state} in {outcome.seconds:.1f} s")
        yield outcome


def _raise_failures(project: Project, fiscal_year: int, outcomes: list[Outcome]) -> None:
    """BuildError naming each failed notebook; an OSError when the machine, not a notebook, failed."""
    failed = [o for o in outcomes if o.error]
    for outcome in failed:
        error = os_error_in(outcome.error or "")
        if error is not None:  # a full disk inside a kernel: said as such, and nothing kept to fill it more
            raise error
    if failed:
        raise BuildError(_failure_message(project, fiscal_year, failed))


def _failure_message(project: Project, fiscal_year: int, failed: list[Outcome]) -> str:
    kept = project.relative(project.output_root() / f"{fiscal_year}.failed" / NOTEBOOKS_OUT)
    lines = [outcome.error or "" for outcome in failed]
    left = _left(project, project.output_dir(fiscal_year))
    lines.append(f"the executed notebooks, with the failing cell marked, are in {kept}; {left}")
    return "\n".join(lines)


def _left(project: Project, target: Path) -> str:
    """What a failed build did to the published pack: nothing, which is only worth saying when there is one."""
    if target.exists():
        return f"{project.relative(target)} was left as it was"
    return f"no pack was published at {project.relative(target)}"


def _unchanged(target: Path, fiscal_year: int, log: Log) -> Built:
    log("unchanged since the last build; nothing to do")
    return Built(fiscal_year, target, rebuilt=False)
