"""Persistence adapters of the groups service."""
