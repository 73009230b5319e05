"""Reading a YAML file the tool is configured by (params, catalogues): a mapping, or one clear error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ita_report.core.errors import ItaReportError


def read_mapping(path: Path, shown: str, error: type[ItaReportError], top_keys: str) -> dict[str, Any]:
    """The file's top-level mapping; `error` names the line of a YAML mistake, or what the top should hold."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        raise error(f"{shown}: not valid YAML{line}") from None
    except UnicodeDecodeError:
        raise error(f"{shown}: not UTF-8 text") from None
    if not isinstance(raw, dict):
        raise error(f"{shown}: expected {top_keys} at the top level")
    return raw
