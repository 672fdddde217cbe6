"""Code actions on the engine's own findings: "suppress on this line" in each comment
syntax (checked by re-running the engine on the edited text), and "fix all safe"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_server import make_project

from betalint.linter.fix.fixer import apply_edits
from betalint.linter.server.actions import suppression_edit
from betalint.linter.server.diagnostics import findings_for
from betalint.linter.server.workspace import WorkspaceState

NOTEBOOK = json.dumps(
    {
        "cells": [
            {
                "cell_type": "code",
                "metadata": {},
                "source": ["import anthropic\n", 'betas = ["widgts-2025-01-01"]\n', "x = 1"],
                "outputs": [],
                "execution_count": None,
            }
        ],
        "metadata": {"language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    },
    indent=1,
)

CASES = [
    (
        "a.py",
        'betas = ["widgts-2025-01-01"]\n',
        'betas = ["widgts-2025-01-01"]  # betalint: ignore[BL201]',
    ),
    (
        "a.ts",
        'const betas = ["widgts-2025-01-01"];\n',
        'const betas = ["widgts-2025-01-01"];  // betalint: ignore[BL201]',
    ),
    (
        "a.go",
        'Betas: []string{"widgts-2025-01-01"},\n',
        'Betas: []string{"widgts-2025-01-01"},  // betalint: ignore[BL201]',
    ),
    (
        "a.yaml",
        "env:\n  ANTHROPIC_BETA: widgts-2025-01-01   \n",
        "  ANTHROPIC_BETA: widgts-2025-01-01  # betalint: ignore[BL201]",
    ),
    (
        "a.jsonc",
        '{"betas": ["widgts-2025-01-01"]}\n',
        '{"betas": ["widgts-2025-01-01"]}  // betalint: ignore[BL201]',
    ),
    (
        "a.md",
        "Send this:\n\n    anthropic-beta: widgts-2025-01-01\n",
        "    anthropic-beta: widgts-2025-01-01  <!-- betalint: ignore[BL201] -->",
    ),
    (
        "b.md",
        'Code:\n\n```python\nbetas = ["widgts-2025-01-01"]\n```\n',
        'betas = ["widgts-2025-01-01"]  # betalint: ignore[BL201]',
    ),
    (
        "c.py",
        'betas = ["widgts-2025-01-01", "gadgets-2024-01-01"]  # betalint: ignore[BL202]\n',
        'betas = ["widgts-2025-01-01", "gadgets-2024-01-01"]  # betalint: ignore[BL202,BL201]',
    ),
    ("n.ipynb", NOTEBOOK, '    "betas = [\\"widgts-2025-01-01\\"]  # betalint: ignore[BL201]\\n",'),
]


@pytest.fixture
def state(tmp_path: Path) -> WorkspaceState:
    make_project(tmp_path)
    return WorkspaceState(roots=[tmp_path])


@pytest.mark.parametrize(("name", "text", "line"), CASES, ids=[c[0] for c in CASES])
def test_suppress_on_this_line(
    state: WorkspaceState, tmp_path: Path, name: str, text: str, line: str
) -> None:
    path = str(tmp_path / name)
    typo = next(d for d in findings_for(text, path, state).diagnostics if d.code == "BL201")
    edit = suppression_edit(text, path, typo.start, "BL201")
    assert edit is not None
    edited = apply_edits(text, [edit])
    assert line in edited.splitlines()
    after = findings_for(edited, path, state)
    assert after.problem is None
    # The finding is suppressed, and the new directive is used (no BL901).
    assert [d for d in after.diagnostics if d.code in ("BL201", "BL901")] == []
    if name.endswith(".ipynb"):
        json.loads(edited)  # the notebook is still JSON


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.json", '{"betas": ["widgts-2025-01-01"]}\n'),  # plain JSON has no comments
        (
            "a.sh",
            'curl https://api.anthropic.com \\\n  -H "anthropic-beta: widgts-2025-01-01" \\\n'
            "  -d @body.json\n",
        ),
        ("d.py", 'betas = ["widgts-2025-01-01"]  # betalint: ignore\n'),  # already blanket
    ],
)
def test_no_suppression_where_a_comment_cannot_go(
    state: WorkspaceState, tmp_path: Path, name: str, text: str
) -> None:
    path = str(tmp_path / name)
    offset = text.index("widgts")
    assert suppression_edit(text, path, offset, "BL201") is None
