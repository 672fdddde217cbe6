"""`betalint check`: the click command and its options (typed as `check_run.CheckOptions`)."""

from __future__ import annotations

from typing import Any

import click

from betalint.linter.cli import complete
from betalint.linter.cli.app import age_notice_option, cli, registry_option, today_option


@cli.command()
@click.argument("paths", nargs=-1)
@complete.codes_option("--select", "Rule codes or prefixes to enable (replaces config).")
@complete.codes_option("--ignore", "Rule codes or prefixes to disable.")
@complete.codes_option("--extend-select", "Rule codes to enable on top of select.")
@click.option(
    "--output-format",
    "output_format",
    multiple=True,
    type=complete.OutputFormat(),
    help="Report format: text (default), json, sarif, github, gitlab, junit or rdjson; "
    "FORMAT:PATH writes that report to PATH. Repeat for several reports from one run "
    "(at most one on stdout). Machine formats write paths relative to the project root.",
)
@click.option(
    "-o",
    "--output-file",
    metavar="PATH",
    help="Write the report to PATH instead of stdout (the one format given without a PATH).",
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
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text report: auto = only on a terminal and without NO_COLOR.",
)
@click.option(
    "--platform",
    "platforms",
    multiple=True,
    metavar="NAME",
    shell_complete=complete.platforms,
    help="Report names this platform rejects (BL206): anthropic, bedrock, vertex, foundry, "
    "databricks, claude-platform-aws, google-cloud-anthropic; repeat for several. Overrides "
    "config `platforms`.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Scan a large tree in N processes (default: the usable cores; 1 = one process).",
)
@today_option
@registry_option
@age_notice_option
def check(paths: tuple[str, ...], **opts: Any) -> int:
    """Find beta names in PATHS (files, directories, `-` for stdin; default `.`) and report them."""
    # The run (discovery, scanner, reporters) loads only when `check` runs: start-up stays small.
    from betalint.linter.cli.check_run import CheckOptions, run_check

    return run_check(list(paths), CheckOptions(**opts))
