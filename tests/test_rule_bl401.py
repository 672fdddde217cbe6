"""BL401 beta-model-mismatch per language, each positive beside its look-alike negative (on
the mini registry: context-1m-2025-08-07 works on claude-sonnet-4 and claude-sonnet-4-5 only,
and the Claude API answers 400 for it on claude-opus-4-7)."""

from __future__ import annotations

import pytest
from _registries import TODAY

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.engine import Linter
from betalint.registry.model import Registry

BETA = "context-1m-2025-08-07"
ONLY = frozenset({"BL401"})


def findings(linter: Linter, text: str, path: str) -> list[Diagnostic]:
    return linter.check(text, path, ONLY)


CASES = {
    "python": (
        "a.py",
        'client.beta.messages.create(model="{model}", max_tokens=64, betas=["{beta}"])\n',
    ),
    "python-header": (
        "a.py",
        'client.messages.create(model="{model}", extra_headers={{"anthropic-beta": "{beta}"}})\n',
    ),
    "typescript": (
        "a.ts",
        "await client.beta.messages.create({{\n  model: '{model}',\n  betas: ['{beta}'],\n}});\n",
    ),
    "json": ("body.json", '{{"model": "{model}", "betas": ["{beta}"]}}\n'),
    "curl": (
        "call.sh",
        "curl https://api.anthropic.com/v1/messages \\\n"
        '  -H "anthropic-beta: {beta}" \\\n'
        '  -d \'{{"model": "{model}", "max_tokens": 64}}\'\n',
    ),
    "yaml": (
        "model-settings.yml",
        "- name: {model}\n  extra_params:\n    extra_headers:\n      anthropic-beta: {beta}\n",
    ),
    "http": (
        "api.http",
        "POST https://api.anthropic.com/v1/messages\nanthropic-beta: {beta}\n\n"
        '{{"model": "{model}"}}\n',
    ),
}


@pytest.mark.parametrize("shape", sorted(CASES))
def test_no_effect_is_a_warning_and_a_supported_model_is_silent(
    mini_linter: Linter, shape: str
) -> None:
    path, template = CASES[shape]
    (found,) = findings(mini_linter, template.format(model="claude-haiku-4-5", beta=BETA), path)
    assert found.severity == "warning" and found.name == BETA
    assert "no effect on claude-haiku-4-5" in found.message
    assert findings(mini_linter, template.format(model="claude-sonnet-4-5", beta=BETA), path) == []


@pytest.mark.parametrize("shape", sorted(CASES))
def test_a_rejecting_model_is_an_error(mini_linter: Linter, shape: str) -> None:
    path, template = CASES[shape]
    (found,) = findings(mini_linter, template.format(model="claude-opus-4-7", beta=BETA), path)
    assert found.severity == "error" and "answering 400" in found.message


@pytest.mark.parametrize(
    ("path", "text"),
    [
        # The model is a variable, or belongs to another call.
        ("a.py", f'client.beta.messages.create(model=MODEL, betas=["{BETA}"])\n'),
        (
            "a.py",
            'cfg = dict(model="claude-haiku-4-5")\n'
            f'client.beta.messages.create(**cfg, betas=["{BETA}"])\n',
        ),
        (
            "a.ts",
            "const opts = { model: 'claude-haiku-4-5' };\n"
            f"create({{ ...opts, betas: ['{BETA}'] }});\n",
        ),
        # The body of another curl command.
        (
            "call.sh",
            f'curl https://api.anthropic.com/v1/messages -H "anthropic-beta: {BETA}" '
            "-d @body.json\n"
            'curl https://api.anthropic.com/v1/messages -d \'{"model": "claude-haiku-4-5"}\'\n',
        ),
        # A model-less beta of the registry, on the same Haiku call.
        ("a.py", 'f(model="claude-haiku-4-5", betas=["files-api-2025-04-14"])\n'),
    ],
)
def test_silent_without_a_literal_model_in_the_same_call(
    mini_linter: Linter, path: str, text: str
) -> None:
    assert findings(mini_linter, text, path) == []


def test_the_fix_removes_the_beta_only_when_a_sibling_stays(mini_linter: Linter) -> None:
    text = f'f(model="claude-haiku-4-5", betas=["{BETA}", "files-api-2025-04-14"])\n'
    (found,) = findings(mini_linter, text, "a.py")
    assert found.fix is not None and found.fix.applicability == "unsafe"
    (edit,) = found.fix.edits
    assert text[: edit.start] + text[edit.end :] == (
        'f(model="claude-haiku-4-5", betas=["files-api-2025-04-14"])\n'
    )
    alone = findings(mini_linter, f'f(model="claude-haiku-4-5", betas=["{BETA}"])\n', "a.py")
    assert alone[0].fix is not None and alone[0].fix.applicability == "display"


def test_a_model_whose_support_ended_says_when(mini_linter: Linter) -> None:
    text = f'f(model="claude-3-7-sonnet-20250219", betas=["{BETA}"])\n'
    (found,) = findings(mini_linter, text, "a.py")
    assert found.severity == "warning"
    assert "no longer works on claude-3-7-sonnet-20250219: support ended 2026-02-19" in (
        found.message
    )


def test_the_pinned_platform_decides(mini_registry: Registry) -> None:
    """The 400 on claude-opus-4-7 is a Claude API claim: on a Bedrock client only the entry's
    model list speaks (no effect outside it), so the finding is a warning there."""
    linter = Linter.create(mini_registry, today=TODAY)
    text = (
        "client = AnthropicBedrock()\n"
        f'client.beta.messages.create(model="claude-opus-4-7", betas=["{BETA}"])\n'
    )
    assert [d.severity for d in findings(linter, text, "a.py")] == ["warning"]
    text = text.replace("AnthropicBedrock()", "Anthropic()")
    assert [d.severity for d in findings(linter, text, "a.py")] == ["error"]


def test_a_bedrock_model_id_is_checked_on_bedrock(mini_linter: Linter) -> None:
    """The 400 is a Claude API claim; a Bedrock-form id goes to Bedrock, where only the
    entry's model list speaks."""
    claude_api = f'f(model="claude-opus-4-7", betas=["{BETA}"])\n'
    assert [d.severity for d in findings(mini_linter, claude_api, "a.py")] == ["error"]
    bedrock = f'f(model="us.anthropic.claude-opus-4-7-v1:0", betas=["{BETA}"])\n'
    assert [d.severity for d in findings(mini_linter, bedrock, "a.py")] == ["warning"]
