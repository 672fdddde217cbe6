"""Scanner tables: exact candidates per fixture, noops per language, groups and syntax issues."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from betalint.linter.scan.scanner import Candidate, ScanResult, might_contain_beta, scan_text
from betalint.linter.scan.vocabulary import Vocabulary

FIXTURES = Path(__file__).parent / "fixtures"

# A hand list, so these tests do not depend on the registry being written alongside them.
NAMES = [
    "files-api-2025-04-14",
    "prompt-caching-2024-07-31",
    "message-batches-2024-09-24",
    "computer-use-2024-10-22",
    "computer-use-2025-01-24",
    "pdfs-2024-09-25",
    "token-counting-2024-11-01",
    "output-128k-2025-02-19",
    "context-1m-2025-08-07",
    "interleaved-thinking-2025-05-14",
    "code-execution-2025-05-22",
    "mcp-client-2025-04-04",
    "mcp-client-2025-11-20",
    "web-search-2025-03-05",
    "claude-code-20250219",
    "efs-2026-10-01",
    "max-tokens-3-5-sonnet-2024-07-15",
    "fine-grained-tool-streaming-2025-05-14",
    "extended-cache-ttl-2025-04-11",
    "token-efficient-tools-2025-02-19",
    "skills-2025-10-02",
    "context-management-2025-06-27",
    "structured-outputs-2025-11-13",
    "fast-mode-2026-02-01",
]
VOCAB = Vocabulary.from_names(NAMES)

Row = tuple[str, str | None, str, bool, int, int]


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (code points) of an offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def scan(text: str, path: str) -> ScanResult:
    result = scan_text(text, path, VOCAB)
    for cand in result.candidates:
        assert text[cand.start : cand.end] == cand.written
    return result


def rows(text: str, path: str) -> list[Row]:
    return [
        (c.written, c.canonical, c.context, c.strong, *line_col(text, c.start))
        for c in scan(text, path).candidates
    ]


def read(rel: str) -> str:
    return (FIXTURES / rel).read_text(encoding="utf-8")


FIXTURE_TABLE: list[tuple[str, list[Row]]] = [
    (
        "env/.env",
        [
            ("files-api-2025-04-14", None, "env", True, 2, 16),
            ("pdfs-2024-09-25", None, "env", True, 2, 37),
            ("token-counting-2024-11-01", None, "env", True, 3, 18),
        ],
    ),
    (
        "env/.env.example",
        [
            ("output-128k-2025-02-19", None, "env", True, 2, 17),
            ("context-1m-2025-08-07", None, "env", True, 2, 40),
        ],
    ),
    (
        "env/Dockerfile",
        [
            ("files-api-2025-04-14", None, "env", True, 2, 20),
            ("pdfs-2024-09-25", None, "env", True, 3, 21),
        ],
    ),
    (
        "go/main.go",
        [
            (
                "AnthropicBetaFilesAPI2025_04_14",
                "files-api-2025-04-14",
                "sdk-constant",
                True,
                15,
                50,
            ),
            ("pdfs-2024-09-25", None, "betas-list", True, 15, 84),
            ("token-counting-2024-11-01", None, "header-value", True, 16, 42),
            ("output-128k-2025-02-19", None, "header-value", True, 17, 36),
            ("context-1m-2025-08-07", None, "header-value", True, 17, 59),
            ("mcp-client-2025-04-04", None, "header-value", True, 18, 47),
            (
                "AnthropicBetaOutput128k2025_02_19",
                "output-128k-2025-02-19",
                "sdk-constant",
                True,
                20,
                17,
            ),
            (
                "AnthropicBetaClaudeCode20250219",
                "claude-code-20250219",
                "sdk-constant",
                True,
                21,
                7,
            ),
            (
                "AnthropicBetaNewThing2026_01_01",
                "new-thing-2026-01-01",
                "sdk-constant",
                True,
                22,
                17,
            ),
        ],
    ),
    (
        "http/messages.http",
        [
            ("files-api-2025-04-14", None, "header-value", True, 5, 17),
            ("pdfs-2024-09-25", None, "header-value", True, 5, 39),
            ("token-counting-2024-11-01", None, "header-value", True, 12, 18),
        ],
    ),
    (
        "java/Messages.java",
        [
            ("FILES_API_2025_04_14", "files-api-2025-04-14", "sdk-constant", True, 11, 36),
            ("pdfs-2024-09-25", None, "betas-list", True, 12, 23),
            (
                "PROMPT_CACHING_2024_07_31",
                "prompt-caching-2024-07-31",
                "sdk-constant",
                True,
                13,
                42,
            ),
            ("token-counting-2024-11-01", None, "betas-list", True, 13, 87),
            ("output-128k-2025-02-19", None, "header-value", True, 14, 53),
        ],
    ),
    (
        "java/Messages.kt",
        [
            ("CONTEXT_1M_2025_08_07", "context-1m-2025-08-07", "sdk-constant", True, 2, 33),
            ("MCP_CLIENT_2025_04_04", "mcp-client-2025-04-04", "sdk-constant", True, 2, 76),
        ],
    ),
    (
        "json/recording.json",
        [
            ("files-api-2025-04-14", None, "header-value", True, 2, 47),
            ("pdfs-2024-09-25", None, "betas-list", True, 3, 14),
            ("token-counting-2024-11-01", None, "betas-list", True, 3, 33),
            ("output-128k-2025-02-19", None, "env", True, 4, 30),
            ("context-1m-2025-08-07", None, "string", False, 6, 17),
        ],
    ),
    (
        "markdown/README.md",
        [
            ("files-api-2025-04-14", None, "markdown", False, 3, 40),
            ("prompt-caching-2024-07-31", None, "markdown", False, 4, 1),
            ("pdfs-2024-09-25", None, "betas-list", True, 7, 37),
            ("token-counting-2024-11-01", None, "comment", False, 8, 3),
            ("output-128k-2025-02-19", None, "header-value", True, 12, 31),
            ("context-1m-2025-08-07", None, "betas-list", True, 16, 17),
            ("interleaved-thinking-2025-05-14", None, "comment", False, 16, 45),
            ("mcp-client-2025-11-20", None, "header-value", True, 19, 28),
            ("skills-2025-10-02", None, "header-value", True, 19, 73),
        ],
    ),
    (
        "markdown/guide.mdx",
        [
            ("files-api-2025-04-14", None, "header-value", True, 5, 64),
            ("pdfs-2024-09-25", None, "header-value", True, 9, 21),
            ("token-counting-2024-11-01", None, "markdown", False, 13, 5),
        ],
    ),
    (
        "notebook/files.ipynb",
        [
            ("files-api-2025-04-14", None, "markdown", False, 8, 13),
            ("token-counting-2024-11-01", None, "header-value", True, 26, 74),
            ("output-128k-2025-02-19", None, "betas-list", True, 27, 47),
        ],
    ),
    (
        "python/client.py",
        [
            ("files-api-2025-04-14", None, "string", False, 8, 15),
            ("interleaved-thinking-2025-05-14", None, "comment", False, 9, 19),
            ("prompt-caching-2024-07-31", None, "header-value", True, 12, 41),
            ("files-api-2025-04-14", None, "betas-list", True, 22, 14),
            ("pdfs-2024-09-25", None, "betas-list", True, 23, 14),
            ("prompt-cacheing-2024-07-31", None, "betas-list", True, 24, 14),
            ("token-counting-2024-11-01", None, "header-value", True, 35, 43),
            ("output-128k-2025-02-19", None, "header-value", True, 35, 69),
            ("message-batches-2024-09-24", None, "header-value", True, 45, 32),
            ("files-api-2025-4-14", None, "header-value", True, 45, 60),
            ("context-1m-2025-08-07", None, "env", True, 50, 33),
            ("computer-use-2025-01-24", None, "betas-list", True, 51, 30),
            ("Files-API-2025-04-14", None, "betas-list", True, 51, 57),
        ],
    ),
    (
        "ruby/client.rb",
        [
            ("files-api-2025-04-14", None, "betas-list", True, 7, 13),
            ("pdfs-2024-09-25", None, "betas-list", True, 7, 37),
            ("token-counting-2024-11-01", None, "header-value", True, 8, 58),
            ("output-128k-2025-02-19", None, "betas-list", True, 10, 12),
            ("context-1m-2025-08-07", None, "betas-list", True, 10, 35),
            (
                "PROMPT_CACHING_2024_07_31",
                "prompt-caching-2024-07-31",
                "sdk-constant",
                True,
                11,
                37,
            ),
            ("mcp-client-2025-04-04", None, "comment", False, 12, 3),
        ],
    ),
    (
        "rust/client.rs",
        [
            ("prompt-caching-2024-07-31", None, "string", False, 3, 21),
            ("files-api-2025-04-14", None, "header-value", True, 7, 64),
            ("pdfs-2024-09-25", None, "header-value", True, 7, 85),
            ("token-counting-2024-11-01", None, "header-value", True, 8, 48),
            ("output-128k-2025-02-19", None, "betas-list", True, 9, 51),
        ],
    ),
    (
        "shell/curl.sh",
        [
            ("files-api-2025-04-14", None, "env", True, 2, 24),
            ("pdfs-2024-09-25", None, "env", True, 2, 45),
            ("token-counting-2024-11-01", None, "header-value", True, 6, 23),
            ("output-128k-2025-02-19", None, "header-value", True, 6, 50),
            ("context-1m-2025-08-07", None, "header-value", True, 8, 23),
            ("prompt-caching-2024-07-31", None, "header-value", True, 8, 45),
            ("mcp-client-2025-04-04", None, "env", True, 10, 17),
            ("interleaved-thinking-2025-05-14", None, "string", False, 11, 25),
        ],
    ),
    (
        "shell/messages.curl",
        [
            ("files-api-2025-04-14", None, "header-value", True, 3, 27),
            ("pdfs-2024-09-25", None, "header-value", True, 3, 48),
        ],
    ),
    (
        "toml/settings.toml",
        [
            ("files-api-2025-04-14", None, "betas-list", True, 2, 11),
            ("pdfs-2024-09-25", None, "betas-list", True, 2, 35),
            ("token-counting-2024-11-01", None, "header-value", True, 3, 41),
            ("output-128k-2025-02-19", None, "env", True, 5, 19),
        ],
    ),
    (
        "typescript/client.ts",
        [
            ("prompt-caching-2024-07-31", None, "header-value", True, 4, 40),
            ("files-api-2025-04-14", None, "betas-list", True, 11, 14),
            ("pdfs-2024-09-25", None, "betas-list", True, 11, 38),
            ("token-counting-2024-11-01", None, "header-value", True, 18, 34),
            ("interleaved-thinking-2025-05-14", None, "comment", False, 24, 8),
            ("files-api-2025-04-14", None, "string", False, 25, 19),
            ("mcp-client-2025-04-04", None, "string", False, 25, 44),
            ("context-1m-2025-08-07", None, "betas-list", True, 28, 4),
            ("output-128k-2025-02-19", None, "betas-list", True, 29, 4),
        ],
    ),
    (
        "yaml/cassette.yaml",
        [
            ("files-api-2025-04-14", None, "header-value", True, 6, 9),
            ("pdfs-2024-09-25", None, "header-value", True, 6, 30),
            ("token-counting-2024-11-01", None, "header-value", True, 12, 24),
            ("output-128k-2025-02-19", None, "env", True, 16, 23),
            ("context-1m-2025-08-07", None, "header-value", True, 19, 39),
            ("prompt-caching-2024-07-31", None, "env", True, 23, 24),
            ("mcp-client-2025-11-20", None, "betas-list", True, 26, 7),
            ("interleaved-thinking-2025-05-14", None, "betas-list", True, 27, 8),
            ("skills-2025-10-02", None, "betas-list", True, 28, 17),
            ("efs-2026-10-01", None, "betas-list", True, 28, 36),
            ("web-search-2025-03-05", None, "comment", False, 29, 5),
        ],
    ),
]


@pytest.mark.parametrize(("rel", "expected"), FIXTURE_TABLE, ids=[r for r, _ in FIXTURE_TABLE])
def test_fixture(rel: str, expected: list[Row]) -> None:
    text = read(rel)
    assert rows(text, rel) == expected
    assert might_contain_beta(text.encode("utf-8"))


LANGUAGES = {
    "python",
    "typescript",
    "go",
    "java",
    "ruby",
    "rust",
    "shell",
    "http",
    "markdown",
    "notebook",
    "yaml",
    "json",
    "toml",
    "env",
}


NOOP_FIXTURES = sorted(
    str(p.relative_to(FIXTURES))
    for language in sorted(LANGUAGES)
    for p in (FIXTURES / language).iterdir()
    if "noop" in p.name.lower()
)


def test_every_language_has_a_noop() -> None:
    assert {rel.split("/")[0] for rel in NOOP_FIXTURES} >= LANGUAGES


@pytest.mark.parametrize("rel", NOOP_FIXTURES)
def test_noop_fixture(rel: str) -> None:
    result = scan(read(rel), rel)
    assert result.candidates == ()
    assert result.syntax_issues == ()


# Never betas, in any language: each is scanned as a line of a file of that language.
NEVER = [
    "claude-3-5-sonnet-20241022",
    "claude-opus-4-1-20250805",
    "claude-sonnet-4-20250514",
    "claude-3-7-sonnet-20250219",
    "gpt-4.1-nano-2025-04-14",
    "gpt-4o-2024-08-06",
    "gpt-5.1-2025-11-13",
    "o1-2024-12-17",
    "2023-06-01",
    "code_execution_20250522",
    "web_search_20250305",
    "computer_20250124",
    "text_editor_20250728",
    "bedrock-2023-05-31",
    "vertex-2023-10-16",
    "deprecated-version-mcp-client-2025-04-04",
    "2025-04-14T10:00:00Z",
    "1.2.3",
    "550e8400-e29b-41d4-a716-446655440000",
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
    "my-beta-2025-01-01",
    "files-api-2025-04-14-extra",
    "x-files-api-2025-04-14",
    "files_api_2025_04_14",
]
NOOP_TEMPLATES = [
    ("x.py", 'VALUE = "{}"  # {}\n'),
    ("x.ts", "const value = '{}'; // {}\n"),
    ("x.go", 'var value = "{}" // {}\n'),
    ("x.md", "Use `{}` ({}).\n"),
    ("x.yaml", "value: {}  # {}\n"),
    ("x.sh", "VALUE={} # {}\n"),
    ("x.txt", "{} {}\n"),
]


@pytest.mark.parametrize("token", NEVER)
@pytest.mark.parametrize(("path", "template"), NOOP_TEMPLATES, ids=[p for p, _ in NOOP_TEMPLATES])
def test_never_a_beta(token: str, path: str, template: str) -> None:
    assert scan(template.format(token, token), path).candidates == ()


WEAK = [
    # (text, path, written, context)
    ('BETA = "files-api-2025-04-14"\n', "x.py", "files-api-2025-04-14", "string"),
    ("# needs prompt-cacheing-2024-07-31\n", "x.py", "prompt-cacheing-2024-07-31", "comment"),
    ("x = 'files-api-2025-4-14'\n", "x.py", "files-api-2025-4-14", "string"),
    ("x = 'files-api-20250414'\n", "x.py", "files-api-20250414", "string"),
    ("x = 'Files-API-2025-04-14'\n", "x.py", "Files-API-2025-04-14", "string"),
    ("/* fiels-api-2025-04-14 */\n", "x.js", "fiels-api-2025-04-14", "comment"),
    ("See files-api-2025-04-14.\n", "x.md", "files-api-2025-04-14", "markdown"),
    ("claude --beta=claude-code-20250219\n", "x.txt", "claude-code-20250219", "string"),
    ("<!-- old: pdfs-2024-09-25 -->\n", "x.md", "pdfs-2024-09-25", "markdown"),
    ("efs-2026-10-01\n", "notes.txt", "efs-2026-10-01", "string"),
    (
        "max-tokens-3-5-sonnet-2024-07-15\n",
        "notes.txt",
        "max-tokens-3-5-sonnet-2024-07-15",
        "string",
    ),
]


@pytest.mark.parametrize(("text", "path", "written", "context"), WEAK)
def test_weak(text: str, path: str, written: str, context: str) -> None:
    (cand,) = scan(text, path).candidates
    assert (cand.written, cand.context, cand.strong, cand.group) == (written, context, False, None)


@pytest.mark.parametrize(
    "text",
    [
        "efz-2026-10-01\n",  # short features need an exact match
        "zzz-files-api-2025-04-14\n",  # no suffix matching
        "files-api-2025-04-14x\n",
        "files-api-v2-2025-04-14\n",
    ],
)
def test_weak_rejects(text: str) -> None:
    assert scan(text, "notes.txt").candidates == ()


STRONG = [
    # (text, path, [(written, context)])
    ('c.create(betas=["nonsense"])\n', "x.py", []),  # no name-like item: some other betas
    ("opt = Adam(params, lr=1e-3, betas=(0.9, 0.999))\n", "x.py", []),  # optimizer betas
    ('betas = ["alpha", "beta"]\n', "x.py", []),
    ("betas = fit(x, betas=betas)\n", "x.py", []),
    # Items that are all date-shaped but malformed still make the list a betas list.
    ('c.create(betas=["files-api-2025-4-14"])\n', "x.py", [("files-api-2025-4-14", "betas-list")]),
    (
        'c.create(betas=["Files-API-2025-04-14"])\n',
        "x.py",
        [("Files-API-2025-04-14", "betas-list")],
    ),
    ('c.create(betas=["files-api-20250414"])\n', "x.py", [("files-api-20250414", "betas-list")]),
    (
        "await c.create({ betas: ['files_api_2025_04_14'] })\n",
        "x.ts",
        [("files_api_2025_04_14", "betas-list")],
    ),
    ('betas=["files-api-2025-02-30"]', "x.py", [("files-api-2025-02-30", "betas-list")]),  # EOF
    ('h = {"anthropic-beta": "efs"}', "x.py", [("efs", "header-value")]),
    (
        'c.create(betas=["files-api", "x"])\n',
        "x.py",
        [("files-api", "betas-list"), ("x", "betas-list")],
    ),
    (
        'h = {"anthropic-beta": "files_api_2025_04_14"}\n',
        "x.py",
        [("files_api_2025_04_14", "header-value")],
    ),
    ('h = {"anthropic-beta": "true"}\n', "x.py", [("true", "header-value")]),
    ('h = {"anthropic-beta": ",".join(BETAS)}\n', "x.py", []),
    ('h = {"anthropic-beta": BETA}\n', "x.py", []),
    (
        'h = {"anthropic-beta": os.environ.get("X", "files-api-2025-04-14")}\n',
        "x.py",
        [("files-api-2025-04-14", "header-value")],
    ),
    ('allow = ("anthropic-beta", "x-api-key")\n', "x.py", []),
    (
        'h = {"anthropic-beta": f"{base},pdfs-2024-09-25"}\n',
        "x.py",
        [("pdfs-2024-09-25", "header-value")],
    ),
    (
        'headers["anthropic-beta"] = "pdfs-2024-09-25"\n',
        "x.py",
        [("pdfs-2024-09-25", "header-value")],
    ),
    (
        "r = requests.post(u, headers={'anthropic-beta': 'efs'})\n",
        "x.py",
        [("efs", "header-value")],
    ),
    (
        'lines = ["anthropic-beta: pdfs-2024-09-25\\r\\n"]\n',
        "x.py",
        [("pdfs-2024-09-25", "header-value")],
    ),
    ("betas: list[str] = ['pdfs-2024-09-25']\n", "x.py", [("pdfs-2024-09-25", "betas-list")]),
    ('if [ "$ANTHROPIC_BETA" = x ]; then :; fi\n', "x.sh", []),
    ("ANTHROPIC_BETA == 'pdfs-2024-09-25'\n", "x.py", [("pdfs-2024-09-25", "string")]),
    ('process.env.ANTHROPIC_BETA = "pdfs-2024-09-25";\n', "x.js", [("pdfs-2024-09-25", "env")]),
    ('os.Setenv("ANTHROPIC_BETA", "pdfs-2024-09-25")\n', "x.go", [("pdfs-2024-09-25", "env")]),
    ("set -gx ANTHROPIC_BETA pdfs-2024-09-25\n", "x.fish", [("pdfs-2024-09-25", "env")]),
    ("betas = %i[pdfs-2024-09-25]\n", "x.rb", [("pdfs-2024-09-25", "betas-list")]),
    (
        "x = {betas: [\n  'pdfs-2024-09-25', # PDFs\n  'efs-2026-10-01',\n]}\n",
        "x.rb",
        [("pdfs-2024-09-25", "betas-list"), ("efs-2026-10-01", "betas-list")],
    ),
    (
        "anthropic-beta: files-api-2025-04-14\n",
        "notes.txt",
        [("files-api-2025-04-14", "header-value")],
    ),
    # A made-up switch after a name (`=true`, `=1`) is part of the item the API receives.
    (
        "anthropic-beta: pdfs-2024-09-25=true, efs-2026-10-01\n",
        "x.http",
        [("pdfs-2024-09-25=true", "header-value"), ("efs-2026-10-01", "header-value")],
    ),
    (
        "curl -H 'anthropic-beta: pdfs-2024-09-25=1' $URL\n",
        "x.sh",
        [("pdfs-2024-09-25=1", "header-value")],
    ),
    (
        'h = {"anthropic-beta": "interleaved-thinking-2025-05-14=1"}\n',
        "x.py",
        [("interleaved-thinking-2025-05-14=1", "header-value")],
    ),
    ("ANTHROPIC_BETA=pdfs-2024-09-25=true\n", ".env", [("pdfs-2024-09-25=true", "env")]),
    ("anthropic-beta: a=b=c\n", "x.http", []),  # not an item with a switch
    (
        "curl -H anthropic-beta:pdfs-2024-09-25 $URL\n",
        "x.sh",
        [("pdfs-2024-09-25", "header-value")],
    ),
]


# A computed betas value (a call that builds more than a list) keeps dated names and exact
# features, but not a dateless word that is only near a feature ("skill" near "skills"):
# `beta = Agent(model=Scripted(...))` in public test code held `"tool"` (near "tools").
COMPUTED = [
    ('beta = Agent(model=Scripted("m", [("skill", "x")]))\n', "a.py", []),
    ('betas = make(["skill", "pdfs-2024-09-25"])\n', "a.py", ["pdfs-2024-09-25"]),
    ('betas = make(["files-api", "x"])\n', "a.py", ["files-api"]),
    # A plain list is no computed value: its near-feature item is still a (bad) name.
    ('betas = ["skill"]\n', "a.py", ["skill"]),
]


@pytest.mark.parametrize(("text", "path", "expected"), COMPUTED)
def test_computed_value_keeps_only_dated_or_exact(
    text: str, path: str, expected: list[str]
) -> None:
    assert [c.written for c in scan(text, path).candidates if c.strong] == expected


@pytest.mark.parametrize(("text", "path", "expected"), STRONG)
def test_strong(text: str, path: str, expected: list[tuple[str, str]]) -> None:
    found = scan(text, path).candidates
    assert [(c.written, c.context) for c in found] == expected
    assert all(c.strong == (c.context not in ("string", "comment", "markdown")) for c in found)


CONSTANTS = [
    (
        "anthropic.AnthropicBetaFilesAPI2025_04_14",
        "x.go",
        "AnthropicBetaFilesAPI2025_04_14",
        "files-api-2025-04-14",
    ),
    (
        "AnthropicBetaOutput128k2025_02_19",
        "x.go",
        "AnthropicBetaOutput128k2025_02_19",
        "output-128k-2025-02-19",
    ),
    (
        "AnthropicBetaContext1m2025_08_07",
        "x.go",
        "AnthropicBetaContext1m2025_08_07",
        "context-1m-2025-08-07",
    ),
    (
        "AnthropicBetaMaxTokens35Sonnet2024_07_15",
        "x.go",
        "AnthropicBetaMaxTokens35Sonnet2024_07_15",
        "max-tokens-3-5-sonnet-2024-07-15",
    ),
    (
        "AnthropicBetaMCPClient2099_01_01",
        "x.go",
        "AnthropicBetaMCPClient2099_01_01",
        "mcp-client-2099-01-01",
    ),
    (
        "AnthropicBeta.FILES_API_2025_04_14",
        "X.java",
        "FILES_API_2025_04_14",
        "files-api-2025-04-14",
    ),
    ("AnthropicBeta.NEW_THING_2099_01_01", "X.kt", "NEW_THING_2099_01_01", "new-thing-2099-01-01"),
    ("Anthropic::AnthropicBeta::PDFS_2024_09_25", "x.rb", "PDFS_2024_09_25", "pdfs-2024-09-25"),
]


@pytest.mark.parametrize(("text", "path", "written", "canonical"), CONSTANTS)
def test_constants(text: str, path: str, written: str, canonical: str) -> None:
    (cand,) = scan(text + "\n", path).candidates
    assert (cand.written, cand.canonical, cand.context, cand.strong) == (
        written,
        canonical,
        "sdk-constant",
        True,
    )


def test_constant_not_a_type() -> None:
    assert (
        scan(
            "var b anthropic.AnthropicBeta\nx := MyAnthropicBetaFoo2025_01_01\n", "x.go"
        ).candidates
        == ()
    )


GO_DEFINITIONS = [
    # (line, the one candidate: written, strong, context)
    (
        '\tAnthropicBetaPDFs2024_09_25 AnthropicBeta = "pdfs-2024-09-25"\n',
        ("pdfs-2024-09-25", False, "string"),
    ),
    (  # the value is what is sent: a typo in it is the candidate, not the identifier
        '\tAnthropicBetaFilesAPI2025_04_14 AnthropicBeta = "files-api-2025-4-14"\n',
        ("files-api-2025-4-14", False, "string"),
    ),
    (  # untyped, and a qualified type
        'const AnthropicBetaNewThing2026_01_01 = "new-thing-2026-01-01"\n',
        ("new-thing-2026-01-01", False, "string"),
    ),
    (
        'AnthropicBetaPDFs2024_09_25 anthropic.AnthropicBeta = "pdfs-2024-09-25" // PDFs\n',
        ("pdfs-2024-09-25", False, "string"),
    ),
    # Uses, not definitions: the identifier stays the candidate.
    (
        'if b == AnthropicBetaPDFs2024_09_25 { return "x" }\n',
        ("AnthropicBetaPDFs2024_09_25", True, "sdk-constant"),
    ),
    (
        'm := map[string]string{AnthropicBetaPDFs2024_09_25: "pdf"}\n',
        ("AnthropicBetaPDFs2024_09_25", True, "sdk-constant"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), GO_DEFINITIONS)
def test_go_constant_definition_is_one_candidate(
    text: str, expected: tuple[str, bool, str]
) -> None:
    (cand,) = scan(text, "beta.go").candidates
    assert (cand.written, cand.strong, cand.context) == expected
    assert cand.canonical == (None if cand.context != "sdk-constant" else "pdfs-2024-09-25")


def groups(result: ScanResult) -> dict[str, int | None]:
    return {c.written: c.group for c in result.candidates}


def test_groups_python_fixture() -> None:
    found = scan(read("python/client.py"), "python/client.py").candidates
    by_line: dict[int | None, set[str]] = {}
    for cand in found:
        by_line.setdefault(cand.group, set()).add(cand.written)
    listed = {"files-api-2025-04-14", "pdfs-2024-09-25", "prompt-cacheing-2024-07-31"}
    assert listed in by_line.values()
    header = {"token-counting-2024-11-01", "output-128k-2025-02-19"}
    assert header in by_line.values()
    strong_groups = [c.group for c in found if c.strong]
    assert None not in strong_groups
    assert all(c.group is None for c in found if not c.strong)


def test_groups_separate_lists() -> None:
    text = 'a(betas=["pdfs-2024-09-25", "efs-2026-10-01"])\nb(betas=["pdfs-2024-09-25"])\n'
    found = scan(text, "x.py").candidates
    assert [c.group for c in found][:2] == [found[0].group] * 2
    assert found[2].group != found[0].group


def test_group_constants_join_their_list() -> None:
    text = (
        "Betas: []anthropic.AnthropicBeta{"
        'anthropic.AnthropicBetaPDFs2024_09_25, "efs-2026-10-01"},\n'
    )
    found = scan(text, "x.go").candidates
    assert len(found) == 2
    assert found[0].group == found[1].group is not None
    assert found[0].canonical == "pdfs-2024-09-25"


BUILDER_CHAINS = [
    # (text, path, groups of the candidates in order: equal numbers = one group)
    ('b.addBeta("pdfs-2024-09-25").addBeta("pdfs-2024-09-25");\n', "X.java", [0, 0]),
    (
        'b.addBeta("pdfs-2024-09-25")\n    .model(Model.X)\n'
        "    .addBeta(AnthropicBeta.PDFS_2024_09_25)\n    .build();\n"
        'c.addBeta("pdfs-2024-09-25");\n',
        "X.java",
        [0, 0, 1],
    ),
    (
        'val p = b.addBeta("pdfs-2024-09-25")\n    .addBeta("efs-2026-10-01")\n'
        'val q = c.addBeta("pdfs-2024-09-25")\n',
        "X.kt",
        [0, 0, 1],
    ),
    (  # a lambda body or a comment line between calls ends what we call one chain
        'b.addBeta("pdfs-2024-09-25").also { it.addBeta("efs-2026-10-01") }\n',
        "X.kt",
        [0, 1],
    ),
]


@pytest.mark.parametrize(("text", "path", "expected"), BUILDER_CHAINS)
def test_builder_chain_is_one_group(text: str, path: str, expected: list[int]) -> None:
    found = scan(text, path).candidates
    first: dict[int | None, int] = {}
    assert [first.setdefault(c.group, len(first)) for c in found] == expected
    assert all(c.group is not None for c in found)


def test_header_value_one_group_across_yaml_block_list() -> None:
    text = "headers:\n  anthropic-beta:\n  - pdfs-2024-09-25\n  - efs-2026-10-01\n  other: x\n"
    found = scan(text, "c.yaml").candidates
    assert [c.written for c in found] == ["pdfs-2024-09-25", "efs-2026-10-01"]
    assert found[0].group == found[1].group


SYNTAX = [
    # (text, path, value as written, message part, replacement)
    (
        "anthropic-beta: a-2025-01-01,,b-2025-01-01\n",
        "x.http",
        "a-2025-01-01,,b-2025-01-01",
        "empty",
        "a-2025-01-01,b-2025-01-01",
    ),
    (
        "anthropic-beta: a-2025-01-01, b-2025-01-01,\n",
        "x.http",
        "a-2025-01-01, b-2025-01-01,",
        "empty",
        "a-2025-01-01, b-2025-01-01",
    ),
    (
        "anthropic-beta: a-2025-01-01;b-2025-01-01\n",
        "x.http",
        "a-2025-01-01;b-2025-01-01",
        "';'",
        "a-2025-01-01,b-2025-01-01",
    ),
    ('anthropic-beta: "a-2025-01-01"\n', "x.http", '"a-2025-01-01"', "quotes", "a-2025-01-01"),
    (
        "h = {'anthropic-beta': 'a-2025-01-01, \"b-2025-01-01\"'}\n",
        "x.py",
        'a-2025-01-01, "b-2025-01-01"',
        "quotes",
        "a-2025-01-01, b-2025-01-01",
    ),
    (
        '{"anthropic-beta": "\\"a-2025-01-01\\""}\n',
        "x.json",
        '\\"a-2025-01-01\\"',
        "quotes",
        "a-2025-01-01",
    ),
    (
        "ANTHROPIC_BETA=a-2025-01-01,,b-2025-01-01\n",
        ".env",
        "a-2025-01-01,,b-2025-01-01",
        "empty",
        "a-2025-01-01,b-2025-01-01",
    ),
]


@pytest.mark.parametrize(("text", "path", "value", "message", "replacement"), SYNTAX)
def test_header_syntax(text: str, path: str, value: str, message: str, replacement: str) -> None:
    result = scan(text, path)
    (issue,) = result.syntax_issues
    assert text[issue.start : issue.end] == value
    assert message in issue.message
    assert issue.replacement == replacement
    assert all(c.strong for c in result.candidates)
    assert {c.written for c in result.candidates} >= {"a-2025-01-01"}


@pytest.mark.parametrize(
    "text",
    [
        "anthropic-beta: a-2025-01-01, b-2025-01-01\n",
        "anthropic-beta: {{betas}}\n",
        "anthropic-beta: see the docs, then retry\n",  # prose, not a header
    ],
)
def test_header_syntax_noop(text: str) -> None:
    assert scan(text, "x.http").syntax_issues == ()


# One header value written as several string literals: (text, path, items, issue or None).
JOINED = [
    (
        'append(l,\n  "anthropic-beta: pdfs-2024-09-25,"\n  "efs-2026-10-01");\n',
        "client.c",
        ["pdfs-2024-09-25", "efs-2026-10-01"],
        None,
    ),
    (  # an empty first part: the value starts in the next literal
        '"anthropic-beta: " "pdfs-2024-09-25"\n',
        "client.cpp",
        ["pdfs-2024-09-25"],
        None,
    ),
    (
        "h = {'anthropic-beta': 'pdfs-2024-09-25,' +\n  'efs-2026-10-01'}\n",
        "x.js",
        ["pdfs-2024-09-25", "efs-2026-10-01"],
        None,
    ),
    (
        "req.set('Anthropic-Beta: pdfs-2024-09-25,' + 'efs-2026-10-01')\n",
        "x.ts",
        ["pdfs-2024-09-25", "efs-2026-10-01"],
        None,
    ),
    (
        'h = {"anthropic-beta": "pdfs-2024-09-25,"\n     "efs-2026-10-01"}\n',
        "x.py",
        ["pdfs-2024-09-25", "efs-2026-10-01"],
        None,
    ),
    (
        'h = {"anthropic-beta": ("pdfs-2024-09-25, "  # PDFs\n  "efs-2026-10-01")}\n',
        "x.py",
        ["pdfs-2024-09-25", "efs-2026-10-01"],
        None,
    ),
    (  # a real problem inside one part is still reported, and its rewrite keeps the joint
        '"anthropic-beta: a-2025-01-01;" "b-2025-01-01"\n',
        "x.c",
        ["a-2025-01-01", "b-2025-01-01"],
        ("a-2025-01-01;", "a-2025-01-01,"),
    ),
    (
        '"anthropic-beta: a-2025-01-01,," "b-2025-01-01"\n',
        "x.c",
        ["a-2025-01-01", "b-2025-01-01"],
        ("a-2025-01-01,,", "a-2025-01-01,"),
    ),
    (  # an item cut across two literals is no name; the others still are
        '"anthropic-beta: pdfs-2024-" "09-25, efs-2026-10-01"\n',
        "x.c",
        ["efs-2026-10-01"],
        None,
    ),
    (  # `+ variable` is computed: names only, no syntax check
        'h = {"anthropic-beta": "pdfs-2024-09-25," + extra}\n',
        "x.py",
        ["pdfs-2024-09-25"],
        None,
    ),
    (  # shell words side by side are separate arguments: the value really ends with ','
        'curl -H "anthropic-beta: pdfs-2024-09-25," "$URL"\n',
        "x.sh",
        ["pdfs-2024-09-25"],
        ("pdfs-2024-09-25,", "pdfs-2024-09-25"),
    ),
    (  # a TOML string on the next line is the next key, not a continuation
        '"anthropic-beta" = "pdfs-2024-09-25,"\n"x-other" = "1"\n',
        "x.toml",
        ["pdfs-2024-09-25"],
        ("pdfs-2024-09-25,", "pdfs-2024-09-25"),
    ),
]


@pytest.mark.parametrize(("text", "path", "items", "issue"), JOINED)
def test_header_value_across_literals(
    text: str, path: str, items: list[str], issue: tuple[str, str] | None
) -> None:
    result = scan(text, path)
    assert [c.written for c in result.candidates] == items
    assert len({c.group for c in result.candidates}) == 1
    assert all(c.context == "header-value" for c in result.candidates)
    found = [(text[i.start : i.end], i.replacement) for i in result.syntax_issues]
    assert found == ([issue] if issue else [])


def test_notebook_offsets_point_into_raw_json() -> None:
    text = read("notebook/files.ipynb")
    result = scan(text, "notebook/files.ipynb")
    (issue,) = result.syntax_issues
    assert text[issue.start : issue.end] == "token-counting-2024-11-01;"
    assert "pdfs-2024-09-25" not in {c.written for c in result.candidates}  # only in outputs


def test_notebook_escaped_replacement() -> None:
    cell = '{"anthropic-beta": "\\"pdfs-2024-09-25\\""}'
    source = cell.replace("\\", "\\\\").replace('"', '\\"')
    text = '{"cells": [{"cell_type": "code", "source": ["' + source + '"]}]}'
    result = scan(text, "x.ipynb")
    (issue,) = result.syntax_issues
    assert issue.replacement == "pdfs-2024-09-25"
    assert [c.written for c in result.candidates] == ["pdfs-2024-09-25"]


def test_markdown_fence_language_decides() -> None:
    text = (
        "```yaml\nbetas:\n  - pdfs-2024-09-25\n```\n\n```text\nbetas:\n  - pdfs-2024-09-25\n```\n"
    )
    found = scan(text, "x.md").candidates
    assert [(c.context, line_col(text, c.start)[0]) for c in found] == [
        ("betas-list", 3),
        ("string", 8),
    ]


def test_minified_long_line_is_linear() -> None:
    import time

    line = "a-b-c-d-e-f-g-h-" * 50_000 + "-2025-04-14 " + "x" * 200_000 + "\n"
    start = time.perf_counter()
    scan(line, "bundle.min.js")
    assert time.perf_counter() - start < 2.0


def test_candidates_are_sorted_and_disjoint() -> None:
    for rel, _ in FIXTURE_TABLE:
        found = scan(read(rel), rel).candidates
        for a, b in itertools.pairwise(found):
            assert a.end <= b.start


def test_candidate_is_frozen() -> None:
    cand = Candidate(0, 1, "x", None, "string", False, None)
    with pytest.raises(AttributeError):
        cand.start = 2  # type: ignore[misc]


def test_prefilter_rejects_plain_code() -> None:
    assert not might_contain_beta(b"def f(x):\n    return x * 2\n")
    assert might_contain_beta(b"x = AnthropicBetaFilesAPI2025_04_14")
    assert might_contain_beta(b"Anthropic-Beta: files-api")
    assert might_contain_beta(b"c.create(BETAS=[x])")
