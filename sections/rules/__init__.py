"""Provides the consistency rules of FORMAT.md §7 as small functions, one module per section, and their registry."""
