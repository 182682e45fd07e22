"""renkei agreements service."""
