"""Build speed of FY 2561: ita-report's build against running the same notebooks the naive way.

Measures, each the median of --runs runs in a scratch copy of the project:
  (a) a cold build: `ita-report build --year 2561 --force` (notebooks in parallel, export in-process);
  (b) the naive way, one notebook after another: the papermill CLI, then
      `jupyter nbconvert --to html --no-input`, then the WeasyPrint CLI for the PDF;
  (c) a rebuild with nothing changed.
Then prints the ratios (a)/(b) and the time of (c).

    .venv/bin/python benchmarks/build_speed.py [--year 2561] [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def timed(command: list[str], cwd: Path) -> float:
    """Seconds one command takes; a failing command stops the benchmark."""
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def scratch_project() -> Path:
    """A fresh copy of the project's data and params, with no output yet."""
    root = Path(tempfile.mkdtemp(prefix="ita-bench-"))
    for folder in ("data", "params"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def reports_of(year: int) -> list[str]:
    sys.path.insert(0, str(REPO))
    from ita_report.config.params import load_params
    from ita_report.core.paths import Project

    return load_params(Project.at(REPO), year).reports


def cold_build(year: int) -> float:
    project = scratch_project()
    try:
        return timed([str(BIN / "ita-report"), "build", "--year", str(year), "--force"], project)
    finally:
        shutil.rmtree(project)


def naive_build(year: int, reports: list[str]) -> float:
    project = scratch_project()
    out = project / "naive"
    out.mkdir()
    total = 0.0
    try:
        for report in reports:
            executed = out / f"{report}.ipynb"
            total += timed([str(BIN / "papermill"), str(REPO / "notebooks" / f"{report}.ipynb"), str(executed),
                            "-p", "fiscal_year", str(year), "-p", "project_dir", str(project),
                            "-p", "output_dir", str(out), "--cwd", str(project)], project)
            total += timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)], project)
            total += timed([str(BIN / "weasyprint"), str(out / f"{report}.html"), str(out / f"{report}.pdf")], project)
        return total
    finally:
        shutil.rmtree(project)


def unchanged_rebuild(year: int) -> list[float]:
    project = scratch_project()
    try:
        timed([str(BIN / "ita-report"), "build", "--year", str(year)], project)
        return [timed([str(BIN / "ita-report"), "build", "--year", str(year)], project) for _ in range(3)]
    finally:
        shutil.rmtree(project)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2561)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    reports = reports_of(args.year)
    print(f"FY {args.year}: {len(reports)} notebooks ({', '.join(reports)}); median of {args.runs} runs")
    cold = statistics.median(cold_build(args.year) for _ in range(args.runs))
    print(f"(a) cold build, ita-report build:        {cold:7.2f} s")
    naive = statistics.median(naive_build(args.year, reports) for _ in range(args.runs))
    print(f"(b) naive: papermill, nbconvert, PDF:    {naive:7.2f} s")
    rebuild = statistics.median(unchanged_rebuild(args.year))
    print(f"(c) rebuild with nothing changed:        {rebuild:7.2f} s")
    print(f"cold / naive = {cold / naive:.2f}  (target ≤ 0.35);  no-change rebuild {rebuild:.2f} s (target ≤ 1.5 s)")


if __name__ == "__main__":
    main()
