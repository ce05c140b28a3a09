"""The domain: no Textual, no click, no SQL."""
