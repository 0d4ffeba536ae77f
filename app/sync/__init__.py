"""Sync protocol, the three-way merge and the client session (filled in by the sync work)."""
