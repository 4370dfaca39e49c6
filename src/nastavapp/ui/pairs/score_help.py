"""«Как считается оценка»: the weights and the hard rules of the matching, in words.

Everything comes from ``services.matching`` (``WEIGHTS``, ``RULES``), so the explanation never
drifts from what the program does.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...services.matching import RULES, WEIGHTS
from .proposals_model import points_text


def _signed(points: int) -> str:
    return f"+{points_text(points)}" if points > 0 else points_text(points)


def score_help_html() -> str:
    weights = "".join(
        f"<tr><td style='padding:2px 12px 2px 0; white-space:nowrap;'><b>{_signed(w.points)}</b>"
        f"</td><td style='padding:2px 0;'>{escape(w.explanation)}</td></tr>"
        for w in sorted(WEIGHTS.values(), key=lambda w: -w.points)
    )
    rules = "".join(f"<li>{escape(rule)}</li>" for rule in RULES)
    return (
        "<p>Для каждого наставляемого программа оценивает каждого подходящего наставника. "
        "Баллы складываются из совпадений ниже: чем больше сумма, тем лучше пара.</p>"
        f"<table>{weights}</table>"
        "<p><b>Обязательные условия.</b> Пара не предлагается вовсе, если нарушено хотя бы "
        f"одно из них:</p><ul>{rules}</ul>"
        "<p><b>Как выбираются пары.</b> Сначала программа находит наставника как можно "
        "большему числу наставляемых, а среди таких вариантов — с наибольшей суммой баллов, "
        "учитывая, сколько мест у каждого наставника. Поэтому наставник с высокой оценкой "
        "иногда отдан другому наставляемому, которому больше никто не подходит.</p>"
        "<p>Предложение — только подсказка: вы принимаете его, отклоняете или выбираете "
        "другого наставника из списка подходящих.</p>"
    )


class ScoreHelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Как считается оценка")
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(score_help_html())
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
