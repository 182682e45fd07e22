"""Persistence adapters of the agreements service."""
