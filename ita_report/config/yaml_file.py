"""Reading a YAML file the tool is configured by (params, catalogues): a mapping, or one clear error.

These files are written by hand, so the reader is stricter than `yaml.safe_load`: a key given
twice in one mapping is refused (safe_load would silently keep the last), and so is any alias
(`*name`), before anything is expanded, so that a small file cannot expand into a huge one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ita_report.core.errors import ItaReportError

MAX_BYTES = 1_000_000  # a params file is a few kilobytes; anything near this is a pasted document


class _Refused(yaml.YAMLError):
    """Valid YAML the tool does not accept, and where in the file, when one line is to blame."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases and keys given twice in one mapping."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):  # refused before the aliased node is reused
            raise _Refused("uses YAML aliases (*name); write each value out in full")
        return super().compose_node(parent, index)

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        self._check_keys(node, ())
        return self.construct_document(node)

    def _check_keys(self, node: yaml.Node, path: tuple[str, ...]) -> None:
        if isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._check_keys(item, (*path, str(index)))
        elif isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):  # a complex key; the schema refuses it
                    self._check_keys(value_node, (*path, "?"))
                    continue
                key = self.construct_object(key_node, deep=True)
                where = (*path, str(key))
                if key in seen:
                    shown = ".".join(where)
                    raise _Refused(f"key '{shown}' is given twice; keep one", key_node.start_mark.line + 1)
                seen.add(key)
                self._check_keys(value_node, where)


def read_mapping(path: Path, shown: str, error: type[ItaReportError], top_keys: str) -> dict[str, Any]:
    """The file's top-level mapping; `error` names the line of a YAML mistake, or what the top should hold."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise error(
            f"{shown}: {size:,} bytes; a settings file is at most {MAX_BYTES:,} bytes, so keep long texts out of it"
        )
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)  # noqa: S506 - safe subclass
    except _Refused as exc:
        where = shown if exc.line is None else f"{shown}, line {exc.line}"
        raise error(f"{where}: {exc.message}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        raise error(f"{shown}: not valid YAML{line}") from None
    except UnicodeDecodeError:
        raise error(f"{shown}: not UTF-8 text") from None
    if not isinstance(raw, dict):
        raise error(f"{shown}: expected {top_keys} at the top level")
    return raw
