"""linter/echo.py writes what click.echo writes (click is the oracle), without importing it."""

from __future__ import annotations

import io
import subprocess
import sys

import click
import pytest
from hypothesis import given
from hypothesis import strategies as st

from betalint.linter.echo import echo, strip_ansi


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def _stream(encoding: str, tty: bool) -> io.TextIOWrapper:
    kind = _Terminal if tty else io.TextIOWrapper
    return kind(io.BytesIO(), encoding=encoding, errors="strict", newline="")


def _written(
    write: object,
    text: str,
    *,
    encoding: str,
    tty: bool,
    err: bool,
    nl: bool,
    color: bool | None,
    monkeypatch: pytest.MonkeyPatch,
) -> bytes:
    stream = _stream(encoding, tty)
    monkeypatch.setattr(sys, "stderr" if err else "stdout", stream)
    write(text, err=err, nl=nl, color=color)  # type: ignore[operator]
    stream.flush()
    return stream.buffer.getvalue()  # type: ignore[attr-defined,no-any-return]


PIECES = ["a", " ", "\n", "é", "→", "\x1b[31m", "\x1b[0m", "\x1b[1;4m", "\x1b", "[", ":"]
TEXT = st.lists(st.sampled_from(PIECES)).map("".join)


@given(
    text=TEXT,
    encoding=st.sampled_from(["utf-8", "ascii", "latin-1"]),
    tty=st.booleans(),
    err=st.booleans(),
    nl=st.booleans(),
    color=st.sampled_from([None, True, False]),
)
def test_same_bytes_as_click_echo(
    text: str, encoding: str, tty: bool, err: bool, nl: bool, color: bool | None
) -> None:
    with pytest.MonkeyPatch.context() as mp:
        kw = {"encoding": encoding, "tty": tty, "err": err, "nl": nl, "color": color}
        try:
            expected: bytes | type[Exception] = _written(click.echo, text, monkeypatch=mp, **kw)
        except UnicodeEncodeError:  # latin-1 cannot hold "→": click raises, so must we
            expected = UnicodeEncodeError
        if expected is UnicodeEncodeError:
            with pytest.raises(UnicodeEncodeError):
                _written(echo, text, monkeypatch=mp, **kw)
        else:
            assert _written(echo, text, monkeypatch=mp, **kw) == expected


def test_a_stream_without_a_buffer_takes_text(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    echo("\x1b[31mred\x1b[0m é")
    assert out.getvalue() == "red é\n"


def test_strip_ansi() -> None:
    assert strip_ansi("\x1b[1;31mBL201\x1b[0m x") == "BL201 x"
    assert strip_ansi("plain") == "plain"


def test_importing_echo_does_not_import_click() -> None:
    code = "import sys, betalint.linter.echo; print('click' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
