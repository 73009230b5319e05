# The README's commands. `make pack` sets up and builds the default year's pack;
# `make test` sets up and runs the tests. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
YEAR ?= 2561

.PHONY: pack test lab clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "ita-report needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-%: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[$*]'
	touch $@

pack: $(VENV)/.installed-dev
	$(BIN)/ita-report build --year $(YEAR)

test: $(VENV)/.installed-dev
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest

# JupyterLab refuses to start as root unless told to; a notebook finds the project (the folder
# above it holding params/) by itself.
lab: $(VENV)/.installed-lab
	$(BIN)/jupyter lab --notebook-dir=ita_report/reports $(if $(filter 0,$(shell id -u)),--allow-root)

clean:
	rm -rf $(VENV) output
