"""Benchmark and load test of the app (developer tools, not shipped)."""
