"""`betalint validate --platform/--model` and `betalint registry export --platform`."""

from __future__ import annotations

import json

import pytest

from betalint.linter.cli import main
from betalint.linter.cli.platforms import platform_lines
from betalint.registry.loader import load_registry
from betalint.registry.validator import classify


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_vertex_names_its_own_tool_search_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--platform", "vertex", "advanced-tool-use-2025-11-20")
    assert code == 1
    assert (
        "mapped     Google Vertex AI does not take advanced-tool-use-2025-11-20; it takes "
        "tool-search-tool-2025-10-19" in out
    )


def test_bedrock_files_api_is_unsupported(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--platform", "bedrock", "files-api-2025-04-14")
    assert code == 1
    assert "unsupported files-api-2025-04-14 is unsupported on Amazon Bedrock" in out


def test_model_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "validate",
        "--platform",
        "bedrock",
        "--model",
        "claude-sonnet-4-5",
        "--today",
        "2026-11-25",
        "context-1m-2025-08-07, interleaved-thinking-2025-05-14",
    )
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith("no-effect  no effect on claude-sonnet-4-5") for line in lines)
    assert any(line.startswith("supported  interleaved-thinking-2025-05-14") for line in lines)


def test_supported_active_beta_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "validate",
        "--platform",
        "foundry",
        "--today",
        "2026-11-25",
        "mcp-client-2025-11-20",
    )
    assert code == 0 and "supported  mcp-client-2025-11-20 is supported on Microsoft Foundry" in out


def test_json_carries_the_platform(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "validate",
        "--format",
        "json",
        "--platform",
        "bedrock",
        "advanced-tool-use-2025-11-20",
    )
    (item,) = json.loads(out)
    assert code == 1 and item["ok"] is False
    assert item["platform"]["status"] == "mapped"
    assert item["platform"]["forward"] == "tool-search-tool-2025-10-19"
    assert item["platform"]["sources"]


def test_unknown_platform_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", "--platform", "mars", "files-api-2025-04-14")
    assert code == 2 and "unknown platform 'mars'" in err and len(err.splitlines()) == 1


def test_export_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "registry", "export", "--platform", "vertex", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["platform"] == "vertex" and data["version"] == 1
    assert data["map"]["advanced-tool-use-2025-11-20"] == "tool-search-tool-2025-10-19"
    assert "files-api-2025-04-14" in data["deny"]
    assert "context-management-2025-06-27" in data["allow"]


def test_export_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "registry", "export", "--platform", "bedrock", "--format", "text")
    assert code == 0
    assert "map      advanced-tool-use-2025-11-20 -> tool-search-tool-2025-10-19" in out
    assert "deny     files-api-2025-04-14: " in out


def test_platform_lines_without_options_say_nothing() -> None:
    verdicts = [classify("files-api-2025-04-14", registry=load_registry())]
    assert platform_lines(verdicts, None, None) == []
