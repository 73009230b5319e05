"""The command line: help for every command; bad input stops the build and keeps the last pack."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from ita_report.cli import cli, main

YEAR = 2561


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ita_report", *args], capture_output=True, text=True, cwd=cwd
    )


def run_in_process(*args: str) -> subprocess.CompletedProcess:
    """`ita-report ARGS` through the same entry point, in this process: exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["ita-report", *args]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
        code = 0
    except SystemExit as exited:
        code = exited.code if isinstance(exited.code, int) else 1
    finally:
        sys.argv = argv
    return subprocess.CompletedProcess(["ita-report", *args], code, out.getvalue(), err.getvalue())


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def last_pack(project):
    """An existing output/2561 that a failed build must leave byte for byte as it was."""
    pack = project.output_dir(YEAR)
    (pack / "tables").mkdir(parents=True)
    (pack / "plan.html").write_text("<p>last good pack</p>", encoding="utf-8")
    (pack / "tables" / "plan_overview.csv").write_bytes(b"\xef\xbb\xbfold\n")
    return pack


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"Usage: python -m ita_report {command} ")
    summary = cli.commands[command].help.split("\n\n")[0]
    assert " ".join(summary.split()) in " ".join(result.stdout.split())


@pytest.mark.parametrize("command", sorted(set(cli.commands) - {"verify", "reports", "keygen"}))
def test_every_command_on_a_project_takes_project(command):
    assert "--project" in run(command, "--help").stdout


def test_reports_lists_every_family_of_the_registry_with_what_it_reads_and_writes():
    result = run("reports")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "plan: มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
        "  params sections: announcement, signatory",
        "  datasets: projects, indicators, responsible_units",
        "  tables: plan_overview, plan_by_area, plan_by_policy, plan_by_unit, plan_funded_projects, plan_projects",
    ]
    assert [line.split(":")[0] for line in lines[::4]] == [
        "plan", "procurement_monthly", "procurement", "progress", "budget", "complaints",
    ]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "params/2561.yaml",
            "digits: thai",
            "digits: thai\nfont: Angsana",
            "error: params/2561.yaml: unknown key 'font'; allowed keys here: "
            "fiscal_year, office, digits, reports, lists, announcement, signatory, "
            "procurement, progress, complaints, pack\n",
        ),
        (
            "params/2561.yaml",
            "reports:\n  - plan\n  - procurement_monthly\n  - procurement\n  - progress\n  - budget\n  - complaints\n",
            "reports: []\n",
            "error: params/2561.yaml names no report under 'reports:', so there is nothing to build; "
            "add the reports this year needs (ita-report reports lists them)\n",
        ),
        (
            "params/2561.yaml",
            "fiscal_year: 2561",
            "fiscal_year: ๒๕๖๑ปี",
            "error: params/2561.yaml: key 'fiscal_year' is '๒๕๖๑ปี'; expected a whole number\n",
        ),
        (
            "data/2561/projects.csv",
            "รหัสนโยบาย,",
            "รหัสนโยบย,",
            "error: data/2561/projects.csv, row 1, column 'รหัสนโยบาย': column is missing\n"
            "error: data/2561/projects.csv, row 1, column 'รหัสนโยบย': unknown column; expected only: "
            "โครงการที่, รหัสนโยบาย, ชื่อโครงการ/กิจกรรม, งบประมาณ (บาท), ระยะเวลาดำเนินการ\n"
            "2 problem(s) in the input files; nothing was written\n",
        ),
        (
            "data/2561/projects.csv",
            ",1545340,",
            ",1.5 ล้าน,",
            "error: data/2561/projects.csv, row 10, column 'งบประมาณ (บาท)': value '1.5 ล้าน'; "
            "expected an amount in baht (a number; '-' means 0)\n"
            "1 problem(s) in the input files; nothing was written\n",
        ),
    ],
)
def test_bad_input_stops_the_build_and_keeps_the_last_pack(project, last_pack, file, old, new, message):
    before = snapshot(project.root / "output")
    edit(project.root / file, old, new)
    result = run("build", "--year", str(YEAR), "--project", str(project.root))
    assert (result.returncode, result.stderr, result.stdout) == (1, message, "")
    assert snapshot(project.root / "output") == before


def test_a_year_without_params_is_named(project):
    result = run("build", "--year", "2599", "--project", str(project.root))
    assert (result.returncode, result.stderr) == (1, "error: params/2599.yaml: no params file for this fiscal year\n")
