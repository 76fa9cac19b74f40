"""Rendering a large build's cards in worker processes, in source order.

Where the OS can fork, the workers start warm: Markdown, nh3 and the rules are loaded once, in the
parent, and inherited.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

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
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(settings,)) as pool:
            done = pool.map(_work_chunk, chunks)
            _worker_normalizer = None
            for results in done:
                progress(len(results))
                yield from results
    finally:
        _worker_normalizer = None


def _start_worker(settings: Settings) -> None:
    global _worker_normalizer
    gc.disable()  # short-lived and free of reference cycles: collections would only cost time
    if _worker_normalizer is None:  # forked workers inherit the parent's
        _worker_normalizer = project_normalizer(Project(settings, ()))


def _work_chunk(cards: list[Card]) -> list[Work]:
    assert _worker_normalizer is not None
    return [card_work(card, _worker_normalizer) for card in cards]
