"""Shared machinery of the renkei services; nothing domain-specific lives here."""
