# lso-analysis: `make reports` and `make test` are all a new machine needs (python3 ≥ 3.11 and make).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PYTEST_ARGS ?=
# The shared corpus and research notes beside the repository: `make test` finds them by itself, so it runs the
# same suite as CI (the corpus and research tests skip, saying why, only where the folders are absent).
ifeq ($(origin LSO_CORPUS_DIR), undefined)
ifneq ($(wildcard ../shared/corpus/.),)
export LSO_CORPUS_DIR := $(abspath ../shared/corpus)
endif
endif

.DEFAULT_GOAL := help
.PHONY: help setup data reports test test-fast lab validate export bench gazetteer clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit("lso-analysis needs Python 3.11 or newer, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pip==26.3"
	@# The build backend is pinned by constraints.txt; the one message left, setuptools' note that an editable
	@# install maps data/ and notebooks/ through an import hook, is information rather than a warning.
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c constraints.txt --build-constraint constraints.txt -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP) ## create .venv and install the pinned dependencies (constraints.txt)

data: $(STAMP) ## build data/processed from data/raw (validated)
	$(BIN)/lso-analysis data

reports: data ## build the data, run every notebook in English and Vietnamese, write reports/ (incremental)
	$(BIN)/lso-analysis reports -p language=en -p language=vi

test: $(STAMP) ## run every test (the slow notebook and report tests included)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: $(STAMP) ## run the tests without the slow ones
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

validate: $(STAMP) ## check the raw data, row counts and cross-source consistency
	$(BIN)/lso-analysis validate --coverage

export: data ## write the data package (Frictionless: CSV, Table Schemas, Parquet) to datapackage/
	$(BIN)/lso-analysis export datapackage

lab: $(STAMP) ## open JupyterLab on notebooks/ with the project's environment
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP) ## run the benchmarks (speed and quality figures; not part of make test)
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/extract_eval.py
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/province_eval.py
	$(BIN)/python benchmarks/bench_reports.py
	$(BIN)/python benchmarks/bench_sweep.py --jobs 2

gazetteer: $(STAMP) ## regenerate data/reference/gazetteer.csv and communes.csv from vietnamadminunits
	$(BIN)/python -m lso_analysis.extract.gazetteer

clean: ## remove build outputs (data/processed, reports), keep .venv
	rm -rf data/processed reports/*.html reports/code reports/executed reports/.state datapackage
