# Two commands: `make run` serves the dashboard, `make test` runs the whole suite.
# `python -m ui.launch` is `streamlit run` with the app's modules imported before the first session (README).
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501
export INVENTORY_DB ?= data/inventory.duckdb
# what read-only replicas open; `make publish` (or `python -m inventory publish`) refreshes it from INVENTORY_DB
export INVENTORY_PUBLISHED ?= data/published/inventory.duckdb
REPLICAS ?= 2

.PHONY: run serve publish api test install init bench screenshots clean reset

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

init: install
	$(PY) -m inventory init --db $(INVENTORY_DB) --ensure-password

run: init
	$(PY) -m ui.launch app.py --server.port $(PORT) --server.headless true

# A plenary: REPLICAS read-only dashboards behind HAProxy on $(PORT); imports go to INVENTORY_DB, then `make publish`.
serve: init
	$(PY) -m inventory serve --replicas $(REPLICAS) --port $(PORT)

publish: install
	$(PY) -m inventory publish

# The read-only JSON API on 8502 over the published copy (tokens: python -m inventory token create --name NAME).
api: init
	test -f $(INVENTORY_PUBLISHED) || $(PY) -m inventory publish
	$(PY) -m inventory api --db $(INVENTORY_PUBLISHED)

test: install
	$(PY) -m pytest -q -n 2 --dist loadscope

bench: install
	$(PY) -m bench

screenshots: install
	SCREENSHOTS=1 $(PY) -m pytest -q tests/e2e -k screenshots

# Removes what `make install` made; never the inventory (data/*.duckdb holds what facilitators imported).
clean:
	rm -rf $(VENV)

# Deletes the inventory at $(INVENTORY_DB) (every snapshot imported); `make run` then starts again from the demo.
reset:
ifneq ($(CONFIRM),yes)
	@echo "make reset deletes $(INVENTORY_DB) and every snapshot in it; to do so: make reset CONFIRM=yes"
	@exit 1
else
	rm -f $(INVENTORY_DB) $(INVENTORY_DB).wal
endif
