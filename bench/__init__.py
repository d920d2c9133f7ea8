"""Benchmarks and their data generators; never run in CI (CI runs their smoke tests)."""
