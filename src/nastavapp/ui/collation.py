"""Russian order of texts on screen: ``QCollator`` keys put «Ё» beside «Е» (not before «А»),
ignore case and read numbers as numbers («СОШ № 2» before «СОШ № 10»).

The bases (``bases/table_model.py``) and the pairs (``pairs/table_base.py``) keep copies of
:func:`russian_collator` of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QCollator, QLocale, Qt


def russian_collator() -> QCollator:
    """A collator of the Russian locale whatever the system's (GUIDE trap 7)."""
    collator = QCollator(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)
    return collator
