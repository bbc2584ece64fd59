# The two commands of the README, and the steps they are made of.
#   make serve  set everything up, then serve the book on http://127.0.0.1:8000 with live reload
#   make test   set everything up, then run the whole test suite (what CI runs)
#   make pdf    build the site, then print the book and its exercises as PDFs into site/downloads/
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build pdf figures bench mutate setup lock clean

serve: setup
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000 --livereload

test: setup
	$(BIN)/ruff check textbook snippets tests
	$(BIN)/codespell docs snippets textbook tests README.md CONTRIBUTING.md
	$(BIN)/pytest

build: setup
	$(BIN)/mkdocs build --strict

# After changing a figure on purpose: record its drawing (snippets/figures.json), then commit.
figures: setup
	BOOK_FIGURES=record $(BIN)/mkdocs build --strict

pdf: build
	$(BIN)/python -m textbook.pdf site

bench: setup
	$(BIN)/python tests/benchmark.py

mutate: setup
	$(BIN)/python tests/mutate_equations.py

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
	  -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps \
	  --no-build-isolation --editable .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error --engine-strict
	touch $@

# After bumping or adding a pin in requirements.txt: write its hashes (uv, in a throwaway venv).
lock:
	$(PYTHON) .ci/lock

clean:
	rm -rf site .cache
