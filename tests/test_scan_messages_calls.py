"""linter/scan/messages_calls.py and gated_needles.py: Messages calls found from their keys,
and the byte test that lets their files reach the scanner."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from betalint.linter.scan.gated_needles import gated_needles, might_send_gated
from betalint.linter.scan.messages_calls import unsent_calls
from betalint.registry.model import Registry

CALL = (
    "a = 1\n"
    'client.messages.create(model="claude-sonnet-4-5", messages=m, mcp_servers=[s])\n'
    'client.messages.create(model="claude-sonnet-4-5", messages=m, betas=["x"], mcp_servers=[s])\n'
)


def test_the_call_without_betas_is_found_once() -> None:
    (found,) = unsent_calls(CALL, "a.py", ["mcp_servers", "tools"])
    call, shape = found
    assert CALL[call.start : call.end].startswith('(model="claude-sonnet-4-5"')
    assert call.model == "claude-sonnet-4-5"
    assert shape.fields is not None and "mcp_servers" in shape.fields


def test_only_the_keys_asked_for() -> None:
    assert list(unsent_calls(CALL, "a.py", ["context_management"])) == []


def test_the_needles_come_from_the_registry(mini_registry: Registry) -> None:
    needles = gated_needles(mini_registry)
    assert {"mcp_servers", "mcpservers", "mcp_toolset", "skills"} <= needles
    # A Java builder's singular link (`.addMcpServer(s)`) lowers to neither of the two above.
    assert "mcpserver" in needles
    assert "container" not in needles  # the leaf of `container.skills` is what is written


def test_the_byte_test_needs_messages_and_a_needle() -> None:
    needles = frozenset({b"mcp_servers", b"mcpservers"})
    assert might_send_gated(b"create(messages=m, mcp_servers=[s])", needles)
    assert might_send_gated(b"Messages: msgs, MCPServers: s", needles)
    assert not might_send_gated(b"config.mcp_servers = load()", needles)
    assert not might_send_gated(b"messages = []", needles)


@given(st.binary(max_size=200))
def test_the_byte_test_never_passes_without_messages(data: bytes) -> None:
    if b"messages" not in data.lower():
        assert not might_send_gated(data, frozenset({b"mcp_servers"}))
