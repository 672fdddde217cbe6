// Support bot: one client, requests copied from the MCP example and then trimmed.
import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic();

// Reported (when BL404 is selected): the MCP beta is still sent, the MCP server is gone.
export async function answer(question: string) {
  return client.beta.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    messages: [{ role: "user", content: question }],
    betas: ["mcp-client-2025-11-20", "files-api-2025-04-14"],
  });
}

// Silent: the MCP server is there.
export async function answerWithDocs(question: string) {
  return client.beta.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    messages: [{ role: "user", content: question }],
    mcp_servers: [{ type: "url", url: "https://mcp.example.com/sse", name: "docs" }],
    tools: [{ type: "mcp_toolset", mcp_server_name: "docs" }],
    betas: ["mcp-client-2025-11-20"],
  });
}

// Silent: the rest of the request comes from elsewhere and may use it.
export async function answerWith(base: Anthropic.Beta.MessageCreateParams, question: string) {
  return client.beta.messages.create({
    ...base,
    messages: [{ role: "user", content: question }],
    betas: ["mcp-client-2025-11-20"],
  });
}

// Silent: the tools list is built elsewhere.
export async function answerWithTools(tools: Anthropic.Beta.BetaToolUnion[], question: string) {
  return client.beta.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    messages: [{ role: "user", content: question }],
    tools,
    betas: ["mcp-client-2025-11-20"],
  });
}
