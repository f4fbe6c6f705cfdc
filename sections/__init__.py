"""Provides the nianbao core, one package per role: model, rules, reading, store, output, interview.

Imports point down only (interview → output → store → reading → rules → model; see the import-linter
contracts in pyproject.toml), and nothing here imports a UI library.
"""
