"""Normalizer: every rule on its own, the corrections tables, protected text, and idempotence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportcards.errors import SettingsError
from supportcards.model import Card, Location
from supportcards.normalize import (
    NBSP,
    NNBSP,
    Rule,
    default_normalizer,
    default_rules,
    make_normalizer,
    normalize_card,
    parse_corrections,
)
from supportcards.render import render_markdown

RULES = {rule.name: rule for rule in default_rules()}


def apply(rule_name: str, text: str) -> str:
    return RULES[rule_name].apply(text)[0]


def test_rules_have_unique_names_in_a_fixed_order() -> None:
    names = [rule.name for rule in default_rules()]
    assert len(names) == len(set(names))
    assert names[:2] == ["unicode-nfc", "whitespace"]
    assert names.index("spelling") < names.index("apostrophe") < names.index("french-spacing")
    assert names.index("grammar") < names.index("front-final-period") < names.index("accented-capitals")


@pytest.mark.parametrize(
    ("rule", "before", "after"),
    [
        ("unicode-nfc", "re\u0301seau", "réseau"),
        ("whitespace", "deux  espaces\tet tab", "deux espaces et tab"),
        ("whitespace", "    - indentation kept", "    - indentation kept"),
        ("abbreviations", "Av:\n1. a\nDésav:", "Avantages :\n1. a\nDésavantages :"),
        ("abbreviations", "la Av: reste", "la Av: reste"),
        ("spelling", "moins solicités", "moins sollicités"),
        ("spelling", "Qu-est ce qu-un ticket", "Qu’est-ce qu’un ticket"),
        ("spelling", "les solicitées", "les sollicitées"),
        ("grammar", "étant donner que", "étant donné que"),
        ("grammar", "Étant donner que", "Étant donné que"),
        ("grammar", "au dehors des heures", "en dehors des heures"),
        ("locutions", "c'est à dire vis à vis d’eux même", "c’est-à-dire vis-à-vis d’eux-mêmes"),
        (
            "quant-a",
            "Quand à lui, il attend.\nmais quand à 8 h le serveur",
            "Quant à lui, il attend.\nmais quand à 8 h le serveur",
        ),
        (
            "locutions",
            "Au dela du mur, vis a vis du client, c est a dire lui meme, par-dela",
            "Au-delà du mur, vis-à-vis du client, c’est-à-dire lui-même, par-delà",
        ),
        (
            "locutions",
            "quant a lui, au fur à mesure, eux-memes, C'est-a-dire",
            "quant à lui, au fur et à mesure, eux-mêmes, C’est-à-dire",
        ),
        (
            "locutions",
            "Quand a lieu la sauvegarde ? en dessous, son quant-à-soi, la basse, elle mémorise",
            "Quand a lieu la sauvegarde ? en dessous, son quant-à-soi, la basse, elle mémorise",
        ),
        ("contraction", "de le serveur à les clients", "du serveur aux clients"),
        ("contraction", "de le faire, à les aider, de le bien faire", "de le faire, à les aider, de le bien faire"),
        ("elision", "lorsque il dit que on sait si il vient", "lorsqu’il dit qu’on sait s’il vient"),
        ("elision", "si elle, si un client, le héros, le ou la", "si elle, si un client, le héros, le ou la"),
        (
            "s-est",
            "il c'est trompé, le journal dit qui c’est connecté",
            "il s’est trompé, le journal dit qui s’est connecté",
        ),
        (
            "s-est",
            "Qui c’est ? Je sais qui c’est le chef. Ils c’est vu.",
            "Qui c’est ? Je sais qui c’est le chef. Ils c’est vu.",
        ),
        ("back-subject", "Est un contrat", "C’est un contrat"),
        ("back-subject", "Est-ce utile ?", "Est-ce utile ?"),
        ("accented-capitals", "Editer des manuels. Etat", "Éditer des manuels. État"),
        ("accented-capitals", "A la fin. A propos\n- A l’aide", "À la fin. À propos\n- À l’aide"),
        ("accented-capitals", "Vitamine A et plan A B", "Vitamine A et plan A B"),
        ("accented-capitals", "Le site d’Etat. L’Etat paie.", "Le site d’État. L’État paie."),
        (
            "accented-capitals",
            "SQL Server Express Edition. L’application Element",
            "SQL Server Express Edition. L’application Element",
        ),
        ("accented-capitals", "A et B sont reliés.\n- A pour l’aile est", "A et B sont reliés.\n- A pour l’aile est"),
        # a capitalised word opening a sentence right before its verb, no article: a name
        ("accented-capitals", "Ecran noir. Ecran est un logiciel.", "Écran noir. Ecran est un logiciel."),
        ("accented-capitals", "L’Etat est payeur. Etat des lieux", "L’État est payeur. État des lieux"),
        # the Latin "a" of a locution keeps the dictionaries' spelling
        ("accented-capitals", "A priori, non. A contrario, oui.", "A priori, non. A contrario, oui."),
        ("elision", "Le voyant passe de off à on.", "Le voyant passe de off à on."),
        ("quant-a", "Quand au SAN, il coûte plus.", "Quant au SAN, il coûte plus."),
        ("quant-a", "Quand à l’entreprise, elle paie.", "Quant à l’entreprise, elle paie."),
        (
            "quant-a",
            "Le NAS suffit, et quand à sa taille, elle augmente.",
            "Le NAS suffit, et quant à sa taille, elle augmente.",
        ),
        (
            "quant-a",
            "Fin. Quand aux serveurs de la salle, on attend.",
            "Fin. Quant aux serveurs de la salle, on attend.",
        ),
        ("quant-a", "Quand à minuit le script plante, on relance.", "Quand à minuit le script plante, on relance."),
        (
            "quant-a",
            "Quand à 18 h, le serveur ne répond plus, on appelle.",
            "Quand à 18 h, le serveur ne répond plus, on appelle.",
        ),
        (
            "quant-a",
            "Quand à minuit, la sauvegarde échoue, on relance.",
            "Quand à minuit, la sauvegarde échoue, on relance.",
        ),
        (
            "quant-a",
            "Quand au démarrage le poste bipe trois fois, la RAM est en cause.",
            "Quand au démarrage le poste bipe trois fois, la RAM est en cause.",
        ),
        ("quant-a", "Il vient quand à son avis le ticket le mérite.", "Il vient quand à son avis le ticket le mérite."),
        ("apostrophe", "l'aide d'un ami", "l’aide d’un ami"),
        ("quotes", 'le "ticket" ouvert', f"le «{NBSP}ticket{NBSP}» ouvert"),
        ("ellipsis", "etc...", "etc…"),
        ("lead-in-colon", "Les indicateurs sont\n- a\n- b", f"Les indicateurs sont{NBSP}:\n- a\n- b"),
        ("lead-in-colon", "Avantages :\n1. a", "Avantages :\n1. a"),
        ("lead-in-colon", "Fin.\n- a", "Fin.\n- a"),
        ("french-spacing", "telles que: a", f"telles que{NBSP}: a"),
        ("french-spacing", "Conclusion : c’est", f"Conclusion{NBSP}: c’est"),
        ("french-spacing", "à 10:30", "à 10:30"),
        ("french-spacing", "« mot »", f"«{NBSP}mot{NBSP}»"),
        ("french-spacing", "Vraiment ? Oui ! Bon; fin", f"Vraiment{NNBSP}? Oui{NNBSP}! Bon{NNBSP}; fin"),
        ("french-spacing", "voir ![schéma](a.png)", "voir ![schéma](a.png)"),
        ("front-final-period", "Service Level Agreement.", "Service Level Agreement"),
        ("front-final-period", "Et ainsi de suite...", "Et ainsi de suite..."),
        ("front-question-mark", "Qu’est-ce qu’un Ticket System", f"Qu’est-ce qu’un Ticket System{NNBSP}?"),
        ("front-question-mark", "Citez 4 compétences", "Citez 4 compétences"),
        ("front-question-mark", "Qu’est-ce qu’un SLA ? (définition)", "Qu’est-ce qu’un SLA ? (définition)"),
    ],
)
def test_each_rule_on_its_own(rule: str, before: str, after: str) -> None:
    assert apply(rule, before) == after


def test_every_rule_is_tested_on_its_own() -> None:
    tested = {case[0] for case in test_each_rule_on_its_own.pytestmark[0].args[1]}  # type: ignore[attr-defined]
    assert tested == set(RULES)


def card(back: str, front: str = "Front", line: int = 10) -> Card:
    return Card(front=front, back=back, location=Location("n.md", line), back_line=line + 1)


def test_changes_carry_file_line_rule_before_and_after() -> None:
    _, changes = normalize_card(card("Une ligne.\nLes spécialistes sont moins solicités"))
    assert [str(change) for change in changes] == ["n.md:12: spelling: 'solicités' -> 'sollicités'"]


def test_protected_text_is_never_touched() -> None:
    back = (
        '`l\'aide: ...` et <span title="a : b">x</span> &nbsp; ok\n'
        "https://example.org/a?b=c;d et \\(a : b\\)\n"
        "[lien](https://x.org/l'aide) \n```\nl'aide ... : \"x\"\n```"
    )
    fixed, changes = normalize_card(card(back))
    assert fixed.back == back.replace("ok\n", "ok\n")
    assert changes == ()


def test_technical_terms_are_never_corrected() -> None:
    terms = "SPOC, FLS, SLA, Help-Desk, Ticket System, Backup, Restore, Call-center, e-mail"
    normalizer = make_normalizer(parse_corrections('[oops]\n"system" = "système"\n"restore" = "restaurer"\n', "p.toml"))
    fixed, _ = normalize_card(card(terms), normalizer)
    assert fixed.back == terms


def test_a_project_table_runs_after_the_builtin_one() -> None:
    table = parse_corrections('[chapitre]\n"sollicités" = "très sollicités"\n', "source/corrections.toml")
    fixed, changes = normalize_card(card("moins solicités"), make_normalizer(table))
    assert fixed.back == "moins très sollicités"
    assert [change.rule for change in changes] == ["spelling", "chapitre"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[a\n", "p.toml:1: invalid TOML"),
        ('title = "x"\n', "p.toml:1: 'title' must be a [section]"),
        ("[s]\nx = 1\n", "p.toml:2: [s] 'x' must map to a string"),
        ('# table\n[s]\n\n"a" = "b"\n"" = "empty"\n', "p.toml:5: [s] an entry has an empty left side"),
        ('[s]\n"serveur" = ""\n', "p.toml:2: [s] 'serveur' maps to an empty text"),
        ("[s]\n[t]\n'serveur' = \" \"\n", "p.toml:3: [t] 'serveur' maps to an empty text"),
        ("[glossary]\nterms = [1]\n", "p.toml:1: glossary.terms must be a list of strings"),
    ],
)
def test_a_malformed_table_is_a_settings_error(text: str, message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        parse_corrections(text, "p.toml")
    assert str(raised.value).startswith(message)


def test_table_entries_do_not_feed_each_other() -> None:
    """Every right-hand side is stable: a second pass over the whole table changes nothing."""
    for rule in default_rules():
        if isinstance(rule, Rule) and rule.name in ("abbreviations", "spelling", "terms", "grammar"):
            once = rule.apply("Av: solicités Heldesk étant donner que")[0]
            assert rule.apply(once)[0] == once


prose = st.text(
    alphabet=st.sampled_from([*list("aeiouéèàç lLdDqQ'’\"«».,:;!?…-*_`#<>&/()[]\\\n\t 0123A1E"), NBSP, NNBSP, "́"]),
    max_size=80,
)


@settings(max_examples=400, deadline=None)
@given(prose, prose)
def test_normalizing_twice_changes_nothing(front: str, back: str) -> None:
    normalizer = default_normalizer()
    once, _ = normalize_card(card(back, front=front), normalizer)
    twice, changes = normalize_card(once, normalizer)
    assert (twice.front, twice.back) == (once.front, once.back)
    assert changes == ()


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["Av:", "solicités", "Heldesk", "étant donner que", "Qu-est ce qu-un", "Editer"]), prose)
def test_normalizing_twice_changes_nothing_around_table_entries(entry: str, context: str) -> None:
    once, _ = normalize_card(card(f"{context} {entry} {context}"))
    assert normalize_card(once)[0] == once


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("«;", f"«{NNBSP};"),
        ('"Av:"', f"«{NBSP}Av{NBSP}:{NBSP}»"),
        ("Quoi ?!", f"Quoi{NNBSP}?!"),
        ("https://x.org et a:b", "https://x.org et a:b"),
        (":début", ":début"),
    ],
)
def test_french_spacing_edge_cases(before: str, after: str) -> None:
    assert apply("french-spacing", apply("quotes", before)) == after


def test_reference_definitions_and_their_labels_are_never_touched() -> None:
    """`[doc]: url` with a space before its ':' is no longer a definition (issue 17, item 12)."""
    definitions = '[doc]: https://example.org/doc "La doc"\n  [l\'aide]: <https://example.org/aide>\n[a]: images/a.png'
    back = f"Voir [la doc][doc], [l'aide] et [L'aide][] : ![schéma][a] et ![A]\n\n{definitions}"
    fixed, changes = normalize_card(card(back))
    assert fixed.back.endswith(f"\n\n{definitions}")
    assert "[doc], [l'aide] et [L'aide][]" in fixed.back and "][a]" in fixed.back
    assert all(change.location.line == 11 for change in changes)
    html = render_markdown(fixed.back)
    assert html.count("<a ") == 3 and 'href="https://example.org/doc"' in html and "[" not in html


def test_a_bracket_that_is_no_reference_is_still_corrected() -> None:
    fixed, _ = normalize_card(card("Le [point] : l'aide\n\n[autre]: https://example.org"))
    assert fixed.back == f"Le [point]{NBSP}: l’aide\n\n[autre]: https://example.org"


def test_a_list_nested_in_a_block_quote_keeps_its_indentation() -> None:
    back = "> Les tâches :\n>\n> - accueil\n>     - appels\n>\n>   > cité\n"
    fixed, _ = normalize_card(card(back))
    assert fixed.back == back.replace(" :", f"{NBSP}:")
    assert render_markdown(fixed.back).count("<ul>") == 2


def test_changes_on_many_lines_carry_their_own_line() -> None:
    """Lines are found by bisection now (issue 17, item 11: counting them per change was quadratic;
    `bench/hostile.py` times it); each change still names the line it is on."""
    lines = [f"Ligne {number} : l'aide" if number % 3 else f"Ligne {number}" for number in range(600)]
    _, changes = normalize_card(card("\n".join(lines), line=10))
    expected = [(11 + number, rule) for number in range(600) if number % 3 for rule in ("apostrophe", "french-spacing")]
    assert sorted((change.location.line, change.rule) for change in changes) == sorted(expected)


@pytest.mark.parametrize(
    "protected",
    [
        r"\[ a \\[2pt] b : c \]",
        r"\( a \\(b) : c \)",
        "$$ a : b $$",
        '<span title="l\'aide : x">',
        "<https://example.org/l'aide>",
    ],
)
def test_math_and_tags_stay_protected(protected: str) -> None:
    back = f"Avant \\( : {protected} et l'aide : x"
    fixed, _ = normalize_card(card(back))
    assert protected in fixed.back and fixed.back.endswith(f"l’aide{NBSP}: x")


@pytest.mark.parametrize("address", ["solicités@exemple.fr", "prenom.solicités+tag@mail.exemple.fr"])
def test_an_email_address_is_never_corrected(address: str) -> None:
    fixed, changes = normalize_card(card(f"Les spécialistes solicités écrivent à {address} : merci"))
    assert address in fixed.back
    assert [change.rule for change in changes if "solicités" in change.before] == ["spelling"]


@pytest.mark.parametrize(
    "code",
    [
        "-a",
        "--force",
        "solicités:/var/lib/solicités",
        "/etc/solicités.conf",
        "~/.solicités/config",
        "./solicités",
        "solicités/solicités.php",
    ],
)
def test_command_options_and_unix_paths_are_never_corrected(code: str) -> None:
    """A command written in plain notes has no backticks: its options and paths are still code."""
    fixed, _ = normalize_card(card(f"Les spécialistes solicités tapent {code} puis valident"))
    assert fixed.back == f"Les spécialistes sollicités tapent {code} puis valident"


def test_a_hyphen_or_a_slash_inside_a_word_is_no_code() -> None:
    fixed, _ = normalize_card(card("Le TCP/IP et les solicités - vérifie-t-il ?"))
    assert "sollicités" in fixed.back and "TCP/IP" in fixed.back


def test_a_before_le_after_a_subject_is_the_verb_and_stays_for_the_proofreader() -> None:
    """ "qui à le droit" is "qui a le droit" misspelt: contracting it to "au droit" would make the
    slip a sentence without a verb."""
    fixed, _ = normalize_card(card("Il vérifie qui à le droit d’entrer. On pense à le serveur."))
    assert fixed.back == "Il vérifie qui à le droit d’entrer. On pense au serveur."


def test_a_drive_letter_keeps_its_colon() -> None:
    """ "net use Z: \\\\nas\\partage" is a command: French typography puts no space in "Z:"."""
    fixed, _ = normalize_card(card("On tape net use Z: \\\\nas\\compta puis Entrée. Note: le lecteur C: est plein."))
    assert fixed.back == f"On tape net use Z: \\\\nas\\compta puis Entrée. Note{NBSP}: le lecteur C: est plein."
