"""Sections of the «Документы и отчёты» screen, one module each."""
