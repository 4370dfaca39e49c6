"""Qt's own strings that ``qtbase_ru.qm`` lacks, or leaves in Latin, in the Qt we ship.

Qt 6.11 gave two labels of its file dialog new mnemonics («&Look in:», «Files of &type:»);
the Russian file still has them without, so every «Сохранить…» dialog showed them in English.
The file also keeps «OK» in Latin letters on every message box. This translator answers only
what it knows (Qt asks the next one for the rest); installed after ``qtbase_ru.qm``, it is
asked first.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

MISSING: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Перейти к:",
    ("QFileDialog", "Files of &type:"): "&Типы файлов:",
    # the file leaves Latin «OK» on every message box; Russian Windows says «ОК» in Cyrillic
    ("QPlatformTheme", "OK"): "ОК",
}


class MissingRussian(QTranslator):
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        del disambiguation, n
        return MISSING.get((context, source))  # None: not ours, Qt asks the next one

    def isEmpty(self) -> bool:
        return False
