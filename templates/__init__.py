"""Provides the Jinja2 templates of every output format as package data, installed as sections.output.templates."""

# A regular package, not a namespace: setuptools' editable install maps it to this folder only then.
