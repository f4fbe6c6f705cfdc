"""Provides the report as text, Markdown, HTML and Word, and the drafted paragraphs the interview offers."""
