"""Calls that are runs of lines, not brackets: a curl command, an `.http` request, a YAML
model-settings item.

Each unit's bounds come from its own syntax (backslash continuations and quotes, `###`
separators, indentation); a JSON body inside is read by `calls_literals.json_literals`.
Bounded: at most `WINDOW` characters each side of the betas.
"""

from __future__ import annotations

import re

from betalint.linter.scan.calls_literals import WINDOW, CallLiterals, json_literals

__all__ = ["CURL_BODY", "curl_call", "http_call", "yaml_call"]

# A curl command's lines: each ends in a backslash continuation, the last one does not
# (`curl … \⏎  -H "anthropic-beta: x" \⏎  -d '{…}'` is one command).
# A curl body: `-d '…'`, `--data '…'`, `--data-raw '…'`, `--json '…'` in single quotes (JSON
# bodies are single-quoted in shell); not `-d @body.json` or `-d "$BODY"` (not literal).
CURL_BODY = re.compile(r"""(?:^|\s)(?:-d|--data(?:-raw|-binary)?|--json)\s+'(?P<body>[^']*)'""")


def curl_call(text: str, start: int, end: int) -> CallLiterals | None:
    """A curl command holding [start, end) and its single-quoted JSON body's literals."""
    lo = text.rfind("\n", 0, start) + 1
    while lo > 0 and lo > start - WINDOW:
        prev = text.rfind("\n", 0, lo - 1) + 1
        if not text[prev : lo - 1].rstrip().endswith("\\"):
            break
        lo = prev
    hi = _command_end(text, lo, min(len(text), end + WINDOW))
    if hi < end:
        return None
    command = text[lo:hi]
    if "curl" not in command:
        return None
    bodies = list(CURL_BODY.finditer(text, lo, hi))
    if len(bodies) != 1:
        return None
    return json_literals(text, bodies[0].start("body"), bodies[0].end("body"), (lo, hi))


def _command_end(text: str, lo: int, limit: int) -> int:
    """Where the shell command starting at `lo` ends: a line that neither ends in a backslash
    nor leaves a single quote open (`-d '{⏎ "model": …⏎ }'` spans lines); `limit` if none."""
    quotes = 0
    pos = lo
    while pos < limit:
        nl = text.find("\n", pos, limit)
        line = text[pos : nl if nl != -1 else limit]
        quotes += line.count("'")
        if nl == -1:
            return limit
        if quotes % 2 == 0 and not line.rstrip().endswith("\\"):
            return nl
        pos = nl + 1
    return limit


def http_call(text: str, start: int, end: int) -> CallLiterals | None:
    """An `.http` request (between `###` separators) holding [start, end), and its body's."""
    lo = max(0, start - WINDOW)
    sep = text.rfind("\n###", lo, start)
    lo = sep + 1 if sep != -1 else (0 if lo == 0 else -1)
    if lo < 0:
        return None
    nxt = text.find("\n###", end, end + WINDOW)
    hi = nxt if nxt != -1 else (len(text) if len(text) <= end + WINDOW else -1)
    if hi < 0:
        return None
    blank = re.search(r"\r?\n[ \t]*\r?\n", text[lo:hi])
    if blank is None:
        return None
    return json_literals(text, lo + blank.end(), hi, (lo, hi))


# A YAML list item's model: `- name: anthropic/claude-sonnet-4-20250514` (aider's model
# settings) or `  model: "claude-haiku-4-5"` at the item's own level; not
# `weak_model_name: claude-…` (another key), `name: openrouter/anthropic/claude-…` or
# `name: bedrock/…` (another provider's route), nor `model: ${MODEL}`.
_YAML_MODEL = re.compile(
    r"""^(?P<indent>[ ]*(?:-[ ]+)?)(?:model|name):[ ]*(?P<q>["']?)"""
    r"""(?P<model>(?:anthropic/)?claude-[A-Za-z0-9.:@_-]+)(?P=q)[ ]*(?:#.*)?$""",
    re.M,
)
# Any model or name key, to tell one literal from several or from a non-literal value.
_YAML_KEY = re.compile(r"^(?P<indent>[ ]*(?:-[ ]+)?)(?:model|name):", re.M)
# A tool type in YAML: matches `type: computer_20251124` or `- type: "text_editor_20250728"`; not
# `type: tool_use` (no date) or `x.type: computer_20251124`.
_YAML_TOOL = re.compile(r"(?<![\w.-])type:[ ]*[\"']?(?P<tool>[a-z][a-z0-9_]*_\d{8})\b")


def yaml_call(text: str, start: int, end: int) -> CallLiterals | None:
    """The YAML list item (`- name: …` and its more-indented lines) holding [start, end), and
    the model of the innermost mapping around the header that names one."""
    item = _yaml_item(text, start)
    if item is None:
        return None
    lo, column = item
    hi = _yaml_item_end(text, end, column, min(len(text), end + WINDOW))
    model = span = None
    # The innermost mapping around the header that has a model key decides: LiteLLM's
    # `litellm_params: {model: …, extra_headers: …}`, else the item's own `name:`/`model:`.
    for block_lo, indent in _yaml_levels(text, start, lo, column + 2):
        block_hi = _yaml_item_end(text, end, indent - 1, hi)
        keys = [k for k in _YAML_KEY.finditer(text, block_lo, block_hi) if _at(k, indent)]
        if not keys:
            continue
        models = [m for m in _YAML_MODEL.finditer(text, block_lo, block_hi) if _at(m, indent)]
        if len(keys) == 1 and len(models) == 1:
            model, span = models[0].group("model"), models[0].span("model")
        break
    tools = tuple(
        (m.start("tool"), m.end("tool"), m.group("tool")) for m in _YAML_TOOL.finditer(text, lo, hi)
    )
    return CallLiterals(lo, hi, model, span, tools)


def _at(match: re.Match[str], indent: int) -> bool:
    return len(match.group("indent")) == indent


def _yaml_levels(text: str, start: int, item_lo: int, item_indent: int) -> list[tuple[int, int]]:
    """(block start, key indent) of each mapping around `start`, innermost first, up to the
    list item's own (`item_indent`, its keys beside the dash)."""
    pos = text.rfind("\n", 0, start) + 1
    line = text[pos : text.find("\n", pos) if "\n" in text[pos:] else len(text)]
    least = len(line) - len(line.lstrip(" "))
    levels: list[tuple[int, int]] = []
    while pos > item_lo and least > item_indent:
        pos = text.rfind("\n", 0, pos - 1) + 1
        line = text[pos : text.find("\n", pos)]
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        if body and not body.startswith("#") and indent < least:
            levels.append((pos, least))  # the mapping at `least` starts below this key
            least = indent
    levels.append((item_lo, item_indent))
    return levels


def _yaml_item(text: str, start: int) -> tuple[int, int] | None:
    """(line start, dash column) of the list item above `start`; None at the top level."""
    pos = text.rfind("\n", 0, start) + 1
    line = text[pos : text.find("\n", pos) if "\n" in text[pos:] else len(text)]
    least = len(line) - len(line.lstrip(" "))
    floor = max(0, start - WINDOW)
    while pos > floor:
        pos = text.rfind("\n", 0, pos - 1) + 1
        line = text[pos : text.find("\n", pos)]
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        indent = len(line) - len(body)
        if indent < least and (body == "-" or body.startswith("- ")):
            return pos, indent
        if indent < least:
            least = indent
            if indent == 0:
                return None  # a top-level key: a document, not a list item
    return None


def _yaml_item_end(text: str, end: int, column: int, limit: int) -> int:
    """Where the item whose dash is at `column` ends: the next line indented no deeper."""
    pos = text.find("\n", end, limit)
    while pos != -1:
        nxt = text.find("\n", pos + 1, limit)
        line = text[pos + 1 : nxt if nxt != -1 else limit]
        body = line.lstrip(" ")
        if body and not body.startswith("#") and len(line) - len(body) <= column:
            return pos
        pos = nxt
    return limit
