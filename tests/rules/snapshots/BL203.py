"""A cached system prompt; the caching header is left over from the beta."""

from anthropic import Anthropic

client = Anthropic()
SYSTEM = [{"type": "text", "text": "You are terse.", "cache_control": {"type": "ephemeral"}}]

first = client.messages.create(
    model="claude-sonnet-4-5",
    max_tokens=512,
    system=SYSTEM,
    messages=[{"role": "user", "content": "Hello"}],
    extra_headers={"anthropic-beta": "prompt-caching-2024-07-31"},
)

second = client.beta.messages.create(
    model="claude-sonnet-4-5",
    max_tokens=512,
    system=SYSTEM,
    messages=[{"role": "user", "content": "Hello again"}],
    betas=["prompt-caching-2024-07-31", "computer-use-2025-01-24"],
)
