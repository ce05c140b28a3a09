"""Interview Journal: learn from the interviews that went badly."""

__version__ = "0.1.0"
