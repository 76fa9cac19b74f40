# The two commands of the README: `make deck` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SOURCE ?= source
OUTDIR ?= build
BUILD_FLAGS ?=

.PHONY: deck test lint bench eval-proofread clean

# The venv is made when missing; the package and its dependencies are reinstalled when setup.cfg or
# pyproject.toml changed since the last install. Every install target links Grammalecte (below), so
# any target that makes the venv has it.
$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("supportcards needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml $(VENV)/.grammalecte
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# Grammalecte (the optional grammar checker of `supportcards lint`) is pure Python; Debian's
# python3-grammalecte installs it for the system Python only, so the venv gets a link to that one
# package (not the whole of dist-packages). Installing it later relinks on the next `make`.
SYSTEM_GRAMMALECTE := $(firstword $(wildcard /usr/lib/python3/dist-packages/grammalecte))
$(VENV)/.grammalecte: $(BIN)/python $(SYSTEM_GRAMMALECTE)
	@site=$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'); \
	if [ -n "$(SYSTEM_GRAMMALECTE)" ] && { [ -L "$$site/grammalecte" ] || [ ! -e "$$site/grammalecte" ]; }; then \
		ln -sfn "$(SYSTEM_GRAMMALECTE)" "$$site/grammalecte" && echo "linked $(SYSTEM_GRAMMALECTE) into $(VENV)"; \
	fi
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
	$(BIN)/python bench/hostile.py

# The proofreader measured on the test chapters of bench/proofread/ (see bench/README.md); takes minutes.
# Then the same pipeline on correct text (--clean): every word it changes there is damage.
eval-proofread: $(VENV)/.installed-test
	$(BIN)/python bench/proofread_eval.py $(EVAL_FLAGS)
	$(BIN)/python bench/proofread_eval.py --clean $(EVAL_FLAGS)

clean:
	rm -rf $(OUTDIR) $(VENV) *.egg-info
