"""Domain rules of the agreements service: plain Python, no framework imports."""
