// Computer-use agent loop: one request per step, the tool versions pinned per model.
import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic();
const DISPLAY = { display_width_px: 1280, display_height_px: 800 };

// Reported: the zoom-capable tool version with the older tool's beta.
export async function stepNew(messages: Anthropic.Beta.BetaMessageParam[]) {
  return client.beta.messages.create({
    model: "claude-opus-4-5",
    max_tokens: 4096,
    tools: [{ type: "computer_20251124", name: "computer", ...DISPLAY }],
    messages,
    betas: ["computer-use-2025-01-24"],
  });
}

// Silent: the tool and its own beta.
export async function stepOld(messages: Anthropic.Beta.BetaMessageParam[]) {
  return client.beta.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 4096,
    tools: [{ type: "computer_20250124", name: "computer", ...DISPLAY }],
    messages,
    betas: ["computer-use-2025-01-24"],
  });
}

// Silent: the newer tool is declared for another request, not this one.
export const nextTools = [{ type: "computer_20251124", name: "computer", ...DISPLAY }];
export async function stepShared(messages: Anthropic.Beta.BetaMessageParam[]) {
  return client.beta.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 4096,
    tools: nextTools,
    messages,
    betas: ["computer-use-2025-01-24"],
  });
}
