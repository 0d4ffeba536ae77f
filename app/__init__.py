"""Offramp: offline-first casework for people leaving trafficking and exploitation."""

__version__ = "0.1.0"
