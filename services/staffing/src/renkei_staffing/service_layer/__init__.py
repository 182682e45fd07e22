"""Use cases of the staffing service: one transaction each, on plain commands."""
