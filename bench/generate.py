"""Synthetic French flashcards for the benchmark, in supportcards' and ankdown's formats.

The cards look like the student's notes (terms and questions as fronts; sentences, a lead-in and a
list as backs, with a few of the usual slips), so every stage does its real work. Deterministic:
the same N gives the same files.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

TERMS = [
    "SPOC",
    "Help-Desk",
    "Call-center",
    "Hotline",
    "SLA",
    "Ticket System",
    "FLS",
    "Customer-Care-Center",
    "Power-User-Organisation",
    "Service de piquet",
    "Backup",
    "Restore",
    "Server-Monitoring",
    "Escalade",
]
QUESTIONS = [
    "Qu-est ce qu-un {t}",
    "Citez 3 avantages du {t}",
    "Indiquez le rôle du {t}",
    "Expliquez le {t}",
    "Quels sont les risques du {t} ?",
    "{t}",
]
SENTENCES = [
    "C’est une unité de support capable de résoudre des problèmes plus complexes.",
    "Elle peut être généralement atteinte par e-mail ou chat en plus des appels téléphoniques.",
    "Les spécialistes sont moins solicités et la charge de travail reste maîtrisée.",
    "Le niveau d’urgence est évalué du point de vue de l’entreprise et non celui du demandeur.",
    "Ce service est toujours accessible à l'aide de canaux de communication multimédia.",
    "Il s'agit d'un contrat qui définit la qualité, la disponibilité et les responsabilités.",
]
ITEMS = ["Réponse plus rapide", "Gain de temps", "Communication plus facile", "Réduction des coûts",
         "Haute efficacité", "Temps de réaction", "Disponibilité", "Moyen de contact"]  # fmt: skip
CARDS_PER_CHAPTER = 500


def cards(count: int) -> list[tuple[str, str]]:
    rng = random.Random(count)
    result = []
    for number in range(count):
        term = rng.choice(TERMS)
        front = f"{rng.choice(QUESTIONS).format(t=term)} (n° {number})"
        lines = rng.sample(SENTENCES, 2)
        lines.append("Avantages :" if rng.random() < 0.5 else "Les points clés sont")
        lines += [f"{'-' if rng.random() < 0.5 else '1.'} {item}" for item in rng.sample(ITEMS, 3)]
        result.append((front, "\n".join(lines)))
    return result


def edit_one_card(text: str, mark: str) -> str:
    """A chapter's text with `mark` added to the last line of its first card's back (not its title)."""
    first_card = text.index("\n## ")
    end_of_card = text.index("\n\n## ", first_card + 1)
    return f"{text[:end_of_card]} {mark}{text[end_of_card:]}"


def write(count: int, folder: Path) -> tuple[Path, Path]:
    """Write `count` cards as `folder/supportcards/` (chapters) and `folder/ankdown/`; return both."""
    ours, theirs = folder / "supportcards", folder / "ankdown"
    ours.mkdir(parents=True, exist_ok=True)
    theirs.mkdir(parents=True, exist_ok=True)
    (ours / "supportcards.toml").write_text('[deck]\nname = "Banc d’essai"\n', encoding="utf-8")
    all_cards = cards(count)
    for start in range(0, count, CARDS_PER_CHAPTER):
        chunk = all_cards[start : start + CARDS_PER_CHAPTER]
        chapter = start // CARDS_PER_CHAPTER + 1
        text = f"# Chapitre {chapter}\n\n" + "".join(f"## {front}\n{back}\n\n" for front, back in chunk)
        (ours / f"chapitre-{chapter:03d}.md").write_text(text, encoding="utf-8")
        blocks = [f"{front}\n\n%\n\n{back}\n\n%\n\nchapitre{chapter}\n" for front, back in chunk]
        (theirs / f"chapitre-{chapter:03d}.md").write_text("\n---\n\n".join(blocks), encoding="utf-8")
    return ours, theirs


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    arguments = parser.parse_args()
    print(*write(arguments.count, arguments.folder))
