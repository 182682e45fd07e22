"""Domain rules of the groups service: plain Python, no framework imports."""
