"""Where things live: the tool's own files (inside the package), and a project's data, params and output."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ita_report.core.errors import ItaReportError

PACKAGE_DIR = Path(__file__).resolve().parents[1]
REPORTS_DIR = PACKAGE_DIR / "reports"
TEMPLATES_DIR = PACKAGE_DIR / "present" / "templates"
CATALOGUES_DIR = PACKAGE_DIR / "config" / "catalogues"
TABLES_DIR = "tables"  # in a pack: every table a report writes, as CSV and/or Excel


class ProjectNotFound(ItaReportError):
    """No project folder around the place a notebook runs in."""


@dataclass(frozen=True)
class Project:
    """A folder holding `data/`, `params/` and `output/` for one office."""

    root: Path

    @classmethod
    def at(cls, root: str | Path) -> Project:
        return cls(Path(root).resolve())

    @classmethod
    def around(cls, start: str | Path = ".") -> Project:
        """The project a notebook opened in JupyterLab belongs to: the nearest folder, from
        `start` upwards, that holds params/."""
        here = Path(start).resolve()
        for folder in (here, *here.parents):
            if (folder / "params").is_dir():
                return cls(folder)
        raise ProjectNotFound(
            f"no folder with params/ at or above {here}; start JupyterLab in the office's project "
            "folder, or set project_dir in the notebook's first cell"
        )

    def params_file(self, fiscal_year: int) -> Path:
        return self.root / "params" / f"{fiscal_year}.yaml"

    def data_dir(self, fiscal_year: int) -> Path:
        return self.root / "data" / str(fiscal_year)

    def output_root(self) -> Path:
        return self.root / "output"

    def output_dir(self, fiscal_year: int) -> Path:
        return self.output_root() / str(fiscal_year)

    def relative(self, path: Path) -> str:
        """A path as the user knows it: relative to the project when inside it."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)
