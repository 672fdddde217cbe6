"""registry/sdk_layer.py: the installed SDKs' literal names become known, read without importing."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from betalint.linter.cli import main
from betalint.registry.loader import load_registry
from betalint.registry.model import Registry
from betalint.registry.sdk_layer import SdkLayer, ts_literal
from betalint.registry.sync import read_sdk

NEW = "shiny-widgets-2026-12-01"  # in no registry: only the fake SDKs list it
NODE_NEW = "node-only-2026-12-02"


@pytest.fixture(autouse=True)
def _layer_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BETALINT_NO_SDK_LAYER", raising=False)


@pytest.fixture(scope="module")
def shipped() -> Registry:
    return load_registry()


def python_sdk(root: Path, names: list[str], version: str = "9.9.0") -> Path:
    """A virtualenv at `root/.venv` whose anthropic lists `names` (the real package's layout)."""
    package = root / ".venv" / "lib" / "python3.11" / "site-packages" / "anthropic"
    (package / "types").mkdir(parents=True)
    (package / "__init__.py").write_text("raise RuntimeError('imported')\n")
    (package / "_version.py").write_text(f'__title__ = "anthropic"\n__version__ = "{version}"\n')
    members = "".join(f'        "{n}",\n' for n in names)
    (package / "types" / "anthropic_beta_param.py").write_text(
        "from typing import Union\nfrom typing_extensions import Literal, TypeAlias\n\n"
        f"AnthropicBetaParam: TypeAlias = Union[\n    str,\n    Literal[\n{members}    ],\n]\n"
    )
    return package / "types" / "anthropic_beta_param.py"


def node_sdk(root: Path, names: list[str], version: str = "7.0.0") -> Path:
    """`root/node_modules/@anthropic-ai/sdk` with a compiled beta.d.ts listing `names`."""
    package = root / "node_modules" / "@anthropic-ai" / "sdk"
    (package / "resources" / "beta").mkdir(parents=True)
    manifest = {"name": "@anthropic-ai/sdk", "version": version}
    (package / "package.json").write_text(json.dumps(manifest))
    union = " | ".join(f"'{n}'" for n in names)
    literal = package / "resources" / "beta" / "beta.d.ts"
    literal.write_text(
        "export interface BetaThing { type: 'not-a-beta-2020-01-01'; }\n"
        f"export type AnthropicBeta = (string & {{}}) | {union};\n"
        "export type Other = 'other-2021-01-01';\n"
    )
    return literal


def test_python_venv_names_the_registry_lacks_become_active_low(
    tmp_path: Path, shipped: Registry
) -> None:
    literal = python_sdk(tmp_path, ["files-api-2025-04-14", NEW])
    (tmp_path / "src").mkdir()
    layer = SdkLayer((str(tmp_path / "src"),), installed=False)
    reg = layer.apply(shipped)
    entry = reg.get(NEW)
    assert entry is not None
    assert (entry.status, entry.confidence, entry.in_sdk_literal) == ("active", "low", True)
    assert entry.sources == (f"anthropic 9.9.0: {literal}",)
    assert reg.layers[:-1] == shipped.layers and reg.layers[-1].version == "anthropic 9.9.0"
    assert reg.version == shipped.version and len(reg) == len(shipped) + 1


def test_registry_entries_are_never_changed(tmp_path: Path, shipped: Registry) -> None:
    retired = next(n for n, e in shipped.entries.items() if e.status == "retired")
    python_sdk(tmp_path, [retired])
    reg = SdkLayer((str(tmp_path),), installed=False).apply(shipped)
    assert reg.get(retired) is shipped.get(retired)


def test_malformed_literal_members_are_not_added(tmp_path: Path, shipped: Registry) -> None:
    python_sdk(tmp_path, ["Bad Name", "bash_20250124", NEW])
    reg = SdkLayer((str(tmp_path),), installed=False).apply(shipped)
    assert NEW in reg and "Bad Name" not in reg and "bash_20250124" not in reg


def test_node_modules_found_walking_up_from_a_checked_file(
    tmp_path: Path, shipped: Registry
) -> None:
    literal = node_sdk(tmp_path, ["files-api-2025-04-14", NODE_NEW])
    deep = tmp_path / "packages" / "app" / "src"
    deep.mkdir(parents=True)
    (deep / "index.ts").write_text("export {}\n")
    layer = SdkLayer((str(deep / "index.ts"),), installed=False)
    (sdk,) = layer.sdks()
    assert (sdk.kind, sdk.label, sdk.literal) == ("node", "@anthropic-ai/sdk 7.0.0", literal)
    assert sdk.names == ("files-api-2025-04-14", NODE_NEW)
    entry = layer.apply(shipped).get(NODE_NEW)
    assert entry is not None and not entry.in_sdk_literal  # the flag is about the PyPI literal


def test_a_checkout_outside_the_walk_is_not_seen(tmp_path: Path) -> None:
    node_sdk(tmp_path / "elsewhere", [NODE_NEW])
    (tmp_path / "project").mkdir()
    assert SdkLayer((str(tmp_path / "project"),), installed=False).sdks() == ()


def test_both_kinds_and_each_file_once(tmp_path: Path) -> None:
    python_sdk(tmp_path, [NEW])
    node_sdk(tmp_path, [NODE_NEW])
    (tmp_path / "a").mkdir()
    layer = SdkLayer((str(tmp_path / "a"), str(tmp_path)), installed=False)
    assert sorted(s.kind for s in layer.sdks()) == ["node", "python"]


def test_typescript_source_union_with_comments() -> None:
    text = textwrap.dedent(
        """\
        /**
         * Beta names. 'doc-comment-2020-01-01' is not one of them.
         */
        export type AnthropicBeta =
          | (string & {})
          | 'alpha-2026-01-01' // the first
          /* 'hidden-2026-01-01' */
          | "beta-2026-02-02"
          | 'alpha-2026-01-01';

        export type Unrelated = 'gamma-2026-03-03';
        """
    )
    assert ts_literal(text) == ("alpha-2026-01-01", "beta-2026-02-02")
    assert ts_literal("export type Nothing = 'x';") == ()


def test_parsed_once_per_stat_and_again_after_a_change(tmp_path: Path) -> None:
    literal = node_sdk(tmp_path, [NODE_NEW])
    layer = SdkLayer((str(tmp_path),), installed=False)
    first = layer.sdks()[0].names
    assert layer.sdks()[0].names is first  # unchanged stat: the parsed tuple is reused
    literal.write_text(f"export type AnthropicBeta = (string & {{}}) | '{NODE_NEW}' | '{NEW}';\n")
    st = literal.stat()
    os.utime(literal, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert layer.sdks()[0].names == (NODE_NEW, NEW)
    assert SdkLayer((str(tmp_path),), installed=False).sdks()[0].names is not first  # per object


def test_the_real_installed_anthropic(shipped: Registry) -> None:
    layer = SdkLayer((), installed=True)
    real = next(s for s in layer.sdks() if s.kind == "python")
    assert real.version == importlib.metadata.version("anthropic")
    assert real.names == read_sdk().names and len(real.names) >= 60
    reg = layer.apply(shipped)
    added = set(reg.entries) - set(shipped.entries)
    assert added == {n for n in real.names if n not in shipped}
    assert all(reg.entries[n].sources[0].startswith(real.label) for n in added)


def test_the_real_sdk_is_not_imported() -> None:
    code = (
        "import sys\nfrom betalint.registry.sdk_layer import SdkLayer\n"
        "assert SdkLayer(()).sdks()\nprint('anthropic' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False"


# --- the CLI: on by default, off by config or environment ---------------------------------


def _project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cfg: str = "") -> Path:
    node_sdk(tmp_path, [NODE_NEW])
    (tmp_path / "app.py").write_text(f'headers = {{"anthropic-beta": "{NODE_NEW}"}}\n')
    if cfg:
        (tmp_path / ".betalint.toml").write_text(cfg)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_knows_the_sdk_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _project(tmp_path, monkeypatch)
    assert main(["check", "app.py"]) == 0
    monkeypatch.setenv("BETALINT_NO_SDK_LAYER", "1")
    assert main(["check", "app.py"]) == 1
    assert f"BL201 {NODE_NEW}" in capsys.readouterr().out


def test_config_switch_turns_it_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _project(tmp_path, monkeypatch, "sdk-layer = false\n")
    assert main(["check", "app.py"]) == 1
    assert main(["validate", NODE_NEW]) == 1
    capsys.readouterr()
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "SDK layer: SDK layer off"


def test_config_switch_must_be_a_boolean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _project(tmp_path, monkeypatch, 'sdk-layer = "no"\n')
    assert main(["check", "app.py"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "`sdk-layer` must be true or false" in err


def test_validate_show_and_version_show_the_layer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _project(tmp_path, monkeypatch)
    assert main(["validate", NODE_NEW]) == 0
    assert "active beta (low confidence" in capsys.readouterr().out
    assert main(["registry", "show", NODE_NEW]) == 0
    shown = capsys.readouterr().out
    assert "@anthropic-ai/sdk 7.0.0: " in shown and "confidence      low" in shown
    assert main(["--version"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(
        line.startswith("SDK layer: @anthropic-ai/sdk 7.0.0 (node SDK, 1 names, 1 not in")
        for line in lines[1:]
    )


def test_version_survives_a_broken_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _project(tmp_path, monkeypatch, "select = [\n")
    assert main(["--version"]) == 0
    assert "@anthropic-ai/sdk 7.0.0 (node SDK" in capsys.readouterr().out


_NAMES = st.from_regex(r"[a-z]{1,6}(-[a-z]{1,4})?-202[0-9]-0[1-9]-1[0-9]", fullmatch=True)


@settings(max_examples=25, deadline=None)
@given(
    fresh=st.lists(_NAMES, max_size=6),
    known=st.lists(st.sampled_from(["files-api-2025-04-14", "context-1m-2025-08-07"]), max_size=2),
    junk=st.lists(st.sampled_from(["Bad Name", "x_2025", "files-api-2025-4-14"]), max_size=2),
)
def test_property_adds_exactly_the_new_well_formed_names(
    tmp_path_factory: pytest.TempPathFactory,
    fresh: list[str],
    known: list[str],
    junk: list[str],
) -> None:
    shipped = load_registry()
    root = tmp_path_factory.mktemp("sdk")
    node_sdk(root, [*fresh, *known, *junk] or ["files-api-2025-04-14"])
    reg = SdkLayer((str(root),), installed=False).apply(shipped)
    assert set(reg.entries) - set(shipped.entries) == {n for n in fresh if n not in shipped}
    assert all(reg.entries[n] is e for n, e in shipped.entries.items())


def test_each_file_sees_the_sdks_above_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A monorepo checked from its root: only the package that installs the SDK knows its
    names, as each file's config is the one above it."""
    web, api = tmp_path / "packages" / "web", tmp_path / "packages" / "api"
    node_sdk(web, [NODE_NEW])
    for package, name in ((web, "app.ts"), (api, "app.ts")):
        (package / "src").mkdir(parents=True)
        (package / "src" / name).write_text(f'const h = {{"anthropic-beta": "{NODE_NEW}"}};\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "packages"]) == 1
    out = capsys.readouterr().out
    assert f"packages/api/src/app.ts:1:31: BL201 {NODE_NEW}" in out
    assert "packages/web" not in out


def test_bounded_directory_memos_answer_as_fresh_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The per-directory memos are emptied when full (memory flat over a large tree); a
    walk across more directories than they hold sees what a fresh layer sees."""
    from betalint.registry import sdk_layer

    monkeypatch.setattr(sdk_layer, "_MAX_DIRECTORIES", 3)
    node_sdk(tmp_path / "web", [NODE_NEW])
    python_sdk(tmp_path / "api", [NEW])
    dirs = [tmp_path / p / f"d{i}" for p in ("web", "api", "docs") for i in range(4)]
    for d in dirs:
        d.mkdir(parents=True)
    layer = SdkLayer((), installed=False)
    for d in [*dirs, *reversed(dirs)]:
        assert layer.files(str(d)) == SdkLayer((), installed=False).files(str(d)), d
        assert len(layer._visible) <= 3 and len(layer._in_dir) <= 3
    assert [k for k, _ in layer.files(str(dirs[0]))] == ["node"]
    assert [k for k, _ in layer.files(str(dirs[4]))] == ["python"]
    assert layer.files(str(dirs[8])) == ()
