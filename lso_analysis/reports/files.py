"""Atomic file writes and the build lock that keep concurrent builds from corrupting reports."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path


def temp_path(target: Path) -> Path:
    """Create an empty temp file beside ``target`` (same folder, so os.replace is atomic).

    It keeps the target's extension (papermill warns about output names not ending in .ipynb).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".tmp{target.suffix}", dir=target.parent)
    os.close(handle)
    return Path(name)


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temp file and a rename: readers see old or new, never half."""
    tmp = temp_path(target)
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_if_changed(target: Path, data: bytes) -> bool:
    """Write atomically unless ``target`` already holds exactly ``data``; return True if written."""
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(target, data)
    return True


@contextlib.contextmanager
def build_lock(reports_dir: Path, wait: bool = True) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``reports/.lock`` for the whole build.

    A second build started meanwhile waits (and says so on stderr) until the first
    one ends, then finds its reports up to date; with ``wait=False`` it raises.
    The kernel releases the lock if the process dies, so no stale lock remains.

    Raises:
        BlockingIOError: when ``wait`` is False and another build holds the lock.
    """
    reports_dir.mkdir(parents=True, exist_ok=True)
    path = reports_dir / ".lock"
    with open(path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            if not wait:
                raise BlockingIOError(f"another build holds {path}") from exc
            print(f"waiting for another build to finish ({path}) …", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
