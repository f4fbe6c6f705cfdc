"""Provides the nianbao test suite."""
