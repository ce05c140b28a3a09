"""The terminal interface (Textual). Depends on the core and the store, never the other way."""
