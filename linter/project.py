"""Where betalint lives: the one project URL every reference is built from.

`pyproject.toml` `[project.urls]` carries the same URL into the package metadata
(`Project-URL`); a test keeps the two equal, and no other spelling of the repository in the
tree.
"""

from __future__ import annotations

PROJECT_URL = "https://github.com/betalint-dev/betalint"
RULES_DOCS_URL = f"{PROJECT_URL}/blob/main/docs/rules.md"


def rule_url(code: str) -> str:
    """The rule's section of docs/rules.md (GitHub's heading anchors are lower case)."""
    return f"{RULES_DOCS_URL}#{code.lower()}"
