"""linter/rules/docs.py, the `explain`/`rules` commands and the generated docs/rules.md."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

import betalint.linter.cli.report  # noqa: F401  (registers the commands on the group)
from betalint.linter.cli import main
from betalint.linter.rules import RULES
from betalint.linter.rules.docs import explain, find_rule, rules_json, rules_markdown
from betalint.registry.errors import BetalintError

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_renders_all_sections(code: str) -> None:
    r = RULES[code]
    text = explain(code)
    kind = r.severity if r.default_enabled else f"{r.severity}, off by default"
    assert text.startswith(f"{code} {r.name} ({kind})\n")
    for heading in ("What it does", "Why is this bad?", "Example", "Fix safety"):
        assert f"\n{heading}\n" in text
    assert r.what in text and r.why in text and r.fix_safety in text
    assert text.rstrip().endswith(f"Docs: {r.url}")
    # The availability sentence and the rule's own words never say the same thing twice.
    assert "No fix. No fix" not in text and "No fix. No fix" not in rules_markdown()


@pytest.mark.parametrize("query", ["BL202", "bl202", " BL202 ", "superseded", "Superseded"])
def test_lookup_by_code_or_name(query: str) -> None:
    assert find_rule(query).code == "BL202"


@pytest.mark.parametrize("query", ["BL999", "BL20", "", "superseeded"])
def test_unknown_code_lists_valid_ones(query: str) -> None:
    with pytest.raises(BetalintError, match=r"unknown rule .*; valid codes: BL101, BL102"):
        explain(query)


def test_rules_json_has_every_rule_with_its_docs() -> None:
    rows = rules_json()
    assert [r["code"] for r in rows] == sorted(RULES)
    assert set(rows[0]) == {
        "code",
        "name",
        "severity",
        "summary",
        "fix",
        "what",
        "why",
        "example",
        "fix_safety",
        "url",
        "default_enabled",
    }
    assert all(r["url"] == RULES[r["code"]].url for r in rows)
    assert [r["code"] for r in rows if not r["default_enabled"]] == ["BL404"]


def test_cli_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "bl203"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("BL203 no-longer-needed (warning)")


def test_cli_explain_unknown_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "XX1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("betalint: error: unknown rule 'XX1'; valid codes: BL101")
    assert err.count("\n") == 1


def test_cli_rules_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(RULES)
    assert re.match(r"BL101  malformed-name +error +sometimes +a beta name", lines[0])
    assert main(["rules", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == rules_json()


def _gen_script() -> ModuleType:
    path = ROOT / "scripts" / "gen_rules_doc.py"
    spec = importlib.util.spec_from_file_location("gen_rules_doc", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_docs_are_up_to_date() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "run: python scripts/gen_rules_doc.py"
    assert _gen_script().main(["--check"]) == 0


def test_docs_check_detects_a_stale_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gen = _gen_script()
    gen.TARGET = tmp_path / "rules.md"
    gen.TARGET.write_text("# Rules\nold\n")
    gen.README = tmp_path / "README.md"
    gen.README.write_text("x\n<!-- rules-table:start -->\nold\n<!-- rules-table:end -->\n")
    gen.CONFIG = tmp_path / "configuration.md"
    assert gen.main(["--check"]) == 1
    assert gen.main([]) == 0
    assert gen.main(["--check"]) == 0
    assert "| [BL101]" in gen.README.read_text()


def test_every_rule_url_anchor_has_a_heading() -> None:
    doc = rules_markdown()
    for r in RULES.values():
        anchor = r.url.rsplit("#", 1)[1]
        assert f"\n## {anchor.upper()}\n" in doc
        assert anchor == r.code.lower()
