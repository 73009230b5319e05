"""Executed notebook to a self-contained Thai HTML page, and that page to an A4 PDF."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from .fonts import font_faces
from .paths import TEMPLATES_DIR
from .render import render_template
from .reports import EXAMPLE_BANNER

BANNER_CLASS = 'class="banner-example"'  # put on the page by Year.banner() when records are invented


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

    HTML(string=html, base_url=str(target.parent)).write_pdf(target)
