"""Qt's own strings that ``qtbase_ru.qm`` lacks in the Qt we ship.

Qt 6.11 gave two labels of its file dialog new mnemonics («&Look in:», «Files of &type:»);
the Russian file still has them without, so every «Сохранить…» dialog showed them in English.
This translator answers only what it knows; installed before ``qtbase_ru.qm``, it is asked only
for strings that file has no translation for.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

MISSING: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Перейти к:",
    ("QFileDialog", "Files of &type:"): "&Типы файлов:",
}


class MissingRussian(QTranslator):
    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        del disambiguation, n
        return MISSING.get((context, source))  # None: not ours, Qt asks the next one

    def isEmpty(self) -> bool:
        return False
