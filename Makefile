# xxgk — the two commands of the quick start are `make run` and `make test`.
# Only Python 3.11+ and make are needed: uv is installed with pip when it is missing.

PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")

.PHONY: run test lint format bench bench-instructions bench-queue bench-portal bench-online bench-reports uv sync

uv:
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 \
	  || $(PYTHON) -m pip install --quiet --user uv \
	  || $(PYTHON) -m pip install --quiet --user --break-system-packages uv

# --compile-bytecode: installed packages compiled once, here; where bytecode is not written
# (PYTHONDONTWRITEBYTECODE, a read-only install) every start would compile them again, 0.25 s
# more for `xxgk --help`. (Not in pyproject: `uv run` would then re-check them on every run.)
sync: uv
	@$(UV) sync --locked --quiet --compile-bytecode

## run: migrate, load the demo once, and serve the web application (gunicorn) on HOST:PORT,
## under the demo profile (DEBUG on, local hosts only): the settings' default is production.
HOST ?= 127.0.0.1
PORT ?= 8000
run: export XXGK_PROFILE = demo
run: sync
	$(UV) run xxgk manage migrate --noinput -v0
	$(UV) run xxgk demo
	@echo "打开 http://$(HOST):$(PORT)/ ，用上面的演示账号登录（如 officer / xxgk-demo）。"
	$(UV) run xxgk serve --host $(HOST) --port $(PORT)

## test: install everything and run the whole test suite, one worker per core (pytest-xdist)
test: sync
	$(UV) run pytest -n auto

## bench: xxgk audit's reading speed per form on one core, --jobs scaling, peak memory
bench: sync
	$(UV) run python -m benchmarks.bench

## bench-instructions: instructions per report for txt, md and html (valgrind cachegrind): a figure load does not move
bench-instructions: sync
	$(UV) run python -m benchmarks.instructions

## bench-queue: the officer's queue, search and export at 100,000 applications on PostgreSQL
bench-queue: sync
	$(UV) run python -m benchmarks.queue

## bench-portal: the public portal's catalogue, record and search pages under gunicorn, 100,000 records
bench-portal: sync
	$(UV) run python -m benchmarks.portal

## bench-reports: one agency's annual report computed, 500 agencies rolled up, on PostgreSQL
bench-reports: sync
	$(UV) run python -m benchmarks.reports

## bench-online: submitting an application and looking a case up under gunicorn, 1,000,000 applications
bench-online: sync
	$(UV) run python -m benchmarks.online

## lint: ruff check, ruff format --check, and mypy (with the django-stubs plugin)
lint: sync
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	XXGK_PROFILE=development $(UV) run mypy src  # django-stubs loads the settings: no key needed

format: sync
	$(UV) run ruff format .
	$(UV) run ruff check --fix .
