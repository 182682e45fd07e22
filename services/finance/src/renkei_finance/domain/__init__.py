"""Domain rules of the finance service: plain Python, no framework imports."""
