"""`betalint validate`, `betalint registry check|list|show`, `--version` and the library API.

In process through `main(argv)` (the console script's entry point) with capsys, and as a
real process (`python -m betalint`) for exit codes, stderr and the absence of tracebacks.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import betalint
from betalint.linter.cli import main
from betalint.registry.loader import load_registry

DATA = Path(__file__).parent / "data" / "registries"
TODAY = "2026-11-25"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def proc(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "betalint", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# validate: exit codes


def test_validate_all_valid_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "validate", "--today", TODAY, "computer-use-2025-01-24", "claude-code-20250219"
    )
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert len(lines) == 2
    assert all(line.startswith("valid ") for line in lines)


@pytest.mark.parametrize(
    ("name", "kind"),
    (
        ("files-api-2025-4-14", "malformed"),
        ("prompt-cacheing-2024-07-31", "unknown"),
        ("mcp-client-2025-04-04", "superseded"),
        ("prompt-caching-2024-07-31", "ga"),
        ("token-efficient-tools-2025-02-19", "deprecated"),
        ("computer-use-2024-10-22", "retired"),
    ),
)
def test_validate_any_finding_exits_1(
    capsys: pytest.CaptureFixture[str], name: str, kind: str
) -> None:
    code, out, _ = run(capsys, "validate", "--today", TODAY, "computer-use-2025-01-24", name)
    assert code == 1
    first, second = out.splitlines()[:2]
    assert first.startswith("valid ")
    assert second.split()[0] == kind
    assert name in second


def test_validate_prints_docs_for_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--today", TODAY, "prompt-caching-2024-07-31")
    assert code == 1
    assert "no longer needed" in out
    assert "    docs: https://" in out


def test_validate_header_value_as_one_argument(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "validate", "--today", TODAY, "computer-use-2025-01-24, files-api-2025-4-14"
    )
    assert code == 1
    kinds = [line.split()[0] for line in out.splitlines() if not line.startswith(" ")]
    assert kinds == ["valid", "malformed"]


def test_validate_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "validate",
        "--format",
        "json",
        "--today",
        TODAY,
        "computer-use-2025-01-24, files-api-2025-4-14",
    )
    assert code == 1
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 2
    keys = {
        "name",
        "kind",
        "ok",
        "message",
        "replacement",
        "certain",
        "canonical",
        "problem",
        "suggestions",
        "docs_url",
    }
    assert all(keys <= item.keys() for item in data)
    valid, malformed = data
    assert (valid["name"], valid["kind"], valid["ok"]) == ("computer-use-2025-01-24", "valid", True)
    assert malformed["kind"] == "malformed"
    assert malformed["ok"] is False
    assert malformed["replacement"] == "files-api-2025-04-14"
    assert malformed["certain"] is True
    assert malformed["problem"] == "date-digits"
    assert malformed["suggestions"] == []


@pytest.mark.parametrize(
    "argv",
    (
        ["validate"],  # no names
        ["validate", "--today", "2026-13-01", "computer-use-2025-01-24"],
        ["validate", "--today", "tomorrow", "computer-use-2025-01-24"],
        ["validate", "--format", "yaml", "computer-use-2025-01-24"],
        ["no-such-command"],
    ),
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.strip()
    assert "Traceback" not in err


def test_bad_today_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", "--today", "2026-13-01", "computer-use-2025-01-24")
    assert code == 2
    assert err == "betalint: error: --today '2026-13-01' is not a date; write YYYY-MM-DD\n"


def test_today_changes_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    reg = str(DATA / "lifecycle.toml")
    name = "future-ga-2025-01-01"
    before = run(capsys, "validate", "--registry", reg, "--today", "2026-05-31", name)
    on = run(capsys, "validate", "--registry", reg, "--today", "2026-06-01", name)
    assert (before[0], before[1].split()[0]) == (0, "valid")
    assert (on[0], on[1].split()[0]) == (1, "ga")


def test_validate_with_a_registry_file(capsys: pytest.CaptureFixture[str]) -> None:
    reg = str(DATA / "valid.toml")
    assert run(capsys, "validate", "--registry", reg, "alpha-2025-06-01")[0] == 0
    # the shipped names are not in this registry
    code, out, _ = run(capsys, "validate", "--registry", reg, "computer-use-2025-01-24")
    assert code == 1
    assert out.startswith("unknown ")


# broken registries: exit 2, one line on stderr, no traceback — in process and as a process

BROKEN = (
    "bad_toml.toml",
    "unknown_status.toml",
    "unknown_key.toml",
    "missing_sources.toml",
    "empty_sources.toml",
    "dangling_superseded_by.toml",
    "cycle.toml",
    "cycle_dated.toml",
    "successor_earlier.toml",
    "does_not_exist.toml",
)


def _one_error_line(err: str, path: Path) -> None:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"betalint: error: {path}: ")
    assert "Traceback" not in err


# Files that load but fail the integrity check: `registry check` lists every problem on
# stdout (that is its job); every other command refuses with one error line.
INTEGRITY = {
    "empty_sources.toml",
    "dangling_superseded_by.toml",
    "cycle.toml",
    "cycle_dated.toml",
    "successor_earlier.toml",
}


def _check_output(out: str, err: str, name: str) -> None:
    """`registry check` on a registry that loads but is unsound: problems, then a summary."""
    *problems, summary = out.splitlines()
    assert problems and all(p.startswith('[betas."') for p in problems), out
    assert summary.endswith(f"problems ({DATA / name})") and f"{len(problems)} problems" in summary
    assert err == ""


@pytest.mark.parametrize("name", BROKEN)
def test_broken_registry_in_process(capsys: pytest.CaptureFixture[str], name: str) -> None:
    path = DATA / name
    for argv in (
        ["registry", "check", "--registry", str(path)],
        ["validate", "--registry", str(path), "computer-use-2025-01-24"],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 2, argv
        if argv[0] == "registry" and name in INTEGRITY:
            _check_output(out, err, name)
            continue
        assert out == ""
        _one_error_line(err, path)


# `validate` shares main() with `registry check`: as a process, three of them suffice.
AS_A_PROCESS = [("registry", "check", "--registry", name) for name in BROKEN] + [
    ("validate", "--registry", name, "computer-use-2025-01-24")
    for name in ("bad_toml.toml", "cycle.toml", "does_not_exist.toml")
]


@pytest.mark.slow
@pytest.mark.parametrize("argv", AS_A_PROCESS, ids=" ".join)
def test_broken_registry_as_a_process(argv: tuple[str, ...]) -> None:
    path = DATA / next(a for a in argv if a.endswith(".toml"))
    result = proc(*(str(path) if a.endswith(".toml") else a for a in argv))
    assert result.returncode == 2, (argv, result.stderr)
    if argv[0] == "registry" and path.name in INTEGRITY:
        _check_output(result.stdout, result.stderr, path.name)
        return
    assert result.stdout == ""
    _one_error_line(result.stderr, path)


def test_clash_between_layers(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "registry",
        "check",
        "--registry",
        str(DATA / "valid.toml"),
        "--extra",
        str(DATA / "clash.toml"),
    ]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    _one_error_line(err, DATA / "clash.toml")
    assert "alpha-2025-06-01" in err and str(DATA / "valid.toml") in err
    result = proc(*argv)
    assert (result.returncode, result.stderr) == (2, err)


# registry check|list|show


def test_registry_check_shipped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "registry", "check")
    assert code == 0
    assert err == ""
    assert f"{len(load_registry())} names, 0 problems" in out


def test_registry_check_layers(capsys: pytest.CaptureFixture[str]) -> None:
    valid, extra = DATA / "valid.toml", DATA / "extra.toml"
    code, out, _ = run(capsys, "registry", "check", "--registry", str(valid), "--extra", str(extra))
    assert code == 0
    assert out == f"7 names, 0 problems ({valid}, {extra})\n"


def test_registry_list_status(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "registry", "list", "--status", "ga")
    assert code == 0
    rows = [line.split() for line in out.splitlines()]
    names = {row[0] for row in rows}
    assert "prompt-caching-2024-07-31" in names
    assert "computer-use-2025-01-24" not in names
    assert all(row[1] == "ga" for row in rows)
    expected = {n for n, e in load_registry().entries.items() if e.status == "ga"}
    assert names == expected


def test_registry_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "registry", "list", "--format", "json")
    assert code == 0
    data = json.loads(out)
    reg = load_registry()
    assert [item["name"] for item in data] == sorted(reg.entries)
    first = data[0]
    assert {
        "name",
        "status",
        "confidence",
        "sources",
        "notes",
        "superseded_by",
        "conflicts_with",
        "status_date",
        "docs_url",
        "platforms",
    } <= first.keys()
    dated = next(item for item in data if item["name"] == "prompt-caching-2024-07-31")
    assert dated["status"] == "ga"
    assert dated["status_date"] == "2024-12-17"  # dates as ISO strings


def test_registry_list_on_a_registry_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "registry", "list", "--registry", str(DATA / "valid.toml"), "--status", "active"
    )
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [
        "alpha-2025-06-01",
        "left-2025-02-02",
        "oddball-20250219",
        "right-2025-03-03",
    ]
    assert "(low confidence)" in out.splitlines()[2]


def test_registry_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "registry", "show", "mcp-client-2025-04-04")
    assert code == 0
    fields = {
        line.split()[0]: line.split(maxsplit=1)[1]
        for line in out.splitlines()
        if line and not line.startswith(" ")
    }
    assert fields["name"] == "mcp-client-2025-04-04"
    assert fields["status"] == "deprecated"
    assert fields["superseded_by"] == "mcp-client-2025-11-20"


def test_registry_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "registry", "show", "--format", "json", "agent-memory-2026-07-22")
    assert code == 0
    data = json.loads(out)
    assert data["name"] == "agent-memory-2026-07-22"
    assert data["conflicts_with"][0]["scope"] == "/v1/memory_stores"


def test_registry_show_unknown_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "registry", "show", "nope-2025-01-01")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "'nope-2025-01-01' is not in the registry" in err


# --version


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    reg = load_registry()
    code, out, _ = run(capsys, "--version")
    assert code == 0
    first, *sdks = out.splitlines()
    assert first == f"betalint {betalint.__version__}, registry {reg.version} ({reg.date})"
    # the SDK layer: this venv's anthropic (tests/test_sdk_layer.py covers the rest)
    assert sdks and all(line.startswith("SDK layer: ") for line in sdks)


@pytest.mark.slow
def test_version_as_a_process() -> None:
    result = proc("--version")
    assert result.returncode == 0
    reg = load_registry()
    assert betalint.__version__ in result.stdout
    assert reg.version in result.stdout
    assert reg.date.isoformat() in result.stdout


# as a process: exit codes and the header value as one argument


@pytest.mark.slow
def test_validate_as_a_process() -> None:
    ok = proc("validate", "--today", TODAY, "computer-use-2025-01-24")
    assert (ok.returncode, ok.stderr) == (0, "")
    assert ok.stdout.startswith("valid ")
    bad = proc("validate", "--today", TODAY, "computer-use-2025-01-24, files-api-2025-4-14")
    assert bad.returncode == 1
    assert [line.split()[0] for line in bad.stdout.splitlines() if not line.startswith(" ")] == [
        "valid",
        "malformed",
    ]
    usage = proc("validate")
    assert usage.returncode == 2
    assert "Traceback" not in usage.stderr


# the library API (DESIGN §10): lazy attributes


def test_library_parse() -> None:
    name = betalint.parse("files-api-2025-04-14")
    assert isinstance(name, betalint.BetaName)
    assert str(name) == "files-api-2025-04-14"
    with pytest.raises(betalint.BetaNameError) as info:
        betalint.parse("files-api-2025-4-14")
    assert info.value.corrected == "files-api-2025-04-14"


def test_library_load_registry() -> None:
    reg = betalint.load_registry(extra=[DATA / "extra.toml"])
    assert isinstance(reg, betalint.Registry)
    assert "private-2025-05-05" in reg and "computer-use-2025-01-24" in reg


def test_library_validate() -> None:
    import datetime as dt

    v = betalint.validate("files-api-2025-4-14", today=dt.date(2026, 11, 25))
    assert isinstance(v, betalint.Verdict)
    assert (v.kind, v.replacement, v.certain) == ("malformed", "files-api-2025-04-14", True)
    reg = betalint.load_registry(extra=[], base=DATA / "valid.toml")
    assert betalint.validate("alpha-2025-01-01", registry=reg).replacement == "alpha-2025-06-01"


def test_library_unknown_attribute() -> None:
    with pytest.raises(AttributeError):
        betalint.no_such_thing  # noqa: B018


def test_import_betalint_is_lazy() -> None:
    code = (
        "import sys, betalint; "
        "heavy = ('pydantic', 'click', 'betalint.registry.loader'); "
        "print([m for m in heavy if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_library_is_typed() -> None:
    assert (Path(betalint.__file__).parent / "py.typed").is_file()
