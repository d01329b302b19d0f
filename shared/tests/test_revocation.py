"""Token cut-offs: the latest one wins, the lookup reads it at once, bad event data is refused."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from marshmallow import ValidationError

from tandem_shared.auth import InvalidToken, TokenVerifier, load_public_keys
from tandem_shared.db import Database
from tandem_shared.harness import TokenFactory
from tandem_shared.naming import NAMING_CONVENTION
from tandem_shared.revocation import NotBeforeLookup, apply_cutoff, define_token_cutoffs_table, record_not_before

T0 = datetime(2026, 11, 26, 10, 15, 0, 123000, tzinfo=timezone.utc)
PERSON = "0c6f2d3e-8a41-4f0b-9d52-3e7a1b2c4d5e"


@pytest.fixture
def store(database_url):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    table = define_token_cutoffs_table(metadata)
    db = Database(database_url)
    metadata.create_all(db.engine)
    yield db, table
    db.dispose()


def _record(db, table, person_id, not_before):
    with db.transaction() as session:
        record_not_before(session, table, person_id, not_before)


def test_an_unknown_person_has_no_cutoff(store):
    db, table = store
    assert NotBeforeLookup(db, table)(PERSON) is None


def test_the_cutoff_is_read_back_as_aware_utc_to_the_microsecond(store):
    db, table = store
    _record(db, table, PERSON, T0.astimezone(timezone(timedelta(hours=1))))
    found = NotBeforeLookup(db, table)(PERSON)
    assert found == T0
    assert found.utcoffset() == timedelta(0)


def test_the_latest_cutoff_wins_whatever_the_order_of_arrival(store):
    db, table = store
    lookup = NotBeforeLookup(db, table)
    _record(db, table, PERSON, T0)
    _record(db, table, PERSON, T0 - timedelta(microseconds=1))
    _record(db, table, PERSON, T0 - timedelta(days=3))
    assert lookup(PERSON) == T0
    _record(db, table, PERSON, T0 + timedelta(milliseconds=1))
    assert lookup(PERSON) == T0 + timedelta(milliseconds=1)


def test_concurrent_cutoffs_for_one_person_keep_the_latest(store):
    db, table = store
    times = [T0 + timedelta(seconds=n) for n in range(12)]
    errors: list[BaseException] = []

    def write(moment):
        try:
            _record(db, table, PERSON, moment)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(moment,)) for moment in reversed(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert NotBeforeLookup(db, table)(PERSON) == times[-1]


def test_a_naive_time_is_refused(store):
    db, table = store
    with pytest.raises(ValueError):
        _record(db, table, PERSON, T0.replace(tzinfo=None))


def test_apply_cutoff_reads_the_person_and_time_and_ignores_the_rest(store):
    db, table = store
    with db.transaction() as session:
        read = apply_cutoff(session, table, {"person_id": PERSON, "not_before": "2026-11-26T10:15:00.123+00:00", "disabled_at": "x"})
    assert read == T0
    assert NotBeforeLookup(db, table)(PERSON) == T0


@pytest.mark.parametrize(
    "data",
    [
        {"not_before": "2026-11-26T10:15:00+00:00"},
        {"person_id": PERSON},
        {"person_id": PERSON, "not_before": "2026-11-26T10:15:00"},
        {"person_id": PERSON, "not_before": "hier"},
        {"person_id": "x" * 37, "not_before": "2026-11-26T10:15:00+00:00"},
        {"person_id": "", "not_before": "2026-11-26T10:15:00+00:00"},
    ],
    ids=["no-person", "no-time", "naive-time", "not-a-time", "too-long", "empty-person"],
)
def test_apply_cutoff_refuses_data_it_cannot_trust(store, data):
    db, table = store
    with pytest.raises(ValidationError):
        with db.transaction() as session:
            apply_cutoff(session, table, data)
    assert NotBeforeLookup(db, table)(PERSON) is None


def test_a_subject_longer_than_any_person_id_has_no_cutoff(store):
    db, table = store
    assert NotBeforeLookup(db, table)("y" * 500) is None


def test_the_verifier_refuses_tokens_issued_before_the_cutoff_and_not_after(store):
    db, table = store
    tokens = TokenFactory()
    verifier = TokenVerifier(
        load_public_keys(tokens.public_pem), audience="tandem", issuer="tandem-engagement", not_before=NotBeforeLookup(db, table)
    )
    issued = int(datetime.now(timezone.utc).timestamp()) - 60
    assert verifier.verify(tokens.mint(PERSON, iat=issued)).subject == PERSON

    _record(db, table, PERSON, datetime.fromtimestamp(issued + 0.5, tz=timezone.utc))

    with pytest.raises(InvalidToken, match="not-before"):
        verifier.verify(tokens.mint(PERSON, iat=issued))
    assert verifier.verify(tokens.mint(PERSON, iat=issued + 1)).subject == PERSON
