"""supportcards' own agreement and conjugation checks (`proofread/agreement.py`), on sentences
written for these tests: each slip they must flag, with its fix, and correct look-alikes they must
leave alone."""

from __future__ import annotations

import pytest
from proofread_helpers import flagged

from supportcards.proofread.agreement import (
    adjective_complement,
    adjective_coordination,
    noun_for_verb,
    participle_agreement,
    qui_verb,
    si_conditional,
    subject_verb,
    subjunctive,
    verb_tenses,
)
from supportcards.proofread.grammar import engine_available

pytestmark = pytest.mark.skipif(
    not engine_available(), reason="Grammalecte is not installed (apt install python3-grammalecte, then make)"
)


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Les sauvegardes du serveur dépend de la bande passante.", [("dépend", ("dépendent",))]),
        ("Trois postes avec le même nom provoque une erreur.", [("provoque", ("provoquent",))]),
        ("Ensuite, le serveur choisis une adresse libre.", [("choisis", ("choisit",))]),
        ("Les règles de filtrage la bloque aussitôt.", [("bloque", ("bloquent",))]),
        ("Le pare-feu ne les laissent pas passer.", [("laissent", ("laisse",))]),
        ("Les comptes de service expirait chaque année.", [("expirait", ("expiraient",))]),  # tense kept
        # an adjective of the head after its complement: "urgentes" is the updates', not the day's
        ("Les mises à jour urgentes doit être appliquées.", [("doit", ("doivent",))]),
        ("Les copies de secours chiffrées part chaque soir.", [("part", ("partent",))]),
        # a word that is also a preposition opens a complement; "au", "aux" are articles too
        ("Les paquets perdus pendant le transfert est renvoyés.", [("est", ("sont",))]),
        ("Les droits d’accès au dossier partagé dépend du groupe.", [("dépend", ("dépendent",))]),
        # a name of letters and digits after the noun is of its group
        ("La norme 802.11ac sont plus rapide que la 802.11n.", [("sont", ("est",))]),
        ("Ensuite, le switch et les routeurs redémarre.", [("redémarre", ("redémarrent",))]),
    ],
)
def test_subject_verb_gives_the_verb_its_subjects_person_in_the_same_tense(back: str, expected: list) -> None:
    assert flagged(subject_verb, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "Les sauvegardes du serveur dépendent de la bande passante.",
        "Le nombre de postes dépend du budget.",
        "La plupart des utilisateurs pensent que le support est lent.",  # a collective head
        "Le switch et le routeur sont dans la baie.",  # coordinated subjects
        "Le technicien et l’utilisateur signent le bon.",
        "Les fichiers choisis sont copiés.",  # a participle, no object after it
        "Il vérifie les câbles puis les ports répondent.",
        "Les ports console sont fermés.",  # "console" is also a verb: not here, with no object after it
        "Les mots de passe que le technicien réinitialise expirent vite.",
        "Les droits d’accès du groupe Comptabilité sont revus chaque mois.",
        "Le schéma montre les postes et les liens entre eux.",  # "entre", also a preposition
        "Il faut des copies contre la perte des données.",
        "Le nombre de sessions ouvertes dépend du serveur.",  # the adjective is the complement's
        "Les mises à jour critiques doivent être installées.",
        # letters and digits glued are one name: no number "11" counting a noun "a"
        "La norme 802.11a est plus ancienne que la norme 802.11ac.",
        "Le protocole IPv6 est plus récent que l’IPv4.",
        "La version 2.4b corrige le pilote.",
        # after "et", a subject's second half only where the group before it opens the clause
        "Le technicien qui configure les serveurs et les switchs vérifie aussi les câbles.",
        "L’utilisateur qui perd ses clés ou ses badges appelle l’accueil.",
        "Le parc de trente postes et deux serveurs coûte cher à entretenir.",
        "Toi et ton collègue gérez les tickets du matin.",
        # a name follows these nouns: no unknown verb to conjugate
        "Le paramètre resource indique la mémoire réservée.",
        "Le champ reference du formulaire est obligatoire.",
        "Le droit execute permet de lancer le fichier.",
        "Le câble entre le switch et les serveurs est coupé.",
        "L’installation des postes et des imprimantes prend deux jours.",
    ],
)
def test_subject_verb_leaves_correct_or_undecidable_sentences(back: str) -> None:
    assert flagged(subject_verb, back) == []


def test_an_unknown_verb_after_a_subject_gets_the_sound_alike_form_of_its_person() -> None:
    assert flagged(subject_verb, "Les techniciens croyent que le disque est plein.") == [("croyent", ("croient",))]
    assert (
        flagged(subject_verb, "Le technicien voyent le message.") == []
    )  # 3p ending, 3s subject: no form sounds alike
    assert flagged(subject_verb, "Les techniciens ouvrent le SharePoint.") == []
    # a final consonant nobody hears, in the subject's person only ("résous" is 1s/2s)
    assert flagged(subject_verb, "Ensuite, une mise à jour résoud la panne.") == [("résoud", ("résout",))]
    assert flagged(subject_verb, "Le technicien prent la main à distance.") == [("prent", ("prend",))]


def test_qui_takes_the_person_of_a_plural_noun_group_right_before_it() -> None:
    back = "Le Wi-Fi ralentit avec des téléphones personnels qui consomme la bande passante."
    assert flagged(qui_verb, back) == [("consomme", ("consomment",))]
    assert flagged(qui_verb, "Il ferme les sessions qui reste ouvertes.") == [("reste", ("restent",))]
    assert flagged(qui_verb, "Il relance tous les postes qui reste bloqués.") == [("reste", ("restent",))]


@pytest.mark.parametrize(
    "back",
    [
        "La liste des utilisateurs qui change chaque semaine est envoyée au support.",  # the list changes
        "C’est l’un des serveurs qui tombe le plus souvent en panne.",
        "Il contacte les utilisateurs de l’agence qui ferme.",  # the agency closes
        "Les postes qui redémarrent la nuit reçoivent les mises à jour.",
        "Il garde des copies qui restent hors site.",
        "C’est la seule de toutes les imprimantes qui imprime en A3.",  # "la seule" is the antecedent
        "C’est un programme installé sur les postes et les imprimantes qui remonte leur état.",  # the program
        "Un onduleur branché sur les serveurs qui coupe proprement en cas de panne.",  # the UPS
        # after a verb of asking, "à X qui" may ask who: an indirect question
        "Le technicien demande aux utilisateurs qui utilise le poste 12.",
        "Le chef demande aux techniciens qui est d’astreinte ce week-end.",
    ],
)
def test_qui_leaves_an_antecedent_that_may_be_another_noun(back: str) -> None:
    assert flagged(qui_verb, back) == []


def test_a_noun_written_for_its_sound_alike_verb_after_a_subject() -> None:
    assert flagged(noun_for_verb, "Le serveur envoi un e-mail au responsable.") == [("envoi", ("envoie",))]
    assert flagged(noun_for_verb, "Les techniciens essai une autre prise.") == [("essai", ("essaient",))]
    assert flagged(noun_for_verb, "Le mode essai dure trente jours.") == []  # a noun in apposition
    assert flagged(noun_for_verb, "La version essai du logiciel expire.") == []
    assert flagged(noun_for_verb, "L’envoi du rapport est automatique.") == []


def test_the_second_of_two_coordinated_adjectives_agrees_like_the_first() -> None:
    after_adverb = flagged(adjective_coordination, "Une console déjà installée et paramétré sert de modèle.")
    assert after_adverb == [("paramétré", ("paramétrée",))]
    assert flagged(adjective_coordination, "Il faut une connexion stable et rapidee.") == []  # unknown: spelling's
    assert flagged(adjective_coordination, "Elle donne une réponse précise et complet.") == [("complet", ("complète",))]
    assert flagged(adjective_coordination, "Des procédures simples et documenté.") == [("documenté", ("documentées",))]
    assert flagged(adjective_coordination, "Une réponse précise et complète.") == []
    assert flagged(adjective_coordination, "La salle est libre ou occupée.") == []  # 'est' is the verb
    # "de manière" hangs on the verb: the participle after "ou" may describe the subject
    assert flagged(adjective_coordination, "Les fichiers sont supprimés de manière sûre ou archivés.") == []
    assert flagged(adjective_coordination, "Une clé de taille égale ou supérieur.") == [("supérieur", ("supérieure",))]
    assert flagged(adjective_coordination, "Un poste fixe et portable.") == []  # either gender
    assert flagged(adjective_coordination, "Une réponse précise et un suivi régulier.") == []
    assert flagged(adjective_coordination, "Il est rapide et efficace.") == []
    # colours that do not agree: a noun made a colour, a colour and its shade
    assert flagged(adjective_coordination, "Les boîtiers noirs et marron viennent de l’ancien parc.") == []
    assert flagged(adjective_coordination, "Les câbles rouges et bleu foncé vont vers la baie.") == []
    assert flagged(adjective_coordination, "Les câbles rouges et bleu vont vers la baie.") == [("bleu", ("bleus",))]


def test_coordinated_adjectives_after_a_bare_complement_agree_with_the_head_the_first_agrees_with() -> None:
    """ "des mots de passe courts et prévisible": "de passe" makes one noun with "mots"; the first
    adjective agrees with the head, not the complement, and so does the second."""
    line = "Des comptes de service anciens et oublié restent actifs."
    assert flagged(adjective_coordination, line) == [("oublié", ("oubliés",))]
    line = "On stocke les cartes de crédit expirées et annulé dans un coffre."  # "dans" is no noun "dan"
    assert flagged(adjective_coordination, line) == [("annulé", ("annulées",))]
    # the first agreeing with the complement, or with neither, says nothing of the head
    assert flagged(adjective_coordination, "Les câbles de brassage bleu et rouge partent du switch.") == []
    assert flagged(adjective_coordination, "Les salles de réunion propre et rangée sont libres.") == []
    assert flagged(adjective_coordination, "Des fichiers de configuration anciens et inutiles.") == []


def test_an_adjective_before_a_and_an_infinitive_still_agrees_like_the_first() -> None:
    """ "facile à retenir" is the adjective with its complement: it agrees with the noun."""
    line = "Des consignes claires et simple à suivre sont affichées."
    assert flagged(adjective_coordination, line) == [("simple", ("simples",))]
    assert flagged(adjective_coordination, "Une interface claire et facile à lire.") == []
    assert flagged(adjective_coordination, "Une console simple et pratique à l’usage.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Les alertes se basent sur des signatures connues et sur les comportements anormaux.",  # a preposition
        "Le droit est donné pour une session limitée et tracé dans le journal.",  # the subject's participle
        "Le guide est joint au contrat signé et validé par le client.",
        "Le fichier, rangé dans une archive chiffrée et daté du jour, part au coffre.",
    ],
)
def test_a_coordinated_adjective_after_a_complement_is_left_alone(sentence: str) -> None:
    """After a preposition's complement, the second adjective may describe the sentence's subject."""
    assert flagged(adjective_coordination, sentence) == []


def test_an_adjective_after_noun_de_noun_is_left_to_a_person() -> None:
    assert flagged(adjective_complement, "Les comptes de service partagé sont interdits.") == [
        ("partagé", ("partagés",))
    ]
    assert flagged(adjective_complement, "Les comptes de service partagés sont interdits.") == []
    assert flagged(adjective_complement, "Des réseaux de taille moyenne.") == []  # feminine: the second noun's


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Il sauvegarde avant que le disque ne tombe en panne.", []),  # same form in both moods
        ("Il prévient l’utilisateur pour qu’il sait quoi faire.", [("sait", ("sache",))]),
        ("Il faut que le technicien fait un ticket.", [("fait", ("fasse",))]),
        ("Bien que le serveur est récent, il plante.", [("est", ("soit",))]),
        ("Il redémarre le poste sans que l’utilisateur perd son travail.", [("perd", ("perde",))]),
        ("Il attend jusqu’à ce que la copie finit.", [("finit", ("finisse",))]),
        ("Il sait bien que le serveur est tombé.", []),  # "bien" + "que": not the concessive
        ("Le disque est plein, si bien que la copie échoue.", []),
        ("Il est aussi rapide que le serveur est neuf.", []),
        ("Après que le technicien est passé, le poste marche.", []),  # "après que": indicative
        ("Il faut que les utilisateurs soient prévenus.", []),
    ],
)
def test_subjunctive_after_the_conjunctions_that_ask_for_it(back: str, expected: list) -> None:
    assert flagged(subjunctive, back) == expected


def test_verb_tenses_are_read_from_grammalecte() -> None:
    assert verb_tenses("analyserai") == {"If"}
    assert verb_tenses("réussis") == {"Ip", "Is"}
    assert verb_tenses("câble") >= {"Ip"} and verb_tenses("technicien") == frozenset()


def test_verbs_joined_to_a_subjunctive_take_it_too() -> None:
    back = "Il faut que le client débranche la borne et la rebranche, puis qu’il la redémarre."
    assert flagged(subjunctive, back) == []
    back = "Il faut que le client éteint la borne et la rallume."
    assert flagged(subjunctive, back) == [("éteint", ("éteigne",))]
    back = "Il faut que le client vide le cache et le reconstruit."
    assert flagged(subjunctive, back) == [("reconstruit", ("reconstruise",))]
    back = "Il faut que le client vide le cache et les fichiers sont supprimés."  # a new subject
    assert flagged(subjunctive, back) == []


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Si le disque serait plein, la copie échoue.", [("serait", ("est",))]),
        ("S’il faudrait redémarrer, il le dit.", [("faudrait", ("faut",))]),
        ("Si les postes seraient éteints, on ne pourrait pas les mettre à jour.", [("seraient", ("étaient",))]),
        ("Même si l’utilisateur voudrait garder ses fichiers, on les supprime.", [("voudrait", ("veut",))]),
        ("Il demande si le client voudrait être rappelé.", []),  # a question: the conditional is right
        ("Si le disque est plein, la copie échoue.", []),
        ("Si le disque était plein, la copie échouerait.", []),
    ],
)
def test_no_conditional_after_a_si_that_opens_a_condition(back: str, expected: list) -> None:
    assert flagged(si_conditional, back) == expected


def test_an_adjective_that_is_also_a_verb_after_noun_de_noun_is_still_pointed_at() -> None:
    assert flagged(adjective_complement, "Les temps de réponse trop court agacent.") == [("court", ("courts",))]


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Ils sont hérité du dossier parent.", [("hérité", ("hérités",))]),
        ("Elles ne sont jamais supprimé sans accord.", [("supprimé", ("supprimées",))]),
        ("Les sauvegardes du serveur sont vérifié chaque lundi.", [("vérifié", ("vérifiées",))]),
        ("Les sauvegardes sont vérifiées chaque lundi.", []),
        ("Ils se sont parlé au téléphone.", []),  # reflexive: no agreement with an indirect object
        ("Il est conseillé de redémarrer.", []),
        ("Elles sont mis à jour la nuit.", [("mis", ("mises",))]),
        ("Ils ont hérité du dossier parent.", []),  # "avoir": no agreement with the subject
        # "être" in the plural after a collective: it agrees with the complement, and so does the participle
        ("Une dizaine de postes sont concernés.", []),
        # participles joined by "et", "puis" agree alike
        ("Les messages sont téléchargés puis supprimé du serveur.", [("supprimé", ("supprimés",))]),
        ("Les postes sont livrés et installé le lendemain.", [("installé", ("installés",))]),
        ("Les fichiers sont copiés et le disque formaté.", []),
        ("Un groupe de techniciens sont prévenus.", []),
        # an adverb that is also an adjective ("vite") before the participle qualifies it
        ("Les filtres du boîtier sont vite encrassé par la poussière.", [("encrassé", ("encrassés",))]),
    ],
)
def test_a_participle_after_etre_agrees_with_the_clause_subject(back: str, expected: list) -> None:
    assert flagged(participle_agreement, back) == expected


def test_a_participle_after_coordinated_subjects_is_left_alone() -> None:
    assert flagged(participle_agreement, "Le poste et ses écrans sont reliés au dock.") == []
    assert flagged(participle_agreement, "La copie et la restauration sont testées.") == []


def test_the_et_of_entre_joins_its_two_complements_not_two_subjects() -> None:
    """ "entre le poste et le serveur" names the two ends of something: its "et" belongs to the
    complement, and the subject is the noun group that "entre" hangs on."""
    back = "Les requêtes envoyées entre le poste et le serveur sont signé par le client."
    assert flagged(participle_agreement, back) == [("signé", ("signées",))]
    back = "Les câbles posés entre la baie et le bureau relie les deux étages."
    assert flagged(subject_verb, back) == [("relie", ("relient",))]
    back = "Le lien entre le siège et les agences est chiffré."
    assert flagged(participle_agreement, back) == [] and flagged(subject_verb, back) == []
    back = "Les échanges entre le poste et le serveur sont chiffrés."
    assert flagged(participle_agreement, back) == [] and flagged(subject_verb, back) == []


def test_examples_after_tel_que_are_no_subject() -> None:
    """ "tels que" after a noun lists examples of it: the participle agrees with that noun, the
    subject, not with the examples."""
    back = "Les fichiers tels que les photos et les vidéos ne sont pas sauvegardés sur le serveur."
    assert flagged(participle_agreement, back) == []
    back = "Des pannes telles que celles d’hier sont évitées par la redondance."
    assert flagged(participle_agreement, back) == []


def test_a_noun_with_its_adjective_after_etre_is_no_participle() -> None:
    assert flagged(participle_agreement, "Les utilisateurs sont partie prenante du projet.") == []
    assert flagged(participle_agreement, "Les utilisateurs sont parti hier.") == [("parti", ("partis",))]


def test_look_alikes_of_a_subject_are_left_alone() -> None:
    assert flagged(subject_verb, "Quels fichiers supprime le script de nettoyage ?") == []  # inverted subject
    assert flagged(subject_verb, "Chaque semaine les serveurs les plus chargés sont redémarrés.") == []
    assert flagged(subject_verb, "Les techniciens la consulte.") == [("consulte", ("consultent",))]


def test_two_singular_adjectives_after_a_plural_noun_may_name_one_thing_each() -> None:
    assert flagged(adjective_coordination, "Il gère les réseaux filaire et sans fil.") == []
    assert flagged(adjective_coordination, "Il parle les langues espagnole et italienne.") == []
    assert flagged(adjective_coordination, "Des procédures simples et documenté.") == [("documenté", ("documentées",))]


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Le clavier et la souris fonctionne sans fil.", [("fonctionne", ("fonctionnent",))]),
        ("Le nom et le prénom de l’utilisateur apparaît sur le badge.", [("apparaît", ("apparaissent",))]),
        ("Le clavier et la souris fonctionnent sans fil.", []),
        ("Chaque poste et chaque écran est étiqueté.", []),  # each one: singular
        ("Le plus simple et le plus rapide est de redémarrer.", []),
        ("Le clavier ou la souris bloque la session.", []),  # "ou": either agreement
        ("Il branche le clavier et la souris fonctionne.", []),  # "le clavier" is an object
    ],
)
def test_two_singular_subjects_joined_by_et_take_a_plural_verb(back: str, expected: list) -> None:
    assert flagged(subject_verb, back) == expected


def test_ceux_qui_takes_a_plural_verb() -> None:
    assert flagged(qui_verb, "Ceux qui utilise un VPN doivent se reconnecter.") == [("utilise", ("utilisent",))]
    assert flagged(qui_verb, "Celui qui utilise un VPN doit se reconnecter.") == []


def test_no_future_after_a_si_that_opens_a_condition() -> None:
    assert flagged(si_conditional, "Si le disque sera plein, la copie échouera.") == [("sera", ("est",))]
    assert flagged(si_conditional, "Il ne sait pas si le disque sera plein.") == []  # a question


def test_look_alikes_of_qui_and_coordinated_adjectives() -> None:
    assert flagged(qui_verb, "Il garde celui des trois câbles qui marche.") == []  # "celui" is the antecedent
    assert flagged(adjective_coordination, "Il achète une souris légère et bas de gamme.") == []
    assert flagged(adjective_coordination, "Une procédure simple et facile à suivre.") == []


@pytest.mark.parametrize(
    ("check", "back", "expected"),
    [
        # a complement of time, place or manner opens the clause with no comma: the subject follows
        (subject_verb, "Pendant le déplacement les utilisateurs de la VM perd l’accès.", [("perd", ("perdent",))]),
        (subject_verb, "Sur ce modèle les voyants de la façade clignote.", [("clignote", ("clignotent",))]),
        (
            participle_agreement,
            "Par défaut les messages sont téléchargés puis supprimé.",
            [("supprimé", ("supprimés",))],
        ),
        (subject_verb, "Par défaut le pare-feu bloque les connexions entrantes.", []),
        (subject_verb, "Pendant la réunion des équipes, le serveur redémarre.", []),
        (subject_verb, "Il parle pendant la réunion des équipes.", []),
    ],
)
def test_a_subject_after_an_opening_complement_with_no_comma(check, back: str, expected: list) -> None:
    assert flagged(check, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("La capacité et la vitesse annoncées par le fabricant sont mesurés.", [("mesurés", ("mesurées",))]),
        (
            "Les journaux système et les journaux des applications sont enregistrées.",
            [("enregistrées", ("enregistrés",))],
        ),
        ("Le clavier et la souris sont livré dans le même carton.", [("livré", ("livrés",))]),
        ("La clé et la batterie sont testées.", []),
        ("Le câble, la clé et la batterie sont testés.", []),  # one masculine group: masculine
        ("Chaque clé et chaque batterie est testée.", []),
        ("La norme et le câble sont récents.", []),
    ],
)
def test_a_participle_agrees_with_noun_groups_joined_by_et(back: str, expected: list) -> None:
    assert flagged(participle_agreement, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Le nom, la fonction et le numéro du collaborateur y figure.", [("figure", ("figurent",))]),
        ("Le nom, le prénom et l’adresse de l’utilisateur apparaît ici.", [("apparaît", ("apparaissent",))]),
        ("Les fichiers supprimés reste dans la corbeille.", [("reste", ("restent",))]),  # no noun after an adjective
        ("Le nom, la fonction et le numéro du collaborateur y figurent.", []),
        ("Le serveur, la nuit, redémarre seul.", []),
        ("Il vérifie le nom, la fonction et le numéro.", []),
        ("Les câbles réseau restent branchés.", []),
        ("Les disques durs externes sont chiffrés.", []),
    ],
)
def test_a_list_of_singular_subjects_takes_a_plural_verb(back: str, expected: list) -> None:
    assert flagged(subject_verb, back) == expected


def test_tous_before_the_subject_of_a_subjunctive() -> None:
    back = "La signature est définie pour que tous les employés ont la même."
    assert flagged(subjunctive, back) == [("ont", ("aient",))]
    assert flagged(subjunctive, "Il sait que tous les postes sont à jour.") == []
    assert flagged(subjunctive, "Il faut que toutes les licences soient activées.") == []
    assert flagged(subjunctive, "On l’affiche pour que toute la salle voit le planning.") == [("voit", ("voie",))]


def test_an_indefinite_pronoun_as_the_subject_of_a_subjunctive() -> None:
    back = "On range les badges pour que personne d’autre ne les prend."
    assert flagged(subjunctive, back) == [("prend", ("prenne",))]
    assert flagged(subjunctive, "Il range tout afin que chacun retrouve ses affaires.") == []


def test_a_que_repeated_after_et_or_ou_asks_for_the_subjunctive_again() -> None:
    back = "Il faut que le poste redémarre ou qu’il reçoit la mise à jour."
    assert flagged(subjunctive, back) == [("reçoit", ("reçoive",))]
    assert flagged(subjunctive, "Il dit que le poste redémarre et qu’il reçoit la mise à jour.") == []
    assert flagged(subjunctive, "Il faut que le poste redémarre. Il dit ensuite qu’il reçoit la mise à jour.") == []


def test_an_unknown_verb_after_et_shares_the_subject_of_the_verb_before() -> None:
    back = "Il télécharge les paquets depuis des dépôts et résoud les dépendances."
    assert flagged(subject_verb, back) == [("résoud", ("résout",))]
    assert flagged(subject_verb, "Le technicien ouvre le capot et prent la feuille.") == [("prent", ("prend",))]
    assert flagged(subject_verb, "Les techniciens ouvrent le capot et prent la feuille.") == []  # none sounds alike
    assert flagged(subject_verb, "Il ouvre le capot et résout le conflit.") == []


def test_an_unknown_verb_after_a_subject_pronoun_takes_its_person() -> None:
    assert flagged(subject_verb, "Chaque mardi, nous testont les correctifs.") == [("testont", ("testons",))]
    assert flagged(subject_verb, "Ensuite il résoud le conflit.") == [("résoud", ("résout",))]
    assert flagged(subject_verb, "Ensuite on tape grep dans le terminal.") == []  # a command, not after the pronoun


def test_an_adjective_before_the_noun_of_a_complement() -> None:
    """ "du deuxième étage": "deuxième" is also a noun; in a complement it is the adjective."""
    back = "Les imprimantes du deuxième étage sont souvent bloqué le lundi."
    assert flagged(participle_agreement, back) == [("bloqué", ("bloquées",))]
    assert flagged(noun_for_verb, "Ensuite, le technicien essai un autre câble.") == [("essai", ("essaie",))]


@pytest.mark.parametrize(
    ("check", "back"),
    [
        (participle_agreement, "Les utilisateurs sont partie prenante du projet de migration."),  # a noun
        (subject_verb, "Le droit execute permet de lancer le fichier."),  # the verb follows: a term
        (subject_verb, "Le câble entre le switch et les serveurs est coupé."),  # "et" joins complements
        (subject_verb, "L’installation des postes et des imprimantes prend deux jours."),
    ],
)
def test_look_alikes_of_coordination_nouns_and_terms(check, back: str) -> None:
    assert flagged(check, back) == []


def test_an_invariable_adjective_after_et_is_left_alone() -> None:
    assert flagged(adjective_coordination, "Les boîtiers noirs et marron viennent du stock.") == []
    back = "Une communication claire et régulier."
    assert flagged(adjective_coordination, back) == [("régulier", ("régulière",))]


@pytest.mark.parametrize(
    ("check", "back"),
    [
        (adjective_coordination, "Les câbles rouges et bleu foncé vont vers le switch."),  # a shade
        (subject_verb, "Le paramètre resource indique le groupe."),  # English: a setting's name
        (subject_verb, "Le champ reference du formulaire reprend le numéro."),
    ],
)
def test_colours_and_english_terms_are_left_alone(check, back: str) -> None:
    assert flagged(check, back) == []


@pytest.mark.parametrize(
    ("check", "back"),
    [
        (subject_verb, "Le technicien qui configure les serveurs et les switchs vérifie aussi les câbles."),
        (subject_verb, "L’utilisateur qui perd ses clés ou ses badges appelle l’accueil."),  # objects
        (subject_verb, "Toi et ton collègue gérez les tickets du matin."),  # the pronoun's person
        (qui_verb, "Le technicien demande aux utilisateurs qui utilise le poste 12."),  # a question
    ],
)
def test_groups_joined_to_an_object_or_a_pronoun_and_indirect_questions(check, back: str) -> None:
    assert flagged(check, back) == []


@pytest.mark.parametrize(
    "back",
    [
        "Le client demande combien durerait l’intervention et si elle serait facturée.",
        "On se demande si le disque tiendrait encore ou s’il vaudrait mieux le changer.",
        "Il veut savoir quels postes seraient touchés et si la coupure durerait longtemps.",
        "Je me demande à quelle heure la panne commencerait et si elle durerait.",
    ],
)
def test_a_si_joined_to_an_indirect_question_asks_one_too(back: str) -> None:
    """ "et si", "ou si" after a question word that follows a verb: a second indirect question,
    where the conditional is right."""
    assert flagged(si_conditional, back) == []


def test_a_si_after_et_with_no_question_before_still_opens_a_condition() -> None:
    back = "Le technicien vérifie le câble et si le voyant serait éteint, il change la carte."
    assert flagged(si_conditional, back) == [("serait", ("est",))]


def test_faille_without_its_impersonal_il_is_the_noun() -> None:
    assert flagged(subjunctive, "Faille qu’un pirate peut utiliser sans mot de passe.") == []
    assert flagged(subjunctive, "Il faille que le technicien vient.") == [("vient", ("vienne",))]


@pytest.mark.parametrize(
    "back",
    [
        "Des liaisons longue distance relient les deux sites.",
        "Les messages relance partent le lendemain.",
        "Les serveurs pilotes, qu’on a installés en premier, reçoivent les mises à jour.",
    ],
)
def test_a_noun_after_the_subject_before_the_clauses_own_verb_is_no_verb(back: str) -> None:
    assert flagged(subject_verb, back) == []


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Les techniciens commande les pièces que le fournisseur livre.", [("commande", ("commandent",))]),
        ("Les techniciens commande les pièces, puis vérifient les câbles.", [("commande", ("commandent",))]),
    ],
)
def test_a_verb_with_its_own_subject_or_after_puis_is_not_the_clauses_verb(back: str, expected: list) -> None:
    """A relative clause's verb and a verb joined by "puis" leave the slip before them flagged."""
    assert flagged(subject_verb, back) == expected


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("Depuis la mise à jour, beaucoup de claviers sans fil perd la connexion.", [("perd", ("perdent",))]),
        ("Peu de postes anciens supporte Windows 11.", [("supporte", ("supportent",))]),
        ("Avec ce pilote, des imprimantes un peu anciennes redémarre sans cesse.", [("redémarre", ("redémarrent",))]),
        ("Des écrans plutôt récents affiche une image floue.", [("affiche", ("affichent",))]),
    ],
)
def test_subject_verb_reads_adverbs_of_degree_and_of_quantity_in_the_subject(back: str, expected: list) -> None:
    assert flagged(subject_verb, back) == expected


@pytest.mark.parametrize(
    "back",
    [
        "Beaucoup de monde attend le matin.",
        "Des imprimantes un peu anciennes plantent au démarrage.",
        "Souvent, de nouveaux postes arrivent le lundi.",
    ],
)
def test_subject_verb_leaves_quantities_that_agree(back: str) -> None:
    assert flagged(subject_verb, back) == []


def test_qui_after_a_measure_may_be_about_the_noun_it_measures() -> None:
    assert flagged(qui_verb, "C’est une baie au format 42 unités qui accueille les serveurs.") == []
    assert flagged(qui_verb, "C’est un tiroir de baie 2 unités qui range le clavier.") == []  # 'baie' also a verb
    assert flagged(qui_verb, "On installe 3 serveurs qui tourne la nuit.") == [("tourne", ("tournent",))]


def test_a_noun_that_an_adverb_and_adjective_follow_is_no_coordinated_adjective() -> None:
    assert flagged(adjective_coordination, "- Fiche mal sertie ou paires trop longues") == []


def test_a_noun_whose_verb_readings_are_a_second_person_is_no_verb_after_a_subject() -> None:
    assert flagged(subject_verb, "Les clés des CA racines son stockées à part.") == []
