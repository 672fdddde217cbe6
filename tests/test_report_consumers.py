"""Every format read back by its consumer's own parser, from one real run over a file whose
name holds a newline, a comma, a colon, `%` and terminal escapes: exactly one record per
finding, each naming the real file (or, where the format cannot hold the name, its escape).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
from _consumers import github_commands, multitool_problems, schema

from betalint.linter.report.escape import printable

# A line of its own that a runner would act on, CSI clear-screen, an OSC window title.
HOSTILE = "ev\n::error file=fake.py,line=1::X, 50%25: %0A\x1b[2J\x1b]0;owned\x07.py"
CLEAN = "ok.py"
# Two findings in the hostile file, one in the other: three records in every format.
SOURCE = 'BETAS = ["files-api-2025-4-14", "files-api-2025-4-14x"]\n'
OTHER = 'BETAS = ["files-api-2025-4-14"]\n'
EXPECTED = {HOSTILE: 2, CLEAN: 1}
FORMATS = ("json", "sarif", "github", "gitlab", "junit", "rdjson")


def _betalint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "betalint", "check", "--today", "2026-11-01", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("consumers") / "repo"
    (root / "src").mkdir(parents=True)
    (root / ".git").mkdir()  # the project root: paths are written relative to it
    (root / "src" / HOSTILE).write_text(SOURCE, encoding="utf-8")
    (root / "src" / CLEAN).write_text(OTHER, encoding="utf-8")
    (root / "src" / "nothing.py").write_text("print('no betas')\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def reports(project: Path) -> dict[str, str]:
    """One run writing every machine format (and text to stdout) from the same findings."""
    out = project.parent / "reports"
    out.mkdir()
    specs = [f"--output-format={f}:{out / f}" for f in FORMATS]
    done = _betalint("--output-format", "text", *specs, "src", cwd=project)
    assert done.returncode == 1, done.stderr
    texts = {f: (out / f).read_text(encoding="utf-8") for f in FORMATS}
    texts["text"] = done.stdout
    texts["stderr"] = done.stderr
    return texts


def _per_file(paths: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for p in paths:
        assert p.startswith("src/"), p  # relative to the project root, `/`-separated
        counts[p.removeprefix("src/")] = counts.get(p.removeprefix("src/"), 0) + 1
    return counts


def test_text_one_line_per_finding_and_no_control_character(reports: dict[str, str]) -> None:
    lines = reports["text"].split("\n")
    assert lines[-1] == "" and lines[-2].startswith("Found 3 findings")
    findings = lines[:-2]
    assert len(findings) == 3
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", reports["text"])
    shown = [line.split(":1:")[0] for line in findings]
    assert _per_file(shown) == {printable(HOSTILE): 2, CLEAN: 1}
    assert reports["stderr"] == ""


@pytest.mark.parametrize("color", ["never", "always"])
def test_text_escapes_with_either_colour_setting(project: Path, color: str) -> None:
    done = _betalint("--color", color, "src", cwd=project)
    without_ours = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout)  # click's own SGR colours
    assert "\x1b" not in without_ours and "\x07" not in without_ours
    assert without_ours.count("\n") == 4
    assert (color == "always") == ("\x1b[" in done.stdout)


def test_json(reports: dict[str, str]) -> None:
    doc = json.loads(reports["json"])
    jsonschema.Draft202012Validator(_output_schema()).validate(doc)
    assert _per_file([d["path"] for d in doc["diagnostics"]]) == EXPECTED


def _output_schema() -> Any:
    from importlib.resources import files

    return json.loads(files("betalint.linter").joinpath("schemas/output.schema.json").read_text())


def test_sarif_schema_sarif_tools_and_multitool(reports: dict[str, str], tmp_path: Path) -> None:
    doc = json.loads(reports["sarif"])
    jsonschema.Draft7Validator(schema("sarif-schema-2.1.0.json")).validate(doc)
    (run,) = doc["runs"]
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert {loc["uriBaseId"] for loc in locations} == {"%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/repo/")
    assert _per_file([unquote(loc["uri"]) for loc in locations]) == EXPECTED
    assert all(":" not in loc["uri"] for loc in locations)  # no segment reads as a scheme

    sarif_file = tmp_path / "betalint.sarif"
    sarif_file.write_text(reports["sarif"], encoding="utf-8")
    loader = pytest.importorskip("sarif.loader")  # sarif-tools, a dev dependency
    loaded = loader.load_sarif_file(str(sarif_file))
    assert loaded.get_result_count() == 3
    assert multitool_problems(sarif_file, tmp_path) == []


def test_github_workflow_commands(reports: dict[str, str]) -> None:
    commands = github_commands(reports["github"])
    assert [c.name for c in commands] == ["error", "error", "error"]
    assert _per_file([c.properties["file"] for c in commands]) == EXPECTED
    assert all(c.properties["line"] == "1" and c.data.startswith("BL") for c in commands)
    assert len(reports["github"].splitlines()) == 3


def test_gitlab_code_quality(reports: dict[str, str]) -> None:
    issues = json.loads(reports["gitlab"])
    validator = jsonschema.Draft7Validator(schema("gitlab-codeclimate.schema.json"))
    for issue in issues:
        validator.validate(issue)
    assert _per_file([i["location"]["path"] for i in issues]) == EXPECTED


def test_junit(reports: dict[str, str]) -> None:
    junitparser = pytest.importorskip("junitparser")
    xml = junitparser.JUnitXml.fromstring(reports["junit"].encode("utf-8"))
    failed = [s.name for s in xml for c in s if c.is_failure]
    passed = [s.name for s in xml for c in s if c.is_passed]
    # XML 1.0 cannot carry ESC or BEL even escaped: the name is shown as text uses it.
    assert _per_file(failed) == {printable(HOSTILE): 2, CLEAN: 1}
    assert passed == ["src/nothing.py"]
    assert (xml.tests, xml.failures) == (4, 3)


def test_rdjson(reports: dict[str, str]) -> None:
    doc = json.loads(reports["rdjson"])
    jsonschema.Draft4Validator(schema("reviewdog-DiagnosticResult.schema.json")).validate(doc)
    assert _per_file([d["location"]["path"] for d in doc["diagnostics"]]) == EXPECTED


def test_stderr_notices_are_one_inert_line(project: Path) -> None:
    missing = "gone\n::error file=x.py::forged\x1b[2J.py"
    plain = _betalint(missing, cwd=project)
    (line,) = plain.stderr.splitlines()
    assert line.startswith("betalint: error: ") and "\x1b" not in line
    assert github_commands(plain.stderr) == []

    github = _betalint("--output-format", "github", missing, cwd=project)
    (command,) = github_commands(github.stderr)  # only our own, escaped as annotations are
    assert command.name == "error" and command.properties == {"title": "betalint"}
    assert "gone\\n::error file=x.py::forged\\x1b[2J.py" in command.data
    assert len(github.stderr.splitlines()) == 1
