import Anthropic from "@anthropic-ai/sdk";

// Released 2025-02-30 (a typo in a comment date is no beta name).
const client = new Anthropic({
  apiKey: process.env.ANTHROPIC_API_KEY,
  defaultHeaders: { "anthropic-beta": "files-api-2025-02-30" },
});

export async function listFiles() {
  const page = await client.beta.files.list({ betas: ["files-api-2025-04-14"] });
  return page.data.map((f) => f.filename);
}
