"""Executed notebook to a self-contained Thai HTML page, and that page to an A4 PDF."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from ita_report.config.registry import EXAMPLE_BANNER
from ita_report.core.paths import TEMPLATES_DIR
from ita_report.present.fonts import font_faces
from ita_report.present.render import render_template

BANNER_CLASS = 'class="banner-example"'  # put on the page by Year.banner() when records are invented


FONT_TIMESTAMP = "0"  # seconds since 1970, for the font subsets
REMOVE_TAG = "remove-from-report"  # cells for the analyst in JupyterLab, not for the reader


@cache
def _exporter() -> HTMLExporter:
    exporter = HTMLExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
    )
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={REMOVE_TAG}), enabled=True)
    return exporter


def notebook_html(notebook: Path, title: str) -> str:
    """The report as one HTML page: prose and outputs, no code, fonts embedded, no network."""
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        # warnings belong in the executed notebook, not in a document for the public
        cell["outputs"] = [
            out for out in cell.get("outputs", []) if not (out.output_type == "stream" and out.name == "stderr")
        ]
    body, _ = _exporter().from_notebook_node(nb)
    return render_template(
        "page.html.j2",
        title=title,
        body=body,
        css=(TEMPLATES_DIR / "report.css").read_text(encoding="utf-8"),
        font_faces=font_faces(),
        example_banner=EXAMPLE_BANNER if BANNER_CLASS in body else None,
    )


def write_pdf(html: str, target: Path) -> None:
    """Typeset the HTML page as an A4 PDF with the fonts embedded."""
    from weasyprint import HTML  # imported here: it loads Pango, which only PDF export needs

    # fontTools stamps each embedded font subset with the time it was made unless this is set;
    # a fixed stamp keeps two builds of the same inputs byte-identical whenever they run
    os.environ.setdefault("SOURCE_DATE_EPOCH", FONT_TIMESTAMP)
    HTML(string=html, base_url=str(target.parent)).write_pdf(target)
