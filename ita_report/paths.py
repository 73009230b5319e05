"""Where things live: the tool's own files, and a project's data, params and output."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
NOTEBOOKS_DIR = REPO_DIR / "notebooks"
TEMPLATES_DIR = PACKAGE_DIR / "templates"


@dataclass(frozen=True)
class Project:
    """A folder holding `data/`, `params/` and `output/` for one office."""

    root: Path

    @classmethod
    def at(cls, root: str | Path) -> Project:
        return cls(Path(root).resolve())

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
