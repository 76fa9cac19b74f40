"""Stats: how many cards each chapter and each topic has, to see where a deck is thin."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import Project


@dataclass(frozen=True)
class Stats:
    """Cards per chapter (in source order) and per topic (most cards first), with labels."""

    chapters: tuple[tuple[str, int], ...]
    topics: tuple[tuple[str, str, int], ...]
    without_topic: int

    def table(self) -> str:
        """A plain-text table, one section for chapters and one for topics."""
        width = max(
            [len(name) for name, _ in self.chapters]
            + [len(f"{slug} ({label})") for slug, label, _ in self.topics]
            + [8]
        )
        rows = [f"{'chapitre':<{width}}  cartes"]
        rows += [f"{name:<{width}}  {count:>6}" for name, count in self.chapters]
        rows += ["", f"{'thème':<{width}}  cartes"]
        rows += [f"{f'{slug} ({label})':<{width}}  {count:>6}" for slug, label, count in self.topics]
        if self.without_topic:
            rows.append(f"{'(sans thème)':<{width}}  {self.without_topic:>6}")
        total = sum(count for _, count in self.chapters)
        rows += ["", f"{'total':<{width}}  {total:>6}"]
        return "\n".join(rows)


def project_stats(project: Project) -> Stats:
    """Count the cards of a project per chapter and per topic (a card counts once per topic)."""
    labels = {topic.slug: topic.label for topic in project.settings.topics}
    per_topic: Counter[str] = Counter()
    without = 0
    for chapter in project.chapters:
        for card in chapter.cards:
            per_topic.update(card.topics)
            without += not card.topics
    for slug in labels:
        per_topic.setdefault(slug, 0)
    ordered = sorted(per_topic.items(), key=lambda item: (-item[1], item[0]))
    return Stats(
        chapters=tuple((chapter.title, len(chapter.cards)) for chapter in project.chapters),
        topics=tuple((slug, labels.get(slug, slug), count) for slug, count in ordered),
        without_topic=without,
    )
