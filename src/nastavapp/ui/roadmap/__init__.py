"""The roadmap screens: the start screen, one screen per stage, the event dialog."""
