"""Upload a PDF and ask about it (files API)."""

from pathlib import Path

import anthropic

client = anthropic.Anthropic()

uploaded = client.beta.files.upload(file=("report.pdf", Path("report.pdf").read_bytes()))

response = client.beta.messages.create(
    model="claude-sonnet-4-5-20250929",  # a model id with a date: not a beta name
    max_tokens=1024,
    betas=["files-api-2025-4-14"],
    messages=[
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Summarise this report."},
                {"type": "document", "source": {"type": "file", "file_id": uploaded.id}},
            ],
        }
    ],
)
print(response.content[0].text)
