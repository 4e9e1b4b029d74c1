# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := gaiko.db
DATA_FILES := $(shell find data -type f -not -path 'data/upstream/*' 2>/dev/null)

.PHONY: run test lint build dist import bench bench-api bench-web bench-scale mutation system-deps docs clean

# constraints.txt pins every Python package to the versions the tests last passed with
# (refresh it on purpose: `.venv/bin/pip freeze --exclude-editable > constraints.txt`).
$(BIN)/gaiko: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[import,dev]'
	touch $@

# The explorer's libraries, from package-lock.json (no CDN, nothing copied by hand).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# What the browser tests need from Debian: Chromium and a Japanese (and a Korean) font.
SYSTEM_PACKAGES := chromium fonts-ipafont-gothic fonts-nanum
system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing $$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(DB): $(BIN)/gaiko $(DATA_FILES)
	$(BIN)/gaiko build --data data --db $(DB)

build: $(DB)

run: $(DB) node_modules/.package-lock.json
	$(BIN)/gaiko serve --db $(DB) --host 127.0.0.1 --port 8000

lint: $(BIN)/gaiko node_modules/.package-lock.json
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	node_modules/.bin/eslint src/gaiko/web

test: lint dist system-deps
	$(BIN)/gaiko data check --data data
	$(BIN)/frictionless validate data/datapackage.json >/dev/null || $(BIN)/frictionless validate data/datapackage.json
	$(BIN)/pytest

# The wheel and sdist: the built database and the explorer's libraries are copied into the
# package first, so that `pip install gaiko` runs anywhere without the repository.
dist: $(DB) node_modules/.package-lock.json
	rm -rf dist src/gaiko/_data src/gaiko/web/vendor
	mkdir -p src/gaiko/_data
	cp $(DB) src/gaiko/_data/gaiko.db
	$(BIN)/python -c "from gaiko.api.routers.web import copy_vendor; copy_vendor('src/gaiko/web/vendor')"
	$(BIN)/python -m build --wheel --sdist --outdir dist . >/dev/null
	ls -la dist

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
	$(BIN)/gaiko import map-points --data data
	$(BIN)/gaiko import names --data data

# Benchmarks time the code as pip installs it: byte-compiled (an editable checkout run with
# PYTHONDONTWRITEBYTECODE would otherwise recompile every module on every run).
COMPILE := $(BIN)/python -m compileall -q src >/dev/null

bench: $(DB)
	command -v hyperfine >/dev/null || (apt-get update -qq && apt-get install -y -qq hyperfine)
	$(COMPILE)
	bash bench/run.sh

# The API against Datasette (a bench-only dependency, in its own venv) with wrk.
.venv-bench/bin/datasette:
	$(PYTHON) -m venv .venv-bench
	.venv-bench/bin/pip install --quiet 'datasette==0.65.5'

bench-web: $(DB) node_modules/.package-lock.json system-deps
	$(BIN)/python bench/web.py

# gaiko at 1x, 10x and 30x today's data (bench/scale.py makes it): build, CLI, server, lookups.
bench-scale: $(BIN)/gaiko
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(COMPILE)
	$(BIN)/python bench/scale_run.py

bench-api: $(DB) .venv-bench/bin/datasette
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(COMPILE)
	$(BIN)/python bench/api.py

# Mutation testing of the core (minutes, not part of `make test`): mutmut in its own venv, the
# equivalent mutants listed and explained in tests/mutation/equivalent.txt; result in TESTING.md.
.venv-mutation/bin/mutmut:
	$(PYTHON) -m venv .venv-mutation
	.venv-mutation/bin/pip install --quiet -c constraints.txt -e '.[dev]' 'mutmut==3.8.1'

mutation: .venv-mutation/bin/mutmut
	.venv-mutation/bin/python tests/mutation/run.py

# The command reference, from the real --help (tests/test_docs.py checks it is current).
docs: $(BIN)/gaiko
	$(BIN)/python docs/cli_reference.py

clean:
	rm -rf $(VENV) .venv-mutation $(DB) export node_modules .pytest_cache .mypy_cache .ruff_cache
