"""Sign-up timing for a known and a new address (issue #19, 4: account enumeration by timing).

`POST /accounts` gives the same status and body whether the address has an account or not; this measures whether
its time gives the answer away. Engagement runs in this process on a throwaway PostgreSQL database
(`tandem_bench_enum_*`, dropped afterwards) and the memory bus, and is called through Flask's test client, so the
figures are the service's own time (validation, the argon2id hash, the transaction, the outbox) without a network.

Three kinds of sign-up, interleaved round after round so that the machine's load weighs on each alike:

  new         an address no one has (a fresh one each round): the account is created;
  verified    the address of a verified account: nothing is created, an audit row is written;
  unverified  the address of an account still waiting for its verification: a fresh link is sent.

Usage: uv run python bench/enumeration_timing.py [--rounds 200]
Output: markdown on stdout, JSON in bench/results/enumeration_timing.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

from tandem_shared.harness import ServiceHarness  # noqa: E402
from tandem_shared.testing import postgres_database, reset_memory_broker  # noqa: E402
from tandem_shared.timeutil import utcnow  # noqa: E402

PASSWORD = "un jardin partagé au printemps"
WARM_UP_ROUNDS = 20


def add_company(harness: ServiceHarness) -> None:
    from engagement.models import Company, CompanyDomain, Entity

    now = utcnow()
    with harness.runtime.unit_of_work() as uow:
        company = Company(
            id="c-bench", name="Groupe Banc d'essai", head_office_address="1 quai du Banc, 69002 Lyon", siren="552081317",
            rcs="RCS Lyon 552 081 317", representative_name="Claire Dumas", representative_title="DRH",
            days_per_year=Decimal("2"), end_of_career_enabled=False, uses_sso=False, created_at=now, updated_at=now,
        )
        company.domains = [CompanyDomain(domain="banc.test")]
        company.entities = [Entity(id="e-bench", name="Siège")]
        uow.session.add(company)


def sign_up(harness: ServiceHarness, email: str) -> float:
    """One sign-up; its duration in milliseconds."""
    payload = {"first_name": "Camille", "last_name": "Martin", "email": email, "password": PASSWORD,
               "password_confirmation": PASSWORD, "entity_id": "e-bench", "consent": True}
    started = time.perf_counter()
    response = harness.client.post("/accounts", json=payload, base_url="https://localhost")
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 202, response.get_json()
    return elapsed


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    from engagement.models import Person

    reset_memory_broker()
    with postgres_database(prefix="tandem_bench_enum") as database_url:
        harness = ServiceHarness("engagement", REPO_ROOT / "services" / "engagement", database_url)
        try:
            add_company(harness)
            sign_up(harness, "verifiee@banc.test")
            sign_up(harness, "en.attente@banc.test")
            with harness.runtime.unit_of_work() as uow:
                uow.session.query(Person).filter_by(email="verifiee@banc.test").one().email_verified_at = utcnow()
            timings: dict[str, list[float]] = {"new": [], "verified": [], "unverified": []}
            load_before = os.getloadavg()
            started = time.monotonic()
            for round_number in range(WARM_UP_ROUNDS + args.rounds):
                measured = {
                    "new": sign_up(harness, f"nouvelle.{round_number}@banc.test"),
                    "verified": sign_up(harness, "verifiee@banc.test"),
                    "unverified": sign_up(harness, "en.attente@banc.test"),
                }
                if round_number >= WARM_UP_ROUNDS:
                    for kind, elapsed in measured.items():
                        timings[kind].append(elapsed)
            duration = time.monotonic() - started
            load_after = os.getloadavg()
        finally:
            harness.close(check_contract=False)

    summary = {kind: {"p50": statistics.median(values), "p90": percentile(values, 0.9), "mean": statistics.fmean(values)}
               for kind, values in timings.items()}
    report = {
        "rounds": args.rounds, "seconds": round(duration, 1), "load_average": [load_before[0], load_after[0]],
        "python": platform.python_version(), "machine": f"{os.cpu_count()} CPUs, {platform.platform()}",
        "milliseconds": summary,
    }
    print(f"Sign-up timing, {args.rounds} interleaved rounds after {WARM_UP_ROUNDS} warm-up rounds, {duration:.0f} s, "
          f"load average {load_before[0]:.1f} → {load_after[0]:.1f}\n")
    print("| address | p50 ms | p90 ms | mean ms |\n|---|---:|---:|---:|")
    for kind, figures in summary.items():
        print(f"| {kind} | {figures['p50']:.1f} | {figures['p90']:.1f} | {figures['mean']:.1f} |")
    print(f"\nknown (verified) p50 / new p50: {summary['verified']['p50'] / summary['new']['p50']:.2f}")
    results = REPO_ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "enumeration_timing.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
