"""End-to-end tests of `betalint check`: output, flags, exit codes, stdin, color, discovery.

In-process through `main([...])` and capsys where that is enough; real subprocesses
(`python -m betalint`) where the process boundary matters: stdin, NO_COLOR, a terminal.
Every run passes `--today 2026-11-25` so lifecycles do not drift with the calendar, and
`--registry tests/data/registries/mini.toml` so a betas.toml edit cannot change the output.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from _registries import MINI, REGISTRIES, VALID

from betalint.linter.cli import main

TODAY = ("--today", "2026-11-25", "--registry", str(MINI))
ANSI = "\x1b["

# Lifecycles as mini.toml has them.
GA = "prompt-caching-2024-07-31"  # GA since 2024-12-17 → BL203
RETIRED = "computer-use-2024-10-22"  # retired since 2025-06-01 → BL205
ACTIVE = "computer-use-2025-01-24"  # an active beta: no finding
GA_LATE = "future-ga-2025-01-01"  # lifecycle.toml: GA from 2026-06-01, active before

APP = f"""import anthropic

client = anthropic.Anthropic()
resp = client.beta.messages.create(
    model="claude-sonnet-4-5",
    betas=["{GA}", "{RETIRED}"],
)
"""
BL203_LINE = (
    f"app.py:6:13: BL203 {GA} is generally available since 2024-12-17: the header is no "
    "longer needed; remove it; see https://example.com/docs/prompt-caching"
)
BL205_PREFIX = f"app.py:6:42: BL205 {RETIRED} is retired since 2025-06-01"


@pytest.fixture(autouse=True)
def _fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test runs in its own tmp_path with no cached settings from another test."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`betalint check --today 2026-11-25 ARGS` in-process: (exit code, stdout, stderr)."""
    code = main(["check", *TODAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


def proc(
    *args: str, cwd: Path, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m betalint check --today … ARGS` as a real process."""
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "betalint", "check", *TODAY, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def betas_py(*names: str) -> str:
    return "betas = [" + ", ".join(f'"{n}"' for n in names) + "]\n"


def codes_of(out: str) -> list[str]:
    """The codes of the finding lines of a text report, in order."""
    return [line.split()[1] for line in out.splitlines() if line.count(":") >= 3]


# --------------------------------------------------------------------------- text output


def test_text_lines_and_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "app.py", APP)
    code, out, err = check(capsys, "app.py")
    lines = out.splitlines()
    assert code == 1
    assert err == ""
    assert len(lines) == 3
    assert lines[0] == BL203_LINE
    assert lines[1].startswith(BL205_PREFIX)
    assert "use computer-use-2025-01-24 instead" in lines[1]
    # both fixes are unsafe (a removal, a successor): no [*] without --unsafe-fixes
    assert lines[2] == "Found 2 findings (2 more with --unsafe-fixes)."


def test_safe_fix_is_marked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "typo.py", betas_py("computr-use-2025-01-24"))
    code, out, _ = check(capsys, "typo.py")
    assert code == 1
    assert out.splitlines() == [
        "typo.py:1:11: BL201 [*] computr-use-2025-01-24 is not a known beta name; "
        f"did you mean {ACTIVE}?",
        "Found 1 finding (1 fixable with --fix).",
    ]


def test_clean_file_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "ok.py", betas_py(ACTIVE))
    assert check(capsys, "ok.py") == (0, "All checks passed!\n", "")


def test_unsafe_fixes_flag_marks_them(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "app.py", APP)
    code, out, _ = check(capsys, "--unsafe-fixes", "app.py")
    assert code == 1
    assert out.splitlines()[0].startswith("app.py:6:13: BL203 [*] ")
    assert out.splitlines()[-1] == "Found 2 findings (2 fixable with --fix)."


# --------------------------------------------------------------------------- JSON output


def _schema() -> dict[str, Any]:
    text = (resources.files("betalint.linter") / "schemas/output.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_json(doc: object) -> None:
    cls = jsonschema.validators.validator_for(_schema())
    cls.check_schema(_schema())
    cls(_schema(), format_checker=cls.FORMAT_CHECKER).validate(doc)


def test_json_matches_schema_and_contract(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "src" / "deep" / "app.py", APP)
    write(tmp_path / "src" / "deep" / "typo.py", betas_py("computr-use-2025-01-24"))
    code, out, err = check(capsys, "--output-format", "json", "src")
    assert (code, err) == (1, "")
    doc = json.loads(out)
    validate_json(doc)
    assert doc["version"] == 1
    assert doc["tool"]["name"] == "betalint"
    assert set(doc["registry"]) >= {"version", "date"}
    diags = doc["diagnostics"]
    assert [(d["path"], d["line"], d["column"], d["code"]) for d in diags] == [
        ("src/deep/app.py", 6, 13, "BL203"),
        ("src/deep/app.py", 6, 42, "BL205"),
        ("src/deep/typo.py", 1, 11, "BL201"),
    ]
    contract = {
        "path", "line", "column", "end_line", "end_column", "code", "rule", "severity",
        "message", "name", "canonical", "context", "fix", "url",
    }  # fmt: skip
    assert all(set(d) == contract for d in diags)
    ga, retired, typo = diags
    assert (ga["end_line"], ga["end_column"]) == (6, 13 + len(GA))
    assert ga["rule"] == "no-longer-needed"
    assert ga["severity"] == "warning"
    assert ga["name"] == ga["canonical"] == GA
    assert ga["context"] == "betas-list"
    assert ga["fix"]["applicability"] == "unsafe"
    # the removal edit takes the name, its quotes and the following ", "
    assert ga["fix"]["edits"] == [
        {
            "content": "",
            "location": {"line": 6, "column": 12},
            "end_location": {"line": 6, "column": 41},
        }
    ]
    assert ga["url"].startswith("https://")
    assert retired["rule"] == "retired"
    assert retired["severity"] == "error"
    assert retired["fix"]["replacement"] == ACTIVE
    assert typo["rule"] == "unknown-name"
    assert typo["canonical"] is None
    assert typo["fix"]["applicability"] == "safe"
    assert typo["fix"]["replacement"] == ACTIVE
    assert typo["fix"]["edits"][0]["content"] == ACTIVE


def test_json_clean_run_is_valid(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "ok.py", betas_py(ACTIVE))
    code, out, _ = check(capsys, "--output-format", "json", "ok.py")
    assert code == 0
    doc = json.loads(out)
    validate_json(doc)
    assert doc["diagnostics"] == []


def test_json_url_is_the_rules_docs_when_no_entry_docs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "typo.py", betas_py("computr-use-2025-01-24"))
    _, out, _ = check(capsys, "--output-format", "json", "typo.py")
    from betalint.linter.rules import RULES

    assert json.loads(out)["diagnostics"][0]["url"] == RULES["BL201"].url


# --------------------------------------------------------------------------- rule selection

SELECTION: tuple[tuple[tuple[str, ...], list[str]], ...] = (
    ((), ["BL203", "BL205"]),
    (("--select", "BL205"), ["BL205"]),
    (("--select", "BL2"), ["BL203", "BL205"]),
    (("--select", "BL2", "--ignore", "BL203"), ["BL205"]),
    (("--select", "BL203,BL205"), ["BL203", "BL205"]),
    (("--ignore", "BL2"), []),
    (("--ignore", "BL20"), []),
    (("--ignore", "BL205"), ["BL203"]),
    (("--select", "BL1", "--extend-select", "BL205"), ["BL205"]),
    (("--select", "BL1", "--extend-select", "BL2"), ["BL203", "BL205"]),
    # the more specific selector wins over a shorter ignore (as ruff)
    (("--ignore", "BL2", "--extend-select", "BL205"), ["BL205"]),
    (("--select", "ALL", "--ignore", "BL205"), ["BL203"]),
)


@pytest.mark.parametrize(("args", "expected"), SELECTION)
def test_select_ignore_extend_select(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...], expected: list[str]
) -> None:
    write(tmp_path / "app.py", APP)
    code, out, _ = check(capsys, *args, "app.py")
    assert codes_of(out) == expected
    assert code == (1 if expected else 0)


@pytest.mark.parametrize("flag", ["--select", "--ignore", "--extend-select"])
@pytest.mark.parametrize("bad", ["BL999", "XX1", "BL77"])
def test_unknown_rule_code_is_exit_2_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, flag: str, bad: str
) -> None:
    write(tmp_path / "app.py", APP)
    code, out, err = check(capsys, flag, f"BL203,{bad}", "app.py")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("betalint: error: ")
    assert f"unknown rule code {bad} in {flag}" in err


# --------------------------------------------------------------------------- statistics, exit


def test_statistics(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "app.py", APP)
    write(tmp_path / "typo.py", betas_py("computr-use-2025-01-24", "computr-use-2025-01-24"))
    code, out, _ = check(capsys, "--statistics", "app.py", "typo.py")
    assert code == 1
    # most frequent first, then by code; [*] when --fix would fix them
    assert out.splitlines() == [
        "2\tBL201\t[*] unknown-name",
        "1\tBL203\t    no-longer-needed",
        "1\tBL205\t    retired",
        "1\tBL301\t[*] duplicate",
    ]


def test_statistics_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "app.py", APP)
    code, out, _ = check(capsys, "--statistics", "--output-format", "json", "app.py")
    assert code == 1
    assert json.loads(out) == [
        {"code": "BL203", "name": "no-longer-needed", "count": 1, "fixable": 0},
        {"code": "BL205", "name": "retired", "count": 1, "fixable": 0},
    ]


def test_exit_zero_keeps_the_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "app.py", APP)
    code, out, _ = check(capsys, "--exit-zero", "app.py")
    assert code == 0
    assert out.splitlines()[0] == BL203_LINE
    assert out.splitlines()[-1] == "Found 2 findings (2 more with --unsafe-fixes)."


def test_exit_zero_does_not_hide_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "app.py", APP)
    code, _, err = check(capsys, "--exit-zero", "app.py", "missing.py")
    assert code == 2
    assert "missing.py" in err


# --------------------------------------------------------------------------- --today


@pytest.mark.parametrize(
    ("day", "expected"),
    [("2026-05-31", []), ("2026-06-01", ["BL203"]), ("2026-11-25", ["BL203"])],
)
def test_today_changes_the_verdict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, day: str, expected: list[str]
) -> None:
    """future-ga-2025-01-01 becomes GA on 2026-06-01: before that it is an active beta."""
    write(tmp_path / "f.py", betas_py(GA_LATE))
    lifecycle = str(REGISTRIES / "lifecycle.toml")
    code = main(["check", "--today", day, "--registry", lifecycle, "f.py"])
    out, _ = capsys.readouterr()
    assert codes_of(out) == expected
    assert code == (1 if expected else 0)
    if expected:
        assert "generally available since 2026-06-01" in out


@pytest.mark.parametrize("bad", ["2026-13-01", "tomorrow", "2026/11/25"])
def test_bad_today_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path, bad: str) -> None:
    write(tmp_path / "f.py", betas_py(GA))
    code = main(["check", "--today", bad, "f.py"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err == f"betalint: error: --today {bad!r} is not a date; write YYYY-MM-DD\n"


# --------------------------------------------------------------------------- --registry


def test_custom_registry_replaces_the_shipped_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "reg" / "mine.toml", VALID.read_text(encoding="utf-8"))
    write(tmp_path / "a.py", betas_py("alpha-2025-01-01", "alpha-2025-06-01"))
    write(tmp_path / "b.py", betas_py(ACTIVE))
    code, out, _ = check(capsys, "--registry", "reg/mine.toml", "--output-format", "json", ".")
    assert code == 1
    doc = json.loads(out)
    validate_json(doc)
    assert doc["registry"]["version"] == "test.1"
    found = [(d["path"], d["column"], d["code"], d["name"]) for d in doc["diagnostics"]]
    assert found[0] == ("a.py", 11, "BL202", "alpha-2025-01-01")
    # the shipped registry is not consulted: its active name is unknown here
    assert ("b.py", 11, "BL201", ACTIVE) in found
    msg = doc["diagnostics"][0]["message"]
    assert "superseded by alpha-2025-06-01" in msg


def test_custom_registry_without_it_shipped_names_apply(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "a.py", betas_py("alpha-2025-01-01"))
    code = main(["check", "--today", "2026-11-25", "a.py"])  # the shipped registry
    out, _ = capsys.readouterr()
    assert code == 1
    assert codes_of(out) == ["BL201"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("schema_version = 1\n[betas\n", "invalid TOML"),
        (None, "registry file not found"),
        ('schema_version = 1\n[betas."a-2025-01-01"]\nstatus = "bogus"\n', "Field required"),
    ],
)
def test_broken_registry_is_exit_2_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | None, fragment: str
) -> None:
    if content is not None:
        write(tmp_path / "broken.toml", content)
    write(tmp_path / "a.py", betas_py(GA))
    code, out, err = check(capsys, "--registry", "broken.toml", "a.py")
    assert code == 2
    assert out == ""  # it fails before any file is read or reported
    assert err.count("\n") == 1
    assert err.startswith("betalint: error: ")
    assert "broken.toml" in err
    assert fragment in err
    assert "Traceback" not in err


# --------------------------------------------------------------------------- color


def _run_in_pty(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run with stdout on a pseudo-terminal (so `--color auto` sees a tty); return stdout."""
    master, slave = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "betalint", "check", *TODAY, *args],
        cwd=cwd,
        stdout=slave,
        stderr=subprocess.DEVNULL,
        env=env,
    ) as p:
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        p.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode()


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(extra)
    return env


@pytest.mark.parametrize(
    ("args", "extra_env", "colored"),
    [
        (["--color", "auto"], {}, True),
        (["--color", "auto"], {"NO_COLOR": "1"}, False),
        (["--color", "never"], {}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),  # an explicit flag beats NO_COLOR
    ],
)
def test_color_on_a_terminal(
    tmp_path: Path, args: list[str], extra_env: dict[str, str], colored: bool
) -> None:
    write(tmp_path / "app.py", APP)
    out = _run_in_pty([*args, "app.py"], tmp_path, _env(**extra_env))
    assert "BL203" in out
    assert (ANSI in out) is colored


@pytest.mark.parametrize("choice", ["auto", "never"])
def test_no_color_into_a_pipe(tmp_path: Path, choice: str) -> None:
    write(tmp_path / "app.py", APP)
    result = proc("--color", choice, "app.py", cwd=tmp_path)
    assert result.returncode == 1
    assert ANSI not in result.stdout
    assert result.stdout.splitlines()[0] == BL203_LINE


def test_color_always_into_a_pipe(tmp_path: Path) -> None:
    write(tmp_path / "app.py", APP)
    result = proc("--color", "always", "app.py", cwd=tmp_path)
    assert result.returncode == 1
    assert ANSI in result.stdout


def test_color_always_in_process(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "app.py", APP)
    _, out, _ = check(capsys, "--color", "always", "app.py")
    assert ANSI in out


def test_color_auto_into_output_file_is_plain(tmp_path: Path) -> None:
    write(tmp_path / "app.py", APP)
    _run_in_pty(["--color", "auto", "-o", "report.txt", "app.py"], tmp_path, _env())
    text = (tmp_path / "report.txt").read_text("utf-8")
    assert text.splitlines()[0] == BL203_LINE
    assert ANSI not in text


# --------------------------------------------------------------------------- -o/--output-file


@pytest.mark.parametrize("flag", ["-o", "--output-file"])
def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, flag: str) -> None:
    write(tmp_path / "app.py", APP)
    code, out, err = check(capsys, flag, "report.json", "--output-format", "json", "app.py")
    assert (code, out, err) == (1, "", "")
    doc = json.loads((tmp_path / "report.json").read_text("utf-8"))
    validate_json(doc)
    assert [d["code"] for d in doc["diagnostics"]] == ["BL203", "BL205"]


def test_output_file_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "app.py", APP)
    code, out, _ = check(capsys, "-o", "report.txt", "app.py")
    assert (code, out) == (1, "")
    text = (tmp_path / "report.txt").read_text("utf-8")
    assert text.splitlines()[0] == BL203_LINE
    assert text.endswith("Found 2 findings (2 more with --unsafe-fixes).\n")


def test_output_file_unwritable_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "app.py", APP)
    (tmp_path / "adir").mkdir()
    code, out, err = check(capsys, "-o", "adir", "app.py")
    assert (code, out) == (2, "")
    assert err.startswith("betalint: error: adir: cannot write the report")
    assert err.count("\n") == 1


# --------------------------------------------------------------------------- stdin


def test_stdin_with_filename(tmp_path: Path) -> None:
    result = proc("--stdin-filename", "src/client.py", "-", cwd=tmp_path, stdin=APP.encode())
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == BL203_LINE.replace("app.py", "src/client.py")
    assert lines[1].startswith(BL205_PREFIX.replace("app.py", "src/client.py"))
    assert lines[2] == "Found 2 findings (2 more with --unsafe-fixes)."


def test_stdin_without_filename_is_dash(tmp_path: Path) -> None:
    result = proc("-", cwd=tmp_path, stdin=betas_py(GA).encode())
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(f"-:1:11: BL203 {GA} ")


def test_stdin_clean_exits_0(tmp_path: Path) -> None:
    result = proc("-", cwd=tmp_path, stdin=betas_py(ACTIVE).encode())
    assert (result.returncode, result.stdout) == (0, "All checks passed!\n")


def test_stdin_filename_picks_up_that_files_config(tmp_path: Path) -> None:
    write(tmp_path / "pkg" / "pyproject.toml", '[tool.betalint]\nselect = ["BL205"]\n')
    result = proc("--stdin-filename", "pkg/x.py", "-", cwd=tmp_path, stdin=APP.encode())
    assert result.returncode == 1
    assert codes_of(result.stdout) == ["BL205"]


def test_stdin_filename_is_a_directory_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    result = proc("--stdin-filename", "pkg", "-", cwd=tmp_path, stdin=APP.encode())
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "is a directory" in result.stderr


# --------------------------------------------------------------------------- --force-exclude


def test_force_exclude_skips_an_explicit_excluded_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "node_modules" / "pkg" / "x.py", betas_py(GA))
    write(tmp_path / "gen" / "y.py", betas_py(GA))
    write(tmp_path / "pyproject.toml", '[tool.betalint]\nextend-exclude = ["gen"]\n')
    # named explicitly, an excluded file is checked (as ruff) …
    code, out, _ = check(capsys, "node_modules/pkg/x.py", "gen/y.py")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == [
        "gen/y.py",
        "node_modules/pkg/x.py",
    ]  # reports are ordered by path, not by argument order
    # … unless --force-exclude (pre-commit passes every staged file)
    assert check(capsys, "--force-exclude", "node_modules/pkg/x.py", "gen/y.py") == (
        0,
        "All checks passed!\n",
        "",
    )


def test_force_exclude_with_stdin_filename(tmp_path: Path) -> None:
    data = betas_py(GA).encode()
    name = "node_modules/pkg/x.py"
    plain = proc("--stdin-filename", name, "-", cwd=tmp_path, stdin=data)
    assert plain.returncode == 1
    forced = proc("--force-exclude", "--stdin-filename", name, "-", cwd=tmp_path, stdin=data)
    assert (forced.returncode, forced.stdout) == (0, "All checks passed!\n")


# --------------------------------------------------------------------------- paths, exit 2


def test_default_path_is_cwd(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "app.py", APP)
    write(tmp_path / "b" / "c.py", betas_py(GA))
    write(tmp_path / "ok.py", betas_py(ACTIVE))
    code, out, _ = check(capsys)
    assert code == 1
    assert [line.split(": ")[0] for line in out.splitlines()[:-1]] == [
        "app.py:6:13",
        "app.py:6:42",
        "b/c.py:1:11",
    ]
    assert out.splitlines()[-1] == "Found 3 findings (2 more with --unsafe-fixes)."


def test_missing_path_is_exit_2_others_still_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "app.py", APP)
    code, out, err = check(capsys, "nope.py", "app.py", "gone/")
    assert code == 2
    assert out.splitlines()[0] == BL203_LINE
    assert out.splitlines()[-1] == "Found 2 findings (2 more with --unsafe-fixes)."
    errors = err.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("betalint: error: nope.py: ")
    assert errors[1].startswith("betalint: error: gone")


def test_missing_path_alone_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = check(capsys, "nope.py")
    assert code == 2
    assert err == "betalint: error: nope.py: No such file or directory\n"


def test_exit_codes_across_the_process_boundary(tmp_path: Path) -> None:
    write(tmp_path / "app.py", APP)
    write(tmp_path / "ok.py", betas_py(ACTIVE))
    assert proc("ok.py", cwd=tmp_path).returncode == 0
    assert proc("app.py", cwd=tmp_path).returncode == 1
    missing = proc("app.py", "nope.py", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == "betalint: error: nope.py: No such file or directory\n"
    usage = proc("--output-format", "xml", "app.py", cwd=tmp_path)
    assert usage.returncode == 2
    assert "Traceback" not in usage.stderr


# --------------------------------------------------------------------------- suppressions

SUPPRESSED_PY = f"""\
betas = ["{GA}", "{ACTIVE}"]  # betalint: ignore[BL203]
# betalint: ignore[BL203]
betas = ["{GA}", "{ACTIVE}"]
betas = ["{GA}", "{ACTIVE}"]
betas = ["{RETIRED}", "{ACTIVE}"]  # betalint: ignore
"""
SUPPRESSED_TS = f"""\
const betas = ["{GA}", "{ACTIVE}"]; // betalint: ignore[BL203]
// betalint: ignore[BL203]
const more = {{ betas: ["{GA}", "{ACTIVE}"] }};
const last = {{ betas: ["{GA}", "{ACTIVE}"] }};
"""
SUPPRESSED_MD = f"""\
Send `anthropic-beta: {GA}` <!-- betalint: ignore[BL203] -->

<!-- betalint: ignore[BL203] -->
Send `anthropic-beta: {GA}`

Send `anthropic-beta: {GA}`
"""


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.py", SUPPRESSED_PY, [("a.py", 4, 11, "BL203")]),
        ("b.ts", SUPPRESSED_TS, [("b.ts", 4, 25, "BL203")]),
        ("c.md", SUPPRESSED_MD, [("c.md", 6, 23, "BL203")]),
    ],
)
def test_suppressions_in_any_comment_syntax(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    name: str,
    text: str,
    expected: list[tuple[str, int, int, str]],
) -> None:
    """On the line, or alone on the line above; only the unsuppressed line is reported."""
    write(tmp_path / name, text)
    code, out, _ = check(capsys, "--output-format", "json", name)
    found = [(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(out)["diagnostics"]]
    assert found == expected
    assert code == 1


def test_suppression_only_covers_the_named_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "a.py", f'betas = ["{GA}", "{RETIRED}"]  # betalint: ignore[BL203]\n')
    code, out, _ = check(capsys, "a.py")
    assert code == 1
    assert codes_of(out) == ["BL205"]


def test_suppression_above_does_not_reach_two_lines_down(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "a.py", f'# betalint: ignore[BL203]\nx = 1\nbetas = ["{GA}", "{ACTIVE}"]\n')
    _, out, _ = check(capsys, "a.py")
    assert codes_of(out) == ["BL901", "BL203"]
    assert out.splitlines()[0].startswith("a.py:1:3: BL901 [*] unused suppression '[BL203]'")


def test_unused_suppression_is_bl901(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "a.py", f'betas = ["{ACTIVE}"]\nx = 1  # betalint: ignore[BL205]\n')
    code, out, _ = check(capsys, "a.py")
    assert code == 1
    assert out.splitlines() == [
        "a.py:2:10: BL901 [*] unused suppression '[BL205]': it matched no finding; remove it",
        "Found 1 finding (1 fixable with --fix).",
    ]
    # a code that is used on the same directive keeps it quiet
    write(tmp_path / "b.py", f'betas = ["{GA}", "{ACTIVE}"]  # betalint: ignore[BL203]\n')
    assert check(capsys, "b.py") == (0, "All checks passed!\n", "")


def test_unused_suppression_in_a_file_without_betas(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "a.py", "x = 1  # betalint: ignore[BL205]\n")
    code, out, _ = check(capsys, "a.py")
    assert code == 1
    assert out.splitlines()[0] == (
        "a.py:1:10: BL901 [*] unused suppression '[BL205]': it matched no finding; remove it"
    )


def test_unused_suppression_on_stdin_without_betas(tmp_path: Path) -> None:
    result = proc(
        "--stdin-filename", "a.py", "-", cwd=tmp_path, stdin=b"x = 1  # betalint: ignore\n"
    )
    assert result.returncode == 1
    assert result.stdout.startswith("a.py:1:10: BL901 [*] ")


def test_ignore_bl901(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "a.py", f'betas = ["{ACTIVE}"]\nx = 1  # betalint: ignore[BL205]\n')
    assert check(capsys, "--ignore", "BL901", "a.py") == (0, "All checks passed!\n", "")


def test_unused_blanket_suppression_is_bl901(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "a.ts", f'const betas = ["{ACTIVE}"]; // betalint: ignore\n')
    code, out, _ = check(capsys, "a.ts")
    assert code == 1
    assert out.splitlines()[0].startswith("a.ts:1:47: BL901 [*] unused suppression ")


# --------------------------------------------------------------------------- discovery


def test_binary_file_is_skipped_quietly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02" + GA.encode() + b"\x00\xff" * 50)
    (tmp_path / "blob.py").write_bytes(b"betas = ['" + GA.encode() + b"']\x00\x00\n")
    assert check(capsys) == (0, "All checks passed!\n", "")
    assert check(capsys, "blob.bin", "blob.py") == (0, "All checks passed!\n", "")


@pytest.mark.parametrize(
    "excluded",
    [".venv/lib/x.py", "node_modules/pkg/x.py", "__pycache__/x.py", ".git/x.py", "dist/x.py"],
)
def test_default_excludes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, excluded: str
) -> None:
    write(tmp_path / excluded, betas_py(GA))
    write(tmp_path / "sub" / excluded, betas_py(GA))  # at any depth
    write(tmp_path / "ok.py", betas_py(ACTIVE))
    assert check(capsys) == (0, "All checks passed!\n", "")
    # explicitly named, it is checked
    code, out, _ = check(capsys, excluded)
    assert code == 1
    assert out.startswith(f"{excluded}:1:11: BL203 ")


def test_symlink_loop_terminates(tmp_path: Path) -> None:
    write(tmp_path / "a" / "app.py", APP)
    (tmp_path / "a" / "up").symlink_to("..", target_is_directory=True)
    (tmp_path / "a" / "self").symlink_to(".", target_is_directory=True)
    (tmp_path / "loop1").symlink_to("loop2")
    (tmp_path / "loop2").symlink_to("loop1")
    result = proc(".", cwd=tmp_path)  # the timeout in proc() fails the test if it loops
    assert result.returncode == 1
    # the real file is reported once, never again through a link; dangling links are quiet
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0] == BL203_LINE.replace("app.py", "a/app.py")
    assert lines[1].startswith(BL205_PREFIX.replace("app.py", "a/app.py"))
    assert result.stderr == ""


NOTEBOOK = f"""{{
 "cells": [
  {{
   "cell_type": "code",
   "metadata": {{}},
   "source": [
    "import anthropic\\n",
    "client.beta.messages.create(betas=[\\"{GA}\\"])\\n"
   ],
   "outputs": [],
   "execution_count": null
  }},
  {{
   "cell_type": "markdown",
   "metadata": {{}},
   "source": ["Use `anthropic-beta: {RETIRED}`"]
  }}
 ],
 "metadata": {{}},
 "nbformat": 4,
 "nbformat_minor": 5
}}
"""


def test_notebook_positions_are_in_the_raw_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "nb.ipynb", NOTEBOOK)
    code, out, _ = check(capsys, "--output-format", "json", "nb.ipynb")
    assert code == 1
    doc = json.loads(out)
    validate_json(doc)
    raw = NOTEBOOK.splitlines()
    found = []
    for d in doc["diagnostics"]:
        line = raw[d["line"] - 1]
        # columns count code points of the raw JSON line: the span slices to the name
        assert line[d["column"] - 1 : d["end_column"] - 1] == d["name"]
        found.append((d["line"], d["column"], d["code"], d["name"]))
    assert found == [(8, 43, "BL203", GA), (16, 37, "BL205", RETIRED)]


# --------------------------------------------------------------------------- scanner noise


def test_docstring_describing_header_syntax_is_quiet(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(
        tmp_path / "doc.py",
        "def f(text, key_end, region):\n"
        '    """Handles `"anthropic-beta": v`, `"ANTHROPIC_BETA" => v`, '
        '`headers["anthropic-beta"] = v`,\n'
        '    and call pairs `set("anthropic-beta", v)`."""\n'
        "    return match(text, key_end, region.end)\n",
    )
    assert check(capsys, "doc.py") == (0, "All checks passed!\n", "")
