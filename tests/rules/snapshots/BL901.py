"""Pinned to the old MCP connector on purpose; one stale suppression is left behind."""

import anthropic

client = anthropic.Anthropic()

LEGACY = ["mcp-client-2025-04-04"]  # betalint: ignore[BL202]
CURRENT = ["computer-use-2025-01-24"]  # betalint: ignore[BL205]


def send(prompt: str) -> anthropic.types.beta.BetaMessage:
    return client.beta.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=256,
        messages=[{"role": "user", "content": prompt}],
        betas=[*LEGACY, *CURRENT],
    )
