"""Entry script for the frozen build (PyInstaller needs a file, not a package's __main__)."""

import sys

from nastavapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
