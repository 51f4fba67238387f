# Synth Studio: `make run` and `make test` do all set-up on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test bench lint install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(DEV_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(STAMP)

## Load the demo corpus if the store is empty, generate a first batch if the review queue is empty, and
## start the dashboard (it prints its URL). HOST and PORT override where it listens.
HOST ?= 127.0.0.1
PORT ?= 8501
run: $(STAMP)
	$(BIN)/synth dashboard --demo --host $(HOST) --port $(PORT)

## Install what the tests need (system packages included) and run the whole suite.
test: $(DEV_STAMP)
	bash tests/support/system_deps.sh
	$(BIN)/ruff check synth_core approval dashboard tests
	$(BIN)/ruff format --check synth_core approval dashboard tests
	$(BIN)/mypy
	$(BIN)/pytest

## Benchmarks: print a table and write JSON to .bench/
bench: $(DEV_STAMP)
	$(BIN)/python -m tests.benchmarks $(BENCH)

lint: $(DEV_STAMP)
	$(BIN)/ruff check synth_core approval dashboard tests
	$(BIN)/ruff format --check synth_core approval dashboard tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .bench
