"""Provides the report itself: one model per section, labels, table grids, typed ids, findings and errors."""
