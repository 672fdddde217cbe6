"""BL206 unsupported-on-platform: a target platform rejects the name, or takes another name
for the feature.

Targets are the run's `platforms` (config or `--platform`), or the one platform a file pins by
constructing its client (`AnthropicBedrock(...)`, see `linter.scan.platform_pin`).

## What it does
Reports a name that a platform you target (config `platforms = [...]`, `--platform`, or the
Bedrock / Vertex AI / Foundry client the same file constructs) does not accept, with the
sources' evidence and any disagreement between them.

## Why is this bad?
Bedrock answers `invalid beta flag` and Vertex AI `Unexpected value(s) ... for the
anthropic-beta header`: one name valid on the Claude API fails the whole request there. Some
platforms take their own name for a feature (tool search on Bedrock and Vertex AI is
`tool-search-tool-2025-10-19`, not `advanced-tool-use-2025-11-20`).

## Example
    client = AnthropicVertex(...)
    # → tool-search-tool-2025-10-19 on Vertex AI
    client.beta.messages.create(..., betas=["advanced-tool-use-2025-11-20"])

## Fix safety
Offered only when every target platform takes the same other name; unsafe because the
platform's name can differ in models and behaviour. Unsupported names have no fix (removing
a feature needs a person).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from betalint.linter.diagnostic import Diagnostic, Edit, Fix
from betalint.linter.fix.spelling import spell_like
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.scanner import Candidate
from betalint.registry.model import Registry
from betalint.registry.platforms import parse_target, platform_verdict
from betalint.registry.validator import Verdict


def check(file: FileCheck, c: Candidate, verdict: Verdict) -> Iterator[Diagnostic]:
    name = verdict.canonical
    if name is None or not (file.linter.platforms or file.pinned_platform()):
        return
    registry = file.linter.registry
    found = findings(name, file.linter.platforms, registry, pinned=file.pinned_platform())
    for message, mapped in found:
        fix = None
        if mapped is not None and mapped != name:
            spelled, certain = spell_like(c.written, name, mapped)
            fix = Fix(
                "unsafe" if certain else "display",
                (Edit(c.start, c.end, spelled),),
                mapped,
                f"write {spelled}",
            )
        entry = registry.get(name)
        yield file.at(RULE, c, message, name, fix, entry.docs_url if entry else None)


def findings(
    name: str, platforms: Sequence[str], registry: Registry, *, pinned: str | None
) -> list[tuple[str, str | None]]:
    """(message, name to write instead or None) per target rejecting `name`.

    A file that pins a platform is checked against that platform only, and the message says
    so. The replacement is offered only when every target takes the same other name, so a fix
    for one platform never breaks another.
    """
    if name not in registry:
        return []
    specs = [pinned] if pinned else list(platforms)
    verdicts = [platform_verdict(name, parse_target(spec), registry) for spec in specs]
    bad = [v for v in verdicts if v.status in ("unsupported", "mapped")]
    if not bad:
        return []
    forwards = {v.forward for v in verdicts}
    replacement = forwards.pop() if len(forwards) == 1 else None
    why = f" (this file pins {bad[0].target.display} through its client)" if pinned else ""
    return [(v.message + why, replacement) for v in bad]


RULE = Rule.documented(
    __doc__, "BL206", "unsupported-on-platform", "error", "unsafe", "candidate", check
)
