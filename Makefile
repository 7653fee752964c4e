# dateline — the targets the README names.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB ?= demo.db

.PHONY: help venv demo test lint typecheck unit system-deps bench bench-reads bench-startup eval clean

help:
	@echo "make demo   - set up .venv and ingest the example corpus into $(DEMO_DB), print what was found"
	@echo "make test   - set up .venv (and PostgreSQL, chromium when root) and run lint, types and all tests"
	@echo "make eval   - score the temporal tagger, the event extractor and the stories (TBAQ and the real-news set need ../shared/data)"
	@echo "make bench  - run the benchmarks in bench/ (see bench/RESULTS.md)"
	@echo "make bench-reads READS_EVENTS=1000000 - the read side on a synthetic database of that many events"
	@echo "make bench-startup STARTUP_STORY=story:... STARTUP_AS_OF=YYYY-MM-DD [STARTUP_DB=URL] - a read command's start-up to first SQL"

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[model,dev]'
	touch $(STAMP)

venv: $(STAMP)

demo: venv
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/dateline --version
	$(BIN)/dateline ingest examples/corpus --db $(DEMO_DB)
	$(BIN)/dateline timeline --db $(DEMO_DB)
	$(BIN)/dateline pending --db $(DEMO_DB) --as-of 2026-02-25

# Debian's PostgreSQL server for the PostgreSQL tests and Debian's chromium for the
# browser tests of the web page (only installable as root; never a downloaded browser).
system-deps:
	@if [ ! -x "$$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -1)" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else echo "note: PostgreSQL server not installed; PostgreSQL tests will be skipped"; fi; \
	fi
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: chromium not installed; browser tests will be skipped"; fi; \
	fi

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: venv
	$(BIN)/mypy

# A base directory of our own: pytest then neither scans nor prunes the numbered
# directories that other runs left in /tmp/pytest-of-$USER.
unit: venv
	$(BIN)/pytest -q --basetemp=.pytest-tmp --durations=15

test: system-deps venv lint typecheck unit

eval: venv
	for d in ../shared/data/tempeval3/tbaq tests/fixtures/timex/synthetic_*; do \
		[ -d $$d ] || { echo "== $$d: not here, skipped"; continue; }; \
		echo "== $$d"; $(BIN)/dateline eval timex $$d || exit 1; done
	for d in tests/fixtures/events tests/fixtures/events/heldout*; do \
		echo "== $$d"; $(BIN)/dateline eval events $$d | head -8; done
	if [ -d ../shared/data/realnews ]; then echo "== realnews"; \
		$(BIN)/dateline eval events tests/fixtures/events/realnews --texts ../shared/data/realnews | head -8; fi
	for d in tests/fixtures/stories_unit tests/fixtures/stories; do \
		ls $$d/*/series.json >/dev/null 2>&1 || continue; \
		echo "== $$d"; $(BIN)/dateline eval stories $$d || exit 1; done

bench: venv
	$(BIN)/python bench/bench_read.py
	$(BIN)/python bench/bench_timex.py
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_link.py
	$(BIN)/python bench/bench_long.py
	$(BIN)/python bench/bench_query.py --sizes 1000 10000
	$(BIN)/python bench/bench_export.py --events 10000 100000
	$(BIN)/python bench/bench_store.py --sizes 1000 10000 --big-story 10000
	$(BIN)/python bench/bench_dask.py --articles 200 --workers 2
	$(BIN)/python bench/bench_ingest.py --articles 200 --workers 1 2 --rounds 2
	$(MAKE) bench-reads

# Reads, HTTP, the page in Chromium, clients during an ingest, export and start-up on a
# synthetic database (bench/bigdb.py); 1,000,000 events take about 5 minutes to build
# and 3 GB: READS_DB keeps the file for the next run.
READS_EVENTS ?= 100000
READS_DB ?=
bench-reads: venv
	$(BIN)/python bench/bench_reads.py --events $(READS_EVENTS) $(if $(READS_DB),--db $(READS_DB))

# A read command's fixed cost (start-up to first SQL) on an existing database, e.g.
# make bench-startup STARTUP_DB=demo.db STARTUP_STORY=story:… STARTUP_AS_OF=2026-02-25
STARTUP_DB ?= $(DEMO_DB)
STARTUP_STORY ?=
STARTUP_AS_OF ?=
bench-startup: venv
	@test -n "$(STARTUP_STORY)" -a -n "$(STARTUP_AS_OF)" || { echo "set STARTUP_STORY and STARTUP_AS_OF (see bench/RESULTS.md)"; exit 2; }
	$(BIN)/python bench/bench_startup.py --db $(STARTUP_DB) --code src --story $(STARTUP_STORY) --as-of $(STARTUP_AS_OF) --repeat 5

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .pytest-tmp .mypy_cache .ruff_cache
