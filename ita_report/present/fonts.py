"""The Sarabun font, shipped by the fontpkg-sarabun package, for HTML, PDF and charts."""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

import fontpkg

FAMILY = "Sarabun"
WEIGHTS = (400, 700)


def font_file(weight: int = 400) -> Path:
    """The TTF file of Sarabun at a weight (400 regular, 700 bold)."""
    return Path(fontpkg.path(FAMILY, weight))


@cache
def font_faces() -> tuple[dict[str, str | int], ...]:
    """Each weight as base64 data, for @font-face rules that need no file or network."""
    return tuple(
        {"weight": weight, "data": base64.b64encode(font_file(weight).read_bytes()).decode("ascii")}
        for weight in WEIGHTS
    )
