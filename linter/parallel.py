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

import gc
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING

from betalint.linter.config import Settings
from betalint.linter.files.discovery import FileJob
from betalint.linter.files.reader import PathError, Skipped
from betalint.linter.report.meta import Position, edit_positions
from betalint.linter.runner import FileOutcome, Linters, check_path

if TYPE_CHECKING:  # multiprocessing loads only when a tree is large enough for a pool
    from multiprocessing.pool import AsyncResult, Pool

__all__ = ["MIN_FILES", "Checked", "check_jobs", "default_jobs"]

# Below this many files a pool costs more than it saves. Measured on the benchmark corpus
# (2 cores): starting the pool (importing multiprocessing, forking, first round trips) and
# its bookkeeping cost ~0.1-0.15 s, a file costs ~0.08 ms in one process, so two workers
# save ~0.04 ms a file: break-even near 3,000 files; a 500-file tree ran 0.09 s slower.
MIN_FILES = 3000
BATCH_FILES = 32  # files per task: IPC per batch, small enough to keep the workers level
WINDOW_PER_JOB = 32  # batches in flight per worker: a slow file at the head must not idle the rest

Outcome = FileOutcome | Skipped | PathError


@dataclass
class Checked(FileOutcome):
    """A worker's FileOutcome: the text stays in the worker, its edit positions travel."""

    positions: dict[int, Position] = field(default_factory=dict)


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
    head = list(islice(stream, MIN_FILES))
    if jobs <= 1 or len(head) < MIN_FILES or not _can_fork():
        yield from _serial(chain(head, stream), linters)
        return
    yield from _pooled(chain(head, stream), linters, jobs, head)


def _serial(
    items: Iterable[FileJob | PathError], linters: Linters
) -> Iterator[tuple[Outcome, Settings | None]]:
    for item in items:
        if isinstance(item, FileJob):
            yield check_path(item.path, item.settings, linters), item.settings
        else:
            yield item, None


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


# The run's Linters, set in the parent just before forking: each worker inherits it.
_LINTERS: Linters | None = None


def _worker_init() -> None:
    # Ctrl-C and SIGTERM are the parent's to handle: it terminates the pool on the way out.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _check_batch(batch: list[tuple[str, Settings]]) -> list[Outcome]:
    """In a worker: read and check each file; keep positions, drop the text."""
    linters = _LINTERS
    assert linters is not None, "a worker runs only in a pool forked by _pooled"
    done: list[Outcome] = []
    for path, settings in batch:
        outcome = check_path(path, settings, linters)
        if isinstance(outcome, FileOutcome) and outcome.source is not None:
            positions = edit_positions(outcome.source.text, outcome.diagnostics)
            outcome = Checked(outcome.path, outcome.diagnostics, None, outcome.notice, positions)
        done.append(outcome)
    return done


Pending = tuple[list[FileJob | PathError], "AsyncResult[list[Outcome]]"]


def _pooled(
    items: Iterator[FileJob | PathError],
    linters: Linters,
    jobs: int,
    head: list[FileJob | PathError],
) -> Iterator[tuple[Outcome, Settings | None]]:
    import multiprocessing

    global _LINTERS
    _warm(linters, head)
    _LINTERS = linters
    gc.freeze()  # what the parent built stays shared with the workers (no refcount copies)
    pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_init)
    window: deque[Pending] = deque()
    finished = False
    try:
        while True:
            while len(window) < jobs * WINDOW_PER_JOB and _submit(pool, items, window):
                pass
            if not window:
                break
            batch, result = window.popleft()
            yield from _merge(batch, result.get())
        finished = True
    finally:
        if finished:
            pool.close()
        else:  # an error or an interrupt: do not wait for the rest of the tree
            pool.terminate()
        pool.join()
        _LINTERS = None
        gc.unfreeze()


def _warm(linters: Linters, head: list[FileJob | PathError]) -> None:
    """Build the engine and selectors for the first settings before forking (shared pages)."""
    for item in head:
        if isinstance(item, FileJob):
            linters.linter(item.settings)
            linters.selector(item.settings)
            return


def _submit(pool: Pool, items: Iterator[FileJob | PathError], window: deque[Pending]) -> bool:
    """Send the next batch to the pool; False when discovery is exhausted."""
    batch = list(islice(items, BATCH_FILES))
    if not batch:
        return False
    paths = [(item.path, item.settings) for item in batch if isinstance(item, FileJob)]
    window.append((batch, pool.apply_async(_check_batch, (paths,))))
    return True


def _merge(
    batch: list[FileJob | PathError], outcomes: list[Outcome]
) -> Iterator[tuple[Outcome, Settings | None]]:
    """Put a batch's results back beside its discovery errors, in discovery order."""
    results = iter(outcomes)
    for item in batch:
        if isinstance(item, FileJob):
            yield next(results), item.settings
        else:
            yield item, None
