# Two commands: `make run` serves the dashboard, `make test` runs the whole suite.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501
export INVENTORY_DB ?= data/inventory.duckdb

.PHONY: run test install init bench screenshots clean

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

init: install
	$(PY) -m inventory init --db $(INVENTORY_DB) --ensure-password

run: init
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.headless true

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) -m bench

screenshots: install
	SCREENSHOTS=1 $(PY) -m pytest -q tests/e2e -k screenshots

clean:
	rm -rf $(VENV) data/*.duckdb data/*.duckdb.wal
