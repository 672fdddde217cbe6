"""The bad-input matrix of issue 8: every strange input gets its exact behaviour asserted.

Each row runs `betalint check` (in-process through `main()`; a real process where the
process boundary matters: a FIFO, stdin, another user) and asserts the exit code, the exact
stderr lines, stdout, and that no file changed (bytes and mode). File rows run once more with
`--fix` and assert exactly what was written. A second test over the same rows holds every
stderr line to the house form: one line, `betalint: error: ` or `betalint: warning: `, naming
the file (or option) it is about.

Decisions recorded here (README "Exit codes and error handling"):
- binary files (a NUL in the first 8 KiB that is not UTF-16, or a known magic number), NUL
  bytes in otherwise text files included, are skipped quietly, exit 0 (as git and typos do);
- invalid UTF-8 is decoded losslessly as latin-1 and scanned, with one warning; UTF-16
  without a BOM is guessed from NUL positions, with one warning; BOMs and line endings are
  kept by --fix; a lone CR is not a line break (lines count as git and grep count them);
- a file over --max-file-size (default 20 MiB) is skipped with one warning naming the flag,
  exit 0; `--max-file-size 0` reads it whatever its size;
- a path named on the command line that cannot be read (missing, dangling or looping link,
  FIFO, permission denied, deleted before it was read) is an error, exit 2, while every other
  file is still checked and reported; the same things met while walking a directory are
  skipped quietly (they were not asked for by name) except an unreadable file or directory;
- registry, config and option errors stop the run before any file is read, exit 2.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from betalint.linter import parallel
from betalint.linter.cli import check_run as check_command
from betalint.linter.cli import main

# The mini registry (not the shipped one), so a betas.toml edit cannot change these lines.
REGISTRIES = Path(__file__).parent / "data" / "registries"
TODAY = ("--today", "2026-11-25", "--registry", str(REGISTRIES / "mini.toml"))
NAME = "prompt-cachng-2024-07-31"  # BL201, a safe fix to prompt-caching-2024-07-31 (GA: BL203)
FIXED_NAME = "prompt-caching-2024-07-31"
CALL = f'c(betas=["{NAME}"])'
CALL_B = CALL.encode()
LONG = 10 * 1024 * 1024  # the 10 MB single line


def bl201(path: str, line: int = 1, col: int = 11) -> str:
    return (
        f"{path}:{line}:{col}: BL201 [*] {NAME} is not a known beta name; did you mean "
        "prompt-caching-2024-07-31? (which is generally available: the header is no longer "
        "needed)"
    )


def bl203(path: str, line: int = 1, col: int = 11) -> str:
    return (
        f"{path}:{line}:{col}: BL203 prompt-caching-2024-07-31 is generally available since "
        "2024-12-17: the header is no longer needed; remove it; see "
        "https://example.com/docs/prompt-caching"
    )


ONE = "Found 1 finding (1 fixable with --fix)."
CLEAN = "All checks passed!\n"
# A run that found nothing but could not read a path does not say it passed.
ONE_ERROR = "No findings in the files read; 1 error reported.\n"
FIXED_ONE = "Found 2 findings (1 fixed, 1 remaining)."


def found(*lines: str) -> str:
    return "\n".join((*lines, ONE)) + "\n"


Setup = Callable[[Path, pytest.MonkeyPatch], None]


@dataclass(frozen=True)
class Row:
    """One bad input: what is on disk, the arguments, and everything the run must show."""

    id: str
    args: tuple[str, ...]
    code: int
    stderr: tuple[str, ...]  # exact lines; `{tmp}` is the test's directory
    stdout: str
    files: dict[str, bytes] = field(default_factory=dict)
    setup: Setup | None = None
    fixed: dict[str, bytes] | None = None  # with --fix: the bytes written (None: no --fix run)
    fix_stdout: str | None = None
    fix_stderr: tuple[str, ...] | None = None  # with --fix, when it differs from `stderr`
    names: tuple[str, ...] = ()  # what each stderr line must name (a path, an option)
    process: bool = False  # run as a real process (FIFO: a timeout guards against a hang)


def _utf16(text: str, codec: str, bom: bytes = b"") -> bytes:
    return bom + text.encode(codec)


def _fixed(data: bytes, codec: str = "latin-1") -> bytes:
    return data.replace(NAME.encode(codec), FIXED_NAME.encode(codec))


U16LE = _utf16(CALL + "\r\n", "utf-16-le", codecs.BOM_UTF16_LE)
U16BE = _utf16(CALL + "\n", "utf-16-be", codecs.BOM_UTF16_BE)
U16LE_NOBOM = _utf16(CALL + "\n", "utf-16-le")
U16BE_NOBOM = _utf16(CALL + "\n", "utf-16-be")
LATIN = CALL_B + b"  # caf\xe9 \xff\n"
LATIN_E9 = LATIN.index(b"\xe9")  # the first byte that is not UTF-8
CRLF = b"x = 1\r\n" + CALL_B + b"\r\n"
MIXED = b"a = 1\r\nb = 2\nc = 3\r" + CALL_B + b"\n"
BOM8 = codecs.BOM_UTF8 + CALL_B + b"\n# caf\xc3\xa9\n"
LONG_LINE = b"y" * LONG + b" " + CALL_B + b"\n"


def _fix_out(path: str, line: int = 1, col: int = 11) -> str:
    return f"{bl203(path, line, col)}\n{FIXED_ONE}\n"


FILE_ROWS = [
    Row(
        "binary-magic",
        ("img.png",),
        0,
        (),
        CLEAN,
        {"img.png": b"\x89PNG\r\n\x1a\n" + CALL_B},
        fixed={},
        fix_stdout=CLEAN,
    ),
    Row(
        "nul-bytes-in-text",
        ("nul.py",),
        0,
        (),
        CLEAN,
        {"nul.py": CALL_B + b"\n\x00\n"},
        fixed={},
        fix_stdout=CLEAN,
    ),
    Row(
        "invalid-utf8",
        ("latin.py",),
        1,
        (
            f"betalint: warning: latin.py: not valid UTF-8 (byte 0xE9 at offset {LATIN_E9}); "
            "decoded as latin-1",
        ),
        found(bl201("latin.py")),
        {"latin.py": LATIN},
        fixed={"latin.py": _fixed(LATIN)},
        fix_stdout=_fix_out("latin.py"),
        names=("latin.py",),
    ),
    Row(
        "utf16-le-bom",
        ("u16.py",),
        1,
        (),
        found(bl201("u16.py")),
        {"u16.py": U16LE},
        fixed={"u16.py": _fixed(U16LE, "utf-16-le")},
        fix_stdout=_fix_out("u16.py"),
    ),
    Row(
        "utf16-be-bom",
        ("u16.py",),
        1,
        (),
        found(bl201("u16.py")),
        {"u16.py": U16BE},
        fixed={"u16.py": _fixed(U16BE, "utf-16-be")},
        fix_stdout=_fix_out("u16.py"),
    ),
    Row(
        "utf16-le-no-bom",
        ("u16.py",),
        1,
        (
            "betalint: warning: u16.py: no byte-order mark; decoded as UTF-16-LE "
            "(guessed from NUL bytes)",
        ),
        found(bl201("u16.py")),
        {"u16.py": U16LE_NOBOM},
        fixed={"u16.py": _fixed(U16LE_NOBOM, "utf-16-le")},
        fix_stdout=_fix_out("u16.py"),
        names=("u16.py",),
    ),
    Row(
        "utf16-be-no-bom",
        ("u16.py",),
        1,
        (
            "betalint: warning: u16.py: no byte-order mark; decoded as UTF-16-BE "
            "(guessed from NUL bytes)",
        ),
        found(bl201("u16.py")),
        {"u16.py": U16BE_NOBOM},
        fixed={"u16.py": _fixed(U16BE_NOBOM, "utf-16-be")},
        fix_stdout=_fix_out("u16.py"),
        names=("u16.py",),
    ),
    Row(
        "utf8-bom",  # columns count from after the BOM
        ("bom.py",),
        1,
        (),
        found(bl201("bom.py")),
        {"bom.py": BOM8},
        fixed={"bom.py": _fixed(BOM8)},
        fix_stdout=_fix_out("bom.py"),
    ),
    Row(
        "crlf",
        ("crlf.py",),
        1,
        (),
        found(bl201("crlf.py", 2)),
        {"crlf.py": CRLF},
        fixed={"crlf.py": _fixed(CRLF)},
        fix_stdout=_fix_out("crlf.py", 2),
    ),
    Row(
        "mixed-line-endings",  # CRLF and LF end lines; a lone CR does not (as git, grep)
        ("mixed.py",),
        1,
        (),
        found(bl201("mixed.py", 3, 17)),
        {"mixed.py": MIXED},
        fixed={"mixed.py": _fixed(MIXED)},
        fix_stdout=_fix_out("mixed.py", 3, 17),
    ),
    Row(
        "10mb-single-line",
        ("long.py",),
        1,
        (),
        found(bl201("long.py", 1, LONG + 12)),
        {"long.py": LONG_LINE},
        fixed={"long.py": _fixed(LONG_LINE)},
        fix_stdout=_fix_out("long.py", 1, LONG + 12),
        # too big for the syntax guard's memory bound (linter.fix.fixer.GUARD_MAX_BYTES): said so
        fix_stderr=(
            "betalint: warning: long.py: larger than 512 KiB: fixed without checking that it "
            "still parses as Python",
        ),
    ),
    Row(
        "empty-file",
        ("empty.py",),
        0,
        (),
        CLEAN,
        {"empty.py": b""},
        fixed={},
        fix_stdout=CLEAN,
    ),
    Row(
        "over-max-file-size",  # a small limit, so the row stays quick; 200 MB below
        ("--max-file-size", "16", "a.py"),
        0,
        (
            f"betalint: warning: a.py: skipped: {len(CALL_B) + 1} B is larger than the 16 B "
            "limit; raise it "
            "with --max-file-size (or `max-file-size` in config, 0 = no limit)",
        ),
        CLEAN,
        {"a.py": CALL_B + b"\n"},
        fixed={},
        fix_stdout=CLEAN,
        names=("a.py", "--max-file-size"),
    ),
    Row(
        "invalid-notebook-json",  # scanned as the text it is; positions in the raw file
        ("nb.ipynb",),
        1,
        (),
        found(bl201("nb.ipynb", 1, 36)),
        {"nb.ipynb": b'{"cells": [{"source": ["c(betas=[\\"' + NAME.encode() + b'\\"])"'},
        # not valid JSON before, so the fix is not held to JSON parsing
        fixed={
            "nb.ipynb": _fixed(b'{"cells": [{"source": ["c(betas=[\\"' + NAME.encode() + b'\\"])"')
        },
        fix_stdout=_fix_out("nb.ipynb", 1, 36),
    ),
]


def _sparse_200mb(tmp: Path, _mp: pytest.MonkeyPatch) -> None:
    with open(tmp / "huge.txt", "wb") as f:
        f.write(CALL_B + b"\n")
        f.truncate(200 * 1024 * 1024)  # sparse: instant, no disk used


def _symlink_loop(tmp: Path, _mp: pytest.MonkeyPatch) -> None:
    (tmp / "loop1").symlink_to("loop2")
    (tmp / "loop2").symlink_to("loop1")


def _tree_with_oddities(tmp: Path, mp: pytest.MonkeyPatch) -> None:
    """A directory holding a good file, a symlink loop, a dangling link and a FIFO."""
    d = tmp / "d"
    d.mkdir()
    (d / "a.py").write_bytes(CALL_B + b"\n")
    (d / "loop1").symlink_to("loop2")
    (d / "loop2").symlink_to("loop1")
    (d / "dangling.py").symlink_to("nowhere.py")
    (d / "self").symlink_to(".", target_is_directory=True)
    os.mkfifo(d / "fifo.py")


def _dangling(tmp: Path, _mp: pytest.MonkeyPatch) -> None:
    (tmp / "dangling.py").symlink_to("nowhere.py")


def _fifo(tmp: Path, _mp: pytest.MonkeyPatch) -> None:
    os.mkfifo(tmp / "fifo.py")


def _unreadable(tmp: Path, mp: pytest.MonkeyPatch) -> None:
    """Permission denied, simulated (the suite runs as root, which reads anything)."""
    (tmp / "secret.py").write_bytes(CALL_B + b"\n")
    (tmp / "secret.py").chmod(0o000)
    real_open = os.open

    def deny(path: str, flags: int, *args: int, **kwargs: int) -> int:
        if os.path.basename(str(path)) == "secret.py":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    mp.setattr(os, "open", deny)


def _unreadable_dir(tmp: Path, mp: pytest.MonkeyPatch) -> None:
    (tmp / "d" / "locked").mkdir(parents=True)
    (tmp / "d" / "a.py").write_bytes(CALL_B + b"\n")
    (tmp / "d" / "locked" / "b.py").write_bytes(CALL_B + b"\n")
    real_scandir = os.scandir

    def deny(path: str = ".") -> object:
        if os.path.basename(str(path)) == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    mp.setattr(os, "scandir", deny)


def _deleted_during_scan(tmp: Path, mp: pytest.MonkeyPatch) -> None:
    """a.py is found by discovery, then deleted before it is read; b.py is still checked."""
    (tmp / "a.py").write_bytes(CALL_B + b"\n")
    (tmp / "b.py").write_bytes(CALL_B + b"\n")
    real = check_command.discover

    def discover_then_delete(*args: object, **kwargs: object) -> Iterator[object]:
        for job in real(*args, **kwargs):  # type: ignore[arg-type,unused-ignore]
            if getattr(job, "path", "").endswith("a.py"):
                os.unlink(tmp / "a.py")
            yield job

    mp.setattr(check_command, "discover", discover_then_delete)


def _config(body: str, name: str = "pyproject.toml") -> Setup:
    def setup(tmp: Path, _mp: pytest.MonkeyPatch) -> None:
        (tmp / name).write_text(body)
        (tmp / "a.py").write_bytes(CALL_B + b"\n")

    return setup


def _good_file(tmp: Path, _mp: pytest.MonkeyPatch) -> None:
    (tmp / "a.py").write_bytes(CALL_B + b"\n")


def _stdin_dir(tmp: Path, _mp: pytest.MonkeyPatch) -> None:
    (tmp / "sub").mkdir()


PATH_ROWS = [
    Row(
        "200mb-file-skipped",
        ("huge.txt",),
        0,
        (
            "betalint: warning: huge.txt: skipped: 200 MiB is larger than the 20 MiB limit; "
            "raise it with --max-file-size (or `max-file-size` in config, 0 = no limit)",
        ),
        CLEAN,
        setup=_sparse_200mb,
        names=("huge.txt", "--max-file-size"),
    ),
    Row(
        "200mb-file-no-limit",  # read whole; its NULs make it binary: skipped quietly
        ("--max-file-size", "0", "huge.txt"),
        0,
        (),
        CLEAN,
        setup=_sparse_200mb,
    ),
    Row(
        "symlink-loop-named",
        ("loop1",),
        2,
        ("betalint: error: loop1: Too many levels of symbolic links",),
        ONE_ERROR,
        setup=_symlink_loop,
        names=("loop1",),
    ),
    Row(
        "dangling-symlink-named",
        ("dangling.py",),
        2,
        ("betalint: error: dangling.py: broken symbolic link",),
        ONE_ERROR,
        setup=_dangling,
        names=("dangling.py",),
    ),
    Row(
        "fifo-named",  # stat'ed, never opened: no hang (a process with a timeout)
        ("fifo.py",),
        2,
        ("betalint: error: fifo.py: is a FIFO, not a regular file; skipped",),
        ONE_ERROR,
        setup=_fifo,
        names=("fifo.py",),
        process=True,
    ),
    Row(
        "loop-dangling-fifo-in-a-walk",  # not asked for by name: skipped quietly
        ("d",),
        1,
        (),
        found(bl201("d/a.py")),
        setup=_tree_with_oddities,
        process=True,
    ),
    Row(
        "unreadable-file",
        ("secret.py",),
        2,
        ("betalint: error: secret.py: Permission denied",),
        ONE_ERROR,
        setup=_unreadable,
        names=("secret.py",),
    ),
    Row(
        "unreadable-directory-in-a-walk",
        ("d",),
        2,
        ("betalint: error: d/locked: Permission denied",),
        found(bl201("d/a.py")),
        setup=_unreadable_dir,
        names=("d/locked",),
    ),
    Row(
        "path-does-not-exist",
        ("missing.py", "a.py"),
        2,
        ("betalint: error: missing.py: No such file or directory",),
        found(bl201("a.py")),
        setup=_good_file,
        names=("missing.py",),
    ),
    Row(
        "deleted-during-the-scan",
        (".",),
        2,
        ("betalint: error: a.py: No such file or directory",),
        found(bl201("b.py")),
        setup=_deleted_during_scan,
        names=("a.py",),
    ),
    Row(
        "stdin-filename-is-a-directory",
        ("--stdin-filename", "sub", "-"),
        2,
        ("betalint: error: --stdin-filename sub: is a directory; name a file",),
        "",
        setup=_stdin_dir,
        names=("--stdin-filename", "sub"),
    ),
    Row(
        "malformed-registry",
        ("--registry", str(REGISTRIES / "bad_toml.toml"), "a.py"),
        2,
        (
            f"betalint: error: {REGISTRIES}/bad_toml.toml: invalid TOML: Expected ']' at the "
            "end of a table declaration (at line 4, column 7)",
        ),
        "",
        setup=_good_file,
        names=("bad_toml.toml",),
    ),
    Row(
        "registry-schema-error",
        ("--registry", str(REGISTRIES / "unknown_status.toml"), "a.py"),
        2,
        (),  # exact text owned by test_loader; the form is checked below
        "",
        setup=_good_file,
        names=("unknown_status.toml",),
    ),
    Row(
        "extra-registry-clashes",
        ("--registry", str(REGISTRIES / "valid.toml"), "a.py"),
        2,
        (
            f"betalint: error: {REGISTRIES}/clash.toml: [betas.'alpha-2025-06-01'] is also "
            f"defined in {REGISTRIES}/valid.toml with other content; remove one of them or "
            "make them identical",
        ),
        "",
        setup=_config(f'[tool.betalint]\nextra-registries = ["{REGISTRIES}/clash.toml"]\n'),
        names=("clash.toml", "valid.toml"),
    ),
    Row(
        "config-syntax-error",
        ("a.py",),
        2,
        (
            "betalint: error: {tmp}/pyproject.toml:4:1: invalid TOML: Unclosed array; "
            "fix the syntax",
        ),
        "",
        setup=_config('[tool.betalint]\nselect = ["BL2"\n\n[other]\n'),
        names=("pyproject.toml",),
    ),
    Row(
        "config-unknown-key",
        ("a.py",),
        2,
        (
            "betalint: error: {tmp}/betalint.toml:1: unknown key `selekt` in the top level "
            "(did you mean `select`?); valid keys: select, ignore, extend-select, "
            "per-file-ignores, exclude, extend-exclude, extra-registries, respect-gitignore, "
            "today, required-version, platforms, max-file-size, registry-age-notice, sdk-layer",
        ),
        "",
        setup=_config('selekt = ["BL2"]\n', "betalint.toml"),
        names=("betalint.toml", "selekt"),
    ),
    Row(
        "config-wrong-type",
        ("a.py",),
        2,
        (
            "betalint: error: {tmp}/.betalint.toml:1: `respect-gitignore` must be true or "
            "false, got string 'yes'",
        ),
        "",
        setup=_config('respect-gitignore = "yes"\n', ".betalint.toml"),
        names=(".betalint.toml", "respect-gitignore"),
    ),
    Row(
        "unknown-rule-in-select",
        ("--select", "BL999", "a.py"),
        2,
        ("betalint: error: unknown rule code BL999 in --select (see `betalint rules`)",),
        "",
        setup=_good_file,
        names=("--select", "BL999"),
    ),
    Row(
        "today-not-a-date",
        ("--today", "2026-02-30", "a.py"),
        2,
        ("betalint: error: --today '2026-02-30' is not a date; write YYYY-MM-DD",),
        "",
        setup=_good_file,
        names=("--today",),
    ),
    Row(
        "unknown-option",
        ("--fixx", "a.py"),
        2,
        (
            "betalint: error: No such option '--fixx'. Did you mean '--fix'?; "
            "see `betalint check --help`",
        ),
        "",
        setup=_good_file,
        names=("--fixx",),
    ),
]

ROWS = FILE_ROWS + PATH_ROWS


@pytest.fixture(autouse=True)
def _fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    yield


def _snapshot(root: Path) -> dict[str, tuple[int, bytes | str | None]]:
    """Every entry under root: its mode and bytes (a link's target; FIFOs are not opened)."""
    snap: dict[str, tuple[int, bytes | str | None]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            if stat.S_ISLNK(st.st_mode):
                snap[p] = (st.st_mode, os.readlink(p))
            elif stat.S_ISREG(st.st_mode) and st.st_size < 50 * 1024 * 1024:
                snap[p] = (st.st_mode, Path(p).read_bytes())
            else:  # FIFOs, directories, the sparse 200 MB file: mode and size
                snap[p] = (st.st_mode, str(st.st_size))
    return snap


def _prepare(row: Row, tmp: Path, mp: pytest.MonkeyPatch) -> None:
    for name, data in row.files.items():
        (tmp / name).write_bytes(data)
        (tmp / name).chmod(0o640)
    if row.setup is not None:
        row.setup(tmp, mp)


def _run(
    row: Row, tmp: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, str, str]:
    args = ["check", *TODAY, "--no-respect-gitignore", *extra, *row.args]
    if row.process:
        done = subprocess.run(
            [sys.executable, "-m", "betalint", *args],
            cwd=tmp,
            capture_output=True,
            text=True,
            timeout=60,  # a FIFO that were opened would block forever
            check=False,
        )
        return done.returncode, done.stdout, done.stderr
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_bad_input(
    row: Row, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _prepare(row, tmp_path, monkeypatch)
    before = _snapshot(tmp_path)
    code, out, err = _run(row, tmp_path, capsys)
    assert code == row.code, err
    lines = err.splitlines()
    if row.stderr or not row.code:
        assert lines == [s.replace("{tmp}", str(tmp_path)) for s in row.stderr]
    assert out == row.stdout
    after = _snapshot(tmp_path)
    if row.id == "deleted-during-the-scan":
        before.pop(str(tmp_path / "a.py"))
    assert after == before


FIX_ROWS = [r for r in FILE_ROWS if r.fixed is not None]


@pytest.mark.parametrize("row", FIX_ROWS, ids=[r.id for r in FIX_ROWS])
def test_bad_input_with_fix(
    row: Row, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--fix rewrites only the name: encoding, BOM, line endings, other bytes and mode kept;
    skipped files are left exactly as they were."""
    assert row.fixed is not None
    _prepare(row, tmp_path, monkeypatch)
    before = _snapshot(tmp_path)
    code, out, err = _run(row, tmp_path, capsys, "--fix")
    assert code == row.code
    assert err.splitlines() == list(row.stderr if row.fix_stderr is None else row.fix_stderr)
    assert out == row.fix_stdout
    expected = dict(before)
    for name, data in row.fixed.items():
        key = str(tmp_path / name)
        expected[key] = (before[key][0], data)
    assert _snapshot(tmp_path) == expected


MESSAGE = re.compile(r"betalint: (error|warning): \S.*")


@pytest.mark.parametrize("row", [r for r in ROWS if r.names], ids=[r.id for r in ROWS if r.names])
def test_every_message_is_one_line_naming_its_subject(
    row: Row, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _prepare(row, tmp_path, monkeypatch)
    _code, _out, err = _run(row, tmp_path, capsys)
    assert err.endswith("\n") and err.count("\n") == 1, err  # exactly one line
    line = err.rstrip("\n")
    assert MESSAGE.fullmatch(line), line
    assert "Traceback" not in line
    for name in row.names:
        assert name in line, (name, line)
    if row.code == 2:
        assert line.startswith("betalint: error: ")
    else:
        assert line.startswith("betalint: warning: ")


def test_stdin_binary_is_skipped_quietly(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "betalint", "check", *TODAY, "--stdin-filename", "x.py", "-"],
        input=b"\x00\x01" + CALL_B,
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, CLEAN.encode(), b"")


def test_stdin_invalid_utf8_warns_and_fixes_losslessly(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "betalint",
            "check",
            *TODAY,
            "--fix",
            "--stdin-filename",
            "x.py",
            "-",
        ],
        input=LATIN,
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == _fixed(LATIN)  # the fixed text, every other byte as it came
    err = done.stderr.decode().splitlines()
    assert err[0] == (
        f"betalint: warning: x.py: not valid UTF-8 (byte 0xE9 at offset {LATIN_E9}); "
        "decoded as latin-1"
    )
    assert err[1] == bl203("x.py")


def _can_run_as_nobody() -> bool:
    try:
        done = subprocess.run(
            [
                "setpriv",
                "--reuid=nobody",
                "--regid=nogroup",
                "--clear-groups",
                sys.executable,
                "-c",
                "import betalint.linter.cli",
            ],
            cwd="/",  # not the repo root, whose betalint/ would import from the cwd
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@pytest.mark.skipif(
    os.geteuid() != 0 or not _can_run_as_nobody(),
    reason="needs root and a Python that the user nobody can run (setpriv); the in-process "
    "unreadable-file row covers the message",
)
def test_unreadable_file_as_another_user(tmp_path: Path) -> None:
    (tmp_path / "secret.py").write_bytes(CALL_B + b"\n")
    (tmp_path / "secret.py").chmod(0o600)
    tmp_path.chmod(0o755)
    done = subprocess.run(
        [
            "setpriv",
            "--reuid=nobody",
            "--regid=nogroup",
            "--clear-groups",
            sys.executable,
            "-m",
            "betalint",
            "check",
            *TODAY,
            "secret.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "BETALINT_NO_CACHE": "1"},
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == "betalint: error: secret.py: Permission denied\n"


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_adds_the_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    (tmp_path / "a.py").write_bytes(CALL_B + b"\n")
    bad = ["--registry", str(REGISTRIES / "bad_toml.toml"), "a.py"]
    args = ["--verbose", "check", *bad] if where == "before" else ["check", "--verbose", *bad]
    assert main(args) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "Traceback (most recent call last):"
    assert "RegistryError" in err[-2]
    assert err[-1].startswith(f"betalint: error: {REGISTRIES}/bad_toml.toml: invalid TOML")
    assert main(["check", *bad]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_an_internal_error_is_one_line_and_verbose_shows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug (any other exception) is still one line, exit 2, with a request to report it."""
    (tmp_path / "a.py").write_bytes(CALL_B + b"\n")

    def boom(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(parallel, "check_path", boom)
    assert main(["check", *TODAY, "a.py"]) == 2
    assert capsys.readouterr().err == (
        "betalint: internal error: ZeroDivisionError: division by zero "
        "(rerun with --verbose and report it)\n"
    )
    assert main(["-v", "check", *TODAY, "a.py"]) == 2
    assert "Traceback (most recent call last):" in capsys.readouterr().err


# Every other error path of `check`, `validate`, `registry` and `explain` (found by grepping
# the package for BetalintError/RegistryError): exit 2 and one well-formed line naming its subject.
def _files_for_audit(tmp: Path) -> None:
    (tmp / "a.py").write_bytes(CALL_B + b"\n")
    (tmp / "bad.json").write_text("{\n")
    (tmp / "latin1.toml").write_bytes(b"schema_version = 1 # caf\xe9\n")
    (tmp / "regdir").mkdir()
    (tmp / "new").mkdir()
    (tmp / "new" / "a.py").write_bytes(CALL_B + b"\n")
    (tmp / "new" / "betalint.toml").write_text('required-version = ">=99"\n')
    (tmp / "extra").mkdir()
    (tmp / "extra" / "a.py").write_bytes(CALL_B + b"\n")
    (tmp / "extra" / "betalint.toml").write_text('extra-registries = ["nope.toml"]\n')


AUDIT = [
    (("validate", "--registry", "nope.toml", "x-2025-01-01"), ("nope.toml",)),
    (("validate", "--registry", "latin1.toml", "x-2025-01-01"), ("latin1.toml",)),
    (("validate", "--registry", "regdir", "x-2025-01-01"), ("regdir",)),
    (("validate", "--today", "tomorrow", "files-api-2025-04-14"), ("--today",)),
    (("validate", "--platform", "mars", "files-api-2025-04-14"), ("mars",)),
    (("validate",), ("NAMES", "validate --help")),
    (("registry", "show", "nope-2025-01-01"), ("nope-2025-01-01",)),
    (("registry", "list", "--registry", str(REGISTRIES / "bad_toml.toml")), ("bad_toml.toml",)),
    (("registry", "check", "--registry", str(REGISTRIES / "bad_toml.toml")), ("bad_toml.toml",)),
    (("registry", "sync"), ("--from-sdk",)),
    (("explain", "BL999"), ("BL999",)),
    (("chek",), ("chek", "betalint --help")),
    (("check", "-o", "/nonexistent-dir/r.json", "a.py"), ("/nonexistent-dir/r.json",)),
    (("check", "--baseline", "nope.json", "a.py"), ("nope.json",)),
    (("check", "--baseline", "bad.json", "a.py"), ("bad.json",)),
    (("check", "--write-baseline", "/nonexistent-dir/b.json", "a.py"), ("/nonexistent-dir",)),
    (("check", "--platform", "mars", "a.py"), ("mars",)),
    (("check", "--max-file-size", "lots", "a.py"), ("--max-file-size", "lots")),
    (("check", "--output-format", "xml", "a.py"), ("--output-format", "xml")),
    (("check", "new/a.py"), ("new/betalint.toml", ">=99", "upgrade")),
    (("check", "extra/a.py"), ("extra/betalint.toml", "nope.toml")),
]


@pytest.mark.parametrize(("args", "names"), AUDIT, ids=[" ".join(a) for a, _ in AUDIT])
def test_other_error_paths_are_one_line_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    names: tuple[str, ...],
) -> None:
    _files_for_audit(tmp_path)
    assert main(list(args)) == 2
    _out, err = capsys.readouterr()
    assert err.count("\n") == 1, err
    line = err.rstrip("\n")
    assert line.startswith("betalint: error: "), line
    for name in names:
        assert name in line, (name, line)
    assert "Traceback" not in err
