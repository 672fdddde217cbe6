"""The `betalint` click group, its shared options and `main(argv) -> int` (error handling).

Commands live in their own modules (validate, registry, check, ...) and register on `cli`.

Exit codes (contract, as ruff): 0 nothing found, 1 findings remain, 2 usage, config,
registry or I/O error. Errors are one line on stderr (`guard.py`, shared with the click-free
paths); `--verbose` adds the traceback.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from typing import Any

import click

from betalint.linter.cli.guard import guarded, inert
from betalint.linter.dates import today_flag
from betalint.linter.echo import echo
from betalint.linter.exit_codes import EXIT_ERROR
from betalint.registry.errors import BetalintError


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; never raises (except SystemExit from click's --help/--version)."""
    args = list(sys.argv[1:] if argv is None else argv)
    args, verbose = _hoist_verbose(args)
    return guarded(lambda: _click_main(args), verbose=verbose)


def _click_main(args: list[str]) -> int:
    """click's run of `args`; its own errors become betalint's one line here, the rest
    (ours, Ctrl-C, a closed pipe) end in `guard.guarded` as on the click-free paths."""
    try:
        result = cli.main(args=args, prog_name="betalint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.UsageError as exc:
        # One line, like every other error; click's own form is a three-line usage block.
        where = exc.ctx.command_path if exc.ctx is not None else "betalint"
        # click ends its messages with a full stop; ours goes on after it.
        message = " ".join(exc.format_message().split()).rstrip(".")
        echo(inert(f"betalint: error: {message}; see `{where} --help`"), err=True)
        return EXIT_ERROR
    except click.ClickException as exc:
        echo(inert(f"betalint: error: {' '.join(exc.format_message().split())}"), err=True)
        return EXIT_ERROR
    except (click.Abort, _Interrupted):
        raise KeyboardInterrupt from None
    except _PipeClosed:
        raise BrokenPipeError from None
    return int(result or 0)


class _PipeClosed(Exception):
    """stdout's reader closed the pipe (click would turn a BrokenPipeError into exit 1)."""


class _Interrupted(Exception):
    """Ctrl-C, carried past click (which would print a blank line and re-raise Abort)."""


# Each top-level command, by the modules that register it and its subcommands on `cli`:
# a run imports only its own command's modules (the rest cost ~10 ms, `registry sync` most).
_COMMANDS: dict[str, tuple[str, ...]] = {
    "check": ("check",),
    "explain": ("report",),
    "registry": ("registry_cmd", "platforms", "sync"),
    "rules": ("report",),
    "server": ("server",),
    "validate": ("validate",),
}


class _Cli(click.Group):
    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        from importlib import import_module

        for module in _COMMANDS.get(cmd_name, ()):
            import_module(f"betalint.linter.cli.{module}")
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:  # `--help`/`--version` print while parsing
            return super().make_context(info_name, args, parent, **extra)
        except BrokenPipeError as exc:
            raise _PipeClosed() from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise _PipeClosed() from exc
        except KeyboardInterrupt as exc:
            raise _Interrupted() from exc


def _hoist_verbose(args: list[str]) -> tuple[list[str], bool]:
    """`-v`/`--verbose` anywhere before `--` (`betalint check --verbose .` too) → the group's."""
    end = args.index("--") if "--" in args else len(args)
    rest = [a for a in args[:end] if a not in ("-v", "--verbose")] + args[end:]
    verbose = len(rest) < len(args)
    return (["--verbose", *rest] if verbose else rest), verbose


def parse_today(value: str | None) -> dt.date | None:
    """`--today YYYY-MM-DD`."""
    return today_flag(value)


def _version() -> str:
    from betalint.linter.version import __version__
    from betalint.registry.loader import load_registry

    try:
        registry = load_registry()
    except BetalintError as exc:
        return f"betalint {__version__}, registry unavailable: {exc}"
    from betalint.linter.cli.sdk_switch import cwd_sdk_layer, describe

    sdks = "".join(f"\nSDK layer: {line}" for line in describe(cwd_sdk_layer(), registry))
    return f"betalint {__version__}, registry {registry.version} ({registry.date}){sdks}"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_version())
        ctx.exit(0)


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Print the tool and registry versions.",
)
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks of errors (for bug reports).")
def cli(verbose: bool) -> None:
    """Lint anthropic-beta header names: typos, bad dates, superseded, GA and retired betas."""


today_option = click.option(
    "--today", metavar="YYYY-MM-DD", help="Judge lifecycles as of this date (reproducible runs)."
)
registry_option = click.option(
    "--registry",
    "registry_path",
    metavar="PATH",
    help="Use this registry file instead of the shipped one.",
)
age_notice_option = click.option(
    "--no-registry-age-notice",
    is_flag=True,
    help="Do not say when the registry is older than `registry-age-notice` days (default 90).",
)
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)


def load(registry_path: str | None, extra: Sequence[str] = (), *, sdk: bool = False) -> Any:
    """The registry; with `sdk`, plus the installed SDKs' names (the cwd's config decides).
    A registry file named with `--registry` is the whole truth: no SDK layer on it."""
    from betalint.registry.loader import load_registry

    live = None
    if sdk and registry_path is None:
        from betalint.linter.cli.sdk_switch import cwd_sdk_layer

        live = cwd_sdk_layer()
    return load_registry(extra, base=registry_path, live=live)
