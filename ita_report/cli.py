"""The `ita-report` command: each domain error becomes one message and a non-zero exit."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ita_report.core.errors import DataError, ItaReportError
from ita_report.core.os_errors import os_error_message
from ita_report.core.paths import Project

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
@click.option("--year", "years", type=int, multiple=True, help="Fiscal year (B.E.), e.g. 2561; repeat for more.")
@click.option("--all", "all_years", is_flag=True, help="Every year that has a file in params/.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Notebooks run at once.  [default: the number of cores]")
@click.option("--force", is_flag=True, help="Rebuild even when nothing has changed.")
@click.option("--sign-key", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The office's signing key (office-signing-key.pem from keygen): sign the pack's manifest.json.")
@PROJECT_OPTION
def build(years: tuple[int, ...], all_years: bool, jobs: int | None, force: bool, sign_key: Path | None,
          project_dir: Path) -> None:
    """Check the inputs, run the year's report notebooks and write output/<year>/."""
    from ita_report.pack.build import build_year, default_jobs

    project = Project.at(project_dir)
    if all_years:
        years = tuple(sorted({*years, *(int(p.stem) for p in (project.root / "params").glob("*.yaml") if p.stem.isdigit())}))
    if not years:
        raise click.UsageError("name a year with --year Y, or use --all")
    if sign_key is not None:
        from ita_report.pack.signing import read_signing_key

        read_signing_key(sign_key)  # a wrong key file stops here, not after every notebook has run
    for year in years:
        built = build_year(project, year, log=lambda line: click.echo(f"[{year}] {line}", err=True),
                           jobs=jobs or default_jobs(), force=force, sign_key=sign_key)
        click.echo(f"{'built' if built.rebuilt else 'up to date'} {project.relative(built.pack)}")


@cli.command("reports")
def reports_command() -> None:
    """List the reports params `reports:` can name: each one's title, params sections, datasets and tables."""
    from ita_report.config.registry import FAMILIES

    for family in FAMILIES.values():
        click.echo(f"{family.name}: {family.title}")
        click.echo(f"  params sections: {', '.join(family.sections)}")
        click.echo(f"  datasets: {', '.join(family.datasets)}")
        click.echo(f"  tables: {', '.join(family.tables)}")


@cli.command()
@click.argument("pack", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--key", "public_key", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The office's public key (office-public-key.pem from keygen): also check the signature.")
def verify(pack: Path, public_key: Path | None) -> None:
    """Re-hash a pack and report every file that differs from its manifest.json; check its signature with --key."""
    from ita_report.pack.manifest import load_manifest, verify_pack
    from ita_report.pack.signing import check_seal

    load_manifest(pack)  # a damaged manifest is one error, not a list of differences
    seal = check_seal(pack, public_key)
    differences = verify_pack(pack) + seal.problems
    for line in differences:
        click.echo(line)
    if differences:
        raise SystemExit(1)
    if public_key is not None:
        click.echo(f"OK {pack}: every file matches manifest.json, signed with the office key {seal.key_fingerprint}")
    elif seal.key_fingerprint is not None:
        click.echo(f"OK {pack}: every file matches manifest.json; the signature was not checked: "
                   "add --key with the office's public key file to check it")
    else:
        click.echo(f"OK {pack}: every file matches manifest.json")


@cli.command()
@click.option("--out", "folder", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The folder to write the two key files into; not the project's output/ nor any published folder.")
def keygen(folder: Path) -> None:
    """Make the office's key pair for signing packs: a secret signing key and a public key to hand out."""
    from ita_report.pack.signing import make_key_pair

    pair = make_key_pair(folder)
    click.echo(f"wrote {pair.signing_key}: the secret signing key; keep it on the office's machine only, "
               f"and sign with: ita-report build --year Y --sign-key {pair.signing_key}")
    click.echo(f"wrote {pair.public_key}: the public key; give it to whoever checks the packs, who runs: "
               f"ita-report verify PACK --key {pair.public_key.name}")
    click.echo(f"public key fingerprint: {pair.fingerprint}")


@cli.command()
@click.option("--year", type=int, required=True, help="Fiscal year (B.E.), e.g. 2561.")
@PROJECT_OPTION
def validate(year: int, project_dir: Path) -> None:
    """Check the year's params and every data file; list every problem, or say OK."""
    from ita_report.config.params import load_params
    from ita_report.pack.preflight import check_year

    project = Project.at(project_dir)
    data = check_year(project, load_params(project, year))
    counts = [f"{name}: {len(frame)} rows" for name, frame in data.frames.items()]
    click.echo(f"OK {project.relative(project.data_dir(year))}: " + "; ".join(counts or ["no data files"]))
    if data.examples:
        from ita_report.config.registry import EXAMPLE_BANNER

        click.echo(f"note: {', '.join(sorted(data.examples))} hold invented example records ({EXAMPLE_BANNER})", err=True)


@cli.command("new-year")
@click.argument("year", type=int)
@PROJECT_OPTION
def new_year_command(year: int, project_dir: Path) -> None:
    """Start a year: params/<year>.yaml and Excel templates; overwrites nothing."""
    from ita_report.records.new_year import new_year

    project = Project.at(project_dir)
    for path in new_year(project, year):
        click.echo(f"created {project.relative(path)}")


@cli.command("import-egp")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--year", type=int, required=True, help="Fiscal year (B.E.), e.g. 2561.")
@click.option("--agency", required=True, help="The office as e-GP names it in ชื่อหน่วยงาน or ชื่อหน่วยงานย่อย.")
@PROJECT_OPTION
def import_egp_command(file: Path, year: int, agency: str, project_dir: Path) -> None:
    """Add the office's rows of an e-GP contract CSV to data/<year>/procurement.csv."""
    from ita_report.interchange.egp import import_egp

    _report_import(import_egp(Project.at(project_dir), year, file, agency))


@cli.command("import-ocds")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--year", type=int, required=True, help="Fiscal year (B.E.), e.g. 2561.")
@PROJECT_OPTION
def import_ocds_command(file: Path, year: int, project_dir: Path) -> None:
    """Add the records of an OCDS release/record package or JSON Lines to data/<year>/."""
    from ita_report.interchange.ocds_import import import_ocds

    _report_import(import_ocds(Project.at(project_dir), year, file))


@cli.command("export-ocds")
@click.option("--year", type=int, required=True, help="Fiscal year (B.E.), e.g. 2561.")
@click.option("-o", "--output", "target", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The JSON Lines file to write, e.g. ocds-2561.jsonl.")
@PROJECT_OPTION
def export_ocds_command(year: int, target: Path, project_dir: Path) -> None:
    """Write the year's procurement as OCDS compiled releases, one per line."""
    from ita_report.interchange.ocds_export import export_ocds

    count = export_ocds(Project.at(project_dir), year, target)
    click.echo(f"wrote {count} compiled release(s) to {target}")


def _report_import(result) -> None:
    """The summary of an import; rejected rows go to stderr and make the exit non-zero."""
    from ita_report.interchange.egp import RowsRejected

    bids = f" with {result.bids_added} bid(s)" if result.bids_added else ""
    click.echo(
        f"{result.target}: added {len(result.added)}{bids} (วงเงิน {result.budget_added:,.2f} บาท), "
        f"already present {len(result.present)}, rejected {result.rejected_rows}"
    )
    if result.left_out:
        click.echo(f"left out {result.left_out} row(s) of other agencies")
    for note in result.filled_in:
        click.echo(f"check: {note}")
    for rejection in result.rejected:
        click.echo(f"rejected: {rejection}", err=True)
    if result.rejected:
        raise RowsRejected(
            f"{result.rejected_rows} record(s) of {result.source} rejected; correct them and import again "
            "(records already added are skipped)"
        )


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
    except OSError as exc:  # the system refused a read or write outside a build: one sentence, no traceback
        click.echo(f"error: {os_error_message(exc)}", err=True)
        sys.exit(1)
