"""renkei staffing service."""
