"""`betalint check`'s run: wire discovery, the runner, the baseline and the reporters together."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from betalint.linter import config as config_mod
from betalint.linter.cli.sdk_switch import sdk_layer
from betalint.linter.dates import today_flag
from betalint.linter.diagnostic import Diagnostic
from betalint.linter.echo import echo
from betalint.linter.exit_codes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from betalint.linter.files.discovery import discover
from betalint.linter.files.reader import PathError, Skipped
from betalint.linter.parallel import Checked, check_jobs, default_jobs
from betalint.linter.report.escape import printable
from betalint.linter.report.meta import Position, edit_positions
from betalint.linter.report.outputs import Output, formats, resolve_outputs
from betalint.linter.report.rdjson import byte_columns as utf8_columns
from betalint.linter.runner import FileOutcome, Linters, RunOptions, check_stdin

if TYPE_CHECKING:
    from betalint.linter.fix.run import FixRun

from betalint.registry.errors import BetalintError


@dataclass(frozen=True)
class CheckOptions:
    """Every `check` flag, typed: what the command line asked for this run."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    # Each FORMAT or FORMAT:PATH (parsed by the option's type); none = text on stdout.
    output_format: tuple[Output | str, ...] = ()
    output_file: str | None = None
    statistics: bool = False
    exit_zero: bool = False
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    exit_non_zero_on_fix: bool = False
    force_exclude: bool = False
    stdin_filename: str | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    max_file_size: str | None = None
    no_respect_gitignore: bool = False
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    color: str = "auto"
    platforms: tuple[str, ...] = ()
    today: str | None = None
    registry_path: str | None = None
    no_registry_age_notice: bool = False
    jobs: int | None = None  # worker processes for a tree scan; None: the usable cores


def _codes(values: tuple[str, ...] | None) -> list[str] | None:
    if not values:
        return None
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def _resolver(opts: CheckOptions) -> Any:
    """Settings for a directory: its config walking up, with the CLI flags layered on."""
    cache: dict[int, config_mod.Settings] = {}
    configs = config_mod.ConfigResolver()  # this run's: config edits between runs are seen

    def resolve(directory: str) -> config_mod.Settings:
        base = configs.settings_for(directory)
        merged = cache.get(id(base))
        if merged is None:
            merged = cache[id(base)] = config_mod.merge_cli(
                base,
                select=_codes(opts.select),
                ignore=_codes(opts.ignore),
                extend_select=_codes(opts.extend_select),
                exclude=list(opts.exclude) or None,
                extend_exclude=list(opts.extend_exclude) or None,
                respect_gitignore=False if opts.no_respect_gitignore else None,
                today=opts.today,
                max_file_size=opts.max_file_size,
                registry_age_notice=0 if opts.no_registry_age_notice else None,
            )
        return merged

    return resolve


def _platforms(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--platform` values, checked now so a typo is one clear error before any file is read."""
    names = tuple(p.strip() for v in values for p in v.split(",") if p.strip())
    if not names:
        return ()
    from betalint.registry.platforms import parse_target

    for name in names:
        parse_target(name)
    return names


def run_check(paths: list[str], opts: CheckOptions) -> int:
    """The whole `check` command; returns the exit code."""
    outputs = resolve_outputs(opts.output_format, opts.output_file)
    _check_statistics(outputs, opts.statistics)
    wanted = formats(outputs)
    github = "github" in wanted
    resolve = _resolver(opts)
    linters = Linters(
        RunOptions(
            registry_path=opts.registry_path,
            today=today_flag(opts.today),
            platforms=_platforms(opts.platforms),
            sdk_layer=None
            if opts.registry_path  # a pinned registry file is the whole truth
            else sdk_layer(()),  # each file's directory says which SDKs it sees
        )
    )
    registry = linters.registry()  # a broken registry fails before any file is read
    _registry_age(registry, opts, resolve)
    errors: list[str] = []
    diagnostics: list[Diagnostic] = []
    positions: dict[str, dict[int, Position]] = {}
    byte_columns: dict[str, dict[int, int]] = {}
    # JUnit lists clean files too, so it needs every path read.
    scanned = _Scanned(keep_paths=bool(opts.baseline) or "junit" in wanted)
    fixing = _fixing(opts, linters)
    for outcome, settings, stdin_data in _outcomes(paths, opts, resolve, linters):
        if isinstance(outcome, FileOutcome) and outcome.notice:
            notice("warning", outcome.notice, github=github)
        if fixing is not None and stdin_data is not None and not isinstance(outcome, PathError):
            outcome = fixing.stdin(outcome, stdin_data, settings)
        elif fixing is not None and isinstance(outcome, FileOutcome):
            outcome = fixing.file(outcome, settings)
        if isinstance(outcome, PathError):
            errors.append(outcome.message)
            notice("error", outcome.message, github=github)
        elif isinstance(outcome, Skipped):
            if outcome.reason == "no-match":
                scanned.add(outcome.path)
            if outcome.notice:
                notice("warning", outcome.notice, github=github)
        else:
            scanned.add(outcome.path)
            diagnostics += outcome.diagnostics
            if outcome.source is not None:
                positions[outcome.path] = edit_positions(outcome.source.text, outcome.diagnostics)
                if "rdjson" in wanted and outcome.diagnostics:
                    byte_columns[outcome.path] = utf8_columns(
                        outcome.source.text, outcome.diagnostics
                    )
            elif isinstance(outcome, Checked):  # scanned in a worker: positions came back
                positions[outcome.path] = outcome.positions
                if "rdjson" in wanted and outcome.diagnostics:
                    byte_columns[outcome.path] = outcome.byte_columns
    if fixing is not None:
        errors += fixing.errors
    stdin_fix = fixing is not None and "-" in paths
    found = _Found(diagnostics, positions, byte_columns, scanned, errors)
    return _report(found, outputs, opts, linters, fixing, stdin_fix)


def notice(level: str, text: str, *, github: bool) -> None:
    """A warning or error on stderr, one inert line: controls escaped, and in the `github`
    format a workflow command escaped as annotations are (the runner shows it as one)."""
    if github:
        from betalint.linter.report.github import notice as github_notice

        echo(github_notice(level, text), err=True)
    else:
        echo(f"betalint: {level}: {printable(text)}", err=True)


def _check_statistics(outputs: list[Output], statistics: bool) -> None:
    """`--statistics` is a text or json report: say so before any file is read."""
    from betalint.linter.report import STATISTICS

    unsupported = sorted({o.fmt for o in outputs} - set(STATISTICS)) if statistics else []
    if unsupported:
        raise BetalintError(
            f"--statistics with --output-format {', '.join(unsupported)} is not supported; "
            f"choose {' or '.join(STATISTICS)}"
        )


@dataclass(slots=True)
class _Found:
    """What the files gave: findings, the positions reporters need, and what was read."""

    diagnostics: list[Diagnostic]
    positions: dict[str, dict[int, Position]]
    byte_columns: dict[str, dict[int, int]]
    scanned: _Scanned
    errors: list[str]


class _Scanned:
    """How many files were read, and which (only when a baseline needs the paths: holding
    every path of a large tree would make memory grow with it)."""

    def __init__(self, *, keep_paths: bool) -> None:
        self.count = 0
        self.paths: list[str] = []
        self._keep = keep_paths

    def add(self, path: str) -> None:
        self.count += 1
        if self._keep:
            self.paths.append(path)


def _fixing(opts: CheckOptions, linters: Linters) -> FixRun | None:
    """The `--fix`/`--diff` handler, or None (imported only when fixing)."""
    if not (opts.fix or opts.diff):
        return None
    from betalint.linter.fix.run import FixRun

    return FixRun(linters, sys.stdout.buffer, diff=opts.diff, unsafe=opts.unsafe_fixes)


Outcome = tuple[FileOutcome | Skipped | PathError, Any, bytes | None]


def _outcomes(
    paths: list[str], opts: CheckOptions, resolve: Any, linters: Linters
) -> Iterator[Outcome]:
    """Each file's outcome, its settings, and for `-` the bytes read from stdin."""
    stdin_name = opts.stdin_filename
    if stdin_name and os.path.isdir(stdin_name):
        raise BetalintError(f"--stdin-filename {stdin_name}: is a directory; name a file")
    for given in paths or ["."]:
        if given == "-":
            name = stdin_name or "-"
            settings = resolve(
                os.path.dirname(os.path.abspath(name)) if stdin_name else os.getcwd()
            )
            if stdin_name and opts.force_exclude:
                from betalint.linter.files.discovery import is_excluded

                if is_excluded(stdin_name, settings):
                    if opts.fix and not opts.diff:
                        _echo_bytes(sys.stdin.buffer.read())  # --fix passes it through
                    continue
            data = sys.stdin.buffer.read()
            yield check_stdin(data, name, settings, linters), settings, data
            continue
        found = discover([given], force_exclude=opts.force_exclude, resolve=resolve)
        for outcome, settings in check_jobs(found, linters, _jobs(opts)):
            yield outcome, settings, None


def _jobs(opts: CheckOptions) -> int:
    """Worker processes: fixing stays in this process (each file's fix is one atomic write)."""
    if opts.fix or opts.diff:
        return 1
    return opts.jobs if opts.jobs is not None else default_jobs()


def _echo_bytes(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _report(
    found: _Found,
    outputs: list[Output],
    opts: CheckOptions,
    linters: Linters,
    fixing: FixRun | None = None,
    stdin_fix: bool = False,
) -> int:
    from betalint.linter.report import render
    from betalint.linter.report.meta import ReportMeta
    from betalint.linter.report.paths import project_root

    diagnostics, scanned, errors = found.diagnostics, found.scanned, found.errors

    if fixing is not None and fixing.diff:
        echo(fixing.summary(), err=True)
        if errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if fixing.changed_files else EXIT_OK
    if opts.write_baseline:
        from betalint.linter.baseline import write_baseline

        count = write_baseline(opts.write_baseline, diagnostics)
        echo(printable(f"betalint: wrote {count} findings to {opts.write_baseline}"), err=True)
        return EXIT_ERROR if errors else EXIT_OK
    if opts.baseline:
        from betalint.linter.baseline import load_baseline

        baseline = load_baseline(opts.baseline)
        diagnostics, _matched = baseline.filter(diagnostics)
        for entry in baseline.unmatched(scanned.paths):
            gone = f"{entry.path}: {entry.code} {entry.name}"
            echo(printable(f"betalint: note: baseline entry no longer matches: {gone}"), err=True)
    meta = ReportMeta.create(
        linters.registry(),
        files_scanned=scanned.count,
        positions=found.positions,
        errors=len(errors),
        fixed=fixing.fixed if fixing else 0,
        unsafe_fixes=bool(opts.unsafe_fixes),
        root=project_root(),
        checked=scanned.paths if any(o.fmt == "junit" for o in outputs) else (),
        byte_columns=found.byte_columns,
    )
    ordered = sorted(diagnostics, key=lambda d: d.sort_key)
    for output in outputs:  # the findings were computed once; each format renders them
        color = output.fmt == "text" and _use_color(opts.color, output.path)
        report = render(output.fmt, ordered, meta, color=color, statistics=opts.statistics)
        # With `--fix -` stdout carries the fixed text, so the report goes to stderr.
        _emit(report, output.path, to_stderr=stdin_fix, color=color)
    if errors:
        return EXIT_ERROR
    if _failing(diagnostics) and not opts.exit_zero:
        return EXIT_FINDINGS
    if fixing is not None and fixing.fixed and opts.exit_non_zero_on_fix:
        return EXIT_FINDINGS
    return EXIT_OK


def _failing(diagnostics: list[Diagnostic]) -> bool:
    """Whether any finding counts for the exit code (BL207, newer-than-registry, does not)."""
    from betalint.linter.rules import RULES

    return any(d.code not in RULES or RULES[d.code].fails for d in diagnostics)


def _registry_age(registry: Any, opts: CheckOptions, resolve: Any) -> None:
    """The one-line notice that the shipped registry is old against --today (config of the
    cwd)."""
    from betalint.linter.registry_age import age_notice

    if opts.registry_path:
        return  # a registry given with --registry is the user's to keep; the shipped one ages
    settings = resolve(os.getcwd())
    today = today_flag(opts.today) or settings.today
    notice = age_notice(registry, today, settings.registry_age_notice)
    if notice:
        echo(f"betalint: note: {notice}", err=True)


def _use_color(choice: str, output_file: str | None) -> bool:
    if choice == "always":
        return True
    if choice == "never" or output_file or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _emit(
    report: str, output_file: str | None, *, to_stderr: bool = False, color: bool = False
) -> None:
    if not output_file:
        if report:
            # color=True keeps the codes `--color always` asked for, even into a pipe.
            echo(report, nl=not report.endswith("\n"), err=to_stderr, color=color or None)
        return
    try:
        Path(output_file).write_text(
            report if report.endswith("\n") or not report else report + "\n", encoding="utf-8"
        )
    except OSError as exc:
        raise BetalintError(
            f"{output_file}: cannot write the report: {exc.strerror or exc}"
        ) from None
