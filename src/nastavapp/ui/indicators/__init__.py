"""«Показатели»: the indicators dashboard, the questionnaires and their answers, monitoring."""

from .screen import IndicatorsScreen

__all__ = ["IndicatorsScreen"]
