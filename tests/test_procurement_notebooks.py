"""The procurement notebooks: an analyst's note, the parameters, the banner first, then short calls.

tests/test_notebooks.py checks every notebook for outputs, the parameters cell and logic; these
are the procurement notebooks' own rules.
"""

from __future__ import annotations

import nbformat
import pytest

from ita_report.config.registry import family

NOTEBOOKS = ["procurement_monthly", "procurement"]


def cells(name: str):
    return nbformat.read(family(name).notebook, as_version=4).cells


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_opens_with_a_note_for_the_analyst_only(name):
    first = cells(name)[0]
    assert first.cell_type == "markdown" and first.metadata["tags"] == ["remove-from-report"]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_banner_is_the_first_call_after_opening_the_year(name):
    code = [c.source for c in cells(name) if c.cell_type == "code"]
    assert code[1].startswith("import ita_report as ita\n\nyear = ita.open_year(project_dir, fiscal_year, output_dir)")
    assert code[2] == f'year.banner("{name}")'


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_cell_after_the_setup_is_one_short_statement(name):
    code = [c.source for c in cells(name) if c.cell_type == "code"]
    assert [source for source in code[2:] if "\n" in source or len(source) > 110] == []
