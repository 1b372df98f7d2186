"""Giving memory back after a large import: Python frees the upload's objects, but glibc keeps the freed heap
for itself unless asked, and so does Arrow's allocator (mimalloc or jemalloc) with its own, so a dashboard process
would stay at its peak after one big upload."""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import functools


@functools.cache
def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def release() -> None:
    """Collect garbage, then hand the freed memory back to the system (``trim``)."""
    gc.collect()
    trim()


def trim() -> None:
    """Hand memory already freed back to the system: glibc's ``malloc_trim`` (a no-op elsewhere) and Arrow's
    pool's ``release_unused``. A few milliseconds, however large the heap."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
