"""supportcards as a library: the README's examples run, the public API is complete, the wheel works."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, copy_of_source

import supportcards

README_EXAMPLES = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)


def test_the_readme_has_examples() -> None:
    assert len(README_EXAMPLES) >= 3


@pytest.mark.parametrize("code", README_EXAMPLES, ids=[f"example-{n}" for n in range(len(README_EXAMPLES))])
def test_every_readme_python_example_runs(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    copy_of_source(tmp_path)
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {"__name__": "readme_example"})
    assert capsys.readouterr().out.strip()


def test_every_public_name_is_documented_and_importable() -> None:
    for name in supportcards.__all__:
        value = getattr(supportcards, name)
        if callable(value):
            assert value.__doc__, name


def test_the_version_lives_in_one_place() -> None:
    setup = (ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert "version = attr: supportcards.__version__" in setup
    assert re.fullmatch(r"\d+\.\d+\.\d+", supportcards.__version__)
    assert f"## {supportcards.__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_one_path_where_a_sequence_is_expected_is_that_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """build("source") used to read the folders "s", "o", "u", ..."""
    copy_of_source(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert len(supportcards.load_project("source").chapters) == 1
    assert supportcards.load_project(Path("source")).chapters == supportcards.load_project(["source"]).chapters
    assert supportcards.build("source", "out", timestamp=1_700_000_000).card_count == 13
    with pytest.raises(TypeError, match="sources must be a path or a sequence of paths, not int"):
        supportcards.load_project(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sources must hold paths"):
        supportcards.build([None])  # type: ignore[list-item]


def test_a_single_topic_is_one_topic() -> None:
    card = supportcards.Card("SLA", "Un contrat.", supportcards.Location("a.md", 1), 2, topics="sla")  # type: ignore[arg-type]
    assert card.topics == ("sla",)
    chapter = supportcards.Chapter("Un", "01", "a.md", ())
    rendered = supportcards.render_card(card, chapter, supportcards.Settings())
    assert rendered.tags == ("supportcards::chapitre::01", "supportcards::theme::sla")
    assert supportcards.Card("F", "B", supportcards.Location("a.md", 1), 2, topics=["a", "b"]).topics == ("a", "b")  # type: ignore[arg-type]


def test_a_missing_baseline_is_an_error(tmp_path: Path) -> None:
    """It used to be read as an empty lockfile: every card then showed as added."""
    source = copy_of_source(tmp_path)
    with pytest.raises(supportcards.LockfileError, match="nope: no such lockfile"):
        supportcards.build([source], tmp_path / "out", baseline=tmp_path / "nope")
    assert not (tmp_path / "out").exists()


def _one_rendered_card() -> supportcards.RenderedCard:
    card = supportcards.Card("SLA", "Un contrat.", supportcards.Location("a.md", 1), 2)
    return supportcards.render_card(card, supportcards.Chapter("Un", "01", "a.md", ()), supportcards.Settings())


def test_write_deck_takes_a_str_path_and_checks_the_mods(tmp_path: Path) -> None:
    rendered = _one_rendered_card()
    written = supportcards.write_deck([rendered], "Deck", str(tmp_path / "a.apkg"), 1_700_000_000)
    assert written == tmp_path / "a.apkg" and written.stat().st_size > 0
    with pytest.raises(TypeError, match=f"note_mods\\[{re.escape(repr(rendered.guid))}\\] must be a whole number"):
        supportcards.write_deck([rendered], "Deck", tmp_path / "b.apkg", 1_700_000_000, {rendered.guid: "y"})  # type: ignore[dict-item]
    with pytest.raises(supportcards.UsageError, match="timestamp must be between 1 and"):
        supportcards.write_deck([rendered], "Deck", tmp_path / "c.apkg", -5)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.apkg"]


def test_the_stages_refuse_none_at_the_door() -> None:
    with pytest.raises(TypeError, match="card must be a Card, not NoneType"):
        supportcards.normalize_card(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be a str, not NoneType"):
        supportcards.render_markdown(None)  # type: ignore[arg-type]
