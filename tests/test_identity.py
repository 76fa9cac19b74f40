"""Stable identity: re-importing an edited deck updates cards in place and keeps review history."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from anki_helpers import import_package, notes, open_collection
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from supportcards.cli import main
from supportcards.errors import ParseError
from supportcards.identity import card_key, front_slug, guid_for_key
from supportcards.lint import lint_project
from supportcards.lock import LockEntry, Lockfile, read_lockfile
from supportcards.model import Card, Chapter, Location
from supportcards.parse import load_project
from supportcards.pipeline import build

V1 = 1_700_000_000
V2 = 1_700_086_400


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_keys_come_from_chapter_and_normalized_front_or_id() -> None:
    chapter = Chapter("T", "02", "chapitre-02.md", ())
    card = Card("Qu’est-ce qu’un Ticket System ?", "b", Location("chapitre-02.md", 3), 4)
    assert card_key(card, chapter) == "02/qu-est-ce-qu-un-ticket-system"
    assert front_slug("Qu-est ce qu-un Ticket System") == front_slug("Qu’est-ce qu’un Ticket System\u202f?")
    assert card_key(Card("Autre", "b", Location("x.md", 1), 2, id="spoc"), chapter) == "spoc"
    assert guid_for_key("spoc") == guid_for_key("spoc") != guid_for_key("02/spoc")


def test_reimporting_an_edited_deck_updates_in_place_and_keeps_history(source_dir: Path, tmp_path: Path) -> None:
    v1 = build([source_dir], tmp_path / "v1", timestamp=V1).outputs[0]
    collection = open_collection(tmp_path / "anki")
    assert len(import_package(collection, v1).log.new) == 13
    before = {note.guid: note.mod for note in notes(collection)}

    # Study the Hotline card once.
    hotline = next(note for note in notes(collection) if note.fields["Front"] == "Hotline")
    note_id = next(nid for nid in collection.find_notes("") if collection.get_note(nid).guid == hotline.guid)
    card = collection.get_note(note_id).cards()[0]
    card.start_timer()
    collection.sched.answerCard(card, 3)
    reviewed = collection.get_card(card.id)
    history = (reviewed.reps, reviewed.ivl, reviewed.due, reviewed.type)
    assert reviewed.reps == 1 and len(collection.card_stats_data(card.id).revlog) == 1

    # Edit one back, and fix a front in the source the way the normalizer already shows it.
    notes_file = source_dir / "chapitre-02.md"
    edit(notes_file, "Point de contact unique.\n", "Point de contact unique pour tous.\n")
    edit(notes_file, "## Qu-est ce qu-un Ticket System", "## Qu’est-ce qu’un Ticket System ?")
    result = build([source_dir], tmp_path / "v2", timestamp=V2)
    assert [line.split(":")[0] for line in result.summary] == ["changed"]

    log = import_package(collection, result.outputs[0]).log
    assert (len(log.new), len(log.updated), len(log.conflicting)) == (0, 1, 0)
    assert len(log.duplicate) == 12
    after = {note.guid: note for note in notes(collection)}
    assert len(after) == 13
    spoc = next(note for note in after.values() if note.fields["Front"].startswith("SPOC"))
    assert "Point de contact unique pour tous" in spoc.fields["Text"] and spoc.mod > before[spoc.guid]
    again = collection.get_card(card.id)
    assert (again.reps, again.ivl, again.due, again.type) == history
    assert len(collection.card_stats_data(card.id).revlog) == 1
    collection.close()


def test_an_unchanged_rebuild_keeps_every_mod_and_the_lockfile(source_dir: Path, tmp_path: Path) -> None:
    lockfile = (source_dir / "supportcards.lock").read_bytes()
    result = build([source_dir], tmp_path / "b", timestamp=V2)
    assert result.summary == () and not result.lockfile_written
    assert (source_dir / "supportcards.lock").read_bytes() == lockfile


def lock_mods(folder: Path) -> dict[str, int]:
    notes = json.loads((folder / "supportcards.lock").read_text(encoding="utf-8"))["notes"]
    return {key: note["mod"] for key, note in notes.items()}


def test_a_changed_card_gets_a_strictly_newer_mod_even_with_an_older_clock(source_dir: Path, tmp_path: Path) -> None:
    before = lock_mods(source_dir)
    edit(source_dir / "chapitre-02.md", "Point de contact unique.\n", "Point de contact unique et réel.\n")
    build([source_dir], tmp_path, timestamp=V1)
    after = lock_mods(source_dir)
    spoc = "02/spoc-single-point-of-contact"
    assert before[spoc] > V1 and after[spoc] == before[spoc] + 1
    assert {key: mod for key, mod in after.items() if key != spoc} == {k: m for k, m in before.items() if k != spoc}


def test_removed_cards_are_listed_for_deletion(source_dir: Path, tmp_path: Path) -> None:
    build([source_dir], tmp_path / "a", timestamp=V1)
    text = (source_dir / "chapitre-02.md").read_text(encoding="utf-8")
    (source_dir / "chapitre-02.md").write_text(text.split("## Service de piquet")[0], encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(source_dir), "-o", str(tmp_path / "b")])
    assert result.exit_code == 0
    assert "since the lockfile: 0 added, 0 changed, 1 removed" in result.output
    assert "removed: Service de piquet (key 02/service-de-piquet): an import cannot delete it" in result.output


def test_build_locked_fails_naming_the_cards_and_writes_nothing(source_dir: Path, tmp_path: Path) -> None:
    edit(source_dir / "chapitre-02.md", "Point de contact unique.\n", "Point de contact unique et réel.\n")
    lockfile = (source_dir / "supportcards.lock").read_bytes()
    result = CliRunner().invoke(main, ["build", "--locked", str(source_dir), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "supportcards.lock: out of date with the notes" in result.stderr
    assert "changed: " in result.stderr and "SPOC (Single Point of Contact)" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
    assert (source_dir / "supportcards.lock").read_bytes() == lockfile


def test_the_committed_lockfile_is_up_to_date(source_dir: Path, tmp_path: Path) -> None:
    build([source_dir], tmp_path, locked=True, timestamp=V1)


def test_two_cards_with_one_key_are_an_error_naming_both_lines(write_source, tmp_path: Path) -> None:
    folder = write_source(
        {"a.md": "# A\n\n## Help-Desk\nUn.\n\n## Help desk\nDeux.\n\n## X\n@id: k\nA\n## Y\n@id: k\nB\n"}
    )
    with pytest.raises(ParseError) as raised:
        build([folder], tmp_path, timestamp=V1)
    path = folder / "a.md"
    assert [str(error).split("\n")[0] for error in raised.value.errors] == [
        f"{path}:6: this card has the same front in the same chapter as the card at {path}:3 (key 'a/help-desk')",
        f"{path}:12: this card has the same @id as the card at {path}:9 (key 'k')",
    ]


def test_lint_suggests_the_id_that_keeps_a_rewritten_card(source_dir: Path, tmp_path: Path) -> None:
    build([source_dir], tmp_path / "a", timestamp=V1)
    edit(source_dir / "chapitre-02.md", "## Service de piquet", "## Le service de piquet")
    (warning,) = [w for w in lint_project(load_project([source_dir])).warnings if "removed card" in w.message]
    assert "looks like the removed card 'Service de piquet'" in warning.message
    assert "add '@id: 02/service-de-piquet'" in warning.message
    edit(
        source_dir / "chapitre-02.md",
        "## Le service de piquet\n",
        "## Le service de piquet\n@id: 02/service-de-piquet\n",
    )
    result = build([source_dir], tmp_path / "b", timestamp=V2)
    assert [line.split(":")[0] for line in result.summary] == ["changed"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_builds_are_byte_reproducible_whatever_the_clock_zone_or_hash_seed(source_dir: Path, tmp_path: Path) -> None:
    digests = set()
    for zone, seed in [("UTC", "0"), ("Pacific/Auckland", "123"), ("America/Los_Angeles", "random")]:
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(V1), "TZ": zone, "PYTHONHASHSEED": seed}
        out = tmp_path / zone.replace("/", "-")
        subprocess.run(
            [sys.executable, "-m", "supportcards", "build", str(source_dir), "-o", str(out)],
            env=env,
            check=True,
            capture_output=True,
        )
        digests.add(sha256(out / "support-informatique.apkg"))
    assert len(digests) == 1


def test_changes_since_a_baseline_lockfile_are_written_for_release_notes(source_dir: Path, tmp_path: Path) -> None:
    previous = tmp_path / "previous.lock"
    previous.write_bytes((source_dir / "supportcards.lock").read_bytes())
    edit(source_dir / "chapitre-02.md", "Point de contact unique.\n", "Point de contact unique et réel.\n")
    build([source_dir], tmp_path / "a", timestamp=V2)  # the lockfile is now up to date
    changes = tmp_path / "CHANGES.md"
    result = CliRunner().invoke(
        main, ["build", "--locked", "--baseline", str(previous), "--changes", str(changes), str(source_dir),
               "-o", str(tmp_path / "b")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "since the baseline: 0 added, 1 changed, 0 removed" in result.output
    text = changes.read_text(encoding="utf-8")
    assert text.startswith("Cards: 0 added, 1 changed, 0 removed\n\n- changed: ")
    assert "SPOC (Single Point of Contact)" in text


def test_a_damaged_lockfile_is_one_message_and_exit_1(source_dir: Path, tmp_path: Path) -> None:
    (source_dir / "supportcards.lock").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(source_dir), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{source_dir / 'supportcards.lock'}: the lockfile is damaged")
    assert "restore it from git" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text(min_size=1), st.text(), st.text(), st.integers(0, 2**40)), max_size=5))
def test_lockfile_lines_are_what_json_writes(notes_: list[tuple[str, str, str, int]]) -> None:
    entries = tuple(LockEntry(key, guid, front, "0" * 64, mod) for key, guid, front, mod in dict(
        (key, (key, guid, front, mod)) for key, guid, front, mod in notes_).values())  # fmt: skip
    text = Lockfile(entries).dumps()
    data = json.loads(text)
    assert data["notes"] == {entry.key: {"guid": entry.guid, "front": entry.front, "hash": "0" * 64, "mod": entry.mod}
                             for entry in entries}  # fmt: skip
    for entry in entries:
        note = {"guid": entry.guid, "front": entry.front, "hash": "0" * 64, "mod": entry.mod}
        assert f"    {json.dumps(entry.key, ensure_ascii=False)}: {json.dumps(note, ensure_ascii=False)}" in text


@pytest.mark.parametrize(
    "value",
    [
        '"mod": 1.9e30',
        '"mod": Infinity',
        '"mod": -5',
        '"mod": true',
        '"mod": 1700000000.5',
        '"mod": "1700000000"',
        '"guid": 12',
        '"guid": "two words"',
        '"hash": "not hex"',
        '"front": null',
    ],
)
def test_every_lockfile_value_is_checked(source_dir: Path, tmp_path: Path, value: str) -> None:
    """A mod out of range crashed SQLite (OverflowError); a wrong type was written back as it was."""
    lock = source_dir / "supportcards.lock"
    name = value.split(":")[0]
    lock.write_text(re.sub(rf'{name}: ("[^"]*"|\d+)', value, lock.read_text(encoding="utf-8"), count=1), "utf-8")
    result = CliRunner().invoke(main, ["build", str(source_dir), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"{lock}: the lockfile is damaged (note ")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_a_sharp_or_a_plus_stuck_to_a_name_keeps_cards_apart(write_source, tmp_path: Path) -> None:
    """'C#', 'C++' and 'C' were one key once the heading kept its '#': three fronts, three notes."""
    cards = "## Le langage C#\nUn.\n\n## Le langage C++\nDeux.\n\n## Le langage C\nTrois.\n\n## 1 + 1\nDeux.\n"
    folder = write_source({"a.md": f"# A\n\n{cards}"})
    result = build([folder], tmp_path, timestamp=V1)
    keys = [entry.key for entry in read_lockfile(folder / "supportcards.lock").entries]
    assert sorted(keys) == ["a/1-1", "a/le-langage-c", "a/le-langage-c-plus-plus", "a/le-langage-c-sharp"]
    collection = open_collection(tmp_path / "anki")
    try:
        import_package(collection, result.outputs[0])
        fronts = sorted(note.fields["Front"] for note in notes(collection))
    finally:
        collection.close()
    assert fronts == ["1 + 1", "Le langage C", "Le langage C#", "Le langage C++"]


def test_a_lockfile_the_build_wrote_is_read_by_the_next_build(source_dir: Path, tmp_path: Path) -> None:
    """At the last second a zip holds, a changed note's mod is one more than that: the next build
    called the lockfile it had just written damaged."""
    last_second = {"SOURCE_DATE_EPOCH": "4354819199"}
    arguments = ["build", str(source_dir), "-o", str(tmp_path / "out")]
    (source_dir / "supportcards.lock").unlink()
    assert CliRunner().invoke(main, arguments, env=last_second).exit_code == 0
    notes_file = source_dir / "chapitre-02.md"
    notes_file.write_text(notes_file.read_text(encoding="utf-8").rstrip("\n") + " Modifié.\n", encoding="utf-8")
    result = CliRunner().invoke(main, arguments, env=last_second)
    assert result.exit_code == 0, result.output
    mods = [note["mod"] for note in json.loads((source_dir / "supportcards.lock").read_text("utf-8"))["notes"].values()]
    assert max(mods) == 4354819200
    result = CliRunner().invoke(main, arguments, env=last_second)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ('"guid": "' + "g" * 100_000 + '"', "the guid must be text of at most 64 characters"),
        ('"mod": ' + "9" * 5000, "a number of 5000 digits is not a valid number"),
        ('"mod": ' + str(2**53 + 1), f"must be between 1 and {2**53}"),
    ],
    ids=["long-guid", "5000-digits", "past-2**53"],
)
def test_a_lockfile_value_out_of_bounds_says_so_in_words(
    source_dir: Path, tmp_path: Path, value: str, says: str
) -> None:
    """A 100,000-character guid was accepted; a 5,000-digit mod told to call sys.set_int_max_str_digits()."""
    lock = source_dir / "supportcards.lock"
    name = value.split(":")[0]
    lock.write_text(re.sub(rf'{name}: ("[^"]*"|\d+)', value, lock.read_text(encoding="utf-8"), count=1), "utf-8")
    result = CliRunner().invoke(main, ["build", str(source_dir), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"{lock}: the lockfile is damaged (")
    assert says in result.stderr and "sys." not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_lockfile_nested_too_deeply_is_a_message_not_a_traceback(source_dir: Path, tmp_path: Path) -> None:
    lock = source_dir / "supportcards.lock"
    lock.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(source_dir), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"{lock}: the lockfile is damaged (nested too deeply); restore it from git")
