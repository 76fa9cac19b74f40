"""supportcards' own checks: slips these notes make that the grammar checker misses, or where a
person must choose the fix. Each is a function from a card to issues; the certain fixes of the same
families are normalizer rules instead (`normalize.py`: `elision`, `back-subject`, and the
`locutions` table).

- `verb-start`: an answer that starts with a conjugated verb and no subject ("Permet de gérer…"):
  the front is its subject, but whether it becomes "Il", "Elle" or "Cela" is a person's choice;
  `front-pronoun` where the front names a thing whose gender and number the lexicon knows for sure
  ("Passerelle" over "Permet de sortir du réseau" -> "Elle permet"): the one pronoun is offered;
- `et-est`: "et" between a noun and a past participle ("Le changement et validé"), "est" meant
  ("sont" after a plural determiner), unless a participle earlier in the clause is the one "et"
  joins it to ("stocké sur un serveur et copié");
- `list-count`: "Citez 4 …" over one list of another number of items: the question is made to
  ask for what the list gives (a question copied from another card is the usual cause, and the
  items are what the card teaches), in figures or in words as it was written; `list-count-ambigu`
  where the back holds several lists ("Av:" and "Désav:") or the question another number
  ("Citez 2 avantages et 2 inconvénients"): which count was meant is a person's to say;
- `lead-in-noun`: "Citez 2 avantages" over "Les inconvénients sont": the lead-in names another
  thing than the question (its noun, or the adjective that follows it). The question is flagged,
  with the answer's word as the fix: a question copied from another card is the usual cause, and
  the answer's items are what the card teaches;
- `une-part`: a second "D’une part" in a card, where "D’autre part" belongs: the connector opening
  a sentence or an item, by a comma, after "et" ("…, et d’une part il permet…") or before a noun
  group or a clause ("protège d’une part les données"); "une part importante" is a share.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from itertools import pairwise

from .agreement import CHECKS as AGREEMENT_CHECKS
from .articles import missing_article
from .clause_homophones import CHECKS as CLAUSE_HOMOPHONE_CHECKS
from .conjugation import CHECKS as CONJUGATION_CHECKS
from .coordination import CHECKS as COORDINATION_CHECKS
from .distant import CHECKS as DISTANT_CHECKS
from .homophones import HOMOPHONE_CHECKS
from .inflection import CHECKS as INFLECTION_CHECKS
from .link_homophones import CHECKS as LINK_HOMOPHONE_CHECKS
from .predicates import CHECKS as PREDICATE_CHECKS
from .spelling import SPELLING_CHECKS, Speller
from .text import BACK, FRONT, CardText, Issue

Check = Callable[[CardText, Speller], list[Issue]]

_NUMBERS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10}
_ASK = re.compile(
    r"^\s*(?:citez|indiquez|nommez|donnez|énumérez|listez|mentionnez|décrivez)\s+"
    r"(?:(?:les|des)\s+)?(?P<number>\d{1,2}|" + "|".join(_NUMBERS) + r")\s+"
    r"(?P<noun>[^\W\d_]+)(?:\s+(?P<adjective>[^\W\d_]+))?",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^\s*(?:les|ses|leurs|ces|nos|vos)\s+(?P<noun>[^\W\d_]+)(?:\s+(?P<adjective>[^\W\d_]+))?\s*(?:sont\b|:)",
    re.IGNORECASE,
)
_NOT_ADJECTIVES = frozenset(
    {"d", "de", "du", "des", "un", "une", "le", "la", "les", "l", "pour", "que", "qui", "dont", "à", "au", "aux"}
    | {"en", "sur", "dans", "avec", "par", "sont", "est", "ont"}
)
_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S", re.MULTILINE)
_UNE_PART = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=[.;:!?,]\s)|(?<=^[-*+•]\s)|(?<=\n[-*+•]\s)|(?<=\d[.)]\s))(d['’])une part\b"
    r"|\b(d['’])une part(?=\s*,)",
    re.IGNORECASE,
)
"""The connector "d’une part", where it opens a sentence or a list item, after a comma, or before a comma: "Il
s’agit d’une part importante du budget" is a share, not the connector."""
_ANY_UNE_PART = re.compile(r"\b(d['’])une part\b", re.IGNORECASE)
_CONNECTOR_AFTER = re.compile(
    r"\s+(?:et\s+|mais\s+)?(?:le|la|les|l['’]|un|une|des|du|ce|cet|cette|ces|son|sa|ses|leur|leurs|il|elle|on|ils"
    r"|elles|en|ça|cela|sur|dans|pour|avec)\b",
    re.IGNORECASE,
)
"""What follows the connector "d’une part" mid-sentence: a noun group or a clause ("protège d’une part les
données", "et d’une part il permet"); an adjective or "de" follows a share ("une part importante")."""
_DETERMINERS = r"(?:le|la|les|un|une|ce|cet|cette|ces|son|sa|ses|leur|leurs|notre|votre|mon|ma|mes|chaque)"
_ET_PARTICIPLE = re.compile(
    rf"\b(?P<determiner>{_DETERMINERS})\s+(?:[^\W\d_]+\s+(?:de|du|des|d['’])\s*)?(?P<noun>[^\W\d_]+)\s+"
    r"(?P<et>et)\s+(?P<participle>[^\W\d_]+)\b",
    re.IGNORECASE,
)
_PLURAL_DETERMINERS = frozenset({"les", "ces", "ses", "leurs", "mes"})
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "t", "te", "ts", "tes")
_FIRST_WORD = re.compile(r"\s*(?P<word>[A-ZÀ-Ý][a-zà-ÿ]+)\b(?!['’-])")
_OBJECT_AFTER = re.compile(
    r"\s+(?:(?:le|la|les|un|une|son|sa|ses|leur|leurs|ce|cet|cette|ces|notre|votre|nos|vos|chaque|plusieurs)\s|l['’])"
)
"""A determiner right after a first word: a noun is followed by a complement ("de", "du", "des",
"à"), a verb by its object ("Filtre les connexions")."""
_DETERMINER_AFTER = re.compile(r"\s+(?:un|une|le|la|les|l['’]|des|du|de|d['’]|à|au|aux|en|son|sa|ses|leur|leurs)\b")


def _fold(word: str) -> str:
    """A noun without case, accents or plural mark, to compare two mentions of it."""
    plain = "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))
    return plain[:-1] if plain.endswith(("s", "x")) and len(plain) > 3 else plain


def list_count(card: CardText, speller: Speller) -> list[Issue]:
    asked = _ASK.match(card.front)
    if not asked:
        return []
    number = asked.group("number").casefold()
    wanted = int(number) if number.isdigit() else _NUMBERS[number]
    items = _ITEM.findall(card.back)
    if not items or len(items) == wanted:
        return []
    start, end = asked.span("number")
    one_list = _list_blocks(card.back) == 1 and not _NUMBER_WORD.search(card.front[asked.end("number") :])
    count = len(items)
    written = str(count) if number.isdigit() or count not in _NUMBER_NAMES else _NUMBER_NAMES[count]
    return [
        Issue(
            FRONT,
            start,
            end,
            "consistency",
            "list-count" if one_list else "list-count-ambigu",
            f"la question en demande {wanted}, la réponse en liste {count}",
            (written,),
        )
    ]


_NUMBER_NAMES = {value: name for name, value in _NUMBERS.items()}
_NUMBER_WORD = re.compile(r"\b(?:\d{1,2}|" + "|".join(_NUMBERS) + r")\b", re.IGNORECASE)


def _list_blocks(back: str) -> int:
    """How many lists the back holds: runs of items that a line of text at the margin ends ("Av:"
    then items, "Désav:" then items: two lists, whose sum no question asks for). Blank lines and
    indented lines (an item's continuation) stay inside a list."""
    blocks, inside = 0, False
    for line in back.splitlines():
        if _ITEM.match(line):
            blocks += not inside
            inside = True
        elif line.strip() and not line[:1].isspace():
            inside = False
    return blocks


def lead_in_noun(card: CardText, speller: Speller) -> list[Issue]:
    asked = _ASK.match(card.front)
    if not asked:
        return []
    for line_match in re.finditer(r"[^\n]+", card.back):
        lead = _LEAD_IN.match(line_match.group())
        if not lead:
            continue
        asked_adjective = _adjective(asked.group("adjective"))
        lead_adjective = _adjective(lead.group("adjective"))
        same_noun = _fold(asked.group("noun")) == _fold(lead.group("noun"))
        if same_noun and (not asked_adjective or not lead_adjective or _fold(asked_adjective) == _fold(lead_adjective)):
            return []
        group = "adjective" if same_noun else "noun"
        written = lead_adjective if same_noun and lead_adjective else lead.group("noun").casefold()
        said = lead.group("noun") + (f" {lead_adjective}" if same_noun and lead_adjective else "")
        return [
            Issue(
                FRONT,
                asked.start(group),
                asked.end(group),
                "consistency",
                "lead-in-noun",
                f"la réponse donne des « {said} »",
                (written,),
            )
        ]
    return []


def _adjective(word: str | None) -> str | None:
    return word if word and word.casefold() not in _NOT_ADJECTIVES else None


def une_part(card: CardText, speller: Speller) -> list[Issue]:
    issues = []
    for part in (FRONT, BACK):
        text = card.text(part)
        placed = {match.start() for match in _UNE_PART.finditer(text)}
        found = [match for match in _ANY_UNE_PART.finditer(text) if match.start() in placed or _connector(text, match)]
        for match in found[1:]:
            fixed = (match.group(1) or match.group(2)) + "autre part"
            if match.group()[0].isupper():
                fixed = fixed[0].upper() + fixed[1:]
            issues.append(
                Issue(part, match.start(), match.end(), "consistency", "une-part", "second « d’une part »", (fixed,))
            )
    return issues


def _connector(text: str, match: re.Match[str]) -> bool:
    """Whether the "d’une part" of `match`, which `_UNE_PART` does not place, is the connector all
    the same: after "et" ("…, et d’une part le poste reçoit…"), or before a noun group or a clause."""
    if re.search(r"\bet\s+$", text[max(0, match.start() - 4) : match.start()], re.IGNORECASE):
        return True
    return _CONNECTOR_AFTER.match(text, match.end()) is not None


def et_est(card: CardText, speller: Speller) -> list[Issue]:
    """ "Le changement et validé": "et" after a noun with its determiner, before a past participle."""
    issues = []
    for part in (FRONT, BACK):
        text = card.text(part)
        for match in _ET_PARTICIPLE.finditer(text):
            noun = match.group("noun")
            if noun.casefold().endswith(_PARTICIPLE_ENDINGS) and _is_participle(noun, speller):
                continue
            participle = match.group("participle")
            if not participle.casefold().endswith(_PARTICIPLE_ENDINGS):
                continue
            if not _is_participle(participle, speller, strict=True):
                continue
            if _participle_before(text, match.start(), speller):
                continue
            if _joins_two_verbs(text, match.start(), participle, speller):
                continue
            if _second_step(text, match.start(), match.end(), speller):
                continue
            if _prepositional_aside(text, match.start(), speller):
                continue
            verb = "sont" if match.group("determiner").casefold() in _PLURAL_DETERMINERS else "est"
            issues.append(
                Issue(
                    part,
                    match.start("et"),
                    match.end("et"),
                    "grammar",
                    "et-est",
                    f"« et » devant un participe passé : « {verb} » ?",
                    (verb,),
                )
            )
    return issues


def _participle_before(text: str, end: int, speller: Speller) -> bool:
    """Whether a past participle stands earlier in the clause, which the "et" joins to the second
    one ("un profil stocké sur un serveur et copié sur le poste")."""
    clause = re.split(r"[.;:!?,\n]", text[:end])[-1]
    return any(
        word.casefold().endswith(_PARTICIPLE_ENDINGS) and _is_participle(word, speller)
        for word in re.findall(r"[^\W\d_]+", clause)
    )


_FINITE = re.compile(r":(?:I[pqsf]|K|S[pq])")


def _finite(word: str, speller: Speller) -> bool:
    """Whether the lexicon knows `word` as a conjugated verb form (present, past, future, ...)."""
    engine = speller.engine
    return engine is not None and any(_FINITE.search(morph) for morph in engine.getMorph(word.casefold()))  # type: ignore[attr-defined]


def _joins_two_verbs(text: str, start: int, participle: str, speller: Speller) -> bool:
    """ "Le technicien ferme les fichiers et éteint le poste": the word after "et" is also a present
    ("éteint", "décrit", "reconstruit"), and the clause already has a verb before the noun group, so
    "et" joins a second verb to the subject, and "est" would make nonsense."""
    if not _finite(participle, speller):
        return False
    clause = re.split(r"[.;:!?,\n]", text[:start])[-1]
    return any(_finite(word, speller) for word in re.findall(r"[^\W\d_]+", clause))


_ASIDE_PREPOSITION = re.compile(
    r"\s*(?:(?:près|loin|autour|à\s+côté|en\s+face|au\s+bord|au\s+pied)\s+(?:de|d['’])|"
    r"(?:sur|sous|dans|avec|sans|pour|par|chez|vers|devant|derrière|contre|entre|en|à)\s)",
    re.IGNORECASE,
)


def _prepositional_aside(text: str, start: int, speller: Speller) -> bool:
    """ "Le poste doit être prêt, près de sa prise et branché sur le secteur": the noun group is the
    complement of a preposition that opens its part of the sentence, after a comma that follows a
    conjugated verb, so "et" adds one more attribute to that verb's subject; no subject of "est"
    stands there."""
    sentence = re.split(r"[.;:!?\n]", text[:start])[-1]
    if "," not in sentence:
        return False
    before, aside = sentence.rsplit(",", 1)
    if _ASIDE_PREPOSITION.match(aside) is None:
        return False
    return any(_finite(word, speller) for word in re.findall(r"[^\W\d_]+", before))


def _second_step(text: str, start: int, end: int, speller: Speller) -> bool:
    """ "Ouvrir le portail et tapé son code": the clause opens with an infinitive and the
    participle takes an object of its own, so "et" joins a second step whose infinitive was
    written as a participle (`conjugation.infinitive-coordination`); "est tapé son code" would
    make nonsense."""
    engine = speller.engine
    following = re.match(r"\s+(l['’]|[^\W\d_]+)", text[end:])
    if engine is None or following is None:
        return False
    morphs = engine.getMorph(following.group(1).replace("'", "’").casefold())  # type: ignore[attr-defined]
    if not any(":G:D" in morph for morph in morphs):
        return False
    clause = re.split(r"[.;:!?,\n]", text[:start])[-1]
    return any(_only_infinitive(word, engine) for word in re.findall(r"[^\W\d_]+", clause))


def _only_infinitive(word: str, engine: object) -> bool:
    morphs = engine.getMorph(word.casefold())  # type: ignore[attr-defined]
    return bool(morphs) and all(":Y" in morph for morph in morphs)


def _is_participle(word: str, speller: Speller, *, strict: bool = False) -> bool:
    """Whether `word` is a past participle: Grammalecte's lexicon says so when installed; else its
    ending does (strict: only if no other word class is known for it but a conjugated form of the
    same verb: "transmis" is also a past simple, "produit" also a noun)."""
    engine = speller.engine
    if engine is None:
        return word.casefold().endswith(("é", "ée", "és", "ées"))
    morphs = engine.getMorph(word.casefold())  # type: ignore[attr-defined]
    participle = any(":Q" in morph for morph in morphs)
    if not strict:
        return participle
    return participle and all(":Q" in morph or ":V" in morph for morph in morphs)


_FRONT_HEAD = re.compile(
    r"^\s*(?:(?P<determiner>le|la|les|un|une|des)\s+|(?P<elided>l['’])\s*)?(?P<noun>[^\W\d_]+(?:-[^\W\d_]+)*)\b",
    re.IGNORECASE,
)
_ARTICLE_GENDER = {"le": "m", "un": "m", "la": "f", "une": "f"}
_ADVERB_READING = re.compile(r"\s+être\s+(?:un|une|le|la|les|l['’]|des|du|à|au|aux|en|dans|parce|que|qu['’])", re.I)
"""'Peut être' before what "peut-être" introduces ("Peut être un câble": maybe a cable), not a verb."""
_STATES = re.compile(r"\b(?:se|s['’]|ne|n['’]|est|sont|a|ont|fait|font|peut|peuvent|doit|doivent)\b", re.IGNORECASE)
"""A front that states a case ("Le VPN se coupe", "L’écran ne s’allume pas"): what the answer's verb
has for subject is then the case, not the front's first noun."""
_PARENTHESES = re.compile(r"\([^()]*\)")
_TITLE_WORD = re.compile(r"\b[A-Z][a-z]")
"""A capitalised word after the first: a name or an English title ("Incident Management", "Active
Directory"), whose head is not its first word."""
_PRONOUNS = {("m", "s"): "Il", ("f", "s"): "Elle", ("m", "p"): "Ils", ("f", "p"): "Elles"}


def front_pronoun(front: str, engine: object) -> str | None:
    """The pronoun that stands for a front naming a thing ("Passerelle": "Elle", "Pare-feu
    (firewall)": "Il", "Les journaux": "Ils"), None unless the lexicon gives its first noun one gender
    and one number: a question, an English term or a name ("Ping"), a noun of either gender ("Poste")."""
    head = _FRONT_HEAD.match(front)
    outside = _PARENTHESES.sub(" ", front)
    if head is None or "?" in front or _STATES.search(outside) or _TITLE_WORD.search(outside, head.end()):
        return None
    determiner = (head["determiner"] or "").casefold()
    morphs = engine.getMorph(head["noun"].casefold())  # type: ignore[attr-defined]
    if not morphs and determiner in _ARTICLE_GENDER:
        return _PRONOUNS[(_ARTICLE_GENDER[determiner], "s")]  # a term the article genders: "La DMZ"
    nouns = [morph for morph in morphs if ":N" in morph]
    if not nouns:
        return None
    genders = {gender for gender in ("m", "f") if all(f":{gender}:" in morph for morph in nouns)}
    if determiner in _ARTICLE_GENDER:
        genders &= {_ARTICLE_GENDER[determiner]}
    numbers = {number for number in ("s", "p") if all(f":{number}" in morph or ":i" in morph for morph in nouns)}
    if determiner in ("les", "des"):
        numbers &= {"p"}
    elif numbers == {"s", "p"}:
        numbers = {"s"}  # invariable ("pare-feu"), and no plural determiner
    if len(genders) != 1 or len(numbers) != 1:
        return None
    return _PRONOUNS[(genders.pop(), numbers.pop())]


_QUESTION_WORDS = frozenset(
    {
        "citez",
        "indiquez",
        "donnez",
        "nommez",
        "expliquez",
        "définissez",
        "décrivez",
        "quel",
        "quelle",
        "quels",
        "quelles",
        "comment",
        "pourquoi",
        "que",
        "qu",
        "quand",
        "où",
        "combien",
        "qui",
        "lequel",
        "laquelle",
    }
)


def _names_a_term(front: str, engine: object) -> bool:
    """Whether the front names a term the lexicon does not know: an acronym, an English or a product
    name, a command ("VLSM (Variable Length Subnet Mask)", "scp (Secure Copy)", "Plug and Play"). French
    gives such a borrowed term the masculine, "le VLSM", "le scp", so "Il" stands for it; a question,
    a case ("Le VPN se coupe") or a French noun of either gender ("Poste") is no such term."""
    outside = _PARENTHESES.sub(" ", front)
    words = re.findall(r"[^\W\d_]+", outside)
    if not words or "?" in front or _STATES.search(outside) or words[0].casefold() in _QUESTION_WORDS:
        return False
    head = words[0]
    if re.match(r"(?:le|la|les|un|une|des|l)$", head, re.IGNORECASE):
        return False  # a determiner genders the term already (front_pronoun): "La DMZ"
    return not engine.getMorph(head.casefold()) or head.isupper()  # type: ignore[attr-defined]


def _feminine_gloss(front: str, engine: object) -> bool:
    """Whether the front's French gloss in parentheses is feminine ("RAM (mémoire vive)", "DMZ (zone
    démilitarisée)"): its first noun is, or, being of either gender, the adjective after it is."""
    gloss = _PARENTHESES.search(front)
    words = re.findall(r"[^\W\d_]+", gloss.group()) if gloss is not None else []
    for first, after in pairwise([*words, ""]):
        morphs = engine.getMorph(first.casefold())  # type: ignore[attr-defined]
        nouns = [morph for morph in morphs if ":N" in morph]
        if not nouns:
            continue
        if all(":f:" in morph for morph in nouns):
            return True
        epicene = all(":e:" in morph for morph in nouns)
        following = [m for m in engine.getMorph(after.casefold()) if ":A" in m]  # type: ignore[attr-defined]
        return epicene and bool(following) and all(":f:" in morph for morph in following)
    return False


def verb_start(card: CardText, speller: Speller) -> list[Issue]:
    """An answer whose first word is a verb in the third person, with no subject before it.

    Needs Grammalecte's lexicon to know a verb; "Est"/"Sont" before a determiner are fixed by the
    normalizer's `back-subject` rule and not reported here.
    """
    engine = speller.engine
    first = _FIRST_WORD.match(card.back)
    if engine is None or not first:
        return []
    word = first.group("word")
    if word in ("Est", "Sont") and _DETERMINER_AFTER.match(card.back, first.end()):
        return []
    if card.back[first.end() :].lstrip(" ").startswith(","):
        return []  # a name or an aside before a comma ("Marie, que le responsable a appelée"), no verb
    morphs = engine.getMorph(word.casefold())  # type: ignore[attr-defined]
    if not any(":V" in morph and (":3s" in morph or ":3p" in morph) for morph in morphs):
        return []
    if not all(":V" in morph for morph in morphs) and not _OBJECT_AFTER.match(card.back, first.end()):
        # Also a noun, an adjective or an adverb ("Point de contact unique.", "Filtre anti-spam"):
        # a verb only when a direct object follows ("Filtre les connexions"), as a noun never is.
        return []
    lower = word.casefold()
    plural = any(":3p" in morph for morph in morphs)
    pronoun = front_pronoun(card.front, engine)
    adverb = word == "Peut" and _ADVERB_READING.match(card.back, first.end())
    subjects: tuple[str, ...] = ("Ils", "Elles") if plural else ("Il", "Elle", "Cela")
    imperative = any(":E" in morph for morph in morphs)  # "Appelle des utilisateurs": an instruction too
    rule = "verb-start"
    if pronoun is not None and pronoun.endswith("s") == plural and not adverb:
        rule, subjects = "front-pronoun", (pronoun,)  # the front, which the lexicon genders, is the subject
    elif not plural and not adverb and not imperative and _names_a_term(card.front, engine):
        rule, subjects = "term-pronoun", ("Elle",) if _feminine_gloss(card.front, engine) else ("Il",)
    message = "la réponse commence par un verbe sans sujet"
    fixes = tuple(f"{subject} {lower}" for subject in subjects)
    return [Issue(BACK, first.start("word"), first.end("word"), "subject", rule, message, fixes)]


OWN_CHECKS: tuple[tuple[str, Check], ...] = (
    ("verb-start", verb_start),
    ("et-est", et_est),
    ("list-count", list_count),
    ("lead-in-noun", lead_in_noun),
    ("une-part", une_part),
    ("missing-article", missing_article),  # articles.py
    *HOMOPHONE_CHECKS,
    *CLAUSE_HOMOPHONE_CHECKS,  # clause_homophones.py
    *LINK_HOMOPHONE_CHECKS,  # link_homophones.py
    *AGREEMENT_CHECKS,
    *INFLECTION_CHECKS,  # inflection.py
    *PREDICATE_CHECKS,  # predicates.py
    *DISTANT_CHECKS,  # distant.py
    *COORDINATION_CHECKS,  # coordination.py
    *CONJUGATION_CHECKS,  # conjugation.py
    *SPELLING_CHECKS,  # spelling.py
)
