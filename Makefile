# The two commands of the README:
#   make run    set up (once) and start the dashboard on the shipped sample data
#   make check  set up (once) and run every check: lint, types, unit, app and browser tests
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: run check lint types test setup test-deps bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

# make run keeps the inventory (places, Stadtteilteams, networks) in a GeoPackage in
# the data folder, made from the folder's files on the first start (README: "Inventory
# store"); STORE= (empty) reads the files instead.
DATA   ?= $(or $(QUARTIERSATLAS_DATA),data)
STORE  ?= bestand.gpkg

run: $(STAMP)
ifneq ($(strip $(STORE)),)
	@# init exits 1 when it left rows out (said above): the store is made all the same
	@test -f "$(DATA)/$(STORE)" || $(BIN)/python -m quartiersatlas store init \
		--store "$(DATA)/$(STORE)" --data "$(DATA)" --who "make run (Erstbestand)" \
		|| test -f "$(DATA)/$(STORE)"
	QUARTIERSATLAS_DATA="$(DATA)" QUARTIERSATLAS_STORE="$(STORE)" \
		$(BIN)/streamlit run dashboard.py --server.port $(PORT)
else
	QUARTIERSATLAS_DATA="$(DATA)" QUARTIERSATLAS_STORE= \
		$(BIN)/streamlit run dashboard.py --server.port $(PORT)
endif

test-deps:
	@bash scripts/ensure-test-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(STAMP)
	$(BIN)/mypy

# Two workers (pytest-xdist, the machine's 2 cores): the core, CLI and AppTest tests,
# then the real-browser tests a file per worker at a time (--dist loadfile: a module's
# own server and the accessibility suite's one visit per page run once, not per worker).
test: $(STAMP) test-deps
	$(BIN)/python -m pytest -n 2 --ignore=tests/browser
	$(BIN)/python -m pytest -n 2 --dist loadfile tests/browser

check: lint types test

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artifacts
