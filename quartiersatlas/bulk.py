"""Helpers for bulk work on many small objects, at the speed of the libraries.

Reading a table makes hundreds of thousands of small objects (cells, row lists,
points) that form no reference cycles. Python's cyclic garbage collector would still
run hundreds of times and walk every object of the imported libraries each time,
finding nothing (:func:`gc_paused`). And ``np.full(n, text, dtype=object)`` copies the
fill value element by element, some forty times slower than filling an empty array
(:func:`object_full`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import numpy.typing as npt

__all__ = ["gc_paused", "object_full"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block; the collector's earlier state
    afterwards (a block inside another leaves it paused).

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def object_full(n: int, value: object) -> npt.NDArray[np.object_]:
    """An object array of ``n`` times ``value`` (as ``np.full(n, value, dtype=object)``).

    >>> object_full(3, "none").tolist()
    ['none', 'none', 'none']
    """
    out = np.empty(n, dtype=object)
    out.fill(value)
    return out
