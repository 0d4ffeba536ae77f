"""Outcome measures and their PDF and CSV writers."""
