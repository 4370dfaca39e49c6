"""Guards against Qt binding versions with known defects that crash the program."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()


def test_signal_emits_do_not_leak_references_to_true(qtbot):
    # PySide6 6.12.0 on Python < 3.12 dropped a reference to True on every emit: the program
    # aborted with «bool_dealloc» after a few hundred year switches (pinned below 6.12).
    emitter = _Emitter()
    hits: list[int] = []
    emitter.fired.connect(lambda: hits.append(1))
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.fired.emit()
    gc.collect()
    assert len(hits) == 200
    # the defect loses one reference per emit (−200 here); a few may move for unrelated reasons
    assert abs(sys.getrefcount(True) - before) < 20
