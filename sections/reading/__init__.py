"""Provides published reports read in (text, Markdown, HTML, Word, PDF) and the rules only they can fail."""
