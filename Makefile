# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := gaiko.db
DATA_FILES := $(shell find data -type f -not -path 'data/upstream/*' 2>/dev/null)

.PHONY: run test lint build import bench clean

$(BIN)/gaiko: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[import,dev]'
	touch $@

$(DB): $(BIN)/gaiko $(DATA_FILES)
	$(BIN)/gaiko build --data data --db $(DB)

build: $(DB)

run: $(DB)
	$(BIN)/gaiko serve --db $(DB) --host 127.0.0.1 --port 8000

lint: $(BIN)/gaiko
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint $(DB)
	$(BIN)/gaiko data check --data data
	$(BIN)/pytest

# Re-import the upstream datasets (needs ../shared/data/raw); see README "Data update policy".
import: $(BIN)/gaiko
	$(BIN)/gaiko import upstream --raw ../shared/data/raw --data data
	$(BIN)/gaiko import entities --data data
	$(BIN)/gaiko import exchange --data data
	$(BIN)/gaiko import states --data data
	$(BIN)/gaiko import timeline --data data
	$(BIN)/gaiko import trade --data data
	$(BIN)/gaiko import missions --data data
	$(BIN)/gaiko import works --data data

bench: $(DB)
	bash bench/run.sh

clean:
	rm -rf $(VENV) $(DB) export .pytest_cache .mypy_cache .ruff_cache
