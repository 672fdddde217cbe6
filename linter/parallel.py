"""A tree scan spread over forked worker processes, reported in the serial order.

Paths go in, outcomes come out: each worker reads and scans its own files, and turns fix
edits into line/column positions while the text is in hand, so no file content crosses a
process boundary (only paths, settings, diagnostics and positions are pickled). Files travel
in batches (one task, one pipe round trip per batch), a bounded window of batches is in
flight (memory stays flat however large the tree), and results are yielded oldest batch
first, which is the order a serial run reports in.

The pool is forked after the parent has loaded the registry and built the engine, so every
worker starts with the run's `Linters` (registry, compiled patterns, rule selectors) already
in memory: built once per process, never pickled. Fixing stays serial (the caller passes
`jobs=1`): a fix re-checks and rewrites one file atomically, which the parent already does.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING

from betalint.linter.config import Settings
from betalint.linter.diagnostic import Diagnostic
from betalint.linter.files.discovery import FileJob
from betalint.linter.files.reader import PathError, Skipped
from betalint.linter.report.meta import Position, edit_positions
from betalint.linter.report.rdjson import byte_columns
from betalint.linter.runner import FileOutcome, Linters, check_path

if TYPE_CHECKING:  # multiprocessing loads only when a tree is large enough for a pool
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

__all__ = ["MIN_FILES", "Checked", "check_jobs", "default_jobs", "limit_heap_growth"]

# Below this many files a pool costs more than it saves. Measured on the benchmark corpus
# (2 shared cores, load 1.7-3; same runs, --jobs 2 pooled against serial): 8,705 files ran
# 1.4x as fast pooled (0.56 s against 0.80 s), 6,449 files about even, 3,601 and 2,048
# files slower (the pool's start and its bookkeeping: 0.05-0.1 s CPU).
MIN_FILES = 8_000
# Files per task: one pipe round trip each (32 cost 5% more CPU at scale 4 than 64), small
# enough to keep the workers level.
BATCH_FILES = 64
WINDOW_PER_JOB = 16  # batches held per worker: a slow file at the head must not idle the rest
QUEUED = 4  # batches waiting in each worker's pipe: work to do while the parent is off the CPU

Outcome = FileOutcome | Skipped | PathError


@dataclass
class Checked(FileOutcome):
    """A worker's FileOutcome: the text stays in the worker, its edit positions travel."""

    positions: dict[int, Position] = field(default_factory=dict)
    byte_columns: dict[int, int] = field(default_factory=dict)  # for rdjson's UTF-8 columns


def default_jobs() -> int:
    """The cores this process may run on (a CI container's quota, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def check_jobs(
    items: Iterable[FileJob | PathError], linters: Linters, jobs: int
) -> Iterator[tuple[Outcome, Settings | None]]:
    """Each discovered item's outcome and settings, in discovery order; `jobs` processes."""
    stream = iter(items)
    if jobs <= 1:  # serial: stream straight through, nothing held back to count
        yield from _serial(stream, linters)
        return
    head = list(islice(stream, MIN_FILES))
    if len(head) < MIN_FILES or not _can_fork():
        yield from _serial(chain(head, stream), linters)
        return
    yield from _pooled(chain(head, stream), linters, jobs, head)


def _serial(
    items: Iterable[FileJob | PathError], linters: Linters
) -> Iterator[tuple[Outcome, Settings | None]]:
    for n, item in enumerate(items):
        if n == TREE_FILES:
            limit_heap_growth()
        if isinstance(item, FileJob):
            yield check_path(item.path, item.settings, linters), item.settings
        else:
            yield item, None


TREE_FILES = 256  # a run this long is a tree scan: worth a call into the C library
# glibc's M_MMAP_THRESHOLD: buffers this large (a big file's bytes and text) get pages of
# their own, handed back to the system when freed.
_M_MMAP_THRESHOLD, _MMAP_FROM = -3, 128 * 1024


def limit_heap_growth() -> None:
    """Keep a long tree scan's memory flat: return each large file's buffers to the system.

    By default glibc raises its mmap threshold to the size of each large buffer freed, so
    the next large files are carved from the heap, which keeps their pages after they are
    freed: peak memory then ratchets up with every large file of a tree (a bundle after a
    bundle), so a larger tree meant a larger peak. A fixed threshold stops that. Elsewhere
    (not glibc) this does nothing.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(AttributeError, OSError):
        ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, _MMAP_FROM)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


# The run's Linters, set in the parent just before forking: each worker inherits it.
_LINTERS: Linters | None = None


def _worker_init() -> None:
    # Ctrl-C and SIGTERM are the parent's to handle: it terminates the pool on the way out.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


# The two commonest outcomes travel as one small int each (most files of a tree end as one of
# them); the parent rebuilds them from the path it already holds.
_NO_MATCH, _CLEAN = 0, 1
Sent = Outcome | int


def _check_batch(batch: list[tuple[str, Settings]]) -> list[Sent]:
    """In a worker: read and check each file; keep positions, drop the text."""
    linters = _LINTERS
    assert linters is not None, "a worker runs only in a pool forked by _pooled"
    done: list[Sent] = []
    for path, settings in batch:
        outcome = check_path(path, settings, linters)
        if outcome == Skipped(path, "no-match"):
            done.append(_NO_MATCH)
        elif isinstance(outcome, FileOutcome) and not outcome.diagnostics and not outcome.notice:
            done.append(_CLEAN)
        elif isinstance(outcome, FileOutcome) and outcome.source is not None:
            text, found = outcome.source.text, outcome.diagnostics
            positions = edit_positions(text, found)
            columns = utf8_columns(text, found, positions)
            done.append(Checked(outcome.path, found, None, outcome.notice, positions, columns))
        else:
            done.append(outcome)
    return done


def utf8_columns(
    text: str, found: list[Diagnostic], positions: dict[int, Position]
) -> dict[int, int]:
    """`rdjson.byte_columns(text, found)`, which reads every line up to each offset, for
    rdjson's UTF-8 columns. In ASCII text a byte column is the code-point column, which each
    diagnostic (its start and end) and `positions` (its fix edits) already hold."""
    if not text.isascii():
        return byte_columns(text, found)
    columns = {d.start: d.column for d in found} | {d.end: d.end_column for d in found}
    columns.update((offset, column) for offset, (_line, column) in positions.items())
    return columns


def _received(path: str, sent: Sent) -> Outcome:
    if sent == _NO_MATCH:
        return Skipped(path, "no-match")
    if sent == _CLEAN:
        return FileOutcome(path, [])
    assert not isinstance(sent, int)
    return sent


def _serve(conn: Connection) -> None:
    """A worker's loop: a batch of paths in, its outcomes out, until told to stop (None)."""
    _worker_init()
    while (batch := conn.recv()) is not None:
        try:
            conn.send(_check_batch(batch))
        except Exception as exc:  # the parent re-raises it: one error line, as serial
            conn.send(_failure(exc))


@dataclass
class _Failed:
    """A worker's exception: itself when it pickles (BetalintError does), else its text."""

    text: str
    exc: BaseException | None = None


def _failure(exc: Exception) -> _Failed:
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return _Failed(f"{type(exc).__name__}: {exc}")
    return _Failed(str(exc), exc)


def _pooled(
    items: Iterator[FileJob | PathError],
    linters: Linters,
    jobs: int,
    head: list[FileJob | PathError],
) -> Iterator[tuple[Outcome, Settings | None]]:
    # No multiprocessing.Pool: its two handler threads cost the parent more CPU than the
    # walk (0.66 s of 1.0 s at corpus scale 4); plain pipes and `wait` need no thread.
    import multiprocessing

    global _LINTERS
    limit_heap_growth()  # before forking: the workers inherit it
    _warm(linters, head)
    _LINTERS = linters
    gc.freeze()  # what the parent built stays shared with the workers (no refcount copies)
    ctx = multiprocessing.get_context("fork")
    workers: list[tuple[BaseProcess, Connection]] = []
    finished = False
    try:
        for _ in range(jobs):
            mine, theirs = ctx.Pipe()
            proc = ctx.Process(target=_serve, args=(theirs,), daemon=True)
            proc.start()
            theirs.close()
            workers.append((proc, mine))
        yield from _Schedule(items, [conn for _, conn in workers], jobs).run()
        finished = True
    finally:
        _stop(workers, finished)
        _LINTERS = None
        gc.unfreeze()


def _stop(workers: list[tuple[BaseProcess, Connection]], finished: bool) -> None:
    """Let the workers exit; after an error or an interrupt, do not wait for them."""
    for proc, conn in workers:
        if finished:
            with contextlib.suppress(OSError):
                conn.send(None)
        else:
            proc.terminate()
        conn.close()
    for proc, _ in workers:
        proc.join()


class _Schedule:
    """Hand batches to whichever worker is free (each holds one queued batch beyond the one
    it checks), and yield results in batch order, holding early ones back."""

    def __init__(
        self, items: Iterator[FileJob | PathError], conns: list[Connection], jobs: int
    ) -> None:
        self.items, self.conns = items, conns
        self.limit = jobs * WINDOW_PER_JOB  # batches sent or held: memory stays flat
        self.batches: dict[int, list[FileJob | PathError]] = {}
        self.results: dict[int, list[Sent]] = {}
        self.queued: dict[Connection, deque[int]] = {conn: deque() for conn in conns}
        self.sent = 0

    def feed(self, conn: Connection) -> None:
        """Top `conn` up to two batches in its pipe (a few KB: a pipe never fills)."""
        while len(self.queued[conn]) < QUEUED and len(self.batches) < self.limit:
            batch = list(islice(self.items, BATCH_FILES))
            if not batch:
                return
            self.batches[self.sent] = batch
            conn.send([(item.path, item.settings) for item in batch if isinstance(item, FileJob)])
            self.queued[conn].append(self.sent)
            self.sent += 1

    def run(self) -> Iterator[tuple[Outcome, Settings | None]]:
        from multiprocessing.connection import wait

        done = 0
        for conn in self.conns:
            self.feed(conn)
        while done < self.sent:
            busy = [c for c in self.conns if self.queued[c]]
            ready = set(map(id, wait(busy)))  # wait returns some of what it was given
            for conn in (c for c in busy if id(c) in ready):
                got = conn.recv()
                if isinstance(got, _Failed):
                    raise got.exc if got.exc is not None else RuntimeError(got.text)
                self.results[self.queued[conn].popleft()] = got
            while done in self.results:
                yield from _merge(self.batches.pop(done), self.results.pop(done))
                done += 1
            for conn in self.conns:
                self.feed(conn)


def _warm(linters: Linters, head: list[FileJob | PathError]) -> None:
    """Build the engine and selectors for the first settings before forking (shared pages)."""
    for item in head:
        if isinstance(item, FileJob):
            linters.linter(item.settings)
            linters.selector(item.settings)
            return


def _merge(
    batch: list[FileJob | PathError], outcomes: list[Sent]
) -> Iterator[tuple[Outcome, Settings | None]]:
    """Put a batch's results back beside its discovery errors, in discovery order."""
    results = iter(outcomes)
    for item in batch:
        if isinstance(item, FileJob):
            yield _received(item.path, next(results)), item.settings
        else:
            yield item, None
