"""BL402 tool-beta-mismatch per language, each positive beside its look-alike negative (on the
mini registry: computer-use-2024-10-22 / 2025-01-24 / 2025-11-24 enable computer_20241022 /
computer_20250124 / computer_20251124)."""

from __future__ import annotations

import pytest

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.engine import Linter

OLD, NEW = "computer-use-2025-01-24", "computer-use-2025-11-24"
ONLY = frozenset({"BL402"})

CASES = {
    "python": (
        "agent.py",
        'client.beta.messages.create(\n    model="claude-opus-4-5",\n'
        '    tools=[{{"type": "{tool}", "name": "computer"}}],\n    betas=["{beta}"],\n)\n',
    ),
    "python-kwargs": (
        "agent.py",
        "client.beta.messages.create(\n"
        '    tools=[dict(type="{tool}", name="computer")],\n    betas=["{beta}"],\n)\n',
    ),
    "typescript": (
        "agent.ts",
        "client.beta.messages.create({{\n  tools: [{{ type: '{tool}', name: 'computer' }}],\n"
        "  betas: ['{beta}'],\n}});\n",
    ),
    "json": (
        "request.json",
        '{{"model": "claude-opus-4-5", "tools": [{{"type": "{tool}", "name": "computer"}}], '
        '"betas": ["{beta}"]}}\n',
    ),
    "curl": (
        "step.sh",
        "curl https://api.anthropic.com/v1/messages \\\n"
        '  -H "anthropic-beta: {beta}" \\\n'
        '  -d \'{{"tools": [{{"type": "{tool}", "name": "computer"}}]}}\'\n',
    ),
}


def findings(linter: Linter, text: str, path: str) -> list[Diagnostic]:
    return linter.check(text, path, ONLY)


@pytest.mark.parametrize("shape", sorted(CASES))
def test_another_version_of_the_tool_is_reported_with_its_beta(
    mini_linter: Linter, shape: str
) -> None:
    path, template = CASES[shape]
    text = template.format(tool="computer_20251124", beta=OLD)
    (found,) = findings(mini_linter, text, path)
    assert found.name == OLD and "computer_20251124 takes computer-use-2025-11-24" in found.message
    assert found.fix is not None and found.fix.applicability == "unsafe"
    (edit,) = found.fix.edits
    fixed = text[: edit.start] + edit.content + text[edit.end :]
    assert fixed == template.format(tool="computer_20251124", beta=NEW)
    assert findings(mini_linter, fixed, path) == []


@pytest.mark.parametrize("shape", sorted(CASES))
def test_the_beta_of_the_tool_is_silent(mini_linter: Linter, shape: str) -> None:
    path, template = CASES[shape]
    text = template.format(tool="computer_20250124", beta=OLD)
    assert findings(mini_linter, text, path) == []


@pytest.mark.parametrize(
    ("path", "text"),
    [
        # The tool belongs to another request.
        (
            "agent.py",
            'TOOLS = [{"type": "computer_20251124", "name": "computer"}]\n'
            f'client.beta.messages.create(tools=TOOLS, betas=["{OLD}"])\n',
        ),
        # Another tool family: the text editor is not a computer-use tool.
        ("agent.py", f'f(tools=[{{"type": "text_editor_20250728"}}], betas=["{OLD}"])\n'),
        # Two versions of the tool in one call: which one the beta is for is not certain.
        (
            "agent.py",
            'f(tools=[{"type": "computer_20251124"}, {"type": "computer_20250124"}], '
            f'betas=["{OLD}"])\n',
        ),
        # The list sends the tool's own beta too (the pair is BL302's).
        ("agent.py", f'f(tools=[{{"type": "computer_20251124"}}], betas=["{OLD}", "{NEW}"])\n'),
        # A beta without tool data (files-api) beside a computer tool.
        ("agent.py", 'f(tools=[{"type": "computer_20251124"}], betas=["files-api-2025-04-14"])\n'),
    ],
)
def test_silent_look_alikes(mini_linter: Linter, path: str, text: str) -> None:
    assert findings(mini_linter, text, path) == []
