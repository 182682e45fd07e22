"""HTTP API of the staffing service."""
