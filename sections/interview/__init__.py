"""Provides the interview: the engine, the session every front end drives, and the questions of each section."""
