"""`python -m supportcards`: the same as the `supportcards` command."""

from .cli import main

main()
