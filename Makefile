# Offramp: two commands on a fresh machine, `make run` and `make test`.
# Everything beyond python3 (system libraries for Qt, the virtualenv, the project
# and its dev tools) is installed by `setup`, which the public targets depend on.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

# Every dependency, with its hashes, for Python 3.11 on Linux: `make setup` installs exactly these, `make lock`
# refreshes them from pyproject.toml (the dev extra: desktop, server and the tools).
LOCK := requirements.lock
# Extra arguments for `uv pip compile`, e.g. LOCK_ARGS=--upgrade to move every pin to its newest release.
LOCK_ARGS ?=

# The install stamp is named after a hash of pyproject.toml and the lock, so setup re-runs exactly
# when either changes (and is a no-op otherwise).
INSTALL_HASH := $(shell $(PYTHON) -c 'import hashlib; h = hashlib.sha256(); [h.update(open(f, "rb").read()) for f in ("pyproject.toml", "$(LOCK)")]; print(h.hexdigest()[:16])')
STAMP := $(VENV)/.installed-$(INSTALL_HASH)

# Every package is type-checked, the interface included.
MYPY_PATHS := app
RUFF_PATHS := $(wildcard app tests bench installer)

PYTEST_ARGS ?=
# OFFRAMP_BUILD_BUNDLE=1: `make test` also builds the desktop bundle with PyInstaller and runs its --self-test
# (tests/installer/test_bundle.py, about a minute); .ci/run sets it.
OFFRAMP_BUILD_BUNDLE ?=
export OFFRAMP_BUILD_BUNDLE

export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help setup lock run run-second run-prosecutor server test check bench installer translations translations-ui translations-core clean distclean

help:
	@echo "make run     set up, then open Offramp with fictional demo data and a demo office to sync with"
	@echo "make run-second  the second demo advocate (same demo office), to see a conflict decided"
	@echo "make run-prosecutor  the demo prosecutor (same demo office): shares from the demo advocate, charging decisions, certifications"
	@echo "make server  serve a real office server from SERVER_DIR (default office-server; see README)"
	@echo "make test    set up, run the checks, then every test (PYTEST_ARGS='...' to narrow)"
	@echo "make check   lint, type checks and layer rules"
	@echo "make bench   run every benchmark; writes one table to bench/RESULTS.md"
	@echo "make installer  build the desktop bundle: dist/offramp-<version>-linux-x86_64.tar.gz"
	@echo "             (make test OFFRAMP_BUILD_BUNDLE=1 also builds it and runs its self-test)"
	@echo "make translations  refresh the catalogues from the source (app/ui/i18n/*.ts, app/core/locale/*/*.po),"
	@echo "             then compile them (.qm, .mo); translate in the .ts (Qt Linguist) and the .po, then run it again"
	@echo "make lock    refresh $(LOCK) from pyproject.toml (LOCK_ARGS=--upgrade for the newest releases)"
	@echo "make clean   remove caches and build output (distclean also removes $(VENV))"

setup: $(STAMP)

$(STAMP):
	@bash scripts/install-system-deps.sh
	@test -x $(PY) || { echo "Creating $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@echo "Installing Offramp and its tools into $(VENV) (from $(LOCK), hashes checked)"
	@$(PY) -m pip install -q --require-hashes -r $(LOCK)
	@$(PY) -m pip install -q --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

# Pins for Linux x86-64 with glibc 2.36 or newer (Debian 12, as CI runs); Qt's wheels need 2.34.
lock: setup
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--python-platform x86_64-manylinux_2_36 --custom-compile-command "make lock" -q $(LOCK_ARGS) -o $(LOCK)

run: setup
	$(PY) -m app.demo.run

run-second: setup
	$(PY) -m app.demo.run --second

run-prosecutor: setup
	$(PY) -m app.demo.run --prosecutor

# A real office server: `offramp-server init --data-dir $(SERVER_DIR) ...` first (README, "Syncing with the office").
SERVER_DIR ?= office-server
server: setup
	@test -f $(SERVER_DIR)/config.json || { echo "No office server in $(SERVER_DIR) yet: run '$(VENV)/bin/offramp-server init --data-dir $(SERVER_DIR) ...' first (see README.md)."; exit 1; }
	$(VENV)/bin/offramp-server upgrade --data-dir $(SERVER_DIR)
	$(VENV)/bin/offramp-server serve --data-dir $(SERVER_DIR)

test: setup
	@$(MAKE) --no-print-directory check
	$(PY) -m tests.run_all $(PYTEST_ARGS)

# All three run even when one fails, so one pass shows every problem; the status is still a failure.
check: setup
	@status=0; \
	echo "$(VENV)/bin/ruff check $(RUFF_PATHS)"; \
	$(VENV)/bin/ruff check $(RUFF_PATHS) || status=1; \
	$(if $(MYPY_PATHS),echo "$(VENV)/bin/mypy $(MYPY_PATHS)"; $(VENV)/bin/mypy $(MYPY_PATHS) || status=1;,) \
	echo "$(VENV)/bin/lint-imports"; \
	$(VENV)/bin/lint-imports || status=1; \
	exit $$status

bench: setup
	$(PY) -m bench

installer: setup
	$(PY) -m installer.build

# The window's text: Qt Linguist over every UI module (self.tr, QCoreApplication.translate, QT_TRANSLATE_NOOP).
# Everything else (N_, _, ngettext of app.core.i18n, also where the window uses them): GNU gettext.
UI_LANGUAGES   := es
CORE_LANGUAGES := es
UI_SOURCES     := $(sort $(shell find app/ui -name '*.py' -not -path '*/__pycache__/*'))
CORE_SOURCES   := $(sort $(shell find app -name '*.py' -not -path '*/__pycache__/*' -not -path 'app/server/*'))
LOCALE_DIR     := app/core/locale

translations: translations-ui translations-core

# Each half on its own, so the window's catalogue and the core's can be refreshed apart.
translations-ui: setup
	@for lang in $(UI_LANGUAGES); do \
		$(VENV)/bin/pyside6-lupdate -no-obsolete -locations absolute $(UI_SOURCES) -ts app/ui/i18n/offramp_$$lang.ts && \
		$(VENV)/bin/pyside6-lrelease -nounfinished app/ui/i18n/offramp_$$lang.ts -qm app/ui/i18n/offramp_$$lang.qm || exit 1; \
	done

translations-core: setup
	@command -v msgfmt >/dev/null && command -v xgettext >/dev/null || { echo "make translations needs GNU gettext (xgettext, msgmerge, msgfmt): on Debian or Ubuntu, apt-get install gettext"; exit 1; }
	@echo "xgettext over app (without app/server) -> $(LOCALE_DIR)/offramp.pot"
	@xgettext --language=Python --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
		--package-name=offramp --no-wrap --sort-by-file --add-location=file -o $(LOCALE_DIR)/offramp.pot $(CORE_SOURCES)
	@for lang in $(CORE_LANGUAGES); do \
		po=$(LOCALE_DIR)/$$lang/LC_MESSAGES/offramp.po; \
		test -f $$po || msginit --no-translator --no-wrap -l $$lang -i $(LOCALE_DIR)/offramp.pot -o $$po; \
		msgmerge --quiet --update --backup=none --no-wrap --no-fuzzy-matching --add-location=file $$po $(LOCALE_DIR)/offramp.pot && \
		msgfmt --check -o $(LOCALE_DIR)/$$lang/LC_MESSAGES/offramp.mo $$po || exit 1; \
	done

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .import_linter_cache .hypothesis
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
