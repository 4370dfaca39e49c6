"""«Базы»: all participants, the base of mentees and the base of mentors, with their dialogs."""

from .screen import BasesScreen

__all__ = ["BasesScreen"]
