"""Imported by the fork server of :mod:`clean.parallel` before it forks any worker: the modules a worker needs
are imported and the shared cleaner is built there once, so that each worker (and each that replaces one that
died) starts with them, in milliseconds instead of most of a second."""

from . import batch, cli  # noqa: F401 - the task functions live in batch; a run of ``python -m clean`` loads cli
from .cleaner import default_cleaner

default_cleaner()
