"""The pack as a whole: repeatable to the byte, cached, verifiable, and safe when a notebook fails."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import nbformat
import pytest

from ita_report import cli
from ita_report.config.registry import FAMILIES
from ita_report.core.errors import BuildError
from ita_report.pack.build import build_year
from ita_report.pack.manifest import verify_pack
from tests.conftest import YEAR, copy_project
from tests.test_cli import snapshot

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"


def plan_only(project):
    """The project with only the plan report to build: these tests are about the pack, not reports."""
    path = project.params_file(YEAR)
    text = path.read_text(encoding="utf-8")
    start = text.index("reports:\n")
    end = text.index("\n\n", start)
    path.write_text(text[:start] + "reports:\n  - plan" + text[end:], encoding="utf-8")
    return project


def plan_runs(name: str, monkeypatch) -> None:
    """From now on the plan report runs the small fixture notebook tests/fixtures/notebooks/<name>.ipynb."""
    monkeypatch.setitem(FAMILIES, "plan", replace(FAMILIES["plan"], notebook_file=FIXTURES / f"{name}.ipynb"))


@pytest.fixture
def project(project, monkeypatch):
    """A plan-only project whose plan is a small notebook: the pack's machinery, not a report, is tested."""
    plan_runs("writes", monkeypatch)
    return plan_only(project)


def test_two_builds_into_different_folders_are_byte_identical(built, tmp_path):
    """The full pack, every report, built again elsewhere and with another number of jobs."""
    other = copy_project(tmp_path)
    build_year(other, YEAR, log=lambda line: None, jobs=1)
    assert snapshot(other.output_dir(YEAR)) == snapshot(built.output_dir(YEAR))


def test_manifest_lists_every_output_and_input_with_its_hash(built):
    pack = built.output_dir(YEAR)
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    seals = {"manifest.json", "manifest.sig", "fingerprint.html"}  # made from the manifest, so not listed in it
    outputs = sorted(p.relative_to(pack).as_posix() for p in pack.rglob("*") if p.is_file()
                     and p.relative_to(pack).as_posix() not in seals)
    assert sorted(manifest["outputs"]) == outputs
    assert "params/2561.yaml" in manifest["inputs"] and "data/2561/projects.csv" in manifest["inputs"]
    assert manifest["params"]["fiscal_year"] == YEAR
    assert manifest["python"].startswith("3.") and manifest["packages"]["papermill"]
    assert len(manifest["git_commit"]) >= 40 or manifest["git_commit"] == "unknown"


def test_an_unchanged_project_is_not_rebuilt_and_a_changed_one_is(project):
    assert build_year(project, YEAR, log=lambda line: None).rebuilt
    assert not build_year(project, YEAR, log=lambda line: None).rebuilt
    assert build_year(project, YEAR, log=lambda line: None, force=True).rebuilt
    projects = project.data_dir(YEAR) / "projects.csv"
    projects.write_text(projects.read_text(encoding="utf-8").replace(",1545340,", ",1545341,"), encoding="utf-8")
    assert build_year(project, YEAR, log=lambda line: None).rebuilt


def test_verify_reports_changed_missing_and_added_files(project, capsys, monkeypatch):
    pack = build_year(project, YEAR, log=lambda line: None).pack
    assert verify_pack(pack) == []
    (pack / "plan.html").write_text("tampered", encoding="utf-8")
    (pack / "notebooks" / "plan.ipynb").unlink()
    (pack / "extra.txt").write_text("x", encoding="utf-8")
    assert verify_pack(pack) == ["changed: plan.html", "missing: notebooks/plan.ipynb", "added: extra.txt"]
    monkeypatch.setattr(sys, "argv", ["ita-report", "verify", str(pack)])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 1
    assert capsys.readouterr().out == "changed: plan.html\nmissing: notebooks/plan.ipynb\nadded: extra.txt\n"


def test_a_failing_notebook_keeps_the_last_pack_and_names_the_cell(project, tmp_path, capsys, monkeypatch):
    good = snapshot(build_year(project, YEAR, log=lambda line: None).pack.parent)
    plan_runs("raises", monkeypatch)
    monkeypatch.setattr(sys, "argv", ["ita-report", "build", "--year", str(YEAR), "--force", "--jobs", "1",
                                      "--project", str(project.root)])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 1
    assert capsys.readouterr().err.splitlines()[-2:] == [
        "error: notebook plan.ipynb failed in cell 4: ValueError: ไม่มีข้อมูลงบประมาณ",
        "the executed notebooks, with the failing cell marked, are in output/2561.failed/notebooks; "
        "output/2561 was left as it was",
    ]
    after = snapshot(project.output_root())
    kept = {name: data for name, data in after.items() if name.startswith("2561.failed/")}
    assert {name: data for name, data in after.items() if name not in kept} == good
    failed = nbformat.read(project.output_root() / "2561.failed" / "notebooks" / "plan.ipynb", as_version=4)
    errors = [o for c in failed.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert [(e.ename, e.evalue) for e in errors] == [("ValueError", "ไม่มีข้อมูลงบประมาณ")]




def test_a_kernel_that_dies_is_named_and_the_last_pack_kept(project, monkeypatch):
    good = snapshot(build_year(project, YEAR, log=lambda line: None).pack.parent)
    plan_runs("dies", monkeypatch)
    with pytest.raises(BuildError) as caught:
        build_year(project, YEAR, log=lambda line: None, force=True)
    assert str(caught.value).splitlines()[0].startswith("notebook plan.ipynb could not run: DeadKernelError: ")
    after = snapshot(project.output_root())
    assert {name: data for name, data in after.items() if not name.startswith("2561.failed/")} == good
