"""`betalint validate NAME...` and `betalint check PATH...` without click: the hot paths of
editors, hooks and scripts.

Importing click costs more than the whole verdict (about 45 ms of a 75 ms run, measured with
`python -X importtime`), so the plainest form of `validate`, names only, is answered here.
Anything else (an option, `--help`, a name that is not plain ASCII, any error) returns None
and the caller runs the click command line, which then prints exactly what it always does:
the output and exit codes of both paths are the same (tests/test_fast_path.py). `check`
with paths and plain flags goes to `linter/cli/check_fast.py` (the same run, parsed there).
Shell completion (click's `_BETALINT_COMPLETE`) and Windows (where click expands wildcards
in argv) always take click's path.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from betalint.linter.exit_codes import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK


def fast_main(argv: Sequence[str]) -> int | None:
    """The exit code of `validate NAME...` or `check PATH...`, printed; None when click must
    handle argv."""
    if sys.platform == "win32" or "_BETALINT_COMPLETE" in os.environ:
        return None
    if argv[:1] == ["check"]:
        from betalint.linter.cli.check_fast import fast_check

        return fast_check(argv[1:])
    return _validate(argv)


def _validate(argv: Sequence[str]) -> int | None:
    if len(argv) < 2 or argv[0] != "validate" or not all(_plain(a) for a in argv[1:]):
        return None
    try:
        notes, lines, ok = _verdicts(argv[1:])
    except KeyboardInterrupt:
        print("betalint: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception:  # any error: click's path reports it in its one-line form
        return None
    if not all(line.isascii() for line in notes + lines):
        return None  # click.echo's encoding fallbacks, not reimplemented here
    try:
        sys.stderr.write("".join(f"{line}\n" for line in notes))
        sys.stdout.write("".join(f"{line}\n" for line in lines))
        sys.stdout.flush()
    except BrokenPipeError:  # the reader is gone: click's path knows how to go quietly
        return None
    return EXIT_OK if ok else EXIT_FINDINGS


def _plain(arg: str) -> bool:
    return arg.isascii() and not arg.startswith("-") and bool(arg.strip())


def _verdicts(names: Sequence[str]) -> tuple[list[str], list[str], bool]:
    """`validate`'s stderr lines (the registry's age notice, when due) and stdout lines for
    these names, and whether every name is valid."""
    from betalint.linter.quick_verdicts import answers
    from betalint.registry.header import names_in

    items = names_in(names) or list(names)
    quick = answers(items)  # shipped names, no notice due: the generated table knows
    if quick is not None:
        return [], [line for line, _ in quick], all(ok for _, ok in quick)

    from betalint.linter.cli.sdk_switch import cwd_sdk_layer
    from betalint.linter.registry_age import DEFAULT_REGISTRY_AGE_NOTICE, age_notice
    from betalint.registry.loader import load_registry
    from betalint.registry.validator import classify

    registry = load_registry((), base=None)
    if not all(name in registry for name in items):
        # The SDK layer only adds names the shipped registry lacks, so a shipped name's
        # verdict never depends on it (tests/test_fast_path.py): read it only for the rest.
        registry = load_registry((), base=None, live=cwd_sdk_layer())
    verdicts = [classify(n, today=None, registry=registry) for n in items]
    notice = age_notice(registry, None, DEFAULT_REGISTRY_AGE_NOTICE)
    note = [f"betalint: note: {notice}"] if notice else []
    from betalint.linter.verdict_text import verdict_lines

    return note, verdict_lines(verdicts), all(v.ok for v in verdicts)
