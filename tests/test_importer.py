"""Import: plain-text notes to the source format, fronts detected from the text itself."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from supportcards.cli import main
from supportcards.errors import SourceError
from supportcards.importer import DOUBTFUL, REVIEW_BELOW, default_output, detect_cards
from supportcards.parse import parse_chapter

GOLDEN = Path(__file__).parent / "golden" / "import"
# The student's chapter 2 notes exactly as written (a copy of shared/seed/chapter-2-flashcards.txt).
SEED = GOLDEN / "chapter-2-flashcards.txt"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def fronts(text: str) -> list[str]:
    return [card.front for card in detect_cards(text, "notes.txt").cards]


def test_the_seed_gives_the_13_chapter_2_fronts_and_nothing_else(seed_text: str) -> None:
    assert fronts(seed_text) == [
        "SPOC (Single Point of Contact)",
        "Service Level Agreements (Accord de niveau de service).",
        "Facteurs d’influence déterminant le choix de la forme d’organisation (Hot-Line, call-center, …)",
        "Power-User-Organisation",
        "Help-Desk",
        "Call-center",
        "Customer-Care-Center",
        "Hotline",
        "Indiquez 4 indicateurs servant à mesurer la qualité de service du FLS",
        "Qu-est ce qu-un Ticket System",
        "Citez 4 compétences techniques d’un spécialiste",
        "Citez 2 compétences techniques d’un spécialiste",
        "Service de piquet",
    ]


def test_the_import_of_the_seed_is_the_chapter_2_source(seed_text: str) -> None:
    imported = parse_chapter(detect_cards(seed_text, "seed").to_source(), "imported.md")
    ours = parse_chapter((ROOT / "source" / "chapitre-02.md").read_text(encoding="utf-8"), "chapitre-02.md")
    assert [(card.front, card.back) for card in imported.cards] == [(card.front, card.back) for card in ours.cards]


def test_a_chapter_full_of_traps() -> None:
    text = (GOLDEN / "chapitre-3-traps.txt").read_text(encoding="utf-8")
    assert fronts(text) == [
        "First Level Support (FLS)",
        "Quels sont les niveaux de support ?",
        "Disponibilité",
        "Expliquez le rôle du Second Level Support",
        "Escalade",
        "Incident majeur",
        "Avantages de l’externalisation",
        "Taux de résolution au premier contact",
    ]


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ("T\nHelp-Desk\nUne unité.\n- Backup\n- Restore\nHotline\nSimple.", ["Help-Desk", "Hotline"]),
        ("T\nSPOC\nAvantages :\n1. Rapide\nDésav:\n- Charge\nSLA\nUn contrat.", ["SPOC", "SLA"]),
        ("T\nFLS\nPremier niveau.\nLes indicateurs sont\n- Délai\nSLA\nUn contrat.", ["FLS", "SLA"]),
        ("T\nHotline\nSimple.\nCelles-ci sont par exemple\n- Achat\nSLA\nUn contrat.", ["Hotline", "SLA"]),
        (
            "T\nTicket System\nLe\nticket system est un outil permettant la\ngestion du support.\nSLA\nUn contrat.",
            ["Ticket System", "SLA"],
        ),
        (
            "T\nDisponibilité\nSe calcule :\nDisponibilité = MTBF / (MTBF + MTTR)\nSLA\nUn contrat.",
            ["Disponibilité", "SLA"],
        ),
        (
            "T\nQu-est ce qu-un SLA\nUn contrat.\nCitez 2 outils\n- Ticket System",
            ["Qu-est ce qu-un SLA", "Citez 2 outils"],
        ),
        ("T\nTicket System\nConclusion : un outil.\nSLA\nUn contrat.", ["Ticket System", "SLA"]),
        (
            "T\nMasque\nIl sépare le réseau.\nQuand à la passerelle, elle permet de sortir du réseau.\n"
            "DHCP (Dynamic Host Configuration Protocol)\nAttribue les adresses.",
            ["Masque", "DHCP (Dynamic Host Configuration Protocol)"],
        ),
        (
            "T\nMasque\nIl sépare le réseau.\nQuant aux routeurs, ils relient les réseaux\nDNS\nTraduit les noms.",
            ["Masque", "DNS"],
        ),
        (
            "T\nMasque\nIl sépare le réseau.\nQuand escalader un ticket\nQuand le client attend.",
            ["Masque", "Quand escalader un ticket"],
        ),
        (
            "T\nMasque\nIl sépare le réseau.\nLe routeur relie les deux réseaux du site\n"
            "DHCP (Dynamic Host Configuration Protocol)\nAttribue les adresses.",
            ["Masque", "DHCP (Dynamic Host Configuration Protocol)"],
        ),
    ],
    ids=[
        "terms",
        "colon-lead-ins",
        "lead-in-sont",
        "celles-ci",
        "lone-le",
        "formula",
        "questions",
        "definition",
        "quand-a-then-term",
        "quant-aux-comma-verb",
        "quand-question",
        "term-after-a-guess",
    ],
)
def test_each_trap(notes: str, expected: list[str]) -> None:
    assert fronts(notes) == expected


def test_answers_are_kept_exactly_as_written(seed_text: str) -> None:
    card = detect_cards(seed_text, "seed").cards[9]
    assert card.answer[:2] == ("Le", "ticket system est un outil (logiciel ou application) permettant la")


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty notes"), (b"\n\n", "empty notes"), (b"Titre seul\n", "a title but no card")],
)
def test_empty_notes_are_an_error(data: bytes, message: str, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=message):
        detect_cards(data.decode(), "notes.txt")


def test_cli_prints_each_card_and_what_to_review(seed_text: str, tmp_path: Path) -> None:
    target = tmp_path / "chapitre-02.md"
    result = CliRunner().invoke(main, ["import", str(SEED), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "line 2: SPOC (Single Point of Contact)\n" in result.output
    assert "line 83: Service de piquet\n" in result.output
    assert f"review: {SEED}:17: 'Facteurs d’influence" in result.output
    # The line after an uncertain front is as uncertain: a wrong front would have swallowed it.
    assert f"review: {SEED}:18: '- Centralisé ou décentralisé' kept as answer text (confidence 0.7" in result.output
    assert f"wrote {target} (13 cards, 2 to review)" in result.output
    assert target.read_text(encoding="utf-8").startswith(
        "# Chapter 2 Flashcards\n\n## SPOC (Single Point of Contact)\n"
    )


def test_cli_never_overwrites_without_force(seed_text: str, tmp_path: Path) -> None:
    target = tmp_path / "chapitre-02.md"
    target.write_text("mine", encoding="utf-8")
    refused = CliRunner().invoke(main, ["import", str(SEED), "-o", str(target)])
    assert refused.exit_code == 1
    assert refused.stderr == f"{target}: already exists; use --force to overwrite it, or -o to choose another file\n"
    assert target.read_text(encoding="utf-8") == "mine"
    forced = CliRunner().invoke(main, ["import", str(SEED), "-o", str(target), "--force"])
    assert forced.exit_code == 0 and target.read_text(encoding="utf-8").startswith("# Chapter 2")


def test_cli_input_errors(tmp_path: Path) -> None:
    missing = CliRunner().invoke(main, ["import", str(tmp_path / "none.txt")])
    assert missing.exit_code == 1 and "none.txt:1: cannot read this file" in missing.stderr
    (tmp_path / "latin.txt").write_bytes("Chapitre\nQualité\n".encode("latin-1"))
    latin = CliRunner().invoke(main, ["import", str(tmp_path / "latin.txt"), "-o", str(tmp_path / "o.md")])
    assert latin.exit_code == 1 and "latin.txt:2:7: this file is not UTF-8 text" in latin.stderr
    assert not (tmp_path / "o.md").exists()


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Support de niveau 2 — chapitre 5", "chapitre-05.md"),
        ("Chapter 3: 10 commandes réseau", "chapitre-03.md"),
        ("Module 4, Chap. 7 — Sauvegardes", "chapitre-07.md"),
        ("CHAPITRE 12 (2 heures)", "chapitre-12.md"),
        ("Niveau 2 — Organisation", "chapitre-02.md"),
        ("Organisation du support", "chapitre.md"),
    ],
)
def test_the_default_file_takes_the_number_after_chapitre(title: str, name: str) -> None:
    result = detect_cards(f"{title}\nSPOC\nPoint de contact unique.\n", "notes.txt")
    assert default_output(result) == f"source/{name}"


def test_import_force_says_which_file_it_writes_before_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Support de niveau 2 — chapitre 5" used to overwrite chapitre-02.md, without a word."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "chapitre-02.md").write_text("mine", encoding="utf-8")
    (tmp_path / "source" / "chapitre-05.md").write_text("older", encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("Support de niveau 2 — chapitre 5\nSPOC\nPoint de contact unique.\n", encoding="utf-8")
    refused = CliRunner().invoke(main, ["import", str(notes)])
    assert refused.exit_code == 1 and "source/chapitre-05.md: already exists" in refused.stderr
    result = CliRunner().invoke(main, ["import", str(notes), "--force"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("overwriting source/chapitre-05.md (--force)\nline 2: SPOC\n")
    assert (tmp_path / "source" / "chapitre-02.md").read_text(encoding="utf-8") == "mine"
    assert (tmp_path / "source" / "chapitre-05.md").read_text(encoding="utf-8").startswith("# Support de niveau 2")


# Every chapter of notes the project holds, and the Markdown its import gave before the importer
# learnt to tell questions and sentences inside an answer from fronts: a new clue must not move a card.
IMPORTED = sorted((GOLDEN / "imported").glob("*.md"))
NOTES = {
    path.stem: path
    for path in [
        SEED,
        *(ROOT / "bench" / "proofread").glob("*.txt"),
        *(ROOT / "bench" / "proofread" / "holdout").glob("*.txt"),
    ]
}


def test_every_chapter_of_notes_has_its_imported_markdown() -> None:
    assert sorted(NOTES) == [path.stem for path in IMPORTED]


@pytest.mark.parametrize("golden", IMPORTED, ids=lambda path: path.stem)
def test_every_chapter_imports_to_the_same_markdown(golden: Path) -> None:
    notes = NOTES[golden.stem]
    assert detect_cards(notes.read_text(encoding="utf-8"), str(notes)).to_source() == golden.read_text(encoding="utf-8")


# A card's answer as the student writes it, then a line the importer used to take for a front.
BEFORE = "T\nImprimante réseau\nC’est une imprimante partagée par plusieurs postes.\nElle a sa propre adresse IP.\n"
AFTER = "Toner\nPoudre utilisée par les imprimantes laser.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Quand elle n’imprime plus, on vérifie d’abord le câble.",
        "Quand l’hôte ne répond pas, le technicien contrôle le pare-feu.",
        "Quand il y a un bourrage, on ouvre le capot arrière.",
        "Quand les pages sortent blanches, il faut changer le toner.",
        "Quand on l’éteint trop tôt, elle perd la file d’attente.",
    ],
)
def test_quand_opening_a_clause_is_answer_text(line: str) -> None:
    """'Quand' + a subject + a verb, then the sentence goes on: a statement, not a question."""
    result = detect_cards(BEFORE + line + "\n" + AFTER, "notes.txt")
    assert [card.front for card in result.cards] == ["Imprimante réseau", "Toner"]
    assert result.cards[0].answer[-1] == line
    assert not result.uncertain


@pytest.mark.parametrize(
    "line",
    [
        "Pourquoi ? Parce que le spooler garde les documents en file d’attente.",
        "Comment le voir ? On ouvre la file d’impression sur le poste.",
        "Où la trouver ? Dans les paramètres, sous Imprimantes et scanners.",
        "Qui la configure ? Le technicien, depuis le serveur d’impression.",
        "Combien de temps ? Environ deux minutes.",
        "Quelle adresse lui donner ? Une adresse fixe, réservée dans le DHCP.",
    ],
)
def test_a_question_answered_on_its_own_line_is_answer_text(line: str) -> None:
    result = detect_cards(BEFORE + line + "\n" + AFTER, "notes.txt")
    assert [card.front for card in result.cards] == ["Imprimante réseau", "Toner"]
    assert not result.uncertain


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Pourquoi ?", "Parce que tous les postes l’utilisent."),
        ("Comment savoir si elle est en ligne ?", "Le voyant réseau est vert."),
        ("Pourquoi est-ce pratique ?", "Un seul appareil suffit pour tout l’étage."),
        ("Que faire alors ?", "On redémarre le spooler."),
        ("Que faire dans ce cas ?", "Le technicien vide la file d’attente."),
        ("Et si elle ne répond plus ?", "On contrôle le câble et le switch."),
        ("Comment la redémarrer ?", "On coupe l’alimentation dix secondes."),
        ("Combien de temps cela prend-il ?", "Quelques minutes en général."),
    ],
)
def test_a_question_inside_an_answer_and_its_answer_stay_in_the_card(question: str, answer: str) -> None:
    """A question with no topic of its own asks about the card above; the line after answers it."""
    result = detect_cards(BEFORE + f"{question}\n{answer}\n" + AFTER, "notes.txt")
    assert [card.front for card in result.cards] == ["Imprimante réseau", "Toner"]
    assert result.cards[0].answer[-2:] == (question, answer)
    assert not result.uncertain


@pytest.mark.parametrize(
    "question",
    [
        "Comment savoir si le toner est vide ?",
        "Qu’est-ce qu’un spooler ? Citez 2 exemples",
        "Quand un ticket est-il escaladé",
        "Quand escalader un ticket",
        "Que faire s’il faut redémarrer le serveur ?",
        "Pourquoi le RAID n’est-il pas une sauvegarde ?",
    ],
)
def test_a_question_with_a_topic_of_its_own_is_still_a_front(question: str) -> None:
    result = detect_cards(BEFORE + f"{question}\nUne réponse.\n" + AFTER, "notes.txt")
    assert [card.front for card in result.cards] == ["Imprimante réseau", question, "Toner"]
    assert not result.uncertain


@pytest.mark.parametrize(
    ("question", "doubt"),
    [
        ("Pourquoi redémarrer ?", "a question with no topic of its own"),
        ("Que faire quand le toner n’imprime plus.", "a question ending with a period after a subject and its verb"),
        ("Quand l’imprimante est hors ligne", "'quand' and a subject, like a time clause"),
    ],
)
def test_a_doubtful_front_is_kept_and_listed_for_review_with_its_path_and_line(question: str, doubt: str) -> None:
    result = detect_cards(BEFORE + f"{question}\nUne réponse.\n" + AFTER, "notes.txt")
    assert [card.front for card in result.cards] == ["Imprimante réseau", question, "Toner"]
    flagged = result.uncertain[0]
    assert (flagged.front, flagged.confidence) == (True, DOUBTFUL)
    assert str(flagged).startswith(f"notes.txt:5: {question!r} starts a card (confidence {DOUBTFUL}") and doubt in str(
        flagged
    )
    # The line after a doubtful front is as doubtful: if the front is wrong, that line is answer text too.
    assert [decision.line for decision in result.uncertain] == [5, 6]


@pytest.mark.parametrize(
    "front",
    [
        "Un poste n’arrive plus à joindre le partage réseau depuis la mise à jour. Que faire ?",
        "Une utilisatrice ne reçoit plus aucun e-mail depuis ce matin. Quelles vérifications faire ?",
        "Le client signale un écran noir au démarrage. Que vérifier en premier ?",
        "Le scanner n’envoie plus rien vers la messagerie, que faire",
        "La station d’accueil ne charge plus le portable, comment réagir ?",
    ],
)
def test_a_situation_then_a_question_about_it_starts_a_card(front: str) -> None:
    """A case study's front: a situation of its own, then what to do about it."""
    result = detect_cards(BEFORE + f"{front}\nOn vérifie le câble.\n" + AFTER, "notes.txt")
    assert [card.front for card in result.cards] == ["Imprimante réseau", front, "Toner"]
    assert not result.uncertain


@pytest.mark.parametrize(
    "line",
    [
        "Elle ne répond toujours pas après un redémarrage. Que faire ?",
        "Cela arrive encore après un redémarrage. Comment réagir ?",
    ],
)
def test_a_situation_that_goes_on_from_the_answer_stays_in_it(line: str) -> None:
    """A situation that refers back ("Elle", "Cela") asks about the card above."""
    result = detect_cards(BEFORE + f"{line}\nOn vérifie le câble.\n" + AFTER, "notes.txt")
    assert [card.front for card in result.cards] == ["Imprimante réseau", "Toner"]
    assert result.cards[0].answer[-2:] == (line, "On vérifie le câble.")


@pytest.mark.parametrize(
    "label",
    ["Av: moins cher à l’achat", "Désav: qualité variable", "Exemple: un toner recyclé", "Inconvénients : bruit"],
)
def test_a_labelled_line_is_answer_text_and_a_finished_one(label: str) -> None:
    """ "Av: …" is a pros line of the answer, never a heading; the front after it starts a card even
    with no final period on that line."""
    notes = (
        BEFORE
        + f"Cartouche compatible\nFabriquée par une autre marque.\n{label}\nBac papier\nIl contient les feuilles.\n"
    )
    result = detect_cards(notes, "notes.txt")
    assert [card.front for card in result.cards] == ["Imprimante réseau", "Cartouche compatible", "Bac papier"]
    assert result.cards[1].answer[-1] == label


@pytest.mark.parametrize("name", ["eSIM", "iPhone (smartphone d’Apple)", "macOS"])
def test_a_name_spelt_in_lowercase_starts_a_card_after_a_finished_line(name: str) -> None:
    result = detect_cards(BEFORE + f"{name}\nUne réponse.\n" + AFTER, "notes.txt")
    assert [card.front for card in result.cards] == ["Imprimante réseau", name, "Toner"]
    assert not result.uncertain


def test_a_name_spelt_in_lowercase_still_goes_on_from_an_unfinished_line() -> None:
    result = detect_cards(BEFORE + "On peut la commander avec une\neSIM\n" + AFTER, "notes.txt")
    assert [card.front for card in result.cards] == ["Imprimante réseau", "Toner"]


def test_words_joined_by_a_slash_in_an_expansion_are_no_formula() -> None:
    result = detect_cards(
        BEFORE + "Gestion des erreurs (try / catch)\nLe bloc catch traite l’erreur.\n" + AFTER, "n.txt"
    )
    assert [card.front for card in result.cards] == ["Imprimante réseau", "Gestion des erreurs (try / catch)", "Toner"]


def test_a_question_left_unanswered_does_not_swallow_the_next_front() -> None:
    result = detect_cards(BEFORE + "Pourquoi ?\nCitez 3 outils de diagnostic\n- ping\n" + AFTER, "notes.txt")
    assert [card.front for card in result.cards] == ["Imprimante réseau", "Citez 3 outils de diagnostic", "Toner"]
    assert result.cards[0].answer[-1] == "Pourquoi ?"


@pytest.mark.parametrize(
    "line", ["Parce que le spooler est arrêté.", "Puisqu’elle est partagée, on la surveille.", "Parce qu’il chauffe."]
)
def test_a_line_giving_a_reason_is_answer_text(line: str) -> None:
    """Like "car", "parce que" and "puisque" go on from the line before."""
    result = detect_cards(BEFORE + line + "\n" + AFTER, "notes.txt")
    assert [card.front for card in result.cards] == ["Imprimante réseau", "Toner"]
    assert not result.uncertain


def test_a_sentence_with_a_verb_the_importer_does_not_know_is_not_a_heading() -> None:
    """'s’allume' is in no list of verbs: an article and a final period still make a sentence."""
    result = detect_cards(BEFORE + "Le voyant orange s’allume.\n" + AFTER, "notes.txt")
    assert [card.front for card in result.cards] == ["Imprimante réseau", "Toner"]
    assert all(decision.confidence >= REVIEW_BELOW for decision in result.decisions)


QUESTIONS_INSIDE_AN_ANSWER = st.sampled_from(
    [
        "Pourquoi ? Parce que la panne touche tout le service.",
        "Comment le vérifier ? On relance la commande et on compare.",
        "Quand elle ne répond plus, on redémarre le poste.",
        "Quand le client rappelle, le technicien reprend le ticket.",
        "Pourquoi ?\nParce que sinon le problème revient.",
        "Que faire alors ?\nOn prévient le niveau 2.",
        "Comment savoir s’il est à jour ?\nLa version est affichée dans les paramètres.",
        "Pourquoi est-ce utile ?\nLe client gagne du temps.",
        "Et s’il ne démarre pas ?\nOn contrôle l’alimentation.",
        "Il ne répond toujours pas après un redémarrage. Que faire ?\nOn appelle le niveau 2.",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    notes=st.sampled_from(sorted(NOTES.values())),
    where=st.integers(min_value=0, max_value=10_000),
    inserted=QUESTIONS_INSIDE_AN_ANSWER,
)
def test_a_question_inside_any_answer_adds_no_card(notes: Path, where: int, inserted: str) -> None:
    """In every real chapter, a question the student asks (and answers) at the end of any card's
    answer joins that answer: the fronts stay the same."""
    text = notes.read_text(encoding="utf-8")
    before = detect_cards(text, str(notes))
    lines = text.split("\n")
    # The end of an answer: the line of a front that is not the first card's.
    card = before.cards[1 + where % (len(before.cards) - 1)]
    lines.insert(card.line - 1, inserted)
    after = detect_cards("\n".join(lines), str(notes))
    assert [card.front for card in after.cards] == [card.front for card in before.cards]


def test_a_lowercase_command_with_its_expansion_starts_a_card_listed_for_review() -> None:
    notes = (
        "Chapitre 21\n"
        "Gestionnaire des tâches\n"
        "Il montre les processus et la charge du processeur.\n"
        "msconfig (Configuration du système)\n"
        "Permet de choisir les programmes lancés au démarrage.\n"
    )
    result = detect_cards(notes, "notes.txt")
    assert [card.front for card in result.cards] == ["Gestionnaire des tâches", "msconfig (Configuration du système)"]
    assert [decision.line for decision in result.uncertain][:1] == [4]


def test_a_wrapped_line_in_lowercase_still_goes_on_even_with_parentheses() -> None:
    notes = (
        "Chapitre 21\n"
        "Gestionnaire des tâches\n"
        "On l’ouvre avec le raccourci\n"
        "ctrl+maj+échap (trois touches)\n"
        "Pare-feu\n"
        "Il filtre le trafic, par exemple\n"
        "le port 443 (HTTPS) est ouvert.\n"
    )
    assert fronts(notes) == ["Gestionnaire des tâches", "Pare-feu"]


def test_an_english_expansion_with_link_words_is_a_sure_front() -> None:
    """ "as a" in "Software as a Service" is English, not the French verb "a": no doubt is raised."""
    notes = (
        "Chapitre 20\n"
        "Cloud computing\n"
        "Des ressources informatiques fournies à la demande par Internet.\n"
        "SaaS (Software as a Service)\n"
        "Le fournisseur gère tout, l’utilisateur se sert du logiciel dans le navigateur.\n"
        "RFC (Request for Change)\n"
        "C’est une demande de changement.\n"
        "Le PC a planté (écran bleu)\n"
        "On redémarre en mode sans échec.\n"
    )
    result = detect_cards(notes, "notes.txt")
    assert [card.front for card in result.cards][:3] == [
        "Cloud computing",
        "SaaS (Software as a Service)",
        "RFC (Request for Change)",
    ]
    # A French verb outside the parentheses still counts: that line stays a doubt for a person. It states
    # a case (a subject, its verb, then an aside in parentheses and no period): a front, listed for review
    # with the answer line after it.
    assert [decision.line for decision in result.uncertain] == [8, 9]
    assert result.cards[-1].front == "Le PC a planté (écran bleu)"


def test_a_command_alone_on_its_line_starts_a_card_listed_for_review_unless_known() -> None:
    notes = (
        "Chapitre 25\n"
        "Adresse MAC\n"
        "C’est l’adresse physique de la carte réseau.\n"
        "Exemple : 00-1A-2B-3C-4D-5E\n"
        "Réinitialisation de la pile réseau\n"
        "On la fait quand rien d’autre ne marche.\n"
        "ipconfig /all\n"
        "Affiche la configuration complète de chaque carte.\n"
        "ping\n"
        "Teste si une machine répond.\n"
        "Les commandes utiles sont:\n"
        "tracert\n"
        "nslookup\n"
    )
    result = detect_cards(notes, "notes.txt")
    assert [card.front for card in result.cards] == [
        "Adresse MAC",
        "Réinitialisation de la pile réseau",
        "ipconfig /all",
        "ping",
    ]
    # "ipconfig /all" may be an example inside an answer; "ping" alone is a command known as one.
    uncertain = {decision.line for decision in result.uncertain}
    assert 7 in uncertain and 9 not in uncertain


def test_lowercase_words_after_a_sentence_are_not_commands() -> None:
    notes = (
        "Chapitre 25\n"
        "Câble réseau\n"
        "On vérifie qu’il est branché des deux côtés.\n"
        "puis on regarde les voyants de la carte.\n"
        "Wi-Fi\n"
        "Le signal est faible.\n"
        "etc.\n"
    )
    assert fronts(notes) == ["Câble réseau", "Wi-Fi"]


# A Linux chapter's cards written for these tests, in the student's style: fronts that name commands
# in lowercase, operators, a capitalised letter ("A"), a case stated as a front; backs that start by
# naming the front's terms or end without final punctuation.
STUDENT_CARDS = [
    ("Sauvegarde incrémentielle", ("Elle copie seulement ce qui a changé depuis la dernière sauvegarde.",)),
    ("pwd et cd", ("pwd donne le dossier où l’on se trouve, cd change de dossier.",)),
    ("df et du", ("df montre la place libre sur chaque disque.", "du mesure la taille d’un dossier.")),
    ("root et sudo", ("root est le compte qui a tous les droits.", "sudo lance une seule commande avec ces droits.")),
    ("chmod", ("Change les droits de lecture, d’écriture et d’exécution.",)),
    ("kill", ("Arrête un processus à partir de son numéro (PID)",)),
    ("ps et top", ("ps liste les processus du moment, top les affiche en continu",)),
    ("cp, mv et rm", ("Copier, déplacer et supprimer des fichiers",)),
    ("Redirections > et >>", ("La sortie part dans un fichier : > l’écrase, >> ajoute à la fin.",)),
    ("Tube |", ("Il passe la sortie d’une commande à une autre commande",)),
    ("Classes A et B", ("Une adresse de classe A commence par un nombre entre 1 et 126.",)),
    ("DHCP (Dynamic Host Configuration Protocol)", ("Il attribue les adresses IP aux postes du réseau.",)),
    ("Un poste perd sa connexion réseau toutes les heures", ("On vérifie le bail DHCP et le câble.",)),
    ("Une imprimante imprime des pages blanches", ("On contrôle le toner puis on lance une page de test.",)),
    ("Citez 3 commandes de diagnostic réseau", ("- ping", "- tracert", "- nslookup")),
    ("Qu’est-ce qu’un journal système", ("C’est un fichier où les services notent ce qui se passe.",)),
    ("systemctl", ("Démarre, arrête et surveille les services de systemd",)),
    ("journalctl", ("journalctl lit les journaux de systemd.",)),
    ("Pare-feu", ("Il filtre le trafic entrant et sortant selon des règles.",)),
    ("Droits rwx", ("Lecture (r), écriture (w) et exécution (x).",)),
]


def render_notes(cards: list[tuple[str, tuple[str, ...]]]) -> str:
    """Cards as the student types them: a title, then each front and its answer lines, nothing else."""
    return "Chapitre 40 Linux\n" + "".join(
        f"{front}\n" + "".join(f"{line}\n" for line in back) for front, back in cards
    )


@settings(max_examples=150, deadline=None)
@given(order=st.lists(st.integers(min_value=0, max_value=len(STUDENT_CARDS) - 1), min_size=2, unique=True))
def test_a_chapter_of_known_cards_imports_back_to_the_same_cards(order: list[int]) -> None:
    """Whatever the order, and whichever card comes before (one whose answer ends without final
    punctuation too), one card per note, with its answer as written."""
    cards = [STUDENT_CARDS[index] for index in order]
    result = detect_cards(render_notes(cards), "notes.txt")
    assert [(card.front, card.answer) for card in result.cards] == cards


@functools.cache
def known_cards() -> list[tuple[str, tuple[str, ...]]]:
    """Every card of every chapter of notes the project holds, as imported (the golden test pins them)."""
    return [
        (card.front, card.answer)
        for notes in sorted(NOTES.values())
        for card in detect_cards(notes.read_text(encoding="utf-8"), str(notes)).cards
    ]


@settings(max_examples=150, deadline=None)
@given(picks=st.lists(st.integers(min_value=0, max_value=10_000), min_size=2, max_size=12, unique=True))
def test_cards_of_the_chapters_in_any_order_import_back_to_the_same_cards(picks: list[int]) -> None:
    """A card's front is found whatever card comes before it: the last line of another chapter's
    answer ("Pour le relancer : net stop spooler puis net start spooler") used to swallow it."""
    every = known_cards()
    cards = list(dict.fromkeys(every[pick % len(every)] for pick in picks))
    result = detect_cards(render_notes(cards), "notes.txt")
    assert [(card.front, card.answer) for card in result.cards] == cards


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_our_cards_mixed_with_the_chapters_cards_import_back_to_the_same_cards(data: st.DataObject) -> None:
    """Our Linux cards (answers without final period, lowercase fronts) before and after the
    chapters' cards: each front is still found."""
    every = known_cards()
    theirs = data.draw(st.lists(st.sampled_from(every), min_size=1, max_size=6, unique=True))
    ours = data.draw(st.lists(st.sampled_from(STUDENT_CARDS), min_size=1, max_size=6, unique=True))
    cards = list(dict.fromkeys(data.draw(st.permutations([*theirs, *ours]))))
    result = detect_cards(render_notes(cards), "notes.txt")
    assert [(card.front, card.answer) for card in result.cards] == cards


FINISHED = "T\nPare-feu\nIl filtre le trafic entrant et sortant.\n"
UNFINISHED = "T\nPare-feu\nIl filtre le trafic entrant et sortant selon des règles\n"


@pytest.mark.parametrize("before", [FINISHED, UNFINISHED], ids=["after-a-period", "after-no-final-punctuation"])
@pytest.mark.parametrize(
    ("front", "back"),
    [
        ("chmod", "Change les droits d’un fichier."),
        ("pwd et cd", "pwd affiche le dossier courant, cd en change."),
        ("cp, mv et rm", "Copier, déplacer, supprimer."),
        ("systemctl ou journalctl", "Les deux servent à suivre les services."),
    ],
)
def test_command_names_known_as_commands_start_a_sure_card(before: str, front: str, back: str) -> None:
    result = detect_cards(before + f"{front}\n{back}\nToner\nPoudre des imprimantes laser.\n", "notes.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", front, "Toner"]
    assert not result.uncertain


@pytest.mark.parametrize(
    ("front", "back"),
    [
        ("root et sudo", "root est le compte administrateur, sudo prête ses droits."),
        ("Enregistrements MX", "Un enregistrement MX désigne le serveur de messagerie du domaine."),
        ("La commande free", "free montre la mémoire libre."),
    ],
)
def test_a_line_whose_next_line_names_its_terms_starts_a_sure_card(front: str, back: str) -> None:
    """The next line starts by naming the line's terms (maybe after an article): it explains them."""
    result = detect_cards(FINISHED + f"{front}\n{back}\nToner\nPoudre des imprimantes laser.\n", "notes.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", front, "Toner"]
    assert not result.uncertain


@pytest.mark.parametrize("back", ["Audite la sécurité du serveur.", "lynis audite la sécurité d’un serveur Linux."])
def test_an_unknown_lowercase_word_explained_by_the_next_line_is_still_listed_for_review(back: str) -> None:
    """A lowercase word no list knows as a command may be a line going on: a person checks it."""
    result = detect_cards(FINISHED + f"lynis\n{back}\n", "notes.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", "lynis"]
    assert [decision.line for decision in result.uncertain] == [4, 5]


@pytest.mark.parametrize("front", ["services.msc", "regedit.exe", "ncpa.cpl"])
def test_a_windows_console_or_program_by_its_file_name_is_a_known_command(front: str) -> None:
    result = detect_cards(UNFINISHED + f"{front}\nOuvre la console.\nToner\nPoudre des imprimantes laser.\n", "n.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", front, "Toner"]
    assert not result.uncertain


@pytest.mark.parametrize("front", ["net use", "ip a", "sc query", "arp -a"])
def test_a_known_command_with_a_subcommand_starts_a_card_listed_for_review(front: str) -> None:
    """ "net use" may be an example inside an answer: split, but listed."""
    result = detect_cards(FINISHED + f"{front}\nUne explication.\nToner\nPoudre des imprimantes laser.\n", "n.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", front, "Toner"]
    assert [decision.line for decision in result.uncertain] == [4, 5]
    assert "conjugated verb" not in result.decisions[2].reason


@pytest.mark.parametrize(
    "answer",
    [
        "On garde deux copies des données\nsauvegarde locale\nsauvegarde hors site chaque semaine",
        "On garde deux copies des données\nsauvegarde locale\nsauvegarde hors site",
    ],
)
def test_lines_starting_with_the_same_word_inside_an_answer_stay_in_it(answer: str) -> None:
    """In lowercase after a line that goes on, a line the next one starts by naming is a list going on."""
    result = detect_cards(FINISHED + answer + "\nToner\nPoudre des imprimantes laser.\n", "notes.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", "Toner"]


@pytest.mark.parametrize(
    "answer",
    [
        "Les commandes utiles sont\nls\ncd\nOn les tape dans un terminal.",
        "Les commandes de base :\npwd\nls\nOn les tape dans un terminal.",
        "On regarde les processus avec\nps\npuis on arrête le coupable.",
        "Pour libérer de la place on lance\ndu\npour trouver les gros dossiers.",
        "Trois commandes à connaître.\nls\ncd\npwd\nOn les tape dans un terminal.",
    ],
)
def test_commands_inside_an_answer_stay_in_it(answer: str) -> None:
    """After a lead-in, between other commands, or going on in lowercase, a command is answer text."""
    result = detect_cards(FINISHED + answer + "\nToner\nPoudre des imprimantes laser.\n", "notes.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", "Toner"]


@pytest.mark.parametrize("front", ["Redirections > et >>", "Tube |", "Opérateurs && et ||", "Entrée <"])
def test_an_operator_named_in_a_front_is_no_formula(front: str) -> None:
    result = detect_cards(FINISHED + f"{front}\nUne explication.\nToner\nPoudre des imprimantes laser.\n", "notes.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", front, "Toner"]
    assert not result.uncertain


@pytest.mark.parametrize("front", ["Paramètres > Réseau et Internet", "Processeur à 100 %", "Disque plein à 95 %"])
def test_a_menu_path_or_a_percentage_in_a_front_is_no_formula(front: str) -> None:
    """A ">" before a capitalised word is a step in a menu; a percentage alone is a measure."""
    result = detect_cards(FINISHED + f"{front}\nUne explication.\nToner\nPoudre des imprimantes laser.\n", "notes.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", front, "Toner"]
    assert not result.uncertain


@pytest.mark.parametrize(
    "line",
    ["Le taux visé est de 95 % à la fin du mois.", "On le règle dans Paramètres > Système > Affichage."],
)
def test_a_sentence_with_a_percentage_or_a_menu_path_stays_in_the_answer(line: str) -> None:
    result = detect_cards(FINISHED + f"{line}\nToner\nPoudre des imprimantes laser.\n", "notes.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", "Toner"]
    assert not result.uncertain


@pytest.mark.parametrize("formula", ["Débit = données / temps", "Charge > 80 % du processeur", "Total = a + b"])
def test_an_operator_with_an_operand_after_it_is_still_a_formula(formula: str) -> None:
    result = detect_cards(FINISHED + f"{formula}\nToner\nPoudre des imprimantes laser.\n", "notes.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", "Toner"]


@pytest.mark.parametrize("front", ["Classes A et B", "Ports A et B du switch", "Norme IEEE 802.11 A"])
def test_a_capital_letter_inside_a_front_is_no_verb(front: str) -> None:
    """ "A" inside a line is a name, not the verb "a"; a heading with no verb after a finished answer."""
    result = detect_cards(FINISHED + f"{front}\nUne explication.\nToner\nPoudre des imprimantes laser.\n", "notes.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", front, "Toner"]
    assert not result.uncertain


@pytest.mark.parametrize("before", [FINISHED, UNFINISHED], ids=["after-a-period", "after-no-final-punctuation"])
@pytest.mark.parametrize(
    "case",
    [
        "Un utilisateur oublie son mot de passe chaque lundi",
        "Une imprimante réseau est hors ligne tous les matins",
        "Des postes redémarrent seuls la nuit",
    ],
)
def test_a_case_stated_with_a_new_subject_starts_a_card_listed_for_review(before: str, case: str) -> None:
    """A case to solve, stated with an indefinite article and no final punctuation: a front, but a
    sentence of an answer may read so too, so a person checks it."""
    result = detect_cards(before + f"{case}\nOn vérifie les journaux.\nToner\nPoudre des imprimantes laser.\n", "n.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", case, "Toner"]
    assert [(decision.line, decision.confidence) for decision in result.uncertain] == [(4, DOUBTFUL), (5, DOUBTFUL)]


@pytest.mark.parametrize("before", [FINISHED, UNFINISHED], ids=["after-a-period", "after-no-final-punctuation"])
@pytest.mark.parametrize(
    "case",
    [
        "Le VPN est connecté mais aucun partage n’est accessible",
        "La connexion Wi-Fi se coupe toutes les dix minutes",
        "L’imprimante ne répond plus après chaque mise à jour",
        "Les sessions doivent être rouvertes chaque matin",
    ],
)
def test_a_case_stated_with_a_known_subject_and_a_verb_starts_a_card_listed_for_review(before: str, case: str) -> None:
    """A case about something the notes name with a definite article: its verb tells it from a heading."""
    result = detect_cards(before + f"{case}\nOn vérifie les journaux.\nToner\nPoudre des imprimantes laser.\n", "n.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", case, "Toner"]
    assert [(decision.line, decision.confidence) for decision in result.uncertain] == [(4, DOUBTFUL), (5, DOUBTFUL)]


@pytest.mark.parametrize("heading", ["La sauvegarde incrémentale", "Les journaux d’événements", "L’adresse MAC"])
def test_a_heading_with_a_definite_article_is_no_case_to_review(heading: str) -> None:
    notes = FINISHED + f"{heading}\nOn la lit dans les journaux.\nToner\nPoudre des imprimantes laser.\n"
    result = detect_cards(notes, "n.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", heading, "Toner"]
    assert not [decision for decision in result.uncertain if decision.line == 4]


@pytest.mark.parametrize(
    "line",
    [
        "Le poste redémarre seul.",
        "Les journaux se remplissent vite, on les archive chaque semaine",
    ],
)
def test_a_sentence_with_a_definite_subject_inside_an_answer_stays_in_it(line: str) -> None:
    result = detect_cards(FINISHED + f"{line}\nOn vérifie les voyants.\nToner\nPoudre des imprimantes laser.\n", "n")
    assert [card.front for card in result.cards] == ["Pare-feu", "Toner"]


@pytest.mark.parametrize(
    "line",
    [
        "Un seul poste est touché en général.",
        "Une fois le poste redémarré, on vérifie les voyants",
    ],
)
def test_a_sentence_with_an_indefinite_subject_inside_an_answer_stays_in_it(line: str) -> None:
    result = detect_cards(FINISHED + f"{line}\n- Un détail\nToner\nPoudre des imprimantes laser.\n", "notes.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", "Toner"]


@pytest.mark.parametrize("front", ["ipconfig /release et /renew", "msconfig (Configuration du système)"])
def test_a_lowercase_command_after_an_answer_that_ends_on_a_command_starts_a_card(front: str) -> None:
    """ "Pour forcer l’application : gpupdate /force" is complete without a final period."""
    notes = f"T\nGPO\nPour forcer l’application : gpupdate /force\n{front}\nLibère puis renouvelle le bail.\n"
    assert [card.front for card in detect_cards(notes, "n").cards] == ["GPO", front]


@pytest.mark.parametrize(
    ("front", "back"),
    [
        ("Comment voir les processus d’un serveur", "ps aux les liste tous avec leur propriétaire."),
        ("Droits d’un script", "chmod 755 le rend exécutable."),
        ("Téléphone professionnel", "eSIM ou carte SIM, selon le modèle."),
    ],
)
def test_a_next_line_starting_with_a_command_or_a_name_spelt_in_lowercase_does_not_go_on(front: str, back: str) -> None:
    result = detect_cards(FINISHED + f"{front}\n{back}\nToner\nPoudre des imprimantes laser.\n", "notes.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", front, "Toner"]
    assert not result.uncertain


@pytest.mark.parametrize(
    "front",
    [
        "Sauvegarde complète et sauvegarde différentielle (full et diff)",
        "Supprimer les anciens profils des postes partagés chaque mois",
    ],
)
def test_a_long_heading_after_a_sentence_without_final_period_starts_a_card(front: str) -> None:
    """The line before is a sentence of its own, only its period is missing: a heading with no verb
    after it is weighed as after a finished answer."""
    result = detect_cards(UNFINISHED + f"{front}\nUne explication.\nToner\nPoudre des imprimantes laser.\n", "n.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", front, "Toner"]


@pytest.mark.parametrize("front", ["chmod (change mode)", "chown -R", "umask"])
def test_a_command_heading_after_an_answer_without_final_period_starts_a_card(front: str) -> None:
    """ "ps liste les processus, top les affiche en continu" (no period), then a command and the
    sentence that explains it: two cards."""
    answer = "ps liste les processus, top les affiche en continu"
    notes = f"T\nps et top\n{answer}\n{front}\nC’est la commande qui gère les droits.\n"
    assert [card.front for card in detect_cards(notes, "n.txt").cards] == ["ps et top", front]
    going_on = "T\nRaccourci\nOn l’ouvre avec le raccourci\nctrl+maj+échap (trois touches)\nIl ouvre le gestionnaire.\n"
    assert [card.front for card in detect_cards(going_on, "n.txt").cards] == ["Raccourci"]


# Fronts the students had to reword: each after an answer line ending with a period, before its answer.
THEN_TONER = "Toner\nPoudre des imprimantes laser.\n"


@pytest.mark.parametrize("answer", ["On vérifie le câble et le spooler.", "- Le câble\n- Le spooler"])
@pytest.mark.parametrize(
    "front",
    [
        "Imprimante hors ligne : que vérifier",
        "Un poste n’obtient pas d’adresse : comment le diagnostiquer",
        "Messagerie lente : par où commencer ?",
        "Session bloquée : quelles étapes suivre",
        "Dépannage : l’écran reste noir",
        "Cas pratique : un utilisateur ne voit plus ses lecteurs",
    ],
)
def test_a_case_a_colon_and_what_to_do_starts_a_sure_card(front: str, answer: str) -> None:
    """An interrogative word and an infinitive after the colon, or a label announcing a case before
    it: a front, not the definition "x : y" that a colon makes inside an answer."""
    result = detect_cards(FINISHED + f"{front}\n{answer}\n" + THEN_TONER, "n.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", front, "Toner"]
    assert not result.uncertain


@pytest.mark.parametrize(
    "lines",
    [
        "Cause : le câble est débranché",
        "Exemple : le voyant reste orange",
        "Message qui s’affiche : accès refusé",
        "Dans ce cas : que faire",
        "Ensuite : comment le vérifier",
        "Le RPO regarde en arrière : combien de données peut-on perdre ?",
        "Le ticket est rédigé ainsi.\nProblème : l’imprimante du 2e étage n’imprime plus\nPriorité : moyenne",
        "Les points à revoir sont\nImprimante hors ligne : que vérifier",
    ],
)
def test_a_colon_inside_an_answer_is_still_a_definition(lines: str) -> None:
    """A label of the answer ("Cause", "Exemple"), a question that points back ("Dans ce cas",
    "Ensuite"), a question with a conjugated verb, a ticket quoted line by line, or a line after a
    lead-in: answer text."""
    for tail in ("", "On note tout dans le ticket.\n", "- Vérifier le câble\n"):
        result = detect_cards(FINISHED + f"{lines}\n{tail}" + THEN_TONER, "n.txt")
        assert [card.front for card in result.cards] == ["Pare-feu", "Toner"], tail


@pytest.mark.parametrize(
    "front",
    [
        "Son coupé mais le casque est branché",
        "Clavier sans fil qui ne répond plus",
        "Bluetooth qui ne fonctionne pas sur une tablette",
        "Lecteur réseau qui se déconnecte au démarrage",
        "Écran externe noir alors que le portable l’affiche",
    ],
)
def test_a_symptom_whose_only_verb_is_in_a_clause_starts_a_card(front: str) -> None:
    """A noun group with no article, its verb in a relative clause or after "mais": no main verb, a
    heading like the ones with no verb at all."""
    for answer in ("On change les piles puis on refait l’appairage.", "- Vérifier la sortie\n- Redémarrer"):
        result = detect_cards(FINISHED + f"{front}\n{answer}\n" + THEN_TONER, "n.txt")
        assert [card.front for card in result.cards] == ["Pare-feu", front, "Toner"]


@pytest.mark.parametrize(
    "lines",
    [
        # The next line, as short and unfinished, is the next item of a list without marks.
        "Voici les symptômes possibles.\nClavier qui ne répond plus\nSouris qui ne bouge plus",
        # One word before "qui" may be a verb and its object: only before a negation is it a symptom.
        "On regarde les sessions.\nAffiche qui est connecté sur le poste",
        # After a lead-in or a line going on, no answer ended.
        "Les pannes fréquentes sont\nClavier sans fil qui ne répond plus",
        "On le voit aussi avec un\nClavier sans fil qui ne répond plus",
    ],
)
def test_a_clause_after_a_noun_group_inside_an_answer_stays_in_it(lines: str) -> None:
    result = detect_cards(FINISHED + f"{lines}\nOn note tout dans le ticket.\n" + THEN_TONER, "n.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", "Toner"]


def test_a_case_ending_with_an_aside_in_parentheses_has_no_final_punctuation() -> None:
    """ "(aucun voyant)" closes the line, no sentence: the case is a front, listed for review like any
    case; with a period after the aside, it is a sentence of the answer."""
    case = "Le scanner ne s’allume plus (aucun voyant)"
    result = detect_cards(FINISHED + f"{case}\nOn essaie une autre prise.\n" + THEN_TONER, "n.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", case, "Toner"]
    assert [(decision.line, decision.confidence) for decision in result.uncertain] == [(4, DOUBTFUL), (5, DOUBTFUL)]
    sentence = detect_cards(FINISHED + f"{case}.\nOn essaie une autre prise.\n" + THEN_TONER, "n.txt")
    assert [card.front for card in sentence.cards] == ["Pare-feu", "Toner"]


@pytest.mark.parametrize("front", ["Raccourci Ctrl + Maj + Échap", "Combinaison Win + R", "Touches Alt + F4"])
def test_keys_pressed_together_are_no_formula(front: str) -> None:
    result = detect_cards(FINISHED + f"{front}\nIl ouvre le gestionnaire des tâches.\n" + THEN_TONER, "n.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", front, "Toner"]
    assert not result.uncertain


def test_keys_alone_on_their_line_stay_a_step_of_the_answer() -> None:
    notes = FINISHED + "On ouvre l’écran de sécurité.\nCtrl + Alt + Suppr\n" + THEN_TONER
    assert fronts(notes) == ["Pare-feu", "Toner"]


@pytest.mark.parametrize(
    "script",
    [
        "date=$(date +%F)\ntar -czf /sauvegarde/home-$date.tar.gz /home",
        "set -e\nrsync -a /home/ /mnt/sauvegarde/",
        'for f in /home/*; do\n  cp -r "$f" /mnt/sauvegarde/\ndone',
        "#!/bin/bash\nrsync -a /home/ /mnt/sauvegarde/",
    ],
)
def test_a_heading_before_a_script_starts_a_card(script: str) -> None:
    """A script's first line in lowercase is code, not a sentence going on from the heading above."""
    result = detect_cards(FINISHED + f"Exemple de script de sauvegarde\n{script}\n" + THEN_TONER, "n.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", "Exemple de script de sauvegarde", "Toner"]


@pytest.mark.parametrize(
    "code",
    [
        "$date = Get-Date -Format yyyy-MM-dd\nCopy-Item C:\\Données D:\\Sauvegarde -Recurse",
        "On la relance ainsi.\nRestart-Service -Name Spooler -Force",
    ],
)
def test_a_capitalised_line_of_code_inside_an_answer_stays_in_it(code: str) -> None:
    """An option ("-Recurse"), a Windows path or a variable: a command of the answer, no heading."""
    assert fronts(FINISHED + f"{code}\n" + THEN_TONER) == ["Pare-feu", "Toner"]


@pytest.mark.parametrize(
    "front",
    [
        "Calcul de la capacité utile (n disques de même taille)",
        "iSCSI (Internet Small Computer System Interface)",
        "Imprimante hors ligne : que vérifier",
        "Clavier sans fil qui ne répond plus",
    ],
)
def test_a_line_of_code_ends_an_answer(front: str) -> None:
    """ "rsync -a /home/ /mnt/sauvegarde/" has no final period, yet nothing goes on from it."""
    notes = f"T\nSauvegarde Linux\nOn copie le dossier personnel.\nrsync -a /home/ /mnt/sauvegarde/\n{front}\n"
    result = detect_cards(notes + "On vérifie d’abord le plus simple.\n" + THEN_TONER, "n.txt")
    assert [card.front for card in result.cards] == ["Sauvegarde Linux", front, "Toner"]


# Cards of the shapes above, written for these tests: each front comes after an answer that ended.
CASE_CARDS = [
    ("Imprimante hors ligne : que vérifier", ("On contrôle le câble réseau et l’état du spooler.",)),
    (
        "Un poste n’obtient pas d’adresse : comment le diagnostiquer",
        ("On lance ipconfig /all, puis on teste le DHCP.",),
    ),
    ("Dépannage : l’écran reste noir", ("On vérifie l’alimentation, puis le câble vidéo.",)),
    ("Son coupé mais le casque est branché", ("On choisit le casque comme sortie dans les paramètres de son.",)),
    ("Clavier sans fil qui ne répond plus", ("On change les piles puis on refait l’appairage.",)),
    ("Bluetooth qui ne fonctionne pas sur une tablette", ("On désactive le mode avion et on redémarre.",)),
    ("Exemple de script de sauvegarde", ("#!/bin/bash", "rsync -a /home/ /mnt/sauvegarde/")),
    ("Raccourci Ctrl + Maj + Échap", ("Il ouvre directement le gestionnaire des tâches.",)),
    ("Messagerie lente : par où commencer", ("On regarde la taille de la boîte aux lettres.", "- Archiver")),
]


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_case_cards_among_the_chapters_cards_import_back_to_the_same_cards(data: st.DataObject) -> None:
    """Our case cards between cards of the chapters whose answers end (with a final punctuation mark
    or a list item): every front is found, and no answer line of theirs starts a card."""
    ended = [card for card in known_cards() if re.search(r"[.!?)]$|^\s*- ", card[1][-1])]
    theirs = data.draw(st.lists(st.sampled_from(ended), min_size=1, max_size=6, unique=True))
    ours = data.draw(st.lists(st.sampled_from(CASE_CARDS), min_size=1, max_size=4, unique=True))
    cards = list(dict.fromkeys(data.draw(st.permutations([*theirs, *ours]))))
    result = detect_cards(render_notes(cards), "notes.txt")
    assert [(card.front, card.answer) for card in result.cards] == cards


@pytest.mark.parametrize(
    "front",
    [
        "Doit-on réinstaller le poste ou existe-t-il une solution plus rapide",
        "Peut-on récupérer un fichier supprimé du partage",
        "Existe-t-il une limite de taille pour les pièces jointes",
    ],
)
def test_a_verb_and_its_subject_inverted_ask_without_a_question_mark(front: str) -> None:
    """ "Doit-on …" asks as "Pourquoi …" does: a question even without its "?", its verb no statement."""
    result = detect_cards(FINISHED + f"{front}\nOn regarde d’abord la corbeille.\n" + THEN_TONER, "n.txt")
    assert [card.front for card in result.cards] == ["Pare-feu", front, "Toner"]
    assert not result.uncertain


@pytest.mark.parametrize(
    "lines",
    [
        "Faut-il le redémarrer ?\nOui, sinon la mise à jour ne s’applique pas.",
        "Peut-il le faire seul ? Oui, avec les droits d’administrateur.",
        "Wake-on-LAN est activé dans le BIOS.",
    ],
)
def test_an_inverted_question_about_the_answer_stays_in_it(lines: str) -> None:
    """With no topic of its own, or answered on its line, an inverted question asks about the card
    above; "Wake-on-LAN" inverts nothing."""
    assert fronts(FINISHED + f"{lines}\n" + THEN_TONER) == ["Pare-feu", "Toner"]


@pytest.mark.parametrize(
    "line",
    [
        "Et le poste garde ses anciens réglages",
        "Puis relancer la synchronisation des fichiers",
        "Ensuite redémarrer le routeur du bureau",
        "Surtout ceux du service comptable",
        "Celle du deuxième étage reste en panne",
        "Sinon passer par le portail web",
    ],
)
def test_a_line_opening_on_a_link_word_goes_on_from_the_answer(line: str) -> None:
    """ "Et", "Puis", "Ensuite", "Surtout", "Sinon", "Celle du …" tie a line to the one before: answer
    text even without its final period."""
    for tail in ("", "On note tout dans le ticket.\n"):
        assert fronts(FINISHED + f"{line}\n{tail}" + THEN_TONER) == ["Pare-feu", "Toner"]
