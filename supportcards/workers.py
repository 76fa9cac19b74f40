"""Rendering a large build's cards in worker processes, in source order.

Where the OS can fork, the workers start warm: Markdown, nh3 and the rules are loaded once, in the
parent, and inherited. Workers never outlive the build: they die with their parent, even when it
is killed (see `_start_worker`), and an interrupted build cancels the work not yet started.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from .cards import Work, card_work
from .model import Card, Project, Settings
from .normalize import Normalizer, project_normalizer
from .render import render_markdown

_worker_normalizer: Normalizer | None = None


def render_in_parallel(
    cards: list[Card], settings: Settings, workers: int, progress: Callable[[int], None]
) -> Iterator[Work]:
    """Each card's `card_work`, done in `workers` processes, in source order, chunk by chunk as
    they come back; `progress` hears how many cards each chunk held."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _worker_normalizer
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    if "fork" in methods:
        _worker_normalizer = project_normalizer(Project(settings, ()))
        render_markdown("*warm*")
    size = max(50, min(500, len(cards) // (workers * 4)))
    chunks = [cards[start : start + size] for start in range(0, len(cards), size)]
    starter = (settings, os.getpid())
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=starter) as pool:
            try:
                with _signals_held():
                    done = pool.map(_work_chunk, chunks)
                _worker_normalizer = None
                for results in done:
                    progress(len(results))
                    yield from results
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)  # then wait only for the chunks under way
                raise
    finally:
        _worker_normalizer = None


HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while the pool starts its workers: interrupted halfway through a
    fork, the pool cannot shut down cleanly. They are delivered right after."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


PR_SET_PDEATHSIG = 1
"""Linux's prctl option: a signal the kernel sends this process when its parent dies."""


def _start_worker(settings: Settings, parent: int) -> None:
    global _worker_normalizer
    _die_with(parent)
    gc.disable()  # short-lived and free of reference cycles: collections would only cost time
    if _worker_normalizer is None:  # forked workers inherit the parent's
        _worker_normalizer = project_normalizer(Project(settings, ()))


def _die_with(parent: int) -> None:
    """End this worker when the build process `parent` ends, however it ends (a killed parent
    cannot stop its workers): on Linux the kernel kills it at once; elsewhere, and as a second
    guard, a thread notices within a second that the parent changed. A signal handler inherited
    from the parent (the CLI's for SIGTERM) is dropped: the parent does the cleaning up."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent handles it
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD_SIGNALS)  # held by the parent as it forked
    if sys.platform.startswith("linux"):
        import ctypes

        with suppress(OSError, AttributeError):  # no prctl: the thread below still guards
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before this worker could ask to die with it
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _work_chunk(cards: list[Card]) -> list[Work]:
    assert _worker_normalizer is not None
    return [card_work(card, _worker_normalizer) for card in cards]
