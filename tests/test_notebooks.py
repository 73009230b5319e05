"""Notebooks as the analyst meets them: thin, committed without outputs, runnable as they are."""

from __future__ import annotations

import ast

import nbformat
import papermill
import pytest

from ita_report.config.registry import FAMILIES
from ita_report.core.paths import REPORTS_DIR
from tests import REPO_DIR

NOTEBOOKS = [family.notebook for family in FAMILIES.values()]


def test_every_report_folder_is_a_registered_family_with_its_notebook():
    folders = sorted(p.parent for p in REPORTS_DIR.glob("*/__init__.py"))
    assert [f.name for f in folders] == sorted(FAMILIES)
    assert [sorted(p.name for p in f.glob("*.ipynb")) for f in folders] == [[f"{f.name}.ipynb"] for f in folders]


def code_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    assert [(c.outputs, c.execution_count) for c in code_cells(path)] == [([], None)] * len(code_cells(path))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_starts_with_one_parameters_cell(path):
    cells = code_cells(path)
    tagged = [c for c in cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0] is cells[0]
    names = [t.id for node in ast.parse(tagged[0].source).body for t in node.targets]
    assert names == ["fiscal_year", "project_dir", "output_dir"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_holds_no_logic_of_its_own(path):
    logic = (ast.FunctionDef, ast.ClassDef, ast.For, ast.While, ast.Lambda, ast.ListComp, ast.DictComp)
    for cell in code_cells(path):
        assert not [n for n in ast.walk(ast.parse(cell.source)) if isinstance(n, logic)], cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom_in_jupyterlab_and_writes_nothing(path, tmp_path):
    before = sorted(p for p in (REPO_DIR / "output").rglob("*")) if (REPO_DIR / "output").exists() else []
    papermill.execute_notebook(path, tmp_path / path.name, cwd=str(path.parent), progress_bar=False,
                               kernel_name="python3", extra_arguments=["--IPKernelApp.log_level=ERROR"])
    after = sorted(p for p in (REPO_DIR / "output").rglob("*")) if (REPO_DIR / "output").exists() else []
    assert after == before
