# xxgk — the two commands of the quick start are `make run` and `make test`.
# Only Python 3.11+ and make are needed: uv is installed with pip when it is missing.

PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")

.PHONY: run test lint format bench uv sync

uv:
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 \
	  || $(PYTHON) -m pip install --quiet --user uv \
	  || $(PYTHON) -m pip install --quiet --user --break-system-packages uv

sync: uv
	@$(UV) sync --locked --quiet

## run: check the demo report (the sample, typed in) and print it
run: sync
	$(UV) run xxgk check src/xxgk/demo/changzhou-fao-2020.json
	$(UV) run xxgk check --json src/xxgk/demo/changzhou-fao-2020.json

## test: install everything and run the whole test suite
test: sync
	$(UV) run pytest

## bench: xxgk audit's reading speed per form on one core, --jobs scaling, peak memory
bench: sync
	$(UV) run python -m benchmarks.bench

## lint: ruff check and ruff format --check
lint: sync
	$(UV) run ruff check .
	$(UV) run ruff format --check .

format: sync
	$(UV) run ruff format .
	$(UV) run ruff check --fix .
