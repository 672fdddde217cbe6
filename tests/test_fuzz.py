"""Fuzzing (issue 8): no exception escapes the scanner, the header checker, the fixer or the
config loader, whatever the input; the fixer's output still parses wherever the input did and
the standard library has a parser (Python `ast`, `json`, `tomllib`).

The example count comes from the hypothesis profile (tests/conftest.py): 100 locally,
10,000 per test with `HYPOTHESIS_PROFILE=fuzz python3 -m pytest -m fuzz` (the CI step).
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import tempfile
import tomllib
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from _fix_support import check
from hypothesis import given
from hypothesis import strategies as st

import betalint
from betalint.linter import config
from betalint.linter.config import CONFIG_KEYS, RuleSelector
from betalint.linter.files.reader import Source, decode_bytes
from betalint.linter.fix.fixer import FixResult, fix_source
from betalint.linter.rules import RULES
from betalint.registry.errors import BetalintError

pytestmark = pytest.mark.fuzz

TODAY = dt.date(2026, 11, 25)

# Registry names of every lifecycle, near misses and never-betas: what makes the scanner and
# the rules do real work rather than skip the text.
NAMES = (
    "files-api-2025-04-14",
    "fils-api-2025-04-14",
    "files-api-2025-4-14",
    "files-api-20250414",
    "Files-API-2025-04-14",
    "files-api-2025-02-30",
    "files-api-",
    "files--api-2025-04-14",
    "pdfs-2024-09-25",
    "prompt-caching-2024-07-31",
    "mcp-client-2025-04-04",
    "mcp-client-2025-11-20",
    "computer-use-2024-10-22",
    "computer-use-2025-01-24",
    "code-execution-2025-08-25",
    "code-executon-2025-08-25",
    "interleaved-thinking-2025-05-14",
    "context-management-2025-06-27",
    "output-128k-2025-02-19",
    "claude-code-20250219",
    "claude-3-5-sonnet-20241022",
    "gpt-4.1-nano-2025-04-14",
    "code_execution_20250522",
    "bedrock-2023-05-31",
    "2023-06-01",
)

# Pieces of every context the scanner knows, and of every language's syntax.
TOKENS = (
    "anthropic-beta: ",
    "anthropic-beta",
    '"anthropic-beta": ',
    "'anthropic-beta' => ",
    "betas=[",
    "betas: [",
    "betas = %w[",
    "betas=",
    ':"',
    "extra_headers={",
    "default_headers:",
    "ANTHROPIC_BETA=",
    "ANTHROPIC_BETAS=",
    "export ANTHROPIC_BETA=",
    "-H '",
    "AnthropicBetaFilesAPI2025_04_14",
    "AnthropicBeta.FILES_API_2025_04_14",
    "AnthropicBeta",
    ".addBeta(",
    "betalint: ignore",
    "betalint: ignore[BL201]",
    "# ",
    "// ",
    "/* ",
    " */",
    "<!-- ",
    " -->",
    '"""',
    "'''",
    "```python\n",
    "```\n",
    "~~~\n",
    "`",
    '"',
    "'",
    "\\",
    "${",
    "}",
    "{",
    "[",
    "]",
    "(",
    ")",
    ",",
    ", ",
    ";",
    " + ",
    "=",
    ": ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "\x00",
    "\ufeff",
    "é",
    "\u2028",
    '{"cells": [',
    '"source": [',
    '"cell_type": "markdown"',
    "[tool.betalint]",
    "- ",
)

SUFFIXES = (
    "x.py",
    "x.pyi",
    "x.ipynb",
    "x.ts",
    "x.js",
    "x.go",
    "X.java",
    "x.kt",
    "x.c",
    "x.swift",
    "x.rb",
    "x.rs",
    "x.sh",
    "x.http",
    "x.md",
    "x.yaml",
    "x.json",
    "x.toml",
    ".env",
    "Dockerfile",
    "x.txt",
    "noext",
)

texts = st.lists(
    st.one_of(
        st.sampled_from(NAMES),
        st.sampled_from(TOKENS),
        st.text(max_size=8),
    ),
    max_size=40,
).map("".join)


def _positions_are_sane(text: str, found: list[betalint.Diagnostic]) -> None:
    for d in found:
        assert 0 <= d.start <= d.end <= len(text), d
        assert d.line >= 1 and d.column >= 1, d
        assert d.code in RULES, d
        if d.fix is not None:
            for e in d.fix.edits:
                assert 0 <= e.start <= e.end <= len(text), (d, e)


@given(text=st.one_of(texts, st.text()), path=st.sampled_from(SUFFIXES))
def test_scan_text_never_raises(text: str, path: str) -> None:
    _positions_are_sane(text, betalint.scan_text(text, path, today=TODAY))


header_values = st.lists(
    st.one_of(
        st.sampled_from(NAMES),
        st.sampled_from((",", ", ", ";", " ", '"', "'", "\t", "=true", "=1", "\n", "")),
        st.text(max_size=6),
    ),
    max_size=16,
).map("".join)


@given(value=st.one_of(header_values, st.text()))
def test_check_header_never_raises(value: str) -> None:
    found = betalint.check_header(value, today=TODAY)
    for d in found:
        assert 0 <= d.start <= d.end <= len(value), (value, d)
        assert d.path == "<header>"


# --------------------------------------------------------------------------- the fixer


def fix(path: str, text: str, *, unsafe: bool) -> FixResult | None:
    """`check --fix` on `text` as the file `path` (None: the reader skips it, e.g. binary)."""
    src = decode_bytes(text.encode("utf-8"), path)
    if not isinstance(src, Source):
        return None
    return fix_source(src, check, unsafe=unsafe)


FIX_NAMES = (  # names of tests/fixtures/fix/betas-fix.toml with every kind of fix, and typos
    "interleaved-thinking-2025-05-14",
    "files-api-2025-04-14",
    "pdfs-2024-09-25",
    "mcp-client-2025-04-04",
    "computer-use-2024-10-22",
    "fils-api-2025-04-14",
    "files-api-2025-4-14",
    "code-executon-2025-08-25",
    "output-128k-2025-02-19",
    "Files-API-2025-04-14",
)
names = st.lists(st.sampled_from(FIX_NAMES), min_size=1, max_size=5)
header = st.tuples(names, st.sampled_from((", ", ",", " , ", "; ", ",,"))).map(
    lambda t: t[1].join(t[0])
)
junk = st.text(max_size=12)


@st.composite
def python_files(draw: st.DrawFn) -> str:
    """Valid-looking Python with names in betas lists, header dicts, env and constants."""
    nl = draw(st.sampled_from(("\n", "\r\n")))
    pieces = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.integers(0, 6))
        ns = draw(names)
        if kind == 0:
            sep = draw(st.sampled_from((", ", ",", "," + nl + "    ")))
            pieces.append("c(betas=[" + sep.join(repr(n) for n in ns) + "])")
        elif kind == 1:
            pieces.append("h = {'anthropic-beta': " + repr(draw(header)) + "}")
        elif kind == 2:
            pieces.append(
                "extra_headers = {"
                + nl
                + '    "anthropic-beta": '
                + json.dumps(draw(header))
                + ","
                + nl
                + "}"
            )
        elif kind == 3:
            pieces.append(
                "BETA = " + repr(ns[0]) + "  # " + draw(junk).replace("\n", " ").replace("\r", " ")
            )
        elif kind == 4:
            pieces.append("x = " + repr(draw(junk) + " " + ns[0] + " " + draw(junk)))
        elif kind == 5:
            pieces.append(
                '"""'
                + draw(junk).replace('"', "'").replace("\\", "/")
                + " anthropic-beta: "
                + draw(header)
                + '"""'
            )
        else:
            pieces.append("# " + draw(junk).replace("\n", " ").replace("\r", " ") + " " + ns[0])
    return nl.join(pieces) + nl


@st.composite
def json_values(draw: st.DrawFn) -> object:
    leaf = st.one_of(
        st.sampled_from(FIX_NAMES), header, junk, st.integers(), st.booleans(), st.none()
    )
    keys = st.one_of(st.sampled_from(("anthropic-beta", "betas", "headers", "model")), junk)
    tree = st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)
        ),
        max_leaves=12,
    )
    return draw(tree)


@st.composite
def json_files(draw: st.DrawFn) -> str:
    indent = draw(st.sampled_from((None, 1, 2)))
    return json.dumps(draw(json_values()), indent=indent, ensure_ascii=draw(st.booleans()))


@st.composite
def notebooks(draw: st.DrawFn) -> str:
    cells = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(("code", "markdown")))
        body = (
            draw(python_files())
            if kind == "code"
            else "Use `anthropic-beta: " + draw(header) + "`\n"
        )
        cells.append({"cell_type": kind, "metadata": {}, "source": body.splitlines(keepends=True)})
    nb = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb, indent=1)


def _toml_value(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return json.dumps(draw(header))  # JSON's ASCII escapes are TOML basic-string escapes
    if kind == 1:
        return "[" + ", ".join(json.dumps(n) for n in draw(names)) + "]"
    if kind == 2:
        return "'" + draw(st.sampled_from(FIX_NAMES)) + "'"
    text = "".join(c for c in draw(junk) if c.isprintable() and c not in '"\\')
    return '"""\n' + draw(header) + "\n" + text + '"""'


@st.composite
def toml_files(draw: st.DrawFn) -> str:
    lines = []
    for i in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            lines.append(f"[table{i}]")
        key = draw(st.sampled_from(("betas", "anthropic-beta", "ANTHROPIC_BETA", "value")))
        lines.append(f"{json.dumps(key + str(i))} = {_toml_value(draw)}")
        if draw(st.booleans()):
            lines.append("# " + "".join(c for c in draw(junk) if c.isprintable()))
    return "\n".join(lines) + "\n"


def _parses_python(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ast.parse(text)


PARSERS: dict[str, Callable[[str], object]] = {
    "x.py": _parses_python,
    "x.json": json.loads,
    "x.ipynb": json.loads,
    "x.toml": tomllib.loads,
}
structured = st.one_of(
    st.tuples(st.just("x.py"), python_files()),
    st.tuples(st.just("x.json"), json_files()),
    st.tuples(st.just("x.ipynb"), notebooks()),
    st.tuples(st.just("x.toml"), toml_files()),
)


def _parses(path: str, text: str) -> bool:
    try:
        PARSERS[path](text)
    except (SyntaxError, ValueError):
        return False
    return True


@given(case=structured, unsafe=st.booleans())
def test_fixer_output_parses_wherever_the_input_did(case: tuple[str, str], unsafe: bool) -> None:
    path, text = case
    result = fix(path, text, unsafe=unsafe)
    if result is not None and _parses(path, text):
        PARSERS[path](result.fixed.text)  # raises (fails the test) if the fix broke it


@given(text=texts, path=st.sampled_from(SUFFIXES), unsafe=st.booleans())
def test_fixer_never_raises_on_anything(text: str, path: str, unsafe: bool) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: no file on disk decodes to them
        return
    result = fix(path, text, unsafe=unsafe)
    if result is not None:
        fix(path, result.fixed.text, unsafe=unsafe)  # fixing the fixed text is fine too


# --------------------------------------------------------------------------- the config loader

KEYS = (*CONFIG_KEYS, "selekt", "")  # every real key, a near miss, and an empty one


def _toml_key(key: str) -> str:
    return json.dumps(key)


def _emit(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_emit(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{_toml_key(k)} = {_emit(v)}" for k, v in value.items()) + "}"


config_scalars = st.one_of(
    st.sampled_from(
        (
            "BL",
            "BL1",
            "BL201",
            "BL999",
            "ALL",
            "*.py",
            "**/x",
            "[",
            ">=0",
            ">=99",
            "~=x",
            "20MB",
            "lots",
            "0",
            "2026-11-25",
            "2026-02-30",
            "bedrock",
            "mars",
            "x-private",
            "../nope.toml",
        )
    ),
    st.text(max_size=10),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
)
config_values = st.recursive(
    config_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(("*.py", "tests/**", "BL2")), st.text(max_size=5)),
            inner,
            max_size=3,
        ),
    ),
    max_leaves=8,
)


@st.composite
def config_docs(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(("betalint.toml", ".betalint.toml", "pyproject.toml")))
    table = draw(
        st.dictionaries(
            st.one_of(st.sampled_from(KEYS), st.text(max_size=6)), config_values, max_size=5
        )
    )
    body = "".join(f"{_toml_key(k)} = {_emit(v)}\n" for k, v in table.items())
    if name == "pyproject.toml":
        body = "[tool.betalint]\n" + body
    if draw(st.booleans()):  # damage it: TOML-ish, often not TOML at all
        at = draw(st.integers(0, len(body)))
        body = (
            body[:at]
            + draw(st.sampled_from(("[", "]", "=", '"', "\n", "{", "'''", "")))
            + draw(junk)
            + body[at:]
        )
    return name, body


@pytest.fixture(scope="module")
def config_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as d:
        yield Path(d)


@given(
    doc=st.one_of(
        config_docs(), st.tuples(st.sampled_from(("betalint.toml", "pyproject.toml")), st.text())
    )
)
def test_config_loader_raises_only_betalint_error(config_dir: Path, doc: tuple[str, str]) -> None:
    name, body = doc
    path = config_dir / name
    try:
        path.write_text(body, encoding="utf-8", errors="surrogatepass")
    except UnicodeEncodeError:
        return
    try:
        settings = config.load_settings(path)
        selector = RuleSelector(settings, RULES)
        selector.enabled_for("src/a.py")
    except BetalintError as exc:
        message = str(exc)
        assert message and "\n" not in message, message  # one line
        assert str(path) in message or name in message, message  # names the file
