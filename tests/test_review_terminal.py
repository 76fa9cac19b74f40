"""`supportcards review` in a real terminal (tmux): one key, no Enter, colours, and what is recorded.

The session runs the real command line with the real proofreader; the slip is a spelling one, which
the dictionary finds with or without Grammalecte.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from supportcards.normalize import normalize_project
from supportcards.parse import load_project

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (apt install tmux)")

NOTES = "# Chapitre 4 — Outils\n\n## Gestion des tickets\nLe tiket est fermé par le technicien.\n"


class Terminal:
    """One tmux session on a private server (its own socket), 100 columns wide."""

    def __init__(self, folder: Path):
        self.socket = f"supportcards-test-{os.getpid()}-{folder.name}"  # a server per test: no restart race
        self.folder = folder
        self.session = ""

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True)
        return done.stdout

    def start(self, name: str, command: str) -> None:
        """A new session running `command`; the next keys and screens are this session's."""
        self.session = name
        self.tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "40", "-c", str(self.folder), command)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def screen(self, escapes: bool = False) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session, *(["-e"] if escapes else []), "-S", "-100")

    def wait_for(self, text: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never showed; the screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "chapitre-04.md").write_text(NOTES, encoding="utf-8")
    session = Terminal(tmp_path)
    yield session
    session.close()


def review_command(done_marker: str) -> str:
    environment = "TERM=xterm-256color LANG=C.UTF-8"
    return f"env {environment} {sys.executable} -m supportcards review source; echo {done_marker}; sleep 60"


def test_one_key_accepts_the_fix_in_a_real_terminal_and_a_second_review_asks_nothing(terminal: Terminal) -> None:
    terminal.start("first", review_command("FIRST-DONE"))
    screen = terminal.wait_for("q quit >")
    assert "[tiket → ticket]" in screen
    assert "\x1b[" in terminal.screen(escapes=True)  # a terminal gets the highlight in colour
    terminal.keys("a")  # one key, no Enter
    screen = terminal.wait_for("FIRST-DONE")
    assert "recorded: " in screen and "1 fixes recorded" in screen
    project = load_project([terminal.folder / "source"])
    assert normalize_project(project)[0].chapters[0].cards[0].back == "Le ticket est fermé par le technicien."
    assert (terminal.folder / "source" / "chapitre-04.md").read_text(encoding="utf-8") == NOTES

    terminal.start("second", review_command("SECOND-DONE"))
    screen = terminal.wait_for("SECOND-DONE")
    assert "q quit >" not in screen and "0 fixes recorded" in screen


def test_quit_in_a_real_terminal_records_nothing(terminal: Terminal) -> None:
    terminal.start("quit", review_command("DONE"))
    terminal.wait_for("q quit >")
    terminal.keys("q")
    screen = terminal.wait_for("DONE")
    assert "quit: the decisions made so far are kept" in screen
    assert not (terminal.folder / "source" / "corrections.toml").exists()
