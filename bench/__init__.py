"""Provides nianbao's benchmarks: `python3 -m bench` prints each figure beside its budget."""
