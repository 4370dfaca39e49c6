"""Render the program's windows to PNG offscreen (for review and for the README).

Usage: python scripts/screenshots.py [OUT_DIR] [--demo]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    out = Path(next((a for a in sys.argv[1:] if not a.startswith("--")), "docs/screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="nastavapp-shots-"))
    os.environ["NASTAVAPP_HOME"] = str(home)

    from PySide6.QtWidgets import QApplication, QWizard

    from nastavapp.ui.app import AppController
    from nastavapp.ui.settings import UiSettings

    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    today = date(2025, 11, 20)
    controller = AppController(UiSettings(), today=today)
    controller.start(home / "new.sqlite")
    wizard = controller.wizard
    assert wizard is not None
    wizard.school_page.full_name.setText(
        "Муниципальное бюджетное общеобразовательное учреждение "
        "«Кедровская средняя общеобразовательная школа»"
    )
    wizard.school_page.short_name.setText("МБОУ «Кедровская СОШ»")
    wizard.school_page.municipality.setText("Чаинский район Томской области")
    wizard.show()
    wizard.grab().save(str(out / "wizard-1-school.png"))
    wizard.next()
    wizard.people_page.director.setText("Семёнов Олег Петрович")
    wizard.people_page.curator.setText("Иванова Мария Петровна")
    wizard.grab().save(str(out / "wizard-2-people.png"))
    wizard.next()
    wizard.grab().save(str(out / "wizard-3-year.png"))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    app.processEvents()

    if "--demo" in sys.argv:
        from nastavapp.services.demo import create_demo

        demo = home / "demo.sqlite"
        create_demo(demo, today=today)
        controller.open_database(demo)
    window = controller.window
    assert window is not None
    window.resize(1180, 760)
    for key in (
        "home",
        "stage:1",
        "stage:2",
        "stage:6",
        "bases",
        "pairs",
        "indicators",
        "documents",
    ):
        window.show_screen(key)
        deadline = time.monotonic() + 5  # the matching of «Пары и группы» runs in a thread
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.05)
            if key != "pairs":
                break
        window.grab().save(str(out / f"main-{key.replace(':', '')}.png"))
    window.close()
    print(f"saved to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
