"""The one kind of failure a command reports."""

import click


class UserError(click.ClickException):
    """A plain-words failure: printed as `Error: ...`, exit status 1."""
