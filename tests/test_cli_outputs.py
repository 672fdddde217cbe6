"""Several reports from one run: `--output-format FORMAT[:PATH]` repeatable, `-o` for the
single-format case, findings computed once, one summary."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from betalint.linter import parallel
from betalint.linter.cli import main
from betalint.linter.report.outputs import Output, parse_output, resolve_outputs
from betalint.registry.errors import BetalintError

FINDING = 'BETAS = ["files-api-2025-4-14"]\n'


@pytest.fixture(autouse=True)
def _project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "app.py").write_text(FINDING)
    yield


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_on_stdout_and_sarif_and_junit_in_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = parallel.check_path
    monkeypatch.setattr(
        parallel, "check_path", lambda path, *a: calls.append(path) or real(path, *a)
    )
    (tmp_path / "reports").mkdir()
    code, out, err = _run(
        capsys,
        "--output-format", "text",
        "--output-format", "sarif:betalint.sarif",
        "--output-format=junit:reports/junit.xml",
        "app.py",
    )  # fmt: skip
    assert code == 1 and err == ""
    assert calls == ["app.py"]  # the file was checked once for all three reports
    assert out.startswith("app.py:1:11: BL101 ") and out.count("Found 1 finding") == 1
    sarif = json.loads((tmp_path / "betalint.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["BL101"]
    assert 'failures="1"' in (tmp_path / "reports" / "junit.xml").read_text()


def test_no_text_report_means_no_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--output-format", "json", "--output-format", "sarif:x", "app.py")
    assert code == 1 and "Found" not in out
    assert json.loads(out)["diagnostics"][0]["code"] == "BL101"


def test_output_file_still_names_the_single_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _run(capsys, "--output-format", "gitlab", "-o", "gl.json", "app.py")
    assert code == 1 and out == ""
    assert json.loads((tmp_path / "gl.json").read_text())[0]["check_name"] == "BL101"
    code, out, _ = _run(capsys, "-o", "report.txt", "app.py")  # text by default
    assert out == "" and "BL101" in (tmp_path / "report.txt").read_text()


def test_output_file_goes_to_the_one_format_without_a_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _run(
        capsys, "--output-format", "sarif:s.sarif", "--output-format", "json", "-o", "j.json",
        "app.py",
    )  # fmt: skip
    assert code == 1 and out == ""
    assert (tmp_path / "s.sarif").exists() and (tmp_path / "j.json").exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--output-format", "json", "--output-format", "text"], "would both print to stdout"),
        (["--output-format", "json", "--output-format", "text", "-o", "x"], "several formats"),
        (["--output-format", "json:x", "-o", "y"], "every --output-format names its file"),
        (["--output-format", "json:x", "--output-format", "sarif:./x"], "both write ./x"),
        (["--output-format", "xml"], "unknown format 'xml'"),
        (["--output-format", "sarif:"], "no file after ':'"),
        (["--statistics", "--output-format", "sarif"], "--statistics with --output-format sarif"),
    ],
)
def test_bad_combinations_are_one_line_exit_2_before_any_file_is_read(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str], says: str
) -> None:
    monkeypatch.setattr(parallel, "check_path", lambda *a: pytest.fail("a file was read"))
    code, out, err = _run(capsys, *args, "app.py")
    assert code == 2 and out == ""
    (line,) = err.splitlines()
    assert line.startswith("betalint: error: ") and says in line


def test_parse_output() -> None:
    assert parse_output("SARIF") == Output("sarif")
    assert parse_output("sarif:C:\\out\\b.sarif") == Output("sarif", "C:\\out\\b.sarif")
    assert parse_output("junit:a:b.xml") == Output("junit", "a:b.xml")
    with pytest.raises(BetalintError):
        parse_output("rd-json")
    assert resolve_outputs([], None) == [Output("text")]
