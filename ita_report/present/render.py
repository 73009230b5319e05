"""The Jinja environment every report template is rendered with."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ita_report.core.paths import TEMPLATES_DIR
from ita_report.core.thai import apply_digits, format_baht, format_number, thai_date


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["digits"] = apply_digits
    env.filters["number"] = format_number
    env.filters["baht"] = format_baht
    env.filters["thai_date"] = thai_date
    return env


def render_template(name: str, **context: Any) -> str:
    """Render a template from ita_report/templates; every value is escaped unless marked safe."""
    return _environment().get_template(name).render(**context)
