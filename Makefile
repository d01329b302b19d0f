# Tandem: the two commands are `make run` (embedded mode) and `make test` (the whole suite).
SHELL := /bin/bash
UV = $(shell command -v uv 2>/dev/null || echo .tools/venv/bin/uv)

.PHONY: run test setup setup-tests run-distributed openapi lint-imports bench sso-dev-provider clean

run: setup ## the platform on http://127.0.0.1:$${TANDEM_PORT:-8080}, one process, SQLite and a memory bus
	TANDEM_DEMO_ACTIVITY=$${TANDEM_DEMO_ACTIVITY:-true} $(UV) run --frozen --no-sync tandem-embedded

# These stop and restart the machine's RabbitMQ: they run alone, after everything else. The slowest tests are listed
# at the end of the first run: the whole suite must stay under 30 minutes on a two-core machine.
BROKER_STOPPING_TESTS = tests/faults shared/tests/test_rabbitmq_integration.py
TEST_WORKERS ?= auto

test: setup-tests ## every test: unit, API, contract, integration (RabbitMQ, PostgreSQL), cross-service
	@status=0; \
	$(UV) run --frozen --no-sync pytest -n $(TEST_WORKERS) --dist loadgroup --durations=20 tests services shared/tests $(addprefix --ignore=,$(BROKER_STOPPING_TESTS)) || status=$$?; \
	$(UV) run --frozen --no-sync pytest $(BROKER_STOPPING_TESTS) || status=$$?; \
	exit $$status

setup:
	@scripts/setup

setup-tests:
	@scripts/setup --for-tests

run-distributed: setup-tests ## every service as gunicorn + worker on RabbitMQ and PostgreSQL, behind nginx
	$(UV) run --frozen --no-sync python deploy/local/run_distributed.py

openapi: setup ## rewrite each service's checked-in openapi.json from the code
	$(UV) run --frozen --no-sync python -m tandem_shared.export_openapi catalog engagement approval documents notifier quiz impact

lint-imports: setup ## no service imports another; shared imports no service
	$(UV) run --frozen --no-sync lint-imports

bench: setup-tests ## the benchmarks (bench/README.md)
	$(UV) run --frozen --no-sync python bench/p1_event_hop.py
	$(UV) run --frozen --no-sync python bench/p2_convention.py
	$(UV) run --frozen --group bench python bench/p3_search.py --profile
	$(UV) run --frozen --no-sync python bench/p4_notifier.py
	$(UV) run --frozen --no-sync python bench/p5_memory.py
	$(UV) run --frozen --no-sync python bench/p6_cold_start.py

sso-dev-provider: setup-tests ## a real OpenID Connect provider on http://127.0.0.1:9400 for trying SSO (README « Brancher une entreprise… »)
	PATH="$$(scripts/web --node-dir):$$PATH" OIDC_PORT=9400 OIDC_CLIENT_ID=tandem OIDC_CLIENT_SECRET= \
	  OIDC_REDIRECT_URI=http://127.0.0.1:$${TANDEM_PORT:-8080}/api/engagement/sso/oidc/callback \
	  OIDC_ACCOUNTS='{"alix": {"email": "alix.martin@horizon-group.example", "given_name": "Alix", "family_name": "Martin", "manager_email": "sophie.laurent@horizon.example"}, "lea": {"email": "lea.moreau@lumen.example", "given_name": "Léa", "family_name": "Moreau", "department": "Exploitation"}, "hugo": {"email": "hugo.perrin@lumen.example", "given_name": "Hugo", "family_name": "Perrin", "manager_email": "lea.moreau@lumen.example"}}' \
	  node tests/sso/oidc-provider/server.mjs

clean:
	rm -rf var .tools
