"""The topology declared before anything publishes, delayed retries, a database outage and a lost confirm,
on the real RabbitMQ and PostgreSQL (a throw-away virtual host and database per test)."""
from __future__ import annotations

import threading
import time

import pika
import pytest
import sqlalchemy as sa
from tandem_tiny_service import FAILED, HAPPENED, QUICK_RETRIES, SERVICE, build_runtime, effect_rows, effects, wait_until

from tandem_shared.bus import Bus, BusSettings
from tandem_shared.deadletter import list_dead
from tandem_shared.testing import TcpProxy, rabbitmq_queue_messages, running
from tandem_shared.topology import Topology

pytestmark = pytest.mark.integration

RETRY_QUEUES = ("tiny.retry.300ms", "tiny.retry.600ms")


def queue_depths(vhost_url: str) -> dict[str, int]:
    """Ready and unacknowledged messages as the broker's statistics say (they lag by a few seconds: poll them)."""
    return {queue: rabbitmq_queue_messages(vhost_url, queue) for queue in (SERVICE, *RETRY_QUEUES, f"{SERVICE}.dead")}


def ready(vhost_url: str, queue: str) -> int:
    """Messages ready in a queue now (a passive declare: no statistics lag)."""
    connection = pika.BlockingConnection(pika.URLParameters(vhost_url))
    try:
        return connection.channel().queue_declare(queue, passive=True).method.message_count
    finally:
        connection.close()


def test_events_published_before_any_consumer_ever_connected_wait_in_the_declared_queue(vhost_url, pg_url):
    producer = build_runtime(pg_url, vhost_url)
    # What `tandem-topology declare` does at deploy time, before any service starts.
    Topology({SERVICE: (HAPPENED, FAILED)}).declare(producer.bus)
    with producer.unit_of_work() as uow:
        ids = [uow.publish(HAPPENED, str(n), {"n": n}).id for n in range(20)]
    assert producer.relay.flush() == 20
    producer.relay.close()

    connection = pika.BlockingConnection(pika.URLParameters(vhost_url))
    try:
        declared = connection.channel().queue_declare(SERVICE, passive=True).method
    finally:
        connection.close()
    assert (declared.message_count, declared.consumer_count) == (20, 0)  # kept, and nobody ever consumed

    consumer = build_runtime(pg_url, vhost_url, create_tables=False)
    with running(consumer):
        wait_until(lambda: len(effect_rows(consumer)) == 20, 15, "the 20 effects")
    assert sorted(event_id for event_id, _ in effect_rows(consumer)) == sorted(ids)
    producer.db.dispose()


def test_the_same_topology_without_the_declaration_loses_the_events(vhost_url, pg_url):
    """The defect the declaration fixes, shown: with only the exchange, RabbitMQ drops what nobody's queue binds."""
    producer = build_runtime(pg_url, vhost_url)
    with producer.unit_of_work() as uow:
        uow.publish(HAPPENED, "1", {"n": 1})
    assert producer.relay.flush() == 1  # confirmed: routed nowhere is not an error to the broker
    producer.relay.close()
    consumer = build_runtime(pg_url, vhost_url, create_tables=False)
    with running(consumer):
        time.sleep(1.0)
    assert effect_rows(consumer) == []
    producer.db.dispose()


def test_a_message_that_fails_until_its_data_arrives_goes_through_the_retry_queue_without_blocking_the_others(vhost_url, pg_url):
    """An approval before the mission's copy: it fails, waits in tiny.retry.300ms, and succeeds once the copy is there."""
    copy_arrived = threading.Event()
    attempts: list[str] = []

    def needs_the_copy(event, uow):
        attempts.append(event.id)
        if not copy_arrived.is_set():
            raise LookupError("the mission's copy is not here yet")
        uow.session.execute(effects.insert().values(event_id=event.id, type=event.type))

    def the_copy(event, uow):
        uow.session.execute(effects.insert().values(event_id=event.id, type=event.type))
        copy_arrived.set()

    runtime = build_runtime(pg_url, vhost_url, subscriptions={FAILED: needs_the_copy, HAPPENED: the_copy})
    runtime.declare_topology()
    with running(runtime):
        with runtime.unit_of_work() as uow:
            approval = uow.publish(FAILED, "approval", {"n": 1})
        wait_until(lambda: len(attempts) >= 2, 5, "the first try and its immediate retry")
        with runtime.unit_of_work() as uow:
            mission = uow.publish(HAPPENED, "mission", {"n": 2})
        wait_until(lambda: len(effect_rows(runtime)) == 2, 15, "both effects")
        wait_until(lambda: sum(queue_depths(vhost_url).values()) == 0, 10, "every queue to be empty", interval=0.2)

    assert [event_id for event_id, _ in effect_rows(runtime)] == [mission.id, approval.id]
    assert attempts == [approval.id] * 3  # try, immediate retry, then the delayed retry succeeds
    assert list_dead(runtime.bus, SERVICE) == []


def test_a_database_outage_pauses_consumption_and_counts_against_no_message(vhost_url, pg_url):
    host_port = pg_url.split("@", 1)[1].split("/", 1)[0]
    host, port = host_port.rsplit(":", 1)
    proxy = TcpProxy(host, int(port))
    producer = build_runtime(pg_url, vhost_url)
    # The consumer reaches its database through the proxy only; the producer and the test do not.
    consumer = build_runtime(proxy.url_for(pg_url), vhost_url, create_tables=False)
    calls: list[str] = []
    handle = consumer.inbox.handle

    def counting(event):
        calls.append(event.id)
        return handle(event)

    consumer.inbox.handle = counting
    try:
        with running(consumer):
            proxy.cut()
            with producer.unit_of_work() as uow:
                ids = [uow.publish(HAPPENED, str(n), {"n": n}).id for n in range(10)]
            producer.relay.flush()
            wait_until(lambda: consumer.consumer.paused_for_database.is_set(), 10, "the consumer to pause")
            # Several probe intervals, and longer than the whole retry policy would take (0.3 s + 0.6 s).
            time.sleep(3.0)
            assert consumer.consumer.paused_for_database.is_set()
            assert effect_rows(producer) == []
            # Nothing went to a retry queue or to the dead queue: the outage counted against no message.
            assert [ready(vhost_url, queue) for queue in (*RETRY_QUEUES, "tiny.dead")] == [0, 0, 0]
            assert len(set(calls)) == 1, calls  # only the message in hand was tried; the others wait

            proxy.restore()
            recovered_at = time.monotonic()
            wait_until(lambda: len(effect_rows(producer)) == 10, 30, "every effect after the database is back")
            recovery = time.monotonic() - recovered_at
            wait_until(lambda: sum(queue_depths(vhost_url).values()) == 0, 10, "every queue to be empty", interval=0.2)
    finally:
        proxy.close()
        producer.relay.close()
    assert sorted(event_id for event_id, _ in effect_rows(producer)) == sorted(ids)
    assert recovery < QUICK_RETRIES.database_probe_interval + 10
    producer.db.dispose()


def test_a_publish_whose_confirm_never_comes_fails_in_time_and_the_row_is_sent_again_without_a_duplicate_effect(vhost_url, pg_url):
    broker_host_port = vhost_url.split("@", 1)[1].split("/", 1)[0]
    host, port = broker_host_port.rsplit(":", 1)
    proxy = TcpProxy(host, int(port))
    consumer = build_runtime(pg_url, vhost_url)
    consumer.declare_topology()
    # The relay's broker connection goes through the proxy, with a short confirm timeout.
    relay_side = build_runtime(pg_url, proxy.url_for(vhost_url), create_tables=False)
    relay_side.bus = Bus(BusSettings(url=proxy.url_for(vhost_url), retry=QUICK_RETRIES, confirm_timeout=1.0))
    relay_side.relay.bus = relay_side.bus
    outbox = relay_side.tables.outbox
    try:
        relay_side.relay.flush()  # connect while replies flow
        with relay_side.unit_of_work() as uow:
            event = uow.publish(HAPPENED, "1", {"n": 1})
        proxy.freeze_replies()
        started = time.monotonic()
        thread = threading.Thread(target=relay_side.relay.flush)
        thread.start()
        thread.join(60)
        failed_after = time.monotonic() - started
        with relay_side.db.engine.connect() as connection:
            row = connection.execute(sa.select(outbox.c.sent_at, outbox.c.attempts, outbox.c.last_error)).one()
        assert row.sent_at is None and row.attempts >= 1, row
        proxy.restore()
        wait_until(lambda: relay_side.relay.flush() or relay_side.relay.pending_count() == 0, 30, "the row to be sent again")
        with running(consumer):
            wait_until(lambda: effect_rows(consumer), 15, "the effect")
            wait_until(lambda: rabbitmq_queue_messages(vhost_url, SERVICE) == 0, 10, "the copies to be acked", interval=0.2)
    finally:
        proxy.close()
        relay_side.relay.close()
    assert failed_after < 30, failed_after
    assert effect_rows(consumer) == [(event.id, HAPPENED)]
    relay_side.db.dispose()
