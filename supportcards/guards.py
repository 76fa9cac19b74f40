"""Guards of `review --yes`: readings in which a certain kind of finding would damage correct
text ("à distance", an acronym's gender, a version number taken for a count). Each guard names
one reading; any of them leaves the finding to a person, and `bench/grammar_policy.py` reports
what each refuses over every keyed chapter and clean text.
"""

from __future__ import annotations

import re

from .lexicon import ends_like_plural, has_reading, lemmas_of, number_stem, speller_lexicon, without_elision
from .model import Finding
from .normalize import LATIN_A, NO_ELISION

_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])")
"""A Markdown list item's marker, which opens no sentence."""


def takes_the_only_verb(finding: Finding) -> bool:
    """Whether the fix turns a conjugated verb into a word that is none ("a" -> "à") in a clause
    with no other word that can only be a conjugated verb."""
    from .proofread.agreement import verb_tenses
    from .proofread.grammar import only_a_verb

    if not verb_tenses(finding.text) or verb_tenses(finding.suggestions[0]):
        return False
    start = finding.context_column - 1
    before = re.split(r"[,;:.!?]", finding.context[:start])[-1]
    after = re.split(r"[,;:.!?]", finding.context[start + len(finding.text) :])[0]
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", before + " " + after)
    if any(only_a_verb(part) for word in words for part in _lexicon_words(word)):
        return False
    own = re.split(r"\b(?:qui|que|qu|dont|où|et|ou|mais|si|quand|lorsque|lorsqu|car)\b", after, flags=re.IGNORECASE)[0]
    return not _ETRE_AFTER.search(own) and not _VERB_BEFORE.search(before)


_ETRE_AFTER = re.compile(r"(?<![’'\w])(?:est|était|sera)\b(?!-)", re.IGNORECASE)
""""est" as the verb of the clause, not the noun of "à l’est": the clause keeps a verb
("La procédure a suivre est affichée": 'à suivre' leaves "est"), though the lexicon reads a noun
in "est" too."""

_VERB_BEFORE = re.compile(r"\b(?:voici|voilà|il\s+y\s+a|il\s+reste|il\s+faut|c['’]est|ce\s+sont)\b", re.IGNORECASE)
"""A clause's verb before the noun and "a": "Voici les tâches a effectuer" is 'à effectuer'."""


def lacks_a_verb(finding: Finding) -> bool:
    """Whether the finding's clause, cut at punctuation and at the words that open or join clauses
    (que, qui, et, ou, mais…), holds no other word that can only be a conjugated verb, nor "est":
    a fix that turns the word into a verb ("que le certificat à expiré": 'a') gives the clause the
    verb it lacks."""
    from .proofread.grammar import only_a_verb

    start = finding.context_column - 1
    if start < 0:
        return False
    joints = r"[,;:.!?()]|\b(?:que|qui|dont|où|et|ou|mais|si|quand|lorsque|car)\b|\b(?:qu|lorsqu)['’]"
    before = re.split(joints, finding.context[:start], flags=re.IGNORECASE)[-1]
    after = re.split(joints, finding.context[start + len(finding.text) :], flags=re.IGNORECASE)[0]
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", before + " " + after)
    if not words or _ETRE_AFTER.search(before + " " + after) or _VERB_BEFORE.search(before):
        return False
    if re.search(r"\b(?:je|j['’]|tu|il|elle|on|nous|vous|ils|elles)\s+(?:ne\s+|n['’])?[^\W\d_]", before + after, re.I):
        return False  # a subject pronoun and its verb
    return not any(only_a_verb(part) for word in words for part in _lexicon_words(word))


def _lexicon_words(word: str) -> list[str]:
    """A hyphenated word as the lexicon knows it: whole ("rendez-vous", a noun), else its parts
    ("peut-il")."""
    return [word] if "-" not in word or has_reading(word, ":") else word.split("-")


def _homophone_read_otherwise(finding: Finding) -> bool:
    """A fix of Grammalecte's on a word that one of supportcards' certain homophone checks, reading
    the clause around it, fixes otherwise at the same place ("Le routeur ce base sur…": 'cette' for
    an agreement of the determiner "ce", 'se' for the pronoun between a subject and its verb): the
    check saw the clause's subject, and the determiner's reading leaves the clause without a verb.
    Only the check's fix is recorded; the two never both apply."""
    if "__" not in finding.rule or not finding.suggestions or finding.context_column < 1:
        return False
    from .policy import CERTAIN
    from .proofread.grammar import engine
    from .proofread.homophones import line_readings

    checker = engine()
    if checker is None:
        return False
    start = finding.context_column - 1
    return any(
        (issue.start, issue.end) == (start, start + len(finding.text))
        and issue.rule in CERTAIN
        and issue.suggestions[:1] != finding.suggestions[:1]
        for issue in line_readings(checker.getSpellChecker(), finding.context)
    )


def _task_for_a_stain(finding: Finding) -> bool:
    """ "Tâche de sauvegarde" -> 'Tache': Grammalecte reads "tâche de" + a noun as a stain of
    something, but support notes speak of tasks ("tâche de sauvegarde", "tâche planifiée"); a stain
    is rare there, and a person decides."""
    return finding.text.casefold() in ("tâche", "tâches") and finding.suggestions[:1] in (
        ("tache",),
        ("taches",),
        ("Tache",),
        ("Taches",),
    )


def refusing_guard(finding: Finding) -> str | None:
    """The name of the first of `GUARDS` that leaves a grammar finding to a person, None if none does
    (bench/review_policy.py reports what each guard refuses)."""
    for guard in GUARDS:
        if guard(finding):
            return guard.__name__.lstrip("_")
    return None


_COMPARED = re.compile(
    r"\b(?:mêmes?|plus|moins|aussi|autant|autres?)\b(?:\s+\S+){0,3}?\s+que\s+(?:\S+\s+){1,4}?(?:ne\s+|n['’])?"
    r"(?:[lmst]['’]|(?:se|le|la|les|lui|leur|y|en)\s+)?$",
    re.IGNORECASE,
)
"""A comparison's "que" and its noun group right before the verb (and its "ne" or object pronoun):
"la même salle que les serveurs ne protège pas", "les mêmes règles que le pare-feu s'appliquent" —
the noun group is compared, the verb's subject came before."""


_CONJUNCTION_QUE = re.compile(
    r"\b(?:pour|afin|sans|avant|parce|alors|tandis|pendant|après|dès|bien|sorte|façon|manière)\s+que\b", re.IGNORECASE
)
"""A "que" that a conjunction opens ("au moins deux pour que les utilisateurs puissent"): no
comparison's "que", whatever comparative stands before it."""


_ADDING_QUE = re.compile(r"\b(?:ainsi|de\s+même|aussi\s+bien|autant)\s+que\b", re.IGNORECASE)
"""A subject that "ainsi que" (de même que…) extends: without commas it may take the plural, with
them the singular; a verb after it is the writer's choice."""


def _other_reading(finding: Finding) -> bool:
    """Where the words Grammalecte would join into a locution also read as a sentence's own words:
    "quant à X" opens a clause and puts a topic first, which a comma closes ("quand à midi personne
    ne l’utilise" and "tout est en ordre quand à la fin de la journée, il ferme" are "when"), or
    stands anywhere before a stressed pronoun ("RDP utilise quant à lui le port 3389");
    after a relative clause ("ce qu’il fait peut être long") or a host name, an address or a path
    ("www.exemple.ch peut être un alias") "peut" is the main verb; a verb after
    a comparison's "que" + noun group (`_COMPARED`) may agree with the subject before it, and one
    after "ainsi que" + noun group (`_ADDING_QUE`) with both."""
    start = finding.context_column - 1
    if start < 0 or finding.context[start : start + len(finding.text)] != finding.text:
        return False
    before, after = finding.context[:start], finding.context[start + len(finding.text) :]
    sentence = re.split(r"[.!?;:]\s", before)[-1]
    if finding.rule.startswith("g2__conf_quant_quand"):
        if re.match(r"\s*à\s+(?:lui|elle|eux|elles|moi|toi|nous|vous)\b", after, re.IGNORECASE):
            return False  # "quant à lui": "quand" is never "when" before a stressed pronoun
        opens_a_clause = re.search(r"(?:^|[,;:(]|\b(?:et|mais|ou))\s*$", sentence, re.IGNORECASE)
        topic = re.match(r"\s*(?:à|au|aux)\s+(?P<group>[^,.;:!?]+?)\s*[,:]", after)
        if not opens_a_clause or topic is None:
            return True
        from .normalize import quant_topic

        return not quant_topic(topic.group("group"))
    if finding.rule.startswith(("gv2__conj", "subject-verb")):
        if _ADDING_QUE.search(sentence):
            return True  # "Le switch ainsi que le routeur redémarrent": the plural may be meant
        compared = _COMPARED.search(sentence)
        return compared is not None and not _CONJUNCTION_QUE.search(compared.group())
    if finding.rule.startswith("g3__conf_peut_être"):
        if re.search(r"[\w-]+[./@][\w./@-]*\w\s*$", sentence):
            return True  # "www.exemple.ch peut être un CNAME": a name the checker does not read is the subject
        return bool(re.search(r"\b(?:qui|que|qu['’])", sentence.split(",")[-1], re.IGNORECASE))
    return False


def _a_name(finding: Finding) -> bool:
    """Whether the flagged word is capitalised inside a sentence: the name of a console, a product
    or a team ("la console Utilisateurs et ordinateurs"), which grammar agreement does not rule;
    or is a determiner before such a name ("le Fibre Channel": the name's gender is the writer's)."""
    if not finding.context_column:
        return False
    if finding.rule.startswith("g3__gn") and _before_a_name(finding):
        return True
    if not finding.text[:1].isupper():
        return False
    before = finding.context[: finding.context_column - 1].rstrip()
    return bool(before) and not re.search(r"(?:^(?:[-*+]|\d{1,9}[.)])|[.!?:…«\"(])$", before)


def _before_a_name(finding: Finding) -> bool:
    """Whether the word after the finding's is capitalised, inside a sentence."""
    start = finding.context_column - 1
    if finding.context[start : start + len(finding.text)] != finding.text:
        return False
    after = re.match(r"\s+([^\W\d_])", finding.context[start + len(finding.text) :])
    return after is not None and after.group(1).isupper() and finding.text[:1].islower()


_GENDER_PAIRS = frozenset(
    frozenset(pair)
    for pair in (
        ("le", "la"), ("un", "une"), ("ce", "cette"), ("cet", "cette"), ("du", "de la"), ("au", "à la"),
        ("mon", "ma"), ("ton", "ta"), ("son", "sa"), ("quel", "quelle"), ("aucun", "aucune"), ("tout", "toute"),
    )
)  # fmt: skip
"""A determiner and the same determiner of the other gender."""


def _gender_of_a_term(finding: Finding) -> bool:
    """A determiner's gender changed before a name or a borrowed term: a capitalised noun (a
    protocol, a product: "le Fibre Channel" is no "fibre"), an English word French dictionaries do
    not list ("le hub", "la switch") or a word Grammalecte does not know. Such a term's gender is
    usage, which a person knows and no lexicon does."""
    if not finding.suggestions:
        return False
    pair = frozenset((finding.text.strip().casefold(), finding.suggestions[0].strip().casefold()))
    start = finding.context_column - 1
    if pair not in _GENDER_PAIRS or start < 0 or finding.context[start : start + len(finding.text)] != finding.text:
        return False
    following = re.match(r"[\s’'(«\"]*([^\W\d_][\w-]*)", finding.context[start + len(finding.text) :])
    if following is None:
        return False
    noun = following.group(1)
    before = re.search(r"([^\W\d_][\w-]*)\W*$", finding.context[:start])
    after_a_verb = before is not None and _a_finite_verb(before.group(1))
    pronoun = finding.text.strip().casefold() in {"le", "la"} and not after_a_verb and _a_finite_verb(noun)
    compound = _COMPOUND.match(finding.context[start + len(finding.text) + following.end() :]) is not None
    return noun[:1].isupper() or _borrowed(noun) or pronoun or compound or _epicene_noun(noun)


def _epicene_noun(word: str) -> bool:
    """A noun of either gender ("le responsable", "la responsable", "un collègue"): only its
    determiner tells which, so a gender Grammalecte reads from a later word ("le responsable
    sécurité" -> "la", from "sécurité") is a guess at a person it does not know."""
    from .proofread.grammar import engine

    checker = engine()
    return checker is not None and any(
        re.match(r">[^/]*/:N(?::A)?:e", morph) for morph in checker.getSpellChecker().getMorph(word.casefold())
    )


_COMPOUND = re.compile(r"\s*(?:d['’]|(?:de|à)\s+)(?!(?:la|le|les|un|une|des|ce|cet|cette|ces)\b|l['’])[^\W\d_]")
"""A noun's complement without determiner, which makes a compound term: "jet d’encre", "disque
de secours". Such a term names a kind of thing, and with a determiner of the other gender it
stands for the thing left unsaid ("moins belles qu’avec une jet d’encre": an imprimante)."""


def _a_read_otherwise(finding: Finding) -> bool:
    """A participle's agreement Grammalecte asks for where its reading of "a" as "avoir", or of the
    word after it as a participle, is one of two: after a capital "A" inside a sentence (a name:
    "La norme A est", the auxiliary never has one), or on a word that is also a noun ("la touche a
    passe en mode insertion": the key "a" passes; "Le responsable a pouvoir de signature": "avoir"
    and a noun without article, as in "avoir accès")."""
    if not finding.rule.startswith("gv1__ppas") or finding.context_column < 1:
        return False
    start = finding.context_column - 1
    before = re.search(r"(?:^|([^\W\d_]+)\s+)(a|A)\s+$", finding.context[:start])
    if before is None:
        return False
    if before.group(2) == "A":
        return before.group(1) is not None
    return has_reading(finding.text, ":N")


def _noun_attribute(finding: Finding) -> bool:
    """An agreement after "être" on a word that is a noun only, no adjective nor participle ("Les
    pannes sont signe d’usure", "sont gage de sécurité"): a noun attribute without article keeps
    its number."""
    if not finding.rule.startswith("gv1__ppas_être") or not has_reading(finding.text, ":N"):
        return False
    return not has_reading(finding.text, ":A") and not has_reading(finding.text, ":Q")


QUANTITY_ADVERBS = frozenset(
    {"beaucoup", "trop", "peu", "assez", "plus", "moins", "tant", "autant", "combien", "énormément", "davantage"}
)
"""Adverbs of quantity whose "de" introduces the noun they count: "beaucoup de requêtes"."""


def _agrees_with_the_head(finding: Finding) -> bool:
    """A noun-group agreement of an adjective or a participle with the noun after a noun's "de"
    (or a measure's "sur 128", "en 4") where the word agrees with a noun among the four words
    before it ("- Câble de la borne Wi-Fi arraché", "La mise à jour des postes prévue lundi",
    "des adresses sur 128 bits écrites en hexadécimal"): the head's agreement, which a person
    tells from the other. "de" is a word of its own ("une durée limité" holds none), and a
    word right after its determiner ("la principal faiblesse") qualifies the noun after it; after a
    conjugated verb ("des onduleurs de gamme produisent une onde approximatif") it qualifies the
    verb's object, no complement's head. Our `plural-adjective` reads the same way ("Durée de vie
    des clés différente")."""
    if not finding.rule.startswith(("g3__gn", "plural-adjective")) or finding.context_column < 1:
        return False
    before = re.split(r"[,;:.!?()]", finding.context[: finding.context_column - 1])[-1]
    measure = re.search(r"^(.*?)\s+(?:sur|en|à|par|pour)\s+\d+\s+(?:[^\s,;:.!?()]+\s+){1,2}$", before)
    head = measure or re.search(
        r"^(.*?)\s+(?:(?:de|du|des|sur|dans|pour|avec|par|sous|vers|contre|chez)\s+|d['’]\s*)(?:[^\s,;:.!?()]+\s+){0,4}$",
        before,
    )  # "authentification sur le proxy requise": the head's agreement, not the complement's
    if head is None or (not has_reading(finding.text, ":A") and not has_reading(finding.text, ":Q")):
        return False
    from .proofread.grammar import engine, only_a_verb

    checker = engine()
    if checker is None:
        return False
    morph = checker.getSpellChecker().getMorph
    between = re.findall(r"[^\W\d_]+", before[len(head.group(1)) :])
    if any(only_a_verb(word) for word in between):
        return False  # "Les onduleurs d’entrée de gamme produisent une onde approximatif": the verb's object
    heads = re.findall(r"[^\W\d_]+", head.group(1))[-4:]
    if heads and heads[-1].casefold() in QUANTITY_ADVERBS:
        return False  # "plus de disques rapide": the adverb counts the noun after "de", which heads the group
    if not heads or not any(":N" in m for m in morph(heads[-1].casefold())):
        return False  # "produire des statistiques", "avec des identifiants": an article, no noun's complement
    previous = re.findall(r"[^\W\d_]+(?=\s+$)", before)
    if previous and any(":G:D" in m for m in morph(previous[-1].casefold())):
        return False  # "reste la principal faiblesse": after its determiner, the word qualifies the noun after it
    nouns = [m for word in heads for m in morph(word.casefold()) if ":N" in m]
    words = [m for m in morph(finding.text.casefold()) if ":A" in m or ":Q" in m]
    return any(_same_features(noun, word) for noun in nouns for word in words)


def _same_features(first: str, second: str) -> bool:
    """Whether two readings (":N:f:s", ":Q:A:m:s") may share gender and number (e, i: either)."""
    return bool(_feature(first, "mf", "e") & _feature(second, "mf", "e")) and bool(
        _feature(first, "sp", "i") & _feature(second, "sp", "i")
    )


def _feature(morph: str, values: str, either: str) -> set[str]:
    """A reading's gender ("mf", "e" either) or number ("sp", "i" either): every value when unsaid."""
    found = set(re.findall(rf":([{values}{either}])(?=[:/;]|$)", morph))
    return {*values} if either in found or not found else found


_BARE_NOUN_PREPOSITIONS = r"(?:de|d['’]|sur|avec|à|au|aux|pour|envers|contre|auprès)\b"
"""The prepositions that follow "avoir" + a noun without article: "avoir besoin de", "avoir
autorité sur", "avoir rendez-vous avec", "avoir droit à"."""


def _avoir_and_a_bare_noun(finding: Finding) -> bool:
    """An "a" -> "à" fix before a noun without article and its preposition (`_BARE_NOUN_PREPOSITIONS`),
    where "a" is the clause's only verb and has a subject (`_a_subject_before`: "Le technicien a
    ordre de ne rien supprimer", "le chef a autorité sur", "il a rendez-vous avec"): "avoir" and a
    noun without article, as in "avoir besoin de", is a phrase of its own. Without a subject ("-
    Verrouillage et effacement a distance de l’appareil") "a" is no verb."""
    if not finding.rule.startswith(("g2__conf", "g3__conf")) or finding.text.casefold() != "a":
        return False
    start = finding.context_column - 1 + len(finding.text)
    following = re.match(rf"\s+([^\W\d_]+(?:-[^\W\d_]+)*)\s+{_BARE_NOUN_PREPOSITIONS}", finding.context[start:])
    if following is None or not has_reading(following.group(1), ":N") or not takes_the_only_verb(finding):
        return False
    return _a_subject_before(finding.context[: finding.context_column - 1])


def _a_subject_before(text: str) -> bool:
    """Whether the sentence that ends `text` holds a word that opens a verb's subject: a determiner
    or a pronoun ("Le responsable", "il", "qui"), a name capitalised inside it ("Microsoft"), or a
    word the lexicon does not know (a product, an acronym). A list item of bare nouns ("-
    Verrouillage et effacement") has none: it names things, no verb follows them."""
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return True
    morph = checker.getSpellChecker().getMorph
    sentence = re.split(r"[.;:!?]\s", text)[-1]
    sentence = re.sub(rf"^\s*{_LIST_MARKER.pattern}\s+", "", sentence)
    for number, word in enumerate(re.findall(r"[^\W\d_]+", sentence)):
        readings = morph(word.casefold())
        if not readings or (number and word[:1].isupper()) or any(re.search(r":G:[DO]", m) for m in readings):
            return True
    return False


def _in_a_dotted_name(finding: Finding) -> bool:
    """Whether the flagged word is glued to a dot and more letters: part of a file or host name
    ("chmod 640 notes.txt", "serveur.local"), which no agreement rules."""
    start = finding.context_column - 1
    if start < 0 or finding.context[start : start + len(finding.text)] != finding.text:
        return False
    after = finding.context[start + len(finding.text) :]
    return bool(re.match(r"\.\w", after) or re.search(r"\w\.$", finding.context[:start]))


def _noun_before_its_verb(finding: Finding) -> bool:
    """A conjugation Grammalecte (or our subject-verb check) asks of a noun right after the noun
    group that opens the clause, where the clause's own verb comes later ("Les messages relance
    partent", "Les serveurs pilotes, qu’on a installés, reçoivent"): the word is an apposition or
    a complement (`agreement.noun_before_its_verb`)."""
    if not finding.rule.startswith(("gv2__conj", "subject-verb")):
        return False
    from .proofread.agreement import noun_before_its_verb

    return noun_before_its_verb(finding.context, finding.context_column, finding.text)


def _adjective_of_the_next_noun(finding: Finding) -> bool:
    """An agreement asked of an adjective between two nouns that agrees, as written, with the noun
    after it ("des écrans haute définition", "des batteries longue durée"): an adjective and its
    noun make a locution that qualifies the first noun as a unit, and keep their own agreement."""
    if not finding.rule.startswith(("g3__gn", "noun-adjective")) or finding.context_column < 1:
        return False
    from .proofread.grammar import engine

    checker = engine()
    start = finding.context_column - 1
    before = re.findall(r"[^\W\d_][\w’'-]*(?=\s+$)", finding.context[:start])
    after = _WHOLE_WORD_AFTER.match(finding.context[start + len(finding.text) :])  # no elided "d’"
    if checker is None or not before or after is None:
        return False
    morph = checker.getSpellChecker().getMorph
    adjectives = [m for m in morph(finding.text.casefold()) if ":A" in m]
    nouns = [m for m in morph(after.group(1).casefold()) if ":N" in m]
    if not adjectives or not nouns or any(":A" in m and ":Q" not in m for m in morph(after.group(1).casefold())):
        return False  # "les disques dur externe": an adjective after, no noun
    previous = morph(before[-1].casefold())
    if (previous and not any(":N" in m or ":A" in m for m in previous)) or any(":G" in m for m in previous):
        return False  # not after a noun, a term no lexicon has ("des SSD") or an adjective used as one
    return any(_same_features(noun, adjective) for noun in nouns for adjective in adjectives)


def _argument_of_a_named_command(finding: Finding) -> bool:
    """A noun-group agreement asked of a word that may be the clause's verb, after a determiner
    that follows a name no French list has, itself after a noun that a name follows
    (`text.NAMING_NOUNS`): "La commande ps aux liste les processus" — "aux" is the command's
    argument, "liste" the verb of "La commande"."""
    if not finding.rule.startswith(("g3__gn", "g2__conf_déterminant")) or finding.context_column < 1:
        return False
    from .proofread.text import NAMING_NOUNS

    before = re.search(r"([^\W\d_]+)\s+(\S+)\s+\S+\s+$", finding.context[: finding.context_column - 1])
    if before is None or before.group(1).casefold() not in NAMING_NOUNS:
        return False
    name = before.group(2)
    return name.islower() and _borrowed(name) and _a_finite_verb(finding.text)


def _participle_after_fois(finding: Finding) -> bool:
    """An agreement of a past participle with "fois" right before it ("Une fois installé, le
    service démarre", "Plusieurs fois relancé, le fournisseur…"): "une fois" + participle is an
    absolute construction whose participle agrees with the clause's subject, never with "fois"."""
    if not finding.rule.startswith(("g3__gn", "noun-adjective", "gv1__ppas")) or finding.context_column < 1:
        return False
    if not re.search(r"\bfois\s+$", finding.context[: finding.context_column - 1], re.IGNORECASE):
        return False
    return has_reading(finding.text, ":Q")


def _word_swapped_for_another(finding: Finding) -> bool:
    """A fix that puts a verb of another lemma in place of a noun, or a participle in place of a
    conjugated "être" or "avoir" after "a" ("les applications on accès" -> "axait", "La salle a sont propre compte" ->
    "été"): the slip is the small word beside it ("ont", "son"), which Grammalecte does not offer."""
    if not finding.suggestions:
        return False
    written, fix = lemmas_of(finding.text), lemmas_of(finding.suggestions[0])
    if not written:
        return False
    lexicon = speller_lexicon()
    morphs = lexicon.getMorph(without_elision(finding.text).casefold()) if lexicon is not None else []
    fix_morphs = lexicon.getMorph(without_elision(finding.suggestions[0]).casefold()) if lexicon is not None else []
    noun_only = all(":N" in morph and ":V" not in morph for morph in morphs)
    verb_only = bool(fix_morphs) and all(":V" in morph and ":N" not in morph for morph in fix_morphs)
    if noun_only and verb_only and not written & fix:
        return True
    auxiliary = finding.text.casefold() in ("sont", "est", "ont") and finding.rule.startswith("gv1__ppas")
    before = finding.context[: finding.context_column - 1] if finding.context_column else ""
    return auxiliary and re.search(r"\ba\s+$", before) is not None


def _noun_of_its_own(finding: Finding) -> bool:
    """A noun-group agreement asked of a noun right after another noun, where the two share
    neither gender nor number ("la liste invités", "le dossier factures"): a slip of agreement
    misses one mark, so a noun that differs in both is the first noun's complement. Not a word that
    is an adjective of one gender, no participle, and no noun of a person or a device ("des images
    officiel": `grammar.agent_noun` keeps "des sessions utilisateur"): written in its masculine
    singular, it qualifies the noun before it. An adjective of either gender ("les commandes top
    et ps") may be a name."""
    if not finding.rule.startswith("g3__gn") or finding.context_column < 1:
        return False
    from .proofread.grammar import agent_noun, engine

    checker = engine()
    if checker is None:
        return False
    morph = checker.getSpellChecker().getMorph
    readings = morph(finding.text.casefold())
    if any(re.search(r":A:[mf]:", m) and ":V" not in m for m in readings) and not agent_noun(finding.text):
        return False
    before = re.findall(r"[^\W\d_][\w-]*(?=\s+$)", finding.context[: finding.context_column - 1])
    if not before:
        return False
    previous = [m for m in morph(before[-1].casefold()) if ":N" in m]
    if not previous or any(":G:D" in m for m in morph(before[-1].casefold())):
        return False
    nouns = [m for m in morph(finding.text.casefold()) if ":N" in m]
    return bool(nouns) and all(_apart(noun, head) for noun in nouns for head in previous)


def _apart(first: str, second: str) -> bool:
    """Whether two readings (":N:f:s", ":N:m:p") differ in both gender and number."""
    return not _feature(first, "mf", "e") & _feature(second, "mf", "e") and not (
        _feature(first, "sp", "i") & _feature(second, "sp", "i")
    )


_FINITE = re.compile(r":(?:I[psqf]|K|S[pq])(?=[:/]|$)")
"""A lexicon reading of a conjugated verb."""


def _gender_against_the_subject(finding: Finding) -> bool:
    """A participle's plural after "être" whose gender, the one the student wrote, is not that of
    the first plural noun of its clause, the subject ("Les adresses … sont conservé":
    'conservés', but "adresses" is feminine): Grammalecte mends the number and keeps the written
    gender; a person chooses. The clause is the last one before the participle that holds a plural
    noun, a comma or a conjunction ending the one before ("les performances baissent et les
    disques restants sont sollicité": "disques"), but for a complement that opens with a
    preposition ("Les appels, même en dehors des heures de bureau, sont renvoyé": "appels")."""
    if not finding.rule.startswith("gv1__ppas") or len(finding.suggestions) != 1 or finding.context_column < 1:
        return False  # several: the choice among them reads the subject's gender (`subject_choice`)
    fix = finding.suggestions[0]
    if not ends_like_plural(fix) or ends_like_plural(finding.text):
        return False
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return False
    morph = checker.getSpellChecker().getMorph
    sentence = re.split(r"[.;:!?]\s", finding.context[: finding.context_column - 1])[-1]
    segments = [re.findall(r"[^\W\d_]+", part) for part in re.split(r",|\b(?:et|mais|puis|car|donc)\b", sentence)]

    def plural_nouns(words: list[str]) -> list[list[str]]:
        found = [[m for m in morph(word.casefold()) if ":N" in m] for word in words]
        return [nouns for nouns in found if nouns and all(re.search(r":[mfe]:p", m) for m in nouns)]

    def has_verb(words: list[str]) -> bool:
        return any(
            any(_FINITE.search(m) for m in morph(word.casefold()))
            and not any(":N" in m or ":A" in m for m in morph(word.casefold()))
            for word in words
        )

    def complement(words: list[str]) -> bool:
        """A part that opens with a preposition, adverbs maybe before it ("Après plusieurs orages",
        "même en dehors des heures"): no subject, nor a member of a list of subjects."""
        for word in words:
            morphs = morph(word.casefold())
            if any(":G:R" in m for m in morphs) and not any(":G:D" in m for m in morphs):
                return True
            if not any(":W" in m for m in morphs):
                return False
        return False

    with_plurals = [k for k in range(len(segments)) if plural_nouns(segments[k])]
    if not with_plurals:
        return False
    last = next((k for k in reversed(with_plurals) if not complement(segments[k])), with_plurals[-1])
    while last > 0 and plural_nouns(segments[last - 1]) and not has_verb(segments[last - 1]):
        if complement(segments[last - 1]):
            break  # "Après plusieurs orages, les varistances sont usé": the complement is no subject
        last -= 1  # "les calendriers, les contacts et les tâches": one subject, the first noun leads
    nouns = plural_nouns(segments[last])[0]
    if last > 0 and last < len(segments) - 1:
        before = segments[last - 1]
        verbs = [i for i, word in enumerate(before) if has_verb([word])]
        heading = plural_nouns(before[verbs[-1] + 1 :]) if verbs else []
        if heading:
            nouns = heading[0]  # "Il suit les serveurs, les baies et les imprimantes": the list began after the verb
    genders = set().union(*(_feature(m, "mf", "e") for m in nouns))
    mine = set().union(*(_feature(m, "mf", "e") for m in morph(fix.casefold()) if ":Q" in m or ":A" in m))
    return bool(mine) and not genders & mine


def _plural_of_an_invariable_head(finding: Finding) -> bool:
    """A singular asked of a plural word in a group whose head, opening the clause or list item
    without a singular determiner, is a noun of one form for both numbers ("- Virus détectés par
    l’antivirus supprimés", "Box internet redémarrées"): the head does not tell its number, the
    plural the student wrote does, and Grammalecte agrees the word with a nearer noun."""
    if not finding.rule.startswith("g3__gn") or finding.context_column < 1 or not finding.suggestions:
        return False
    if not ends_like_plural(finding.text) or number_stem(finding.text) != finding.suggestions[0].casefold():
        return False
    clause = re.split(r"[,;:.!?()]", finding.context[: finding.context_column - 1])[-1]
    opening = re.match(r"\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:(les|des|ces|mes|tes|ses|nos|vos|leurs)\s+)?(\w+)", clause)
    if opening is None:
        return False
    from .proofread.grammar import engine

    checker = engine()
    nouns = [m for m in checker.getSpellChecker().getMorph(opening.group(2).casefold()) if ":N" in m] if checker else []
    return bool(nouns) and all(re.search(r":[mfe]:i", m) for m in nouns)


def _no_elision(finding: Finding) -> bool:
    """An elision Grammalecte asks before a word that takes none (`normalize.NO_ELISION`: "de
    off", "le onze"): the normalizer's own table decides, so that review and build agree."""
    if not finding.rule.startswith("g2__eleu") or finding.context_column < 1:
        return False
    following = re.match(r"[^\W\d_]+\s+([^\W\d_]+)", finding.context[finding.context_column - 1 :])
    return following is not None and following.group(1).casefold() in NO_ELISION  # the word after "de"


def _distributive(finding: Finding) -> bool:
    """A plural asked of a singular adjective joined by "et"/"ou" to another singular adjective
    ("les éditions familiale et professionnelle", "les versions anglaise ou allemande"): each
    adjective names one of the things the plural noun counts, so each stays singular."""
    if not finding.rule.startswith(("g3__gn", "noun-adjective")) or finding.context_column < 1:
        return False
    if not finding.suggestions or not ends_like_plural(finding.suggestions[0]) or ends_like_plural(finding.text):
        return False
    start = finding.context_column - 1
    after = re.match(r"\s+(?:et|ou)\s+([^\W\d_]+)", finding.context[start + len(finding.text) :])
    before = re.search(r"([^\W\d_]+)\s+(?:et|ou)\s+$", finding.context[:start])
    mates = [found.group(1) for found in (after, before) if found is not None]
    return any(_singular_adjective(mate) for mate in mates) and _singular_adjective(finding.text)


def _singular_adjective(word: str) -> bool:
    """Whether Grammalecte reads `word` as an adjective, and as a singular one only."""
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return False
    readings = [m for m in checker.getSpellChecker().getMorph(word.casefold()) if ":A" in m]
    return bool(readings) and all(re.search(r":[mfe]:s", m) for m in readings)


def _latin_locution(finding: Finding) -> bool:
    """An "a" -> "à" fix in a Latin locution ("a priori", "a fortiori": `normalize.LATIN_A`),
    whose spelling without accent is the dictionaries' own."""
    if finding.text.casefold() != "a":
        return False
    following = re.match(r"\s+([^\W\d_]+)", finding.context[max(finding.context_column - 1, 0) + 1 :])
    return following is not None and following.group(1).casefold() in LATIN_A


def _ce_before_etre(finding: Finding) -> bool:
    """A "ce" -> "se" fix before a form of "être" with no past participle after it ("on ne sait
    pas qui ce sera", "ce serait le mieux"): "se" + "être" is only a pronominal verb's compound
    tense ("il se sera trompé"), which needs its participle."""
    if finding.text.casefold() != "ce" or not finding.suggestions or finding.suggestions[0].casefold() != "se":
        return False
    start = finding.context_column - 1 + len(finding.text)
    following = re.match(r"\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?", finding.context[start:])
    if following is None:
        return False
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return False
    morph = checker.getSpellChecker().getMorph
    if not any(m.startswith(">être/") for m in morph(following.group(1).casefold())):
        return False
    after = following.group(2)
    return after is None or not any(":Q" in m for m in morph(after.casefold()))


_PAST_SIMPLE_RULES = ("g2__conf", "g3__conf", "g3__infi", "gv2__conj", "subject-verb", "distant-verb")
"""The rules that read a word beside the fix, or the fixed word, as a verb: a conjugation fix of
"compta" ("du groupe compta, qui travaillent" -> 'comptèrent') is no less a misreading."""


def _a_command_before_its_arguments(finding: Finding) -> bool:
    """A known command's name (`commands.KNOWN_COMMANDS`) before an option or a word no French
    list has ("par git status", "avec docker ps -a"): code the student did not quote, whatever
    French word the lexicon reads in it ('git', of "gésir")."""
    from .commands import KNOWN_COMMANDS

    if finding.text.casefold() not in KNOWN_COMMANDS or finding.context_column < 1:
        return False
    after = finding.context[finding.context_column - 1 + len(finding.text) :]
    argument = re.match(r"\s+([/-]{1,2}\w|[a-z][\w.-]*)", after)
    if argument is None:
        return False
    word = argument.group(1)
    return word.startswith(("-", "/")) or (word.isalpha() and _borrowed(word))


def _past_simple_beside(finding: Finding) -> bool:
    """A homophone or infinitive fix Grammalecte makes because it reads a word there as a verb in
    the past simple, and nothing else ("de la compta" -> 'là', 'compter'; "La compta a besoin" ->
    'à'): notes never tell a story in that tense, so the word is a shortened noun ("compta",
    comptabilité) the lexicon does not have."""
    if not finding.rule.startswith(_PAST_SIMPLE_RULES) or finding.context_column < 1:
        return False
    start = finding.context_column - 1
    before = re.findall(r"[^\W\d_]+", finding.context[:start])[-1:]
    after = re.findall(r"[^\W\d_]+", finding.context[start + len(finding.text) :])[:1]
    return any(_only_past_simple(word) for word in [*before, finding.text, *after])


def _only_past_simple(word: str) -> bool:
    """Whether the lexicon reads `word` as a verb in the past simple and nothing else ("entra",
    "compta"): a tense notes never use, so such a word is a name or a shortened noun."""
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return False
    morphs = checker.getSpellChecker().getMorph(word.casefold())
    return bool(morphs) and all(
        ":V" in morph and re.search(r":Is(?::|/)", morph) and ":Ip" not in morph for morph in morphs
    )


def _past_simple_opening(finding: Finding) -> bool:
    """A subject asked for an answer's first word that the lexicon reads only as a verb in the past
    simple ("Entra Connect synchronise les comptes" -> 'Elle entra'): notes never tell a story in
    that tense, so the word is a name (Entra, a product) whose own verb follows, not a verb that
    lost its subject ("Permet de …" is in the present)."""
    return finding.rule in ("verb-start", "front-pronoun", "term-pronoun") and _only_past_simple(finding.text)


def _present_participle_with_its_object(finding: Finding) -> bool:
    """An agreement asked of a word that is also a present participle, right before a determiner
    or a preposition ("des documents contenant des données", "les fichiers correspondant à la
    recherche"): a participle with its object or complement is a verb, invariable; only without
    one may it be an adjective that agrees ("les postes restants")."""
    if not finding.rule.startswith(("g3__gn", "noun-adjective")) or finding.context_column < 1:
        return False
    if not has_reading(finding.text, ":P/") and not has_reading(finding.text, ":P:"):
        return False
    after = _word_after(finding)
    return after is not None and (has_reading(after, ":G:D") or has_reading(after, ":G:R"))


def _before_an_infinitive(finding: Finding) -> bool:
    """A participle's agreement where an infinitive follows it, maybe after "de" or "à" ("Le
    technicien les a fait réparer", "les mots de passe qu’on leur a demandé de changer"): "fait"
    there is invariable, and other participles agree only when the object is the participle's own
    ("les clients qu’on a priés de patienter"), not the infinitive's, which a person tells. An
    infinitive written for the participle ("l’administrateur a oublier d’ajouter") is no agreement:
    its participle stands whatever follows."""
    if not finding.rule.startswith("gv1__ppas") or finding.context_column < 1:
        return False
    if finding.text.casefold().endswith("er") and has_reading(finding.text, ":Y"):
        return False
    start = finding.context_column - 1 + len(finding.text)
    following = re.match(r"\s+(?:(?:de|à)\s+|d['’])?([^\W\d_]+)", finding.context[start:])
    return following is not None and has_reading(following.group(1), ":Y")


def _a_finite_verb(word: str) -> bool:
    """A word that may be a conjugated verb: "le"/"la" between it and a word that is no verb may be
    an object pronoun ("`systemctl enable ssh` le lance au démarrage"), whose gender is its
    antecedent's; after a verb ("Il change le carte") it is a determiner."""
    from .proofread.grammar import engine

    checker = engine()
    if checker is None:
        return False
    morphs = checker.getSpellChecker().getMorph(word.casefold())
    return any(re.search(r":V.*:(?:Ip|Iq|Is|If|K|Sp|Sq)", morph) for morph in morphs)


def _borrowed(word: str) -> bool:
    """A word no French list has: English ("hub", "switch"; not "service", which French shares) or
    unknown to Grammalecte's lexicon."""
    from .proofread.grammar import engine
    from .proofread.spelling import dictionary, english_word

    lower = word.casefold()
    if lower in dictionary():
        return False
    checker = engine()
    return english_word(lower) or (checker is not None and not checker.getSpellChecker().getMorph(lower))


def _words_before(finding: Finding) -> list[str]:
    """The words of the finding's line before it, punctuation aside (digits and dots kept: "2.0")."""
    if finding.context_column < 1:
        return []
    return re.findall(r"[\w.’'-]+", finding.context[: finding.context_column - 1])


_WHOLE_WORD_AFTER = re.compile(r"\s+([^\W\d_][\w-]*)(?![\w’'-])")
"""The word after a finding's, whole: not an elided "d’", "l’" or "qu’", which the lexicon reads as
the name of a letter (a noun) but which opens the next word ("composé d’un nom")."""


def _word_after(finding: Finding) -> str | None:
    """The word right after the finding's, None after punctuation or before an elided word."""
    if finding.context_column < 1:
        return None
    after = _WHOLE_WORD_AFTER.match(finding.context[finding.context_column - 1 + len(finding.text) :])
    return after.group(1) if after else None


def _version_number(finding: Finding) -> bool:
    """An agreement with a number that names a version, not a count: right after a name or an
    acronym ("TPM 2.0 activé", "Wi-Fi 6 compatible") or written with a dot ("2.0"), it says which
    one, and the word agrees with the name (singular)."""
    if not finding.rule.startswith("g3__gn_nombre") or finding.context_column < 1:
        return False
    before = _words_before(finding)
    if len(before) < 1 or not re.fullmatch(r"\d+(?:[.,]\d+)*", before[-1]):
        return False
    return "." in before[-1] or (len(before) > 1 and before[-2][:1].isupper() and before[-2][:1].isalpha())


def _after_an_acronym(finding: Finding) -> bool:
    """A noun-group agreement that changes only the gender of a word right after an acronym ("des CA
    publiques": certification authorities, feminine): the lexicon guesses an acronym's gender,
    the student knows what it stands for. Its number is still checked."""
    if not finding.rule.startswith("g3__gn") or not finding.suggestions:
        return False
    before = _words_before(finding)
    if not before or not re.fullmatch(r"[A-Z][A-Z0-9]+s?", before[-1]):
        return False
    fix = finding.suggestions[0]
    return ends_like_plural(fix) == ends_like_plural(finding.text) and fix.casefold() != finding.text.casefold()


def _head_of_an_english_compound(finding: Finding) -> bool:
    """A noun-group agreement asked of a word an English word follows ("plusieurs service desks"):
    the two make one English term, whose last word bears the plural."""
    if not finding.rule.startswith("g3__gn"):
        return False
    from .proofread.spelling import Speller, english_word

    after = _word_after(finding)
    lexicon = speller_lexicon()
    if after is None or lexicon is None or not english_word(after):
        return False
    return not Speller(engine=lexicon).is_known(after)


H_ASPIRE_STEMS = (
    "hach", "hack", "hall", "hameau", "hameçon", "hamster", "hanche", "handicap", "hangar", "hantis",
    "harcel", "harcèl", "hard", "haricot", "hasard", "hash", "hâte", "haut", "hausse", "héros", "hibou",
    "hockey", "homard", "honte", "hors", "hotline", "hotspot", "housse", "hub", "hublot", "huit", "hurl",
)  # fmt: skip
"""Stems of words with an aspirated "h", which take no elision ("le hameçonnage", "le hub"), where
Grammalecte's lexicon misses some derived words."""


def _h_aspire(finding: Finding) -> bool:
    """An elision Grammalecte asks before a word of an aspirated "h" ("Le hameçonnage" ->
    "L’hameçonnage", "pour du hameçonnage" -> "de l’hameçonnage")."""
    elides = finding.rule.startswith("g2__eleu") or any(fix.endswith(("l’", "l'")) for fix in finding.suggestions)
    if not elides or finding.context_column < 1:
        return False
    after = re.match(r"\s*([^\W\d_]+)", finding.context[finding.context_column - 1 + len(finding.text) :])
    return after is not None and after.group(1).casefold().startswith(H_ASPIRE_STEMS)


def _inverted_coordinated_subject(finding: Finding) -> bool:
    """A verb made singular before its inverted subject when "et" or "ou" joins a second noun to it
    ("où se trouvent le code de démarrage et la table des partitions"): the subject is both."""
    if not finding.rule.startswith("gv2__conj_que_où") or finding.context_column < 1:
        return False
    rest = finding.context[finding.context_column - 1 + len(finding.text) :]
    joined = re.search(r"\b(?:et|ou)\s+(?:le|la|les|l['’]|un|une|des|son|sa|ses|leur|leurs|ce|cet|cette|ces)\b", rest)
    return joined is not None and not re.search(r"[.;:!?]", rest[: joined.start()])


def _a_name_listed_beside_a_name(finding: Finding) -> bool:
    """A homophone fix of a word joined by "ou" or "et" to a word no French list has
    ("le compte root ou sa": the SQL Server account, not 'ça'): a name among names."""
    if not finding.rule.startswith(("g2__conf", "ça-sa", "sa-ça")) or finding.context_column < 1:
        return False
    before = re.search(r"([^\W\d_][\w.-]*)\s+(?:ou|et)\s+$", finding.context[: finding.context_column - 1])
    return before is not None and before.group(1).islower() and _borrowed(before.group(1))


def _a_numbered_label(finding: Finding) -> bool:
    """A noun made plural after the number that opens its line or list item and before a colon
    ("- 4 warning : avertissement"): a level's number and its name, no count."""
    if not finding.rule.startswith("g3__gn_nombre") or finding.context_column < 1:
        return False
    before = finding.context[: finding.context_column - 1]
    after = finding.context[finding.context_column - 1 + len(finding.text) :]
    return re.fullmatch(r"\s*(?:[-*•]\s*)?\d+\s+", before) is not None and re.match(r"\s*:", after) is not None


def _number_of_an_invariable_noun(finding: Finding) -> bool:
    """Our noun-adjective's plural asked after a noun the same in both numbers ("Relais ouvert",
    "un accès distant"): the noun tells no number, the writer's adjective does."""
    if finding.rule != "noun-adjective" or not finding.suggestions:
        return False
    before = _words_before(finding)
    if not before:
        return False
    lexicon = speller_lexicon()
    nouns = [m for m in lexicon.getMorph(before[-1].casefold()) if ":N" in m] if lexicon is not None else []
    return any(re.search(r":N:[mfe]:i", m) for m in nouns)


def _participle_after_etre(finding: Finding) -> bool:
    """Our noun-adjective's agreement asked of a participle right after a form of "être" ("doivent
    alors être déployés par GPO"): an attribute, which agrees with the clause's subject, no
    epithet of a noun before it."""
    if finding.rule != "noun-adjective":
        return False
    before = _words_before(finding)
    return bool(before) and before[-1].casefold() in (
        "être",
        "été",
        "est",
        "sont",
        "soit",
        "soient",
        "était",
        "étaient",
    )


def _a_numbered_name(finding: Finding) -> bool:
    """A verb after a number and a capitalised word ("401 Unauthorized veut dire", "Windows 11
    Pro permet"): a code and its name, one thing, which no plural verb follows."""
    before = _words_before(finding)
    return len(before) >= 2 and before[-2].isdigit() and before[-1][:1].isupper()


def _english_pair(finding: Finding) -> bool:
    """A homophone or a verb form Grammalecte reads in an English word before another English word
    ("les avantages d’un reverse proxy" -> "reversé"): the two make one English term."""
    if not finding.rule.startswith(("g2__conf", "g3__conf")):
        return False
    from .proofread.spelling import english_word

    after = _word_after(finding)
    if after is None or len(finding.text) < 4 or len(after) < 4:
        return False  # short words ("a", "ce", "sera") are French as often as English
    return english_word(finding.text.casefold()) and english_word(after.casefold())


ADVERBIAL_ADJECTIVES = frozenset(
    {"droit", "fort", "bas", "haut", "clair", "cher", "juste", "net", "dur", "bon", "faux", "lourd", "court", "ferme"}
)
"""Adjectives French uses as invariable adverbs after a verb ("couper droit", "parler fort",
"coûter cher", "viser juste", "tenir bon")."""

_DEGREE_ADVERBS = frozenset({"bien", "très", "trop", "assez", "plus", "moins", "tout", "aussi", "si"})


def _adverbial_adjective(finding: Finding) -> bool:
    """An agreement asked of an adjective that French also uses as an adverb, after an adverb of
    degree ("couper les fils bien droit"): the adverb, invariable, is as correct as the agreed
    adjective; the student's choice stands."""
    if not finding.rule.startswith("g3__gn") or finding.text.casefold() not in ADVERBIAL_ADJECTIVES:
        return False
    before = _words_before(finding)
    return bool(before) and before[-1].casefold() in _DEGREE_ADVERBS


def _tel_quel(finding: Finding) -> bool:
    """ "telle quelle" is one locution ("la retrouve telle quelle"), never "telle qu’elle"."""
    before = _words_before(finding)
    return finding.rule.startswith("g2__conf_quel") and bool(before) and before[-1].casefold() in _TEL_FORMS


_TEL_FORMS = frozenset({"tel", "telle", "tels", "telles"})


_CLAUSE_END = re.compile(r"[,;:.!?]|\b(?:si|que|qu’|qui|quand|lorsque|car|mais|et|ou)\b")


def _compound_of_the_verb(finding: Finding) -> bool:
    """A compound Grammalecte makes of a noun and the word after it where that word is the clause's
    verb ("Une tablette à la porte affiche si la salle est libre" -> "porte-affiche"): no other word
    of the clause can only be a conjugated verb."""
    from .proofread.agreement import verb_tenses
    from .proofread.grammar import only_a_verb

    if "__tu_mots_composés" not in finding.rule or " " not in finding.text.strip():
        return False
    last = finding.text.split()[-1]
    if not verb_tenses(last):
        return False
    start = finding.context_column - 1
    before = _CLAUSE_END.split(finding.context[:start])[-1]
    after = _CLAUSE_END.split(finding.context[start + len(finding.text) :])[0]
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", before + " " + after)
    return not any(only_a_verb(part) for word in words for part in _lexicon_words(word))


def _prefix_before_a_verb(finding: Finding) -> bool:
    """A prefix Grammalecte joins to a conjugated verb ("L’éditeur nano est simple" -> "nano-est"):
    the word before is a name ("nano", "micro"), the verb its clause's."""
    if not finding.rule.startswith("g2__tu_préfixe") or not finding.suggestions:
        return False
    lexicon = speller_lexicon()
    second = finding.suggestions[0].rsplit("-", 1)[-1].casefold()
    readings = lexicon.getMorph(second) if lexicon is not None else []
    auxiliary = any(reading.startswith((">être/", ">avoir/")) for reading in readings)
    return bool(readings) and (auxiliary or all(":V" in reading for reading in readings))


_COPULA_NUMBER = {
    **dict.fromkeys(("est", "était", "sera", "serait", "soit", "fut"), "s"),
    **dict.fromkeys(("sont", "étaient", "seront", "seraient", "soient", "furent"), "p"),
}


def _number_against_the_copula(finding: Finding) -> bool:
    """A participle's or adjective's agreement that gives it another number than the "être" it is the
    attribute of: in "les bits sont toujours contigu et placés", making 'placés' agree with
    'contigu' would contradict "sont" (the slip is 'contigu'). Only adverbs, adjectives and the "et"
    or "ou" joining them may stand between the verb and the word."""
    if not finding.rule.startswith("gv1__ppas") or not finding.suggestions:
        return False
    lexicon = speller_lexicon()
    if lexicon is None:
        return False
    for word in reversed(_words_before(finding)):
        lower = word.casefold()
        if lower in _COPULA_NUMBER:
            fixed = {m for m in lexicon.getMorph(finding.suggestions[0].casefold()) if ":A" in m or ":Q" in m}
            numbers = {number for number in "sp" if any(f":{number}" in m for m in fixed)}
            return bool(numbers) and _COPULA_NUMBER[lower] not in numbers and not any(":i" in m for m in fixed)
        readings = lexicon.getMorph(lower)
        if lower not in ("et", "ou") and not any(":W" in m or ":A" in m or ":Q" in m for m in readings):
            return False
    return False


_QUOTE_CLOSINGS = '»”"'


def _across_a_quotation(finding: Finding) -> bool:
    """A word of Grammalecte's finding inside a quotation or right after one: a quoted label or
    title is a mention, a noun group of its own ("la catégorie « Autres périphériques »", "une
    « Taille sur le disque » différente", "le champ « De » peut être faux"), which Grammalecte
    agrees with the words around it as if the quotation marks were not there."""
    start = finding.context_column - 1
    if "__" not in finding.rule or start < 0:
        return False
    before = finding.context[:start]
    opened = max(before.rfind(mark) for mark in "«“")
    inside = opened >= 0 and not any(mark in before[opened:] for mark in "»”")
    straight = before.count('"') % 2 == 1
    last = before.rstrip(" \u00a0\u202f")[-1:]
    return inside or straight or (last != "" and last in _QUOTE_CLOSINGS)


def _participle_after_a_degree(finding: Finding) -> bool:
    """An infinitive asked for a participle after an adverb of degree ("écrasé sous un meuble ou
    trop plié", "un câble bien serré"): an adverb of degree qualifies an adjective there, and the
    participle is one."""
    before = _words_before(finding)
    return finding.rule.startswith("g3__infi") and bool(before) and before[-1].casefold() in _DEGREE_ADVERBS


def _participle_after_c_est(finding: Finding) -> bool:
    """An agreement asked of a participle right after "c’est" (an adverb maybe between) that the
    student agreed ("la vague 1 c’est bien passée"): "s’est" was meant, whose participle agrees
    with the subject; the slip is "c’est", another finding's."""
    if not finding.rule.startswith("gv1__ppas"):
        return False
    before = [word.casefold().replace("'", "’") for word in _words_before(finding)]
    while before and before[-1] not in ("est", "c’est") and has_reading(before[-1], ":W"):
        before.pop()  # "c’est bien passée", "c’est mal passée"
    return (len(before) >= 2 and before[-2:] == ["c’", "est"]) or (bool(before) and before[-1] == "c’est")


def _epithet_before_its_noun(finding: Finding) -> bool:
    """An attribute's agreement asked of an adjective that a noun follows ("en tapant sont propre mot
    de passe"): it qualifies that noun, and "sont" is likely the slip for "son"."""
    if not finding.rule.startswith("gv1__ppas") or not has_reading(finding.text, ":A"):
        return False
    after = _word_after(finding)
    lexicon = speller_lexicon()
    if after is None or lexicon is None:
        return False
    readings = lexicon.getMorph(after.casefold())
    return any(":N" in m for m in readings) and not any(":A" in m or ":G" in m or ":W" in m for m in readings)


def _participle_attribute(finding: Finding) -> bool:
    """An infinitive asked for a participle right after another participle that it agrees with
    ("Les requêtes sont envoyées chiffrées"): the second describes the subject, as the first
    does; an infinitive's slip ("il a voulu vérifié") has no agreement marks to share."""
    if not finding.rule.startswith("g3__infi") or finding.context_column < 1:
        return False
    before = _words_before(finding)
    lexicon = speller_lexicon()
    if not before or lexicon is None:
        return False
    previous = [m for m in lexicon.getMorph(before[-1].casefold()) if ":Q" in m]
    mine = [m for m in lexicon.getMorph(finding.text.casefold()) if ":Q" in m]
    marked = re.search(r"(?:ée|ées|és|ies|ues|ts|tes)$", finding.text.casefold())
    return bool(previous and mine and marked) and any(_same_features(a, b) for a in previous for b in mine)


def _gender_against_the_noun(finding: Finding) -> bool:
    """A noun-group agreement that only adds the plural to a word right after a noun of one
    gender, which the word made plural does not have ("les alertes répété" -> 'répétés':
    Grammalecte reads "alertes" as the adjective of either gender it also is, and keeps the
    participle's masculine): the fix would make another slip; a person gives both marks."""
    if not finding.rule.startswith("g3__gn") or not finding.suggestions or finding.context_column < 1:
        return False
    fix = finding.suggestions[0].casefold()
    if fix not in (finding.text.casefold() + "s", finding.text.casefold() + "x"):
        return False
    before = re.findall(r"[^\W\d_][\w’'-]*(?=\s+$)", finding.context[: finding.context_column - 1])
    lexicon = speller_lexicon()
    if not before or lexicon is None:
        return False
    nouns = {gender for m in lexicon.getMorph(before[-1].casefold()) if ":N" in m for gender in _feature(m, "mf", "e")}
    fixed = {gender for m in lexicon.getMorph(fix) if ":A" in m or ":Q" in m for gender in _feature(m, "mf", "e")}
    return len(nouns) == 1 and bool(fixed) and not nouns & fixed


def _a_letter_read_as_y(finding: Finding) -> bool:
    """'à' -> 'a' after a single capital letter ("tape des Y à la place des Z"): a key or a letter
    named, not the pronoun of "il y a"."""
    if finding.text.casefold() != "à" or finding.suggestions[:1] != ("a",) or finding.context_column < 1:
        return False
    return re.search(r"(?:^|[^\w’'])[A-Z]\s+$", finding.context[: finding.context_column - 1]) is not None


_JOINING_COMME = re.compile(
    r"\b(?:comme|ainsi\s+que|de\s+même\s+que|aussi\s+bien\s+que)\s+(?:les?|la|l['’]|un|une|des|ses?|sa|leurs?)\b",
    re.IGNORECASE,
)
"""A noun group joined to the subject by "comme", "ainsi que", "de même que" ("la carte mère comme le
processeur doivent"): the verb may agree with both."""


def _subject_joined_by_comme(finding: Finding) -> bool:
    """A plural verb made singular where a second noun group joins the subject by "comme" or "ainsi
    que" in its clause: "la carte mère comme le processeur doivent la prendre en charge" is correct
    French, the verb agreeing with both; the writer chose."""
    if finding.context_column < 1 or not finding.suggestions:
        return False
    if not _a_finite_verb(finding.text) or not finding.text.casefold().endswith(("nt", "ont")):
        return False
    clause = re.split(r"[,;:.!?]|\bet\b|\bqui\b|\bque\b", finding.context[: finding.context_column - 1])[-1]
    return bool(_JOINING_COMME.search(clause))


GUARDS = (
    _a_name,
    _other_reading,
    _gender_of_a_term,
    _a_read_otherwise,
    _noun_attribute,
    _before_an_infinitive,
    _past_simple_beside,
    _past_simple_opening,
    _present_participle_with_its_object,
    _avoir_and_a_bare_noun,
    _agrees_with_the_head,
    _in_a_dotted_name,
    _noun_before_its_verb,
    _adjective_of_the_next_noun,
    _participle_after_fois,
    _argument_of_a_named_command,
    _word_swapped_for_another,
    _noun_of_its_own,
    _ce_before_etre,
    _latin_locution,
    _distributive,
    _no_elision,
    _plural_of_an_invariable_head,
    _gender_against_the_subject,
    _version_number,
    _after_an_acronym,
    _head_of_an_english_compound,
    _adverbial_adjective,
    _tel_quel,
    _participle_attribute,
    _participle_after_a_degree,
    _participle_after_c_est,
    _epithet_before_its_noun,
    _across_a_quotation,
    _number_against_the_copula,
    _prefix_before_a_verb,
    _compound_of_the_verb,
    _english_pair,
    _a_numbered_name,
    _inverted_coordinated_subject,
    _h_aspire,
    _homophone_read_otherwise,
    _gender_against_the_noun,
    _a_command_before_its_arguments,
    _subject_joined_by_comme,
    _task_for_a_stain,
    _a_letter_read_as_y,
    _a_numbered_label,
    _number_of_an_invariable_noun,
    _participle_after_etre,
    _a_name_listed_beside_a_name,
)
"""The checks that leave a grammar finding of a certain kind to a person: each names a reading
in which the fix would damage correct text."""
