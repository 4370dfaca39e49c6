"""nastavapp: the school's mentoring system (целевая модель наставничества) on one PC."""

__version__ = "0.1.0"
APP_NAME = "nastavapp"
APP_TITLE = "Наставничество в школе"
