"""The office server (FastAPI); imports core, models and sync, never the UI."""
