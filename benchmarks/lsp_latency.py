"""Latency of `betalint server`: from a didChange to its publishDiagnostics, over stdio.

    python benchmarks/lsp_latency.py [--lines 2000] [--changes 200] [--json PATH]

A real LSP client (pygls') starts `python -m betalint server`, opens a generated Python
file of `--lines` lines (beta names drawn from the shipped registry, some misspelt, among
ordinary code), waits for the first diagnostics (start-up is not measured), then sends
`--changes` incremental edits one at a time, each typing or deleting one character on a
random line, and times each until the diagnostics for that version arrive. Reports the
median, p90 and max in milliseconds. Target (issue 18): median <= 20 ms at 2,000 lines.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient

TARGET_MS = 20.0


def generate(lines: int, seed: int = 7) -> str:
    """A Python module of `lines` lines: helpers, and calls sending registry beta names
    (three in ten misspelt, so the file has findings with fixes)."""
    from betalint.registry.loader import load_registry

    names = sorted(load_registry().entries)
    rng = random.Random(seed)
    out = [
        '"""A service module (generated for the LSP latency benchmark)."""',
        "import anthropic",
        "",
    ]
    i = 0
    while len(out) < lines:
        i += 1
        if rng.random() < 0.05:
            name = rng.choice(names)
            if rng.random() < 0.3:
                cut = rng.randrange(1, 4)
                name = name[:cut] + name[cut + 1 :]
            out += [
                f"def call_{i}(client: anthropic.Anthropic) -> object:",
                f'    return client.beta.messages.create(betas=["{name}"], messages=[])',
                "",
            ]
        else:
            out += [
                f"def helper_{i}(value: int, scale: float = 1.5) -> float:",
                f'    """Scale value {i} for the report."""',
                f"    return value * scale + {i}  # keep it simple",
                "",
            ]
    return "\n".join(out[:lines]) + "\n"


class Bench:
    """One client, one server, one open document."""

    def __init__(self) -> None:
        self.client = LanguageClient("betalint-bench", "1")
        self.waiting: dict[int, asyncio.Future[int]] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            future = self.waiting.pop(params.version or 0, None)
            if future is not None and not future.done():
                future.set_result(len(params.diagnostics))

    def expect(self, version: int) -> asyncio.Future[int]:
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self.waiting[version] = future
        return future

    async def start(self, root: Path) -> None:
        await self.client.start_io(sys.executable, "-m", "betalint", "server")
        await self.client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(
                    general=types.GeneralClientCapabilities(
                        position_encodings=[types.PositionEncodingKind.Utf16]
                    )
                ),
                root_uri=root.as_uri(),
            )
        )
        self.client.initialized(types.InitializedParams())

    async def open(self, uri: str, text: str) -> int:
        pending = self.expect(1)
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="python", version=1, text=text
                )
            )
        )
        return await asyncio.wait_for(pending, 60)

    async def change(self, uri: str, version: int, line: int, delete: bool) -> float:
        """Seconds from sending one one-character edit to its diagnostics."""
        at = types.Position(line, 0)
        end = types.Position(line, 1) if delete else at
        change = types.TextDocumentContentChangePartial(
            range=types.Range(at, end), text="" if delete else "#"
        )
        pending = self.expect(version)
        start = time.perf_counter()
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[change],
            )
        )
        await asyncio.wait_for(pending, 60)
        return time.perf_counter() - start

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


async def measure(lines: int, changes: int, warmup: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / "service.py"
        text = generate(lines)
        path.write_text(text)
        bench = Bench()
        await bench.start(root)
        uri = path.as_uri()
        started = time.perf_counter()
        findings = await bench.open(uri, text)
        first = time.perf_counter() - started
        rng = random.Random(11)
        times = []
        version = 1
        for n in range(warmup + changes):
            line = rng.randrange(lines)
            version += 1
            # Type "#" at a line's start, then delete it: the text returns to the original.
            elapsed = await bench.change(uri, version, line, delete=False)
            version += 1
            elapsed += await bench.change(uri, version, line, delete=True)
            if n >= warmup:
                times.append(elapsed / 2)
        await bench.stop()
    ms = sorted(t * 1000 for t in times)
    return {
        "lines": lines,
        "bytes": len(text.encode()),
        "findings": findings,
        "changes": len(ms) * 2,
        "first_diagnostics_ms": round(first * 1000, 2),
        "median_ms": round(statistics.median(ms), 2),
        "p90_ms": round(ms[int(len(ms) * 0.9) - 1], 2),
        "max_ms": round(ms[-1], 2),
        "target_ms": TARGET_MS,
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load": os.getloadavg(),
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=2000)
    parser.add_argument("--changes", type=int, default=200, help="edit pairs to time")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--json", metavar="PATH", help="also write the result as JSON")
    args = parser.parse_args(argv)
    result = asyncio.run(measure(args.lines, args.changes, args.warmup))
    verdict = "pass" if result["median_ms"] <= TARGET_MS else "FAIL"
    print(
        f"{result['lines']} lines, {result['findings']} findings, {result['changes']} changes: "
        f"didChange -> publishDiagnostics median {result['median_ms']} ms, "
        f"p90 {result['p90_ms']} ms, max {result['max_ms']} ms "
        f"(target <= {TARGET_MS:g} ms: {verdict}); first diagnostics "
        f"{result['first_diagnostics_ms']} ms after didOpen"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
    return 0 if verdict == "pass" else 1


if __name__ == "__main__":
    raise SystemExit(main())
