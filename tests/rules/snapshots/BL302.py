"""Agents with memory: two betas that must not be sent together."""

import anthropic

client = anthropic.Anthropic()

store = client.beta.memory_stores.create(
    name="notes",
    betas=["managed-agents-2026-04-01", "agent-memory-2026-07-22"],
)

agent = client.beta.agents.create(
    name="helper",
    betas=["mcp-client-2025-11-20", "mcp-client-2025-04-04"],
)

# Each one alone is fine.
session = client.beta.sessions.create(agent=agent.id, betas=["managed-agents-2026-04-01"])
memory = client.beta.memory_stores.retrieve(store.id, betas=["agent-memory-2026-07-22"])
