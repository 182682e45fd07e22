"""HTTP API of the finance service."""
