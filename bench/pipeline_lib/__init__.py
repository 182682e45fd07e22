"""Building blocks of bench/pipeline.py: infrastructure, load shapes, runs, consumer process, report."""
