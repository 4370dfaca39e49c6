"""The 20,000-person table of «Базы»: search per keystroke, filters and sorting (goal ≤ 50 ms).

A copy of the large school with pupils added by bulk inserts up to 20,000 people is read with
``load_rows`` into the real tab (``ui.bases.BaseView``: table model, filter proxy, the fitted
table view and the counts line), shown offscreen at 1100 × 700. Every figure is one user action
with the repaint it causes: typing a search letter by letter (and erasing it), choosing a filter,
clicking a column header. Median and worst of all actions of a kind are printed.

Run: ``python benchmarks/bench_tables.py``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import large_school as ls

GOAL_MS = 50
SEARCHES = ("Иванова Мария", "петров", "5А", "семенов", "Ксения Алекс")


def _timed(app: object, action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    app.processEvents()  # type: ignore[attr-defined]  # the repaint is part of the keystroke
    return (time.perf_counter() - started) * 1000


def _summary(times: list[float]) -> str:
    return f"median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms ({len(times)} actions)"


def main() -> None:
    ls.offscreen()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from nastavapp.services.bases_rows import load_rows
    from nastavapp.services.years import current_year
    from nastavapp.store import open_store
    from nastavapp.ui.bases.base_view import BaseView
    from nastavapp.ui.bases.columns import BaseKind

    ls.quiet_qt()
    app = QApplication.instance() or QApplication([])
    home = ls.fresh_home("tables")
    store = open_store(ls.copy_of(ls.crowded_school(), home))
    try:
        year = current_year(store)
        assert year is not None and year.id is not None
        read, _ = ls.median_of(3, lambda: load_rows(store, year.id, ls.TODAY))
        rows = load_rows(store, year.id, ls.TODAY)
        names = {r.id: r.person.short_name for r in rows}
        view = BaseView(BaseKind.ALL)
        view.resize(1100, 700)
        view.show()
        app.processEvents()
        fill = _timed(app, lambda: view.set_rows(rows, names))
        assert view.model.rowCount() == ls.CROWD, view.model.rowCount()

        keystrokes = []
        for text in SEARCHES:
            for end in range(1, len(text) + 1):  # typing
                keystrokes.append(_timed(app, lambda t=text[:end]: view.filters.search.setText(t)))
            for end in range(len(text) - 1, -1, -1):  # erasing with Backspace
                keystrokes.append(_timed(app, lambda t=text[:end]: view.filters.search.setText(t)))

        choices = []
        for combo in (view.filters.category, view.filters.status, view.filters.consent):
            for index in [*range(1, combo.count()), 0]:
                choices.append(_timed(app, lambda c=combo, i=index: c.setCurrentIndex(i)))
        classes = view.filters.school_class
        for index in [*range(1, min(classes.count(), 12)), 0]:
            choices.append(_timed(app, lambda i=index: classes.setCurrentIndex(i)))

        # a click on a header sorts (the next click reverses): what the view does on a click
        clicks = [
            (column, order)
            for column in [*range(1, view.model.columnCount()), 0]
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
        ]
        sorts = [_timed(app, lambda c=c, o=o: view.table.sortByColumn(c, o)) for c, o in clicks]
        view.filters.search.setText("ива")
        app.processEvents()
        filtered_sorts = [
            _timed(app, lambda c=c, o=o: view.table.sortByColumn(c, o)) for c, o in clicks
        ]
        view.close()
    finally:
        store.close()
        ls.remove(home)

    print(f"{len(rows)} people; reading them: {read * 1000:.0f} ms; filling the tab: {fill:.0f} ms")
    worst = {
        "search, per keystroke": keystrokes,
        "filter choice": choices,
        "sort by a column": sorts,
        "sort while searching": filtered_sorts,
    }
    for what, times in worst.items():
        ls.result(
            f"20,000-person table: {what}",
            _summary(times),
            f"≤ {GOAL_MS} ms",
            max(times) <= GOAL_MS,
        )
    ls.result("20,000-person table: read and fill the tab", f"{read * 1000 + fill:.0f} ms")


if __name__ == "__main__":
    main()
