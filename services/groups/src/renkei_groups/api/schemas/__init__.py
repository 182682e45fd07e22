"""Request and response schemas of the groups API."""
