"""Qt only: the main window, one module per screen, dialogs, table models."""
