"""Provides the `nianbao` command and its front ends: the Textual app, the line mode and the plain mode."""
