"""Correct French that `review --yes` must leave as it is: look-alikes of the slips, one card each.

These sentences come from the clean-text measure (`bench/proofread_eval.py --clean`, corpus in
`bench/proofread/clean/`): general French, not the test chapters. Each goes through the real
`supportcards review --yes` with every checker; no fix may be recorded: a rule that changes one
is mended, or leaves `review --yes` (its findings go to a person).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from supportcards.cli import main
from supportcards.proofread.grammar import engine_available

pytestmark = pytest.mark.skipif(
    not engine_available(), reason="Grammalecte is not installed (apt install python3-grammalecte, then make)"
)


CASES = [
    pytest.param(
        "PaaS (Platform as a Service)",
        "C’est une plate-forme louée : Platform as a Service se dit aussi PaaS.",
        id="English expansion of the front: 'as a' is no French 'a'",
    ),
    pytest.param(
        "Page d’accueil obligatoire (captive portal)",
        "Elle s’affiche avant toute navigation sur le réseau des visiteurs.",
        id="a lowercase English name in the front's parentheses: 'captive' is no French adjective there",
    ),
    pytest.param(
        "Stratégie de groupe locale",
        "Elle a deux parties : configuration ordinateur et configuration utilisateur.",
        id="a noun complement keeps its gender: configuration ordinateur",
    ),
    pytest.param(
        "Extinction",
        "Le technicien ferme les fichiers et éteint le poste.",
        id="et + a present that is also a participle",
    ),
    pytest.param(
        "Carte son",
        "Les cartes son sur les postes fixes sont rarement en panne.",
        id="cartes son sur",
    ),
    pytest.param(
        "Report",
        "On reporte l’intervention à un autre moment ou l’utilisateur prend un poste de prêt.",
        id="autre moment ou l'utilisateur prend",
    ),
    pytest.param(
        "Délai",
        "Le ticket est fermé dans l’heure ou le client est rappelé.",
        id="dans l'heure ou",
    ),
    pytest.param(
        "Pas de réseau",
        "Le problème vient-il du câble ? Ou est-ce la carte réseau qui est en panne ?",
        id="Ou est-ce",
    ),
    pytest.param(
        "Fin de journée",
        "Le technicien vérifie que tout est en ordre quand à la fin de la journée, il ferme les tickets.",
        id="quand à la fin de la journée,",
    ),
    pytest.param("Deuxième écran", "L’image est pixellisée sur le deuxième écran.", id="pixellisée"),
    pytest.param(
        "Achat",
        "Le support a choisi une imprimante neuve et haut de gamme.",
        id="neuve et haut de gamme",
    ),
    pytest.param(
        "Disque",
        "Le technicien remplace celui des deux disques qui chauffe.",
        id="celui des deux disques qui chauffe",
    ),
    pytest.param(
        "Vieux postes",
        "C’est le seul de tous les postes qui démarre encore.",
        id="le seul de tous les postes qui démarre",
    ),
    pytest.param("Carte son", "Les cartes son sont intégrées à la carte mère.", id="cartes son sont"),
    pytest.param(
        "Carte son",
        "Les réglages son et vidéo sont dans le même menu.",
        id="réglages son et vidéo",
    ),
    pytest.param(
        "Poste figé",
        "Le poste redémarre tout seul ou se fige le matin.",
        id="ou se fige le matin",
    ),
    pytest.param(
        "Rappel",
        "L’utilisateur rappelle le support ou se présente le lendemain.",
        id="ou se présente le lendemain",
    ),
    pytest.param(
        "Alertes",
        "Le serveur envoie une alerte par email quand le disque est plein.",
        id="par email",
    ),
    pytest.param(
        "Linux",
        "La commande reboot redémarre le serveur.",
        id="commande reboot",
    ),
    pytest.param(
        "Pas de son",
        "Les réglages du son sont dans le panneau de configuration.",
        id="réglages du son sont",
    ),
    pytest.param(
        "Pas de son",
        "Les problèmes de son viennent souvent du pilote audio.",
        id="problèmes de son viennent",
    ),
    pytest.param(
        "Fournisseurs",
        "Orange a installé la fibre dans les nouveaux locaux.",
        id="Orange a installé",
    ),
    pytest.param(
        "Budget",
        "Le service Contrôle de gestion a validé le budget.",
        id="service Contrôle de gestion a",
    ),
    pytest.param(
        "Équipe",
        "L’expérience qu’il a peut être utile à toute l’équipe.",
        id="qu'il a peut être utile",
    ),
    pytest.param(
        "Quelles étapes suit le technicien pour une installation",
        "Il prépare le poste, installe les logiciels, puis le livre.",
        id="quelles étapes suit",
    ),
    pytest.param(
        "Quel logiciel utilisent les techniciens",
        "TeamViewer ou le Bureau à distance.",
        id="quel logiciel utilisent",
    ),
    pytest.param(
        "Renouvellement",
        "Chaque année les postes les plus anciens sont renouvelés.",
        id="chaque année les postes sont",
    ),
    pytest.param(
        "Claviers",
        "Le support gère aussi les claviers anglais et allemand.",
        id="claviers anglais et allemand",
    ),
    pytest.param(
        "Veille",
        "Le poste se met en veille quand à midi personne ne l’utilise.",
        id="quand à midi",
    ),
    pytest.param(
        "Serveurs Linux",
        "Le compte root est désactivé sur les serveurs.",
        id="compte root",
    ),
    pytest.param(
        "Quels ports utilise un serveur web",
        "- 80 pour HTTP\n- 443 pour HTTPS",
        id="quels ports utilise",
    ),
    pytest.param(
        "Questions",
        "Quelles informations demande le technicien lors d’un appel ?",
        id="quelles informations demande",
    ),
    pytest.param(
        "Claviers",
        "Le support gère les claviers français et suisse.",
        id="claviers français et suisse",
    ),
    pytest.param("Switch", "Le bouton reset redémarre le switch.", id="bouton reset"),
    pytest.param(
        "Mode veille",
        "Le mode veille a été activé sur tous les postes.",
        id="mode veille a",
    ),
    pytest.param(
        "Paie",
        "Le service paie a reçu la liste des nouveaux employés.",
        id="service paie a",
    ),
    pytest.param(
        "Switch",
        "Le port console a été désactivé sur le switch.",
        id="port console a",
    ),
    pytest.param(
        "Accueil",
        "L’utilisateur ouvre un ticket sur le portail ou se présente le matin à l’accueil.",
        id="portail ou se présente",
    ),
    pytest.param(
        "Intervention",
        "Le technicien se déplace dans le bureau ou l’utilisateur apporte son portable au support.",
        id="bureau ou l'utilisateur apporte",
    ),
    pytest.param(
        "Démarrage",
        "Le poste démarre sur le disque ou se bloque au logo du fabricant.",
        id="disque ou se bloque",
    ),
    pytest.param(
        "Permanence",
        "Le technicien répond au téléphone ou les appels vont sur la messagerie.",
        id="téléphone ou les appels vont",
    ),
    pytest.param(
        "Profil itinérant",
        "C’est un profil stocké sur le serveur et copié sur le poste à chaque connexion.",
        id="stocké sur le serveur et copié",
    ),
    pytest.param(
        "Mises à jour",
        "Une mise à jour téléchargée la nuit et installée le matin évite de couper le réseau.",
        id="téléchargée la nuit et installée",
    ),
    pytest.param(
        "Principe du moindre privilège",
        "Les droits administrateur sont réservés aux techniciens.",
        id="droits administrateur",
    ),
    pytest.param("DHCP", "Le bail peut être renouvelé avec la commande ipconfig /renew.", id="peut être renouvelé"),
    pytest.param("Switch", "Il n’envoie la trame qu’au port où se trouve le destinataire.", id="port où"),
    pytest.param(
        "Durée d’une intervention", "Les trois heures qu’a duré la réparation sont notées.", id="heures qu'a duré"
    ),
    pytest.param(
        "Sauvegarde d’un téléphone",
        "Les photos de son téléphone sont aussi copiées, si l’utilisateur l’a accepté.",
        id="photos de son téléphone sont",
    ),
    pytest.param(
        "Planification", "Le jour même ou le lendemain, on vérifie que tous les postes sont à jour.", id="jour ou"
    ),
    pytest.param("Câble Ethernet", "Un câble trop long ou plié peut être la cause de coupures.", id="peut être la"),
    pytest.param("Migration", "L’ensemble des postes est passé à Windows 11 en trois semaines.", id="ensemble des est"),
    pytest.param(
        "Panne de réseau",
        "Ou le câble est débranché, ou la carte réseau est en panne.",
        id="Ou ... ou (either ... or)",
    ),
    pytest.param(
        "Rappel",
        "Ou bien l’utilisateur redémarre sa box, ou bien on envoie un technicien.",
        id="ou bien",
    ),
    pytest.param(
        "Réparer ou remplacer",
        "Faut-il changer le disque ou suffit-il de le formater ?",
        id="infinitive ou suffit-il",
    ),
    pytest.param("Disque", "Un disque peu cher suffit pour les archives.", id="peu cher"),
    pytest.param("Outil", "Un outil peu familier demande une formation.", id="peu familier"),
    pytest.param(
        "Antivirus",
        "Les scans on-access analysent chaque fichier au moment où il est ouvert.",
        id="scans on-access",
    ),
    pytest.param(
        "Salle serveur",
        "Dans la baie se trouvent le switch, le routeur et l’onduleur.",
        id="inverted subject se trouvent",
    ),
    pytest.param(
        "Tickets",
        "Les tickets que reçoit le support sont classés par priorité.",
        id="que reçoit le support",
    ),
    pytest.param("Incident", "Plus d’un technicien a déjà eu ce problème.", id="plus d'un technicien a"),
    pytest.param(
        "Planning",
        "Les techniciens se sont succédé au téléphone toute la journée.",
        id="se sont succédé",
    ),
    pytest.param(
        "Incident", "Les techniciens se sont rendu compte du problème le lendemain.", id="se sont rendu compte"
    ),
    pytest.param("Vol", "Elle s’est fait voler son portable dans le train.", id="s'est fait voler"),
    pytest.param(
        "Mises à jour",
        "Il faut laisser le poste allumé le soir pour recevoir les mises à jour.",
        id="laisser le poste allumé",
    ),
    pytest.param(
        "Mises à jour", "Laissez Windows terminer la mise à jour avant de fermer le capot.", id="laisser + infinitive"
    ),
    pytest.param("Portail", "L’utilisateur peut se créer un compte sur le portail.", id="peut se créer"),
    pytest.param(
        "Sauvegarde", "Il faut que la sauvegarde inclue les emails de l’utilisateur.", id="subjunctive inclue"
    ),
    pytest.param("DHCP", "Au redémarrage, le poste acquerra une nouvelle adresse.", id="future acquerra"),
    pytest.param("Tickets", "La demande est close quand l’utilisateur a confirmé la solution.", id="est close"),
    pytest.param(
        "Cycle de vie d’un ticket",
        "- Créé par l’utilisateur\n- Assigné à un technicien\n- Résolu\n- Fermé après sept jours",
        id="list of participles",
    ),
    pytest.param(
        "Erreur SSH",
        "Le message « Connection refused » veut dire qu’aucun service n’écoute sur ce port.",
        id="Connection refused",
    ),
    pytest.param(
        "QoS",
        "Le traffic shaping limite le débit de certaines applications.",
        id="traffic shaping",
    ),
    pytest.param("Switch", "Un port en mode access ne transporte qu’un seul VLAN.", id="mode access"),
    pytest.param("Box", "La box est passée en mode bridge.", id="mode bridge"),
    pytest.param("Réseau", "Le serveur est pingable depuis le poste.", id="pingable"),
    pytest.param("Archive", "Il faut dézipper l’archive avant de lancer le fichier setup.exe.", id="dézipper"),
    pytest.param(
        "Messagerie",
        "La boite de réception est pleine et le cout de l’espace en plus est élevé.",
        id="1990 spellings boite, cout",
    ),
    pytest.param("Supervision", "Zabbix surveille les serveurs et Grafana affiche les courbes.", id="name opens"),
    pytest.param(
        "Baie",
        "Le switch et bien sûr le routeur sont branchés sur l’onduleur.",
        id="et bien sûr + noun group",
    ),
    pytest.param(
        "Mots de passe",
        "Les comptes et surtout administrateurs ont un mot de passe de 16 caractères.",
        id="et surtout + adjective, verb later",
    ),
    pytest.param("Écran", "Les boutons on et off sont à l’arrière de l’écran.", id="English on and off"),
    pytest.param("Multiprises", "Les interrupteurs on/off des multiprises sont coupés le soir.", id="English on/off"),
    pytest.param(
        "Conteneurs",
        "Sans limits ni requests, un conteneur peut prendre toute la mémoire du nœud.",
        id="limits ni requests",
    ),
    pytest.param("Quotas", "Les requests et les limits du pod sont fixées dans le YAML.", id="requests et les limits"),
    pytest.param(
        "Normes Wi-Fi", "La norme 802.11a est plus ancienne que la norme 802.11ac.", id="norme 802.11a est plus"
    ),
    pytest.param("Protocoles", "Le protocole IPv6 est plus récent que l’IPv4.", id="IPv6 est plus récent"),
    pytest.param("Normes", "La norme A est plus ancienne que la norme B.", id="norme A est"),
    pytest.param("Éditeur vi", "Dans vi, la touche a passe en mode insertion après le curseur.", id="touche a passe"),
    pytest.param("Quiz", "La réponse a change selon la version du logiciel.", id="réponse a change"),
    pytest.param("Formatage", "Le disque, une fois formaté, est rendu au service.", id="une fois formaté"),
    pytest.param("Cartes", "Les cartes, une fois installées, sont testées.", id="une fois installées"),
    pytest.param(
        "Imprimante laser", "Les photos en couleur sont moins belles qu’avec une jet d’encre.", id="une jet d'encre"
    ),
    pytest.param("Achats", "Le responsable a pouvoir de signature pour les achats.", id="a pouvoir de signature"),
    pytest.param("Usure", "Les pannes répétées sont signe d’usure.", id="sont signe de"),
    pytest.param("Sécurité", "Les sauvegardes régulières sont gage de sécurité.", id="sont gage de"),
    pytest.param("Garantie", "Le technicien les a fait réparer sous garantie.", id="les a fait réparer"),
    pytest.param("Comptabilité", "La compta a besoin de deux écrans de plus.", id="la compta a besoin"),
    pytest.param("Factures", "Les factures de la compta arrivent le lundi.", id="de la compta"),
    pytest.param("Table", "La colonne telephone de la table clients est vide.", id="table clients"),
    pytest.param("Paramètres", "Le paramètre resource indique la mémoire réservée.", id="paramètre resource"),
    pytest.param("Export", "Le menu exporter en CSV se trouve en haut à droite.", id="menu exporter en CSV"),
    pytest.param(
        "Serveurs",
        "Le technicien qui configure les serveurs et les switchs vérifie aussi les câbles.",
        id="et les switchs vérifie",
    ),
    pytest.param("Parc", "Le parc de trente postes et deux serveurs coûte cher à entretenir.", id="parc de postes et"),
    pytest.param("Tickets", "Toi et ton collègue gérez les tickets du matin.", id="toi et ton collègue gérez"),
    pytest.param(
        "Astreinte", "Le chef demande aux techniciens qui est d’astreinte ce week-end.", id="demande aux X qui"
    ),
    pytest.param("Propriétaire", "Il se demande à qui ce poste appartient.", id="à qui ce poste"),
    pytest.param(
        "Quels navigateurs sont installés ?", "Firefox et la version la plus récente de Chrome.", id="two-item"
    ),
    pytest.param("Câbles", "Les boîtiers noirs et marron viennent de l’ancien parc.", id="noirs et marron"),
    pytest.param("Câblage", "Les câbles rouges et bleu foncé vont vers la baie de brassage.", id="bleu foncé"),
    pytest.param("Extinction", "1. Excepté les serveurs, éteindre tous les postes\n2. Couper le courant", id="Excepté"),
    pytest.param("Postes", "Ces postes sont neufs ; ses postes à lui sont anciens.", id="à lui"),
    pytest.param("Délais", "Les délais sont fonction de la priorité du ticket.", id="sont fonction de"),
    pytest.param("Migration", "Les utilisateurs sont partie prenante du projet de migration.", id="partie prenante"),
    pytest.param("Consignes", "Le technicien a ordre de ne rien supprimer sans accord.", id="a ordre de"),
    pytest.param("Support", "Le support a mission de répondre en moins d’une heure.", id="a mission de"),
    pytest.param("Parc", "C’est nous qui gérons le parc de la compta.", id="parc de la compta"),
    pytest.param("Droits Linux", "Le droit execute permet de lancer le fichier.", id="droit execute"),
    pytest.param("Câble", "Le câble entre le switch et les serveurs est coupé.", id="entre X et les Y"),
    pytest.param("Installation", "L’installation des postes et des imprimantes prend deux jours.", id="des X et des Y"),
    pytest.param(
        "Constat de panne",
        "- Câble de la borne Wi-Fi arraché\n- Ventilateur de la carte graphique bloqué\n"
        "- Mise à jour des pilotes terminée",
        id="head before de + noun",
    ),
    pytest.param("Report", "La mise à jour des postes prévue lundi est reportée.", id="mise à jour des postes prévue"),
    pytest.param(
        "Pilotes",
        "Les serveurs pilotes, qu’on a installés en premier, reçoivent les mises à jour.",
        id="apposed noun before the clause's verb",
    ),
    pytest.param("Relances", "Les messages relance partent le lendemain.", id="noun complement then the verb"),
    pytest.param("Archives", "Les dossiers archives, lus une fois par an, occupent peu de place.", id="apposed plural"),
    pytest.param("Écrans", "Les moniteurs haute résolution coûtent plus cher.", id="haute résolution"),
    pytest.param("Batteries", "Des batteries longue autonomie équipent les portables.", id="longue autonomie"),
    pytest.param("Téléphones", "Des téléphones dernière génération ont été livrés.", id="dernière génération"),
    pytest.param("Sites", "Des liaisons longue distance relient les deux sites.", id="longue distance"),
    pytest.param("Stockage", "Des SSD grande capacité remplacent les disques.", id="term + grande capacité"),
    pytest.param("Offres", "Les offres mensuelle et annuelle ne donnent pas les mêmes droits.", id="distributive"),
    pytest.param("Voyant", "Le voyant passe de off à on après le test.", id="de off"),
    pytest.param("Droits", "La commande chmod 755 script.sh rend le script exécutable.", id="number and file name"),
    pytest.param(
        "Devis",
        "Le client demande combien durerait l’intervention et si elle serait facturée.",
        id="et si: a second indirect question",
    ),
    pytest.param(
        "Disque", "On se demande si le disque tiendrait un an ou s’il vaudrait mieux le changer.", id="ou s'il"
    ),
    pytest.param("Plannings", "Le chef d’équipe a autorité sur les plannings.", id="a autorité sur"),
    pytest.param("Fournisseur", "Le technicien a rendez-vous avec le fournisseur demain.", id="a rendez-vous avec"),
    pytest.param("Service", "Une fois démarré, le service écoute sur le port 443.", id="Une fois démarré"),
    pytest.param("Relance", "Plusieurs fois relancé, le fournisseur n’a toujours pas répondu.", id="fois relancé"),
    pytest.param("Astreinte", "On ignore encore qui ce sera.", id="qui ce sera"),
    pytest.param("Ergonomie", "Ce logiciel est un petit chef-d’œuvre d’ergonomie.", id="chef-d'œuvre"),
    pytest.param("Facturation", "La main-d’œuvre est facturée à l’heure.", id="main-d'œuvre"),
    pytest.param("Câble", "Le câble est a priori en bon état, et a fortiori la prise.", id="a priori, a fortiori"),
    pytest.param(
        "Lister les processus",
        "Sous Linux, la commande ps aux affiche les processus et top trie selon la charge.",
        id="a command in plain text: 'aux' is the argument of 'ps', no article",
    ),
    pytest.param(
        "Commandes du terminal",
        "Dans un terminal, ps aux liste chaque processus avec son PID.",
        id="a command with no 'commande' before it: 'ps' is no French word",
    ),
    pytest.param(
        "Accès des visiteurs",
        "Les visiteurs se connectent au réseau invités, isolé du VLAN salariés.",
        id="a plural noun in apposition: a network for guests",
    ),
    pytest.param(
        "Clé de chiffrement",
        "Le mot de passe de la clé, qui reste sur le poste, doit toujours rester secret.",
        id="an attribute that agrees with the head of its subject, not with its complement",
    ),
    pytest.param(
        "Mise en production",
        "La mise à jour du pilote graphique corrige souvent ce problème.",
        id="a locution noun followed by its complement: the adjective is the complement's",
    ),
    pytest.param(
        "Events et alerts",
        "Les alerts partent par e-mail ; les events restent dans le journal.",
        id="a front written in English names the terms its answer uses: 'alerts' is no 'alertes' misspelt",
    ),
    pytest.param(
        "Synchronisation des annuaires",
        "Donna Sync copie les comptes chaque nuit.",
        id="a first word read only as a past simple is a product's name, no verb: no 'Elle donna'",
    ),
    pytest.param(
        "Journaux du serveur",
        "Les journaux contenant des erreurs sont gardés un an.",
        id="a present participle with its object is a verb: 'contenant des erreurs' stays invariable",
    ),
]


@pytest.mark.parametrize(("front", "back"), CASES)
def test_review_yes_records_no_fix_on_correct_french(
    front: str, back: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "chapitre-01.md").write_text(
        f"# Chapitre 1 — Notes\n\n## {front}\n{back}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["review", "--yes", "source"])
    assert result.exit_code == 0, result.output
    table = tmp_path / "source" / "corrections.toml"
    recorded = tomllib.loads(table.read_text(encoding="utf-8")).get("reviewed", {}) if table.exists() else {}
    assert recorded == {}, result.output
