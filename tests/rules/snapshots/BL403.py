"""Research assistant: remote MCP tools, context editing and skills, one request each."""

import anthropic

client = anthropic.Anthropic()
DOCS_MCP = {"type": "url", "url": "https://mcp.example.com/sse", "name": "docs"}


# Reported: mcp_servers without an mcp-client beta (fix: add the current one).
def ask_docs(question: str) -> anthropic.types.beta.BetaMessage:
    return client.beta.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=2048,
        messages=[{"role": "user", "content": question}],
        mcp_servers=[DOCS_MCP],
        betas=["files-api-2025-04-14"],
    )


# Reported: context_management sent through extra_body, with no beta for it.
def long_session(history: list[dict[str, str]]) -> anthropic.types.Message:
    return client.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=1024,
        messages=history,
        extra_body={"context_management": {"edits": [{"type": "clear_tool_uses_20250919"}]}},
        extra_headers={"anthropic-beta": "files-api-2025-04-14"},
    )


# Reported: skills one level down in the container.
def make_deck(topic: str) -> anthropic.types.beta.BetaMessage:
    return client.beta.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=4096,
        messages=[{"role": "user", "content": f"Slides on {topic}"}],
        container={"skills": [{"type": "anthropic", "skill_id": "pptx", "version": "latest"}]},
        betas=["files-api-2025-04-14"],
    )


# Silent: the superseded mcp-client beta still enables the field (BL202 speaks of it).
def ask_docs_old(question: str) -> anthropic.types.beta.BetaMessage:
    return client.beta.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=2048,
        messages=[{"role": "user", "content": question}],
        mcp_servers=[DOCS_MCP],
        betas=["mcp-client-2025-04-04"],
    )


# Silent: the betas come partly from a variable, which may hold the one it needs.
EXTRA = ["mcp-client-2025-11-20"]


def ask_docs_shared(question: str) -> anthropic.types.beta.BetaMessage:
    return client.beta.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=2048,
        messages=[{"role": "user", "content": question}],
        mcp_servers=[DOCS_MCP],
        betas=[*EXTRA, "files-api-2025-04-14"],
    )


# Silent: `skills` at the top level is not `container.skills`, and **options may hold anything.
def odd(question: str, **options: object) -> anthropic.types.beta.BetaMessage:
    client.beta.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=512,
        messages=[{"role": "user", "content": question}],
        skills=["pptx"],
        betas=["files-api-2025-04-14"],
    )
    return client.beta.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=512,
        messages=[{"role": "user", "content": question}],
        mcp_servers=[DOCS_MCP],
        betas=["files-api-2025-04-14"],
        **options,
    )
