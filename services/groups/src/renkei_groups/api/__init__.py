"""HTTP API of the groups service."""
