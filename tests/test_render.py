"""Renderer: Markdown as students write it, to safe HTML."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportcards import render
from supportcards.render import render_inline, render_markdown, sanitize, separate_blocks


def test_a_list_right_after_a_line_of_text_is_a_list() -> None:
    html = render_markdown("Av:\n1. moins sollicités\n2. coûts\nDésav:\n- charge")
    assert html == (
        "<p>Av:</p>\n<ol>\n<li>moins sollicités</li>\n<li>coûts</li>\n</ol>\n"
        "<p>Désav:</p>\n<ul>\n<li>charge</li>\n</ul>"
    )


def test_an_ordered_list_then_bullets_are_two_lists() -> None:
    html = render_markdown("1. a\n2. b\n- c\n- d")
    assert html.count("<ol>") == 1 and html.count("<ul>") == 1 and html.count("<li>") == 4


def test_wrapped_lines_are_one_paragraph() -> None:
    html = render_markdown("Le\nticket system est un outil\npermettant la gestion.")
    assert html == "<p>Le\nticket system est un outil\npermettant la gestion.</p>"


def test_text_after_a_list_is_not_glued_to_the_last_item() -> None:
    html = render_markdown("- a\n- b\nPour cela on utilise")
    assert html.endswith("</ul>\n<p>Pour cela on utilise</p>")


def test_nested_items_and_fenced_code_are_left_alone() -> None:
    text = "- a\n    - a1\n- b\n```\n- not a list\nAv:\n```"
    assert separate_blocks(text) == "- a\n    - a1\n- b\n\n```\n- not a list\nAv:\n```"
    html = render_markdown(text)
    assert "<li>a<ul>\n<li>a1</li>" in html
    assert "<code>- not a list\nAv:\n</code>" in html


def test_mathjax_delimiters_survive() -> None:
    html = render_markdown(r"Disponibilité \(A = \frac{MTBF}{MTBF + MTTR}\) et \[x_1 < x_2\]")
    assert r"\(A = \frac{MTBF}{MTBF + MTTR}\)" in html
    assert r"\[x_1 &lt; x_2\]" in html


def test_tables_keep_their_alignment() -> None:
    html = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert '<td style="text-align:right">2</td>' in html


def test_a_front_is_inline() -> None:
    assert render_inline("Qu’est-ce qu’un *Ticket System* ?") == "Qu’est-ce qu’un <em>Ticket System</em> ?"
    assert render_inline("1. Pas une liste") == "1. Pas une liste"
    assert render_inline("a < b & c") == "a &lt; b &amp; c"


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<iframe src="https://example.org"></iframe>',
        "<style>body{display:none}</style>",
        '<object data="x.swf"></object>',
        '<img src="data:image/png;base64,AAAA">',
        '<div onclick="alert(1)">x</div>',
        "[x](javascript:alert(1))",
        '<svg onload="alert(1)"></svg>',
    ],
)
def test_active_content_never_reaches_a_card(hostile: str) -> None:
    html = render_markdown(hostile).lower()
    for forbidden in ("<script", "onerror", "javascript:", "<iframe", "<style", "<object", "data:", "onclick", "<svg"):
        assert forbidden not in html


def test_sanitized_html_is_a_fixed_point() -> None:
    html = render_markdown("**a** <b onclick='x'>b</b>\n\n- c")
    assert sanitize(html) == html


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"aé AZ09’'\"«».,:;?()-/%—…\u202f\u00a0"]), max_size=60))
def test_the_plain_front_shortcut_renders_what_markdown_and_nh3_would(front: str) -> None:
    """render_inline skips Markdown for plain fronts; the result must be the same."""
    text = front.strip()
    engine = render._markdown()
    engine.reset()
    fragment = engine.convert(text)
    plain = fragment[3:-4] if fragment.startswith("<p>") else render.html.escape(text, quote=False)
    expected = render.sanitize(plain)
    assert render_inline(text) == expected
