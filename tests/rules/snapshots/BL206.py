"""Claude on Amazon Bedrock: this client pins the platform for every name in the file."""

from anthropic import AnthropicBedrock

client = AnthropicBedrock(aws_region="us-west-2")

MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0"

screen = client.beta.messages.create(
    model=MODEL,
    max_tokens=1024,
    messages=[{"role": "user", "content": "Take a screenshot."}],
    betas=["computer-use-2025-01-24"],
)

upload = client.beta.messages.create(
    model=MODEL,
    max_tokens=1024,
    messages=[{"role": "user", "content": "Read the attached file."}],
    betas=["files-api-2025-04-14"],
)

search = client.beta.messages.create(
    model=MODEL,
    max_tokens=1024,
    messages=[{"role": "user", "content": "Find the weather tool."}],
    betas=["advanced-tool-use-2025-11-20"],
)
