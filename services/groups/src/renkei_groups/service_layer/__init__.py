"""Use cases of the groups service."""
