"""Scanner properties (hypothesis): never raises, spans are exact, prefilter is sound."""

from __future__ import annotations

import json
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from betalint.linter.scan.scanner import ScanResult, might_contain_beta, scan_text
from betalint.linter.scan.vocabulary import Vocabulary, within_one_edit

NAMES = [
    "files-api-2025-04-14",
    "prompt-caching-2024-07-31",
    "pdfs-2024-09-25",
    "output-128k-2025-02-19",
    "context-1m-2025-08-07",
    "claude-code-20250219",
    "efs-2026-10-01",
    "max-tokens-3-5-sonnet-2024-07-15",
    "mcp-client-2025-04-04",
]
VOCAB = Vocabulary.from_names(NAMES)

# Modest by default so the suite stays fast; BETALINT_SCANNER_PROFILE=scanner-thorough for more.
settings.register_profile("scanner", max_examples=100, deadline=None)
settings.register_profile("scanner-thorough", max_examples=3000, deadline=None)
PROFILE = settings.get_profile(os.environ.get("BETALINT_SCANNER_PROFILE", "scanner"))

PATHS = [
    "x.py",
    "x.ipynb",
    "x.ts",
    "x.go",
    "X.java",
    "x.rb",
    "x.rs",
    "x.sh",
    "x.http",
    "README.md",
    "x.yaml",
    "x.json",
    "x.toml",
    ".env",
    "Dockerfile",
    "notes.txt",
]
FRAGMENTS = [
    *NAMES,
    "files-api-2025-4-14",
    "fiels-api-2025-04-14",
    "Files-API-2025-04-14",
    "claude-3-5-sonnet-20241022",
    "code_execution_20250522",
    "-2025-04-14",
    "_2025_04_14",
    "betas=[",
    "betas: ",
    "Betas: []anthropic.AnthropicBeta{",
    ".betas(List.of(",
    ".addBeta(",
    "%w[",
    '"anthropic-beta": ',
    "anthropic-beta: ",
    "Anthropic-Beta:",
    "-H 'anthropic-beta: ",
    "ANTHROPIC_BETA=",
    "ANTHROPIC_BETAS: ",
    "export ANTHROPIC_BETA=",
    "AnthropicBeta.",
    "AnthropicBeta::",
    "AnthropicBetaFilesAPI2025_04_14",
    "FILES_API_2025_04_14",
    "```python\n",
    "```\n",
    '{"cells": [{"cell_type": "code", "source": ["',
    '"outputs": [',
    "\\n",
    '\\"',
    '"',
    "'",
    "`",
    "${x}",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    ",",
    ";",
    ",,",
    " ",
    "\n",
    "\t",
    "#",
    "//",
    "/*",
    "- ",
    "  ",
    "\u017f",
    "\u212a",
    "\u0130",
    "\u0663",
]
beta_ish_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=30
).map("".join)


def check_spans(text: str, result: ScanResult) -> None:
    for cand in result.candidates:
        assert 0 <= cand.start < cand.end <= len(text)
        assert text[cand.start : cand.end] == cand.written
        assert cand.strong == (cand.context not in ("string", "comment", "markdown"))
        if cand.context == "sdk-constant":
            assert cand.canonical
        else:
            assert cand.canonical is None
    for issue in result.syntax_issues:
        assert 0 <= issue.start <= issue.end <= len(text)
    starts = [c.start for c in result.candidates]
    assert starts == sorted(starts)


@PROFILE
@given(text=st.text(), path=st.sampled_from(PATHS))
def test_never_raises_on_text(text: str, path: str) -> None:
    check_spans(text, scan_text(text, path, VOCAB))


@PROFILE
@given(
    data=st.binary(), path=st.sampled_from(PATHS), encoding=st.sampled_from(["utf-8", "latin-1"])
)
def test_never_raises_on_bytes(data: bytes, path: str, encoding: str) -> None:
    text = data.decode(encoding, errors="replace")
    check_spans(text, scan_text(text, path, VOCAB))


@PROFILE
@given(text=beta_ish_text, path=st.sampled_from(PATHS))
def test_spans_exact_and_prefilter_sound(text: str, path: str) -> None:
    result = scan_text(text, path, VOCAB)
    check_spans(text, result)
    if result.candidates or result.syntax_issues:
        assert might_contain_beta(text.encode("utf-8"))


code_noise = st.text(alphabet="abcdefxyz_0123 =.;\n\t", max_size=40)


@PROFILE
@given(
    before=code_noise,
    after=code_noise,
    name=st.sampled_from(NAMES),
    form=st.sampled_from(
        [
            ("x.py", "client.create(betas=[{q}{n}{q}], model=m)"),
            ("x.py", "client.create(\n    betas=[\n        {q}{n}{q},\n    ],\n)"),
            ("x.ts", "await c.create({{ betas: [{q}{n}{q}] }});"),
            ("x.rb", "c.create(betas: [:{q}{n}{q}])"),
            ("x.rb", "BETAS = %w[{n}]"),
            ("X.java", ".betas(List.of({q}{n}{q}))"),
            ("X.java", ".addBeta({q}{n}{q})"),
            ("x.yaml", "betas:\n  - {n}\n"),
            ("x.toml", "betas = [{q}{n}{q}]"),
        ]
    ),
    quote=st.sampled_from(['"', "'"]),
)
def test_name_in_betas_list(
    before: str, after: str, name: str, form: tuple[str, str], quote: str
) -> None:
    path, template = form
    if path in ("x.yaml", "x.toml") or (path == "x.rb" and "%w" in template):
        quote = '"'
    snippet = template.format(q=quote, n=name)
    text = f"{before}\n{snippet}\n{after}"
    offset = len(before) + 1 + snippet.index(name)
    found = scan_text(text, path, VOCAB).candidates
    inside = [c for c in found if offset - 20 < c.start < offset + len(name) + 20]
    assert [(c.start, c.written, c.context, c.strong) for c in inside] == [
        (offset, name, "betas-list", True)
    ]


@PROFILE
@given(sources=st.lists(beta_ish_text, min_size=1, max_size=3))
def test_notebook_cells_match_plain_scan(sources: list[str]) -> None:
    cells = [
        {"cell_type": "code", "metadata": {}, "outputs": [], "source": src.splitlines(True)}
        for src in sources
    ]
    raw = json.dumps({"cells": cells, "metadata": {}}, indent=1)
    result = scan_text(raw, "x.ipynb", VOCAB)
    check_spans(raw, result)
    expected = [c.written for src in sources for c in scan_text(src, "x.py", VOCAB).candidates]
    # A notebook candidate is written as raw JSON (`\u0430` for a Cyrillic a): decode it.
    assert [json.loads(f'"{c.written}"') for c in result.candidates] == expected


@PROFILE
@given(word=st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=14))
def test_near_feature_matches_brute_force(word: str) -> None:
    brute = any(within_one_edit(word, feature) for feature in VOCAB.features)
    assert VOCAB.near_feature(word) == brute


@PROFILE
@given(
    feature=st.sampled_from(sorted(VOCAB.features)),
    index=st.integers(min_value=0, max_value=40),
    char=st.sampled_from("abz-9"),
    op=st.sampled_from(["insert", "delete", "substitute", "swap"]),
)
def test_near_feature_one_edit(feature: str, index: int, char: str, op: str) -> None:
    i = index % (len(feature) + 1)
    if op == "insert":
        word = feature[:i] + char + feature[i:]
    elif op == "delete":
        i = min(i, len(feature) - 1)
        word = feature[:i] + feature[i + 1 :]
    elif op == "substitute":
        i = min(i, len(feature) - 1)
        word = feature[:i] + char + feature[i + 1 :]
    else:
        i = min(i, len(feature) - 2)
        word = feature[:i] + feature[i + 1] + feature[i] + feature[i + 2 :]
    assert VOCAB.near_feature(word)


@PROFILE
@given(
    items=st.lists(st.sampled_from(NAMES), min_size=1, max_size=5),
    seps=st.lists(st.sampled_from([",", ", ", ";", ",,", " ,"]), min_size=5, max_size=5),
    cuts=st.lists(st.booleans(), min_size=5, max_size=5),
    form=st.sampled_from([("x.c", "\n    "), ("x.py", " "), ("x.js", " +\n  ")]),
)
def test_header_split_over_literals(
    items: list[str], seps: list[str], cuts: list[bool], form: tuple[str, str]
) -> None:
    # A header value cut into literals after its separators: the items are found in order,
    # only real separator problems are reported, and applying the rewrites leaves none.
    path, joint = form
    parts = [items[0]]
    for item, sep, cut in zip(items[1:], seps, cuts, strict=False):
        parts.append(f'{sep}"{joint}"{item}' if cut else f"{sep}{item}")
    value = "".join(parts)
    text = (
        f'h = {{"anthropic-beta": ("{value}")}}\n'
        if path == "x.py"
        else f'req("anthropic-beta: {value}");\n'
    )
    result = scan_text(text, path, VOCAB)
    check_spans(text, result)
    assert [c.written for c in result.candidates] == items
    bad = any(s in (";", ",,") for s in seps[: len(items) - 1])
    assert bool(result.syntax_issues) == bad
    for issue in sorted(result.syntax_issues, key=lambda i: -i.start):
        text = text[: issue.start] + issue.replacement + text[issue.end :]
    again = scan_text(text, path, VOCAB)
    assert again.syntax_issues == ()
    assert [c.written for c in again.candidates] == items
