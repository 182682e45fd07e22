"""Persistence adapters of the staffing service."""
