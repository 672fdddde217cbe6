"""Computer use agent loop (first version)."""

import anthropic

client = anthropic.Anthropic()

TOOLS = [
    {"type": "computer_20241022", "name": "computer", "display_width_px": 1024},
    {"type": "bash_20241022", "name": "bash"},
]


def step(messages: list[dict]) -> anthropic.types.beta.BetaMessage:
    return client.beta.messages.create(
        model="claude-3-5-sonnet-20241022",
        max_tokens=4096,
        tools=TOOLS,
        messages=messages,
        betas=["computer-use-2024-10-22"],
    )


def long_answer(prompt: str) -> anthropic.types.beta.BetaMessage:
    return client.beta.messages.create(
        model="claude-3-7-sonnet-20250219",
        max_tokens=128_000,
        messages=[{"role": "user", "content": prompt}],
        betas=["output-128k-2025-02-19"],
    )
