"""The commands by name, imported only when one runs (or `--help` lists them).

Starting the app or running `stats` used to import every command's module first; now the
program imports the one it runs. This is click's own pattern for lazily loaded subcommands.
"""

from __future__ import annotations

import importlib

import click

COMMANDS = {
    "add": "entries:add",
    "list": "entries:list_interviews",
    "stats": "reports:stats",
    "brief": "reports:brief",
    "prep": "reports:prep",
    "draft": "follow_ups:draft",
    "profile": "follow_ups:profile",
    "questions": "practice:questions",
    "export": "exchange:export",
    "import": "exchange:import_file",
    "backup": "care:backup",
    "check": "care:check",
    "rescue": "care:rescue",
    "encrypt": "privacy:encrypt",
    "decrypt": "privacy:decrypt",
    "demo": "demo:demo",
    "calendar": "calendar:calendar",
}
"""Each command's name, and where it is defined: "module:name", a module of this package."""


class LazyGroup(click.Group):
    """A group whose commands (COMMANDS) are imported when asked for by name."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.NoSuchCommand as error:
            # click suggests from the commands it holds, and this group holds them by name only
            raise click.NoSuchCommand(
                error.command_name, possibilities=self.list_commands(ctx), ctx=ctx
            ) from None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = COMMANDS.get(cmd_name)
        if where is None:
            return super().get_command(ctx, cmd_name)
        module, name = where.split(":")
        command = getattr(importlib.import_module(f"{__package__}.{module}"), name)
        if not isinstance(command, click.Command):  # a slip in COMMANDS: said by the tests
            raise TypeError(f"{where} is not a command")
        return command
