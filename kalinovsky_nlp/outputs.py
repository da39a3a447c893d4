"""Output files: checked before any work starts, written whole or not at all.

An analysis can take minutes; an output that cannot be written (a folder that does not exist, a path that is a
folder, a parent that is a file, no permission) is found before it starts. Files are written to a temporary file
beside the target and renamed over it when complete, so an error (a full disk, an interruption) never leaves a
half-written or truncated file, and an existing file is replaced only by a complete one.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterator

__all__ = ["UsageError", "atomic_output", "check_distinct", "check_output_file", "check_output_folder", "write_text"]


class UsageError(ValueError):
    """Something the user asked for cannot be done (an output that cannot be written, a format that cannot be
    guessed, ...); the message says what and what to do. The command line exits with status 2."""


def _probe(folder: Path, target: str | Path) -> None:
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as err:
        raise UsageError(f"{target}: cannot write in folder {folder} ({err.strerror}): choose another output "
                         "location") from None


def check_distinct(source: str | Path, destination: str | Path) -> None:
    """Refuse an output that is the input (the same path, or another name of the same file)."""
    if str(source) == "-" or str(destination) == "-":
        return
    src, dst = Path(source), Path(destination)
    same = src.resolve() == dst.resolve()
    with contextlib.suppress(OSError):
        same = same or (dst.exists() and os.path.samefile(src, dst))
    if same:
        raise UsageError(f"{destination}: the output is the input file; write to another file (nothing was written)")


def check_output_file(path: str | Path) -> None:
    """Raise :class:`UsageError` unless ``path`` (``-``: standard output) can be written as a file."""
    if str(path) == "-":
        return
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"{path}: is a folder: give a file name for the output")
    parent = target.parent if str(target.parent) else Path(".")
    if parent.exists() and not parent.is_dir():
        raise UsageError(f"{path}: {parent} is a file, not a folder: choose another output path")
    if not parent.exists():
        raise UsageError(f"{path}: folder {parent} does not exist: create it first")
    if target.exists() and not os.access(target, os.W_OK):
        raise UsageError(f"{path}: the file is read-only: choose another output path")
    _probe(parent, path)


def check_output_folder(path: str | Path) -> None:
    """Raise :class:`UsageError` unless ``path`` is a writable folder or can be created as one."""
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise UsageError(f"{path}: is a file, not a folder: give a folder for the tables")
    existing = target
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"{path}: {existing} is a file, not a folder: choose another folder for the tables")
    _probe(existing, path)


@contextlib.contextmanager
def atomic_output(destination: str | Path) -> Iterator[IO[str]]:
    """A UTF-8 text stream that becomes ``destination`` only when the block succeeds (``-``: standard output, left
    open). Characters that UTF-8 cannot encode (lone surrogates) are written as backslash escapes."""
    if str(destination) == "-":
        stream = sys.stdout
        if hasattr(stream, "buffer"):
            stream.flush()
            wrapper = io.TextIOWrapper(stream.buffer, encoding="utf-8", errors="backslashreplace", newline="")
            try:
                yield wrapper
            finally:
                wrapper.flush()
                wrapper.detach()  # do not close the process's own stream
        else:
            yield stream
        return
    path = Path(destination)
    try:
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", errors="backslashreplace", newline="",
                                             dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.",
                                             suffix=".part", delete=False)
    except OSError as err:
        raise UsageError(f"{destination}: cannot write ({err.strerror}): choose another output path") from None
    try:
        with handle:
            yield handle
        os.chmod(handle.name, _mode_for(path))
        os.replace(handle.name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


def _mode_for(path: Path) -> int:
    """The permission bits the output should get: an existing file's own, else what a plain ``open`` gives under
    the process's umask (a temporary file is created readable by its owner only)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask: read from ``/proc`` where Linux offers it (setting it to read it back would change it
    for every thread for a moment), else by setting and restoring it."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def write_text(destination: str | Path, text: str) -> None:
    """Write ``text`` to a file (whole or not at all) or to standard output (``-``)."""
    try:
        with atomic_output(destination) as handle:
            handle.write(text)
    except OSError as err:
        raise UsageError(f"{destination}: cannot write ({err.strerror}); nothing was written: free space or choose "
                         "another output path") from None
