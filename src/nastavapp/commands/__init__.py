"""Command-line subcommands: one module each, with ``register(subparsers)`` and ``run(args)``.

A new command is a new module here plus one line in ``COMMAND_MODULES``.
"""

from __future__ import annotations

import sys

COMMAND_MODULES: tuple[str, ...] = (
    "nastavapp.commands.backup",
    "nastavapp.commands.consolidate",
    "nastavapp.commands.demo",
    "nastavapp.commands.export",
    "nastavapp.commands.import_persons",
    "nastavapp.commands.stats",
)


def fail(message: str, code: int = 1) -> int:
    """Print a Russian error to stderr and return the exit code."""
    print(f"Ошибка: {message}", file=sys.stderr)
    return code
