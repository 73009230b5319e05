"""Writing a file whole: the new content goes to a hidden file beside it, which then replaces it.

A reader never sees half a file, and a failed write leaves the old file as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["partial_path", "replacing", "write_bytes_atomically", "write_text_atomically"]


def partial_path(target: Path) -> Path:
    """The hidden file beside `target` that its new content is written to: .<name>.partial."""
    return target.with_name(f".{target.name}.partial")


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yield the path to write the new content to; it replaces `target` when the block ends.

    If the block raises, `target` is left as it was and the partial file is removed.
    """
    partial = partial_path(target)
    try:
        yield partial
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def write_bytes_atomically(target: Path, data: bytes) -> None:
    """Replace `target` with `data`, whole."""
    with replacing(target) as partial:
        partial.write_bytes(data)


def write_text_atomically(target: Path, text: str, encoding: str = "utf-8") -> None:
    """Replace `target` with `text`, whole."""
    with replacing(target) as partial:
        partial.write_text(text, encoding=encoding)
