"""Persistence adapters of the finance service."""
