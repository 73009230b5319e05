"""The registry of report families: each entry names what its notebook reads and writes, and nothing else."""

from __future__ import annotations

import pytest

from ita_report.config.params import Params
from ita_report.config.registry import FAMILIES, report_of_table
from ita_report.records.datasets import PLAN_DATASETS, RECORD_DATASETS
from tests.conftest import YEAR


@pytest.mark.parametrize("family", FAMILIES.values(), ids=lambda f: f.name)
def test_an_entry_names_real_params_sections_and_datasets(family):
    assert set(family.sections) <= set(Params.model_fields)
    assert set(family.datasets) <= {d.name for d in (*PLAN_DATASETS, *RECORD_DATASETS)}
    assert family.notebook.is_file()


def test_no_table_is_claimed_by_two_families():
    tables = [table for family in FAMILIES.values() for table in family.tables]
    assert len(tables) == len(set(tables))


def test_the_example_pack_writes_exactly_the_tables_the_registry_lists(built):
    written = {path.stem for path in (built.output_dir(YEAR) / "tables").iterdir()}
    assert written == {table for family in FAMILIES.values() for table in family.tables}
    assert {report_of_table(stem) for stem in written} == set(FAMILIES)
