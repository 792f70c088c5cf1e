"""An ordered, bounded, parallel map over worker processes: what lets batch runs use every core, keep their
output in input order and read their input only as fast as they write it.

Workers come from a fork server (or are spawned where there is none): never forked from a parent that may hold
large buffers or threads. Each worker ignores Ctrl-C (the parent reports it) and builds the library's shared
:func:`~clean.cleaner.default_cleaner` once, when it starts.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from .cleaner import default_cleaner

#: Input in flight (sent to workers, results not yet taken), as ``size`` measures it, above which no further
#: chunk is sent.
MAX_BYTES_IN_FLIGHT = 32 << 20

T = TypeVar("T")
R = TypeVar("R")


def resolve_jobs(jobs: int) -> int:
    """``--jobs``: 0 means every core this process may run on."""
    if jobs < 0:
        raise ValueError("--jobs must be 0 (all cores) or more")
    if jobs:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker() -> None:
    """In each worker process: die quietly on Ctrl-C (the parent reports it), and load the resources once."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    default_cleaner()


def _executor(jobs: int) -> ProcessPoolExecutor:
    import multiprocessing

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method), initializer=_init_worker)


def ordered_map(fn: Callable[[Sequence[T]], list[R]], chunks: Iterable[Sequence[T]], jobs: int,
                on_crash: Callable[[T], R], size: Callable[[Sequence[T]], int] = len,
                max_chunks: int | None = None, max_size: int = MAX_BYTES_IN_FLIGHT
                ) -> Iterator[tuple[Sequence[T], list[R]]]:
    """``fn`` over ``chunks`` in ``jobs`` worker processes: each chunk and its results, in input order.

    At most ``max_chunks`` chunks (default ``2 * jobs + 2``) and about ``max_size`` (as ``size`` measures it,
    but always at least one chunk) are in flight, so the input is read only as fast as the output is taken.
    If a worker dies (a crash, or the out-of-memory killer), the chunks in flight are run again one item per
    task in a fresh pool, and the item that kills a worker again gets ``on_crash(item)`` as its result.
    With ``jobs == 1`` everything runs in this process. Close the iterator to stop early.
    """
    if jobs == 1:
        for chunk in chunks:
            yield chunk, fn(chunk)
        return
    max_chunks = max_chunks or 2 * jobs + 2
    executor = _executor(jobs)
    pending: deque = deque()
    in_flight = 0
    source = iter(chunks)
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < max_chunks and (not pending or in_flight < max_size):
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                    break
                n = size(chunk)
                in_flight += n
                pending.append((chunk, n, executor.submit(fn, chunk)))
            if not pending:
                return
            chunk, n, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                redo = [chunk] + [c for c, _, _ in pending]
                pending.clear()
                in_flight = 0
                executor.shutdown(wait=False, cancel_futures=True)
                executor = _executor(jobs)
                for c in redo:
                    results = []
                    for item in c:
                        try:
                            results.extend(executor.submit(fn, [item]).result())
                        except BrokenProcessPool:
                            results.append(on_crash(item))
                            executor.shutdown(wait=False, cancel_futures=True)
                            executor = _executor(jobs)
                    yield c, results
                continue
            in_flight -= n
            yield chunk, result
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
