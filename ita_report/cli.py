"""The `ita-report` command: each domain error becomes one message and a non-zero exit."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import DataError, ItaReportError
from .paths import Project

PROJECT_OPTION = click.option(
    "--project",
    "project_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default="the current folder",
    help="Folder holding data/, params/ and output/.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Build a Thai state office's ITA evidence pack from its own records."""


@cli.command()
@click.option("--year", "years", type=int, multiple=True, required=True, help="Fiscal year (B.E.), e.g. 2561.")
@PROJECT_OPTION
def build(years: tuple[int, ...], project_dir: Path) -> None:
    """Check the inputs, run the year's report notebooks and write output/<year>/."""
    from .build import build_year  # imported here so that `--help` stays fast

    project = Project.at(project_dir)
    for year in years:
        target = build_year(project, year, log=lambda line: click.echo(f"[{year}] {line}", err=True))
        click.echo(f"built {project.relative(target)}")


@cli.command()
@click.option("--year", type=int, required=True, help="Fiscal year (B.E.), e.g. 2561.")
@PROJECT_OPTION
def validate(year: int, project_dir: Path) -> None:
    """Check the year's params and every data file; list every problem, or say OK."""
    from .loading import load_year
    from .params import load_params

    project = Project.at(project_dir)
    data = load_year(project, load_params(project, year))
    counts = [f"{name}: {len(frame)} rows" for name, frame in data.frames.items()]
    click.echo(f"OK {project.relative(project.data_dir(year))}: " + "; ".join(counts or ["no data files"]))


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except DataError as exc:
        for problem in exc.problems:
            click.echo(f"error: {problem}", err=True)
        click.echo(f"{len(exc.problems)} problem(s) in the input files; nothing was written", err=True)
        sys.exit(1)
    except ItaReportError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
