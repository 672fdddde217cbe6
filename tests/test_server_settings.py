"""Editor settings for the server: parsed like the matching CLI flags, bad values dropped
with one line each; document paths for file and unsaved (untitled) URIs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from betalint.linter.server.workspace import UserOptions, parse_options, path_for_uri


def test_settings_parse() -> None:
    raw = {"platforms": ["bedrock", "vertex:count_tokens"], "today": "2026-06-01"}
    options, problems = parse_options({**raw, "extraRegistries": ["private.toml"]})
    assert problems == []
    assert options == UserOptions(
        ("bedrock", "vertex:count_tokens"), dt.date(2026, 6, 1), ("private.toml",)
    )
    assert parse_options({"platforms": "bedrock, vertex"})[0].platforms == ("bedrock", "vertex")
    assert parse_options(None) == (UserOptions(), [])


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"platforms": ["mars"]}, "betalint.platforms: "),
        ({"platforms": 3}, "betalint.platforms must be a list"),
        ({"today": "yesterday"}, "betalint.today 'yesterday' is not a date"),
        ({"today": 20260601}, "betalint.today must be a YYYY-MM-DD string"),
        ({"extraRegistries": [1]}, "betalint.extraRegistries must be a list of paths"),
        ([1, 2], "betalint settings must be an object, not list"),
    ],
)
def test_bad_settings_are_dropped_with_one_line(raw: object, problem: str) -> None:
    options, problems = parse_options(raw)
    assert len(problems) == 1 and problems[0].startswith(problem), problems
    assert options.platforms == () and options.today is None


def test_paths_for_uris(tmp_path: Path) -> None:
    target = tmp_path / "a dir" / "x.py"
    assert path_for_uri(target.as_uri()) == str(target)
    assert path_for_uri("untitled:Untitled-1", "typescript", tmp_path) == str(
        tmp_path / "Untitled-1.ts"
    )
    assert path_for_uri("untitled:notes.md", "plaintext", tmp_path) == str(tmp_path / "notes.md")
