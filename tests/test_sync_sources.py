"""`registry sync` from wheels and tarballs, and `registry diff`, without the network.

The fixture archives are built here, in the layouts of the real packages (anthropic's wheel:
`anthropic/types/anthropic_beta_param.py`, `anthropic/resources/beta/...`; the npm tarball:
`package/package.json`, `package/src/resources/beta/beta.ts`; LiteLLM's wheel:
`litellm/anthropic_beta_headers_config.json` beside `litellm-X.dist-info/METADATA`), with
invented names. `BETALINT_LIVE_SYNC=1` also runs the sync against the newest real releases.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import tarfile
import textwrap
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from betalint.linter.cli import main
from betalint.registry.loader import load_registry
from betalint.registry.sdk_layer import ts_literal
from betalint.registry.sync_review import Sources, review, review_lines
from betalint.registry.sync_sources import (
    Pin,
    SourceError,
    scan_litellm,
    scan_node_sdk,
    scan_python_sdk,
)

REGISTRY = Path(__file__).parent / "data" / "sync" / "registry.toml"

LITERAL = """\
from typing import Union
from typing_extensions import Literal, TypeAlias

__all__ = ["AnthropicBetaParam"]

AnthropicBetaParam: TypeAlias = Union[
    str,
    Literal[
        "shared-2025-06-01",
        "managed-x-2026-04-01",
        "old-thing-2026-01-01",
        "widgets-2026-05-05",
        "py-new-2026-11-01",
    ],
]
"""

# Two methods (sync and async) pin the name, as the SDK's generated resources do.
RESOURCE = """\
class {cls}:
    def create(self, *, betas=NOT_GIVEN, extra_headers=None):
        extra_headers = {{
            **strip_not_given(
                {{"anthropic-beta": ",".join(chain((str(e) for e in betas), ["{name}"]))}}
            ),
            **(extra_headers or {{}}),
        }}
        extra_headers = {{"anthropic-beta": "{name}", **(extra_headers or {{}})}}
        return self._post("/v1/{path}", options=make_request_options(extra_headers=extra_headers))

    async def acreate(self, *, extra_headers=None):
        extra_headers = {{"anthropic-beta": "{name}", **(extra_headers or {{}})}}
        return await self._post("/v1/{path}")
"""

DOCSTRING = '''\
class Thing(TypedDict, total=False):
    label: str
    """Free text.

    Legacy field, accepted only under the `old-thing-2026-01-01` beta header; without
    it, send `name`. This may change without a deprecation period.
    """
'''

TS_UNION = """\
/**
 * Beta names you can send. 'not-listed-2020-01-01' in a comment is no member.
 */
export type AnthropicBeta =
  | (string & {})
  | 'shared-2025-06-01'
  | 'managed-x-2026-04-01'
  | 'old-thing-2026-01-01'
  | 'widgets-2026-05-05'
  | 'node-new-2026-11-20';
"""

TS_RESOURCE = """\
export class Things extends APIResource {
  create(params: ThingCreateParams, options?: RequestOptions): APIPromise<Thing> {
    const { betas, ...body } = params;
    return this._client.post('/v1/things', {
      body,
      ...options,
      headers: buildHeaders([
        { 'anthropic-beta': [...(betas ?? []), 'widgets-2026-05-05'].toString() },
        options?.headers,
      ]),
    });
  }
}
"""

LITELLM = {
    "description": "Fixture in LiteLLM's shape.",
    "anthropic": {
        "shared-2025-06-01": "shared-2025-06-01",
        "lite-new-2026-11-11": "lite-new-2026-11-11",
        "bash_20250124": None,
    },
    "bedrock": {"shared-2025-06-01": None, "dead-2024-01-01": None},
    "vertex_ai": {"shared-2025-06-01": None},
    "vertex_ai_header_only": {"shared-2025-06-01": "shared-2025-06-01"},
}


def _zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


def _tgz(path: Path, files: dict[str, str]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def anthropic_wheel(where: Path) -> Path:
    files = {
        "anthropic/__init__.py": "raise RuntimeError('imported')\n",
        "anthropic/_version.py": '__title__ = "anthropic"\n__version__ = "9.0.0"\n',
        "anthropic/types/anthropic_beta_param.py": LITERAL,
        "anthropic/types/beta/thing_params.py": DOCSTRING,
        "anthropic/resources/beta/widgets.py": RESOURCE.format(
            cls="Widgets", name="widgets-2026-05-05", path="widgets"
        ),
        "anthropic/resources/widgets.py": "class Widgets:\n    pass\n",  # the GA twin
        "anthropic/resources/beta/bedrock/agents.py": RESOURCE.format(
            cls="Agents", name="managed-x-2026-04-01", path="agents"
        ),
        "anthropic/resources/beta/legacy.py": RESOURCE.format(
            cls="Legacy", name="gone-2025-01-01", path="legacy"
        ),
        "anthropic-9.0.0.dist-info/METADATA": "Name: anthropic\nVersion: 9.0.0\n",
    }
    return _zip(where / "anthropic-9.0.0-py3-none-any.whl", files)


def npm_tarball(where: Path) -> tuple[Path, Path]:
    files = {
        "package/package.json": json.dumps({"name": "@anthropic-ai/sdk", "version": "3.0.0"}),
        "package/src/resources/beta/beta.ts": TS_UNION,
        "package/src/resources/beta/things.ts": TS_RESOURCE,
        "package/README.md": "not read\n",
    }
    times = where / "time.json"
    times.write_text(json.dumps({"2.9.0": "2026-10-01T00:00:00Z", "3.0.0": "2026-11-30T18:40:02Z"}))
    return _tgz(where / "anthropic-ai-sdk-3.0.0.tgz", files), times


def litellm_wheel(where: Path) -> Path:
    files = {
        "litellm/__init__.py": "raise RuntimeError('imported')\n",
        "litellm/anthropic_beta_headers_config.json": json.dumps(LITELLM, indent=2),
        "litellm-9.0.0.dist-info/METADATA": "Name: litellm\nVersion: 9.0.0\n",
    }
    return _zip(where / "litellm-9.0.0-cp310-abi3-manylinux_2_28_x86_64.whl", files)


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BETALINT_NO_CACHE", "1")


# --- reading the sources ------------------------------------------------------------------


def test_anthropic_wheel(tmp_path: Path) -> None:
    scan = scan_python_sdk(anthropic_wheel(tmp_path))
    assert scan.label == "anthropic 9.0.0"
    assert scan.literal[-1] == "py-new-2026-11-01" and len(scan.literal) == 5
    assert set(scan.pins) == {
        Pin("widgets-2026-05-05", "resources/beta/widgets.py", 2),
        Pin("managed-x-2026-04-01", "resources/beta/bedrock/agents.py", 2),
        Pin("gone-2025-01-01", "resources/beta/legacy.py", 2),
    }
    assert scan.ga_modules == {"resources/beta/widgets.py": "resources/widgets.py"}
    ((name, kind, module),) = [(w.name, w.kind, w.module) for w in scan.wording]
    # "without a deprecation period" is no deprecation: only the legacy sentence counts
    assert (name, kind, module) == ("old-thing-2026-01-01", "legacy", "types/beta/thing_params.py")


def test_an_unpacked_wheel_reads_the_same(tmp_path: Path) -> None:
    wheel = anthropic_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(tmp_path / "site-packages")
    packed, unpacked = scan_python_sdk(wheel), scan_python_sdk(tmp_path / "site-packages")
    assert (unpacked.version, unpacked.literal, set(unpacked.pins), unpacked.wording) == (
        packed.version,
        packed.literal,
        set(packed.pins),
        packed.wording,
    )


def test_npm_tarball_with_release_date(tmp_path: Path) -> None:
    tarball, times = npm_tarball(tmp_path)
    scan = scan_node_sdk(tarball, times)
    assert scan.label == "@anthropic-ai/sdk 3.0.0, released 2026-11-30"
    assert scan.released == dt.date(2026, 11, 30)
    assert scan.literal[-1] == "node-new-2026-11-20" and "not-listed-2020-01-01" not in scan.literal
    assert scan.pins == (Pin("widgets-2026-05-05", "resources/beta/things.ts", 1),)
    assert scan_node_sdk(tarball).released is None


def test_litellm_wheel_and_json(tmp_path: Path) -> None:
    scan = scan_litellm(litellm_wheel(tmp_path))
    assert scan.label == "litellm 9.0.0"
    assert set(scan.columns) == {"anthropic", "bedrock", "vertex_ai", "vertex_ai_header_only"}
    assert scan.columns["bedrock"] == {"shared-2025-06-01": None, "dead-2024-01-01": None}
    plain = tmp_path / "anthropic_beta_headers_config.json"
    plain.write_text(json.dumps(LITELLM))
    assert scan_litellm(plain).columns == scan.columns


def _bad_litellm(where: Path) -> Path:
    config = '{"bedrock": {"a-2025-01-01": 1}}'
    return _zip(where / "l.whl", {"litellm/anthropic_beta_headers_config.json": config})


@pytest.mark.parametrize(
    ("make", "scan", "message"),
    (
        (lambda p: _zip(p / "x.whl", {"anthropic/x.py": ""}), scan_python_sdk, "no anthropic/"),
        (lambda p: _tgz(p / "x.tgz", {"package/a.js": ""}), scan_node_sdk, "no package.json"),
        (_bad_litellm, scan_litellm, "column 'bedrock': 'a-2025-01-01' must map to a name or"),
        (lambda p: _write(p / "x.txt", "hi"), scan_litellm, "not a wheel, tarball, JSON file"),
        (lambda p: p / "missing.whl", scan_python_sdk, "missing.whl: no such file"),
    ),
)
def test_bad_sources_are_one_line_errors(
    tmp_path: Path, make: Callable[[Path], Path], scan: Callable[[Path], object], message: str
) -> None:
    with pytest.raises(SourceError, match=message):
        scan(make(tmp_path))


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


@given(
    st.lists(
        st.from_regex(
            r"[a-z]{1,8}(-[a-z0-9]{1,5}){0,2}-20[0-9]{2}-[01][0-9]-[0-3][0-9]", fullmatch=True
        ),
        max_size=12,
    )
)
def test_ts_union_round_trip(names: list[str]) -> None:
    union = "".join(f"\n  | '{n}' // note\n" for n in names)
    text = f"export type AnthropicBeta =\n  | (string & {{}}){union};\nexport type X = 'y';\n"
    assert ts_literal(text) == tuple(dict.fromkeys(names))


# --- the review ---------------------------------------------------------------------------


def _all_sources(tmp_path: Path) -> Sources:
    tarball, times = npm_tarball(tmp_path)
    return Sources(
        python=scan_python_sdk(anthropic_wheel(tmp_path)),
        node=scan_node_sdk(tarball, times),
        litellm=scan_litellm(litellm_wheel(tmp_path)),
    )


def test_review_finds_every_signal_with_its_source(tmp_path: Path) -> None:
    result = review(load_registry(base=REGISTRY), _all_sources(tmp_path))
    found = {(f.kind, f.name, f.source, f.recorded) for f in result.findings}
    assert {f.name for f in result.findings if f.kind == "new-name"} == {
        "py-new-2026-11-01",
        "node-new-2026-11-20",
        "lite-new-2026-11-11",
        "dead-2024-01-01",
    }
    assert (
        "status",
        "old-thing-2026-01-01",
        "anthropic 9.0.0 (types/beta/thing_params.py)",
        False,
    ) in found
    assert ("status", "widgets-2026-05-05", "anthropic 9.0.0", False) in found
    assert ("status", "gone-2025-01-01", "anthropic 9.0.0", False) in found
    assert ("platform", "managed-x-2026-04-01", "anthropic 9.0.0", False) in found
    # Vertex: the header-only column forwards it; the registry cites this LiteLLM release
    assert ("platform", "shared-2025-06-01", "litellm 9.0.0 (vertex_ai)", True) in found
    assert ("platform", "shared-2025-06-01", "litellm 9.0.0 (bedrock)", False) in found
    assert ("literal", "py-new-2026-11-01", "anthropic 9.0.0", False) in found
    assert (
        "literal",
        "node-new-2026-11-20",
        "@anthropic-ai/sdk 3.0.0, released 2026-11-30",
        False,
    ) in found
    # only names some source sends are proposed; LiteLLM's all-null name is not
    assert result.proposed == {
        "py-new-2026-11-01": ("https://pypi.org/project/anthropic/9.0.0/",),
        "node-new-2026-11-20": ("https://www.npmjs.com/package/@anthropic-ai/sdk/v/3.0.0",),
        "lite-new-2026-11-11": ("https://pypi.org/project/litellm/9.0.0/",),
    }
    message = next(f.message for f in result.findings if f.name == "managed-x-2026-04-01")
    assert message == (
        "sent by 2 methods under resources/beta/bedrock/ (Amazon Bedrock); "
        "registry: bedrock = unsupported (official-doc, 2026-08-01)"
    )


def test_cli_prints_the_review_and_writes_a_proposal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tarball, times = npm_tarball(tmp_path)
    proposal = tmp_path / "proposal.toml"
    code = main(
        [
            "registry", "sync", "--registry", str(REGISTRY),
            "--from-sdk", str(anthropic_wheel(tmp_path)),
            "--from-npm", str(tarball), "--npm-time", str(times),
            "--from-litellm", str(litellm_wheel(tmp_path)),
            "--proposal", str(proposal),
        ]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 1 and err == f"wrote {proposal}\n"
    assert "source: @anthropic-ai/sdk 3.0.0, released 2026-11-30: 5 names in the literal" in out
    assert "platform disagreements (3, 1 already cited by the registry [recorded]):" in out
    assert out.endswith("the registry lags its sources: 4 names to add\n")

    base = load_registry(base=REGISTRY)
    layered = load_registry([proposal], base=REGISTRY)  # loads and passes the integrity check
    assert set(layered.entries) - set(base.entries) == {
        "py-new-2026-11-01",
        "node-new-2026-11-20",
        "lite-new-2026-11-11",
    }
    assert all(layered.entries[n] == e for n, e in base.entries.items())  # nothing else changed
    added = layered.entries["py-new-2026-11-01"]
    assert (added.status, added.confidence, added.in_sdk_literal) == ("active", "low", True)
    text = proposal.read_text()
    assert "registry_date = 2026-11-30" in text  # the newest dated source
    assert "# [status] old-thing-2026-01-01: called legacy" in text
    assert main(["registry", "check", "--registry", str(REGISTRY), "--extra", str(proposal)]) == 0


def test_cli_json_and_a_registry_that_knows_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "config.json"
    plain.write_text(json.dumps({"anthropic": {"shared-2025-06-01": "shared-2025-06-01"}}))
    argv = ["registry", "sync", "--registry", str(REGISTRY), "--from-litellm", str(plain)]
    assert main([*argv, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["lags"] is False and data["findings"] == [] and data["proposed"] == {}
    assert data["notes"] == []


def test_a_copied_litellm_column_is_noted(tmp_path: Path) -> None:
    """LiteLLM's azure_ai column has been a copy of anthropic: say it is no second source."""
    column = {f"n{i}-2025-01-01": f"n{i}-2025-01-01" for i in range(12)}
    plain = tmp_path / "config.json"
    plain.write_text(
        json.dumps({"anthropic": column, "azure_ai": {**column, "x-2025-01-01": None}})
    )
    lines = review_lines(review(load_registry(base=REGISTRY), Sources(litellm=scan_litellm(plain))))
    notes = [line for line in lines if line.startswith("note: ")]
    assert notes == [
        "note: litellm (version unknown): azure_ai repeats anthropic for 12 of 13 names "
        "(not independent evidence)"
    ]


def test_cli_bad_source_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _tgz(tmp_path / "x.tgz", {"package/package.json": '{"name": "left-pad"}'})
    assert main(["registry", "sync", "--from-npm", str(bad)]) == 2
    assert capsys.readouterr().err == (
        f"betalint: error: {bad}: no package.json of @anthropic-ai/sdk in it\n"
    )


# --- registry diff ------------------------------------------------------------------------


def test_diff_reports_added_removed_and_changed_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = REGISTRY.read_text()
    new = text.replace('registry_version = "2026.10.01"', 'registry_version = "2026.12.01"')
    new = new.replace(
        '[betas."widgets-2026-05-05"]\nstatus = "active"',
        '[betas."widgets-2026-05-05"]\nstatus = "ga"',
    )
    new = new.replace('[betas."gone-2025-01-01"]', '[betas."gone-2025-01-02"]')
    new = new.replace(
        'as_of = 2026-08-01\nsources = ["https://example.com/managed-bedrock"]',
        'as_of = 2026-08-01\nsources = ["https://example.com/managed-bedrock", "https://x.example"]',
    )
    path = tmp_path / "new.toml"
    path.write_text(new)
    assert main(["registry", "diff", str(REGISTRY), str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[2:] == [
        "+ gone-2025-01-02",
        "- gone-2025-01-01",
        "~ registry_version: '2026.10.01' -> '2026.12.01'",
        "~ managed-x-2026-04-01: platforms.bedrock.sources: ['https://example.com/managed-bedrock']"
        " -> ['https://example.com/managed-bedrock', 'https://x.example']",
        "~ widgets-2026-05-05: status: 'active' -> 'ga'",
        "1 added, 1 removed, 3 fields changed in 2 names",
    ]
    assert main(["registry", "diff", str(REGISTRY), str(path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["added"] == ["gone-2025-01-02"] and len(data["changed"]) == 3


def test_diff_of_equal_files_is_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["registry", "diff", str(REGISTRY), str(REGISTRY)]) == 0
    assert capsys.readouterr().out.endswith("0 added, 0 removed, 0 fields changed in 0 names\n")


def test_diff_of_a_broken_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 1\n")
    assert main(["registry", "diff", str(REGISTRY), str(bad)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


# --- live (opt-in: needs pip and npm with network) ----------------------------------------


@pytest.mark.live
@pytest.mark.skipif(
    os.environ.get("BETALINT_LIVE_SYNC") != "1", reason="set BETALINT_LIVE_SYNC=1 to run"
)
def test_live_sync_against_the_newest_releases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed")
    code = main(["registry", "sync", "--fetch", str(tmp_path), "--proposal", str(tmp_path / "p")])
    out = capsys.readouterr().out
    assert code in (0, 1)
    assert out.count("source: ") == 3
    with capsys.disabled():
        print("\n" + textwrap.indent(out, "  "))


# --- the scheduled workflow template ------------------------------------------------------


def test_sync_workflow_template_uses_real_options() -> None:
    yaml = pytest.importorskip("yaml")
    from betalint.linter.cli.sync import registry_sync

    workflow = yaml.safe_load(
        (Path(__file__).parents[1] / "docs" / "sync-workflow.yml").read_text()
    )
    assert workflow[True]["schedule"][0]["cron"]  # PyYAML reads the key `on` as True
    (job,) = workflow["jobs"].values()
    script = next(s["run"] for s in job["steps"] if "registry sync" in s.get("run", ""))
    command = next(part for part in script.split("betalint ") if part.startswith("registry sync"))
    used = {word for word in command.split() if word.startswith("--")}
    known = {opt for param in registry_sync.params for opt in param.opts}
    assert used and used <= known
    assert "registry check --extra registry/sync-proposal.toml" in script


def test_diff_compares_files_of_another_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A later schema (a field this one does not know) still compares, as data."""
    new = REGISTRY.read_text().replace("schema_version = 1", "schema_version = 2")
    new = new.replace(
        '[betas."widgets-2026-05-05"]\n',
        '[betas."widgets-2026-05-05"]\n'
        'models_dated = [{ model = "claude-x", since = 2026-11-01 }]\n',
    )
    path = tmp_path / "v2.toml"
    path.write_text(new)
    assert main(["registry", "diff", str(REGISTRY), str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[2:] == [
        "~ schema_version: 1 -> 2",
        "~ widgets-2026-05-05: models_dated: (none) -> [{'model': 'claude-x', 'since': "
        "'2026-11-01'}]",
        "0 added, 0 removed, 2 fields changed in 1 names",
    ]
