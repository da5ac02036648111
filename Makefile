# edna.kz — `make help` lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The canonical address of the site served by `make run`: consent statements link to it (cms/settings/base.py).
SITE_BASE_URL ?= http://127.0.0.1:$(PORT)

.DEFAULT_GOAL := help
.PHONY: help install install-test makemessages messages migrate demo superuser run test test-browser test-reliability lint check ci clean bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changed (the stamp is newer otherwise).
$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed-run

install: $(VENV)/.installed-run ## Create .venv and install the site

install-test: $(VENV)/.installed-test ## Install the site and what the tests need

messages: $(VENV)/.installed-run ## Compile the kk/ru/en gettext catalogs (.po -> .mo)
	@$(PY) -m cms.catalogs compile

makemessages: install-test ## Extract UI strings into locale/{kk,ru,en}/LC_MESSAGES/django.po
	$(PY) manage.py makemessages -l kk -l ru -l en --no-obsolete --ignore=.venv --ignore=tests --ignore=bench --ignore=static

migrate: messages ## Apply migrations to the database (SQLite db.sqlite3 unless DATABASE_URL is set)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable

demo: migrate ## Load the demo content (idempotent)
	SITE_BASE_URL=$(SITE_BASE_URL) $(PY) manage.py load_demo

superuser: ## Create a superuser from DJANGO_SUPERUSER_* when they are set
	@if [ -n "$$DJANGO_SUPERUSER_USERNAME" ] && [ -n "$$DJANGO_SUPERUSER_PASSWORD" ]; then \
		$(PY) manage.py ensure_superuser; \
	else \
		echo "No superuser created. Set DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_PASSWORD and DJANGO_SUPERUSER_EMAIL," ; \
		echo "or run: $(PY) manage.py createsuperuser" ; \
	fi

run: demo superuser ## Install, migrate, load demo content and serve http://127.0.0.1:$(PORT)/
	SITE_BASE_URL=$(SITE_BASE_URL) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install-test messages ## Run every test (browser tests too when /usr/bin/chromium exists)
	$(PY) -m pytest $(PYTEST_ARGS)

test-reliability: install-test messages ## The site under load and faults (tests/reliability; DATABASE_URL=postgres://…)
	$(PY) -m pytest -m reliability tests/reliability -s $(PYTEST_ARGS)

lint: install-test ## ruff lint and format check, and the import layers (import-linter)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

check: install-test messages ## Django system checks and missing-migration check
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m cms.catalogs check

bench: install messages ## Pages vs a bare Django view and stock Wagtail, with wrk (PostgreSQL: DATABASE_URL or edna_bench_http)
	$(PY) bench/pages.py $(BENCH_ARGS)

clean: ## Remove the virtualenv, compiled catalogs and caches
	rm -rf $(VENV) .pytest_cache
	find locale -name '*.mo' -delete
