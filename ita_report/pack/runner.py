"""Running one report: execute its notebook with papermill, then export HTML and PDF in-process."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

NOTEBOOKS_OUT = "notebooks"
_VOLATILE_CELL_KEYS = ("execution", "papermill")  # timings that differ on every run


@dataclass(frozen=True)
class Outcome:
    """What a worker reports back: picklable, with the failure already put into words."""

    report: str
    seconds: float
    error: str | None = None


def run_report(report: str, notebook: Path, fiscal_year: int, project_root: str, staging: str, title: str) -> Outcome:
    """Execute, normalise and export one report into the staging folder; never raises.

    The kernel runs in the project folder and gets paths relative to it, so the executed
    notebook is the same wherever the project lives."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from ita_report.present.export import notebook_html, write_pdf

    started = time.perf_counter()
    out = Path(project_root) / staging
    executed = out / NOTEBOOKS_OUT / f"{report}.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(
            notebook,
            executed,
            parameters={"fiscal_year": fiscal_year, "project_dir": ".", "output_dir": staging},
            kernel_name="python3",
            cwd=project_root,
            progress_bar=False,
            # ipykernel warns on every start that localhost TCP is unencrypted; the kernel is
            # local and short-lived, and a user reading the build log should not be alarmed
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
        )
    except PapermillExecutionError as exc:
        normalise(executed)
        return Outcome(report, time.perf_counter() - started,
                       f"notebook {report}.ipynb failed in cell {exc.exec_count}: {exc.ename}: {exc.evalue}")
    except Exception as exc:  # a kernel that dies or cannot start: say so, the build decides
        return Outcome(report, time.perf_counter() - started,
                       f"notebook {report}.ipynb could not run: {type(exc).__name__}: {exc}")
    normalise(executed)
    html = notebook_html(executed, title)
    (out / f"{report}.html").write_text(html, encoding="utf-8")
    write_pdf(html, out / f"{report}.pdf")
    return Outcome(report, time.perf_counter() - started)


def normalise(executed: Path) -> None:
    """Drop the timings papermill and nbclient record, so two builds give the same bytes."""
    nb = nbformat.read(executed, as_version=4)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        for key in _VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill gives it a random id
    nbformat.write(nb, executed)
