"""Where the reports of one run go: `--output-format FORMAT[:PATH]`, repeatable, and `-o`.

`--output-format text --output-format sarif:betalint.sarif` prints text and writes SARIF
from the same findings. `-o PATH` is the destination of the one format given without a
path (the single-format case: `--output-format sarif -o x.sarif`). At most one report goes
to stdout, and no file gets two.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from betalint.linter.report import FORMATS
from betalint.registry.errors import BetalintError

DEFAULT_FORMAT = "text"


@dataclass(frozen=True, slots=True)
class Output:
    """One report: its format and its file (None: stdout)."""

    fmt: str
    path: str | None = None


def parse_output(value: str) -> Output:
    """`FORMAT` or `FORMAT:PATH` (split at the first `:`; a format name holds none)."""
    fmt, sep, path = value.partition(":")
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise BetalintError(
            f"--output-format {value!r}: unknown format {fmt!r}; choose one of "
            f"{', '.join(FORMATS)} (optionally FORMAT:PATH)"
        )
    if sep and not path:
        raise BetalintError(f"--output-format {value!r}: no file after ':'; write {fmt}:PATH")
    return Output(fmt, path or None)


def resolve_outputs(values: Sequence[str | Output], output_file: str | None) -> list[Output]:
    """The run's outputs, checked before any file is read."""
    outputs = [v if isinstance(v, Output) else parse_output(v) for v in values]
    outputs = outputs or [Output(DEFAULT_FORMAT)]
    if output_file:
        outputs = _apply_output_file(outputs, output_file)
    to_stdout = [o.fmt for o in outputs if o.path is None]
    if len(to_stdout) > 1:
        raise BetalintError(
            f"--output-format {' and '.join(to_stdout)} would both print to stdout; "
            "give all but one a file: FORMAT:PATH"
        )
    _no_file_twice(outputs)
    return outputs


def _apply_output_file(outputs: list[Output], output_file: str) -> list[Output]:
    pathless = [i for i, o in enumerate(outputs) if o.path is None]
    if len(pathless) != 1:
        what = "every --output-format names its file" if not pathless else "several formats"
        raise BetalintError(
            f"-o/--output-file {output_file}: {what}; write FORMAT:PATH for each report instead"
        )
    (i,) = pathless
    return [*outputs[:i], Output(outputs[i].fmt, output_file), *outputs[i + 1 :]]


def _no_file_twice(outputs: list[Output]) -> None:
    seen: dict[Path, str] = {}
    for o in outputs:
        if o.path is None:
            continue
        key = Path(o.path).resolve()
        if key in seen:
            raise BetalintError(
                f"--output-format {seen[key]} and {o.fmt} both write {o.path}; name two files"
            )
        seen[key] = o.fmt


def formats(outputs: Sequence[Output]) -> set[str]:
    """The formats asked for."""
    return {o.fmt for o in outputs}
