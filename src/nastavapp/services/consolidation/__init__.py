"""The municipal summary: the coordinator merges the schools' report files into one.

``reading`` turns a file into a :class:`~.report.SchoolReport` or a reason to skip it (the
checks are in ``checks``); ``store_reports`` keeps the reports in the municipal data file with
their history, ``expected`` the list of schools that should report, ``centre`` the municipal
centre's own profile; ``summary`` builds the table, totals, municipal shares from summed
numerators and denominators, the schools below target, the missing ones and the comparison
with the previous year; ``summary_xlsx`` and ``summary_pdf`` write it out.

No Qt here; openpyxl, reportlab and python-calamine are imported only where they are used.
"""
