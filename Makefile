# The two commands of the README: `make deck` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SOURCE ?= source
OUTDIR ?= build
BUILD_FLAGS ?=

.PHONY: deck test lint bench clean

# The venv is made when missing; the package and its dependencies are reinstalled when setup.cfg or
# pyproject.toml changed since the last install.
$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("supportcards needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed setup.cfg
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# SOURCE_DATE_EPOCH (reproducible builds) passes through the environment to supportcards.
deck: $(VENV)/.installed
	$(BIN)/supportcards build $(SOURCE) -o $(OUTDIR) $(BUILD_FLAGS)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .
	$(BIN)/python -m mypy
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/zizmor --offline --config .github/zizmor.yml .github/workflows/

# Speed and memory against ankdown and a bare genanki script (see bench/README.md); takes minutes.
bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py --write

clean:
	rm -rf $(OUTDIR) $(VENV) *.egg-info
