# Two commands set everything up: `make run` and `make test`. See README.md.
.DEFAULT_GOAL := help
PORT ?= 8000
# The settings read PORT too: NEXUS_SITE_URL (every absolute link) follows it locally.
export PORT
VENV := .venv
PY := $(VENV)/bin/python
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

# Django 6.1 needs Python 3.12+: take python3.13/3.12 from PATH, else pyenv's, else stop.
BOOT_PYTHON := $(shell for p in python3.13 python3.12 \
	$$(ls -d $$(pyenv root 2>/dev/null)/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV) python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)

.PHONY: help run test lint bench audit prod-smoke demo shots messages clean

help:
	@echo "make run    build .venv, migrate, load demo content, serve on http://127.0.0.1:$(PORT)/"
	@echo "make test   install dev requirements and run the whole suite"
	@echo "make lint   ruff"
	@echo "make messages  compile the translations (locale/*/LC_MESSAGES/*.po to .mo; needs GNU gettext)"
	@echo "make shots  screenshots of the running server at 375 and 1280 px in var/shots/ (SHOTS=\"/path/ ...\")"
	@echo "make bench       run the benchmarks (writes var/bench.json; needs wrk, nginx, PostgreSQL binaries)"
	@echo "make prod-smoke  the production shape on this machine: nginx, 2 web, 2 workers, PostgreSQL, Redis"
	@echo "make audit       Lighthouse mobile scores and the benzodiazepine page's bytes on the wire (var/audit.json)"

$(PY):
	@test -n "$(BOOT_PYTHON)" || { echo "Python 3.12 or newer is required (Django 6.1). Install it (e.g. pyenv install 3.13) and retry." >&2; exit 1; }
	$(BOOT_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime

# Translations: each .mo is built from its .po, again only when the .po changes (docs/translating.md).
# Without GNU gettext make stops here: a site without its .mo would serve English under /es/.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

messages: $(MO_FILES)

%.mo: %.po
	@command -v msgfmt >/dev/null 2>&1 || { echo "GNU gettext (msgfmt) is needed to compile the translations in locale/: apt-get install gettext (Debian/Ubuntu) or brew install gettext (macOS), then retry." >&2; exit 1; }
	msgfmt --check -o $@ $<

demo: $(VENV)/.runtime messages
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py create_demo_admin

run: demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.dev messages
	@mkdir -p var
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .

bench: $(VENV)/.dev
	@mkdir -p var
	$(PY) -m bench $(BENCH)

audit: $(VENV)/.dev
	@mkdir -p var
	$(PY) -m bench.audit

prod-smoke: $(VENV)/.dev
	@mkdir -p var
	$(PY) -m ops.prod_smoke

shots: $(VENV)/.dev
	@mkdir -p var/shots
	$(PY) -m tests.browser.shots --base http://127.0.0.1:$(PORT) $(SHOTS)

clean:
	rm -rf $(VENV) var/*.sqlite3 staticfiles
