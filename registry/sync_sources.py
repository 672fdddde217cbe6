"""Read the machine-readable sources `registry sync` compares the registry with.

- the `anthropic` wheel (or an unpacked/installed package): the `AnthropicBetaParam` literal,
  the `anthropic-beta` values each resource method pins, which pinned resources also exist
  outside the `beta` namespace (a GA signal), and docstrings that call a beta "legacy" or
  "deprecated";
- the `@anthropic-ai/sdk` npm tarball (or its unpacked `package/`): the `AnthropicBeta` union
  and the pins, with the release date from `npm view @anthropic-ai/sdk time --json`;
- LiteLLM's `anthropic_beta_headers_config.json`, from its wheel or as the file itself.

Archives are read member by member into memory (never extracted to disk) and nothing in them
is imported or run: Python with `ast`, TypeScript and JSON as text.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import os
import re
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from betalint.registry.errors import BetalintError
from betalint.registry.grammar import is_well_formed
from betalint.registry.sdk_layer import NODE_PACKAGE, ts_literal
from betalint.registry.sync import (
    LITERAL_FILES,
    SdkNotFound,
    find_sdk,
    parse_literal,
    version_in_source,
)

_MAX_MEMBER = 16 * 1024 * 1024  # a larger file is no source file of these packages
_NAME = re.compile(r"(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d{4}-\d{2}-\d{2}(?![\w-])")
_WORDING = {
    "legacy": re.compile(r"\blegacy\b", re.I),
    "deprecated": re.compile(r"\bdeprecated\b", re.I),
}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z`])")
_TS_PIN = re.compile(r"""['"]anthropic-beta['"]\s*:""")
LITELLM_CONFIG = "litellm/anthropic_beta_headers_config.json"
# Path segments of SDK resources that serve one cloud platform (anthropic 2.16.0 added
# `resources/beta/bedrock`: Managed Agents on Amazon Bedrock).
PLATFORM_SEGMENTS = {"bedrock": "bedrock", "vertex": "vertex", "foundry": "foundry"}


class SourceError(BetalintError):
    """A sync source cannot be read, or is not what it claims to be."""


# --------------------------------------------------------------------------- file trees


@dataclass
class Tree:
    """The text files of a wheel, a tarball or a directory, keyed by POSIX relative path."""

    origin: Path
    files: dict[str, str] = field(default_factory=dict)

    def find(self, suffix: str) -> str | None:
        """The shortest member path that is `suffix` or ends with `/suffix`."""
        hits = [p for p in self.files if p == suffix or p.endswith("/" + suffix)]
        return min(hits, key=len) if hits else None

    def under(self, prefix: str, suffix: str) -> Iterator[tuple[str, str]]:
        """(path relative to `prefix`, text) of members under `prefix` ending in `suffix`."""
        for path, text in sorted(self.files.items()):
            if path.startswith(prefix) and path.endswith(suffix):
                yield path[len(prefix) :], text


def open_tree(path: Path, wanted: Callable[[str], bool]) -> Tree:
    """The members of `path` (a .whl/.zip, a .tgz/.tar.gz or a directory) that `wanted` keeps."""
    if not path.exists():
        raise SourceError(f"{path}: no such file or directory")
    try:
        if path.is_dir():
            return Tree(path, dict(_dir_members(path, wanted)))
        if zipfile.is_zipfile(path):
            return Tree(path, dict(_zip_members(path, wanted)))
        if tarfile.is_tarfile(path):
            return Tree(path, dict(_tar_members(path, wanted)))
    except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError) as exc:
        raise SourceError(f"{path}: cannot read: {exc}") from None
    if path.suffix == ".json":
        return Tree(path, {path.name: _text(path.read_bytes(), path)})
    raise SourceError(f"{path}: not a wheel, tarball, JSON file or directory")


def _text(data: bytes, where: object) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise SourceError(f"{where}: not UTF-8 text") from None


def _dir_members(root: Path, wanted: Callable[[str], bool]) -> Iterator[tuple[str, str]]:
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", ".git"))
        for name in files:
            full = Path(directory, name)
            rel = full.relative_to(root).as_posix()
            if wanted(rel) and full.stat().st_size <= _MAX_MEMBER:
                yield rel, _text(full.read_bytes(), full)


def _zip_members(path: Path, wanted: Callable[[str], bool]) -> Iterator[tuple[str, str]]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if not info.is_dir() and wanted(info.filename) and info.file_size <= _MAX_MEMBER:
                yield info.filename, _text(archive.read(info), f"{path}!{info.filename}")


def _tar_members(path: Path, wanted: Callable[[str], bool]) -> Iterator[tuple[str, str]]:
    with tarfile.open(path) as archive:  # read in order: one pass over a gzip stream
        for member in archive:
            if not member.isfile() or member.size > _MAX_MEMBER or not wanted(member.name):
                continue
            handle = archive.extractfile(member)
            if handle is not None:
                yield member.name, _text(handle.read(), f"{path}!{member.name}")


# --------------------------------------------------------------------------- anthropic (PyPI)


@dataclass(frozen=True)
class Pin:
    """A beta name an SDK sends by itself on one resource module's methods."""

    name: str
    module: str  # e.g. resources/beta/bedrock/agents.py
    count: int


@dataclass(frozen=True)
class Wording:
    """A docstring sentence that calls a beta name legacy or deprecated."""

    name: str
    kind: str  # "legacy" | "deprecated"
    module: str
    sentence: str


@dataclass(frozen=True)
class SdkScan:
    """What one SDK release says: its literal, its pins, GA counterparts and wording."""

    package: str
    version: str | None
    origin: Path
    literal: tuple[str, ...]
    deprecated: frozenset[str]
    pins: tuple[Pin, ...]
    ga_modules: dict[str, str]  # pinned beta module → the same module outside `beta/`
    wording: tuple[Wording, ...]
    released: dt.date | None = None

    @property
    def label(self) -> str:
        when = f", released {self.released}" if self.released else ""
        return f"{self.package} {self.version or '(version unknown)'}{when}"


def scan_python_sdk(path: Path) -> SdkScan:
    """Scan an anthropic wheel, or the package found at a path as `sync.find_sdk` finds it
    (package dir, site-packages, virtualenv, SDK checkout)."""
    if path.is_dir():
        try:
            path = find_sdk(path)
        except SdkNotFound as exc:
            raise SourceError(str(exc)) from None
        tree = open_tree(path, lambda member: member.endswith(".py"))
    else:  # a wheel: the package is its top-level `anthropic/`
        tree = open_tree(path, lambda m: m.startswith("anthropic/") and m.endswith(".py"))
    literal_path = next((hit for rel in LITERAL_FILES if (hit := tree.find(rel))), None)
    if literal_path is None:
        raise SourceError(f"{path}: no anthropic/{LITERAL_FILES[0]} in it")
    root = literal_path[: literal_path.index("types/")]
    names: dict[str, None] = {}
    deprecated: set[str] = set()
    for rel in LITERAL_FILES:
        text = tree.files.get(root + rel)
        if text is None:
            continue
        try:
            found, marked = parse_literal(text, f"{path}!{root}{rel}")
        except SdkNotFound as exc:
            raise SourceError(str(exc)) from None
        names.update(dict.fromkeys(found))
        deprecated |= marked
    modules = dict(tree.under(root, ".py"))
    pins = tuple(_python_pins(modules))
    return SdkScan(
        package="anthropic",
        version=version_in_source(modules.get("_version.py", "")),
        origin=path,
        literal=tuple(names),
        deprecated=frozenset(deprecated),
        pins=pins,
        ga_modules=_ga_modules(pins, set(modules)),
        wording=tuple(_python_wording(modules)),
    )


def _python_pins(modules: dict[str, str]) -> Iterator[Pin]:
    """Names in the value of every `"anthropic-beta": ...` dict entry of `resources/`."""
    for module, text in modules.items():
        if not module.startswith("resources/") or "anthropic-beta" not in text:
            continue
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        counts: dict[str, int] = {}
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                for name in _pinned_in(function):
                    counts[name] = counts.get(name, 0) + 1
        yield from (Pin(n, module, c) for n, c in sorted(counts.items()))


def _pinned_in(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Names one method sends in an `"anthropic-beta"` dict entry (SDK methods are flat:
    no nested functions, so each pin counts for one method)."""
    names: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value == "anthropic-beta":
                    names.update(_names_in(value))
    return names


def _names_in(node: ast.AST) -> Iterator[str]:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            yield from (n.strip() for n in sub.value.split(",") if is_well_formed(n.strip()))


def _ga_modules(pins: tuple[Pin, ...], modules: set[str]) -> dict[str, str]:
    """Pinned `resources/beta/...` modules whose twin outside the beta namespace exists."""
    found: dict[str, str] = {}
    for pin in pins:
        parts = PurePosixPath(pin.module).parts
        if len(parts) > 2 and parts[:2] == ("resources", "beta"):
            twin = str(PurePosixPath("resources", *parts[2:]))
            if twin in modules:
                found[pin.module] = twin
    return found


def _python_wording(modules: dict[str, str]) -> Iterator[Wording]:
    """Each (name, kind) once: the first sentence of a string literal that says it."""
    seen: set[tuple[str, str]] = set()
    for module, text in modules.items():
        if module in LITERAL_FILES:  # parse_literal reads the literal's own docstring
            continue
        if not any(p.search(text) for p in _WORDING.values()) or not _NAME.search(text):
            continue
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield from _wording_in(node.value, module, seen)


def _wording_in(text: str, module: str, seen: set[tuple[str, str]]) -> Iterator[Wording]:
    for sentence in _SENTENCE.split(" ".join(text.split())):
        for kind, pattern in _WORDING.items():
            if not pattern.search(sentence):
                continue
            for name in _NAME.findall(sentence):
                if (name, kind) not in seen:
                    seen.add((name, kind))
                    yield Wording(name, kind, module, sentence)


# --------------------------------------------------------------------------- @anthropic-ai/sdk


def _node_wanted(path: str) -> bool:
    rel = path.split("/", 1)[1] if "/" in path else path
    return rel == "package.json" or (
        rel.startswith(("src/resources/", "resources/beta/beta.d.ts")) and rel.endswith(".ts")
    )


def scan_node_sdk(path: Path, times: Path | None = None) -> SdkScan:
    """Scan an @anthropic-ai/sdk tarball or unpacked package; `times` is the JSON of
    `npm view @anthropic-ai/sdk time --json` (release dates by version)."""
    tree = open_tree(path, _node_wanted)
    manifest = tree.find("package.json")
    root = manifest[: -len("package.json")] if manifest else ""
    data = _json(tree.files[manifest], path) if manifest else {}
    if not isinstance(data, dict) or data.get("name") != NODE_PACKAGE:
        raise SourceError(f"{path}: no package.json of {NODE_PACKAGE} in it")
    version = data.get("version") if isinstance(data.get("version"), str) else None
    literal: tuple[str, ...] = ()
    for rel in ("src/resources/beta/beta.ts", "resources/beta/beta.d.ts"):
        if root + rel in tree.files:
            literal = ts_literal(tree.files[root + rel])
            break
    if not literal:
        raise SourceError(f"{path}: no `export type AnthropicBeta` union in it")
    sources = dict(tree.under(root + "src/", ".ts"))
    return SdkScan(
        package=NODE_PACKAGE,
        version=version,
        origin=path,
        literal=literal,
        deprecated=frozenset(),
        pins=tuple(_ts_pins(sources)),
        ga_modules={},
        wording=(),
        released=release_date(times, version) if times else None,
    )


def _ts_pins(sources: dict[str, str]) -> Iterator[Pin]:
    """Quoted names in the value of each `'anthropic-beta': ...` (to its closing bracket)."""
    for module, text in sources.items():
        counts: dict[str, int] = {}
        for match in _TS_PIN.finditer(text):
            for name in _NAME.findall(_value_text(text, match.end())):
                counts[name] = counts.get(name, 0) + 1
        yield from (Pin(n, module, c) for n, c in sorted(counts.items()))


def _value_text(text: str, start: int) -> str:
    """From `start` to the first `,` or `}` outside brackets (one object entry's value)."""
    depth = 0
    for i in range(start, min(len(text), start + 2000)):
        char = text[i]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                return text[start:i]
            depth -= 1
        elif char == "," and depth == 0:
            return text[start:i]
    return text[start : start + 2000]


def release_date(times: Path, version: str | None) -> dt.date | None:
    """The release date of `version` in `npm view PACKAGE time --json` output."""
    data = _json(_text(_read(times), times), times)
    stamp = data.get(version) if isinstance(data, dict) and version else None
    if not isinstance(stamp, str):
        return None
    try:
        return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()
    except ValueError:
        raise SourceError(f"{times}: {version}: {stamp!r} is not a timestamp") from None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _json(text: str, where: object) -> object:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise SourceError(f"{where}: not JSON: {exc}") from None


# --------------------------------------------------------------------------- LiteLLM


@dataclass(frozen=True)
class LiteLLMScan:
    """LiteLLM's per-provider beta map: column → {name: name to send | None (drop)}."""

    version: str | None
    origin: Path
    columns: dict[str, dict[str, str | None]]

    @property
    def label(self) -> str:
        return f"litellm {self.version or '(version unknown)'}"


def _litellm_wanted(path: str) -> bool:
    return path.endswith(LITELLM_CONFIG) or (
        path.endswith("/METADATA") and ".dist-info/" in path and "litellm" in path
    )


def scan_litellm(path: Path) -> LiteLLMScan:
    """Read the config from a litellm wheel, an unpacked one, or the JSON file itself."""
    tree = open_tree(path, _litellm_wanted)
    member = tree.find(LITELLM_CONFIG) or (path.name if path.suffix == ".json" else None)
    if member is None or member not in tree.files:
        raise SourceError(f"{path}: no {LITELLM_CONFIG} in it")
    data = _json(tree.files[member], f"{path}!{member}")
    if not isinstance(data, dict):
        raise SourceError(f"{path}!{member}: not a JSON object")
    columns = {k: _column(v, path, k) for k, v in data.items() if isinstance(v, dict)}
    if not columns:
        raise SourceError(f"{path}!{member}: no provider columns")
    return LiteLLMScan(_litellm_version(tree), path, columns)


def _column(raw: dict[object, object], path: Path, key: str) -> dict[str, str | None]:
    column: dict[str, str | None] = {}
    for name, value in raw.items():
        if not isinstance(name, str) or not (value is None or isinstance(value, str)):
            raise SourceError(f"{path}: column {key!r}: {name!r} must map to a name or null")
        column[name] = value
    return column


def _litellm_version(tree: Tree) -> str | None:
    meta = next((t for p, t in tree.files.items() if p.endswith(".dist-info/METADATA")), None)
    if meta is not None:
        found = re.search(r"^Version:\s*(\S+)", meta, re.M)
        if found:
            return found[1]
    wheel = re.match(r"litellm-([^-]+)-", tree.origin.name)
    return wheel[1] if wheel else None
