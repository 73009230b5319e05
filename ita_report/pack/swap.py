"""Publishing a pack: output/<year> changes in one step, and what a killed build left is undone."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

STAGING = ".staging-"
PREVIOUS = ".previous-"
SWAPPING = ".swapping-"  # exists only while the two-rename fallback has the published pack out of place

_AT_FDCWD = -100  # linux/fcntl.h
_RENAME_EXCHANGE = 2  # linux/fs.h
_RENAME_SWAP = 2  # macOS stdio.h
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}  # by the kernel or the file system


def staging_for(target: Path) -> Path:
    """Where the next pack for target is written: a hidden folder beside it."""
    return target.with_name(STAGING + target.name)


def publish(staging: Path, target: Path) -> None:
    """Put the pack in staging at target in one step, through links: a link to a web root stays a link."""
    real = _real(target)
    staged = _beside(staging, real)
    if not real.exists():
        staged.rename(real)  # the first pack: nothing to replace
    elif _exchange(staged, real):
        _remove_quietly(staged)  # it now holds the replaced pack
    else:
        _swap_by_renames(staged, real)


def leftovers(target: Path) -> list[Path]:
    """What a killed build left beside target: staging folders, a replaced pack, a swap marker."""
    real = _real(target)
    paths = {_in_real_folder(staging_for(target)), staging_for(real), _previous(real), _marker(real)}
    return sorted(path for path in paths if os.path.lexists(path))


def repair(target: Path) -> None:
    """Undo a killed build: the pack it took out of target goes back, and its leftovers are deleted."""
    real = _real(target)
    previous = _previous(real)
    if _marker(real).exists() and previous.is_dir() and not os.path.lexists(real):
        previous.rename(real)  # killed between the two renames of the fallback
    for path in leftovers(target):
        _remove(path)


def _beside(staging: Path, real: Path) -> Path:
    """Staging moved next to the real target, on its file system, where the swap can be one step."""
    beside = staging_for(real)
    if _in_real_folder(staging) == beside:
        return staging
    real.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.move(staging, beside)  # a rename, or a copy when the web root is on another disk
    except BaseException:
        _remove_quietly(beside)
        raise
    return beside


def _swap_by_renames(staged: Path, real: Path) -> None:
    """Two renames where no call swaps folders, with a marker that tells repair() to undo a kill between them."""
    previous, marker = _previous(real), _marker(real)
    try:
        note = f"while this file exists, {real.name} may be missing: {previous.name} is the pack to put back\n"
        marker.write_text(note, encoding="utf-8")
        real.rename(previous)
    except BaseException:
        _remove_quietly(marker)
        raise
    try:
        staged.rename(real)
    except BaseException:
        previous.rename(real)
        _remove_quietly(marker)
        raise
    _remove_quietly(marker)  # the new pack is in place: nothing from here on may fail the build
    _remove_quietly(previous)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one system call; False where the system or its file system has no such call."""
    if _SYSTEM_SWAP is None:
        return False
    if _SYSTEM_SWAP(os.fsencode(a), os.fsencode(b)) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def _system_swap() -> Callable[[bytes, bytes], int] | None:
    """renameat2(RENAME_EXCHANGE) on Linux, renamex_np(RENAME_SWAP) on macOS; Windows has none."""
    if sys.platform not in ("linux", "darwin"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    if sys.platform == "linux":
        renameat2 = getattr(libc, "renameat2", None)  # glibc 2.28 and later
        if renameat2 is None:
            return None
        renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
        return lambda a, b: renameat2(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE)
    renamex_np = getattr(libc, "renamex_np", None)  # macOS 10.12 and later
    if renamex_np is None:
        return None
    renamex_np.argtypes = (ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint)
    return lambda a, b: renamex_np(a, b, _RENAME_SWAP)


_SYSTEM_SWAP = _system_swap()


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _in_real_folder(path: Path) -> Path:
    """path with its folder's links resolved but not its own: a leftover that is a link is removed, not followed."""
    return _real(path.parent) / path.name


def _previous(real: Path) -> Path:
    return real.with_name(PREVIOUS + real.name)


def _marker(real: Path) -> Path:
    return real.with_name(SWAPPING + real.name)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _remove_quietly(path: Path) -> None:
    """Remove what is no longer needed; what cannot be removed now, repair() removes on the next build."""
    with contextlib.suppress(OSError):
        _remove(path)
