"""One build of a project at a time: an OS lock on output/.build.lock, which a killed holder releases too."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from ita_report.core.errors import ItaReportError
from ita_report.core.paths import Project

LOCK = ".build.lock"
_WINDOWS_LOCKED_BYTE = 1 << 20  # Windows locks bytes, not files: one far past the holder's description


class BuildLocked(ItaReportError):
    """Another build of the same project is running."""


@contextmanager
def build_lock(project: Project, fiscal_year: int) -> Iterator[None]:
    """Hold the project's build lock, or raise BuildLocked naming its holder."""
    path = project.output_root() / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    # never truncated on open: it may describe the holder; binary, or Windows would translate line ends
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    try:
        if not _lock(fd):
            raise BuildLocked(_held_message(_read(fd)))
        try:
            _write(fd, _description(fiscal_year))
            yield
        finally:
            _write(fd, "")  # a lock nobody holds describes nobody
            _unlock(fd)
    finally:
        os.close(fd)  # were the process killed instead, the system would release the lock the same way


def _description(fiscal_year: int) -> str:
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return f"pid {os.getpid()} on host {socket.gethostname()}, building {fiscal_year} since {started}"


def _held_message(holder: str) -> str:
    who = f" ({holder})" if holder else ""  # empty while the holder is between taking the lock and writing
    return f"another build of this project is running{who}; wait for it to finish, then build again"


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 1024).decode("utf-8", errors="replace").strip()


def _write(fd: int, text: str) -> None:
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, text.encode("utf-8"))


if os.name == "nt":
    import msvcrt

    def _lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except PermissionError:  # EACCES: the byte is locked by another process
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCKED_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
