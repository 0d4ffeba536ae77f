"""The PySide6 desktop app: windows, dialogs, Qt models and the task runner."""
