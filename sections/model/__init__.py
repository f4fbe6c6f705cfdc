"""Provides the report: a model per section, labels, the tables' one description and grids, ids, findings, errors."""
