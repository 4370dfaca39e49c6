"""``python -m nastavapp.ui.municipal [FILE]``: the municipal mode on its own."""

import sys
from pathlib import Path

from . import run_municipal_gui

sys.exit(run_municipal_gui(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
