"""Summaries with a long-context model, and a quick triage on a small one."""

import anthropic

MODEL = "claude-haiku-4-5"
client = anthropic.Anthropic()


def summarize(document: str) -> str:
    # Reported: the 1M-context beta does nothing on this call's Haiku model.
    response = client.beta.messages.create(
        model="claude-haiku-4-5",
        max_tokens=2048,
        betas=["context-1m-2025-08-07", "files-api-2025-04-14"],
        messages=[{"role": "user", "content": document}],
    )
    return response.content[0].text


def review(document: str) -> str:
    # Reported: sources say this model answers 400 for the beta.
    response = client.beta.messages.create(
        model="claude-opus-4-7",
        max_tokens=2048,
        extra_headers={"anthropic-beta": "context-1m-2025-08-07"},
        messages=[{"role": "user", "content": document}],
    )
    return response.content[0].text


def triage(document: str) -> str:
    # Silent: the model is a variable, never guessed.
    response = client.beta.messages.create(
        model=MODEL,
        max_tokens=256,
        betas=["context-1m-2025-08-07"],
        messages=[{"role": "user", "content": document}],
    )
    return response.content[0].text


def long_read(document: str) -> str:
    # Silent: a model the beta works on.
    response = client.beta.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=2048,
        betas=["context-1m-2025-08-07"],
        messages=[{"role": "user", "content": document}],
    )
    return response.content[0].text


# Silent: the Haiku model belongs to another call.
settings = dict(model="claude-haiku-4-5", temperature=0)
reply = client.beta.messages.create(**settings, betas=["context-1m-2025-08-07"])
