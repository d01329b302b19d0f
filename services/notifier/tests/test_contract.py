"""The notifier's AsyncAPI document agrees with its code (models against migrations: every service's
shared test, tandem_shared.service_tests)."""


def test_every_consumed_example_matches_its_own_schema(service):
    for event_type in service.contract.consumed_types():
        for example in service.contract.examples(event_type):
            service.contract.validate(event_type, example)
