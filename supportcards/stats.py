"""Stats: how many cards each chapter and each topic has, to see where a deck is thin, and how many
list cards there are, with their items (each item is a card to study in Anki)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import Card, Project, Settings


@dataclass(frozen=True)
class Stats:
    """Cards per chapter (in source order) and per topic (most cards first), with labels."""

    chapters: tuple[tuple[str, int], ...]
    topics: tuple[tuple[str, str, int], ...]
    without_topic: int
    list_cards: int = 0
    list_items: int = 0

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
        if self.list_cards:
            rows.append(
                f"{'listes':<{width}}  {self.list_cards:>6}  ({self.list_items} éléments, une carte Anki chacun)"
            )
        return "\n".join(rows)


def project_stats(project: Project) -> Stats:
    """Count the cards of a project per chapter and per topic (a card counts once per topic)."""
    labels = {topic.slug: topic.label for topic in project.settings.topics}
    per_topic: Counter[str] = Counter()
    without = lists = items = 0
    for chapter in project.chapters:
        for card in chapter.cards:
            per_topic.update(card.topics)
            without += not card.topics
            count = list_items(card, project.settings)
            lists += count > 0
            items += count
    for slug in labels:
        per_topic.setdefault(slug, 0)
    ordered = sorted(per_topic.items(), key=lambda item: (-item[1], item[0]))
    return Stats(
        chapters=tuple((chapter.title, len(chapter.cards)) for chapter in project.chapters),
        topics=tuple((slug, labels.get(slug, slug), count) for slug, count in ordered),
        without_topic=without,
        list_cards=lists,
        list_items=items,
    )


def list_items(card: Card, settings: Settings) -> int:
    """How many items a list card hides, each on a card of its own (0 for a basic card)."""
    from .cards import with_cloze_mode
    from .cloze import mark_items
    from .render import render_markdown

    if not with_cloze_mode(card, settings).cloze:
        return 0
    return len(mark_items(render_markdown(card.back), card.location)[1])
