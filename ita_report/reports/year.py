"""What a report notebook works with: the year's params, its data, and where outputs go."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
from IPython.display import Image
from matplotlib.figure import Figure

from ita_report.config.params import Params, load_params, load_previous_params
from ita_report.config.registry import EXAMPLE_BANNER, family
from ita_report.core.paths import TABLES_DIR, Project
from ita_report.core.spreadsheet import safe_frame
from ita_report.core.thai import format_baht, thai_date
from ita_report.present.charts import png_bytes
from ita_report.present.html import Html, table_html, text
from ita_report.records.plan import Plan, load_plan
from ita_report.records.year import YearData, load_year

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

    @cached_property
    def data(self) -> YearData:
        """Every input of the year, checked."""
        return load_year(self.project, self.params)

    @cached_property
    def previous(self) -> tuple[Params, YearData] | None:
        """The previous fiscal year's params and records, when the project has them."""
        params = load_previous_params(self.project, self.params.fiscal_year)
        return None if params is None else (params, load_year(self.project, params))

    def plan(self) -> Plan:
        return self.data.plan if self.data.plan is not None else load_plan(self.project, self.params.fiscal_year)

    def banner(self, report: str) -> Html:
        """The example-data banner, shown on every page, when any dataset the report reads is invented."""
        if not self.data.is_example(*family(report).datasets):
            return Html("")
        return Html(f'<div class="banner-example">{EXAMPLE_BANNER}</div>')

    def cover(self, report: str, report_date=None) -> Html:
        """The report's title block: office, title with the fiscal year, and the report date."""
        office = self.params.office
        lines = [
            f'<p class="office">{text(office.name, self.digits)}</p>',
            f"<h1>{text(family(report).heading(self.params.fiscal_year), self.digits)}</h1>",
        ]
        if report_date is not None:
            lines.append(f"<p>ข้อมูล ณ วันที่ {text(thai_date(report_date, self.digits), self.digits)}</p>")
        return Html('<header class="report-cover">' + "".join(lines) + "</header>")

    def workbook(self, name: str, sheets: dict[str, pd.DataFrame]) -> Path | None:
        """Write an Excel workbook, one sheet per table, under tables/; text stays text."""
        if self.output_dir is None:
            return None
        from ita_report.records.workbook import write_workbook

        folder = self.output_dir / TABLES_DIR
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{name}.xlsx"
        write_workbook(sheets, target)
        return target

    def table(self, name: str, frame: pd.DataFrame, **options) -> Html:
        """Write the table as CSV (UTF-8 with BOM, for Excel; no cell a formula) and return it for display."""
        if self.output_dir is not None:
            folder = self.output_dir / TABLES_DIR
            folder.mkdir(parents=True, exist_ok=True)
            safe_frame(frame).to_csv(folder / f"{name}.csv", index=False, encoding="utf-8-sig", lineterminator="\n")
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


def open_year(project_dir: str | Path | None, fiscal_year: int, output_dir: str | Path | None = None) -> Year:
    """The year a notebook reports on; params are checked on the way in.

    Without a project folder (a notebook opened in JupyterLab), the project is the nearest folder
    above the notebook that holds params/."""
    project = Project.around() if project_dir is None else Project.at(project_dir)
    return Year(project, load_params(project, fiscal_year), Path(output_dir) if output_dir else None)
