"""What every Tandem service does, checked against documents: health, readiness, OpenAPI, migrations, contract."""
from tandem_shared.service_tests import *  # noqa: F401,F403

# The parties first: an approval or a bilan names a company, a person and a mission that documents must already know
# (without them the message fails, on purpose, and waits in documents.dead). Then every example, in contract order.
PARTIES_FIRST = ("engagement.company.updated", "engagement.person.registered", "engagement.person.updated",
                 "catalog.association.registered", "catalog.association.updated", "catalog.association.approved",
                 "catalog.mission.published", "catalog.mission.updated", "catalog.mission.closed")


def test_every_consumed_example_runs_through_its_handler(service):  # noqa: F811 - replaces the shared test's random order
    consumed = service.contract.consumed_types()
    assert set(PARTIES_FIRST) <= consumed
    for event_type in [*PARTIES_FIRST, *sorted(consumed - set(PARTIES_FIRST))]:
        examples = service.contract.examples(event_type)
        assert examples, f"{event_type} has no example in asyncapi.yaml"
        for example in examples:
            assert service.deliver(event_type, example) == "processed", event_type
