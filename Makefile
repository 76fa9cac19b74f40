# The two commands of the README: `make deck` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SOURCE ?= source
OUTDIR ?= build

.PHONY: deck test lint bench clean

# The venv is (re)made when missing or when setup.cfg / pyproject.toml changed.
$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("supportcards needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

deck: $(VENV)/.installed
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) $(BIN)/supportcards build $(SOURCE) -o $(OUTDIR)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/python -m ruff check .
	$(BIN)/python -m mypy

clean:
	rm -rf $(OUTDIR) $(VENV) *.egg-info
