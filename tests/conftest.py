"""Fixtures: a scratch copy of the project, and one real build of FY 2561 shared by the suite."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ita_report.core.paths import Project
from ita_report.pack.build import build_year
from tests import REPO_DIR

YEAR = 2561


def copy_project(target: Path) -> Project:
    for folder in ("data", "params"):
        shutil.copytree(REPO_DIR / folder, target / folder)
    return Project.at(target)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A copy of the repo's data and params that a test may damage."""
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A project whose FY 2561 pack has been built once, read by many tests (never written to)."""
    project = copy_project(tmp_path_factory.mktemp("built"))
    build_year(project, YEAR, log=lambda line: None, jobs=2)
    return project
