"""The cyclic garbage collector paused while the program starts.

Start-up creates some hundred thousand long-lived objects (SQLAlchemy, pydantic, Qt wrappers,
the table definitions) and no garbage worth collecting; the collector would still walk all of
them several times over (about 40 ms of a 0.5 s start). Once the window is up the start-up
objects are frozen (never walked again, which also keeps later collections short while the
user types in a search field) and the collector runs as usual.
"""

from __future__ import annotations

import gc


def pause_collector() -> None:
    """From the start of the program until ``resume_collector``."""
    gc.disable()


def resume_collector() -> None:
    """The objects made so far stay for the program's life: keep the collector off them."""
    gc.freeze()
    gc.enable()
