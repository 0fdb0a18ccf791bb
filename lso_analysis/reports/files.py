"""Atomic file writes and the build lock that keep concurrent builds from corrupting reports."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import shutil
import socket
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path


#: What :func:`temp_path` puts in a temporary file's name (``.report.k3j2.tmp.html``).
TEMP_MARK = re.compile(r"\.tmp(\.[A-Za-z0-9]+)?$")
#: The scratch folder of a build's kernel settings: ``reports/.lso-kernel-<random>.tmp``.
KERNEL_SCRATCH_PREFIX = ".lso-kernel-"


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


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _holder(handle) -> dict:
    """The build recorded in the lock file (``pid``, ``host``), or {} when none is."""
    try:
        handle.seek(0)
        record = json.loads(handle.read().decode("utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) and isinstance(record.get("pid"), int) else {}


def _dead(record: dict) -> bool:
    return bool(record) and record.get("host") == socket.gethostname() and not _alive(record["pid"])


def _record(handle, record: dict) -> None:
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps(record).encode("utf-8") if record else b"")
    handle.flush()


class BuildLock:
    """The open lock file of a running build (what worker processes must close after a fork)."""

    def __init__(self, path: Path, handle):
        self.path, self.handle = path, handle

    def fileno(self) -> int:
        """The descriptor a forked worker closes, so that only the build itself holds the lock."""
        return self.handle.fileno()

    def add_workers(self, pids: list[int]) -> None:
        """Record the worker processes beside the build's own pid (for messages and tests)."""
        record = _holder(self.handle) or {"pid": os.getpid(), "host": socket.gethostname()}
        record["workers"] = sorted(set(record.get("workers", [])) | set(pids))
        _record(self.handle, record)


@contextlib.contextmanager
def build_lock(reports_dir: Path, wait: bool = True, err=None) -> Iterator[BuildLock]:
    """Hold an exclusive ``flock`` on ``reports/.lock`` for the whole build.

    A second build started meanwhile waits (and says so on stderr) until the first
    one ends, then finds its reports up to date; with ``wait=False`` it raises. The
    lock file names the holder (pid and host). The kernel releases the lock when the
    holder dies (worker processes close their copy of it and die with the build), so
    a lock left by a killed build is taken over at once, with a message; a build
    still waiting on a holder that is gone says so.

    Raises:
        BlockingIOError: when ``wait`` is False and another build holds the lock.
    """
    err = err or sys.stderr
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
            holder = _holder(handle)
            if _dead(holder):
                print(f"{path}: the build that took it (pid {holder['pid']}) is no longer running; waiting for its "
                      "leftover processes to exit …", file=err, flush=True)
            else:
                who = f" (pid {holder['pid']})" if holder else ""
                print(f"waiting for another build{who} to finish ({path}) …", file=err, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        previous = _holder(handle)
        if previous and previous.get("pid") != os.getpid():
            print(f"{path}: taking over from an interrupted build (pid {previous['pid']}, no longer running); "
                  "its temporary files are removed", file=err, flush=True)
        _record(handle, {"pid": os.getpid(), "host": socket.gethostname()})
        try:
            yield BuildLock(path, handle)
        finally:
            _record(handle, {})  # a clean end leaves no holder behind
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(reports_dir: Path) -> list[Path]:
    """Delete the temporary files of interrupted builds (``.<name>.*.tmp.<ext>``); call it under the lock.

    Returns:
        The files (and kernel scratch folders) removed.
    """
    removed = []
    for entry in reports_dir.glob(f"{KERNEL_SCRATCH_PREFIX}*.tmp") if reports_dir.is_dir() else []:
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    for folder in (reports_dir, reports_dir / "code", reports_dir / "executed", reports_dir / ".state"):
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if entry.name.startswith(".") and TEMP_MARK.search(entry.name) and entry.is_file():
                entry.unlink(missing_ok=True)
                removed.append(entry)
    return removed
