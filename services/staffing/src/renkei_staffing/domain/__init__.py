"""Domain rules of the staffing service: plain Python, no framework imports."""
