"""Names a target platform rejects or knows under another name (BL206).

The check itself is `betalint.registry.platforms.platform_findings`; the engine calls it for
each registry name with the run's `platforms` (config or `--platform`), or with the platform
a file pins (`betalint.linter.platform_pin.pinned_platform`).
"""

from __future__ import annotations

from betalint.linter.rules import rule

UNSUPPORTED_ON_PLATFORM = rule(
    "BL206",
    "unsupported-on-platform",
    "error",
    "a target platform rejects the name, or takes another name for the feature",
    fix="unsafe",
    what="Reports a name that a platform you target (config `platforms = [...]`, `--platform`, "
    "or the Bedrock / Vertex AI / Foundry client the same file constructs) does not accept, "
    "with the sources' evidence and any disagreement between them.",
    why="Bedrock answers `invalid beta flag` and Vertex AI `Unexpected value(s) ... for the "
    "anthropic-beta header`: one name valid on the Claude API fails the whole request there. "
    "Some platforms take their own name for a feature (tool search on Bedrock and Vertex AI is "
    "`tool-search-tool-2025-10-19`, not `advanced-tool-use-2025-11-20`).",
    example="client = AnthropicVertex(...)\n"
    'client.beta.messages.create(..., betas=["advanced-tool-use-2025-11-20"])'
    "  # → tool-search-tool-2025-10-19",
    fix_safety="Offered only when every target platform takes the same other name; unsafe "
    "because the platform's name can differ in models and behaviour. Unsupported names have "
    "no fix (removing a feature needs a person).",
)
