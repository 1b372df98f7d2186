"""Benchmark suite of the inventory: ``python -m bench`` (``make bench``); see bench/README.md."""
