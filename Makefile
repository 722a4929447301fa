# geowire — see README.md. Every target works on a fresh machine: it installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
WEB    := src/geowire/web
VENDOR := $(WEB)/static/vendor
BENCH  ?= ../shared/bench
DB     ?= sqlite:///geowire.db
SAMPLES := src/geowire/samples

.PHONY: install run test soak eval bench lint gazetteer clean

install: $(STAMP) $(VENDOR)/.copied

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(VENDOR)/.copied: $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund --silent --ignore-scripts
	mkdir -p $(VENDOR)/leaflet $(VENDOR)/markercluster $(VENDOR)/uplot $(VENDOR)/swagger-ui
	cp -r $(WEB)/node_modules/leaflet/dist/leaflet.js $(WEB)/node_modules/leaflet/dist/leaflet.css \
	      $(WEB)/node_modules/leaflet/dist/images $(VENDOR)/leaflet/
	cp $(WEB)/node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
	   $(WEB)/node_modules/leaflet.markercluster/dist/MarkerCluster.css \
	   $(WEB)/node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css $(VENDOR)/markercluster/
	cp $(WEB)/node_modules/uplot/dist/uPlot.iife.min.js $(WEB)/node_modules/uplot/dist/uPlot.min.css $(VENDOR)/uplot/
	cp $(WEB)/node_modules/swagger-ui-dist/swagger-ui-bundle.js $(WEB)/node_modules/swagger-ui-dist/swagger-ui.css \
	   $(VENDOR)/swagger-ui/
	cp $(WEB)/node_modules/topojson-client/dist/topojson-client.min.js $(VENDOR)/
	cp $(WEB)/node_modules/world-atlas/countries-50m.json $(VENDOR)/
	touch $@

gazetteer: install
	$(BIN)/geowire build-gazetteer

run: install gazetteer
	$(BIN)/geowire ingest $(SAMPLES) --db $(DB)
	$(BIN)/geowire serve --db $(DB)

test: install gazetteer
	$(BIN)/pytest -q

SOAK_EXAMPLES ?= 2000

SOAK_CRASHES ?= 10

soak: install gazetteer   # the fuzz tests with many random examples, the crash tests killed at many points (fresh seeds)
	GEOWIRE_FUZZ_EXAMPLES=$(SOAK_EXAMPLES) $(BIN)/pytest -q tests/test_fuzz_input.py
	for round in $$(seq $(SOAK_CRASHES)); do $(BIN)/pytest -q -s tests/test_crash.py || exit 1; done

eval: install gazetteer
	$(BIN)/python eval/run.py --bench $(BENCH)

BENCH_EVENTS ?= 1000000
API_LOAD_SECONDS ?= 60
# 2,000 articles (LGL, then the India and VOA event sets): long enough that start-up no longer decides the ratio
BACKFILL_ARTICLES ?= 2000
BACKFILL_REPEAT ?= 2
# bench/run.py: rounds of the pipeline and bare spaCy taking turns over the same articles (a load-robust ratio)
BENCH_PAIRED ?= 3
GROWTH_SIZES ?= 1000,10000,100000
# growth_bench.py --per-day: article n dated near day n / N, as an archive read in date order (0: every event on
# one of 700 days, so the events per day, not only the store, grow with the run)
GROWTH_PER_DAY ?= 150

bench: install gazetteer
	$(BIN)/python bench/run.py --bench $(BENCH) --paired $(BENCH_PAIRED)
	@for script in bench/geo_bench.py bench/timex_bench.py bench/truecase_bench.py; do \
	  if [ -f $$script ]; then $(BIN)/python $$script || exit 1; fi; done
	$(BIN)/python bench/store_bench.py --events $(BENCH_EVENTS)
	@if [ -n "$$GEOWIRE_BENCH_POSTGRES_URL" ]; then \
	  $(BIN)/python bench/store_bench.py --events $(BENCH_EVENTS) --db "$$GEOWIRE_BENCH_POSTGRES_URL"; \
	else echo "(set GEOWIRE_BENCH_POSTGRES_URL to benchmark PostgreSQL too)"; fi
	$(BIN)/python bench/api_load.py --clients 100 --seconds $(API_LOAD_SECONDS)
	$(BIN)/python bench/backfill_bench.py --articles $(BACKFILL_ARTICLES) --repeat $(BACKFILL_REPEAT) --bench $(BENCH)
	$(BIN)/python bench/growth_bench.py --sizes $(GROWTH_SIZES) --per-day $(GROWTH_PER_DAY)
	$(BIN)/python bench/startup_bench.py

lint: install
	$(BIN)/ruff check src tests eval bench

clean:
	rm -rf $(VENV) $(WEB)/node_modules $(VENDOR) geowire.db geowire.db-wal geowire.db-shm
