import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic();

const BASE_BETAS = ["computer-use-2025-01-24"];

export async function run(prompt: string) {
  return client.beta.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    betas: ["computer-use-2025-01-24", "mcp-client-2025-11-20", "computer-use-2025-01-24"],
    messages: [{ role: "user", content: prompt }],
  });
}

// One name in two lists is no duplicate.
export const extraBetas = [...BASE_BETAS, "mcp-client-2025-11-20"];
