"""Request and response bodies of the staffing API."""
