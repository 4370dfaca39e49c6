"""Forget the module sources that PySide6's import hook leaves behind in ``linecache``.

PySide6 looks at the source of every module imported after it (its «__feature__» hook calls
``inspect.getsource`` to see whether the module uses PySide6), and ``linecache`` then keeps every
line of that file as a Python string for the life of the process: some 20 MB for the program's
and its libraries' modules when run from the sources. The cache only serves tracebacks and
``inspect``, which read a file again when asked, so the lines of files on disk are dropped once
a screen (and the modules it imports) is built. Lines registered without a file behind them
(generated code) are kept: nothing could read them again.
"""

from __future__ import annotations

import linecache


def forget_module_sources() -> int:
    """Drop the cached lines of source files on disk; how many files were dropped."""
    cache = linecache.cache
    gone = 0
    for name, entry in list(cache.items()):  # a snapshot: a worker thread may import meanwhile
        from_file = len(entry) == 4 and entry[1] is not None  # (size, mtime, lines, path)
        if from_file and cache.pop(name, None) is not None:
            gone += 1
    return gone
