"""renkei finance service."""
