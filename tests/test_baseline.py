"""linter/baseline.py: record findings, match them after edits, report stale entries."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from betalint.linter.baseline import (
    Baseline,
    Entry,
    fingerprint,
    load_baseline,
    occurrence_fingerprints,
    write_baseline,
)
from betalint.linter.diagnostic import Diagnostic, LineIndex
from betalint.linter.rules import RULES
from betalint.registry.errors import BetalintError

SOURCE = 'import anthropic\nBETAS = ["mcp-client-2025-04-04"]\nX = "files-api-2025-4-14"\n'


def _diagnostics(path: str, text: str) -> list[Diagnostic]:
    """What a scan would report for these two names, wherever they sit in `text`."""
    out = []
    index = LineIndex(text)
    for code, name, context in (
        ("BL202", "mcp-client-2025-04-04", "betas-list"),
        ("BL101", "files-api-2025-4-14", "string"),
    ):
        start = text.find(name)
        while start != -1:
            end = start + len(name)
            (line, col), (end_line, end_col) = index.position(start), index.position(end)
            out.append(
                Diagnostic(
                    path,
                    code,
                    start,
                    end,
                    line,
                    col,
                    end_line,
                    end_col,
                    "m",
                    name,
                    None,
                    context,
                    severity=RULES[code].severity,
                    rule=RULES[code].name,
                )
            )
            start = text.find(name, end)
    return out


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src").mkdir()
    return tmp_path


def test_round_trip_matches_everything(repo: Path) -> None:
    diags = _diagnostics("src/app.py", SOURCE)
    assert write_baseline("betalint-baseline.json", diags) == 2
    new, matched = load_baseline("betalint-baseline.json").filter(diags)
    assert (new, matched) == ([], diags)


def test_lines_added_above_keep_findings_matched(repo: Path) -> None:
    write_baseline("b.json", _diagnostics("src/app.py", SOURCE))
    edited = "# a header comment\n\n\n" + SOURCE.replace("import anthropic", "import os, anthropic")
    baseline = load_baseline("b.json")
    new, matched = baseline.filter(_diagnostics("src/app.py", edited))
    assert new == []
    assert [d.line for d in matched] == [5, 6]
    assert baseline.unmatched() == []


def test_a_new_finding_is_reported_and_a_fixed_one_is_unmatched(repo: Path) -> None:
    write_baseline("b.json", _diagnostics("src/app.py", SOURCE))
    edited = SOURCE.replace('"files-api-2025-4-14"', '"files-api-2025-04-14"')
    edited += 'Y = ["mcp-client-2025-04-04"]\n'  # a second use of a known finding is new
    baseline = load_baseline("b.json")
    new, matched = baseline.filter(_diagnostics("src/app.py", edited))
    assert [(d.code, d.line) for d in matched] == [("BL202", 2)]
    assert [(d.code, d.line) for d in new] == [("BL202", 4)]
    assert baseline.unmatched() == [
        Entry("src/app.py", "BL101", "files-api-2025-4-14", "string", 1)
    ]


def test_unmatched_only_speaks_of_the_files_this_run_read(repo: Path) -> None:
    # pre-commit passes the changed files only: entries of the others are not stale.
    write_baseline("b.json", _diagnostics("src/app.py", SOURCE) + _diagnostics("src/b.py", SOURCE))
    baseline = load_baseline("b.json")
    baseline.filter(_diagnostics("src/b.py", SOURCE))
    assert baseline.unmatched(["src/b.py"]) == []
    assert {e.path for e in baseline.unmatched()} == {"src/app.py"}
    assert {e.path for e in baseline.unmatched(["./src/app.py"])} == {"src/app.py"}


def test_other_file_same_name_is_new(repo: Path) -> None:
    write_baseline("b.json", _diagnostics("src/app.py", SOURCE))
    new, matched = load_baseline("b.json").filter(_diagnostics("src/other.py", SOURCE))
    assert matched == [] and len(new) == 2


def test_paths_are_relative_to_the_baseline_file(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_baseline("b.json", _diagnostics("src/app.py", SOURCE))
    data = json.loads(Path("b.json").read_text())
    assert {e["path"] for e in data["entries"]} == {"src/app.py"}
    monkeypatch.chdir(repo / "src")  # same files, named from another directory
    new, _ = load_baseline("../b.json").filter(_diagnostics("app.py", SOURCE))
    assert new == []
    new, _ = load_baseline(repo / "b.json").filter(_diagnostics(str(repo / "src/app.py"), SOURCE))
    assert new == []


def test_file_is_versioned_sorted_and_counts_duplicates(repo: Path) -> None:
    twice = SOURCE + 'Z = ["mcp-client-2025-04-04"]\n'
    write_baseline("b.json", list(reversed(_diagnostics("src/app.py", twice))))
    data = json.loads(Path("b.json").read_text())
    assert data["version"] == 1
    assert [(e["code"], e["count"]) for e in data["entries"]] == [("BL101", 1), ("BL202", 2)]
    assert data["entries"][1]["fingerprint"] == fingerprint(
        "src/app.py", "BL202", "mcp-client-2025-04-04", "betas-list"
    )


def test_filter_accumulates_across_calls(repo: Path) -> None:
    diags = _diagnostics("src/app.py", SOURCE)
    write_baseline("b.json", diags[:1])
    baseline = load_baseline("b.json")
    assert baseline.filter(diags[:1]) == ([], diags[:1])
    assert baseline.filter(diags[:1]) == (diags[:1], [])  # the count is spent


@pytest.mark.parametrize(
    ("content", "message"),
    (
        ("{not json", r"b\.json:1: the baseline is not valid JSON"),
        ("[]", r"b\.json: not a betalint baseline: expected a JSON object"),
        ('{"version": 9, "entries": []}', r"unsupported version 9"),
        ('{"version": 1}', r"`entries` must be a list"),
        ('{"version": 1, "entries": [3]}', r"entry 0 is not an object"),
        ('{"version": 1, "entries": [{"path": "a"}]}', r"entry 0 needs string"),
        (
            '{"version": 1, "entries": [{"path": "a", "code": "BL101", "name": "n", '
            '"context": "s", "count": 0}]}',
            r"`count` must be a positive integer",
        ),
    ),
)
def test_malformed_baseline_names_the_file(repo: Path, content: str, message: str) -> None:
    Path("b.json").write_text(content)
    with pytest.raises(BetalintError, match=message):
        load_baseline("b.json")


def test_missing_and_undecodable_baselines(repo: Path) -> None:
    with pytest.raises(BetalintError, match=r"nope\.json: cannot read the baseline"):
        load_baseline("nope.json")
    Path("b.json").write_bytes(b"\xff\xfe{")
    with pytest.raises(BetalintError, match=r"b\.json: the baseline is not UTF-8"):
        load_baseline("b.json")


def test_repeated_keys_in_a_hand_edited_file_add_up(repo: Path) -> None:
    entry = {
        "path": "src/app.py",
        "code": "BL202",
        "name": "mcp-client-2025-04-04",
        "context": "betas-list",
    }
    Path("b.json").write_text(json.dumps({"version": 1, "entries": [entry, entry]}))
    baseline = load_baseline("b.json")
    assert baseline.entries == [
        Entry("src/app.py", "BL202", "mcp-client-2025-04-04", "betas-list", 2)
    ]


def test_occurrence_fingerprints_are_unique_and_line_free() -> None:
    diags = _diagnostics("a.py", 'x = "mcp-client-2025-04-04"\n' * 3)
    prints = occurrence_fingerprints(diags)
    assert len(set(prints)) == 3
    shifted = _diagnostics("a.py", "\n\n" + 'x = "mcp-client-2025-04-04"\n' * 3)
    assert occurrence_fingerprints(shifted) == prints


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.sampled_from(["\n", "# c\n", "pass\n", "y = 1\n"]), max_size=8),
    st.lists(st.sampled_from(["\n", "z()\n"]), max_size=8),
)
def test_property_unrelated_lines_never_break_matching(
    above: list[str], between: list[str]
) -> None:
    root = Path(os.getcwd())
    text = "".join(above) + 'B = ["mcp-client-2025-04-04"]\n' + "".join(between)
    text += 'F = "files-api-2025-4-14"\n'
    baseline = Baseline(
        [
            Entry("a.py", "BL202", "mcp-client-2025-04-04", "betas-list", 1),
            Entry("a.py", "BL101", "files-api-2025-4-14", "string", 1),
        ],
        root,
    )
    new, matched = baseline.filter(_diagnostics(str(root / "a.py"), text))
    assert new == [] and len(matched) == 2
