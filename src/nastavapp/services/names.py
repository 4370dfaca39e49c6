"""Names of people (ФИО): splitting, normalising and short forms."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACES = re.compile(r"\s+")


def clean(text: str | None) -> str:
    """Trim and fold inner runs of white space to one space."""
    return _SPACES.sub(" ", text or "").strip()


# words of a name that stay in lower case («Мамедов Али Гусейн оглы», «фон Визин»)
_PARTICLES = frozenset(
    ("оглы", "кызы", "улы", "уулу", "гызы", "ибн", "бен", "фон", "де", "ван", "дер", "ди", "да")
)
_NAME_PIECES = re.compile(r"([\s\-‐'’]+)")
_ONLY_NAME = re.compile(r"[^\W\d_]+(?:[\s\-‐'’]+[^\W\d_]+)*")


def name_case(part: str) -> str:
    """A part of a name typed all in lower case gets its capitals: «иванова-петрова» →
    «Иванова-Петрова»; anything with a capital stays as typed («ИВАНОВ» in the official style,
    «МакКой», «ДиКаприо»), and so do the particles («оглы», «фон») and anything that is not a
    name («руководитель:» is refused as typed)."""
    text = clean(part)
    if text != text.lower() or not _ONLY_NAME.fullmatch(text):
        return text
    pieces = _NAME_PIECES.split(text)
    return "".join(
        piece
        if piece in _PARTICLES or _NAME_PIECES.fullmatch(piece)
        else piece[:1].upper() + piece[1:]
        for piece in pieces
    )


_OPENS_AFTER = " \t([«„“—/"
_BY_PLACE = '"“'  # “ opens in English, closes after „


def russian_quotes(text: str) -> str:
    """Straight and English quotes as Russian «ёлочки»: МБОУ "Лесная СОШ" → МБОУ «Лесная СОШ».

    A straight quote (and “) opens at the start or after a space or bracket, else closes.
    """
    out: list[str] = []
    for index, char in enumerate(text):
        if char in _BY_PLACE:
            opening = index == 0 or text[index - 1] in _OPENS_AFTER
            out.append("«" if opening else "»")
        elif char == "„":
            out.append("«")
        elif char == "”":
            out.append("»")
        else:
            out.append(char)
    return "".join(out)


def initials(first: str, middle: str) -> list[str]:
    """«анна», «игоревна» → ["А.", "И."]: capitals however the name was typed (a director typed
    «ПЕТРОВ илья сергеевич» must not sign «ПЕТРОВ и. с.»)."""
    return [f"{part[0].upper()}." for part in (first, middle) if part]


@dataclass(frozen=True)
class FullName:
    """ФИО split in three; the patronymic may be empty."""

    last: str
    first: str
    middle: str = ""

    @classmethod
    def parse(cls, text: str) -> FullName:
        """«Иванова  Мария Петровна» → FullName('Иванова', 'Мария', 'Петровна').

        Words past the third stay with the patronymic («Оглы», «Кызы»).
        """
        parts = clean(text).split(" ") if clean(text) else []
        last = parts[0] if parts else ""
        first = parts[1] if len(parts) > 1 else ""
        middle = " ".join(parts[2:])
        return cls(last, first, middle)

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.last, self.first, self.middle) if p)

    def capitalized(self) -> FullName:
        """The same name with the parts typed in lower case given capitals (``name_case``)."""
        return FullName(name_case(self.last), name_case(self.first), name_case(self.middle))

    @property
    def short(self) -> str:
        """«Иванова М. П.»"""
        return " ".join([self.last, *initials(self.first, self.middle)]).strip()

    @property
    def is_complete(self) -> bool:
        """Surname and name are required; the patronymic is not."""
        return bool(self.last and self.first)
