# renkei: two commands set everything up — `make run` runs it, `make test` tests it.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy

UV_VERSION := 0.9.30
UV := $(shell command -v uv 2>/dev/null || echo $(CURDIR)/.tools/bin/uv)
RUN := $(UV) run --frozen
SERVICES := agreements groups staffing finance
ROLE ?= municipality
ORG ?= 062014

.PHONY: help bootstrap run test test-fast lint migrate token kafka bench contracts clients demo mutation clean

help: ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(CURDIR)/.tools/bin/uv:
	python3 -m venv $(CURDIR)/.tools
	$(CURDIR)/.tools/bin/pip install --quiet uv==$(UV_VERSION)

.venv/.synced: $(UV) uv.lock pyproject.toml libs/common/pyproject.toml $(foreach s,$(SERVICES),services/$(s)/pyproject.toml)
	$(UV) sync --all-packages --frozen
	touch $@

bootstrap: .venv/.synced ## install uv and the locked environment

run: bootstrap ## all four services on SQLite + feed transport, demo loaded (DEMO=0: without; Ctrl-C stops)
	$(RUN) python -m renkei_common.devstack $(if $(filter 0,$(DEMO)),--no-demo) $(RUN_ARGS)

test: bootstrap ## the whole suite, on real PostgreSQL and Apache Kafka (started if not given)
	$(RUN) pytest

test-fast: bootstrap ## the suite without the end-to-end process tests
	$(RUN) pytest -m "not slow"

lint: bootstrap ## ruff, and mypy on libs/common and every service
	$(RUN) ruff check .
	$(RUN) mypy libs/common/src $(foreach s,$(SERVICES),services/$(s)/src)

migrate: bootstrap ## upgrade every service database to head (RENKEI_DATABASE_URL per service, or SQLite)
	@for s in $(SERVICES); do $(RUN) python -m renkei_$$s migrate || exit 1; done

token: bootstrap ## print a dev JWT: make token ROLE=municipality ORG=062014
	@$(RUN) python -m renkei_common.auth --roles $(ROLE) --org $(ORG)

kafka: bootstrap ## start a local single-node Apache Kafka (KRaft) in the foreground
	$(RUN) python -m renkei_common.testing.infra kafka

bench: bootstrap ## benchmarks under bench/ (start PostgreSQL and Kafka if not given); figures in docs/BENCHMARKS.md
	$(RUN) python bench/pipeline.py
	$(RUN) python bench/agreements_api.py
	$(RUN) python bench/groups_api.py
	$(RUN) python bench/staffing_matching.py
	$(RUN) python bench/finance_recompute.py
	$(RUN) python bench/finance_incremental.py
	$(RUN) python bench/finance_incremental.py --postgres
	$(RUN) python bench/finance_e2e.py
	$(RUN) python bench/tracing.py

contracts: bootstrap ## regenerate event JSON Schemas and the AsyncAPI document
	$(RUN) python -m renkei_common.events.schemas write

clients: bootstrap ## regenerate the Python clients and TypeScript types in clients/ from every OpenAPI
	$(RUN) python scripts/clients.py

demo: bootstrap ## load the demo into the running services through the generated Python clients
	$(RUN) python scripts/demo.py $(DEMO_ARGS)

mutation: bootstrap ## mutmut score per domain module, a measurement: make mutation MUTATE="agreements groups"
	@for s in $(or $(MUTATE),agreements); do $(RUN) python scripts/mutation.py $$s $(MUTATION_ARGS) || exit 1; done

clean: ## remove local data and caches (keeps the Kafka jar cache)
	rm -rf .data .pytest_cache .mypy_cache .ruff_cache
