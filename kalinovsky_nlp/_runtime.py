"""Interpreter settings for the short, allocation-heavy stretches of an analysis."""

from __future__ import annotations

import contextlib
import gc
from typing import Iterator

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector for the block, then restore it as it was (nesting is safe).

    The finish of an analysis (comparison, per-step stance, report; and unpickling the results of worker
    processes) creates hundreds of thousands of small containers in a few seconds, in a process that also holds
    the loaded pipeline and every profile: each generation-2 collection then walks all of them, and such collections
    fell inside the finish at random. Reference counting still frees what
    the block drops; only cycles wait for the next collection after it. Mercurial pauses its collector the same way
    (``util.nogc``) around building large structures."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
