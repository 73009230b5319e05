"""The package as a wheel: notebooks, templates and catalogues travel with the code, with no warnings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import REPO_DIR
from tests.conftest import YEAR, copy_project
from tests.test_pack import plan_only


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> tuple[Path, str]:
    """The wheel pip builds from the checkout, and what the build printed."""
    folder = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--verbose", "--no-deps", "--no-build-isolation", "--wheel-dir",
         str(folder), str(REPO_DIR)],
        capture_output=True, text=True, cwd=folder,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return next(folder.glob("ita_report-*.whl")), built.stdout + built.stderr


def test_the_wheel_is_built_without_packaging_warnings(wheel):
    _, log = wheel
    assert [line for line in log.splitlines() if "Warning" in line or line.strip() == "!!"] == []


def test_a_non_editable_install_builds_a_pack_in_a_scratch_project(wheel, tmp_path):
    """Installed from the wheel alone (not the checkout), the command finds its notebooks and catalogues."""
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile", "--target",
                    str(target), str(wheel[0])], check=True)
    project = plan_only(copy_project(tmp_path / "office"))
    env = {**os.environ, "PYTHONPATH": str(target)}  # ahead of the checkout's editable install
    where = subprocess.run([sys.executable, "-c", "import ita_report; print(ita_report.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    assert Path(where.stdout.strip()).is_relative_to(target)
    result = subprocess.run([sys.executable, "-m", "ita_report", "build", "--year", str(YEAR), "--project",
                             str(project.root)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "built output/2561\n"
    pack = project.output_dir(YEAR)
    assert {"plan.html", "plan.pdf", "index.html", "manifest.json", "ita-pack-2561.zip"} <= {p.name for p in pack.iterdir()}
    assert (pack / "tables" / "plan_projects.csv").is_file()
