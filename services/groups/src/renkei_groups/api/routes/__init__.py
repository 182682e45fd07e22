"""Routers of the groups API, one per resource."""
