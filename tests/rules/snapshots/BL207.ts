// Streaming client for the research assistant.
import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic();

export async function ask(prompt: string) {
  return client.beta.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    // Released after this registry was cut: a warning, never an error, never rewritten.
    betas: ["research-mode-2026-11-20"],
    // A look-alike outside any betas list or header: no finding.
    messages: [{ role: "user", content: prompt }],
    metadata: { user_id: "task-queue-2026-12-31" },
  });
}
