"""An ordered, bounded, parallel map over worker processes: what lets batch runs use every core, keep their
output in input order and read their input only as fast as they write it.

Workers come from a fork server (or are spawned where there is none): never forked from a parent that may hold
large buffers or threads. The fork server builds the library's shared :func:`~clean.cleaner.default_cleaner`
before it forks (:mod:`clean._preload`), so a worker starts in milliseconds, also one that replaces a dead one;
each worker dies quietly on Ctrl-C (the parent reports it).

Each worker has a pipe of its own and runs one task at a time, so the parent always knows which task a worker
was running when it died (killed, out of memory, a crash in a native library): only that task is run again,
the other workers go on, and a new worker takes the dead one's place. A task of several items whose worker
died is run again one item per task; an item that kills the worker running it alone twice gets
``on_crash(item)`` as its result. So a worker killed from outside costs no record anything: every item comes
out exactly once, in order, with the result it would have had in one process.
"""

from __future__ import annotations

import os
import signal
import threading
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

from .cleaner import default_cleaner

#: Input in flight (sent to workers, results not yet taken), as ``size`` measures it, above which no further
#: chunk is sent.
MAX_BYTES_IN_FLIGHT = 32 << 20
#: Deaths of the worker running an item alone after which the item gets ``on_crash``.
MAX_DEATHS = 2
#: Workers in a row (per job) that die before finishing any task, after which the run gives up: the workers
#: cannot start, and starting more would never end.
MAX_DEATHS_IN_A_ROW = 10

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


def _worker_main(conn, fn: Callable) -> None:
    """In each worker process: die quietly on Ctrl-C (the parent reports it), load the resources once, then
    run tasks until told to stop. A task that raises is reported as failed (the parent treats it like a death)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    default_cleaner()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            reply: tuple[bool, Any] = (True, fn(task))
        except BaseException as exc:  # noqa: BLE001 - whatever it was, the parent decides
            reply = (False, f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return
        except Exception as exc:  # a result that cannot be pickled
            conn.send((False, f"{type(exc).__name__}: {exc}"))


@dataclass(eq=False)
class _Slot:
    """One input chunk until its results are handed on: a result per item, and how often each item's worker
    died while running it alone."""

    chunk: Sequence
    size: int
    results: list
    missing: int
    deaths: dict = field(default_factory=dict)


@dataclass(eq=False)
class _Task:
    slot: _Slot
    start: int
    stop: int


class _Worker:
    def __init__(self, ctx, fn: Callable):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, fn), daemon=True)
        self.process.start()
        child.close()
        self.task: _Task | None = None

    def stop(self, kill: bool) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                pass

    def reap(self) -> None:
        self.process.join(5)
        if self.process.exitcode is None:
            self.process.kill()
            self.process.join()
        self.conn.close()


class _Pool:
    """``jobs`` workers, the tasks waiting for one, and what to do when a worker dies.

    A thread of its own hands out the tasks and takes the results as soon as a worker has them, also while
    the caller is blocked writing its output: a finished worker never sits holding a result, so a kill then
    costs nothing, and a record is blamed only for deaths while it was being cleaned. Memory stays bounded by
    what the caller puts in flight."""

    def __init__(self, fn: Callable, jobs: int, on_crash: Callable):
        import multiprocessing

        if "forkserver" in multiprocessing.get_all_start_methods():
            self.ctx = multiprocessing.get_context("forkserver")
            self.ctx.set_forkserver_preload(["clean._preload"])  # takes effect when the server starts
        else:
            self.ctx = multiprocessing.get_context("spawn")
        self.fn, self.on_crash = fn, on_crash
        self.cond = threading.Condition()
        self.ready: deque[_Task] = deque()  # guarded by cond, as are the slots' results and the two below
        self.error: BaseException | None = None
        self.stopping = False
        self.deaths_in_a_row = 0
        self.limit = MAX_DEATHS_IN_A_ROW * jobs
        self.wake_r, self.wake_w = os.pipe()
        os.set_blocking(self.wake_r, False)
        os.set_blocking(self.wake_w, False)
        self.workers = [_Worker(self.ctx, fn) for _ in range(jobs)]
        self.thread = threading.Thread(target=self._run, name="clean-parallel", daemon=True)
        self.thread.start()

    # --- the caller's side ---

    def submit(self, task: _Task) -> None:
        with self.cond:
            self.ready.append(task)
        self._wake()

    def wait_for(self, slot: _Slot) -> None:
        with self.cond:
            while slot.missing and self.error is None:
                self.cond.wait()
            if self.error is not None:
                raise self.error

    def close(self) -> None:
        with self.cond:
            self.stopping = True
        self._wake()
        self.thread.join()
        for worker in self.workers:
            worker.stop(kill=worker.task is not None)  # a busy worker's result is no longer wanted
        for worker in self.workers:
            worker.reap()
        os.close(self.wake_r)
        os.close(self.wake_w)

    def _wake(self) -> None:
        try:
            os.write(self.wake_w, b"x")
        except BlockingIOError:  # already full of wake-ups
            pass

    # --- the pool's thread ---

    def _run(self) -> None:
        try:
            while True:
                with self.cond:
                    if self.stopping:
                        return
                    handed = []
                    for worker in self.workers:
                        if worker.task is None and self.ready:
                            worker.task = self.ready.popleft()
                            handed.append(worker)
                for worker in handed:
                    self._send(worker)
                by_handle: dict = {self.wake_r: None}
                for worker in self.workers:
                    by_handle[worker.conn] = by_handle[worker.process.sentinel] = worker
                seen = set()
                for handle in wait(list(by_handle)):
                    worker = by_handle[handle]
                    if worker is None:
                        while True:
                            try:
                                if not os.read(self.wake_r, 4096):
                                    break
                            except BlockingIOError:
                                break
                    elif id(worker) not in seen:
                        seen.add(id(worker))
                        self._service(worker)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            with self.cond:
                self.error = exc
                self.cond.notify_all()

    def _send(self, worker: _Worker) -> None:
        from multiprocessing.reduction import ForkingPickler

        task = worker.task
        data = ForkingPickler.dumps(task.slot.chunk[task.start:task.stop])  # a pickling error is the caller's
        try:
            worker.conn.send_bytes(data)
        except (OSError, ValueError):
            self._died(worker)

    def _service(self, worker: _Worker) -> None:
        if worker not in self.workers:  # replaced while its task was being sent
            return
        try:
            if not worker.conn.poll():  # the process ended and left nothing to read
                raise EOFError
            ok, value = worker.conn.recv()
        except Exception:  # end of file, a message cut short, garbage: the worker is gone
            self._died(worker)
            return
        task, worker.task = worker.task, None
        if task is not None:
            with self.cond:
                if ok and isinstance(value, list) and len(value) == task.stop - task.start:
                    task.slot.results[task.start:task.stop] = value
                    task.slot.missing -= len(value)
                    self.deaths_in_a_row = 0
                else:
                    self._failed(task)
                self.cond.notify_all()
        if not worker.process.is_alive():
            self._died(worker)

    def _died(self, worker: _Worker) -> None:
        task, worker.task = worker.task, None
        worker.process.kill()  # if only its pipe broke
        worker.reap()
        self.deaths_in_a_row += 1
        if self.deaths_in_a_row > self.limit:
            raise RuntimeError(f"{self.deaths_in_a_row} worker processes in a row died (cannot start workers?)")
        self.workers[self.workers.index(worker)] = _Worker(self.ctx, self.fn)
        if task is not None:
            with self.cond:
                self._failed(task)
                self.cond.notify_all()

    def _failed(self, task: _Task) -> None:
        """With ``cond`` held: run a failed task again item by item, or give its one item up."""
        if task.stop - task.start > 1:  # which item was it? Each runs alone, ahead of the tasks waiting
            self.ready.extendleft(_Task(task.slot, i, i + 1) for i in reversed(range(task.start, task.stop)))
            return
        slot, i = task.slot, task.start
        slot.deaths[i] = slot.deaths.get(i, 0) + 1
        if slot.deaths[i] >= MAX_DEATHS:
            slot.results[i] = self.on_crash(slot.chunk[i])
            slot.missing -= 1
        else:
            self.ready.appendleft(task)


_END = object()


def ordered_map(fn: Callable[[Sequence[T]], list[R]], chunks: Iterable[Sequence[T]], jobs: int,
                on_crash: Callable[[T], R], size: Callable[[Sequence[T]], int] = len,
                max_chunks: int | None = None, max_size: int = MAX_BYTES_IN_FLIGHT
                ) -> Iterator[tuple[Sequence[T], list[R]]]:
    """``fn`` over ``chunks`` in ``jobs`` worker processes: each chunk and its results, in input order.

    ``fn`` must return one result per item. At most ``max_chunks`` chunks (default ``2 * jobs + 2``) and about
    ``max_size`` (as ``size`` measures it, but always at least one chunk) are in flight, so the input is read
    only as fast as the output is taken. A worker that dies (or a task that raises) costs only its own task,
    which is run again item by item; an item whose worker dies twice while running it alone gets
    ``on_crash(item)`` as its result. With ``jobs == 1`` everything runs in this process. Close the iterator to
    stop early.
    """
    if jobs == 1:
        for chunk in chunks:
            yield chunk, fn(chunk)
        return
    max_chunks = max_chunks or 2 * jobs + 2
    pool = _Pool(fn, jobs, on_crash)
    slots: deque[_Slot] = deque()
    in_flight = 0
    source = iter(chunks)
    exhausted = False
    try:
        while True:
            while not exhausted and len(slots) < max_chunks and (not slots or in_flight < max_size):
                chunk = next(source, _END)
                if chunk is _END:
                    exhausted = True
                    break
                slot = _Slot(chunk, size(chunk), [None] * len(chunk), len(chunk))
                slots.append(slot)
                in_flight += slot.size
                if slot.missing:
                    pool.submit(_Task(slot, 0, len(chunk)))
            if not slots:
                return
            pool.wait_for(slots[0])
            slot = slots.popleft()
            in_flight -= slot.size
            yield slot.chunk, slot.results
    finally:
        pool.close()
