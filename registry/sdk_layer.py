"""The installed SDKs as a live registry layer: names their beta literal lists become known.

A beta released after this registry was cut is already in the `anthropic` package (or the
`@anthropic-ai/sdk` npm package) of the project being checked; without this layer betalint
would call it unknown. The layer adds each literal name the registry lacks as `active` with
`confidence = "low"` and the SDK release as its only source. Names the registry has are never
changed: the registry's sourced lifecycle always wins over a type literal.

Where SDKs are looked for (all found are used):
- the `anthropic` package of the running interpreter (`importlib.util.find_spec`, which
  locates a top-level package without importing it);
- walking up from each checked file's directory, as the config walk does (so in a monorepo
  each package sees its own): `node_modules/@anthropic-ai/sdk`, and `anthropic` in a `.venv`
  or `venv` beside the code (pre-commit runs betalint in its own environment, where the
  project's SDK is not importable).

Files are read as text (Python with `ast`, TypeScript with a regular expression), never
imported or run. Parsed literals are cached by file stat in the `SdkLayer` object, which one
run owns; nothing is cached at module level.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from betalint.registry.grammar import is_well_formed
from betalint.registry.model import Registry, RegistryLayer
from betalint.registry.schema import BetaEntry

SdkKind = Literal["python", "node"]

PYTHON_PACKAGE = "anthropic"
NODE_PACKAGE = "@anthropic-ai/sdk"
# Where each SDK has kept its literal, relative to the package directory.
PYTHON_LITERALS = ("types/anthropic_beta_param.py", "types/beta/anthropic_beta_param.py")
NODE_LITERALS = (
    "resources/beta/beta.d.ts",
    "resources/beta/beta.d.mts",
    "src/resources/beta/beta.ts",
)
_VENVS = (".venv", "venv")
# `export type AnthropicBeta = (string & {}) | 'a' | 'b';` (one line in .d.ts, many in .ts).
_TS_ALIAS = re.compile(r"export\s+type\s+AnthropicBeta\s*=(?P<body>[^;]*);")
# Comments inside the alias body, blanked before reading its strings: matches "/* a */" or "// x"
# to the line end; it does not see strings, so a `//` inside one would start a comment too.
_TS_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
# A quoted member of the alias (group 1 or 2): finds "a" and "b" in `(string & {}) | 'a' | "b"`;
# never a whole string holding a backslash escape or a line break.
_TS_STRING = re.compile(r"""'([^'\\\n]*)'|"([^"\\\n]*)\"""")
_MAX_LITERAL_BYTES = 8 * 1024 * 1024  # a larger "literal" file is not an SDK's

StatKey = tuple[str, int, int, int]


@dataclass(frozen=True)
class InstalledSdk:
    """One SDK found for this run: where its literal is and what it lists."""

    kind: SdkKind
    literal: Path
    version: str | None
    names: tuple[str, ...]
    installed: dt.date  # the literal file's mtime: when this SDK was installed

    @property
    def package(self) -> str:
        return PYTHON_PACKAGE if self.kind == "python" else NODE_PACKAGE

    @property
    def label(self) -> str:
        """`anthropic 2.17.0`, `@anthropic-ai/sdk 1.17.0`."""
        return f"{self.package} {self.version or '(version unknown)'}"


LiteralFile = tuple[SdkKind, Path]


@dataclass
class SdkLayer:
    """The SDK layer of one run: which SDKs each checked directory sees, and their names.

    `paths` are where `sdks()` and `apply()` look from (the cwd when empty); `check` asks
    per file directory with `files(directory)` and `view(files)`. `installed=False` skips
    the running interpreter's own `anthropic`. Each directory is looked at once per layer;
    a literal file is parsed again only when its stat changes.
    """

    paths: tuple[str, ...] = ()
    installed: bool = True
    _parsed: dict[StatKey, tuple[str | None, tuple[str, ...]]] = field(default_factory=dict)
    # Per directory, so bounded (emptied when full): a tree walk comes back to few of them,
    # and memory must not grow with the tree. Pure lookups: emptying changes no answer.
    _in_dir: dict[str, tuple[LiteralFile, ...]] = field(default_factory=dict)
    _visible: dict[str, tuple[LiteralFile, ...]] = field(default_factory=dict)
    _real: dict[Path, str] = field(default_factory=dict)  # a literal file's realpath
    _interpreter: tuple[LiteralFile, ...] | None = None

    def files(self, directory: str | None = None) -> tuple[LiteralFile, ...]:
        """The literal files visible from `directory` (None: from each of `paths`): the
        interpreter's first, then walking up, nearest first; each file once."""
        cached = self._visible.get(directory) if directory is not None else None
        if cached is not None:
            return cached
        starts = (directory,) if directory is not None else (self.paths or (os.getcwd(),))
        found: dict[str, LiteralFile] = {}
        for item in (*self._installed(), *(f for d in _walk_up(starts) for f in self._at(d))):
            found.setdefault(self._realpath(item[1]), item)
        files = tuple(found.values())
        if directory is not None:
            _bounded_put(self._visible, directory, files)
        return files

    def _realpath(self, literal: Path) -> str:
        found = self._real.get(literal)
        if found is None:
            found = self._real[literal] = os.path.realpath(literal)
        return found

    def sdks(self, directory: str | None = None) -> tuple[InstalledSdk, ...]:
        """Every readable SDK visible from `directory` (see `files`)."""
        return self._read_all(self.files(directory))

    def view(self, files: tuple[LiteralFile, ...]) -> SdkView:
        """A layer for exactly `files` (what one directory sees), sharing this parse cache."""
        return SdkView(self, files)

    def apply(self, registry: Registry) -> Registry:
        """`registry` plus the names the SDKs visible from `paths` list and it lacks."""
        return self.view(self.files()).apply(registry)

    def _read_all(self, files: tuple[LiteralFile, ...]) -> tuple[InstalledSdk, ...]:
        found = (self._read(kind, literal) for kind, literal in files)
        return tuple(sdk for sdk in found if sdk is not None)

    def _installed(self) -> tuple[LiteralFile, ...]:
        if not self.installed:
            return ()
        if self._interpreter is None:
            package = _interpreter_package()
            files = _existing(package, PYTHON_LITERALS) if package is not None else iter(())
            found: tuple[LiteralFile, ...] = tuple(("python", f) for f in files)
            self._interpreter = found
            return found
        return self._interpreter

    def _at(self, directory: str) -> tuple[LiteralFile, ...]:
        found = self._in_dir.get(directory)
        if found is None:
            found = tuple(_literals_in(directory))
            _bounded_put(self._in_dir, directory, found)
        return found

    def _read(self, kind: SdkKind, literal: Path) -> InstalledSdk | None:
        """Parse one literal file (once per stat); None when it is not a readable literal."""
        try:
            st = literal.stat()
        except OSError:
            return None
        key = (str(literal), st.st_mtime_ns, st.st_size, st.st_ino)
        cached = self._parsed.get(key)
        if cached is None:
            if st.st_size > _MAX_LITERAL_BYTES:
                return None
            cached = self._parsed[key] = _parse(kind, literal)
        version, names = cached
        if not names:
            return None
        installed = dt.datetime.fromtimestamp(st.st_mtime, dt.UTC).date()
        return InstalledSdk(kind, literal, version, names, installed)


@dataclass(frozen=True)
class SdkView:
    """The `registry.loader.LiveLayer` for one set of literal files."""

    layer: SdkLayer
    files: tuple[LiteralFile, ...]

    def apply(self, registry: Registry) -> Registry:
        """`registry` plus the SDK names it lacks, and one layer per SDK read."""
        sdks = self.layer._read_all(self.files)
        if not sdks:
            return registry
        added: dict[str, BetaEntry] = {}
        for sdk in sdks:
            for name in sdk.names:
                if name not in registry.entries and name not in added and is_well_formed(name):
                    added[name] = _entry(name, sdk, registry)
        layers = tuple(RegistryLayer(str(s.literal), s.label, s.installed) for s in sdks)
        return Registry(
            entries=_Added(registry.entries, added) if added else registry.entries,
            layers=registry.layers + layers,
            platform_precedence=registry.platform_precedence,
            evidence_age=registry.evidence_age,
        )


class _Added(Mapping[str, BetaEntry]):
    """The registry's entries with the SDK-only ones after them: a view, not a copy (a copy
    would decode every lazily decoded shipped entry, `codec.LazyValues`)."""

    __slots__ = ("_added", "_base")

    def __init__(self, base: Mapping[str, BetaEntry], added: dict[str, BetaEntry]) -> None:
        self._base = base
        self._added = added

    def __getitem__(self, name: str) -> BetaEntry:
        found = self._added.get(name)
        return self._base[name] if found is None else found

    def __contains__(self, name: object) -> bool:
        return name in self._added or name in self._base

    def __iter__(self) -> Iterator[str]:
        yield from self._base
        yield from self._added

    def __len__(self) -> int:
        return len(self._base) + len(self._added)  # disjoint: only missing names are added


def _entry(name: str, sdk: InstalledSdk, registry: Registry) -> BetaEntry:
    return BetaEntry(
        status="active",
        confidence="low",
        in_sdk_literal=sdk.kind == "python",
        sources=(f"{sdk.label}: {sdk.literal}",),
        notes=(
            f"Known only from the installed {sdk.label} type literal; registry "
            f"{registry.version} ({registry.date}) does not list it, so betalint treats it as an "
            "active beta with low confidence. Upgrade betalint for its sourced lifecycle."
        ),
    )


def _interpreter_package() -> Path | None:
    """The running interpreter's `anthropic` package directory, located without importing."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(PYTHON_PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    locations = list(spec.submodule_search_locations or [])
    if not locations and spec.origin:
        locations = [str(Path(spec.origin).parent)]
    return Path(locations[0]) if locations else None


def _walk_up(paths: Iterable[str]) -> Iterator[str]:
    """Every directory at or above each path, each once, nearest first."""
    seen: set[str] = set()
    for given in paths:
        directory = os.path.abspath(given)
        if not os.path.isdir(directory):
            directory = os.path.dirname(directory)
        while directory not in seen:
            seen.add(directory)
            yield directory
            parent = os.path.dirname(directory)
            if parent == directory:
                break
            directory = parent


_MAX_DIRECTORIES = 512  # per-directory memo entries kept (a few tens of KB)


def _bounded_put(
    memo: dict[str, tuple[LiteralFile, ...]], key: str, value: tuple[LiteralFile, ...]
) -> None:
    if len(memo) >= _MAX_DIRECTORIES:
        memo.clear()
    memo[key] = value


def _literals_in(directory: str) -> Iterator[tuple[SdkKind, Path]]:
    """SDK literal files that `directory` holds in node_modules or a virtualenv."""
    # Most directories of a tree hold neither: one stat each says so, without pathlib.
    node = os.path.join(directory, "node_modules", "@anthropic-ai", "sdk")
    if os.path.isdir(node):
        yield from (("node", f) for f in _existing(Path(node), NODE_LITERALS))
    for venv in _VENVS:
        if not os.path.isdir(os.path.join(directory, venv)):
            continue
        root = Path(directory, venv)
        packages = [*sorted(root.glob("lib/python*/site-packages/anthropic"))]
        packages.append(root / "Lib" / "site-packages" / "anthropic")  # a Windows venv
        for package in packages:
            yield from (("python", f) for f in _existing(package, PYTHON_LITERALS))


def _existing(package: Path, relative: tuple[str, ...]) -> Iterator[Path]:
    """The first literal file of `package` that exists (later ones repeat it)."""
    for rel in relative:
        candidate = package / rel
        if candidate.is_file():
            yield candidate
            return


def _parse(kind: SdkKind, literal: Path) -> tuple[str | None, tuple[str, ...]]:
    """(version, names) of one literal file, from the cache while the files are unchanged
    (`registry.sdk_cache`); no names when it does not parse."""
    from betalint.registry import sdk_cache

    version_file = _version_file(kind, literal)
    key = sdk_cache.key(literal, version_file)
    cached = sdk_cache.read(key) if key is not None else None
    if cached is not None:
        return cached
    parsed = _parse_now(kind, literal, version_file)
    if key is not None:
        sdk_cache.write(key, *parsed)
    return parsed


def _version_file(kind: SdkKind, literal: Path) -> Path | None:
    """Where the SDK's version is read from: `_version.py` of the Python package, the
    nearest `package.json` above a Node literal."""
    if kind == "python":
        return _python_package(literal) / "_version.py"
    manifests = (parent / "package.json" for parent in literal.parents)
    return next((m for m in manifests if m.is_file()), None)


def _python_package(literal: Path) -> Path:
    return literal.parents[1] if literal.parent.name == "types" else literal.parents[2]


def _parse_now(
    kind: SdkKind, literal: Path, version_file: Path | None
) -> tuple[str | None, tuple[str, ...]]:
    try:
        text = literal.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None, ()
    if kind == "python":
        from betalint.registry.sync import SdkNotFound, parse_literal, sdk_version

        try:
            names, _deprecated = parse_literal(text, str(literal))
        except SdkNotFound:
            return None, ()
        return sdk_version(_python_package(literal)), names
    version = node_manifest_version(version_file) if version_file is not None else None
    return version, ts_literal(text)


def ts_literal(text: str) -> tuple[str, ...]:
    """The string members of `export type AnthropicBeta = ...`, in source order."""
    match = _TS_ALIAS.search(text)
    if match is None:
        return ()
    body = _TS_COMMENT.sub(" ", match["body"])
    names = (m[1] if m[1] is not None else m[2] for m in _TS_STRING.finditer(body))
    return tuple(dict.fromkeys(n for n in names if n))


def node_manifest_version(manifest: Path) -> str | None:
    """The `version` string of one package.json, or None."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    version = data.get("version") if isinstance(data, dict) else None
    return version if isinstance(version, str) else None
