"""Charts in Sarabun, returned as PNG so every viewer and the PDF show shaped Thai text."""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache

import matplotlib
import numpy as np
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator
from pythainlp.tokenize import word_tokenize

from ita_report.core.thai import DigitStyle, apply_digits, format_number
from ita_report.present.fonts import FAMILY, WEIGHTS, font_file

DPI = 150
PAGE_WIDTH = 7.0  # inches: the text width of an A4 page, so chart text prints at its set size
LABEL_WIDTH = 38
BAR_COLOUR = "#2f5d8a"
# Text is drawn as given: a '$' in a category name is a dollar sign, never mathtext (data is never code).
STYLE = {"font.family": [FAMILY], "text.parse_math": False}


@cache
def _register_font() -> None:
    for weight in WEIGHTS:
        font_manager.fontManager.addfont(str(font_file(weight)))


def new_figure(width: float, height: float) -> Figure:
    """A figure whose text is all Sarabun, and all literal text (STYLE, applied on every figure)."""
    _register_font()
    matplotlib.rcParams.update(STYLE)
    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    return figure


def bar_chart(
    labels: Sequence[str],
    panels: Sequence[tuple[str, Sequence[float], int]],
    *,
    title: str,
    digits: DigitStyle,
) -> Figure:
    """Horizontal bars, first label on top; one panel, stacked, per (value label, values, decimals)."""
    shown = [wrap_thai(apply_digits(label, digits)) for label in labels]
    lines = sum(label.count("\n") + 1 for label in shown)
    panel_height = 0.8 + 0.2 * lines + 0.15 * max(label.count("\n") + 1 for label in shown) * len(labels)
    figure = new_figure(PAGE_WIDTH, 0.5 + panel_height * len(panels))
    positions = list(range(len(labels)))
    for index, (value_label, values, decimals) in enumerate(panels):
        axes = figure.add_subplot(len(panels), 1, index + 1)
        _style(axes, digits)
        bars = axes.barh(positions, list(values), color=BAR_COLOUR)
        axes.set_yticks(positions, shown)
        axes.invert_yaxis()
        axes.bar_label(bars, labels=[format_number(v, digits, decimals) for v in values], padding=3)
        axes.set_xlabel(value_label)
        axes.margins(x=0.18)
    figure.suptitle(apply_digits(title, digits), fontweight="bold")
    return figure


def wrap_thai(label: str, width: int = LABEL_WIDTH) -> str:
    """Break a label into lines of about `width` characters at Thai word boundaries."""
    if len(label) <= width:
        return label
    lines, line = [], ""
    for word in word_tokenize(label, engine="newmm", keep_whitespace=True):
        if line and len(line) + len(word) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line += word
    return "\n".join(lines + [line.rstrip()])


def _style(axes, digits: DigitStyle) -> None:
    style_value_axis(axes.xaxis, digits, bins=4)
    plain_axes(axes)
    axes.grid(axis="x", color="#dddddd")


def style_value_axis(axis, digits: DigitStyle, bins: int = 5) -> None:
    """Whole-number ticks with separators in the document's digits."""
    axis.set_major_locator(MaxNLocator(nbins=bins, integer=True))
    axis.set_major_formatter(FuncFormatter(lambda value, _: format_number(value, digits)))


def plain_axes(axes: Axes) -> None:
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_axisbelow(True)


def stacked_bar_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], str]],
    *,
    title: str,
    value_label: str,
    digits: DigitStyle,
) -> Figure:
    """Horizontal stacked bars, first label on top; one (name, values, colour) per part, total at the end."""
    shown = [wrap_thai(apply_digits(label, digits)) for label in labels]
    lines = sum(label.count("\n") + 1 for label in shown)
    figure = new_figure(PAGE_WIDTH, 1.3 + 0.28 * lines)
    axes = figure.add_subplot()
    plain_axes(axes)
    axes.grid(axis="x", color="#dddddd")
    positions = np.arange(len(labels))
    left = np.zeros(len(labels))
    for name, values, colour in series:
        values = np.asarray(values, dtype=float)
        bars = axes.barh(positions, values, left=left, color=colour, label=apply_digits(name, digits))
        axes.bar_label(
            bars,
            labels=[format_number(v, digits) if v else "" for v in values],
            label_type="center",
            fontsize=8,
        )
        left += values
    for position, total in zip(positions, left):
        axes.annotate(format_number(total, digits), (total, position), xytext=(4, 0),
                      textcoords="offset points", va="center")
    axes.set_yticks(positions, shown)
    axes.invert_yaxis()
    style_value_axis(axes.xaxis, digits)
    axes.set_xlabel(apply_digits(value_label, digits))
    axes.set_xlim(0, max(float(left.max()) if len(left) else 0.0, 1.0) * 1.12)
    figure.legend(loc="outside lower center", ncols=len(series), frameon=False)
    figure.suptitle(apply_digits(title, digits), fontweight="bold")
    return figure


def png_bytes(figure: Figure) -> bytes:
    """The figure as PNG, without the metadata that would change between runs."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
