"""renkei groups service."""
