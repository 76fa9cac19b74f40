"""The homophone checks (`proofread/homophones.py` and `proofread/clause_homophones.py`), each on
sentences written for it: the slips it must flag, and correct look-alikes it must leave alone."""

from __future__ import annotations

from dataclasses import replace

import pytest

from supportcards.model import Card, Finding, Location
from supportcards.proofread.clause_homophones import CHECKS as CLAUSE_CHECKS
from supportcards.proofread.clause_homophones import (
    a_possessif,
    a_sans_sujet,
    ca_sa,
    ce_se_sujet,
    ces_compris,
    ces_possessif,
    leur_leurs,
    ou_liste,
    peut_etre_sans_sujet,
    pres_pret,
    qui_a,
    sa_ca,
)
from supportcards.proofread.grammar import engine, engine_available
from supportcards.proofread.homophones import (
    HOMOPHONE_CHECKS,
    a_a,
    c_est_s_est,
    ces_ses,
    et_est_verbe,
    line_readings,
    on_ont,
    on_ont_sujet,
    ou_ou,
    ou_ou_inversion,
    peu_peut,
    peut_etre,
    son_sont,
    son_sont_adverbe,
)
from supportcards.proofread.rules import OWN_CHECKS
from supportcards.proofread.spelling import Speller
from supportcards.proofread.text import CardText, front_terms

pytestmark = pytest.mark.skipif(
    not engine_available(), reason="Grammalecte is not installed (apt install python3-grammalecte, then make)"
)


def flagged(check, back: str, front: str = "Question") -> list[tuple[str, str, tuple[str, ...]]]:
    source = Card(front=front, back=back, location=Location("n.md", 3), back_line=4)
    text = CardText(source, front, back, (), front_terms(front))
    checker = engine()
    assert checker is not None
    found = check(text, Speller(engine=checker.getSpellChecker()))
    return [(issue.rule, text.text(issue.part)[issue.start : issue.end], issue.suggestions) for issue in found]


def every_check(back: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [finding for _, check in HOMOPHONE_CHECKS for finding in flagged(check, back)]


def test_the_checks_are_registered_with_the_own_checks() -> None:
    assert set(dict(HOMOPHONE_CHECKS)) <= set(dict(OWN_CHECKS))


def test_without_grammalecte_the_checks_say_nothing() -> None:
    source = Card(front="Q", back="Les serveurs son souvent lents.", location=Location("n.md", 3), back_line=4)
    text = CardText(source, "Q", source.back)
    assert all(check(text, Speller()) == [] for _, check in HOMOPHONE_CHECKS)


def test_ou_before_a_pronominal_verb_and_its_subject_is_ou_with_an_accent() -> None:
    assert flagged(ou_ou, "Il range le fichier dans le dossier ou se trouvent les sauvegardes.") == [
        ("ou-où", "ou", ("où",))
    ]
    assert flagged(ou_ou, "La salle serveur est la pièce ou se trouvent les baies.") == [("ou-où", "ou", ("où",))]
    assert flagged(ou_ou, "Il lit le disque ou se trouvent les journaux du serveur.") == [("ou-où", "ou", ("où",))]


def test_ou_in_au_cas_ou_or_a_question_before_a_pronominal_verb_is_ou_with_an_accent() -> None:
    assert flagged(ou_ou, "Au cas ou le serveur tombe, on bascule sur le secours.") == [("ou-où", "ou", ("où",))]
    assert flagged(ou_ou, "Ou se trouve le fichier hosts ?") == [("ou-où", "Ou", ("Où",))]
    # after a noun of time, or "Ou est-ce…", "ou" may be "or": a person chooses
    assert flagged(ou_ou, "Il attend le moment ou la sauvegarde démarre.") == [("ou-où-ambigu", "ou", ("où",))]
    assert flagged(ou_ou, "Ou est-il enregistré ?") == [("ou-où-ambigu", "Ou", ("Où",))]
    for back in (
        "Il note le jour ou l’heure dans le ticket.",
        "Le moment ou l’heure de l’incident est noté dans le ticket.",
        "Ou redémarrer le poste.",
        "Ou bien il redémarre le poste.",
    ):
        assert flagged(ou_ou, back) == [], back


def test_other_clauses_after_ou_are_a_finding_for_a_person() -> None:
    """A subject and its verb after "ou" may be a relative or an alternative: `ou-où-ambigu`."""
    ambiguous = [("ou-où-ambigu", "ou", ("où",))]
    assert flagged(ou_ou, "Il se rend sur la page ou l’utilisateur a saisi ses identifiants.") == ambiguous
    assert flagged(ou_ou, "Il ouvre le répertoire ou les journaux sont stockés.") == ambiguous
    assert flagged(ou_ou, "L’utilisateur redémarre le poste ou le technicien intervient.") == ambiguous
    assert flagged(ou_ou, "Le technicien se rend dans le bureau ou l’utilisateur installe son poste.") == ambiguous
    assert flagged(ou_ou, "Le voyant indique la pièce ou il faut intervenir.") == ambiguous
    assert flagged(ou_ou, "Il envoie le ticket au support ou il appelle le technicien.") == []  # one subject


@pytest.mark.parametrize(
    "back",
    [
        "Un incendie ou un vol peut détruire les données.",
        "Contact par téléphone ou par e-mail.",
        "Il faut redémarrer ou réinstaller le pilote.",
        "Le technicien appelle l’utilisateur ou envoie un e-mail.",
        "Le poste perd la connexion ou se bloque.",
        "Le poste démarre sur le réseau ou se fige sur l’écran noir.",
        "Il dépose la demande sur l’intranet ou se rend le soir au guichet.",
        "Le serveur tourne sur le disque ou se fige la nuit.",  # a time complement, not a subject
        "Le poste redémarre tout seul ou se fige.",
        "Le serveur ou le poste redémarre.",
        "Il sauvegarde les données sur un disque externe ou sur le cloud.",
        "Le technicien qui appelle le client ou le fournisseur doit noter l’appel.",
        "Le service est rétabli ou le ticket est escaladé.",
        "Il choisit de réparer le poste ou de le remplacer.",
        "Le lieu où se trouve le serveur est sécurisé.",
        "Il réinitialise le mot de passe ou il installe un logiciel.",
    ],
)
def test_ou_joining_like_with_like_is_left_alone(back: str) -> None:
    assert flagged(ou_ou, back) == []


def test_et_before_an_adjective_in_a_clause_without_verb_is_est() -> None:
    assert flagged(et_est_verbe, "Le pare-feu et donc indispensable.") == [("et-est-verbe", "et", ("est",))]
    assert flagged(et_est_verbe, "Le serveur et très lent le matin.") == [("et-est-verbe", "et", ("est",))]
    assert flagged(et_est_verbe, "Les postes et souvent trop anciens.") == [("et-est-verbe", "et", ("sont",))]


def test_qui_et_before_an_adjective_is_qui_est() -> None:
    assert flagged(et_est_verbe, "C’est souvent le câble qui et abîmé.") == [("et-est-verbe", "et", ("est",))]
    assert flagged(et_est_verbe, "Ce sont les pilotes qui et souvent obsolètes.") == [("et-est-verbe", "et", ("sont",))]
    assert flagged(et_est_verbe, "Ceux qui et celles qui ont un compte.") == []
    back = "Le forfait coûte 5 € par mois, ce qui et souvent peu par rapport aux pertes."
    assert flagged(et_est_verbe, back) == [("et-est-verbe", "et", ("est",))]


def test_a_definition_missing_its_verb_is_a_finding_of_its_own() -> None:
    assert flagged(et_est_verbe, "Un incident et la conséquence visible d’un problème.") == [
        ("et-est-définition", "et", ("est",))
    ]
    assert flagged(et_est_verbe, "- Une sauvegarde et la restauration des données.") == []  # a list item


@pytest.mark.parametrize(
    "back",
    [
        "Le switch et le routeur.",
        "Gain de temps et meilleure qualité.",
        "Le gain de temps et meilleure qualité.",
        "Une connexion sans fil et très rapide.",
        "Un débit élevé et très stable.",
        "La sécurité et surtout la confidentialité des données.",
        "Un clavier et une souris sans fil.",
        "Le meilleur et plus rapide des serveurs.",
        "Le ticket et fermé.",  # a participle: the `et-est` check's, not this one's
        "Le technicien ouvre le ticket et l’assigne à l’équipe.",
    ],
)
def test_et_in_lists_and_fragments_is_left_alone(back: str) -> None:
    assert flagged(et_est_verbe, back) == []


def test_son_where_no_possessive_can_stand_is_sont() -> None:
    assert flagged(son_sont, "Les utilisateurs son rarement informés.") == [("son-sont", "son", ("sont",))]
    assert flagged(son_sont, "Les disques son en panne.") == [("son-sont", "son", ("sont",))]
    assert flagged(son_sont, "Les serveurs ne son pas redémarrés.") == [("son-sont", "son", ("sont",))]
    assert flagged(son_sont, "Le serveur et le routeur son configurés par l’équipe.") == [
        ("son-sont", "son", ("sont",))
    ]
    assert flagged(son_sont, "Le serveur et le routeur, son fichier de configuration.") == []
    assert flagged(son_sont, "Les serveurs son dans la salle.") == [("son-sont", "son", ("sont",))]


@pytest.mark.parametrize(
    "back",
    [
        "Il donne aux utilisateurs son numéro de téléphone.",
        "Les fichiers de son dossier personnel.",
        "Les paramètres de son très ancien poste.",
        "Le son est trop fort.",
        "Les utilisateurs oublient souvent son mot de passe.",
        "Les techniciens et son équipe.",
        "Les niveaux de son sont réglés dans le panneau.",  # "son", the noun
        "Les câbles du son passent derrière le bureau.",
        "Les pilotes son et vidéo sont à jour.",  # "son" as a noun's complement
        "Les enceintes son sur les postes fixes restent coupées.",
        "Les niveaux son restent trop bas.",
    ],
)
def test_son_as_a_possessive_or_a_noun_is_left_alone(back: str) -> None:
    assert flagged(son_sont, back) == []


def test_ces_before_propres_and_a_noun_is_ses() -> None:
    assert flagged(ces_ses, "Chaque technicien a ces propres outils.") == [("ces-ses", "ces", ("ses",))]
    assert flagged(ces_ses, "Ces fichiers sont propres à chaque utilisateur.") == []
    assert flagged(ces_ses, "Il garde ces informations propres et à jour.") == []


def test_a_in_a_clause_that_has_its_verb_is_the_preposition() -> None:
    assert flagged(a_a, "Il transfère l’appel a un collègue.") == [("a-à", "a", ("à",))]
    assert flagged(a_a, "C’est l’outil de Microsoft pour se connecter a un serveur.") == [("a-à", "a", ("à",))]
    assert flagged(a_a, "Le technicien envoie le rapport a son responsable.") == [("a-à", "a", ("à",))]


def test_a_after_adjectives_with_no_subject_is_the_preposition() -> None:
    assert flagged(a_a, "Simple et rapide a configurer.") == [("a-à", "a", ("à",))]
    assert flagged(a_a, "Le poste est rapide et économique a l’usage.") == [("a-à", "a", ("à",))]


@pytest.mark.parametrize(
    "back",
    [
        "Un incident qui touche tous les collaborateurs a un impact élevé.",
        "Le technicien qui gère le ticket a accès au poste.",
        "Chaque utilisateur dispose d’un compte et a accès à sa messagerie.",
        "Il vérifie s’il a accès au réseau.",
        "Le technicien vérifie qu’il y a du réseau.",
        "Quand le poste redémarre, l’utilisateur a accès au bureau.",
        "Le nombre de tickets a augmenté ce mois-ci.",
        "Il sait ce que l’utilisateur a fait.",
        "Le poste, qui redémarre souvent, a un problème de disque.",
        "Travailler à distance a des avantages.",
        "Le technicien demande si l’utilisateur a sauvegardé ses fichiers.",
        "Le poste est neuf et a un disque SSD.",
        "Le poste redémarre et ensuite a un problème.",
        "Un poste économique a un coût faible.",
        "Rapide et fiable, l’imprimante a peu de pannes.",
        "Windows a une mise à jour.",
        "Le bouton marche a un voyant vert.",  # "marche", a noun naming the button, not a verb
        "La touche entrée a cessé de répondre.",
        "Rouge a une signification précise sur le panneau.",  # a capitalised adjective names something
        "Prudent et discret a été son surnom.",
        "Le responsable du service a validé la demande.",
        "Il regarde depuis quand le service a planté.",
    ],
)
def test_a_as_the_verb_of_its_clause_is_left_alone(back: str) -> None:
    assert flagged(a_a, back) == []


def test_on_after_a_plural_subject_before_a_noun_is_ont() -> None:
    assert flagged(on_ont, "Les techniciens on accès aux journaux.") == [("on-ont", "on", ("ont",))]
    assert flagged(on_ont, "Les utilisateurs on besoin d’aide.") == [("on-ont", "on", ("ont",))]
    assert flagged(on_ont, "Le clavier et la souris on un défaut.") == [("on-ont", "on", ("ont",))]
    for back in (
        "Dans les bureaux on travaille en open space.",
        "Les jours de panne on appelle le support.",
        "Les techniciens, on les forme chaque année.",
    ):
        assert flagged(on_ont, back) == [], back


def test_c_est_after_a_subject_before_its_participle_is_s_est() -> None:
    assert flagged(c_est_s_est, "Le technicien c’est trompé de poste.") == [("c-est-s-est", "c’est", ("s’est",))]
    assert flagged(c_est_s_est, "L’utilisateur c’est connecté hier.") == [("c-est-s-est", "c’est", ("s’est",))]
    for back in (
        "La sauvegarde c’est fait.",  # "fait" does not agree with "sauvegarde": "c’est" stands
        "Le mieux c’est de redémarrer.",
        "Le responsable c’est le chef de projet.",
        "Le plus simple c’est fini.",
    ):
        assert flagged(c_est_s_est, back) == [], back


def test_peut_etre_after_etre_or_avoir_is_the_adverb() -> None:
    assert flagged(peut_etre, "Le câble est peut être mal branché.") == [("peut-être", "peut être", ("peut-être",))]
    assert flagged(peut_etre, "Le serveur a peut être planté.") == [("peut-être", "peut être", ("peut-être",))]
    for back in (
        "Le disque peut être remplacé.",
        "Le problème peut être matériel ou logiciel.",
        "Le technicien vérifie si le poste peut être réparé.",
        "Il a peut-être oublié son mot de passe.",
        "Le conseil qu’il a peut être utile à tous.",  # "a" ends the relative, "peut" is the verb
    ):
        assert flagged(peut_etre, back) == [], back


def test_a_card_of_correct_notes_gets_no_homophone_finding() -> None:
    back = (
        "Un incident est la manifestation d’une panne pour l’utilisateur.\n"
        "Le technicien ouvre le ticket, puis il le transmet au niveau 2 ou au fournisseur.\n"
        "- Les utilisateurs ont accès au portail\n"
        "- Le lieu où se trouve le serveur est fermé à clé\n"
        "Le switch et le routeur sont configurés par l’équipe réseau."
    )
    assert every_check(back) == []


def test_review_yes_takes_the_measured_rules_and_leaves_the_doubtful_ones_to_a_person() -> None:
    from supportcards.policy import CERTAIN

    assert {"ou-où", "et-est-verbe", "son-sont", "ces-ses", "a-à", "on-ont", "peut-être", "c-est-s-est"} <= CERTAIN
    assert "peu-peut" in CERTAIN
    assert "et-est-terme" not in CERTAIN  # "Un onduleur et le câble USB." under "Que contient le carton ?"
    assert not {"ou-où-ambigu", "et-est-définition"} & CERTAIN


def test_peu_between_a_subject_and_an_infinitive_is_peut() -> None:
    assert flagged(peu_peut, "Le responsable peu valider la demande.") == [("peu-peut", "peu", ("peut",))]
    assert flagged(peu_peut, "Les techniciens peu intervenir à distance.") == [("peu-peut", "peu", ("peuvent",))]
    assert flagged(peu_peut, "Dans ce cas on peu se connecter au serveur.") == [("peu-peut", "peu", ("peut",))]
    assert flagged(peu_peut, "Elles peu le remplacer.") == [("peu-peut", "peu", ("peuvent",))]
    assert flagged(peu_peut, "Tu peu redémarrer.") == [("peu-peut", "peu", ("peux",))]


@pytest.mark.parametrize(
    "back",
    [
        "Une solution peu coûteuse.",
        "Le poste est peu utilisé le matin.",
        "Il faut peu de temps pour redémarrer.",
        "Il vaut mieux peu dormir la veille.",
        "On attend un peu avant de redémarrer.",
        "Le technicien travaille peu le vendredi.",
        "Les utilisateurs peu formés appellent souvent.",
        "Pour peu manger, il faut s’organiser.",
        "Il a peu à faire aujourd’hui.",
        "On peut déléguer la gestion.",
    ],
)
def test_peu_as_an_adverb_is_left_alone(back: str) -> None:
    assert flagged(peu_peut, back) == []


def test_a_homophone_check_decides_between_two_rival_readings_of_grammalecte() -> None:
    """Grammalecte reads "on peu déléguer" as "on peut" or "ont peu" and "Les utilisateurs on
    parfois" as "ont parfois" or "on est parfois"; the word classes keep one reading."""
    from supportcards.policy import neighbour_rivals

    def finding(line: str, word: str, fix: str, rule: str) -> Finding:
        column = line.index(word) + 1
        return Finding(Location("n.md", 4), column, "grammar", rule, "", word, (fix,), line, column)

    line = "On y installe des outils et on peu déléguer la gestion."
    on = finding(line, " on ", "ont", "g2__conf_ont_on__b1_a1_1")
    on = replace(on, text="on", column=on.column + 1, context_column=on.context_column + 1)
    peu = finding(line, "peu", "peut", "g2__conf_peu_peut_peux__b8_a1_1")
    assert neighbour_rivals([on, peu]) == {on}
    line = "Les techniciens on souvent du travail."
    on = finding(line, "on", "ont", "g2__conf_ont_on__b1_a1_1")
    souvent = finding(line, "souvent", "est souvent", "g2__conf_on_non_verbe__b1_a2_1")
    assert neighbour_rivals([on, souvent]) == {souvent}


def test_ou_after_an_infinitive_before_an_inverted_subject_is_ou_with_an_accent() -> None:
    """An infinitive is joined to another infinitive, never to a conjugated verb and its subject."""
    assert flagged(ou_ou, "Il faut savoir ou se trouve chaque serveur.") == [("ou-où", "ou", ("où",))]
    assert flagged(ou_ou, "Le technicien cherche à comprendre ou se situe la panne.") == [("ou-où", "ou", ("où",))]
    for back in (
        "Il faut redémarrer ou se connecter à nouveau.",
        "Il faut savoir ou non redémarrer.",
        "Il préfère attendre ou se rend le soir au guichet.",
        "Le savoir ou se trouve la compétence.",
        "Il faut savoir où se trouve le serveur.",
    ):
        assert flagged(ou_ou, back) == [], back


def test_et_in_a_clause_that_demands_a_verb_before_an_adjective_is_est() -> None:
    """ "si", "quand", "que" or a correlative "Plus …, plus" open a clause that has a verb."""
    assert flagged(et_est_verbe, "Plus le délai et long, moins le client est content.") == [
        ("et-est-verbe", "et", ("est",))
    ]
    assert flagged(et_est_verbe, "Si le poste et rapide, on garde la configuration.") == [
        ("et-est-verbe", "et", ("est",))
    ]
    assert flagged(et_est_verbe, "Quand les disques et pleins, le serveur ralentit.") == [
        ("et-est-verbe", "et", ("sont",))
    ]
    for back in (
        "Plus le serveur et le routeur sont proches, mieux c’est.",
        "Le plus rapide et court, c’est le câble.",
        "Si le clavier et souris manquent, on change tout.",
        "Il vérifie que le câble et la prise sont branchés.",
        "Un réseau rapide et court.",
        "La solution la plus simple et la plus sûre.",
        "Plus le matériel et logiciel sont récents, plus le poste est rapide.",
    ):
        assert flagged(et_est_verbe, back) == [], back


def test_a_definition_of_what_the_question_asks_about_is_a_rule_of_its_own() -> None:
    back = "Un incident et la conséquence visible d’un problème."
    terme = [("et-est-terme", "et", ("est",))]
    assert flagged(et_est_verbe, back, front="Incidents") == terme
    assert flagged(et_est_verbe, back, front="Quelle différence entre un incident et un problème ?") == terme
    for front in ("Question", "Incident et conséquence", "Problème"):
        assert flagged(et_est_verbe, back, front=front) == [("et-est-définition", "et", ("est",))], front
    assert flagged(et_est_verbe, "Un incident et la conséquence visible d’un problème.", front="") == [
        ("et-est-définition", "et", ("est",))
    ]


@pytest.mark.parametrize(
    "back",
    [
        "Les serveurs et surtout critiques redémarrent la nuit.",
        "Les fichiers et notamment confidentiels doivent être chiffrés.",
        "Le routeur et bien sûr le pare-feu sont protégés.",
        "Les disques et en particulier anciens sont remplacés.",
    ],
)
def test_et_before_an_adverb_in_a_clause_that_has_its_verb_is_left_alone(back: str) -> None:
    assert flagged(et_est_verbe, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Les voyants on et off clignotent.",
        "Les touches on/off du clavier sont cassées.",
        "Les modes on ou off se choisissent dans le menu.",
        "Les interrupteurs on sur la façade restent allumés.",
    ],
)
def test_on_naming_a_switch_position_is_left_alone(back: str) -> None:
    assert flagged(on_ont, back) == []


def test_qui_on_after_a_plural_noun_group_before_what_is_no_verb_is_qui_ont() -> None:
    assert flagged(on_ont, "Seuls les techniciens qui on le niveau requis interviennent sur le serveur.") == [
        ("on-ont", "on", ("ont",))
    ]
    assert flagged(on_ont, "Les comptes qui on les droits d’administration sont surveillés.") == [
        ("on-ont", "on", ("ont",))
    ]
    for back in (
        "C’est le collègue à qui on parle en premier.",
        "Les utilisateurs à qui on donne un badge.",
        "Les postes qui on les trouve en panne.",  # clumsy, but "on" has its verb
        "Les fichiers qui on ouvre souvent sont en cache.",
        "Le technicien qui on le droit de modifier.",  # singular: "a", not "ont"
        "Qui on appelle en premier ?",
    ):
        assert flagged(on_ont, back) == [], back


def test_ou_after_a_new_place_before_a_clause_of_another_kind_is_ou_relative() -> None:
    relative = [("ou-où", "ou", ("où",))]
    assert flagged(ou_ou, "Le schéma indique l’endroit ou il faut brancher le câble.") == relative
    assert flagged(ou_ou, "Le plan décrit une situation ou le site principal est indisponible.") == relative
    assert flagged(ou_ou, "Le courriel renvoie vers une page ou la victime tape ses identifiants.") == relative
    for back in (
        "Le ticket est traité dans la journée ou le client est rappelé le lendemain.",
        "Le poste utilise le réseau filaire ou le Wi-Fi prend le relais.",
        "On suit la procédure manuelle ou le script fait le travail.",
        "Il choisit un autre jour ou le client rappelle le support.",
    ):
        assert ("ou-où", "ou", ("où",)) not in flagged(ou_ou, back), back


def test_a_after_a_relative_that_ends_a_complement_is_a_preposition() -> None:
    assert flagged(a_a, "L’image contient le code et tout ce qui est utile a son exécution.") == [("a-à", "a", ("à",))]
    for back in (
        "Ce qui est utile a souvent un coût caché.",
        "Le serveur qui est lent a un problème de mémoire.",
        "Le client appelle et le poste qui est neuf a un problème.",
    ):
        assert flagged(a_a, back) == [], back


def test_a_definition_beside_a_parallel_one_is_certain() -> None:
    back = "Un client est le poste qui demande un service.\nUn serveur et la machine qui fournit ce service."
    assert flagged(et_est_verbe, back) == [("et-est-parallèle", "et", ("est",))]
    back = "Un onduleur est livré avec ses câbles.\nUn onduleur et le câble USB."
    assert flagged(et_est_verbe, back) == []


def test_a_after_a_relative_with_two_verbs_is_the_main_verb() -> None:
    """ "qui redémarre et perd le réseau a …": the verb after "et" is still the relative's."""
    for back in (
        "Le poste qui redémarre seul et perd le réseau a sans doute une carte défectueuse.",
        "Un incident qui touche toute l’entreprise et bloque la production a la priorité la plus haute.",
        "Le serveur que le technicien installe et configure a deux disques en miroir.",
    ):
        assert flagged(a_a, back) == [], back
    assert flagged(a_a, "Le technicien ouvre le ticket et envoie le rapport a l’équipe.") == [("a-à", "a", ("à",))]


# -- clause_homophones.py: a small word read by what its clause already holds ------------------------


def test_the_clause_checks_are_registered_with_the_own_checks_and_the_readings() -> None:
    assert set(dict(CLAUSE_CHECKS)) <= set(dict(OWN_CHECKS))
    checker = engine()
    assert checker is not None
    readings = line_readings(checker.getSpellChecker(), "Le disque est plein, sa peut bloquer la sauvegarde.")
    assert [(issue.rule, issue.suggestions) for issue in readings] == [("sa-ça", ("ça",))]


def test_without_grammalecte_the_clause_checks_say_nothing() -> None:
    source = Card(front="Q", back="Le disque est plein et sa bloque tout.", location=Location("n.md", 3), back_line=4)
    text = CardText(source, "Q", source.back)
    assert all(check(text, Speller()) == [] for _, check in CLAUSE_CHECKS)


@pytest.mark.parametrize(
    ("back", "fix"),
    [
        ("Le disque est plein et sa bloque la sauvegarde.", "ça"),
        ("Redémarrez le routeur : sa suffit le plus souvent.", "ça"),
        ("Sa dépend du modèle de l’imprimante.", "Ça"),
        ("Si le pilote manque, sa ne marche pas.", "ça"),
        ("Il faut attendre qu’il refroidisse, sa peut brûler.", "ça"),
    ],
)
def test_sa_opening_a_clause_before_a_verb_is_ca(back: str, fix: str) -> None:
    written = "Sa" if fix[0].isupper() else "sa"
    assert flagged(sa_ca, back) == [("sa-ça", written, (fix,))]


@pytest.mark.parametrize(
    "back",
    [
        "Chaque agent reçoit sa page d’accueil le premier jour.",
        "L’utilisateur lance sa sauvegarde avant de partir.",
        "Le technicien vérifie sa marque et son modèle.",
        "Depuis la panne, sa marche est plus lente.",
        "Le poste et sa batterie sont neufs.",
    ],
)
def test_sa_before_its_noun_is_left_alone(back: str) -> None:
    assert flagged(sa_ca, back) == []


@pytest.mark.parametrize(
    ("back", "fix"),
    [
        ("Le script est près pour la recette.", "prêt"),
        ("La salle est près pour la réunion de 14 h.", "prête"),
        ("Les serveurs sont près à être livrés.", "prêts"),
        ("Elle est près à partir en déplacement.", "prête"),
        ("Windows est près pour la mise à jour.", "prêt"),
        ("Tout est près pour la migration.", "prêt"),
        ("Le script n’est pas encore près pour la production.", "prêt"),
    ],
)
def test_pres_after_etre_before_what_one_is_ready_for_is_pret(back: str, fix: str) -> None:
    assert flagged(pres_pret, back) == [("près-prêt", "près", (fix,))]


def test_pres_pret_of_a_subject_of_unsure_gender_offers_both_forms() -> None:
    assert flagged(pres_pret, "Les postes sont près pour la rentrée.") == [("près-prêt", "près", ("prêts", "prêtes"))]


@pytest.mark.parametrize(
    "back",
    [
        "L’imprimante est près de la fenêtre.",
        "Le serveur de secours est tout près, dans la salle voisine.",
        "La copie prend à peu près vingt minutes.",
        "C’est près pour ceux qui viennent à pied.",
        "C’est près pour les piétons.",
        "Le switch est placé près du tableau électrique.",
    ],
)
def test_pres_of_a_place_is_left_alone(back: str) -> None:
    assert flagged(pres_pret, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Windows ce lance avec le minimum de pilotes.",
        "Au démarrage, le service d’impression ce lance avec un léger retard.",
        "Le navigateur ce bloque au démarrage.",
        "Le poste ne ce connecte plus au réseau.",
    ],
)
def test_ce_between_a_subject_and_its_verb_is_se(back: str) -> None:
    assert flagged(ce_se_sujet, back) == [("ce-se-sujet", "ce", ("se",))]


@pytest.mark.parametrize(
    "back",
    [
        "Ce lancement est prévu pour septembre.",
        "Le technicien vérifie ce contrôle chaque matin.",
        "Ce sont les pilotes qui bloquent la mise à jour.",
        "Le script ce matin a planté.",
        "Le poste ce doit être neuf.",
        "Ce message s’affiche à chaque ouverture de session.",
    ],
)
def test_ce_as_a_determiner_or_a_subject_is_left_alone(back: str) -> None:
    assert flagged(ce_se_sujet, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Il faut un câble HDMI où un adaptateur USB-C pour brancher l’écran.",
        "Les fichiers passent par le NAS où un lien OneDrive.",
        "Les barrettes sont posées sur un tapis antistatique où dans leur sachet d’origine.",
        "Envoyez le fichier par mail où par Teams.",
        "Le poste se connecte en Wi-Fi où en Ethernet selon la salle.",
        "On range les photos sur le NAS où dans Dropbox, au choix.",
    ],
)
def test_ou_with_an_accent_between_two_noun_groups_is_ou(back: str) -> None:
    assert flagged(ou_liste, back) == [("où-ou-liste", "où", ("ou",))]


@pytest.mark.parametrize(
    "back",
    [
        "Où est-il rangé ?",
        "Le serveur où sont stockées les archives est au sous-sol.",
        "Le dossier où les fichiers sont copiés chaque soir.",
        "Le réseau où le trafic passe est saturé.",
        "La page où un lien apparaît est bloquée.",
        "Au moment où une alerte arrive, le technicien est prévenu.",
        "Le câble passe par le couloir où par la trappe passent les fibres.",
        "C’est une panne où le disque, qui chauffait depuis des mois, lâche d’un coup.",
        "Une attaque où le pirate (déjà connecté au VPN) vole la session.",
        "C’est le dossier où dans Windows on range les pilotes.",
    ],
)
def test_ou_opening_a_relative_is_left_alone(back: str) -> None:
    assert flagged(ou_liste, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Accès a la console réservé aux administrateurs.",
        "Retour a la normale prévu pour demain.",
        "- Interface graphique utilisable a la souris",
        "Avantages : impression a la demande pour tous.",
    ],
)
def test_a_with_no_possible_subject_is_the_preposition(back: str) -> None:
    assert flagged(a_sans_sujet, back) == [("a-à-sans-sujet", "a", ("à",))]


@pytest.mark.parametrize(
    "back",
    [
        "Orange a une offre pour les entreprises.",
        "Windows a un pare-feu intégré.",
        "Le serveur a la priorité sur le poste.",
        "Accès a été refusé par le pare-feu.",
        "IaaS (Infrastructure as a Service).",
        "Chacun a son propre compte.",
    ],
)
def test_a_after_a_possible_subject_is_left_alone(back: str) -> None:
    assert flagged(a_sans_sujet, back) == []


@pytest.mark.parametrize(
    ("back", "rule"),
    [
        ("Chaque équipe Teams à son propre site SharePoint, où sont stockés ses fichiers.", "à-a-propre"),
        ("Chaque application à sa propre base de données.", "à-a-propre"),
        ("Le poste à ses propres pilotes.", "à-a-propre"),
        ("Chaque technicien à une astreinte par mois.", "à-a-ambigu"),
        ("Deux routes mènent au site, la route principale à la préférence du routeur.", "à-a-ambigu"),
    ],
)
def test_a_with_an_accent_after_a_subject_in_a_clause_without_verb_is_a(back: str, rule: str) -> None:
    assert flagged(a_possessif, back) == [(rule, "à", ("a",))]


@pytest.mark.parametrize(
    "back",
    [
        "Le stagiaire travaille à son bureau le matin.",
        "Le technicien à l’accueil répond aux appels.",
        "Accès à son propre dossier uniquement.",
        "Code à six chiffres envoyé par SMS.",
        "- Chaque accès à un dossier",
        "Il rentre à son propre domicile.",
        "Le serveur redémarre, le retour à la normale prend une minute.",
        "Le passage à la fibre, prévu en mai.",
    ],
)
def test_a_with_an_accent_as_a_preposition_is_left_alone(back: str) -> None:
    assert flagged(a_possessif, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Le PC a redémarré seul, peut être à cause d’une surchauffe.",
        "La lenteur vient peut être du switch de l’étage.",
        "L’horloge est fausse, peut être à cause de la pile.",
        "Redémarrez le poste, peut être que ça suffira.",
        "Le câble est débranché, ou peut être que la prise est morte.",
    ],
)
def test_peut_etre_with_no_subject_is_the_adverb(back: str) -> None:
    assert flagged(peut_etre_sans_sujet, back) == [("peut-être-sans-sujet", "peut être", ("peut-être",))]


@pytest.mark.parametrize(
    "back",
    [
        "Le portable est ancien, il peut être lent.",
        "Le disque peut être remplacé à chaud.",
        "Ce qui, dans certains cas, peut être un problème.",
        "Ce qui compte peut être différent.",
        "Le fichier est copié, peut être modifié puis renvoyé.",
        "Le câble peut être la cause de la coupure.",
        "Ce ne peut être que le câble.",
    ],
)
def test_peut_etre_after_its_subject_is_left_alone(back: str) -> None:
    assert flagged(peut_etre_sans_sujet, back) == []


def test_ces_beside_a_possessive_is_a_finding_for_a_person() -> None:
    back = "Le client ne s’occupe que de son code et de ces données."
    from supportcards.policy import CERTAIN

    assert flagged(ces_possessif, back) == [("ces-ses-ambigu", "ces", ("ses",))]
    assert not {"ces-ses-ambigu", "à-a-ambigu"} & CERTAIN


@pytest.mark.parametrize(
    "back",
    [
        "Supprimez ces fichiers temporaires après la mise à jour.",
        "Chaque service a son imprimante et ces imprimantes sont en réseau.",
        "Il garde son poste et ces propres réglages.",
    ],
)
def test_ces_on_its_own_is_left_alone(back: str) -> None:
    assert flagged(ces_possessif, back) == []


def test_son_before_a_plural_participle_is_sont() -> None:
    assert flagged(son_sont, "Les paramètres du navigateur son définis par une stratégie.") == [
        ("son-sont", "son", ("sont",))
    ]
    assert flagged(son_sont, "Le technicien relève son défi.") == []


@pytest.mark.parametrize(
    "back",
    [
        "Le plan affiche l’emplacement ou le câble a été posé en dernier.",
        "Le MDM permet de voir l’endroit ou il se trouve.",
        "Au moment ou le script démarre, le poste se verrouille.",
        "Dans le cas ou la mise à jour échoue, on restaure l’image.",
        "Le jour ou le certificat expire, les utilisateurs voient une alerte.",
        "Le ticket donne le nom du client et ou se situe son bureau.",
    ],
)
def test_ou_after_a_named_place_time_or_case_before_a_clause_is_ou_relative(back: str) -> None:
    assert flagged(ou_ou, back) == [("ou-où", "ou", ("où",))]


@pytest.mark.parametrize(
    "back",
    [
        "Le lieu ou la date de l’incident manquent dans le ticket.",
        "On note le jour ou l’heure de la panne dans le ticket.",
        "Il faut choisir l’endroit ou le moment de l’intervention.",
        "Dans un cas ou dans l’autre, on redémarre le poste.",
        "Le matin ou le soir, le technicien passe vérifier les baies.",
        "Le jour ou l’heure de l’incident est noté, puis on ferme le ticket.",
        "Les fichiers et ou les dossiers sont copiés chaque soir.",
        "Le cas ou la situation de crise est décrit dans le plan.",
    ],
)
def test_ou_joining_two_places_times_or_noun_groups_is_left_alone(back: str) -> None:
    assert ("ou-où", "ou", ("où",)) not in flagged(ou_ou, back)


def test_c_est_after_a_subject_that_a_subordinate_word_opens_is_s_est() -> None:
    expected = [("c-est-s-est", "c’est", ("s’est",))]
    assert flagged(c_est_s_est, "Ça veut dire que le poste c’est donné une adresse tout seul.") == expected
    assert flagged(c_est_s_est, "Si le service c’est arrêté sans message, on lit le journal.") == expected
    assert flagged(c_est_s_est, "Le journal montre que le service DHCP c’est arrêté hier.") == expected
    for back in (
        "Pour le pilote, c’est réglé en deux minutes.",
        "Le plus simple c’est installé par défaut.",
        "Il dit que le problème, c’est réglé.",
        "Ce que le client veut c’est réparé vite.",
    ):
        assert flagged(c_est_s_est, back) == [], back


def test_qui_a_before_a_noun_group_and_no_verb_is_the_verb_a() -> None:
    assert flagged(qui_a, "Le registre montre qui à quel portable.") == [("qui-à-a", "à", ("a",))]
    assert flagged(qui_a, "On sait qui à une clé de la salle et on la récupère.") == [("qui-à-a", "à", ("a",))]
    for back in (
        "Le collègue qui, à midi, répond au téléphone prend les tickets.",
        "Le technicien qui à la fin du mois sauvegarde les fichiers note tout.",
        "C’est le script qui à chaque démarrage vérifie les mises à jour.",
        "Les comptes qui à des droits d’administrateur sont surveillés.",
        "Elle peut être vérifiée par n’importe qui à l’aide du certificat.",
        "On demande à qui appartient le poste.",
    ):
        assert flagged(qui_a, back) == [], back


def test_ces_between_two_possessives_of_a_list_is_ses() -> None:
    back = "Au départ, on coupe son compte, ces accès, son badge et sa ligne."
    assert flagged(ces_possessif, back) == [("ces-ses-liste", "ces", ("ses",))]
    assert flagged(ces_possessif, "Il garde son poste, ces écrans et ce clavier.") == [
        ("ces-ses-ambigu", "ces", ("ses",))
    ]


def test_y_compris_ces_after_a_possessive_is_ses() -> None:
    back = "L’utilisateur récupère ses fichiers, y compris ces photos."
    assert flagged(ces_compris, back) == [("ces-ses-compris", "ces", ("ses",))]
    assert flagged(ces_compris, "Ils gardent leurs fichiers, y compris ces archives.") == [
        ("ces-ses-compris", "ces", ("leurs",))
    ]
    back = "Le keylogger note ce que l’utilisateur tape, y compris ces codes d’accès."
    assert flagged(ces_compris, back) == [("ces-ses-compris", "ces", ("ses",))]
    for back in (
        "Le technicien copie tout, y compris ces anciens fichiers.",
        "Les codes d’accès sont notés. Le keylogger note tout, y compris ces codes.",
        "Les utilisateurs gardent tout, y compris ces archives.",
        "Il sauvegarde ses fichiers, y compris ces fichiers qui sont cachés.",
        "Ces postes sont trop anciens pour Windows 11.",
    ):
        assert flagged(ces_compris, back) == [], back


def test_a_after_a_relative_and_its_aside_may_be_the_main_verb() -> None:
    assert flagged(a_a, "Le client qui, à son retour, rappelle le support a la priorité.") == []
    assert flagged(a_a, "Le technicien qui, le matin, ouvre les tickets a un planning chargé.") == []


def test_the_new_homophone_rules_are_certain() -> None:
    from supportcards.policy import CERTAIN

    assert {"qui-à-a", "ces-ses-liste", "ces-ses-compris", "et-est-sujet"} <= CERTAIN
    assert "et-est-sujet-ambigu" not in CERTAIN


def test_ou_with_an_accent_between_two_numbers_is_ou() -> None:
    back = "On regroupe les canaux en 40, 80 où 160 MHz pour augmenter le débit."
    assert flagged(ou_liste, back) == [("où-ou-liste", "où", ("ou",))]
    assert flagged(ou_liste, "En 2019 où 30 postes ont été remplacés, le budget a doublé.") == []


def test_a_after_two_bare_nouns_joined_by_et_is_a_preposition() -> None:
    back = "- Verrouillage et effacement a distance de l’appareil"
    assert flagged(a_sans_sujet, back) == [("a-à-sans-sujet", "a", ("à",))]
    assert flagged(a_sans_sujet, "- Orange et Free a une offre fibre") == []
    assert flagged(a_sans_sujet, "- Installation et configuration a été faite par le prestataire") == []


def test_the_number_of_leur_is_told_by_the_word_after_it() -> None:
    back = "Le portail centralise les droits, ce qui leurs simplifie la gestion."
    assert flagged(leur_leurs, back) == [("leurs-leur", "leurs", ("leur",))]
    back = "Le prestataire sauvegarde leur fichiers chaque mois."
    assert flagged(leur_leurs, back) == [("leur-leurs", "leur", ("leurs",))]
    for back in (
        "Les techniciens gardent leurs propres outils et leur mot de passe.",  # an adjective, a singular noun
        "On leur envoie leurs identifiants par SMS.",
        "Le responsable leur demandes des comptes.",  # "tu leur demandes" or "leurs demandes": a person's
        "Leurs VLAN sont isolés du reste du réseau.",  # an unknown word says nothing
        "Le chef de projet leur a confié les serveurs.",
        "Le prestataire archive leur factures chaque mois.",  # "tu factures": a verb maybe, a person's
    ):
        assert flagged(leur_leurs, back) == [], back


def test_ou_before_two_nouns_joined_to_one_verb_is_a_relative() -> None:
    back = "Sur le bureau où un écran et un dock sont branchés, le portable charge."
    assert flagged(ou_liste, back) == []
    assert flagged(ou_liste, "On branche un écran où un dock et un clavier.") == [("où-ou-liste", "où", ("ou",))]


@pytest.mark.parametrize(
    "back",
    [
        "Les imprimantes son donc toujours branchées sur l’onduleur.",
        "Ce sont des portables qui son rarement allumés le week-end.",
        "Les comptes qui restent dans ce groupe son alors seulement bloqués par la stratégie.",
    ],
)
def test_son_before_an_adverb_and_a_plural_participle_is_sont(back: str) -> None:
    assert flagged(son_sont_adverbe, back) == [("son-sont-adverbe", "son", ("sont",))]


@pytest.mark.parametrize(
    "back",
    [
        "Il baisse le volume de son souvent trop fort.",
        "Les réglages du son toujours activés sont gardés.",
        "Les cartes son souvent intégrées à la carte mère suffisent.",
        "Il règle son casque, toujours branché.",
        "Le technicien range son bureau et ses câbles bien rangés.",
    ],
)
def test_son_that_may_be_the_noun_or_a_possessive_is_left_alone(back: str) -> None:
    assert flagged(son_sont_adverbe, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Le dossier ou sont rangés les journaux doit rester privé.",
        "Il faut regarder là ou est monté le volume avant de formater.",
        "Le pare-feu sépare Internet du LAN, ou se trouvent les postes qui doivent sortir.",
        "Il lit la première page (2 Ko) ou se trouvent le titre et la date de création.",
        "On choisit le disque ou est installé le système.",
    ],
)
def test_ou_before_a_verb_and_its_subject_is_ou_relative(back: str) -> None:
    assert flagged(ou_ou_inversion, back) == [("ou-où-inversion", "ou", ("où",))]


@pytest.mark.parametrize(
    "back",
    [
        "Le poste démarre ou se bloque au logo.",
        "Le client choisit le menu ou se connecte le soir.",
        "Le fichier est copié ou est supprimé le soir.",
        "Le ticket est fermé ou est transmis au niveau 2.",
        "Les données sont chiffrées ou sont copiées les unes après les autres.",
        "Les postes redémarrent ou se mettent en veille.",
        "On garde le câble ici ou là, où se trouve la prise.",
        "Le serveur est arrêté ou sont remplacés les disques.",
    ],
)
def test_ou_joining_two_verbs_of_one_subject_is_left_alone(back: str) -> None:
    assert flagged(ou_ou_inversion, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Quand deux postes on la même adresse, le réseau coupe.",
        "Il faut vérifier que les utilisateurs on accès au partage.",
        "Il voit que les postes on les mêmes droits.",
    ],
)
def test_on_after_the_plural_subject_of_a_subordinate_is_ont(back: str) -> None:
    assert flagged(on_ont_sujet, back) == [("on-ont-sujet", "on", ("ont",))]


@pytest.mark.parametrize(
    "back",
    [
        "Quand les utilisateurs on les voit, ils appellent.",
        "Les postes, on les redémarre le soir.",
        "Si les postes on un souci on redémarre.",
        "Dans les bureaux on travaille en équipe.",
        "Quand il pleut on reste au bureau.",
    ],
)
def test_on_with_a_verb_of_its_own_is_left_alone(back: str) -> None:
    assert flagged(on_ont_sujet, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Il envoie une photo de ça carte bancaire au service.",
        "Le poste compare ça propre adresse au masque.",
        "Chaque agent se connecte avec ça propre clé.",
    ],
)
def test_ca_before_a_noun_is_sa(back: str) -> None:
    assert flagged(ca_sa, back) == [("ça-sa", "ça", ("sa",))]


@pytest.mark.parametrize(
    "back",
    [
        "Avec ça, la carte marche.",
        "Après ça la carte redémarre.",
        "Il parle de ça souvent.",
        "Une copie de ça demande de la patience.",
        "Pour ça demande un ticket au support.",
        "Ça marche mieux comme ça.",
    ],
)
def test_ca_as_a_pronoun_is_left_alone(back: str) -> None:
    assert flagged(ca_sa, back) == []


def test_et_after_que_and_a_subject_before_an_adjective_is_est() -> None:
    assert flagged(et_est_verbe, "Le client vérifie que le lien et fiable.") == [("et-est-verbe", "et", ("est",))]
    assert flagged(et_est_verbe, "Plus le disque est vieux, plus le risque et grand.") == [
        ("et-est-verbe", "et", ("est",))
    ]
    assert flagged(et_est_verbe, "Un disque aussi rapide que le SSD et fiable.") == []
    assert flagged(et_est_verbe, "Il sait que le poste et rapide mais cher.") == []
    assert flagged(et_est_verbe, "Il faut que le poste et le serveur redémarrent.") == []


@pytest.mark.parametrize(
    "back",
    [
        "Un message apparaît : le service c’est arrêté pour libérer la mémoire.",
        "Si la phase 2 c’est bien passée, on continue.",
        "Quand le transfert c’est mal passé, il faut le relancer.",
    ],
)
def test_c_est_before_an_adverb_or_a_preposition_after_the_participle_is_s_est(back: str) -> None:
    assert flagged(c_est_s_est, back) == [("c-est-s-est", "c’est", ("s’est",))]


@pytest.mark.parametrize(
    "back",
    ["La sauvegarde, c’est fait pour demain.", "Le mieux c’est bien fait.", "La réunion c’est bien passé."],
)
def test_c_est_with_no_agreeing_subject_before_is_left_alone(back: str) -> None:
    assert flagged(c_est_s_est, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Il choisit selon le besoin : en vitesse, en sécurité où les deux.",
        "Un câble abîmé, écrasé sous un meuble où trop plié, coupe le lien.",
    ],
)
def test_ou_after_a_bare_complement_or_before_an_attribute_alone_is_ou(back: str) -> None:
    assert flagged(ou_liste, back) == [("où-ou-liste", "où", ("ou",))]


@pytest.mark.parametrize(
    "back",
    [
        "En cas de panne où les trouver ?",
        "Il intervient là où nécessaire.",
        "Il reste en mode où les deux disques tournent.",
        "Dans ce cas où la mise à jour échoue, on recommence.",
        "D’où le nom du service.",
    ],
)
def test_ou_opening_a_question_or_a_relative_is_left_alone(back: str) -> None:
    assert flagged(ou_liste, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Le ticket est envoyé au client ou est fermé le cas échéant.",
        "La sauvegarde part sur le NAS ou est lancée une fois par semaine.",
        "Le fichier reste sur le serveur ou est supprimé la plupart du temps.",
    ],
)
def test_ou_before_a_verb_and_a_group_of_frequency_is_left_alone(back: str) -> None:
    assert flagged(ou_ou_inversion, back) == []


# h-hom3: widenings of the "ou"/"où", "ce"/"se", "c’est"/"s’est", "et"/"est", "a"/"à" and "son"/"sont" checks


@pytest.mark.parametrize(
    "back",
    [
        "Il faut agir avant le moment ou le disque est plein.",
        "Le mot de passe a été changé après le moment ou la fuite a eu lieu.",
        "C’est un état ou plusieurs disques tombent en panne.",
        "C’est une situation ou deux routeurs se renvoient les paquets.",
        "Les fichiers partent dans la corbeille, là ou le technicien peut les récupérer.",
        "C’est là ou le problème se pose.",
        "Il faut ouvrir le dossier ou le fichier se trouve.",
        "Le lancer depuis le dossier ou il se trouve",
        "L’en-tête donne l’adresse ou la ressource se trouve maintenant.",
        "L’attaquant a accès à tous les serveurs ou elle est déposée.",
    ],
)
def test_ou_before_a_clause_that_only_a_relative_reads_is_ou_with_an_accent(back: str) -> None:
    """After a preposition of time and its noun, before a subject that is a number, after "là"
    that a comma or "c’est" puts first, and before a verb of place left without its place."""
    assert flagged(ou_ou, back) == [("ou-où", "ou", ("où",))], back


@pytest.mark.parametrize(
    "back",
    [
        "On sauvegarde avant le jour ou le lendemain.",
        "Le câble est là ou il a été débranché.",
        "Il cherche ici ou là.",
        "Le poste redémarre ou il se trouve bloqué au logo.",
        "Le fichier est copié ou il se trouve dans la corbeille.",
        "Il regarde la clé ou elle se trouve là.",
        "Il ouvre le répertoire ou les journaux sont stockés.",
        "Le poste plante au démarrage ou il se trouve que le disque est plein.",
    ],
)
def test_ou_between_alternatives_stays_without_a_certain_accent(back: str) -> None:
    assert [rule for rule, _, _ in flagged(ou_ou, back)] in ([], ["ou-où-ambigu"]), back


def test_ou_before_an_intransitive_verb_and_its_subject_is_ou_with_an_accent() -> None:
    expected = [("ou-où-inversion", "ou", ("où",))]
    assert (
        flagged(ou_ou_inversion, "C’est le point ou arrivent toutes les requêtes : il répartit la charge.") == expected
    )
    assert flagged(ou_ou_inversion, "C’est la zone ou circulent les données sensibles.") == expected
    for back in (
        "Les paquets sont perdus ou arrivent la nuit.",  # a time, no subject
        "Les clients attendent ou restent la journée.",  # no agreement
        "Le proxy reçoit ou transmet les requêtes.",  # a transitive verb: an object
    ):
        assert flagged(ou_ou_inversion, back) == [], back


def test_ce_after_a_subject_before_a_verb_that_is_also_a_masculine_noun_is_se() -> None:
    """ "la mise à jour ce passe mal": the determiner's reading ("ce passe") leaves no verb."""
    expected = [("ce-se-sujet", "ce", ("se",))]
    assert flagged(ce_se_sujet, "Si la mise à jour ce passe mal, on applique le plan.") == expected
    assert flagged(ce_se_sujet, "Quand le poste ce passe de réseau, il plante.") == expected
    assert flagged(ce_se_sujet, "Le contrôle ce matin a montré une panne.") == []
    assert flagged(ce_se_sujet, "Le technicien vérifie ce contrôle chaque jour.") == []


def test_c_est_after_tout_as_a_subject_is_s_est() -> None:
    expected = [("c-est-s-est", "c’est", ("s’est",))]
    assert flagged(c_est_s_est, "Le programme vérifie si tout c’est bien passé.") == expected
    assert flagged(c_est_s_est, "Si tout c’est terminé, on ferme.") == expected
    assert flagged(c_est_s_est, "Quand tout c’est vrai, on part.") == []
    assert flagged(c_est_s_est, "Le technicien note si tout c’est bien.") == []


def test_et_with_no_verb_in_a_clause_that_needs_one_is_est() -> None:
    """After a negated verb's "que", in the main clause after "Si …,", and "tout et" + participle."""
    expected = [("et-est-verbe", "et", ("est",))]
    assert flagged(et_est_verbe, "Un certificat valide ne prouve pas que le site et honnête.") == expected
    back = "Si le problème disparaît en mode sans échec, la cause et probablement un pilote ou un logiciel."
    assert flagged(et_est_verbe, back) == expected
    assert flagged(et_est_verbe, "C’est une liste noire : tout et autorisé sauf ce qui est dans la liste.") == expected
    for back in (
        "Les imprimantes n’ont droit qu’au noir et blanc.",
        "Il ne garde que le disque et rapide.",
        "Si le poste plante, le disque et surtout la carte mère sont à changer.",
        "Si le poste plante, le disque et souvent la carte mère lâchent.",
        "Il vérifie tout et autorisé.",
    ):
        assert flagged(et_est_verbe, back) == [], back


def test_a_in_a_clause_with_no_subject_of_its_own_is_a_with_an_accent() -> None:
    """After a relative's second verb when the sentence's verb came before the relative, and in an
    infinitive joined to another that a conjugated verb governs."""
    expected = [("a-à", "a", ("à",))]
    back = "C’est un serveur, qui reçoit les requêtes des clients et les transmet a un serveur interne."
    assert flagged(a_a, back) == expected
    back = "On peut écrire dessus, annoter un document et envoyer les notes a tous les participants."
    assert flagged(a_a, back) == expected
    assert flagged(a_a, "La foudre peut entrer par le câble ou le réseau et remonter a la box Internet.") == expected
    for back in (
        "Le poste qui redémarre et perd le réseau a un problème.",
        "Le technicien dit que le poste qui redémarre et perd le réseau a un problème.",
        "Redémarrer le poste et changer le disque a un coût.",
    ):
        assert flagged(a_a, back) == [], back


def test_son_after_a_plural_subject_that_que_opens_is_sont() -> None:
    back = "Si un routeur ne répond pas et que toutes les lignes suivantes son aussi des étoiles, il faut appeler."
    assert flagged(son_sont, back) == [("son-sont", "son", ("sont",))]
    assert flagged(son_sont, "Quand les postes son en veille, ils consomment peu.") == [("son-sont", "son", ("sont",))]
    assert flagged(son_sont, "Il règle que les enceintes son fort.") == []


def test_et_between_a_subject_and_le_seul_that_ranks_it_is_est() -> None:
    """ "Le mot de passe maître et le seul que…": a noun group opening a sentence with no verb, then
    "le seul" (premier, dernier, unique) and its relative; two subjects take a plural verb after."""
    expected = [("et-est-verbe", "et", ("est",))]
    back = "Le mot de passe maître et le seul que l’utilisateur doit connaître par cœur."
    assert flagged(et_est_verbe, back) == expected
    assert flagged(et_est_verbe, "Le poste du directeur et le seul qui reste allumé.") == expected
    for back in (
        "Le poste et le seul qui reste allumé sont éteints.",
        "Il garde le mot de passe et le seul que l’utilisateur connaît.",
        "Les postes et le seul qui reste allumé.",
    ):
        assert flagged(et_est_verbe, back) == [], back
