"""«Пары и группы»: matching, pairs and groups with their cards, plans and meetings, «Без пары»."""

from .screen import PairsScreen

__all__ = ["PairsScreen"]
