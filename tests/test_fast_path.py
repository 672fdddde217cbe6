"""`validate NAME...` without click (linter/fast.py) prints and exits exactly as click's path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from betalint.linter.cli import main
from betalint.linter.fast import fast_main

NAMES = [
    ["computer-use-2025-01-24"],  # valid
    ["computer-use-2025-01-23"],  # a one-day slip: a typo with a suggestion
    ["files-api-2025-04-14"],  # GA: a docs line follows
    ["files-api-2025-04-14, token-efficient-tools-2025-02-19", "foo"],  # a header value, malformed
    ["Computer-Use-2025-01-24", "computer_use_2025_01_24", "x-2025-13-40"],
    [",", "computer-use-2025-01-24,"],
]


def _both(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[object, object]:
    fast = fast_main(argv)
    fast_out = capsys.readouterr()
    slow = main(argv)
    slow_out = capsys.readouterr()
    return (fast, fast_out.out, fast_out.err), (slow, slow_out.out, slow_out.err)


@pytest.mark.parametrize("names", NAMES)
def test_the_fast_path_matches_click(names: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    fast, slow = _both(["validate", *names], capsys)
    assert fast == slow


@given(st.lists(st.from_regex(r"[a-z0-9][a-z0-9_,. -]{0,30}", fullmatch=True), min_size=1))
def test_any_plain_names_match_click(names: list[str]) -> None:
    # capsys is function-scoped; hypothesis needs its own capture per example
    import contextlib
    import io

    outs = []
    for run in (fast_main, main):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            code = run(["validate", *names])
        outs.append((code, buf.getvalue()))
    fast, slow = outs
    if fast[0] is not None:  # None: handed to click, which then answers
        assert fast == slow


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["validate", "--format", "json", "computer-use-2025-01-24"],
        ["validate", "computer-use-2025-01-24", "--platform", "bedrock"],
        ["validate", "-v", "computer-use-2025-01-24"],
        ["validate", "--help"],
        ["validate", "caf\u00e9-2025-01-01"],
        ["check", "--output-format", "json", "x.py"],
        ["check", "-", "x.py"],
        [],
    ],
)
def test_anything_else_is_left_to_click(argv: list[str]) -> None:
    assert fast_main(argv) is None


def test_the_console_script_answers_validate_without_importing_click() -> None:
    code = (
        "import sys; sys.argv = ['betalint', 'validate', 'computer-use-2025-01-23']\n"
        "from betalint.__main__ import run\n"
        "try:\n    run()\nexcept SystemExit as e:\n"
        "    print('click' in sys.modules, e.code, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stderr.split() == ["False", "1"]
    assert done.stdout.startswith("unknown    computer-use-2025-01-23 is not a known beta name")


def test_a_shipped_name_s_verdict_never_depends_on_the_sdk_layer(tmp_path: Path) -> None:
    """Why `validate` of shipped names skips the SDK layer: it only adds names the registry
    lacks. Here an SDK lists, beside real names, a newer date and a one-letter variant of
    every shipped name (the neighbours suggestions and "newer" look at)."""
    from betalint.registry.grammar import is_well_formed
    from betalint.registry.loader import load_registry
    from betalint.registry.sdk_layer import SdkLayer
    from betalint.registry.validator import classify
    from tests.test_sdk_layer import python_sdk

    shipped = load_registry()
    extra = [f"{n[:-10]}2099-01-01" for n in shipped] + [f"x{n}" for n in shipped]
    extra = [n for n in extra if is_well_formed(n)]  # the layer adds no other
    python_sdk(tmp_path, [*shipped, *extra])
    layered = SdkLayer((str(tmp_path),), installed=False).apply(shipped)
    assert len(extra) > len(shipped) and set(extra) <= set(layered)
    today = shipped.date
    for name in shipped:
        assert classify(name, today=today, registry=layered) == classify(
            name, today=today, registry=shipped
        )


def test_validate_of_a_shipped_name_reads_no_sdk_and_no_config() -> None:
    code = (
        "import sys; from betalint.linter.fast import fast_main\n"
        "code = fast_main(['validate', 'computer-use-2025-01-24'])\n"
        "skipped = ('betalint.registry.sdk_layer', 'betalint.linter.config')\n"
        "print(code, [m for m in skipped if m in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stderr.splitlines()[-1] == "0 []"
