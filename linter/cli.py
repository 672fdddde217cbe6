"""The `betalint` command line (click). `main(argv) -> int` returns the exit code.

Exit codes (contract, as ruff): 0 nothing found, 1 findings remain, 2 usage, config,
registry or I/O error. Errors are one line on stderr; `--verbose` adds the traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import Any

import click

from betalint.errors import BetalintError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; never raises (except SystemExit from click's --help/--version)."""
    args = list(sys.argv[1:] if argv is None else argv)
    args, verbose = _hoist_verbose(args)
    try:
        result = cli.main(args=args, prog_name="betalint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return _flushed(int(exc.exit_code))
    except click.UsageError as exc:
        # One line, like every other error; click's own form is a three-line usage block.
        where = exc.ctx.command_path if exc.ctx is not None else "betalint"
        message = " ".join(exc.format_message().split())
        click.echo(f"betalint: error: {message}; see `{where} --help`", err=True)
        return EXIT_ERROR
    except click.ClickException as exc:
        click.echo(f"betalint: error: {' '.join(exc.format_message().split())}", err=True)
        return EXIT_ERROR
    except (click.Abort, KeyboardInterrupt, _Interrupted):
        return _interrupted()
    except (BrokenPipeError, _PipeClosed):
        # The reader went away (`betalint check . | head -1`): stop quietly, as ruff does.
        _silence_stdout()
        return EXIT_OK
    except BetalintError as exc:
        _traceback(verbose)
        click.echo(f"betalint: error: {exc}", err=True)
        return exc.exit_code
    except Exception as exc:  # a bug: still one line, the traceback on request
        _traceback(verbose)
        click.echo(
            f"betalint: internal error: {type(exc).__name__}: {exc} "
            "(rerun with --verbose and report it)",
            err=True,
        )
        return EXIT_ERROR
    return _flushed(int(result or 0))


class _PipeClosed(Exception):
    """stdout's reader closed the pipe (click would turn a BrokenPipeError into exit 1)."""


class _Interrupted(Exception):
    """Ctrl-C, carried past click (which would print a blank line and re-raise Abort)."""


class _Cli(click.Group):
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


def _interrupted() -> int:
    # On a terminal the ^C echo has no newline: end that line first.
    newline = "\n" if sys.stderr.isatty() else ""
    with contextlib.suppress(OSError, ValueError):  # stderr gone too: the exit code says it
        click.echo(f"{newline}betalint: interrupted", err=True)
    return EXIT_INTERRUPTED


def _flushed(code: int) -> int:
    """Flush stdout now, so a closed pipe is noticed here and not at interpreter exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except (OSError, ValueError):  # a closed or odd stdout: nothing left to say there
        pass
    return code


def _traceback(verbose: bool) -> None:
    if verbose:
        import traceback

        traceback.print_exc()


def _silence_stdout() -> None:
    """After a closed pipe (`betalint … | head -1`), stop Python's exit-time flush error."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (captured in tests)
        pass


def parse_today(value: str | None) -> dt.date | None:
    """`--today YYYY-MM-DD`."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BetalintError(f"--today {value!r} is not a date; write YYYY-MM-DD") from None


def _version() -> str:
    from betalint import __version__
    from betalint.registry.loader import load_registry

    try:
        registry = load_registry()
    except BetalintError as exc:
        return f"betalint {__version__}, registry unavailable: {exc}"
    from betalint.linter.sdk_switch import cwd_sdk_layer, describe

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
        from betalint.linter.sdk_switch import cwd_sdk_layer

        live = cwd_sdk_layer()
    return load_registry(extra, base=registry_path, live=live)


@cli.command()
@click.argument("names", nargs=-1, required=True)
@today_option
@registry_option
@format_option
@click.option(
    "--platform",
    metavar="PLATFORM",
    help="Also check PLATFORM (bedrock, vertex, foundry, databricks, anthropic).",
)
@click.option("--model", metavar="MODEL", help="Also check that each beta has an effect on MODEL.")
def validate(
    names: tuple[str, ...],
    today: str | None,
    registry_path: str | None,
    fmt: str,
    platform: str | None = None,
    model: str | None = None,
) -> int:
    """Say whether each NAME (or each name of a header value "a, b") is a valid beta name."""
    from betalint.linter.cli_platforms import platform_json, platform_lines
    from betalint.registry.header import names_in
    from betalint.registry.validator import classify

    registry = load(registry_path, sdk=True)
    day = parse_today(today)
    items = names_in(names) or list(names)
    verdicts = [
        classify(n, today=day, registry=registry, platform=platform, model=model) for n in items
    ]
    if fmt == "json":
        click.echo(json.dumps([_verdict_json(v) | platform_json(v) for v in verdicts], indent=2))
    else:
        for v in verdicts:
            docs = f"\n    docs: {v.docs_url}" if v.docs_url and not v.ok else ""
            click.echo(f"{v.kind:<10} {v.message}{docs}")
        for line in platform_lines(verdicts, platform, model):
            click.echo(line)
    return EXIT_OK if all(v.ok for v in verdicts) else EXIT_FINDINGS


def _verdict_json(v: Any) -> dict[str, Any]:
    return {
        "name": v.name,
        "kind": v.kind,
        "ok": v.ok,
        "message": v.message,
        "replacement": v.replacement,
        "certain": v.certain,
        "canonical": v.canonical,
        "problem": v.problem,
        "suggestions": list(v.suggestions),
        "docs_url": v.docs_url,
    }


@cli.group()
def registry() -> None:
    """Inspect and check the registry of beta names."""


@registry.command("check")
@registry_option
@click.option("--extra", multiple=True, metavar="PATH", help="An extra registry layer.")
def registry_check(registry_path: str | None, extra: tuple[str, ...]) -> int:
    """Validate the registry: schema, successors, cycles, dates, sources, grammar."""
    from betalint.registry import integrity
    from betalint.registry.loader import RegistryError, load_registry

    try:
        reg = load_registry(extra, base=registry_path, check=False)
    except RegistryError as exc:
        click.echo(f"betalint: error: {exc}", err=True)
        return EXIT_ERROR
    problems = integrity.check(reg)
    for problem in problems:
        click.echo(str(problem))
    where = ", ".join(layer.path for layer in reg.layers)
    click.echo(f"{len(reg)} names, {len(problems)} problems ({where})")
    return EXIT_ERROR if problems else EXIT_OK


@registry.command("list")
@click.option(
    "--status",
    type=click.Choice(["active", "ga", "superseded", "deprecated", "retired"]),
    help="Only names with this status.",
)
@click.option(
    "--sdk",
    "sdk_version",
    metavar="VERSION",
    help="Only names the anthropic SDK release VERSION knows (its type literal lists them).",
)
@registry_option
@format_option
def registry_list(
    status: str | None, sdk_version: str | None, registry_path: str | None, fmt: str
) -> int:
    """List registry names with their status."""
    reg = load(registry_path)
    names = [n for n in sorted(reg.entries) if status is None or reg.entries[n].status == status]
    if sdk_version is not None:
        from packaging.version import InvalidVersion

        try:
            known = set(reg.known_to_sdk(sdk_version))
        except InvalidVersion:
            raise BetalintError(
                f"--sdk {sdk_version!r} is not a version; write e.g. 0.52.0"
            ) from None
        names = [n for n in names if n in known]
    if fmt == "json":
        click.echo(json.dumps([_entry_json(n, reg.entries[n]) for n in names], indent=2))
    else:
        for n in names:
            e = reg.entries[n]
            low = "  (low confidence)" if e.confidence == "low" else ""
            click.echo(f"{n:<50} {e.status}{low}")
    return EXIT_OK


@registry.command("show")
@click.argument("name")
@registry_option
@format_option
def registry_show(name: str, registry_path: str | None, fmt: str) -> int:
    """Show everything the registry records about NAME (or the installed SDK, for a name
    only its type literal lists)."""
    reg = load(registry_path, sdk=True)
    entry = reg.get(name)
    if entry is None:
        raise BetalintError(f"{name!r} is not in the registry; try `betalint validate {name}`")
    data = _entry_json(name, entry)
    if fmt == "json":
        click.echo(json.dumps(data, indent=2))
    else:
        for key, value in data.items():
            if value not in (None, [], {}, ""):
                click.echo(f"{key:<15} {_plain(value)}")
    return EXIT_OK


def _entry_json(name: str, entry: Any) -> dict[str, Any]:
    import dataclasses

    data: dict[str, Any] = {"name": name}
    data.update(dataclasses.asdict(entry))
    plain: dict[str, Any] = json.loads(json.dumps(data, default=str))  # dates → ISO strings
    return plain


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return "\n                ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_plain(v)}" for k, v in value.items())
    return str(value)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Rule codes or prefixes to enable (replaces config).",
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Rule codes or prefixes to disable.")
@click.option(
    "--extend-select", multiple=True, metavar="CODES", help="Rule codes to enable on top of select."
)
@click.option(
    "--output-format",
    "output_format",
    default="text",
    show_default=True,
    type=click.Choice(["text", "json", "sarif", "github", "gitlab", "junit"]),
)
@click.option(
    "-o", "--output-file", metavar="PATH", help="Write the report to PATH instead of stdout."
)
@click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain.")
@click.option("--fix", is_flag=True, help="Apply safe fixes and write the files.")
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="Also apply unsafe fixes (successors, removals) with --fix/--diff; mark them [*].",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Print a unified diff of the fixes instead of writing; exit 1 if there would be any.",
)
@click.option(
    "--exit-non-zero-on-fix",
    is_flag=True,
    help="With --fix, exit 1 when anything was fixed, even if nothing remains.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply excludes to paths named on the command line (pre-commit).",
)
@click.option("--stdin-filename", metavar="PATH", help="The file name to report for `-` (stdin).")
@click.option("--baseline", metavar="FILE", help="Report only findings not recorded in FILE.")
@click.option(
    "--write-baseline", metavar="FILE", help="Record the current findings in FILE and exit 0."
)
@click.option(
    "--max-file-size",
    metavar="SIZE",
    help="Skip larger files with a notice (e.g. 20MB; 0 = no limit).",
)
@click.option("--no-respect-gitignore", is_flag=True, help="Scan files that .gitignore excludes.")
@click.option("--exclude", multiple=True, metavar="PATTERN", help="Replace the exclude patterns.")
@click.option("--extend-exclude", multiple=True, metavar="PATTERN", help="Add exclude patterns.")
@click.option(
    "--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True
)
@click.option(
    "--platform",
    "platforms",
    multiple=True,
    metavar="NAME",
    help="Report names this platform rejects (BL206): anthropic, bedrock, vertex, foundry, "
    "databricks; repeat for several. Overrides config `platforms`.",
)
@today_option
@registry_option
def check(paths: tuple[str, ...], **opts: Any) -> int:
    """Find beta names in PATHS (files, directories, `-` for stdin; default `.`) and report them."""
    from betalint.linter.check_command import run_check

    return run_check(list(paths), opts)


# Commands that live in their own modules register themselves on import.
from betalint.linter import cli_platforms, cli_report, cli_sync  # noqa: E402, F401
