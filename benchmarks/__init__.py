"""Benchmarks for the budgets of DESIGN.md §9, measured on a 10,000-interview journal.

Run with `uv run python -m benchmarks` from the project's root: it prints a table and writes
`benchmarks/results/latest.json`. Numbers are reported, never asserted.
"""
