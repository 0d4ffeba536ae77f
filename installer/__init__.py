"""Packaging: the desktop bundle (PyInstaller spec, its filters, the build script) and the platform installers."""
