"""`missing-article`: a common noun with no determiner where French needs one.

"Il note dans ticket les actions", "protège contre incendie", "Il génère mot de passe temporaire",
"Chaque couche rend service à couche supérieure". French drops the article in many correct phrases
("en cas de panne", "sans délai", "avec accord de", "à distance", "par téléphone", "prendre
contact", "avoir accès", "faire partie"), so the check fires only where a bare noun cannot stand,
read on the tokens of Grammalecte after its disambiguation (which tags verbal locutions such as
"rendre service" or "prendre contact" as such, and merges prepositional ones such as "en cas de"):

- `article-preposition`: after a preposition that takes no bare noun ("dans", "contre", "chez",
  "vers", "envers", "depuis", "pendant", "durant", "malgré", "parmi"), in a clause (a subject
  pronoun or a verb before it: a noun phrase such as a list item or a title may drop its
  articles); the prepositions that do ("à", "de", "en", "par", "sans", "avec", "sur", "sous",
  "pour"…) are never enough on their own;
- `article-verb`: after a conjugated verb that takes a direct object ("génère mot de passe"), not a
  support verb (avoir accès, faire partie, prendre contact, mettre fin, donner suite…) nor a verb
  naming its object (appeler, nommer…), not a pronominal one, not the first word of a sentence or
  list item (notes write "Vérifier câble" on purpose); the noun must be a noun only (no verb
  reading, unless an adjective follows: "ajoute note interne") and no enumeration of bare nouns
  ("implique inspection et validation");
- `article-cest`: right after "c’est", a noun that a relative completes ("C’est outil qui lit les
  journaux" -> "un outil"): the sentence defines a thing, never with a bare noun;
- `article-repeated`: after "à", "sur", "sous", "avec", "pour", "entre", "après", "avant" or
  "selon", a singular noun with an adjective or a complement that the same sentence has already
  named with a determiner ("Chaque couche rend service à couche supérieure"): the second mention
  refers to a thing, which takes an article, where a locution's noun ("à distance", "sur site",
  "Le jour même… sont à jour") refers to none.

Fronts are titles and are not read. Only lowercase nouns that the lexicon knows are read: names,
products and English terms ("dans Outlook", "dans le cloud") are left alone, and so are glossary
terms, a front's terms, code, URLs and names glued to code ("dans fichier_journal").

Which article is right (le, la, l’, un, une, or a possessive) depends on what the card means:
these are findings for a person, with the likely article first (definite after a preposition and
for a noun named before, indefinite after a verb, the kind of a coordinated noun's when there is
one: "contre incendie ou un vol" -> "contre un incendie"). Needs Grammalecte: without it, nothing.
"""

from __future__ import annotations

import re
from typing import Any

from .spelling import Speller
from .text import FRONT, CardText, Issue

STRICT_PREPOSITIONS = frozenset(
    {"dans", "contre", "chez", "vers", "envers", "depuis", "pendant", "durant", "malgré", "parmi"}
)
"""Prepositions that French never follows with a bare common noun (a name or a number, yes)."""

ANAPHORA_PREPOSITIONS = frozenset({"à", "sur", "sous", "avec", "pour", "entre", "après", "avant", "selon"})
"""Prepositions that do take bare nouns in locutions ("à distance", "sur site", "avec succès"):
a missing article is reported after them only for a noun the sentence has named before."""

SUPPORT_VERBS = frozenset(
    {"avoir", "être", "faire", "prendre", "donner", "mettre", "rendre", "tenir", "porter", "perdre"}
    | {"trouver", "garder", "laisser", "demander", "chercher", "devenir", "rester", "sembler", "paraître"}
    | {"demeurer", "passer", "tirer", "ouvrir", "prêter", "livrer", "courir", "faillir", "valoir", "coûter"}
    | {"peser", "mesurer", "durer", "signifier", "vouloir", "entrer", "reprendre", "obtenir", "rendre"}
)
"""Verbs of the locutions that take a bare noun (avoir accès, faire partie, prendre contact, mettre
fin, tenir compte, porter plainte, tirer profit, ouvrir droit…) and verbs of measure or meaning
(coûter cher, signifier): a noun after them is no proof of a missing article."""

NAMING_VERBS = frozenset({"appeler", "nommer", "dénommer", "désigner", "qualifier", "baptiser", "surnommer", "élire"})
"""Verbs whose object's attribute is a bare noun: "on appelle incident toute interruption"."""

TIME_NOUNS = frozenset(
    {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre"}
    | {"novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
    | {"midi", "minuit"}
)
"""Nouns of dates and hours, which stand bare after any preposition: "depuis janvier", "vers midi"."""

QUANTITY_NOUNS = frozenset({"nombre", "quantité", "foule", "multitude"})
"""Nouns that act as a determiner before "de": "dans nombre de cas"."""

_REFLEXIVE = frozenset({"se", "s’", "s'", "me", "m’", "m'", "te", "t’", "t'"})
_VOWEL = re.compile(r"^[aeiouyàâäéèêëîïôöùûüœæ]", re.IGNORECASE)
_FINITE = re.compile(r":(?:I[psqf]|K|S[pq])(?::|/|;|$)")
_CONJUGATED = re.compile(r":(?:I[psqf]|K|S[pq]|E)(?::|/|;|$)")
_TRANSITIVE = re.compile(r":V\d_.t")
_PARTICIPLE = re.compile(r"^:V.*:[PQ](?::|$)")
_DEFINITE = frozenset({"le", "la", "les", "l’", "l'"})
_INDEFINITE = frozenset({"un", "une", "des"})


def missing_article(card: CardText, speller: Speller) -> list[Issue]:
    """Bare common nouns where French needs a determiner (see the module), as findings."""
    if speller.engine is None:
        return []
    from .grammar import sentences

    issues = []
    for paragraph in card.paragraphs():
        if paragraph.part == FRONT:
            continue  # a front is a title, and titles drop articles: "Numérisation vers dossier"
        blanked = card.blanked_terms[paragraph.part]
        for offset, tokens in sentences(paragraph.text):
            for found in _bare_nouns(tokens):
                rule, first, noun, articles = found
                start = paragraph.offset + offset + first["nStart"]
                end = paragraph.offset + offset + noun["nEnd"]
                word = noun["sValue"]
                text = card.text(paragraph.part)
                if word.casefold() in card.skip_words or blanked[start:end] != text[start:end] or _code_name(text, end):
                    continue
                if _named_in_code(text, word):
                    continue
                lead = "" if first is noun else text[start : start + len(first["sValue"])]
                fixes = tuple(dict.fromkeys(_with_article(lead, article, noun) for article in articles))
                message = f"« {word} » sans déterminant : « {fixes[0]} » ?"
                issues.append(Issue(paragraph.part, start, end, "grammar", rule, message, fixes))
    return issues


def _bare_nouns(tokens: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any], dict[str, Any], list[str]]]:
    """(rule, first token of the span, noun token, articles best first) for each bare noun."""
    found = []
    named: set[str] = set()
    clause = False
    for index, token in enumerate(tokens):
        before = tokens[index - 1] if index else None
        if before is not None and _is_determiner(before) and token["sType"] == "WORD":
            named.add(token["sValue"].casefold())
        if before is not None and _clause_word(before, tokens[max(0, index - 3) : index - 1]):
            clause = True
        if before is not None and _after_cest(tokens, index) and _relative_follows(tokens[index + 1 :]):
            indefinite = [a for a in _articles(token, tokens[index + 1 :], definite=False) if a in _INDEFINITE]
            found.append(("article-cest", token, token, indefinite))  # a definition: "un", "une"
            continue
        if before is not None and _opens_subject(tokens, index - 1) and _subject_of_verb(token, tokens[index + 1 :]):
            found.append(("article-subject", before, token, _articles(token, tokens[index + 1 :], definite=True)))
            continue
        if before is None or not _bare_noun(token):
            continue
        word = token["sValue"].casefold()
        following = tokens[index + 1 :]
        quantity = word in QUANTITY_NOUNS and bool(following) and following[0]["sValue"] in ("de", "d’", "d'")
        if word in TIME_NOUNS or quantity:
            continue
        earlier = tokens[index - 2]["sValue"].casefold() if index >= 2 else ""
        preposition = before["sValue"].casefold()
        if _is_preposition(before) and earlier not in ("par", "ci", "là"):
            if not clause and not (preposition == "dans" and _opens_a_clause(index, tokens)):
                continue  # no verb yet: a noun phrase ("Copie vers serveur distant"), which may drop articles
            if preposition in STRICT_PREPOSITIONS:
                rule = "article-dans" if preposition == "dans" else "article-preposition"
                found.append((rule, before, token, _articles(token, following, definite=True)))
            elif preposition in ANAPHORA_PREPOSITIONS and word in named - {earlier} and _qualified(token, following):
                found.append(("article-repeated", before, token, _articles(token, following, definite=True)))
        elif _object_verb(before) and index >= 2 and earlier not in _REFLEXIVE and _object_noun(token, following):
            acting = bool(_lemmas(before) & ACTING_VERBS) and _object_reading(before, token, following)
            rule, definite = ("article-acting-verb", True) if acting else ("article-verb", False)
            found.append((rule, token, token, _articles(token, following, definite=definite)))
        elif _object_verb(before) and index >= 2 and earlier not in _REFLEXIVE and _lemmas(before) & ACTING_VERBS:
            if following and following[0]["sValue"] in ("de", "d’", "d'") and _infinitive_object(token, following):
                # "On indique date de retour": a noun that is a verb form too, read as a noun by its complement
                found.append(("article-acting-verb", token, token, _articles(token, following, definite=True)))
        elif index >= 2 and _acting_infinitive(before, tokens[index - 2]) and _infinitive_object(token, following):
            if not _object_reading(before, token, following):
                continue
            found.append(("article-acting-verb", token, token, _articles(token, following, definite=True)))
    return found


SUBORDINATORS = frozenset({"si", "quand", "lorsque", "puisque", "quoique", "car", "où"})
"""Words opening a clause whose subject follows them at once: "si le voyant s’allume", "car le
serveur redémarre", "le dossier où le fichier est rangé"."""

QUE_HEADS = frozenset({"pour", "afin", "parce", "bien", "dès", "avant", "après", "tandis", "alors", "pendant", "tant"})
"""The words that make "que" a conjunction ("pour que", "parce que"); after a verb it is one too
("vérifier que"); after anything else (a comparison, "tel que", a relative) it is left alone."""

SUBJECTLESS_NOUNS = frozenset({"besoin"})
"""Nouns of the set phrases that put a bare noun before a verb after a subordinator: "si besoin est"."""

QUANTIFYING_ADJECTIVES = frozenset({"seul", "seule", "seuls", "seules", "nul", "nulle", "tel", "telle"})
"""Adjectives that stand before a noun group as a determiner does: "que seul root peut", "si nul
besoin": the word after a subordinator, not a bare subject."""

CLITICS = frozenset({"ne", "n’", "n'", "se", "s’", "s'", "le", "la", "les", "l’", "l'", "lui", "leur", "y", "en"})
CLITICS = CLITICS | frozenset({"me", "m’", "m'", "te", "t’", "t'", "nous", "vous"})
"""Pronouns and "ne" that may stand between a subject and its verb: "si le voyant ne s’allume pas"."""

SUBJECT_REACH = 6
"""How many words a bare subject's complements and pronouns may take before its verb: "si
budget PoE du switch est dépassé"."""

ACTING_VERBS = frozenset(
    {"vérifier", "contrôler", "remplacer", "redémarrer", "désactiver", "activer", "réactiver", "supprimer"}
    | {"effacer", "modifier", "configurer", "reconfigurer", "débrancher", "rebrancher", "sauvegarder", "restaurer"}
    | {"initialiser", "réinitialiser", "formater", "déclarer", "saisir", "renseigner", "indiquer", "cocher"}
    | {"décocher", "sélectionner", "utiliser", "consulter", "fermer", "vider", "nettoyer", "tester", "éteindre"}
    | {"rallumer", "désinstaller", "réinstaller", "verrouiller", "déverrouiller", "retirer", "déplacer", "noter"}
    | {"relancer", "recharger", "récupérer", "renouveler", "réparer", "démarrer", "arrêter", "identifier"}
    | {"clôturer", "valider", "surveiller", "examiner", "inspecter", "analyser", "chiffrer", "déchiffrer"}
    | {"débloquer", "bloquer", "autoriser", "purger", "éditer", "changer", "resserrer", "dépoussiérer"}
)
"""Verbs that act on a thing already there (remplacer le disque, redémarrer le service, saisir le
numéro de série, vérifier l’état): their bare object lacks the definite article. Verbs that make or
add a thing (créer, ajouter, prévoir, générer, ouvrir un ticket) take the indefinite one, and
"lancer", "installer", "signer" either: they are not listed."""

INFINITIVE_HEADS = frozenset({"de", "d’", "d'", "pour", "sans", "à"})
"""Words that an infinitive with an object follows in a sentence ("il faut", "doit" are verbs):
an infinitive opening a sentence or a list item is the telegraphic style of notes ("Vérifier
câble"), which drops articles on purpose."""


def _opens_a_clause(index: int, tokens: list[dict[str, Any]]) -> bool:
    """Whether the words before tokens[index] open a sentence (nothing but "dans") whose clause
    comes after a comma: "Dans console WSUS, on approuve…" puts a place first, as a
    sentence, not a list item's noun phrase."""
    if index != 1:
        return False
    rest = tokens[index + 1 :]
    comma = next((i for i, token in enumerate(rest) if token["sValue"] == ","), None)
    if comma is None:
        return False
    after = rest[comma + 1 :]
    return any(_clause_word(token, after[max(0, i - 2) : i]) for i, token in enumerate(after))


def _opens_subject(tokens: list[dict[str, Any]], index: int) -> bool:
    """Whether tokens[index] is a subordinating conjunction whose subject comes next: si, quand,
    lorsque, puisque, and "que" after a verb or a conjunction's head (`QUE_HEADS`)."""
    word = str(tokens[index]["sValue"]).casefold()
    if word in SUBORDINATORS:
        return True
    if word != "que" or index == 0:
        return False
    head = tokens[index - 1]
    verb = head["sType"] == "WORD" and any(tag.startswith(":V") for tag in _tags(head))
    return str(head["sValue"]).casefold() in QUE_HEADS or (verb and not _is_determiner(head))


def _subject_of_verb(token: dict[str, Any], following: list[dict[str, Any]]) -> bool:
    """Whether `token` is a bare lowercase common noun (no verb form but a participle: "voyant")
    that a conjugated verb follows, after only its complements and pronouns ("si voyant de charge
    s’allume", "que pare-feu autorise"): the subject of a clause, which French never leaves bare."""
    if token["sType"] != "WORD" or token.get("bMerged") or not token["sValue"][:1].islower():
        return False
    if str(token["sValue"]).casefold() in SUBJECTLESS_NOUNS | TIME_NOUNS | QUANTIFYING_ADJECTIVES:
        return False
    if len(token["sValue"]) < 2:
        return False  # a letter is a symbol: "où n est le nombre de bits"
    if following and _is_determiner(following[0]) and following[0]["sValue"] not in ("de", "d’", "d'"):
        return False  # "pour que seuls ses membres reçoivent": the noun group starts after it
    if _repeated_locution(token, following):
        return False
    tags = _tags(token)
    if not any(tag.startswith(":N") for tag in tags):
        return False
    if not all(tag.startswith((":N", ":A")) or _PARTICIPLE.search(tag) for tag in tags):
        return False
    for later in following[:SUBJECT_REACH]:
        word = str(later["sValue"]).casefold()
        later_tags = _tags(later)
        if later["sType"] == "WORD" and any(t.startswith(":V") and _CONJUGATED.search(t) for t in later_tags):
            return word not in CLITICS
        if word in CLITICS or word in ("de", "du", "des", "d’", "d'") or later["sType"] == "NUM":
            continue
        if later["sType"] != "WORD" or (later_tags and not all(t.startswith((":N", ":A", ":G:D")) for t in later_tags)):
            return False
    return False


def _acting_infinitive(token: dict[str, Any], head: dict[str, Any]) -> bool:
    """An infinitive of `ACTING_VERBS` after a verb ("il faut remplacer", "doit saisir") or a
    preposition of `INFINITIVE_HEADS` ("avant de redémarrer", "pour vérifier")."""
    if token["sType"] != "WORD" or head["sType"] not in ("WORD", "WORDELD"):
        return False
    tags = _tags(token)
    if not tags or not all(tag.startswith(":V") and ":Y" in tag for tag in tags):
        return False
    if not _lemmas(token) & ACTING_VERBS:
        return False
    head_verb = any(tag.startswith(":V") and _CONJUGATED.search(tag) for tag in _tags(head))
    return head_verb or str(head["sValue"]).casefold() in INFINITIVE_HEADS


def _infinitive_object(token: dict[str, Any], following: list[dict[str, Any]]) -> bool:
    """A bare noun (a conjugated verb too: no verb can follow an infinitive) as an infinitive's
    object: not the head of a locution with "à", not a reference, not the first of an enumeration
    of bare nouns."""
    if not _bare_noun(token):
        return False
    after = following[0]["sValue"].casefold() if following else ""
    if after in ("à", "(", "_"):
        return False
    return not (after in (",", "et", "ou") and len(following) > 1 and _bare_noun(following[1]))


def _object_reading(verb: dict[str, Any], noun: dict[str, Any], following: list[dict[str, Any]]) -> bool:
    """Whether the bare word after an acting verb is its object: not a word a locution repeats
    ("sauvegarder fichier par fichier"), and, for a word that is an adjective too, a verb that is
    never intransitive: "le poste redémarre seul" describes the subject."""
    if _repeated_locution(noun, following):
        return False
    if not any(":A" in tag for tag in _tags(noun)):
        return True
    return not any(re.match(r":V\d_i", tag) for tag in _tags(verb))


def _repeated_locution(noun: dict[str, Any], following: list[dict[str, Any]]) -> bool:
    """ "fichier par fichier", "jour après jour", "tour à tour": a noun repeated after a
    preposition is an adverbial locution, bare by nature."""
    word = str(noun["sValue"]).casefold()
    return len(following) >= 2 and str(following[1]["sValue"]).casefold() == word


def _after_cest(tokens: list[dict[str, Any]], index: int) -> bool:
    """Whether tokens[index] is a lowercase noun (an adjective too: "multiprise") right after
    "c’est"."""
    token = tokens[index]
    if index < 2 or token["sType"] != "WORD" or token.get("bMerged") or not token["sValue"][:1].islower():
        return False
    if tokens[index - 1]["sValue"] != "est" or tokens[index - 2]["sValue"].casefold() not in ("c’", "c'"):
        return False
    tags = _tags(token)
    return any(tag.startswith(":N") for tag in tags) and all(tag.startswith((":N", ":A")) for tag in tags)


RELATIVE_REACH = 5
"""How many words a bare noun's complements may take before its relative pronoun: "C’est
multiprise de baie 19 pouces qui distribue"."""


def _relative_follows(following: list[dict[str, Any]]) -> bool:
    """Whether "qui" or "dont" follows the noun within `RELATIVE_REACH` words, with only nouns,
    adjectives, numbers and "de" between: "C’est outil qui lit", "C’est fichier texte qui décrit".
    A bare noun after "c’est" then names a thing, which takes an article; "c’est dommage que",
    "c’est grâce à" are locutions and have no relative."""
    for token in following[:RELATIVE_REACH]:
        word = str(token["sValue"]).casefold()
        if word in ("qui", "dont"):
            return True
        tags = _tags(token)
        if token["sType"] == "NUM" or word in ("de", "d’", "d'"):
            continue
        if token["sType"] != "WORD" or not any(tag.startswith((":N", ":A")) for tag in tags):
            return False
    return False


def _code_name(text: str, end: int) -> bool:
    """Whether the noun ending at `end` is part of a name in code: "fichier_journal", "config(5)",
    "fichier.txt"."""
    return bool(re.match(r"[_(/\\@]|\.\w", text[end : end + 2]))


def _named_in_code(text: str, word: str) -> bool:
    """Whether the card writes the noun as a name in code elsewhere ("nom=valeur", "$nom",
    "`nom`"): "sinon Bash croit que nom est une commande" speaks of that name, which takes no
    article."""
    escaped = re.escape(word)
    return bool(re.search(rf"(?<![\w$])(?:{escaped}=|\${escaped}\b|`{escaped}`)", text))


def _clause_word(token: dict[str, Any], before: list[dict[str, Any]]) -> bool:
    """A subject pronoun, a word that can only be a conjugated verb, or one that can be after a
    determiner and a noun ("Le technicien reste…"): the sentence is a clause, not a noun phrase."""
    tags = _tags(token)
    if any(":Os" in tag for tag in tags):
        return True
    verb = [tag.startswith(":V") and _CONJUGATED.search(tag) is not None for tag in tags]
    if verb and all(verb):
        return True
    subject = len(before) == 2 and _is_determiner(before[0]) and any(t.startswith(":N") for t in _tags(before[1]))
    return any(verb) and subject


def _qualified(token: dict[str, Any], following: list[dict[str, Any]]) -> bool:
    """A singular noun with an adjective or a complement after it, as a thing named again has ("à
    couche supérieure", "sur serveur de secours"); a locution's noun stands alone ("à jour")."""
    if any(":p" in tag for tag in _tags(token) if tag.startswith(":N")):
        return False
    return bool(following) and (following[0]["sValue"].casefold() in ("de", "d’", "d'") or _adjective(following[0]))


def _adjective(token: dict[str, Any]) -> bool:
    tags = _tags(token)
    return any(":A" in tag for tag in tags) and not any(tag.startswith((":G:D", ":G:O", ":W")) for tag in tags)


def _tags(token: dict[str, Any]) -> list[str]:
    return [morph.split("/")[1] if "/" in morph else morph for morph in token.get("lMorph", ())]


def _lemmas(token: dict[str, Any]) -> set[str]:
    return {morph.split("/")[0].lstrip(">") for morph in token.get("lMorph", ()) if "/" in morph}


def _is_determiner(token: dict[str, Any]) -> bool:
    return token["sType"] == "WORD" and any(tag.startswith(":G:D") or ":D:" in tag for tag in _tags(token))


def _is_preposition(token: dict[str, Any]) -> bool:
    return token["sType"] == "WORD" and any(tag.startswith(":G:R") for tag in _tags(token))


def _bare_noun(token: dict[str, Any]) -> bool:
    """A lowercase word that the lexicon, after disambiguation, reads as a noun (or a verb form),
    never as a determiner, pronoun, adverb, adjective alone, participle, infinitive or part of a
    locution."""
    if token["sType"] != "WORD" or token.get("bMerged") or not token["sValue"][:1].islower():
        return False
    tags = _tags(token)
    if not any(tag.startswith(":N") for tag in tags):
        return False
    return all(tag.startswith(":N") or (tag.startswith(":V") and _CONJUGATED.search(tag) is not None) for tag in tags)


def _object_verb(token: dict[str, Any]) -> bool:
    """A conjugated verb taking a direct object, not a support or naming verb."""
    if token["sType"] != "WORD":
        return False
    tags = _tags(token)
    if not tags or not all(tag.startswith(":V") for tag in tags):
        return False
    if not any(_TRANSITIVE.match(tag) and _FINITE.search(tag) for tag in tags):
        return False
    return not _lemmas(token) & (SUPPORT_VERBS | NAMING_VERBS)


def _object_noun(token: dict[str, Any], following: list[dict[str, Any]]) -> bool:
    """A noun (a verb form too only when an adjective follows: "ajoute note interne", never
    "qui suit illustre un exemple"), not the head of a locution with "à" ("suite à", "tour à
    tour"), not a reference ("ln(1)"), not the first of an enumeration of bare nouns."""
    if not all(tag.startswith(":N") for tag in _tags(token)) and not (following and _adjective(following[0])):
        return False
    after = following[0]["sValue"].casefold() if following else ""
    if after in ("à", "(", "_"):
        return False
    return not (after in (",", "et", "ou") and len(following) > 1 and _bare_noun(following[1]))


def _articles(noun: dict[str, Any], following: list[dict[str, Any]], *, definite: bool) -> list[str]:
    """The determiners that may stand before `noun`, the likeliest first: the kind of a noun
    coordinated after it ("incendie ou un vol"), else definite or indefinite as asked."""
    tags = [tag for tag in _tags(noun) if tag.startswith(":N")]
    plural = all(":p" in tag for tag in tags)
    masculine = any(":m" in tag or ":e" in tag for tag in tags)
    feminine = any(":f" in tag or ":e" in tag for tag in tags)
    if plural:
        kinds = {"definite": ["les"], "indefinite": ["des"]}
    else:
        kinds = {
            "definite": [article for article, fits in (("le", masculine), ("la", feminine)) if fits],
            "indefinite": [article for article, fits in (("un", masculine), ("une", feminine)) if fits],
        }
    order = ["definite", "indefinite"] if definite else ["indefinite", "definite"]
    coordinated = _coordinated_determiner(following)
    if coordinated in _DEFINITE:
        order = ["definite", "indefinite"]
    elif coordinated in _INDEFINITE:
        order = ["indefinite", "definite"]
    return [article for kind in order for article in kinds[kind]]


def _coordinated_determiner(following: list[dict[str, Any]]) -> str | None:
    """The determiner of the noun coordinated right after a bare one: "incendie ou un vol" -> un."""
    if len(following) >= 2 and following[0]["sValue"].casefold() in ("et", "ou"):
        return str(following[1]["sValue"]).casefold()
    return None


def _with_article(lead: str, article: str, noun: dict[str, Any]) -> str:
    """ "dans" + "le" + "ticket" -> "dans le ticket"; "à le poste" -> "au poste"; "l’incendie"."""
    word = str(noun["sValue"])
    elided = article in ("le", "la") and _elides(word, _tags(noun))
    phrase = f"l’{word}" if elided else f"{article} {word}"
    if lead.casefold() == "à" and not elided and article in ("le", "les"):
        contracted = "au" if article == "le" else "aux"
        return f"{contracted.capitalize() if lead[0].isupper() else contracted} {word}"
    return f"{lead} {phrase}" if lead else phrase


def _elides(word: str, tags: list[str]) -> bool:
    """Whether le/la become l’ before `word`: a vowel, or an h the lexicon marks as mute (;É)."""
    if any(";é" in tag for tag in tags):
        return False
    return bool(_VOWEL.match(word)) or any(";É" in tag for tag in tags)
