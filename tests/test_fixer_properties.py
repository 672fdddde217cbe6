"""Properties of fixing (hypothesis): idempotent, local, complete, syntax-preserving, and the
`--diff` output applied by the real `patch` equals the fixed file."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from _fix_support import fix, source
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from betalint.linter.fix.diff import unified_diff
from betalint.linter.fix.fixer import applies

# Names whose findings carry every kind of fix, and valid ones around them.
POOL = (
    "interleaved-thinking-2025-05-14",  # valid
    "context-management-2025-06-27",  # valid
    "code-execution-2025-08-25",  # valid
    "files-api-2025-04-14",  # GA: unsafe removal
    "pdfs-2024-09-25",  # GA
    "mcp-client-2025-04-04",  # superseded: unsafe replacement
    "computer-use-2024-10-22",  # retired with successor
    "fils-api-2025-04-14",  # one-candidate typo: safe
    "files-api-2025-4-14",  # malformed date: safe
    "code-executon-2025-08-25",  # typo
    "output-128k-2025-02-19",  # deprecated: no fix
)


def _py_list(names: list[str], nl: str, multiline: bool) -> str:
    if multiline:
        body = "".join(f'        "{n}",{nl}' for n in names)
        return f"c(\n    betas=[{nl}{body}    ],{nl})".replace("\n", nl)
    return "c(betas=[" + ", ".join(f'"{n}"' for n in names) + "])"


def _py_header(names: list[str], nl: str, multiline: bool) -> str:
    sep = "; " if multiline else ", "  # ';' is BL103, fixed first
    return 'h = {"anthropic-beta": "' + sep.join(names) + '", "x-other": "1"}'


def _json(names: list[str], nl: str, multiline: bool) -> str:
    if multiline:
        return (
            "{"
            + nl
            + '  "betas": ['
            + nl
            + ("," + nl).join(f'    "{n}"' for n in names)
            + nl
            + "  ]"
            + nl
            + "}"
        )
    return '{"betas": [' + ", ".join(f'"{n}"' for n in names) + "]}"


def _yaml(names: list[str], nl: str, multiline: bool) -> str:
    if multiline:
        return "betas:" + nl + nl.join(f"  - {n}" for n in names)
    return "betas: [" + ", ".join(names) + "]"


def _ruby(names: list[str], nl: str, multiline: bool) -> str:
    return "client.create(betas: %w[" + " ".join(names) + "])"


def _shell(names: list[str], nl: str, multiline: bool) -> str:
    return "curl -H 'anthropic-beta: " + ",".join(names) + "' https://api.example.com"


def _notebook(names: list[str], nl: str, multiline: bool) -> str:
    code = _py_list(names, "\n", multiline) + "\n" + _py_header(names, "\n", multiline)
    lines = code.splitlines(keepends=True)
    cell = {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {},
        "outputs": [],
        "source": lines,
    }
    nb = {
        "cells": [cell],
        "metadata": {"language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(nb, indent=1).replace("\n", nl)


def _notebook_parses(text: str) -> None:
    for cell in json.loads(text)["cells"]:
        ast.parse("".join(cell["source"]))


TEMPLATES: dict[
    str, tuple[str, Callable[[list[str], str, bool], str], Callable[[str], object] | None]
] = {
    "py-list": ("client.py", _py_list, ast.parse),
    "py-header": ("client.py", _py_header, ast.parse),
    "json": ("request.json", _json, json.loads),
    "yaml": ("cassette.yaml", _yaml, yaml.safe_load),
    "ruby": ("client.rb", _ruby, None),
    "shell": ("run.sh", _shell, None),
    "notebook": ("analysis.ipynb", _notebook, _notebook_parses),
}

_FILLER = st.lists(
    st.text(alphabet="xyzqw ()=:019", min_size=0, max_size=12).map(lambda s: "# " + s),
    max_size=3,
)


@st.composite
def files(draw: st.DrawFn) -> tuple[str, str, str, str, str, Callable[[str], object] | None]:
    kind = draw(st.sampled_from(sorted(TEMPLATES)))
    path, render, parse = TEMPLATES[kind]
    names = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=6))
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    multiline = draw(st.booleans())
    comment = "//" if path.endswith(".json") else "#"
    prefix = "".join(line.replace("#", comment) + nl for line in draw(_FILLER))
    suffix = "".join(line.replace("#", comment) + nl for line in draw(_FILLER))
    if path.endswith((".json", ".ipynb")):
        prefix = suffix = ""  # JSON has no comments
    body = render(names, nl, multiline)
    return path, prefix, body + nl, suffix, nl, parse


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(files(), st.booleans())
def test_fixing_is_local_complete_idempotent_and_keeps_syntax(
    case: tuple[str, str, str, str, str, Callable[[str], object] | None], unsafe: bool
) -> None:
    path, prefix, body, suffix, nl, parse = case
    text = prefix + body + suffix
    result = fix(path, text, unsafe=unsafe)
    out = result.fixed.text
    # Bytes outside the edited value are unchanged.
    assert out.startswith(prefix) and out.endswith(suffix)
    # No fix was refused on ordinary input, and nothing applicable is left.
    assert result.dropped == ()
    assert not [d for d in result.remaining if applies(d.fix, unsafe=unsafe)]
    # A second run changes nothing.
    again = fix(path, out, unsafe=unsafe)
    assert again.fixed.text == out and not again.applied
    # Line endings survive; the file still parses.
    if nl == "\r\n":
        assert out.count("\n") == out.count("\r\n")
    if parse is not None:
        parse(text)
        parse(out)


def test_the_property_strategy_reaches_every_kind_of_fix() -> None:
    """Guard against a vacuous property: the same inputs do get fixed."""
    result = fix("client.py", _py_list(list(POOL), "\n", True) + "\n", unsafe=True)
    codes = {d.code for d in result.applied}
    assert {"BL101", "BL201", "BL202", "BL203", "BL205"} <= codes


needs_patch = pytest.mark.skipif(
    shutil.which("patch") is None,
    reason="the `patch` binary is not installed (apt-get install -y patch); --diff cannot be "
    "checked against it",
)


@needs_patch
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=files(), unsafe=st.booleans(), final_newline=st.booleans())
def test_diff_applied_by_patch_equals_the_fix(
    tmp_path: Path,
    case: tuple[str, str, str, str, str, Callable[[str], object] | None],
    unsafe: bool,
    final_newline: bool,
) -> None:
    path, prefix, body, suffix, _nl, _parse = case
    text = prefix + body + suffix
    if not final_newline:
        text = text.rstrip("\r\n")
    src = source(path, text)
    result = fix(path, text, unsafe=unsafe)
    work = tmp_path / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    (work / path).write_bytes(src.data)
    diff = unified_diff(src, result.fixed.text)
    if not result.changed:
        assert diff == b""
        return
    done = subprocess.run(
        ["patch", "-p0", "--quiet", "--batch"], cwd=work, input=diff, capture_output=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (work / path).read_bytes() == result.fixed.data
