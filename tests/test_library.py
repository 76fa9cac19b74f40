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
