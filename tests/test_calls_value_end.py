"""A model literal counts only when the value ends with it: inside brackets a line break ends
nothing, so a conditional or a fallback on the next line makes the model unknown, while a
comment between the literal and its comma does not."""

from __future__ import annotations

import _calls_support as support
import pytest

BETA = "context-1m-2025-08-07"


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (
            "a.py",
            'client.beta.messages.create(\n    model="claude-opus-4-7"\n'
            f'    if big else "claude-sonnet-4-5",\n    betas=["{BETA}"],\n)',
        ),
        (
            "a.py",
            'client.beta.messages.create(\n    model="claude-opus-4-7"  # the large one\n'
            f'    if big else small,\n    betas=["{BETA}"],\n)',
        ),
        (
            "a.ts",
            'client.beta.messages.create({\n  model: "claude-opus-4-7"\n    ?? fallback,\n'
            f'  betas: ["{BETA}"],\n}})',
        ),
        (
            "a.ts",
            "client.beta.messages.create({\n  model: 'claude-opus-4-7' // default\n"
            f"    || process.env.MODEL,\n  betas: ['{BETA}'],\n}})",
        ),
    ],
)
def test_a_value_continued_on_the_next_line_is_no_literal(path: str, text: str) -> None:
    assert support.model_of(text, path, BETA) is None


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (
            "a.py",
            'client.beta.messages.create(\n    model="claude-opus-4-7"  # or sonnet\n'
            f'    ,betas=["{BETA}"],\n)',
        ),
        (
            "a.ts",
            f'client.beta.messages.create({{ betas: ["{BETA}"], model: "claude-opus-4-7"\n}})',
        ),
        (
            "a.ts",
            'client.beta.messages.create({\n  model: "claude-opus-4-7" /* big */,\n'
            f'  betas: ["{BETA}"],\n}})',
        ),
    ],
)
def test_a_literal_ending_after_blanks_or_comments_is_the_model(path: str, text: str) -> None:
    assert support.model_of(text, path, BETA) == "claude-opus-4-7"
