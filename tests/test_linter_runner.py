"""linter/runner.py: one file (or stdin) through read, prefilter, engine and selection, with
the run's registries and linters built once (mini registry, today fixed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _registries import EXTRA, MINI, TODAY

from betalint.linter.config import Settings
from betalint.linter.files.reader import PathError, Skipped
from betalint.linter.runner import (
    FileOutcome,
    Linters,
    RunOptions,
    check_path,
    check_source,
    check_stdin,
)

SUPERSEDED = b'client.beta.messages.create(betas=["mcp-client-2025-04-04"])\n'
ACTIVE = b'client.beta.messages.create(betas=["computer-use-2025-01-24"])\n'


@pytest.fixture()
def linters() -> Linters:
    return Linters(RunOptions(registry_path=str(MINI), today=TODAY))


def outcome(found: FileOutcome | Skipped | PathError) -> FileOutcome:
    assert isinstance(found, FileOutcome), found
    return found


def test_a_file_with_a_fixable_finding_keeps_its_source(tmp_path: Path, linters: Linters) -> None:
    path = tmp_path / "app.py"
    path.write_bytes(SUPERSEDED)
    found = outcome(check_path(str(path), Settings(root=tmp_path), linters))
    assert [(d.code, d.line, d.column) for d in found.diagnostics] == [("BL202", 1, 37)]
    assert found.source is not None and found.source.data == SUPERSEDED
    assert found.notice is None


def test_a_clean_file_keeps_nothing(tmp_path: Path, linters: Linters) -> None:
    path = tmp_path / "app.py"
    path.write_bytes(ACTIVE)
    found = outcome(check_path(str(path), Settings(root=tmp_path), linters))
    assert (found.diagnostics, found.source) == ([], None)


def test_files_without_markers_are_skipped_before_decoding(
    tmp_path: Path, linters: Linters
) -> None:
    path = tmp_path / "plain.py"
    path.write_bytes(b"print('hello')\n")
    assert check_path(str(path), Settings(root=tmp_path), linters) == Skipped(str(path), "no-match")
    assert linters._linters == {}  # the engine was never needed


def test_a_suppression_alone_passes_the_prefilter(tmp_path: Path, linters: Linters) -> None:
    path = tmp_path / "stale.py"
    path.write_bytes(b"x = 1  # betalint: ignore[BL202]\n")
    found = outcome(check_path(str(path), Settings(root=tmp_path), linters))
    assert [d.code for d in found.diagnostics] == ["BL901"]


def test_a_missing_path_is_a_path_error(tmp_path: Path, linters: Linters) -> None:
    missing = str(tmp_path / "nope.py")
    found = check_path(missing, Settings(root=tmp_path), linters)
    assert isinstance(found, PathError) and found.message.startswith(f"{missing}: ")


def test_selection_and_per_file_ignores_apply(tmp_path: Path, linters: Linters) -> None:
    (tmp_path / "tests").mkdir()
    checked, ignored = tmp_path / "app.py", tmp_path / "tests" / "test_app.py"
    for path in (checked, ignored):
        path.write_bytes(SUPERSEDED + b'OLD = ["output-128k-2025-02-19"]\n')
    settings = Settings(
        root=tmp_path, ignore=("BL205",), per_file_ignores=(("tests/**", ("BL2",)),)
    )
    assert [d.code for d in outcome(check_path(str(checked), settings, linters)).diagnostics] == [
        "BL202"
    ]
    assert outcome(check_path(str(ignored), settings, linters)).diagnostics == []


def test_stdin_is_checked_as_the_named_path(tmp_path: Path, linters: Linters) -> None:
    settings = Settings(root=tmp_path)
    found = outcome(
        check_stdin(b'betas: ["mcp-client-2025-04-04"]\n', "conf.yml", settings, linters)
    )
    assert [(d.path, d.code) for d in found.diagnostics] == [("conf.yml", "BL202")]
    empty = outcome(check_stdin(b"nothing here\n", "a.py", settings, linters))
    assert (empty.path, empty.diagnostics) == ("a.py", [])
    assert isinstance(check_stdin(b"\x00\x01\x02betas", "blob.py", settings, linters), Skipped)


def test_one_registry_and_one_linter_per_setting(tmp_path: Path, linters: Linters) -> None:
    plain = Settings(root=tmp_path)
    other_dir = Settings(root=tmp_path / "sub")  # same registry, today and platforms
    private = Settings(root=tmp_path, extra_registries=(EXTRA,))
    assert linters.linter(plain) is linters.linter(other_dir)
    assert linters.registry() is linters.linter(plain).registry
    assert linters.linter(private) is not linters.linter(plain)
    assert "private-2025-05-05" in linters.linter(private).registry
    assert "private-2025-05-05" not in linters.linter(plain).registry
    assert linters.linter(plain).today == TODAY


def test_the_cli_today_and_platforms_win_over_the_config(tmp_path: Path) -> None:
    config = Settings(root=tmp_path, today=TODAY.replace(year=2020), platforms=("vertex",))
    cli = Linters(RunOptions(registry_path=str(MINI), today=TODAY, platforms=("bedrock",)))
    linter = cli.linter(config)
    assert (linter.today, linter.platforms) == (TODAY, ("bedrock",))
    from_config = Linters(RunOptions(registry_path=str(MINI))).linter(config)
    assert (from_config.today, from_config.platforms) == (TODAY.replace(year=2020), ("vertex",))


def test_check_source_reports_the_readers_notice(tmp_path: Path, linters: Linters) -> None:
    path = tmp_path / "latin.py"
    path.write_bytes(b'# caf\xe9\nbetas = ["mcp-client-2025-04-04"]\n')
    found = check_path(str(path), Settings(root=tmp_path), linters)
    assert isinstance(found, FileOutcome) and found.notice is not None
    assert "latin-1" in found.notice
    assert found.source is not None
    again = check_source(found.source, Settings(root=tmp_path), linters)
    assert [d.code for d in again.diagnostics] == ["BL202"]


def test_for_file_is_the_linter_of_the_files_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one-entry memo of `for_file` answers as `linter(settings, directory)` does, also
    when the next file's directory is written differently or its settings differ."""
    from betalint.registry.sdk_layer import SdkLayer

    node = tmp_path / "web" / "node_modules" / "@anthropic-ai" / "sdk" / "resources" / "beta"
    node.mkdir(parents=True)
    (node / "beta.d.ts").write_text("export type AnthropicBeta = (string & {}) | 'x-2030-01-01';\n")
    (tmp_path / "api").mkdir()
    monkeypatch.chdir(tmp_path)
    linters = Linters(RunOptions(today=TODAY, sdk_layer=SdkLayer((), installed=False)))
    settings, other = Settings(root=tmp_path), Settings(root=tmp_path, platforms=("vertex",))
    seen = []
    for settings_, path in (
        (settings, "web/a.ts"),
        (settings, "web/b.ts"),
        (settings, "api/a.ts"),
        (settings, str(tmp_path / "web" / "c.ts")),
        (other, "web/d.ts"),
    ):
        found = linters.for_file(settings_, path)
        expected = linters.linter(settings_, str(tmp_path / path.split("/")[-2]))
        assert found is expected, path
        seen.append(found)
    assert seen[0] is seen[1] is seen[3]
    assert seen[2] is not seen[0]  # web sees its SDK, api does not
    assert "x-2030-01-01" in seen[0].registry and "x-2030-01-01" not in seen[2].registry
