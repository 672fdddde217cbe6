"""`check --fix` / `--diff`: what happens to each checked file once its findings are known.

`--fix` writes each changed file (atomically, see `linter.writer`) and reports what remains;
`--diff` prints a unified diff per file and writes nothing; with `-` (stdin) `--fix` writes
the fixed text, or the input unchanged, to stdout. A fix that does not re-check clean is
dropped with a warning (see `linter.fixer`); a file that cannot be written is an error (exit
2) and its findings are reported as they were, while every other file is still fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import BinaryIO

from betalint.linter.config import Settings
from betalint.linter.diagnostic import Diagnostic
from betalint.linter.echo import echo
from betalint.linter.files.reader import Skipped, Source
from betalint.linter.fix.diff import unified_diff
from betalint.linter.fix.fixer import FixResult, applies, fix_source
from betalint.linter.fix.writer import write_fixed
from betalint.linter.report.escape import printable
from betalint.linter.report.meta import posix_path
from betalint.linter.runner import FileOutcome, Linters, check_source

__all__ = ["FixRun"]


@dataclass
class FixRun:
    """One run's fixing: its mode, and counts for the summary and the exit code."""

    linters: Linters
    stdout: BinaryIO
    diff: bool = False
    unsafe: bool = False
    errors: list[str] = field(default_factory=list)
    fixed: int = 0  # findings fixed (with --diff: that would be fixed)
    changed_files: int = 0

    def file(self, outcome: FileOutcome, settings: Settings) -> FileOutcome:
        """Fix one file on disk (or show its diff); returns what is left to report."""
        result = self._fix(outcome, settings)
        if result is None or not result.changed:
            return outcome if result is None else _after(result)
        if self.diff:
            self._show(result)
            return outcome
        error = write_fixed(
            result.source.path, result.source.data, result.fixed.data, root=str(settings.root)
        )
        if error is not None:
            self.errors.append(error)
            echo(printable(f"betalint: error: {error}"), err=True)
            return outcome
        self.fixed += len(result.applied)
        self.changed_files += 1
        return _after(result)

    def stdin(
        self, outcome: FileOutcome | Skipped, data: bytes, settings: Settings
    ) -> FileOutcome | Skipped:
        """`-`: the fixed bytes (or the input as it came) to stdout; `--diff` shows a diff."""
        result = self._fix(outcome, settings) if isinstance(outcome, FileOutcome) else None
        if self.diff:
            if result is not None and result.changed:
                self._show(result)
            return outcome
        if result is None or not result.changed:
            self.stdout.write(data)
            self.stdout.flush()
            return outcome if result is None else _after(result)
        self.stdout.write(result.fixed.data)
        self.stdout.flush()
        self.fixed += len(result.applied)
        self.changed_files += 1
        return _after(result)

    def summary(self) -> str:
        """`--diff`'s line on stderr."""
        if not self.fixed:
            return "No fixes to apply."
        noun = "finding" if self.fixed == 1 else "findings"
        files = "file" if self.changed_files == 1 else "files"
        return f"Would fix {self.fixed} {noun} in {self.changed_files} {files}."

    def _fix(self, outcome: FileOutcome, settings: Settings) -> FixResult | None:
        source = outcome.source
        if source is None or not any(
            applies(d.fix, unsafe=self.unsafe) for d in outcome.diagnostics
        ):
            return None

        def check(fixed: Source) -> list[Diagnostic]:
            return check_source(fixed, settings, self.linters).diagnostics

        result = fix_source(source, check, unsafe=self.unsafe, diagnostics=outcome.diagnostics)
        if result.unguarded is not None and result.applied:
            where = posix_path(source.path)
            echo(f"betalint: warning: {where}: {result.unguarded}", err=True)
        for dropped in result.dropped:
            d = dropped.diagnostic
            where = f"{posix_path(d.path)}:{d.line}:{d.column}"
            echo(
                printable(
                    f"betalint: warning: {where}: {d.code} fix not applied: {dropped.reason}"
                ),
                err=True,
            )
        return result

    def _show(self, result: FixResult) -> None:
        # On a terminal the file's own controls are shown escaped; into a pipe, exact bytes.
        terminal = self.stdout.isatty()
        self.stdout.write(unified_diff(result.source, result.fixed.text, escape_controls=terminal))
        self.stdout.flush()
        self.fixed += len(result.applied)
        self.changed_files += 1


def _after(result: FixResult) -> FileOutcome:
    keep = any(d.fix is not None for d in result.remaining)
    return FileOutcome(result.source.path, result.remaining, result.fixed if keep else None)
