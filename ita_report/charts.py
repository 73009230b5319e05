"""Charts in Sarabun, returned as PNG so every viewer and the PDF show shaped Thai text."""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from .fonts import FAMILY, WEIGHTS, font_file
from .thai import DigitStyle, apply_digits, format_number

DPI = 150
BAR_COLOUR = "#2f5d8a"


@cache
def _register_font() -> None:
    for weight in WEIGHTS:
        font_manager.fontManager.addfont(str(font_file(weight)))
    matplotlib.rcParams["font.family"] = [FAMILY]


def new_figure(width: float, height: float) -> Figure:
    """A figure whose text is all Sarabun."""
    _register_font()
    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    return figure


def bar_chart(
    labels: Sequence[str],
    panels: Sequence[tuple[str, Sequence[float], int]],
    *,
    title: str,
    digits: DigitStyle,
) -> Figure:
    """Horizontal bars, first label on top; one panel per (value label, values, decimals)."""
    figure = new_figure(4.2 + 3.8 * len(panels), 1.0 + 0.42 * len(labels))
    shown = [apply_digits(label, digits) for label in labels]
    positions = list(range(len(labels)))
    for index, (value_label, values, decimals) in enumerate(panels):
        axes = figure.add_subplot(1, len(panels), index + 1)
        _style(axes, digits)
        bars = axes.barh(positions, list(values), color=BAR_COLOUR)
        axes.set_yticks(positions, shown if index == 0 else [""] * len(labels))
        axes.invert_yaxis()
        axes.bar_label(bars, labels=[format_number(v, digits, decimals) for v in values], padding=3)
        axes.set_xlabel(value_label)
        axes.margins(x=0.25)
    figure.suptitle(apply_digits(title, digits), fontweight="bold")
    return figure


def _style(axes, digits: DigitStyle) -> None:
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: format_number(value, digits)))
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="x", color="#dddddd")
    axes.set_axisbelow(True)


def png_bytes(figure: Figure) -> bytes:
    """The figure as PNG, without the metadata that would change between runs."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
