"""`betalint server` at the JSON-RPC level: bad messages get error responses, never a crash.

pytest-lsp's client only sends well-formed messages, so these tests speak the wire format
themselves: `Content-Length` framing over the server's real stdin and stdout.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

import pytest

TIMEOUT = 30.0


class RawClient:
    """A minimal LSP client: frames messages, reads replies on a thread, answers the
    server's own requests (configuration, registration) with null."""

    def __init__(self, cwd: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "betalint", "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=cwd,
        )
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        assert self.proc.stdout is not None
        threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True).start()

    def _read(self, out: IO[bytes]) -> None:
        while True:
            length = None
            while (line := out.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line or length is None:
                return
            self.inbox.put(json.loads(out.read(length)))

    def send_bytes(self, body: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        self.send_bytes(json.dumps({"jsonrpc": "2.0", **message}).encode())

    def next_reply(self) -> dict[str, Any]:
        """The next message that is not a notification nor a request from the server."""
        while True:
            message = self.inbox.get(timeout=TIMEOUT)
            if "method" not in message:
                return message
            if "id" in message:  # the server asks something: answer it
                self.send({"id": message["id"], "result": None})

    def request(self, msg_id: int, method: str, params: Any = None) -> dict[str, Any]:
        self.send({"id": msg_id, "method": method, "params": params})
        reply = self.next_reply()
        assert reply.get("id") == msg_id, reply
        return reply

    def initialize(self, root: Path) -> None:
        reply = self.request(
            1, "initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {}}
        )
        assert "capabilities" in reply["result"]
        self.send({"method": "initialized", "params": {}})

    def wait(self) -> int:
        return self.proc.wait(timeout=TIMEOUT)


@pytest.fixture
def lsp(tmp_path: Path) -> Any:
    client = RawClient(tmp_path)
    client.initialize(tmp_path)
    yield client
    if client.proc.poll() is None:
        client.proc.kill()
        client.proc.wait()


def open_doc(lsp: RawClient, uri: str, text: str) -> None:
    item = {"uri": uri, "languageId": "python", "version": 1, "text": text}
    lsp.send({"method": "textDocument/didOpen", "params": {"textDocument": item}})


def hover(lsp: RawClient, msg_id: int, uri: str) -> dict[str, Any]:
    params = {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 12}}
    return lsp.request(msg_id, "textDocument/hover", params)


def error_code(reply: dict[str, Any]) -> int:
    assert "result" not in reply, reply
    code: int = reply["error"]["code"]
    return code


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"{this is not json", -32700),  # parse error
        (b'{"jsonrpc": "2.0", "id": 5, "method": "x", "params": "\xff"}', -32700),  # not UTF-8
        (b"[1, 2, 3]", -32600),  # JSON, but not a JSON-RPC message
        (b'{"id": 5, "method": "textDocument/hover"}', -32600),  # no "jsonrpc": "2.0"
    ],
)
def test_unparseable_message_gets_an_error_with_null_id(
    lsp: RawClient, tmp_path: Path, body: bytes, code: int
) -> None:
    lsp.send_bytes(body)
    reply = lsp.next_reply()
    assert error_code(reply) == code
    assert reply["id"] in (None, 5)
    # ... and the server still answers.
    uri = (tmp_path / "a.py").as_uri()
    open_doc(lsp, uri, 'betas = ["widgets-2025-01-01"]\n')
    assert "result" in hover(lsp, 2, uri)


def test_bad_params_and_unknown_methods_get_errors_with_their_id(
    lsp: RawClient, tmp_path: Path
) -> None:
    bad = lsp.request(3, "textDocument/hover", {"textDocument": 42})
    assert error_code(bad) == -32602  # invalid params
    unknown = lsp.request(4, "betalint/noSuchMethod", {})
    assert error_code(unknown) == -32601  # method not found
    lsp.send({"method": "betalint/noSuchNotification", "params": {}})  # ignored, per LSP
    lsp.send({"method": "textDocument/didOpen", "params": {"textDocument": 5}})  # no reply due
    uri = (tmp_path / "a.py").as_uri()
    open_doc(lsp, uri, 'betas = ["widgets-2025-01-01"]\n')
    assert "result" in hover(lsp, 5, uri)


def test_shutdown_then_exit_is_exit_code_0(lsp: RawClient) -> None:
    assert lsp.request(9, "shutdown") == {"jsonrpc": "2.0", "id": 9, "result": None}
    after = lsp.request(
        10,
        "textDocument/hover",
        {"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}},
    )
    assert error_code(after) == -32600  # no requests after shutdown
    lsp.send({"method": "exit"})
    assert lsp.wait() == 0


def test_exit_without_shutdown_is_exit_code_1(lsp: RawClient) -> None:
    lsp.send({"method": "exit"})
    assert lsp.wait() == 1


def test_without_the_extra_one_line_and_exit_2() -> None:
    # pygls hidden from the import system, as in an install without `betalint[server]`.
    code = "import sys; sys.modules['pygls'] = None; from betalint.__main__ import run; run()"
    proc = subprocess.run(
        [sys.executable, "-c", code, "server"], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "betalint: error: `betalint server` needs pygls: install the extra with "
        "`pip install 'betalint[server]'`"
    ]


def test_cli_start_up_does_not_import_pygls() -> None:
    code = (
        "import sys; from betalint.linter.cli import main; main(['rules']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert proc.stdout.splitlines()[-1] == "[]"
