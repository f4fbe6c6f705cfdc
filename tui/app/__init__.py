"""Provides the Textual app: the chat interview, its screens, widgets, grid editor and dialogs."""
