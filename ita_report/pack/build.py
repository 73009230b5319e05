"""Building a year's pack: check inputs, run the report notebooks in parallel, swap in whole."""

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
from ita_report.core.paths import Project
from ita_report.pack.manifest import build_key, read_manifest, verify_pack, write_manifest
from ita_report.pack.runner import NOTEBOOKS_OUT, Outcome, run_report

Log = Callable[[str], None]


@dataclass(frozen=True)
class Built:
    fiscal_year: int
    pack: Path
    rebuilt: bool


def default_jobs() -> int:
    return os.cpu_count() or 1


def build_year(project: Project, fiscal_year: int, log: Log = print, jobs: int = 1, force: bool = False) -> Built:
    """Build output/<year>/; on any failure the previous pack stays exactly as it was."""
    params = load_params(project, fiscal_year)
    key = build_key(project, fiscal_year, params.reports)
    target = project.output_dir(fiscal_year)
    if not force and _up_to_date(target, key):
        log("unchanged since the last build; nothing to do")
        return Built(fiscal_year, target, rebuilt=False)
    check_inputs(project, params)
    staging_name = f"output/.staging-{fiscal_year}"
    staging = _empty_dir(project.root / staging_name)
    try:
        outcomes = _run_reports(project, params, staging_name, jobs, log)
        failed = [o for o in outcomes if o.error]
        if failed:
            raise BuildError(_failure_message(project, fiscal_year, failed))
        _write_site(staging, params)
        write_manifest(staging, project, fiscal_year, params.reports, key, params.model_dump(mode="json"))
    except BuildError:
        keep = project.output_root() / f"{fiscal_year}.failed"
        shutil.rmtree(keep, ignore_errors=True)
        staging.rename(keep)
        raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_in(staging, target)
    shutil.rmtree(project.output_root() / f"{fiscal_year}.failed", ignore_errors=True)
    return Built(fiscal_year, target, rebuilt=True)


def check_inputs(project: Project, params: Params) -> None:
    """Load every input the year's reports read; raise DataError listing every problem."""
    from ita_report.config.catalogue import load_catalogue
    from ita_report.records.year import load_year  # pandas is only needed when something is to be built

    load_year(project, params)
    if params.pack is not None:
        load_catalogue(params.pack.catalogue)


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


def _up_to_date(pack: Path, key: str) -> bool:
    manifest = read_manifest(pack)
    return manifest is not None and manifest.get("build_key") == key and not verify_pack(pack)


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


def _failure_message(project: Project, fiscal_year: int, failed: list[Outcome]) -> str:
    kept = project.relative(project.output_root() / f"{fiscal_year}.failed" / NOTEBOOKS_OUT)
    lines = [outcome.error or "" for outcome in failed]
    lines.append(
        f"the executed notebooks, with the failing cell marked, are in {kept}; "
        f"{project.relative(project.output_dir(fiscal_year))} was left as it was"
    )
    return "\n".join(lines)


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
