"""Use cases of the finance service: reads with their policy, rule changes, recomputes."""
