"""`betalint check PATH...` without click: what editors' save hooks and pre-commit run.

click and the command modules cost about 20 ms of a one-file run (`python -X importtime`),
more than scanning the file. So the common form, paths and the plain on/off flags below, is
parsed here and handed to the same `run_check`, through the same error handling
(`guard.guarded`), that click's `check` command calls: the two paths differ only in who
read argv. Anything else (an option with a value, `-` for stdin, `--`, `--help`, an unknown
flag) returns None and click parses argv as it always does (tests/test_check_fast.py
compares both paths over a table of argv and a property).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# The flags of `check` that take no value, by the CheckOptions field each sets.
FLAGS = {
    "--statistics": "statistics",
    "--exit-zero": "exit_zero",
    "--fix": "fix",
    "--unsafe-fixes": "unsafe_fixes",
    "--diff": "diff",
    "--exit-non-zero-on-fix": "exit_non_zero_on_fix",
    "--force-exclude": "force_exclude",
    "--no-respect-gitignore": "no_respect_gitignore",
    "--no-registry-age-notice": "no_registry_age_notice",
}
VERBOSE = ("-v", "--verbose")  # the group's flag; `app.main` accepts it anywhere too


def fast_check(args: Sequence[str]) -> int | None:
    """The exit code of `check` with these arguments (after `check`); None when click must
    parse them."""
    parsed = parse(args)
    if parsed is None:
        return None
    paths, flags, verbose = parsed
    from betalint.linter.cli.check_run import CheckOptions, run_check
    from betalint.linter.cli.guard import guarded

    on: dict[str, Any] = dict.fromkeys(flags, True)  # field names, checked by FLAGS' test
    options = CheckOptions(**on)
    return guarded(lambda: run_check(paths, options), verbose=verbose)


def parse(args: Sequence[str]) -> tuple[list[str], set[str], bool] | None:
    """(paths, the CheckOptions fields set to True, verbose), or None for anything but
    paths and the flags this path knows."""
    paths: list[str] = []
    flags: set[str] = set()
    verbose = False
    for arg in args:
        if arg in VERBOSE:
            verbose = True
        elif arg in FLAGS:
            flags.add(FLAGS[arg])
        elif arg.startswith("-"):
            return None
        else:
            paths.append(arg)
    return paths, flags, verbose
