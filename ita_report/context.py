"""What a report notebook works with: the year's params, its data, and where outputs go."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from IPython.display import Image
from matplotlib.figure import Figure

from .charts import png_bytes
from .params import Params, load_params
from .paths import Project
from .plan import Plan, load_plan
from .present import Html, table_html
from .thai import format_baht

TABLES_DIR = "tables"
CHARTS_DIR = "charts"


@dataclass(frozen=True)
class Year:
    """One fiscal year of one project, as a notebook sees it."""

    project: Project
    params: Params
    output_dir: Path | None

    @property
    def digits(self):
        return self.params.digits

    def plan(self) -> Plan:
        return load_plan(self.project, self.params.fiscal_year)

    def table(self, name: str, frame: pd.DataFrame, **options) -> Html:
        """Write the table as CSV (UTF-8 with BOM, for Excel) and return it for display."""
        if self.output_dir is not None:
            folder = self.output_dir / TABLES_DIR
            folder.mkdir(parents=True, exist_ok=True)
            frame.to_csv(folder / f"{name}.csv", index=False, encoding="utf-8-sig", lineterminator="\n")
        return table_html(frame, self.digits, **options)

    def chart(self, name: str, figure: Figure) -> Image:
        """Write the chart as PNG and return it for display."""
        data = png_bytes(figure)
        if self.output_dir is not None:
            folder = self.output_dir / CHARTS_DIR
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{name}.png").write_bytes(data)
        return Image(data=data, format="png", metadata={"alt": figure.get_suptitle()})

    def baht(self, amount: float) -> Html:
        """An amount in digits followed by the amount in words, as official documents write it."""
        return Html(f'<p class="total-words">{format_baht(amount, self.digits)}</p>')


def open_year(project_dir: str | Path, fiscal_year: int, output_dir: str | Path | None = None) -> Year:
    """The year a notebook reports on; params are checked on the way in."""
    project = Project.at(project_dir)
    return Year(project, load_params(project, fiscal_year), Path(output_dir) if output_dir else None)
