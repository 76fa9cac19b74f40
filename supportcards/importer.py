"""Import: plain-text notes with nothing marking where a card starts, to the supportcards format.

A notes dump looks like this: a title line, then each card's front on one line followed by its
answer lines. Which line is a front has to be read from the text itself. The answer lines are full
of traps: sentences, list items, lines ending in ":", formulas, lead-ins without final punctuation
("Les indicateurs sont", "Celles-ci sont par exemple") and pieces of a wrapped paragraph (a lone
"Le", then "ticket system est un outil ...").

How a line is judged, in order:

1. **Hard rules** (certain): the first line after the title is a front; a card needs an answer, so the
   line right after a front, and the last line, are answer text; a list item (`- `, `1. `), a line
   starting in lowercase, and a line ending in ":" (a lead-in) or containing " : " (a definition)
   continue the answer; but a case and what to do about it, after an answer that ended ("Imprimante
   hors ligne : que vérifier", an interrogative word and an infinitive; "Dépannage : l’écran reste
   noir", a label that announces a case), is weighed as a front. Only a command ("ping", "ipconfig
   /all") or a lowercase term with its expansion ("msconfig (Configuration du système)") after a
   finished line escapes the lowercase rule: the clues weigh it, and a front that starts in lowercase
   is listed for review. So do terms the next line starts by naming ("root et sudo", then "root est
   …"), and command names known as commands ("chmod", "cp, mv et rm"), even after a line with no final
   punctuation that is no lead-in: those two are sure, not listed.
2. **A score** for the remaining lines, a sum of small, named clues:
   - for a front: a question or an instruction (Citez, Indiquez, Qu'est-ce, Quels, Doit-on, ...); a
     short line (a term: "Help-Desk", "Service de piquet"); a term followed by its expansion in
     parentheses ("SPOC (Single Point of Contact)", more so when the expansion is capitalised); no final
     period; a short line with no verb that the next line starts by naming ("Enregistrements MX", then
     "Un enregistrement MX …"); command names known as commands; a case stated with a new subject and no
     final punctuation ("Un utilisateur oublie son mot de passe chaque lundi": a front, listed for
     review, since an answer's sentence may read so; an aside in parentheses at its end is no
     punctuation); a noun group with no article whose only verb is in a clause of its own ("Clavier sans
     fil qui ne répond plus", "Son coupé mais le casque est branché"), after an answer that ended and
     before a line that answers it: a heading like one with no verb; a case, a colon and what to do
     about it;
   - against: a line after an unfinished one (no final punctuation, not a list item nor a definition whose answer is
     a command, "Pour le relancer : net stop spooler": a wrapped paragraph; only a little when the line before is a
     sentence of its own and this one starts with a capital, and then a heading with no verb counts as after a
     finished answer); a line of more than three words ending in a period (a sentence); a sentence that starts with
     a pronoun, an article or a link word referring back ("Celles-ci", "Elle", "Ce service", "Le", "Et", "Puis",
     "Ensuite") or with "quant à" (also written "quand à": a locution, not a question); a sentence that goes on
     after a comma with a conjugated verb; a conjugated verb ("est", "sont", "peut"; a capital "A" inside a line is
     a name); a formula ("Disponibilité = MTBF / (MTBF + MTTR)"; an operator named with no operand after it,
     "Redirections > et >>", a step in a menu, "Paramètres > Réseau", a percentage alone and keys pressed together
     after a word, "Raccourci Ctrl + Maj + Échap", are none); a line of code ("Copy-Item C:\\Data D:\\Sauvegarde
     -Recurse"); a line that introduces the list below it ("... sont par exemple"); a line whose next line starts in
     lowercase (the lone "Le" of a wrapped paragraph; not with a command, a line of code or a name spelt so: "chmod
     755 le rend exécutable"); a full sentence: a subject before its verb ("elle n’imprime", "on vérifie") or a
     negation, and a final period (no front of the student's ten chapters ends with a period but a term with its
     expansion); "quand" followed by a subject ("Quand elle n’imprime plus, on vérifie …": a time clause, not a
     question); a question and its answer on one line ("Pourquoi ? Parce que …"); a question with no topic of its
     own that points back at the answer ("Pourquoi ?", "Comment savoir s’il est vide ?", "Que faire alors ?"): a
     card could not show it alone. A line of code ends an answer as a final period does ("rsync -a /home/
     /mnt/sauvegarde/").
   A line whose score is positive is a front. The confidence of a decision grows with the size of
   its score; decisions under `REVIEW_BELOW` are printed for review, as `path:line`. A front kept
   against a strong doubt (a question with no topic of its own, a question ending with a period
   after a full clause) is capped at `DOUBTFUL`, so it is printed too.
3. **After a question asked inside an answer**, the next line answers it: answer text, as sure.
4. **After an unsure front**, the line that follows is as unsure (a wrong front swallows it), and a
   term with its capitalised expansion ("DHCP (Dynamic Host Configuration Protocol)") there is the
   surer front: the unsure one becomes answer text.

Nothing is corrected here: the answer lines are kept as written, and the normalizer fixes them at
build time. Only what Markdown would read otherwise is escaped (`plaintext.as_markdown`): a UNC path's
`\\\\`, a pair of `*`, a `<tag>`; list items and code spans stay Markdown.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .commands import KNOWN_COMMANDS
from .errors import SourceError
from .model import Location
from .plaintext import as_markdown

REVIEW_BELOW = 0.8
DOUBTFUL = 0.6
"""The confidence of a front kept against a strong clue ("a question with no topic of its own"):
under `REVIEW_BELOW`, so it is listed for review."""

_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_QUESTION = re.compile(
    r"^(?:citez|indiquez|nommez|donnez|décrivez|définissez|expliquez|énumérez|enumérez|listez|comparez|"
    r"qu['’-]\s*est|quel|quelle|quels|quelles|pourquoi|comment|combien|quand(?!\s+(?:à|au|aux)\b)|où|qui|que|"
    r"est-ce|à quoi|de quoi|en quoi|[^\W\d_][\w’']*-(?:t-)?(?:il|ils|elle|elles|on)(?![\w-]))\b",
    re.IGNORECASE,
)
"""A question word, an instruction, or a verb and its subject inverted ("Doit-on", "Faut-il"): a question
even without its "?"."""
_REFERS_BACK = re.compile(
    r"^(?:celles?-ci|ceux-ci|celui-ci|celle-là|il|elle|ils|elles|on|ce|cet|cette|ces|ceci|cela|ça|c['’]|"
    r"car|parce|puisque|puisqu['’]|mais|donc|ainsi|conclusion|notamment|est|sont|appelle|"
    r"et|puis|ensuite|enfin|surtout|sinon|aussi|ceux|celui|celles?)\b",
    re.IGNORECASE,
)
_ARTICLE = re.compile(
    r"^(?:le|la|les|l['’]|un|une|des|du|de|d['’]|pour|dans|en|pendant|lorsque|quand|si|par|avec|sans|selon)\b",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"\b(?:est|sont|peut|peuvent|doit|doivent|permet|permettent|a|ont|fait|font|va|vont|sera|seront|"
    r"implique|utilise|soutient|reçoit|reçois|transmet|définit|correspond|correspondent|dépend|"
    r"se charge|s['’]agit|appelle|indique|indiquent|ouvre|ouvrent|gère|intervient|interviennent)\b",
    re.IGNORECASE,
)
_QUANT_A = re.compile(r"^quan[dt]\s+(?:à|au|aux)\b", re.IGNORECASE)
"""The locution "quant à" (often written "quand à"): a noun phrase follows, then the sentence goes on."""
_COMMA_THEN_VERB = re.compile(
    r",\s+(?:\S.*" + _VERB.pattern + r"|(?:il|ils|on|elle|elles|je|tu)\s+[\w’'])", re.IGNORECASE
)
"""A sentence that goes on after a comma with a conjugated verb or a subject ("…, elle permet de …",
"Quand elle n’imprime plus, on vérifie …")."""
_QUAND_CLAUSE = re.compile(
    r"^quand\s+(?:(?:il|ils|on|elle|elles|je|tu)\b|(?:le|la|les|un|une|des|l['’])\s*\w)", re.IGNORECASE
)
"""'Quand' and a subject ("Quand elle n’imprime plus", "Quand l’hôte ne répond pas"): a time clause."""
_INVERTED = re.compile(r"-(?:t-)?(?:il|ils|elle|elles|on)\b", re.IGNORECASE)
"""An inverted subject ("Quand un ticket est-il escaladé"): 'quand' asks after all."""
_STRONG_TERM = re.compile(r"^[\w][\w./&+-]*(?:\s[\w./&+-]+){0,3}\s+\((?:[A-Z][\w'’-]*[\s-]?){2,}\)$")
"""A term and its English-style expansion, nothing after: "DHCP (Dynamic Host Configuration Protocol)"."""
_LEAD_IN_END = re.compile(
    r"\b(?:sont|est|comme|notamment|exemple|suivants?|suivantes?|que|tels|telles|soit|voici)\s*$", re.IGNORECASE
)
_EXPANSION = re.compile(r"\s*\([^)]*\)\s*\.?$")
"""The expansion in parentheses that ends a term: English words ("as a Service") that are no French verb."""
_LINK_WORDS = frozenset({"a", "an", "as", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with"})
"""Small English words between the capitalised words of an expansion ("Software as a Service")."""


def _strong_term(text: str) -> bool:
    """A term and its English-style expansion, nothing after: "DHCP (Dynamic Host Configuration
    Protocol)", "SaaS (Software as a Service)"; the expansion's small link words aside."""
    found = re.match(r"^(?P<term>.*\()(?P<inside>[^()]*)\)$", text)
    if found is None:
        return False
    inside = " ".join(word for word in found["inside"].split() if word not in _LINK_WORDS)
    return bool(_STRONG_TERM.match(f"{found['term']}{inside})"))


_TERM_WITH_EXPANSION = re.compile(r"^[^\s()]{2,}(?:\s[^\s()]+){0,3}\s*\([^)]+\)\s*\.?$")
_FORMULA = re.compile(r"[=≈≤≥<>×÷^]|\s[+*/-]\s")
"""An operation between operands; a percentage alone ("Processeur à 100 %") is a measure, no formula."""
_MENU_STEP = re.compile(r"(?<=[^\W\d])\s>\s(?=[A-ZÀ-Ý][^\W\d])")
"""A ">" between words, the next one capitalised, is a step in a menu ("Paramètres > Réseau et Internet"),
not a comparison."""
_ANSWER_LABEL = re.compile(
    r"^(?:av|avantages?|désav|desav|désavantages?|inconvénients?|exemples?|ex|remarque|attention|astuce|nb|n\.b\.)"
    r"\s*:\s*\S",
    re.IGNORECASE,
)
"""A labelled line of an answer, the label and its text on one line ("Av: prix plus bas")."""
_WORDS_OR_WORDS = re.compile(r"(?<=\w)\s/\s(?=[^\W\d])")
"""A slash between two words means "or" ("try / catch", "entrée / sortie"), not a division."""
_NAMED_SIGN = re.compile(r"(?<!\S)\d?[<>|&=]{1,3}(?:&\d)?(?=\s*(?:$|[,)]|\s(?:et|ou)\s))")
"""An operator named rather than used, with no operand after it: "Redirections > et >>", "Tube |"."""
_NEW_SUBJECT = re.compile(
    r"^(?:un|une|des)\s+(?!(?:seule?s?|fois|peu|autres?|partie|exemple|moment|jour)\b)[\w’'-]{3,}", re.IGNORECASE
)
"""An indefinite article and a noun: a subject the notes have not spoken of yet (not "Une fois", "Un seul")."""
_DEFINITE_SUBJECT = re.compile(r"^(?:le|la|les|l['’])\s*[\w’'-]{2,}", re.IGNORECASE)
"""A definite article and a noun: a subject known already ("Le VPN est connecté mais …"), a case only
with a verb after it, since a heading ("La sauvegarde incrémentale") is a noun group too."""
_REFLEXIVE_VERB = re.compile(r"\b(?:se|s['’])\s*[^\W\d_][\w’'-]*", re.IGNORECASE)
"""A pronominal verb ("se coupe", "s’allume"), which `_VERB`'s list of common verbs leaves out."""
_CODE_EXAMPLE = re.compile(r"\s:\s.*\S*\d\S*$")
"""A definition ending in a code ("Exemple : 00-1A-2B-3C-4D-5E"): complete without a final period."""
_FINISHED = re.compile(r"[.!?…)»\"”]\s*$")
_SUBJECT = re.compile(
    r"(?:^|(?<=[\s,;(«\"])|(?<=\b[sl]['’])|(?<=\bqu['’])|(?<=\blorsqu['’])|(?<=\bpuisqu['’]))"
    r"(?P<pronoun>il|ils|on|je|tu|elle|elles)\s+(?P<next>[\w’'][\w’'-]*)",
    re.IGNORECASE,
)
"""A subject pronoun before its verb ("elle n’imprime", "on vérifie", "s’il est"); an inverted one
("détermine-t-on", "n’est-il") follows a hyphen and is left out: a question, not a statement."""
_STRESSED_AFTER = re.compile(r"\b(?:à|de|d['’]|pour|avec|sans|chez|par|sur|entre|contre)\s*$", re.IGNORECASE)
"""A preposition before "elle"/"elles" makes it a stressed pronoun ("pour elle"), not a subject."""
_IMPERSONAL = re.compile(r"^(?:faut|y|suffit|s['’]agit|existe|vaut|reste|arrive)\b", re.IGNORECASE)
"""The "il" of "il faut", "il y a", "il suffit": it stands for nothing, so it refers nowhere."""
_NEGATION = re.compile(
    r"\b(?:ne|n['’])\s*[\w’'-]+(?:\s+[\w’'-]+)?\s+(?:pas|plus|jamais|rien|guère|point|personne)\b", re.IGNORECASE
)
"""A negation around a verb ("n’imprime plus", "ne se connecte pas"): the line has a verb."""
_INSTRUCTION = re.compile(
    r"^(?:citez|indiquez|nommez|donnez|décrivez|définissez|expliquez|énumérez|enumérez|listez|comparez)\b",
    re.IGNORECASE,
)
_TOPIC = re.compile(
    r"\b(?:le|la|les|un|une|des|du|au|aux|son|sa|ses|leur|leurs|chaque|mon|ma|mes|ton|ta|tes|notre|nos|votre|vos)"
    r"\s+[\w’'-]|\bl['’]\s*\w|\b(?:d|qu)['’]\s*(?:un|une)\b|\d",
    re.IGNORECASE,
)
"""A noun group of its own ("un compte", "la priorité", "l’écoute", "qu’un SID") or a number."""
_POINTS_BACK = re.compile(
    r"\best-ce\b(?!\s*qu)|\b(?:c['’]|(?:cela|ça|ceci)\b)|\b(?:ce|cet|cette|ces)\s+(?!qu)\w|"
    r"\b(?:alors|sinon|ensuite|aussi|donc|pourtant)\b|^(?:et|mais)\b",
    re.IGNORECASE,
)
"""Words that point at what was said before: "est-ce important", "cela", "ce cas", "alors", "Et si"."""
_PRONOUN_OBJECT = re.compile(r"^\S+\s+(?:le|la|les|l['’])\s*[\w’'-]+(?:er|ir|re|oir)\s*\??$", re.IGNORECASE)
"""A question word, an object pronoun and an infinitive, nothing else: "Comment le lire ?"."""
_SITUATION_QUESTION = re.compile(
    r"^(?P<situation>[^?]*[^.?]\.)\s+(?P<question>[^.?]+\?)$"
    r"|^(?P<situation_>[^?,]*\w),\s+(?P<question_>(?:que|quoi|comment)\s+\w+(?:er|ir|re|oir)(?:\s+\w+){0,2}\s*\??)$",
    re.IGNORECASE,
)
"""A sentence ending with a period, then one question ending the line; or a situation, a comma and
what to do ("…, que faire")."""
_ASKS_AND_ANSWERS = re.compile(r"^[^?]*\w[^?]*\?\s*(?P<rest>[^\s(«\"].*)$")
"""A question and, after its "?", more text on the same line."""


@dataclass(frozen=True)
class Decision:
    """Whether one line of the notes starts a card, how sure that is, and why."""

    path: str
    line: int
    text: str
    front: bool
    confidence: float
    reason: str

    def __str__(self) -> str:
        verdict = "starts a card" if self.front else "kept as answer text"
        return f"{self.path}:{self.line}: {self.text!r} {verdict} (confidence {self.confidence:.1f}: {self.reason})"


@dataclass(frozen=True)
class ImportedCard:
    """A detected card: its front's line number, the front, and the answer lines as written."""

    line: int
    front: str
    answer: tuple[str, ...]


@dataclass(frozen=True)
class ImportResult:
    """A notes dump read as a chapter: its title, its cards, and every decision taken."""

    title: str
    cards: tuple[ImportedCard, ...]
    decisions: tuple[Decision, ...]

    @property
    def uncertain(self) -> tuple[Decision, ...]:
        return tuple(decision for decision in self.decisions if decision.confidence < REVIEW_BELOW)

    def to_source(self) -> str:
        """The chapter in the supportcards source format: each card as written, escaped where Markdown
        would read it otherwise (`plaintext.as_markdown`), so that Anki shows the notes' text."""
        parts = [f"# {self.title}\n"]
        for card in self.cards:
            (front,) = as_markdown([card.front])
            parts.append(f"\n## {front}\n" + "".join(f"{line}\n" for line in as_markdown(card.answer)))
        return "".join(parts)


def _confidence(score: float) -> float:
    """How sure a score makes a decision: 0.5 at 0, close to 1 far from it."""
    return round(1 / (1 + math.exp(-abs(score))), 2)


def _subjects(text: str) -> list[re.Match[str]]:
    """The subject pronouns of `text` standing before their verb (a stressed "pour elle" is left out)."""
    return [
        found
        for found in _SUBJECT.finditer(text)
        if not (found["pronoun"].lower().startswith("elle") and _STRESSED_AFTER.search(text[: found.start()]))
    ]


def _has_clause(text: str) -> bool:
    """A subject pronoun before its verb, or a negation around a verb: a clause, not a noun group."""
    return bool(_subjects(text) or _NEGATION.search(text))


def _answers_itself(text: str) -> bool:
    """A question, then its answer on the same line ("Pourquoi ? Parce que …"); a second question
    or an instruction after the "?" ("Qu’est-ce qu’un SLA ? Citez 2 exemples") is no answer."""
    found = _ASKS_AND_ANSWERS.match(text)
    if found is None:
        return False
    rest = found["rest"].strip()
    return not (_QUESTION.match(rest) or rest.endswith("?"))


def _asks_about_the_answer(text: str) -> bool:
    """A question asked inside an answer: it points back and its answer is on the next lines."""
    asks = bool(_QUESTION.match(text)) or text.rstrip().endswith("?")
    return asks and not _answers_itself(text) and _points_back(text)


def _asks_on_its_own(text: str) -> bool:
    """A question or an instruction with a topic of its own: it can start a card anywhere."""
    return bool(_QUESTION.match(text)) and not _points_back(text) and not _answers_itself(text)


def _points_back(text: str) -> bool:
    """A question about the answer above, meaningless on a card of its own: it has no noun group
    of its own and points back ("Pourquoi ?", "Comment savoir s’il est vide ?", "Que faire alors ?",
    "Comment le lire ?")."""
    if _INSTRUCTION.match(text):
        return False
    if _QUESTION.match(text) and _PRONOUN_OBJECT.match(text):
        return True
    if _has_topic(text):
        return False
    referring = [found for found in _subjects(text) if not _IMPERSONAL.match(found["next"])]
    return len(re.findall(r"\w+", text)) <= 1 or bool(referring) or bool(_POINTS_BACK.search(text))


def _has_topic(text: str) -> bool:
    """A noun group of its own, a number, or a capitalised word after the first ("RAID", "Windows")."""
    return bool(_TOPIC.search(text)) or any(word[:1].isupper() for word in text.split()[1:])


def _situation_then_question(text: str) -> bool:
    """A situation of its own, then a short question about it ("Un poste n’arrive plus à se connecter
    au Wi-Fi. Que faire ?"): a case study's front. A situation that refers back ("Il ne démarre
    toujours pas.") or a question that does ("Que faire alors ?") goes on from the card above."""
    found = _SITUATION_QUESTION.match(text.strip())
    if found is None:
        return False
    situation = found["situation"] or found["situation_"]
    question = found["question"] or found["question_"]
    return (
        len(situation.split()) >= 4
        and _has_topic(situation)
        and not _REFERS_BACK.match(situation)
        and bool(_QUESTION.match(question))
        and not _points_back(question)
        and not _POINTS_BACK.search(question)
        and len(question.split()) <= 6
    )


def _quand_clause(text: str) -> bool:
    """'Quand' and a subject, not inverted and with no "?": a time clause ("Quand elle n’imprime
    plus, on vérifie …"); unless the line goes on after a comma or ends with a period, it may still be
    a front's heading ("Quand l’imprimante est hors ligne")."""
    return bool(_QUAND_CLAUSE.match(text)) and "?" not in text and not _INVERTED.search(text)


def _case_subject(text: str) -> bool:
    """A line that opens on the subject of a case: a new one ("Un utilisateur est verrouillé …"), or a
    known one followed by a verb ("Le VPN se coupe toutes les heures")."""
    if _NEW_SUBJECT.match(text):
        return True
    has_verb = bool(_verbs(text) or _has_clause(text) or _REFLEXIVE_VERB.search(text))
    return bool(_DEFINITE_SUBJECT.match(text)) and has_verb


def _case_statement(text: str, previous: str | None, next_line: str | None) -> bool:
    """A case stated as a front: a subject and what happens to it ("Un utilisateur est verrouillé
    plusieurs fois par jour", "Le VPN est connecté mais aucun partage n’est accessible"), no final
    punctuation and no lead-in, then its answer. The student ends an answer's sentences with a period;
    a lead-in ("Les causes sont") ends on its verb or comes before a list."""
    return (
        _case_subject(text)
        and len(text.split()) <= 12
        and not _FINISHED.search(_ASIDE.sub("", text))
        and "," not in text
        and not text.rstrip().endswith(";")
        and not _LEAD_IN_END.search(text)
        and previous is not None
        and not _leads_in(previous)
        and next_line is not None
        and not _LIST_ITEM.match(next_line)
        and not next_line.strip()[:1].islower()
    )


_ASIDE = re.compile(r"\s*\([^()]*\)$")
"""A closing aside in parentheses ("Le scanner ne s’allume plus (aucun voyant)"): the line ends with it,
not with a final punctuation mark."""
_INFINITIVE = r"[\w’'-]+(?:er|ir|re|oir)"
_WHAT_TO_DO = re.compile(
    r"^(?P<case>[^:?]*[^\s:?])\s+:\s+"
    r"(?:que|quoi|comment|où|par\s+où|pourquoi|quand|à\s+qui|qui|quel(?:le)?s?\s+[\w’'-]+)\s+"
    r"(?:(?:le|la|les|l['’]|y|en|se|s['’]|lui|leur)\s*)?" + _INFINITIVE + r"(?:\s+[\w’'-]+){0,4}\s*\??$",
    re.IGNORECASE,
)
"""A case or a topic, a colon, then what to do about it in an interrogative word and an infinitive
("Imprimante hors ligne : que vérifier", "… : comment le diagnostiquer"): a question without its "?".
A question with a conjugated verb after the colon ("… : combien de données peut-on perdre ?") is
an answer's aside."""
_CASE_LABEL = re.compile(
    r"^(?:dépannage|cas(?:\s+pratiques?|\s+concrets?)?|pannes?|problèmes?|incidents?|scénarios?|situations?|"
    r"mises?\s+en\s+situation|exercices?)(?:\s+[\w’'-]+){0,4}\s+:\s+(?P<case>\S.*)$",
    re.IGNORECASE,
)
"""A label that announces a case to solve, then the case ("Dépannage : l’écran reste noir"); the labels
of an answer's lines ("Cause :", "Solution :", "Exemple :") announce no case."""
_LABEL_LINE = re.compile(r"^[\w’'-]+(?:\s[\w’'-]+)?\s:\s")
"""A short label and its value ("Priorité : moyenne"), like the lines of a ticket quoted in an answer."""


def _unfinished(previous: str) -> bool:
    """A line with no final punctuation that is no list item, no labelled line, no lead-in ending with
    ":", no line of code and no definition whose answer is a code, a command or a line of code: the
    next line may go on from it."""
    _, colon, answer = previous.rpartition(" : ")
    return not (
        _FINISHED.search(previous)
        or _LIST_ITEM.match(previous)
        or _ANSWER_LABEL.match(previous)
        or previous.endswith(":")
        or _CODE_EXAMPLE.search(previous)
        or _gives_a_command(previous)
        or _reads_as_code(previous)
        or (colon and (_reads_as_code(answer) or _CODE_WORDS.search(answer)))
    )


def _sentence_of_its_own(previous: str, text: str) -> bool:
    """An unfinished line that is a sentence of its own, only its period missing: more than three words,
    no lead-in, and the line after it starts with a capital."""
    return _unfinished(previous) and not (_leads_in(previous) or len(previous.split()) <= 3 or not text[:1].isupper())


def _ended(previous: str | None) -> bool:
    """An answer line that ended: with a final punctuation mark, as a list item, a labelled line, or a
    line of code; not a lead-in."""
    return previous is not None and not _unfinished(previous) and not previous.endswith(":")


def _reads_as_an_answer(next_line: str | None) -> bool:
    """A line that can follow a front: not a line going on in lowercase, and no front of its own (a
    question or an instruction with a topic, a term with its capitalised expansion): a card needs an
    answer."""
    if next_line is None:
        return False
    line = next_line.strip()
    going_on = line[:1].islower() and not (_spelt_in_lowercase(line) or _reads_as_code(line))
    return not going_on and not _asks_on_its_own(line) and not _strong_term(line)


def _case_then_what_to_do(text: str, previous: str | None, next_line: str | None) -> bool:
    """A case and a colon as a front ("Imprimante hors ligne : que vérifier", "Dépannage : l’écran
    reste noir"), after an answer that ended and before a line that answers it: not the definition
    "x : y" that the colon makes elsewhere. What comes before the colon must not point back ("Dans ce
    cas : que faire" asks about the card above)."""
    after_an_answer = _ended(previous) or (previous is not None and _sentence_of_its_own(previous, text))
    if not after_an_answer or (previous and _leads_in(previous)) or not _reads_as_an_answer(next_line):
        return False
    asks = _WHAT_TO_DO.match(text)
    if asks is not None:
        case = asks["case"]
        return (
            len(case.split()) <= 10
            and not _REFERS_BACK.match(case)
            and not _POINTS_BACK.search(case)
            and not _QUESTION.match(case)
            and not _COMMA_THEN_VERB.search(case)
        )
    labelled = _CASE_LABEL.match(text)
    return (
        labelled is not None
        and len(labelled["case"].split()) <= 10
        and not _FINISHED.search(_ASIDE.sub("", text))
        and not (next_line and _LABEL_LINE.match(next_line.strip()))
    )


_CLAUSE_OF_ITS_OWN = re.compile(
    r"^(?P<head>[A-ZÀ-Ý][\w’'-]*(?:\s+(?!(?:le|la|les|un|une|des|du|au|aux|ce|cet|cette|ces|son|sa|ses|leur|leurs|"
    r"mon|ma|mes)\b)(?!l['’])[\w’'-]+){0,4})\s+"
    r"(?P<link>qui|mais|alors\s+que|alors\s+qu['’]|quand|lorsque|lorsqu['’])\s*(?P<rest>\S.*)$"
)
"""A noun group with no article, then a clause of its own: a relative clause ("Clavier sans fil qui ne
répond plus"), or a contrast or a time after it ("Son coupé mais le casque est branché")."""


def _noun_group_then_clause(text: str) -> bool:
    """A heading whose only verb is in a clause of its own: a symptom ("Bluetooth qui ne fonctionne
    pas sur une tablette"), shorter than an answer's sentence and with no final punctuation. A word
    before "qui" may be a verb and its object ("Vérifier qui est connecté"): alone, it counts only
    before a negation ("Bluetooth qui ne …"), a symptom's usual shape."""
    found = _CLAUSE_OF_ITS_OWN.match(text)
    if found is None or re.search(r"[,;:?]", text) or _FINISHED.search(_ASIDE.sub("", text)):
        return False
    head = found["head"]
    alone = len(head.split()) == 1
    if alone and not (found["link"] == "qui" and re.match(r"(?:ne\b|n['’])", found["rest"], re.IGNORECASE)):
        return False
    return (
        len(text.split()) <= 9
        and not (_ARTICLE.match(head) or _REFERS_BACK.match(head) or _QUESTION.match(head) or _INSTRUCTION.match(head))
        and not (_verbs(head) or _has_clause(head) or _REFLEXIVE_VERB.search(head))
    )


def _symptom_heading(text: str, previous: str | None, next_line: str | None) -> bool:
    """A symptom stated as a noun group and a clause (`_noun_group_then_clause`), after an answer
    that ended and before a line that answers it. A next line as short, with no final punctuation, is
    rather the next item of a list without marks ("Souris bloquée" after "Clavier qui ne répond plus")."""
    if not (_noun_group_then_clause(text) and _ended(previous) and _reads_as_an_answer(next_line)):
        return False
    following = (next_line or "").strip()
    sibling = not (_FINISHED.search(following) or _LIST_ITEM.match(following))
    return not (sibling and len(following.split()) <= len(text.split()) + 1)


_CODE_LINE = re.compile(r"^(?:#!|[\w.-]+=)|^\S+\s+(?:-{1,2}\w|/\w)|\$[\w({]|(?:[;{]|;\s*(?:do|then))\s*$|\s(?:\||&&)\s")
"""A line of code: a shebang, an assignment, a command with an option, a variable, a pipe, an open block."""


_CODE_WORDS = re.compile(r"(?<!\S)(?:-[A-Z][A-Za-z]+\b|--\w|[A-Za-z]:\\|\$\w)|\|\s*[A-Z][a-z]+-[A-Z]")
"""A PowerShell option ("-Recurse") or a long one ("--all"), a Windows path ("C:\\Data"), a variable
("$date") or a pipe into a cmdlet ("| Restart-Service"): words of code."""


def _reads_as_code(line: str) -> bool:
    """A line of a script or a command ("date=$(date +%F)", "set -e"): in lowercase, it is code, not
    a sentence going on from the line above."""
    return bool(_CODE_LINE.search(line.strip()))


_MODIFIER_KEY = r"(?:ctrl|alt|altgr|maj|shift|win|cmd|fn)"
_KEY_COMBINATION = re.compile(
    rf"(?<![\w+]){_MODIFIER_KEY}(?:\s*\+\s*(?:{_MODIFIER_KEY}|tab|échap|esc|suppr|del|entrée|enter|espace|inser|"
    r"impr|fin|début|f\d{1,2}|[a-z0-9]))+(?![\w+])",
    re.IGNORECASE,
)
"""Keys pressed together ("Ctrl + Maj + Échap", "Win + R"): a "+" between keys is no addition."""


def front_doubts(text: str, next_line: str | None = None, previous: str | None = None) -> list[str]:
    """What argues against a line read as a front without outweighing the rest: such a front is
    kept, and listed for review."""
    doubts = []
    if _case_statement(text, previous, next_line) and not _case_then_what_to_do(text, previous, next_line):
        doubts.append("a case stated like a sentence of the answer")
    question = bool(_QUESTION.match(text)) and not _INSTRUCTION.match(text)
    if question and text.rstrip().endswith(".") and _has_clause(text):
        doubts.append("a question ending with a period after a subject and its verb, like a sentence")
    asks_without_topic = (
        (question or text.rstrip().endswith("?")) and not _INSTRUCTION.match(text) and not _has_topic(text)
    )
    if asks_without_topic and not _case_then_what_to_do(text, previous, next_line):
        doubts.append("a question with no topic of its own")
    if _quand_clause(text):
        doubts.append("'quand' and a subject, like a time clause")
    known = _names_commands(text) or (_mentions_command(text) and _named_next(text, next_line))
    if text[:1].islower() and not (_CAMEL_NAME.match(text) or known):
        doubts.append("it starts in lowercase, like a line that goes on")
    return doubts


def front_score(text: str, previous: str | None, next_line: str | None) -> tuple[float, list[str]]:
    """The clues for and against `text` being a front, summed; and their names."""
    clues: list[tuple[float, str]] = []
    own_sentence = False
    if previous and _unfinished(previous):
        if _sentence_of_its_own(previous, text):
            own_sentence = True
            clues.append((-0.5, "the previous line has no final punctuation, but this one starts with a capital"))
        else:
            clues.append((-2.0, "the previous line is unfinished"))
    words = text.split()
    asks = bool(_QUESTION.match(text)) or text.rstrip().endswith("?")
    answers_itself = asks and _answers_itself(text)
    points_back = _asks_about_the_answer(text)
    opens_clause = _quand_clause(text) and ("," in text or text.rstrip().endswith("."))
    question = bool(_QUESTION.match(text)) and not (answers_itself or points_back or opens_clause)
    if answers_itself:
        clues.append((-4.0, "asks a question and answers it on the same line"))
    elif points_back:
        clues.append((-3.5, "a question with no topic of its own that points back at the answer above"))
    elif opens_clause:
        clues.append((-1.0, "'quand' opens a clause here, it does not ask"))
    elif question:
        clues.append((3.0, "a question or an instruction"))
    if text.rstrip().endswith("?") and not points_back:
        clues.append((2.0, "ends with '?'"))
    if _situation_then_question(text):
        clues.append((3.0, "a situation, then a question about it"))
    if len(words) <= 3 and not points_back:
        clues.append((2.0, "short, like a term"))
    elif 3 < len(words) <= 8:
        clues.append((0.5, "fairly short"))
    if _strong_term(text):
        clues.append((3.0, "a term and its capitalised expansion in parentheses"))
    elif _TERM_WITH_EXPANSION.match(text):
        clues.append((1.5, "a term and its expansion in parentheses"))
    if not _FINISHED.search(text):
        clues.append((0.5, "no final punctuation"))
    period = text.rstrip().endswith(".")
    long_sentence = period and len(words) > 12
    # A period makes a sentence even when its verb is in no list ("Le voyant orange s’allume.", "Ci-joint
    # la procédure."): of the student's fronts, only a term with its expansion ends with one.
    sentence = (
        period
        and not long_sentence
        and not _TERM_WITH_EXPANSION.match(text)
        and (len(words) > 3 or (len(words) > 2 and bool(_ARTICLE.match(text)) and not question))
    )
    if long_sentence:
        clues.append((-3.0, "a long sentence"))
    elif sentence:
        clues.append((-1.5, "a sentence"))
    full_sentence = period and not text.rstrip().endswith("..") and _has_clause(text)
    if full_sentence and not question and not _TERM_WITH_EXPANSION.match(text):
        clues.append((-2.0, "a full sentence: a subject, its verb and a final period"))
    if _QUANT_A.match(text):
        clues.append((-2.5, "starts with 'quant à': it continues the answer"))
    if _COMMA_THEN_VERB.search(text) and not text.rstrip().endswith("?"):
        clues.append((-2.0, "a sentence that goes on after a comma with a verb"))
    if _REFERS_BACK.match(text) and not question:
        clues.append((-2.5, "starts with a word that refers back: it continues the answer"))
    elif _ARTICLE.match(text) and not question and not opens_clause:
        clues.append((-1.0, "starts like a sentence"))
    outside = _EXPANSION.sub("", text) if _TERM_WITH_EXPANSION.match(text) else text
    symptom = _symptom_heading(text, previous, next_line)
    has_verb = bool(_verbs(outside) or _has_clause(outside)) and not question and not symptom
    if has_verb:
        clues.append((-1.0, "has a conjugated verb"))
    elif symptom:
        clues.append((1.0, "a noun group whose only verb is in a clause of its own, like a symptom's heading"))
    elif (
        not _REFERS_BACK.match(text)
        and not answers_itself
        and not points_back
        and not (sentence or long_sentence)
        and (previous is None or _ended(previous) or own_sentence)
    ):
        clues.append((1.0, "a phrase with no verb after a finished answer, like a heading"))
    keys_alone = not _KEY_COMBINATION.sub("", text).strip()
    operations = text if keys_alone else _KEY_COMBINATION.sub(" ", text)
    formula = bool(_FORMULA.search(_MENU_STEP.sub(" ", _NAMED_SIGN.sub(" ", _WORDS_OR_WORDS.sub(" ", operations)))))
    if formula:
        clues.append((-3.0, "keys to press, alone like a step of the answer" if keys_alone else "a formula"))
    if _case_then_what_to_do(text, previous, next_line):
        clues.append((3.0, "a case, a colon and what to do about it, after an answer that ended"))
    if not text[:1].islower() and _CODE_WORDS.search(text) and not _case_then_what_to_do(text, previous, next_line):
        clues.append((-2.0, "a line of code: an option, a path or a variable"))
    named = not formula and _named_next(text, next_line) and not (previous and _leads_in(previous))
    if named:
        clues.append((3.0, "the next line starts by naming this line's terms: it explains them"))
    elif (
        next_line is not None
        and next_line.strip()[:1].islower()
        and not _spelt_in_lowercase(next_line)
        and not _reads_as_code(next_line)
    ):
        clues.append((-3.0, "the next line starts in lowercase: this one goes on"))
    if _names_commands(text) and not _names_commands(previous) and not _names_commands(next_line):
        clues.append((3.0, "names commands known as commands"))
    if _case_statement(text, previous, next_line):
        clues.append((2.5, "states a case ('Un utilisateur est …', 'Le VPN se coupe …') and no final punctuation"))
    if next_line is not None and _LIST_ITEM.match(next_line) and _LEAD_IN_END.search(text):
        clues.append((-2.0, "introduces the list below"))
    return sum(weight for weight, _ in clues), [name for _, name in clues]


def detect_cards(text: str, path: str) -> ImportResult:
    """Read a notes dump: the first line is the title, then fronts and their answer lines."""
    lines = text.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines or not lines[0].strip():
        raise SourceError(Location(path, 1), "empty notes: expected a title line, then the cards")
    title = lines[0].strip().lstrip("#").strip()
    body = [(number, line) for number, line in enumerate(lines[1:], start=2) if line.strip()]
    if not body:
        raise SourceError(Location(path, 1), "these notes have a title but no card")

    decisions: list[Decision] = []
    previous_front = False
    open_question: Decision | None = None
    for index, (number, line) in enumerate(body):
        stripped = line.strip()
        next_line = body[index + 1][1] if index + 1 < len(body) else None
        previous = body[index - 1][1].strip() if index else None
        rule = _hard_rule(stripped, previous_front, next_line is None, index == 0, previous, next_line)
        guessed = decisions[-1] if previous_front and decisions[-1].confidence < REVIEW_BELOW else None
        if guessed is not None and _strong_term(stripped):
            # A term with its expansion is a surer front than the guess before it: that was answer text.
            reason = f"the next line, a term with its expansion, is a surer front ({guessed.reason})"
            decisions[-1] = Decision(path, guessed.line, guessed.text, False, guessed.confidence, reason)
            decisions.append(
                Decision(path, number, stripped, True, 1 - guessed.confidence, "a term with its expansion")
            )
        elif rule is not None:
            is_front, reason = rule
            # The line after an uncertain front is as uncertain as that front.
            confidence = guessed.confidence if guessed is not None else 1.0
            decisions.append(Decision(path, number, stripped, is_front, confidence, reason))
        elif open_question is not None and not _strong_term(stripped) and not _asks_on_its_own(stripped):
            # Asked inside an answer, a question is answered on the next line: as sure as that question.
            # A term with its expansion, or a question or instruction with a topic, is a front all the same.
            reason = "answers the question asked inside the answer on the line before"
            decisions.append(Decision(path, number, stripped, False, open_question.confidence, reason))
        else:
            score, reasons = front_score(stripped, previous, next_line)
            confidence = _confidence(score)
            doubts = front_doubts(stripped, next_line, previous) if score > 0 else []
            if doubts:
                confidence = min(confidence, DOUBTFUL)
                reasons.append("but " + ", ".join(doubts))
            decisions.append(Decision(path, number, stripped, score > 0, confidence, ", ".join(reasons) or "no clue"))
        last = decisions[-1]
        previous_front = last.front
        open_question = last if not last.front and rule is None and _asks_about_the_answer(stripped) else None

    cards: list[ImportedCard] = []
    for decision, (_, line) in zip(decisions, body, strict=True):
        if decision.front:
            cards.append(ImportedCard(decision.line, decision.text, ()))
        elif cards:
            card = cards[-1]
            cards[-1] = ImportedCard(card.line, card.front, (*card.answer, line.rstrip()))
    return ImportResult(title, tuple(cards), tuple(decisions))


def _hard_rule(
    text: str, previous_front: bool, last: bool, first: bool, previous: str | None = None, next_line: str | None = None
) -> tuple[bool, str] | None:
    """The certain cases: (is a front, why), or None when the clues have to decide."""
    if first:
        return True, "the first line after the title"
    if previous_front:
        return False, "the line after a front is its answer"
    if last:
        return False, "the last line belongs to the last card's answer"
    if _LIST_ITEM.match(text):
        return False, "a list item"
    if _ANSWER_LABEL.match(text):
        return False, "a labelled line of the answer ('Av: …', 'Exemple: …')"
    if text[:1].islower() and not _lowercase_term(text, previous, next_line):
        return False, "starts in lowercase: the previous line goes on"
    if text.endswith(":"):
        return False, "ends with ':', it introduces what follows"
    if (" : " in text or " :" in text[-3:]) and not _case_then_what_to_do(text, previous, next_line):
        return False, "a definition 'x : y'"
    return None


_CAMEL_NAME = re.compile(r"^[a-z]{1,3}[A-Z][\w-]*(?:\s|$)")
"""A name that starts in lowercase by its own spelling ("eSIM", "iPhone", "macOS"), not a line going on."""
_COMMAND = re.compile(r"^[a-z][a-z0-9_-]*(?:\.(?:exe|msc|cpl))?(?:\s+(?:[/-]{1,2}[\w:.-]+|et|[a-z][a-z0-9_-]*))*$")
"""A command line as a heading: "ipconfig", "ipconfig /all", "ipconfig /release et ipconfig /renew"."""


_KNOWN_COMMANDS = KNOWN_COMMANDS
_PROGRAM_SUFFIX = re.compile(r"\.(?:exe|msc|cpl)$")
"""The file name of a Windows command or console ("regedit.exe", "services.msc") names it too."""
_COMMAND_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:et|ou)\s+")
_ARTICLE_OR_KIND = re.compile(
    r"^(?:(?:le|la|les|un|une|des|l['’])\s*)?(?:(?:commandes?|outils?|programmes?|fichiers?|dossiers?)\s+)?",
    re.IGNORECASE,
)
"""What may come before the term a line names: an article, a kind ("La commande ls …")."""
_LINK_WORDS_FR = "et ou de des du d le la les l un une en à au aux pour par sur avec sans dans entre vs"
_LINK_FRENCH = frozenset(_LINK_WORDS_FR.split())


def _names_commands(text: str | None) -> bool:
    """Only command names known as commands, joined by "," "et" "ou": "chmod", "df et du", "cp, mv et
    rm". A command with options ("ls -a") may be an example inside an answer: it is left out."""
    if not text:
        return False
    names = _COMMAND_SEPARATOR.split(text.strip())
    return len(names) <= 6 and all(
        name in _KNOWN_COMMANDS or _PROGRAM_SUFFIX.sub("", name) in _KNOWN_COMMANDS for name in names
    )


def _spelt_in_lowercase(line: str) -> bool:
    """A line that starts in lowercase by its first word's spelling, a known command or a name like
    "eSIM" ("repadmin /showrepl montre …"): it need not go on from the line before."""
    words = line.split()
    return bool(words) and (
        _PROGRAM_SUFFIX.sub("", words[0].rstrip(",:")) in _KNOWN_COMMANDS or bool(_CAMEL_NAME.match(line))
    )


def _mentions_command(text: str) -> bool:
    """One of the line's names is a command known as one ("root et sudo")."""
    return any(name in _KNOWN_COMMANDS for name in _COMMAND_SEPARATOR.split(text.strip()))


def _gives_a_command(line: str) -> bool:
    """A definition whose answer is a command ("Pour le relancer : net stop spooler", "… : gpupdate
    /force"): complete without a final period."""
    _, colon, answer = line.rpartition(" : ")
    words = answer.split()
    return bool(colon and words) and words[0] in _KNOWN_COMMANDS


def _stem(word: str) -> str:
    """A word in lowercase without its plural mark: "Enregistrements" names what "enregistrement" does."""
    word = word.lower()
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


def _leads_in(previous: str) -> bool:
    """A line that announces the next one: a lead-in ("Les commandes utiles sont:", "… par exemple") or
    a sentence cut after a small word ("… avec la")."""
    words = previous.split()
    return previous.endswith(":") or bool(_LEAD_IN_END.search(previous)) or words[-1].lower() in _LINK_FRENCH


def _named_next(text: str, next_line: str | None) -> bool:
    """The next line starts by naming one of this line's terms, maybe after an article or a kind ("pwd
    et cd" then "pwd affiche …", "Enregistrements A et AAAA" then "Un enregistrement A …"): it explains
    this line, a heading with no verb and no final punctuation. A next line no longer than this one
    is rather the next item of a list without marks ("Disque dur externe", "Disque réseau")."""
    if next_line is None or len(text.split()) > 6 or _FINISHED.search(text) or _verbs(text):
        return False
    if len(next_line.split()) < len(text.split()) + 2:
        return False
    first = re.match(r"[\w-]+", _ARTICLE_OR_KIND.sub("", next_line.strip(), count=1))
    terms = {_stem(word) for word in re.findall(r"[\w-]+", text) if len(word) > 1 and word.lower() not in _LINK_FRENCH}
    return first is not None and _stem(first.group()) in terms


def _verbs(text: str) -> list[re.Match[str]]:
    """The conjugated verbs of `text`; a capitalised one inside the line is a name ("Enregistrements A et
    AAAA"), and one after "-" or "/" or after a known command a command's option ("arp -a", "ip a"),
    not the verb "a"."""
    if _COMMAND.match(text) and text.split()[0] in _KNOWN_COMMANDS:
        return []
    return [
        found
        for found in _VERB.finditer(text)
        if found.start() == 0 or (found.group().islower() and text[found.start() - 1] not in "-/")
    ]


def _command_heading(text: str, previous: str, next_line: str | None) -> bool:
    """A known command alone, with its options or its expansion in parentheses and no verb ("chmod
    -R", "chmod (change mode)"), before a line that opens a sentence of its own ("L’option -R
    applique …", "Permet de …"), or any command-like word that the next line defines ("umask" then
    "C’est le masque …"), after a line that announces nothing and gives no command: a card's front
    even where the line above, an answer, ends without punctuation ("… avec le raccourci" then
    "ctrl+maj+échap (trois touches)" goes on: no command)."""
    words = _EXPANSION.sub("", text).split()
    if not words or len(words) > 3 or _VERB.search(text) or not _COMMAND.match(" ".join(words)):
        return False
    if not all(word[:1] in "-/" for word in words[1:]):
        return False
    if next_line is None or not next_line.strip()[:1].isupper() or len(next_line.split()) <= 3:
        return False  # no sentence of its own below
    known = words[0] in _KNOWN_COMMANDS or bool(_DEFINES.match(next_line.strip()))
    return known and not _leads_in(previous) and not _COMMAND.match(previous.strip())


_DEFINES = re.compile(r"^(?:C['’]est|Ce sont|Il s['’]agit)\b")
"""A line that defines the one above it: "C’est le masque qui …" names no term of its own."""


def _lowercase_term(text: str, previous: str | None, next_line: str | None = None) -> bool:
    """A term written in lowercase with its expansion ("msconfig (Configuration du système)"), a
    command ("ping", "ipconfig /all"), a name spelt so ("eSIM"), or terms the next line names ("root
    et sudo" then "root est …"), after a finished line: it may start a card, so the clues decide, not
    the case. Known command names may follow an unfinished line that is no lead-in, when the next line
    explains them rather than going on; so may a known command alone, with its options or its
    expansion, before a sentence of its own (`_command_heading`)."""
    if previous is None:
        return False
    finished = bool(_FINISHED.search(previous) or _LIST_ITEM.match(previous) or _gives_a_command(previous))
    if _named_next(text, next_line) and not _leads_in(previous) and (finished or _mentions_command(text)):
        return True
    if (
        _names_commands(text)
        and not _names_commands(previous)
        and not _names_commands(next_line)
        and not _leads_in(previous)
        and (next_line is None or not next_line.strip()[:1].islower())
    ):
        return True
    if _command_heading(text, previous, next_line):
        return True
    # After a line of code, a name spelt in lowercase or a term with its expansion may start a card; a
    # lowercase word alone is rather the next line of code ("done").
    if not _ended(previous):
        return False
    if _CAMEL_NAME.match(text):
        return True
    if _TERM_WITH_EXPANSION.match(text):
        return not _VERB.search(text)
    if not finished:
        return False
    words = text.split()
    command = bool(_COMMAND.match(text)) and (len(words) == 1 or any(word[0] in "/-" for word in words))
    listed = next_line is not None and bool(_COMMAND.match(next_line.strip()))
    subcommand = words[0] in _KNOWN_COMMANDS and len(words) <= 3 and bool(_COMMAND.match(text))
    return (command or subcommand) and len(words) <= 6 and not listed


_CHAPTER_NUMBER = re.compile(r"\bchap(?:itre|ter|\.)?\s*(?:n[°o]\.?\s*)?(\d+)", re.IGNORECASE)


def default_output(result: ImportResult, source_dir: str = "source") -> str:
    """`source/chapitre-NN.md`, NN from the title: the number after "chapitre", "chapter" or
    "chap." ("Support de niveau 2 — chapitre 5" is chapter 5), else its first number
    (`chapitre.md` without one)."""
    number = _CHAPTER_NUMBER.search(result.title) or re.search(r"\d+", result.title)
    name = f"chapitre-{int(number.group(number.lastindex or 0)):02d}.md" if number else "chapitre.md"
    return f"{source_dir}/{name}"
