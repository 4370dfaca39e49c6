"""Spare every later import the source scan of PySide6's «__feature__» import hook.

Once loaded, PySide6 hooks ``__import__``: after each new module it reads the module's whole
source (``inspect.getsource``) looking for the word «PySide6», to decide whether that module may
switch PySide's optional features (``from __feature__ import snake_case, true_property``). The
program uses none of them, so every module can be told «ignores features» (PySide's own -1),
which leaves Qt's behaviour as it is and skips reading the source of the hundred-odd modules
imported at start (and the lines ``linecache`` would keep). Should a PySide6 release move the
scan, nothing breaks: the modules are scanned as before (``source_cache`` still tidies up).
"""

from __future__ import annotations

import importlib
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"  # PySide6's own, loaded with PySide6.QtCore


def _ignores_features(_module: ModuleType) -> bool:
    return False


def skip_source_scan() -> bool:
    """Load PySide6's core and turn its per-import source scan off; False when not found."""
    importlib.import_module("PySide6.QtCore")
    try:
        feature = importlib.import_module(_FEATURE_MODULE)
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _ignores_features  # type: ignore[attr-defined]
    return True
