"""The office server (FastAPI); imports core, models and protocol, never the UI or the sync client."""
