"""registry/sync.py and `betalint registry sync`: the SDK literal read with ast, never imported."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import betalint.linter.cli.sync  # noqa: F401  (registers `registry sync` until cli.py imports it)
from betalint.linter.cli import main
from betalint.registry.loader import load_registry
from betalint.registry.sync import SdkNotFound, compare, find_sdk, parse_literal, read_sdk

FAKE = Path(__file__).parent / "data" / "fake_anthropic"
SITE = FAKE / "site-packages"
CHECKOUT = FAKE / "checkout"
FAKE_REGISTRY = FAKE / "registry.toml"


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BETALINT_NO_CACHE", "1")


def _src(body: str) -> str:
    return "from typing import Literal, Union\n" + textwrap.dedent(body)


@pytest.mark.parametrize(
    ("source", "names", "deprecated"),
    (
        pytest.param(
            _src('AnthropicBetaParam = Literal["a-2025-01-01", "b-2025-01-01"]\n'),
            ("a-2025-01-01", "b-2025-01-01"),
            (),
            id="bare-literal",
        ),
        pytest.param(
            _src(
                """\
                AnthropicBetaParam: TypeAlias = Union[
                    str,
                    Literal[
                        "a-2025-01-01",
                        "b-2025-01-01",
                    ],
                ]
                """
            ),
            ("a-2025-01-01", "b-2025-01-01"),
            (),
            id="union-str-literal",
        ),
        pytest.param(
            _src('AnthropicBetaParam = Literal["b-2025-01-01"] | str | Literal["a-2025-01-01"]\n'),
            ("b-2025-01-01", "a-2025-01-01"),
            (),
            id="pep604-two-groups",
        ),
        pytest.param(
            "import typing\nAnthropicBetaParam = typing.Union[str, typing.Literal['a-2025-01-01']]\n",  # noqa: E501
            ("a-2025-01-01",),
            (),
            id="typing-attribute",
        ),
        pytest.param(
            _src('AnthropicBetaParam = Literal["a-2025-01-01", "a-2025-01-01", 3]\n'),
            ("a-2025-01-01",),
            (),
            id="duplicates-and-non-strings",
        ),
        pytest.param(
            _src(
                """\
                AnthropicBetaParam = Union[str, Literal[
                    "a-2025-01-01",  # Deprecated: use b
                    "b-2025-01-01",  # see the deprecation guide
                ]]
                """
            ),
            ("a-2025-01-01", "b-2025-01-01"),
            ("a-2025-01-01",),
            id="inline-comment",
        ),
        pytest.param(
            _src(
                """\
                AnthropicBetaParam = Union[str, Literal[
                    "a-2025-01-01",
                    # deprecated values
                    "b-2025-01-01",

                    "c-2025-01-01",
                    # new since the deprecation
                    "d-2025-01-01",
                ]]
                """
            ),
            ("a-2025-01-01", "b-2025-01-01", "c-2025-01-01", "d-2025-01-01"),
            ("b-2025-01-01", "c-2025-01-01"),
            id="comment-section",
        ),
        pytest.param(
            _src(
                """\
                AnthropicBetaParam = Union[
                    Literal["a-2025-01-01"],
                    # Deprecated
                    Literal["b-2025-01-01", "c-2025-01-01"],
                    Literal["d-2025-01-01"],
                ]
                """
            ),
            ("a-2025-01-01", "b-2025-01-01", "c-2025-01-01", "d-2025-01-01"),
            ("b-2025-01-01", "c-2025-01-01"),
            id="comment-above-group",
        ),
        pytest.param(
            _src(
                """\
                _DeprecatedBetas = Literal["z-2024-01-01"]
                _Current = Literal["a-2025-01-01"]
                AnthropicBetaParam = Union[str, _Current, _DeprecatedBetas]
                """
            ),
            ("a-2025-01-01", "z-2024-01-01"),
            ("z-2024-01-01",),
            id="deprecated-alias-group",
        ),
        pytest.param(
            _src(
                """\
                _Older = Literal[
                    # Deprecated
                    "z-2024-01-01",
                ]
                AnthropicBetaParam = Union[str, Literal["a-2025-01-01"], _Older]
                """
            ),
            ("a-2025-01-01", "z-2024-01-01"),
            ("z-2024-01-01",),
            id="comment-in-group-defined-above",
        ),
        pytest.param(
            _src(
                '''\
                AnthropicBetaParam = Union[str, Literal["a-2025-01-01", "a-2025-01-011"]]
                """Beta names.

                Deprecated: `a-2025-01-01`.

                Docs for a-2025-01-011.
                """
                '''
            ),
            ("a-2025-01-01", "a-2025-01-011"),
            ("a-2025-01-01",),
            id="docstring-paragraph",
        ),
    ),
)
def test_parse_literal(source: str, names: tuple[str, ...], deprecated: tuple[str, ...]) -> None:
    found, marked = parse_literal(source)
    assert found == names
    assert marked == frozenset(deprecated)


@pytest.mark.parametrize(
    ("source", "message"),
    (
        ("X = 1\n", "no `AnthropicBetaParam = ...` assignment"),
        ("AnthropicBetaParam = str\n", "has no Literal[...] of strings"),
        ("AnthropicBetaParam = Literal[\n", "cannot parse"),
        # The alias refers to itself: no endless recursion, no literal.
        ("AnthropicBetaParam = Union[str, AnthropicBetaParam]\n", "has no Literal"),
    ),
)
def test_parse_literal_errors(source: str, message: str) -> None:
    with pytest.raises(SdkNotFound, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_literal(source, "x.py")


# Names as the SDK writes them, and whether a trailing comment marks each deprecated.
_name = st.from_regex(
    r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}-20[0-9]{2}-[01][0-9]-[0-3][0-9]", fullmatch=True
)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(_name, st.booleans()), min_size=1, max_size=12, unique_by=lambda t: t[0]))
def test_parse_literal_round_trip(members: list[tuple[str, bool]]) -> None:
    lines = [f'        "{n}",{"  # deprecated" if d else ""}' for n, d in members]
    source = _src("AnthropicBetaParam = Union[\n    str,\n    Literal[\n")
    source += "\n".join(lines) + "\n    ],\n]\n"
    found, marked = parse_literal(source)
    assert found == tuple(n for n, _ in members)
    assert marked == frozenset(n for n, d in members if d)


@pytest.mark.parametrize(
    "where",
    (
        SITE,
        SITE / "anthropic",
        SITE / "anthropic" / "types" / "anthropic_beta_param.py",
    ),
)
def test_find_sdk_site_packages(where: Path) -> None:
    sdk = read_sdk(where)  # the fake __init__.py raises ImportError if anything imports it
    assert sdk.package == SITE / "anthropic"
    assert sdk.version == "9.1.0"
    assert sdk.names == (
        "alpha-tool-2025-01-01",
        "beta-cache-2025-02-02",
        "gamma-files-2025-03-03",
        "delta-search-2025-04-04",
        "old-batches-2024-09-24",
        "old-pdfs-2024-09-25",
        "epsilon-agents-2026-01-01",
    )
    assert sdk.deprecated == {
        "gamma-files-2025-03-03",
        "old-batches-2024-09-24",
        "old-pdfs-2024-09-25",
    }


def test_checkout_reads_both_literal_files() -> None:
    sdk = read_sdk(CHECKOUT)
    assert sdk.package == CHECKOUT / "src" / "anthropic"
    assert [f.relative_to(sdk.package).as_posix() for f in sdk.files] == [
        "types/anthropic_beta_param.py",
        "types/beta/anthropic_beta_param.py",
    ]
    assert sdk.version == "9.2.0"
    # Source order across files, each name once.
    assert sdk.names == (
        "alpha-tool-2025-01-01",
        "zeta-memory-2026-02-02",
        "old-batches-2024-09-24",
        "eta-threads-2026-03-03",
    )
    assert sdk.deprecated == {"alpha-tool-2025-01-01", "old-batches-2024-09-24"}


def test_find_sdk_in_a_virtualenv(tmp_path: Path) -> None:
    site = tmp_path / "venv" / "lib" / "python3.11" / "site-packages"
    shutil.copytree(SITE / "anthropic", site / "anthropic")
    assert find_sdk(tmp_path / "venv") == site / "anthropic"


@pytest.mark.parametrize(
    ("where", "message"),
    (
        ("missing-dir", "no such file or directory"),
        (".", "no anthropic package with an AnthropicBetaParam literal"),
    ),
)
def test_find_sdk_errors(tmp_path: Path, where: str, message: str) -> None:
    with pytest.raises(SdkNotFound, match=message):
        find_sdk(tmp_path / where)


def test_no_installed_sdk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(SdkNotFound, match="no anthropic package is installed"):
        find_sdk()


def test_compare_with_registry() -> None:
    report = compare(read_sdk(SITE), load_registry(base=FAKE_REGISTRY))
    assert report.missing == ("delta-search-2025-04-04", "epsilon-agents-2026-01-01")
    assert report.lags
    assert report.deprecated == (
        "gamma-files-2025-03-03",
        "old-batches-2024-09-24",
        "old-pdfs-2024-09-25",
    )
    assert report.dropped == ("theta-gone-2025-05-05",)
    assert report.unflagged == ("beta-cache-2025-02-02",)
    assert report.registry_statuses["gamma-files-2025-03-03"] == "ga"


def test_cli_text_exit_1_when_registry_lags(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["registry", "sync", "--from-sdk", str(SITE), "--registry", str(FAKE_REGISTRY)])
    out = capsys.readouterr().out
    assert code == 1
    assert "source: anthropic 9.1.0: 7 names in the literal" in out
    assert (
        "new names (the registry lacks them) (2):\n"
        "  delta-search-2025-04-04: not in the registry  <- anthropic 9.1.0 (type literal)\n"
    ) in out
    assert "  gamma-files-2025-03-03: the literal marks it deprecated; registry: ga  <-" in out
    assert "  theta-gone-2025-05-05: in_sdk_literal = true, but the literal lacks it" in out
    assert out.endswith("the registry lags its sources: 2 names to add\n")


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["registry", "sync", "--from-sdk", str(CHECKOUT), "--registry", str(FAKE_REGISTRY)]
    code = main([*argv, "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert data["sources"][0].startswith("anthropic 9.2.0: 4 names in the literal")
    assert data["registry"] == {"version": "2026.01.01", "date": "2026-01-01", "names": 6}
    assert data["lags"] is True
    by_kind: dict[str, list[str]] = {}
    for item in data["findings"]:
        by_kind.setdefault(item["kind"], []).append(item["name"])
    assert by_kind["new-name"] == ["zeta-memory-2026-02-02", "eta-threads-2026-03-03"]
    assert by_kind["status"] == ["alpha-tool-2025-01-01", "old-batches-2024-09-24"]
    assert by_kind["literal"] == [
        "gamma-files-2025-03-03",
        "old-pdfs-2024-09-25",
        "theta-gone-2025-05-05",
    ]
    assert data["proposed"] == {
        "zeta-memory-2026-02-02": ["https://pypi.org/project/anthropic/9.2.0/"],
        "eta-threads-2026-03-03": ["https://pypi.org/project/anthropic/9.2.0/"],
    }


def test_cli_exit_0_when_registry_covers_sdk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    literal = tmp_path / "anthropic_beta_param.py"
    literal.write_text(_src('AnthropicBetaParam = Literal["old-pdfs-2024-09-25"]\n'))
    code = main(["registry", "sync", "--from-sdk", str(literal), "--registry", str(FAKE_REGISTRY)])
    out = capsys.readouterr().out
    assert code == 0
    assert "source: anthropic (version unknown): 1 names in the literal" in out
    assert out.endswith("the registry knows every name its sources list\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    (
        (["--from-sdk", "/nonexistent/sdk"], "/nonexistent/sdk: no such file or directory"),
        (
            [],
            "say where to sync from: --from-sdk [PATH], --from-npm PATH, --from-litellm PATH "
            "or --fetch",
        ),
        (
            ["--npm-time", "t.json"],
            "--npm-time gives the dates of --from-npm PATH; name the tarball too",
        ),
    ),
)
def test_cli_errors_are_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["registry", "sync", *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"betalint: error: {message}\n"


def test_installed_sdk_is_never_imported() -> None:
    if importlib.util.find_spec("anthropic") is None:
        pytest.skip("anthropic is not installed")
    code = (
        "import sys\n"
        "from betalint.registry.sync import read_sdk\n"
        "sdk = read_sdk()\n"
        "assert sdk.names\n"
        "assert 'anthropic' not in sys.modules, 'anthropic was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_real_sdk_against_shipped_registry(capsys: pytest.CaptureFixture[str]) -> None:
    """Reports (run with -s to see it) how the shipped registry differs from the installed
    SDK; passes whatever it finds, as the registry may legitimately lag a new release."""
    if importlib.util.find_spec("anthropic") is None:
        pytest.skip("anthropic is not installed (it is a dev dependency)")
    sdk = read_sdk()
    assert len(sdk.names) > 50
    assert all(name == name.strip() and name for name in sdk.names)
    report = compare(sdk, load_registry())
    with capsys.disabled():
        print(
            f"\nanthropic {sdk.version}: {len(sdk.names)} names; "
            f"missing from the registry: {list(report.missing)}; "
            f"marked deprecated: {list(report.deprecated)}; "
            f"in_sdk_literal but dropped: {list(report.dropped)}; "
            f"in the literal but in_sdk_literal=false: {list(report.unflagged)}"
        )
