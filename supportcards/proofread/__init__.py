"""The proofreader: grammar, spelling and supportcards' own checks on each card, for lint and review.

API (what `lint` and `review` call)::

    proofread_project(project: Project, *, cache_dir: Path | None = None, checkers=None) -> list[Finding]
    cached_findings(project: Project, outdir: str | Path = "build") -> dict[str, list[Finding]] | None
    engine_available() -> bool        # Grammalecte importable (it is optional)
    INSTALL_HINT: str                 # one line: how to get Grammalecte
    default_checkers() -> Registry[Checker]

Findings are made on the NORMALIZED text of each card (after the corrections tables and the
typography), since an accepted fix becomes a corrections-table entry applied on top of it.
`Finding.location` is the source file and line, `column` the 1-based column in that source line as
far as the normalizer's edits let it be mapped, `context` the normalized line, `text` the flagged
normalized text and `suggestions` the fixes, best first. Findings come sorted by path, line, column.

Checkers form a named registry (`Registry`, like Python-Markdown's processors), in this order:
`grammalecte` (grammar, when installed), `spelling` (pyspellchecker plus Grammalecte's dictionary,
suggestions ranked), then the own checks of `rules.py`. Glossary terms, the English words a
front gives in parentheses (and those words elsewhere in its card), code, URLs and math are never
flagged. `build` never imports Grammalecte: `cached_findings` reads what lint and review cached.

How precise each check is, measured on chapters written for it (`bench/proofread_rules.py`), is
in bench/README.md ("Proofreading rules, one by one").

The cache (`cache_dir`, lint uses `build/.cache/proofread/`) keeps each card's findings keyed on
its normalized text, so a second run over unchanged notes calls no checker; a change of
supportcards' proofreading code, of the checkers run, of Grammalecte's version or of the glossary
starts afresh.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from ..model import Card, Finding, Project
from ..normalize import Normalizer, normalize_project, project_normalizer
from .grammar import INSTALL_HINT, engine, engine_available, engine_version, grammar_issues
from .registry import Registry
from .rules import OWN_CHECKS
from .spelling import Speller, english_asides, english_front
from .text import CardText, Issue, card_terms, front_expansions, words

__all__ = [
    "INSTALL_HINT",
    "CardText",
    "Checker",
    "Issue",
    "Registry",
    "cached_findings",
    "default_checkers",
    "engine_available",
    "proofread_project",
]

CACHE_FOLDER = Path(".cache") / "proofread"
CACHE_FORMAT = 1


@dataclass(frozen=True)
class Checker:
    """A named check of one card; `needs_engine` checkers are skipped without Grammalecte."""

    name: str
    check: Callable[[CardText, Speller], list[Issue]]
    needs_engine: bool = False


def grammalecte_check(card: CardText, speller: Speller) -> list[Issue]:
    issues = []
    for paragraph in card.paragraphs():
        for issue in grammar_issues(paragraph):
            if not _covers_term(card, issue):
                issues.append(issue)
    return issues


def _covers_term(card: CardText, issue: Issue) -> bool:
    """Whether the flagged text lies on a glossary term, protected text or a front's term word."""
    blanked = card.blanked_terms[issue.part]
    flagged = blanked[issue.start : issue.end]
    if flagged.strip() != card.text(issue.part)[issue.start : issue.end].strip():
        return True
    return any(match.group().casefold() in card.skip_words for match in words(flagged))


def spelling_check(card: CardText, speller: Speller) -> list[Issue]:
    issues = []
    for part, text in card.blanked_terms.items():
        for match in words(text):
            word = match.group()
            if len(word) < 2 or sum(char.isupper() for char in word) > 1:
                continue  # acronyms and one-letter words
            if word.casefold() in card.skip_words or speller.is_known(word):
                continue
            fixes = tuple(speller.suggestions(word, text[: match.start()]))
            issues.append(Issue(part, match.start(), match.end(), "spelling", "unknown-word", "unknown word", fixes))
    return issues


def default_checkers() -> Registry[Checker]:
    """Every checker, in the order its findings are made."""
    registry: Registry[Checker] = Registry()
    registry.register(Checker("grammalecte", grammalecte_check, needs_engine=True), "grammalecte", 100)
    registry.register(Checker("spelling", spelling_check), "spelling", 90)
    for position, (name, check) in enumerate(OWN_CHECKS):
        registry.register(Checker(name, check), name, 50 - position)
    return registry


def proofread_project(
    project: Project, *, cache_dir: Path | None = None, checkers: Registry[Checker] | None = None
) -> list[Finding]:
    """Every finding of every card of `project`, sorted by path, line and column (see the module)."""
    normalizer = project_normalizer(project)
    normalized, _ = normalize_project(project, normalizer)
    return proofread_normalized(project, normalized, normalizer, cache_dir=cache_dir, checkers=checkers)


def proofread_normalized(
    project: Project,
    normalized: Project,
    normalizer: Normalizer,
    *,
    cache_dir: Path | None = None,
    checkers: Registry[Checker] | None = None,
) -> list[Finding]:
    """`proofread_project` for a caller that has already normalized the project (lint)."""
    registry = checkers if checkers is not None else default_checkers()
    grammalecte = engine() if engine_available() else None
    active = [checker for checker in registry if grammalecte is not None or not checker.needs_engine]
    speller = Speller(normalizer.words, grammalecte.getSpellChecker() if grammalecte is not None else None)
    digest = _config_digest(normalizer, [checker.name for checker in active])
    stores: list[_ChapterCache | None] = []
    cards: list[tuple[int, CardText, str, list[Issue] | None]] = []
    for chapter, fixed in zip(project.chapters, normalized.chapters, strict=True):
        store = _ChapterCache(cache_dir, chapter.path, digest) if cache_dir is not None else None
        for card, card_fixed in zip(chapter.cards, fixed.cards, strict=True):
            text = card_text(card, card_fixed, normalizer, speller._in_dictionaries)
            key = _card_key(text)
            cards.append((len(stores), text, key, store.get(key) if store is not None else None))
        stores.append(store)
    pending = [text for _, text, _, issues in cards if issues is None]
    computed = iter(_check_all(pending, active, speller))
    findings: list[Finding] = []
    for index, text, key, issues in cards:
        if issues is None:
            issues = next(computed)
            if (store := stores[index]) is not None:
                store.put(key, issues)
        findings.extend(text.locate(issue) for issue in issues)
    for store in stores:
        if store is not None:
            store.save()
    return sorted(unignored(findings, normalizer), key=_order)


PARALLEL_FROM = 200
"""Cards to check from which the checkers run in worker processes (Grammalecte takes ~10 ms a card)."""

_worker_state: tuple[list[Checker], Speller] | None = None


def _check_all(texts: list[CardText], active: list[Checker], speller: Speller) -> list[list[Issue]]:
    """Each card's issues, in order; a large batch is spread over forked worker processes, which
    inherit the loaded checkers (nothing but the cards and their issues is pickled)."""
    import multiprocessing
    import os

    global _worker_state
    workers = os.cpu_count() or 1
    if len(texts) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_check(text, active, speller) for text in texts]
    from concurrent.futures import ProcessPoolExecutor

    size = max(20, min(200, len(texts) // (workers * 4)))
    chunks = [texts[start : start + size] for start in range(0, len(texts), size)]
    _worker_state = (active, speller)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return [issues for chunk in pool.map(_check_chunk, chunks) for issues in chunk]
    finally:
        _worker_state = None


def _check(text: CardText, active: list[Checker], speller: Speller) -> list[Issue]:
    """The card's issues, in checker order; an issue another checker already made (same text,
    kind and fixes) is one finding, not two."""
    issues: dict[tuple[str, int, int, str, tuple[str, ...]], Issue] = {}
    for checker in active:
        for issue in checker.check(text, speller):
            issues.setdefault((issue.part, issue.start, issue.end, issue.kind, issue.suggestions), issue)
    return list(issues.values())


def _check_chunk(texts: list[CardText]) -> list[list[Issue]]:
    assert _worker_state is not None
    active, speller = _worker_state
    return [_check(text, active, speller) for text in texts]


def unignored(findings: Iterable[Finding], normalizer: Normalizer) -> list[Finding]:
    """The findings `review` was not told to ignore for good (`[review] ignore`)."""
    return [finding for finding in findings if finding.fingerprint not in normalizer.ignored]


def card_text(
    card: Card, normalized: Card, normalizer: Normalizer, french: Callable[[str], bool] | None = None
) -> CardText:
    """The card as the checks read it; `french` (the speller's lists) adds the words of a front
    written in English to its terms (`english_front`); reading cached findings needs neither."""
    terms = card_terms(normalized.front, normalized.back)
    if french is not None:
        terms |= english_front(normalized.front, french)
    protected = normalizer.glossary + front_expansions(normalized.front) + english_asides(normalized.front)
    return CardText(card, normalized.front, normalized.back, protected, terms)


def _order(finding: Finding) -> tuple[str, int, int]:
    return finding.location.path, finding.location.line, finding.column


def _config_digest(normalizer: Normalizer, names: Iterable[str]) -> str:
    """What every cached finding depends on besides its card: this package's code, the checkers
    run, Grammalecte's version, the glossary and known words."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}\x1f{'|'.join(names)}\x1f{engine_version()}".encode())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    digest.update("\x1f".join((*normalizer.glossary, "\x1e", *normalizer.words)).encode())
    return digest.hexdigest()


def _card_key(text: CardText) -> str:
    return hashlib.sha256("\x1f".join((text.front, text.back)).encode()).hexdigest()[:32]


class _ChapterCache:
    """One chapter's cached issues (`<cache_dir>/<hash of its path>.json`); a bad file is a miss."""

    def __init__(self, folder: Path, path: str, digest: str):
        self.file = folder / (hashlib.sha256(path.encode()).hexdigest()[:24] + ".json")
        self.digest = digest
        self.found: dict[str, list[Issue]] = {}
        self.used: dict[str, list[Issue]] = {}
        self.changed = False
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data.get("digest") == digest:
                self.found = {key: [Issue.from_json(item) for item in items] for key, items in data["cards"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.found = {}

    def get(self, key: str) -> list[Issue] | None:
        issues = self.found.get(key)
        if issues is not None:
            self.used[key] = issues
        return issues

    def put(self, key: str, issues: list[Issue]) -> None:
        self.used[key] = issues
        self.changed = True

    def save(self) -> None:
        if not self.changed and len(self.used) == len(self.found):
            return
        from ..errors import OutputError
        from ..files import write_atomically

        cards = {key: [issue.as_json() for issue in issues] for key, issues in self.used.items()}
        data = json.dumps({"digest": self.digest, "cards": cards}, ensure_ascii=False)
        with suppress(OutputError):  # the cache only saves time
            write_atomically(self.file, data.encode("utf-8"))


def cached_findings(project: Project, outdir: str | Path = "build") -> dict[str, list[Finding]] | None:
    """What the last lint or review found in each chapter file, from the cache, without running a
    checker (nor importing Grammalecte): {path: findings}, None when no chapter was proofread.

    A card edited since has no cached findings and counts as clean here; `lint` proofreads it.
    """
    folder = Path(outdir) / CACHE_FOLDER
    normalizer = project_normalizer(project)
    normalized, _ = normalize_project(project, normalizer)
    result: dict[str, list[Finding]] = {}
    for chapter, fixed in zip(project.chapters, normalized.chapters, strict=True):
        found = _read_any(folder / (hashlib.sha256(chapter.path.encode()).hexdigest()[:24] + ".json"))
        if found is None:
            continue
        findings: list[Finding] = []
        for card, card_fixed in zip(chapter.cards, fixed.cards, strict=True):
            text = card_text(card, card_fixed, normalizer)
            findings.extend(text.locate(issue) for issue in found.get(_card_key(text), ()))
        result[chapter.path] = sorted(unignored(findings, normalizer), key=_order)
    return result or None


def _read_any(file: Path) -> dict[str, list[Issue]] | None:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return {key: [Issue.from_json(item) for item in items] for key, items in data["cards"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
