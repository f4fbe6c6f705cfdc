"""Provides drafts on disk (atomic save, backup, lock, migrations) and the workspace that opens and makes them."""
