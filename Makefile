# Two commands: `make run` serves the app with demo data; `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export CROSSROADS_HOME ?= $(CURDIR)/var

.PHONY: run test install install-dev lint typecheck migrations-check pytest messages bench bench-load clean pyodide

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/crossroads migrate --noinput -v0
	$(BIN)/crossroads seed-demo
	$(BIN)/crossroads collectstatic --noinput -v0
	@echo "Crossroads on http://127.0.0.1:$(PORT)/  (log in with a demo user above)"
	$(BIN)/gunicorn crossroads.wsgi:application --bind 127.0.0.1:$(PORT) \
		--workers 2 --threads 4 --access-logfile - -c python:crossroads.gunicorn_conf

lint: install-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

typecheck: install-dev
	$(BIN)/mypy crossroads

migrations-check: install-dev
	CROSSROADS_ENV=test $(BIN)/crossroads makemigrations --check --dry-run

messages:
	$(BIN)/crossroads makemessages -l ru -l fa --ignore=.venv --ignore=bench --ignore=tests --no-obsolete
	$(BIN)/crossroads compilemessages --ignore=.venv

pytest: install-dev
	$(BIN)/pytest -n 2 -q

test: lint typecheck migrations-check pytest

# Pyodide and js-yaml from the npm registry (package-lock.json): the screening engine in
# the browser for offline work, served by the app; its scenario suite runs through it.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

pyodide: node_modules/.package-lock.json

bench: install-dev
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	nice $(BIN)/python -m bench

# The load benchmark (issue 16): 100,000 and 1,000,000 people, SQLite and PostgreSQL.
bench-load: install-dev
	nice $(BIN)/python -m bench load

clean:
	rm -rf $(VENV) var build *.egg-info node_modules
