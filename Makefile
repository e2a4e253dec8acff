# The two commands: `make run` starts careerplan, `make test` runs every gate.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP_INSTALL := $(BIN)/python -m pip install --disable-pip-version-check -q -c constraints.txt

.PHONY: run test test-another-day lint types unit audit install install-test clean

# The toolchain that installs and builds (pip, setuptools, wheel) is pinned like the rest.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -c constraints.txt pip setuptools wheel

# Stamp files so a second `make` does not reinstall unless the pins changed.
# Byte-compile our sources too: an editable install leaves that to the first run, which some
# environments (PYTHONDONTWRITEBYTECODE) never keep, and every command would compile them again.
$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP_INSTALL) -e .
	$(BIN)/python -m compileall -q src > /dev/null
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml constraints.txt
	$(PIP_INSTALL) -e '.[test]'
	$(BIN)/python -m compileall -q src > /dev/null
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	@$(BIN)/careerplan serve

lint: install-test
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/ruff check src tests bench scripts

types: install-test
	$(BIN)/mypy

# The whole suite: storage tests run on SQLite and on PostgreSQL (each is parametrised over both).
unit: install-test
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider

test: lint types unit

# The command line, service and domain suites with the system clock 15 months ahead (libfaketime,
# Debian's faketime package): a test that reads the wall clock instead of the fixed one fails here.
ANOTHER_DAY ?= +460d
# On SQLite only: the clock moved is the Python process's, which is the same on either database
# (PostgreSQL runs them all in `unit`), and the second pass on PostgreSQL doubled its time.
test-another-day: install-test
	faketime -f '$(ANOTHER_DAY)' $(BIN)/python -m pytest -n 2 -p no:cacheprovider -q -k "not postgresql" tests/cli tests/services tests/domain

# The pins against a vulnerability database; where none can be reached it says so plainly.
audit: install
	$(PIP_INSTALL) -e '.[audit]'
	$(BIN)/python scripts/audit.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
