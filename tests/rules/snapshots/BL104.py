"""Ask about an uploaded file; the betas were pasted from a chat message."""

# ruff: noqa: RUF001  (the look-alike letters are the point of this input)

import anthropic

client = anthropic.Anthropic()

response = client.beta.messages.create(
    model="claude-sonnet-4-5-20250929",  # a model id with a date: not a beta name
    max_tokens=1024,
    # A Cyrillic a in the feature, a zero-width space after the date, a '/' for a '-':
    betas=["files-аpi-2025-04-14", "pdfs-2024-09-25​", "token/counting-2024-11-01"],
    messages=[{"role": "user", "content": "Summarise the report."}],
)
print("Готово: files-api-2025-04-14")  # Russian prose next to a clean name: no BL104
