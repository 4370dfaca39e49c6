"""Documents the school prints and signs: roadmap, orders, reports (PDF and xlsx)."""
