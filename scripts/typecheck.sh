#!/usr/bin/env bash
# mypy --strict over the package as it is installed (betalint.registry, betalint.linter).
# The source directories are mapped into betalint.* by setuptools, which mypy cannot follow,
# so this builds a tree of symlinks with the installed layout and checks that.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shadow="$(mktemp -d)"
trap 'rm -rf "$shadow"' EXIT
mkdir "$shadow/betalint"
for f in "$repo"/betalint/*; do ln -s "$f" "$shadow/betalint/$(basename "$f")"; done
ln -s "$repo/registry" "$shadow/betalint/registry"
ln -s "$repo/linter" "$shadow/betalint/linter"
cd "$shadow"
python3 -m mypy --config-file "$repo/pyproject.toml" -p betalint "$@"
