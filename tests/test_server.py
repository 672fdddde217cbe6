"""`betalint server` driven by a real LSP client (pytest-lsp) over stdio.

Each test starts the server as `python -m betalint server` in a fresh project: a config
with an extra registry layer (names of its own, so shipped-registry edits cannot break
these tests), per-file-ignores and a suppression. The client announces VS Code's
capabilities (incremental sync, UTF-16 positions, workspace/configuration).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from betalint.linter.server.documents import Document

pytestmark = pytest.mark.asyncio

REGISTRY = """\
schema_version = 1
registry_version = "server-test.1"
registry_date = 2026-01-01

[betas."widgets-2025-01-01"]
status = "active"
confidence = "high"
in_sdk_literal = false
sources = ["test"]
notes = "An active beta."
docs_url = "https://example.com/widgets"

[betas."widgets-2025-01-01".platforms.bedrock]
status = "unsupported"
sources = ["test"]

[betas."gadgets-2024-01-01"]
status = "superseded"
confidence = "high"
status_date = 2025-03-03
superseded_by = ["gadgets-2025-03-03"]
in_sdk_literal = false
sources = ["test"]
notes = "Superseded."

[betas."gadgets-2025-03-03"]
status = "active"
confidence = "high"
in_sdk_literal = false
sources = ["test"]
notes = "The successor."

[betas."sprockets-2024-06-01"]
status = "ga"
confidence = "high"
status_date = 2025-01-01
in_sdk_literal = false
sources = ["test"]
notes = "Generally available."
"""

CONFIG = """\
extra-registries = ["reg.toml"]
today = "2026-06-01"

[per-file-ignores]
"legacy/**" = ["BL202"]
"""

APP = """\
from anthropic import Anthropic

client = Anthropic()
client.beta.messages.create(
    model="claude-sonnet-4-5",
    betas=["widgts-2025-01-01", "gadgets-2024-01-01"],
    max_tokens=1,
    messages=[],
)
EXTRA = ["sprockets-2024-06-01", "widgets-2025-01-01"]  # betalint: ignore[BL203]
HEADERS = {"anthropic-beta": "widgets-2025-01-01,widgets-2025-01-01"}
"""

LEGACY = 'HEADERS = {"anthropic-beta": "gadgets-2024-01-01,widgts-2025-01-01"}\n'

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "betalint", "server"])


def make_project(root: Path) -> Path:
    (root / "legacy").mkdir()
    (root / "reg.toml").write_text(REGISTRY)
    (root / ".betalint.toml").write_text(CONFIG)
    (root / "app.py").write_text(APP)
    (root / "legacy" / "old.py").write_text(LEGACY)
    return root


@pytest.fixture
def registrations() -> list[types.Registration]:
    """What the server registered with the client (client/registerCapability)."""
    return []


@pytest_lsp.fixture(config=SERVER)
async def client(
    lsp_client: LanguageClient, tmp_path: Path, registrations: list[types.Registration]
) -> AsyncIterator[None]:
    make_project(tmp_path)

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registrations.extend(params.registrations)

    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=tmp_path.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="proj")],
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def helix(lsp_client: LanguageClient, tmp_path: Path) -> AsyncIterator[None]:
    """A client like Helix: settings in initializationOptions, and null for the
    `betalint` section of workspace/configuration."""
    make_project(tmp_path)
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("neovim"),
            root_uri=tmp_path.as_uri(),
            initialization_options={"platforms": ["bedrock"]},
        )
    )
    yield
    await lsp_client.shutdown_session()


async def open_doc(
    client: LanguageClient, path: Path, text: str | None = None, language: str = "python"
) -> list[types.Diagnostic]:
    """didOpen, then the diagnostics the server publishes for it."""
    uri = path.as_uri()
    body = path.read_text() if text is None else text
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=body
            )
        )
    )
    return await diagnostics_for(client, uri)


async def diagnostics_for(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri:
            return list(params.diagnostics)


def check_json(root: Path, *args: str) -> list[dict[str, Any]]:
    """`betalint check --output-format json` run in `root`, as a user runs it."""
    proc = subprocess.run(
        [sys.executable, "-m", "betalint", "check", "--output-format", "json", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    found: list[dict[str, Any]] = json.loads(proc.stdout)["diagnostics"]
    return found


def as_check_rows(diagnostics: list[types.Diagnostic]) -> list[tuple[Any, ...]]:
    """LSP diagnostics in check's terms: 1-based columns (ASCII text: UTF-16 = code points)."""
    severity = {
        types.DiagnosticSeverity.Error: "error",
        types.DiagnosticSeverity.Warning: "warning",
    }
    return sorted(
        (
            d.range.start.line + 1,
            d.range.start.character + 1,
            d.range.end.line + 1,
            d.range.end.character + 1,
            d.code,
            severity[d.severity] if d.severity else None,
            d.message,
        )
        for d in diagnostics
    )


def check_rows(found: list[dict[str, Any]], path: str) -> list[tuple[Any, ...]]:
    return sorted(
        (
            d["line"],
            d["column"],
            d["end_line"],
            d["end_column"],
            d["code"],
            d["severity"],
            d["message"],
        )
        for d in found
        if d["path"] == path
    )


async def actions_for(
    client: LanguageClient, path: Path, code: str, only: list[str] | None = None
) -> dict[str, types.CodeAction]:
    """Open `path`, take its first `code` finding, and ask for the code actions on its
    range: the actions by title."""
    uri = path.as_uri()
    got = await open_doc(client, path)
    finding = next(d for d in got if d.code == code)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=finding.range,
            context=types.CodeActionContext(diagnostics=[finding], only=only),
        )
    )
    assert actions is not None
    return {a.title: a for a in actions if isinstance(a, types.CodeAction)}


async def hover_text(
    client: LanguageClient, uri: str, line: int, character: int
) -> tuple[str, types.Range | None] | None:
    """The Markdown of the hover at a position, and its range (None: no hover)."""
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line, character),
        )
    )
    if hover is None:
        return None
    assert isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    return hover.contents.value, hover.range


def apply_edit(text: str, edit: types.WorkspaceEdit, uri: str) -> str:
    """Apply a WorkspaceEdit's TextEdits to `text`, as an editor does (last edit first)."""
    assert edit.changes is not None and uri in edit.changes
    doc = Document(uri, text)
    edits = sorted(
        edit.changes[uri], key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    )
    for e in edits:
        s, t = e.range.start, e.range.end
        doc.apply(e.new_text, (s.line, s.character), (t.line, t.character))
    return doc.text


async def test_diagnostics_equal_betalint_check(client: LanguageClient, tmp_path: Path) -> None:
    expected = check_json(tmp_path, ".")
    codes = {(d["path"], d["code"]) for d in expected}
    # The project exercises suppression and per-file-ignores: BL203 on app.py line 10 is
    # suppressed, BL202 in legacy/ is ignored, and both still reach neither output.
    assert ("app.py", "BL203") not in codes and ("legacy/old.py", "BL202") not in codes
    assert ("app.py", "BL202") in codes and ("legacy/old.py", "BL201") in codes
    for rel in ("app.py", "legacy/old.py"):
        got = await open_doc(client, tmp_path / rel)
        assert as_check_rows(got) == check_rows(expected, rel), rel
        assert all(d.source == "betalint" for d in got)


async def test_diagnostic_carries_rule_link_and_severity(
    client: LanguageClient, tmp_path: Path
) -> None:
    got = await open_doc(client, tmp_path / "app.py")
    typo = next(d for d in got if d.code == "BL201")
    assert typo.severity == types.DiagnosticSeverity.Error
    assert typo.code_description is not None
    assert typo.code_description.href.endswith("rules.md#bl201")
    stale = next(d for d in got if d.code == "BL202")
    assert stale.severity == types.DiagnosticSeverity.Warning
    assert list(stale.tags or ()) == [types.DiagnosticTag.Deprecated]


async def test_incremental_change_republishes(client: LanguageClient, tmp_path: Path) -> None:
    uri = (tmp_path / "app.py").as_uri()
    await open_doc(client, tmp_path / "app.py")
    # Fix the typo on line 6 by inserting the missing "e" (an incremental edit).
    line = APP.splitlines()[5]
    col = line.index("widgts") + len("widg")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(5, col), types.Position(5, col)), text="e"
                )
            ],
        )
    )
    got = await diagnostics_for(client, uri)
    assert "BL201" not in {d.code for d in got}
    (tmp_path / "app.py").write_text(
        APP[: APP.index("widgts") + 4] + "e" + APP[APP.index("widgts") + 4 :]
    )
    assert as_check_rows(got) == check_rows(check_json(tmp_path, "app.py"), "app.py")


async def test_code_actions_apply_to_the_fixed_text(client: LanguageClient, tmp_path: Path) -> None:
    uri = (tmp_path / "app.py").as_uri()
    by_title = await actions_for(client, tmp_path / "app.py", "BL201")
    fix = by_title["Write widgets-2025-01-01 (BL201)"]
    assert fix.is_preferred and fix.kind == types.CodeActionKind.QuickFix
    assert fix.edit is not None
    fixed = apply_edit(APP, fix.edit, uri)
    assert fixed == APP.replace("widgts-2025-01-01", "widgets-2025-01-01", 1)

    suppress = by_title["Suppress BL201 on this line"]
    assert suppress.edit is not None
    suppressed = apply_edit(APP, suppress.edit, uri)
    assert suppressed.splitlines()[5].endswith('"gadgets-2024-01-01"],  # betalint: ignore[BL201]')
    (tmp_path / "app.py").write_text(suppressed)  # check agrees the finding is gone
    assert ("BL201", 6) not in {(d["code"], d["line"]) for d in check_json(tmp_path, "app.py")}

    fix_all = by_title["Fix all safe betalint findings"]
    assert fix_all.kind == "source.fixAll.betalint" and fix_all.edit is not None
    (tmp_path / "app.py").write_text(APP)
    subprocess.run([sys.executable, "-m", "betalint", "check", "--fix", "app.py"], cwd=tmp_path)
    assert apply_edit(APP, fix_all.edit, uri) == (tmp_path / "app.py").read_text()


async def test_unsafe_fix_is_labelled_and_not_preferred(
    client: LanguageClient, tmp_path: Path
) -> None:
    only = [types.CodeActionKind.QuickFix]
    by_title = await actions_for(client, tmp_path / "app.py", "BL202", only=only)
    titles = list(by_title)
    assert "Write gadgets-2025-03-03 (BL202) (unsafe)" in titles
    assert "Fix all safe betalint findings" not in titles  # `only` asked for quick fixes
    assert not by_title["Write gadgets-2025-03-03 (BL202) (unsafe)"].is_preferred


async def test_hover_on_a_beta_name(client: LanguageClient, tmp_path: Path) -> None:
    uri = (tmp_path / "app.py").as_uri()
    await open_doc(client, tmp_path / "app.py")
    line = APP.splitlines()[5]
    found = await hover_text(client, uri, 5, line.index("gadgets") + 3)
    assert found is not None
    text, span = found
    assert "**`gadgets-2024-01-01`**: superseded" in text
    assert "since 2025-03-03" in text and "superseded by: `gadgets-2025-03-03`" in text
    assert span == types.Range(
        types.Position(5, line.index("gadgets")), types.Position(5, line.index("gadgets") + 18)
    )
    assert await hover_text(client, uri, 0, 2) is None  # `from`: not a beta name
    # An active name: its platforms and its docs link.
    found = await hover_text(client, uri, 9, APP.splitlines()[9].index("widgets") + 1)
    assert found is not None
    assert "Amazon Bedrock: unsupported" in found[0]
    assert "[Documentation](https://example.com/widgets)" in found[0]


async def test_configuration_change_applies_platforms(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = (tmp_path / "app.py").as_uri()
    before = await open_doc(client, tmp_path / "app.py")
    assert "BL206" not in {d.code for d in before}
    client.set_configuration({"platforms": ["bedrock"]}, section="betalint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    after = await diagnostics_for(client, uri)
    bl206 = [d for d in after if d.code == "BL206"]
    assert bl206 and all("Amazon Bedrock" in d.message for d in bl206)
    # The same as `check --platform bedrock` on the file.
    expected = check_json(tmp_path, "--platform", "bedrock", "app.py")
    assert as_check_rows(after) == check_rows(expected, "app.py")


async def test_config_file_edit_is_picked_up(
    client: LanguageClient, tmp_path: Path, registrations: list[types.Registration]
) -> None:
    uri = (tmp_path / "app.py").as_uri()
    before = await open_doc(client, tmp_path / "app.py")
    watched = [r for r in registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert watched, "the server asks to watch config files"
    assert "BL202" in {d.code for d in before}
    (tmp_path / ".betalint.toml").write_text(CONFIG + '"app.py" = ["BL202"]\n')
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[
                types.FileEvent(
                    uri=(tmp_path / ".betalint.toml").as_uri(), type=types.FileChangeType.Changed
                )
            ]
        )
    )
    after = await diagnostics_for(client, uri)
    assert "BL202" not in {d.code for d in after}
    # Without any notification: the next change re-stats the config and sees it again.
    (tmp_path / ".betalint.toml").write_text("ignore = ['BL201']\n" + CONFIG)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=APP)],
        )
    )
    again = await diagnostics_for(client, uri)
    assert {d.code for d in again} == {"BL202", "BL301"}


async def test_broken_config_is_one_diagnostic(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / ".betalint.toml").write_text("select = [\n")
    got = await open_doc(client, tmp_path / "app.py")
    assert len(got) == 1 and got[0].severity == types.DiagnosticSeverity.Error
    assert ".betalint.toml" in got[0].message


async def test_undecodable_text_gets_one_diagnostic(client: LanguageClient, tmp_path: Path) -> None:
    # A UTF-16 file opened as if it were UTF-8: every other character is a NUL.
    text = "betas = ['widgts-2025-01-01']\n".encode("utf-16-le").decode("latin-1")
    got = await open_doc(client, tmp_path / "wide.py", text)
    assert len(got) == 1
    assert "cannot be decoded as text" in got[0].message and "NUL" in got[0].message


async def test_untitled_document_uses_its_language(client: LanguageClient, tmp_path: Path) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri="untitled:Untitled-1", language_id="python", version=1, text=APP
            )
        )
    )
    got = await diagnostics_for(client, "untitled:Untitled-1")
    assert "BL201" in {d.code for d in got}


async def test_hover_on_an_sdk_constant(client: LanguageClient, tmp_path: Path) -> None:
    text = (
        "package main\n\n"
        "var betas = []anthropic.AnthropicBeta{anthropic.AnthropicBetaGadgets2024_01_01}\n"
    )
    path = tmp_path / "main.go"
    await open_doc(client, path, text, language="go")
    column = text.splitlines()[2].index("AnthropicBetaGadgets") + 5
    found = await hover_text(client, path.as_uri(), 2, column)
    assert found is not None
    assert found[0].startswith(
        "**`gadgets-2024-01-01`** (the SDK constant `AnthropicBetaGadgets2024_01_01`): superseded"
    )


async def test_workspace_folder_change_moves_unsaved_documents(
    client: LanguageClient, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / ".betalint.toml").write_text(
        'extra-registries = ["../reg.toml"]\nignore = ["BL201"]\n'
    )
    client.workspace_did_change_workspace_folders(
        types.DidChangeWorkspaceFoldersParams(
            event=types.WorkspaceFoldersChangeEvent(
                added=[types.WorkspaceFolder(uri=other.as_uri(), name="other")],
                removed=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="proj")],
            )
        )
    )
    # An unsaved document is checked as if it lived in the (first) workspace folder.
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri="untitled:Untitled-2", language_id="python", version=1, text=APP
            )
        )
    )
    got = await diagnostics_for(client, "untitled:Untitled-2")
    assert "BL201" not in {d.code for d in got} and "BL202" in {d.code for d in got}


async def test_initialization_options_hold_when_configuration_is_null(
    helix: LanguageClient, tmp_path: Path
) -> None:
    got = await open_doc(helix, tmp_path / "app.py")
    expected = check_json(tmp_path, "--platform", "bedrock", "app.py")
    assert "BL206" in {d["code"] for d in expected}
    assert as_check_rows(got) == check_rows(expected, "app.py")


async def test_pushed_settings_today_and_extra_registries(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = (tmp_path / "app.py").as_uri()
    before = {d.code for d in await open_doc(client, tmp_path / "app.py")}
    assert {"BL201", "BL202"} <= before
    # A private layer that knows the "typo", and a date before gadgets-2024-01-01 was
    # superseded (2025-03-03): both findings go, pushed in didChangeConfiguration itself.
    (tmp_path / "more.toml").write_text(
        REGISTRY.split("[betas.", 1)[0].replace("server-test.1", "more.1")
        + '[betas."widgts-2025-01-01"]\nstatus = "active"\nconfidence = "high"\n'
        'in_sdk_literal = false\nsources = ["ours"]\nnotes = "A private beta."\n'
    )
    settings = {"betalint": {"today": "2025-01-01", "extraRegistries": ["more.toml"]}}
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings))
    after = {d.code for d in await diagnostics_for(client, uri)}
    assert after == before - {"BL201", "BL202"}
