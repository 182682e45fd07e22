"""Use cases of the agreements service; each is one database transaction, found by its name."""
