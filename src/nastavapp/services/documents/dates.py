"""Dates in words for documents: «25 сентября 2025 г.», ««25» сентября 2025 г.».

Babel gives the genitive month the way Russian writes a date (Qt's "MMMM" gives it too, but
the UI must not be needed here). Babel puts a narrow no-break space before «г.», which the
bundled fonts lack: it becomes an ordinary no-break space, so «г.» never starts a line.

Babel is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from datetime import date

NBSP = "\u00a0"


def date_words(day: date) -> str:
    """«25 сентября 2025 г.» (no-break space before «г.»)."""
    from babel.dates import format_date

    text = format_date(day, "long", locale="ru")
    return text.replace("\u202f", NBSP).replace(" г.", f"{NBSP}г.")


def quoted_date(day: date) -> str:
    """«25» сентября 2025 г. — the form of signature blocks and consents."""
    words = date_words(day)
    number, _, rest = words.partition(" ")
    return f"«{int(number):02d}» {rest}"


def month_genitive(day: date) -> str:
    """«сентября»."""
    from babel.dates import format_date

    return format_date(day, "MMMM", locale="ru")


def blank_date(year: int | None = None) -> str:
    """«___» __________ 2025 г. — a date the signer writes by hand."""
    tail = f"{year}{NBSP}г." if year else f"20__{NBSP}г."
    return f"«___» ____________ {tail}"
