"""The command line (click). Never imports Textual, except to open the app."""
