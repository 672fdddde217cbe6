"""The pygls language server: wires LSP messages to the workspace, diagnostics, actions
and hover modules. Only `betalint server` imports this (pygls is the `server` extra)."""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method

from betalint.linter.config import CONFIG_NAMES
from betalint.linter.server.actions import FIX_ALL_KIND, Request, code_actions
from betalint.linter.server.diagnostics import Findings, findings_for, to_lsp
from betalint.linter.server.documents import Document, Encoding
from betalint.linter.server.hover import hover_at
from betalint.linter.server.workspace import (
    WorkspaceState,
    parse_options,
    path_for_uri,
)

__all__ = ["BetalintServer", "create_server"]

log = logging.getLogger("betalint.server")

_ENCODINGS: dict[str, Encoding] = {"utf-8": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32"}
_WATCH_ID = "betalint-config-watch"
_CLIENT_TIMEOUT = 5.0  # seconds to wait for the client's answer to a server request


@dataclass(frozen=True)
class _Unanswerable:
    """A request whose params did not parse: answered with an error instead of dropped."""

    id: int | str
    error: types.ResponseError


class _Protocol(LanguageServerProtocol):
    """pygls' protocol, with the editor's text kept by the server (see `Document`) and
    every bad message answered with a JSON-RPC error rather than only logged."""

    _server: BetalintServer

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            msg_id = data.get("id")
            if "method" in data and isinstance(msg_id, int | str):
                return _Unanswerable(msg_id, exc.to_response_error())
            raise

    def handle_message(self, message: Any) -> None:
        if isinstance(message, _Unanswerable):
            self._send_response(message.id, None, message.error)
        elif not hasattr(message, "jsonrpc"):  # valid JSON, but not a JSON-RPC 2.0 message
            msg_id = message.get("id") if isinstance(message, dict) else None
            self.send_error(msg_id, types.ErrorCodes.InvalidRequest, "not a JSON-RPC 2.0 message")
        elif (
            self._shutdown
            and isinstance(getattr(message, "id", None), int | str)
            and (getattr(message, "method", types.EXIT) != types.EXIT)
        ):
            self.send_error(message.id, types.ErrorCodes.InvalidRequest, "the server is shut down")
        else:
            super().handle_message(message)

    def send_error(self, msg_id: Any, code: int, message: str) -> None:
        """A JSON-RPC error response; `"id": null` when the request's id is unknowable
        (written by hand: the converter drops None fields, and JSON-RPC needs this one)."""
        valid = msg_id if isinstance(msg_id, int | str) else None
        error = {"code": code, "message": message}
        self._send_data({"jsonrpc": "2.0", "id": valid, "error": error})

    # The server keeps each document's text itself (LSP line breaks, code-point offsets):
    # pygls' own copy would be a second one to keep in step on every keystroke.
    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        self._server.did_open(params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        self._server.did_change(params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        self._server.did_close(params)


@dataclass
class _Open:
    doc: Document
    path: str
    findings: Findings | None = None


class BetalintServer(LanguageServer):
    """The server's state: open documents and the workspace they are checked in."""

    protocol: _Protocol

    def __init__(self) -> None:
        from betalint.linter.version import __version__

        super().__init__(
            "betalint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=_Protocol,
        )
        self.state = WorkspaceState()
        self.open: dict[str, _Open] = {}
        # Until `initialized` has fetched the editor's settings, documents are only stored:
        # diagnostics made with the defaults would flash and then change.
        self.ready = False

    @property
    def encoding(self) -> Encoding:
        kind = self.workspace.position_encoding
        return _ENCODINGS.get(str(getattr(kind, "value", kind)), "utf-16")

    def report_server_error(self, error: Exception, source: Any) -> None:
        if source is JsonRpcException and isinstance(error, ValueError):
            # The read loop's json.loads failed (bad JSON or UTF-8): no id to answer, so null.
            self.protocol.send_error(None, types.ErrorCodes.ParseError, f"parse error: {error}")
            return
        super().report_server_error(error, source)

    # ------------------------------------------------------------------ documents

    def did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        doc = Document(item.uri, item.text, item.version, item.language_id)
        root = self.state.roots[0] if self.state.roots else None  # for unsaved documents
        self.open[item.uri] = _Open(doc, path_for_uri(item.uri, item.language_id, root))
        if self.ready:
            self.publish(item.uri)

    def did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        entry = self.open.get(params.text_document.uri)
        if entry is None:
            return  # a change to a document never opened: nothing to apply it to
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                start, end = change.range.start, change.range.end
                entry.doc.apply(
                    change.text,
                    (start.line, start.character),
                    (end.line, end.character),
                    self.encoding,
                )
            else:
                entry.doc.apply(change.text)
        entry.doc.version = params.text_document.version
        if self.ready:
            self.publish(params.text_document.uri)

    def did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        if self.open.pop(params.text_document.uri, None) is not None:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
            )

    def findings(self, uri: str) -> Findings:
        """The document's findings for its current text (checked now if it changed)."""
        entry = self.open[uri]
        found = entry.findings
        if found is None or found.source is None or found.source.text is not entry.doc.text:
            found = entry.findings = findings_for(entry.doc.text, entry.path, self.state)
        return found

    def publish(self, uri: str) -> None:
        entry = self.open[uri]
        entry.findings = None  # a re-check, even when the text is the same (config changed)
        found = self.findings(uri)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                diagnostics=to_lsp(found, entry.doc, self.encoding),
                version=entry.doc.version,
            )
        )

    def publish_all(self) -> None:
        for uri in list(self.open):
            self.publish(uri)

    # ------------------------------------------------------------------ settings

    def apply_settings(self, raw: object) -> None:
        options, problems = parse_options(raw)
        for problem in problems:
            self.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Warning, message=problem)
            )
        self.state.set_options(options)

    async def pull_settings(self) -> None:
        """Ask the client for the `betalint` section (workspace/configuration)."""
        caps = self.client_capabilities.workspace
        if caps is None or not caps.configuration:
            return
        asked = self.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="betalint")])
        )
        try:
            result = await asyncio.wait_for(asked, _CLIENT_TIMEOUT)
        except (JsonRpcException, TimeoutError) as exc:  # claimed the capability, failed it
            log.warning("workspace/configuration failed: %s", exc)
            return
        if result and result[0] is not None:  # null: keep initializationOptions (Helix)
            self.apply_settings(result[0])

    async def watch_config_files(self) -> None:
        """Ask to be told when a config file changes (dynamic registration, when offered)."""
        caps = self.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if watched is None or not watched.dynamic_registration:
            return
        watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
        registered = self.client_register_capability_async(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id=_WATCH_ID,
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=types.DidChangeWatchedFilesRegistrationOptions(
                            watchers=watchers
                        ),
                    )
                ]
            )
        )
        try:
            await asyncio.wait_for(registered, _CLIENT_TIMEOUT)
        except (JsonRpcException, TimeoutError) as exc:  # config is re-stat'ed per check anyway
            log.info("could not watch config files: %s", exc)


def _initial_settings(options: object) -> object:
    """initializationOptions may hold the settings directly or under `betalint`."""
    if isinstance(options, dict) and isinstance(options.get("betalint"), dict):
        return options["betalint"]
    return options


def _roots(params: types.InitializeParams) -> list[Path]:
    uris = [f.uri for f in params.workspace_folders or []]
    if not uris and params.root_uri:
        uris = [params.root_uri]
    paths = [Path(path_for_uri(u)) for u in uris if u.startswith("file:")]
    if not paths and params.root_path:
        paths = [Path(params.root_path)]
    return paths


def create_server() -> BetalintServer:
    """A server with every feature registered (not started)."""
    server = BetalintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: BetalintServer, params: types.InitializeParams) -> None:
        ls.state.roots = _roots(params)
        if params.initialization_options is not None:
            ls.apply_settings(_initial_settings(params.initialization_options))

    @server.feature(types.INITIALIZED)
    async def initialized(ls: BetalintServer, _params: types.InitializedParams) -> None:
        try:
            await ls.watch_config_files()
            await ls.pull_settings()
        finally:
            ls.ready = True
            ls.publish_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(
        ls: BetalintServer, params: types.DidChangeConfigurationParams
    ) -> None:
        pushed = params.settings
        if isinstance(pushed, dict) and "betalint" in pushed:
            ls.apply_settings(pushed["betalint"])
        else:  # the "pull" model: the notification only says something changed
            await ls.pull_settings()
        ls.publish_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    def did_change_folders(
        ls: BetalintServer, params: types.DidChangeWorkspaceFoldersParams
    ) -> None:
        gone = {Path(path_for_uri(f.uri)) for f in params.event.removed}
        added = [Path(path_for_uri(f.uri)) for f in params.event.added]
        ls.state.roots = [r for r in ls.state.roots if r not in gone] + added
        ls.state.forget()  # defaults are rooted at the folder: they may have moved
        ls.publish_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(
        ls: BetalintServer, _params: types.DidChangeWatchedFilesParams
    ) -> None:
        ls.state.forget()
        ls.publish_all()

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: BetalintServer, params: types.DidSaveTextDocumentParams) -> None:
        name = os.path.basename(path_for_uri(params.text_document.uri))
        if name in CONFIG_NAMES:  # a config edited in the editor: every open file may change
            ls.state.forget()
            ls.publish_all()
        elif params.text_document.uri in ls.open:
            ls.publish(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND],
            resolve_provider=False,
        ),
    )
    def code_action(
        ls: BetalintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        entry = ls.open.get(params.text_document.uri)
        if entry is None:
            return None
        enc, rng = ls.encoding, params.range
        request = Request(
            entry.doc,
            ls.findings(params.text_document.uri),
            entry.doc.offset(rng.start.line, rng.start.character, enc),
            entry.doc.offset(rng.end.line, rng.end.character, enc),
            enc,
            tuple(str(k) for k in params.context.only or ()),
        )
        return code_actions(request, ls.state)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: BetalintServer, params: types.HoverParams) -> types.Hover | None:
        entry = ls.open.get(params.text_document.uri)
        if entry is None:
            return None
        pos = params.position
        offset = entry.doc.offset(pos.line, pos.character, ls.encoding)
        return hover_at(entry.doc, entry.path, offset, ls.state, ls.encoding)

    return server


def serve() -> int:
    """Run over stdio until the client sends `exit`."""
    logging.basicConfig(level=logging.WARNING, format="betalint server: %(message)s")
    server = create_server()
    server.start_io()
    return 0 if server.protocol._shutdown else 1  # LSP: `exit` without `shutdown` is 1
