"""The operating system's refusals (disk full, read-only, no permission…) as one sentence naming the path."""

from __future__ import annotations

import errno
import re
from pathlib import Path

from ita_report.core.paths import Project

_WRITING = "could not write"
_USING = "could not use"
_ACCESS = "give your user write access to it, or close the program that has it open, and try again"

# errno: (what could not be done, why, the fix), for the failures the user's machine causes
_CAUSES: dict[int, tuple[str, str, str]] = {
    errno.ENOSPC: (_WRITING, "the disk is full", "free some space and try again"),
    errno.EDQUOT: (_WRITING, "the disk quota is used up", "free some space or ask for a larger quota, and try again"),
    errno.EFBIG: (_WRITING, "the file is larger than this system allows (a file-size limit)",
                  "lift the limit or use another disk, and try again"),
    errno.EROFS: (_WRITING, "the file system is read-only",
                  "make it writable or move the project to a writable folder, and try again"),
    errno.EACCES: (_USING, "permission denied", _ACCESS),
    errno.EPERM: (_USING, "the operation is not permitted", _ACCESS),
    errno.ENAMETOOLONG: (_USING, "the name is too long for the file system",
                         "move the project to a folder with a shorter path and try again"),
    errno.ENOTDIR: (_USING, "a part of the path is a file, not a folder", "move that file away and try again"),
    errno.EEXIST: (_USING, "a file of that name is in the way", "move it away and try again"),
}
_WINDOWS_CAUSES = {206: errno.ENAMETOOLONG}  # ERROR_FILENAME_EXCED_RANGE, which Python reports as ENOENT

# how Python prints an OSError: "[Errno 28] No space left on device: 'path'" ("[WinError 112] …" on Windows)
_PRINTED = re.compile(r"\[(Errno|WinError) (\d+)\] ([^\n]*?)(?:: '([^'\n]*)')?(?: -> '[^'\n]*')?$", re.MULTILINE)


def os_error_message(error: OSError, project: Project | None = None) -> str:
    """One sentence: what could not be done to which path, why, and the fix."""
    verb, cause, fix = _CAUSES.get(_code(error), (_USING, _lowered(error.strerror or str(error)), ""))
    if error.filename is None:
        where = "a file"
    elif error.filename2 is None:
        where = _shown(error.filename, project)
    else:
        verb, where = "could not move", f"{_shown(error.filename, project)} to {_shown(error.filename2, project)}"
    return f"{verb} {where}: {cause}" + (f"; {fix}" if fix else "")


def os_error_in(text: str) -> OSError | None:
    """The OSError a kernel or worker reported in words, when it is one the user's machine caused."""
    found = _PRINTED.search(text)
    if found is None:
        return None
    kind, number, strerror, filename = found.groups()
    if kind == "WinError":  # given the Windows code, OSError works out the errno itself
        error = OSError(None, strerror, filename, int(number))
    else:
        error = OSError(int(number), strerror, filename)
    return error if _code(error) in _CAUSES else None


def _code(error: OSError) -> int | None:
    return _WINDOWS_CAUSES.get(getattr(error, "winerror", None) or 0, error.errno)


def _shown(filename: str | bytes | int, project: Project | None) -> str:
    path = Path(filename.decode() if isinstance(filename, bytes) else str(filename))
    return project.relative(path) if project is not None else str(path)


def _lowered(text: str) -> str:
    return text[:1].lower() + text[1:]
