"""Russian-aware folding and ordering of text (SQLite's own folds only ASCII: GUIDE trap 2)."""

from __future__ import annotations


def ru_fold(text: str | None) -> str:
    """Case- and ё-insensitive form for search: «Ёлкин» and «елкин» fold alike."""
    if not text:
        return ""
    return text.casefold().replace("ё", "е")


def ru_sort_key(text: str | None) -> tuple[str, str]:
    """Sort key putting «Ё» beside «Е» (not before «А»); ties broken by the original text."""
    return (ru_fold(text), text or "")


def ru_collate(left: str | None, right: str | None) -> int:
    a, b = ru_sort_key(left), ru_sort_key(right)
    return (a > b) - (a < b)
