"""The policy of `review --yes`: which findings it takes unasked, with which fix, and the readings
its guards leave to a person."""

from __future__ import annotations

from dataclasses import replace

import pytest
from proofread_helpers import NOTES

from supportcards.model import Finding, Location, Project
from supportcards.parse import load_project
from supportcards.policy import (
    CERTAIN,
    certain,
    certain_fix,
    confirmed_choice,
    contested,
    number_choice,
    person_choice,
    policy_key,
    same_word_rivals,
    sound_choice,
    spelling_rivals,
    subject_choice,
    tense_choice,
    typo,
)
from supportcards.proofread import engine_available


@pytest.fixture
def project(write_source) -> Project:
    folder = write_source({"chapitre-04.md": NOTES})
    return load_project([folder])


@pytest.mark.parametrize(
    ("word", "suggestion", "kind"),
    [
        ("regulierement", "régulièrement", "accents"),
        ("instalé", "installé", "double-letter"),
        ("resources", "ressources", "double-letter"),
        ("pixellisée", "pixelisée", "undoubled"),
        ("locla", "local", "swap"),
        ("passerèle", "passerelle", "accents-double-letter"),
        ("voyent", "votent", "other"),
        ("inutils", "inutile", "other"),
    ],
)
def test_spelling_fixes_are_told_apart_by_how_the_word_differs(word: str, suggestion: str, kind: str) -> None:
    assert typo(word, suggestion) == kind


def spelling(text: str, *suggestions: str) -> Finding:
    return Finding(Location("n.md", 1), 1, "spelling", "unknown-word", "unknown word", text, suggestions, text, 1)


def test_the_policy_accepts_certain_kinds_only() -> None:
    grammar = Finding(Location("n.md", 1), 1, "grammar", "gv2__conj_les_nom__b1_a3_1", "m", "ouvre", ("ouvrent",))
    assert policy_key(grammar) == "gv2__conj" and certain(grammar)
    assert not certain(replace(grammar, suggestions=("ouvrent", "ouvraient")))  # a person chooses
    assert not certain(replace(grammar, rule="g3__gn_pfx_à_par_pour_sans_2m__b1_a2_1"))  # "à distance"
    assert not certain(replace(grammar, rule="g3__gn_mon_ton_son_1m__b1_a4_1"))  # "son" may be "sont"
    assert not certain(replace(grammar, rule="g3__infi_laisser_avec_pronom__b4_a1_1"))  # "le laisser branché"
    assert certain(replace(grammar, rule="g3__infi_falloir__b1_a1_1"))  # "il faut vérifié"
    assert certain(replace(grammar, rule="list-count", text="3", suggestions=("4",)))  # the card asks what it lists
    assert not certain(replace(grammar, rule="list-count-ambigu", text="2", suggestions=("4",)))  # "Av:" and "Désav:"
    assert certain(replace(grammar, rule="et-est", text="et", suggestions=("est",)))  # "Le ticket et fermé"
    assert certain(spelling("l’aparition", "l’apparition", "l’aspiration"))
    assert not certain(spelling("Root", "Rot"))  # capitalised: an English term or a name, more often
    assert not certain(spelling("voyent", "votent")) and not certain(spelling("tiket"))
    assert not certain(spelling("précies", "précise", "précises"))  # singular or plural: the sentence says


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_where_grammalecte_offers_several_fixes_the_one_its_line_takes_clean_is_chosen() -> None:
    """'créés' or 'créées': Grammalecte, run again with each, finds only 'créés' agrees with 'Les comptes'."""
    line = "Les comptes sont créer par l’administrateur."
    masculine = Finding(
        Location("n.md", 1),
        18,
        "grammar",
        "gv1__ppas_être_confusion__b3_a3_1",
        "m",
        "créer",
        ("créés", "créées"),
        line,
        18,
    )
    assert not certain(masculine) and certain_fix(masculine) == "créés"
    feminine = replace(masculine, context=line.replace("Les comptes", "Les données"))
    assert certain_fix(feminine) == "créées"
    both_clean = replace(masculine, suggestions=("supprimés", "modifiés"))  # the sentence cannot decide
    assert certain_fix(both_clean) is None
    uncertain_family = replace(masculine, rule="g3__gn_pfx_à_par_pour_sans_2m__b1_a2_1")
    assert certain_fix(uncertain_family) is None


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_noun_group_agreement_on_a_word_that_is_only_a_verb_is_left_to_a_person() -> None:
    """'choisis' after a singular subject: 'choisi' is offered, 'choisit' may be meant."""
    verb = Finding(Location("n.md", 1), 12, "grammar", "g3__gn_le_2m__b1_a4_1", "m", "choisis", ("choisi",))
    assert certain(verb) and certain_fix(verb) is None
    adjective = replace(verb, text="concerné", suggestions=("concernés",))  # also a noun and an adjective
    assert certain_fix(adjective) == "concernés"


def test_two_fixes_grammalecte_offers_for_one_slip_are_left_to_a_person() -> None:
    where = Location("n.md", 3)
    subject = Finding(where, 5, "grammar", "g2__conj_il__b1_a2_1", "m", "il", ("ils",))
    verb = Finding(where, 8, "grammar", "g2__conj_il__b1_a1_1", "m", "attendent", ("attend",))
    elsewhere = replace(verb, location=Location("n.md", 4))
    words = [spelling("instalé", "installé"), spelling("diférentes", "différentes")]  # one line, not rivals
    assert contested([subject, verb, elsewhere, *words]) == {subject, verb}


def test_a_plural_subject_pronoun_against_its_verb_keeps_the_pronoun() -> None:
    """ "ils attende": 'ils' -> 'il' or 'attende' -> 'attendent'; the written plural mark is meant."""
    where = Location("n.md", 3)
    subject = Finding(where, 5, "grammar", "g2__conj_ils__b1_a2_1", "m", "ils", ("il",))
    verb = Finding(where, 9, "grammar", "g2__conj_ils__b1_a1_1", "m", "attende", ("attendent",))
    assert contested([subject, verb]) == {subject}
    feminine = replace(subject, text="Elles", suggestions=("Elle",))
    assert contested([feminine, verb]) == {feminine}
    third = replace(verb, rule="g2__conj_ils__b1_a3_1", text="la", suggestions=("le",))
    assert contested([subject, verb, third]) == {subject, verb, third}  # more than two: a person


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_of_several_conjugations_the_one_in_the_tense_written_is_chosen() -> None:
    line = "Le serveur, qui l’analyserai, répond."
    future = Finding(
        Location("n.md", 1),
        18,
        "grammar",
        "g2__conj_1s_sans_sujet_xxxai__b4_a1_1",
        "m",
        "analyserai",
        ("analyserait", "analysera"),
        line,
        18,
    )
    assert certain_fix(future) == "analysera"  # a future stays a future, not the conditional
    present = replace(future, text="réussis", suggestions=("réussit", "réussissait"), context="il ne réussis pas")
    assert tense_choice(present) == "réussit"
    both = replace(future, suggestions=("analysera", "analyseras"))  # two futures: the person decides
    assert tense_choice(both) is None
    assert tense_choice(replace(future, text="technicien", suggestions=("techniciens", "technicienne"))) is None
    participles = replace(future, text="définit", suggestions=("définis", "définies"))  # "Les règles sont définit"
    assert tense_choice(participles) is None  # "définis" is also a verb, "définies" only a participle


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_of_several_suggestions_the_one_our_certain_check_makes_is_taken() -> None:
    """ "On choisi": Grammalecte offers 'choisit' or 'choisissait'; `participle-for-present` reads
    the participle after its subject as the present it sounds like, so --yes takes 'choisit'."""
    line = "Au démarrage, on choisi la langue du clavier."
    column = line.index("choisi") + 1
    found = Finding(
        Location("n.md", 1),
        column,
        "grammar",
        "g2__conj_on__b1_a1_1",
        "m",
        "choisi",
        ("choisit", "choisissait"),
        line,
        column,
    )
    assert confirmed_choice(found) == "choisit"
    assert certain_fix(found) == "choisit"
    elsewhere = replace(found, context="Il a choisi la langue du clavier.", context_column=6, column=6)
    assert confirmed_choice(elsewhere) is None  # "avoir" before it: none of ours reads it


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_plural_participle_of_the_other_gender_than_the_subject_is_left_to_a_person() -> None:
    """Grammalecte mends the number after "sont" and keeps the gender written: where the first
    plural noun of the sentence has the other gender, a person chooses."""
    line = "Les imprimantes du couloir sont branché sur l’onduleur."
    column = line.index("branché") + 1
    rule = "gv1__ppas_être_accord_plur__b1_a1_1"
    feminine = Finding(Location("n.md", 1), column, "grammar", rule, "m", "branché", ("branchés",), line, column)
    assert certain_fix(feminine) is None
    masculine = replace(feminine, context=line.replace("Les imprimantes", "Les serveurs"))
    assert certain_fix(masculine) == "branchés"
    singular = replace(feminine, rule="gv1__ppas_être_accord_sing__b1_a1_1", text="branchés", suggestions=("branché",))
    assert policy_key(singular) not in CERTAIN  # "Les serveurs … peut être branchés": the verb is the slip
    later = "Les imprimantes restent allumées et les serveurs sont branché sur l’onduleur."
    in_a_second_clause = replace(masculine, context=later, context_column=later.index("branché") + 1)
    assert certain_fix(in_a_second_clause) == "branchés"  # the subject of "sont" is the nearer clause's
    earlier = "Les serveurs restent allumés, les imprimantes sont branché sur l’onduleur."
    assert certain_fix(replace(masculine, context=earlier, context_column=earlier.index("branché") + 1)) is None
    listed = "Il suit les serveurs, les baies et les imprimantes, qui sont tous branché sur l’onduleur."
    coordinated = replace(masculine, context=listed, context_column=listed.index("branché") + 1)
    assert certain_fix(coordinated) == "branchés"  # one subject of three nouns, the first masculine


def test_an_agreement_on_a_capitalised_word_inside_a_sentence_is_left_to_a_person() -> None:
    """'La console Utilisateurs et ordinateurs' names a console: 'Utilisatrice' would damage it."""
    line = "Ouvrez la console Utilisateurs et ordinateurs Active Directory."
    name = Finding(
        Location("n.md", 1), 19, "grammar", "g3__gn_la_2m__b1_a2_1", "m", "Utilisateurs", ("Utilisatrice",), line, 19
    )
    assert certain(name) and certain_fix(name) is None
    first_word = replace(name, text="Utilisateur", context="Utilisateur ont été créé.", column=1, context_column=1)
    assert certain_fix(first_word) == "Utilisatrice"
    list_item = replace(first_word, context="- Utilisateur ont été créé.", column=3, context_column=3)
    assert certain_fix(list_item) == "Utilisatrice"
    after_a_full_stop = replace(first_word, context="Fait. Utilisateur ont", column=7, context_column=7)
    assert certain_fix(after_a_full_stop) == "Utilisatrice"


def agreement(line: str, word: str, fix: str) -> Finding:
    column = line.index(word) + 1
    return Finding(Location("n.md", 1), column, "grammar", "g3__gn_les_2m__b1_a4_1", "m", word, (fix,), line, column)


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_the_number_of_a_noun_complementing_a_noun_is_left_to_a_person() -> None:
    """'les droits administrateur': the complement keeps its number; an adjective or participle
    after the noun, or a noun after its determiner, still takes its agreement."""
    complement = agreement("Les droits administrateur sont réservés.", "administrateur", "administrateurs")
    assert certain(complement) and certain_fix(complement) is None
    assert certain_fix(agreement("Des câbles réseau neufs.", "réseau", "réseaux")) is None
    assert certain_fix(agreement("Les utilisateurs concerné sont informés.", "concerné", "concernés")) == "concernés"
    assert certain_fix(agreement("Des statistiques fiable.", "fiable", "fiables")) == "fiables"
    assert certain_fix(agreement("Modifiés par les utilisateur.", "utilisateur", "utilisateurs")) == "utilisateurs"


def rule_finding(line: str, word: str, fix: str, rule: str) -> Finding:
    column = line.index(word) + 1
    return Finding(Location("n.md", 1), column, "grammar", rule, "m", word, (fix,), line, column)


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_agreements_that_correct_french_does_not_take_are_left_to_a_person() -> None:
    """A noun that differs from the noun before it in gender and number is its complement; an
    adjective agreeing with the noun after it makes a locution with it; a word glued to ".txt" is
    a file name; a participle after "fois" does not agree with it."""
    gn = "g3__gn_la_2m__b1_a2_1"
    assert certain_fix(rule_finding("La liste abonnés du site est privée.", "abonnés", "abonnée", gn)) is None
    assert certain_fix(rule_finding("Des écrans haute résolution.", "haute", "hauts", gn)) is None
    assert certain_fix(rule_finding("Des portables dernier cri.", "dernier", "derniers", gn)) is None
    assert certain_fix(rule_finding("Il lance chmod 600 cle.txt ici.", "cle", "cles", "g3__gn_nombre_chiffres")) is None
    assert certain_fix(rule_finding("Une fois redémarré, le poste répond.", "redémarré", "redémarrées", gn)) is None
    line = "- Prix relevés par le service achat comparés"
    assert certain_fix(rule_finding(line, "comparés", "comparé", "g3__gn_le_2m__b1_a4_1")) is None
    line = "Le virus détectés est supprimé."
    assert certain_fix(rule_finding(line, "détectés", "détecté", gn)) == "détecté"
    # the same rules still fix a slip
    assert certain_fix(rule_finding("Des écrans fragile et plats.", "fragile", "fragiles", gn)) == "fragiles"
    assert certain_fix(rule_finding("Des statistiques fiable.", "fiable", "fiables", gn)) == "fiables"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_after_an_adverb_of_quantity_the_written_plural_noun_is_kept_and_its_adjective_agrees() -> None:
    """ "trop de fichiers inutile": 'fichiers' -> 'fichier' or 'inutile' -> 'inutiles'; the noun
    an adverb counts was written plural on purpose, its adjective's plural is taken."""
    rule = "g3__gn_pfx_de_2m__b1_a"
    line = "Le lundi, on reçoit trop de demandes urgente au support."
    noun = rule_finding(line, "demandes", "demande", rule + "4_1")
    adjective = rule_finding(line, "urgente", "urgentes", rule + "3_1")
    assert contested([noun, adjective]) == {noun}
    assert certain_fix(adjective) == "urgentes"
    line = "Il faut plus de disques rapide dans la baie."
    assert certain_fix(rule_finding(line, "rapide", "rapides", rule + "3_1")) == "rapides"
    # a singular noun says nothing of the number meant, and no quantity, nothing of the head
    line = "Le lundi, on reçoit trop de demande urgentes au support."
    noun = rule_finding(line, "demande", "demandes", rule + "4_1")
    adjective = rule_finding(line, "urgentes", "urgente", rule + "3_1")
    assert contested([noun, adjective]) == {noun, adjective}
    assert certain_fix(adjective) is None
    line = "La liste de demandes urgente."
    assert certain_fix(rule_finding(line, "urgente", "urgentes", rule + "3_1")) is None


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_an_elided_word_after_an_adjective_is_no_noun_it_qualifies() -> None:
    """The lexicon reads "d" and "l" as the names of letters, nouns: an adjective before "d’un"
    or "l’" qualifies no noun there, and its agreement stands; before a whole noun it still may."""
    gn, ppas = "g3__gn_les_2m__b1_a2_1", "gv1__ppas_sujet_être_accord_singulier__b2_a1_1"
    line = "Une règle est formé d’une action et d’une cible."
    assert certain_fix(rule_finding(line, "formé", "formée", ppas)) == "formée"
    line = "On compte les erreurs répété d’un disque avant de le changer."
    assert certain_fix(rule_finding(line, "répété", "répétées", gn)) == "répétées"
    line = "Des sauvegardes planifié l’après-midi."
    assert certain_fix(rule_finding(line, "planifié", "planifiées", gn)) == "planifiées"
    # a plural that keeps a gender the noun before it does not have is another slip: a person's
    line = "On archive les alertes répété d’un même poste."
    assert certain_fix(rule_finding(line, "répété", "répétés", gn)) is None
    line = "On archive les alertes répété d’un même poste."
    assert certain_fix(rule_finding(line, "répété", "répétées", gn)) == "répétées"
    # a whole noun after the adjective still makes the readings that leave it to a person
    assert certain_fix(rule_finding("Il tape sont propre mot de passe.", "propre", "propres", ppas)) is None
    assert certain_fix(rule_finding("Des batteries longue durée.", "longue", "longues", gn)) is None


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_conjugation_asked_of_a_noun_before_the_clauses_own_verb_is_left_to_a_person() -> None:
    conj = "gv2__conj_les_nom__b1_a3_1"
    line = "Les câbles secours, rangés au sous-sol, servent rarement."
    assert certain_fix(rule_finding(line, "secours", "secourent", conj)) is None
    line = "Les techniciens commande les pièces."
    assert certain_fix(rule_finding(line, "commande", "commandent", conj)) == "commandent"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_ce_before_etre_with_no_participle_stays() -> None:
    conf = "g2__conf_se_ceux_ce__b6_a1_1"
    assert certain_fix(rule_finding("On verra qui ce sera.", "ce", "se", conf)) is None
    assert certain_fix(rule_finding("Il ce sera trompé.", "ce", "se", conf)) == "se"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_fix_of_grammalecte_that_our_certain_homophone_check_reads_otherwise_is_left() -> None:
    """ "Le routeur ce base sur…": the determiner's agreement ('cette') against the pronoun 'se'
    that `ce-se-sujet` reads between the subject and its verb; only the check's fix is recorded."""
    gn = "g3__gn_ce_1m__b1_a3_1"
    assert certain_fix(rule_finding("Le routeur ce base sur les numéros.", "ce", "cette", gn)) is None
    assert certain_fix(rule_finding("Le pilote ce lance au démarrage.", "ce", "cette", gn)) is None
    # where no check of ours reads the word, Grammalecte's fix stands
    assert certain_fix(rule_finding("Il remplace ce batterie usée.", "ce", "cette", gn)) == "cette"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_task_made_a_stain_is_left_to_a_person() -> None:
    """ "Tâche de sauvegarde" (a front) -> 'Tache': support notes speak of tasks."""
    conf = "g3__conf_tache_tâche__b1_a1_1"
    assert certain_fix(rule_finding("Tâche de sauvegarde", "Tâche", "Tache", conf)) is None
    assert certain_fix(rule_finding("Les tâches de nettoyage", "tâches", "taches", conf)) is None
    assert certain_fix(rule_finding("La tache planifiée tourne.", "tache", "tâche", conf)) == "tâche"


def test_a_spelling_fix_that_changes_the_number_of_a_compound_is_not_certain() -> None:
    """ "chef-d’œuvre" -> "chefs-d’œuvre": a plural mark added inside a compound is a number."""
    assert not certain(spelling("arc-en-ciel", "arcs-en-ciel"))
    assert not certain(spelling("porte-monnaie", "portes-monnaie"))


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_two_readings_of_one_slip_on_neighbouring_words_are_rivals() -> None:
    """ "a changer": 'a' -> 'à' or 'changer' -> 'changé'; one fix answers both findings."""

    def at(line: str, rule: str, text: str, *fixes: str) -> Finding:
        column = line.index(f" {text} ") + 2
        return Finding(Location("n.md", 1), column, "grammar", rule, "m", text, fixes, line, column)

    line = "Le serveur a redémarrer la nuit dernière, puis il répond."
    homophone = at(line, "g2__conf_à_a_infinitif__b1_a1_1", "a", "à")
    participle = at(line, "gv1__ppas_det_nom_avoir__b1_a1_1", "redémarrer", "redémarré")
    # "Le serveur à redémarrer la nuit dernière" would have no verb left: the participle's fix stands
    assert contested([homophone, participle]) == {homophone}
    for line, infinitive in [
        ("La mise à jour a installer est signalée par une icône.", "installer"),  # "est" stays the verb
        ("Voici les tâches a effectuer avant la migration.", "effectuer"),  # "voici" is the verb
    ]:
        homophone = at(line, "g2__conf_à_a_infinitif__b1_a1_1", "a", "à")
        participle = at(line, "gv1__ppas_det_nom_avoir__b1_a1_1", infinitive, infinitive[:-2] + "é")
        assert participle in contested([homophone, participle])  # "a installé est signalée" is no French
    line = "Sur ce poste on peu installer le logiciel."
    pronoun = at(line, "g2__conf_ont_on__b1_a1_1", "on", "ont")
    verb = at(line, "g2__conf_peu_peut_peux__b8_a1_1", "peu", "peut")
    # "ont peu installer" is no French ("peu" + an infinitive after "avoir"): `peu-peut` keeps "on peut"
    assert contested([pronoun, verb]) == {pronoun}
    line = "Sur ce poste on peu de place."
    pronoun = at(line, "g2__conf_ont_on__b1_a1_1", "on", "ont")
    verb = at(line, "g2__conf_peu_peut_peux__b8_a1_1", "peu", "peut")
    assert contested([pronoun, verb]) == {pronoun, verb}  # no infinitive: "ont peu" or "on peut", a person
    line = "Les utilisateur concerné sont prévenus."
    noun = at(line, "g3__gn_les_1m__b2_a1_1", "utilisateur", "utilisateurs")
    adjective = at(line, "g3__gn_les_2m__b1_a4_1", "concerné", "concernés")
    assert contested([noun, adjective]) == set()  # two slips: both fixes stand
    line = "Ces outils servent a vérifier le réseau."
    homophone = at(line, "g2__conf_à_a_infinitif__b1_a1_1", "a", "à")
    participle = at(line, "gv1__ppas_avoir__b1_a1_1", "vérifier", "vérifié")
    # "servent à vérifier" leaves nothing to say; "servent a vérifié" is still flagged
    assert contested([homophone, participle]) == {participle}
    line = "Les clients rappellent, ils attende la réponse."
    pronoun = at(line, "g2__conj_ils__b1_a2_1", "ils", "il")
    verb = at(line, "g2__conj_ils__b1_a1_1", "attende", "attendent")
    assert contested([pronoun, verb]) == {pronoun}  # one rule's two actions: the plural pronoun stays
    line = "Il faut trier les archives anciens et récentes."
    noun = at(line, "g3__gn_les_2m__b1_a3_1", "archives", "archivés")
    adjective = at(line, "g3__gn_les_2m__b1_a2_1", "anciens", "anciennes")
    assert contested([noun, adjective]) == {noun}  # the noun after "les" stays a noun
    line = "Les sessions refusé sont notées."
    bare = at(line, "g3__gn_les_2m__b1_a3_1", "sessions")  # an action that offers no word
    adjective = at(line, "g3__gn_les_2m__b1_a2_1", "refusé", "refusées")
    assert contested([bare, adjective]) == {bare}


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_an_infinitive_after_falloir_or_pour_is_certain_and_never_questions_a_noun() -> None:
    from supportcards.proofread.grammar import line_errors

    finding = Finding(Location("n.md", 1), 9, "grammar", "g3__infi_falloir__b1_a1_1", "m", "vérifié", ("vérifier",))
    assert certain(finding)
    for correct in ("Il crée un compte pour invité.", "Un accès sans fil sécurisé.", "Il faut du papier recyclé."):
        assert not [rule for rule, _ in line_errors(correct) or [] if rule.startswith("g3__infi")]


@pytest.mark.parametrize(
    ("line", "text", "rule", "fix"),
    [
        ("Et quand à sa taille, elle augmente.", "quand", "g2__conf_quant_quand_qu_en__b1_a1_1", "quant"),
        ("Quand aux serveurs DNS, il les indique.", "Quand", "g2__conf_quant_quand_qu_en__b3_a1_1", "Quant"),
        ("Il se met en veille quand à midi personne n’y est.", "quand", "g2__conf_quant_quand_qu_en__b1_a1_1", None),
        ("Tout est prêt quand à la fin du jour, il part.", "quand", "g2__conf_quant_quand_qu_en__b1_a1_1", None),
        ("Le poste, quand à lui, reste allumé.", "quand", "g2__conf_quant_quand_qu_en__b1_a1_1", "quant"),
        ("Le SSH utilise quand à lui le port 22.", "quand", "g2__conf_quant_quand_qu_en__b1_a1_1", "quant"),
        ("Les fichiers, quand à eux restent chiffrés.", "quand", "g2__conf_quant_quand_qu_en__b1_a1_1", "quant"),
        (
            "Quand à minuit la sauvegarde n’a pas démarré, on relance.",
            "Quand",
            "g2__conf_quant_quand_qu_en__b3_a1_1",
            None,
        ),
        ("Quand à 18 h, le serveur ne répond plus.", "Quand", "g2__conf_quant_quand_qu_en__b3_a1_1", None),
        ("Ils ne sont peut être pas disponibles.", "peut être", "g3__conf_peut_être2__b1_a1_1", "peut-être"),
        ("Ce qu’il fait peut être long.", "peut être", "g3__conf_peut_être2__b1_a1_1", None),
        ("Un NAS dans la même salle que les serveurs ne protège pas.", "protège", "gv2__conj_les__b1_a1_1", None),
        ("Un disque plus lent que les SSD suffit.", "suffit", "subject-verb", None),
        ("Les mêmes règles que le pare-feu s’appliquent au proxy.", "appliquent", "subject-verb", None),
        ("Les postes que les techniciens s’attribue partent.", "attribue", "subject-verb", "attribuent"),
        (
            "Il en faut au moins deux pour que les postes puisse démarrer.",
            "puisse",
            "gv2__conj_les__b1_a1_1",
            "puissent",
        ),
        ("Il vérifie plus souvent afin que les disques tienne.", "tienne", "subject-verb", "tiennent"),
        ("Le disque ainsi que le câble cèdent souvent.", "cèdent", "gv2__conj_le_la_leur_nom__b1_a1_1", None),
        ("Les postes que les techniciens prépare partent.", "prépare", "gv2__conj_les__b1_a1_1", "préparent"),
        ("L’écran qui reste noir peut être débranché.", "peut être", "g3__conf_peut_être2__b1_a1_1", None),
    ],
)
def test_a_locution_is_not_forced_where_the_words_read_as_the_sentences_own(
    line: str, text: str, rule: str, fix: str | None
) -> None:
    column = line.index(text) + 1
    finding = Finding(Location("n.md", 1), column, "grammar", rule, "m", text, (fix or "x",), line, column)
    assert certain_fix(finding) == fix


def test_a_determiner_before_a_capitalised_name_keeps_the_writers_gender() -> None:
    line = "Le réseau utilise le Token Ring depuis des années."
    column = line.index("le Token") + 1
    finding = Finding(Location("n.md", 1), column, "grammar", "g3__gn_le_1m__b3_a2_1", "m", "le", ("la",), line, column)
    assert certain_fix(finding) is None
    other = "Il change le carte réseau."
    column = other.index("le carte") + 1
    finding = Finding(
        Location("n.md", 1), column, "grammar", "g3__gn_le_1m__b3_a2_1", "m", "le", ("la",), other, column
    )
    assert certain_fix(finding) == "la"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
@pytest.mark.parametrize(
    ("line", "text", "fix", "taken"),
    [
        # the verb contradicts its plural subject: agreeing the participle with it spreads the slip
        ("Les mises à jour urgentes doit être appliquées le soir.", "appliquées", "appliquée", False),
        ("Les copies de secours chiffrées est gardées à part.", "gardées", "gardée", False),
        ("Les serveurs peut ne jamais être arrêtés.", "arrêtés", "arrêté", False),
        # the participle disagrees with the subject: its fix stands
        ("Les mises à jour urgentes doivent être appliquée le soir.", "appliquée", "appliquées", True),
        ("La clé de secours doit être gardés à part.", "gardés", "gardée", True),
    ],
)
def test_a_participle_never_agrees_with_a_verb_against_its_subject(line: str, text: str, fix: str, taken: bool) -> None:
    column = line.index(text) + 1
    finding = Finding(
        Location("n.md", 1), column, "grammar", "gv1__ppas_être__b1_a1_1", "m", text, (fix,), line, column
    )
    assert certain_fix(finding) == (fix if taken else None)


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_of_two_genders_offered_after_etre_the_subjects_is_chosen() -> None:
    """Grammalecte offers 'désactivés' and 'désactivées' and, re-run, finds both clean: the subject
    "Les comptes" (masculine), a time complement away, decides."""
    line = "Les comptes inactifs depuis plus de 60 jours sont désactiver chaque nuit."
    column = line.index("désactiver") + 1
    finding = Finding(
        Location("n.md", 1),
        column,
        "grammar",
        "gv1__ppas_être_confusion__b3_a3_1",
        "m",
        "désactiver",
        ("désactivés", "désactivées"),
        line,
        column,
    )
    assert certain_fix(finding) == "désactivés"

    def subject(words: str) -> Finding:
        other = line.replace("Les comptes inactifs", words)
        return replace(finding, context=other, context_column=other.index("désactiver") + 1)

    assert certain_fix(subject("Les sessions inactives")) == "désactivées"
    assert subject_choice(subject("Les élèves absents")) is None  # "élève" is either gender: a person decides


def test_a_capital_that_opens_a_list_item_or_a_sentence_is_no_name() -> None:
    """'Instalation rapide' as a list item is a slip; 'la console Instalation' names something."""
    word = Finding(
        Location("n.md", 1),
        3,
        "spelling",
        "unknown-word",
        "m",
        "Instalation",
        ("Installation",),
        "- Instalation rapide",
        3,
    )
    assert policy_key(word) == "spelling:double-letter" and certain(word)
    after_a_full_stop = replace(word, context="Fait. Instalation rapide", column=7, context_column=7)
    assert certain(after_a_full_stop)
    inside = replace(word, context="Ouvrir la console Instalation", column=19, context_column=19)
    assert policy_key(inside) == "spelling:capitalised" and not certain(inside)


def determiner(line: str, word: str, fix: str) -> Finding:
    column = line.index(f" {word} ") + 2
    return Finding(Location("n.md", 1), column, "grammar", "g3__gn_le_1m__b3_a2_1", "m", word, (fix,), line, column)


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_determiners_gender_before_a_name_or_a_borrowed_term_is_left_to_a_person() -> None:
    """ "le Fibre Channel" names a protocol, not a "fibre"; "le hub" and "le cloud" are English
    terms whose gender is usage. French nouns, even those English shares, keep the fix."""
    assert certain_fix(determiner("Il utilise le Fibre Channel ou l’iSCSI.", "le", "la")) is None
    assert certain_fix(determiner("On branche la Switch Cisco.", "la", "le")) is None
    assert certain_fix(determiner("Il branche la hub du bureau.", "la", "le")) is None
    assert certain_fix(determiner("On stocke tout dans la cloud.", "la", "le")) is None
    assert certain_fix(determiner("Le technicien remplace la disque dur.", "la", "le")) == "le"
    assert certain_fix(determiner("On relance la service web.", "la", "le")) == "le"
    assert certain_fix(determiner("On lit le documentation.", "le", "la")) == "la"
    assert certain_fix(determiner("On range cette disque.", "cette", "ce")) == "ce"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_determiners_gender_before_a_noun_of_either_gender_is_left_to_a_person() -> None:
    """ "le responsable sécurité": "responsable" is a man or a woman, and only "le" says which;
    Grammalecte's "la" comes from "sécurité", a noun after it. A noun of one gender keeps the fix."""
    assert certain_fix(determiner("Il faut prévenir le responsable sécurité du site.", "le", "la")) is None
    assert certain_fix(determiner("On appelle la collègue support pour l’écran.", "la", "le")) is None
    assert certain_fix(determiner("On passe par le secrétaire direction.", "le", "la")) is None
    assert certain_fix(determiner("On lit le documentation.", "le", "la")) == "la"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_determiners_gender_before_a_compound_term_is_left_to_a_person() -> None:
    """ "une jet d’encre" is "une imprimante jet d’encre": a compound term (a noun and its complement
    without determiner) names a kind of thing, and may stand for the feminine noun left unsaid."""
    assert certain_fix(determiner("Les photos sont moins belles qu’avec une jet d’encre.", "une", "un")) is None
    assert certain_fix(determiner("On préfère une fer à souder plus fin.", "une", "un")) is None
    # a complement with its determiner makes no compound
    assert certain_fix(determiner("On garde une disque de la réserve.", "une", "un")) == "un"
    assert certain_fix(determiner("On garde une disque dur.", "une", "un")) == "un"


def after_a(line: str, word: str, fix: str, rule: str = "gv1__ppas_det_nom_avoir__b1_a1_1") -> Finding:
    column = line.index(f" {word}") + 2
    return Finding(Location("n.md", 1), column, "grammar", rule, "m", word, (fix,), line, column)


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_participle_a_read_otherwise_named_a_is_left_to_a_person() -> None:
    """ "la touche a passe en mode insertion": the key "a" passes; "La norme A est": the norme A is.
    A capital "A" inside a sentence is never "avoir", nor is "a" after a noun that letters name
    when the word after it is a verb of the present."""
    assert certain_fix(after_a("Dans vi, la touche a passe en mode insertion.", "passe", "passé")) is None
    assert certain_fix(after_a("La réponse a change selon le cas.", "change", "changé")) is None
    assert certain_fix(after_a("La norme A est plus ancienne que la norme B.", "est", "été")) is None
    assert certain_fix(after_a("Le technicien a installe le logiciel.", "installe", "installé")) == "installé"
    # "avoir" and a noun without article: "avoir pouvoir de signature", as "avoir accès"
    assert certain_fix(after_a("Le responsable a pouvoir de signature.", "pouvoir", "pu")) is None


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_an_agreement_grammalecte_reads_where_another_reading_stands_is_left_to_a_person() -> None:
    # a noun attribute without article keeps its number: "être signe de", "être gage de"
    sign = after_a("Les pannes répétées sont signe d’usure.", "signe", "signes", "gv1__ppas_être_accord_plur__b1_a1_1")
    assert certain_fix(sign) is None
    red = after_a("Les câbles sont rouge vif.", "rouge", "rouges", "gv1__ppas_être_accord_plur__b1_a1_1")
    assert certain_fix(red) == "rouges"  # an adjective agrees
    # "fait" before an infinitive is invariable
    made = after_a("Le technicien les a fait réparer sous garantie.", "fait", "faits", "gv1__ppas_les_avoir__b1_a1_1")
    assert certain_fix(made) is None
    # a past simple is no tense of notes: "compta" is comptabilité shortened
    there = after_a("Les factures de la compta arrivent.", "la", "là", "g2__conf_de_vconj__b4_a5_1")
    assert certain_fix(there) is None
    counted = after_a("Les factures de la compta arrivent.", "compta", "compter", "g3__infi_de_verbe__b4_a1_1")
    assert certain_fix(counted) is None
    # a noun's complement keeps its gender: "la table clients"
    clients = after_a("La colonne de la table clients est vide.", "clients", "cliente", "g3__gn_la_2m__b3_a2_1")
    assert certain_fix(clients) is None
    # "a" -> "à" that takes the clause's only verb: "avoir ordre de", "avoir mission de"
    order = after_a("Le technicien a ordre de ne rien supprimer.", "a", "à", "g2__conf_substantif_à_substantif__b1_a1")
    assert certain_fix(order) is None
    serve = after_a("Elles servent a confirmer la commande.", "a", "à", "g2__conf_à_a_infinitif__b1_a1_1")
    assert certain_fix(serve) == "à"
    key = after_a("- Les ranger dans un local fermé a clé", "a", "à", "g3__conf_à_a_après_verbes__b3_a1_1")
    assert certain_fix(key) == "à"  # no "de" after the noun: "à clé"
    # an adjective that agrees with the head before "de": the head's, not the complement's
    torn = after_a("- Câble de la borne Wi-Fi arraché", "arraché", "arrachée", "g3__gn_la_3m__b1_a1_1")
    assert certain_fix(torn) is None
    done = after_a("- Mise à jour des pilotes terminée", "terminée", "terminées", "g3__gn_des_2m__b1_a4_1")
    assert certain_fix(done) is None
    slow = after_a("Une connexion lents.", "lents", "lente", "g3__gn_une_2m__b1_a2_1")
    assert certain_fix(slow) == "lente"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_le_or_la_before_a_word_that_may_be_a_verb_is_left_to_a_person() -> None:
    """ "`systemctl enable ssh` le lance" : with its subject in code, "le" reads as a determiner,
    but it is the object pronoun of "lance"; its gender is its antecedent's, which no lexicon knows."""
    assert certain_fix(determiner("La commande `x` le lance au démarrage.", "le", "la")) is None
    assert certain_fix(determiner("Le script la ferme après usage.", "la", "le")) is None
    assert certain_fix(determiner("Le technicien remplace la disque dur.", "la", "le")) == "le"


def test_a_participle_agreed_with_its_subject_outranks_one_agreed_with_etre_alone() -> None:
    line = "Les images du disque système sont compressé puis copiées."
    column = line.index("compressé") + 1

    def on_word(rule: str, fix: str) -> Finding:
        return Finding(Location("n.md", 1), column, "grammar", rule, "m", "compressé", (fix,), line, column)

    unlinked = on_word("gv1__ppas_être_accord_plur__b1_a1_1", "compressés")
    subject = on_word("distant-participle", "compressées")
    # Grammalecte agreed the participle with "être" alone; the subject's gender stands
    assert same_word_rivals([unlinked, subject]) == {unlinked}
    assert contested([unlinked, subject]) == {unlinked}
    assert same_word_rivals([unlinked, on_word("noun-adjective", "compressée")]) == set()
    assert same_word_rivals([unlinked, on_word("participle-agreement", "compressés")]) == set()


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_determiner_that_agrees_with_its_noun_stays_and_the_adjective_is_fixed() -> None:
    """ "une pratique dangereux": 'une' -> 'un' or 'dangereux' -> 'dangereuse'; "pratique" is a
    feminine noun, so 'un' would make a new slip."""

    def at(line: str, rule: str, text: str, *fixes: str) -> Finding:
        column = line.index(f" {text} ") + 2
        return Finding(Location("n.md", 1), column, "grammar", rule, "m", text, fixes, line, column)

    line = "Donner les droits 777 est une pratique dangereux , car tout le monde écrit."
    determiner = at(line, "g3__gn_une_2m__b1_a3_1", "une", "un")
    adjective = at(line, "g3__gn_une_2m__b1_a2_1", "dangereux", "dangereuse")
    assert contested([determiner, adjective]) == {determiner}
    line = "Ce disque externe est la vrai copie de secours."  # the noun after the adjective; "vrai" is a noun too
    determiner = at(line, "g3__gn_la_1m__b2_a2_1", "la", "le")
    adjective = at(line, "g3__gn_la_1m__b2_a3_1", "vrai", "vraie")
    assert contested([determiner, adjective]) == {determiner}
    line = "C’est un élève brillante , dit le professeur."  # "élève" is either gender: a person chooses
    determiner = at(line, "g3__gn_un_2m__b1_a3_1", "un", "une")
    adjective = at(line, "g3__gn_un_2m__b1_a2_1", "brillante", "brillant")
    assert contested([determiner, adjective]) == {determiner, adjective}


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_finding_of_grammalecte_that_an_agreement_check_of_ours_makes_too_is_certain() -> None:
    """Where both make the same fix the proofreader keeps Grammalecte's finding (`si-conditional`
    makes it too: certain)."""
    line = "Si on lancerait la même commande avec sudo, elle fonctionnerait."
    column = line.index("lancerait") + 1
    rule = "gv2__vmode_si_sujet_conditionnel_subjonctif__b3_a1_1"
    found = Finding(Location("n.md", 1), column, "grammar", rule, "m", "lancerait", ("lançait",), line, column)
    assert certain_fix(found) == "lançait"


def _on_word(line: str, word: str, kind: str, rule: str, *suggestions: str) -> Finding:
    column = line.index(word) + 1
    return Finding(Location("n.md", 5), column, kind, rule, "", word, suggestions, line, column)


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_fix_of_an_unknown_word_to_another_word_than_the_spellers_close_one_is_contested() -> None:

    line = "Le câble relie la voie passente au quai."
    spelt = _on_word(line, "passente", "spelling", "unknown-word", "passante", "passent")
    invented = _on_word(line, "passente", "grammar", "invented-form", "passe")
    assert spelling_rivals([spelt, invented]) == {invented}  # 'passante', one sound away, is another word
    line = "Les stagiaires recevent leur badge lundi."
    spelt = _on_word(line, "recevent", "spelling", "unknown-word", "recevant")
    invented = _on_word(line, "recevent", "grammar", "invented-form", "reçoivent")
    assert spelling_rivals([spelt, invented]) == set()  # 'recevant' is of the same verb: the form decides


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_plural_noun_naming_people_after_a_singular_noun_is_its_complement() -> None:
    """'le Wi-Fi invités', 'le portail abonnés': the people the first noun serves keep their plural;
    a participle no noun reads ('le compte bloqués') still agrees, and so does a plural head's."""
    un, le = "g3__gn_un_2m__b1_a4_1", "g3__gn_le_2m__b1_a4_1"
    assert certain_fix(rule_finding("On se connecte à un Wi-Fi invités, séparé.", "invités", "invité", un)) is None
    assert certain_fix(rule_finding("Pour le Wi-Fi invités, un bail court.", "invités", "invité", le)) is None
    assert certain_fix(rule_finding("Le portail abonnés est fermé le dimanche.", "abonnés", "abonné", le)) is None
    assert certain_fix(rule_finding("Le compte bloqués est rouvert.", "bloqués", "bloqué", le)) == "bloqué"
    assert certain_fix(rule_finding("Un poste connectés au réseau.", "connectés", "connecté", un)) == "connecté"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_determiner_in_a_named_command_is_its_argument() -> None:
    """'La commande ps aux liste': "aux" is the argument of "ps", "liste" the verb; a determiner
    after a French word, or before a word that is no verb, still makes a noun group."""
    aux = "g3__gn_ces_aux_pluriel_1m__b1_a1_1"
    assert certain_fix(rule_finding("La commande ps aux liste les processus.", "liste", "listes", aux)) is None
    assert certain_fix(rule_finding("La commande ps aux affiche tout.", "affiche", "affiches", aux)) is None
    assert certain_fix(rule_finding("Il donne aux équipe les droits.", "équipe", "équipes", aux)) == "équipes"
    line = "Le service nginx des serveur web tourne."
    assert certain_fix(rule_finding(line, "serveur", "serveurs", "g3__gn_det_epi_plur_1m__b1_a1_1")) == "serveurs"
    line = "Le rapport part par mail aux équipe chaque soir."
    assert certain_fix(rule_finding(line, "équipe", "équipes", aux)) == "équipes"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_participle_before_de_and_an_infinitive_is_left_to_a_person() -> None:
    """ "qu’on leur a demandé de changer": "que" is the infinitive's object, the participle stays;
    "qu’on a priés de patienter" agrees. A person tells; a participle before a noun still agrees."""
    rule = "gv1__ppas_det_plur_COD_que_avoir__b1_a2_1"
    line = "Les mots de passe qu’on leur a demandé de changer étaient trop courts."
    assert certain_fix(rule_finding(line, "demandé", "demandés", rule)) is None
    line = "Les postes qu’on lui a conseillé d’éteindre chauffaient."
    assert certain_fix(rule_finding(line, "conseillé", "conseillés", rule)) is None
    line = "Les portables qu’on a prêté aux stagiaires sont revenus."
    assert certain_fix(rule_finding(line, "prêté", "prêtés", rule)) == "prêtés"
    line = "Le technicien a penser à débrancher le câble."  # an infinitive for the participle: no agreement
    assert certain_fix(rule_finding(line, "penser", "pensé", "gv1__ppas_det_nom_avoir__b1_a1_1")) == "pensé"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_an_adjective_after_a_word_beginning_like_de_is_no_complements_agreement() -> None:
    """The head's guard looks for the preposition "de", not for words starting with its letters
    ("une période limité": "période" holds no "de"); after a determiner the adjective qualifies
    the noun that follows."""
    gn = "g3__gn_une_2m__b1_a2_1"
    assert certain_fix(rule_finding("Le jeton vaut pour une période limité.", "limité", "limitée", gn)) == "limitée"
    assert certain_fix(rule_finding("Le jeton vaut pour une durée limité.", "limité", "limitée", gn)) == "limitée"
    line = "Le chiffrement reste la principal protection du disque."
    assert certain_fix(rule_finding(line, "principal", "principale", "g3__gn_la_1m__b2_a3_1")) == "principale"
    line = "- Câble de la borne Wi-Fi arraché"
    assert certain_fix(rule_finding(line, "arraché", "arrachée", "g3__gn_la_3m__b1_a1_1")) is None
    line = "La mise à jour des postes prévue lundi est reportée."
    assert certain_fix(rule_finding(line, "prévue", "prévues", "g3__gn_des_2m__b1_a4_1")) is None


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_avoir_and_a_bare_noun_needs_a_subject() -> None:
    """ "Le chef a autorité sur" keeps its verb; a list item of bare nouns has none to keep."""
    conf = "g2__conf_à_a_locutions__b1_a1_1"
    assert certain_fix(rule_finding("- Blocage et suppression a distance du compte", "a", "à", conf)) == "à"
    assert certain_fix(rule_finding("Sauvegarde a distance de la base", "a", "à", conf)) == "à"
    noun = "g2__conf_substantif_à_substantif__b1_a1_1"
    assert certain_fix(rule_finding("Le technicien a ordre de ne rien effacer.", "a", "à", noun)) is None
    assert certain_fix(rule_finding("Il a rendez-vous avec le client.", "a", "à", noun)) is None
    assert certain_fix(rule_finding("Microsoft a priorité sur les autres.", "a", "à", noun)) is None


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_an_adjective_or_a_determiner_after_a_noun_is_no_noun_complement() -> None:
    """ "les droits administrateur" keeps its number; "les tests inverse", "des débits bien
    meilleur" and "gardent leur outils" do not."""
    assert certain_fix(agreement("Les tests inverse confirment la panne.", "inverse", "inverses")) == "inverses"
    assert certain_fix(agreement("Les liens ancien sont supprimés.", "ancien", "anciens")) == "anciens"
    line = "Ils obtiennent des débits bien meilleur avec la fibre."
    assert certain_fix(agreement(line, "meilleur", "meilleurs")) == "meilleurs"
    assert certain_fix(agreement("Ils gardent leur outils.", "leur", "leurs")) == "leurs"
    assert certain_fix(agreement("Les droits administrateur sont requis.", "administrateur", "administrateurs")) is None
    assert certain_fix(agreement("Des câbles réseau neufs.", "réseau", "réseaux")) is None


def test_a_determiner_whose_plural_is_not_heard_takes_it_before_a_plural_noun() -> None:
    """ "leur outils": 'leur' -> 'leurs' or 'outils' -> 'outil'; the noun's written "s" is meant."""
    where = Location("n.md", 3)
    determiner = Finding(where, 12, "grammar", "g3__gn_leur_1m__b2_a1_1", "m", "leur", ("leurs",))
    noun = Finding(where, 17, "grammar", "g3__gn_leur_1m__b2_a2_1", "m", "outils", ("outil",))
    assert contested([determiner, noun]) == {noun}
    article = replace(determiner, text="la", suggestions=("les",))
    assert contested([article, noun]) == {article, noun}  # "la outils": a heard plural, a person decides


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_of_several_agreements_the_only_form_of_the_written_word_is_chosen() -> None:
    line = "Il lance des scripts simple chaque soir."
    rule = "g3__gn_des_2m__b1_a4_1"
    simple = Finding(Location("n.md", 1), 24, "grammar", rule, "m", "simple", ("simples", "simplex"), line, 24)
    assert number_choice(simple) == "simples"
    assert certain_fix(simple) == "simples"
    genders = replace(simple, text="meilleur", suggestions=("meilleurs", "meilleures"))
    assert number_choice(genders) is None  # two forms of the word: its gender is a choice


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_of_several_conjugations_after_a_noun_the_only_third_person_is_chosen() -> None:
    line = "Tous les postes redémarre la nuit."
    verb = Finding(
        Location("n.md", 1), 17, "grammar", "gv2__conj_les_nom__b1_a2_1", "m", "redémarre",
        ("redémarrent", "redémarres", "redémarrés"), line, 17,
    )  # fmt: skip
    assert person_choice(verb) == "redémarrent"
    assert certain_fix(verb) == "redémarrent"
    assert person_choice(replace(verb, rule="gv2__conj_eq_vous__b1_a1_1")) is None
    assert person_choice(replace(verb, suggestions=("redémarres", "redémarrés"))) is None  # no third person
    assert person_choice(replace(verb, suggestions=("redémarrent", "redémarrait"))) == "redémarrent"  # tense kept


def spelling_in(line: str, word: str, *suggestions: str) -> Finding:
    column = line.index(word) + 1
    return Finding(Location("n.md", 1), column, "spelling", "unknown-word", "m", word, suggestions, line, column)


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_feminine_noun_given_a_participles_ending_loses_it() -> None:
    """ "la prioritée": a noun in -é agrees with nothing; a word that may agree is left."""
    found = spelling_in("Ce ticket a la prioritée sur les autres.", "prioritée", "priorités", "priorité")
    assert policy_key(found) == "spelling:feminine-e" and certain_fix(found) == "priorité"
    plural = spelling_in("Les capacitées des disques.", "capacitées", "capacités", "capacité")
    assert certain_fix(plural) == "capacités"
    masculine = spelling_in("Il passe de l’autre côtée du bureau.", "côtée", "côtes", "côté", "cotée")
    assert certain_fix(masculine) is None  # "côté" is masculine: not the slip of a feminine


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_the_first_suggestion_that_fits_the_determiner_is_taken_when_a_cheap_slip_away() -> None:
    """ "le bagde": 'bande' is feminine, 'badge', two letters swapped, fits "le"."""
    found = spelling_in("Il rend le bagde à l’accueil.", "bagde", "bande", "badge", "barde", "bague")
    assert policy_key(found) == "spelling:swap" and certain_fix(found) == "badge"
    feminine = spelling_in("Il rend la bagde à l’accueil.", "bagde", "bande", "badge", "barde", "bague")
    assert certain_fix(feminine) is None  # 'bande' fits "la": the speller's first choice stands, and is no cheap slip


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_word_swapped_for_one_of_another_lemma_is_left_to_a_person() -> None:
    """ "les applications on accès" is "ont accès", not "on axait"; "La salle a sont propre compte" is
    "son", not "a été": the slip is the small word beside the one Grammalecte would change."""
    on = "g2__conf_on_non_verbe__b1_a3_1"
    assert certain_fix(rule_finding("Les applications on accès au micro.", "accès", "axait", on)) is None
    ppas = "gv1__ppas_det_nom_avoir__b1_a1_1"
    assert certain_fix(rule_finding("La salle a sont propre compte.", "sont", "été", ppas)) is None
    conj = "gv2__conj_les_nom__b1_a3_1"
    assert certain_fix(rule_finding("Les employés ouvre un ticket.", "ouvre", "ouvrent", conj)) == "ouvrent"
    after = "g3__conf_a_à_après_verbes__b5_a1_1"
    assert certain_fix(rule_finding("Il envoie le ticket a l’équipe réseau.", "a", "à", after)) == "à"
    assert (
        certain_fix(rule_finding("Il a été bloquer hier.", "bloquer", "bloqué", "gv1__ppas_avoir_été__b1_a1_1"))
        == "bloqué"
    )


def test_of_a_verb_and_its_imperfect_offered_for_a_participle_the_one_heard_is_chosen() -> None:
    """ "Le dossier se rempli": 'remplit' sounds as written, 'remplissait' changes the tense."""
    line = "Le dossier partagé se rempli chaque semaine."
    column = line.index("rempli") + 1
    rule = "g2__conf_non_verbe_après_préverbes__b6_a2_1"
    offered = ("remplit", "remplissait")
    finding = Finding(Location("n.md", 1), column, "grammar", rule, "m", "rempli", offered, line, column)
    assert certain_fix(finding) == "remplit"

    assert sound_choice(replace(finding, suggestions=("remplit", "remplis"))) is None  # both heard
    after_on = replace(finding, rule="g2__conj_on__b1_a1_1", text="suivi", suggestions=("suit", "suivait", "suivit"))
    assert certain_fix(after_on) is None  # "on suivi": "ont suivi" was meant


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_participle_after_a_measure_may_agree_with_the_noun_before_it() -> None:
    """ "des adresses sur 128 bits écrites en hexadécimal": the addresses are written, not the bits."""
    line = "Il gère des adresses sur 128 bits écrites en hexadécimal."
    column = line.index("écrites") + 1
    rule = "g3__gn_nombre_chiffres_1m__b3_a2_1"
    finding = Finding(Location("n.md", 1), column, "grammar", rule, "m", "écrites", ("écrits",), line, column)
    assert certain_fix(finding) is None
    alone = "Il gère un code sur 128 bits écrites en hexadécimal."
    elsewhere = replace(finding, context=alone, context_column=alone.index("écrites") + 1)
    assert certain_fix(elsewhere) == "écrits"  # no noun before the measure agrees with the written form


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
@pytest.mark.parametrize(
    ("line", "word", "fix", "rule", "taken"),
    [
        # a number that names a version is no count
        ("- Wi-Fi 6 activé sur la borne", "activé", "activés", "g3__gn_nombre_chiffres_1m__b2_a1_1", False),
        ("- Version 3.1 installée", "installée", "installées", "g3__gn_nombre_chiffres_1m__b2_a1_1", False),
        ("- 3 disques installé", "installé", "installés", "g3__gn_nombre_chiffres_1m__b2_a1_1", True),
        # an acronym's gender is the student's; its number is checked
        ("Il existe des API publiques et privées.", "publiques", "publics", "g3__gn_des_2m__b1_a2_1", False),
        ("Il existe des API rapide.", "rapide", "rapides", "g3__gn_des_2m__b1_a2_1", True),
        # the first word of an English term
        ("Plusieurs help desks se relaient.", "help", "helps", "g3__gn_plusieurs_1m__b1_a1_1", False),
        # an adjective used as an adverb after an adverb of degree
        ("On tient les câbles bien droit pendant le sertissage.", "droit", "droits", "g3__gn_les_2m__b1_a4_1", False),
        ("On garde les câbles droit.", "droit", "droits", "g3__gn_les_2m__b1_a4_1", True),
        # "tel quel" is one locution
        ("On restaure la base telle quelle.", "quelle", "qu’elle", "g2__conf_quelle_qu_elle__b1_a1_1", False),
        # a participle after a participle it agrees with describes the subject
        (
            "Les sauvegardes sont envoyées compressées au NAS.",
            "compressées",
            "compresser",
            "g3__infi_verbes__b3_a1_1",
            False,
        ),
        ("Il a voulu vérifié le câble.", "vérifié", "vérifier", "g3__infi_verbes__b3_a1_1", True),
        # a participle after an adverb of degree, or after "c’est" where "s’est" was meant, or before its noun
        ("- Fiche arrachée ou trop tordu", "tordu", "tordre", "g3__infi_divers__b1_a1_1", False),
        (
            "Si la migration c’est mal passée, on restaure.",
            "passée",
            "passé",
            "gv1__ppas_3sg_mas_verbe_état__b4_a1_1",
            False,
        ),
        ("Il saisit sont propre code.", "propre", "propres", "gv1__ppas_être_accord_plur__b1_a1_1", False),
        # the fix would give the attribute another number than its "être"
        (
            "Les câbles sont toujours neuf et rangés.",
            "rangés",
            "rangé",
            "gv1__ppas_fin_loc_verb_état_adj_et_adj__b1_a1_1",
            False,
        ),
        ("Les câbles sont neufs et rangé.", "rangé", "rangés", "gv1__ppas_fin_loc_verb_état_adj_et_adj__b1_a1_1", True),
        # a compound of a noun and the clause's verb
        (
            "Le panneau à la porte affiche l’horaire.",
            "porte affiche",
            "porte-affiche",
            "g2__tu_mots_composés_verbe_nom__b5_a1_1",
            False,
        ),
        (
            "On installe un porte affiche au mur.",
            "porte affiche",
            "porte-affiche",
            "g2__tu_mots_composés_verbe_nom__b5_a1_1",
            True,
        ),
        # a verb before its inverted subject of two nouns
        (
            "C’est le dossier où se trouvent le rapport et la liste des postes.",
            "trouvent",
            "trouve",
            "gv2__conj_que_où_comment_verbe_sujet_sing__b2_a1_1",
            False,
        ),
        (
            "C’est le dossier où se trouvent le rapport du mois.",
            "trouvent",
            "trouve",
            "gv2__conj_que_où_comment_verbe_sujet_sing__b2_a1_1",
            True,
        ),
        # no elision before an aspirated "h"
        ("Le hameçonnage vise les comptables.", "Le ", "L’", "g2__eleu_élisions_manquantes__b1_a1_1", False),
        ("Il lit le historique.", "le ", "l’", "g2__eleu_élisions_manquantes__b1_a1_1", True),
        # a code and its name before the verb; an English term
        ("Le code 404 Introuvable veut dire absent.", "veut", "veulent", "subject-verb", False),
        ("Les avantages d’un reverse proxy.", "reverse", "reversé", "g2__conf_de_vconj__b5_a1_1", False),
        ("La bande passante sur le lien garantie reste basse.", "garantie", "garanti", "g3__gn_le_2m__b1_a2_1", False),
        # a prefix joined to a verb: the word before is a name
        ("L’outil nano est simple.", "nano est", "nano-est", "g2__tu_préfixe_xxxo__b2_a1_1", False),
        ("Il installe un anti virus.", "anti virus", "anti-virus", "g2__tu_préfixe_xxxo__b2_a1_1", True),
        # a quoted label is a noun group of its own
        ("Ouvrez l’onglet « Options avancées ».", "Options", "Option", "g3__gn_le_2m__b1_a4_1", False),
        ("Le bouton « Suivant » reste grisé.", "reste", "restent", "gv2__conj_les_nom__b1_a3_1", False),
        ("Ils sont rangé sous clé.", "rangé", "rangés", "gv1__ppas_3pl_mas_verbe_état__b1_a1_1", True),
        ("Les disques sont plein ce matin.", "plein", "pleins", "gv1__ppas_être_accord_plur__b1_a1_1", True),
        # a first word read only as a past simple is a name: notes never use that tense
        ("Donna Sync copie les comptes chaque nuit.", "Donna", "Elle donna", "front-pronoun", False),
        ("Permet de relier deux réseaux.", "Permet", "Elle permet", "front-pronoun", True),
        # a present participle with its object or complement is a verb, invariable
        ("Les journaux contenant des erreurs sont gardés.", "contenant", "contenants", "noun-adjective", False),
        ("Les lignes correspondant à la recherche.", "correspondant", "correspondantes", "noun-adjective", False),
        ("Les fichiers manquant sont listés.", "manquant", "manquants", "noun-adjective", True),
        # a host name before "peut être" is its subject
        (
            "Le serveur intranet.exemple.ch peut être un alias.",
            "peut être",
            "peut-être",
            "g3__conf_peut_être2__b2_a1_1",
            False,
        ),
    ],
)
def test_readings_in_which_the_fix_would_damage_correct_text_are_left(
    line: str, word: str, fix: str, rule: str, taken: bool
) -> None:
    assert certain_fix(rule_finding(line, word, fix, rule)) == (fix if taken else None)


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_of_two_subjunctives_offered_for_a_present_the_present_is_chosen() -> None:
    line = "Il faut qu’on le fait redémarrer ce soir."
    finding = rule_finding(line, "fait", "fasse", "gv2__vmode_verbe_que_subjonctif__b1_a1_1")
    assert certain_fix(replace(finding, suggestions=("fasse", "fît"))) == "fasse"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
@pytest.mark.parametrize(
    ("line", "word", "suggestion"),
    [
        ("On installe des serveurs comme lighttpd, postgres ou memcached.", "postgres", "postures"),
        ("Les agents kubelet et prometeus tournent sur chaque nœud.", "prometeus", "prometheus"),
    ],
)
def test_a_word_listed_beside_a_name_no_dictionary_knows_is_a_name(line: str, word: str, suggestion: str) -> None:
    finding = spelling_in(line, word, suggestion)
    assert policy_key(finding) == "spelling:name" and certain_fix(finding) is None


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_slip_listed_beside_french_words_is_no_name() -> None:
    finding = spelling_in("On vérifie les câbles, les ecrans et les claviers.", "ecrans", "écrans")
    assert policy_key(finding) == "spelling:accents" and certain_fix(finding) == "écrans"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_spelling_fix_gives_way_to_a_check_that_takes_another_of_its_suggestions() -> None:
    line = "Demain, le technicien résoudera le ticket."
    spelt = spelling_in(line, "résoudera", "ressoudera", "résoudra")
    checked = replace(spelt, kind="grammar", rule="invented-form", suggestions=("résoudra",))
    assert contested([spelt, checked]) == {spelt}
    assert contested([spelt, replace(checked, suggestions=("résout",))]) == set()


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
@pytest.mark.parametrize(
    ("line", "word", "suggestions", "fix"),
    [
        ("Le port série est sur la carte mére.", "mére", ("mère", "mare"), "mère"),
        ("La partie hote identifie la machine.", "hote", ("hôte", "haute"), None),  # no accent: a name too
        ("On tape ping puis less.", "less", ("les", "mess"), None),
    ],
)
def test_a_short_word_with_a_wrong_accent_is_fixed(
    line: str, word: str, suggestions: tuple[str, ...], fix: str | None
) -> None:
    assert certain_fix(spelling_in(line, word, *suggestions)) == fix


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
@pytest.mark.parametrize(
    ("line", "word", "fix", "rule", "taken"),
    [
        # a complement that opens the sentence is no member of a list of subjects
        (
            "Après deux coupures, les batteries sont vidé et l’onduleur s’arrête.",
            "vidé",
            "vidées",
            "gv1__ppas_sujet_être_accord_pluriel__b1_a2_1",
            True,
        ),
        (
            "Les câbles, les prises et les batteries sont vidé.",
            "vidé",
            "vidées",
            "gv1__ppas_sujet_être_accord_pluriel__b1_a2_1",
            False,
        ),
        # an aside that opens with a preposition is no subject either
        (
            "Les routeurs du site, même en dehors des heures ouvrées, sont surveillé.",
            "surveillé",
            "surveillés",
            "gv1__ppas_être_accord_plur__b2_a1_1",
            True,
        ),
        ("Les alarmes, dans les bureaux, sont coupé.", "coupé", "coupés", "gv1__ppas_être_accord_plur__b2_a1_1", False),
        # after a verb, the adjective qualifies the verb's object, not the complement's head before it
        ("Les imprimantes de bureau impriment une page flou.", "flou", "floue", "g3__gn_une_2m__b1_a2_1", True),
        ("La copie des fichiers prévu lundi est annulée.", "prévu", "prévue", "g3__gn_le_1m__b1_a1_1", False),
        # an adjective that is no participle nor a person's noun qualifies the noun before it
        ("On installe des versions officiel du logiciel.", "officiel", "officielles", "g3__gn_des_2m__b1_a2_1", True),
        ("Les commandes top et htop affichent la charge.", "top", "tops", "g3__gn_les_2m__b1_a4_1", False),
        (
            "On ouvre des sessions utilisateur sur le serveur.",
            "utilisateur",
            "utilisatrices",
            "g3__gn_des_2m__b1_a2_1",
            False,
        ),
    ],
)
def test_agreement_guards_refuse_no_fix_the_clause_settles(
    line: str, word: str, fix: str, rule: str, taken: bool
) -> None:
    column = line.index(word) + 1
    finding = Finding(Location("n.md", 1), column, "grammar", rule, "m", word, (fix,), line, column)
    assert (certain_fix(finding) == fix) is taken


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_code_shortened_nouns_and_a_subject_joined_by_comme_are_left_to_a_person() -> None:
    """Readings where a fix damages correct text, each in a sentence of its own."""
    line = "Pour voir l’état, on lance git status dans le dossier."  # a command before its subcommand
    assert certain_fix(rule_finding(line, "git", "gisant", "g2__conf_préposition_det_verbe__b3_a1_1")) is None
    line = "Les stagiaires du service compta, qui arrivent lundi, reçoivent un poste."  # 'compta', no past simple
    assert certain_fix(rule_finding(line, "compta", "comptèrent", "subject-verb")) is None
    line = "Le routeur comme le pare-feu doivent connaître la route."  # the verb agrees with both
    assert certain_fix(rule_finding(line, "doivent", "doit", "gv2__conj_le_la_leur_nom__b1_a3_1")) is None
    line = "Le routeur du bureau doivent connaître la route."  # no second subject: the fix stands
    assert certain_fix(rule_finding(line, "doivent", "doit", "gv2__conj_le_la_leur_nom__b1_a3_1")) == "doit"
    line = "- Taille de bloc des disques différente sur les deux baies"  # the head's agreement
    assert certain_fix(rule_finding(line, "différente", "différentes", "plural-adjective")) is None


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_une_fois_and_an_infinitive_for_the_participle_takes_the_one_agreeing_with_the_noun() -> None:
    rule = "g2__ppas_une_fois_det_nom_adj__b1_a1_1"
    for line, word, fixed in [
        ("Une fois les câbles brancher, on allume l’écran.", "brancher", "branchés"),
        ("Une fois le ticket fermer, l’utilisateur reçoit un courriel.", "fermer", "fermé"),
    ]:
        column = line.index(word) + 1
        stem = word[:-2]
        fixes = (stem + "é", stem + "és", stem + "ée")
        finding = Finding(Location("n.md", 1), column, "grammar", rule, "m", word, fixes, line, column)
        assert certain_fix(finding) == fixed


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_written_for_the_auxiliary_is_a_where_the_clause_has_no_other_verb() -> None:
    """One rule's two actions: 'à' -> 'a', or the participle -> the infinitive ("à redémarrer")."""

    def pair(line: str, participle: str) -> tuple[Finding, Finding]:
        at, column = line.index(" à ") + 2, line.index(participle) + 1
        rule = "g2__conf_a_à_verbe__b15_a"
        auxiliary = Finding(Location("n.md", 1), at, "grammar", rule + "2_1", "m", "à", ("a",), line, at)
        infinitive = participle[:-1] + "er"
        other = Finding(
            Location("n.md", 1), column, "grammar", rule + "3_1", "m", participle, (infinitive,), line, column
        )
        return auxiliary, other

    auxiliary, other = pair("On vérifie que le serveur à redémarré cette nuit.", "redémarré")
    assert contested([auxiliary, other]) == {other}  # no other verb in "que le serveur … cette nuit"
    auxiliary, other = pair("Le poste à redémarré est dans le bureau.", "redémarré")
    assert contested([auxiliary, other]) == {auxiliary, other}  # "est" is the verb: "à redémarrer" may be meant


def _article(rule: str, text: str, *suggestions: str) -> Finding:
    context = f"Il faut vérifier {text} autorise les ports."
    return Finding(Location("n.md", 1), 1, "grammar", rule, "m", text, suggestions, context, 18)


def test_a_missing_article_of_a_definite_reading_takes_the_one_definite_article() -> None:
    subject = _article("article-subject", "que pare-feu", "que le pare-feu", "que un pare-feu")
    assert certain_fix(subject) == "que le pare-feu"
    elided = _article("article-acting-verb", "écran", "l’écran", "un écran")
    assert certain_fix(elided) == "l’écran"
    plural = _article("article-dans", "dans journaux", "dans les journaux", "dans des journaux")
    assert certain_fix(plural) == "dans les journaux"


def test_a_missing_article_with_two_genders_or_of_another_reading_is_left_to_a_person() -> None:
    both = _article(
        "article-dans", "dans gestionnaire", "dans le gestionnaire", "dans la gestionnaire", "dans un gestionnaire"
    )
    assert certain_fix(both) is None
    other = _article("article-verb", "mot", "un mot", "le mot")
    assert certain_fix(other) is None
    assert certain_fix(_article("article-preposition", "vers fichier", "vers le fichier", "vers un fichier")) is None


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_capital_letter_before_a_is_no_pronoun_y() -> None:
    line = "Le clavier écrit des Q à la place des A."
    assert certain_fix(rule_finding(line, "à", "a", "g2__conf_a_à_verbe__b2_a1_1")) is None
    line = "Il y à trois postes."
    assert certain_fix(rule_finding(line, "à", "a", "g2__conf_a_à_verbe__b2_a1_1")) == "a"


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_readings_that_damaged_chapters_140_to_149_are_left_to_a_person() -> None:
    """Each in a sentence of its own: an aspirated h, a numbered label, an invariable noun, an attribute."""
    line = "Le pirate vise du hardware ancien."
    assert certain_fix(rule_finding(line, "du ", "de l’", "g3__gn_du_1m__b2_a1_1")) is None
    line = "- 2 alert : alerte"
    assert certain_fix(rule_finding(line, "alert", "alerts", "g3__gn_nombre_chiffres_1m__b2_a1_1")) is None
    line = "Il faut 2 disque pour un miroir."  # a count: the plural stands
    assert certain_fix(rule_finding(line, "disque", "disques", "g3__gn_nombre_chiffres_1m__b2_a1_1")) == "disques"
    line = "Un accès distant demande un VPN."
    assert certain_fix(rule_finding(line, "distant", "distants", "noun-adjective")) is None
    line = "Les correctifs doivent être testés avant."
    assert certain_fix(rule_finding(line, "testés", "testé", "noun-adjective")) is None


@pytest.mark.skipif(not engine_available(), reason="Grammalecte is not installed")
def test_a_homophone_listed_beside_a_name_is_a_name() -> None:
    line = "On bloque le compte guest ou sa sur le serveur."  # an account's name
    assert certain_fix(rule_finding(line, "sa", "ça", "g2__conf_ça_çà_sa__b2_a1_1")) is None
    line = "Il redémarre et sa marche."  # "et" after a French word: the fix stands
    assert certain_fix(rule_finding(line, "sa", "ça", "g2__conf_ça_çà_sa__b2_a1_1")) == "ça"
