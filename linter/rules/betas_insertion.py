"""The unsafe fix of BL403 on a call that sends no beta at all: a `betas` argument of its own.

Only where the SDK takes one for certain: a Python `client.beta.messages.<method>(...)` call
(keyword `betas=[...]`) or a TS/JS `client.beta.messages.<method>({...})` body
(`betas: [...]`). The non-beta namespace has no `betas` parameter (Python raises a
TypeError), and Go, Ruby, curl and `.http` are left to the shown fix. The new argument goes
after the last one, on its own line at the same indent when the call spans lines; never when
the last line ends in a comment (the comma would land inside it).
"""

from __future__ import annotations

import re

from betalint.linter.diagnostic import Edit
from betalint.linter.scan.calls import CallLiterals

__all__ = ["betas_insertion"]

# The beta namespace's Messages callee right before the call's bracket: matches
# `client.beta.messages.create(` and `anthropic.beta.messages.stream({`; not
# `client.messages.create(` (no `betas` parameter) or `beta.messages.batches.create(`.
_BETA_CALLEE = re.compile(
    r"\bbeta\s*\.\s*messages\s*\.\s*(?:create|stream|count_tokens|countTokens)\s*\(\s*$"
)
_COMMENT = {"python": "#", "js": "//"}


def betas_insertion(text: str, lang: str, call: CallLiterals, beta: str) -> Edit | None:
    """The edit adding `betas` with `beta` to `call`, or None where it is not certain."""
    if lang not in _COMMENT:
        return None
    opener = "(" if lang == "python" else "{"
    before = text[max(0, call.start - 120) : call.start] + ("(" if lang == "python" else "")
    if text[call.start] != opener or not _BETA_CALLEE.search(before):
        return None
    inner = text[call.start + 1 : call.end - 1]
    last = inner.rstrip()
    if not last.strip():
        return None
    line = last[last.rfind("\n") + 1 :]
    if _COMMENT[lang] in line:
        return None
    item = f'betas=["{beta}"]' if lang == "python" else f"betas: ['{beta}']"
    comma = last.endswith(",")
    at = call.start + 1 + len(last)
    if "\n" in inner[len(last) :]:
        indent = line[: len(line) - len(line.lstrip())]
        content = ("" if comma else ",") + "\n" + indent + item + ("," if comma else "")
    else:
        content = (" " if comma else ", ") + item
    return Edit(at, at, content)
